//! Version pins: the content hash that lets a consent record cite "version N of this notice,
//! hash H" and anyone check later that the text they are shown is the text that was consented to.
//!
//! A version's hash is the SHA-256 of its canonical JSON: the version as the schema crate
//! serialises it (`{"number", "published", "effective"?, "summary", "notice"}`, exactly an entry of
//! a history file's `versions` and the edge's `…/versions/{n}` answer without its `hash` field),
//! canonicalised by RFC 8785 (JSON Canonicalization Scheme: keys sorted by UTF-16 code units, no
//! white space, ECMAScript number formatting, minimal string escapes). So the hash does not depend
//! on key order, indentation or escaping, only on what the version says, and any JCS
//! implementation in any language recomputes it: `sha256(jcs(version))`, lower-case hex.
//!
//! The version number and dates are part of what is hashed: "version 3, hash H" cannot be
//! satisfied by the same text republished as version 4.

use serde::Serialize;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::history::Version;

/// The name of the hash algorithm, as it appears in URLs (`…/sha256/{hex}`) and labels.
pub const ALGORITHM: &str = "sha256";

/// The length of a hash in lower-case hex digits.
pub const HEX_LEN: usize = 64;

/// `value` in RFC 8785 canonical form.
pub fn canonical_json<T: Serialize>(value: &T) -> String {
    serde_json_canonicalizer::to_string(value).expect("a serde value serialises to JSON")
}

/// SHA-256 of `value`'s canonical JSON, lower-case hex.
pub fn hash_of<T: Serialize>(value: &T) -> String {
    hex(&Sha256::digest(canonical_json(value).as_bytes()))
}

/// The hash of a version, from the version as the schema crate serialises it (what the edge
/// stores when it is published, and what a history file holds).
pub fn version_hash(version: &Version) -> String {
    hash_of(version)
}

/// The hash of a version from its stored parts: the summary and the notice as the JSON text they
/// were stored as, never re-read through the types. A stored version keeps its hash even if a
/// later release of this crate serialises notices differently.
pub fn stored_version_hash(
    number: u32,
    published: &str,
    effective: Option<&str>,
    summary_json: &str,
    notice_json: &str,
) -> Result<String, serde_json::Error> {
    let mut v = Map::new();
    v.insert("number".into(), json!(number));
    v.insert("published".into(), json!(published));
    if let Some(effective) = effective {
        v.insert("effective".into(), json!(effective));
    }
    v.insert("summary".into(), serde_json::from_str(summary_json)?);
    v.insert("notice".into(), serde_json::from_str(notice_json)?);
    Ok(hash_of(&Value::Object(v)))
}

/// `s` if it is a hash as this module writes it: 64 lower-case hex digits (upper case is refused,
/// so that one version has one URL).
pub fn parse_hash(s: &str) -> Option<&str> {
    (s.len() == HEX_LEN && s.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))).then_some(s)
}

/// The hash split into groups of 16 digits, for display where a line may wrap between groups
/// (a 64-digit word would overflow a narrow screen); joined, the groups are the hash.
pub fn groups(hash: &str) -> impl Iterator<Item = &str> {
    (0..hash.len())
        .step_by(16)
        .map(move |i| &hash[i..(i + 16).min(hash.len())])
}

/// The SPDX namespace: its `checksum` property is the established RDF term for "the SHA-256 of
/// this document is …", with the algorithm named, not implied by a string prefix.
pub const SPDX: &str = "http://spdx.org/rdf/terms#";

/// The JSON-LD property a version's hash is stated with (a full IRI: the versioned context v1 is
/// frozen, and a full IRI needs no term in it).
pub const JSONLD_CHECKSUM: &str = "http://spdx.org/rdf/terms#checksum";

