//! The edge's JSON API, read with the browser's own `fetch` and `JSON.parse` (smaller than
//! bundling a JSON parser): `GET {origin}/api/v1/notices/{org}/{notice}/fragment` (a version,
//! the latest or `version=n`) and `…/changes` (the change log, computed by the edge: the widget
//! never diffs).

use seloste_schema::{ChangeLog, Version};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials, RequestInit, Response};

use crate::strings::{cat, num};

/// How long one request to the edge may take, the response body included.
const TIMEOUT_MS: u32 = 10_000;

/// Why the widget shows its fallback; the details do not matter to a reader.
pub struct Unavailable;

/// The widget's fragment (`fragment.rs` at the edge) carries the version it shows; the markup
/// beside it is not needed here.
#[derive(Deserialize)]
pub struct Fragment {
    pub version: Version,
}

/// The latest version, or version `n` when the embedding pins one, from the same address the
/// loader reads first (`…/fragment`, cached at the edge).
/// A notice of a format this widget does not know (a newer edge) is unavailable rather than shown
/// half-understood: the fallback links to the edge's own page, which always renders it.
pub async fn version(
    origin: &str,
    id: &str,
    lang: &str,
    n: Option<u32>,
) -> Result<Version, Unavailable> {
    let v = get::<Fragment>(&with_from(
        cat(&[
            origin,
            "/api/v1/notices/",
            id,
            "/fragment?lang=",
            &encode(lang),
        ]),
        "version",
        n,
    ))
    .await?
    .version;
    if v.notice.format == seloste_schema::FORMAT {
        Ok(v)
    } else {
        Err(Unavailable)
    }
}

/// One page of the change log in `lang` (the edge picks the nearest language the notice has),
/// starting at version `from` (the newest when `None`).
pub async fn changes(
    origin: &str,
    id: &str,
    lang: &str,
    from: Option<u32>,
) -> Result<ChangeLog, Unavailable> {
    let url = cat(&[
        origin,
        "/api/v1/notices/",
        id,
        "/changes?lang=",
        &encode(lang),
    ]);
    get(&with_from(url, "from", from)).await
}

/// `url` with `&{name}={n}` when there is an `n`.
fn with_from(mut url: String, name: &str, n: Option<u32>) -> String {
    if let Some(n) = n {
        url.push_str(&cat(&["&", name, "=", &num(n.into())]));
    }
    url
}

/// A language tag is letters, digits and dashes; anything else is dropped rather than escaped.
fn encode(lang: &str) -> String {
    lang.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(35)
        .collect()
}

async fn get<T: DeserializeOwned>(url: &str) -> Result<T, Unavailable> {
    let window = web_sys::window().ok_or(Unavailable)?;
    // Never send the host site's or the edge's cookies: the notice is public data.
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    // An edge that hangs must not leave "Loading…" on the host page for ever: give up (body
    // included) after TIMEOUT_MS and show the fallback link instead.
    init.set_signal(Some(&AbortSignal::timeout_with_u32(TIMEOUT_MS)));
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
    super::read::from_value(json).map_err(|_| Unavailable)
}
