//! The editor: its host page (`GET /edit`, `GET /edit/{org}/{notice}`) and its bundle
//! (`/edit/boot.js`, `/edit/seloste_editor.js`, `/edit/seloste_editor_bg.wasm`, `/edit/editor.css`),
//! embedded in the Worker at build time like the widget's (see `build.rs`, `assets.rs`).
//!
//! The page is the widget crate's [`seloste_widget::editor_page`], the very page `seloste edit`
//! serves, under [`headers::editor_security`]. Nothing here reads or writes a
//! notice: the app does that through the JSON API, publishing with the organisation's key.

use worker::{Headers, Request, Response, Result};

use seloste_schema::api::{ApiError, ErrorCode, NoticeId};
use seloste_widget::{editor_page, EditorHost, EDITOR_LANGUAGES};

use super::respond::{self, Body, Cacheable, LangFrom};
use super::EditorFile;
use crate::headers;

/// A file of the editor's bundle and its `ETag`, both fixed when the Worker is built.
struct Asset {
    bytes: &'static [u8],
    etag: &'static str,
    content_type: &'static str,
}

#[cfg(editor_bundle)]
fn asset(file: EditorFile) -> Option<Asset> {
    Some(match file {
        EditorFile::Boot => Asset {
            bytes: include_bytes!("../../../editor/dist/boot.js"),
            etag: env!("SELOSTE_EDITOR_BOOT_ETAG"),
            content_type: "text/javascript; charset=utf-8",
        },
        EditorFile::Glue => Asset {
            bytes: include_bytes!("../../../editor/dist/seloste_editor.js"),
            etag: env!("SELOSTE_EDITOR_GLUE_ETAG"),
            content_type: "text/javascript; charset=utf-8",
        },
        EditorFile::Wasm => Asset {
            bytes: include_bytes!("../../../editor/dist/seloste_editor_bg.wasm"),
            etag: env!("SELOSTE_EDITOR_WASM_ETAG"),
            content_type: "application/wasm",
        },
        EditorFile::Stylesheet => Asset {
            bytes: include_bytes!("../../../editor/dist/editor.css"),
            etag: env!("SELOSTE_EDITOR_CSS_ETAG"),
            content_type: "text/css; charset=utf-8",
        },
    })
}

#[cfg(not(editor_bundle))]
fn asset(_: EditorFile) -> Option<Asset> {
    None
}

/// The host page: the chooser (`id` `None`) or one notice's editor. Whether the notice exists is
/// the app's business (a 404 from the API means a new notice).
pub fn page(req: &Request, id: Option<&NoticeId>) -> Result<Response> {
    let host = match id {
        Some(id) => EditorHost::Notice {
            org: id.org(),
            notice: id.notice(),
        },
        None => EditorHost::Chooser,
    };
    let languages = EDITOR_LANGUAGES.map(str::to_owned);
    // English first: the interface language when nothing the author asks for matches.
    let available = [
        languages[2].clone(),
        languages[0].clone(),
        languages[1].clone(),
    ];
    let (lang, from) = respond::choose_lang(req, &available)?;
    let h = Headers::new();
    h.set("Content-Type", "text/html; charset=utf-8")?;
    // Always asked again: the page is tiny, and a stale one could load a bundle it does not match.
    h.set("Cache-Control", headers::REVALIDATE)?;
    h.set("Content-Language", &lang)?;
    if from == LangFrom::Header {
        h.set("Vary", "Accept-Language")?;
    }
    respond::set_all(&h, headers::editor_security())?;
    Ok(Response::ok(editor_page(host, &lang))?.with_headers(h))
}

/// A file of the bundle, `304` when the browser has it, `503` when the Worker was built without.
pub fn file(req: &Request, file: EditorFile) -> Result<Response> {
    let Some(asset) = asset(file) else {
        return respond::api_error(&ApiError::new(
            ErrorCode::WidgetNotBuilt,
            "this edge was built without the editor's bundle (run `cargo xtask build`)",
        ));
    };
    respond::conditional_body(
        req,
        asset.etag,
        Body::Bytes(asset.bytes),
        Cacheable {
            content_type: asset.content_type,
            // Revalidated every time (a cheap 304): the four files must always be one build's.
            cache_control: headers::REVALIDATE,
            lang: None,
            lang_from: LangFrom::Url,
            html: false,
            cors: false,
        },
    )
}
