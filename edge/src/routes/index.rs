//! `GET /` (every notice the edge holds) and `GET /healthz`.

use worker::{Env, Request, Response, Result};

use super::respond::{self, LangFrom};
use crate::cache::Rendered;
use crate::headers;
use crate::html;
use crate::storage::Store;

/// The index, straight from D1 (one small query): it changes with every publish of any notice.
pub async fn index(req: &Request, env: &Env) -> Result<Response> {
    let entries = Store::open(env)?.index().await?;
    let page = Rendered::new(html::index_page(&entries));
    respond::conditional(
        req,
        page,
        respond::html_page(headers::LATEST, "en", LangFrom::Url),
    )
}

/// `{"status": "ok"}` when the Worker runs and D1 answers; 503 otherwise.
pub async fn health(env: &Env) -> Result<Response> {
    match Store::open(env)?.ping().await {
        Ok(()) => respond::json(&serde_json::json!({"status": "ok"}), 200),
        Err(e) => {
            worker::console_error!("healthz: {e}");
            respond::json(
                &serde_json::json!({"status": "error", "database": "unavailable"}),
                503,
            )
        }
    }
}
