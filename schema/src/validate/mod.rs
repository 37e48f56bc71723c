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
pub mod said;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::document::{parse, Document};
use crate::history::check_versions;
use crate::notice::Notice;

pub use said::{Said, Saying};

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
    /// In English: what the CLI prints and the API answers.
    pub message: String,
    /// For findings: the GDPR article the requirement comes from, e.g. `13(2)(d)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Which kind of problem this is ([`Said`], a stable snake_case name such as `not_email`), so
    /// that [`Problem::message_in`] can say it in another language. Absent from problems no entry
    /// says; an unknown code (from a newer edge) is read as absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "said::lenient"
    )]
    pub code: Option<Said>,
    /// The values of the code's `{placeholders}`, e.g. `{"email": "maija at acme"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
}

impl Problem {
    /// A problem of `severity` at `path` that `saying` says: its English text is the `message`.
    pub fn said(severity: Severity, path: &str, saying: Saying) -> Problem {
        Problem {
            severity,
            path: path.to_owned(),
            message: saying.to_string(),
            article: None,
            code: Some(saying.said),
            values: saying.values,
        }
    }

    /// A problem with an English `message` only, for what no entry of [`Said`] says.
    pub fn english(severity: Severity, path: &str, message: impl Into<String>) -> Problem {
        Problem {
            severity,
            path: path.to_owned(),
            message: message.into(),
            article: None,
            code: None,
            values: BTreeMap::new(),
        }
    }

    /// The message in `lang` (Finnish, Swedish, else English); the English `message` where the
    /// problem has no code.
    pub fn message_in(&self, lang: &str) -> String {
        match self.code {
            Some(said) => said::fill(said.get(lang), &self.values),
            None => self.message.clone(),
        }
    }

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
                    Said::UnsupportedFormat.with(&[
                        ("found", &h.format.to_string()),
                        ("known", &crate::FORMAT.to_string()),
                    ]),
                ));
            }
            for e in check_versions(&h.id, &h.versions) {
                problems.push(rules::error(&e.path, e.saying));
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
            let problem = Problem::said(
                Severity::Error,
                &e.path,
                Said::Unreadable.with(&[
                    ("detail", &e.message),
                    ("line", &e.line.to_string()),
                    ("column", &e.column.to_string()),
                ]),
            );
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
