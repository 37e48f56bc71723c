//! The widget bundle (`/widget/seloste.js`, `/widget/seloste_bg.wasm`), the stylesheet of every
//! page (`/widget/seloste.css`, the widget's own) and the example company page (`/embed.html`).
//!
//! The bundle is embedded in the Worker at build time (see `build.rs`): one artifact to deploy,
//! served with exactly the headers a cross-origin embed needs (`application/wasm`, CORS), identical
//! under `wrangler dev`, Miniflare and in production. It costs the bundle's size in the Worker
//! (about 100 KB compressed), far below the platform's limit.

use worker::{Headers, Request, Response, Result};

use seloste_schema::api::{ApiError, ErrorCode};

use super::respond::{self, Body, Cacheable, LangFrom};
use crate::cache::Rendered;
use crate::headers;

/// A file of the widget bundle and its `ETag`, both fixed when the Worker is built.
struct Asset {
    bytes: &'static [u8],
    /// Computed by `build.rs` with [`headers::etag`]'s own code: the 363 KB wasm is never hashed
    /// per request.
    etag: &'static str,
}

#[cfg(widget_bundle)]
const SCRIPT: Option<Asset> = Some(Asset {
    bytes: include_bytes!("../../../widget/dist/seloste.js"),
    etag: env!("SELOSTE_WIDGET_SCRIPT_ETAG"),
});
#[cfg(widget_bundle)]
const WASM: Option<Asset> = Some(Asset {
    bytes: include_bytes!("../../../widget/dist/seloste_bg.wasm"),
    etag: env!("SELOSTE_WIDGET_WASM_ETAG"),
});
#[cfg(not(widget_bundle))]
const SCRIPT: Option<Asset> = None;
#[cfg(not(widget_bundle))]
const WASM: Option<Asset> = None;

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
    respond::set_all(&h, headers::html_security(&csp))?;
    Ok(Response::ok(page)?.with_headers(h))
}

fn bundle(req: &Request, asset: Option<Asset>, content_type: &'static str) -> Result<Response> {
    let Some(asset) = asset else {
        return respond::api_error(&ApiError::new(
            ErrorCode::WidgetNotBuilt,
            "this edge was built without the widget bundle (run `cargo xtask build`)",
        ));
    };
    let r = respond::conditional_body(
        req,
        asset.etag,
        Body::Bytes(asset.bytes),
        widget(content_type),
    )?;
    r.headers().set("X-Content-Type-Options", "nosniff")?;
    Ok(r)
}

fn text(req: &Request, body: &str, content_type: &'static str) -> Result<Response> {
    respond::conditional(req, Rendered::new(body.to_owned()), widget(content_type))
}

/// How the widget's files are served: readable from any origin, cached for an hour.
fn widget(content_type: &'static str) -> Cacheable<'static> {
    Cacheable {
        content_type,
        cache_control: headers::WIDGET,
        lang: None,
        lang_from: LangFrom::Url,
        html: false,
        cors: true,
    }
}
