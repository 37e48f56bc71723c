//! The committed JSON Schemas must be exactly what the Rust types generate.
//! Regenerate with `UPDATE_GOLDEN=1 cargo test -p seloste-schema --test json_schema`.

use std::path::Path;

fn check(file: &str, generated: serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = serde_json::to_string_pretty(&generated).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{file} is stale: regenerate it with `UPDATE_GOLDEN=1 cargo test -p seloste-schema --test json_schema`"
    );
}

#[test]
fn notice_schema_is_up_to_date() {
    check("notice.schema.json", seloste_schema::json_schema::notice());
}

#[test]
fn history_schema_is_up_to_date() {
    check(
        "history.schema.json",
        seloste_schema::json_schema::history(),
    );
}

#[test]
fn the_schema_is_draft_2020_12_and_closed() {
    let s = seloste_schema::json_schema::notice();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(
        s["additionalProperties"], false,
        "unknown top-level fields are refused"
    );
    let required: Vec<&str> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["format", "id", "languages", "title", "organisation", "role"] {
        assert!(required.contains(&field), "{field} is required");
    }
    let bases = &s["$defs"]["LegalBasis"];
    assert!(
        bases.to_string().contains("legitimate_interests"),
        "{bases}"
    );
}
