//! Starting a draft: the latest published version, the blank template in the chosen languages,
//! an existing notice's text (pasted or a file) through the importer, or a notice's JSON file.

use seloste_schema::editor_words::Word;
use seloste_schema::messages::language_name;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser;

/// How the author chose to start.
pub enum Start {
    Latest,
    Blank(Vec<String>),
    /// Bytes to import, and the file's name when a file was chosen.
    Import(Vec<u8>, Option<String>),
    Json(Vec<u8>),
}

#[derive(Properties, PartialEq)]
pub struct StarterProps {
    pub ui: AttrValue,
    /// `org/notice`.
    pub id: AttrValue,
    /// The latest published version's number, if any.
    pub latest: Option<u32>,
    /// Why the last attempt failed (an import error, a file that is no JSON).
    pub error: Option<AttrValue>,
    pub on_start: Callback<Start>,
}

const LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

#[function_component]
pub fn Starter(props: &StarterProps) -> Html {
    let ui = props.ui.as_str();
    let chosen = use_state(|| vec!["fi".to_owned()]);
    let no_language = use_state(|| false);
    let paste = use_node_ref();
    let import_file = use_node_ref();

    let latest = props.latest.map(|n| {
        let on_start = props.on_start.clone();
        html! {
            <section class="ed-card" aria-labelledby="start-latest">
                <h3 id="start-latest">{ Word::StartLatest.fill(ui, &[("n", &n.to_string())]) }</h3>
                <button type="button" onclick={Callback::from(move |_| on_start.emit(Start::Latest))}>
                    { Word::StartLatest.fill(ui, &[("n", &n.to_string())]) }
                </button>
            </section>
        }
    });

    let toggle = |lang: &'static str| {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let mut v: Vec<String> = LANGUAGES
                .iter()
                .filter(|l| {
                    if **l == lang {
                        on
                    } else {
                        chosen.contains(&l.to_string())
                    }
                })
                .map(|l| l.to_string())
                .collect();
            v.dedup();
            chosen.set(v);
        })
    };
    let start_blank = {
        let (chosen, no_language, on_start) =
            (chosen.clone(), no_language.clone(), props.on_start.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if chosen.is_empty() {
                no_language.set(true);
            } else {
                on_start.emit(Start::Blank((*chosen).clone()));
            }
        })
    };
    let start_import = {
        let (paste, import_file, on_start) =
            (paste.clone(), import_file.clone(), props.on_start.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let file = import_file.cast::<HtmlInputElement>();
            let text = paste
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let on_start = on_start.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let from_file = match &file {
                    Some(f) => browser::read_file(f).await,
                    None => None,
                };
                match from_file {
                    Some((bytes, name)) => on_start.emit(Start::Import(bytes, Some(name))),
                    None => on_start.emit(Start::Import(text.into_bytes(), None)),
                }
            });
        })
    };
    let open_json = {
        let on_start = props.on_start.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let on_start = on_start.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some((bytes, _)) = browser::read_file(&input).await {
                    on_start.emit(Start::Json(bytes));
                }
            });
        })
    };

    html! {
        <div class="ed-start">
            <h2>{ Word::StartTitle.get(ui) }</h2>
            if props.latest.is_none() {
                <p>{ Word::NewNotice.fill(ui, &[("id", props.id.as_str())]) }</p>
            }
            if let Some(e) = &props.error {
                <p class="ed-error" role="alert">{ e.clone() }</p>
            }
            { latest.unwrap_or_default() }
            <section class="ed-card" aria-labelledby="start-blank">
                <h3 id="start-blank">{ Word::BlankTitle.get(ui) }</h3>
                <form onsubmit={start_blank}>
                    <fieldset>
                        <legend>{ Word::NoticeLanguages.get(ui) }</legend>
                        { for LANGUAGES.iter().map(|l| html! {
                            <label class="ed-check">
                                <input type="checkbox" id={format!("blank-lang-{l}")} value={*l}
                                    checked={chosen.contains(&l.to_string())} onchange={toggle(l)} />
                                { language_name(l) }
                            </label>
                        }) }
                    </fieldset>
                    if *no_language && chosen.is_empty() {
                        <p class="ed-error" role="alert">{ Word::ChooseALanguage.get(ui) }</p>
                    }
                    <button type="submit" id="start-blank-button">{ Word::StartBlank.get(ui) }</button>
                </form>
            </section>
            <section class="ed-card" aria-labelledby="start-import">
                <h3 id="start-import">{ Word::ImportTitle.get(ui) }</h3>
                <form onsubmit={start_import}>
                    <p id="paste-hint" class="ed-hint">{ Word::PasteHint.get(ui) }</p>
                    <div class="ed-row">
                        <label for="import-text">{ Word::PasteText.get(ui) }</label>
                        <textarea id="import-text" ref={paste} rows="8" aria-describedby="paste-hint" />
                    </div>
                    <div class="ed-row">
                        <label for="import-file">{ Word::ImportFile.get(ui) }</label>
                        <input id="import-file" ref={import_file} type="file"
                            accept=".docx,.html,.htm,.md,.markdown,.txt,text/plain,text/html,text/markdown" />
                    </div>
                    <button type="submit" id="import-button">{ Word::Import.get(ui) }</button>
                </form>
            </section>
            <section class="ed-card" aria-labelledby="start-json">
                <h3 id="start-json">{ Word::OpenJson.get(ui) }</h3>
                <label for="open-json">{ Word::OpenJson.get(ui) }</label>
                <input id="open-json" type="file" accept=".json,application/json" onchange={open_json} />
            </section>
        </div>
    }
}
