//! The structural diff between two versions of a notice: per section, what was added, removed and
//! changed, in words a reader understands. This is what keeps the notices' promise that changes
//! are shown dated.
//!
//! Both versions are flattened into an [`outline`](crate::outline) of keyed entries; `similar`
//! aligns the entries of each section, matched entries are compared field by field, and an entry
//! removed where one of the same kind was added (a paragraph reworded, a recipient renamed) is
//! shown as one change rather than a removal and an addition.

use std::fmt::Write;

use serde::{Deserialize, Serialize};
use similar::algorithms::{myers, Capture, Replace};
use similar::DiffOp;

use crate::headings::SectionId;
use crate::messages::Message;
use crate::notice::Notice;
use crate::outline::{codes, outline, Entry, PlaceNamer};

/// Everything that changed between two versions, in reading order; unchanged sections are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeDiff {
    pub lang: String,
    pub sections: Vec<SectionDiff>,
}

/// The changes within one section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionDiff {
    pub section: SectionId,
    /// The section's heading in the diff's language.
    pub heading: String,
    pub changes: Vec<Change>,
}

/// One change, described in plain text (renderers escape it). In JSON, `{"added": {…}}`: serde's
/// external tagging, because an internal `"kind"` tag would make the browser widget carry serde's
/// whole buffering machinery (about 27 KB of wasm) to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added {
        item: String,
        details: Vec<String>,
    },
    Removed {
        item: String,
        details: Vec<String>,
    },
    Changed {
        item: String,
        fields: Vec<FieldChange>,
    },
}

/// A field whose value changed; `old` is `None` when the field is new, `new` when it was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl NoticeDiff {
    /// No change a reader would see.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// How many changes in all.
    pub fn len(&self) -> usize {
        self.sections.iter().map(|s| s.changes.len()).sum()
    }

    /// The diff as plain text, one section heading and its changes after another.
    pub fn to_text(&self) -> String {
        let lang = self.lang.as_str();
        let mut out = String::new();
        if self.is_empty() {
            out.push_str(Message::NoChanges.get(lang));
            out.push('\n');
        }
        for s in &self.sections {
            let _ = writeln!(out, "{}", s.heading);
            for c in &s.changes {
                match c {
                    Change::Added { item, details } => {
                        let _ = writeln!(out, "  + {}: {item}", Message::Added.get(lang));
                        for d in details {
                            let _ = writeln!(out, "      {d}");
                        }
                    }
                    Change::Removed { item, details } => {
                        let _ = writeln!(out, "  - {}: {item}", Message::Removed.get(lang));
                        for d in details {
                            let _ = writeln!(out, "      {d}");
                        }
                    }
                    Change::Changed { item, fields } => {
                        let _ = writeln!(out, "  ~ {}: {item}", Message::Changed.get(lang));
                        for f in fields {
                            let old = f.old.as_deref().unwrap_or("—");
                            let new = f.new.as_deref().unwrap_or("—");
                            let _ = writeln!(out, "      {}: “{old}” → “{new}”", f.field);
                        }
                    }
                }
            }
        }
        out
    }
}

/// What changed from `old` to `new`, described in `lang`, place codes as they are written.
pub fn diff(old: &Notice, new: &Notice, lang: &str) -> NoticeDiff {
    diff_named(old, new, lang, codes)
}

/// What changed from `old` to `new`, described in `lang`, with place codes named by `place` (as the
/// page shows them: readers see "Yhdysvallat (US)", not `US`).
pub fn diff_named(old: &Notice, new: &Notice, lang: &str, place: PlaceNamer) -> NoticeDiff {
    let before = outline(old, lang, place);
    let after = outline(new, lang, place);
    let sections = before
        .into_iter()
        .zip(after)
        .filter_map(|((section, old_entries), (_, new_entries))| {
            let changes = diff_entries(&old_entries, &new_entries);
            (!changes.is_empty()).then(|| SectionDiff {
                section,
                heading: heading(section, new, lang),
                changes,
            })
        })
        .collect();
    NoticeDiff {
        lang: lang.to_owned(),
        sections,
    }
}

