//! The fast path: cached notice pages and widget fragments answered by the Worker's JavaScript
//! entry (`src/entry.js`) without entering the wasm at all.
//!
//! Crossing into wasm, converting the request and building a response header by header costs more
//! than everything else a cached hit does, so the entry keeps, in the isolate's memory, the exact
//! answer (body and headers) the Rust side gave, and serves it again by itself. The Rust side alone
//! decides what may be kept and until when ([`keep`]): only a `200` for a `GET`/`HEAD` with no
//! `If-None-Match`, of
//!
//! - a notice page, `/{org}/{notice}`, `…/v/{n}` or `…/sha256/{h}`, with no query string, keyed by
//!   the path and, when `Accept-Language` chose the language, by that header's exact value
//!   ([`variant`]);
//! - the widget's fragment, [`fragment_path`], whose answer depends on the URL alone: keyed by the
//!   path and the exact query string as sent ([`query_variant`]), so `?lang=fi&version=2` and
//!   `?version=2&lang=fi` are two entries with the same answer, never one entry for two answers.
//!
//! A version's answer is kept for as long as the isolate has room; a latest one only until its
//! freshness window ends (the very window the isolate's memory holds the latest number for,
//! [`crate::memo`]); a publish through this isolate forgets the notice's page and all its fragments
//! at once ([`forget`], by path: one path holds every variant). The entry passes every other
//! request (a query it holds no variant for, `If-None-Match`, another method, another variant)
//! through to Rust unchanged.

use seloste_schema::api::NoticeId;

/// The key of a page's variant: empty when the URL alone chose the answer, else the reader's
/// `Accept-Language` exactly as sent (`-` when absent). `src/entry.js` computes the same key.
pub fn variant(lang_from_header: bool, accept_language: Option<&str>) -> String {
    match (lang_from_header, accept_language) {
        (false, _) => String::new(),
        (true, None) => "-".to_owned(),
        (true, Some(value)) => format!("al:{value}"),
    }
}

/// The key of an answer the URL alone chose, path and query: empty without a query (the URL as
/// bare as a page's), else `q:` and the query exactly as sent (`q:` for a lone `?`). A request
/// with a query is matched by the entry only against this key, never against a bare page's.
pub fn query_variant(query: Option<&str>) -> String {
    query.map_or_else(String::new, |q| format!("q:{q}"))
}

/// A request URL's path and query, split exactly as `src/entry.js` splits `request.url` (the path
/// from the first `/` after the scheme's `//`, the query after the first `?` that follows it), so
/// both sides compute the same key from the same string.
pub fn path_and_query(url: &str) -> (&str, Option<&str>) {
    let after_scheme = url.find("//").map_or(0, |i| i + 2);
    let rest = match url[after_scheme..].find('/') {
        Some(i) => &url[after_scheme + i..],
        None => return ("", None),
    };
    match rest.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (rest, None),
    }
}

/// The path the widget's fragment of `id` is kept under (the route's own path, so the entry finds
/// it and a publish forgets it).
pub fn fragment_path(id: &NoticeId) -> String {
    format!("/api/v1/notices/{id}/fragment")
}

/// Where, in which variant and until when the entry may answer a request itself (what the routes
/// hand to [`keep`]): from `from_ms` until before `until_ms` (`None`: for as long as the isolate
/// has room).
pub struct Entry {
    pub path: String,
    pub variant: String,
    pub from_ms: u64,
    pub until_ms: Option<u64>,
}

#[cfg(target_arch = "wasm32")]
pub use platform::{forget, keep};

#[cfg(target_arch = "wasm32")]
mod platform {
    use wasm_bindgen::prelude::*;
    use worker::Response;

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

    /// Lets the entry answer as `entry` says with `response`, whose body is `body`, when it is a
    /// `200` (anything else always goes to Rust).
    pub fn keep(entry: &super::Entry, body: &str, response: &Response) {
        if response.status_code() != 200 {
            return;
        }
        let until = entry.until_ms.map_or(f64::INFINITY, |ms| ms as f64);
        let _ = js_keep(
            &entry.path,
            &entry.variant,
            entry.from_ms as f64,
            until,
            body,
            response.headers().0.as_ref(),
        );
    }

    /// Forgets every variant the entry holds for `path` (a notice's latest page or its fragments,
    /// after a publish).
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

    #[test]
    fn a_query_is_its_own_variant_exactly_as_sent() {
        assert_eq!(query_variant(None), "");
        assert_eq!(query_variant(Some("")), "q:");
        assert_eq!(
            query_variant(Some("lang=fi&version=2")),
            "q:lang=fi&version=2"
        );
        assert_ne!(
            query_variant(Some("lang=fi&version=2")),
            query_variant(Some("version=2&lang=fi"))
        );
        // Never a key of the bare URL or of a header's choice.
        for q in ["", "-", "al:fi"] {
            assert_ne!(query_variant(Some(q)), "");
            assert_ne!(query_variant(Some(q)), variant(true, Some("fi")));
            assert_ne!(query_variant(Some(q)), variant(true, None));
        }
    }

    #[test]
    fn urls_split_as_the_entry_splits_them() {
        let f = "/api/v1/notices/acme/customers/fragment";
        assert_eq!(
            path_and_query(&format!("https://e.example{f}?lang=fi&version=2")),
            (f, Some("lang=fi&version=2"))
        );
        assert_eq!(
            path_and_query(&format!("http://127.0.0.1:8787{f}")),
            (f, None)
        );
        assert_eq!(
            path_and_query(&format!("https://e.example{f}?")),
            (f, Some(""))
        );
        assert_eq!(
            path_and_query("https://e.example/a/b?x=1?y=2"),
            ("/a/b", Some("x=1?y=2"))
        );
        assert_eq!(path_and_query("https://e.example"), ("", None));
    }

    #[test]
    fn the_fragment_path_is_the_route() {
        let id = NoticeId::new("acme", "customers").unwrap();
        assert_eq!(
            fragment_path(&id),
            "/api/v1/notices/acme/customers/fragment"
        );
        assert_eq!(
            crate::routes::resolve("GET", &fragment_path(&id)),
            crate::routes::Resolved::Route(crate::routes::Route::ApiFragment(id))
        );
    }
}
