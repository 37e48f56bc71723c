//! `seloste publish FILE --to URL`: publish a notice, or every version of a history the edge does
//! not have yet, through the edge's publishing API (`POST /api/v1/notices/{org}/{notice}/versions`).
//!
//! Publishing is idempotent: versions the edge already holds are compared with the file (a
//! difference is an error, since published history never changes) and skipped. A history's
//! versions are sent with `base` (the number before theirs), so a version never lands on top of
//! one the file has not seen (someone else's, published meanwhile): the edge answers `409
//! outdated` instead. A single notice file is the source of truth and publishes without `base`.

use std::path::Path;

use seloste_schema::api::{ApiError, ErrorCode, NoticeId, PublishRequest, Published};
use seloste_schema::{Document, HistoryFile, Notice, Severity, Text};

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
            let id = notice_id(file, &notice.id)?;
            let published = edge.published(&id)?;
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
            edge.publish(
                &PublishRequest {
                    notice: *notice,
                    summary,
                    effective: None,
                    published: None,
                    base: None,
                },
                &id,
            )?;
        }
        Document::History(history) => {
            let id = notice_id(file, &history.id)?;
            let published = edge.published(&id)?;
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
            // The edge numbers versions 1, 2, … in order: the one at index i follows version i.
            for (before, v) in (0u32..).zip(history.versions).skip(published.len()) {
                let request = PublishRequest {
                    base: Some(before),
                    notice: v.notice,
                    summary: v.summary,
                    effective: v.effective,
                    published: Some(v.published),
                };
                edge.publish(&request, &id)?;
            }
        }
    }
    Ok(0)
}

/// The file's notice id, checked before it becomes part of a URL.
fn notice_id(file: &Path, id: &str) -> Result<NoticeId, String> {
    id.parse().map_err(|e| {
        format!(
            "{}: the id `{id}` is not organisation/notice: {e}",
            file.display()
        )
    })
}

fn default_summary(notice: &Notice, first: bool) -> Text {
    use seloste_schema::Message;
    let words = if first {
        Message::FirstVersion
    } else {
        Message::UpdatedVersion
    };
    notice
        .languages
        .iter()
        .fold(Text::default(), |t, lang| t.with(lang, words.get(lang)))
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
    /// The versions the edge holds of `id`, oldest first (none if it does not know the notice),
    /// read a page at a time (the history API's `Link: <…>; rel="next"`).
    fn published(&self, id: &NoticeId) -> Result<Vec<seloste_schema::Version>, String> {
        let mut versions = Vec::new();
        let mut url = format!("{}/api/v1/notices/{id}/history", self.base);
        loop {
            let mut resp = self
                .agent
                .get(&url)
                .call()
                .map_err(|e| format!("{url}: {e}"))?;
            let status = resp.status().as_u16();
            let next = resp
                .headers()
                .get("link")
                .and_then(|l| l.to_str().ok())
                .and_then(next_link)
                .map(|l| match l.strip_prefix('/') {
                    Some(path) => format!("{}/{path}", self.base),
                    None => l.to_owned(),
                });
            let body = resp
                .body_mut()
                .with_config()
                .limit(64 * 1024 * 1024)
                .read_to_string()
                .map_err(|e| format!("{url}: {e}"))?;
            match status {
                404 if versions.is_empty() => return Ok(versions),
                200 => versions.extend(
                    serde_json::from_str::<HistoryFile>(&body)
                        .map_err(|e| format!("{url}: unexpected answer: {e}"))?
                        .versions,
                ),
                s => return Err(format!("{url}: HTTP {s}: {}", first_line(&body))),
            }
            match next {
                Some(n) => url = n,
                None => return Ok(versions),
            }
        }
    }

    fn publish(&self, request: &PublishRequest, id: &NoticeId) -> Result<(), String> {
        let url = format!("{}/api/v1/notices/{id}/versions", self.base);
        let body = serde_json::to_string(request).expect("a publish request serializes");
        let mut resp = self
            .agent
            .post(&url)
            .header("Authorization", &format!("Bearer {}", self.token))
            .content_type("application/json")
            .send(body)
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
        if status == 201 {
            let answer: Published = serde_json::from_str(&text)
                .map_err(|e| format!("{url}: unexpected answer to a publish: {e}"))?;
            // `Location` may be absolute or relative to the edge.
            let url = match location {
                Some(l) if l.starts_with("http://") || l.starts_with("https://") => l,
                Some(l) => format!("{}{l}", self.base),
                None => answer.url,
            };
            match &answer.hash {
                Some(hash) => println!(
                    "{id}: published version {}: {url} (sha256 {hash})",
                    answer.number
                ),
                None => println!("{id}: published version {}: {url}", answer.number),
            }
            return Ok(());
        }
        // Anything else is an `ApiError`, unless something in between (a proxy) answered.
        let Ok(error) = serde_json::from_str::<ApiError>(&text) else {
            return Err(format!("{url}: HTTP {status}: {}", first_line(&text)));
        };
        Err(match error.error {
            ErrorCode::Unauthorized => {
                format!("{url}: the edge refused the token (SELOSTE_TOKEN): unknown or revoked")
            }
            ErrorCode::Forbidden => {
                format!("{url}: the key (SELOSTE_TOKEN) is for another organisation than {id}")
            }
            ErrorCode::RateLimited => {
                format!(
                    "{url}: too many publishes; try again in a minute ({})",
                    error.message
                )
            }
            ErrorCode::Outdated => format!(
                "{url}: the edge has version {} of {id}, which this file does not: someone \
                 published meanwhile; nothing was published",
                error.latest.unwrap_or_default()
            ),
            ErrorCode::InvalidNotice => {
                let mut msg = format!("{url}: the edge found the notice invalid:");
                for p in error
                    .problems
                    .iter()
                    .filter(|p| p.severity == Severity::Error)
                {
                    msg.push_str(&format!("\n  {}: {}", p.path, p.message));
                }
                msg
            }
            _ => format!("{url}: {error}"),
        })
    }
}

/// The target of the `rel="next"` link in a `Link` header (RFC 8288), if any.
fn next_link(header: &str) -> Option<&str> {
    header.split(',').find_map(|link| {
        let (target, params) = link.trim().split_once(';')?;
        let is_next = params
            .split(';')
            .any(|p| matches!(p.trim(), "rel=\"next\"" | "rel=next"));
        is_next.then(|| target.trim().trim_start_matches('<').trim_end_matches('>'))
    })
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}
