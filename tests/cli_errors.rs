//! End-to-end: the `seloste` binary on bad input. Every failure is one clear line naming the file
//! and the position, exit code 2, and never a panic.

use std::path::PathBuf;
use std::process::{Command, Output};

mod common;
use common::{all_output, seloste};

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    common::temp_file("cli-errors", name, bytes)
}

#[track_caller]
fn assert_malformed(out: &Output, needle: &str) {
    let all = all_output(out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit code 2 for malformed input:\n{all}"
    );
    assert!(all.contains(needle), "expected {needle:?} in:\n{all}");
    assert!(!all.contains("panicked"), "{all}");
}

#[test]
fn not_json_names_file_line_and_column() {
    let f = temp_file("broken.json", b"{\n  \"format\": 1,\n  nope\n}\n");
    let out = seloste(&["validate", f.to_str().unwrap()]);
    assert_malformed(&out, "not valid JSON");
    assert_malformed(&out, "line 3, column 3");
    assert_malformed(&out, "broken.json");
}

#[test]
fn wrong_shape_names_the_json_path() {
    let f = temp_file("shape.json", br#"{"format":1,"id":"a/b","languages":["fi"],"title":{"fi":"x"},"organisation":{"name":"A","emails":"a@b.fi"},"role":{"acts_as":"controller"}}"#);
    let out = seloste(&["validate", f.to_str().unwrap()]);
    assert_malformed(
        &out,
        r#"organisation.emails: a list is expected here (`[…]`), not the single string "a@b.fi""#,
    );
}

#[test]
fn unreadable_files_are_reported_not_panicked() {
    let out = seloste(&["validate", "/nonexistent/notice.json"]);
    assert_malformed(&out, "/nonexistent/notice.json: cannot read");
    let out = seloste(&["diff", "/nonexistent/a.json", "/nonexistent/b.json"]);
    assert_malformed(&out, "cannot read");
}

#[test]
fn invalid_utf8_gives_its_position() {
    let f = temp_file("latin1.json", b"{\n \"title\": \"Tietosuojaseloste \xe4\"}");
    let out = seloste(&["validate", f.to_str().unwrap()]);
    assert_malformed(&out, "latin1.json:2:");
    assert_malformed(&out, "not valid UTF-8");
}

#[test]
fn empty_and_deeply_nested_input() {
    let f = temp_file("empty.json", b"");
    assert_malformed(
        &seloste(&["validate", f.to_str().unwrap()]),
        "not valid JSON",
    );
    let deep = "[".repeat(100_000);
    let f = temp_file("deep.json", deep.as_bytes());
    assert_malformed(
        &seloste(&["validate", f.to_str().unwrap()]),
        "not valid JSON",
    );
}

#[test]
fn json_output_is_machine_readable() {
    let f = temp_file("bad-email.json", br#"{"format":1,"id":"a/b","languages":["fi"],"title":{"fi":"x"},"organisation":{"name":"A","emails":["nope"]},"role":{"acts_as":"controller"}}"#);
    let out = seloste(&["validate", "--json", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON on stdout");
    assert_eq!(v[0]["errors"][0]["path"], "organisation.emails[0]");
    assert_eq!(v[0]["errors"][0]["severity"], "error");
    // Beside the English message, the code and values an editor says it with in fi/sv.
    assert_eq!(
        v[0]["errors"][0]["message"],
        "`nope` is not an email address"
    );
    assert_eq!(v[0]["errors"][0]["code"], "not_email");
    assert_eq!(v[0]["errors"][0]["values"]["email"], "nope");
    assert!(v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["article"] == "13(2)(d)"));
}

#[test]
fn a_version_that_does_not_exist() {
    let f = temp_file("single.json", br#"{"format":1,"id":"a/b","languages":["fi"],"title":{"fi":"x"},"organisation":{"name":"A"},"role":{"acts_as":"controller"}}"#);
    let spec = format!("{}@2", f.display());
    assert_malformed(
        &seloste(&["diff", &spec, f.to_str().unwrap()]),
        "is a single notice, not a history",
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let out = seloste(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let committed: serde_json::Value =
        serde_json::from_str(include_str!("../schema/notice.schema.json")).unwrap();
    assert_eq!(printed, committed);
}

#[test]
fn publish_without_a_token_says_so() {
    let f = temp_file("p.json", b"{}");
    let out = Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(["publish", f.to_str().unwrap(), "--to", "http://127.0.0.1:9"])
        .env_remove("SELOSTE_TOKEN")
        .output()
        .unwrap();
    assert_malformed(&out, "SELOSTE_TOKEN");
}
