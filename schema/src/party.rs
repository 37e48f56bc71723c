//! Who is behind a notice and whom to contact: organisations, people, addresses, phone numbers.
//! Proper names and addresses are written once, not translated; titles and labels are [`Text`].

use serde::{Deserialize, Serialize};

use crate::date::primary_subtag;
use crate::text::{Prose, Text};

/// An organisation: the controller or processor, or a representative (GDPR Art. 13(1)(a)).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Registered name, e.g. `Kaarea Oy`.
    pub name: String,
    /// Business ID; a Finnish Y-tunnus (`2925981-7`) is checked against its check digit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_id: Option<String>,
    /// Legal form where the notice states it, e.g. "Yksityinen elinkeinonharjoittaja".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_form: Option<Text>,
    /// How the notice refers to the organisation later, e.g. ”me” tai ”Caracom”.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referred_to_as: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visiting_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// The organisation's web site (`https:` or `http:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
}

/// The controller's representative (GDPR Art. 27, or the UK GDPR's Art. 27): an organisation, the
/// law it is appointed under and the notice's own words about it. The organisation's fields are
/// repeated rather than flattened, because serde's `flatten` cannot refuse unknown fields.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Representative {
    /// Registered name.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_form: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referred_to_as: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visiting_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    /// The law it represents the controller under: the EU's or the UK's GDPR Art. 27.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<Jurisdiction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Prose,
}

impl Representative {
    /// The representative as an organisation, for what it shares with the controller (its card on
    /// the page, its checks).
    pub fn organisation(&self) -> Organisation {
        Organisation {
            name: self.name.clone(),
            business_id: self.business_id.clone(),
            legal_form: self.legal_form.clone(),
            referred_to_as: self.referred_to_as.clone(),
            postal_address: self.postal_address.clone(),
            visiting_address: self.visiting_address.clone(),
            phones: self.phones.clone(),
            emails: self.emails.clone(),
            web: self.web.clone(),
        }
    }
}

/// Under which law a representative is appointed: `eu_art27` (a representative in the EU of a
/// controller outside it, GDPR Art. 27) or `uk_art27` (in the UK, UK GDPR Art. 27).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
pub enum Jurisdiction {
    #[serde(rename = "eu_art27")]
    EuArt27,
    #[serde(rename = "uk_art27")]
    UkArt27,
}

impl Jurisdiction {
    pub const ALL: &'static [Jurisdiction] = &[Jurisdiction::EuArt27, Jurisdiction::UkArt27];

    /// The identifier used in notice files.
    pub fn id(self) -> &'static str {
        match self {
            Jurisdiction::EuArt27 => "eu_art27",
            Jurisdiction::UkArt27 => "uk_art27",
        }
    }

    /// The article of the EU's or the UK's GDPR.
    pub fn article(self) -> &'static str {
        "27"
    }

    /// What the representative is, in `lang`.
    pub fn label(self, lang: &str) -> &'static str {
        match (self, primary_subtag(lang)) {
            (Jurisdiction::EuArt27, "fi") => {
                "Edustaja EU:ssa (EU:n tietosuoja-asetuksen 27 artikla)"
            }
            (Jurisdiction::EuArt27, "sv") => {
                "Företrädare i EU (artikel 27 i EU:s dataskyddsförordning)"
            }
            (Jurisdiction::EuArt27, _) => "Representative in the EU (GDPR Art. 27)",
            (Jurisdiction::UkArt27, "fi") => {
                "Edustaja Yhdistyneessä kuningaskunnassa (UK GDPR:n 27 artikla)"
            }
            (Jurisdiction::UkArt27, "sv") => "Företrädare i Storbritannien (artikel 27 i UK GDPR)",
            (Jurisdiction::UkArt27, _) => "Representative in the UK (UK GDPR Art. 27)",
        }
    }
}

/// A person to contact: the privacy contact person or the data protection officer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The person's name; may be absent when only a role address is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Title or role, e.g. "toimitusjohtaja".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// The organisation the person works for, when the notice names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visiting_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
}

/// A postal or visiting address.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number, or a PO box (`PL 180`).
    pub street: String,
    pub postal_code: String,
    pub city: String,
    /// A region, state or province as the notice writes it, e.g. "Ahvenanmaa" or "California".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Country as the notice writes it, e.g. "Finland"; omitted for domestic addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A phone number, optionally labelled ("vaihde", switchboard).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// As written in the notice, e.g. `+358 40 3012 300` or `044 2434 591`.
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

impl Address {
    /// The address on one line, as a reader would write it.
    pub fn one_line(&self) -> String {
        let mut s = format!("{}, {} {}", self.street, self.postal_code, self.city);
        if let Some(r) = &self.region {
            s.push_str(", ");
            s.push_str(r);
        }
        if let Some(c) = &self.country {
            s.push_str(", ");
            s.push_str(c);
        }
        s
    }
}

impl Phone {
    /// The `tel:` URI for the number (spaces and dashes dropped).
    pub fn tel_uri(&self) -> String {
        let digits: String = self
            .number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }
}
