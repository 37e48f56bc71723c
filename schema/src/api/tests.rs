use serde_json::{json, Value};

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

/// The request read from `body` and checked as `id`'s next version on [`today`].
fn check(body: &str, id: &NoticeId) -> Result<Vec<Problem>, ApiError> {
    PublishRequest::from_body(body.as_bytes())?.check(id, today())
}

#[test]
fn slugs_follow_the_url_rule() {
    for good in ["acme", "a", "0", "acme-oy", "x1-2-3", &"a".repeat(63)] {
        assert!(is_slug(good), "{good}");
    }
    for bad in [
        "",
        "-acme",
        "Acme",
        "acme_oy",
        "acme.oy",
        "äkkiä",
        "a b",
        "%2e%2e",
        "..",
        &"a".repeat(64),
    ] {
        assert!(!is_slug(bad), "{bad}");
    }
}

#[test]
fn notice_ids_parse_and_print_as_org_slash_notice() {
    let id: NoticeId = "acme/customers".parse().unwrap();
    assert_eq!(id, self::id());
    assert_eq!((id.org(), id.notice()), ("acme", "customers"));
    assert_eq!(id.to_string(), "acme/customers");
    assert_eq!(id.path(), "/acme/customers");
    for bad in [
        "acme",
        "acme/",
        "/customers",
        "acme/customers/x",
        "Acme/customers",
        "acme/cu stomers",
        "",
    ] {
        assert_eq!(bad.parse::<NoticeId>(), Err(InvalidNoticeId), "{bad}");
    }
    assert!(NoticeId::new("acme", "Customers").is_err());
    assert!(NoticeId::new("api", "x").unwrap().is_reserved());
    assert!(!id.is_reserved());
}

#[test]
fn notice_ids_are_json_strings_checked_when_read() {
    assert_eq!(serde_json::to_value(id()).unwrap(), json!("acme/customers"));
    let back: NoticeId = serde_json::from_value(json!("acme/customers")).unwrap();
    assert_eq!(back, id());
    assert!(serde_json::from_value::<NoticeId>(json!("acme/../x")).is_err());
}

