//! Rendered pages in the Workers Cache API, so a page is rendered once per data centre, not once
//! per reader, and in the isolate's own memory ([`crate::isolate`]), so a page read again costs
//! neither a Cache API read nor a render.
//!
//! What the platform really does: `caches.default` is local to each Cloudflare data centre (not
//! global), honours the stored response's `Cache-Control: max-age` (`stale-while-revalidate` is
//! ignored by `put`/`match`), never stores a response with `Set-Cookie`, and is a no-op on
//! `*.workers.dev` hostnames: a custom domain is needed for it to take effect. Locally, workerd
//! (wrangler dev, Miniflare) implements it fully. A response read back from it has immutable
//! headers, so we keep only its body and `ETag` and build every answer afresh.
//!
//! Keys name exactly what was rendered: the notice, the version *number* and the language. A new
//! publish makes a new latest number, hence a new key; nothing is ever invalidated, because what a
//! key names never changes. [`RENDERER`] is part of every key so a deploy that renders differently
//! never serves pages the previous deploy rendered.

use worker::{Cache, Headers, Response, Result};

/// A hash of every source that shapes a page (schema, widget, edge), computed by `build.rs`.
pub const RENDERER: &str = env!("SELOSTE_RENDER_ID");

/// A rendered body and its validator.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub body: String,
    pub etag: String,
}

impl Rendered {
    pub fn new(body: String) -> Self {
        let etag = crate::headers::etag(body.as_bytes());
        Rendered { body, etag }
    }
}

/// The cache key of `what` (a path such as `notice/acme/customers/3/fi`) under the request's own
/// origin: the Cache API keys on URLs, and using our own host keeps entries in our zone.
pub fn key(origin: &str, what: &str) -> String {
    format!("{origin}/__cache/{RENDERER}/{what}")
}

/// The cached rendering under `key`, if this data centre has it.
pub async fn get(key: &str) -> Result<Option<Rendered>> {
    let Some(mut hit) = Cache::default().get(key, true).await? else {
        return Ok(None);
    };
    let etag = hit.headers().get("ETag")?;
    let body = hit.text().await?;
    Ok(Some(match etag {
        Some(etag) => Rendered { body, etag },
        None => Rendered::new(body),
    }))
}

/// Stores a rendering for `max_age` seconds (entries are never invalidated, only expire).
pub async fn put(key: &str, page: &Rendered, max_age: u32) -> Result<()> {
    let headers = Headers::new();
    headers.set("Cache-Control", &format!("public, max-age={max_age}"))?;
    headers.set("ETag", &page.etag)?;
    headers.set("Content-Type", "text/plain; charset=utf-8")?;
    let response = Response::ok(page.body.clone())?.with_headers(headers);
    Cache::default().put(key, response).await
}

/// The rendering under `key`: from the isolate's memory, else from the Cache API, else
/// `render()`ed; kept in both on the way out.
pub async fn get_or_render<F, Fut>(key: &str, max_age: u32, render: F) -> Result<Option<Rendered>>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Option<String>>>,
{
    if let Some(held) = crate::isolate::page(key) {
        return Ok(Some(held));
    }
    if let Some(hit) = get(key).await? {
        crate::isolate::keep_page(key, &hit);
        return Ok(Some(hit));
    }
    let Some(body) = render().await? else {
        return Ok(None);
    };
    let page = Rendered::new(body);
    put(key, &page, max_age).await?;
    crate::isolate::keep_page(key, &page);
    Ok(Some(page))
}
