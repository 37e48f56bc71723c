//! The five real examples against their original texts (`tests/fixtures/originals/`, the notices as
//! each company published them): a transcription may divide sentences into lists and put short
//! names in their basic form (examples/README.md), but names, business IDs, addresses, phone
//! numbers and email addresses are facts a reader acts on, so each must be exactly as printed.

mod common;

use common::{root, REAL};

use serde_json::Value;

/// The fields whose every value must appear verbatim in the original.
const VERBATIM: [&str; 8] = [
    "name",
    "business_id",
    "street",
    "postal_code",
    "city",
    "country",
    "number",
    "emails",
];

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every string under one of the [`VERBATIM`] keys, with its JSON path.
fn identifiers(v: &Value, path: &str, key: Option<&str>, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) if key.is_some_and(|k| VERBATIM.contains(&k)) => {
            out.push((path.to_owned(), s.clone()))
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                identifiers(x, &format!("{path}[{i}]"), key, out);
            }
        }
        Value::Object(map) => {
            for (k, x) in map {
                identifiers(x, &format!("{path}.{k}"), Some(k), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_name_id_address_phone_and_email_is_as_the_original_prints_it() {
    for name in REAL {
        let original = root().join(format!("tests/fixtures/originals/{name}.txt"));
        let original = std::fs::read_to_string(&original)
            .unwrap_or_else(|e| panic!("{}: {e}", original.display()));
        let original = collapse(&original);
        let doc: Value = serde_json::from_str(
            &std::fs::read_to_string(root().join(format!("examples/{name}.json"))).unwrap(),
        )
        .unwrap();
        let mut found = Vec::new();
        identifiers(&doc, "", None, &mut found);
        assert!(
            found.iter().any(|(p, _)| p == ".organisation.name"),
            "{name}: {found:?}"
        );
        let missing: Vec<_> = found
            .iter()
            .filter(|(_, s)| !original.contains(&collapse(s)))
            .collect();
        assert!(
            missing.is_empty(),
            "{name}: not in the original as printed: {missing:?}"
        );
    }
}

#[test]
fn every_real_example_has_its_original() {
    let mut originals: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/originals"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
        .collect();
    originals.sort();
    assert_eq!(originals, REAL);
    for name in REAL {
        assert!(
            root().join(format!("examples/{name}.json")).is_file(),
            "{name}"
        );
    }
}
