//! # seloste-editor
//!
//! The notice editor, a Yew app compiled to its own wasm bundle. The edge serves it at
//! `/edit/{org}/{notice}` and `seloste edit FILE` serves it on 127.0.0.1; both give it the same
//! host page, whose `#seloste-editor` element says where it runs (see `README.md`, "The host
//! contract").

#[cfg(target_arch = "wasm32")]
mod browser;
pub mod check;
mod config;
pub mod draft;
pub mod form;
pub mod publish;
pub mod start;
pub mod template;
#[cfg(target_arch = "wasm32")]
mod ui;

pub use config::{Config, Mode};

#[cfg(target_arch = "wasm32")]
mod client {
    use wasm_bindgen::prelude::*;

    use super::config::Config;
    use super::ui::{App, AppProps};

    /// Renders the editor into the host page's `#seloste-editor` element.
    #[wasm_bindgen(start)]
    pub fn start() {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("seloste-editor"))
        else {
            return;
        };
        let config = Config::from_attributes(|name| root.get_attribute(name));
        yew::Renderer::<App>::with_root_and_props(root, AppProps { config }).render();
    }
}
