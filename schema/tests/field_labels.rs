//! Every field of `notice.schema.json` has a label in Finnish, Swedish and English, and every value
//! of every closed set a term label: the editor builds its form from the schema, so a field added
//! there reaches authors only through this table, and must not reach them unlabeled.

use seloste_schema::field_labels::{field_label, term, type_label};
use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(include_str!("../notice.schema.json")).unwrap()
}

/// Every (parent, property) of the schema: the `$defs` objects, the objects inside their
/// `oneOf`/`anyOf` variants, and the notice itself (`Notice`).
fn properties(s: &Value) -> Vec<(String, String)> {
    fn of(parent: &str, node: &Value, out: &mut Vec<(String, String)>) {
        if let Some(props) = node.get("properties").and_then(Value::as_object) {
            for name in props.keys() {
                out.push((parent.to_owned(), name.clone()));
            }
        }
        for key in ["oneOf", "anyOf"] {
            for variant in node
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                of(parent, variant, out);
            }
        }
    }
    let mut out = Vec::new();
    for (name, def) in s["$defs"].as_object().unwrap() {
        of(name, def, &mut out);
    }
    of("Notice", s, &mut out);
    out
}

fn three(words: [&str; 3]) -> bool {
    words.iter().all(|w| !w.trim().is_empty())
}

#[test]
fn every_property_of_the_schema_has_a_label_in_three_languages() {
    let s = schema();
    let props = properties(&s);
    assert!(props.len() > 100, "the walk reaches the whole schema");
    let missing: Vec<String> = props
        .iter()
        .filter(|(parent, name)| !field_label(parent, name).is_some_and(three))
        .map(|(parent, name)| format!("{parent}.{name}"))
        .collect();
    assert!(missing.is_empty(), "fields without a label: {missing:?}");
}

#[test]
fn every_value_of_every_closed_set_has_a_term_label() {
    let s = schema();
    let mut seen = 0;
    for (name, def) in s["$defs"].as_object().unwrap() {
        let Some(values) = def.get("enum").and_then(Value::as_array) else {
            continue;
        };
        for v in values {
            let v = v.as_str().unwrap();
            for lang in ["fi", "sv", "en"] {
                let t = term(name, v, lang);
                assert!(
                    t.is_some_and(|t| !t.label.trim().is_empty()),
                    "{name} `{v}` has no {lang} label"
                );
            }
            seen += 1;
        }
    }
    assert!(seen > 40, "the closed sets are all there ({seen} values)");
}

#[test]
fn every_type_a_value_may_take_instead_of_another_is_named() {
    let s = schema();
    for (name, def) in s["$defs"].as_object().unwrap() {
        for variant in def
            .get("oneOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(r) = variant.get("$ref").and_then(Value::as_str) {
                let target = r.trim_start_matches("#/$defs/");
                assert!(
                    type_label(target).is_some_and(three),
                    "{name}: the shape {target} has no label"
                );
            }
        }
    }
}

#[test]
fn labels_differ_where_a_name_means_different_things() {
    assert_ne!(
        field_label("Contact", "title"),
        field_label("Notice", "title")
    );
    assert_ne!(
        field_label("Phone", "number"),
        field_label("FreeSection", "number")
    );
    assert_ne!(
        field_label("Transfer", "country"),
        field_label("Address", "country")
    );
}