/// The value of [`JSONLD_CHECKSUM`]: an `spdx:Checksum` node with `spdx:algorithm
/// spdx:checksumAlgorithm_sha256` and the hex digits as `spdx:checksumValue` (`xsd:hexBinary`).
pub fn jsonld_checksum(hash: &str) -> Value {
    json!({
        "type": format!("{SPDX}Checksum"),
        format!("{SPDX}algorithm"): {"id": format!("{SPDX}checksumAlgorithm_sha256")},
        format!("{SPDX}checksumValue"): {
            "@value": hash,
            "@type": "http://www.w3.org/2001/XMLSchema#hexBinary"
        },
    })
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 8785, section 3.2.2: the input and its canonical form, byte for byte.
    #[test]
    fn canonical_form_is_rfc_8785() {
        let input: Value = serde_json::from_str(
            r#"{
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }"#,
        )
        .unwrap();
        assert_eq!(
            canonical_json(&input),
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\
             \"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}"
        );
    }

    /// RFC 8785, section 3.2.3: properties sorted by their UTF-16 code units (the emoji, a
    /// surrogate pair, sorts before U+FB33 although its code point is larger).
    #[test]
    fn keys_sort_by_utf16_code_units() {
        let input: Value = serde_json::from_str(
            r#"{"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
                "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
                "\u00f6": "Latin Small Letter O With Diaeresis"}"#,
        )
        .unwrap();
        assert_eq!(
            canonical_json(&input),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\
             \"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\",\
             \"😀\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
        );
    }

    #[test]
    fn sha256_is_the_standard_one() {
        // FIPS 180-2's "abc" vector, through the canonical form of the string "abc" (`"abc"`).
        assert_eq!(
            hex(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(hash_of(&"abc"), hex(&Sha256::digest(b"\"abc\"")));
    }

    #[test]
    fn the_hash_ignores_key_order_and_white_space_only() {
        let a: Value = serde_json::from_str(r#"{"b": [1, 2], "a": {"y": "é", "x": 1.0}}"#).unwrap();
        let b: Value =
            serde_json::from_str("{\"a\":{\"x\":1,\"y\":\"\\u00e9\"},\n \"b\":[1,2]}").unwrap();
        let c: Value = serde_json::from_str(r#"{"a": {"x": 1, "y": "é"}, "b": [2, 1]}"#).unwrap();
        assert_eq!(hash_of(&a), hash_of(&b));
        assert_ne!(hash_of(&a), hash_of(&c), "list order is content");
    }

    fn history() -> crate::History {
        serde_json::from_str(include_str!(
            "../../examples/pohjantahti-asiakasrekisteri.history.json"
        ))
        .unwrap()
    }

    #[test]
    fn a_stored_version_hashes_as_the_version_does() {
        let h = history();
        for v in h.versions() {
            let stored = stored_version_hash(
                v.number,
                &v.published.to_string(),
                v.effective.map(|d| d.to_string()).as_deref(),
                &serde_json::to_string(&v.summary).unwrap(),
                // Stored with other white space and key order: the same hash.
                &serde_json::to_string_pretty(&v.notice).unwrap(),
            )
            .unwrap();
            assert_eq!(stored, version_hash(v), "version {}", v.number);
            assert!(parse_hash(&stored).is_some());
        }
        let hashes: Vec<String> = h.versions().iter().map(version_hash).collect();
        assert_ne!(hashes[0], hashes[1]);
    }

    #[test]
    fn the_number_and_dates_are_part_of_the_hash() {
        let v = history().latest().clone();
        let mut renumbered = v.clone();
        renumbered.number += 1;
        assert_ne!(version_hash(&v), version_hash(&renumbered));
        let mut redated = v.clone();
        redated.published = crate::Date::parse("2030-01-01").unwrap();
        assert_ne!(version_hash(&v), version_hash(&redated));
    }

    #[test]
    fn only_lower_case_64_digit_hex_is_a_hash() {
        let h = "a".repeat(64);
        assert_eq!(parse_hash(&h), Some(h.as_str()));
        for bad in [
            "a".repeat(63),
            "a".repeat(65),
            "A".repeat(64),
            "g".repeat(64),
            String::new(),
        ] {
            assert_eq!(parse_hash(&bad), None, "{bad}");
        }
        assert_eq!(groups(&h).collect::<String>(), h);
        assert_eq!(groups(&h).count(), 4);
    }
}
