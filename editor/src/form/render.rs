//! Draws the form for a part of the draft by walking its schema: objects as fieldsets, lists with
//! add / remove / move, choices of shape, absent optional properties as an "add" button. Each
//! value at a path gets exactly one element with `id="field-{path}"`: the control for a single
//! value, the fieldset for a group, the "add" button for an absent property.

use seloste_schema::field_labels::{self, FormWord};
use serde_json::Value;
use yew::prelude::*;

use super::controls;
use super::ops::Op;
use super::path::Path;
use super::problems::{self, Claims};
use super::shape::{Node, Object, Schema};

/// One edit, and where the focus goes once the form shows it: the first of these element ids
/// that exists (the element itself when it is a control, else the first control inside it).
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub op: Op,
    pub focus: Vec<String>,
}

/// What every part of the walk needs.
pub struct Cx<'a> {
    pub schema: &'static Schema,
    /// The interface language.
    pub ui: &'a str,
    /// The notice's languages: one column each in a text.
    pub langs: &'a [String],
    pub edit: &'a Callback<Edit>,
    pub claims: &'a Claims<'a>,
}

impl Cx<'_> {
    /// A callback that applies `op` (made when the event comes) and then focuses `focus`.
    pub fn on<E: 'static>(
        &self,
        focus: Vec<String>,
        op: impl Fn(E) -> Option<Op> + 'static,
    ) -> Callback<E> {
        let edit = self.edit.clone();
        Callback::from(move |e: E| {
            if let Some(op) = op(e) {
                edit.emit(Edit {
                    op,
                    focus: focus.clone(),
                })
            }
        })
    }

    /// A button's click that applies `op`.
    pub fn click(&self, op: Op, focus: Vec<String>) -> Callback<MouseEvent> {
        self.on(focus, move |_: MouseEvent| Some(op.clone()))
    }

    pub fn word(&self, w: FormWord) -> &'static str {
        w.get(self.ui)
    }

    /// The label of property `name` of the type `def`; the name itself if the table lacks it
    /// (`schema/tests/field_labels.rs` sees that it does not).
    pub fn label(&self, def: &str, name: &str) -> String {
        field_labels::label(def, name, self.ui)
            .map(str::to_owned)
            .unwrap_or_else(|| name.to_owned())
    }
}

pub fn id(path: &Path) -> String {
    format!("field-{path}")
}

/// How a slot sits in its parent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Required,
    /// An optional property: added with a button, removable.
    Optional,
    /// A list item (the list draws its buttons).
    Item,
}

/// The properties of `obj` at `path`, then any the schema does not know.
pub fn object_fields(cx: &Cx, obj: &Object, path: &Path, value: Option<&Value>) -> Html {
    let map = value.and_then(Value::as_object);
    let mut out: Vec<Html> = Vec::new();
    for prop in &obj.props {
        let child = map.and_then(|m| m.get(&prop.name));
        if prop.deprecated && child.is_none() {
            continue;
        }
        let presence = if prop.required {
            Presence::Required
        } else {
            Presence::Optional
        };
        out.push(slot(
            cx,
            &path.key(&prop.name),
            &cx.label(&obj.def, &prop.name),
            &prop.node,
            child,
            presence,
            prop.name == "paragraph",
        ));
    }
    for (key, v) in map.into_iter().flatten() {
        if obj.prop(key).is_none() {
            out.push(controls::unknown(cx, &path.key(key), key, v, true));
        }
    }
    out.into_iter().collect()
}

/// The form for the value at `path` (absent: `None`, as is `null`).
pub fn slot(
    cx: &Cx,
    path: &Path,
    label: &str,
    node: &Node,
    value: Option<&Value>,
    presence: Presence,
    long: bool,
) -> Html {
    let value = value.filter(|v| !v.is_null());
    if presence == Presence::Optional && value.is_none() {
        return add_button(cx, path, label, node);
    }
    let remove = (presence == Presence::Optional).then(|| remove_button(cx, path, label));
    let required = presence == Presence::Required;
    match cx.schema.resolve(node) {
        Node::Object(obj) => group(cx, path, label, required, remove, "object", |cx| {
            object_fields(cx, obj, path, value)
        }),
        Node::Array(item) => list(cx, path, label, item, value, required, remove),
        Node::Choice { variants, .. } => choice(cx, path, label, variants, value, required, remove),
        Node::Text => controls::text(cx, path, label, value, long, required, remove),
        leaf => controls::leaf(cx, path, label, leaf, value, required, remove),
    }
}

/// A fieldset with its legend, its content, then the problems inside it no control took.
fn group(
    cx: &Cx,
    path: &Path,
    label: &str,
    required: bool,
    remove: Option<Html>,
    class: &'static str,
    content: impl FnOnce(&Cx) -> Html,
) -> Html {
    let inner = content(cx);
    let shown = problems::show(
        &cx.claims.claim(&path.to_string(), true),
        &path.to_string(),
        cx.ui,
    );
    html! {
        <fieldset class={classes!("group", class)} id={id(path)}
            aria-describedby={problems::describedby([shown.id.as_deref()])}>
            <legend>{ label.to_owned() }{ required_mark(required) }</legend>
            { remove.unwrap_or_default() }
            { inner }
            { shown.html }
        </fieldset>
    }
}

