//! `seloste log FILE`: the change log of a history, newest first, each version dated with its
//! summary and what changed from the version before — the same `ChangeLog` the edge serves — and
//! its pin (`sha256 …`, [`seloste_schema::pin`]), the hash the edge shows on the version's page.

use std::path::Path;

use seloste_schema::changelog::PAGE_SIZE;
use seloste_schema::{pin, ChangeLog};

use crate::input::read_history;

pub fn run(
    file: &Path,
    lang: Option<&str>,
    from: Option<u32>,
    limit: Option<u32>,
    json: bool,
) -> Result<u8, String> {
    let history = read_history(file)?;
    let lang = lang
        .unwrap_or_else(|| history.latest().notice.main_language())
        .to_owned();
    let log = ChangeLog::page(
        &history,
        &lang,
        from,
        limit.unwrap_or(PAGE_SIZE),
        seloste_widget::i18n::place,
    );
    if json {
        println!(
            "{}",
            serde_json::to_string(&log).map_err(|e| e.to_string())?
        );
        return Ok(0);
    }
    println!("{}", log.title);
    for e in &log.entries {
        let mut heading = format!("\n#{} · {}", e.number, e.published.localized(&log.lang));
        if let Some(eff) = e.effective.filter(|d| *d != e.published) {
            heading.push_str(&format!(" (→ {})", eff.localized(&log.lang)));
        }
        // The version's pin, as the edge shows it: what a consent record cites.
        let hash = history
            .versions()
            .get(e.number as usize - 1)
            .map(pin::version_hash)
            .unwrap_or_default();
        println!("{heading}\n{} {hash}\n{}", pin::ALGORITHM, e.summary);
        // The first version has nothing before it; its summary says what it is.
        if let Some(d) = &e.changes {
            for line in d.to_text().lines() {
                println!("  {line}");
            }
        }
    }
    if let Some(older) = log.older {
        println!("\n… --from {older}");
    }
    Ok(0)
}