fn heading(section: SectionId, n: &Notice, lang: &str) -> String {
    if section == SectionId::Organisation && n.role.acts_as == crate::vocab::RoleKind::Processor {
        SectionId::processor_heading(lang).to_owned()
    } else {
        section.heading(lang).to_owned()
    }
}

fn diff_entries(old: &[Entry], new: &[Entry]) -> Vec<Change> {
    let old_keys: Vec<&str> = old.iter().map(|e| e.key.as_str()).collect();
    let new_keys: Vec<&str> = new.iter().map(|e| e.key.as_str()).collect();
    // Myers directly rather than `capture_diff_slices`, which links every algorithm of `similar`
    // into the widget's wasm (about 4 KB brotli for nothing).
    let mut hook = Replace::new(Capture::new());
    let Ok(()) = myers::diff(
        &mut hook,
        &old_keys,
        0..old_keys.len(),
        &new_keys,
        0..new_keys.len(),
    );
    let mut changes = Vec::new();
    for op in hook.into_inner().into_ops() {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    if let Some(c) = changed(&old[old_index + k], &new[new_index + k]) {
                        changes.push(c);
                    }
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                changes.extend(old[old_index..old_index + old_len].iter().map(removed));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                changes.extend(new[new_index..new_index + new_len].iter().map(added));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                replace(
                    &old[old_index..old_index + old_len],
                    &new[new_index..new_index + new_len],
                    &mut changes,
                );
            }
        }
    }
    changes
}

/// Pairs removed and added entries of the same kind, in order, as changes; the rest stay
/// removals and additions.
fn replace(old: &[Entry], new: &[Entry], out: &mut Vec<Change>) {
    let mut new_used = vec![false; new.len()];
    let mut removals = Vec::new();
    for o in old {
        match new
            .iter()
            .enumerate()
            .position(|(j, n)| !new_used[j] && n.kind() == o.kind())
        {
            Some(j) => {
                new_used[j] = true;
                out.extend(changed(o, &new[j]));
            }
            None => removals.push(removed(o)),
        }
    }
    out.extend(removals);
    out.extend(
        new.iter()
            .zip(&new_used)
            .filter(|(_, used)| !**used)
            .map(|(n, _)| added(n)),
    );
}

fn changed(old: &Entry, new: &Entry) -> Option<Change> {
    let mut fields = Vec::new();
    for (name, new_value) in &new.fields {
        match old.fields.iter().find(|(n, _)| n == name) {
            Some((_, old_value)) if old_value == new_value => {}
            Some((_, old_value)) => fields.push(FieldChange {
                field: name.clone(),
                old: Some(old_value.clone()),
                new: Some(new_value.clone()),
            }),
            None => fields.push(FieldChange {
                field: name.clone(),
                old: None,
                new: Some(new_value.clone()),
            }),
        }
    }
    for (name, old_value) in &old.fields {
        if !new.fields.iter().any(|(n, _)| n == name) {
            fields.push(FieldChange {
                field: name.clone(),
                old: Some(old_value.clone()),
                new: None,
            });
        }
    }
    (!fields.is_empty()).then(|| Change::Changed {
        item: new.label.clone(),
        fields,
    })
}

fn details(e: &Entry) -> Vec<String> {
    if e.kind() == "text" {
        return Vec::new();
    }
    e.fields
        .iter()
        .filter(|(_, v)| *v != e.label)
        .map(|(name, v)| format!("{name}: {v}"))
        .collect()
}

fn added(e: &Entry) -> Change {
    Change::Added {
        item: e.label_or_text(),
        details: details(e),
    }
}

fn removed(e: &Entry) -> Change {
    Change::Removed {
        item: e.label_or_text(),
        details: details(e),
    }
}

impl Entry {
    /// Prose entries are named by their text; other entries by their label.
    fn label_or_text(&self) -> String {
        if self.kind() == "text" {
            self.fields
                .first()
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        } else {
            self.label.clone()
        }
    }
}

/// Sections are named by their anchor in JSON (`"recipients"`), the same word as in page URLs.
impl Serialize for SectionId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.anchor())
    }
}

impl<'de> Deserialize<'de> for SectionId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        SectionId::ORDER
            .into_iter()
            .find(|s| s.anchor() == name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown section `{name}`")))
    }
}
