//! A diff between two versions, for readers: per section, what was added, removed and changed.
//! The words come from the schema's message catalogue; this file only lays them out. Changes are named in
//! words ("Lisätty", "Poistettu"), never by colour or `+`/`-` alone.

use std::rc::Rc;

use seloste_schema::diff::{Change, FieldChange, NoticeDiff};
use seloste_schema::{Date, Lang};
use yew::prelude::*;

use super::dom::{each, el, el_class, frag, none, owned, para, text};
use super::switch;
use crate::i18n::{t, Message};
use crate::page::PageContext;
use crate::strings::cat;

/// The sections of `d`, each under a heading of `level` (2 on a diff page, 3 inside the change log).
pub fn changes(d: &NoticeDiff, level: u8, lang: &str) -> Html {
    if d.is_empty() {
        return para(t(Message::NoChanges, lang));
    }
    let tag = if level <= 2 { "h2" } else { "h3" };
    el_class(
        "div",
        "diff",
        each(&d.sections, |s| {
            el_class(
                "section",
                "diff-section",
                frag(vec![
                    el(tag, text(&s.heading)),
                    el("ul", each(&s.changes, |c| change(c, lang))),
                ]),
            )
        }),
    )
}

fn change(c: &Change, lang: &str) -> Html {
    let (class, word, tag, item, details) = match c {
        Change::Added { item, details } => ("added", Message::Added, "ins", item, details),
        Change::Removed { item, details } => ("removed", Message::Removed, "del", item, details),
        Change::Changed { item, fields } => return changed(item, fields, lang),
    };
    el_class(
        "li",
        class,
        frag(vec![marked(word, tag, item, lang), details_list(details)]),
    )
}

/// An item whose fields changed: each field with its old and new value.
fn changed(item: &str, fields: &[FieldChange], lang: &str) -> Html {
    let field = |f: &FieldChange| {
        frag(vec![
            el("dt", text(&f.field)),
            f.old.as_deref().map_or_else(none, |old| {
                el("dd", marked(Message::Before, "del", old, lang))
            }),
            f.new.as_deref().map_or_else(none, |new| {
                el("dd", marked(Message::After, "ins", new, lang))
            }),
        ])
    };
    el_class(
        "li",
        "changed",
        frag(vec![
            kind(Message::Changed, lang),
            text(item),
            el("dl", each(fields, field)),
        ]),
    )
}

/// "Lisätty: " in words, so a change is never told by colour alone.
#[inline(never)]
fn kind(word: Message, lang: &str) -> Html {
    el_class("span", "kind", owned(cat(&[t(word, lang), ": "])))
}

/// The kind of change, then the text it concerns in `<ins>` or `<del>`.
#[inline(never)]
fn marked(word: Message, tag: &'static str, s: &str, lang: &str) -> Html {
    frag(vec![kind(word, lang), el(tag, text(s))])
}

fn details_list(details: &[String]) -> Html {
    if details.is_empty() {
        return none();
    }
    el("ul", each(details, |d| el("li", text(d))))
}

/// What a diff page shows: the two versions compared and what changed between them, already in
/// the page's language (computed by the server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPage {
    pub lang: Lang,
    /// The latest version's languages, for the language switch.
    pub languages: Vec<Lang>,
    /// The newer version's title.
    pub title: String,
    /// Version numbers and publication dates of the older and the newer version.
    pub from: (u32, Date),
    pub to: (u32, Date),
    pub changes: NoticeDiff,
}

#[derive(Properties, PartialEq)]
pub struct DiffProps {
    /// `None` when either version does not exist.
    pub page: Rc<Option<DiffPage>>,
    /// The version numbers asked for.
    pub from: u32,
    pub to: u32,
    pub lang: AttrValue,
    pub ctx: Rc<PageContext>,
}

/// One diff on a page of its own: what changed from version `from` to version `to`.
#[function_component]
pub fn DiffView(props: &DiffProps) -> Html {
    let Some(page) = &*props.page else {
        let lang = props.lang.as_str();
        return html! {
            <article class="seloste" lang={props.lang.clone()}>
                <h1>{ t(Message::ChangesBetween, lang) }</h1>
                <p>{ format!("{} {} / {}: –", t(Message::Version, lang), props.from, props.to) }</p>
            </article>
        };
    };
    let lang = page.lang.as_str();
    let ((old, old_date), (new, new_date)) = (page.from, page.to);
    html! {
        <article class="seloste" lang={page.lang.clone()} aria-labelledby="seloste-title">
            <header>
                <h1 id="seloste-title">
                    { format!("{}: {} {} → {}", t(Message::ChangesBetween, lang), t(Message::Version, lang).to_lowercase(), old, new) }
                </h1>
                <p class="meta">
                    { format!("{} · {} → {}", page.title, old_date.localized(lang), new_date.localized(lang)) }
                </p>
                <div class="bar">
                    { switch::languages(&page.languages, lang, &props.ctx, &None) }
                    { switch::to_view(t(Message::ChangeLog, lang), &None, props.ctx.history_href()) }
                </div>
            </header>
            { changes(&page.changes, 2, lang) }
        </article>
    }
}
