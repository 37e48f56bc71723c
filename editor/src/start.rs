//! Where a draft comes from: the latest published version (the edge's read API), a file the author
//! uploads (a notice's JSON), or an existing notice's text run through the importer, here in the
//! browser with the same code as `seloste import`.

use seloste_import::{import, Hint, ImportReport};
use seloste_schema::Notice;
use serde::Deserialize;
use serde_json::Value;

/// The latest published version, from `GET /api/v1/notices/{org}/{notice}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest {
    pub number: u32,
    /// The notice as published, the draft's starting point.
    pub value: Value,
    /// The same, checked, for the diff before publishing.
    pub notice: Notice,
}

#[derive(Deserialize)]
struct NoticeAnswer {
    latest: VersionAnswer,
}

#[derive(Deserialize)]
struct VersionAnswer {
    number: u32,
    notice: Value,
}

impl Latest {
    /// Reads the answer of `GET …/{org}/{notice}` (its `latest`) or of `GET …/versions/{n}` (a
    /// version itself).
    pub fn from_answer(body: &str) -> Result<Latest, String> {
        let v: VersionAnswer = match serde_json::from_str::<NoticeAnswer>(body) {
            Ok(a) => a.latest,
            Err(_) => serde_json::from_str(body).map_err(|e| e.to_string())?,
        };
        let notice: Notice = serde_json::from_value(v.notice.clone()).map_err(|e| e.to_string())?;
        Ok(Latest {
            number: v.number,
            value: v.notice,
            notice,
        })
    }
}

/// A draft made by the importer, and its report for the author.
#[derive(Debug, Clone)]
pub struct FromImport {
    pub value: Value,
    pub report: ImportReport,
}

/// Imports `bytes` (pasted text, or a file named `file_name`) as the draft of notice `id`
/// (`org/notice`; empty keeps the importer's). The error is the importer's own words.
pub fn from_import(bytes: &[u8], file_name: Option<&str>, id: &str) -> Result<FromImport, String> {
    let hint = Hint {
        file_name,
        ..Hint::default()
    };
    let imported = import(bytes, &hint).map_err(|e| e.to_string())?;
    let mut value = imported.draft;
    if !id.is_empty() {
        value["id"] = Value::String(id.to_owned());
    }
    Ok(FromImport {
        value,
        report: imported.report,
    })
}

/// An uploaded JSON file as the draft: a notice, or a history file's latest version. It only
/// has to be a JSON object; whatever is wrong with it is shown as problems to fix.
pub fn from_json_file(text: &str) -> Result<Value, String> {
    let v: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?;
    let v = match v.get("versions").and_then(Value::as_array) {
        Some(versions) => versions
            .last()
            .and_then(|last| last.get("notice"))
            .cloned()
            .ok_or_else(|| "the history file has no version".to_owned())?,
        None => v,
    };
    if !v.is_object() {
        return Err("a notice is a JSON object".to_owned());
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use seloste_schema::Severity;

    fn example_text(name: &str) -> String {
        let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).unwrap()
    }

    const TEXT: &str = "Tietosuojaseloste\n\nRekisterinpitäjä\nAcme Oy\nEsimerkkikatu 1, 00100 Helsinki\ntietosuoja@acme.example\n\nHenkilötietojen käsittelyn tarkoitus\nAsiakassuhteen hoitaminen ja laskutus.\n\nRekisteröidyn oikeudet\nRekisteröidyllä on oikeus tarkastaa tietonsa.\n";

    #[test]
    fn pasted_text_becomes_a_draft_of_this_notice_with_a_report() {
        let got = from_import(TEXT.as_bytes(), None, "acme/customers").unwrap();
        assert_eq!(got.value["id"], "acme/customers");
        assert_eq!(got.report.language, "fi");
        assert!(!got.report.sections.is_empty());
        let c = check(&got.value);
        let n = c.notice.expect("an imported draft has a notice's shape");
        assert_eq!(n.organisation.name, "Acme Oy");
        assert!(c.problems.iter().all(|p| p.severity == Severity::Finding));
    }

    #[test]
    fn text_that_is_no_notice_is_refused_in_the_importers_words() {
        let e = from_import(b"Hello world, nothing here.", None, "acme/x").unwrap_err();
        assert!(e.contains("privacy notice"), "{e}");
        assert!(from_import(b"", None, "acme/x").is_err());
    }

    #[test]
    fn the_latest_version_is_read_from_the_api_answer() {
        let notice: Value =
            serde_json::from_str(&example_text("kaarea-asiakasrekisteri.json")).unwrap();
        let body = serde_json::json!({
            "id": notice["id"],
            "latest": {"number": 4, "published": "2025-01-02", "summary": {"fi": "x"}, "notice": notice, "hash": "ab"},
            "versions": [],
        })
        .to_string();
        let l = Latest::from_answer(&body).unwrap();
        assert_eq!(l.number, 4);
        assert_eq!(l.value, notice);
        let version = serde_json::json!({"number": 2, "published": "2025-01-02", "summary": {"fi": "x"}, "notice": notice, "hash": "ab"});
        assert_eq!(Latest::from_answer(&version.to_string()).unwrap().number, 2);
        assert!(Latest::from_answer("{}").is_err());
    }

    #[test]
    fn json_files_notices_and_histories() {
        let n = from_json_file(&example_text("kaarea-asiakasrekisteri.json")).unwrap();
        assert!(n.get("organisation").is_some());
        let h = from_json_file(&example_text("pohjantahti-asiakasrekisteri.history.json")).unwrap();
        assert!(h.get("organisation").is_some() && h.get("versions").is_none());
        assert!(from_json_file("[1]").is_err());
        assert!(from_json_file("{").is_err());
    }
}
