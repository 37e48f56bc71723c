//! The controls for single values: texts in every language side by side, strings, dates,
//! durations, countries, closed sets, numbers, yes/no. Each has a `<label for>`, its problems next
//! to it (`aria-describedby`) and `aria-invalid` when one is an error. A value a control cannot
//! express (a date that is no date, `P1Y6M`) is shown as text and kept as written.

use seloste_schema::field_labels::{self, FormWord};
use seloste_schema::messages::{language_name, Message};
use serde_json::Value;
use yew::prelude::*;

use super::countries;
use super::duration;
use super::ops::Op;
use super::path::Path;
use super::problems::{self, describedby, Shown};
use super::render::{id, required_mark, Cx};
use super::shape::{Node, StrKind};

/// The value of the input, textarea or select an event came from.
pub fn input_value(e: &InputEvent) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    target
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The chosen value of the select a `change` came from.
pub fn select_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

fn checked(e: &Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// A value as a string control shows it: a string as itself, anything else as its JSON.
fn as_text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A text in every language of the notice, one column each, side by side; a missing translation
/// is marked (visibly, and for screen readers through the input's description). A translation in
/// a language the notice does not have is shown too, marked, with a button that removes it.
pub fn text(
    cx: &Cx,
    path: &Path,
    label: &str,
    value: Option<&Value>,
    long: bool,
    required: bool,
    remove: Option<Html>,
) -> Html {
    let map = value.and_then(Value::as_object);
    let mut langs: Vec<(&str, bool)> = cx.langs.iter().map(|l| (l.as_str(), true)).collect();
    for key in map.into_iter().flat_map(|m| m.keys()) {
        if !cx.langs.iter().any(|l| l == key) {
            langs.push((key, false));
        }
    }
    let columns: Html = langs
        .iter()
        .map(|(lang, ours)| {
            let value = map.and_then(|m| m.get(*lang));
            column(cx, path, lang, *ours, value, long, required && *ours)
        })
        .collect();
    let shown = problems::show(
        &cx.claims.claim(&path.to_string(), true),
        &path.to_string(),
        cx.ui,
    );
    html! {
        <fieldset class="group text" id={id(path)}
            aria-describedby={describedby([shown.id.as_deref()])}>
            <legend>{ label.to_owned() }{ required_mark(required) }</legend>
            { remove.unwrap_or_default() }
            <div class="columns">{ columns }</div>
            { shown.html }
        </fieldset>
    }
}

/// One language of a text; `required`: the text is required and this is one of the notice's
/// languages.
fn column(
    cx: &Cx,
    text: &Path,
    lang: &str,
    ours: bool,
    value: Option<&Value>,
    long: bool,
    required: bool,
) -> Html {
    let path = text.key(lang);
    let field = id(&path);
    let shown = problems::show(
        &cx.claims.claim(&path.to_string(), true),
        &path.to_string(),
        cx.ui,
    );
    let missing = ours && value.is_none();
    let mark_id = format!("mark-{path}");
    let mark = if missing {
        Some(FormWord::MissingTranslation)
    } else if !ours {
        Some(FormWord::NotANoticeLanguage)
    } else {
        None
    };
    let oninput = {
        let path = path.clone();
        cx.on(vec![], move |e: InputEvent| {
            Some(translation_op(&path, input_value(&e)))
        })
    };
    let describedby = describedby([mark.map(|_| mark_id.as_str()), shown.id.as_deref()]);
    let invalid = shown.error.then_some("true");
    let required = required.then_some("true");
    let current = as_text(value);
    let control = if long {
        html! { <textarea id={field.clone()} lang={lang.to_owned()} value={current} {oninput}
        aria-describedby={describedby} aria-invalid={invalid} aria-required={required} rows="3" /> }
    } else {
        html! { <input type="text" id={field.clone()} lang={lang.to_owned()} value={current}
        {oninput} aria-describedby={describedby} aria-invalid={invalid} aria-required={required} /> }
    };
    let class = classes!(
        "column",
        missing.then_some("missing"),
        (!ours).then_some("foreign")
    );
    html! {
        <div class={class}>
            <label for={field}>
                <span lang={lang.to_owned()}>{ language_name(lang).to_owned() }</span>
                { format!(" ({lang})") }
            </label>
            { control }
            if let Some(word) = mark {
                <span class="mark" id={mark_id.clone()}>{ word.get(cx.ui) }</span>
            }
            if !ours {
                { super::render::remove_button(cx, &path, &format!("{} ({lang})", cx.word(FormWord::NotANoticeLanguage))) }
            }
            { shown.html }
        </div>
    }
}

/// The edit of typing `typed` into the translation at `path`: an emptied translation is a
/// missing one (removed), as validation and the notice then show it.
pub fn translation_op(path: &Path, typed: String) -> Op {
    if typed.is_empty() {
        Op::Remove(path.clone())
    } else {
        Op::Set(path.clone(), Value::String(typed))
    }
}

/// A single value: a string, date, duration, country, closed set, number or yes/no.
pub fn leaf(
    cx: &Cx,
    path: &Path,
    label: &str,
    node: &Node,
    value: Option<&Value>,
    required: bool,
    remove: Option<Html>,
) -> Html {
    let shown = problems::show(
        &cx.claims.claim(&path.to_string(), true),
        &path.to_string(),
        cx.ui,
    );
    let field = id(path);
    let a = Aria {
        describedby: describedby([shown.id.as_deref()]),
        invalid: shown.error.then_some("true"),
        required: required.then_some("true"),
    };
    let (control, class) = match node {
        Node::Bool => (checkbox(cx, path, &field, value, &a), "check"),
        Node::Enum { def, values } => (
            closed_set(cx, path, &field, def, values, value, &a),
            "select",
        ),
        Node::Int { min } => (number(cx, path, &field, *min, value, &a), "number"),
        Node::Str(StrKind::Date) => (date(cx, path, &field, value, &a), "date"),
        Node::Str(StrKind::Duration) => (duration_control(cx, path, &field, value, &a), "duration"),
        Node::Str(StrKind::Country { areas }) => {
            (country(cx, path, &field, *areas, value, &a), "select")
        }
        Node::Str(StrKind::Plain) => (plain(cx, path, &field, value, &a), "string"),
        _ => (output(&field, value), "unknown"),
    };
    let label = html! {
        <label for={field.clone()}>{ label.to_owned() }{ required_mark(required) }</label>
    };
    let (first, second) = if class == "check" {
        (control, label)
    } else {
        (label, control)
    };
    html! {
        <div class={classes!("field", class)}>
            { first }
            { second }
            { remove.unwrap_or_default() }
            { shown.html }
        </div>
    }
}

/// `aria-describedby`, `aria-invalid` and `aria-required` of a control.
struct Aria {
    describedby: Option<AttrValue>,
    invalid: Option<&'static str>,
    required: Option<&'static str>,
}

fn set_string(cx: &Cx, path: &Path) -> Callback<InputEvent> {
    let path = path.clone();
    cx.on(vec![], move |e: InputEvent| {
        Some(Op::Set(path.clone(), Value::String(input_value(&e))))
    })
}

fn plain(cx: &Cx, path: &Path, field: &str, value: Option<&Value>, a: &Aria) -> Html {
    html! {
        <input type="text" id={field.to_owned()} value={as_text(value)} oninput={set_string(cx, path)}
            aria-describedby={a.describedby.clone()} aria-invalid={a.invalid} aria-required={a.required} />
    }
}

fn date(cx: &Cx, path: &Path, field: &str, value: Option<&Value>, a: &Aria) -> Html {
    let text = as_text(value);
    let is_date = text.is_empty() || seloste_schema::Date::parse(&text).is_ok();
    if !is_date {
        return html! { <>{ plain(cx, path, field, value, a) }{ kept_mark(cx) }</> };
    }
    html! {
        <input type="date" id={field.to_owned()} value={text} oninput={set_string(cx, path)}
            aria-describedby={a.describedby.clone()} aria-invalid={a.invalid} aria-required={a.required} />
    }
}

/// A number and a unit, written as an ISO 8601 duration (`P6M`).
fn duration_control(cx: &Cx, path: &Path, field: &str, value: Option<&Value>, a: &Aria) -> Html {
    let text = as_text(value);
    let Some((n, unit)) = duration::parse(&text) else {
        return html! { <>{ plain(cx, path, field, value, a) }{ kept_mark(cx) }</> };
    };
    let oninput = {
        let path = path.clone();
        cx.on(vec![], move |e: InputEvent| {
            let raw = input_value(&e);
            let n = match raw.trim() {
                "" => None,
                t => Some(t.parse::<u64>().ok()?),
            };
            Some(Op::Set(
                path.clone(),
                Value::String(duration::write(n, unit)),
            ))
        })
    };
    let unit_id = format!("unit-{path}");
    let onchange = {
        let path = path.clone();
        cx.on(vec![], move |e: Event| {
            let u = select_value(&e).chars().next()?;
            Some(Op::Set(path.clone(), Value::String(duration::write(n, u))))
        })
    };
    let names = |u: char| match u {
        'D' => Message::Days,
        'W' => Message::Weeks,
        'M' => Message::Months,
        _ => Message::Years,
    };
    html! {
        <span class="duration-parts">
            <input type="number" min="0" step="1" id={field.to_owned()}
                value={n.map(|n| n.to_string()).unwrap_or_default()} {oninput}
                aria-describedby={a.describedby.clone()} aria-invalid={a.invalid} aria-required={a.required} />
            <label for={unit_id.clone()} class="unit-label">{ cx.word(FormWord::Unit) }</label>
            <select id={unit_id} {onchange}>
                { for duration::UNITS.iter().map(|u| html! {
                    <option value={u.to_string()} selected={*u == unit}>{ names(*u).get(cx.ui) }</option>
                }) }
            </select>
        </span>
    }
}

/// The options of a select: the current value first when none of `options` is it (kept as
/// written), or an empty choice when there is none.
fn select(
    cx: &Cx,
    path: &Path,
    field: &str,
    options: &[(String, String)],
    value: Option<&Value>,
    a: &Aria,
) -> Html {
    let current = as_text(value);
    let known = options.iter().any(|(v, _)| *v == current);
    let onchange = {
        let path = path.clone();
        cx.on(vec![], move |e: Event| {
            let v = select_value(&e);
            (!v.is_empty()).then(|| Op::Set(path.clone(), Value::String(v)))
        })
    };
    html! {
        <select id={field.to_owned()} {onchange}
            aria-describedby={a.describedby.clone()} aria-invalid={a.invalid} aria-required={a.required}>
            if current.is_empty() {
                <option value="" selected=true>{ cx.word(FormWord::NoneChosen) }</option>
            } else if !known {
                <option value={current.clone()} selected=true>
                    { format!("{current} ({})", cx.word(FormWord::KeptAsWritten)) }
                </option>
            }
            { for options.iter().map(|(v, label)| html! {
                <option value={v.clone()} selected={*v == current}>{ label.clone() }</option>
            }) }
        </select>
    }
}

/// A closed set, each value by its label in the interface language, with its GDPR article where
/// the set's values differ by article.
fn closed_set(
    cx: &Cx,
    path: &Path,
    field: &str,
    def: &str,
    values: &[String],
    value: Option<&Value>,
    a: &Aria,
) -> Html {
    let terms: Vec<_> = values
        .iter()
        .map(|v| (v, field_labels::term(def, v, cx.ui)))
        .collect();
    let articles: Vec<_> = terms
        .iter()
        .filter_map(|(_, t)| t.and_then(|t| t.article))
        .collect();
    let differ = articles.windows(2).any(|w| w[0] != w[1]);
    let options: Vec<(String, String)> = terms
        .iter()
        .map(|(v, t)| {
            let label = match t {
                Some(t) => match (differ, t.article) {
                    (true, Some(art)) => {
                        format!("{} ({} {art})", t.label, cx.word(FormWord::Article))
                    }
                    _ => t.label.to_owned(),
                },
                None => (*v).clone(),
            };
            ((*v).clone(), label)
        })
        .collect();
    select(cx, path, field, &options, value, a)
}

fn country(
    cx: &Cx,
    path: &Path,
    field: &str,
    areas: bool,
    value: Option<&Value>,
    a: &Aria,
) -> Html {
    let mut options = if areas {
        countries::areas(cx.ui)
    } else {
        Vec::new()
    };
    options.extend(countries::countries(cx.ui).iter().cloned());
    select(cx, path, field, &options, value, a)
}

fn number(
    cx: &Cx,
    path: &Path,
    field: &str,
    min: Option<i64>,
    value: Option<&Value>,
    a: &Aria,
) -> Html {
    let oninput = {
        let path = path.clone();
        cx.on(vec![], move |e: InputEvent| {
            let raw = input_value(&e);
            // What is not a number is kept as typed (validation says so), never dropped.
            let v = raw
                .trim()
                .parse::<i64>()
                .map(Value::from)
                .unwrap_or(Value::String(raw));
            Some(Op::Set(path.clone(), v))
        })
    };
    html! {
        <input type="number" step="1" min={min.map(|m| m.to_string())} id={field.to_owned()}
            value={as_text(value)} {oninput}
            aria-describedby={a.describedby.clone()} aria-invalid={a.invalid} aria-required={a.required} />
    }
}

fn checkbox(cx: &Cx, path: &Path, field: &str, value: Option<&Value>, a: &Aria) -> Html {
    let onchange = {
        let path = path.clone();
        cx.on(vec![], move |e: Event| {
            Some(Op::Set(path.clone(), Value::Bool(checked(&e))))
        })
    };
    html! {
        <input type="checkbox" id={field.to_owned()} checked={value == Some(&Value::Bool(true))}
            {onchange} aria-describedby={a.describedby.clone()} aria-invalid={a.invalid} aria-required={a.required} />
    }
}

fn output(field: &str, value: Option<&Value>) -> Html {
    html! { <output id={field.to_owned()}>{ as_text(value) }</output> }
}

fn kept_mark(cx: &Cx) -> Html {
    html! { <span class="mark">{ cx.word(FormWord::KeptAsWritten) }</span> }
}

/// A value where the schema wants another kind (a list that is not a list), kept as written.
pub fn kept(cx: &Cx, value: &Value) -> Html {
    html! {
        <p class="kept"><code>{ value.to_string() }</code>{ " " }{ kept_mark(cx) }</p>
    }
}

/// A property the schema does not know, shown as its JSON, removable.
pub fn unknown(cx: &Cx, path: &Path, key: &str, value: &Value, removable: bool) -> Html {
    let field = id(path);
    let shown: Shown = problems::show(
        &cx.claims.claim(&path.to_string(), true),
        &path.to_string(),
        cx.ui,
    );
    html! {
        <div class="field unknown">
            <label for={field.clone()}>{ format!("{}: {key}", cx.word(FormWord::UnknownField)) }</label>
            <output id={field} aria-describedby={describedby([shown.id.as_deref()])}>{ value.to_string() }</output>
            if removable { { super::render::remove_button(cx, path, key) } }
            { shown.html }
        </div>
    }
}
