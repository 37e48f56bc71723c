//! Publishing in three steps: what changes for readers (the diff against the latest published
//! version, drawn by the widget's own change-log components), the change summary in each of the
//! notice's languages and the effective date, then the organisation's key and publish. The key
//! lives in this component's state only: the tab's memory, never storage or cookies.

use std::rc::Rc;

use seloste_schema::diff::NoticeDiff;
use seloste_schema::editor_words::Word;
use seloste_schema::messages::language_name;
use seloste_schema::{Notice, Problem};
use seloste_widget::components::diff::changes;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::publish::Step2;

/// Where the last publish attempt stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Idle,
    Sending,
    /// Someone published `to` after the draft's base `from`: their change.
    Outdated {
        from: u32,
        to: u32,
        theirs: Rc<NoticeDiff>,
    },
    Invalid(Rc<Vec<Problem>>),
    BadKey,
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct PublisherProps {
    pub ui: AttrValue,
    pub notice: Rc<Notice>,
    /// The latest published version (the draft's base), `None` for a new notice.
    pub base_notice: Option<Rc<Notice>>,
    pub status: Status,
    /// Errors in the draft: nothing is published until they are fixed.
    pub errors: usize,
    pub on_publish: Callback<(Step2, String)>,
    pub on_cancel: Callback<()>,
}

#[function_component]
pub fn Publisher(props: &PublisherProps) -> Html {
    let ui = props.ui.as_str();
    let step = use_state(|| 1u8);
    let step2 = use_state(Step2::default);
    let key = use_state(String::new);
    let lang = props.notice.pick_language(ui).to_owned();
    let diff = {
        let lang = lang.clone();
        use_memo(
            (props.base_notice.clone(), props.notice.clone()),
            move |(old, new)| {
                old.as_ref()
                    .map(|old| crate::publish::changes(old, new, &lang))
            },
        )
    };
    let go = |n: u8| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(n))
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let send = {
        let (step2, key, on_publish) = (step2.clone(), key.clone(), props.on_publish.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_publish.emit(((*step2).clone(), (*key).clone()));
        })
    };
    let sending = props.status == Status::Sending;

    let body = match *step {
        1 => html! {
            <section aria-labelledby="step-title" class="ed-step">
                <h2 id="step-title" tabindex="-1">{ Word::StepChanges.get(ui) }</h2>
                <div class="seloste ed-diff" lang={lang.clone()}>
                    { match &*diff {
                        Some(d) => changes(d, 3, &lang),
                        None => html! { <p>{ Word::FirstVersion.get(ui) }</p> },
                    } }
                </div>
                if props.errors > 0 {
                    <p class="ed-error" role="alert">{ Word::FixErrorsFirst.get(ui) }</p>
                }
                <div class="ed-actions">
                    <button type="button" onclick={cancel.clone()}>{ Word::BackToEditing.get(ui) }</button>
                    <button type="button" id="step-next" disabled={props.errors > 0} onclick={go(2)}>{ Word::Next.get(ui) }</button>
                </div>
            </section>
        },
        2 => {
            let summary_input = |l: &str| {
                let (step2, l) = (step2.clone(), l.to_owned());
                Callback::from(move |e: InputEvent| {
                    let mut s = (*step2).clone();
                    s.summary.insert(
                        l.clone(),
                        e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                    );
                    step2.set(s);
                })
            };
            let effective_input = {
                let step2 = step2.clone();
                Callback::from(move |e: InputEvent| {
                    let mut s = (*step2).clone();
                    s.effective = e.target_unchecked_into::<HtmlInputElement>().value();
                    step2.set(s);
                })
            };
            html! {
                <section aria-labelledby="step-title" class="ed-step">
                    <h2 id="step-title" tabindex="-1">{ Word::StepSummary.get(ui) }</h2>
                    { for props.notice.languages.iter().map(|l| html! {
                        <div class="ed-row">
                            <label for={format!("summary-{l}")}>{ Word::SummaryIn.fill(ui, &[("lang", language_name(l))]) }</label>
                            <textarea id={format!("summary-{l}")} lang={l.clone()} rows="3"
                                value={step2.summary.get(l).cloned().unwrap_or_default()}
                                oninput={summary_input(l)} />
                        </div>
                    }) }
                    <div class="ed-row">
                        <label for="effective">{ Word::EffectiveDate.get(ui) }</label>
                        <input id="effective" type="date" value={step2.effective.clone()} oninput={effective_input} />
                    </div>
                    <div class="ed-actions">
                        <button type="button" onclick={go(1)}>{ Word::Back.get(ui) }</button>
                        <button type="button" id="step-next" onclick={go(3)}>{ Word::Next.get(ui) }</button>
                    </div>
                </section>
            }
        }
        _ => {
            let key_input = {
                let key = key.clone();
                Callback::from(move |e: InputEvent| {
                    key.set(e.target_unchecked_into::<HtmlInputElement>().value())
                })
            };
            let outdated = match &props.status {
                Status::Outdated { from, to, theirs } => html! {
                    <div class="ed-card ed-outdated" id="publish-outdated">
                        <p role="alert">{ Word::Outdated.fill(ui, &[("n", &to.to_string())]) }</p>
                        <h3>{ Word::TheirChange.fill(ui, &[("from", &from.to_string()), ("to", &to.to_string())]) }</h3>
                        <div class="seloste ed-diff" lang={theirs.lang.clone()}>{ changes(theirs, 4, &theirs.lang) }</div>
                    </div>
                },
                Status::Invalid(problems) => html! {
                    <div class="ed-card ed-rejected" role="alert">
                        <p>{ Word::Rejected.get(ui) }</p>
                        <ul>{ for problems.iter().map(|p| html! { <li><code>{ p.path.clone() }</code>{ format!(" — {}", p.message_in(ui)) }</li> }) }</ul>
                    </div>
                },
                Status::BadKey => {
                    html! { <p class="ed-error" role="alert">{ Word::BadKey.get(ui) }</p> }
                }
                Status::Failed(why) => {
                    html! { <p class="ed-error" role="alert">{ Word::PublishFailed.fill(ui, &[("why", why)]) }</p> }
                }
                Status::Idle | Status::Sending => Html::default(),
            };
            let label = match &props.status {
                Status::Outdated { to, .. } => {
                    Word::PublishOnTop.fill(ui, &[("n", &to.to_string())])
                }
                Status::Sending => Word::Publishing.get(ui).to_owned(),
                _ => Word::PublishNow.get(ui).to_owned(),
            };
            html! {
                <section aria-labelledby="step-title" class="ed-step">
                    <h2 id="step-title" tabindex="-1">{ Word::StepKey.get(ui) }</h2>
                    { outdated }
                    <form onsubmit={send}>
                        <div class="ed-row">
                            <label for="publish-key">{ Word::PublishKey.get(ui) }</label>
                            <input id="publish-key" type="password" autocomplete="off" required=true
                                aria-describedby="key-hint" value={(*key).clone()} oninput={key_input} />
                            <p id="key-hint" class="ed-hint">{ Word::KeyHint.get(ui) }</p>
                        </div>
                        <div class="ed-actions">
                            <button type="button" onclick={go(2)}>{ Word::Back.get(ui) }</button>
                            <button type="submit" id="publish-now" disabled={sending || props.errors > 0}>{ label }</button>
                        </div>
                    </form>
                </section>
            }
        }
    };
    // Each step's heading takes focus, so keyboard and screen-reader users land on it.
    {
        let s = *step;
        use_effect_with(s, |_| crate::browser::focus("step-title"));
    }
    html! { <div class="ed-publish" id="seloste-publish">{ body }</div> }
}
