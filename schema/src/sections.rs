//! The sections of a notice, one type per GDPR information element. Each section pairs structured
//! facts (machine-readable, diffable, checked for completeness) with `notes`: the organisation's
//! own words that fit no field, so nothing a real notice says is lost.

use serde::{Deserialize, Serialize};

use crate::text::{Prose, Text};
use crate::vocab::{
    LegalBasis, RecipientRole, RequirementKind, Right, RoleKind, Safeguard,
    SpecialCategoryCondition,
};

/// Whether the notice's organisation acts as controller or as processor (Art. 4(7), 4(8)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub acts_as: RoleKind,
    /// For a processor's notice: on whose behalf it processes, e.g. "the customer (system user)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<Text>,
    /// The notice's own account of its role, e.g. where it is controller for some data and
    /// processor for other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanation: Prose,
}

/// The register (filing system) the notice describes (Finnish "rekisterin nimi").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Register {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Prose,
}

/// A purpose of processing (Art. 13(1)(c)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// The purpose in a few words, e.g. "customer relationship management".
    pub name: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Prose,
    /// The legal bases of this purpose; when empty, the notice-wide bases of [`Lawfulness`] apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_bases: Vec<LegalBasis>,
    /// For a purpose based on legitimate interests: the interest itself (Art. 13(1)(d)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate_interest: Option<Text>,
}

/// The lawful bases that apply across purposes, as real notices usually state them (Art. 6, 9).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lawfulness {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_bases: Vec<LegalBasis>,
    /// The notice's own wording of its legal basis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanation: Prose,
    /// The legitimate interests pursued (Art. 13(1)(d)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legitimate_interests: Prose,
    /// Conditions for special categories of data (Art. 9(2)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_category_conditions: Vec<SpecialCategoryCondition>,
}

/// A group of data subjects and the personal data kept about them (Art. 14(1)(d)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SubjectGroup {
    /// e.g. "Soittaja (Asiakas)"; may be omitted when a notice speaks of one group only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Prose,
    pub data: Vec<DataCategory>,
}

/// A kind of personal data, optionally with its parts ("contact details: name, email, …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Text>,
    /// A special category of personal data (Art. 9(1)): health, beliefs, …
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub special_category: bool,
}

/// Where the data comes from (Art. 14(2)(f)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sources {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Prose,
}

/// One source of personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: Text,
    /// A publicly accessible source (Art. 14(2)(f) asks the notice to say so).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub publicly_accessible: bool,
}

/// Who receives the data: disclosures and processors (Art. 13(1)(e)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Recipient>,
    /// The notice's own words, e.g. "data is not disclosed to third parties".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Prose,
}

/// A recipient or category of recipients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The recipient's name or category, e.g. "Ficolo Oy" or "authorities entitled to the data".
    pub name: Text,
    pub role: RecipientRole,
    /// What the recipient does with the data, e.g. "invoicing".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Text>,
    /// Where it processes the data: an ISO 3166-1 alpha-2 country code, or `EU` / `EEA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Prose,
}

/// Transfers to third countries (Art. 13(1)(f)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transfers {
    /// Whether any data leaves the EU/EEA. `false` with no items states "no transfers".
    pub outside_eea: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Transfer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Prose,
}

/// One transfer outside the EU/EEA and its safeguard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Who receives the data, e.g. "Microsoft Corporation".
    pub recipient: Text,
    /// ISO 3166-1 alpha-2 country code of the destination.
    pub country: String,
    pub safeguard: Safeguard,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Prose,
}

/// How long data is kept (Art. 13(2)(a)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Retention {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RetentionRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Prose,
}

/// The retention period of one group of data, or the criteria that determine it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RetentionRule {
    /// Which data the rule covers; absent means all data of the register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Text>,
    /// The period or criteria in the notice's words.
    pub period: Text,
    /// The shortest period as an ISO 8601 duration, when the notice states a range ("1 päivä – 36 kk").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_duration: Option<String>,
    /// The longest period as an ISO 8601 duration (`P24M`, `P5Y`, `P36M`), when the notice states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_duration: Option<String>,
}

/// How the data is protected (Art. 32; customary in Finnish notices as "rekisterin suojauksen periaatteet").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Security {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub general: Prose,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technical: Prose,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisational: Prose,
    /// Paper (manual) records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paper_records: Prose,
}

/// The data subject's rights and how to use them (Art. 13(2)(b)–(d), Art. 12).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// The rights the notice tells of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights: Vec<Right>,
    /// The notice's own words about the rights.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Prose,
    /// How to use them: whom to contact, in what form, how fast requests are answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub how_to_exercise: Prose,
}

/// The supervisory authority a complaint can be lodged with (Art. 13(2)(d), 77).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ComplaintAuthority {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Prose,
}

/// Automated decision-making, including profiling (Art. 13(2)(f), 22).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisions {
    pub exists: bool,
    /// When `exists`: the logic involved, the significance and the envisaged consequences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Prose,
}

/// Whether giving the data is a statutory or contractual requirement (Art. 13(2)(e)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub kind: RequirementKind,
    /// What follows if the data subject does not give the data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consequences: Prose,
}

/// How changes to the notice are made known.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePolicy {
    pub description: Prose,
}

/// A section of the notice's own that fits no standard element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FreeSection {
    pub heading: Text,
    pub body: Prose,
}
