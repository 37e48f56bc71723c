//! `seloste version new HISTORY`: start the next version of a history file, so an author edits a
//! copy of the latest notice instead of copying it by hand. The new version is dated today (UTC) or
//! `--date`; its change summary is left for the author to write in every language of the notice
//! (`seloste validate` reports each one still empty), unless `--summary` gives it.

use std::path::Path;

use seloste_schema::{Date, Document, History, Text, Version};

use crate::input::{read_document, today_utc};

pub fn new(
    file: &Path,
    date: Option<&str>,
    effective: Option<&str>,
    summary: Option<&str>,
) -> Result<u8, String> {
    let mut doc = match read_document(file)? {
        Document::History(h) => h,
        Document::Notice(n) => {
            return Err(format!(
                "{}: is a single notice ({}), not a history; a history file is \
                 {{\"format\": 1, \"id\": …, \"versions\": [{{\"number\": 1, \"published\": …, \"summary\": …, \"notice\": …}}]}}",
                file.display(),
                n.id
            ))
        }
    };
    let history = History::try_from(doc.clone()).map_err(|e| format!("{}: {e}", file.display()))?;
    let latest = history.latest();
    let published = match date {
        Some(d) => Date::parse(d).map_err(|e| format!("--date {d}: {e}"))?,
        None => today_utc(),
    };
    if published < latest.published {
        return Err(format!(
            "--date {published} is before version {}'s publication date {}: published dates never go back",
            latest.number, latest.published
        ));
    }
    let effective = effective
        .map(|d| Date::parse(d).map_err(|e| format!("--effective {d}: {e}")))
        .transpose()?;
    if let Some(e) = effective.filter(|e| *e < published) {
        return Err(format!(
            "--effective {e} is before the publication date {published}"
        ));
    }
    let mut notice = latest.notice.clone();
    if notice.updated.is_some() {
        notice.updated = Some(published);
    }
    let main = notice.main_language().to_owned();
    let mut text = Text::default();
    for lang in &notice.languages {
        let words = if *lang == main {
            summary.unwrap_or("")
        } else {
            ""
        };
        text = text.with(lang, words);
    }
    let number = latest.number + 1;
    let to_write: Vec<String> = notice
        .languages
        .iter()
        .filter(|l| text.exact(l).unwrap_or("").trim().is_empty())
        .cloned()
        .collect();
    doc.versions.push(Version {
        number,
        published,
        effective,
        summary: text,
        notice,
    });
    let mut json = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    json.push('\n');
    std::fs::write(file, json).map_err(|e| format!("{}: cannot write: {e}", file.display()))?;
    println!(
        "{}: version {number} started ({published}), a copy of version {}: edit versions[{}].notice",
        file.display(),
        latest.number,
        number - 1
    );
    if !to_write.is_empty() {
        println!(
            "  then write its change summary, versions[{}].summary, in: {}",
            number - 1,
            to_write.join(", ")
        );
    }
    Ok(0)
}
