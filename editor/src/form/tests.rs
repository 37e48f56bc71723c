//! The form rendered to HTML natively (Yew's server renderer), checked against the notice that
//! fills every field of the schema: every value has its control, labelled, at the id its problems
//! point to; texts in columns; closed sets with every value; durations as number and unit;
//! problems at their fields.

use std::cell::Cell;
use std::rc::Rc;

use seloste_schema::{Problem, SectionId, Severity};
use serde_json::{json, Value};
use yew::prelude::*;
use yew::LocalServerRenderer;

use super::{NoticeForm, NoticeFormProps};

const EVERY_FIELD: &str = include_str!("../../../schema/tests/data/every-field.json");

fn every_field() -> Value {
    serde_json::from_str(EVERY_FIELD).unwrap()
}

fn render_with(
    value: Value,
    problems: Vec<Problem>,
    ui: &str,
    on_change: Callback<Value>,
) -> String {
    let props = NoticeFormProps {
        value: Rc::new(value),
        on_change,
        problems: Rc::new(problems),
        ui_lang: AttrValue::from(ui.to_owned()),
    };
    futures_executor::block_on(
        LocalServerRenderer::<NoticeForm>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

fn render(value: Value, problems: Vec<Problem>, ui: &str) -> String {
    render_with(value, problems, ui, Callback::noop())
}

/// Every path of `v` (`a.b[0].c`), leaves and containers, but not the root.
fn paths(v: &Value, at: &str, out: &mut Vec<(String, bool)>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                let leaf = match child {
                    Value::Object(m) => m.is_empty(),
                    Value::Array(a) => a.is_empty(),
                    _ => true,
                };
                out.push((p.clone(), leaf));
                paths(child, &p, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let p = format!("{at}[{i}]");
                let leaf = !matches!(child, Value::Object(_) | Value::Array(_));
                out.push((p.clone(), leaf));
                paths(child, &p, out);
            }
        }
        _ => {}
    }
}

fn all_paths(v: &Value) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    paths(v, "", &mut out);
    out
}

