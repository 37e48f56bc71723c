//! Drafts kept in the browser's `localStorage` (of the edge's origin, or of `seloste edit`'s), so
//! that a reload or a closed tab loses nothing: one key per notice, written on every change,
//! cleared on publish. Pure here; `browser.rs` does the storage calls.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::Mode;

/// Every key this editor writes starts with this.
pub const PREFIX: &str = "seloste-editor/draft/";

/// The key of the draft of `mode`'s notice; in local mode the file's notice `id` tells files
/// apart (`seloste edit` may serve different files on the same port one after the other).
/// `None` on the chooser, which has no draft.
pub fn storage_key(mode: &Mode, local_id: &str) -> Option<String> {
    match mode {
        Mode::Edge { org, notice } if !org.is_empty() && !notice.is_empty() => {
            Some(format!("{PREFIX}edge/{org}/{notice}"))
        }
        Mode::Edge { .. } => None,
        Mode::Local => Some(format!("{PREFIX}local/{local_id}")),
    }
}

/// A stored draft: the notice JSON as edited and the published version it started from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The latest version when the author started (`0`: none); in local mode always `0`.
    pub base: u32,
    pub value: Value,
}

impl Draft {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A stored draft, or `None` for anything this editor did not write (or an older shape).
    pub fn from_json(text: &str) -> Option<Draft> {
        serde_json::from_str::<Draft>(text)
            .ok()
            .filter(|d| d.value.is_object())
    }
}

/// The file name a downloaded draft gets: the notice's slug (`org-notice.json`), else `notice.json`.
pub fn download_name(value: &Value) -> String {
    let slug: String = value
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "notice.json".to_owned()
    } else {
        format!("{slug}.json")
    }
}

/// The draft as its file: pretty JSON with a final newline, as the repository's examples are.
pub fn file_text(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn edge(org: &str, notice: &str) -> Mode {
        Mode::Edge {
            org: org.into(),
            notice: notice.into(),
        }
    }

    #[test]
    fn one_key_per_notice_and_none_on_the_chooser() {
        let a = storage_key(&edge("acme", "customers"), "").unwrap();
        let b = storage_key(&edge("acme", "staff"), "").unwrap();
        let c = storage_key(&edge("acme-customers", "x"), "").unwrap();
        assert_eq!(a, "seloste-editor/draft/edge/acme/customers");
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(storage_key(&edge("", ""), ""), None);
        assert_eq!(storage_key(&edge("acme", ""), ""), None);
        let l = storage_key(&Mode::Local, "acme/customers").unwrap();
        assert_eq!(l, "seloste-editor/draft/local/acme/customers");
        assert_ne!(l, a, "a local file's draft never restores into the edge's");
    }

    #[test]
    fn a_draft_round_trips_and_foreign_values_are_ignored() {
        let d = Draft {
            base: 3,
            value: json!({"id": "acme/customers", "title": {"fi": "Ä"}}),
        };
        assert_eq!(Draft::from_json(&d.to_json()), Some(d));
        assert_eq!(Draft::from_json("not json"), None);
        assert_eq!(Draft::from_json(r#"{"base": 1, "value": 3}"#), None);
        assert_eq!(Draft::from_json(r#"{"value": {}}"#), None);
    }

    #[test]
    fn download_names() {
        assert_eq!(
            download_name(&json!({"id": "acme/customers"})),
            "acme-customers.json"
        );
        assert_eq!(download_name(&json!({})), "notice.json");
        assert!(file_text(&json!({"a": 1})).ends_with("}\n"));
    }
}
