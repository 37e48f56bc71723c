//! Rate limits, with the Workers Rate Limiting binding (`[[ratelimits]]` in `wrangler.toml`;
//! Miniflare's `ratelimits` in the tests): failed authentications per client address, publishes
//! per organisation. Over the limit is `429` with `Retry-After`.
//!
//! The binding counts per location and is eventually consistent: it slows abuse down, it is not
//! an exact quota. Should a deployment lack a binding, the request goes through and the worker
//! logs the missing binding (a configuration error, not a reason to stop publishing).

use worker::{console_error, Env, Response, Result};

use seloste_schema::api::{ApiError, ErrorCode};

use crate::routes::respond;

/// Failed authentications, keyed by the client's address.
pub const AUTH_FAILURES: &str = "AUTH_FAILURES";
/// Publishes (accepted or not, once authenticated), keyed by organisation.
pub const PUBLISHES: &str = "PUBLISHES";
/// The period of both bindings in `wrangler.toml`, in seconds: what `Retry-After` says.
pub const PERIOD_SECONDS: u32 = 60;

/// Counts one event under `key` in `binding`; whether it is still within the limit.
pub async fn allow(env: &Env, binding: &str, key: &str) -> Result<bool> {
    match env.rate_limiter(binding) {
        Ok(limiter) => Ok(limiter.limit(key.to_owned()).await?.success),
        Err(e) => {
            console_error!("rate limit binding {binding} is missing ({e}); not limiting");
            Ok(true)
        }
    }
}

/// `429` with `Retry-After`.
pub fn too_many(what: &str) -> Result<Response> {
    let r = respond::api_error(&ApiError::new(
        ErrorCode::RateLimited,
        format!("too many {what}; try again in {PERIOD_SECONDS} seconds"),
    ))?;
    r.headers()
        .set("Retry-After", &PERIOD_SECONDS.to_string())?;
    Ok(r)
}
