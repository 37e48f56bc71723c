//! Transfers outside the EU/EEA: whether the text says data leaves (yes / no / not said), to which
//! countries and under which safeguard.

use seloste_schema::vocab::Safeguard;

/// Wordings that say no data leaves the EU/EEA.
const NO: &[&str] = &[
    "ei siirretä",
    "ei luovuteta",
    "emme siirrä",
    "emme luovuta",
    "ei siirry",
    "eivät siirry",
    "ei lähetetä",
    "sisäpuolella",
    "eu:n alueella",
    "eu-alueella",
    "eta-alueella",
    "överförs inte",
    "lämnas inte ut",
    "inte överför",
    "överför inte",
    "inom eu",
    "inom ees",
    "not transferred",
    "do not transfer",
    "does not transfer",
    "never transfer",
    "no transfers",
    "not be transferred",
    "within the eu",
    "within the eea",
    "within the european",
];

/// Wordings that say data may leave.
const YES: &[&str] = &[
    "siirretään",
    "voidaan siirtää",
    "siirrämme",
    "siirtyy",
    "överförs",
    "överför",
    "kan överföras",
    "transferred",
    "we transfer",
    "may transfer",
    "transfers",
];

/// What the text says about transfers: `Some(false)` none, `Some(true)` some, `None` not said.
pub fn outside_eea(text: &str) -> Option<bool> {
    let lower = text.to_lowercase();
    let about_eea = [
        "eu",
        "eta",
        "ees",
        "eea",
        "euroopan",
        "europe",
        "kolmansiin",
        "tredje",
        "third countr",
        "ulkopuol",
        "utanför",
        "outside",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || !countries(text).is_empty();
    if !about_eea {
        return None;
    }
    if NO.iter().any(|w| lower.contains(w)) {
        Some(false)
    } else if YES.iter().any(|w| lower.contains(w)) || !countries(text).is_empty() {
        Some(true)
    } else {
        None
    }
}

/// Countries by the words the three languages use (stems), as ISO 3166-1 alpha-2 codes.
const COUNTRIES: &[(&str, &str)] = &[
    ("yhdysval", "US"),
    ("usa", "US"),
    ("united states", "US"),
    ("förenta stater", "US"),
    ("iso-britann", "GB"),
    ("britannia", "GB"),
    ("united kingdom", "GB"),
    ("storbritannien", "GB"),
    ("kanada", "CA"),
    ("canada", "CA"),
    ("intia", "IN"),
    ("indien", "IN"),
    ("india", "IN"),
    ("sveitsi", "CH"),
    ("schweiz", "CH"),
    ("switzerland", "CH"),
    ("japan", "JP"),
    ("australia", "AU"),
    ("australien", "AU"),
    ("singapor", "SG"),
    ("kiina", "CN"),
    ("kina", "CN"),
    ("china", "CN"),
];

/// The countries outside the EU/EEA a text names.
pub fn countries(text: &str) -> Vec<&'static str> {
    let lower = text.to_lowercase();
    let mut out: Vec<&'static str> = COUNTRIES
        .iter()
        .filter(|(w, _)| {
            if w.len() <= 3 {
                lower.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w)
            } else {
                lower.contains(w)
            }
        })
        .map(|(_, c)| *c)
        .collect();
    out.dedup();
    out
}

/// The first safeguard a text names.
pub fn safeguard(text: &str) -> Option<Safeguard> {
    safeguards(text).into_iter().next()
}

/// Every safeguard a text names ("under the EU-US Data Privacy Framework and standard contractual
/// clauses" names two).
pub fn safeguards(text: &str) -> Vec<Safeguard> {
    let lower = text.to_lowercase();
    let rules: &[(Safeguard, &[&str])] = &[
        (
            Safeguard::DataPrivacyFramework,
            &[
                "data privacy framework",
                "tietosuojakehy",
                "dataskyddsram",
                "dpf-",
            ],
        ),
        (
            Safeguard::StandardContractualClauses,
            &[
                "vakiosopimuslause",
                "mallisopimuslause",
                "standardavtalsklausul",
                "standard contractual",
                "scc",
            ],
        ),
        (
            Safeguard::BindingCorporateRules,
            &[
                "sitovat yrityssäännöt",
                "sitovia yrityssääntöjä",
                "bindande företagsbestämmelser",
                "binding corporate rules",
            ],
        ),
        (
            Safeguard::AdequacyDecision,
            &[
                "riittävyyspäätö",
                "tietosuojan tason riittävyy",
                "adekvat skyddsnivå",
                "adequacy",
            ],
        ),
        (
            Safeguard::ExplicitConsentDerogation,
            &["nimenomai", "uttryckligt samtycke", "explicit consent"],
        ),
    ];
    rules
        .iter()
        .filter(|(_, stems)| stems.iter().any(|s| lower.contains(s)))
        .map(|(s, _)| *s)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_no_or_silent() {
        assert_eq!(
            outside_eea("Tietoja ei siirretä EU/ETA-alueen ulkopuolelle."),
            Some(false)
        );
        assert_eq!(
            outside_eea("Palvelut tallentavat tietoa Euroopan unionin sisäpuolella."),
            Some(false)
        );
        assert_eq!(
            outside_eea("Uppgifter överförs till USA med standardavtalsklausuler."),
            Some(true)
        );
        assert_eq!(outside_eea("Tiedot ovat lukitussa tilassa."), None);
        assert_eq!(
            countries("Data is transferred to the United States."),
            ["US"]
        );
        assert_eq!(
            safeguard("EU:n komission vakiosopimuslausekkeilla"),
            Some(Safeguard::StandardContractualClauses)
        );
    }

    #[test]
    fn every_safeguard_a_sentence_names() {
        assert_eq!(
            safeguards("Stripe Inc. processes data in the United States under the EU-US Data Privacy Framework and standard contractual clauses."),
            [Safeguard::DataPrivacyFramework, Safeguard::StandardContractualClauses]
        );
        assert_eq!(
            safeguard("Siirto perustuu EU:n ja Yhdysvaltojen väliseen tietosuojakehykseen."),
            Some(Safeguard::DataPrivacyFramework)
        );
    }
}
