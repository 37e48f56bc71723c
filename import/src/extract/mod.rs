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
