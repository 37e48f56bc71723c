//! A stand-in for the form engine (`form/`, built alongside): the same component and props, the
//! draft as JSON text. Replaced when the form lands; kept only so the app builds without it.

use std::rc::Rc;

use seloste_schema::editor_words::Word;
use seloste_schema::Problem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeFormProps {
    pub value: Rc<serde_json::Value>,
    pub on_change: Callback<serde_json::Value>,
    pub problems: Rc<Vec<Problem>>,
    pub ui_lang: AttrValue,
}

#[function_component]
pub fn NoticeForm(props: &NoticeFormProps) -> Html {
    let ui = props.ui_lang.as_str();
    let text = use_memo(props.value.clone(), |v| {
        serde_json::to_string_pretty(&**v).unwrap_or_default()
    });
    let on_input = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            if let Ok(v) = serde_json::from_str(&area.value()) {
                on_change.emit(v);
            }
        })
    };
    html! {
        <section id="form-json">
            <h2>{ Word::FormTitle.get(ui) }</h2>
            <p>{ Word::FormComing.get(ui) }</p>
            <label for="field-.">{ Word::DraftJson.get(ui) }</label>
            <textarea id="field-." class="ed-json" rows="30" spellcheck="false"
                value={(*text).clone()} oninput={on_input} />
        </section>
    }
}
