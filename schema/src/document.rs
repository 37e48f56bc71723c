//! Reading a notice file or a history file from JSON, with errors that name the JSON path and the
//! line and column, so a person can find the mistake in their editor.

mod strict;

use std::fmt;

use crate::history::HistoryFile;
use crate::notice::Notice;

/// What a file holds: a single notice, or a notice's version history. Tools accept either wherever
/// they take a notice; for a history they work on its latest version unless told otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    Notice(Box<Notice>),
    /// Read in its on-disk form; [`crate::validate::validate_document`] checks its invariants and
    /// [`crate::History::try_from`] turns it into a checked history.
    History(HistoryFile),
}

impl Document {
    /// The notice to show by default: the notice itself, or the newest version of a history.
    pub fn latest_notice(&self) -> Option<&Notice> {
        match self {
            Document::Notice(n) => Some(n),
            Document::History(h) => h.versions.last().map(|v| &v.notice),
        }
    }
}

/// Why a file could not be read as a notice or history: JSON syntax, or a value of the wrong shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The JSON path of the offending value (`purposes[0].legal_bases[1]`), `.` for the root.
    pub path: String,
    pub message: String,
    /// 1-based line and column of the error in the input.
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}: {}",
            self.line, self.column, self.path, self.message
        )
    }
}

impl std::error::Error for ParseError {}

/// Parses a notice file or a history file (recognised by its `versions` field).
pub fn parse(json: &str) -> Result<Document, ParseError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| syntax_error(&e))?;
    if value.get("versions").is_some() {
        parse_as::<HistoryFile>(json).map(Document::History)
    } else {
        parse_as::<Notice>(json).map(|n| Document::Notice(Box::new(n)))
    }
}

/// Parses JSON into `T`, reporting the path of the first value of the wrong shape.
pub fn parse_as<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, ParseError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let result: Result<T, _> = serde_path_to_error::deserialize(strict::Strict(de));
    result.map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        ParseError {
            path,
            message: plainer(&strip_position(&inner)),
            line: inner.line(),
            column: inner.column(),
        }
    })
}

fn syntax_error(e: &serde_json::Error) -> ParseError {
    ParseError {
        path: ".".into(),
        message: format!("not valid JSON: {}", strip_position(e)),
        line: e.line(),
        column: e.column(),
    }
}

/// serde's wording where a person writing a notice by hand meets it most, said with the shape to
/// write instead (the JSON path says where).
fn plainer(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((value, expected)) = rest.split_once("`, expected one of ") {
            if expected.contains("`paragraph`") {
                return format!(
                    "a block of text is {{\"paragraph\": {{\"fi\": \"…\"}}}}, {{\"list\": [{{\"fi\": \"…\"}}]}} \
                     or {{\"links\": [{{\"href\": \"https://…\", \"label\": {{\"fi\": \"…\"}}}}]}}, \
                     in the notice's languages; found the plain string `{value}`"
                );
            }
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: string ") {
        if rest.ends_with(", expected a sequence") {
            let value = rest.trim_end_matches(", expected a sequence");
            return format!("a list is expected here (`[…]`), not the single string {value}");
        }
    }
    for (old, new) in [
        ("safeguard", "safeguards"),
        ("complaint_authority", "complaint_authorities"),
    ] {
        if message == format!("duplicate field `{new}`") {
            return format!("`{old}` is the older spelling of `{new}`: give the list `{new}` only");
        }
    }
    if message.starts_with("invalid type: sequence, expected a string") {
        return "one value is expected here, not a list: write the string without `[ ]`".into();
    }
    message.to_owned()
}

