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
    #[cfg_attr(
        feature = "old-spellings",
        serde(
            alias = "safeguard",
            deserialize_with = "crate::one_or_many::deserialize"
        )
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

/// The notice's own headings, keyed in the file by the section's field name
/// (`{"purposes": {"number": "3", "text": {…}}}`); a section without one shows the standard
/// heading. Held as a short list rather than a struct of twenty optional fields: its reader is a
/// tenth of the size in the browser widget.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Headings(Vec<(SectionId, NoticeHeading)>);

impl Headings {
    /// The sections that may have a heading of their own, by their field names in the file.
    pub const KEYS: [(&'static str, SectionId); 20] = [
        ("organisation", SectionId::Organisation),
        ("role", SectionId::Role),
        ("representative", SectionId::Representative),
        ("contact", SectionId::Contact),
        ("dpo", SectionId::Dpo),
        ("register", SectionId::Register),
        ("purposes", SectionId::Purposes),
        ("lawfulness", SectionId::Lawfulness),
        ("data_subjects", SectionId::DataSubjects),
        ("sources", SectionId::Sources),
        ("recipients", SectionId::Recipients),
        ("transfers", SectionId::Transfers),
        ("retention", SectionId::Retention),
        ("security", SectionId::Security),
        ("rights", SectionId::Rights),
        ("complaint_authorities", SectionId::ComplaintAuthority),
        ("automated_decisions", SectionId::AutomatedDecisions),
        ("profiling", SectionId::Profiling),
        ("requirement", SectionId::Requirement),
        ("changes", SectionId::Changes),
    ];

    /// The notice's heading for `section`, if it gives one.
    pub fn get(&self, section: SectionId) -> Option<&NoticeHeading> {
        self.0.iter().find(|(s, _)| *s == section).map(|(_, h)| h)
    }

    /// Sets the heading of `section` (one of [`Headings::KEYS`]).
    pub fn set(&mut self, section: SectionId, heading: NoticeHeading) {
        self.0.retain(|(s, _)| *s != section);
        // Kept in reading order; an insertion, not a sort (a sort would cost the widget 3 KB).
        let at = self.0.iter().take_while(|(s, _)| *s < section).count();
        self.0.insert(at, (section, heading));
    }

    /// Whether no heading is given.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every heading given, with its key, in reading order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, SectionId, &NoticeHeading)> {
        self.0.iter().map(|(s, h)| (Self::key(*s), *s, h))
    }

    fn key(section: SectionId) -> &'static str {
        Self::KEYS
            .iter()
            .find(|(_, s)| *s == section)
            .map(|(k, _)| *k)
            .expect("only sections of KEYS are held")
    }
}

impl Serialize for Headings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, _, heading) in self.iter() {
            map.serialize_entry(key, heading)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Headings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Headings;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of headings keyed by section, such as {\"purposes\": {\"number\": \"3\", \"text\": {\"fi\": \"…\"}}}")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Headings, A::Error> {
                let mut out = Headings::default();
                while let Some(key) = map.next_key::<String>()? {
                    let Some(&(name, section)) = Headings::KEYS.iter().find(|(k, _)| *k == key)
                    else {
                        const NAMES: [&str; 20] = {
                            let mut names = [""; 20];
                            let mut i = 0;
                            while i < 20 {
                                names[i] = Headings::KEYS[i].0;
                                i += 1;
                            }
                            names
                        };
                        return Err(serde::de::Error::unknown_field(&key, &NAMES));
                    };
                    if out.get(section).is_some() {
                        return Err(serde::de::Error::duplicate_field(name));
                    }
                    let heading = map.next_value()?;
                    out.set(section, heading);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Visitor)
    }
}

#[cfg(feature = "json-schema")]
impl schemars::JsonSchema for Headings {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Headings".into()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let heading = g.subschema_for::<NoticeHeading>();
        let properties: serde_json::Map<String, serde_json::Value> = Headings::KEYS
            .iter()
            .map(|(k, _)| (k.to_string(), heading.clone().to_value()))
            .collect();
        schemars::json_schema!({
            "description": "The notice's own headings and numbering, keyed by the section's field name in the notice file; a section without one shows the standard heading.",
            "type": "object",
            "properties": properties,
            "additionalProperties": false
        })
    }
}
