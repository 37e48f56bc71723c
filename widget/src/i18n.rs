//! The widget's words come from the schema's one message catalogue ([`seloste_schema::messages`]),
//! shared with the diff, the feed and the CLI so that they cannot disagree.
//!
//! Country and region names come from Unicode CLDR, never from a table typed here: on wasm32 (the
//! browser widget and the edge worker) from the runtime's own CLDR through `Intl.DisplayNames`,
//! which costs the bundle no data at all; natively (the CLI, the tests) from ICU4X's compiled CLDR
//! data (`icu_displaynames`). The two may differ by a CLDR release in rare names; both are CLDR.

pub use seloste_schema::messages::{language_name, t, Message};

use crate::strings::cat;

/// A location code as a reader knows it, in `lang`, with the code after it: `US` →
/// "Yhdysvallat (US)", `EEA` → "Euroopan talousalue (EEA)". A code without a name (or whose name
/// is the code itself) is shown as it is.
pub fn place(code: &str, lang: &str) -> String {
    let name = match code {
        // Not a CLDR region: the EEA is a treaty area.
        "EEA" => Some(t(Message::Eea, lang).to_owned()),
        _ => region_name(code, lang),
    };
    match name {
        Some(name) if name != code && !name.is_empty() => cat(&[&name, " (", code, ")"]),
        _ => code.to_owned(),
    }
}

/// The CLDR name of an ISO 3166-1 alpha-2 code (or `EU`) in `lang`.
#[cfg(not(target_arch = "wasm32"))]
pub fn region_name(code: &str, lang: &str) -> Option<String> {
    use icu_displaynames::{DisplayNamesOptions, RegionDisplayNames};
    let locale: icu_locid::Locale = seloste_schema::date::primary_subtag(lang).parse().ok()?;
    let region: icu_locid::subtags::Region = code.parse().ok()?;
    let names =
        RegionDisplayNames::try_new(&(&locale).into(), DisplayNamesOptions::default()).ok()?;
    names.of(region).map(str::to_owned)
}

/// The CLDR name of an ISO 3166-1 alpha-2 code (or `EU`) in `lang`, from the runtime's `Intl`.
#[cfg(target_arch = "wasm32")]
pub fn region_name(code: &str, lang: &str) -> Option<String> {
    intl::region_name(code, seloste_schema::date::primary_subtag(lang))
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
        type DisplayNames;

        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
        fn new(locales: &str, options: &js_sys::Object) -> Result<DisplayNames, JsValue>;

        #[wasm_bindgen(method, catch)]
        fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
    }

    /// `new Intl.DisplayNames(lang, {type: "region", fallback: "none"}).of(code)`; `None` where
    /// the runtime has no such name, or no `Intl.DisplayNames`.
    pub fn region_name(code: &str, lang: &str) -> Option<String> {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
        js_sys::Reflect::set(&options, &"fallback".into(), &"none".into()).ok()?;
        DisplayNames::new(lang, &options)
            .ok()?
            .of(code)
            .ok()?
            .as_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_named_from_cldr_in_the_page_language() {
        assert_eq!(place("US", "fi"), "Yhdysvallat (US)");
        assert_eq!(place("US", "en"), "United States (US)");
        assert_eq!(place("GB", "sv-FI"), "Storbritannien (GB)");
        assert_eq!(place("AX", "fi"), "Ahvenanmaa (AX)");
        assert_eq!(place("EU", "sv"), "Europeiska unionen (EU)");
        assert_eq!(place("EEA", "fi"), "Euroopan talousalue (EEA)");
        // No name: the code as it is, never an empty string.
        assert_eq!(place("ZZZ", "fi"), "ZZZ");
    }
}
