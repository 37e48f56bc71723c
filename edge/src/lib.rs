//! # seloste-edge
//!
//! The notices' public home and their durable history: a Cloudflare Worker (workers-rs) that keeps
//! every published version of every notice in D1 and renders them with the widget's own Yew
//! components on the server. See `edge/README.md` for the URLs, running it locally and deploying.
//!
//! The pure parts (routing, ids, language choice, headers, the Atom feed, the checks a publish goes
//! through, the index and 404 pages) build natively and are unit-tested with `cargo test`; the
//! parts that touch the platform (D1, the Cache API, requests and responses) exist only for
//! `wasm32` and are tested in the real runtime (workerd) by `tests/edge/`.

pub mod auth;
pub mod bounds;
pub mod clock;
mod etag;
pub mod fast;
pub mod feed;
pub mod headers;
pub mod html;
pub mod jsonld;
pub mod lang;
pub mod memo;
pub mod origin;
pub mod routes;
pub mod submission;

#[cfg(target_arch = "wasm32")]
mod cache;
#[cfg(target_arch = "wasm32")]
mod isolate;
#[cfg(target_arch = "wasm32")]
mod keys;
#[cfg(target_arch = "wasm32")]
mod limits;
#[cfg(target_arch = "wasm32")]
mod render;
#[cfg(target_arch = "wasm32")]
mod storage;

#[cfg(target_arch = "wasm32")]
#[worker::event(fetch)]
async fn fetch(
    req: worker::Request,
    env: worker::Env,
    _ctx: worker::Context,
) -> worker::Result<worker::Response> {
    routes::handle(req, env).await
}
