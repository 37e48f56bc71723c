//! The one body of every fuzz target, shared with the stable replay test (`tests/fuzz_corpus.rs`
//! includes this file by path) so that the committed corpus is checked by exactly the code the
//! fuzzer ran, in the ordinary `cargo test`.
//!
//! The property is simple: whatever the bytes, parsing, validating, diffing and rendering return
//! (an error is fine) and never panic, overflow the stack or loop. The CLI, the edge and the widget
//! all run these functions on text nobody vetted, and a panic in the Worker is a 500 for everyone.

// Each target uses one of the two functions.
#![allow(dead_code)]

use futures_executor::block_on;
use seloste_schema::validate::check_json;
use seloste_schema::{diff, Document, History, Notice};
use seloste_widget::{diff_html, history_html, notice_html, PageContext};

/// A fully filled-in notice (schema/tests/data/complete.json): the other side of every diff.
const REFERENCE: &str = include_str!("../schema/tests/data/complete.json");

/// Languages to render in besides the notice's own: the UI's three, one it cannot know, and tags
/// of odd shape (the widget passes the host page's `lang` attribute straight through).
const EXTRA_LANGS: [&str; 4] = ["en", "sv-FI", "xx", ""];

/// Parse + validate only: cheap, so the fuzzer can run it at high speed.
pub fn parse_validate(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (doc, report) = check_json(&text);
    for p in &report.problems {
        let _ = p.to_string();
    }
    if let Some(Document::History(file)) = doc {
        // The checked form must agree with validation: try_from never panics either.
        let _ = History::try_from(file);
    }
}

/// Parse, validate, then diff and render whatever parsed, valid or not: `seloste render` and
/// `seloste diff` render files that validation would refuse, so the renderer must cope with any
/// notice the types can hold.
pub fn render_diff(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (doc, _report) = check_json(&text);
    let Some(doc) = doc else { return };
    let reference: Notice = match seloste_schema::parse(REFERENCE) {
        Ok(Document::Notice(n)) => *n,
        _ => unreachable!("the reference notice parses"),
    };
    let ctx = PageContext {
        base_url: "https://edge.example/org/notice".into(),
        version: Some(1),
        published: None,
        languages_href: true,
        changelog_href: None,
    };
    let notices: Vec<&Notice> = match &doc {
        Document::Notice(n) => vec![n],
        Document::History(h) => h.versions.iter().map(|v| &v.notice).collect(),
    };
    for (i, n) in notices.iter().enumerate() {
        let langs = n
            .languages
            .iter()
            .map(String::as_str)
            .chain(EXTRA_LANGS)
            .take(6);
        for lang in langs {
            let lang = n.pick_language(lang);
            let _ = block_on(notice_html(n, lang, &ctx));
            let _ = diff(&reference, n, lang).to_text();
            let _ = diff(n, &reference, lang).to_text();
            if let Some(next) = notices.get(i + 1) {
                let _ = diff(n, next, lang).to_text();
            }
        }
    }
    if let Document::History(file) = doc {
        if let Ok(history) = History::try_from(file) {
            let last = history.latest().number;
            let lang = history.latest().notice.main_language().to_owned();
            let _ = block_on(history_html(&history, &lang, &ctx));
            let _ = block_on(diff_html(&history, 1, last, &lang, &ctx));
            let _ = block_on(diff_html(&history, last, 1, "xx", &ctx));
            let _ = block_on(diff_html(&history, 0, u32::MAX, &lang, &ctx));
        }
    }
}
