//! `GET /api/v1/notices/{org}/{notice}/fragment?lang=&version=`: the widget's first paint.
//!
//! `{"html": "…", "version": Version}`: the widget's app rendered by the very components the
//! browser runs (`seloste_widget::widget_fragment_html`), and the version it shows. The loader puts
//! `html` into the shadow root at once, so a reader sees the notice after one small request, as
//! fast as a plain page; the wasm comes later and takes over, rendering the same markup from
//! `version` without asking the edge again. `version=n` pins a version (immutable answer);
//! without it the latest is shown. Open to every origin, like the rest of the read API (CORS is
//! the constant `*`, never an echo of `Origin`).
//!
//! Renderings are kept in the isolate's memory and the Cache API under the version number and the
//! language shown (the `lang` asked for, resolved against the notice's languages, so odd tags
//! cannot multiply entries). The answer depends on the URL alone (no request header chooses any
//! part of it), so a `200` is also handed to the Worker's JavaScript entry ([`crate::fast`]) under
//! the exact query string: the widget's first paint is then answered without entering the wasm,
//! as the page in an iframe is. A pinned fragment is kept for as long as the isolate has room, a
//! latest one only within the freshness window, and a publish through the isolate forgets them all.

use serde::Serialize;
use worker::{Env, Request, Response, Result};

use seloste_schema::api::{ApiError, NoticeId};
use seloste_schema::Version;

use super::respond;
use crate::cache;
use crate::fast;
use crate::headers;
use crate::isolate;
use crate::render;
use crate::storage::Store;

#[derive(Serialize)]
struct Fragment<'a> {
    html: &'a str,
    version: &'a Version,
}

pub async fn fragment(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let pinned = version_query(req)?;
    // The heads from the isolate's memory, like the pages' (the latest within the freshness
    // window): a warm fragment costs no D1 query, so the widget's first paint keeps pace with the
    // page it stands in for.
    let head = match pinned {
        Some(n) => isolate::version_head(env, id, n).await?,
        None => isolate::latest_head(env, id).await?,
    };
    let Some(head) = head else {
        return respond::api_error(&ApiError::not_found(format!(
            "{id} has no such published version"
        )));
    };
    let wanted = respond::lang_query(req)?.unwrap_or_default();
    let lang = crate::lang::choose(&head.languages, Some(&wanted), None);
    let origin = respond::origin(env)?;
    let pin = pinned.map_or_else(|| "latest".to_owned(), |n| n.to_string());
    let key = cache::key(
        &origin,
        &format!("fragment/{id}/{}/{pin}/{lang}", head.number),
    );
    let n = head.number;
    let rendered = cache::get_or_render(&key, render::CACHE_SECONDS, || async {
        let Some(v) = Store::open(env)?.version(id, n).await? else {
            return Ok(None);
        };
        let html =
            seloste_widget::widget_fragment_html(&v, &origin, &id.to_string(), &lang, pinned).await;
        let body = serde_json::to_string(&Fragment {
            html: &html,
            version: &v,
        })
        .map_err(|e| worker::Error::RustError(e.to_string()))?;
        Ok(Some(body))
    })
    .await?;
    let Some(rendered) = rendered else {
        return respond::api_error(&ApiError::not_found(format!("{id} has no version {n}")));
    };
    let cache_control = if pinned.is_some() {
        headers::IMMUTABLE
    } else {
        headers::LATEST
    };
    let keep = fast_path_entry(req, env, id, n, pinned.is_some())?;
    let body = keep.as_ref().map(|_| rendered.body.clone());
    let response = respond::conditional(req, rendered, respond::json_doc(cache_control))?;
    if let (Some(k), Some(body)) = (keep, body) {
        if response.status_code() == 200 {
            // The router sets this on every answer after the route returns; the kept copy is
            // taken now, so it gets it here (the same value: the entry's answer is Rust's).
            response
                .headers()
                .set("X-Content-Type-Options", "nosniff")?;
        }
        fast::keep(&k, &body, &response);
    }
    Ok(response)
}

/// Where and until when the entry may answer this request's fragment itself: never for
/// `If-None-Match` (the entry passes those through), only when the request's path is
/// exactly [`fast::fragment_path`] (so a publish's `forget` reaches every kept fragment), keyed by
/// the query exactly as the entry will see it; a pinned fragment never expires, the latest only
/// while this isolate holds `n` as the latest number (as the latest page,
/// [`isolate::latest_held_until`]).
fn fast_path_entry(
    req: &Request,
    env: &Env,
    id: &NoticeId,
    n: u32,
    pinned: bool,
) -> Result<Option<fast::Entry>> {
    if req.headers().has("If-None-Match")? {
        return Ok(None);
    }
    let url = req.inner().url();
    let (path, query) = fast::path_and_query(&url);
    let kept_path = fast::fragment_path(id);
    if path != kept_path {
        return Ok(None);
    }
    let Some((from_ms, until_ms)) = isolate::fast_window(env, id, n, !pinned) else {
        return Ok(None);
    };
    Ok(Some(fast::Entry {
        path: kept_path,
        variant: fast::query_variant(query),
        from_ms,
        until_ms,
    }))
}

/// `?version=n`: a published version number, else the latest.
fn version_query(req: &Request) -> Result<Option<u32>> {
    Ok(req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "version")
        .and_then(|(_, v)| super::parse_version_number(&v)))
}
