//! `seloste render FILE`: a standalone HTML page of a notice (or of a history's change log), made by
//! the same Yew components the widget runs in browsers and the edge runs on the server.

use std::path::Path;

use seloste_schema::date::primary_subtag;
use seloste_schema::validate::{validate_document, validate_notice, Report};
use seloste_schema::{Document, Notice};
use seloste_widget::{document, history_html, inline_stylesheet, notice_html, PageContext};

use crate::input::{read_history, read_notice_spec};

pub fn run(
    spec: &str,
    lang: Option<&str>,
    history: bool,
    output: Option<&Path>,
) -> Result<u8, String> {
    // A standalone file has no server behind it: no links to other versions, no `?lang=` switch.
    let mut ctx = PageContext {
        base_url: String::new(),
        version: None,
        published: None,
        languages_href: true,
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
        let body = futures_executor::block_on(notice_html(&notice, &lang, &ctx));
        (notice.title.get(&lang).to_owned(), lang, body)
    };
    let page = document(&title, &lang, &body, &inline_stylesheet());
    match output {
        Some(path) => std::fs::write(path, page)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?,
        None => print!("{page}"),
    }
    Ok(0)
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
