//! Building responses: every HTML page gets the security headers, every API answer CORS, every
//! cacheable answer an `ETag` and a `304` when the client already has it.

use serde::Serialize;
use worker::{Env, Headers, Request, Response, Result};

use seloste_schema::api::ApiError;

use crate::cache::Rendered;
use crate::headers::{self, HeaderList};
use crate::html;

/// How a page's language was chosen: when from `Accept-Language`, caches must key on it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangFrom {
    /// `?lang=` (or a page without languages): the URL alone decides.
    Url,
    /// The reader's `Accept-Language` header.
    Header,
}

/// What a cacheable answer is.
pub struct Cacheable<'a> {
    pub content_type: &'static str,
    pub cache_control: &'static str,
    pub lang: Option<&'a str>,
    pub lang_from: LangFrom,
    /// An HTML page: it gets the security headers with [`headers::CONTENT_SECURITY_POLICY`].
    pub html: bool,
    /// API and widget answers are readable from any origin.
    pub cors: bool,
}

/// The body of a cacheable answer: rendered text, or bytes embedded in the Worker at build time.
pub enum Body {
    Text(String),
    Bytes(&'static [u8]),
}

/// `200` with the rendered body, or `304` when the request's `If-None-Match` has its `ETag`.
pub fn conditional(req: &Request, page: Rendered, what: Cacheable) -> Result<Response> {
    conditional_body(req, &page.etag, Body::Text(page.body), what)
}

/// `200` with `body`, or `304` when the request's `If-None-Match` has `etag` (the one place the
/// edge answers conditionally: pages, API documents, the feed and the widget bundle).
pub fn conditional_body(
    req: &Request,
    etag: &str,
    body: Body,
    what: Cacheable,
) -> Result<Response> {
    let h = Headers::new();
    h.set("ETag", etag)?;
    h.set("Cache-Control", what.cache_control)?;
    if what.lang_from == LangFrom::Header {
        h.set("Vary", "Accept-Language")?;
    }
    if let Some(lang) = what.lang {
        h.set("Content-Language", lang)?;
    }
    if what.html {
        set_all(&h, headers::html_security(headers::CONTENT_SECURITY_POLICY))?;
    }
    if what.cors {
        set_all(&h, headers::cors())?;
    }
    let fresh = req
        .headers()
        .get("If-None-Match")?
        .is_some_and(|inm| headers::if_none_match(&inm, etag));
    if fresh {
        return Ok(Response::empty()?.with_status(304).with_headers(h));
    }
    h.set("Content-Type", what.content_type)?;
    let response = match body {
        Body::Text(text) => Response::ok(text)?,
        Body::Bytes(bytes) => Response::from_bytes(bytes.to_vec())?,
    };
    Ok(response.with_headers(h))
}

/// An HTML page the edge rendered (a notice, its change log, a diff, the index).
pub fn html_page<'a>(
    cache_control: &'static str,
    lang: &'a str,
    lang_from: LangFrom,
) -> Cacheable<'a> {
    Cacheable {
        content_type: "text/html; charset=utf-8",
        cache_control,
        lang: Some(lang),
        lang_from,
        html: true,
        cors: false,
    }
}

/// The answer for a rendered notice page: the 404 page when there was nothing to render, else the
/// page with its CSP, conditional on `If-None-Match`.
pub fn rendered_page(
    req: &Request,
    rendered: Option<Rendered>,
    cache_control: &'static str,
    lang: &str,
    lang_from: LangFrom,
) -> Result<Response> {
    let Some(rendered) = rendered else {
        return not_found_page(&req.path());
    };
    conditional(req, rendered, html_page(cache_control, lang, lang_from))
}

