//! End-to-end: `seloste log` on the fictional history, the change log readers see: versions
//! newest first, dated in the reader's language, each with its summary and what changed from the
//! version before; a page at a time (`--from`, `--limit`); `--json` as the edge's `…/changes`
//! serves it (tests/edge/publish-cli.test.mjs compares the two).

use serde_json::Value;

mod common;
use common::{all_output, seloste};

const HISTORY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/pohjantahti-asiakasrekisteri.history.json"
);

#[track_caller]
fn log(args: &[&str]) -> String {
    let out = seloste(&[&["log", HISTORY], args].concat());
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    String::from_utf8(out.stdout).unwrap()
}

/// Where `needle` is in `text`; fails naming it when it is not there.
#[track_caller]
fn at(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in:\n{text}"))
}

#[test]
fn the_change_log_lists_every_version_newest_first_dated_with_what_changed() {
    let text = log(&["--lang", "en"]);
    assert!(
        text.starts_with("Privacy notice for the customer register of Pohjantähti Verkkokauppa\n")
    );
    let v3 = at(&text, "#3 · 1 June 2026");
    let v2 = at(&text, "#2 · 15 January 2025");
    let v1 = at(&text, "#1 · 1 March 2024");
    assert!(v3 < v2 && v2 < v1, "newest first:\n{text}");
    let (third, second, first) = (&text[v3..v2], &text[v2..v1], &text[v1..]);
    at(third, "Our new contact person is Mikko Järvinen.");
    at(third, "Name: “Laura Lehtinen” → “Mikko Järvinen”");
    at(third, "At most: “36 months” → “24 months”");
    at(second, "+ Added: Kipinä Uutiskirjeet Oy");
    assert!(
        !second.contains("Mikko Järvinen"),
        "version 2 changed only the processors"
    );
    at(first, "The first published version of the notice.");
    assert!(
        !first.contains("The first published version.\n"),
        "the summary is not followed by a stock line:\n{first}"
    );
    assert!(!first.contains("Added"), "nothing came before version 1");
}

#[test]
fn the_change_log_is_paged_and_in_the_notices_main_language_by_default() {
    let text = log(&["--from", "2", "--limit", "1"]);
    at(&text, "#2 · 15.1.2025");
    at(&text, "+ Lisätty: Kipinä Uutiskirjeet Oy");
    assert!(
        !text.contains("#3") && !text.contains("#1 "),
        "one version only:\n{text}"
    );
    assert!(text.trim_end().ends_with("… --from 1"), "{text}");
}

#[test]
fn json_is_the_change_log_as_the_edge_serves_it() {
    let log: Value = serde_json::from_str(&log(&["--json", "--lang", "en"])).unwrap();
    assert_eq!(log["id"], "pohjantahti/asiakasrekisteri");
    assert_eq!(log["lang"], "en");
    assert_eq!(log["total"], 3);
    let numbers: Vec<u64> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [3, 2, 1]);
    assert_eq!(log["entries"][1]["published"], "2025-01-15");
    assert_eq!(
        log["entries"][1]["changes"]["sections"][0]["changes"][0]["added"]["item"],
        "Kipinä Uutiskirjeet Oy"
    );
    assert!(
        log["entries"][2].get("changes").is_none(),
        "version 1 has no diff"
    );
    // A language the notice lacks: the edge and the CLI fall back to one it has.
    let swedish: Value = serde_json::from_str(&self::log(&["--json", "--lang", "sv"])).unwrap();
    assert_eq!(swedish["lang"], "fi");
}

/// A single notice has never been published: `log` says so (exit 2) rather than inventing a
/// publication day for it (it once printed "#1 · 1.1.1970").
#[test]
fn a_single_notice_has_no_change_log() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/kaarea-asiakasrekisteri.json"
    );
    for args in [vec!["log", file], vec!["render", file, "--history"]] {
        let out = seloste(&args);
        let text = all_output(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {text}");
        assert!(text.contains("is a single notice, not a history"), "{text}");
        assert!(!text.contains("1970"), "{text}");
    }
}
