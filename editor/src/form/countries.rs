//! The countries a code field offers: ISO 3166-1 alpha-2 codes (the list validation checks
//! against), named in the interface language by the widget's own `place` (CLDR), sorted by name.
//! Named once per language: in the browser each name is a call into `Intl.DisplayNames`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use seloste_widget::i18n::place;

/// `(code, "Name (CODE)")` pairs.
pub type Named = Rc<Vec<(String, String)>>;

/// `(code, "Name (CODE)")` for every country, by name.
pub fn countries(lang: &str) -> Named {
    thread_local! {
        static BY_LANG: RefCell<HashMap<String, Named>> =
            RefCell::new(HashMap::new());
    }
    BY_LANG.with(|cache| {
        cache
            .borrow_mut()
            .entry(lang.to_owned())
            .or_insert_with(|| Rc::new(named(lang)))
            .clone()
    })
}

fn named(lang: &str) -> Vec<(String, String)> {
    let mut codes: Vec<&str> = celes::Country::get_countries()
        .iter()
        .map(|c| c.alpha2)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let mut out: Vec<(String, String)> = codes
        .into_iter()
        .map(|c| (c.to_owned(), place(c, lang)))
        .collect();
    out.sort_by_cached_key(|(_, name)| name.to_lowercase());
    out
}

/// The areas a location may also be: the EU and the EEA.
pub fn areas(lang: &str) -> Vec<(String, String)> {
    ["EU", "EEA"]
        .into_iter()
        .map(|c| (c.to_owned(), place(c, lang)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_named_in_the_interface_language() {
        let fi = countries("fi");
        assert!(fi.len() > 240);
        assert!(fi.iter().any(|(c, n)| c == "US" && n == "Yhdysvallat (US)"));
        let en = countries("en");
        assert!(en.iter().any(|(c, n)| c == "SE" && n == "Sweden (SE)"));
        assert!(areas("sv").iter().any(|(c, _)| c == "EEA"));
    }
}
