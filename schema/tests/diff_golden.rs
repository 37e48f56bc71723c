//! Golden tests of the structural diff: each case changes the complete fixture notice in one
//! realistic way and compares the diff's text, in Finnish and English, with a reviewed file in
//! `tests/golden/diff/`. Regenerate with `UPDATE_EXPECT=1 cargo test -p seloste-schema --test diff_golden`
//! and review the change like code (expect-test's `expect_file!`: paths are relative to this file).

use expect_test::expect_file;
use serde_json::{json, Value};

use seloste_schema::{diff, Change, Notice};

fn complete() -> Value {
    serde_json::from_str(include_str!("data/complete.json")).unwrap()
}

fn notice(v: &Value) -> Notice {
    serde_json::from_value(v.clone()).unwrap()
}

fn golden(name: &str, old: &Value, new: &Value) {
    for lang in ["fi", "en"] {
        let text = diff(&notice(old), &notice(new), lang).to_text();
        expect_file![format!("golden/diff/{name}.{lang}.txt")].assert_eq(&text);
    }
}

fn changed(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = complete();
    f(&mut v);
    v
}

#[test]
fn identical_versions_have_no_changes() {
    let d = diff(&notice(&complete()), &notice(&complete()), "fi");
    assert!(d.is_empty());
    golden("identical", &complete(), &complete());
}

#[test]
fn a_new_processor() {
    let new = changed(|v| {
        v["recipients"]["items"].as_array_mut().unwrap().push(json!({
            "name": {"fi": "Postikyyhky Oy", "en": "Postikyyhky Oy"}, "role": "processor", "location": "FI",
            "purpose": {"fi": "Uutiskirjeiden lähettäminen", "en": "Sending newsletters"}
        }))
    });
    let d = diff(&notice(&complete()), &notice(&new), "en");
    assert_eq!(d.sections.len(), 1);
    assert!(
        matches!(&d.sections[0].changes[..], [Change::Added { item, .. }] if item == "Postikyyhky Oy")
    );
    golden("new-processor", &complete(), &new);
}

#[test]
fn a_shorter_retention_period() {
    let new = changed(|v| {
        v["retention"]["rules"][0] = json!({
            "period": {"fi": "Asiakassuhteen ajan ja 12 kuukautta sen jälkeen", "en": "During the relationship and 12 months after"},
            "max_duration": "P12M"
        })
    });
    golden("shorter-retention", &complete(), &new);
}

#[test]
fn a_new_contact_person() {
    let new = changed(
        |v| v["contact"] = json!({"name": "Pekka Uusi", "emails": ["pekka@acme.example"], "phones": [{"number": "040 111 2222"}]}),
    );
    let d = diff(&notice(&complete()), &notice(&new), "fi");
    let Change::Changed { fields, .. } = &d.sections[0].changes[0] else {
        panic!("{d:?}")
    };
    assert_eq!(fields.len(), 3, "name, phone and email changed: {fields:?}");
    golden("new-contact", &complete(), &new);
}

#[test]
fn reworded_text_removed_items_and_new_rights() {
    let new = changed(|v| {
        v["introduction"][0]["paragraph"] = json!({"fi": "Kerromme selkeästi, miten käsittelemme tietoja.", "en": "How we process your data, plainly."});
        v["security"]["technical"] = json!([{"list": [{"fi": "Salaus", "en": "Encryption"}, {"fi": "Palomuuri", "en": "Firewall"}]}]);
        v["rights"]["rights"]
            .as_array_mut()
            .unwrap()
            .retain(|r| r != "portability");
        v["purposes"].as_array_mut().unwrap().remove(1);
        v["organisation"]["visiting_address"] =
            json!({"street": "Katu 1", "postal_code": "00100", "city": "Helsinki"});
    });
    golden("mixed", &complete(), &new);
}
