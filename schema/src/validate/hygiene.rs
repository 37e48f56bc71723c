//! Text hygiene: characters no text of a notice may hold, whatever field it is in.
//!
//! The check walks the serialised document, so every string (translations, names, addresses,
//! prose, ids, links) goes through this one place, and a field added later cannot be forgotten.
//!
//! Refused, each with the path of the string:
//! - control characters other than tab and line feed (C0, DEL, C1): U+000B, which Word inserts
//!   for Shift+Enter, made the Atom feed invalid XML for every reader;
//! - Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane), which are
//!   not for interchange and are refused by XML too;
//! - the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
//!   they reorder what follows them, so a name could make the text after it read differently from
//!   what it says. Refusing them here rather than isolating every value when rendering keeps the
//!   widget's bundle small, and every page is rendered from a notice the edge has validated.
//!   The marks U+200E and U+200F stay allowed: right-to-left text needs them, and a mark only
//!   sets the direction of neutral characters next to it; it cannot reverse a run of text.

use serde::Serialize;
use serde_json::Value;

use super::rules::{error, join};
use super::{Problem, Said};

/// Why `c` may not appear in a notice's text (an entry with a `{code}` placeholder), or `None`
/// when it may.
pub fn refused(c: char) -> Option<Said> {
    let cp = u32::from(c);
    match c {
        '\t' | '\n' => None,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Some(Said::ControlCharacter),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some(Said::BidiControl),
        '\u{FDD0}'..='\u{FDEF}' => Some(Said::Noncharacter),
        _ if cp & 0xFFFE == 0xFFFE => Some(Said::Noncharacter),
        _ => None,
    }
}

/// One error for every string in `value` holding a refused character, with paths under `prefix`.
pub fn check<T: Serialize>(value: &T, prefix: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Ok(v) = serde_json::to_value(value) {
        walk(&v, prefix, &mut out);
    }
    out
}

fn walk(v: &Value, path: &str, out: &mut Vec<Problem>) {
    match v {
        Value::String(s) => {
            if let Some((c, why)) = s.chars().find_map(|c| refused(c).map(|why| (c, why))) {
                let code = format!("{:04X}", u32::from(c));
                out.push(error(path, why.with(&[("code", &code)])));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &join(path, &format!("[{i}]")), out);
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields {
                walk(field, &join(path, key), out);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::refused;

    #[test]
    fn refuses_controls_noncharacters_and_bidi_controls() {
        for bad in [
            '\u{0}',
            '\u{B}',
            '\r',
            '\u{1B}',
            '\u{7F}',
            '\u{85}',
            '\u{9F}',
            '\u{202A}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
        ] {
            assert!(refused(bad).is_some(), "U+{:04X}", u32::from(bad));
        }
        for ok in [
            '\t',
            '\n',
            ' ',
            'a',
            'ä',
            '€',
            '\u{A0}',
            '\u{200E}',
            '\u{200F}',
            '\u{200D}',
            '\u{FDCF}',
            '\u{FDF0}',
            '\u{FFFD}',
            '\u{1F600}',
        ] {
            assert!(refused(ok).is_none(), "U+{:04X}", u32::from(ok));
        }
    }
}
