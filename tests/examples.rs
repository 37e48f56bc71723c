//! End-to-end: the `seloste` binary on the six examples. The five transcribed real notices must be
//! well-formed and report exactly the completeness findings their originals really have (reviewed
//! golden files in `tests/golden/`); the fictional notice's history must be clean and its diffs
//! must read as the changes it made. Regenerate the golden files with
//! `UPDATE_EXPECT=1 cargo test --test examples` and review the change like code (expect-test's
//! `expect_file!`: paths are relative to this file).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{root, seloste, REAL};
use expect_test::expect_file;

const HISTORY: &str = "examples/pohjantahti-asiakasrekisteri.history.json";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[track_caller]
fn golden(name: &str, actual: &str) {
    expect_file![format!("golden/{name}")].assert_eq(actual);
}

fn example_path(name: &str) -> String {
    format!("examples/{name}.json")
}

#[test]
fn every_real_example_is_well_formed_and_reports_what_its_original_lacks() {
    for name in REAL {
        let out = seloste(&["validate", &example_path(name)]);
        let text = stdout(&out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name}: findings only, no errors:\n{text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!text.contains("  error "), "{name}: {text}");
        golden(&format!("validate-{name}.txt"), &text);
    }
}

#[test]
fn the_fictional_history_is_valid_and_complete() {
    let out = seloste(&["validate", HISTORY]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn validating_all_examples_at_once_exits_with_the_worst_code() {
    let mut args = vec!["validate".to_owned()];
    args.extend(REAL.iter().map(|s| example_path(s)));
    args.push(HISTORY.into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = seloste(&args);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.starts_with("examples/"))
            .count(),
        6
    );
}

#[test]
fn history_diffs_read_as_the_changes_made() {
    for (from, to) in [(1, 2), (2, 3)] {
        for lang in ["fi", "en"] {
            let out = seloste(&[
                "diff",
                &format!("{HISTORY}@{from}"),
                &format!("{HISTORY}@{to}"),
                "--lang",
                lang,
            ]);
            assert_eq!(out.status.code(), Some(0));
            golden(
                &format!("diff-pohjantahti-v{from}-v{to}.{lang}.txt"),
                &stdout(&out),
            );
        }
    }
    let out = seloste(&[
        "diff",
        &format!("{HISTORY}@1"),
        &format!("{HISTORY}@2"),
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let recipients = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["section"] == "recipients")
        .expect("a new processor");
    assert_eq!(
        recipients["changes"][0]["added"]["item"],
        "Kipinä Uutiskirjeet Oy"
    );
}

/// An independent implementation (Python's `jsonschema`, draft 2020-12) accepts every example
/// against the committed schemas, and rejects a broken one.
#[test]
fn an_independent_validator_accepts_the_examples() {
    let script = r#"
import json, sys
from jsonschema import Draft202012Validator
notice = json.load(open("schema/notice.schema.json"))
history = json.load(open("schema/history.schema.json"))
Draft202012Validator.check_schema(notice)
Draft202012Validator.check_schema(history)
bad = 0
for path in sys.argv[1:]:
    doc = json.load(open(path))
    schema = history if "versions" in doc else notice
    errors = list(Draft202012Validator(schema).iter_errors(doc))
    for e in errors:
        print(f"{path}: {e.json_path}: {e.message}")
    bad += len(errors)
broken = json.load(open(sys.argv[1]))
broken["surprise"] = 1
broken["role"] = {"acts_as": "owner"}
if len(list(Draft202012Validator(notice).iter_errors(broken))) < 2:
    print("the schema accepted a broken notice"); bad += 1
print(f"checked {len(sys.argv) - 1} files")
sys.exit(1 if bad else 0)
"#;
    let mut files: Vec<String> = REAL.iter().map(|s| example_path(s)).collect();
    files.push(HISTORY.into());
    files.push("schema/tests/data/complete.json".into());
    let out = Command::new("python3")
        .current_dir(root())
        .arg("-c")
        .arg(script)
        .args(&files)
        .output()
        .expect("python3 runs (cargo xtask test installs jsonschema)");
    let text = stdout(&out) + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("checked 7 files"), "{text}");
}

#[test]
fn every_example_file_is_covered_by_these_tests() {
    let mut found: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    found.sort();
    let mut expected: Vec<String> = REAL.iter().map(|s| format!("{s}.json")).collect();
    expected.push(
        Path::new(HISTORY)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
    );
    expected.sort();
    assert_eq!(found, expected);
}

/// `seloste render` turns every example into a standalone page in its language, showing its facts,
/// and a history's change log with every version.
#[test]
fn every_example_renders_to_a_standalone_page() {
    for name in REAL {
        let out = seloste(&["render", &example_path(name)]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let html = stdout(&out);
        let notice: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root().join(example_path(name))).unwrap(),
        )
        .unwrap();
        assert!(
            html.starts_with("<!doctype html>\n<html lang=\"fi\">"),
            "{name}"
        );
        for fact in [&notice["title"]["fi"], &notice["organisation"]["name"]] {
            let fact = fact
                .as_str()
                .unwrap()
                .replace('&', "&amp;")
                .replace('"', "&quot;");
            assert!(html.contains(&fact), "{name}: the page lacks {fact}");
        }
    }
    let out = seloste(&["render", HISTORY, "--history", "--lang", "en"]);
    let html = stdout(&out);
    assert!(html.contains("<html lang=\"en\">"));
    for v in [
        "Version 3",
        "Version 2",
        "Version 1",
        "1 June 2026",
        "15 January 2025",
        "1 March 2024",
    ] {
        assert!(html.contains(v), "the change log lacks {v}");
    }
    let out = seloste(&["render", &format!("{HISTORY}@1"), "--lang", "fi"]);
    assert!(
        stdout(&out).contains("Laura Lehtinen"),
        "version 1 names the first contact person"
    );
}
