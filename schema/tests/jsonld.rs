//! The JSON-LD form of a notice version: the DPV terms each part of the notice becomes, every
//! language as a language-tagged string, and the `<script>`-safe serialisation. (The independent
//! processor test, pyld expanding every example to N-Quads, is `tests/jsonld_rdf.rs` at the root.)

use serde_json::{json, Value};

use seloste_schema::history::History;
use seloste_schema::jsonld::{context_v1, for_script_element, version_jsonld, ContextRef};

fn pohjantahti() -> History {
    serde_json::from_str(include_str!(
        "../../examples/pohjantahti-asiakasrekisteri.history.json"
    ))
    .unwrap()
}

fn latest_doc() -> Value {
    let h = pohjantahti();
    version_jsonld(
        h.latest(),
        ContextRef::Url("https://notices.example/ns/v1.jsonld"),
        Some("https://notices.example/pohjantahti/asiakasrekisteri/v/3"),
    )
}

#[test]
fn the_notice_is_a_dpv_privacy_notice_with_its_version_dates_and_languages() {
    let h = pohjantahti();
    let v = h.latest();
    let doc = latest_doc();
    assert_eq!(doc["@context"], "https://notices.example/ns/v1.jsonld");
    assert_eq!(
        doc["id"],
        "https://notices.example/pohjantahti/asiakasrekisteri/v/3"
    );
    assert_eq!(doc["type"], "dpv:PrivacyNotice");
    assert_eq!(doc["version"], json!(v.number));
    assert_eq!(doc["issued"], json!(v.published.to_string()));
    assert_eq!(doc["language"], json!(["fi", "en"]));
    assert_eq!(doc["title"]["fi"], json!(v.notice.title.0["fi"]));
    assert_eq!(doc["title"]["en"], json!(v.notice.title.0["en"]));
    assert_eq!(doc["process"]["type"], "dpv:Process");
}

#[test]
fn the_process_carries_controller_dpo_purposes_bases_transfers_retention_and_rights() {
    let h = pohjantahti();
    let n = &h.latest().notice;
    let p = &latest_doc()["process"];
    assert_eq!(p["controller"]["type"], "dpv:DataController");
    assert_eq!(p["controller"]["name"], json!(n.organisation.name));
    assert_eq!(p["dpo"]["type"], "dpv:DataProtectionOfficer");
    assert_eq!(p["dpo"]["name"], "Sanna Korhonen");
    assert_eq!(
        p["dpo"]["email"],
        json!(["mailto:tietosuoja@pohjantahti.example"])
    );
    assert_eq!(p["dpo"]["telephone"], json!(["tel:+358405550109"]));

    let purposes = p["purpose"].as_array().unwrap();
    assert_eq!(purposes.len(), n.purposes.len());
    for (doc, purpose) in purposes.iter().zip(&n.purposes) {
        let bases: Vec<&str> = purpose.legal_bases.iter().map(|b| b.dpv_iri()).collect();
        assert_eq!(doc["legalBasis"], json!(bases));
        assert_eq!(doc["label"]["en"], json!(purpose.name.0["en"]));
    }

    let transfer = &p["transfer"][0];
    assert_eq!(transfer["processing"], "dpv:Transfer");
    assert_eq!(transfer["thirdCountry"], "https://w3id.org/dpv/loc#US");
    assert_eq!(
        transfer["legalBasis"],
        json!(["https://w3id.org/dpv/legal/eu/gdpr#A46-2-c"])
    );
    assert_eq!(transfer["recipient"][0]["label"]["en"], "Mailcomet Inc.");

    let rules = &n.retention.as_ref().unwrap().rules;
    let storage = p["storage"].as_array().unwrap();
    assert_eq!(storage.len(), rules.len());
    for (doc, rule) in storage.iter().zip(rules) {
        assert_eq!(doc["type"], "dpv:StorageDuration");
        assert_eq!(doc["description"]["fi"], json!(rule.period.0["fi"]));
        let duration = rule.max_duration.as_ref().or(rule.min_duration.as_ref());
        assert_eq!(doc.get("value"), duration.map(|d| json!(d)).as_ref());
    }

    let rights: Vec<&str> = n
        .rights
        .as_ref()
        .unwrap()
        .rights
        .iter()
        .map(|r| r.dpv_iri())
        .collect();
    assert_eq!(p["right"], json!(rights));
    assert!(rights.contains(&"https://w3id.org/dpv/legal/eu/gdpr#A77"));
}

#[test]
fn recipients_keep_their_dpv_role_and_processors_are_also_data_processors() {
    let h = pohjantahti();
    let n = &h.latest().notice;
    let p = &latest_doc()["process"];
    let items = &n.recipients.as_ref().unwrap().items;
    let recipients = p["recipient"].as_array().unwrap();
    assert_eq!(recipients.len(), items.len());
    for (doc, item) in recipients.iter().zip(items) {
        assert_eq!(
            doc["type"],
            json!(item.role.dpv_iri().replace("https://w3id.org/dpv#", "dpv:"))
        );
        assert_eq!(doc["label"]["fi"], json!(item.name.0["fi"]));
    }
    let processors = items.iter().filter(|i| i.role.id() == "processor").count();
    assert!(processors > 0, "the example has processors");
    assert_eq!(p["processor"].as_array().unwrap().len(), processors);
}

#[test]
fn every_key_the_document_uses_is_defined_by_the_context() {
    let ctx = context_v1();
    fn walk(v: &Value, ctx: &Value, lang_map: bool) {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    if k == "@context" {
                        continue;
                    }
                    // Keywords and full IRIs (the version pin's SPDX terms; context v1 is
                    // frozen) need no term; every short key does.
                    let needs_term = !k.starts_with('@') && !k.contains("://");
                    if !lang_map && needs_term {
                        assert!(ctx.get(k).is_some(), "`{k}` is not in the context");
                    }
                    let is_lang = ctx[k]["@container"] == "@language";
                    walk(child, ctx, is_lang);
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, ctx, false)),
            _ => {}
        }
    }
    let h = pohjantahti();
    for v in h.versions() {
        walk(&version_jsonld(v, ContextRef::Inline, None), &ctx, false);
    }
}

#[test]
fn inline_context_makes_the_file_self_contained() {
    let h = pohjantahti();
    let doc = version_jsonld(&h.versions()[0], ContextRef::Inline, None);
    assert_eq!(doc["@context"], context_v1());
    assert_eq!(doc["version"], 1);
    assert!(doc.get("id").is_none());
}

#[test]
fn script_element_form_cannot_close_the_element_and_is_the_same_data() {
    let doc = json!({"title": {"fi": "</script><script>alert(1)</script> <!-- & \u{2028}"}});
    let s = for_script_element(&doc);
    assert!(!s.contains('<'), "{s}");
    assert!(!s.contains('>'), "{s}");
    assert!(s.contains("\\u003c/script\\u003e"));
    let back: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(back, doc);
}
