//! `GET /{org}/{notice}/feed.atom`: one Atom entry per published version (the newest 50).

use worker::{Env, Request, Response, Result};

use super::respond::{self, Cacheable};
use crate::cache::Rendered;
use crate::feed::MAX_ENTRIES;
use crate::headers;
use crate::storage::Store;
use seloste_schema::api::NoticeId;

pub async fn feed(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let store = Store::open(env)?;
    let Some(head) = store.latest_head(id).await? else {
        return respond::not_found_page(&req.path());
    };
    // Only the newest versions are entries: load just those, whatever the history's length.
    let first = head.number.saturating_sub(MAX_ENTRIES as u32 - 1).max(1);
    let newest = store.range(id, first, head.number).await?;
    let (lang, lang_from) = respond::choose_lang(req, &head.languages)?;
    let received: Vec<(u32, String)> = store
        .receipts(id, first, head.number)
        .await?
        .into_iter()
        .map(|r| (r.number as u32, r.received_at))
        .collect();
    let xml = crate::feed::atom(
        &id.to_string(),
        &newest,
        &received,
        head.number as usize,
        &lang,
        &respond::origin(env)?,
    );
    respond::conditional(
        req,
        Rendered::new(xml),
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
