//! The change log: every published version, newest first, dated, with its summary and, folded
//! in a `<details>`, what changed from the version before. `<details>` opens without JavaScript, so
//! server pages get the same behaviour as the widget.

use std::rc::Rc;

use seloste_schema::{ChangeLog, ChangeLogEntry};
use yew::prelude::*;

use super::dom::{each, el, el_class, frag, none, owned, page_link as to_page, para, text};
use super::{diff::changes, switch};
use crate::i18n::{t, Message};
use crate::page::PageContext;
use crate::strings::{cat, num};

#[derive(Properties)]
pub struct HistoryProps {
    /// One page of the change log, already in the language to show (computed by the server).
    pub log: Rc<ChangeLog>,
    pub ctx: Rc<PageContext>,
    /// Set by the widget: switch language in place.
    #[prop_or_default]
    pub on_lang: Option<Callback<AttrValue>>,
    /// Set by the widget: go back to the notice in place.
    #[prop_or_default]
    pub on_notice: Option<Callback<()>>,
    /// Set by the widget: show the page whose newest version is the given one, in place.
    #[prop_or_default]
    pub on_page: Option<Callback<u32>>,
}

#[function_component]
pub fn HistoryView(props: &HistoryProps) -> Html {
    history_view(props)
}

/// What [`HistoryView`] renders; called directly by the widget's app, like
/// [`super::notice::notice_view`].
pub fn history_view(props: &HistoryProps) -> Html {
    let log = &*props.log;
    let lang = log.lang.as_str();
    let ctx = &*props.ctx;
    html! {
        <article class="seloste" lang={log.lang.clone()} aria-labelledby="seloste-title">
            <header>
                <h1 id="seloste-title" tabindex="-1">{ cat(&[t(Message::ChangeLog, lang), " – ", &log.title]) }</h1>
                <div class="bar">
                    { switch::languages(&log.languages, lang, ctx, &props.on_lang) }
                    { switch::to_view(t(Message::BackToNotice, lang), &props.on_notice, ctx.notice_href()) }
                </div>
            </header>
            { each(&log.entries, |e| version(e, lang, ctx)) }
            if log.older.is_some() || log.newer.is_some() {
                <nav class="bar pages" aria-label={t(Message::ChangeLog, lang)}>
                    { page_link(log.newer, t(Message::NewerVersions, lang), ctx, &props.on_page) }
                    { page_link(log.older, t(Message::OlderVersions, lang), ctx, &props.on_page) }
                </nav>
            }
        </article>
    }
}

/// A link (server pages) or button (widget) to another page of the change log.
fn page_link(
    from: Option<u32>,
    label: &'static str,
    ctx: &PageContext,
    on_page: &Option<Callback<u32>>,
) -> Html {
    let Some(from) = from else {
        return Html::default();
    };
    match (on_page, ctx.history_page_href(from)) {
        (Some(cb), _) => {
            let cb = cb.clone();
            html! { <button type="button" class="switch" onclick={Callback::from(move |_| cb.emit(from))}>{ label }</button> }
        }
        (None, Some(href)) => html! { <a class="switch" href={href}>{ label }</a> },
        (None, None) => Html::default(),
    }
}

fn version(v: &ChangeLogEntry, lang: &str, ctx: &PageContext) -> Html {
    let number = num(v.number.into());
    let id = cat(&["v", &number]);
    let mut meta = cat(&[
        t(Message::Published, lang),
        " ",
        &v.published.localized(lang),
    ]);
    if let Some(r) = v.received {
        meta.push_str(&cat(&[
            " (",
            t(Message::Received, lang),
            " ",
            &r.localized(lang),
            ")",
        ]));
    }
    if let Some(e) = v.effective {
        meta.push_str(&cat(&[
            ", ",
            t(Message::Effective, lang),
            " ",
            &e.localized(lang),
        ]));
    }
    let link = ctx.version_href(v.number).map_or_else(none, |href| {
        frag(vec![
            text(" · "),
            to_page(href, t(Message::ShowVersion, lang)),
        ])
    });
    let diff = match &v.changes {
        // The first version has nothing before it; its summary says what it is.
        None => none(),
        Some(d) => el(
            "details",
            frag(vec![
                el("summary", text(t(Message::ShowChanges, lang))),
                changes(d, 3, lang),
                ctx.diff_href(v.number - 1, v.number)
                    .map_or_else(none, |href| {
                        el("p", to_page(href, t(Message::DiffPage, lang)))
                    }),
            ]),
        ),
    };
    html! {
        <section class="version" id={id}>
            { el("h2", frag(vec![
                owned(cat(&[t(Message::Version, lang), " ", &number])),
                el_class("span", "date", owned(cat(&[" · ", &v.published.localized(lang)]))),
            ])) }
            { el_class("p", "meta", frag(vec![owned(meta), link])) }
            { para(&v.summary) }
            { diff }
        </section>
    }
}

/// Props are compared by identity, like [`super::notice::NoticeProps`].
impl PartialEq for HistoryProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.log, &o.log)
            && Rc::ptr_eq(&self.ctx, &o.ctx)
            && self.on_lang == o.on_lang
            && self.on_notice == o.on_notice
            && self.on_page == o.on_page
    }
}