/// The element with `id`: from its `<` to its closing tag (or the end of a void element).
fn element<'h>(html: &'h str, id: &str) -> &'h str {
    let at = html
        .find(&format!(" id=\"{id}\""))
        .or_else(|| html.find(&format!("<{id}")))
        .unwrap_or_else(|| panic!("no element with id {id}"));
    let start = html[..at].rfind('<').unwrap();
    let tag: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let end = match tag.as_str() {
        "input" => html[start..].find('>').unwrap() + 1,
        _ => html[start..].find(&format!("</{tag}>")).unwrap() + tag.len() + 3,
    };
    &html[start..start + end]
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn every_value_of_the_every_field_notice_has_a_labelled_control_at_its_path() {
    let v = every_field();
    let html = render(v.clone(), vec![], "fi");
    let all = all_paths(&v);
    assert!(
        all.len() > 400,
        "the walk covers the notice ({})",
        all.len()
    );
    let mut missing = Vec::new();
    for (path, leaf) in &all {
        let id = format!("id=\"field-{path}\"");
        if count(&html, &id) != 1 {
            missing.push(format!("{path}: {} elements", count(&html, &id)));
            continue;
        }
        let labelled = if *leaf {
            html.contains(&format!("for=\"field-{path}\""))
        } else {
            element(&html, &format!("field-{path}")).contains("<legend>")
        };
        if !labelled {
            missing.push(format!("{path}: no label"));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn ids_are_unique() {
    let html = render(every_field(), vec![], "en");
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "some id is used twice");
}

#[test]
fn every_control_has_a_label_for_it() {
    let html = render(every_field(), vec![], "sv");
    for tag in ["<input", "<select", "<textarea", "<output"] {
        for piece in html.split(tag).skip(1) {
            let head = &piece[..piece.find('>').unwrap()];
            let id = head
                .split(" id=\"")
                .nth(1)
                .map(|s| &s[..s.find('"').unwrap()])
                .unwrap_or_else(|| panic!("{tag} without an id: {head}"));
            assert!(
                html.contains(&format!("for=\"{id}\"")),
                "{tag} {id} has no label"
            );
        }
    }
}

/// The `id`s of the controls marked `aria-required`, and of those that are a text's language
/// column (they carry `lang`).
fn required_controls(html: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for tag in ["<input", "<select", "<textarea"] {
        for piece in html.split(tag).skip(1) {
            let head = &piece[..piece.find('>').unwrap()];
            if head.contains("aria-required=\"true\"") {
                let id = head.split(" id=\"").nth(1).unwrap();
                let id = &id[..id.find('"').unwrap()];
                out.push((id.to_owned(), head.contains(" lang=\"")));
            }
        }
    }
    out
}

#[test]
fn required_values_are_marked_for_sight_and_for_screen_readers() {
    let schema: Value =
        serde_json::from_str(include_str!("../../../schema/notice.schema.json")).unwrap();
    // Every property some object of the schema requires, by name, at any depth.
    fn required_in<'s>(node: &'s Value, out: &mut Vec<&'s str>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::Array(names)) = map.get("required") {
                    out.extend(names.iter().filter_map(Value::as_str));
                }
                map.values().for_each(|v| required_in(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| required_in(v, out)),
            _ => {}
        }
    }
    let mut required_names: Vec<&str> = Vec::new();
    required_in(&schema, &mut required_names);
    let html = render(every_field(), vec![], "fi");
    let marked = required_controls(&html);
    assert!(marked.len() > 5, "{marked:?}");
    for (id, column) in &marked {
        let path = id.strip_prefix("field-").unwrap();
        // A text's column is `title.fi`: the text itself is what is required.
        let path = if *column {
            &path[..path.rfind('.').unwrap()]
        } else {
            path
        };
        let name = path.rsplit(['.', '[']).next().unwrap();
        assert!(
            !name.ends_with(']'),
            "{id}: a list item is not itself required"
        );
        assert!(
            required_names.contains(&name),
            "{id}: `{name}` is required nowhere in the schema"
        );
    }
    let ids: Vec<&str> = marked.iter().map(|(id, _)| id.as_str()).collect();
    for id in [
        "field-title.fi",
        "field-title.sv",
        "field-title.en",
        "field-organisation.name",
        "field-role.acts_as",
    ] {
        assert!(ids.contains(&id), "{id} is required: {ids:?}");
    }
    for id in [
        "field-organisation.business_id",
        "field-organisation.emails[0]",
        "field-role.on_behalf_of.fi",
    ] {
        assert!(!ids.contains(&id), "{id} is optional");
    }
    // Seen: an asterisk after the label (the title's legend, the name's label), hidden from
    // screen readers, and what it means said once, in the interface's language.
    let mark = "<span aria-hidden=\"true\" class=\"required\"> *</span>";
    let legend = element(&html, "field-title");
    assert!(
        legend.contains(&format!("<legend>Otsikko{mark}</legend>")),
        "{legend}"
    );
    let label = &html[html.find("for=\"field-organisation.name\"").unwrap()..];
    assert!(
        label[..label.find("</label>").unwrap()].ends_with(mark),
        "{label}"
    );
    assert_eq!(
        count(&html, "Tähdellä (*) merkityt kohdat ovat pakollisia."),
        1
    );
    // Every asterisk is this one, hidden from screen readers.
    assert_eq!(count(&html, mark), count(&html, "class=\"required\""));
    // An optional field's label has none.
    let label = &html[html.find("for=\"field-organisation.business_id\"").unwrap()..];
    assert!(!label[..label.find("</label>").unwrap()].contains(mark));
}

#[test]
fn one_section_per_notice_section_in_reading_order_each_with_its_heading() {
    let html = render(every_field(), vec![], "fi");
    let mut last = 0;
    for s in SectionId::ORDER {
        let id = format!("id=\"form-{}\"", s.anchor());
        let at = html.find(&id).unwrap_or_else(|| panic!("no section {id}"));
        assert!(at > last, "{id} out of order");
        last = at;
        let section = element(&html, &format!("form-{}", s.anchor()));
        assert!(section.starts_with("<section"), "{id}");
        assert!(
            section.contains(&format!(">{}</h2>", s.heading("fi"))),
            "{id} heading"
        );
    }
    assert_eq!(count(&html, "<section"), SectionId::ORDER.len());
    assert!(element(&html, "form-purposes").contains("id=\"field-purposes[0].name.fi\""));
    assert!(element(&html, "form-dpo").contains("id=\"field-dpo_not_appointed\""));
    assert!(element(&html, "form-complaint").contains("id=\"field-complaint_authorities\""));
}

