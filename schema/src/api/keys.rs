//! Publishing keys: each belongs to one organisation and publishes only its notices. The operator
//! token (the edge's secret) creates, lists and revokes them through
//! `/api/v1/orgs/{org}/keys[/{id}/revoke]`; these are the requests and answers.
//!
//! A key is shown once, in [`CreatedKey`]; the edge keeps only its SHA-256 hash, so every other
//! answer ([`KeyInfo`]) carries the key's id and label, never the key.

use serde::{Deserialize, Serialize};

use super::{ApiError, ErrorCode};

/// The longest label a key may have, in characters.
pub const MAX_LABEL_CHARS: usize = 100;

/// `POST /api/v1/orgs/{org}/keys`: a new key for the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateKey {
    /// Who or what uses the key (`"HR's editor"`, `"CI"`): shown beside every version it publishes.
    pub label: String,
}

impl CreateKey {
    /// Reads a request body: `400 invalid_json` for bad JSON, `422` for a missing, empty,
    /// over-long label or one with control characters (it is shown to readers).
    pub fn from_body(body: &[u8]) -> Result<Self, ApiError> {
        let text = std::str::from_utf8(body)
            .map_err(|e| ApiError::new(ErrorCode::InvalidJson, format!("not UTF-8: {e}")))?;
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(ApiError::invalid_json(&e));
        }
        let request: CreateKey =
            serde_json::from_str(text).map_err(|e| ApiError::invalid_at(".", e.to_string()))?;
        let label = request.label.trim();
        let chars = label.chars().count();
        if chars == 0 || chars > MAX_LABEL_CHARS {
            return Err(ApiError::invalid_at(
                "label",
                format!("a label is 1–{MAX_LABEL_CHARS} characters"),
            ));
        }
        if label.chars().any(char::is_control) {
            return Err(ApiError::invalid_at(
                "label",
                "a label has no control characters",
            ));
        }
        Ok(CreateKey {
            label: label.to_owned(),
        })
    }
}

/// The `201` answer to [`CreateKey`]: the only time the key itself is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedKey {
    pub id: String,
    pub org: String,
    pub label: String,
    /// The secret: `Authorization: Bearer <key>` (`SELOSTE_TOKEN` for `seloste publish`).
    pub key: String,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A key as listed: everything but the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyInfo {
    pub id: String,
    pub org: String,
    pub label: String,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<String>,
    /// Set once, never cleared: a revoked key stays listed (and named on its versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

/// `GET /api/v1/orgs/{org}/keys`: every key the organisation ever had, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyList {
    pub org: String,
    pub keys: Vec<KeyInfo>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_trimmed_bounded_and_printable() {
        let ok = CreateKey::from_body(br#"{"label":"  HR editor "}"#).unwrap();
        assert_eq!(ok.label, "HR editor");
        for bad in [
            r#"{"label":""}"#,
            r#"{"label":"   "}"#,
            r#"{"label":"a\u0007b"}"#,
            r#"{}"#,
            r#"{"label":"x","extra":1}"#,
        ] {
            assert_eq!(
                CreateKey::from_body(bad.as_bytes()).unwrap_err().status,
                422,
                "{bad}"
            );
        }
        let long = format!(r#"{{"label":"{}"}}"#, "ä".repeat(MAX_LABEL_CHARS + 1));
        assert_eq!(
            CreateKey::from_body(long.as_bytes()).unwrap_err().status,
            422
        );
        assert_eq!(CreateKey::from_body(b"{").unwrap_err().status, 400);
    }
}
