//! Publishing a draft at the edge, as data: the request the editor sends and what each answer
//! means for the author. Pure here; `browser.rs` sends it.

use std::collections::BTreeMap;

use seloste_schema::api::{ApiError, ErrorCode, Published};
use seloste_schema::diff::{diff_named, NoticeDiff};
use seloste_schema::{Date, Notice, Problem, Text};
use serde_json::Value;

/// `…/api/v1/notices/{org}/{notice}`: the notice (GET), and with `/versions` where versions are
/// published (POST).
pub fn notice_url(org: &str, notice: &str) -> String {
    format!("/api/v1/notices/{org}/{notice}")
}

pub fn versions_url(org: &str, notice: &str) -> String {
    format!("{}/versions", notice_url(org, notice))
}

pub fn version_url(org: &str, notice: &str, n: u32) -> String {
    format!("{}/versions/{n}", notice_url(org, notice))
}

/// What the author gave in step 2.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step2 {
    /// The change summary per language of the notice.
    pub summary: BTreeMap<String, String>,
    /// `YYYY-MM-DD`, or empty.
    pub effective: String,
}

/// The body of `POST …/versions`: the draft, the summary, the effective date and `base`, the
/// version the draft was made on (`0`: a new notice). The error is a problem at the request's
/// own path (`effective`), as the edge would name it.
pub fn request_body(draft: &Value, step2: &Step2, base: u32) -> Result<String, Problem> {
    let mut body = serde_json::Map::new();
    body.insert("notice".into(), draft.clone());
    let summary: BTreeMap<String, String> = step2
        .summary
        .iter()
        .map(|(k, v)| (k.clone(), v.trim().to_owned()))
        .collect();
    body.insert(
        "summary".into(),
        serde_json::to_value(Text(summary)).unwrap_or_default(),
    );
    let effective = step2.effective.trim();
    if !effective.is_empty() {
        let date = Date::parse(effective).map_err(|message| {
            Problem::english(seloste_schema::Severity::Error, "effective", message)
        })?;
        body.insert(
            "effective".into(),
            serde_json::to_value(date).unwrap_or_default(),
        );
    }
    body.insert("base".into(), Value::from(base));
    Ok(Value::Object(body).to_string())
}

/// What an answer to the publish request means.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Published(Published),
    /// Someone published version `latest` after the draft's base.
    Outdated {
        latest: u32,
    },
    /// `422`: the errors, at the draft's own paths (`organisation.name`) for the notice's and
    /// at the request's (`summary`, `effective`) for the rest.
    Invalid(Vec<Problem>),
    /// `401`/`403`: the key is wrong or not this organisation's.
    BadKey,
    /// Anything else, in the edge's words.
    Failed(String),
}

/// Reads the edge's answer to `POST …/versions`.
pub fn outcome(status: u16, body: &str) -> Outcome {
    if status == 201 || status == 200 {
        return match serde_json::from_str::<Published>(body) {
            Ok(p) => Outcome::Published(p),
            Err(e) => Outcome::Failed(e.to_string()),
        };
    }
    let Ok(err) = serde_json::from_str::<ApiError>(body) else {
        return Outcome::Failed(format!("HTTP {status}"));
    };
    match err.error {
        ErrorCode::Outdated => match err.latest {
            Some(latest) => Outcome::Outdated { latest },
            None => Outcome::Failed(err.message),
        },
        ErrorCode::Unauthorized | ErrorCode::Forbidden => Outcome::BadKey,
        ErrorCode::InvalidNotice | ErrorCode::InvalidJson if !err.problems.is_empty() => {
            // Only what blocks: the findings are the draft's own, already listed.
            Outcome::Invalid(
                err.problems
                    .into_iter()
                    .filter(|p| p.severity == seloste_schema::Severity::Error)
                    .map(in_draft)
                    .collect(),
            )
        }
        // A `422` that names no field: about the whole notice.
        ErrorCode::InvalidNotice => Outcome::Invalid(vec![Problem::english(
            seloste_schema::Severity::Error,
            ".",
            err.message,
        )]),
        _ => Outcome::Failed(err.message),
    }
}

/// A problem of the request addressed in the draft: `notice.x` → `x`, `notice` → `.`.
fn in_draft(mut p: Problem) -> Problem {
    if p.path == "notice" {
        p.path = ".".into();
    } else if let Some(rest) = p.path.strip_prefix("notice.") {
        p.path = rest.to_owned();
    }
    p
}