#[test]
fn a_text_has_a_column_per_language_and_marks_a_missing_one() {
    let mut v = every_field();
    v["title"] = json!({"fi": "Seloste", "en": "Notice", "de": "Hinweis"});
    let html = render(v, vec![], "en");
    let title = element(&html, "field-title");
    assert!(title.starts_with("<fieldset"));
    for lang in ["fi", "sv", "en", "de"] {
        assert!(
            title.contains(&format!("id=\"field-title.{lang}\"")),
            "{lang}"
        );
    }
    assert!(title.contains("value=\"Seloste\""));
    let sv = element(&html, "field-title.sv");
    assert!(sv.contains("aria-describedby=\"mark-title.sv\""), "{sv}");
    assert!(sv.contains("lang=\"sv\""));
    assert!(element(&html, "mark-title.sv").contains("translation missing"));
    assert!(title.contains("class=\"column missing\""));
    // A language the notice does not have: shown, marked, removable.
    assert!(element(&html, "mark-title.de").contains("not a language of the notice"));
    assert!(html.contains("id=\"remove-title.de\""));
    // Not marked where the translation is there.
    assert!(!html.contains("id=\"mark-title.fi\""));
    // Paragraphs are prose: a textarea per language.
    assert!(element(&html, "field-introduction[0].paragraph.fi").starts_with("<textarea"));
}

#[test]
fn a_closed_set_offers_every_value_by_its_label_with_its_article() {
    let html = render(every_field(), vec![], "fi");
    let select = element(&html, "field-purposes[0].legal_bases[0]");
    assert!(select.starts_with("<select"));
    for b in seloste_schema::vocab::LegalBasis::ALL {
        assert!(select.contains(&format!("value=\"{}\"", b.id())), "{b:?}");
        assert!(select.contains(b.label("fi")), "{b:?}");
        assert!(select.contains(&format!("Art. {}", b.article())), "{b:?}");
    }
    assert_eq!(count(select, "<option"), 6);
    let chosen = &select[select.find("selected").unwrap()..];
    assert!(
        chosen.contains("Oikeutettu etu"),
        "the value is the chosen one"
    );
    // Every closed set of the notice is a select with all its values.
    for (id, n) in [
        ("field-role.acts_as", 2),
        ("field-recipients.items[0].role", 5),
        ("field-transfers.items[0].safeguards[0]", 10),
        ("field-rights.rights[0]", 9),
        ("field-representative.jurisdiction", 2),
        ("field-requirement.kind", 4),
        ("field-lawfulness.special_category_conditions[0]", 10),
    ] {
        assert_eq!(count(element(&html, id), "<option"), n, "{id}");
    }
    // Countries: ISO codes named in the interface language.
    let country = element(&html, "field-transfers.items[0].country");
    assert!(country.contains("Yhdysvallat (US)"));
    assert!(count(country, "<option") > 240);
    assert!(element(&html, "field-recipients.items[0].location").contains("value=\"EEA\""));
    assert!(
        !country.contains("value=\"EEA\""),
        "a transfer goes to a country"
    );
}

#[test]
fn a_value_outside_a_closed_set_is_kept_as_written() {
    let mut v = every_field();
    v["role"]["acts_as"] = json!("overlord");
    v["transfers"]["items"][0]["country"] = json!("Germany");
    let html = render(v, vec![], "en");
    let role = element(&html, "field-role.acts_as");
    assert!(role.contains("value=\"overlord\" selected"), "{role}");
    assert!(
        element(&html, "field-transfers.items[0].country").contains("value=\"Germany\" selected")
    );
}

#[test]
fn a_duration_reads_as_number_and_unit() {
    let mut v = every_field();
    v["retention"]["rules"][0]["min_duration"] = json!("P1Y6M");
    let html = render(v, vec![], "fi");
    let max = element(&html, "field-retention.rules[0].max_duration");
    assert!(
        max.starts_with("<input") && max.contains("type=\"number\""),
        "{max}"
    );
    assert!(max.contains("value=\"24\""));
    let unit = element(&html, "unit-retention.rules[0].max_duration");
    assert!(unit.contains("value=\"M\" selected"), "{unit}");
    assert!(unit.contains("kuukautta"));
    assert!(html.contains("for=\"unit-retention.rules[0].max_duration\""));
    // What one number and unit cannot say stays text, as written.
    let min = element(&html, "field-retention.rules[0].min_duration");
    assert!(
        min.contains("type=\"text\"") && min.contains("value=\"P1Y6M\""),
        "{min}"
    );
}