/// The asterisk after the label of a value the notice cannot be without. Hidden from screen
/// readers, which hear `aria-required` on the control instead; the form says what it means once
/// (`FormWord::RequiredNote`).
pub fn required_mark(required: bool) -> Html {
    if required {
        html! { <span class="required" aria-hidden="true">{ " *" }</span> }
    } else {
        Html::default()
    }
}

/// An absent optional property: a button that adds it (as the smallest value the schema
/// allows), then moves the focus into it.
fn add_button(cx: &Cx, path: &Path, label: &str, node: &Node) -> Html {
    let shown = problems::show(
        &cx.claims.claim(&path.to_string(), true),
        &path.to_string(),
        cx.ui,
    );
    let new = cx.schema.default_value(node);
    let onclick = cx.click(Op::Set(path.clone(), new), vec![id(path)]);
    html! {
        <div class="field absent">
            <button type="button" class="add" id={id(path)} {onclick}
                aria-describedby={problems::describedby([shown.id.as_deref()])}>
                { format!("{} {}", cx.word(FormWord::Add), label) }
            </button>
            { shown.html }
        </div>
    }
}

/// Removes an optional property; the focus goes to the button that adds it back.
pub fn remove_button(cx: &Cx, path: &Path, label: &str) -> Html {
    let onclick = cx.click(Op::Remove(path.clone()), vec![id(path)]);
    let word = cx.word(FormWord::Remove);
    html! {
        <button type="button" class="remove" id={format!("remove-{path}")} {onclick}
            aria-label={format!("{word}: {label}")}>{ word }</button>
    }
}

/// A list: its items, each with Move up / Move down / Remove, and Add at the end.
fn list(
    cx: &Cx,
    path: &Path,
    label: &str,
    item: &Node,
    value: Option<&Value>,
    required: bool,
    remove: Option<Html>,
) -> Html {
    let items: &[Value] = value.and_then(Value::as_array).map_or(&[], Vec::as_slice);
    let n = items.len();
    let rows: Html = items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let at = path.index(i);
            let name = item_name(label, i, v, cx.langs);
            // A group's legend names it by its content too; a single value's label does not
            // repeat the value beside it.
            let own = match v {
                Value::Object(_) | Value::Array(_) => name.clone(),
                _ => format!("{label} {}", i + 1),
            };
            let content = slot(cx, &at, &own, item, Some(v), Presence::Item, false);
            html! {
                <li class="item" id={format!("item-{at}")}>
                    { content }
                    <div class="item-actions">{ item_buttons(cx, path, i, n, &name) }</div>
                </li>
            }
        })
        .collect();
    let not_a_list = value.is_some_and(|v| !v.is_array());
    let add = {
        let new = new_item(cx.schema, item, items);
        let focus = vec![format!("item-{}", path.index(n))];
        // A value that is not a list (an invalid draft) is replaced by a list when added to.
        let op = if not_a_list {
            Op::Set(path.clone(), Value::Array(vec![new]))
        } else {
            Op::Insert(path.clone(), n, new)
        };
        let onclick = cx.click(op, focus);
        html! {
            <button type="button" class="add" id={format!("add-{path}")} {onclick}>
                { format!("{} {}", cx.word(FormWord::Add), label) }
            </button>
        }
    };
    let kept = not_a_list.then(|| controls::kept(cx, value.unwrap_or(&Value::Null)));
    group(cx, path, label, required, remove, "list", |_| {
        html! {
            <>
                { kept.unwrap_or_default() }
                if n > 0 { <ol class="items">{ rows }</ol> }
                { add }
            </>
        }
    })
}

/// What Add puts at the end of a list: the item shape's smallest value; for a set of terms
/// (rights, legal bases), the first term not yet listed.
pub fn new_item(schema: &Schema, item: &Node, items: &[Value]) -> Value {
    match schema.resolve(item) {
        Node::Enum { values, .. } => values
            .iter()
            .find(|v| !items.iter().any(|i| i.as_str() == Some(v.as_str())))
            .map(|v| Value::String(v.clone()))
            .unwrap_or_else(|| schema.default_value(item)),
        _ => schema.default_value(item),
    }
}

/// One button of a list item: its class (also its id's prefix), word, edit and where the focus
/// goes after it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemAction {
    pub class: &'static str,
    pub word: FormWord,
    pub op: Op,
    pub focus: Vec<String>,
}

