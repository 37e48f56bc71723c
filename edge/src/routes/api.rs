//! The read API the widget uses, open to every origin (CORS):
//!
//! - `GET /api/v1/notices/{org}/{notice}`: `{"id", "latest": Version, "versions": [{number,
//!   published, effective?, summary}]}`
//! - `GET …/versions/{n}`: one `Version` and its `hash` (immutable); `GET …/sha256/{hash}` the same
//!   for the version that hash pins
//! - both of these answer JSON-LD (DPV 2, see `jsonld.rs`) to `Accept: application/ld+json`
//! - `GET …/history?after=K`: a page of the history as a `HistoryFile` (`{"format": 1, "id",
//!   "versions": [Version…]}`), versions K+1 to K+10, `Link: …; rel="next"` while there are more
//! - `GET …/changes?lang=&from=`: one page of the change log (`ChangeLog`), versions newest first
//!   with their diffs, in the nearest language the notice has (kept like the pages)

use serde::Serialize;
use worker::{Env, Request, Response, Result};

use seloste_schema::HistoryFile;

use super::respond;
use crate::cache::{self, Rendered};
use crate::headers;
use crate::isolate;
use crate::render;
use crate::storage::{Store, VersionInfo};
use seloste_schema::api::{ApiError, NoticeId, PinnedVersion};

/// Versions per page of the history API: with versions of at most
/// [`seloste_schema::api::MAX_BODY_BYTES`] each, a page stays within a few megabytes.
pub const HISTORY_PAGE: u32 = 10;

#[derive(Serialize)]
struct NoticeJson<'a> {
    id: String,
    latest: PinnedVersion<'a>,
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
    let Some(latest) = store.pinned(id, last.number).await? else {
        return not_published(id);
    };
    let body = NoticeJson {
        id: id.to_string(),
        latest: PinnedVersion {
            version: &latest.version,
            hash: &latest.hash,
        },
        versions,
    };
    vary_accept(send(req, &body, headers::LATEST))
}

/// Version `n` with its pin (`hash`); immutable, so kept like the pages.
pub async fn version(req: &Request, env: &Env, id: &NoticeId, n: u32) -> Result<Response> {
    if wants_jsonld(req)? {
        return super::jsonld::version(req, env, id, n).await;
    }
    let key = cache::key(&respond::origin(env)?, &format!("api-version/{id}/{n}"));
    let rendered = cache::get_or_render(&key, render::CACHE_SECONDS, || async {
        let Some(p) = Store::open(env)?.pinned(id, n).await? else {
            return Ok(None);
        };
        Ok(Some(json_text(&PinnedVersion {
            version: &p.version,
            hash: &p.hash,
        })?))
    })
    .await?;
    match rendered {
        Some(r) => vary_accept(respond::conditional(
            req,
            r,
            respond::json_doc(headers::IMMUTABLE),
        )),
        None => respond::api_error(&ApiError::not_found(format!("{id} has no version {n}"))),
    }
}

/// `…/sha256/{hash}`: the version that hash pins, as `…/versions/{n}` answers it.
pub async fn pinned(req: &Request, env: &Env, id: &NoticeId, hash: &str) -> Result<Response> {
    match isolate::number_of_hash(env, id, hash).await? {
        Some(n) => version(req, env, id, n).await,
        None => respond::api_error(&ApiError::not_found(format!(
            "no version of {id} has the hash {hash}"
        ))),
    }
}

/// One page of the whole history, oldest first: `?after=K` gives versions K+1 to K+[`HISTORY_PAGE`]
/// as a `HistoryFile`, and `Link: <…?after=K+PAGE>; rel="next"` while there are more. A history
/// is never sent whole: its size grows with every version.
pub async fn history(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let after = after_query(req)?.unwrap_or(0);
    // One more than a page: whether there is a next page, without counting the history.
    let mut versions = Store::open(env)?
        .range(
            id,
            after.saturating_add(1),
            after.saturating_add(HISTORY_PAGE + 1),
        )
        .await?;
    if versions.is_empty() {
        return if after == 0 {
            not_published(id)
        } else {
            respond::api_error(&ApiError::not_found(format!(
                "{id} has no versions after {after}"
            )))
        };
    }
    let more = versions.len() > HISTORY_PAGE as usize;
    versions.truncate(HISTORY_PAGE as usize);
    let last = versions.last().map_or(after, |v| v.number);
    let page = HistoryFile {
        json_schema: None,
        format: seloste_schema::FORMAT,
        id: id.to_string(),
        versions,
    };
    let r = send(req, &page, headers::LATEST)?;
    if more {
        // Relative (RFC 8288 resolves it against the request's URL): whichever address the
        // client reached this edge by, the next page is there.
        let next = format!("</api/v1/notices/{id}/history?after={last}>; rel=\"next\"");
        r.headers().set("Link", &next)?;
    }
    Ok(r)
}

/// One page of the change log; kept like the pages, under the latest version's number.
pub async fn changes(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let Some(head) = isolate::latest_head(env, id).await? else {
        return not_published(id);
    };
    let query = respond::lang_query(req)?;
    let lang = crate::lang::choose(&head.languages, query.as_deref(), None);
    let from = respond::from_query(req)?.filter(|n| *n < head.number);
    let key = cache::key(
        &respond::origin(env)?,
        &format!(
            "api-changes/{id}/{}/{lang}/{}",
            head.number,
            from.unwrap_or(head.number)
        ),
    );
    let rendered = cache::get_or_render(&key, render::CACHE_SECONDS, || async {
        let store = Store::open(env)?;
        match store.changelog(id, head.number, &lang, from).await? {
            Some(log) => Ok(Some(json_text(&log)?)),
            None => Ok(None),
        }
    })
    .await?;
    match rendered {
        Some(r) => respond::conditional(req, r, respond::json_doc(headers::LATEST)),
        None => not_published(id),
    }
}

/// The `?after=` query parameter of the history API: a version number, or 0.
fn after_query(req: &Request) -> Result<Option<u32>> {
    Ok(req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "after")
        .and_then(|(_, v)| {
            if v == "0" {
                Some(0)
            } else {
                super::parse_version_number(&v)
            }
        }))
}

fn json_text<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| worker::Error::RustError(e.to_string()))
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
