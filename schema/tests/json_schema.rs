//! The committed JSON Schemas must be exactly what the Rust types generate.
//! Regenerate them with `UPDATE_EXPECT=1 cargo test -p seloste-schema --test json_schema` and
//! review the change like code (expect-test's `expect_file!`: paths are relative to this file).

use expect_test::expect_file;

fn pretty(generated: serde_json::Value) -> String {
    serde_json::to_string_pretty(&generated).unwrap() + "\n"
}

#[test]
fn notice_schema_is_up_to_date() {
    expect_file!["../notice.schema.json"].assert_eq(&pretty(seloste_schema::json_schema::notice()));
}

#[test]
fn history_schema_is_up_to_date() {
    expect_file!["../history.schema.json"]
        .assert_eq(&pretty(seloste_schema::json_schema::history()));
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