#[test]
fn dates_booleans_and_numbers_have_their_own_inputs() {
    let html = render(every_field(), vec![], "en");
    let updated = element(&html, "field-updated");
    assert!(updated.contains("type=\"date\"") && updated.contains("value=\"2025-01-15\""));
    let special = element(&html, "field-data_subjects[0].data[0].special_category");
    assert!(special.contains("type=\"checkbox\"") && special.contains("checked"));
    let days = element(&html, "field-changes.advance_notice_days");
    assert!(days.contains("type=\"number\"") && days.contains("value=\"30\""));
    assert!(days.contains("min=\"0\""), "the schema's minimum");
}

#[test]
fn a_value_that_may_take_shapes_offers_them() {
    let html = render(every_field(), vec![], "en");
    let item = "data_subjects[0].data[0].items";
    let text_shape = element(&html, &format!("shape-{item}[0]"));
    assert!(text_shape.contains("value=\"0\" selected"), "{text_shape}");
    let named = element(&html, &format!("shape-{item}[1]"));
    assert!(named.contains("value=\"1\" selected"), "{named}");
    assert!(named.contains("Name + Required"));
    let block = element(&html, "shape-introduction[1]");
    assert!(
        block.contains("value=\"1\" selected") && block.contains(">List<"),
        "{block}"
    );
}

#[test]
fn lists_have_add_remove_and_move_buttons_named_by_their_item() {
    // Items are named by their text in the notice's main language.
    let html = render(every_field(), vec![], "en");
    let authorities = "complaint_authorities";
    assert!(html.contains(&format!("id=\"add-{authorities}\"")));
    let first_down = element(&html, &format!("down-{authorities}[0]"));
    assert!(first_down.contains("type=\"button\""));
    assert!(
        first_down.contains("aria-label=\"Move down: Right to lodge a complaint 1: Tietosuojavaltuutetun toimisto\""),
        "{first_down}"
    );
    assert!(
        !html.contains(&format!("id=\"up-{authorities}[0]\"")),
        "the first cannot go up"
    );
    assert!(html.contains(&format!("id=\"up-{authorities}[1]\"")));
    assert!(
        !html.contains(&format!("id=\"down-{authorities}[1]\"")),
        "the last cannot go down"
    );
    assert!(html.contains(&format!("id=\"remove-{authorities}[1]\"")));
}

#[test]
fn absent_optional_fields_are_added_with_a_button_and_old_spellings_stay_hidden() {
    let mut v = every_field();
    v.as_object_mut().unwrap().remove("dpo");
    let html = render(v, vec![], "en");
    let dpo = element(&html, "field-dpo");
    assert!(
        dpo.starts_with("<button") && dpo.contains("type=\"button\""),
        "{dpo}"
    );
    assert!(dpo.contains("Add Data protection officer"));
    assert!(
        !html.contains("field-complaint_authority\""),
        "deprecated and absent"
    );
    assert!(!html.contains("field-transfers.items[0].safeguard\""));
    // Present optional fields can be removed.
    assert!(html.contains("id=\"remove-contact\""));
    assert!(html.contains("id=\"remove-organisation.web\""));
    assert!(
        !html.contains("id=\"remove-organisation.name\""),
        "required"
    );
}

fn problem(severity: Severity, path: &str, message: &str, article: Option<&str>) -> Problem {
    Problem {
        article: article.map(str::to_owned),
        ..Problem::english(severity, path, message)
    }
}

