//! The notice's language: Finnish, Swedish or English. Only these three are told apart, and only
//! on text that is a privacy notice, so a score of words does it without a language model's
//! tables (whatlang's took 216 KB of the importer's wasm): each language's frequent short words
//! and a few words every notice in it uses count three points; parts and endings of words that
//! belong to one of the three count one each. `--lang` overrides it.

use crate::ImportError;

/// The languages the importer knows headings and wordings of.
pub const KNOWN: [&str; 3] = ["fi", "sv", "en"];

/// Words frequent in one of the three languages and rare in the other two, sorted (binary
/// search): function words, and the words of personal data and its processing. A word in two
/// languages ("on": fi "is", en "on") is in none.
#[rustfmt::skip]
const WORDS: [&[&str]; 3] = [
    // Finnish
    &[
        "ei", "eli", "esim", "että", "henkilötiedot", "henkilötietoja", "henkilötietojen", "ja",
        "joka", "jos", "jotka", "kanssa", "kauan", "kuin", "kun", "lisäksi", "meidän", "miten",
        "mitä", "mukaan", "myös", "niiden", "olemme", "olla", "ovat", "puh", "rekisteri",
        "rekisterin", "rekisterinpitäjä", "se", "sekä", "sen", "sinun", "tai", "tiedot", "tietoja",
        "tietojen", "tämä", "tässä", "vain", "voi",
    ],
    // Swedish
    &[
        "att", "av", "de", "den", "det", "din", "dina", "eller", "en", "enligt", "ett", "för",
        "har", "hur", "i", "inte", "kan", "med", "och", "om", "personuppgifter",
        "personuppgifterna", "post", "på", "samt", "som", "tfn", "till", "uppgifter",
        "uppgifterna", "vi", "vid", "vår", "våra", "är",
    ],
    // English
    &[
        "a", "about", "all", "and", "any", "are", "as", "at", "be", "by", "can", "customer",
        "data", "do", "each", "for", "from", "has", "have", "how", "if", "in", "is", "it", "its",
        "long", "may", "not", "of", "only", "or", "our", "personal", "privacy", "that", "the",
        "their", "they", "this", "to", "updated", "us", "we", "what", "when", "where", "which",
        "who", "will", "with", "you", "your",
    ],
];

/// Endings of Finnish words in their cases (inessive, elative, adessive, …), which Swedish and
/// English words seldom have.
const FI_ENDINGS: [&str; 10] = [
    "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "ksi", "isen",
];

/// Parts of words of one language: Finnish long vowels and diphthongs ("tietosuojaa",
/// "luovutus", "pyyntö"), the Swedish "å", "ör" ("för", "överföring") and "uppgift", the English
/// "w" and "th". "rekisteröi" is Finnish whatever its "ör" says.
const PARTS: [&[&str]; 3] = [
    &[
        "aa",
        "ii",
        "uu",
        "yy",
        "ää",
        "öö",
        "uo",
        "yö",
        "äi",
        "rekisteröi",
    ],
    &["å", "ör", "uppgift"],
    &["w", "th"],
];

/// Endings of Swedish nouns in their definite forms and of its verbal nouns ("behandlingen",
/// "uppgifterna", "rättigheter").
const SV_ENDINGS: [&str; 5] = ["ning", "ningen", "erna", "arna", "heter"];

const FI: usize = 0;
const SV: usize = 1;

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

