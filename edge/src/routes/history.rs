//! `GET /{org}/{notice}/history` (the dated change log) and `GET /{org}/{notice}/diff/{a}/{b}`.

use worker::{Env, Request, Response, Result};

use super::respond;
use crate::cache;
use crate::headers;
use crate::isolate;
use crate::render;
use crate::storage::Store;
use seloste_schema::api::NoticeId;

/// The change log, a page at a time (`?from=N`: the page whose newest version is N): every
/// version dated, with links to each version and each diff.
pub async fn history(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let Some(head) = isolate::latest_head(env, id).await? else {
        return respond::not_found_page(&req.path());
    };
    let (lang, from) = respond::choose_lang(req, &head.languages)?;
    let page = respond::from_query(req)?.filter(|n| *n < head.number);
    let key = cache::key(
        &respond::origin(env)?,
        &format!(
            "history/{id}/{}/{lang}/{}",
            head.number,
            page.unwrap_or(head.number)
        ),
    );
    let rendered = cache::get_or_render(&key, render::CACHE_SECONDS, || async {
        let store = Store::open(env)?;
        let Some(log) = store.changelog(id, head.number, &lang, page).await? else {
            return Ok(None);
        };
        Ok(Some(render::history_page(id, &log).await))
    })
    .await?;
    respond::rendered_page(req, rendered, headers::LATEST, &lang, from)
}

/// The readable diff from version `a` to version `b`. Both are published and never change, so the
/// page is as immutable as a version page.
pub async fn diff(req: &Request, env: &Env, id: &NoticeId, a: u32, b: u32) -> Result<Response> {
    let Some(head) = isolate::latest_head(env, id).await? else {
        return respond::not_found_page(&req.path());
    };
    // Whether the newer of the two exists: a version is visible at its URLs at once, even while
    // the latest number held in memory is older.
    if a == b || isolate::version_head(env, id, a.max(b)).await?.is_none() {
        return respond::not_found_page(&req.path());
    }
    let (lang, from) = respond::choose_lang(req, &head.languages)?;
    let key = cache::key(&respond::origin(env)?, &format!("diff/{id}/{a}/{b}/{lang}"));
    let rendered = cache::get_or_render(&key, render::CACHE_SECONDS, || async {
        // Just the two versions compared, whatever the history's length.
        let store = Store::open(env)?;
        let (Some(old), Some(new)) = (store.version(id, a).await?, store.version(id, b).await?)
        else {
            return Ok(None);
        };
        Ok(Some(
            render::diff_page(id, &old, &new, &head.languages, &lang).await,
        ))
    })
    .await?;
    respond::rendered_page(req, rendered, headers::IMMUTABLE, &lang, from)
}
