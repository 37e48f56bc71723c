//! The notice's language: Finnish, Swedish or English, detected with `whatlang` (trigram
//! statistics) restricted to those three.

use whatlang::{Detector, Lang};

use crate::ImportError;

/// The languages the importer knows headings and wordings of.
pub const KNOWN: [&str; 3] = ["fi", "sv", "en"];

/// `--lang` checked: `fi`, `sv`, `en` (a region such as `sv-FI` is accepted and dropped).
pub fn known(lang: &str) -> Result<&'static str, ImportError> {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    KNOWN
        .iter()
        .find(|k| **k == primary)
        .copied()
        .ok_or_else(|| ImportError::UnknownLanguage(lang.to_owned()))
}

/// The most likely of fi, sv and en for `text` (Finnish when nothing can be told).
pub fn detect(text: &str) -> &'static str {
    let detector = Detector::with_allowlist(vec![Lang::Fin, Lang::Swe, Lang::Eng]);
    match detector.detect_lang(text) {
        Some(Lang::Swe) => "sv",
        Some(Lang::Eng) => "en",
        _ => "fi",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_languages_are_told_apart() {
        assert_eq!(
            detect("Henkilötietoja käsitellään asiakassuhteen hoitamiseksi ja laskutukseen."),
            "fi"
        );
        assert_eq!(
            detect("Personuppgifterna behandlas för att sköta kundrelationen och faktureringen."),
            "sv"
        );
        assert_eq!(
            detect("Personal data is processed to manage the customer relationship and invoicing."),
            "en"
        );
    }

    #[test]
    fn a_language_flag_is_checked() {
        assert_eq!(known("sv-FI"), Ok("sv"));
        assert!(known("de").is_err());
    }
}
