//! The JSON Schema of format 1's older spellings, still read: a transfer's single `safeguard` and
//! the notice's single `complaint_authority`. serde reads them as aliases of the lists that
//! replaced them (`one_or_many`); schemars does not see aliases, so these transforms add them to
//! the schema, marked `deprecated` so that editors steer new files to the lists.

use schemars::Schema;
use serde_json::{json, Value};

/// A transfer: `safeguard` (one) is accepted in place of `safeguards`.
pub fn transfer_schema(schema: &mut Schema) {
    add_alias(
        schema,
        "safeguard",
        json!({
            "$ref": "#/$defs/Safeguard",
            "deprecated": true,
            "description": "Format 1's single safeguard, read as `safeguards: [it]`; write `safeguards`."
        }),
        "safeguards",
    );
}

/// A notice: `complaint_authority` (one) is accepted in place of `complaint_authorities`.
pub fn notice_schema(schema: &mut Schema) {
    add_alias(
        schema,
        "complaint_authority",
        json!({
            "$ref": "#/$defs/ComplaintAuthority",
            "deprecated": true,
            "description": "Format 1's single authority, read as `complaint_authorities: [it]`; write `complaint_authorities`."
        }),
        "complaint_authorities",
    );
}

/// Adds the property `old` and makes `new` optional (either may be given; Rust refuses both).
fn add_alias(schema: &mut Schema, old: &str, property: Value, new: &str) {
    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(old.into(), property);
    }
    if let Some(required) = schema.get_mut("required").and_then(Value::as_array_mut) {
        required.retain(|r| r != new);
    }
}
