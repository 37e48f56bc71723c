//! The committed JSON Schemas and the Rust validator agree on invalid documents: whatever the
//! schema rejects, `seloste validate` rejects too (exit 2, with errors). Editors and tools in other
//! languages trust the schema; a document it refuses must never be published by the edge.
//!
//! Invalid variants are generated from the examples and the complete test notice by one mutation
//! each (an unknown field, a field removed, a value of the wrong type, a string that is no code, a
//! negative or fractional number…); Python's `jsonschema` (draft 2020-12, an independent
//! implementation, installed by `cargo xtask test`) says which ones the schema rejects. The other
//! direction is not asked: Rust checks more than a schema can say (check digits, dates, links).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The documents the variants are made from, and how deep to mutate each: every node of the
/// complete notice (it has every section), the sections and their fields of the real notices, and
/// a history's own fields (its notices are notices like the others).
const SOURCES: [(&str, usize); 7] = [
    ("schema/tests/data/complete.json", usize::MAX),
    ("examples/capricode-asiakkuudenhallinta.json", 2),
    ("examples/capricode-viestintaratkaisut.json", 2),
    ("examples/caracom-asiakasrekisteri.json", 2),
    ("examples/carrata-asiakasrekisteri.json", 2),
    ("examples/kaarea-asiakasrekisteri.json", 2),
    ("examples/pohjantahti-asiakasrekisteri.history.json", 3),
];

/// Every node of `v` down to `depth` levels as a JSON Pointer; in a history, not inside the
/// versions' notices.
fn pointers(v: &Value, at: String, depth: usize, out: &mut Vec<String>) {
    out.push(at.clone());
    if depth == 0 || at.ends_with("/notice") {
        return;
    }
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(x, format!("{at}/{k}"), depth - 1, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), depth - 1, out);
            }
        }
        _ => {}
    }
}

/// The one-mutation variants of the node at `ptr` in `doc`.
fn variants(doc: &Value, ptr: &str) -> Vec<(String, Value)> {
    let node = doc.pointer(ptr).expect("a pointer from `pointers`");
    let mut replacements: Vec<(&str, Value)> = match node {
        Value::Object(map) => {
            let mut with_extra = map.clone();
            with_extra.insert("surprise".into(), json!(1));
            let mut out = vec![("unknown field", Value::Object(with_extra))];
            out.push(("an array for an object", json!([])));
            out
        }
        Value::Array(items) => {
            let mut with_number = items.clone();
            with_number.push(json!(1));
            vec![
                ("a number among the items", Value::Array(with_number)),
                ("an object for an array", json!({})),
            ]
        }
        Value::String(_) => vec![
            ("a number for a string", json!(1)),
            ("a string that is no code", json!("owner of it all")),
            ("an empty string", json!("")),
        ],
        Value::Number(_) => vec![
            ("a string for a number", json!("1")),
            ("a negative number", json!(-1)),
            ("a fraction", json!(1.5)),
        ],
        Value::Bool(_) => vec![("a string for a boolean", json!("true"))],
        Value::Null => vec![("a number for null", json!(0))],
    };
    replacements.push(("null", Value::Null));
    let mut out: Vec<(String, Value)> = replacements
        .into_iter()
        .map(|(what, value)| {
            let mut d = doc.clone();
            *d.pointer_mut(ptr).unwrap() = value;
            (format!("{ptr}: {what}"), d)
        })
        .collect();
    // And the field removed (or the item, from an array).
    if let Some((parent, last)) = ptr.rsplit_once('/') {
        let mut d = doc.clone();
        match d.pointer_mut(parent).unwrap() {
            Value::Object(map) => {
                map.remove(&last.replace("~1", "/").replace("~0", "~"));
            }
            Value::Array(items) => {
                items.remove(last.parse::<usize>().unwrap());
            }
            _ => unreachable!(),
        }
        out.push((format!("{ptr}: removed"), d));
    }
    out
}

/// Python's jsonschema over every file in `list`: prints the files the schema rejects.
const REJECTED_BY_SCHEMA: &str = r#"
import json, sys
from jsonschema import Draft202012Validator
notice = Draft202012Validator(json.load(open("schema/notice.schema.json")))
history = Draft202012Validator(json.load(open("schema/history.schema.json")))
files = open(sys.argv[1]).read().split("\n")
for path in files:
    doc = json.load(open(path))
    schema = history if isinstance(doc, dict) and "versions" in doc else notice
    if not schema.is_valid(doc):
        print(path)
print(f"checked {len(files)}", file=sys.stderr)
"#;

#[test]
fn whatever_the_json_schema_rejects_the_rust_validator_rejects() {
    let dir = common::temp_file("agreement", "keep", b"")
        .parent()
        .unwrap()
        .to_owned();
    let mut described = Vec::new();
    for (source, depth) in SOURCES {
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(root().join(source)).unwrap()).unwrap();
        let mut ptrs = Vec::new();
        pointers(&doc, String::new(), depth, &mut ptrs);
        for ptr in ptrs.iter().filter(|p| !p.is_empty()) {
            for (what, variant) in variants(&doc, ptr) {
                let file = dir.join(format!("v{:05}.json", described.len()));
                std::fs::write(&file, variant.to_string()).unwrap();
                described.push((file, format!("{source} {what}")));
            }
        }
    }
    let list = dir.join("variants.txt");
    let names: Vec<String> = described
        .iter()
        .map(|(f, _)| f.display().to_string())
        .collect();
    std::fs::write(&list, names.join("\n")).unwrap();

    let out = Command::new("python3")
        .current_dir(root())
        .args(["-c", REJECTED_BY_SCHEMA])
        .arg(&list)
        .output()
        .expect("python3 runs (cargo xtask test installs its jsonschema package)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "python3 jsonschema: {stderr}");
    assert!(
        stderr.contains(&format!("checked {}", described.len())),
        "{stderr}"
    );
    eprintln!("{} variants; {stderr}", described.len());
    let rejected: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    // Most one-field mutations break the schema; if few did, the schema (or this test) is wrong.
    assert!(
        rejected.len() * 2 > described.len(),
        "the schema rejected only {} of {} variants",
        rejected.len(),
        described.len()
    );

    let mut accepted_by_rust = Vec::new();
    for batch in rejected.chunks(400) {
        let out = common::seloste(
            &["validate", "--json"]
                .into_iter()
                .chain(batch.iter().map(String::as_str))
                .collect::<Vec<_>>(),
        );
        let reports: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("validate --json: {e}\n{}", common::all_output(&out)));
        let reports = reports.as_array().expect("one report per file");
        assert_eq!(reports.len(), batch.len());
        for (file, report) in batch.iter().zip(reports) {
            if report["errors"].as_array().is_none_or(|e| e.is_empty()) {
                let what = &described
                    .iter()
                    .find(|(f, _)| Path::new(file) == f)
                    .unwrap()
                    .1;
                accepted_by_rust.push(what.clone());
            }
        }
    }
    assert!(
        accepted_by_rust.is_empty(),
        "{} variants the JSON Schema rejects pass `seloste validate` without an error:\n{}",
        accepted_by_rust.len(),
        accepted_by_rust.join("\n")
    );
}
