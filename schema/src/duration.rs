//! ISO 8601 durations (`P24M`, `P5Y`) in words, for readers.

use crate::messages::Message;

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
    parts.join(&format!(" {} ", Message::And.get(lang)))
}

fn unit(c: char, one: bool, lang: &str) -> Option<&'static str> {
    let (one_unit, many) = match c {
        'Y' => (Message::Year, Message::Years),
        'M' => (Message::Month, Message::Months),
        'W' => (Message::Week, Message::Weeks),
        'D' => (Message::Day, Message::Days),
        _ => return None,
    };
    Some(if one { one_unit } else { many }.get(lang))
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