#[test]
fn problems_show_at_their_field_with_their_article() {
    let mut v = every_field();
    v.as_object_mut().unwrap().remove("purposes");
    let problems = vec![
        problem(
            Severity::Error,
            "organisation.emails[0]",
            "not an email address",
            None,
        ),
        problem(
            Severity::Finding,
            "purposes",
            "no purposes stated",
            Some("13(1)(c)"),
        ),
        problem(
            Severity::Error,
            "title",
            "missing the `sv` translation",
            None,
        ),
        problem(
            Severity::Error,
            "organisation.emails[7]",
            "no such email",
            None,
        ),
        problem(
            Severity::Error,
            "retention.rules[0].period.en",
            "must not be empty",
            None,
        ),
        problem(
            Severity::Error,
            ".",
            "something about the whole notice",
            None,
        ),
    ];
    let html = render(v, problems, "en");
    let email = element(&html, "field-organisation.emails[0]");
    assert!(email.contains("aria-invalid=\"true\""), "{email}");
    assert!(email.contains("aria-describedby=\"problems-organisation.emails[0]\""));
    assert!(element(&html, "problems-organisation.emails[0]").contains("not an email address"));

    let add = element(&html, "field-purposes");
    assert!(
        add.contains("aria-describedby=\"problems-purposes\""),
        "{add}"
    );
    let finding = element(&html, "problems-purposes");
    assert!(finding.contains("no purposes stated") && finding.contains("(Art. 13(1)(c))"));
    assert!(finding.contains("Finding: "));

    assert!(element(&html, "problems-title").contains("missing the `sv` translation"));
    assert!(element(&html, "field-title").contains("aria-describedby=\"problems-title\""));
    // No control of its own: at the nearest enclosing field, the list.
    assert!(element(&html, "problems-organisation.emails").contains("no such email"));
    let period = element(&html, "field-retention.rules[0].period.en");
    assert!(period.contains("aria-invalid=\"true\""));
    assert!(element(&html, "field-.").contains("something about the whole notice"));
    // Each once, and nowhere else.
    for m in [
        "not an email address",
        "no purposes stated",
        "no such email",
        "must not be empty",
    ] {
        assert_eq!(count(&html, m), 1, "{m}");
    }
    // Findings do not make a field invalid.
    assert!(!add.contains("aria-invalid"));
}

#[test]
fn a_finnish_interface_shows_an_error_in_finnish_at_its_field() {
    let mut v = every_field();
    v["organisation"]["emails"][0] = json!("mailto:tietosuoja@acme.example");
    v["rights"]["rights"] = json!(["access"]);
    let (_, report) = seloste_schema::validate::check_json(&v.to_string());
    let html = render(v, report.problems, "fi");
    let field = element(&html, "problems-organisation.emails[0]");
    assert!(
        field.contains(
            "`mailto:tietosuoja@acme.example` ei ole sähköpostiosoite (kirjoita pelkkä osoite ilman `mailto:`-alkua)"
        ),
        "{field}"
    );
    assert!(!field.contains("is not an email address"), "{field}");
    let rights = element(&html, "problems-rights.rights");
    assert!(
        rights.contains(
            "seloste ei kerro rekisteröidylle oikeudesta tietojen poistamiseen (17 artikla)"
        ),
        "{rights}"
    );
    assert!(
        !html.contains("the notice does not"),
        "no English finding in a Finnish form"
    );
}

#[test]
fn every_problem_validation_finds_is_shown_once() {
    let mut v = every_field();
    v["organisation"]["emails"][0] = json!("not-an-email");
    v["title"].as_object_mut().unwrap().remove("sv");
    v["recipients"]["items"][0]["web"] = json!("javascript:alert(1)");
    v["retention"]["rules"][0]["max_duration"] = json!("24 months");
    for k in ["rights", "purposes", "complaint_authorities"] {
        v.as_object_mut().unwrap().remove(k);
    }
    let (_, report) = seloste_schema::validate::check_json(&v.to_string());
    assert!(report.problems.len() >= 5, "{:#?}", report.problems);
    let html = render(v, report.problems.clone(), "fi");
    for p in &report.problems {
        // In the interface's language.
        let message = html_escape(&p.message_in("fi"));
        assert_eq!(count(&html, &message), 1, "{p:?}");
        // At its own field, or (no control of its own) at the nearest enclosing one.
        let mut at = p.path.as_str();
        while !html.contains(&format!("id=\"problems-{at}\"")) {
            at = &at[..at
                .rfind(['.', '['])
                .unwrap_or_else(|| panic!("{p:?} at no field"))];
        }
        assert!(
            element(&html, &format!("problems-{at}")).contains(&message),
            "{p:?}"
        );
    }
    // The rights' finding: no list of rights, so at the button that adds the section.
    assert!(element(&html, "problems-rights").contains("(Art. 13(2)(b))"));
    assert!(element(&html, "field-rights").starts_with("<button"));
}

