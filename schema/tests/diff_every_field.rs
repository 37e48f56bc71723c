//! The diff misses nothing a reader sees: derived from the types, not from a list of fields.
//!
//! `data/every-field.json` is a notice that sets every field the JSON Schema (generated from the
//! Rust types) declares, with every list holding an item and every kind of prose block used; the
//! first test proves that, so a field added to the types without the fixture fails here. The
//! second changes each leaf of that notice in turn to another valid value and asserts that the
//! diff, in the leaf's language (or in every language for a leaf that has none), is non-empty and
//! names exactly the section the field belongs to. The third is the table over every section type:
//! a change in each of `SectionId::ORDER` appears under that section's heading in fi, sv and en.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use seloste_schema::{diff, validate_notice, Notice, SectionId};

/// Leaves the diff need not show, each with the reason: document metadata readers see elsewhere.
const EXEMPT: &[(&str, &str)] = &[
    ("$schema", "a hint for editors, never shown"),
    (
        "format",
        "the file format's version, not the notice's content",
    ),
    (
        "id",
        "the notice's address, seen in its URL; a history keeps one id for good",
    ),
    (
        "updated",
        "shown at the top of the notice; the change log dates every version itself",
    ),
];

/// Leaves that cannot change alone without a validation error; their diff is still checked, on a
/// notice that parses but would be refused. The test fails if one of them could change alone.
const NOT_ALONE: &[(&str, &str)] = &[
    (
        "languages[]",
        "every text must then be translated into the new language",
    ),
    (
        "transfers.outside_eea",
        "listed transfers contradict `false`",
    ),
];

/// Fields a valid notice cannot set together. The fixture sets both, so that each is walked; a
/// leaf of one is changed on the fixture without the other.
const EXCLUSIVE: &[(&str, &str, &str)] = &[(
    "dpo",
    "dpo_not_appointed",
    "a notice names its data protection officer or says none is appointed",
)];

/// The fixture as a valid notice for changing `leaf`: without the fields it excludes.
fn base_for(leaf: &Leaf) -> Value {
    let mut v = fixture();
    let map = v.as_object_mut().unwrap();
    for (a, b, _) in EXCLUSIVE {
        map.remove(if leaf.top() == *b { *a } else { *b });
    }
    v
}

/// The section that shows each field of a notice file: the top-level field's, except for the
/// notice's own headings, which belong to the section they head.
fn section_of_leaf(leaf: &Leaf) -> Option<SectionId> {
    match (leaf.top(), leaf.path.get(1)) {
        ("headings", Some(Step::Key(key))) => section_of(key),
        (top, _) => section_of(top),
    }
}

/// The section that shows each top-level field of a notice file.
fn section_of(field: &str) -> Option<SectionId> {
    Some(match field {
        "title" | "languages" | "introduction" | "effective" => SectionId::General,
        "organisation" => SectionId::Organisation,
        "role" => SectionId::Role,
        "representative" => SectionId::Representative,
        "contact" => SectionId::Contact,
        "dpo" | "dpo_not_appointed" => SectionId::Dpo,
        "register" => SectionId::Register,
        "purposes" => SectionId::Purposes,
        "lawfulness" => SectionId::Lawfulness,
        "data_subjects" => SectionId::DataSubjects,
        "sources" => SectionId::Sources,
        "recipients" => SectionId::Recipients,
        "transfers" => SectionId::Transfers,
        "retention" => SectionId::Retention,
        "security" => SectionId::Security,
        "rights" => SectionId::Rights,
        "complaint_authorities" => SectionId::ComplaintAuthority,
        "automated_decisions" => SectionId::AutomatedDecisions,
        "profiling" => SectionId::Profiling,
        "requirement" => SectionId::Requirement,
        "changes" => SectionId::Changes,
        "other_sections" => SectionId::Other,
        _ => return None,
    })
}

fn fixture() -> Value {
    serde_json::from_str(include_str!("data/every-field.json")).unwrap()
}

fn schema() -> Value {
    seloste_schema::json_schema::notice()
}

/// One step of a path into a JSON value.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// A scalar of the fixture: where it is, the language it is written in (for translations), and
/// the values the JSON Schema allows in its place (for enums).
#[derive(Debug)]
struct Leaf {
    path: Vec<Step>,
    lang: Option<String>,
    allowed: Option<Vec<Value>>,
}

