//! The form engine: [`NoticeForm`] edits a whole notice, section by section, with a control for
//! every element of the notice's JSON Schema (see `README.md` in this folder).
//!
//! - `shape`: the schema, read once into the shapes the form draws;
//! - `render`, `controls`: the walk that draws them, and the controls for single values;
//! - `ops`: the edits, as pure functions over the draft's JSON;
//! - `problems`: errors and findings at their fields;
//! - `path`: paths written as `schema::validate` writes them, which are the controls' ids.

mod controls;
mod countries;
mod duration;
mod focus;
pub mod ops;
pub mod path;
mod problems;
mod render;
mod sections;
pub mod shape;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use seloste_schema::field_labels::FormWord;
use seloste_schema::{Problem, SectionId};
use yew::prelude::*;

pub use render::Edit;

use problems::Claims;

#[derive(Properties, PartialEq)]
pub struct NoticeFormProps {
    /// The draft as JSON (the notice file's shape), possibly not yet a valid notice.
    pub value: Rc<serde_json::Value>,
    /// Called with the whole new value after each edit.
    pub on_change: Callback<serde_json::Value>,
    /// Errors and findings of the draft (schema::validate + parse errors), paths as the schema
    /// writes them (`controller.emails[0]`, `.` for the whole notice).
    pub problems: Rc<Vec<Problem>>,
    /// The editor's interface language: fi | sv | en.
    pub ui_lang: AttrValue,
}

/// The whole notice in forms: one `<section id="form-{section}">` with an `<h2>` per section of
/// the notice, in reading order; problems no field takes (`.`) above them.
#[function_component]
pub fn NoticeForm(props: &NoticeFormProps) -> Html {
    // The draft as last seen or edited: an edit applies to it, not to a value an earlier edit
    // has already replaced but the parent has not yet passed back.
    let latest = use_mut_ref(|| props.value.clone());
    *latest.borrow_mut() = props.value.clone();
    let pending_focus = use_mut_ref(|| None::<Vec<String>>);
    let edit = {
        let latest = latest.clone();
        let pending_focus = pending_focus.clone();
        use_callback(props.on_change.clone(), move |e: Edit, on_change| {
            let mut v = (**latest.borrow()).clone();
            if ops::apply(&mut v, &e.op) {
                *latest.borrow_mut() = Rc::new(v.clone());
                if !e.focus.is_empty() {
                    *pending_focus.borrow_mut() = Some(e.focus);
                }
                on_change.emit(v);
            }
        })
    };
    {
        let pending_focus = pending_focus.clone();
        use_effect(move || {
            if let Some(ids) = pending_focus.borrow_mut().take() {
                focus::first_of(&ids);
            }
        });
    }
    let root = &props.value;
    let ui = props.ui_lang.as_str();
    let placed = sections::placed(root);
    let loose: Vec<&Problem> = props
        .problems
        .iter()
        .filter(|p| !placed.contains(path::first_key_of(&p.path)))
        .collect();
    let claims = Claims::new(loose);
    let top = problems::show(&claims.rest(), ".", ui);
    let sections: Html = SectionId::ORDER
        .iter()
        .map(|s| {
            html! {
                <sections::SectionForm section={*s} root={root.clone()} problems={props.problems.clone()}
                    ui_lang={props.ui_lang.clone()} edit={edit.clone()} />
            }
        })
        .collect();
    html! {
        <div class="notice-form">
            <p class="required-note">{ FormWord::RequiredNote.get(ui) }</p>
            <div id="field-." class="notice-problems">{ top.html }</div>
            { sections }
        </div>
    }
}
