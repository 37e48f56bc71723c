//! The notices as linked data: which requests want JSON-LD, and the document for one version with
//! its URLs on this edge. The document itself is built by `seloste_schema::jsonld`, the one
//! definition the CLI's `seloste export --jsonld` uses too.

use serde_json::Value;

use seloste_schema::api::NoticeId;
use seloste_schema::jsonld::{version_jsonld_pinned, ContextRef, CONTEXT_V1_PATH};
use seloste_schema::Version;

pub use seloste_schema::jsonld::{for_script_element, CONTEXT_V1, MEDIA_TYPE};

/// The `.jsonld` suffix that names the JSON-LD form of a page's URL.
pub const SUFFIX: &str = ".jsonld";

/// Whether an `Accept` header asks for JSON-LD: it lists `application/ld+json` (with any
/// parameters, such as a JSON-LD `profile`) with a quality above zero, ranked at least as high as
/// plain JSON. No header, `*/*` or `application/json` keep the plain JSON API.
pub fn wants_jsonld(accept: Option<&str>) -> bool {
    let Some(accept) = accept else {
        return false;
    };
    let quality = |wanted: &str| -> Option<f32> {
        accept
            .split(',')
            .filter_map(|range| {
                let mut parts = range.split(';').map(str::trim);
                let media = parts.next()?;
                if !media.eq_ignore_ascii_case(wanted) {
                    return None;
                }
                let q = parts
                    .filter_map(|p| p.strip_prefix("q=").or_else(|| p.strip_prefix("Q=")))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some(q)
            })
            .reduce(f32::max)
    };
    match quality(MEDIA_TYPE) {
        Some(ld) if ld > 0.0 => quality("application/json").is_none_or(|json| ld >= json),
        _ => false,
    }
}

/// The absolute URL of version `n`'s page: the notice version's IRI in the linked data.
pub fn version_url(origin: &str, id: &NoticeId, n: u32) -> String {
    format!("{origin}{}/v/{n}", id.path())
}

/// The URL of the JSON-LD form of version `n` (linked from its page as an alternate).
pub fn version_jsonld_url(origin: &str, id: &NoticeId, n: u32) -> String {
    format!("{}{SUFFIX}", version_url(origin, id, n))
}

/// Version `v` of notice `id` as JSON-LD whose IRIs are this edge's URLs (`origin` without a
/// trailing slash): the version's page as `@id`, the context at `/ns/v1.jsonld`, and its pin
/// `hash` as an SPDX checksum.
pub fn document(origin: &str, id: &NoticeId, v: &Version, hash: &str) -> Value {
    let context = format!("{origin}{CONTEXT_V1_PATH}");
    let iri = version_url(origin, id, v.number);
    version_jsonld_pinned(v, hash, ContextRef::Url(&context), Some(&iri))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_chooses_jsonld_only_when_asked_for_it() {
        assert!(wants_jsonld(Some("application/ld+json")));
        assert!(wants_jsonld(Some(
            "application/ld+json; profile=\"http://www.w3.org/ns/json-ld#compacted\""
        )));
        assert!(wants_jsonld(Some("text/html, application/ld+json;q=0.9")));
        assert!(wants_jsonld(Some(
            "application/json;q=0.5, application/ld+json"
        )));
        assert!(!wants_jsonld(None));
        assert!(!wants_jsonld(Some("*/*")));
        assert!(!wants_jsonld(Some("application/json")));
        assert!(!wants_jsonld(Some("application/ld+json;q=0")));
        assert!(!wants_jsonld(Some(
            "application/json, application/ld+json;q=0.5"
        )));
    }

    #[test]
    fn documents_name_the_version_page_and_the_edge_context() {
        let h: seloste_schema::History = serde_json::from_str(include_str!(
            "../../examples/pohjantahti-asiakasrekisteri.history.json"
        ))
        .unwrap();
        let id = NoticeId::new("pohjantahti", "asiakasrekisteri").unwrap();
        let hash = seloste_schema::pin::version_hash(h.latest());
        let doc = document("https://n.example", &id, h.latest(), &hash);
        assert_eq!(
            doc[seloste_schema::pin::JSONLD_CHECKSUM]["http://spdx.org/rdf/terms#checksumValue"]
                ["@value"],
            hash.as_str()
        );
        assert_eq!(doc["@context"], "https://n.example/ns/v1.jsonld");
        assert_eq!(
            doc["id"],
            format!(
                "https://n.example/pohjantahti/asiakasrekisteri/v/{}",
                h.latest().number
            )
        );
        assert_eq!(
            version_jsonld_url("https://n.example", &id, 2),
            "https://n.example/pohjantahti/asiakasrekisteri/v/2.jsonld"
        );
    }
}