/// A JSON API answer.
pub fn json_doc(cache_control: &'static str) -> Cacheable<'static> {
    Cacheable {
        content_type: "application/json; charset=utf-8",
        cache_control,
        lang: None,
        lang_from: LangFrom::Url,
        html: false,
        cors: true,
    }
}

/// JSON with a status, uncached, CORS open.
pub fn json<T: Serialize>(value: &T, status: u16) -> Result<Response> {
    let h = Headers::new();
    h.set("Content-Type", "application/json; charset=utf-8")?;
    h.set("Cache-Control", headers::NO_STORE)?;
    set_all(&h, headers::cors())?;
    let body = serde_json::to_string(value).map_err(|e| worker::Error::RustError(e.to_string()))?;
    Ok(Response::ok(body)?.with_status(status).with_headers(h))
}

pub fn api_error(e: &ApiError) -> Result<Response> {
    json(e, e.status)
}

/// An uncached HTML page with a status (404, 500) and the strict policy.
pub fn plain_page(body: String, status: u16) -> Result<Response> {
    let h = Headers::new();
    h.set("Content-Type", "text/html; charset=utf-8")?;
    h.set("Cache-Control", headers::NO_STORE)?;
    set_all(&h, headers::html_security(headers::CONTENT_SECURITY_POLICY))?;
    Ok(Response::ok(body)?.with_status(status).with_headers(h))
}

pub fn not_found_page(path: &str) -> Result<Response> {
    plain_page(html::not_found_page(path), 404)
}

pub fn server_error_page() -> Result<Response> {
    plain_page(html::server_error_page(), 500)
}

/// `204` answering a CORS preflight.
pub fn preflight() -> Result<Response> {
    let h = Headers::new();
    set_all(&h, headers::preflight())?;
    Ok(Response::empty()?.with_status(204).with_headers(h))
}

pub fn set_all(h: &Headers, list: HeaderList) -> Result<()> {
    for (name, value) in list {
        h.set(name, &value)?;
    }
    Ok(())
}

/// The edge's configured public origin (`PUBLIC_ORIGIN`), for absolute URLs and cache keys:
/// never the request's `Host`. Unset or malformed is a configuration error (logged 500).
pub fn origin(env: &Env) -> Result<String> {
    let value = env
        .var(crate::origin::PUBLIC_ORIGIN)
        .map(|v| v.to_string())
        .unwrap_or_default();
    crate::origin::parse(&value).ok_or_else(|| {
        worker::Error::RustError(format!(
            "the var {} is not an http(s) origin: {value:?}",
            crate::origin::PUBLIC_ORIGIN
        ))
    })
}

/// The answer to a CORS preflight for publishing or managing keys: allowed only for a page on
/// one of the configured origins ([`crate::origin::may_publish_from`]), else `403`.
pub fn write_preflight(req: &Request, env: &Env) -> Result<Response> {
    let given = req.headers().get("Origin")?.unwrap_or_default();
    let configured = env
        .var(crate::origin::PUBLISH_ORIGINS)
        .ok()
        .map(|v| v.to_string());
    if !crate::origin::may_publish_from(&given, &origin(env)?, configured.as_deref()) {
        let r = api_error(&ApiError::forbidden(
            "this origin may not publish to the edge from a browser",
        ))?;
        // Without CORS headers the browser refuses the request that would follow.
        r.headers().delete("Access-Control-Allow-Origin")?;
        r.headers().delete("Access-Control-Expose-Headers")?;
        return Ok(r);
    }
    let h = Headers::new();
    set_all(&h, headers::write_preflight(&given))?;
    Ok(Response::empty()?.with_status(204).with_headers(h))
}

/// The `?lang=` query parameter, if given.
pub fn lang_query(req: &Request) -> Result<Option<String>> {
    Ok(req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.into_owned()))
}

/// The `?from=` query parameter of a change-log page: the newest version the page shows. Anything
/// that is not a version number is ignored (the first page).
pub fn from_query(req: &Request) -> Result<Option<u32>> {
    Ok(req
        .url()?
        .query_pairs()
        .find(|(k, _)| k == "from")
        .and_then(|(_, v)| super::parse_version_number(&v)))
}

/// The language to show from `available`, and whether the header chose it.
pub fn choose_lang(req: &Request, available: &[String]) -> Result<(String, LangFrom)> {
    let query = lang_query(req)?;
    let accept = req.headers().get("Accept-Language")?;
    let lang = crate::lang::choose(available, query.as_deref(), accept.as_deref());
    let query_decides = query
        .as_deref()
        .is_some_and(|q| crate::lang::matching(available, q.trim()).is_some());
    let from = if query_decides || available.len() <= 1 {
        LangFrom::Url
    } else {
        LangFrom::Header
    };
    Ok((lang, from))
}
