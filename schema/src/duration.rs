//! ISO 8601 durations (`P24M`, `P5Y`) in words, for readers.

use crate::date::primary_subtag;

/// `P24M` as "24 kuukautta" / "24 månader" / "24 months"; an unreadable value is returned as is.
pub fn humanize(iso: &str, lang: &str) -> String {
    let Some(rest) = iso.strip_prefix('P') else {
        return iso.to_owned();
    };
    let mut parts = Vec::new();
    let mut digits = String::new();
    for c in rest.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let Ok(n) = digits.parse::<u64>() else {
            return iso.to_owned();
        };
        digits.clear();
        let Some(unit) = unit(c, n == 1, lang) else {
            return iso.to_owned();
        };
        parts.push(format!("{n} {unit}"));
    }
    if parts.is_empty() || !digits.is_empty() {
        return iso.to_owned();
    }
    let and = match primary_subtag(lang) {
        "fi" => " ja ",
        "sv" => " och ",
        _ => " and ",
    };
    parts.join(and)
}

fn unit(c: char, one: bool, lang: &str) -> Option<&'static str> {
    let [fi1, fi, sv1, sv, en1, en] = match c {
        'Y' => ["vuosi", "vuotta", "år", "år", "year", "years"],
        'M' => [
            "kuukausi",
            "kuukautta",
            "månad",
            "månader",
            "month",
            "months",
        ],
        'W' => ["viikko", "viikkoa", "vecka", "veckor", "week", "weeks"],
        'D' => ["päivä", "päivää", "dag", "dagar", "day", "days"],
        _ => return None,
    };
    Some(match (primary_subtag(lang), one) {
        ("fi", true) => fi1,
        ("fi", false) => fi,
        ("sv", true) => sv1,
        ("sv", false) => sv,
        (_, true) => en1,
        (_, false) => en,
    })
}

#[cfg(test)]
mod tests {
    use super::humanize;

    #[test]
    fn durations_read_as_words() {
        assert_eq!(humanize("P24M", "fi"), "24 kuukautta");
        assert_eq!(humanize("P1Y6M", "en"), "1 year and 6 months");
        assert_eq!(humanize("P5Y", "sv"), "5 år");
        assert_eq!(humanize("P1M", "fi"), "1 kuukausi");
        assert_eq!(humanize("garbage", "fi"), "garbage");
        assert_eq!(humanize("P5", "fi"), "P5");
    }
}
