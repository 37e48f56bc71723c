//! The data subject's rights a text names, the supervisory authority it names, and whether a
//! sentence tells how to use the rights.

use seloste_schema::vocab::Right;

const RULES: &[(Right, &[&str])] = &[
    (
        Right::Access,
        &[
            "tarkast",
            "pääsy",
            "saada tieto",
            "tillgång",
            "registerutdrag",
            "access",
        ],
    ),
    (
        Right::Rectification,
        &["oikais", "korja", "rättelse", "rätta", "rectif", "correct"],
    ),
    (
        Right::Erasure,
        &[
            "poist",
            "unohdetuksi",
            "radera",
            "radering",
            "bortglömd",
            "erase",
            "erasure",
            "delet",
            "forgotten",
        ],
    ),
    (
        Right::Restriction,
        &["rajoitt", "begränsning", "begränsa", "restrict"],
    ),
    (
        Right::Portability,
        &[
            "siirtää tiedot",
            "siirrettävyy",
            "siirto-oikeus",
            "dataportabilitet",
            "flytta",
            "portab",
        ],
    ),
    (Right::Object, &["vastust", "invänd", "object"]),
    (
        Right::WithdrawConsent,
        &[
            "peruuttaa",
            "perua suostum",
            "peruuttaa suostum",
            "återkalla",
            "withdraw",
        ],
    ),
    (
        Right::AutomatedDecisions,
        &[
            "automaattisen päätöksenteon kohteeksi",
            "automatiserat beslutsfattande",
            "automated decision",
        ],
    ),
    (
        Right::Complaint,
        &["valitu", "klagomål", "klaga", "complaint", "lodge"],
    ),
];

/// The rights a text names, in the order of the vocabulary.
pub fn rights(text: &str) -> Vec<Right> {
    let lower = text.to_lowercase();
    let mut out: Vec<Right> = RULES
        .iter()
        .filter(|(_, stems)| stems.iter().any(|s| lower.contains(s)))
        .map(|(r, _)| *r)
        .collect();
    out.sort();
    out
}

/// Authorities by the words notices use, with their web sites.
const AUTHORITIES: &[(&str, &str)] = &[
    ("tietosuojavaltuutet", "https://tietosuoja.fi"),
    ("dataombudsman", "https://tietosuoja.fi"),
    ("integritetsskyddsmyndighet", "https://www.imy.se"),
    ("data protection ombudsman", "https://tietosuoja.fi"),
    (
        "office of the data protection ombudsman",
        "https://tietosuoja.fi",
    ),
];

/// The supervisory authority a text names (as written there) and the web site it gives, if any.
pub fn authority(text: &str) -> Option<(String, Option<String>)> {
    let lower = text.to_lowercase();
    let (stem, _) = AUTHORITIES.iter().find(|(s, _)| lower.contains(s))?;
    let at = super::find_ci(text, stem)?;
    // The whole word(s) as written, from the start of the word holding the stem.
    let start = text[..at]
        .rfind(|c: char| c.is_whitespace() || c == '(')
        .map_or(0, |i| i + 1);
    let name: String = text[start..]
        .split_whitespace()
        .take(if stem.contains(' ') {
            stem.split(' ').count() + 1
        } else {
            1
        })
        .collect::<Vec<_>>()
        .join(" ");
    let name = name
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_owned();
    let web = text
        .split(|c: char| c.is_whitespace() || "()<>,;".contains(c))
        .map(|t| t.trim_end_matches(['.', '/', ':']))
        .find(|t| {
            let l = t.to_lowercase();
            (l.starts_with("www.") || l.starts_with("http")) && !t.contains('@')
        })
        .map(|t| {
            if t.to_lowercase().starts_with("http") {
                t.to_owned()
            } else {
                format!("https://{t}")
            }
        });
    Some((name, web))
}

/// Whether a sentence tells how to use the rights (whom to write to, how requests are handled).
pub fn is_how_to(sentence: &str) -> bool {
    super::has_any(
        sentence,
        &[
            "pyyn",
            "osoitetaan",
            "tulee esittää",
            "lähettää",
            "ottaa yhteyttä",
            "yhteydenot",
            "begäran",
            "begär",
            "kontakta",
            "skicka",
            "request",
            "contact us",
            "write to",
            "send",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rights_from_wording() {
        assert_eq!(
            rights("Rekisteröidyllä on oikeus tarkastaa tiedot ja vaatia tiedon oikaisua tai poistamista."),
            [Right::Access, Right::Rectification, Right::Erasure]
        );
        assert_eq!(
            rights("Du har rätt att invända och att lämna klagomål."),
            [Right::Object, Right::Complaint]
        );
        assert!(rights("Tietoja säilytetään lukitussa tilassa.").is_empty());
    }

    #[test]
    fn the_authority_and_its_site() {
        assert_eq!(
            authority("valvontaviranomaiselle, joka on Suomessa tietosuojavaltuutettu (www.tietosuoja.fi)."),
            Some(("tietosuojavaltuutettu".into(), Some("https://www.tietosuoja.fi".into())))
        );
        assert_eq!(authority("Ingen myndighet nämns."), None);
    }
}