/// The message as Yew writes text (it escapes `<`, `>`, `&`, quotes).
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn a_draft_that_is_no_notice_yet_still_has_its_form() {
    let v = json!({
        "languages": ["fi", "sv"],
        "purposes": "not a list",
        "frobnicate": 3,
        "organisation": null
    });
    let problems = vec![problem(
        Severity::Error,
        "frobnicate",
        "unknown field",
        None,
    )];
    let html = render(v, problems, "fi");
    // Required fields have their controls though absent.
    assert!(html.contains("id=\"field-title.fi\"") && html.contains("id=\"field-title.sv\""));
    assert!(html.contains("id=\"field-organisation.name\""));
    assert!(html.contains("id=\"field-role.acts_as\""));
    // A field the schema does not know: shown, labelled, removable, with its problem.
    let unknown = element(&html, "field-frobnicate");
    assert!(unknown.contains("aria-describedby=\"problems-frobnicate\""));
    assert!(html.contains("for=\"field-frobnicate\"") && html.contains("id=\"remove-frobnicate\""));
    // A list that is not one: kept as written, in view.
    assert!(element(&html, "field-purposes").contains("<code>\"not a list\"</code>"));
    // Nothing at all: still a form.
    let empty = render(json!({}), vec![], "en");
    assert_eq!(count(&empty, "<section"), SectionId::ORDER.len());
}

#[test]
fn drawing_the_form_changes_nothing() {
    let called = Rc::new(Cell::new(false));
    let on_change = {
        let called = called.clone();
        Callback::from(move |_: Value| called.set(true))
    };
    let html = render_with(every_field(), vec![], "en", on_change);
    assert!(!html.is_empty());
    assert!(!called.get(), "no edit, no change");
}

#[test]
fn the_form_speaks_the_interface_language() {
    let fi = render(every_field(), vec![], "fi");
    let sv = render(every_field(), vec![], "sv");
    assert!(fi.contains(">Poista<") && sv.contains(">Ta bort<"));
    assert!(fi.contains("Henkilötietojen käsittelyn tarkoitukset</h2>"));
    assert!(sv.contains("Ändamålen med behandlingen av personuppgifter</h2>"));
    assert!(element(&sv, "field-purposes[0].legal_bases[0]").contains("Berättigat intresse"));
}

#[derive(Properties, PartialEq)]
struct ShowProps {
    html: Html,
}

#[function_component]
fn Show(props: &ShowProps) -> Html {
    props.html.clone()
}

#[test]
fn a_field_the_schema_gains_gets_its_control_without_hand_work() {
    use super::path::Path;
    use super::problems::Claims;
    use super::render::{slot, Cx, Presence};
    use super::shape::{Node, Schema};

    let mut json: Value =
        serde_json::from_str(include_str!("../../../schema/notice.schema.json")).unwrap();
    let props = json["$defs"]["Organisation"]["properties"]
        .as_object_mut()
        .unwrap();
    props.insert("founded".into(), json!({"$ref": "#/$defs/Date"}));
    props.insert(
        "review_every".into(),
        json!({"anyOf": [{"type": "string"}, {"type": "null"}],
               "description": "How often it is reviewed, an ISO 8601 duration."}),
    );
    props.insert(
        "mottos".into(),
        json!({"type": "array", "items": {"$ref": "#/$defs/Text"}}),
    );
    props.insert("audited".into(), json!({"type": "boolean"}));
    let schema: &'static Schema = Box::leak(Box::new(Schema::compile(&json)));
    let value = json!({
        "name": "Acme Oy",
        "founded": "2001-02-03",
        "review_every": "P1Y",
        "mottos": [{"fi": "Eteenpäin"}],
        "audited": true
    });
    let claims = Claims::new(std::iter::empty());
    let langs = vec!["fi".to_owned(), "en".to_owned()];
    let edit = Callback::noop();
    let cx = Cx {
        schema,
        ui: "en",
        langs: &langs,
        edit: &edit,
        claims: &claims,
    };
    let html = slot(
        &cx,
        &Path::root().key("organisation"),
        "Organisation",
        &Node::Ref("Organisation".into()),
        Some(&value),
        Presence::Required,
        false,
    );
    let html = futures_executor::block_on(
        LocalServerRenderer::<Show>::with_props(ShowProps { html })
            .hydratable(false)
            .render(),
    );
    assert!(element(&html, "field-organisation.founded").contains("type=\"date\""));
    let every = element(&html, "field-organisation.review_every");
    assert!(
        every.contains("type=\"number\"") && every.contains("value=\"1\""),
        "{every}"
    );
    assert!(element(&html, "unit-organisation.review_every").contains("value=\"Y\" selected"));
    assert!(html.contains("id=\"field-organisation.mottos[0].fi\""));
    assert!(html.contains("id=\"mark-organisation.mottos[0].en\""));
    assert!(element(&html, "field-organisation.audited").contains("checked"));
    // Labels it lacks in the table show as the field's name until the table has them.
    assert!(html.contains(">review_every</label>"));
}

