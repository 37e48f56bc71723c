//! The embeddable widget: its one stateful component ([`app::App`]) and the two ways it reaches
//! the reader's screen.
//!
//! - **server first** (feature `ssr`, [`widget_fragment_html`]): the edge renders the app with the
//!   version it serves; the loader (`widget/js/loader.js`) shows that markup in the shadow root at
//!   once, before any wasm is fetched.
//! - **browser** (feature `csr`, [`start`] / [`stop`]): once the page is idle or the reader
//!   touches the notice, the loader instantiates the wasm and calls [`start`] with the same
//!   version, so the app renders the very same markup without fetching (the loader then swaps it
//!   in for the server's, node for node the same); without a version it renders from the JSON API.
//!
//! Why not Yew's hydration (`Renderer::hydrate`) for the take-over: measured, its code costs
//! 13 KB brotli in the wasm (hydration walkers, their panics, `bincode`), a tenth of the widget,
//! for an effect the reader cannot see: rendering the same props again gives the same nodes.
//!
//! Everything the widget touches on the host page is the `<seloste-notice>` element the loader
//! manages: no globals of its own, no cookies, no storage, no logging.

#[cfg(feature = "csr")]
mod api;
mod app;
#[cfg(feature = "csr")]
mod read;

#[cfg(feature = "csr")]
pub use client::{start, stop};
#[cfg(feature = "ssr")]
pub use server::widget_fragment_html;

#[cfg(feature = "csr")]
mod client {
    use std::cell::RefCell;
    use std::rc::Rc;

    use seloste_schema::Version;
    use wasm_bindgen::prelude::*;
    use web_sys::Element;
    use yew::AppHandle;

    use super::app::{App, AppProps, Config, View};

    // The widget is single-threaded (wasm32 without atomics) and short-lived, and a small
    // allocator is bytes every reader does not download.
    #[cfg(target_arch = "wasm32")]
    #[global_allocator]
    static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
        // SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
        unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

    thread_local! {
        /// The running apps by the number [`start`] gave the loader, so [`stop`] can tear one
        /// down when its element leaves the page (single-page apps create and drop many).
        static APPS: RefCell<Vec<(u32, AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
        static NEXT: RefCell<u32> = const { RefCell::new(0) };
    }

    /// Runs the app in `root` (a `<div>` the loader puts into the element's shadow root) and
    /// returns its number.
    ///
    /// `initial` is the version the edge rendered (from the loader's fragment, parsed by the
    /// browser's `JSON.parse`): the app shows it at once, without fetching. Without it (or when it
    /// is not a version this widget reads), the app fetches what it shows.
    #[wasm_bindgen]
    pub fn start(
        root: Element,
        origin: String,
        id: String,
        lang: String,
        version: Option<u32>,
        history: bool,
        initial: JsValue,
    ) -> u32 {
        let config = Rc::new(Config {
            origin,
            id,
            wanted_lang: lang,
            version,
            view: if history { View::History } else { View::Notice },
        });
        let initial = super::read::from_value::<Version>(initial)
            .ok()
            .filter(|v| v.notice.format == seloste_schema::FORMAT)
            .map(Rc::new);
        let handle =
            yew::Renderer::<App>::with_root_and_props(root, AppProps { config, initial }).render();
        let n = NEXT.with(|n| {
            let mut n = n.borrow_mut();
            *n += 1;
            *n
        });
        APPS.with(|apps| apps.borrow_mut().push((n, handle)));
        n
    }

    /// Tears down app number `n`: its components, listeners and pending state go; the loader
    /// removes the markup. Unknown numbers are ignored.
    #[wasm_bindgen]
    pub fn stop(n: u32) {
        let found = APPS.with(|apps| {
            let mut apps = apps.borrow_mut();
            let i = apps.iter().position(|(k, _)| *k == n)?;
            Some(apps.swap_remove(i).1)
        });
        if let Some(handle) = found {
            handle.destroy();
        }
    }
}

#[cfg(feature = "ssr")]
mod server {
    use std::rc::Rc;

    use seloste_schema::Version;
    use yew::LocalServerRenderer;

    use super::app::{App, AppProps, Config, View};

    /// The widget's first paint: the app showing version `v` of notice `id` (`org/notice`),
    /// exactly the markup the browser's app renders when the loader passes the same `origin` (the
    /// edge's), `lang` (the reader's wish; the nearest of the notice's languages is shown) and
    /// `pinned` (`data-version`, `None` for the latest).
    pub async fn widget_fragment_html(
        v: &Version,
        origin: &str,
        id: &str,
        lang: &str,
        pinned: Option<u32>,
    ) -> String {
        let config = Config {
            origin: origin.to_owned(),
            id: id.to_owned(),
            wanted_lang: lang.to_owned(),
            version: pinned,
            view: View::Notice,
        };
        let props = AppProps {
            config: Rc::new(config),
            initial: Some(Rc::new(v.clone())),
        };
        LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render()
            .await
    }
}
