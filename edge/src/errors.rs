//! Errors the API answers with: a status and a JSON body a client (or a person with `curl`) can act
//! on. `{"status": 422, "error": "invalid_notice", "message": "…", "problems": [{"path", …}]}`.

use serde::Serialize;

/// One problem in a request body, addressed by its JSON path (`notice.contact.emails[0]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemJson {
    /// `error` blocks publishing; a `finding` (a GDPR element the notice lacks) never does.
    pub severity: &'static str,
    pub path: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
}

/// An error answer of the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    pub status: u16,
    /// A stable machine-readable code, e.g. `invalid_json`.
    pub error: &'static str,
    pub message: String,
    /// For `invalid_json`: where the syntax error is, 1-based.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<ProblemJson>,
}

impl ApiError {
    pub fn new(status: u16, error: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            error,
            message: message.into(),
            line: None,
            column: None,
            problems: Vec::new(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(404, "not_found", message)
    }

    pub fn bad_id() -> Self {
        Self::new(
            400,
            "invalid_id",
            "organisation and notice ids are 1–63 of a-z, 0-9 and '-', not starting with '-'",
        )
    }

    pub fn unauthorized() -> Self {
        Self::new(
            401,
            "unauthorized",
            "publishing needs `Authorization: Bearer <token>` with the edge's publishing token",
        )
    }

    pub fn too_large(limit: usize) -> Self {
        Self::new(
            413,
            "too_large",
            format!("the request body is over the limit of {limit} bytes"),
        )
    }

    /// A 422 with one error at `path`.
    pub fn invalid_at(path: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError {
            problems: vec![ProblemJson {
                severity: "error",
                path: path.into(),
                message: message.clone(),
                article: None,
            }],
            ..Self::new(422, "invalid_notice", format!("{path}: {message}"))
        }
    }

    pub fn internal() -> Self {
        Self::new(
            500,
            "internal",
            "something went wrong on the server; the error has been logged",
        )
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an error serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_without_empty_fields() {
        let e = ApiError::not_found("no notice acme/x");
        assert_eq!(
            e.to_json(),
            r#"{"status":404,"error":"not_found","message":"no notice acme/x"}"#
        );
        let e = ApiError::invalid_at("notice.id", "must be acme/x");
        let v: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        assert_eq!(v["problems"][0]["path"], "notice.id");
        assert_eq!(v["status"], 422);
    }
}
