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

/// Authorities by the words notices use: the stem, the word's plain form, and the name to use when
/// the text inflects the word ("valitus tietosuojavaltuutetulle").
const AUTHORITIES: &[(&str, &str, &str)] = &[
    (
        "office of the data protection ombudsman",
        "office",
        "Office of the Data Protection Ombudsman",
    ),
    (
        "tietosuojavaltuutet",
        "tietosuojavaltuutettu",
        "Tietosuojavaltuutetun toimisto",
    ),
    (
        "dataombudsman",
        "dataombudsmannen",
        "Dataombudsmannens byrå",
    ),
    (
        "integritetsskyddsmyndighet",
        "integritetsskyddsmyndigheten",
        "Integritetsskyddsmyndigheten",
    ),
    (
        "data protection ombudsman",
        "data",
        "Data Protection Ombudsman",
    ),
    (
        "information commissioner",
        "information",
        "Information Commissioner's Office",
    ),
];

/// The supervisory authority a text names first (as written there) and the web site it gives.
pub fn authority(text: &str) -> Option<(String, Option<String>)> {
    authorities(text).into_iter().next()
}

/// Every supervisory authority a text names, in order ("the Information Commissioner's Office
/// (ico.org.uk) or the Finnish Data Protection Ombudsman" names two), each with the site written
/// after it, if any.
pub fn authorities(text: &str) -> Vec<(String, Option<String>)> {
    let mut found: Vec<(usize, usize, String, Option<String>)> = Vec::new();
    for (stem, plain, canonical) in AUTHORITIES {
        let mut from = 0;
        while let Some(rel) = text.get(from..).and_then(|t| super::find_ci(t, stem)) {
            let at = from + rel;
            from = at + stem.len();
            // The whole word(s) as written, from the start of the word holding the stem.
            let start = text[..at]
                .rfind(|c: char| c.is_whitespace() || c == '(')
                .map_or(0, |i| i + 1);
            if found.iter().any(|(s, e, _, _)| (*s..*e).contains(&start)) {
                continue;
            }
            let mut words: Vec<&str> = text[start..]
                .split_whitespace()
                .take(stem.split(' ').count())
                .collect();
            // A name of several words goes on with a capitalised word in the same sentence
            // ("Information Commissioner's Office"), not with "or" or the next sentence.
            if stem.contains(' ') {
                let next = text[start..].split_whitespace().nth(words.len());
                let open = words
                    .last()
                    .is_some_and(|w| w.ends_with(|c: char| c.is_alphanumeric() || c == '\''));
                if let Some(next) = next.filter(|n| open && n.starts_with(char::is_uppercase)) {
                    words.push(next);
                }
            }
            let mut written = words.join(" ");
            // "Dataombudsmannens byrå", "tietosuojavaltuutetun toimistolle": the office too.
            if let Some(next) = text[start..].split_whitespace().nth(words.len()) {
                let bare = next.trim_end_matches(|c: char| !c.is_alphanumeric());
                let office = ["byrå", "toimisto", "office"]
                    .iter()
                    .any(|o| bare.to_lowercase().starts_with(o));
                if office && !written.ends_with(|c: char| !c.is_alphanumeric()) {
                    written = format!("{written} {bare}");
                }
            }
            let written = written
                .split(" (")
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_owned();
            let end = start + written.len();
            let first = written
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let inflected =
                written.chars().next().is_some_and(char::is_lowercase) && !first.starts_with(plain);
            let (start, name) = match qualifier(&text[..start]) {
                // "the Finnish Data Protection Ombudsman": the word before a name written with
                // capitals is part of it when it is capitalised too (and no article).
                Some(q) if !inflected && written.starts_with(char::is_uppercase) => {
                    (start - q.len() - 1, format!("{q} {written}"))
                }
                _ if inflected => (start, (*canonical).to_owned()),
                _ => (start, written),
            };
            // A site right after the name, before the next authority or sentence.
            let tail: String = text[end.min(text.len())..].chars().take(40).collect();
            let web = tail
                .split(|c: char| c.is_whitespace() || "()<>,;".contains(c))
                .take(3)
                .map(|t| t.trim_end_matches(['.', '/', ':']))
                .find(|t| {
                    let l = t.to_lowercase();
                    (l.starts_with("www.") || l.starts_with("http") || is_domain(&l))
                        && !t.contains('@')
                })
                .map(|t| {
                    if t.to_lowercase().starts_with("http") {
                        t.to_owned()
                    } else {
                        format!("https://{t}")
                    }
                });
            found.push((start, end, name, web));
        }
    }
    for (start, end, name) in unknown_authorities(text) {
        if !found.iter().any(|(s, e, _, _)| start < *e && *s < end) {
            found.push((start, end, name, None));
        }
    }
    found.sort_by_key(|f| f.0);
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for (_, _, name, web) in found {
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, web));
        }
    }
    // One authority: its site may stand anywhere in the text.
    if let [(_, web @ None)] = out.as_mut_slice() {
        *web = text
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
    }
    out
}

/// Words that make a run of capitalised words the name of an authority the list above does not
/// know ("the Berlin Commissioner for Data Protection", "the Irish Data Protection Authority").
const AUTHORITY_HEADS: &[&str] = &["Commissioner", "Authority", "Ombudsman", "Inspectorate"];

/// At most this many words in such a name: a longer run of capitals is a heading written in
/// title case, not a name.
const MAX_NAME_WORDS: usize = 6;

