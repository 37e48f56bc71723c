//! The edge's HTTP API as types: what a client sends to publish, what the edge answers, and how it
//! refuses. Written once here, so the edge, the command line tool and any future client (an
//! editor in the browser) cannot disagree about a field name, a status or the rules of an id.
//!
//! - `POST /api/v1/notices/{org}/{notice}/versions` takes a [`PublishRequest`] and answers `201`
//!   with [`Published`].
//! - Every refusal is an [`ApiError`]: `{"status", "error", "message", "line"?, "column"?,
//!   "problems"?}` with a stable [`ErrorCode`] and the schema's own [`Problem`]s.
//! - Notices are addressed by a [`NoticeId`], `organisation/notice`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::parse_as;
use crate::notice::Notice;
use crate::text::Text;
use crate::validate::rules::Checker;
use crate::validate::{validate_notice, Problem, Said, Saying, Severity};

/// The largest publish request body the edge reads, and so the largest version it stores:
/// 512 KiB. The largest real notice among the examples is about 30 KB of JSON, so this leaves a
/// margin of more than 15× (a notice ten times the largest example still fits), while bounding
/// what one version costs every request that reads, renders or diffs it.
pub const MAX_BODY_BYTES: usize = 512 * 1024;

/// No version may be dated before this year (the Data Protection Directive, 95/46/EC, the first
/// of [`crate::date::YEARS`]): an older date is a typo or an attempt to make a notice look older
/// than it is.
pub const EARLIEST_PUBLISHED_YEAR: i32 = *crate::date::YEARS.start();

/// Organisation names that would collide with the edge's own top-level paths (`/api/…`,
/// `/widget/…`, `/ns/…`, the editor's `/edit/…`): no notice can be published under them.
pub const RESERVED_ORGS: [&str; 4] = ["api", "widget", "ns", "edit"];

/// One part of a notice id: `^[a-z0-9][a-z0-9-]{0,62}$`, lower-case ASCII letters, digits and
/// dashes, not starting with a dash. Safe in URLs, cache keys and file names without escaping.
pub fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    let ok = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    (1..=63).contains(&b.len()) && ok(&b[0]) && b[1..].iter().all(|c| ok(c) || *c == b'-')
}

/// A checked `organisation/notice` id. Holding one means both parts are slugs ([`is_slug`]), so it
/// can go into a URL, a storage query or a cache key as it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NoticeId {
    org: String,
    notice: String,
}

/// Why a string is not a [`NoticeId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidNoticeId;

impl fmt::Display for InvalidNoticeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "organisation and notice ids are 1–63 of a-z, 0-9 and '-', not starting with '-'",
        )
    }
}

impl std::error::Error for InvalidNoticeId {}

impl NoticeId {
    /// Both parts checked with [`is_slug`].
    pub fn new(org: &str, notice: &str) -> Result<Self, InvalidNoticeId> {
        if is_slug(org) && is_slug(notice) {
            Ok(NoticeId {
                org: org.to_owned(),
                notice: notice.to_owned(),
            })
        } else {
            Err(InvalidNoticeId)
        }
    }

    pub fn org(&self) -> &str {
        &self.org
    }

    pub fn notice(&self) -> &str {
        &self.notice
    }

    /// The URL path of the notice's page on the edge: `/org/notice`.
    pub fn path(&self) -> String {
        format!("/{}/{}", self.org, self.notice)
    }

    /// Whether the organisation is one of [`RESERVED_ORGS`] (such a notice cannot be published).
    pub fn is_reserved(&self) -> bool {
        RESERVED_ORGS.contains(&self.org.as_str())
    }
}

impl FromStr for NoticeId {
    type Err = InvalidNoticeId;

    /// `organisation/notice`, exactly one slash.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (org, notice) = s.split_once('/').ok_or(InvalidNoticeId)?;
        NoticeId::new(org, notice)
    }
}

impl fmt::Display for NoticeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.org, self.notice)
    }
}

impl Serialize for NoticeId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NoticeId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// `POST /api/v1/notices/{org}/{notice}/versions`: the next version of a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishRequest {
    pub notice: Notice,
    /// What changed, for the change log and the feed.
    pub summary: Text,
    /// The day the version takes effect, when later than its publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The publication date, for importing an existing history with its real dates; the edge's
    /// UTC day when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The latest version number the author started from (`0`: the notice had none). When given,
    /// the edge appends only if that is still the latest version, and otherwise answers `409`
    /// [`ErrorCode::Outdated`] with the newer number in [`ApiError::latest`]: an editor tab then
    /// shows the other author's change instead of publishing over it unseen. Absent: no check
    /// (CI publishing a file that is the source of truth).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<u32>,
}