#[test]
fn a_publish_request_round_trips_and_omits_absent_dates() {
    let request = PublishRequest::from_body(body("").as_bytes()).unwrap();
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(
        json.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["notice", "summary"]
    );
    let dated = PublishRequest {
        published: Some(Date::parse("2024-01-02").unwrap()),
        effective: Some(Date::parse("2024-02-01").unwrap()),
        ..request
    };
    let text = serde_json::to_string(&dated).unwrap();
    assert!(text.contains(r#""published":"2024-01-02""#), "{text}");
    assert_eq!(PublishRequest::from_body(text.as_bytes()).unwrap(), dated);
}

#[test]
fn a_publish_request_names_the_version_it_started_from() {
    // `base` 0: a new notice; absent: no check (CI). Written only when given.
    let new = PublishRequest::from_body(body(r#","base":0"#).as_bytes()).unwrap();
    assert_eq!(new.base, Some(0));
    let text = serde_json::to_string(&PublishRequest {
        base: Some(7),
        ..new.clone()
    })
    .unwrap();
    assert!(text.ends_with(r#","base":7}"#), "{text}");
    let without = PublishRequest { base: None, ..new };
    assert!(!serde_json::to_string(&without).unwrap().contains("base"));
    for bad in [r#","base":-1"#, r#","base":"1""#, r#","base":1.5"#] {
        let e = PublishRequest::from_body(body(bad).as_bytes()).unwrap_err();
        assert_eq!(e.status, 422, "{bad}");
        assert_eq!(e.problems[0].path, "base", "{bad}");
    }
    // The refusal says which version is the latest now.
    let outdated = ApiError {
        latest: Some(3),
        ..ApiError::new(ErrorCode::Outdated, "version 3 was published meanwhile")
    };
    let v: Value = serde_json::from_str(&outdated.to_json()).unwrap();
    assert_eq!(
        (v["status"].clone(), v["error"].clone(), v["latest"].clone()),
        (json!(409), json!("outdated"), json!(3))
    );
    assert_eq!(serde_json::from_value::<ApiError>(v).unwrap(), outdated);
}

#[test]
fn a_minimal_notice_is_accepted_with_findings() {
    let findings = check(&body(""), &id()).unwrap();
    assert!(
        !findings.is_empty(),
        "a minimal notice lacks many GDPR elements"
    );
    assert!(findings.iter().all(|p| p.severity == Severity::Finding));
    assert!(
        findings.iter().all(|p| p.path.starts_with("notice")),
        "paths are the body's: {findings:?}"
    );
}

#[test]
fn syntax_errors_are_400_with_line_and_column() {
    let e = check("{\n  \"notice\": ,\n}", &id()).unwrap_err();
    assert_eq!((e.status, e.error), (400, ErrorCode::InvalidJson));
    assert_eq!((e.line, e.column), (Some(2), Some(13)));
    assert!(e.message.contains("line 2, column 13"), "{}", e.message);
    let e = PublishRequest::from_body(b"{\"notice\": \"\xff\"}").unwrap_err();
    assert_eq!(e.error, ErrorCode::InvalidJson);
}

#[test]
fn wrong_shapes_are_422_with_their_path() {
    let json = body("").replace(r#""name":"Acme Oy""#, r#""name":"Acme Oy","fax":"1""#);
    let e = check(&json, &id()).unwrap_err();
    assert_eq!((e.status, e.error), (422, ErrorCode::InvalidNotice));
    assert_eq!(e.problems[0].path, "notice.organisation.fax");
    assert!(e.line.is_some() && e.column.is_some());
    let p = &e.problems[0];
    assert!(p.message.contains("unknown field `fax`"), "{}", p.message);
    assert_eq!(
        p.message_in("fi"),
        format!("luonnosta ei voi lukea: {}", p.message)
    );
    let e = check(&body(r#","extra":1"#), &id()).unwrap_err();
    assert_eq!(e.status, 422);
}

#[test]
fn oversize_bodies_are_413() {
    let big = vec![b' '; MAX_BODY_BYTES + 1];
    let e = PublishRequest::from_body(&big).unwrap_err();
    assert_eq!((e.status, e.error), (413, ErrorCode::TooLarge));
}

#[test]
fn the_id_must_be_the_urls() {
    let other = NoticeId::new("acme", "staff").unwrap();
    let e = check(&body(""), &other).unwrap_err();
    assert_eq!((e.status, e.problems[0].path.as_str()), (422, "notice.id"));
    let p = &e.problems[0];
    assert_eq!(
        p.message,
        "the notice's id `acme/customers` is not the id in the URL, `acme/staff`"
    );
    assert_eq!(e.message, format!("notice.id: {}", p.message));
    assert_eq!(
        p.message_in("fi"),
        "selosteen tunnus `acme/customers` ei ole sama kuin osoitteen tunnus `acme/staff`"
    );
}

#[test]
fn dates_are_checked() {
    let e = check(&body(r#","published":"2025-06-02""#), &id()).unwrap_err();
    assert_eq!(e.problems[0].path, "published");
    assert_eq!(
        e.problems[0].message,
        "2025-06-02 is in the future (today is 2025-06-01 UTC)"
    );
    assert_eq!(
        e.problems[0].message_in("sv"),
        "publiceringsdagen 2025-06-02 ligger i framtiden (i dag är det 2025-06-01 UTC)"
    );
    let request =
        PublishRequest::from_body(body(r#","published":"2019-01-01""#).as_bytes()).unwrap();
    assert!(request.check(&id(), today()).is_ok());
    assert_eq!(request.published_on(today()).to_string(), "2019-01-01");
    let e = check(
        &body(r#","published":"2019-01-02","effective":"2019-01-01""#),
        &id(),
    )
    .unwrap_err();
    assert_eq!(e.problems[0].path, "effective");
    assert!(e.problems[0]
        .message
        .contains("before the publication date"));
    // Without a stated publication date the version is published today: effective before today
    // is refused too.
    let e = check(&body(r#","effective":"2025-05-31""#), &id()).unwrap_err();
    assert_eq!(e.problems[0].path, "effective");
    assert!(check(&body(r#","effective":"2025-06-01""#), &id()).is_ok());
}

#[test]
fn schema_errors_block_with_paths_under_notice() {
    let json = body("").replace(
        r#""title":{"fi":"Asiakasrekisteri"}"#,
        r#""title":{"fi":" "}"#,
    );
    let e = check(&json, &id()).unwrap_err();
    assert_eq!(e.status, 422);
    assert!(
        e.problems
            .iter()
            .any(|p| p.severity == Severity::Error && p.path.starts_with("notice.title")),
        "{:?}",
        e.problems
    );
    assert_eq!(e.problems[0].severity, Severity::Error, "errors come first");
}

#[test]
fn summaries_need_text_only_in_the_notices_languages() {
    let json = body("").replace(r#"{"fi":"Ensimmäinen versio"}"#, r#"{"de":"x"}"#);
    let e = check(&json, &id()).unwrap_err();
    assert!(e.problems.iter().any(|p| p.path == "summary.de"));
    let json = body("").replace(r#"{"fi":"Ensimmäinen versio"}"#, "{}");
    let e = check(&json, &id()).unwrap_err();
    assert!(e.problems.iter().any(|p| p.path == "summary"));
    // A missing translation is a finding, not an error.
    let json = body("")
        .replace(r#""languages":["fi"]"#, r#""languages":["fi","en"]"#)
        .replace(
            r#""title":{"fi":"Asiakasrekisteri"}"#,
            r#""title":{"fi":"Asiakasrekisteri","en":"Customers"}"#,
        );
    let findings = check(&json, &id()).unwrap();
    assert!(findings.iter().any(|p| p.path == "summary"
        && p.severity == Severity::Finding
        && p.message.contains("`en`")));
}

#[test]
fn error_json_has_the_documented_shape() {
    let e = ApiError::not_found("no notice acme/x");
    assert_eq!(
        e.to_json(),
        r#"{"status":404,"error":"not_found","message":"no notice acme/x"}"#
    );
    let e = ApiError::invalid_at("notice.id", "must be acme/x");
    let v: Value = serde_json::from_str(&e.to_json()).unwrap();
    assert_eq!(
        v,
        json!({
            "status": 422,
            "error": "invalid_notice",
            "message": "notice.id: must be acme/x",
            "problems": [{"severity": "error", "path": "notice.id", "message": "must be acme/x"}],
        })
    );
    let findings = check(&body(""), &id()).unwrap();
    let v = serde_json::to_value(&findings[0]).unwrap();
    assert_eq!(v["severity"], "finding");
    assert!(v["article"].is_string(), "{v}");
}

#[test]
fn errors_round_trip_and_unknown_codes_are_tolerated() {
    let e = check(&body(r#","published":"2030-01-01""#), &id()).unwrap_err();
    let back: ApiError = serde_json::from_str(&e.to_json()).unwrap();
    assert_eq!(back, e);
    let newer: ApiError = serde_json::from_str(
        r#"{"status":418,"error":"teapot","message":"short and stout","spout":1}"#,
    )
    .unwrap();
    assert_eq!((newer.status, newer.error), (418, ErrorCode::Unknown));
}

#[test]
fn every_code_has_its_status() {
    use ErrorCode::*;
    for (code, status, name) in [
        (InvalidJson, 400, "invalid_json"),
        (InvalidId, 400, "invalid_id"),
        (BadRequest, 400, "bad_request"),
        (Unauthorized, 401, "unauthorized"),
        (Forbidden, 403, "forbidden"),
        (NotFound, 404, "not_found"),
        (MethodNotAllowed, 405, "method_not_allowed"),
        (Conflict, 409, "conflict"),
        (TooLarge, 413, "too_large"),
        (UnsupportedMediaType, 415, "unsupported_media_type"),
        (InvalidNotice, 422, "invalid_notice"),
        (RateLimited, 429, "rate_limited"),
        (Internal, 500, "internal"),
        (NotConfigured, 503, "not_configured"),
        (WidgetNotBuilt, 503, "widget_not_built"),
    ] {
        assert_eq!(ApiError::new(code, "x").status, status, "{name}");
        assert_eq!(serde_json::to_value(code).unwrap(), json!(name));
    }
}

#[test]
fn the_published_answer_round_trips() {
    let findings = check(&body(""), &id()).unwrap();
    let answer = Published {
        number: 3,
        id: id(),
        url: "https://edge.example/acme/customers/v/3".into(),
        published: today(),
        effective: None,
        received_at: "2025-06-01T12:00:00.000Z".into(),
        key_id: Some("k1".into()),
        key_label: Some("CI".into()),
        findings,
        hash: Some("ab".repeat(32)),
    };
    let v = serde_json::to_value(&answer).unwrap();
    assert_eq!(v["id"], "acme/customers");
    assert_eq!(v["number"], 3);
    assert!(v.get("effective").is_none());
    assert_eq!(v["hash"], "ab".repeat(32));
    assert_eq!(serde_json::from_value::<Published>(v).unwrap(), answer);
}

#[test]
fn a_pinned_version_is_the_version_and_its_hash_of_everything_else() {
    let h: crate::History = serde_json::from_str(include_str!(
        "../../../examples/pohjantahti-asiakasrekisteri.history.json"
    ))
    .unwrap();
    let v = h.latest();
    let hash = crate::pin::version_hash(v);
    let mut answer = serde_json::to_value(PinnedVersion {
        version: v,
        hash: &hash,
    })
    .unwrap();
    assert_eq!(answer["hash"], hash.as_str());
    assert_eq!(answer["number"], v.number);
    // What a client verifies: the answer without `hash`, canonicalised and hashed.
    answer.as_object_mut().unwrap().remove("hash");
    assert_eq!(crate::pin::hash_of(&answer), hash);
    assert_eq!(
        serde_json::from_value::<crate::Version>(answer).unwrap(),
        *v
    );
}

#[test]
fn versions_are_not_dated_before_1995() {
    let e = check(&body(r#","published":"1994-12-31""#), &id()).unwrap_err();
    assert_eq!(e.status, 422);
    assert_eq!(e.problems[0].path, "published");
    assert_eq!(
        e.problems[0].message,
        "1994-12-31 is before 1995, when EU data protection law began"
    );
    assert_eq!(e.problems[0].code, Some(Said::PublishedTooEarly));
    assert!(check(&body(r#","published":"1995-01-01""#), &id()).is_ok());
}
