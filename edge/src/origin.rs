//! The edge's public origin and the origins allowed to publish from a browser, both configured
//! (`wrangler.toml` `[vars]`): absolute URLs (a publish's `Location`, redirects, feed links, cache
//! keys) are built from the configured origin, never from the request's `Host`, which any client
//! may set (and a `Location` built from it would be cached as immutable).

/// The variable holding the public origin, e.g. `https://notices.example.com`.
pub const PUBLIC_ORIGIN: &str = "PUBLIC_ORIGIN";

/// The variable holding the origins (space- or comma-separated) whose pages may publish through
/// the API from a browser; when absent, only the public origin (where the editor lives).
pub const PUBLISH_ORIGINS: &str = "PUBLISH_ORIGINS";

/// A configured origin in its canonical form (`scheme://host[:port]`, no trailing slash), or
/// `None` if it is not an http(s) origin without path, query or credentials.
pub fn parse(value: &str) -> Option<String> {
    let v = value.trim().trim_end_matches('/');
    let (scheme, rest) = v.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if !matches!(scheme.as_str(), "http" | "https") || rest.is_empty() {
        return None;
    }
    let bad = |c: char| matches!(c, '/' | '?' | '#' | '@' | '\\') || c.is_whitespace();
    if rest.contains(bad) || rest.starts_with(':') || rest.ends_with(':') {
        return None;
    }
    Some(format!("{scheme}://{}", rest.to_ascii_lowercase()))
}

/// Whether a browser's `Origin` header names one of the origins allowed to publish.
pub fn may_publish_from(origin: &str, public: &str, configured: Option<&str>) -> bool {
    let Some(origin) = parse(origin) else {
        return false;
    };
    match configured {
        Some(list) => list
            .split([' ', ','])
            .filter_map(parse)
            .any(|o| o == origin),
        None => parse(public).is_some_and(|p| p == origin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_canonical_and_nothing_more() {
        assert_eq!(
            parse("https://Notices.Example/").as_deref(),
            Some("https://notices.example")
        );
        assert_eq!(
            parse("http://127.0.0.1:8787").as_deref(),
            Some("http://127.0.0.1:8787")
        );
        for bad in [
            "",
            "notices.example",
            "ftp://x.example",
            "https://",
            "https://x.example/path",
            "https://u@x.example",
            "https://x.example?q",
            "https://x .example",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn publishing_from_a_browser_only_from_configured_origins() {
        let public = "https://notices.example";
        assert!(may_publish_from("https://notices.example", public, None));
        assert!(!may_publish_from("https://evil.example", public, None));
        assert!(!may_publish_from("null", public, None));
        let list = Some("https://editor.example, https://other.example");
        assert!(may_publish_from("https://other.example", public, list));
        assert!(!may_publish_from("https://notices.example", public, list));
    }
}
