//! The checks a publish request goes through before it reaches storage, in the order a client
//! would want to hear about them: JSON syntax (400 with line and column), the shape of the body
//! (422 with the JSON path), the notice's id against the URL, dates, then the schema crate's
//! validation. Only errors block publishing; completeness findings are returned with the 201.
//!
//! The rule that a publication date is not before the latest version's is checked by storage, in
//! the same statement that appends the version, so that no concurrent publish can slip between.

use serde::Deserialize;

use seloste_schema::document::parse_as;
use seloste_schema::validate::{validate_notice, Problem, Severity};
use seloste_schema::{Date, Notice, Text};

use crate::errors::{ApiError, ProblemJson};
use crate::ids::NoticeId;

/// The largest request body the edge reads: 1 MiB, far above any real notice (they are tens of KB).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// `POST /api/v1/notices/{org}/{notice}/versions` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PublishBody {
    notice: Notice,
    summary: Text,
    #[serde(default)]
    effective: Option<Date>,
    /// Lets an existing history be imported with its real dates; default today (UTC).
    #[serde(default)]
    published: Option<Date>,
}

/// A publish request that passed every check: ready to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub notice: Notice,
    pub summary: Text,
    pub published: Date,
    pub effective: Option<Date>,
    /// Completeness findings and other non-blocking problems, for the client to show.
    pub findings: Vec<ProblemJson>,
}

impl Submission {
    /// The notice as stored: serialized by the schema crate, so reading it back always parses.
    pub fn document_json(&self) -> String {
        serde_json::to_string(&self.notice).expect("a notice serializes")
    }

    pub fn summary_json(&self) -> String {
        serde_json::to_string(&self.summary).expect("a summary serializes")
    }
}

/// Whether a `Content-Type` header value names JSON: `application/json`, any case, parameters
/// such as `; charset=utf-8` allowed. A missing header is not JSON.
pub fn is_json_content_type(value: Option<&str>) -> bool {
    value.is_some_and(|v| {
        v.split(';')
            .next()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
    })
}

/// Checks a publish request body for the notice `id`, `today` being the server's UTC date.
pub fn check(body: &[u8], id: &NoticeId, today: Date) -> Result<Submission, ApiError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(ApiError::too_large(MAX_BODY_BYTES));
    }
    let text = std::str::from_utf8(body)
        .map_err(|e| ApiError::new(400, "invalid_json", format!("the body is not UTF-8: {e}")))?;
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |i| &message[..i]);
        return Err(ApiError {
            line: Some(e.line()),
            column: Some(e.column()),
            ..ApiError::new(
                400,
                "invalid_json",
                format!(
                    "not valid JSON at line {}, column {}: {message}",
                    e.line(),
                    e.column()
                ),
            )
        });
    }
    let body: PublishBody = parse_as(text).map_err(|e| {
        let path = if e.path == "." || e.path.is_empty() {
            ".".to_owned()
        } else {
            e.path.clone()
        };
        ApiError {
            line: Some(e.line),
            column: Some(e.column),
            ..ApiError::invalid_at(&path, e.message)
        }
    })?;

    if body.notice.id != id.to_string() {
        return Err(ApiError::invalid_at(
            "notice.id",
            format!(
                "the notice's id `{}` is not the id in the URL, `{id}`",
                body.notice.id
            ),
        ));
    }
    let published = body.published.unwrap_or(today);
    if published > today {
        return Err(ApiError::invalid_at(
            "published",
            format!("{published} is in the future (today is {today} UTC)"),
        ));
    }
    if let Some(effective) = body.effective {
        if effective < published {
            return Err(ApiError::invalid_at(
                "effective",
                format!(
                    "the effective date {effective} is before the publication date {published}"
                ),
            ));
        }
    }

    let mut problems: Vec<ProblemJson> = validate_notice(&body.notice)
        .problems
        .iter()
        .map(|p| problem_json(p, "notice"))
        .collect();
    problems.extend(check_summary(&body.summary, &body.notice.languages));
    problems.sort_by_key(|p| p.severity != "error");

    if problems.iter().any(|p| p.severity == "error") {
        let errors = problems.iter().filter(|p| p.severity == "error").count();
        return Err(ApiError {
            problems,
            ..ApiError::new(
                422,
                "invalid_notice",
                format!("the notice has {errors} error(s); nothing was published"),
            )
        });
    }
    Ok(Submission {
        notice: body.notice,
        summary: body.summary,
        published,
        effective: body.effective,
        findings: problems,
    })
}

/// A schema problem with its path moved under `prefix` (the notice sits at `notice` in the body).
fn problem_json(p: &Problem, prefix: &str) -> ProblemJson {
    let path = match p.path.as_str() {
        "" | "." => prefix.to_owned(),
        rest if rest.starts_with('[') => format!("{prefix}{rest}"),
        rest => format!("{prefix}.{rest}"),
    };
    ProblemJson {
        severity: match p.severity {
            Severity::Error => "error",
            Severity::Finding => "finding",
        },
        path,
        message: p.message.clone(),
        article: p.article.clone(),
    }
}

