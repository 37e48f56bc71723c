//! The vocabulary's labels as the renderers word them, written from the Rust side to
//! `tests/golden/vocabulary.json` for the edge tests (`tests/edge/examples.test.mjs` maps each code
//! of an example to the label its page must show, without a hand-copied table). The file is
//! checked here against `seloste_schema::vocab`: regenerate it with
//! `UPDATE_EXPECT=1 cargo test --test vocabulary` (expect-test; the path is relative to this file).

use expect_test::expect_file;
use serde_json::{json, Map, Value};

use seloste_schema::party::Jurisdiction;
use seloste_schema::vocab::{
    LegalBasis, RecipientRole, RequirementKind, Right, RoleKind, Safeguard,
    SpecialCategoryCondition,
};

const LANGS: [&str; 3] = ["fi", "sv", "en"];

/// `{code: {"fi": label, "sv": label, "en": label, "article": article}}` for every term.
fn terms<T: Copy>(
    all: &[T],
    id: fn(T) -> &'static str,
    label: fn(T, &str) -> &'static str,
    article: fn(T) -> &'static str,
) -> Value {
    let mut out = Map::new();
    for &t in all {
        let mut entry = Map::new();
        for lang in LANGS {
            entry.insert(lang.into(), json!(label(t, lang)));
        }
        entry.insert("article".into(), json!(article(t)));
        out.insert(id(t).into(), Value::Object(entry));
    }
    Value::Object(out)
}

/// Keyed by the notice field whose values are codes of that vocabulary.
fn vocabulary() -> Value {
    json!({
        "legal_bases": terms(LegalBasis::ALL, LegalBasis::id, LegalBasis::label, LegalBasis::article),
        "special_category_conditions": terms(
            SpecialCategoryCondition::ALL,
            SpecialCategoryCondition::id,
            SpecialCategoryCondition::label,
            SpecialCategoryCondition::article,
        ),
        "rights": terms(Right::ALL, Right::id, Right::label, Right::article),
        "special_category_condition": terms(
            SpecialCategoryCondition::ALL,
            SpecialCategoryCondition::id,
            SpecialCategoryCondition::label,
            SpecialCategoryCondition::article,
        ),
        // Format 1's single safeguard, still read, and the list that replaced it.
        "safeguard": terms(Safeguard::ALL, Safeguard::id, Safeguard::label, Safeguard::article),
        "safeguards": terms(Safeguard::ALL, Safeguard::id, Safeguard::label, Safeguard::article),
        "jurisdiction": terms(Jurisdiction::ALL, Jurisdiction::id, Jurisdiction::label, Jurisdiction::article),
        "role": terms(RecipientRole::ALL, RecipientRole::id, RecipientRole::label, RecipientRole::article),
        "acts_as": terms(RoleKind::ALL, RoleKind::id, RoleKind::label, RoleKind::article),
        "kind": terms(RequirementKind::ALL, RequirementKind::id, RequirementKind::label, RequirementKind::article),
    })
}

#[test]
fn the_vocabulary_file_the_edge_tests_read_is_up_to_date() {
    let text = serde_json::to_string_pretty(&vocabulary()).unwrap() + "\n";
    expect_file!["golden/vocabulary.json"].assert_eq(&text);
}
