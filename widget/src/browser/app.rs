//! The widget's one stateful component: which view and language the reader chose, and the data
//! fetched for it. Everything it shows is rendered by the same views as the server pages.
//!
//! It is compiled for the server too (feature `ssr`): the edge renders it with the version it
//! serves ([`AppProps::initial`]), the loader shows that markup at once, and the browser later
//! renders it with the very same props, so the first client render matches the server's node for
//! node. Fetching and focus handling exist in the browser only.

use std::rc::Rc;

use seloste_schema::{ChangeLog, Notice, Version};
#[cfg(feature = "csr")]
use wasm_bindgen::JsCast;
#[cfg(feature = "csr")]
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;
use yew::virtual_dom::{Key, VList};

#[cfg(feature = "csr")]
use super::api;
use crate::components::fallback;
use crate::components::history::{history_view, HistoryProps};
use crate::components::notice::{notice_view, NoticeProps};
use crate::i18n::{t, Message};
use crate::page::PageContext;
use crate::strings::cat;

/// What the embedding `<script>` asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The edge's origin, from the script's own `src`.
    pub origin: String,
    /// `org/notice`.
    pub id: String,
    /// `data-lang`, else the page's `<html lang>`; may be empty or a language the notice lacks.
    pub wanted_lang: String,
    /// `data-version`.
    pub version: Option<u32>,
    /// `data-view`.
    pub view: View,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Notice,
    History,
}

/// The state of one fetch (only the browser fetches; the server renders what it was given).
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
enum Load<T> {
    Loading,
    Ready(T),
    Failed,
}

/// What the reader chose: the view, the language (`None`: as embedded) and the change-log page
/// (its newest version; `None`: the latest). One reducer for the three: each Yew state hook is
/// code of its own in the widget's wasm.
#[derive(PartialEq)]
struct Choice {
    view: View,
    lang: Option<AttrValue>,
    page: Option<u32>,
}

enum Choose {
    View(View),
    Lang(AttrValue),
    Page(u32),
}

impl Reducible for Choice {
    type Action = Choose;

    fn reduce(self: Rc<Self>, action: Choose) -> Rc<Self> {
        let (mut view, mut lang, mut page) = (self.view, self.lang.clone(), self.page);
        match action {
            Choose::View(v) => view = v,
            Choose::Lang(l) => lang = Some(l),
            Choose::Page(p) => page = Some(p),
        }
        Rc::new(Choice { view, lang, page })
    }
}

/// A version, ready for the notice view; kept in `Rc`s so re-renders compare by identity, and
/// built by moving the version in (cloning a whole notice is code the widget would ship for
/// nothing).
#[derive(Clone)]
pub struct Shown {
    notice: Rc<Notice>,
    ctx: Rc<PageContext>,
}

#[derive(Properties, Clone)]
pub struct AppProps {
    pub config: Rc<Config>,
    /// The version the server rendered first ([`shown`]), shown without fetching it again.
    #[prop_or_default]
    pub initial: Option<Shown>,
}

