//! The JSON Schema (draft 2020-12) of notice and history files, generated from the Rust types so it
//! can never disagree with them. Committed as `schema/notice.schema.json` and
//! `schema/history.schema.json` (a test fails when they are stale) so that editors autocomplete
//! notice files and tools in any language can validate them.

use crate::history::HistoryFile;
use crate::notice::Notice;

/// The JSON Schema of a notice file.
pub fn notice() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Notice);
    describe(
        &mut schema,
        "notice",
        "A GDPR Art. 13/14 privacy notice (tietosuojaseloste) in the Seloste format.",
    );
    schema.to_value()
}

/// The JSON Schema of a history file: every published version of one notice, oldest first.
pub fn history() -> serde_json::Value {
    let mut schema = schemars::schema_for!(HistoryFile);
    describe(
        &mut schema,
        "history",
        "The version history of a Seloste privacy notice: every published version, oldest first.",
    );
    schema.to_value()
}

fn describe(schema: &mut schemars::Schema, name: &str, description: &str) {
    schema.insert(
        "$id".into(),
        format!("https://seloste.dev/schema/{name}.schema.json").into(),
    );
    schema.insert("description".into(), description.into());
}