impl Leaf {
    /// `purposes[0].name.fi`.
    fn display(&self) -> String {
        display(&self.path, false)
    }

    /// The field, whatever the item and the language: `purposes[].name`.
    fn field(&self) -> String {
        let steps = if self.lang.is_some() {
            &self.path[..self.path.len() - 1]
        } else {
            &self.path[..]
        };
        display(steps, true)
    }

    fn top(&self) -> &str {
        match &self.path[0] {
            Step::Key(k) => k,
            Step::Index(_) => unreachable!("a notice is an object"),
        }
    }
}

fn display(steps: &[Step], generic: bool) -> String {
    let mut s = String::new();
    for step in steps {
        match step {
            Step::Key(k) if s.is_empty() => s.push_str(k),
            Step::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Step::Index(_) if generic => s.push_str("[]"),
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Walks the JSON Schema and a value together.
struct Walker {
    root: Value,
    /// Properties, translations and list items the fixture lacks.
    missing: Vec<String>,
    /// For each `oneOf` (by its `$defs` name), how many variants it has and which were seen.
    variants: BTreeMap<String, (usize, BTreeSet<usize>)>,
    leaves: Vec<Leaf>,
}

impl Walker {
    fn new() -> Self {
        Walker {
            root: schema(),
            missing: Vec::new(),
            variants: BTreeMap::new(),
            leaves: Vec::new(),
        }
    }

    /// Follows `$ref`s, returning the schema and the name of the last definition it came from.
    fn resolve(&self, mut node: Value, mut name: String) -> (Value, String) {
        while let Some(r) = node.get("$ref").and_then(Value::as_str) {
            let def = r.strip_prefix("#/$defs/").expect("local definitions only");
            name = def.to_owned();
            node = self.root["$defs"][def].clone();
        }
        (node, name)
    }

    fn walk(
        &mut self,
        node: Value,
        name: String,
        value: &Value,
        path: &mut Vec<Step>,
        lang: Option<&str>,
    ) {
        let (node, name) = self.resolve(node, name);
        if let Some(any) = node.get("anyOf").and_then(Value::as_array) {
            // An optional value: `anyOf: [T, null]`.
            let some = any
                .iter()
                .find(|s| s.get("type") != Some(&Value::from("null")))
                .expect("anyOf with a non-null branch")
                .clone();
            if value.is_null() {
                self.missing.push(display(path, false));
            } else {
                self.walk(some, name, value, path, lang);
            }
            return;
        }
        if let Some(one_of) = node.get("oneOf").and_then(Value::as_array) {
            // The variant whose required keys the value has; else the one that requires none
            // (a plain text beside a structured form, as a data item is written).
            let chosen = one_of
                .iter()
                .position(|variant| {
                    variant["required"].as_array().is_some_and(|req| {
                        req.iter().all(|k| value.get(k.as_str().unwrap()).is_some())
                    })
                })
                .or_else(|| one_of.iter().position(|v| v.get("required").is_none()));
            let entry = self
                .variants
                .entry(name.clone())
                .or_insert_with(|| (one_of.len(), BTreeSet::new()));
            let chosen = chosen
                .unwrap_or_else(|| panic!("{} matches no variant of {name}", display(path, false)));
            entry.1.insert(chosen);
            self.walk(one_of[chosen].clone(), name, value, path, lang);
            return;
        }
        if let Some(allowed) = node.get("enum").and_then(Value::as_array) {
            self.leaves.push(Leaf {
                path: path.clone(),
                lang: lang.map(str::to_owned),
                allowed: Some(allowed.clone()),
            });
            return;
        }
        match value {
            Value::Object(map) => {
                if let Some(props) = node.get("properties").and_then(Value::as_object) {
                    for (key, prop) in props {
                        if prop.get("deprecated") == Some(&Value::Bool(true)) {
                            // An older spelling still read (e.g. `safeguard` for `safeguards`):
                            // it becomes the field that replaced it, walked under that name.
                            continue;
                        }
                        path.push(Step::Key(key.clone()));
                        match map.get(key) {
                            Some(v) => self.walk(prop.clone(), name.clone(), v, path, None),
                            None => self.missing.push(display(path, false)),
                        }
                        path.pop();
                    }
                } else if let Some(each) =
                    node.get("additionalProperties").filter(|a| a.is_object())
                {
                    // A translated text: its keys are languages.
                    if map.is_empty() {
                        self.missing.push(display(path, false));
                    }
                    for (key, v) in map {
                        path.push(Step::Key(key.clone()));
                        self.walk(each.clone(), name.clone(), v, path, Some(key));
                        path.pop();
                    }
                }
            }
            Value::Array(items) => {
                if items.is_empty() {
                    self.missing.push(display(path, false));
                }
                let each = node["items"].clone();
                for (i, v) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    self.walk(each.clone(), name.clone(), v, path, lang);
                    path.pop();
                }
            }
            _ => self.leaves.push(Leaf {
                path: path.clone(),
                lang: lang.map(str::to_owned),
                allowed: None,
            }),
        }
    }

    /// Walks the whole fixture.
    fn fixture() -> Self {
        let mut w = Walker::new();
        let root = w.root.clone();
        w.walk(root, "Notice".into(), &fixture(), &mut Vec::new(), None);
        w
    }
}

#[test]
fn the_fixture_sets_every_field_the_json_schema_declares() {
    let w = Walker::fixture();
    assert!(
        w.missing.is_empty(),
        "data/every-field.json lacks fields the types declare (add them, with every language): {:#?}",
        w.missing
    );
    for (name, (count, seen)) in &w.variants {
        assert_eq!(
            seen.len(),
            *count,
            "data/every-field.json uses only variants {seen:?} of the {count} of {name}"
        );
    }
    let notice: Notice = serde_json::from_value(fixture()).unwrap();
    let report = validate_notice(&notice);
    let unexpected: Vec<_> = report
        .errors()
        .filter(|e| !EXCLUSIVE.iter().any(|(_, b, _)| e.path == *b))
        .collect();
    assert!(
        unexpected.is_empty(),
        "the fixture is valid but for EXCLUSIVE: {unexpected:#?}"
    );
    assert_eq!(
        report.errors().count(),
        EXCLUSIVE.len(),
        "each pair of EXCLUSIVE is refused together: {report:#?}"
    );
    assert_eq!(notice.languages, ["fi", "sv", "en"], "all three languages");
    assert!(w.leaves.len() > 150, "the walk reached the leaves");
}

/// Sets the leaf at `path` of `value` to `new`.
fn set(value: &mut Value, path: &[Step], new: Value) {
    let mut v = value;
    for step in path {
        v = match step {
            Step::Key(k) => &mut v[k.as_str()],
            Step::Index(i) => &mut v[*i],
        };
    }
    *v = new;
}

fn get<'a>(value: &'a Value, path: &[Step]) -> &'a Value {
    path.iter().fold(value, |v, step| match step {
        Step::Key(k) => &v[k.as_str()],
        Step::Index(i) => &v[*i],
    })
}

