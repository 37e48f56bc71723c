//! The fast path: cached notice pages answered by the Worker's JavaScript entry (`src/entry.js`)
//! without entering the wasm at all.
//!
//! Crossing into wasm, converting the request and building a response header by header costs more
//! than everything else a cached hit does, so the entry keeps, in the isolate's memory, the exact
//! answer (body and headers) the Rust side gave for a page, and serves it again by itself. The Rust
//! side alone decides what may be kept and until when ([`keep`]): only a `200` for a `GET`/`HEAD`
//! of `/{org}/{notice}`, `…/v/{n}` or `…/sha256/{h}` with no query string and no `If-None-Match`,
//! keyed by the path and, when `Accept-Language` chose the language, by that header's exact value
//! ([`variant`]); the latest page only until its freshness window ends (the very window the
//! isolate's memory holds the latest number for, [`crate::memo`]); a publish through this isolate
//! forgets the notice's latest page at once ([`forget`]). The entry passes every other request
//! (a query, `If-None-Match`, another method, another variant) through to Rust unchanged.

/// The key of a page's variant: empty when the URL alone chose the answer, else the reader's
/// `Accept-Language` exactly as sent (`-` when absent). `src/entry.js` computes the same key.
pub fn variant(lang_from_header: bool, accept_language: Option<&str>) -> String {
    match (lang_from_header, accept_language) {
        (false, _) => String::new(),
        (true, None) => "-".to_owned(),
        (true, Some(value)) => format!("al:{value}"),
    }
}

#[cfg(target_arch = "wasm32")]
pub use platform::{forget, keep};

#[cfg(target_arch = "wasm32")]
mod platform {
    use wasm_bindgen::prelude::*;
    use worker::Headers;

    // The entry defines `globalThis.selosteFast` before the first request; without it (the Rust
    // module run on its own) every call fails, is ignored, and all requests simply reach Rust.
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = selosteFast, js_name = keep, catch)]
        fn js_keep(
            path: &str,
            variant: &str,
            from_ms: f64,
            until_ms: f64,
            body: &str,
            headers: &JsValue,
        ) -> Result<(), JsValue>;

        #[wasm_bindgen(js_namespace = selosteFast, js_name = forget, catch)]
        fn js_forget(path: &str) -> Result<(), JsValue>;
    }

    /// Lets the entry answer `path` (in `variant`) with `body` and `headers` from `from_ms` until
    /// before `until_ms` (`None`: for as long as the isolate has room).
    pub fn keep(
        path: &str,
        variant: &str,
        from_ms: u64,
        until_ms: Option<u64>,
        body: &str,
        headers: &Headers,
    ) {
        let until = until_ms.map_or(f64::INFINITY, |ms| ms as f64);
        let _ = js_keep(
            path,
            variant,
            from_ms as f64,
            until,
            body,
            headers.0.as_ref(),
        );
    }

    /// Forgets every variant the entry holds for `path` (a notice's latest page, after a publish).
    pub fn forget(path: &str) {
        let _ = js_forget(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_separate_what_the_header_chose() {
        assert_eq!(variant(false, Some("sv")), "");
        assert_eq!(variant(false, None), "");
        assert_eq!(variant(true, None), "-");
        assert_eq!(variant(true, Some("")), "al:");
        assert_eq!(variant(true, Some("sv, en;q=0.5")), "al:sv, en;q=0.5");
        assert_ne!(variant(true, Some("-")), variant(true, None));
    }
}
