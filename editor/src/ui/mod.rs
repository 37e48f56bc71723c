//! The app: where the draft comes from, the workspace (form, problems, preview), drafts in local
//! storage, publishing (edge) or saving (local). One component holds the draft and the flow; the
//! views are the child components beside this file.

mod chooser;
mod preview;
mod problems;
mod publisher;
mod report;
mod starter;

use std::rc::Rc;

use seloste_import::ImportReport;
use seloste_schema::editor_words::Word;
use seloste_schema::{Notice, Problem};
use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::check::{check, Checked};
use crate::config::{Config, Mode};
use crate::draft::{self, Draft};
use crate::form::NoticeForm;
use crate::publish::{self, Outcome, Step2};
use crate::start::{self, Latest};
use crate::template;

use chooser::Chooser;
use preview::Preview;
use problems::Problems;
use publisher::{Publisher, Status};
use report::Report;
use starter::{Start, Starter};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Config,
}

/// Where the author is.
enum Stage {
    Chooser,
    Loading,
    /// Choosing how to start (edge mode, no draft kept).
    Start,
    Edit,
    Publish,
    Done(seloste_schema::api::Published),
    /// The notice or the file could not be read.
    Broken(String),
}

pub enum Msg {
    Ui(String),
    /// The latest version (`None`: a new notice), edge mode.
    Loaded(Result<Option<Latest>, String>),
    /// The file's text, local mode.
    LocalLoaded(Result<String, String>),
    Start(Start),
    Change(Value),
    Discard,
    Download,
    Upload(Vec<u8>),
    Save,
    Saved(Result<(), String>),
    OpenPublish,
    ClosePublish,
    Publish(Step2, String),
    Answered(Outcome),
    /// The version someone else published meanwhile.
    Theirs(Result<Latest, String>),
    CloseReport,
}

pub struct App {
    ui: String,
    stage: Stage,
    /// The latest published version (edge) when the draft began: the base it is published on.
    latest: Option<Rc<Latest>>,
    value: Rc<Value>,
    checked: Checked,
    /// Problems the edge named on the last publish (until the next edit).
    refused: Rc<Vec<Problem>>,
    /// The draft's storage key, once known.
    key: Option<String>,
    restored: bool,
    /// The latest version, when it is newer than the base the restored draft began from: said at
    /// once, not only when publishing meets the 409.
    behind: Option<u32>,
    /// Local mode: the file as loaded or last saved, so Save only writes an edited draft.
    saved: Option<Rc<Value>>,
    save_note: Option<String>,
    start_error: Option<String>,
    report: Option<Rc<ImportReport>>,
    status: Status,
    /// The last publish attempt, to repeat on top of a newer version.
    pending: Option<(Step2, String)>,
}

impl App {
    fn org_notice(&self, ctx: &Context<Self>) -> (String, String) {
        match &ctx.props().config.mode {
            Mode::Edge { org, notice } => (org.clone(), notice.clone()),
            Mode::Local => Default::default(),
        }
    }

    fn id(&self, ctx: &Context<Self>) -> String {
        let (org, notice) = self.org_notice(ctx);
        if org.is_empty() {
            String::new()
        } else {
            format!("{org}/{notice}")
        }
    }

    fn base(&self) -> u32 {
        self.latest.as_ref().map_or(0, |l| l.number)
    }

    /// Makes `value` the draft: checked, stored, shown.
    fn set_draft(&mut self, value: Value, store: bool) {
        self.checked = check(&value);
        self.value = Rc::new(value);
        self.refused = Rc::new(Vec::new());
        if store {
            if let Some(key) = &self.key {
                let d = Draft {
                    base: self.base(),
                    value: (*self.value).clone(),
                };
                browser::store(key, &d.to_json());
            }
        }
    }

    fn begin(&mut self, value: Value) {
        self.set_draft(value, true);
        self.stage = Stage::Edit;
    }

