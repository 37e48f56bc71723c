//! `/api/v1/orgs/{org}/keys`: the operator creates (`POST`), lists (`GET`) and revokes
//! (`POST …/{id}/revoke`, `DELETE …/{id}`) an organisation's publishing keys. Only the operator
//! token may: a valid key is `403`, anything else `401`. The key is in the `201` answer and
//! nowhere else.

use worker::{Env, Request, Response, Result};

use seloste_schema::api::{ApiError, CreateKey, KeyList, RESERVED_ORGS};
use seloste_schema::Said;

use super::respond;
use crate::auth::Caller;
use crate::clock;
use crate::keys;

/// The largest body of a key request (a label).
const MAX_BODY: usize = 4096;

pub async fn create(mut req: Request, env: &Env, org: &str) -> Result<Response> {
    let now = clock::rfc3339(clock::now_ms());
    if let Err(r) = operator(&req, env, &now).await? {
        return Ok(r);
    }
    if RESERVED_ORGS.contains(&org) {
        return respond::api_error(&ApiError::invalid_said(
            "org",
            Said::ReservedOrg.with(&[("org", org)]),
        ));
    }
    let body = req.bytes().await?;
    if body.len() > MAX_BODY {
        return respond::api_error(&ApiError::too_large(MAX_BODY));
    }
    let request = match CreateKey::from_body(&body) {
        Ok(r) => r,
        Err(e) => return respond::api_error(&e),
    };
    let created = keys::create(env, org, &request.label, &now).await?;
    respond::json(&created, 201)
}

pub async fn list(req: &Request, env: &Env, org: &str) -> Result<Response> {
    let now = clock::rfc3339(clock::now_ms());
    if let Err(r) = operator(req, env, &now).await? {
        return Ok(r);
    }
    let keys = keys::list(env, org).await?;
    respond::json(
        &KeyList {
            org: org.to_owned(),
            keys,
        },
        200,
    )
}

pub async fn revoke(req: &Request, env: &Env, org: &str, id: &str) -> Result<Response> {
    let now = clock::rfc3339(clock::now_ms());
    if let Err(r) = operator(req, env, &now).await? {
        return Ok(r);
    }
    match keys::revoke(env, org, id, &now).await? {
        Some(key) => respond::json(&key, 200),
        None => respond::api_error(&ApiError::not_found(format!("{org} has no key {id}"))),
    }
}

/// The operator, or the answer refusing anyone else.
async fn operator(
    req: &Request,
    env: &Env,
    now: &str,
) -> Result<std::result::Result<(), Response>> {
    match keys::authenticate(req, env, now).await? {
        Ok(Caller::Operator) => Ok(Ok(())),
        Ok(Caller::Key { .. }) => Ok(Err(respond::api_error(&ApiError::forbidden(
            "only the operator token manages keys",
        ))?)),
        Err(r) => Ok(Err(r)),
    }
}
