//! `GET /{org}/{notice}` (the latest version) and `GET /{org}/{notice}/v/{n}` (version n, immutable).
//!
//! Both are rendered by the widget's own components on the server and kept in the Cache API under
//! the version number and language they show, so publishing a new version never needs a purge; a
//! page read again in the same isolate comes from its memory (no D1, no Cache API).

use worker::{Env, Request, Response, Result};

use super::respond;
use crate::cache;
use crate::fast;
use crate::headers;
use crate::isolate;
use crate::render;
use crate::storage::Store;
use seloste_schema::api::NoticeId;

/// The latest version; short `max-age` with `stale-while-revalidate`, `ETag`/`304`. Which version
/// is the latest is held in the isolate's memory for the freshness window ([`crate::memo`]).
pub async fn latest(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let Some(head) = isolate::latest_head(env, id).await? else {
        return respond::not_found_page(&req.path());
    };
    page(req, env, id, head.number, &head.languages, true).await
}

/// Version `n`: `Cache-Control: public, max-age=31536000, immutable`.
pub async fn version(req: &Request, env: &Env, id: &NoticeId, n: u32) -> Result<Response> {
    let Some(head) = isolate::version_head(env, id, n).await? else {
        return respond::not_found_page(&req.path());
    };
    page(req, env, id, n, &head.languages, false).await
}

/// `/{org}/{notice}/sha256/{hash}`: the version that hash pins, as its page (immutable, with
/// `/v/{n}` as its canonical URL); a hash that pins no version of this notice is a 404.
pub async fn pinned(req: &Request, env: &Env, id: &NoticeId, hash: &str) -> Result<Response> {
    match isolate::number_of_hash(env, id, hash).await? {
        Some(n) => version(req, env, id, n).await,
        None => respond::not_found_page(&req.path()),
    }
}

/// `/{org}/{notice}/versions/{n}` (the API's way of naming a version, typed by hand) → `308` to
/// `/{org}/{notice}/v/{n}`, the URL every page links (query kept).
pub fn alias(req: &Request, env: &Env, id: &NoticeId, n: u32) -> Result<Response> {
    let query = req
        .url()?
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let target = format!("{}{}/v/{n}{query}", respond::origin(env)?, id.path());
    let r = Response::empty()?.with_status(308);
    r.headers().set("Location", &target)?;
    r.headers().set("Cache-Control", headers::IMMUTABLE)?;
    Ok(r)
}

async fn page(
    req: &Request,
    env: &Env,
    id: &NoticeId,
    n: u32,
    languages: &[String],
    latest: bool,
) -> Result<Response> {
    let (lang, from) = respond::choose_lang(req, languages)?;
    let kind = if latest { "latest" } else { "version" };
    let origin = respond::origin(env)?;
    let key = cache::key(&origin, &format!("{kind}/{id}/{n}/{lang}"));
    let rendered = cache::get_or_render(&key, render::CACHE_SECONDS, || async {
        let Some(v) = Store::open(env)?.pinned(id, n).await? else {
            return Ok(None);
        };
        Ok(Some(
            render::notice_page(&origin, id, &v, &lang, latest).await,
        ))
    })
    .await?;
    let Some(rendered) = rendered else {
        return respond::not_found_page(&req.path());
    };
    let cache_control = if latest {
        headers::LATEST
    } else {
        headers::IMMUTABLE
    };
    let keep = fast_path_entry(req, env, id, n, latest, from)?;
    let body = keep.as_ref().map(|_| rendered.body.clone());
    let response = respond::conditional(
        req,
        rendered,
        respond::html_page(cache_control, &lang, from),
    )?;
    if let (Some(k), Some(body)) = (keep, body) {
        fast::keep(&k, &body, &response);
    }
    Ok(response)
}

/// Where and until when the entry may answer this request's page itself ([`crate::fast`]): never
/// for a request with a query or `If-None-Match` (the entry passes those through), and the latest
/// page only while this isolate holds `n` as the latest number.
fn fast_path_entry(
    req: &Request,
    env: &Env,
    id: &NoticeId,
    n: u32,
    latest: bool,
    from: respond::LangFrom,
) -> Result<Option<fast::Entry>> {
    if req.url()?.query().is_some() || req.headers().has("If-None-Match")? {
        return Ok(None);
    }
    let Some((from_ms, until_ms)) = isolate::fast_window(env, id, n, latest) else {
        return Ok(None);
    };
    let accept_language = req.headers().get("Accept-Language")?;
    Ok(Some(fast::Entry {
        path: req.path(),
        variant: fast::variant(
            from == respond::LangFrom::Header,
            accept_language.as_deref(),
        ),
        from_ms,
        until_ms,
    }))
}