    fn problems(&self) -> Rc<Vec<Problem>> {
        if self.refused.is_empty() {
            self.checked.problems.clone()
        } else {
            let mut all = (*self.refused).clone();
            all.extend(self.checked.problems.iter().cloned());
            Rc::new(all)
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let config = &ctx.props().config;
        let stage = match &config.mode {
            Mode::Edge { org, notice } if org.is_empty() || notice.is_empty() => Stage::Chooser,
            Mode::Edge { org, notice } => {
                load_latest(ctx, org, notice);
                Stage::Loading
            }
            Mode::Local => {
                ctx.link().send_future(async move {
                    Msg::LocalLoaded(match browser::fetch("GET", "/file", None, None).await {
                        Ok(a) if a.status == 200 => Ok(a.body),
                        Ok(a) => Err(format!("HTTP {}", a.status)),
                        Err(e) => Err(e),
                    })
                });
                Stage::Loading
            }
        };
        let value = Value::Object(Default::default());
        App {
            ui: config.lang.clone(),
            stage,
            latest: None,
            checked: check(&value),
            value: Rc::new(value),
            refused: Rc::new(Vec::new()),
            key: draft::storage_key(&config.mode, ""),
            restored: false,
            behind: None,
            saved: None,
            save_note: None,
            start_error: None,
            report: None,
            status: Status::Idle,
            pending: None,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Ui(l) => self.ui = l,
            Msg::Loaded(Err(e)) => self.stage = Stage::Broken(e),
            Msg::Loaded(Ok(latest)) => {
                self.latest = latest.map(Rc::new);
                let kept = self
                    .key
                    .as_deref()
                    .and_then(browser::load)
                    .and_then(|t| Draft::from_json(&t));
                match kept {
                    Some(d) => {
                        // The draft keeps the base it was begun on, so publishing it over a
                        // version published since is caught (409) and shown.
                        if d.base != self.base() {
                            self.behind = (self.base() > d.base).then_some(self.base());
                            self.latest = None;
                            if d.base > 0 {
                                let (org, notice) = self.org_notice(ctx);
                                let url = publish::version_url(&org, &notice, d.base);
                                ctx.link().send_future(async move {
                                    let v = browser::fetch("GET", &url, None, None).await;
                                    Msg::Loaded(match v {
                                        Ok(a) if a.status == 200 => {
                                            Latest::from_answer(&a.body).map(Some)
                                        }
                                        Ok(a) => Err(format!("HTTP {}", a.status)),
                                        Err(e) => Err(e),
                                    })
                                });
                                return false;
                            }
                        }
                        self.restored = true;
                        self.set_draft(d.value, false);
                        self.stage = Stage::Edit;
                    }
                    None => self.stage = Stage::Start,
                }
            }
            Msg::LocalLoaded(Err(e)) => self.stage = Stage::Broken(e),
            Msg::LocalLoaded(Ok(text)) => match start::from_json_file(&text) {
                Ok(file) => {
                    let id = file.get("id").and_then(Value::as_str).unwrap_or_default();
                    self.key = draft::storage_key(&Mode::Local, id);
                    self.saved = Some(Rc::new(file.clone()));
                    let kept = self
                        .key
                        .as_deref()
                        .and_then(browser::load)
                        .and_then(|t| Draft::from_json(&t))
                        .filter(|d| d.value != file);
                    match kept {
                        Some(d) => {
                            self.restored = true;
                            self.set_draft(d.value, false);
                        }
                        None => self.set_draft(file, false),
                    }
                    self.stage = Stage::Edit;
                }
                Err(e) => self.stage = Stage::Broken(Word::NotJson.fill(&self.ui, &[("why", &e)])),
            },
            Msg::Start(how) => {
                self.start_error = None;
                self.report = None;
                let id = self.id(ctx);
                match how {
                    Start::Latest => {
                        if let Some(l) = self.latest.clone() {
                            self.begin(l.value.clone());
                        }
                    }
                    Start::Blank(langs) => {
                        let langs: Vec<&str> = langs.iter().map(String::as_str).collect();
                        self.begin(template::blank(&id, &langs));
                    }
                    Start::Import(bytes, name) => {
                        match start::from_import(&bytes, name.as_deref(), &id) {
                            Ok(got) => {
                                self.report = Some(Rc::new(got.report));
                                self.begin(got.value);
                            }
                            Err(e) => {
                                self.start_error =
                                    Some(Word::ImportFailed.fill(&self.ui, &[("why", &e)]))
                            }
                        }
                    }
                    Start::Json(bytes) => {
                        match start::from_json_file(&String::from_utf8_lossy(&bytes)) {
                            Ok(v) => self.begin(v),
                            Err(e) => {
                                self.start_error =
                                    Some(Word::NotJson.fill(&self.ui, &[("why", &e)]))
                            }
                        }
                    }
                }
            }
            Msg::Change(v) => {
                self.save_note = None;
                self.set_draft(v, true);
            }
            Msg::Discard => {
                if let Some(k) = &self.key {
                    browser::forget(k);
                }
                self.restored = false;
                self.behind = None;
                self.report = None;
                match (&ctx.props().config.mode, self.saved.clone()) {
                    (Mode::Local, Some(file)) => self.set_draft((*file).clone(), false),
                    _ => {
                        // Start again from what is published now.
                        self.stage = Stage::Loading;
                        let (org, notice) = self.org_notice(ctx);
                        load_latest(ctx, &org, &notice);
                    }
                }
            }
            Msg::Download => {
                browser::download(
                    &draft::download_name(&self.value),
                    &draft::file_text(&self.value),
                );
                return false;
            }
            Msg::Upload(bytes) => match start::from_json_file(&String::from_utf8_lossy(&bytes)) {
                Ok(v) => self.set_draft(v, true),
                Err(e) => self.save_note = Some(Word::NotJson.fill(&self.ui, &[("why", &e)])),
            },
            Msg::Save => {
                if self.saved.as_deref() == Some(&*self.value) {
                    self.save_note = Some(Word::Unchanged.get(&self.ui).to_owned());
                    return true;
                }
                let body = draft::file_text(&self.value);
                ctx.link().send_future(async move {
                    Msg::Saved(
                        match browser::fetch("PUT", "/file", Some(&body), None).await {
                            Ok(a) if a.status == 204 || a.status == 200 => Ok(()),
                            Ok(a) => Err(serde_json::from_str::<seloste_schema::api::ApiError>(
                                &a.body,
                            )
                            .map(|e| e.message)
                            .unwrap_or_else(|_| format!("HTTP {}", a.status))),
                            Err(e) => Err(e),
                        },
                    )
                });
            }
            Msg::Saved(Ok(())) => {
                self.saved = Some(self.value.clone());
                if let Some(k) = &self.key {
                    browser::forget(k);
                }
                self.restored = false;
                self.save_note = Some(Word::Saved.get(&self.ui).to_owned());
            }
            Msg::Saved(Err(e)) => {
                self.save_note = Some(Word::SaveFailed.fill(&self.ui, &[("why", &e)]))
            }
            Msg::OpenPublish => {
                self.status = Status::Idle;
                self.stage = Stage::Publish;
            }
            Msg::ClosePublish => self.stage = Stage::Edit,
            Msg::Publish(step2, key) => {
                let body = match publish::request_body(&self.value, &step2, self.base()) {
                    Ok(b) => b,
                    Err(p) => {
                        self.status = Status::Invalid(Rc::new(vec![p]));
                        return true;
                    }
                };
                self.pending = Some((step2, key.clone()));
                self.status = Status::Sending;
                let (org, notice) = self.org_notice(ctx);
                let url = publish::versions_url(&org, &notice);
                ctx.link().send_future(async move {
                    Msg::Answered(
                        match browser::fetch("POST", &url, Some(&body), Some(&key)).await {
                            Ok(a) => publish::outcome(a.status, &a.body),
                            Err(e) => Outcome::Failed(e),
                        },
                    )
                });
            }
            Msg::Answered(outcome) => match outcome {
                Outcome::Published(p) => {
                    if let Some(k) = &self.key {
                        browser::forget(k);
                    }
                    self.pending = None;
                    self.restored = false;
                    self.behind = None;
                    self.status = Status::Idle;
                    self.stage = Stage::Done(p);
                }
                Outcome::Outdated { latest } => {
                    let (org, notice) = self.org_notice(ctx);
                    let url = publish::version_url(&org, &notice, latest);
                    ctx.link().send_future(async move {
                        Msg::Theirs(match browser::fetch("GET", &url, None, None).await {
                            Ok(a) if a.status == 200 => Latest::from_answer(&a.body),
                            Ok(a) => Err(format!("HTTP {}", a.status)),
                            Err(e) => Err(e),
                        })
                    });
                }
                Outcome::Invalid(problems) => {
                    self.refused = Rc::new(problems.clone());
                    self.status = Status::Invalid(Rc::new(problems));
                }
                Outcome::BadKey => self.status = Status::BadKey,
                Outcome::Failed(e) => self.status = Status::Failed(e),
            },
            Msg::Theirs(Ok(theirs)) => {
                let from = self.base();
                let lang = self
                    .checked
                    .notice
                    .as_ref()
                    .map(|n| n.pick_language(&self.ui).to_owned())
                    .unwrap_or_else(|| self.ui.clone());
                // Their change: from the draft's base, or from nothing when it was a new notice.
                let before = match &self.latest {
                    Some(old) => old.notice.clone(),
                    None => blank_notice(&theirs.notice),
                };
                let diff = publish::changes(&before, &theirs.notice, &lang);
                self.status = Status::Outdated {
                    from,
                    to: theirs.number,
                    theirs: Rc::new(diff),
                };
                // The draft now stands on the newer version, their change merged in.
                let v = match &self.latest {
                    Some(old) => publish::rebase(&old.value, &self.value, &theirs.value),
                    None => (*self.value).clone(),
                };
                self.latest = Some(Rc::new(theirs));
                self.behind = None;
                self.set_draft(v, true);
            }
            Msg::Theirs(Err(e)) => self.status = Status::Failed(e),
            Msg::CloseReport => self.report = None,
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let ui = self.ui.as_str();
        let link = ctx.link();
        let on_ui = link.callback(|e: Event| {
            Msg::Ui(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        });
        let id = self.id(ctx);
        let body = match &self.stage {
            Stage::Chooser => html! { <Chooser ui={self.ui.clone()} /> },
            Stage::Loading => {
                html! { <p class="ed-hint" role="status">{ Word::Loading.get(ui) }</p> }
            }
            Stage::Broken(e) => {
                html! { <p class="ed-error" role="alert">{ Word::NetworkError.fill(ui, &[("why", e)]) }</p> }
            }
            Stage::Start => html! {
                <Starter ui={self.ui.clone()} id={id.clone()} latest={self.latest.as_ref().map(|l| l.number)}
                    error={self.start_error.clone().map(AttrValue::from)} on_start={link.callback(Msg::Start)} />
            },
            Stage::Edit => self.workspace(ctx),
            Stage::Publish => match &self.checked.notice {
                Some(n) => html! {
                    <Publisher ui={self.ui.clone()} notice={n.clone()}
                        base_notice={self.latest.as_ref().map(|l| Rc::new(l.notice.clone()))}
                        status={self.status.clone()} errors={self.checked.errors()}
                        on_publish={link.callback(|(s, k)| Msg::Publish(s, k))}
                        on_cancel={link.callback(|_| Msg::ClosePublish)} />
                },
                None => self.workspace(ctx),
            },
            Stage::Done(p) => {
                let n = p.number.to_string();
                let history = p
                    .url
                    .rsplit_once("/v/")
                    .map(|(base, _)| format!("{base}/history"))
                    .unwrap_or_default();
                html! {
                    <section class="ed-card ed-done" aria-labelledby="done-title">
                        <div role="status"><h2 id="done-title">{ Word::PublishedVersion.fill(ui, &[("n", &n)]) }</h2></div>
                        <ul>
                            <li><a id="done-version" href={p.url.clone()}>{ Word::ShowNewVersion.get(ui) }</a></li>
                            <li><a id="done-history" href={history}>{ Word::ShowChangeLog.get(ui) }</a></li>
                        </ul>
                    </section>
                }
            }
        };
        html! {
            <div class="ed-app" lang={self.ui.clone()}>
                <header class="ed-header">
                    <h1>
                        { Word::AppTitle.get(ui) }
                        if !id.is_empty() { <span class="ed-id">{ format!(" · {id}") }</span> }
                    </h1>
                    <div class="ed-ui-lang">
                        <label for="ui-lang">{ Word::InterfaceLanguage.get(ui) }</label>
                        <select id="ui-lang" onchange={on_ui}>
                            { for ["fi", "sv", "en"].iter().map(|l| html! {
                                <option value={*l} selected={*l == ui} lang={*l}>{ seloste_schema::messages::language_name(l) }</option>
                            }) }
                        </select>
                    </div>
                </header>
                <main>{ body }</main>
            </div>
        }
    }
}

/// An empty notice in `like`'s languages: what a first version is compared with.
fn blank_notice(like: &Notice) -> Notice {
    let langs: Vec<&str> = like.languages.iter().map(String::as_str).collect();
    serde_json::from_value(template::blank(&like.id, &langs)).unwrap_or_else(|_| like.clone())
}

impl App {
    /// The form, the problems and the preview, with the draft's actions above them.
    fn workspace(&self, ctx: &Context<Self>) -> Html {
        let ui = self.ui.as_str();
        let link = ctx.link();
        let local = ctx.props().config.mode == Mode::Local;
        let upload = link.callback_future(|e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            async move {
                match browser::read_file(&input).await {
                    Some((bytes, _)) => Msg::Upload(bytes),
                    None => Msg::CloseReport,
                }
            }
        });
        let problems = self.problems();
        html! {
            <>
                if self.restored {
                    <div class="ed-card ed-restored" id="draft-restored" role="status">
                        <p>{ Word::DraftRestored.get(ui) }</p>
                        if let Some(n) = self.behind {
                            <p id="draft-behind">{ Word::DraftBehind.fill(ui, &[("n", &n.to_string())]) }</p>
                        }
                        <button type="button" id="discard-draft" onclick={link.callback(|_| Msg::Discard)}>{ Word::DiscardDraft.get(ui) }</button>
                    </div>
                }
                if let Some(r) = &self.report {
                    <Report ui={self.ui.clone()} report={r.clone()} on_close={link.callback(|_| Msg::CloseReport)} />
                }
                <div class="ed-toolbar" role="group" aria-label={Word::AppTitle.get(ui)}>
                    if local {
                        <button type="button" id="save" onclick={link.callback(|_| Msg::Save)}>{ Word::Save.get(ui) }</button>
                    } else {
                        <button type="button" id="publish" onclick={link.callback(|_| Msg::OpenPublish)}
                            disabled={self.checked.notice.is_none()}>{ Word::Publish.get(ui) }</button>
                    }
                    <button type="button" id="download" onclick={link.callback(|_| Msg::Download)}>{ Word::Download.get(ui) }</button>
                    <label class="ed-file" for="upload">{ Word::Upload.get(ui) }</label>
                    <input id="upload" type="file" accept=".json,application/json" onchange={upload} />
                    if let Some(note) = &self.save_note {
                        <p class="ed-note" role="status">{ note.clone() }</p>
                    }
                </div>
                <div class="ed-workspace">
                    <div class="ed-edit">
                        <Problems ui={self.ui.clone()} problems={problems.clone()} />
                        <NoticeForm value={self.value.clone()} on_change={link.callback(Msg::Change)}
                            problems={problems} ui_lang={self.ui.clone()} />
                    </div>
                    <Preview ui={self.ui.clone()} notice={self.checked.notice.clone()} />
                </div>
            </>
        }
    }
}

/// Fetches the latest published version of `org/notice` (a 404: the notice has none yet) and
/// hands it to the app as [`Msg::Loaded`].
fn load_latest(ctx: &Context<App>, org: &str, notice: &str) {
    let url = publish::notice_url(org, notice);
    ctx.link().send_future(async move {
        Msg::Loaded(match browser::fetch("GET", &url, None, None).await {
            Ok(a) if a.status == 404 => Ok(None),
            Ok(a) if a.status == 200 => Latest::from_answer(&a.body).map(Some),
            Ok(a) => Err(format!("HTTP {}", a.status)),
            Err(e) => Err(e),
        })
    });
}
