//! The draft as the schema sees it: parsed with the schema's own parser (a value of the wrong
//! shape is an error at its path) and, when it parses, validated. Run on every change, so the form,
//! the problems list and the preview always agree with what the edge would accept.

use std::rc::Rc;

use seloste_schema::document::parse_as;
use seloste_schema::validate::{validate_notice, Said};
use seloste_schema::{Notice, Problem, Severity};
use serde_json::Value;

/// What the schema says of one draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The draft as a notice, when it has a notice's shape (errors and findings aside).
    pub notice: Option<Rc<Notice>>,
    /// Every problem, errors first, paths as `schema::validate` writes them.
    pub problems: Rc<Vec<Problem>>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn findings(&self) -> usize {
        self.count(Severity::Finding)
    }

    fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Parses and validates `draft`.
pub fn check(draft: &Value) -> Checked {
    // Through text, because the schema's parser is what names the path of a shape error (and
    // refuses unknown fields), exactly as it does for a file or a publish request.
    let text = draft.to_string();
    match parse_as::<Notice>(&text) {
        Ok(notice) => {
            let mut problems = validate_notice(&notice).problems;
            problems.sort_by_key(|p| p.severity);
            Checked {
                notice: Some(Rc::new(notice)),
                problems: Rc::new(problems),
            }
        }
        Err(e) => Checked {
            notice: None,
            problems: Rc::new(vec![Problem::said(
                Severity::Error,
                if e.path.is_empty() { "." } else { &e.path },
                Said::Misshapen.with(&[("detail", &e.message)]),
            )]),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn example(name: &str) -> Value {
        let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn a_valid_example_parses_with_findings_only() {
        let c = check(&example("capricode-viestintaratkaisut.json"));
        assert!(c.notice.is_some());
        assert_eq!(c.errors(), 0, "{:?}", c.problems);
    }

    #[test]
    fn a_shape_error_is_one_error_at_its_path_and_no_preview() {
        let mut v = example("kaarea-asiakasrekisteri.json");
        v["organisation"]["emails"] = json!([42]);
        let c = check(&v);
        assert!(c.notice.is_none());
        assert_eq!(c.errors(), 1);
        assert_eq!(c.problems[0].path, "organisation.emails[0]");
        // The parser's words, in English behind a lead in the interface's language.
        let p = &c.problems[0];
        assert!(p.message.contains("invalid type: integer"), "{}", p.message);
        assert_eq!(
            p.message_in("fi"),
            format!("luonnosta ei voi lukea: {}", p.message)
        );
        assert_eq!(
            p.message_in("sv"),
            format!("utkastet kan inte läsas: {}", p.message)
        );
    }

    #[test]
    fn a_validation_error_keeps_the_preview_and_comes_first() {
        let mut v = example("kaarea-asiakasrekisteri.json");
        v["organisation"]["emails"] = json!(["not an address"]);
        let c = check(&v);
        assert!(c.notice.is_some());
        assert!(c.errors() >= 1);
        assert_eq!(c.problems[0].severity, Severity::Error);
        assert!(c
            .problems
            .iter()
            .any(|p| p.path == "organisation.emails[0]" && p.severity == Severity::Error));
    }
}
