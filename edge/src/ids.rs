//! Notice ids as they appear in URLs: `/{org}/{notice}`, each part `^[a-z0-9][a-z0-9-]{0,62}$`.
//!
//! The same rule as the schema's `organisation/notice` id, checked here before any storage lookup so
//! that nothing else ever reaches D1 or a cache key.

use std::fmt;

/// Organisation names that would collide with the edge's own top-level paths.
pub const RESERVED_ORGS: [&str; 2] = ["api", "widget"];

/// A checked `organisation/notice` pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeId {
    org: String,
    notice: String,
}

impl NoticeId {
    /// Both parts checked with [`is_slug`]; `None` otherwise.
    pub fn new(org: &str, notice: &str) -> Option<Self> {
        (is_slug(org) && is_slug(notice)).then(|| NoticeId {
            org: org.to_owned(),
            notice: notice.to_owned(),
        })
    }

    pub fn org(&self) -> &str {
        &self.org
    }

    pub fn notice(&self) -> &str {
        &self.notice
    }

    /// The URL path of the notice's page: `/org/notice`.
    pub fn path(&self) -> String {
        format!("/{}/{}", self.org, self.notice)
    }

    /// Whether the organisation part is one of [`RESERVED_ORGS`] (such a notice cannot be published).
    pub fn is_reserved(&self) -> bool {
        RESERVED_ORGS.contains(&self.org.as_str())
    }
}

impl fmt::Display for NoticeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.org, self.notice)
    }
}

/// `^[a-z0-9][a-z0-9-]{0,62}$`: lower-case ASCII letters, digits and dashes, not starting with a dash.
pub fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    let ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    (1..=63).contains(&b.len()) && ok(&b[0]) && b[1..].iter().all(|c| ok(c) || *c == b'-')
}

/// A version number in a URL: `1`, `2`, … (no sign, no leading zero, fits `u32`).
pub fn parse_version_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.starts_with('0') || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_url_rule() {
        for good in ["acme", "a", "0", "acme-oy", "x1-2-3", &"a".repeat(63)] {
            assert!(is_slug(good), "{good}");
        }
        for bad in [
            "",
            "-acme",
            "Acme",
            "acme_oy",
            "acme.oy",
            "äkkiä",
            "a b",
            "%2e%2e",
            "..",
            &"a".repeat(64),
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn ids_print_as_org_slash_notice() {
        let id = NoticeId::new("acme", "customers").unwrap();
        assert_eq!(id.to_string(), "acme/customers");
        assert_eq!(id.path(), "/acme/customers");
        assert!(NoticeId::new("acme", "Customers").is_none());
        assert!(NoticeId::new("api", "x").unwrap().is_reserved());
    }

    #[test]
    fn version_numbers_are_plain_positive_integers() {
        assert_eq!(parse_version_number("1"), Some(1));
        assert_eq!(parse_version_number("4294967295"), Some(u32::MAX));
        for bad in ["0", "01", "-1", "+1", "", "1.0", "4294967296", "x"] {
            assert_eq!(parse_version_number(bad), None, "{bad}");
        }
    }
}
