//! Who is behind a notice and whom to contact: organisations, people, addresses, phone numbers.
//! Proper names and addresses are written once, not translated; titles and labels are [`Text`].

use serde::{Deserialize, Serialize};

use crate::text::Text;

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
