//! Text in one or more languages, and the few block shapes prose may take.
//!
//! Translations live at the leaves (each paragraph holds all its languages) so that the structure of
//! a notice is the same in every language: validation can point at the exact paragraph that lacks a
//! translation, and a diff compares like with like.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A language code such as `fi`, `sv` or `en` (BCP 47: a primary subtag, optionally a region).
pub type Lang = String;

/// One piece of text with a translation for every language of the notice: `{"fi": "…", "en": "…"}`.
/// A language given twice is an error, not a silent overwrite: two translations of one sentence
/// cannot both be meant.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Text(pub BTreeMap<Lang, String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of translations such as {\"fi\": \"…\"}")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    if out.contains_key(&lang) {
                        return Err(serde::de::Error::custom(format!(
                            "the `{lang}` translation is given twice"
                        )));
                    }
                    out.insert(lang, text);
                }
                Ok(Text(out))
            }
        }
        d.deserialize_map(Visitor)
    }
}

impl Text {
    /// Text in a single language; handy for tests and tools that build notices in code.
    pub fn new(lang: &str, text: impl Into<String>) -> Self {
        Text(BTreeMap::from([(lang.to_owned(), text.into())]))
    }

    /// The text in `lang`, else in the first language that has it, so that a reader always sees
    /// something rather than a hole (validation reports the missing translation separately).
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The text in exactly `lang`, if it has a translation.
    pub fn exact(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }

    /// Adds or replaces one translation (builder style).
    pub fn with(mut self, lang: &str, text: impl Into<String>) -> Self {
        self.0.insert(lang.to_owned(), text.into());
        self
    }
}

/// Prose: paragraphs, lists and links, in order. Lists stay lists and links stay links.
pub type Prose = Vec<Block>;

/// One block of prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A paragraph of plain text (never markup: it is always escaped when rendered).
    Paragraph(Text),
    /// A bulleted list; each item is plain text.
    List(Vec<Text>),
    /// A list of links.
    Links(Vec<Link>),
}

/// A link. Only `https:`, `http:`, `mailto:` and `tel:` targets pass validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "json-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The target, e.g. `https://tietosuoja.fi`.
    pub href: String,
    /// What the reader sees.
    pub label: Text,
}

/// Zero-width and bidirectional formatting characters. They make a link read differently from
/// where it goes (`https://exa\u{202E}lpmaxe.evil` shows as `…evil.example`), so validation refuses
/// them in link targets and every renderer refuses to write such a link.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}
