//! Small text helpers of the mapping: ids, enumerations, list items.

/// A URL-safe slug: lower-case ASCII letters, digits and dashes (ä → a, ö → o, å → a), at most
/// 63 characters; `fallback` when nothing is left. Company suffixes (Oy, Ab, …) are dropped.
pub fn slug(s: &str, fallback: &str) -> String {
    let mut out = String::new();
    for word in s.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if crate::extract::contact::COMPANY_SUFFIXES.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        for c in w.chars().flat_map(char::to_lowercase) {
            let c = match c {
                'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
                'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'ü' | 'ú' => 'u',
                c => c,
            };
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                out.push(c);
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_matches('-').to_owned();
    out.truncate(63);
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// Words after which a sentence enumerates: "…käyttötarkoituksissa: A, B ja C", "Tähän kuuluvat
/// A, B sekä C", "such as A, B and C".
const TRIGGERS: &[&str] = &[
    "tähän kuuluvat ",
    "näitä ovat ",
    "such as ",
    "including ",
    "these include ",
    "till detta hör ",
    "såsom ",
    "bland annat ",
];

/// The parts of an enumerating sentence, if it is one: split at commas and at the last
/// "sekä" / "samt" / "as well as" (never at "ja" / "och" / "and", which join words inside items).
pub fn enumeration(sentence: &str, lang: &str) -> Option<Vec<String>> {
    let body = if let Some(i) = sentence.find(": ") {
        &sentence[i + 2..]
    } else {
        let (i, t) = TRIGGERS
            .iter()
            .filter_map(|t| crate::extract::find_ci(sentence, t).map(|i| (i, *t)))
            .min()?;
        let rest = &sentence[i..];
        rest.char_indices()
            .nth(t.chars().count())
            .map_or("", |(j, _)| &rest[j..])
    };
    split_parts(body, lang)
}

/// A category and its examples: "Yhteystiedot kuten sähköpostiosoite, postiosoite" → the name
/// and the parts (at most eight words before "kuten" / "såsom" / "such as").
pub fn such_as(text: &str, lang: &str) -> Option<(String, Vec<String>)> {
    let (i, t) = [
        " kuten ",
        " esimerkiksi ",
        " såsom ",
        " till exempel ",
        " such as ",
        " e.g. ",
    ]
    .iter()
    .filter_map(|t| crate::extract::find_ci(text, t).map(|i| (i, *t)))
    .min()?;
    let name = text[..i].trim();
    if name.is_empty() || name.split_whitespace().count() > 8 {
        return None;
    }
    let rest = &text[i..];
    let body = rest
        .char_indices()
        .nth(t.chars().count())
        .map_or("", |(j, _)| &rest[j..]);
    let parts = split_parts(body, lang)?;
    Some((name.to_owned(), parts))
}

/// An enumeration's body split at commas and at the last "sekä" / "samt" / "as well as".
fn split_parts(body: &str, lang: &str) -> Option<Vec<String>> {
    let body = body.trim().trim_end_matches(['.', ';']);
    let mut parts: Vec<String> = Vec::new();
    for p in body.split(", ") {
        let mut rest = p;
        let mut pieces = Vec::new();
        for conj in [" sekä ", " samt ", " as well as "] {
            if let Some((a, b)) = rest.rsplit_once(conj) {
                pieces.push(b.trim().to_owned());
                rest = a;
            }
        }
        pieces.push(rest.trim().to_owned());
        pieces.reverse();
        parts.extend(pieces.into_iter().filter(|s| !s.is_empty()));
    }
    // A lone genitive before a comma shares the head of the next part: "Markkinoinnin, viestinnän
    // ja myynnin hoitaminen" is one purpose.
    let mut merged: Vec<String> = Vec::new();
    let mut carry: Option<String> = None;
    for p in parts {
        let p = match carry.take() {
            Some(c) => format!("{c}, {p}"),
            None => p,
        };
        let single = !p.contains(' ');
        if lang == "fi" && single && p.ends_with('n') && !p.ends_with("minen") {
            carry = Some(p);
        } else {
            merged.push(p);
        }
    }
    if let Some(c) = carry {
        merged.push(c);
    }
    (merged.len() >= 2 && merged.iter().all(|p| p.split_whitespace().count() <= 14))
        .then_some(merged)
}

/// Little words before a list's item that are no part of its name.
const LEADING: &[&str] = &[
    "your ",
    "din ",
    "dina ",
    "ditt ",
    "to ",
    "from ",
    "av ",
    "från ",
    "our ",
    "direkt ",
    "directly ",
    "suoraan ",
];

/// Where a clause after the list ends ("… when you sign up", "… vid bokningen").
const CLAUSE_ENDS: &[&str] = &[
    " when ", " if ", " while ", " kun ", " jos ", " när ", " vid ", " då ",
];

/// A list inside a sentence after one of `triggers` ("We collect your name, email address and
/// company name when …", "Tiedot saadaan asiakkaalta itseltään sekä …"), or a sentence that is a
/// bare list of at least three short parts ("Nimi, osoite, puhelinnumero."). The parts are split at
/// commas and at the last "ja" / "och" / "and" / "sekä" / "samt"; each has at most `max_words`,
/// and a list after a trigger has at least `min_after_trigger`.
pub fn listed(
    sentence: &str,
    triggers: &[&str],
    max_words: usize,
    min_after_trigger: usize,
) -> Option<Vec<String>> {
    let trimmed = sentence.trim().trim_end_matches(['.', ';', '!']);
    let found = triggers
        .iter()
        .filter_map(|t| crate::extract::find_ci(trimmed, t).map(|i| (i, *t)))
        .min();
    let body = match found {
        Some((i, t)) => {
            let rest = &trimmed[i..];
            rest.char_indices()
                .nth(t.chars().count())
                .map_or("", |(j, _)| &rest[j..])
        }
        None if trimmed.matches(", ").count() >= 2 => trimmed,
        None => return None,
    };
    let body = CLAUSE_ENDS
        .iter()
        .filter_map(|c| crate::extract::find_ci(body, c))
        .min()
        .map_or(body, |i| &body[..i]);
    let mut parts: Vec<String> = body.split(", ").map(str::to_owned).collect();
    if let Some(last) = parts.pop() {
        // "sekä" / "samt" join the list's items where "ja" / "och" may join words inside one.
        let find = |conjs: &[&str]| {
            conjs
                .iter()
                .filter_map(|c| crate::extract::rfind_ci(&last, c).map(|i| (i, c.len())))
                .max()
        };
        let cut = find(&[" sekä ", " samt ", " as well as "])
            .or_else(|| find(&[" ja ", " och ", " and ", " tai ", " or ", " eller "]));
        match cut {
            Some((i, len)) => match (last.get(..i), last.get(i + len..)) {
                // "tilaus- ja laskutustiedot" is one item.
                (Some(a), Some(b)) if !a.ends_with('-') => {
                    parts.push(a.to_owned());
                    parts.push(b.to_owned());
                }
                _ => parts.push(last),
            },
            None => parts.push(last),
        }
    }
    let parts: Vec<String> = parts
        .iter()
        .map(|p| {
            let mut p = p.trim();
            // "from our partners": each leading little word off.
            while let Some(rest) = LEADING.iter().find_map(|w| {
                p.get(..w.len())
                    .filter(|h| h.eq_ignore_ascii_case(w))
                    .and_then(|_| p.get(w.len()..))
            }) {
                p = rest.trim_start();
            }
            item_name(p)
        })
        .collect();
    // A bare list has no verb before it: its parts are shorter ("Rekisteriin tallennetaan jäsenen
    // nimi, …" is no bare list).
    let (enough, max_words) = if found.is_some() {
        (min_after_trigger, max_words)
    } else {
        (3, max_words.min(3))
    };
    (parts.len() >= enough
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.split_whitespace().count() <= max_words))
    .then_some(parts)
}

/// The last of a list's items divided at its "ja" / "och" / "and" when both halves are short
/// ("sähköpostiosoite ja puhelinnumero"), but not a compound's shared half ("tilaus- ja
/// laskutustiedot").
pub fn split_last_item(parts: &mut Vec<String>) {
    let Some(last) = parts.last().cloned() else {
        return;
    };
    for conj in [" ja ", " och ", " and "] {
        if let Some(i) = crate::extract::rfind_ci(&last, conj) {
            if let (Some(a), Some(b)) = (last.get(..i), last.get(i + conj.len()..)) {
                let short = |t: &str| (1..=3).contains(&t.split_whitespace().count());
                if short(a) && short(b) && !a.ends_with('-') {
                    parts.pop();
                    parts.push(a.trim().to_owned());
                    parts.push(b.trim().to_owned());
                }
            }
            return;
        }
    }
}

/// A list item as a name: no trailing comma, full stop or dangling "ja" / "och" / "and".
pub fn item_name(item: &str) -> String {
    let mut s = item
        .trim()
        .trim_end_matches([',', ';', '.'])
        .trim()
        .to_owned();
    for tail in [
        " ja", " sekä", " och", " samt", " and", " tai", " or", " eller",
    ] {
        if let Some(x) = s.strip_suffix(tail) {
            s = x.trim_end_matches(',').trim().to_owned();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("Kaarea Oy", "x"), "kaarea");
        assert_eq!(
            slug("Asiakasrekisteri – yritykset", "x"),
            "asiakasrekisteri-yritykset"
        );
        assert_eq!(slug("Öljy & Sähkö Ab", "x"), "oljy-sahko");
        assert_eq!(slug("Oy", "x"), "x");
    }

    #[test]
    fn enumerations_split_at_commas_and_the_last_seka() {
        assert_eq!(
            enumeration("Tähän kuuluvat asiakassuhteen hoitaminen, laskutus, häiriö- ja palveluviestittäminen sekä kyselyt.", "fi").unwrap(),
            ["asiakassuhteen hoitaminen", "laskutus", "häiriö- ja palveluviestittäminen", "kyselyt"]
        );
        assert_eq!(
            enumeration(
                "Käsittelemme: Markkinoinnin, viestinnän ja myynnin hoitaminen, laskutus.",
                "fi"
            )
            .unwrap(),
            [
                "Markkinoinnin, viestinnän ja myynnin hoitaminen",
                "laskutus"
            ]
        );
        assert_eq!(enumeration("Tiedot säilytetään turvallisesti.", "fi"), None);
        assert_eq!(
            item_name("asiakassuhteemme hoitaminen, ja"),
            "asiakassuhteemme hoitaminen"
        );
    }

    #[test]
    fn lists_inside_sentences() {
        assert_eq!(
            listed(
                "We collect your name, email address and company name when you sign up.",
                &["we collect "],
                4,
                2
            )
            .unwrap(),
            ["name", "email address", "company name"]
        );
        assert_eq!(
            listed("Nimi, yrityksen nimi, osoite, puhelinnumero.", &[], 4, 2).unwrap(),
            ["Nimi", "yrityksen nimi", "osoite", "puhelinnumero"]
        );
        // "samt" divides the list; "och" stays inside the item.
        assert_eq!(
            listed("Uppgifterna fås av kunden själv samt från Myndigheten för digitalisering och befolkningsdata.", &["fås "], 6, 1).unwrap(),
            ["kunden själv", "Myndigheten för digitalisering och befolkningsdata"]
        );
        assert_eq!(
            listed(
                "Tietoja säilytetään lukitussa tilassa.",
                &["kerätään "],
                4,
                1
            ),
            None
        );
        assert_eq!(listed("Nimi ja osoite.", &[], 4, 2), None);
    }

    #[test]
    fn the_last_item_divided_at_its_conjunction() {
        let mut parts = vec![
            "nimi".to_owned(),
            "sähköpostiosoite ja puhelinnumero".to_owned(),
        ];
        split_last_item(&mut parts);
        assert_eq!(parts, ["nimi", "sähköpostiosoite", "puhelinnumero"]);
        let mut parts = vec!["nimi".to_owned(), "tilaus- ja laskutustiedot".to_owned()];
        split_last_item(&mut parts);
        assert_eq!(parts, ["nimi", "tilaus- ja laskutustiedot"]);
    }
}
