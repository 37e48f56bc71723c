//! The read API the widget uses, open to every origin (CORS):
//!
//! - `GET /api/v1/notices/{org}/{notice}`: `{"id", "latest": Version, "versions": [{number,
//!   published, effective?, summary}]}`
//! - `GET …/versions/{n}`: one `Version` (immutable)
//! - both of these answer JSON-LD (DPV 2, see `jsonld.rs`) to `Accept: application/ld+json`
//! - `GET …/history`: the whole `HistoryFile` (`{"format": 1, "id", "versions": [Version…]}`)
//! - `GET …/changes?lang=&from=`: one page of the change log (`ChangeLog`), versions newest first
//!   with their diffs, in the nearest language the notice has

use serde::Serialize;
use worker::{Env, Request, Response, Result};

use seloste_schema::{HistoryFile, Version};

use super::respond;
use crate::cache::Rendered;
use crate::headers;
use crate::storage::{Store, VersionInfo};
use seloste_schema::api::ApiError;
use seloste_schema::api::NoticeId;

#[derive(Serialize)]
struct NoticeJson<'a> {
    id: String,
    latest: &'a Version,
    versions: Vec<VersionInfo>,
}

pub async fn notice(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    if wants_jsonld(req)? {
        return super::jsonld::latest(req, env, id).await;
    }
    let store = Store::open(env)?;
    let versions = store.versions(id).await?;
    let Some(last) = versions.last() else {
        return not_published(id);
    };
    let Some(latest) = store.version(id, last.number).await? else {
        return not_published(id);
    };
    let body = NoticeJson {
        id: id.to_string(),
        latest: &latest,
        versions,
    };
    vary_accept(send(req, &body, headers::LATEST))
}

pub async fn version(req: &Request, env: &Env, id: &NoticeId, n: u32) -> Result<Response> {
    if wants_jsonld(req)? {
        return super::jsonld::version(req, env, id, n).await;
    }
    match Store::open(env)?.version(id, n).await? {
        Some(v) => vary_accept(send(req, &v, headers::IMMUTABLE)),
        None => respond::api_error(&ApiError::not_found(format!("{id} has no version {n}"))),
    }
}

pub async fn history(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    match Store::open(env)?.history(id).await? {
        Some(h) => send(req, &HistoryFile::from(h), headers::LATEST),
        None => not_published(id),
    }
}

pub async fn changes(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let store = Store::open(env)?;
    let Some(head) = store.latest_head(id).await? else {
        return not_published(id);
    };
    let lang = respond::lang_query(req)?.unwrap_or_default();
    let from = respond::from_query(req)?;
    match store.changelog(id, head.number, &lang, from).await? {
        Some(log) => send(req, &log, headers::LATEST),
        None => not_published(id),
    }
}

fn wants_jsonld(req: &Request) -> Result<bool> {
    let accept = req.headers().get("Accept")?;
    Ok(crate::jsonld::wants_jsonld(accept.as_deref()))
}

/// The notice and version URLs answer JSON or JSON-LD by `Accept`: caches must keep them apart.
fn vary_accept(r: Result<Response>) -> Result<Response> {
    let r = r?;
    r.headers().set("Vary", "Accept")?;
    Ok(r)
}

fn send<T: Serialize>(req: &Request, value: &T, cache_control: &'static str) -> Result<Response> {
    let body = serde_json::to_string(value).map_err(|e| worker::Error::RustError(e.to_string()))?;
    respond::conditional(req, Rendered::new(body), respond::json_doc(cache_control))
}

fn not_published(id: &NoticeId) -> Result<Response> {
    respond::api_error(&ApiError::not_found(format!(
        "no notice {id} has been published"
    )))
}
