//! Who is asking: the operator (the Worker secret `PUBLISH_TOKEN`, compared in constant time) or
//! an organisation's key (`Authorization: Bearer <key>`, looked up by its SHA-256 hash).
//!
//! Keys are 256 random bits, so a fast hash is right (nothing to brute-force) and the database
//! never holds anything that would let someone publish. The operator token never reaches D1.

use sha2::{Digest, Sha256};

/// The label stored beside versions the operator token published.
pub const OPERATOR_LABEL: &str = "operator";

/// The prefix of every key: recognisable in logs and by secret scanners.
pub const KEY_PREFIX: &str = "slk_";

/// Who an `Authorization` header belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    Operator,
    Key {
        id: String,
        org: String,
        label: String,
    },
}

impl Caller {
    /// Whether this caller may publish the notices of `org`.
    pub fn may_publish(&self, org: &str) -> bool {
        match self {
            Caller::Operator => true,
            Caller::Key { org: own, .. } => own == org,
        }
    }

    /// The key id and label stored with a version this caller publishes.
    pub fn stamp(&self) -> (Option<&str>, &str) {
        match self {
            Caller::Operator => (None, OPERATOR_LABEL),
            Caller::Key { id, label, .. } => (Some(id), label),
        }
    }
}

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

/// A new key from 32 random bytes: `slk_` and 64 hex digits.
pub fn key_from(random: &[u8; 32]) -> String {
    format!("{KEY_PREFIX}{}", hex(random))
}

/// A key's public id from 8 random bytes: `k` and 16 hex digits.
pub fn key_id_from(random: &[u8; 8]) -> String {
    format!("k{}", hex(random))
}

/// Whether `s` has the form of a key id (`k` and 16 lower-case hex digits).
pub fn is_key_id(s: &str) -> bool {
    s.len() == 17
        && s.starts_with('k')
        && s[1..]
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// What is stored of a key: its SHA-256, lower-case hex.
pub fn key_hash(key: &str) -> String {
    hex(&Sha256::digest(key.as_bytes()))
}

/// Whether a bearer token has the form of a key (so anything else is not looked up at all).
pub fn looks_like_key(token: &str) -> bool {
    token.len() == KEY_PREFIX.len() + 64
        && token.starts_with(KEY_PREFIX)
        && token[KEY_PREFIX.len()..]
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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

    #[test]
    fn keys_carry_256_bits_and_are_stored_as_sha256() {
        let key = key_from(&[0xab; 32]);
        assert_eq!(key.len(), 4 + 64);
        assert!(looks_like_key(&key));
        assert!(!looks_like_key("slk_xyz"));
        assert!(!looks_like_key(&key.to_uppercase()));
        // SHA-256("abc"), the FIPS 180-2 test vector.
        assert_eq!(
            key_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(key_id_from(&[1; 8]), "k0101010101010101");
        assert!(is_key_id(&key_id_from(&[0xfe; 8])));
        assert!(!is_key_id("k01") && !is_key_id("x0101010101010101"));
    }

    #[test]
    fn a_key_publishes_only_its_organisation() {
        let key = Caller::Key {
            id: "k1".into(),
            org: "acme".into(),
            label: "CI".into(),
        };
        assert!(key.may_publish("acme"));
        assert!(!key.may_publish("acme-group"));
        assert!(Caller::Operator.may_publish("anyone"));
        assert_eq!(key.stamp(), (Some("k1"), "CI"));
        assert_eq!(Caller::Operator.stamp(), (None, "operator"));
    }
}
