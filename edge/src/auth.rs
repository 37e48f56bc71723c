//! The publishing token: `Authorization: Bearer <token>`, compared with the Worker secret
//! `PUBLISH_TOKEN` in constant time.

/// The token of an `Authorization: Bearer …` header value, if it has that form.
pub fn bearer(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Whether `given` equals `expected`, taking the same time whatever the position of the first
/// difference (so the response time does not reveal how much of a guess was right). The lengths
/// are compared too but only the expected length could leak, never its content.
pub fn token_matches(given: &str, expected: &str) -> bool {
    let (g, e) = (given.as_bytes(), expected.as_bytes());
    let mut diff = u8::from(g.len() != e.len()) | u8::from(e.is_empty());
    for (i, &eb) in e.iter().enumerate() {
        // Read a byte of `given` at every position, past its end too (a zero then).
        let gb = g.get(i).copied().unwrap_or(0);
        diff |= gb ^ eb;
    }
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bearer_tokens() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer   abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("abc"), None);
    }

    #[test]
    fn tokens_must_match_exactly() {
        assert!(token_matches("s3cret", "s3cret"));
        assert!(!token_matches("s3cre", "s3cret"));
        assert!(!token_matches("s3cretx", "s3cret"));
        assert!(!token_matches("S3cret", "s3cret"));
        assert!(!token_matches("", ""), "an empty secret never matches");
    }
}
