//! `seloste keys create|list|revoke ORG … --to URL`: the operator manages an organisation's
//! publishing keys through the edge's `/api/v1/orgs/{org}/keys` API, with the operator token from
//! `SELOSTE_OPERATOR_TOKEN`. A new key is printed once (the edge keeps only its hash); give it to
//! the organisation as its `SELOSTE_TOKEN`.

use serde::de::DeserializeOwned;

use seloste_schema::api::{is_slug, ApiError, CreateKey, CreatedKey, KeyInfo, KeyList};

/// `seloste keys create ORG --label LABEL --to URL [--json]`.
pub fn create(org: &str, label: &str, to: &str, json: bool) -> Result<u8, String> {
    let edge = Operator::new(org, to)?;
    let body = serde_json::to_string(&CreateKey {
        label: label.to_owned(),
    })
    .expect("a key request serializes");
    let created: CreatedKey = edge.call("POST", "", Some(body), 201)?;
    if json {
        let out = serde_json::json!({ "id": created.id, "key": created.key });
        println!("{out}");
    } else {
        println!(
            "created key {} for {} ({}); it is shown only now:\n{}",
            created.id, created.org, created.label, created.key
        );
    }
    Ok(0)
}

/// `seloste keys list ORG --to URL`: every key, oldest first, never the keys themselves.
pub fn list(org: &str, to: &str, json: bool) -> Result<u8, String> {
    let edge = Operator::new(org, to)?;
    let list: KeyList = edge.call("GET", "", None, 200)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&list).expect("a list serializes")
        );
        return Ok(0);
    }
    if list.keys.is_empty() {
        println!("{org} has no keys");
    }
    for k in &list.keys {
        println!("{}", line(k));
    }
    Ok(0)
}

/// `seloste keys revoke ORG ID --to URL`.
pub fn revoke(org: &str, id: &str, to: &str) -> Result<u8, String> {
    if !(id.len() == 17 && id.starts_with('k')) {
        return Err(format!("`{id}` is not a key id (k and 16 hex digits)"));
    }
    let edge = Operator::new(org, to)?;
    let key: KeyInfo = edge.call("POST", &format!("/{id}/revoke"), None, 200)?;
    println!("{}", line(&key));
    Ok(0)
}

fn line(k: &KeyInfo) -> String {
    let state = match (&k.revoked_at, &k.last_used_at) {
        (Some(at), _) => format!("revoked {at}"),
        (None, Some(at)) => format!("last used {at}"),
        (None, None) => "never used".to_owned(),
    };
    format!("{}  {}  created {}  {state}", k.id, k.label, k.created_at)
}

struct Operator {
    url: String,
    token: String,
    agent: ureq::Agent,
}

impl Operator {
    fn new(org: &str, to: &str) -> Result<Self, String> {
        if !is_slug(org) {
            return Err(format!(
                "`{org}` is not an organisation id (1–63 of a-z, 0-9 and '-')"
            ));
        }
        let token = std::env::var("SELOSTE_OPERATOR_TOKEN")
            .map_err(|_| "set SELOSTE_OPERATOR_TOKEN to the edge's operator token".to_owned())?;
        Ok(Operator {
            url: format!("{}/api/v1/orgs/{org}/keys", to.trim_end_matches('/')),
            token,
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into(),
        })
    }

    /// Sends the request and reads the answer as `T` when the status is `ok`, else the
    /// [`ApiError`].
    fn call<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
        ok: u16,
    ) -> Result<T, String> {
        let url = format!("{}{path}", self.url);
        let auth = format!("Bearer {}", self.token);
        let sent = match (method, body) {
            ("POST", Some(body)) => self
                .agent
                .post(&url)
                .header("Authorization", &auth)
                .content_type("application/json")
                .send(body),
            ("POST", None) => self
                .agent
                .post(&url)
                .header("Authorization", &auth)
                .send_empty(),
            _ => self.agent.get(&url).header("Authorization", &auth).call(),
        };
        let mut resp = sent.map_err(|e| format!("{url}: {e}"))?;
        let status = resp.status().as_u16();
        let text = resp
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("{url}: {e}"))?;
        if status == ok {
            return serde_json::from_str(&text)
                .map_err(|e| format!("{url}: unexpected answer: {e}"));
        }
        match serde_json::from_str::<ApiError>(&text) {
            Ok(e) if e.status == 401 => Err(format!(
                "{url}: the edge refused the operator token (SELOSTE_OPERATOR_TOKEN)"
            )),
            Ok(e) => Err(format!("{url}: {e}")),
            Err(_) => Err(format!(
                "{url}: HTTP {status}: {}",
                text.lines().next().unwrap_or("")
            )),
        }
    }
}
