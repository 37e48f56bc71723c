//! The notice: one document that carries every information element of GDPR Art. 13 and 14.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::party::{Contact, Organisation, Representative};
use crate::sections::*;
use crate::text::{Lang, Prose, Text};

/// The version of the notice file format that this crate reads and writes. A reader refuses files of
/// a newer format rather than silently dropping what it does not know.
pub const FORMAT: u32 = 1;

/// A privacy notice (Finnish *tietosuojaseloste*). Sections are optional so that a notice can be
/// transcribed exactly as its organisation wrote it; what GDPR asks for and the notice lacks is
/// reported by [`crate::validate`] as a completeness finding, not refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "json-schema", schemars(transform = crate::legacy::notice_schema))]
pub struct Notice {
    /// Editors use this to find the JSON Schema; ignored otherwise.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    /// The file format version; see [`FORMAT`].
    pub format: u32,
    /// `organisation/notice`, lower-case letters, digits and dashes: the notice's stable address.
    pub id: String,
    /// The notice's languages, the first being its main language.
    pub languages: Vec<Lang>,
    pub title: Text,
    /// The date the notice says it was last updated, if it says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    /// The date the notice takes effect, when the notice states one; shown on the page when it
    /// differs from the publication and update dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The notice's own headings and numbering, where the author wants them kept.
    #[serde(default, skip_serializing_if = "Headings::is_empty")]
    pub headings: Headings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub introduction: Prose,
    /// The organisation that publishes the notice: the controller, or the processor when
    /// `role.acts_as` is `processor` (Art. 13(1)(a)).
    pub organisation: Organisation,
    pub role: Role,
    /// The controller's representative in the EU or the UK (Art. 13(1)(a), 27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<Representative>,
    /// The person to contact about the register ("yhteyshenkilö").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// The data protection officer (Art. 13(1)(b)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Contact>,
    /// The statement that no DPO is appointed (an error together with `dpo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo_not_appointed: Option<DpoNotAppointed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<Register>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Purpose>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lawfulness: Option<Lawfulness>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_subjects: Vec<SubjectGroup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Sources>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Recipients>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfers: Option<Transfers>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security: Option<Security>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights: Option<Rights>,
    /// The supervisory authorities a complaint can be lodged with; format 1's single
    /// `complaint_authority` is still read as a one-item list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "old-spellings",
        serde(
            alias = "complaint_authority",
            deserialize_with = "crate::one_or_many::deserialize"
        )
    )]
    pub complaint_authorities: Vec<ComplaintAuthority>,
    /// Automated decisions of Art. 22.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_decisions: Option<AutomatedDecisions>,
    /// Profiling without such decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profiling: Option<Profiling>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Requirement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangePolicy>,
    /// The notice's own sections that fit no standard element, shown after the standard ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sections: Vec<FreeSection>,
}

impl Notice {
    /// The main language: the first one listed.
    pub fn main_language(&self) -> &str {
        self.languages.first().map(String::as_str).unwrap_or("fi")
    }

    /// The language to show a reader who asked for `wanted` (e.g. `sv-FI`): an exact match, else a
    /// language with the same primary subtag, else the main language.
    pub fn pick_language<'a>(&'a self, wanted: &str) -> &'a str {
        let wanted_primary = crate::date::primary_subtag(wanted);
        self.languages
            .iter()
            .find(|l| l.eq_ignore_ascii_case(wanted))
            .or_else(|| {
                self.languages
                    .iter()
                    .find(|l| crate::date::primary_subtag(l).eq_ignore_ascii_case(wanted_primary))
            })
            .map(String::as_str)
            .unwrap_or_else(|| self.main_language())
    }

    /// The organisation part of [`Notice::id`].
    pub fn org_slug(&self) -> &str {
        self.id.split_once('/').map(|(o, _)| o).unwrap_or(&self.id)
    }

    /// The notice part of [`Notice::id`].
    pub fn notice_slug(&self) -> &str {
        self.id.split_once('/').map(|(_, n)| n).unwrap_or("")
    }
}
