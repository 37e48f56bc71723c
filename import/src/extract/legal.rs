//! Legal bases from their wording: sopimus / avtal / contract → contract, suostumus / samtycke /
//! consent → consent, oikeutettu etu / berättigat intresse / legitimate interest → legitimate
//! interests, lakisääteinen velvoite / rättslig förpliktelse / legal obligation → legal
//! obligation (with the law, where the text names one); a representative's law from a citation
//! of Article 27.

use seloste_schema::party::Jurisdiction;
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

/// Wordings that place a representative under the UK's GDPR rather than the EU's.
const UK_ART27: &[&str] = &[
    "uk gdpr",
    "uk-gdpr",
    "uk's gdpr",
    "uk representative",
    "representative in the uk",
    "representative in the united kingdom",
    "edustaja yhdistyneessä kuningaskunnassa",
    "yhdistyneen kuningaskunnan tietosuoja",
    "företrädare i storbritannien",
    "företrädare i förenade kungariket",
];

/// The law a representative is appointed under, when the text cites Article 27 ("Article 27
/// GDPR", "Art. 27", "tietosuoja-asetuksen 27 artiklan", "artikel 27"): the UK's GDPR when the
/// text says so ([`UK_ART27`]), else the EU's. Without the citation, nothing is inferred.
pub fn representative_jurisdiction(text: &str) -> Option<Jurisdiction> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let article = |w: &str| w.starts_with("art");
    let cites = words
        .windows(2)
        .any(|w| (article(w[0]) && w[1] == "27") || (w[0] == "27" && article(w[1])));
    cites.then(|| {
        if UK_ART27.iter().any(|s| lower.contains(s)) {
            Jurisdiction::UkArt27
        } else {
            Jurisdiction::EuArt27
        }
    })
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

    #[test]
    fn a_representative_s_law_from_article_27() {
        use Jurisdiction::*;
        for (text, law) in [
            (
                "Our representative in the EU under Article 27 GDPR is DataRep Oy.",
                Some(EuArt27),
            ),
            ("Representative (Art. 27 GDPR): DataRep Oy", Some(EuArt27)),
            (
                "Our UK representative under Article 27 of the UK GDPR is Rep Ltd.",
                Some(UkArt27),
            ),
            (
                "Tietosuoja-asetuksen 27 artiklan mukainen edustajamme on DataRep Oy.",
                Some(EuArt27),
            ),
            (
                "Vår företrädare enligt artikel 27 i dataskyddsförordningen är DataRep Oy.",
                Some(EuArt27),
            ),
            (
                "Vår företrädare i Storbritannien enligt artikel 27 är Rep Ltd.",
                Some(UkArt27),
            ),
            ("Our representative is DataRep Oy.", None),
            (
                "Article 28 governs our processors; we keep data 27 months.",
                None,
            ),
        ] {
            assert_eq!(representative_jurisdiction(text), law, "{text}");
        }
    }
}
