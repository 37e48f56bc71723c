//! D1: publishing keys (`migrations/0002_keys.sql`), stored only as the SHA-256 of the key, and
//! the authentication of a request (operator token or key). See [`crate::auth`] for the pure rules.

use serde::Deserialize;
use worker::{Env, Request, Response, Result};

use seloste_schema::api::{ApiError, CreatedKey, ErrorCode, KeyInfo};

use crate::auth::{self, Caller};
use crate::limits;
use crate::routes::respond;
use crate::storage::BINDING;

/// The Worker secret holding the operator token (`wrangler secret put PUBLISH_TOKEN`).
pub const OPERATOR_SECRET: &str = "PUBLISH_TOKEN";

#[derive(Deserialize)]
struct KeyRow {
    id: String,
    org: String,
    label: String,
    created_at: String,
    last_used_at: Option<String>,
    revoked_at: Option<String>,
}

impl From<KeyRow> for KeyInfo {
    fn from(r: KeyRow) -> Self {
        KeyInfo {
            id: r.id,
            org: r.org,
            label: r.label,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        }
    }
}

const COLUMNS: &str = "id, org, label, created_at, last_used_at, revoked_at";

/// Who sent `req`, or the answer refusing it: `503` when the operator secret is unset, `401`
/// (with `WWW-Authenticate`) for no, an unknown or a revoked key, `429` when this address failed
/// too often. A key that authenticates has its last use noted.
pub async fn authenticate(
    req: &Request,
    env: &Env,
    now: &str,
) -> Result<std::result::Result<Caller, Response>> {
    let Ok(operator) = env.secret(OPERATOR_SECRET) else {
        worker::console_error!("refused: the secret {OPERATOR_SECRET} is not set");
        return Ok(Err(respond::api_error(&ApiError::new(
            ErrorCode::NotConfigured,
            "publishing is not configured on this edge",
        ))?));
    };
    let header = req.headers().get("Authorization")?;
    let token = header.as_deref().and_then(auth::bearer);
    if let Some(token) = token {
        if auth::token_matches(token, &operator.to_string()) {
            return Ok(Ok(Caller::Operator));
        }
        if auth::looks_like_key(token) {
            if let Some(caller) = use_key(env, token, now).await? {
                return Ok(Ok(caller));
            }
        }
    }
    let address = req
        .headers()
        .get("CF-Connecting-IP")?
        .unwrap_or_else(|| "unknown".into());
    if !limits::allow(env, limits::AUTH_FAILURES, &address).await? {
        return Ok(Err(limits::too_many("failed authentications")?));
    }
    let r = respond::api_error(&ApiError::unauthorized())?;
    r.headers()
        .set("WWW-Authenticate", "Bearer realm=\"seloste\"")?;
    Ok(Err(r))
}

/// The live key whose hash is `key`'s, its last use set to `now`.
async fn use_key(env: &Env, key: &str, now: &str) -> Result<Option<Caller>> {
    let db = env.d1(BINDING)?;
    let row = db
        .prepare(
            "UPDATE keys SET last_used_at = ?2 WHERE key_hash = ?1 AND revoked_at IS NULL \
             RETURNING id, org, label, created_at, last_used_at, revoked_at",
        )
        .bind(&[auth::key_hash(key).into(), now.into()])?
        .first::<KeyRow>(None)
        .await?;
    Ok(row.map(|r| Caller::Key {
        id: r.id,
        org: r.org,
        label: r.label,
    }))
}

/// A new key for `org`: 256 random bits from the platform's CSPRNG, stored as its hash.
pub async fn create(env: &Env, org: &str, label: &str, now: &str) -> Result<CreatedKey> {
    let mut secret = [0u8; 32];
    let mut id = [0u8; 8];
    getrandom::getrandom(&mut secret)
        .and_then(|()| getrandom::getrandom(&mut id))
        .map_err(|e| worker::Error::RustError(format!("no randomness: {e}")))?;
    let key = auth::key_from(&secret);
    let id = auth::key_id_from(&id);
    env.d1(BINDING)?
        .prepare(
            "INSERT INTO keys (id, org, label, key_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .bind(&[
            id.clone().into(),
            org.into(),
            label.into(),
            auth::key_hash(&key).into(),
            now.into(),
        ])?
        .run()
        .await?;
    Ok(CreatedKey {
        id,
        org: org.to_owned(),
        label: label.to_owned(),
        key,
        created_at: now.to_owned(),
    })
}

/// Every key `org` ever had, oldest first.
pub async fn list(env: &Env, org: &str) -> Result<Vec<KeyInfo>> {
    let rows = env
        .d1(BINDING)?
        .prepare(format!(
            "SELECT {COLUMNS} FROM keys WHERE org = ?1 ORDER BY created_at, id"
        ))
        .bind(&[org.into()])?
        .all()
        .await?
        .results::<KeyRow>()?;
    Ok(rows.into_iter().map(KeyInfo::from).collect())
}

/// Revokes key `id` of `org` (once: revoking again keeps the first time); `None` if `org` has
/// no such key.
pub async fn revoke(env: &Env, org: &str, id: &str, now: &str) -> Result<Option<KeyInfo>> {
    let db = env.d1(BINDING)?;
    db.prepare("UPDATE keys SET revoked_at = ?3 WHERE org = ?1 AND id = ?2 AND revoked_at IS NULL")
        .bind(&[org.into(), id.into(), now.into()])?
        .run()
        .await?;
    let row = db
        .prepare(format!(
            "SELECT {COLUMNS} FROM keys WHERE org = ?1 AND id = ?2"
        ))
        .bind(&[org.into(), id.into()])?
        .first::<KeyRow>(None)
        .await?;
    Ok(row.map(KeyInfo::from))
}