/// The draft `ours`, begun on `base`, moved onto `theirs` (a version someone published meanwhile):
/// a three-way merge of the JSON, so that publishing on top keeps their change wherever the author
/// did not touch the same value. Where both changed one value, the author's stands (they were
/// shown the other change before publishing); lists are values as a whole.
pub fn rebase(base: &Value, ours: &Value, theirs: &Value) -> Value {
    if ours == base {
        return theirs.clone();
    }
    if theirs == base || ours == theirs {
        return ours.clone();
    }
    match (base, ours, theirs) {
        (Value::Object(b), Value::Object(o), Value::Object(t)) => {
            let null = Value::Null;
            let mut keys: Vec<&String> = o.keys().chain(t.keys()).collect();
            keys.sort();
            keys.dedup();
            let mut out = serde_json::Map::new();
            for k in keys {
                let get = |m: &serde_json::Map<String, Value>| m.get(k).unwrap_or(&null).clone();
                let merged = rebase(&get(b), &get(o), &get(t));
                if !merged.is_null() || (o.get(k).is_some_and(Value::is_null)) {
                    out.insert(k.clone(), merged);
                }
            }
            Value::Object(out)
        }
        _ => ours.clone(),
    }
}

/// What changed from `old` to `new`, for readers, in `lang`, places named as readers see them:
/// exactly what the change log will show.
pub fn changes(old: &Notice, new: &Notice, lang: &str) -> NoticeDiff {
    diff_named(old, new, lang, seloste_widget::i18n::place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use seloste_schema::api::PublishRequest;
    use seloste_schema::Severity;
    use serde_json::json;

    fn example() -> Value {
        let path = format!(
            "{}/../examples/kaarea-asiakasrekisteri.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn a_refusal_keeps_each_problems_code_so_it_is_said_in_the_interfaces_language() {
        let mut v = example();
        v["contact"]["emails"][0] = json!("tietosuoja at kaarea");
        let notice = serde_json::from_value(v).unwrap();
        let problems = seloste_schema::validate_notice(&notice).problems;
        let answer = ApiError {
            problems: problems.into_iter().map(|p| p.under("notice")).collect(),
            ..ApiError::new(ErrorCode::InvalidNotice, "1 error")
        };
        let Outcome::Invalid(read) = outcome(422, &answer.to_json()) else {
            panic!("not read as invalid");
        };
        assert_eq!(read.len(), 1, "{read:#?}");
        assert_eq!(read[0].path, "contact.emails[0]");
        assert_eq!(
            read[0].message_in("sv"),
            "`tietosuoja at kaarea` är ingen e-postadress (den innehåller blanksteg)"
        );
    }

    fn step2() -> Step2 {
        Step2 {
            summary: BTreeMap::from([("fi".into(), "  Uusi osoite. ".into())]),
            effective: "2030-05-01".into(),
        }
    }

    #[test]
    fn the_request_is_a_publish_request_the_edge_reads_with_base() {
        let body = request_body(&example(), &step2(), 3).unwrap();
        let r =
            PublishRequest::from_body(body.as_bytes()).expect("the edge's own reader accepts it");
        assert_eq!(r.base, Some(3));
        assert_eq!(r.summary.get("fi"), "Uusi osoite.");
        assert_eq!(r.effective.unwrap().to_string(), "2030-05-01");
        assert_eq!(
            serde_json::to_value(&r.notice).unwrap()["id"],
            example()["id"]
        );
        // A new notice starts from base 0, which the edge reads as "none yet".
        let first = request_body(&example(), &Step2::default(), 0).unwrap();
        let r = PublishRequest::from_body(first.as_bytes()).unwrap();
        assert_eq!((r.base, r.effective), (Some(0), None));
    }

    #[test]
    fn a_bad_effective_date_is_a_problem_at_effective() {
        let s = Step2 {
            effective: "1.5.2030".into(),
            ..step2()
        };
        let p = request_body(&example(), &s, 1).unwrap_err();
        assert_eq!(
            (p.path.as_str(), p.severity),
            ("effective", Severity::Error)
        );
    }

    #[test]
    fn answers() {
        let published = json!({"number": 2, "id": "acme/customers", "url": "https://e/acme/customers/v/2",
            "published": "2030-01-01", "received_at": "2030-01-01T00:00:00.000Z", "findings": []});
        match outcome(201, &published.to_string()) {
            Outcome::Published(p) => assert_eq!(p.number, 2),
            o => panic!("{o:?}"),
        }
        let outdated = ApiError {
            latest: Some(5),
            ..ApiError::new(ErrorCode::Outdated, "someone published")
        };
        assert_eq!(
            outcome(409, &outdated.to_json()),
            Outcome::Outdated { latest: 5 }
        );
        // A plain 409 conflict is no "outdated".
        let conflict = ApiError::new(ErrorCode::Conflict, "again");
        assert_eq!(
            outcome(409, &conflict.to_json()),
            Outcome::Failed("again".into())
        );
        assert_eq!(
            outcome(401, &ApiError::unauthorized().to_json()),
            Outcome::BadKey
        );
        let invalid = ApiError {
            problems: vec![
                Problem::english(Severity::Error, "notice.organisation.name", "empty"),
                Problem::english(Severity::Error, "summary", "missing sv"),
                Problem {
                    article: Some("13(2)(a)".into()),
                    ..Problem::english(Severity::Finding, "notice.retention", "no retention")
                },
            ],
            ..ApiError::new(ErrorCode::InvalidNotice, "2 errors")
        };
        match outcome(422, &invalid.to_json()) {
            Outcome::Invalid(ps) => {
                assert_eq!(ps[0].path, "organisation.name");
                assert_eq!(ps[1].path, "summary");
                assert_eq!(ps.len(), 2, "findings are not refusals");
            }
            o => panic!("{o:?}"),
        }
        assert!(matches!(outcome(500, "<html>"), Outcome::Failed(_)));
    }

    #[test]
    fn publishing_on_top_keeps_their_change_where_the_author_did_not_touch() {
        let base = json!({"title": {"fi": "A", "en": "A"}, "organisation": {"name": "Acme", "emails": ["a@x.fi"]}, "purposes": [1]});
        let mut ours = base.clone();
        ours["title"]["en"] = json!("Ours");
        ours["purposes"] = json!([1, 2]);
        let mut theirs = base.clone();
        theirs["organisation"]["name"] = json!("Theirs Oy");
        theirs["title"]["fi"] = json!("Heidän");
        theirs["retention"] = json!({"notes": []});
        let merged = rebase(&base, &ours, &theirs);
        assert_eq!(merged["title"], json!({"fi": "Heidän", "en": "Ours"}));
        assert_eq!(merged["organisation"]["name"], "Theirs Oy");
        assert_eq!(merged["purposes"], json!([1, 2]));
        assert_eq!(
            merged["retention"],
            json!({"notes": []}),
            "their new field is kept"
        );
        // Both changed one value: the author's stands. Removed by them, untouched by us: removed.
        let mut both = theirs.clone();
        both["organisation"]["name"] = json!("Ours Oy");
        assert_eq!(
            rebase(&base, &both, &theirs)["organisation"]["name"],
            "Ours Oy"
        );
        let mut removed = base.clone();
        removed["organisation"]
            .as_object_mut()
            .unwrap()
            .remove("emails");
        assert!(rebase(&base, &ours, &removed)["organisation"]
            .get("emails")
            .is_none());
        // Nothing edited: theirs exactly.
        assert_eq!(rebase(&base, &base, &theirs), theirs);
    }

    #[test]
    fn urls() {
        assert_eq!(
            versions_url("acme", "customers"),
            "/api/v1/notices/acme/customers/versions"
        );
        assert_eq!(
            version_url("acme", "customers", 2),
            "/api/v1/notices/acme/customers/versions/2"
        );
    }

    #[test]
    fn the_diff_names_places_as_readers_see_them() {
        let old: Notice = serde_json::from_value(example()).unwrap();
        let mut new_v = example();
        new_v["organisation"]["name"] = json!("Kaarea Uusi Oy");
        let new: Notice = serde_json::from_value(new_v).unwrap();
        let d = changes(&old, &new, "fi");
        assert_eq!(d.len(), 1, "{}", d.to_text());
        assert!(d.to_text().contains("Kaarea Uusi Oy"));
        assert!(changes(&old, &old, "fi").is_empty());
    }
}
