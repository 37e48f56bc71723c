//! Legal bases from their wording: sopimus / avtal / contract → contract, suostumus / samtycke /
//! consent → consent, oikeutettu etu / berättigat intresse / legitimate interest → legitimate
//! interests, lakisääteinen velvoite / rättslig förpliktelse / legal obligation → legal
//! obligation (with the law, where the text names one).

use seloste_schema::vocab::LegalBasis;

const RULES: &[(LegalBasis, &[&str])] = &[
    (LegalBasis::Consent, &["suostumu", "samtyck", "consent"]),
    (LegalBasis::Contract, &["sopimu", "avtal", "contract"]),
    (
        LegalBasis::LegalObligation,
        &[
            "lakisääteinen",
            "lakisääteis",
            "lakiin perustuv",
            "lain edellyttäm",
            "laissa säädet",
            "rättslig förpliktelse",
            "rättsliga förpliktelse",
            "lagstadgad",
            "enligt lag",
            "legal obligation",
            "comply with the law",
            "statutory obligation",
        ],
    ),
    (
        LegalBasis::LegitimateInterests,
        &[
            "oikeutettu etu",
            "oikeutetun edun",
            "oikeutettuun etuun",
            "oikeutetut edut",
            "oikeutettujen etujen",
            "oikeutetuista eduista",
            "oikeutetun etu",
            "berättigat intresse",
            "berättigade intresse",
            "berättigat intresse",
            "legitimate interest",
        ],
    ),
    (
        LegalBasis::VitalInterests,
        &[
            "elintärke",
            "grundläggande intresse",
            "vitala intresse",
            "vital interest",
        ],
    ),
    (
        LegalBasis::PublicTask,
        &[
            "yleisen edun",
            "julkisen vallan",
            "allmänt intresse",
            "myndighetsutövning",
            "public interest",
            "official authority",
        ],
    ),
];

/// The legal bases a text names, in the order of GDPR Art. 6(1).
pub fn bases(text: &str) -> Vec<LegalBasis> {
    let lower = text.to_lowercase();
    let mut out: Vec<LegalBasis> = RULES
        .iter()
        .filter(|(_, stems)| stems.iter().any(|s| lower.contains(s)))
        .map(|(b, _)| *b)
        .collect();
    out.sort();
    out
}

/// A law the text names ("kirjanpitolain", "Act on …", "bokföringslagen"), as written.
pub fn law(text: &str) -> Option<String> {
    for word in text.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let l = w.to_lowercase();
        let finnish = l.chars().count() > 6
            && ["laki", "lain", "lakia", "lakiin", "lakien"]
                .iter()
                .any(|e| l.ends_with(e))
            && !["selain", "palvelain", "lainsäädän"]
                .iter()
                .any(|x| l.contains(x));
        let swedish = l.chars().count() > 6 && (l.ends_with("lagen") || l.ends_with("lagens"));
        if finnish || swedish {
            return Some(w.to_owned());
        }
    }
    // " Act" at the end of a word, found in the text itself (positions stay valid).
    let act = text.match_indices(" Act").map(|(i, _)| i).find(|&i| {
        !text[i + 4..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
    });
    if let Some(i) = act {
        // "the Accounting Act": the capitalised words before "Act".
        let before: Vec<&str> = text[..i].split_whitespace().collect();
        let name: Vec<&str> = before
            .iter()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .copied()
            .collect();
        if !name.is_empty() {
            let mut name: Vec<&str> = name.into_iter().rev().collect();
            name.push("Act");
            return Some(name.join(" "));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordings_name_their_bases() {
        assert_eq!(
            bases("Käsittelyn perusteena on Caracomin oikeutettu etu taikka sopimuksen täytäntöönpaneminen."),
            [LegalBasis::Contract, LegalBasis::LegitimateInterests]
        );
        assert_eq!(
            bases("Behandlingen grundar sig på samtycke."),
            [LegalBasis::Consent]
        );
        assert_eq!(
            bases("We process data to comply with a legal obligation under the Accounting Act."),
            [LegalBasis::LegalObligation]
        );
        assert!(bases("Tiedot kerätään asiakkaalta.").is_empty());
    }

    #[test]
    fn the_law_is_named_where_the_text_names_it() {
        assert_eq!(
            law("kirjanpitolain edellyttämän ajan").as_deref(),
            Some("kirjanpitolain")
        );
        assert_eq!(
            law("enligt bokföringslagen").as_deref(),
            Some("bokföringslagen")
        );
        assert_eq!(
            law("under the Accounting Act.").as_deref(),
            Some("Accounting Act")
        );
        assert_eq!(law("lainsäädännön mukaisesti"), None);
        assert_eq!(law("palvelimella ja selaimella, palvelain"), None);
        assert_eq!(law("som underlag för fakturering"), None);
    }
}
