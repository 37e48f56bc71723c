//! `seloste publish FILE --to URL`: publish a notice, or every version of a history the edge does
//! not have yet, through the edge's publishing API (`POST /api/v1/notices/{org}/{notice}/versions`).
//!
//! Publishing is idempotent: versions the edge already holds are compared with the file (a
//! difference is an error, since published history never changes) and skipped.

use std::path::Path;

use serde_json::{json, Value};

use seloste_schema::{Document, HistoryFile, Notice, Text};

use crate::input::read_document;

pub fn run(file: &Path, to: &str, summary: Option<&str>) -> Result<u8, String> {
    let token = std::env::var("SELOSTE_TOKEN")
        .map_err(|_| "set SELOSTE_TOKEN to the edge's publishing token".to_owned())?;
    let edge = Edge {
        base: to.trim_end_matches('/').to_owned(),
        token,
        agent: agent(),
    };
    match read_document(file)? {
        Document::Notice(notice) => {
            let published = edge.published(&notice.id)?;
            if published.last().is_some_and(|v| v.notice == *notice) {
                println!(
                    "{}: already published as version {}",
                    notice.id,
                    published.len()
                );
                return Ok(0);
            }
            let summary = match summary {
                Some(s) => Text::new(notice.main_language(), s),
                None => default_summary(&notice, published.is_empty()),
            };
            edge.publish(&json!({ "notice": notice, "summary": summary }), &notice.id)?;
        }
        Document::History(history) => {
            let published = edge.published(&history.id)?;
            for (have, want) in published.iter().zip(&history.versions) {
                if have.notice != want.notice {
                    return Err(format!(
                        "{}: version {} on the edge differs from the file; published versions never change",
                        history.id, have.number
                    ));
                }
            }
            if published.len() >= history.versions.len() {
                println!(
                    "{}: all {} versions already published",
                    history.id,
                    history.versions.len()
                );
            }
            for v in history.versions.iter().skip(published.len()) {
                let mut body =
                    json!({ "notice": v.notice, "summary": v.summary, "published": v.published });
                if let Some(e) = v.effective {
                    body["effective"] = json!(e);
                }
                edge.publish(&body, &history.id)?;
            }
        }
    }
    Ok(0)
}

fn default_summary(notice: &Notice, first: bool) -> Text {
    let mut t = Text::default();
    for lang in &notice.languages {
        let words = match (seloste_schema::date::primary_subtag(lang), first) {
            ("fi", true) => "Ensimmäinen julkaistu versio.",
            ("fi", false) => "Päivitetty versio.",
            ("sv", true) => "Första publicerade versionen.",
            ("sv", false) => "Uppdaterad version.",
            (_, true) => "First published version.",
            (_, false) => "Updated version.",
        };
        t = t.with(lang, words);
    }
    t
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

struct Edge {
    base: String,
    token: String,
    agent: ureq::Agent,
}

impl Edge {
    /// The versions the edge holds of `id`, oldest first (none if it does not know the notice).
    fn published(&self, id: &str) -> Result<Vec<seloste_schema::Version>, String> {
        let url = format!("{}/api/v1/notices/{id}/history", self.base);
        let mut resp = self
            .agent
            .get(&url)
            .call()
            .map_err(|e| format!("{url}: {e}"))?;
        let status = resp.status().as_u16();
        let body = resp
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("{url}: {e}"))?;
        match status {
            404 => Ok(Vec::new()),
            200 => serde_json::from_str::<HistoryFile>(&body)
                .map(|h| h.versions)
                .map_err(|e| format!("{url}: unexpected answer: {e}")),
            s => Err(format!("{url}: HTTP {s}: {}", first_line(&body))),
        }
    }

    fn publish(&self, body: &Value, id: &str) -> Result<(), String> {
        let url = format!("{}/api/v1/notices/{id}/versions", self.base);
        let mut resp = self
            .agent
            .post(&url)
            .header("Authorization", &format!("Bearer {}", self.token))
            .content_type("application/json")
            .send(body.to_string())
            .map_err(|e| format!("{url}: {e}"))?;
        let status = resp.status().as_u16();
        let location = resp
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .map(str::to_owned);
        let text = resp
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("{url}: {e}"))?;
        let answer: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        match status {
            201 => {
                let n = answer["number"]
                    .as_u64()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "?".into());
                // `Location` may be absolute or relative to the edge.
                let url = match location {
                    Some(l) if l.starts_with("http://") || l.starts_with("https://") => l,
                    Some(l) => format!("{}{l}", self.base),
                    None => String::new(),
                };
                println!("{id}: published version {n}: {url}");
                Ok(())
            }
            401 | 403 => Err(format!("{url}: the edge refused the token (SELOSTE_TOKEN)")),
            422 => {
                let mut msg = format!("{url}: the edge found the notice invalid:");
                for p in answer["problems"].as_array().into_iter().flatten() {
                    msg.push_str(&format!(
                        "\n  {}: {}",
                        p["path"].as_str().unwrap_or("."),
                        p["message"].as_str().unwrap_or("")
                    ));
                }
                Err(msg)
            }
            s => Err(format!("{url}: HTTP {s}: {}", first_line(&text))),
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}
