//! `GET /{org}/{notice}/feed.atom`: one Atom entry per published version (the newest 50).

use worker::{Env, Request, Response, Result};

use super::respond::{self, Cacheable};
use crate::cache;
use crate::feed::MAX_ENTRIES;
use crate::headers;
use crate::isolate;
use crate::render;
use crate::storage::Store;
use seloste_schema::api::NoticeId;

/// The feed, kept like the pages under the latest version's number and the language: only a
/// miss reads D1: the titles, summaries and receipts of the newest [`MAX_ENTRIES`] versions.
pub async fn feed(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let Some(head) = isolate::latest_head(env, id).await? else {
        return respond::not_found_page(&req.path());
    };
    let (lang, lang_from) = respond::choose_lang(req, &head.languages)?;
    let origin = respond::origin(env)?;
    let key = cache::key(&origin, &format!("feed/{id}/{}/{lang}", head.number));
    let rendered = cache::get_or_render(&key, render::CACHE_SECONDS, || async {
        // Only the newest versions are entries, and of them only what an entry shows.
        let first = head.number.saturating_sub(MAX_ENTRIES as u32 - 1).max(1);
        let (rows, author) = Store::open(env)?
            .feed_entries(id, first, head.number)
            .await?;
        let received: Vec<(u32, String)> =
            rows.iter().map(|(e, at)| (e.number, at.clone())).collect();
        let entries: Vec<_> = rows.into_iter().map(|(e, _)| e).collect();
        Ok(Some(crate::feed::atom_entries(
            &id.to_string(),
            &entries,
            &author,
            &received,
            head.number as usize,
            &lang,
            &origin,
        )))
    })
    .await?;
    let Some(rendered) = rendered else {
        return respond::not_found_page(&req.path());
    };
    respond::conditional(
        req,
        rendered,
        Cacheable {
            content_type: "application/atom+xml; charset=utf-8",
            cache_control: headers::LATEST,
            lang: Some(&lang),
            lang_from,
            html: false,
            cors: true,
        },
    )
}
