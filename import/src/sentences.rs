//! Sentences and words, as the importer and its tests compare texts: a sentence ends at `.`, `!`
//! or `?` followed by a space and a capital letter or digit, so "esim. asiakas" and "21.5.2018"
//! do not end one.

/// Numbers written as words, before a unit that ends a sentence ("sparas i tre år.").
const NUMBER_WORDS: &[&str] = &[
    "yksi",
    "kaksi",
    "kolme",
    "neljä",
    "viisi",
    "kuusi",
    "seitsemän",
    "kahdeksan",
    "yhdeksän",
    "kymmenen",
    "ett",
    "en",
    "två",
    "tre",
    "fyra",
    "fem",
    "sex",
    "sju",
    "åtta",
    "nio",
    "tio",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Short words that are no abbreviation.
const SHORT_WORDS: &[&str] = &[
    "år", "dag", "oss", "dem", "er", "ut", "in", "på", "nu", "us", "it", "you", "law", "use",
    "now", "day", "way", "him", "her", "me", "sen", "nyt", "työ", "yö", "voi",
];

/// The sentences of a paragraph, each trimmed.
pub fn split(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?') && chars.get(i + 1) == Some(&' ') {
            let next = chars.get(i + 2).copied().unwrap_or(' ');
            let prev_word: String = chars[start..i]
                .iter()
                .rev()
                .take_while(|c| !c.is_whitespace())
                .collect();
            // "esim.", "bl.a.", "ym." are abbreviations; a unit after a number ("tre år.",
            // "36 kk.") or a short word of its own ends a sentence.
            let before_word: String = chars[start..i]
                .iter()
                .rev()
                .skip(prev_word.chars().count())
                .skip_while(|c| c.is_whitespace())
                .take_while(|c| !c.is_whitespace())
                .collect();
            let after_number = before_word.chars().any(|c| c.is_ascii_digit())
                || NUMBER_WORDS.contains(&before_word.chars().rev().collect::<String>().as_str());
            let abbreviation = prev_word.chars().count() <= 3
                && prev_word.chars().all(|c| c.is_lowercase())
                && c == '.'
                && !after_number
                && !SHORT_WORDS.contains(&prev_word.chars().rev().collect::<String>().as_str());
            if (next.is_uppercase() || next.is_ascii_digit() || "\"”“(".contains(next))
                && !abbreviation
            {
                let s: String = chars[start..=i].iter().collect();
                out.push(s.trim().to_owned());
                start = i + 2;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    let rest: String = chars[start.min(chars.len())..].iter().collect();
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_owned());
    }
    out
}

/// The words of a text, lower-cased: letters and digits only, for comparing texts whatever their
/// punctuation, markup or line breaks.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_a_full_stop_before_a_capital() {
        assert_eq!(
            split("Eka lause, esim. tämä. Toka 21.5.2018 alkaen! Kolmas"),
            ["Eka lause, esim. tämä.", "Toka 21.5.2018 alkaen!", "Kolmas"]
        );
    }

    #[test]
    fn a_unit_after_a_number_ends_a_sentence() {
        assert_eq!(
            split("Uppgifterna sparas i tre år. Materialet sparas i tio år."),
            [
                "Uppgifterna sparas i tre år.",
                "Materialet sparas i tio år."
            ]
        );
        assert_eq!(
            split("Säilytetään 6 kk. Sen jälkeen"),
            ["Säilytetään 6 kk.", "Sen jälkeen"]
        );
        assert_eq!(split("Tietoja, mm. Nimi"), ["Tietoja, mm. Nimi"]);
    }
}
