//! A publish request on its way to storage. The rules a request must meet are the schema's
//! ([`PublishRequest::from_body`] and [`PublishRequest::check`]: JSON syntax 400, shape 422 with
//! the JSON path, the id against the URL, the dates, the notice and its summary); this module only
//! adds what is the edge's own: the content type it accepts and the form a version is stored in.
//!
//! The rule that a publication date is not before the latest version's is checked by storage, in
//! the same statement that appends the version, so that no concurrent publish can slip between.

use seloste_schema::api::{ApiError, NoticeId, PublishRequest};
use seloste_schema::{Date, Problem};

/// A publish request that passed every check: ready to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub request: PublishRequest,
    /// The request's publication date, or the day it arrived.
    pub published: Date,
    /// Completeness findings and other non-blocking problems, for the client to show.
    pub findings: Vec<Problem>,
}

impl Submission {
    /// Reads and checks a request body for the notice `id`, `today` being the server's UTC date.
    pub fn check(body: &[u8], id: &NoticeId, today: Date) -> Result<Self, ApiError> {
        let request = PublishRequest::from_body(body)?;
        let findings = request.check(id, today)?;
        Ok(Submission {
            published: request.published_on(today),
            request,
            findings,
        })
    }

    pub fn effective(&self) -> Option<Date> {
        self.request.effective
    }

    /// The notice as stored: serialized by the schema crate, so reading it back always parses.
    pub fn document_json(&self) -> String {
        serde_json::to_string(&self.request.notice).expect("a notice serializes")
    }

    pub fn summary_json(&self) -> String {
        serde_json::to_string(&self.request.summary).expect("a summary serializes")
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

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"notice":{"format":1,"id":"acme/customers","languages":["fi"],
        "title":{"fi":"Asiakasrekisteri"},"organisation":{"name":"Acme Oy"},
        "role":{"acts_as":"controller"}},"summary":{"fi":"Ensimmäinen versio"}}"#;

    fn today() -> Date {
        Date::parse("2025-06-01").unwrap()
    }

    #[test]
    fn a_checked_request_is_stored_as_the_schema_writes_it() {
        let id = NoticeId::new("acme", "customers").unwrap();
        let s = Submission::check(BODY.as_bytes(), &id, today()).unwrap();
        assert_eq!(s.published, today());
        assert!(!s.findings.is_empty(), "a minimal notice has findings");
        let json: serde_json::Value = serde_json::from_str(&s.document_json()).unwrap();
        assert_eq!(json["id"], "acme/customers");
        assert_eq!(s.summary_json(), r#"{"fi":"Ensimmäinen versio"}"#);
        let other = NoticeId::new("acme", "staff").unwrap();
        assert_eq!(
            Submission::check(BODY.as_bytes(), &other, today())
                .unwrap_err()
                .status,
            422
        );
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
}
