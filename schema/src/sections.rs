//! The sections of a notice, one type per GDPR information element. Each section pairs structured
//! facts (machine-readable, diffable, checked for completeness) with `notes`: the organisation's
//! own words that fit no field, so nothing a real notice says is lost.

use serde::{Deserialize, Serialize};

use crate::headings::SectionId;
use crate::party::{Address, Phone};
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
    /// For a purpose that processes special categories of data: the Art. 9(2) condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_category_condition: Option<SpecialCategoryCondition>,
    /// For a legal obligation: the law it comes from, e.g. "kirjanpitolaki 1336/1997".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<Text>,
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
    /// What the category holds or why, in the notice's words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Prose,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<DataItem>,
    /// A special category of personal data (Art. 9(1)): health, beliefs, …
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub special_category: bool,
}

/// One piece of personal data: plain text (`{"fi": "nimi"}`), or, where the notice says whether
/// the data subject must give it, `{"name": {"fi": "nimi"}, "required": true}` (Art. 13(2)(e)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataItem {
    pub name: Text,
    /// `Some(true)`: required; `Some(false)`: voluntary; `None`: the notice does not say.
    pub required: Option<bool>,
}

impl From<Text> for DataItem {
    fn from(name: Text) -> Self {
        DataItem {
            name,
            required: None,
        }
    }
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
    /// Which data the source supplies, e.g. "address changes".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supplies: Vec<Text>,
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

/// One transfer outside the EU/EEA and the safeguards it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "json-schema", schemars(transform = crate::legacy::transfer_schema))]
pub struct Transfer {
    /// Who receives the data, e.g. "Microsoft Corporation".
    pub recipient: Text,
    /// ISO 3166-1 alpha-2 country code of the destination.
    pub country: String,
    /// One or more; format 1's single `safeguard` is still read as a one-item list.
    #[serde(
        alias = "safeguard",
        deserialize_with = "crate::one_or_many::deserialize"
    )]
    pub safeguards: Vec<Safeguard>,
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

/// A supervisory authority a complaint can be lodged with (Art. 13(2)(d), 77).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ComplaintAuthority {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Prose,
}

/// The statement that no data protection officer is appointed, and why: distinct from a notice that
/// says nothing about one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DpoNotAppointed {
    /// Why none is required, e.g. "the core activities do not involve large-scale monitoring".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reason: Prose,
}

/// Automated decisions with legal or similarly significant effects (Art. 13(2)(f), 22).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisions {
    pub exists: bool,
    /// When `exists`: the logic involved, the significance and the envisaged consequences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Prose,
}

/// Profiling (Art. 4(4)) that leads to no decision of Art. 22, e.g. for marketing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profiling {
    pub exists: bool,
    /// When `exists`: what is profiled and for what.
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Prose,
    /// How many days before a material change takes effect the data subjects are told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advance_notice_days: Option<u32>,
    /// How they are told, e.g. "by email to registered users".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub how_notified: Prose,
}

/// A section of the notice's own that fits no standard element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FreeSection {
    /// The notice's own number for the section, e.g. "12".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub heading: Text,
    pub body: Prose,
}

/// A heading of the notice's own: its number and its words, kept so that an imported notice reads
/// as its author wrote it and cross-references ("kohdassa kaksi (2)") still point somewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoticeHeading {
    /// As the notice numbers it: "2", "2.1", "B".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub text: Text,
}

macro_rules! headings {
    ($($field:ident => $section:ident,)*) => {
        /// The notice's own headings, keyed by the section's field name in the notice file; a
        /// section without one shows the standard heading.
        #[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct Headings {
            $(
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<NoticeHeading>,
            )*
        }

        impl Headings {
            /// The notice's heading for `section`, if it gives one.
            pub fn get(&self, section: SectionId) -> Option<&NoticeHeading> {
                match section {
                    $(SectionId::$section => self.$field.as_ref(),)*
                    _ => None,
                }
            }

            /// Whether no heading is given.
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_none())*
            }

            /// Every heading given, with its key, in reading order.
            pub fn iter(&self) -> impl Iterator<Item = (&'static str, SectionId, &NoticeHeading)> {
                [$((stringify!($field), SectionId::$section, self.$field.as_ref()),)*]
                    .into_iter()
                    .filter_map(|(k, s, h)| h.map(|h| (k, s, h)))
            }
        }
    };
}

headings! {
    organisation => Organisation,
    role => Role,
    representative => Representative,
    contact => Contact,
    dpo => Dpo,
    register => Register,
    purposes => Purposes,
    lawfulness => Lawfulness,
    data_subjects => DataSubjects,
    sources => Sources,
    recipients => Recipients,
    transfers => Transfers,
    retention => Retention,
    security => Security,
    rights => Rights,
    complaint_authorities => ComplaintAuthority,
    automated_decisions => AutomatedDecisions,
    profiling => Profiling,
    requirement => Requirement,
    changes => Changes,
}
