//! `POST /api/v1/notices/{org}/{notice}/versions`: publish the next version.
//!
//! Order of checks: the token or key (401; 429 after too many failures from one address), the
//! key's organisation (403), the organisation's publish rate (429), the content type (415, only `application/json`), the size
//! (413, from `Content-Length` before reading, and while reading for a body sent without it), then
//! [`Submission::check`] (the schema's `api` rules: 400 for JSON syntax, 422 for anything the
//! schema refuses), the backdating rule (422), then the atomic append (409 `outdated` when the
//! request's `base` is no longer the latest version, 422 for a date before the latest version's). The
//! request and both answers are the schema's types ([`seloste_schema::api`]).

use futures_util::StreamExt;
use worker::{Env, Request, Response, Result};

use seloste_schema::api::{ApiError, ErrorCode, NoticeId, Published, MAX_BODY_BYTES};
use seloste_schema::Said;

use super::respond;
use crate::auth::Caller;
use crate::clock;
use crate::isolate;
use crate::keys;
use crate::limits;
use crate::storage::{Appended, Head, Store};
use crate::submission::{self, Submission};
use seloste_schema::pin;

pub async fn publish(mut req: Request, env: &Env, id: &NoticeId) -> Result<Response> {
    let now = clock::now_ms();
    let received_at = clock::rfc3339(now);
    let caller = match keys::authenticate(&req, env, &received_at).await? {
        Ok(caller) => caller,
        Err(refusal) => return Ok(refusal),
    };
    if !caller.may_publish(id.org()) {
        return respond::api_error(&ApiError::forbidden(format!(
            "this key publishes only its own organisation's notices, not {}'s",
            id.org()
        )));
    }
    if !limits::allow(env, limits::PUBLISHES, id.org()).await? {
        return limits::too_many(&format!("publishes for {}", id.org()));
    }
    if id.is_reserved() {
        return respond::api_error(&ApiError::invalid_said(
            "notice.id",
            Said::ReservedOrg.with(&[("org", id.org())]),
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

    let today = clock::utc_date(now);
    let submission = match Submission::check(&body, id, today) {
        Ok(s) => s,
        Err(e) => return respond::api_error(&e),
    };
    let store = Store::open(env)?;
    // A key may date a version in the past only while importing a history: into a notice that
    // has no version published on the day it was received (the operator may always).
    if submission.published < today
        && caller != Caller::Operator
        && store.has_current_version(id).await?
    {
        return respond::api_error(&ApiError::invalid_said(
            "published",
            Said::BackdatedByKey.with(&[
                ("date", &submission.published.to_string()),
                ("today", &today.to_string()),
            ]),
        ));
    }
    let (key_id, key_label) = caller.stamp();
    let outcome = store
        .append(id, &submission, &received_at, key_id, key_label)
        .await?;
    let number = match outcome {
        Appended::Number(n) => n,
        Appended::BeforeLatest(latest) => {
            return respond::api_error(&ApiError::invalid_said(
                "published",
                Said::BeforeLatest.with(&[
                    ("date", &submission.published.to_string()),
                    ("latest", &latest.to_string()),
                ]),
            ))
        }
        Appended::Outdated(latest) => {
            return respond::api_error(&ApiError {
                latest: Some(latest),
                ..ApiError::new(
                    ErrorCode::Outdated,
                    format!(
                        "version {latest} was published after the version this one started from \
                         ({}); look at its changes before publishing on top of it",
                        submission.request.base.unwrap_or_default()
                    ),
                )
            })
        }
        Appended::Conflict => {
            return respond::api_error(&ApiError::new(
                ErrorCode::Conflict,
                "another version was published at the same moment; try again",
            ))
        }
    };
    // The version's pin, from exactly the JSON just stored; indexed so that its URL resolves.
    let hash = pin::stored_version_hash(
        number,
        &submission.published.to_string(),
        submission.effective().map(|d| d.to_string()).as_deref(),
        &submission.summary_json(),
        &submission.document_json(),
    )
    .map_err(|e| worker::Error::RustError(format!("hashing the version: {e}")))?;
    store.write_pin(id, number, &hash).await?;
    isolate::published(
        id,
        Head {
            number,
            languages: submission.request.notice.languages.clone(),
        },
    );
    let url = format!("{}{}/v/{number}", respond::origin(env)?, id.path());
    let r = respond::json(
        &Published {
            number,
            id: id.clone(),
            url: url.clone(),
            published: submission.published,
            effective: submission.effective(),
            received_at,
            key_id: key_id.map(str::to_owned),
            key_label: Some(key_label.to_owned()),
            findings: submission.findings,
            hash: Some(hash),
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
