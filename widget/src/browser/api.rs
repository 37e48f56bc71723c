//! The edge's JSON API, read with the browser's own `fetch` and `JSON.parse` (smaller than
//! bundling a JSON parser): `GET {origin}/api/v1/notices/{org}/{notice}` (latest version),
//! `…/versions/{n}` and `…/history`.

use seloste_schema::{History, Version};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

/// Why the widget shows its fallback; the details do not matter to a reader.
pub struct Unavailable;

/// The notice endpoint also lists every version's number and date; the widget only needs the
/// latest version itself.
#[derive(Deserialize)]
struct NoticeResponse {
    latest: Version,
}

/// The latest version, or version `n` when the embedding pins one.
pub async fn version(origin: &str, id: &str, n: Option<u32>) -> Result<Version, Unavailable> {
    match n {
        Some(n) => get(&format!("{origin}/api/v1/notices/{id}/versions/{n}")).await,
        None => get::<NoticeResponse>(&format!("{origin}/api/v1/notices/{id}"))
            .await
            .map(|r| r.latest),
    }
}

/// The whole history (the edge serves a single notice as a one-version history).
pub async fn history(origin: &str, id: &str) -> Result<History, Unavailable> {
    get(&format!("{origin}/api/v1/notices/{id}/history")).await
}

async fn get<T: DeserializeOwned>(url: &str) -> Result<T, Unavailable> {
    let window = web_sys::window().ok_or(Unavailable)?;
    // Never send the host site's or the edge's cookies: the notice is public data.
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| Unavailable)?
        .dyn_into()
        .map_err(|_| Unavailable)?;
    if !response.ok() {
        return Err(Unavailable);
    }
    let json = JsFuture::from(response.json().map_err(|_| Unavailable)?)
        .await
        .map_err(|_| Unavailable)?;
    serde_wasm_bindgen::from_value(json).map_err(|_| Unavailable)
}