impl PublishRequest {
    /// Reads a request body: over [`MAX_BODY_BYTES`] is `413`, bytes that are not UTF-8 or not
    /// JSON are `400 invalid_json` (with line and column), JSON of the wrong shape is
    /// `422 invalid_notice` with the JSON path of the value at fault.
    pub fn from_body(body: &[u8]) -> Result<Self, ApiError> {
        if body.len() > MAX_BODY_BYTES {
            return Err(ApiError::too_large(MAX_BODY_BYTES));
        }
        let text = std::str::from_utf8(body).map_err(|e| {
            ApiError::new(
                ErrorCode::InvalidJson,
                format!("the body is not UTF-8: {e}"),
            )
        })?;
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(ApiError::invalid_json(&e));
        }
        parse_as(text).map_err(|e| {
            let path = if e.path.is_empty() { "." } else { &e.path };
            ApiError {
                line: Some(e.line),
                column: Some(e.column),
                ..ApiError::invalid_said(path, Said::Misshapen.with(&[("detail", &e.message)]))
            }
        })
    }

    /// The publication date the version gets when the edge's UTC day is `today`.
    pub fn published_on(&self, today: Date) -> Date {
        self.published.unwrap_or(today)
    }

    /// Every rule the request must meet to become the next version of `id` on `today`: the
    /// notice's id is the URL's, the publication date is not in the future, and the schema's
    /// validation of the notice, its summary and its dates finds no error. Returns the
    /// non-blocking findings (paths as in the body: `notice.…`, `summary`), or the `422`.
    ///
    /// That a version is not dated before the previous one is for storage to check, atomically
    /// with the append.
    pub fn check(&self, id: &NoticeId, today: Date) -> Result<Vec<Problem>, ApiError> {
        if self.notice.id != id.to_string() {
            return Err(ApiError::invalid_said(
                "notice.id",
                Said::IdNotInUrl.with(&[("id", &self.notice.id), ("url", &id.to_string())]),
            ));
        }
        let published = self.published_on(today);
        if published > today {
            return Err(ApiError::invalid_said(
                "published",
                Said::PublishedInFuture.with(&[
                    ("date", &published.to_string()),
                    ("today", &today.to_string()),
                ]),
            ));
        }
        if published.year() < EARLIEST_PUBLISHED_YEAR {
            return Err(ApiError::invalid_said(
                "published",
                Said::PublishedTooEarly.with(&[
                    ("date", &published.to_string()),
                    ("year", &EARLIEST_PUBLISHED_YEAR.to_string()),
                ]),
            ));
        }
        let mut problems: Vec<Problem> = validate_notice(&self.notice)
            .problems
            .into_iter()
            .map(|p| p.under("notice"))
            .collect();
        let mut request = Checker::new(&self.notice.languages, "");
        request.effective_date(published, self.effective, "effective");
        request.summary(&self.summary, "summary");
        problems.extend(request.into_problems());
        problems.sort_by_key(|p| p.severity);

        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        if errors > 0 {
            return Err(ApiError {
                problems,
                ..ApiError::new(
                    ErrorCode::InvalidNotice,
                    format!("the notice has {errors} error(s); nothing was published"),
                )
            });
        }
        Ok(problems)
    }
}

/// The `201` answer to a publish: where the new version lives and what GDPR elements it lacks.
/// The same URL is in the `Location` header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub number: u32,
    pub id: NoticeId,
    /// The version's own page, `…/{org}/{notice}/v/{number}`.
    pub url: String,
    pub published: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// When the edge received the version, RFC 3339 UTC with milliseconds.
    pub received_at: String,
    /// The key that published it (its id, never the key itself); absent for the operator token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    /// That key's label, or `operator` for the operator token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_label: Option<String>,
    /// Completeness findings: what GDPR asks for that the notice does not say (not blocking).
    #[serde(default)]
    pub findings: Vec<Problem>,
    /// The version's pin: SHA-256 of its canonical JSON ([`crate::pin`]); absent from edges
    /// older than pins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

/// A version as the read API answers it (`…/versions/{n}`, `…/sha256/{hash}`, the notice's
/// `latest`): the [`Version`] and its pin. The hash is of the version without this field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PinnedVersion<'a> {
    #[serde(flatten)]
    pub version: &'a crate::history::Version,
    /// SHA-256 of the version's canonical JSON, lower-case hex ([`crate::pin`]).
    pub hash: &'a str,
}