/// The summary needs some non-blank text, and only in the notice's languages. A missing translation
/// is reported but does not block: a one-line summary in the main language is a fair summary.
fn check_summary(summary: &Text, languages: &[String]) -> Vec<ProblemJson> {
    let mut problems = Vec::new();
    let mut problem = |severity, path: String, message: String| {
        problems.push(ProblemJson {
            severity,
            path,
            message,
            article: None,
        })
    };
    if summary.0.values().all(|s| s.trim().is_empty()) {
        problem(
            "error",
            "summary".into(),
            "say what changed, at least in the notice's main language".into(),
        );
    }
    for lang in summary.0.keys() {
        if !languages.contains(lang) {
            problem(
                "error",
                format!("summary.{lang}"),
                format!(
                    "`{lang}` is not one of the notice's languages ({})",
                    languages.join(", ")
                ),
            );
        }
    }
    for lang in languages {
        if summary.exact(lang).is_none_or(|s| s.trim().is_empty()) {
            problem(
                "finding",
                "summary".into(),
                format!("missing the `{lang}` translation"),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE: &str = r#"{"format":1,"id":"acme/customers","languages":["fi"],"title":{"fi":"Asiakasrekisteri"},
        "organisation":{"name":"Acme Oy"},"role":{"acts_as":"controller"}}"#;

    fn id() -> NoticeId {
        NoticeId::new("acme", "customers").unwrap()
    }

    fn today() -> Date {
        Date::parse("2025-06-01").unwrap()
    }

    fn body(extra: &str) -> String {
        format!(r#"{{"notice":{NOTICE},"summary":{{"fi":"Ensimmäinen versio"}}{extra}}}"#)
    }

    #[test]
    fn a_minimal_notice_is_accepted_with_findings() {
        let s = check(body("").as_bytes(), &id(), today()).unwrap();
        assert_eq!(s.published, today());
        assert!(s.findings.iter().all(|p| p.severity == "finding"));
        assert!(
            !s.findings.is_empty(),
            "a minimal notice lacks many GDPR elements"
        );
        let json: serde_json::Value = serde_json::from_str(&s.document_json()).unwrap();
        assert_eq!(json["id"], "acme/customers");
    }

    #[test]
    fn syntax_errors_are_400_with_line_and_column() {
        let e = check(b"{\n  \"notice\": ,\n}", &id(), today()).unwrap_err();
        assert_eq!((e.status, e.error), (400, "invalid_json"));
        assert_eq!((e.line, e.column), (Some(2), Some(13)));
        assert!(e.message.contains("line 2, column 13"), "{}", e.message);
    }

    #[test]
    fn wrong_shapes_are_422_with_their_path() {
        let json = body("").replace(r#""name":"Acme Oy""#, r#""name":"Acme Oy","fax":"1""#);
        let e = check(json.as_bytes(), &id(), today()).unwrap_err();
        assert_eq!(e.status, 422);
        assert_eq!(e.problems[0].path, "notice.organisation.fax");
        let e = check(body(r#","extra":1"#).as_bytes(), &id(), today()).unwrap_err();
        assert_eq!(e.status, 422);
    }

    #[test]
    fn the_id_must_be_the_urls() {
        let other = NoticeId::new("acme", "staff").unwrap();
        let e = check(body("").as_bytes(), &other, today()).unwrap_err();
        assert_eq!((e.status, e.problems[0].path.as_str()), (422, "notice.id"));
    }

    #[test]
    fn dates_are_checked() {
        let e = check(
            body(r#","published":"2025-06-02""#).as_bytes(),
            &id(),
            today(),
        )
        .unwrap_err();
        assert_eq!(e.problems[0].path, "published");
        let s = check(
            body(r#","published":"2019-01-01""#).as_bytes(),
            &id(),
            today(),
        )
        .unwrap();
        assert_eq!(s.published.to_string(), "2019-01-01");
        let e = check(
            body(r#","published":"2019-01-02","effective":"2019-01-01""#).as_bytes(),
            &id(),
            today(),
        )
        .unwrap_err();
        assert_eq!(e.problems[0].path, "effective");
    }

    #[test]
    fn schema_errors_block_with_paths_under_notice() {
        let json = body("").replace(
            r#""title":{"fi":"Asiakasrekisteri"}"#,
            r#""title":{"fi":" "}"#,
        );
        let e = check(json.as_bytes(), &id(), today()).unwrap_err();
        assert_eq!(e.status, 422);
        assert!(
            e.problems
                .iter()
                .any(|p| p.severity == "error" && p.path.starts_with("notice.title")),
            "{:?}",
            e.problems
        );
    }

    #[test]
    fn summaries_need_text_in_the_notices_languages() {
        let json = body("").replace(r#"{"fi":"Ensimmäinen versio"}"#, r#"{"de":"x"}"#);
        let e = check(json.as_bytes(), &id(), today()).unwrap_err();
        assert!(e.problems.iter().any(|p| p.path == "summary.de"));
        let json = body("").replace(r#"{"fi":"Ensimmäinen versio"}"#, "{}");
        assert!(check(json.as_bytes(), &id(), today()).is_err());
    }

    #[test]
    fn only_json_content_types_are_accepted() {
        for ok in [
            "application/json",
            "Application/JSON",
            "application/json; charset=utf-8",
            " application/json ;charset=UTF-8",
        ] {
            assert!(is_json_content_type(Some(ok)), "{ok}");
        }
        for bad in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonp",
            "application/json-seq",
            "",
        ] {
            assert!(!is_json_content_type(Some(bad)), "{bad}");
        }
        assert!(!is_json_content_type(None));
    }

    #[test]
    fn oversize_bodies_are_413() {
        let big = vec![b' '; MAX_BODY_BYTES + 1];
        assert_eq!(check(&big, &id(), today()).unwrap_err().status, 413);
    }
}