/// The most likely of fi, sv and en for `text` (Finnish when nothing can be told, or on a tie).
pub fn detect(text: &str) -> &'static str {
    let mut score = [0u32; 3];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        for (lang, words) in WORDS.iter().enumerate() {
            if words.binary_search(&word.as_str()).is_ok() {
                score[lang] += 3;
            }
        }
        let ends = |endings: &[&str]| {
            endings
                .iter()
                .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
        };
        for (lang, parts) in PARTS.iter().enumerate() {
            score[lang] += u32::from(parts.iter().any(|p| word.contains(p)));
        }
        score[FI] += u32::from(ends(&FI_ENDINGS));
        score[SV] += u32::from(ends(&SV_ENDINGS));
    }
    let best = (0..3).fold(FI, |best, lang| {
        if score[lang] > score[best] {
            lang
        } else {
            best
        }
    });
    KNOWN[best]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source;
    use std::path::{Path, PathBuf};

    #[test]
    fn the_word_lists_are_sorted_lower_case_and_disjoint() {
        for words in WORDS {
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
            assert!(words.iter().all(|w| w.to_lowercase() == *w));
        }
        for (i, a) in WORDS.iter().enumerate() {
            for b in &WORDS[i + 1..] {
                assert!(a.iter().all(|w| !b.contains(w)), "{a:?} / {b:?}");
            }
        }
    }

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
    fn short_inputs_are_told_apart() {
        for (text, lang) in [
            ("Rekisteröidyn oikeudet", "fi"),
            ("Säilytysaika", "fi"),
            ("Tietosuojaseloste", "fi"),
            ("Siirrot EU:n ulkopuolelle", "fi"),
            ("Personuppgiftsansvarig", "sv"),
            ("Den registrerades rättigheter", "sv"),
            ("Överföring utanför EU/EES", "sv"),
            ("Lagringstid: tre år", "sv"),
            ("How long we keep it", "en"),
            ("Your rights", "en"),
            ("Who we are", "en"),
            ("Sharing your data", "en"),
        ] {
            assert_eq!(detect(text), lang, "{text}");
        }
    }

    #[test]
    fn nothing_to_tell_is_finnish() {
        assert_eq!(detect(""), "fi");
        assert_eq!(detect("12345 ... 040 123 4567"), "fi");
    }

    fn repository() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// (language, plain text as the importer reads it) of every fixture and every original: fi
    /// unless the file's name starts with `sv-` or `en-`.
    fn fixtures() -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for dir in ["tests/fixtures/import", "tests/fixtures/originals"] {
            for entry in std::fs::read_dir(repository().join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_str().unwrap().to_owned();
                if name == "README.md" {
                    continue;
                }
                let lang = ["sv", "en"]
                    .into_iter()
                    .find(|l| name.starts_with(&format!("{l}-")))
                    .unwrap_or("fi");
                let bytes = std::fs::read(&path).unwrap();
                let pieces = source::read(&bytes, source::detect(&bytes, Some(&name))).unwrap();
                out.push((lang, source::plain_text(&pieces)));
            }
        }
        assert!(out.len() >= 20, "{} fixtures", out.len());
        out
    }

    /// Every text of the examples' notices under its language key (`{"fi": …, "sv": …}`).
    fn example_texts() -> Vec<(&'static str, String)> {
        fn walk(v: &serde_json::Value, out: &mut Vec<(&'static str, String)>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m {
                        match (KNOWN.iter().find(|l| **l == k), x) {
                            (Some(l), serde_json::Value::String(s)) => out.push((l, s.clone())),
                            _ => walk(x, out),
                        }
                    }
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for entry in std::fs::read_dir(repository().join("examples")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                walk(&serde_json::from_str(&text).unwrap(), &mut out);
            }
        }
        for lang in ["fi", "en"] {
            assert!(
                out.iter().any(|(l, _)| *l == lang),
                "no {lang} example text"
            );
        }
        out
    }

    #[test]
    fn every_fixture_is_told_its_language() {
        for (lang, text) in fixtures() {
            assert_eq!(detect(&text), lang, "{}", &text[..text.len().min(200)]);
        }
    }

    /// Short texts: every line of every fixture, and every text of the examples (sentences, list
    /// items, names of purposes), of five words or more (numbers are no words: an address line
    /// has no language).
    #[test]
    fn every_line_of_five_words_is_told_its_language() {
        let mut texts: Vec<(&str, String)> = fixtures()
            .into_iter()
            .flat_map(|(l, t)| {
                t.lines()
                    .map(|line| (l, line.to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        texts.extend(example_texts());
        let short: Vec<_> = texts
            .iter()
            .filter(|(_, t)| {
                t.split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count()
                    >= 5
            })
            .collect();
        assert!(short.len() > 500, "{} texts", short.len());
        let wrong: Vec<_> = short
            .iter()
            .filter(|(l, t)| detect(t) != *l)
            .map(|(l, t)| format!("{l}: {t}"))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn a_language_flag_is_checked() {
        assert_eq!(known("sv-FI"), Ok("sv"));
        assert!(known("de").is_err());
    }
}