#[test]
fn add_puts_a_new_term_in_a_set_and_the_smallest_value_elsewhere() {
    use super::render::new_item;
    use super::shape::{schema, Node};
    let right = Node::Ref("Right".into());
    assert_eq!(new_item(schema(), &right, &[]), json!("access"));
    assert_eq!(
        new_item(schema(), &right, &[json!("access"), json!("rectification")]),
        json!("erasure")
    );
    assert_eq!(
        new_item(
            schema(),
            &Node::Ref("Purpose".into()),
            &[json!({"name": {}})]
        ),
        json!({"name": {}})
    );
}

#[test]
fn item_buttons_move_and_remove_their_own_item_and_keep_the_focus_on_it() {
    use super::ops::{apply, Op};
    use super::path::Path;
    use super::render::item_actions;
    let list = Path::root().key("organisation").key("emails");
    let mut v = json!({"organisation": {"emails": ["a", "b", "c"]}});
    let first: Vec<&str> = item_actions(&list, 0, 3).iter().map(|a| a.class).collect();
    assert_eq!(first, ["down", "remove"]);
    let last: Vec<&str> = item_actions(&list, 2, 3).iter().map(|a| a.class).collect();
    assert_eq!(last, ["up", "remove"]);
    let middle = item_actions(&list, 1, 3);
    let up = &middle[0];
    assert!(apply(&mut v, &up.op));
    assert_eq!(v["organisation"]["emails"], json!(["b", "a", "c"]));
    // The moved item is now first: it has no "up", so its "down" takes the focus.
    assert_eq!(
        up.focus,
        ["up-organisation.emails[0]", "down-organisation.emails[0]"]
    );
    let down = &item_actions(&list, 0, 3)[0];
    assert!(apply(&mut v, &down.op));
    assert_eq!(v["organisation"]["emails"], json!(["a", "b", "c"]));
    assert_eq!(down.focus[0], "down-organisation.emails[1]");
    let remove = item_actions(&list, 1, 3).pop().unwrap();
    assert_eq!(remove.op, Op::Remove(list.index(1)));
    assert!(apply(&mut v, &remove.op));
    assert_eq!(v["organisation"]["emails"], json!(["a", "c"]));
    assert_eq!(
        remove.focus,
        [
            "remove-organisation.emails[1]",
            "remove-organisation.emails[0]",
            "add-organisation.emails"
        ]
    );
}

#[test]
fn typing_a_translation_sets_it_and_emptying_it_makes_it_missing() {
    use super::controls::translation_op;
    use super::ops::apply;
    use super::path::Path;
    let sv = Path::root().key("title").key("sv");
    let mut v = json!({"title": {"fi": "Seloste"}});
    assert!(apply(&mut v, &translation_op(&sv, "Beskrivning".into())));
    assert_eq!(v["title"], json!({"fi": "Seloste", "sv": "Beskrivning"}));
    assert!(apply(&mut v, &translation_op(&sv, String::new())));
    assert_eq!(v["title"], json!({"fi": "Seloste"}));
}

#[test]
fn every_example_has_a_control_at_every_path_and_every_problem_shown_once() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        // A history: its latest version's notice.
        let notice = match json.get("versions").and_then(Value::as_array) {
            Some(versions) => versions.last().unwrap()["notice"].clone(),
            None => json,
        };
        let (_, report) = seloste_schema::validate::check_json(&notice.to_string());
        let html = render(notice.clone(), report.problems.clone(), "sv");
        for (p, _) in all_paths(&notice) {
            let id = format!("id=\"field-{p}\"");
            assert_eq!(count(&html, &id), 1, "{}: {p}", path.display());
        }
        for p in &report.problems {
            let message = html_escape(&p.message_in("sv"));
            let times = report
                .problems
                .iter()
                .filter(|q| q.message_in("sv") == p.message_in("sv"))
                .count();
            assert_eq!(count(&html, &message), times, "{}: {p:?}", path.display());
        }
        seen += 1;
    }
    assert!(seen >= 3, "the examples were read ({seen})");
}
