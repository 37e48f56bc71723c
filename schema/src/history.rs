//! Version history: every published version of a notice, immutable, numbered and dated.
//!
//! The notices themselves promise it ("changes to this notice are shown dated"). A [`History`]
//! can only be built by checking its invariants and only grows by [`History::append`], so a value
//! of this type is always a valid, append-only record.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::notice::{Notice, FORMAT};
use crate::text::Text;
use crate::validate::{Said, Saying};

/// One published version of a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// 1 for the first published version, then 2, 3, … without gaps.
    pub number: u32,
    /// The day the version was published.
    pub published: Date,
    /// The day it takes effect, when that differs from publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// What changed, in the reader's words, in every language of the notice.
    pub summary: Text,
    pub notice: Notice,
}

/// The history file as written on disk: the same fields as [`History`], without the guarantee.
/// Validation reads this form so that it can report every broken invariant with its path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "json-schema", schemars(rename = "History"))]
#[serde(deny_unknown_fields)]
pub struct HistoryFile {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    pub format: u32,
    /// The notice's `organisation/notice` id; every version's notice carries the same.
    pub id: String,
    /// Oldest first.
    pub versions: Vec<Version>,
}

/// A notice's published versions, oldest first. Invariants: at least one version; numbers run
/// 1, 2, 3, … without gaps; publication dates never go back; every version has the history's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "HistoryFile", into = "HistoryFile")]
pub struct History {
    id: String,
    versions: Vec<Version>,
}

/// A broken history invariant, with the JSON path of the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryError {
    pub path: String,
    /// What is wrong, sayable in fi/sv/en; its `Display` is the English text.
    pub saying: Saying,
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.saying)
    }
}

impl std::error::Error for HistoryError {}

impl History {
    /// A history whose first version is `notice`.
    pub fn start(notice: Notice, published: Date, effective: Option<Date>, summary: Text) -> Self {
        let id = notice.id.clone();
        History {
            id,
            versions: vec![Version {
                number: 1,
                published,
                effective,
                summary,
                notice,
            }],
        }
    }

    /// Publishes `notice` as the next version. Refuses a notice with another id or a publication
    /// date before the latest version's; nothing already published can change.
    pub fn append(
        &mut self,
        notice: Notice,
        published: Date,
        effective: Option<Date>,
        summary: Text,
    ) -> Result<&Version, HistoryError> {
        let next = Version {
            number: self.latest().number + 1,
            published,
            effective,
            summary,
            notice,
        };
        check_next(&self.id, Some(self.latest()), &next, self.versions.len())?;
        self.versions.push(next);
        Ok(self.latest())
    }

    /// Builds a history from versions read elsewhere (a database, a file), checking every invariant.
    pub fn from_versions(
        id: impl Into<String>,
        versions: Vec<Version>,
    ) -> Result<Self, Vec<HistoryError>> {
        let id = id.into();
        let errors = check_versions(&id, &versions);
        if errors.is_empty() {
            Ok(History { id, versions })
        } else {
            Err(errors)
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Every version, oldest first.
    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    /// The newest version (a history is never empty).
    pub fn latest(&self) -> &Version {
        self.versions
            .last()
            .expect("a history has at least one version")
    }

    /// Version `number`, if published.
    pub fn version(&self, number: u32) -> Option<&Version> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.versions.get(index)
    }
}

/// Checks every invariant of a list of versions and returns all violations.
pub fn check_versions(id: &str, versions: &[Version]) -> Vec<HistoryError> {
    let mut errors = Vec::new();
    if versions.is_empty() {
        errors.push(HistoryError {
            path: "versions".into(),
            saying: Said::NoVersions.into(),
        });
    }
    // Written newest first (n, …, 2, 1): one error that says so, rather than one per version.
    let count = versions.len();
    if count > 1 && (versions.iter().enumerate()).all(|(i, v)| v.number as usize == count - i) {
        errors.push(HistoryError {
            path: "versions".into(),
            saying: Said::NewestFirst.with(&[("count", &count.to_string())]),
        });
        return errors;
    }
    for (i, v) in versions.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| &versions[p]);
        if let Err(e) = check_next(id, prev, v, i) {
            errors.push(e);
        }
    }
    errors
}

fn check_next(
    id: &str,
    prev: Option<&Version>,
    v: &Version,
    index: usize,
) -> Result<(), HistoryError> {
    let err = |field: &str, saying: Saying| HistoryError {
        path: format!("versions[{index}]{field}"),
        saying,
    };
    let expected = index as u64 + 1;
    if u64::from(v.number) != expected {
        return Err(err(
            ".number",
            Said::VersionGap.with(&[
                ("expected", &expected.to_string()),
                ("found", &v.number.to_string()),
            ]),
        ));
    }
    if let Some(p) = prev {
        if v.published < p.published {
            return Err(err(
                ".published",
                Said::DateGoesBack.with(&[
                    ("number", &v.number.to_string()),
                    ("published", &v.published.to_string()),
                    ("previous", &p.number.to_string()),
                    ("previous_published", &p.published.to_string()),
                ]),
            ));
        }
    }
    if v.notice.id != id {
        return Err(err(
            ".notice.id",
            Said::OtherNotice.with(&[("expected", id), ("found", &v.notice.id)]),
        ));
    }
    Ok(())
}

impl TryFrom<HistoryFile> for History {
    type Error = String;

    fn try_from(file: HistoryFile) -> Result<Self, String> {
        if file.format != FORMAT {
            return Err(format!(
                "unsupported history format {} (this reader knows format {FORMAT})",
                file.format
            ));
        }
        History::from_versions(file.id, file.versions).map_err(|errs| {
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        })
    }
}

impl From<History> for HistoryFile {
    fn from(h: History) -> Self {
        HistoryFile {
            json_schema: None,
            format: FORMAT,
            id: h.id,
            versions: h.versions,
        }
    }
}
