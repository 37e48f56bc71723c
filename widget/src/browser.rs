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
//!   [`stop`] parks an app for reuse (see `SPARE`): single-page apps show many notices.
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

    use wasm_bindgen::prelude::*;
    use web_sys::Element;
    use yew::prelude::*;
    use yew::AppHandle;

    use super::app::{shown, App, AppProps, Config, View};

    // The widget is single-threaded (wasm32 without atomics) and short-lived, and a small
    // allocator is bytes every reader does not download.
    #[cfg(target_arch = "wasm32")]
    #[global_allocator]
    static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
        // SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
        unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

    /// One Yew app and the element it renders into.
    struct Slot {
        app: AppHandle<Host>,
        root: Element,
    }

    thread_local! {
        /// The apps showing a notice.
        static RUNNING: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
        /// Stopped apps, rendering nothing, kept for the next notice. Yew never frees an app's
        /// event delegation (its root element and one listener per event type stay for the
        /// page's lifetime), so a single-page app that shows a notice on every route would pile
        /// them up; reusing apps bounds them by the most notices ever shown at once.
        static SPARE: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
        static STARTED: RefCell<u32> = const { RefCell::new(0) };
    }

    /// What a pooled app shows: nothing (stopped), or the app keyed by its start, so every start
    /// begins with fresh state.
    #[derive(Properties, PartialEq)]
    struct HostProps {
        run: Option<(u32, AppProps)>,
    }

    #[function_component]
    fn Host(props: &HostProps) -> Html {
        match &props.run {
            Some((n, app)) => html! { <App key={*n} ..app.clone() /> },
            None => Html::default(),
        }
    }

    /// Starts the app for one notice and returns the element it renders into: `root` (a new,
    /// detached `<div>` from the loader) or a stopped app's own. Either is off-page: the loader
    /// puts it in the notice's shadow root, in place of the edge's rendering once Yew has
    /// rendered, a task later.
    ///
    /// `initial` is the loader's fragment (`{html, version}`, parsed by the browser's
    /// `JSON.parse`): the app shows its version at once, without fetching. Without it (or when it
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
    ) -> Element {
        let config = Rc::new(Config {
            origin,
            id,
            wanted_lang: lang,
            version,
            view: if history { View::History } else { View::Notice },
        });
        let initial = super::read::from_value::<super::api::Fragment>(initial)
            .ok()
            .map(|f| f.version)
            .filter(|v| v.notice.format == seloste_schema::FORMAT)
            .map(|v| shown(v, &config));
        let n = STARTED.with(|n| {
            let mut n = n.borrow_mut();
            *n += 1;
            *n
        });
        let props = HostProps {
            run: Some((n, AppProps { config, initial })),
        };
        let slot = match SPARE.with(|s| s.borrow_mut().pop()) {
            Some(mut slot) => {
                slot.app.update(props);
                slot
            }
            None => {
                let app = yew::Renderer::<Host>::with_root_and_props(root.clone(), props).render();
                Slot { app, root }
            }
        };
        let root = slot.root.clone();
        RUNNING.with(|r| r.borrow_mut().push(slot));
        root
    }

    /// Stops the app rendering into `root`: it renders nothing and waits for the next notice;
    /// the loader removes `root` from the page. Unknown elements are ignored.
    #[wasm_bindgen]
    pub fn stop(root: Element) {
        let found = RUNNING.with(|r| {
            let mut r = r.borrow_mut();
            let i = r.iter().position(|s| s.root == root)?;
            Some(r.swap_remove(i))
        });
        if let Some(mut slot) = found {
            slot.app.update(HostProps { run: None });
            SPARE.with(|s| s.borrow_mut().push(slot));
        }
    }
}

#[cfg(feature = "ssr")]
mod server {
    use std::rc::Rc;

    use seloste_schema::Version;
    use yew::LocalServerRenderer;

    use super::app::{shown, App, AppProps, Config, View};

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
            initial: Some(shown(v.clone(), &config)),
            config: Rc::new(config),
        };
        LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render()
            .await
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use futures_executor::block_on;
    use seloste_schema::History;

    use super::widget_fragment_html;

    /// A fi+en notice with three versions and hostile text (see `crate::tests`).
    const HISTORY: &str =
        include_str!("../../tests/browser/fixtures/acme-asiakasrekisteri.history.json");

    fn fragment(lang: &str, pinned: Option<u32>) -> String {
        let history: History = serde_json::from_str(HISTORY).expect("a valid history");
        let v = match pinned {
            Some(n) => history.version(n).expect("version exists").clone(),
            None => history.latest().clone(),
        };
        block_on(widget_fragment_html(
            &v,
            "https://edge.example",
            "acme/asiakasrekisteri",
            lang,
            pinned,
        ))
    }

    #[test]
    fn the_fragment_is_the_widget_showing_the_version_with_buttons_not_links() {
        let html = fragment("en", None);
        assert!(html.starts_with("<div>"), "the app's own root: {html:.80}");
        assert!(html.contains("<article lang=\"en\""), "{html:.300}");
        // The widget switches in place: buttons, as the wasm app renders them, never `?lang=` links.
        assert_eq!(
            html.matches("<button").count(),
            3,
            "fi, en and the change log"
        );
        assert!(html.contains("aria-pressed=\"false\""));
        assert!(html.contains("class=\"to-view\""));
        assert!(!html.contains("href=\"?lang="));
        // Pages it does not show itself are on the edge it came from.
        assert!(
            !html.contains("href=\"/acme"),
            "no link relative to the host page"
        );
        // Escaped by Yew like every view, and no hydration markers (the app renders, it does not
        // hydrate).
        assert!(!html.contains("<script"));
        assert!(!html.contains("<!--"));
    }

    #[test]
    fn the_fragment_follows_the_wanted_language_and_the_pinned_version() {
        assert!(
            fragment("sv-FI", None).contains("lang=\"fi\""),
            "no Swedish: the main language"
        );
        let pinned = fragment("fi", Some(1));
        assert!(pinned.contains("Versio 1"), "{pinned:.400}");
        assert_ne!(pinned, fragment("fi", None));
    }
}
