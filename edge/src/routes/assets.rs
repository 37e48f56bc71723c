//! The widget bundle (`/widget/seloste.js`, `/widget/seloste_bg.wasm`), the stylesheet of every
//! page (`/widget/seloste.css`, the widget's own) and the example company page (`/embed.html`).
//!
//! The bundle is embedded in the Worker at build time (see `build.rs`): one artifact to deploy,
//! served with exactly the headers a cross-origin embed needs (`application/wasm`, CORS), identical
//! under `wrangler dev`, Miniflare and in production. It costs the bundle's size in the Worker
//! (about 100 KB compressed), far below the platform's limit.

use worker::{Headers, Request, Response, Result};

use super::respond::{self, Cacheable, LangFrom};
use crate::cache::Rendered;
use crate::errors::ApiError;
use crate::headers;

#[cfg(widget_bundle)]
const SCRIPT: Option<&[u8]> = Some(include_bytes!("../../../widget/dist/seloste.js"));
#[cfg(widget_bundle)]
const WASM: Option<&[u8]> = Some(include_bytes!("../../../widget/dist/seloste_bg.wasm"));
#[cfg(not(widget_bundle))]
const SCRIPT: Option<&[u8]> = None;
#[cfg(not(widget_bundle))]
const WASM: Option<&[u8]> = None;

#[cfg(embed_page)]
const EMBED: Option<&str> = Some(include_str!("../../../examples/embed.html"));
#[cfg(not(embed_page))]
const EMBED: Option<&str> = None;

pub fn script(req: &Request) -> Result<Response> {
    bundle(req, SCRIPT, "text/javascript; charset=utf-8")
}

pub fn wasm(req: &Request) -> Result<Response> {
    bundle(req, WASM, "application/wasm")
}

pub fn stylesheet(req: &Request) -> Result<Response> {
    text(req, crate::render::STYLESHEET, "text/css; charset=utf-8")
}

/// The example company page that embeds the widget, with a policy that lets the widget run.
pub fn embed() -> Result<Response> {
    let Some(page) = EMBED else {
        return respond::not_found_page("/embed.html");
    };
    let h = Headers::new();
    h.set("Content-Type", "text/html; charset=utf-8")?;
    h.set("Cache-Control", headers::WIDGET)?;
    let csp = headers::embed_policy(
        env!("SELOSTE_EMBED_SCRIPT_HASHES"),
        env!("SELOSTE_EMBED_STYLE_HASHES"),
    );
    respond::set_all(&h, headers::html_security(csp))?;
    Ok(Response::ok(page)?.with_headers(h))
}

fn bundle(
    req: &Request,
    bytes: Option<&'static [u8]>,
    content_type: &'static str,
) -> Result<Response> {
    let Some(bytes) = bytes else {
        return respond::api_error(&ApiError::new(
            503,
            "widget_not_built",
            "this edge was built without the widget bundle (run `cargo xtask build`)",
        ));
    };
    let etag = headers::etag(bytes);
    let h = Headers::new();
    h.set("ETag", &etag)?;
    h.set("Cache-Control", headers::WIDGET)?;
    h.set("X-Content-Type-Options", "nosniff")?;
    respond::set_all(&h, headers::cors())?;
    let fresh = req
        .headers()
        .get("If-None-Match")?
        .is_some_and(|inm| headers::if_none_match(&inm, &etag));
    if fresh {
        return Ok(Response::empty()?.with_status(304).with_headers(h));
    }
    h.set("Content-Type", content_type)?;
    Ok(Response::from_bytes(bytes.to_vec())?.with_headers(h))
}

fn text(req: &Request, body: &str, content_type: &'static str) -> Result<Response> {
    respond::conditional(
        req,
        Rendered::new(body.to_owned()),
        Cacheable {
            content_type,
            cache_control: headers::WIDGET,
            lang: None,
            lang_from: LangFrom::Url,
            csp: None,
            cors: true,
        },
    )
}
