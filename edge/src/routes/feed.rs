//! `GET /{org}/{notice}/feed.atom`: one Atom entry per published version.

use worker::{Env, Request, Response, Result};

use super::respond::{self, Cacheable};
use crate::cache::Rendered;
use crate::headers;
use crate::ids::NoticeId;
use crate::storage::Store;

pub async fn feed(req: &Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let Some(history) = Store::open(env)?.history(id).await? else {
        return respond::not_found_page(&req.path());
    };
    let (lang, lang_from) = respond::choose_lang(req, &history.latest().notice.languages)?;
    let xml = crate::feed::atom(&history, &lang, &respond::origin(req)?);
    respond::conditional(
        req,
        Rendered::new(xml),
        Cacheable {
            content_type: "application/atom+xml; charset=utf-8",
            cache_control: headers::LATEST,
            lang: Some(&lang),
            lang_from,
            csp: None,
            cors: true,
        },
    )
}
