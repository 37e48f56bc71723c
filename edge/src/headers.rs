//! Response headers: caching, validators, CORS and the security headers of every HTML page.
//!
//! Pure data (name, value) pairs, so the policy is readable in one place and unit-tested natively;
//! `routes` copies them onto `worker::Headers`.

/// A header list to put on a response, in order.
pub type HeaderList = Vec<(&'static str, String)>;

/// A published version never changes: browsers and caches may keep it for a year without asking.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The latest version, the history, the feed: fresh for a minute, then served stale for up to a
/// day while one request revalidates (`ETag`/`If-None-Match` makes that a cheap 304).
pub const LATEST: &str = "public, max-age=60, stale-while-revalidate=86400";

/// Answers to publishing and errors are never stored.
pub const NO_STORE: &str = "no-store";

/// The editor's host page and bundle: stored, but asked for again every time (a cheap `304`), so
/// a page and the four files of its bundle always come from one build.
pub const REVALIDATE: &str = "no-cache";

/// The widget bundle: not versioned in its URL, so cached for an hour and revalidated after.
pub const WIDGET: &str = "public, max-age=3600, stale-while-revalidate=86400";

/// The policy of every page the edge renders: server-rendered HTML with no script and no inline
/// style at all (the `<script type="application/ld+json">` block is data a browser never runs),
/// so scripts are refused outright, styles come only from this origin's stylesheet,
/// and no other site may frame the page.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; \
     img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The example company page (`/embed.html`) runs the widget: its script and wasm from this origin
/// (`'wasm-unsafe-eval'` lets the page compile wasm, nothing else), its API calls to this origin,
/// and the page's own inline script and style blocks by hash (computed by `build.rs`). The widget
/// styles its shadow root with a constructed stylesheet, which `style-src` does not restrict.
pub fn embed_policy(script_hashes: &str, style_hashes: &str) -> String {
    let with = |base: &str, extra: &str| {
        if extra.is_empty() {
            base.to_owned()
        } else {
            format!("{base} {extra}")
        }
    };
    format!(
        "default-src 'none'; script-src {}; connect-src 'self'; style-src {}; img-src 'self' data:; \
         base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        with("'self' 'wasm-unsafe-eval'", script_hashes),
        with("'self'", style_hashes),
    )
}

/// The security headers of every HTML response.
pub fn html_security(csp: &str) -> HeaderList {
    vec![
        ("Content-Security-Policy", csp.to_owned()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Referrer-Policy", "strict-origin-when-cross-origin".into()),
        ("X-Frame-Options", "DENY".into()),
        ("Cross-Origin-Opener-Policy", "same-origin".into()),
        (
            "Permissions-Policy",
            "camera=(), geolocation=(), microphone=(), interest-cohort=()".into(),
        ),
    ]
}

/// The security headers of the editor's host page: its own strict policy
/// ([`seloste_widget::EDITOR_CONTENT_SECURITY_POLICY`]: scripts and wasm from this origin only,
/// nothing inline) and no `Referer` at all (the URL names what an author is editing).
pub fn editor_security() -> HeaderList {
    let mut h = html_security(seloste_widget::EDITOR_CONTENT_SECURITY_POLICY);
    for (name, value) in h.iter_mut() {
        if *name == "Referrer-Policy" {
            *value = "no-referrer".into();
        }
    }
    h
}

/// Open CORS for reading: any site may embed the widget, which reads the API and its own bundle.
/// `ETag` and `Location` are exposed so scripts can see them.
pub fn cors() -> HeaderList {
    vec![
        ("Access-Control-Allow-Origin", "*".into()),
        ("Access-Control-Expose-Headers", "ETag, Location".into()),
    ]
}

/// The answer to a CORS preflight (`OPTIONS`): reading is open, publishing needs a token anyway.
pub fn preflight() -> HeaderList {
    let mut h = cors();
    h.push((
        "Access-Control-Allow-Methods",
        "GET, HEAD, POST, OPTIONS".into(),
    ));
    h.push((
        "Access-Control-Allow-Headers",
        "Authorization, Content-Type, If-None-Match".into(),
    ));
    h.push(("Access-Control-Max-Age", "86400".into()));
    h
}

/// The answer to a preflight for publishing or managing keys, from an allowed `origin` only.
pub fn write_preflight(origin: &str) -> HeaderList {
    vec![
        ("Access-Control-Allow-Origin", origin.to_owned()),
        ("Vary", "Origin".into()),
        (
            "Access-Control-Allow-Methods",
            "POST, DELETE, OPTIONS".into(),
        ),
        (
            "Access-Control-Allow-Headers",
            "Authorization, Content-Type".into(),
        ),
        (
            "Access-Control-Expose-Headers",
            "Location, Retry-After".into(),
        ),
        ("Access-Control-Max-Age", "86400".into()),
    ]
}

pub use crate::etag::etag;

/// Whether an `If-None-Match` header matches `etag`: `*`, or any listed tag equal to it. Weak
/// comparison, as RFC 9110 asks for `If-None-Match` (`W/"x"` matches `"x"`).
pub fn if_none_match(header: &str, etag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    let ours = bare(etag);
    header
        .split(',')
        .any(|t| t.trim() == "*" || bare(t) == ours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_quoted_and_stable() {
        let a = etag(b"<p>hello</p>");
        assert_eq!(a, etag(b"<p>hello</p>"));
        assert_ne!(a, etag(b"<p>hello!</p>"));
        assert!(a.starts_with('"') && a.ends_with('"') && a.len() == 18);
        // FNV-1a 64 of the empty input is its offset basis: the well-known algorithm, not a
        // look-alike (tags must stay what they were across releases, or every 304 is lost).
        assert_eq!(etag(b""), "\"cbf29ce484222325\"");
        assert_eq!(etag(b"a"), "\"af63dc4c8601ec8c\"");
    }

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists() {
        let t = "\"0123456789abcdef\"";
        assert!(if_none_match(t, t));
        assert!(if_none_match("\"x\", W/\"0123456789abcdef\"", t));
        assert!(if_none_match("*", t));
        assert!(!if_none_match("\"x\"", t));
        assert!(!if_none_match("", t));
    }

    #[test]
    fn html_pages_allow_no_script() {
        let csp = CONTENT_SECURITY_POLICY;
        assert!(csp.starts_with("default-src 'none';"));
        assert!(csp.contains("style-src 'self';"));
        assert!(!csp.contains("script-src") && !csp.contains("unsafe-inline"));
        let h = html_security(csp);
        assert!(h.contains(&("X-Content-Type-Options", "nosniff".into())));
        assert!(h.iter().any(|(n, _)| *n == "Referrer-Policy"));
    }

    #[test]
    fn the_editor_page_runs_its_own_bundle_only_and_sends_no_referrer() {
        let h = editor_security();
        let get = |n: &str| h.iter().find(|(k, _)| *k == n).map(|(_, v)| v.as_str());
        let csp = get("Content-Security-Policy").unwrap();
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(csp.contains("connect-src 'self';") && csp.contains("style-src 'self';"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(get("Referrer-Policy"), Some("no-referrer"));
        assert_eq!(get("X-Frame-Options"), Some("DENY"));
    }

    #[test]
    fn the_embed_page_allows_its_own_inline_blocks_by_hash_only() {
        let csp = embed_policy("'sha256-a='", "");
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-a=';"));
        assert!(csp.contains("style-src 'self';"));
        assert!(!csp.contains("unsafe-inline"));
    }
}
