//! Validation: is the document well-formed (errors), and does it give every information element
//! GDPR Art. 13 and 14 ask for (completeness findings, each naming its article)?
//!
//! The two are kept apart on purpose. An error means the file is wrong and tools must not publish
//! it; a finding means the organisation's notice lacks something the law asks for, which is exactly
//! what a privacy officer needs to see, yet the notice is still published as written.

mod completeness;
mod format;
mod hygiene;
pub mod rules;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::document::{parse, Document};
use crate::history::check_versions;
use crate::notice::Notice;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document is malformed: it must be fixed before it can be published.
    Error,
    /// The notice does not give an information element GDPR asks for.
    Finding,
}

/// One problem, addressed by the JSON path of the value it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path such as `contact.emails[0]`; `.` is the whole document.
    pub path: String,
    pub message: String,
    /// For findings: the GDPR article the requirement comes from, e.g. `13(2)(d)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

impl Problem {
    /// The same problem addressed from a document that holds the checked value at `prefix` (a
    /// version's notice in a history, the notice in a publish request).
    pub fn under(mut self, prefix: &str) -> Problem {
        let rel = if self.path == "." { "" } else { &self.path };
        self.path = if rel.is_empty() {
            prefix.to_owned()
        } else {
            rules::join(prefix, rel)
        };
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.severity, &self.article) {
            (Severity::Finding, Some(a)) => write!(f, "{a}: {}", self.message),
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Everything validation found, errors first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    pub fn findings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Finding)
    }

    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    fn sorted(mut self) -> Self {
        self.problems.sort_by_key(|p| p.severity);
        self
    }
}

/// Validates a notice: well-formedness errors, then completeness findings.
pub fn validate_notice(notice: &Notice) -> Report {
    validate_notice_at(notice, "")
}

fn validate_notice_at(notice: &Notice, prefix: &str) -> Report {
    let mut problems = format::check(notice, prefix);
    problems.extend(completeness::check(notice, prefix));
    Report { problems }.sorted()
}

/// Validates a notice or a history. For a history: its invariants, every version's notice for
/// errors, every summary for its translations, and the latest version for completeness (older
/// versions are what they were when published).
pub fn validate_document(doc: &Document) -> Report {
    match doc {
        Document::Notice(n) => validate_notice(n),
        Document::History(h) => {
            let mut problems = Vec::new();
            if h.format != crate::FORMAT {
                problems.push(rules::error(
                    "format",
                    format!(
                        "unsupported format {} (this reader knows format {})",
                        h.format,
                        crate::FORMAT
                    ),
                ));
            }
            for e in check_versions(&h.id, &h.versions) {
                problems.push(rules::error(&e.path, e.message));
            }
            let last = h.versions.len().saturating_sub(1);
            for (i, v) in h.versions.iter().enumerate() {
                let prefix = format!("versions[{i}].notice");
                if i == last {
                    problems.extend(validate_notice_at(&v.notice, &prefix).problems);
                } else {
                    problems.extend(format::check(&v.notice, &prefix));
                }
                let mut version =
                    rules::Checker::new(&v.notice.languages, &format!("versions[{i}]"));
                version.date(Some(v.published), "published");
                version.date(v.effective, "effective");
                version.effective_date(v.published, v.effective, "effective");
                version.text(&v.summary, "summary");
                version.clean(&v.summary, "summary");
                problems.extend(version.into_problems());
            }
            Report { problems }.sorted()
        }
    }
}

/// Parses and validates JSON text in one step: a parse failure becomes a single error.
pub fn check_json(json: &str) -> (Option<Document>, Report) {
    match parse(json) {
        Ok(doc) => {
            let report = validate_document(&doc);
            (Some(doc), report)
        }
        Err(e) => {
            let problem = Problem {
                severity: Severity::Error,
                path: e.path.clone(),
                message: format!("{} (line {}, column {})", e.message, e.line, e.column),
                article: None,
            };
            (
                None,
                Report {
                    problems: vec![problem],
                },
            )
        }
    }
}

#[cfg(test)]
mod tests;
