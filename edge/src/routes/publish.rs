//! `POST /api/v1/notices/{org}/{notice}/versions`: publish the next version.
//!
//! Order of checks: the token (401), the content type (415, only `application/json`), the size
//! (413, from `Content-Length` before reading, and while reading for a body sent without it), then
//! [`Submission::check`] (the schema's `api` rules: 400 for JSON syntax, 422 for anything the
//! schema refuses), then the atomic append (422 for a date before the latest version's). The
//! request and both answers are the schema's types ([`seloste_schema::api`]).

use futures_util::StreamExt;
use worker::{Env, Request, Response, Result};

use seloste_schema::api::{ApiError, ErrorCode, NoticeId, Published, MAX_BODY_BYTES};

use super::respond;
use crate::auth;
use crate::clock;
use crate::storage::{Appended, Store};
use crate::submission::{self, Submission};

/// The Worker secret holding the publishing token (`wrangler secret put PUBLISH_TOKEN`).
pub const TOKEN_SECRET: &str = "PUBLISH_TOKEN";

pub async fn publish(mut req: Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let Ok(expected) = env.secret(TOKEN_SECRET) else {
        worker::console_error!("publishing refused: the secret {TOKEN_SECRET} is not set");
        return respond::api_error(&ApiError::new(
            ErrorCode::NotConfigured,
            "publishing is not configured on this edge",
        ));
    };
    let given = req.headers().get("Authorization")?;
    let authorized = given
        .as_deref()
        .and_then(auth::bearer)
        .is_some_and(|t| auth::token_matches(t, &expected.to_string()));
    if !authorized {
        let r = respond::api_error(&ApiError::unauthorized())?;
        respond::set_all(
            r.headers(),
            vec![("WWW-Authenticate", "Bearer realm=\"seloste\"".into())],
        )?;
        return Ok(r);
    }
    if id.is_reserved() {
        return respond::api_error(&ApiError::invalid_at(
            "notice.id",
            format!("`{}` is reserved for the edge's own URLs", id.org()),
        ));
    }
    // Only JSON is accepted: a body sent as a form or as text is refused before it is read, so a
    // client finds out at once that it sent the wrong thing (and a browser form, which needs no
    // CORS preflight, can never reach the parser).
    if !submission::is_json_content_type(req.headers().get("Content-Type")?.as_deref()) {
        return respond::api_error(&ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "send the body as `Content-Type: application/json`",
        ));
    }
    let declared = req
        .headers()
        .get("Content-Length")?
        .and_then(|l| l.trim().parse::<u64>().ok());
    if declared.is_some_and(|l| l > MAX_BODY_BYTES as u64) {
        return respond::api_error(&ApiError::too_large(MAX_BODY_BYTES));
    }
    let Some(body) = read_limited(&mut req, MAX_BODY_BYTES).await? else {
        return respond::api_error(&ApiError::too_large(MAX_BODY_BYTES));
    };

    let now = clock::now_ms();
    let submission = match Submission::check(&body, id, clock::utc_date(now)) {
        Ok(s) => s,
        Err(e) => return respond::api_error(&e),
    };
    let received_at = clock::rfc3339(now);
    let outcome = Store::open(env)?
        .append(id, &submission, &received_at)
        .await?;
    let number = match outcome {
        Appended::Number(n) => n,
        Appended::BeforeLatest(latest) => {
            return respond::api_error(&ApiError::invalid_at(
                "published",
                format!(
                    "{} is before the latest version's publication date {latest}",
                    submission.published
                ),
            ))
        }
        Appended::Conflict => {
            return respond::api_error(&ApiError::new(
                ErrorCode::Conflict,
                "another version was published at the same moment; try again",
            ))
        }
    };
    let url = format!("{}{}/v/{number}", respond::origin(&req)?, id.path());
    let r = respond::json(
        &Published {
            number,
            id: id.clone(),
            url: url.clone(),
            published: submission.published,
            effective: submission.effective(),
            received_at,
            findings: submission.findings,
        },
        201,
    )?;
    r.headers().set("Location", &url)?;
    Ok(r)
}

/// The request body, or `None` as soon as it passes `limit` bytes (without reading the rest).
async fn read_limited(req: &mut Request, limit: usize) -> Result<Option<Vec<u8>>> {
    let mut body = Vec::new();
    let mut stream = match req.stream() {
        Ok(s) => s,
        // No body at all.
        Err(_) => return Ok(Some(body)),
    };
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if body.len() + chunk.len() > limit {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}
