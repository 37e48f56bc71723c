//! Field extractors: each reads the source's own words and takes out only what is unambiguous;
//! what it is unsure of it marks as a guess for the report.

pub mod contact;
pub mod duration;
pub mod legal;
pub mod parties;
pub mod rights;
pub mod transfers;

/// Whether the lower-cased `text` contains any of `stems`.
pub fn has_any(text: &str, stems: &[&str]) -> bool {
    let lower = text.to_lowercase();
    stems.iter().any(|s| lower.contains(s))
}

/// Where `needle` (lower-case) first occurs in `text`, compared case-insensitively, as a byte
/// index into `text` itself: lower-casing can change a character's length ("İ"), so an index into
/// the lower-cased copy may not even fall on a character boundary of the original.
pub fn find_ci(text: &str, needle: &str) -> Option<usize> {
    let mut lower = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            for _ in 0..l.len_utf8() {
                origin.push(i);
            }
            lower.push(l);
        }
    }
    origin.push(text.len());
    lower.find(needle).map(|j| origin[j])
}

/// Where `needle` (lower-case) last occurs in `text`, as [`find_ci`] does for the first.
pub fn rfind_ci(text: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    let mut last = None;
    while let Some(i) = text.get(from..).and_then(|t| find_ci(t, needle)) {
        last = Some(from + i);
        from += i + text[from + i..].chars().next().map_or(1, char::len_utf8);
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_positions_are_positions_in_the_original() {
        let t = "İİİ Jäljempänä ”me”";
        let i = find_ci(t, "jäljempänä").unwrap();
        assert!(t[i..].starts_with("Jäljempänä"));
        assert_eq!(find_ci(t, "nothing"), None);
    }
}