/// Other values for a leaf, most likely valid first for its kind.
fn candidates(leaf: &Leaf, current: &Value) -> Vec<Value> {
    if let Some(allowed) = &leaf.allowed {
        return allowed.iter().filter(|v| *v != current).cloned().collect();
    }
    match current {
        Value::Bool(b) => vec![Value::Bool(!b)],
        Value::Number(n) => vec![Value::from(n.as_u64().expect("whole numbers") + 1)],
        Value::String(s) => [
            format!("{s} (muutettu)"),
            "P7Y".into(),
            "P3M".into(),
            "muutos@example.fi".into(),
            "https://muutos.example/sivu".into(),
            "mailto:muutos@example.fi".into(),
            "+358 9 876 5432".into(),
            "JP".into(),
            "CA".into(),
            "de".into(),
            "2025-03-01".into(),
        ]
        .into_iter()
        .filter(|c| c != s)
        .map(Value::from)
        .collect(),
        other => panic!("{} is not a scalar: {other}", leaf.display()),
    }
}

/// A changed notice for `leaf`: the first candidate that validates without errors, else the first
/// that at least parses (reported as `false`).
fn mutate(base: &Value, leaf: &Leaf) -> (Notice, bool) {
    let current = get(base, &leaf.path);
    let mut parses = None;
    for candidate in candidates(leaf, current) {
        let mut changed = base.clone();
        set(&mut changed, &leaf.path, candidate);
        let Ok(notice) = serde_json::from_value::<Notice>(changed) else {
            continue;
        };
        if !validate_notice(&notice).has_errors() {
            return (notice, true);
        }
        parses.get_or_insert(notice);
    }
    let notice =
        parses.unwrap_or_else(|| panic!("no other value of {} even parses", leaf.display()));
    (notice, false)
}

