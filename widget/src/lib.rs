//! # seloste-widget
//!
//! The views of a privacy notice (the notice itself, its change log, one diff), written once as
//! Yew components and rendered identically in two places:
//!
//! - **in the browser** (feature `csr`): the embeddable widget. A site adds one line,
//!   `<script src="https://EDGE/widget/seloste.js" data-notice="ORG/NOTICE" async></script>`;
//!   the loader (`widget/js/loader.js`, bundled by `cargo xtask build`) defines the
//!   `<seloste-notice>` element, shows the notice the edge pre-rendered
//!   ([`widget_fragment_html`]) in its Shadow DOM at once, and later instantiates this crate's wasm
//!   and calls `start`, which renders the same markup from the same version and takes over (or
//!   renders from the JSON API when there is none). See `widget/README.md` for the attributes and the single-page-app API.
//! - **on the server** (feature `ssr`): the edge worker and the CLI call the functions below.
//!
//! ## Server rendering API (feature `ssr`)
//!
//! ```text
//! pub struct PageContext { pub base_url: String, pub version: Option<u32>,
//!                          pub published: Option<Date>, pub languages_href: bool,
//!                          pub changelog_href: Option<String> }
//! pub async fn notice_html(notice: &Notice, lang: &str, ctx: &PageContext) -> String;
//! pub async fn history_html(history: &History, lang: &str, ctx: &PageContext) -> String; // first page
//! pub async fn changelog_html(log: &ChangeLog, ctx: &PageContext) -> String;            // any page
//! pub async fn diff_html(history: &History, from: u32, to: u32, lang: &str, ctx: &PageContext) -> String;
//! pub async fn widget_fragment_html(v: &Version, origin: &str, id: &str, lang: &str,
//!                                   pinned: Option<u32>) -> String;   // the widget's first paint
//! pub const STYLESHEET: &str;
//! pub fn document(title: &str, lang: &str, body_html: &str, head_extra: &str) -> String;
//! pub fn editor_page(host: EditorHost, lang: &str) -> String;   // the editor's host page
//! ```
//!
//! The render functions return a fragment (an `<article class="seloste">`); [`document`] wraps a
//! fragment into a page. Nothing suspends, so the futures finish on their first poll: natively,
//! `futures_executor::block_on(seloste_widget::notice_html(&n, "fi", &ctx))` works without any
//! async runtime; on wasm32 (the edge worker) `.await` them. `lang` may be any BCP 47 tag; the
//! nearest of the notice's languages is used ([`seloste_schema::Notice::pick_language`]).
//!
//! Links on server pages (when [`PageContext::base_url`] is not empty):
//! `{base_url}` (latest), `{base_url}/history` (`?from=N` for older pages), `{base_url}/v/{n}`,
//! `{base_url}/diff/{from}/{to}`, and `?lang=xx` for the language switch.
//!
//! ## Invariants
//!
//! - All notice text is escaped by Yew; this crate never injects raw HTML.
//! - Only `https:`, `http:`, `mailto:` and `tel:` targets become links
//!   ([`components::prose::safe_href`]); anything else is shown as plain text.
//! - One stylesheet, [`STYLESHEET`], for the shadow root and for server pages.

pub mod components;
pub mod i18n;
pub mod page;

#[cfg(feature = "ssr")]
mod document;
#[cfg(feature = "ssr")]
mod editor_page;
#[cfg(feature = "ssr")]
mod ssr;

#[cfg(any(feature = "csr", feature = "ssr"))]
mod browser;

pub use page::PageContext;

#[cfg(feature = "ssr")]
pub use document::{document, escape, inline_stylesheet, stylesheet_link};
#[cfg(feature = "ssr")]
pub use editor_page::{
    editor_page, EditorHost, EDITOR_ASSETS, EDITOR_CONTENT_SECURITY_POLICY, EDITOR_FILES,
    EDITOR_LANGUAGES,
};
#[cfg(feature = "ssr")]
pub use ssr::{changelog_html, diff_html, diff_versions_html, history_html, notice_html};

#[cfg(feature = "ssr")]
pub use browser::widget_fragment_html;
#[cfg(feature = "csr")]
pub use browser::{start, stop};

/// The one stylesheet: adopted by the widget's shadow root (a constructed stylesheet, which a
/// strict `style-src` allows) and served or inlined for server pages. Colours and fonts are
/// `--seloste-*` custom properties a site may override on the host element.
pub const STYLESHEET: &str = include_str!("style.css");

#[cfg(test)]
mod tests;
