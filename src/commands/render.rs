//! `seloste render FILE`: a standalone HTML page of a notice (or of a history's change log), made by
//! the same Yew components the widget runs in browsers and the edge runs on the server.

use std::path::Path;

use seloste_schema::date::primary_subtag;
use seloste_schema::validate::{validate_document, validate_notice, Report};
use seloste_schema::{Document, Notice};
use seloste_widget::{document, history_html, inline_stylesheet, notice_html, PageContext};

use crate::input::{read_history, read_notice_spec, split_spec};

pub fn run(
    spec: &str,
    lang: Option<&str>,
    history: bool,
    output: Option<&Path>,
    changelog: Option<&str>,
) -> Result<u8, String> {
    // A standalone file has no server behind it: no links to other versions, no `?lang=` switch.
    let mut ctx = PageContext {
        base_url: String::new(),
        version: None,
        published: None,
        languages_href: true,
        changelog_href: changelog.map(checked_changelog).transpose()?,
    };
    let (title, lang, body) = if history {
        let h = read_history(Path::new(spec))?;
        refuse_errors(
            spec,
            &validate_document(&Document::History(h.clone().into())),
        )?;
        let notice = &h.latest().notice;
        let lang = language(notice, lang)?;
        let body = futures_executor::block_on(history_html(&h, &lang, &ctx));
        (notice.title.get(&lang).to_owned(), lang, body)
    } else {
        let (notice, version) = read_notice_spec(spec)?;
        refuse_errors(spec, &validate_notice(&notice))?;
        ctx.version = version.as_ref().map(|v| v.number);
        ctx.published = version.as_ref().map(|v| v.published).or(notice.updated);
        let lang = language(&notice, lang)?;
        if ctx.changelog_href.is_none() {
            ctx.changelog_href = changelog_beside(spec, version.is_some(), output, &lang)?;
        }
        let body = futures_executor::block_on(notice_html(&notice, &lang, &ctx));
        (notice.title.get(&lang).to_owned(), lang, body)
    };
    let page = document(&title, &lang, &body, &inline_stylesheet());
    write(output, &page)?;
    Ok(0)
}

fn write(output: Option<&Path>, page: &str) -> Result<(), String> {
    match output {
        Some(path) => {
            std::fs::write(path, page).map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }
        None => {
            print!("{page}");
            Ok(())
        }
    }
}

/// `--changelog`: a web address, or a relative path to a file; nothing a browser would run.
fn checked_changelog(href: &str) -> Result<String, String> {
    let web = ["https://", "http://"]
        .iter()
        .any(|s| href.len() > s.len() && href[..s.len()].eq_ignore_ascii_case(s));
    let relative = !href.contains(':') && !href.starts_with("//");
    let clean = !href.is_empty()
        && !href
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || seloste_schema::text::is_invisible(c));
    if (web || relative) && clean {
        Ok(href.to_owned())
    } else {
        Err(format!(
            "--changelog {href}: give an https:// or http:// address, or a file name beside the page"
        ))
    }
}

/// A version of a history rendered to a file links its change log, written beside it as
/// `NAME.changes.html` in the same language. A single notice has no published versions, and
/// standard output no place beside it: the page then links none, and says so on stderr.
fn changelog_beside(
    spec: &str,
    from_history: bool,
    output: Option<&Path>,
    lang: &str,
) -> Result<Option<String>, String> {
    let Some(out) = output.filter(|_| from_history) else {
        eprintln!(
            "note: the page links no change log ({}); give --changelog URL to link the published one",
            if from_history {
                "standard output has no place for one beside it"
            } else {
                "a single notice has no published versions"
            }
        );
        return Ok(None);
    };
    let (file, _) = split_spec(spec)?;
    let history = read_history(Path::new(file))?;
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "notice".into());
    let name = format!("{stem}.changes.html");
    let ctx = PageContext {
        base_url: String::new(),
        version: None,
        published: None,
        languages_href: true,
        changelog_href: None,
    };
    let notice = &history.latest().notice;
    let lang = notice.pick_language(lang).to_owned();
    let body = futures_executor::block_on(history_html(&history, &lang, &ctx));
    let page = document(notice.title.get(&lang), &lang, &body, &inline_stylesheet());
    write(Some(&out.with_file_name(&name)), &page)?;
    Ok(Some(name))
}

/// A malformed notice is not rendered: what readers would see could be missing or wrong.
fn refuse_errors(spec: &str, report: &Report) -> Result<(), String> {
    if !report.has_errors() {
        return Ok(());
    }
    let mut message = format!(
        "{spec}: not rendered, the notice has {} error(s) (see `seloste validate`):",
        report.errors().count()
    );
    for p in report.errors() {
        message.push_str(&format!("\n  error    {}: {}", p.path, p.message));
    }
    Err(message)
}

/// The language to render: the one asked for must be one of the notice's (`sv-FI` matches `sv`);
/// a silent fallback would hand a reader a page in a language they did not ask for.
fn language(notice: &Notice, wanted: Option<&str>) -> Result<String, String> {
    let Some(wanted) = wanted else {
        return Ok(notice.main_language().to_owned());
    };
    let has = notice.languages.iter().any(|l| {
        l.eq_ignore_ascii_case(wanted)
            || primary_subtag(l).eq_ignore_ascii_case(primary_subtag(wanted))
    });
    if has {
        Ok(notice.pick_language(wanted).to_owned())
    } else {
        Err(format!(
            "--lang {wanted}: the notice is written in {} only",
            notice.languages.join(", ")
        ))
    }
}
