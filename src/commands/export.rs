//! `seloste export --jsonld FILE[@N]`: a notice (or a history's version) as JSON-LD with W3C DPV
//! terms — the same document the edge serves at `…/v/{n}.jsonld`, built by
//! `seloste_schema::jsonld`. By default the context is written inline, so the file stands alone;
//! `--context URL` cites a served one (an edge's `/ns/v1.jsonld`) instead. A version's pin (its
//! SHA-256) is in the document and on stderr.

use std::path::Path;

use seloste_schema::jsonld::{notice_jsonld, version_jsonld, ContextRef};
use seloste_schema::pin;
use seloste_schema::validate::validate_notice;

use crate::input::read_notice_spec;

pub fn run(
    spec: &str,
    context: Option<&str>,
    id: Option<&str>,
    output: Option<&Path>,
) -> Result<u8, String> {
    let (notice, version) = read_notice_spec(spec)?;
    let report = validate_notice(&notice);
    if report.has_errors() {
        return Err(format!(
            "{spec}: not exported, the notice has {} error(s) (see `seloste validate`)",
            report.errors().count()
        ));
    }
    let context = match context {
        Some(url) => ContextRef::Url(url),
        None => ContextRef::Inline,
    };
    let doc = match &version {
        Some(v) => {
            // The version's pin (also in the document, as its SPDX checksum), on stderr so that
            // stdout stays the document.
            eprintln!(
                "version {}: {} {}",
                v.number,
                pin::ALGORITHM,
                pin::version_hash(v)
            );
            version_jsonld(v, context, id)
        }
        None => notice_jsonld(&notice, context, id),
    };
    let mut text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    text.push('\n');
    match output {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(0)
}
