//! ISO 8601 durations as the form edits them: a number and a unit (`P6M` is 6 months). A value
//! that one number and one unit cannot say (`P1Y6M`, a typo) is kept as text, never lost.

/// The units the form offers, as ISO 8601 writes them.
pub const UNITS: [char; 4] = ['D', 'W', 'M', 'Y'];

/// `P6M` as `(Some(6), 'M')`; an empty value as no number in months. `None` when one number and
/// one unit cannot express it.
pub fn parse(iso: &str) -> Option<(Option<u64>, char)> {
    if iso.is_empty() {
        return Some((None, 'M'));
    }
    let body = iso.strip_prefix('P')?;
    let unit = body.chars().last()?;
    let digits = &body[..body.len() - unit.len_utf8()];
    if !UNITS.contains(&unit) || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((Some(digits.parse().ok()?), unit))
}

/// `(6, 'M')` as `P6M`; no number as the empty string.
pub fn write(number: Option<u64>, unit: char) -> String {
    match number {
        Some(n) => format!("P{n}{unit}"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_and_unit_round_trip() {
        for iso in ["P6M", "P24M", "P5Y", "P30D", "P2W", "P0D", ""] {
            let (n, u) = parse(iso).unwrap();
            assert_eq!(write(n, u), iso);
        }
        assert_eq!(parse("P6M"), Some((Some(6), 'M')));
    }

    #[test]
    fn what_one_number_cannot_say_is_not_read() {
        for iso in ["P1Y6M", "6 months", "P", "PM", "P6X", "PT6H", "P-1M"] {
            assert_eq!(parse(iso), None, "{iso}");
        }
    }
}
