//! The notice's sections in the form: which top-level fields each holds, and one component per
//! section, redrawn only when its own fields, problems or the notice's languages change (a
//! keystroke in one section leaves the twenty others alone).

use std::collections::BTreeSet;
use std::rc::Rc;

use seloste_schema::sections::Headings;
use seloste_schema::{Problem, SectionId};
use serde_json::Value;
use yew::prelude::*;

use super::controls;
use super::path::{first_key_of, Path};
use super::problems::{self, Claims};
use super::render::{self, Cx, Edit, Presence};
use super::shape::{schema, Node, Object};

/// The notice's own properties, as the schema lists them.
pub fn notice_object() -> &'static Object {
    match &schema().root {
        Node::Object(o) => o,
        _ => unreachable!("the notice's schema is an object"),
    }
}

/// The section a top-level field is shown in; fields of no section (`id`, `languages`, a field
/// the schema does not know) are general.
pub fn section_of(key: &str) -> SectionId {
    match key {
        "dpo_not_appointed" => SectionId::Dpo,
        "complaint_authority" => SectionId::ComplaintAuthority,
        "other_sections" => SectionId::Other,
        _ => Headings::KEYS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(SectionId::General, |(_, s)| *s),
    }
}

/// The top-level fields of `section`: the schema's, then (in General) those of the draft the
/// schema does not know.
pub fn keys(section: SectionId, root: &Value) -> Vec<String> {
    let obj = notice_object();
    let mut out: Vec<String> = obj
        .props
        .iter()
        .filter(|p| section_of(&p.name) == section)
        .map(|p| p.name.clone())
        .collect();
    if section == SectionId::General {
        out.extend(
            root.as_object()
                .into_iter()
                .flat_map(|m| m.keys())
                .filter(|k| obj.prop(k).is_none())
                .cloned(),
        );
    }
    out
}

/// Every top-level field some section shows.
pub fn placed(root: &Value) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = notice_object()
        .props
        .iter()
        .map(|p| p.name.clone())
        .collect();
    out.extend(root.as_object().into_iter().flat_map(|m| m.keys().cloned()));
    out
}

/// The notice's languages (its text columns); the interface language while it has none.
pub fn languages(root: &Value, ui: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in root
        .get("languages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        let l = l.trim();
        if !l.is_empty() && !out.iter().any(|o| o == l) {
            out.push(l.to_owned());
        }
    }
    if out.is_empty() {
        out.push(ui.to_owned());
    }
    out
}

#[derive(Properties)]
pub struct SectionProps {
    pub section: SectionId,
    pub root: Rc<Value>,
    pub problems: Rc<Vec<Problem>>,
    pub ui_lang: AttrValue,
    pub edit: Callback<Edit>,
}

impl SectionProps {
    fn problems(&self) -> impl Iterator<Item = &Problem> {
        let keys = keys(self.section, &self.root);
        self.problems
            .iter()
            .filter(move |p| keys.iter().any(|k| k == first_key_of(&p.path)))
    }
}

impl PartialEq for SectionProps {
    fn eq(&self, other: &Self) -> bool {
        if self.section != other.section || self.ui_lang != other.ui_lang || self.edit != other.edit
        {
            return false;
        }
        let same = |key: &str| self.root.get(key) == other.root.get(key);
        let fields = Rc::ptr_eq(&self.root, &other.root)
            || (keys(self.section, &self.root) == keys(other.section, &other.root)
                && keys(self.section, &self.root).iter().all(|k| same(k))
                && same("languages")
                && self.root.get("role").and_then(|r| r.get("acts_as"))
                    == other.root.get("role").and_then(|r| r.get("acts_as")));
        fields && self.problems().eq(other.problems())
    }
}

/// One section of the notice: its heading, then a field for each of its top-level properties.
#[function_component]
pub fn SectionForm(props: &SectionProps) -> Html {
    let ui = props.ui_lang.as_str();
    let root = &*props.root;
    let langs = languages(root, ui);
    let claims = Claims::new(props.problems());
    let cx = Cx {
        schema: schema(),
        ui,
        langs: &langs,
        edit: &props.edit,
        claims: &claims,
    };
    let obj = notice_object();
    let fields: Html = keys(props.section, root)
        .iter()
        .map(|key| {
            let path = Path::root().key(key);
            let value = root.get(key);
            match obj.prop(key) {
                Some(prop) if prop.deprecated && value.is_none() => Html::default(),
                Some(prop) => render::slot(
                    &cx,
                    &path,
                    &cx.label(&obj.def, key),
                    &prop.node,
                    value,
                    if prop.required {
                        Presence::Required
                    } else {
                        Presence::Optional
                    },
                    false,
                ),
                None => controls::unknown(&cx, &path, key, value.unwrap_or(&Value::Null), true),
            }
        })
        .collect();
    let rest = problems::show(&claims.rest(), ".", ui);
    let anchor = props.section.anchor();
    let processor =
        root.get("role").and_then(|r| r.get("acts_as")) == Some(&Value::from("processor"));
    let heading = if props.section == SectionId::Organisation && processor {
        SectionId::processor_heading(ui)
    } else {
        props.section.heading(ui)
    };
    html! {
        <section class="form-section" id={format!("form-{anchor}")}
            aria-labelledby={format!("form-{anchor}-heading")}>
            <h2 id={format!("form-{anchor}-heading")}>{ heading }</h2>
            { fields }
            { rest.html }
        </section>
    }
}
