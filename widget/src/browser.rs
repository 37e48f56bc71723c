//! The browser entry point (feature `csr`): one call per embedding `<script>` tag.
//!
//! The loader (`widget/js/loader.js`) instantiates the wasm once per page and calls [`mount`] for
//! every `<script data-notice>` that loaded it. Everything the widget touches on the host page is
//! the one `<seloste-notice>` element it inserts: no globals, no cookies, no storage, no logging.

mod api;
mod app;

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlScriptElement, ShadowRootInit, ShadowRootMode, Url};

use app::{App, AppProps, Config, View};

// The widget is single-threaded (wasm32 without atomics) and short-lived, and a small allocator
// is bytes every reader does not download.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

thread_local! {
    /// One constructed stylesheet shared by every widget on the page. Constructed (adopted)
    /// stylesheets are allowed by a strict `style-src`, unlike a `<style>` element.
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Renders the notice that `script` asks for, right after the tag or into its `data-target`.
/// Errors are swallowed on purpose: a widget must never break or clutter the host page, and
/// a notice that cannot be loaded is shown as a polite fallback by the app itself.
#[wasm_bindgen]
pub fn mount(script: HtmlScriptElement) {
    let _ = try_mount(&script);
}

fn try_mount(script: &HtmlScriptElement) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let attr = |name: &str| {
        script
            .get_attribute(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let id = attr("data-notice")?;
    let origin = Url::new(&script.src()).ok()?.origin();
    let page_lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let config = Config {
        origin,
        id,
        wanted_lang: attr("data-lang").unwrap_or(page_lang),
        version: attr("data-version").and_then(|v| v.parse().ok()),
        view: match attr("data-view").as_deref() {
            Some("history") => View::History,
            _ => View::Notice,
        },
    };

    let host = document.create_element("seloste-notice").ok()?;
    match attr("data-target") {
        Some(selector) => {
            let target = document.query_selector(&selector).ok()??;
            target.append_child(&host).ok()?;
        }
        None => script.after_with_node_1(&host).ok()?,
    }
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .ok()?;
    if let Some(sheet) = stylesheet() {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    let root: Element = document.create_element("div").ok()?;
    shadow.append_child(&root).ok()?;
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            config: config.into(),
        },
    )
    .render();
    Some(())
}

fn stylesheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(crate::STYLESHEET).ok()?;
            Some(sheet)
        })
        .clone()
    })
}
