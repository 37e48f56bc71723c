//! Inputs for Seloste's benchmarks (`cargo xtask bench`, see BENCHMARKS.md): the example files,
//! a notice `k` times the size of the largest example, and a history of `n` versions.
//!
//! The synthetic inputs are built from the real examples rather than invented, so that their text,
//! lists and languages look like what publishers really write; only the counts grow.

use std::path::{Path, PathBuf};

use seloste_schema::{Date, History, Notice};
use seloste_widget::PageContext;
use serde_json::Value;

/// The largest single notice among the examples (by JSON size): the unit of "notice size".
pub const LARGEST_EXAMPLE: &str = "capricode-viestintaratkaisut.json";

/// The notice the history benchmarks grow: a bilingual notice whose versions really differ.
pub const HISTORY_EXAMPLE: &str = "pohjantahti-asiakasrekisteri.history.json";

/// Notice sizes the growth benchmarks render, in multiples of the largest example.
pub const NOTICE_SCALES: [usize; 5] = [1, 3, 10, 30, 100];
/// History lengths the growth benchmarks render, in versions.
pub const HISTORY_LENGTHS: [u32; 4] = [1, 10, 100, 1000];

/// The arrays of a notice that repeat in real notices (purposes, data subjects, retention rules,
/// security measures, free sections, the register's description), multiplied to grow a notice.
const GROWING: [&[&str]; 6] = [
    &["purposes"],
    &["data_subjects"],
    &["retention", "rules"],
    &["security", "general"],
    &["other_sections"],
    &["register", "description"],
];

/// `examples/`.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// Every example file (`examples/*.json`), name and text, sorted by name.
pub fn examples() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(examples_dir())
        .expect("examples/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable example"))
        })
        .collect();
    files.sort();
    files
}

fn example_text(name: &str) -> String {
    std::fs::read_to_string(examples_dir().join(name)).expect("example exists")
}

/// The JSON of a notice `k` times the largest example: each repeating list holds its items `k`
/// times over (`k = 1` is the example itself). Still valid: repeated items are not duplicates the
/// schema forbids (those are closed-set values such as legal bases, which are not multiplied).
pub fn scaled_notice_json(k: usize) -> String {
    let mut v: Value = serde_json::from_str(&example_text(LARGEST_EXAMPLE)).unwrap();
    for path in GROWING {
        let mut at = &mut v;
        for key in path {
            at = &mut at[*key];
        }
        if let Value::Array(items) = at {
            let one = items.clone();
            for _ in 1..k {
                items.extend(one.iter().cloned());
            }
        }
    }
    serde_json::to_string(&v).unwrap()
}

/// The notice of [`scaled_notice_json`], parsed.
pub fn scaled_notice(k: usize) -> Notice {
    seloste_schema::document::parse_as(&scaled_notice_json(k)).expect("a valid notice")
}

/// A history of `n` versions built from the history example's versions in turn (so consecutive
/// versions really differ and every diff has content), one day apart.
pub fn long_history(n: u32) -> History {
    let text = example_text(HISTORY_EXAMPLE);
    let file: seloste_schema::HistoryFile = seloste_schema::document::parse_as(&text).unwrap();
    let base = History::try_from(file).expect("a valid history");
    let pick = |i: u32| {
        let vs = base.versions();
        vs[i as usize % vs.len()].clone()
    };
    let first = pick(0);
    let mut h = History::start(first.notice, day(0), None, first.summary);
    for i in 1..n {
        let v = pick(i);
        h.append(v.notice, day(i), v.effective, v.summary)
            .expect("dates only go forward");
    }
    h
}

/// Day `i` after 1 January 2000, in a 28-day month calendar: monotonic, always a real date.
fn day(i: u32) -> Date {
    let (y, m, d) = (2000 + i / 336, (i / 28) % 12 + 1, i % 28 + 1);
    Date::parse(&format!("{y:04}-{m:02}-{d:02}")).unwrap()
}

/// The page context the edge gives its pages (links under `/{id}`, language links).
pub fn edge_context(id: &str, version: Option<u32>) -> PageContext {
    PageContext {
        base_url: format!("/{id}"),
        version,
        published: None,
        languages_href: true,
        changelog_href: None,
    }
}

/// What the CLI and the edge do with a file before rendering it: parse, validate, and take the
/// notice to show (a history's latest version). Panics on an invalid file: the inputs are ours.
pub fn parse_and_validate(json: &str) -> Notice {
    let doc = seloste_schema::parse(json).expect("parses");
    let report = seloste_schema::validate_document(&doc);
    assert!(
        !report.has_errors(),
        "benchmark input has validation errors"
    );
    match doc {
        seloste_schema::Document::Notice(n) => *n,
        seloste_schema::Document::History(h) => {
            let h = History::try_from(h).expect("valid history");
            h.latest().notice.clone()
        }
    }
}

/// Parse + validate + server-render one file into a full page, as `seloste render` and the edge's
/// uncached path do. Returns the page's length so the work cannot be optimised away.
pub fn full_render(json: &str) -> usize {
    let notice = parse_and_validate(json);
    render_notice(&notice).len()
}

/// The server-rendered page of a notice, in its first language.
pub fn render_notice(notice: &Notice) -> String {
    let lang = notice.languages[0].clone();
    let ctx = edge_context(&notice.id, Some(1));
    let body = futures_executor::block_on(seloste_widget::notice_html(notice, &lang, &ctx));
    let title = notice.title.get(&lang);
    seloste_widget::document(title, &lang, &body, "")
}

/// The change-log page of a history.
pub fn render_history(h: &History) -> String {
    let ctx = edge_context(h.id(), None);
    let body = futures_executor::block_on(seloste_widget::history_html(h, "fi", &ctx));
    seloste_widget::document("history", "fi", &body, "")
}

/// The Atom feed of a history, as the edge serves it: from its newest versions.
pub fn render_feed(h: &History) -> String {
    let versions = h.versions();
    let newest = &versions[versions
        .len()
        .saturating_sub(seloste_edge::feed::MAX_ENTRIES)..];
    seloste_edge::feed::atom(
        h.id(),
        newest,
        &[],
        versions.len(),
        "fi",
        "https://notices.example",
    )
}