/// Small words inside such a name ("Commissioner for Data Protection").
const NAME_JOINERS: &[&str] = &["for", "of", "för"];

/// Authorities named by wording: a run of at least two capitalised words inside a sentence
/// holding one of [`AUTHORITY_HEADS`], with [`NAME_JOINERS`] between capitalised words; as
/// (start, end, name) in `text`. A lower-case "supervisory authority" names no one.
fn unknown_authorities(text: &str) -> Vec<(usize, usize, String)> {
    // Words with their byte ranges; punctuation after a word ends a name there.
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let bare = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_owned()
    };
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let closed = |w: &str| w.ends_with(|c: char| !c.is_alphanumeric() && c != '\'');
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A run: capitalised words, joiners between them, no punctuation inside.
        if !capital(words[i].1) || i == 0 || closed(words[i - 1].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut last = i;
        while j < words.len() {
            let w = words[j].1;
            if capital(w) {
                last = j;
                if closed(w) {
                    break;
                }
            } else if !(NAME_JOINERS.contains(&w) && j > i) {
                break;
            }
            j += 1;
        }
        let run = &words[i..=last];
        let is_authority = run
            .iter()
            .any(|(_, w)| AUTHORITY_HEADS.iter().any(|h| bare(w).starts_with(h)));
        if is_authority && (2..=MAX_NAME_WORDS).contains(&run.len()) {
            let start = run[0].0;
            let (at, w) = run[run.len() - 1];
            let end = at + bare(w).len();
            out.push((start, end, text[start..end].to_owned()));
        }
        i = last + 1;
    }
    out
}

/// The word right before an authority's name (`before` ends where the name starts) when it
/// belongs to the name ("the Finnish Data Protection Ombudsman"): capitalised, letters only, one
/// space before the name, inside a sentence (a capital that starts a sentence says nothing), and
/// no article or pronoun.
fn qualifier(before: &str) -> Option<&str> {
    const NOT_NAMES: &[&str] = &["a", "an", "the", "our", "your", "its", "den", "det", "en"];
    let before = before.strip_suffix(' ')?;
    let from = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (rest, word) = before.split_at(from);
    let rest = rest.trim_end();
    let inside_a_sentence = before.len() > rest.len() + word.len()
        && !rest.is_empty()
        && !rest.ends_with(['.', '!', '?', ':', ';']);
    (inside_a_sentence
        && word.starts_with(char::is_uppercase)
        && !NOT_NAMES.contains(&word.to_lowercase().as_str()))
    .then_some(word)
}

/// "ico.org.uk", "tietosuoja.fi": a bare domain.
fn is_domain(t: &str) -> bool {
    let labels: Vec<&str> = t.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|l| l.len() >= 2 && l.chars().all(|c| c.is_ascii_alphabetic()))
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

    #[test]
    fn an_authority_not_on_the_list_is_read_from_its_capitals() {
        assert_eq!(
            authorities("You can lodge a complaint with the Berlin Commissioner for Data Protection or with the Finnish Data Protection Ombudsman."),
            [
                ("Berlin Commissioner for Data Protection".to_owned(), None),
                ("Finnish Data Protection Ombudsman".to_owned(), None),
            ]
        );
        assert_eq!(
            authorities("Complain to the Irish Data Protection Authority (www.dataprotection.ie)."),
            [(
                "Irish Data Protection Authority".to_owned(),
                Some("https://www.dataprotection.ie".to_owned())
            )]
        );
        // Lower case, a sentence's first word, a single word: no name.
        assert!(
            authorities("You may complain to a supervisory authority. Authority matters.")
                .is_empty()
        );
        assert!(authorities("Contact the Commissioner.").is_empty());
        assert!(
            authorities("Then The Right To Complain To A Supervisory Authority Applies").is_empty()
        );
    }

    #[test]
    fn every_authority_named_in_order_inflected_ones_by_their_name() {
        assert_eq!(
            authorities("You can complain to the Information Commissioner's Office (ico.org.uk) or to the Finnish Data Protection Ombudsman."),
            [
                ("Information Commissioner's Office".to_owned(), Some("https://ico.org.uk".to_owned())),
                ("Finnish Data Protection Ombudsman".to_owned(), None),
            ]
        );
        assert_eq!(
            authorities("Complaints go to the Data Protection Ombudsman. In Sweden, write to the Swedish Integritetsskyddsmyndigheten."),
            [
                ("Data Protection Ombudsman".to_owned(), None),
                ("Swedish Integritetsskyddsmyndigheten".to_owned(), None),
            ]
        );
        assert_eq!(
            authorities("The Data Protection Ombudsman, or the UK Information Commissioner."),
            [
                ("Data Protection Ombudsman".to_owned(), None),
                ("UK Information Commissioner".to_owned(), None),
            ]
        );
        // A capital that starts a sentence or follows a colon is no part of the name.
        assert_eq!(
            authorities("Kontakta: Dataombudsmannen. Till Dataombudsmannen. Finnish Data Protection Ombudsman"),
            [
                ("Dataombudsmannen".to_owned(), None),
                ("Data Protection Ombudsman".to_owned(), None),
            ]
        );
        assert_eq!(
            authorities("Rekisteröidyllä on oikeus tehdä valitus tietosuojavaltuutetulle."),
            [("Tietosuojavaltuutetun toimisto".to_owned(), None)]
        );
        assert_eq!(
            authorities("Du kan lämna klagomål till Dataombudsmannens byrå."),
            [("Dataombudsmannens byrå".to_owned(), None)]
        );
    }
}
