//! The notices as JSON-LD (DPV 2): `/{org}/{notice}.jsonld` (the latest version),
//! `/{org}/{notice}/v/{n}.jsonld` (version n, immutable), the same from the notice API when it is
//! asked with `Accept: application/ld+json`, and the context they cite, `/ns/v1.jsonld`, which is
//! versioned and so never changes. All open to every origin: it is public data.

use worker::{Env, Request, Response, Result};

use seloste_schema::api::{ApiError, NoticeId};

use super::respond::{self, Body, Cacheable, LangFrom};
use crate::cache::Rendered;
use crate::headers;
use crate::isolate;
use crate::jsonld::{self, CONTEXT_V1, MEDIA_TYPE};
use crate::storage::{Pinned, Store};

/// `/ns/v1.jsonld`: the committed context, byte for byte, cached for a year.
pub fn context(req: &Request) -> Result<Response> {
    let etag = headers::etag(CONTEXT_V1.as_bytes());
    respond::conditional_body(
        req,
        &etag,
        Body::Bytes(CONTEXT_V1.as_bytes()),
        jsonld_doc(headers::IMMUTABLE),
    )
}

/// The latest version as JSON-LD (short cache, like the latest page).
pub async fn latest(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let Some(head) = isolate::latest_head(env, id).await? else {
        return not_found(id, None);
    };
    match Store::open(env)?.pinned(id, head.number).await? {
        Some(v) => send(req, env, id, &v, headers::LATEST),
        None => not_found(id, None),
    }
}

/// Version `n` as JSON-LD (immutable).
pub async fn version(req: &Request, env: &Env, id: &NoticeId, n: u32) -> Result<Response> {
    match Store::open(env)?.pinned(id, n).await? {
        Some(v) => send(req, env, id, &v, headers::IMMUTABLE),
        None => not_found(id, Some(n)),
    }
}

/// The version a hash pins as JSON-LD (immutable); a hash that pins nothing is a 404.
pub async fn pinned(req: &Request, env: &Env, id: &NoticeId, hash: &str) -> Result<Response> {
    match isolate::number_of_hash(env, id, hash).await? {
        Some(n) => version(req, env, id, n).await,
        None => respond::api_error(&ApiError::not_found(format!(
            "no version of {id} has the hash {hash}"
        ))),
    }
}

fn send(
    req: &Request,
    env: &Env,
    id: &NoticeId,
    v: &Pinned,
    cache_control: &'static str,
) -> Result<Response> {
    let doc = jsonld::document(&respond::origin(env)?, id, &v.version, &v.hash);
    let body = serde_json::to_string(&doc).map_err(|e| worker::Error::RustError(e.to_string()))?;
    let r = respond::conditional(req, Rendered::new(body), jsonld_doc(cache_control))?;
    // The API's URLs answer JSON or JSON-LD by `Accept`; caches must keep the two apart.
    r.headers().set("Vary", "Accept")?;
    Ok(r)
}

fn jsonld_doc(cache_control: &'static str) -> Cacheable<'static> {
    Cacheable {
        content_type: MEDIA_TYPE,
        cache_control,
        lang: None,
        lang_from: LangFrom::Url,
        html: false,
        cors: true,
    }
}

fn not_found(id: &NoticeId, n: Option<u32>) -> Result<Response> {
    let message = match n {
        Some(n) => format!("{id} has no version {n}"),
        None => format!("no notice {id} has been published"),
    };
    respond::api_error(&ApiError::not_found(message))
}