/// Move up (not for the first), Move down (not for the last) and Remove for item `i` of `n`:
/// the focus follows the moved item, or after a removal goes to the item that took its place,
/// the one before it, or Add.
pub fn item_actions(list: &Path, i: usize, n: usize) -> Vec<ItemAction> {
    let at = |j: usize| list.index(j);
    let mut out = Vec::new();
    if i > 0 {
        out.push(ItemAction {
            class: "up",
            word: FormWord::MoveUp,
            op: Op::Move(list.clone(), i, i - 1),
            focus: vec![format!("up-{}", at(i - 1)), format!("down-{}", at(i - 1))],
        });
    }
    if i + 1 < n {
        out.push(ItemAction {
            class: "down",
            word: FormWord::MoveDown,
            op: Op::Move(list.clone(), i, i + 1),
            focus: vec![format!("down-{}", at(i + 1)), format!("up-{}", at(i + 1))],
        });
    }
    let mut focus = vec![format!("remove-{}", at(i))];
    if i > 0 {
        focus.push(format!("remove-{}", at(i - 1)));
    }
    focus.push(format!("add-{list}"));
    out.push(ItemAction {
        class: "remove",
        word: FormWord::Remove,
        op: Op::Remove(at(i)),
        focus,
    });
    out
}

/// The buttons of item `i` of `n`, each named by the item (`Move up: Purposes 2: Marketing`).
fn item_buttons(cx: &Cx, list: &Path, i: usize, n: usize, name: &str) -> Html {
    item_actions(list, i, n)
        .into_iter()
        .map(|a| {
            let word = cx.word(a.word);
            html! {
                <button type="button" class={a.class} id={format!("{}-{}", a.class, list.index(i))}
                    onclick={cx.click(a.op, a.focus)} aria-label={format!("{word}: {name}")}>{ word }</button>
            }
        })
        .collect()
}

/// A value that may take several shapes: which one, then the form of that one.
fn choice(
    cx: &Cx,
    path: &Path,
    label: &str,
    variants: &[Node],
    value: Option<&Value>,
    required: bool,
    remove: Option<Html>,
) -> Html {
    let current = cx.schema.variant_of(variants, value);
    let select_id = format!("shape-{path}");
    let onchange = {
        let schema = cx.schema;
        let variants = variants.to_vec();
        let old = value.cloned().unwrap_or(Value::Null);
        let path = path.clone();
        cx.on(vec![select_id.clone()], move |e: Event| {
            let j: usize = controls::select_value(&e).parse().ok()?;
            Some(Op::Set(
                path.clone(),
                schema.convert(&old, variants.get(j)?),
            ))
        })
    };
    let options: Html = variants
        .iter()
        .enumerate()
        .map(|(j, v)| {
            html! { <option value={j.to_string()} selected={j == current}>{ variant_label(cx, v) }</option> }
        })
        .collect();
    let shape = html! {
        <div class="field shape">
            <label for={select_id.clone()}>{ cx.word(FormWord::Shape) }</label>
            <select id={select_id.clone()} {onchange}>{ options }</select>
        </div>
    };
    match cx.schema.resolve(&variants[current]) {
        // An object's properties sit right in the choice's fieldset, which is the field.
        Node::Object(obj) => group(cx, path, label, required, remove, "choice", |cx| {
            html! { <>{ shape }{ object_fields(cx, obj, path, value) }</> }
        }),
        // Anything else is its own field inside an unnamed choice.
        other => {
            let inner = match other {
                Node::Text => controls::text(cx, path, label, value, false, required, None),
                Node::Array(item) => list(cx, path, label, item, value, required, None),
                leaf => controls::leaf(cx, path, label, leaf, value, required, None),
            };
            html! {
                <div class="choice">
                    { remove.unwrap_or_default() }
                    { shape }
                    { inner }
                </div>
            }
        }
    }
}

/// A shape's name: its type's label (`Text`), or its properties' labels (`Name + Required`).
fn variant_label(cx: &Cx, node: &Node) -> String {
    if let Node::Ref(def) = node {
        if let Some(words) = field_labels::type_label(def) {
            return field_labels::pick(words, cx.ui).to_owned();
        }
    }
    match cx.schema.resolve(node) {
        Node::Object(o) => o
            .props
            .iter()
            .map(|p| cx.label(&o.def, &p.name))
            .collect::<Vec<_>>()
            .join(" + "),
        Node::Ref(def) => def.clone(),
        other => format!("{other:?}"),
    }
}

/// An item's accessible name: the list's label, its number, and a few words of its content.
fn item_name(label: &str, i: usize, v: &Value, langs: &[String]) -> String {
    match summary(v, langs) {
        Some(s) => format!("{label} {}: {s}", i + 1),
        None => format!("{label} {}", i + 1),
    }
}

/// A few words that tell an item from its siblings: its name, heading or first text.
pub fn summary(v: &Value, langs: &[String]) -> Option<String> {
    let text = match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) if map.values().all(Value::is_string) => langs
            .iter()
            .find_map(|l| map.get(l))
            .or_else(|| map.values().next())
            .and_then(Value::as_str)
            .map(str::to_owned),
        Value::Object(map) => [
            "name",
            "heading",
            "recipient",
            "number",
            "label",
            "paragraph",
            "period",
        ]
        .iter()
        .find_map(|k| map.get(*k).and_then(|v| summary(v, langs)))
        .or_else(|| map.values().find_map(|v| summary(v, langs))),
        Value::Array(items) => items.iter().find_map(|v| summary(v, langs)),
        Value::Bool(_) | Value::Number(_) | Value::Null => None,
    }?;
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    })
}