fn exempt(leaf: &Leaf) -> bool {
    EXEMPT.iter().any(|(field, _)| leaf.field() == *field)
}

#[test]
fn a_change_to_any_field_shows_in_the_diff_under_its_section() {
    let mut not_alone = BTreeSet::new();
    let mut failures = Vec::new();
    let leaves = Walker::fixture().leaves;
    for leaf in leaves.iter().filter(|l| !exempt(l)) {
        let base_value = base_for(leaf);
        let base: Notice = serde_json::from_value(base_value.clone()).unwrap();
        let expected = section_of_leaf(leaf).unwrap_or_else(|| {
            panic!(
                "`{}` is in no section: map it in section_of or exempt it with a reason",
                leaf.top()
            )
        });
        let (changed, alone) = mutate(&base_value, leaf);
        if !alone {
            not_alone.insert(leaf.field());
        }
        let langs = match &leaf.lang {
            Some(l) => vec![l.clone()],
            None => base.languages.clone(),
        };
        for lang in langs {
            let d = diff(&base, &changed, &lang);
            let sections: Vec<SectionId> = d.sections.iter().map(|s| s.section).collect();
            if sections != [expected] {
                failures.push(format!(
                    "{} ({lang}): expected a change under {expected:?}, the diff has {sections:?}",
                    leaf.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "changes the diff misses or misplaces:\n{}",
        failures.join("\n")
    );
    let declared: BTreeSet<String> = NOT_ALONE.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(
        not_alone, declared,
        "the leaves that cannot change alone without a validation error are not the ones NOT_ALONE lists"
    );
}

#[test]
fn exemptions_name_real_fields() {
    let leaves = Walker::fixture().leaves;
    for (field, _) in EXEMPT.iter().chain(NOT_ALONE) {
        assert!(
            leaves.iter().any(|l| l.field() == *field),
            "`{field}` is no field of the notice"
        );
    }
}

#[test]
fn a_change_in_each_section_type_appears_under_its_heading() {
    let leaves = Walker::fixture().leaves;
    for section in SectionId::ORDER {
        let leaf = leaves
            .iter()
            .filter(|l| !exempt(l) && section_of_leaf(l) == Some(section))
            .find(|l| l.lang.is_none() || l.lang.as_deref() == Some("fi"))
            .unwrap_or_else(|| panic!("the fixture has nothing in {section:?}"));
        let base_value = base_for(leaf);
        let base: Notice = serde_json::from_value(base_value.clone()).unwrap();
        // A language-independent leaf, or the same change made in every language.
        let mut changed = base_value.clone();
        let paths: Vec<Vec<Step>> = match &leaf.lang {
            None => vec![leaf.path.clone()],
            Some(_) => base
                .languages
                .iter()
                .map(|l| {
                    let mut p = leaf.path.clone();
                    *p.last_mut().unwrap() = Step::Key(l.clone());
                    p
                })
                .collect(),
        };
        for path in &paths {
            let one = Leaf {
                path: path.clone(),
                lang: leaf.lang.clone(),
                allowed: leaf.allowed.clone(),
            };
            let (notice, _) = mutate(&changed, &one);
            changed = serde_json::to_value(notice).unwrap();
        }
        let changed: Notice = serde_json::from_value(changed).unwrap();
        for lang in ["fi", "sv", "en"] {
            let d = diff(&base, &changed, lang);
            assert_eq!(d.sections.len(), 1, "{section:?} ({lang}): {d:#?}");
            assert_eq!(d.sections[0].section, section, "{lang}: {d:#?}");
            assert_eq!(d.sections[0].heading, section.heading(lang), "{lang}");
            assert!(
                d.to_text()
                    .starts_with(&format!("{}\n", section.heading(lang))),
                "{section:?} ({lang}): {}",
                d.to_text()
            );
        }
    }
}