/// By identity: the data behind the `Rc`s never changes once fetched.
impl PartialEq for AppProps {
    fn eq(&self, o: &Self) -> bool {
        let same = match (&self.initial, &o.initial) {
            (Some(a), Some(b)) => Rc::ptr_eq(&a.notice, &b.notice),
            (a, b) => a.is_none() && b.is_none(),
        };
        same && self.config == o.config
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let choice = use_reducer_eq(|| Choice {
        view: config.view,
        lang: None,
        page: None,
    });
    let view = choice.view;
    let notice = use_state(|| match &props.initial {
        Some(s) => Load::Ready(s.clone()),
        None => Load::<Shown>::Loading,
    });
    let history = use_state(|| Load::<(Rc<ChangeLog>, Rc<PageContext>)>::Loading);
    let root = use_node_ref();
    // The view whose heading should take focus: set when the reader switches, kept until focus
    // is really there.
    let focus_to = use_mut_ref(|| None::<View>);

    let wanted = choice
        .lang
        .as_ref()
        .map(|l| l.to_string())
        .unwrap_or_else(|| config.wanted_lang.clone());
    // Fetch what the current view needs: the notice once; the change log again for each language
    // and page, since the edge prepares it in the reader's language.
    #[cfg(feature = "csr")]
    {
        let (config, notice) = (config.clone(), notice.clone());
        use_effect_with(view, move |view| {
            if *view == View::Notice && matches!(*notice, Load::Loading) {
                spawn_local(async move {
                    let (o, id, l) = (&config.origin, &config.id, &config.wanted_lang);
                    let r = api::version(o, id, l, config.version).await;
                    notice.set(r.map_or(Load::Failed, |v| Load::Ready(shown(v, &config))));
                });
            }
        });
    }
    #[cfg(feature = "csr")]
    {
        let (config, history) = (config.clone(), history.clone());
        use_effect_with(
            (view, wanted.clone(), choice.page),
            move |(view, lang, page)| {
                if *view == View::History {
                    let (lang, page) = (lang.clone(), *page);
                    spawn_local(async move {
                        let r = api::changes(&config.origin, &config.id, &lang, page).await;
                        let ctx = Rc::new(context(&config, None));
                        history.set(r.map_or(Load::Failed, |h| Load::Ready((Rc::new(h), ctx))));
                    });
                }
            },
        );
    }
    // After the reader switched views, move focus to the new view's heading so keyboard and
    // screen-reader users land where the content changed. Only the heading of the view asked for,
    // in a render that shows it: Yew may run an earlier render's effects after the click (its
    // scheduler yields to the browser between rendering and effects on a slow CPU), and focusing
    // the old view's heading there lost focus to the host page once that view went. The request
    // stays until the heading really has focus, so a later render retries it.
    #[cfg(feature = "csr")]
    {
        let (root, focus_to, shown) = (root.clone(), focus_to.clone(), view);
        use_effect(move || {
            if *focus_to.borrow() != Some(shown) {
                return;
            }
            let heading = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector("h1").ok().flatten())
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(h) = heading {
                let _ = h.focus();
                // `activeElement` of the heading's shadow root (or document): where focus is.
                let active = js_sys::Reflect::get(&h.get_root_node(), &"activeElement".into());
                if active.is_ok_and(|a| &a == AsRef::<wasm_bindgen::JsValue>::as_ref(&h)) {
                    *focus_to.borrow_mut() = None;
                }
            }
        });
    }

    let on_lang = {
        let choose = choice.dispatcher();
        Callback::from(move |l: AttrValue| choose.dispatch(Choose::Lang(l)))
    };
    let go = |to: View| {
        let (choose, focus_to) = (choice.dispatcher(), focus_to.clone());
        Callback::from(move |()| {
            *focus_to.borrow_mut() = Some(to);
            choose.dispatch(Choose::View(to));
        })
    };
    let on_page = {
        let (choose, focus_to) = (choice.dispatcher(), focus_to.clone());
        Callback::from(move |from: u32| {
            *focus_to.borrow_mut() = Some(View::History);
            choose.dispatch(Choose::Page(from));
        })
    };
    let edge_page = cat(&[&config.origin, "/", &config.id]);
    let failed = || {
        let lang = if wanted.is_empty() { "en" } else { &wanted };
        fallback(lang, &edge_page)
    };
    let loading = || {
        html! { <p class="seloste meta" aria-busy="true">{ t(Message::Loading, &wanted) }</p> }
    };

    let content = match view {
        View::Notice => match &*notice {
            Load::Loading => loading(),
            Load::Failed => failed(),
            Load::Ready(s) => notice_view(&NoticeProps {
                notice: s.notice.clone(),
                ctx: s.ctx.clone(),
                lang: AttrValue::from(s.notice.pick_language(&wanted).to_owned()),
                on_lang: Some(on_lang.clone()),
                on_history: Some(go(View::History)),
            }),
        },
        View::History => match &*history {
            Load::Loading => loading(),
            Load::Failed => failed(),
            Load::Ready((log, ctx)) => history_view(&HistoryProps {
                log: log.clone(),
                ctx: ctx.clone(),
                on_lang: Some(on_lang.clone()),
                on_notice: Some(go(View::Notice)),
                on_page: Some(on_page),
            }),
        },
    };
    // Keyed by the view: switching views replaces one view's elements with the other's, as when
    // each view was a component of its own, instead of patching one into the other.
    let key = match view {
        View::Notice => "notice",
        View::History => "history",
    };
    let keyed = VList::with_children(vec![content], Some(Key::from(key)));
    html! { <div ref={root}>{ VList::with_children(vec![keyed.into()], None) }</div> }
}

/// Server pages of the edge live at `{origin}/{org}/{notice}`; the views link there for pages the
/// widget does not show itself (one version, one diff).
fn context(config: &Config, version: Option<&Version>) -> PageContext {
    PageContext {
        base_url: cat(&[&config.origin, "/", &config.id]),
        version: version.map(|v| v.number),
        published: version.map(|v| v.published),
        languages_href: false,
        changelog_href: None,
    }
}

/// Version `v` as the app shows it, for the notice embedded as `config` says.
pub fn shown(v: Version, config: &Config) -> Shown {
    let ctx = Rc::new(context(config, Some(&v)));
    Shown {
        notice: Rc::new(v.notice),
        ctx,
    }
}