/// serde_json appends " at line L column C"; we report position in fields of our own.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"format":1,"id":"acme/customers","languages":["fi"],"title":{"fi":"Seloste"},
        "organisation":{"name":"Acme Oy"},"role":{"acts_as":"controller"}}"#;

    #[test]
    fn reads_a_minimal_notice() {
        let doc = parse(MINIMAL).unwrap();
        assert_eq!(doc.latest_notice().unwrap().id, "acme/customers");
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let e = parse("{\n  \"format\": 1,\n  oops\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3));
        assert!(e.message.starts_with("not valid JSON"), "{}", e.message);
    }

    #[test]
    fn unknown_fields_are_errors_with_their_path() {
        let json = MINIMAL.replace(r#""name":"Acme Oy""#, r#""name":"Acme Oy","fax":"123""#);
        let e = parse(&json).unwrap_err();
        assert_eq!(e.path, "organisation.fax");
        assert!(e.message.contains("unknown field `fax`"), "{}", e.message);
    }

    #[test]
    fn wrong_shapes_name_the_value_path() {
        let json = MINIMAL.replace(
            r#""role":{"acts_as":"controller"}"#,
            r#""role":{"acts_as":"owner"}"#,
        );
        let e = parse(&json).unwrap_err();
        assert_eq!(e.path, "role.acts_as");
        assert!(
            e.message.contains("unknown variant `owner`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_list_where_a_section_belongs_is_an_error_at_any_depth() {
        // serde's derived structs would read these as their fields in order (or all defaults).
        for (replace, with, path) in [
            (
                r#""role":{"acts_as":"controller"}"#,
                r#""role":["controller"]"#,
                "role",
            ),
            (
                r#""role":{"acts_as":"controller"}"#,
                r#""role":{"acts_as":"controller"},"rights":[]"#,
                "rights",
            ),
            (
                r#""organisation":{"name":"Acme Oy"}"#,
                r#""organisation":{"name":"Acme Oy","postal_address":[]}"#,
                "organisation.postal_address",
            ),
        ] {
            let json = MINIMAL.replace(replace, with);
            let e = parse(&json).unwrap_err();
            assert_eq!(e.path, path, "{json}");
            assert!(
                e.message.contains("invalid type: sequence"),
                "{}",
                e.message
            );
            assert_eq!(e.line, 2, "{e}");
        }
        // The same reaches into a history's versions.
        let history = format!(
            r#"{{"format":1,"id":"acme/customers","versions":[{{"number":1,"published":"2024-01-01","summary":{{"fi":"x"}},"notice":{}}}]}}"#,
            MINIMAL.replace(r#""role":{"acts_as":"controller"}"#, r#""role":[]"#)
        );
        assert_eq!(parse(&history).unwrap_err().path, "versions[0].notice.role");
    }

    #[test]
    fn the_shapes_people_get_wrong_are_explained() {
        for (replace, with, path, words) in [
            (
                r#""title":{"fi":"Seloste"}"#,
                r#""title":{"fi":"Seloste"},"introduction":["Hei."]"#,
                "introduction[0]",
                r#"a block of text is {"paragraph""#,
            ),
            (
                r#""title":{"fi":"Seloste"}"#,
                r#""title":{"fi":"Seloste"},"introduction":"Hei.""#,
                "introduction",
                r#"a list is expected here (`[…]`), not the single string "Hei.""#,
            ),
            (
                r#""name":"Acme Oy""#,
                r#""name":["Acme Oy"]"#,
                "organisation.name",
                "one value is expected here, not a list",
            ),
        ] {
            let e = parse(&MINIMAL.replace(replace, with)).unwrap_err();
            assert_eq!(e.path, path);
            assert!(e.message.contains(words), "{}", e.message);
        }
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let json = MINIMAL.replace(
            r#""title":{"fi":"Seloste"}"#,
            r#""title":{"fi":"Seloste","fi":"Toinen"}"#,
        );
        let e = parse(&json).unwrap_err();
        assert_eq!(e.path, "title");
        assert!(
            e.message.contains("`fi` translation is given twice"),
            "{}",
            e.message
        );
        let json = MINIMAL.replace(r#""format":1"#, r#""format":1,"format":1"#);
        assert!(parse(&json)
            .unwrap_err()
            .message
            .contains("duplicate field `format`"));
    }

    #[test]
    #[cfg(feature = "old-spellings")]
    fn format_1_single_values_are_read_as_lists_and_written_as_lists() {
        let old = MINIMAL.replace(
            r#""role":{"acts_as":"controller"}"#,
            r#""role":{"acts_as":"controller"},
               "transfers":{"outside_eea":true,"items":[{"recipient":{"fi":"X Inc"},"country":"US","safeguard":"standard_contractual_clauses"}]},
               "complaint_authority":{"name":{"fi":"Tietosuojavaltuutettu"},"web":"https://tietosuoja.fi"}"#,
        );
        let Document::Notice(n) = parse(&old).unwrap() else {
            panic!("a notice")
        };
        let t = &n.transfers.as_ref().unwrap().items[0];
        assert_eq!(
            t.safeguards,
            [crate::vocab::Safeguard::StandardContractualClauses]
        );
        assert_eq!(n.complaint_authorities.len(), 1);
        assert_eq!(
            n.complaint_authorities[0].name.get("fi"),
            "Tietosuojavaltuutettu"
        );
        let written = serde_json::to_value(&*n).unwrap();
        assert_eq!(
            written["transfers"]["items"][0]["safeguards"],
            serde_json::json!(["standard_contractual_clauses"])
        );
        assert!(written["transfers"]["items"][0].get("safeguard").is_none());
        assert_eq!(
            written["complaint_authorities"][0]["web"],
            "https://tietosuoja.fi"
        );
        assert!(written.get("complaint_authority").is_none());
        // Read back, the new shape means the same.
        let again = parse(&written.to_string()).unwrap();
        assert_eq!(again.latest_notice().unwrap(), &*n);
    }

    #[test]
    #[cfg(feature = "old-spellings")]
    fn the_old_and_the_new_spelling_together_are_an_error() {
        let both = MINIMAL.replace(
            r#""role":{"acts_as":"controller"}"#,
            r#""role":{"acts_as":"controller"},
               "complaint_authority":{"name":{"fi":"A"}},"complaint_authorities":[{"name":{"fi":"B"}}]"#,
        );
        assert!(parse(&both)
            .unwrap_err()
            .message
            .contains("`complaint_authority` is the older spelling"));
        let both = MINIMAL.replace(
            r#""role":{"acts_as":"controller"}"#,
            r#""role":{"acts_as":"controller"},
               "transfers":{"outside_eea":true,"items":[{"recipient":{"fi":"X"},"country":"US","safeguard":"certification","safeguards":["certification"]}]}"#,
        );
        let e = parse(&both).unwrap_err();
        assert_eq!(e.path, "transfers.items[0]");
        assert!(
            e.message
                .contains("`safeguard` is the older spelling of `safeguards`"),
            "{}",
            e.message
        );
        // A list of structs is still read from objects only.
        let seq = MINIMAL.replace(
            r#""role":{"acts_as":"controller"}"#,
            r#""role":{"acts_as":"controller"},"complaint_authorities":[[{"fi":"A"}]]"#,
        );
        assert!(parse(&seq)
            .unwrap_err()
            .message
            .contains("invalid type: sequence"));
    }

    #[test]
    fn headings_are_keyed_by_section_field_names_only() {
        let with = |headings: &str| {
            MINIMAL.replace(
                r#""role":{"acts_as":"controller"}"#,
                &format!(r#""role":{{"acts_as":"controller"}},"headings":{headings}"#),
            )
        };
        let ok = with(
            r#"{"purposes":{"number":"3","text":{"fi":"Käyttötarkoitus"}},"organisation":{"text":{"fi":"Rekisterinpitäjä"}}}"#,
        );
        let n = parse(&ok).unwrap().latest_notice().unwrap().clone();
        let h = n.headings.get(crate::SectionId::Purposes).unwrap();
        assert_eq!(h.number.as_deref(), Some("3"));
        assert_eq!(h.text.get("fi"), "Käyttötarkoitus");
        // Written back in reading order, the same shape.
        let written = serde_json::to_value(&n).unwrap();
        let keys: Vec<&String> = written["headings"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["organisation", "purposes"]);
        assert_eq!(
            parse(&written.to_string()).unwrap().latest_notice(),
            Some(&n)
        );

        let e = parse(&with(r#"{"purpose":{"text":{"fi":"x"}}}"#)).unwrap_err();
        assert_eq!(e.path, "headings");
        assert!(
            e.message.contains("unknown field `purpose`"),
            "{}",
            e.message
        );
        assert!(e.message.contains("`purposes`"), "{}", e.message);
        let e = parse(&with(
            r#"{"dpo":{"text":{"fi":"x"}},"dpo":{"text":{"fi":"y"}}}"#,
        ))
        .unwrap_err();
        assert!(e.message.contains("duplicate field `dpo`"), "{}", e.message);
        let e = parse(&with(r#"[{"text":{"fi":"x"}}]"#)).unwrap_err();
        assert!(
            e.message.contains("invalid type: sequence"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_file_with_versions_is_a_history() {
        let json = format!(
            r#"{{"format":1,"id":"acme/customers","versions":[{{"number":1,"published":"2024-01-02","summary":{{"fi":"Eka"}},"notice":{MINIMAL}}}]}}"#
        );
        assert!(matches!(parse(&json).unwrap(), Document::History(_)));
    }
}
