//! The few browser calls the editor makes: same-origin `fetch`, `localStorage`, reading a chosen
//! file, and downloading the draft. Nothing else touches the page's globals.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Request, RequestInit, Response, Url};

/// An HTTP answer: status and body text.
pub struct Answer {
    pub status: u16,
    pub body: String,
}

fn why(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "?".to_owned())
}

/// `method url` with an optional JSON (or other) body and optional bearer key; same origin only.
pub async fn fetch(
    method: &str,
    url: &str,
    body: Option<&str>,
    bearer: Option<&str>,
) -> Result<Answer, String> {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_cache(web_sys::RequestCache::NoStore);
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(b));
    }
    let req = Request::new_with_str_and_init(url, &init).map_err(why)?;
    let headers = req.headers();
    headers.set("Accept", "application/json").map_err(why)?;
    if body.is_some() {
        headers
            .set("Content-Type", "application/json")
            .map_err(why)?;
    }
    if let Some(key) = bearer {
        headers
            .set("Authorization", &format!("Bearer {key}"))
            .map_err(why)?;
    }
    let window = web_sys::window().ok_or("no window")?;
    let resp: Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(why)?
        .unchecked_into();
    let text = JsFuture::from(resp.text().map_err(why)?)
        .await
        .map_err(why)?
        .as_string()
        .unwrap_or_default();
    Ok(Answer {
        status: resp.status(),
        body: text,
    })
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Best effort: a full or disabled storage loses the autosave, never the edit.
pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The bytes of the first file chosen in `input`, and its name.
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Option<(Vec<u8>, String)> {
    let file = input.files()?.get(0)?;
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some((js_sys::Uint8Array::new(&buffer).to_vec(), file.name()))
}

/// Offers `text` as a download named `name` (a `blob:` URL of this origin, revoked after).
pub fn download(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document
        .create_element("a")
        .map(|a| a.unchecked_into::<HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = Url::revoke_object_url(&url);
}

/// Moves focus to the control `id` (the problems list's links go to their fields).
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

pub fn go(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}