/// The stable, machine-readable reason of an [`ApiError`]; each has one HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: the body is not UTF-8 JSON.
    InvalidJson,
    /// 400: an organisation or notice id in the URL breaks the id rule.
    InvalidId,
    /// 400: the request itself is malformed (e.g. a `Host` that forms no URL).
    BadRequest,
    /// 401: publishing without the right token, or with an unknown or revoked key.
    Unauthorized,
    /// 403: a valid key, but not for this organisation (or for managing keys, which needs the
    /// operator token).
    Forbidden,
    /// 404: no such notice, version or API URL.
    NotFound,
    /// 405: the URL exists, not for this method (`Allow` lists those that work).
    MethodNotAllowed,
    /// 409: another version was appended at the same moment.
    Conflict,
    /// 409: the request's `base` is no longer the latest version (see [`ApiError::latest`]).
    Outdated,
    /// 413: the body is over [`MAX_BODY_BYTES`].
    TooLarge,
    /// 415: the body is not sent as `application/json`.
    UnsupportedMediaType,
    /// 422: the body's shape, the notice or the dates are refused (see `problems`).
    InvalidNotice,
    /// 429: too many failed authentications from this address, or publishes for this
    /// organisation; `Retry-After` says when to try again.
    RateLimited,
    /// 500: the edge failed; the details are in its log.
    Internal,
    /// 503: publishing is not configured on this edge.
    NotConfigured,
    /// 503: the edge was built without the widget bundle.
    WidgetNotBuilt,
    /// A code this client does not know yet (from a newer edge).
    #[serde(other)]
    Unknown,
}

impl ErrorCode {
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::InvalidJson | ErrorCode::InvalidId | ErrorCode::BadRequest => 400,
            ErrorCode::Unauthorized => 401,
            ErrorCode::Forbidden => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Conflict | ErrorCode::Outdated => 409,
            ErrorCode::TooLarge => 413,
            ErrorCode::UnsupportedMediaType => 415,
            ErrorCode::InvalidNotice => 422,
            ErrorCode::RateLimited => 429,
            ErrorCode::Internal | ErrorCode::Unknown => 500,
            ErrorCode::NotConfigured | ErrorCode::WidgetNotBuilt => 503,
        }
    }
}

/// An error answer of the API: a status and a body a client (or a person with `curl`) can act
/// on, e.g. `{"status": 422, "error": "invalid_notice", "message": "…", "problems": [{"severity",
/// "path", "message", "article"?}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// The HTTP status, repeated in the body for clients that only keep the body.
    pub status: u16,
    pub error: ErrorCode,
    pub message: String,
    /// For `invalid_json` and shape errors: where in the body, 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// For `invalid_notice`: every problem, errors first, each at its JSON path in the body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
    /// For `outdated`: the notice's latest version number now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<u32>,
}

impl ApiError {
    /// An error with `code`'s status.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            status: code.status(),
            error: code,
            message: message.into(),
            line: None,
            column: None,
            problems: Vec::new(),
            latest: None,
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn bad_id() -> Self {
        Self::new(ErrorCode::InvalidId, InvalidNoticeId.to_string())
    }

    pub fn unauthorized() -> Self {
        Self::new(
            ErrorCode::Unauthorized,
            "publishing needs `Authorization: Bearer <key>` with a key of the notice's organisation \
             (or the operator token)",
        )
    }

    /// A valid key used outside its organisation (or for what only the operator may do).
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Forbidden, message)
    }

    pub fn too_large(limit: usize) -> Self {
        Self::new(
            ErrorCode::TooLarge,
            format!("the request body is over the limit of {limit} bytes"),
        )
    }

    /// A JSON syntax error, with its line and column.
    pub fn invalid_json(e: &serde_json::Error) -> Self {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |i| &message[..i]);
        ApiError {
            line: Some(e.line()),
            column: Some(e.column()),
            ..Self::new(
                ErrorCode::InvalidJson,
                format!(
                    "not valid JSON at line {}, column {}: {message}",
                    e.line(),
                    e.column()
                ),
            )
        }
    }

    /// A 422 with one error at `path`.
    pub fn invalid_at(path: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError {
            problems: vec![Problem::english(Severity::Error, path, message.clone())],
            ..Self::new(ErrorCode::InvalidNotice, format!("{path}: {message}"))
        }
    }

    /// A 422 with one error at `path` that validation's catalogue says, so a client can show it
    /// in its reader's language.
    pub fn invalid_said(path: &str, saying: Saying) -> Self {
        let problem = Problem::said(Severity::Error, path, saying);
        let message = format!("{path}: {}", problem.message);
        ApiError {
            problems: vec![problem],
            ..Self::new(ErrorCode::InvalidNotice, message)
        }
    }

    pub fn internal() -> Self {
        Self::new(
            ErrorCode::Internal,
            "something went wrong on the server; the error has been logged",
        )
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an error serializes")
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}: {}", self.status, self.message)
    }
}

impl std::error::Error for ApiError {}

mod keys;
pub use keys::{CreateKey, CreatedKey, KeyInfo, KeyList, MAX_LABEL_CHARS};

#[cfg(test)]
mod tests;
