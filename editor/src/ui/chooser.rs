//! `/edit` without a notice: the organisation and notice ids, checked by the schema's own rule
//! (`api::NoticeId`), then on to `/edit/{org}/{notice}`.

use seloste_schema::api::NoticeId;
use seloste_schema::editor_words::Word;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct ChooserProps {
    pub ui: AttrValue,
}

#[function_component]
pub fn Chooser(props: &ChooserProps) -> Html {
    let ui = props.ui.as_str();
    let org = use_node_ref();
    let notice = use_node_ref();
    let bad = use_state(|| false);
    let onsubmit = {
        let (org, notice, bad) = (org.clone(), notice.clone(), bad.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value().trim().to_owned())
                    .unwrap_or_default()
            };
            match NoticeId::new(&value(&org), &value(&notice)) {
                Ok(id) => browser::go(&format!("/edit/{}/{}", id.org(), id.notice())),
                Err(_) => bad.set(true),
            }
        })
    };
    let invalid = if *bad { "true" } else { "false" };
    html! {
        <section class="ed-card" aria-labelledby="choose-title">
            <h2 id="choose-title">{ Word::ChooseTitle.get(ui) }</h2>
            <form {onsubmit} novalidate=true>
                <p id="id-hint" class="ed-hint">{ Word::IdHint.get(ui) }</p>
                <div class="ed-row">
                    <label for="choose-org">{ Word::OrgId.get(ui) }</label>
                    <input id="choose-org" ref={org} type="text" autocomplete="off" spellcheck="false"
                        aria-describedby="id-hint id-error" aria-invalid={invalid} />
                </div>
                <div class="ed-row">
                    <label for="choose-notice">{ Word::NoticeId.get(ui) }</label>
                    <input id="choose-notice" ref={notice} type="text" autocomplete="off" spellcheck="false"
                        aria-describedby="id-hint id-error" aria-invalid={invalid} />
                </div>
                <p id="id-error" class="ed-error" role="alert">
                    if *bad { { Word::BadId.get(ui) } }
                </p>
                <button type="submit">{ Word::Open.get(ui) }</button>
            </form>
        </section>
    }
}
