//! Processors and recipients named in running text: companies ("Ficolo Oy", "Microsoft
//! Corporation"), services written as domains ("Zervant.com") and well-known providers, each with
//! the role its sentence gives it and the purpose in brackets after it ("Zervant.com (laskutus)").

use seloste_schema::vocab::RecipientRole;

use super::contact::COMPANY_SUFFIXES;

/// Providers notices often name without a company suffix.
const KNOWN: &[&str] = &[
    "Microsoft",
    "Google",
    "Amazon",
    "Apple",
    "Meta",
    "Facebook",
    "Salesforce",
    "HubSpot",
    "Mailchimp",
    "Stripe",
    "PayPal",
    "Zendesk",
    "Slack",
    "Dropbox",
    "Visma",
    "Fennoa",
    "Netvisor",
    "Procountor",
    "Paytrail",
    "Klarna",
    "Posti",
    "Telia",
    "Elisa",
    "DNA",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    pub role: RecipientRole,
    pub purpose: Option<String>,
}

/// Words that make a party in the sentence a processor (it works on the controller's behalf).
const PROCESSOR_WORDS: &[&str] = &[
    "käsittelijä",
    "alihankkij",
    "ulkoist",
    "palveluntarjoaj",
    "palveluntuottaj",
    "palvelinta",
    "palveluja",
    "palvelua",
    "palvelun",
    "pilvipalvel",
    "käytämme",
    "tallennetaan",
    "biträde",
    "leverantör",
    "använder",
    "processor",
    "service provider",
    "subcontract",
    "hosting",
    "we use",
    "on our behalf",
    "lukuumme",
    "lukuamme",
    "puolesta",
    "vår räkning",
    "vårt uppdrag",
    "för oss",
];

/// The companies and services a sentence names.
pub fn named(sentence: &str) -> Vec<Named> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let lower = sentence.to_lowercase();
    let role =
        if lower.contains("viranomai") || lower.contains("myndighet") || lower.contains("authorit")
        {
            RecipientRole::Authority
        } else if PROCESSOR_WORDS.iter().any(|w| lower.contains(w)) {
            RecipientRole::Processor
        } else {
            RecipientRole::Recipient
        };
    let mut out: Vec<Named> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let bare_noinfl = bare.split(':').next().unwrap_or(bare);
        let mut found: Option<(String, usize)> = None;
        // "Ficolo Oy:lle": capitalised words up to a company suffix.
        if w.chars().next().is_some_and(char::is_uppercase) {
            let mut j = i;
            let mut parts = Vec::new();
            while j < words.len() && j < i + 6 {
                let part = words[j].trim_matches(|c: char| "(),;”\"“".contains(c));
                let stem = part.split(':').next().unwrap_or(part).trim_end_matches('.');
                // A suffix is written with a capital ("Oy", "AS", "SARL"): "as" is a word.
                if COMPANY_SUFFIXES.contains(&stem.to_lowercase().as_str())
                    && stem.chars().next().is_some_and(char::is_uppercase)
                    && !parts.is_empty()
                {
                    parts.push(stem.to_owned());
                    found = Some((parts.join(" "), j + 1));
                    break;
                }
                if !stem.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                parts.push(stem.to_owned());
                j += 1;
            }
        }
        // "Zervant.com": a service written as its domain.
        if found.is_none() {
            let l = bare_noinfl.to_lowercase();
            let domain = [".com", ".fi", ".io", ".se", ".net", ".org", ".eu"]
                .iter()
                .any(|d| l.ends_with(d))
                && !l.starts_with("www.")
                && !bare_noinfl.contains('@')
                && bare_noinfl.chars().next().is_some_and(char::is_uppercase);
            if domain {
                found = Some((bare_noinfl.to_owned(), i + 1));
            }
        }
        // "Microsoftin pilvipalveluun": a well-known provider, inflected.
        if found.is_none() {
            if let Some(k) = KNOWN.iter().find(|k| bare_noinfl.starts_with(**k)) {
                found = Some(((*k).to_owned(), i + 1));
            }
        }
        match found {
            Some((name, next)) => {
                let purpose = words.get(next).and_then(|p| {
                    let p = p.trim_end_matches([',', '.', ';']);
                    (p.starts_with('(') && p.ends_with(')') && p.len() > 2)
                        .then(|| p[1..p.len() - 1].to_owned())
                });
                if !out.iter().any(|n| n.name == name) {
                    out.push(Named {
                        name,
                        role,
                        purpose,
                    });
                }
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companies_and_services_in_running_text() {
        let n = named("Olemme ulkoistaneet IT-hallinnan ulkopuoliselle palveluntarjoajalle Ficolo Oy:lle, jonka palvelimelle tiedot tallennetaan.");
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].name, "Ficolo Oy");
        assert_eq!(n[0].role, RecipientRole::Processor);
        let n = named(
            "Tätä varten käytämme Zervant.com (laskutus) ja Sendinblue.com (uutiskirje) palveluja.",
        );
        let names: Vec<_> = n
            .iter()
            .map(|n| (n.name.as_str(), n.purpose.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("Zervant.com", Some("laskutus")),
                ("Sendinblue.com", Some("uutiskirje"))
            ]
        );
        assert_eq!(
            named("Sähköpostiliikenne on siirretty Microsoftin pilvipalveluun.")[0].name,
            "Microsoft"
        );
        assert!(named("Tietoja ei luovuteta ulkopuolisille.").is_empty());
    }

    #[test]
    fn a_long_company_name_is_one_party() {
        let n = named("We use Amazon Web Services EMEA SARL as a hosting processor.");
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].name, "Amazon Web Services EMEA SARL");
        assert_eq!(n[0].role, RecipientRole::Processor);
    }
}
