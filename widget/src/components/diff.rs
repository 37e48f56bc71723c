//! A diff between two versions, for readers: per section, what was added, removed and changed.
//! The words come from the schema's message catalogue; this file only lays them out. Changes are named in
//! words ("Lisätty", "Poistettu"), never by colour or `+`/`-` alone.

use std::rc::Rc;

use seloste_schema::diff::{Change, NoticeDiff};
use seloste_schema::{Date, Lang};
use yew::prelude::*;

use super::switch;
use crate::i18n::{t, Message};
use crate::page::PageContext;
use crate::strings::cat;

/// The sections of `d`, each under a heading of `level` (2 on a diff page, 3 inside the change log).
pub fn changes(d: &NoticeDiff, level: u8, lang: &str) -> Html {
    if d.is_empty() {
        return html! { <p>{ t(Message::NoChanges, lang) }</p> };
    }
    let tag = if level <= 2 { "h2" } else { "h3" };
    html! {
        <div class="diff">
            { for d.sections.iter().map(|s| html! {
                <section class="diff-section">
                    <@{tag}>{ s.heading.clone() }</@>
                    <ul>{ for s.changes.iter().map(|c| change(c, lang)) }</ul>
                </section>
            }) }
        </div>
    }
}

fn change(c: &Change, lang: &str) -> Html {
    match c {
        Change::Added { item, details } => html! {
            <li class="added">
                <span class="kind">{ cat(&[t(Message::Added, lang), ": "]) }</span><ins>{ item.clone() }</ins>
                { details_list(details) }
            </li>
        },
        Change::Removed { item, details } => html! {
            <li class="removed">
                <span class="kind">{ cat(&[t(Message::Removed, lang), ": "]) }</span><del>{ item.clone() }</del>
                { details_list(details) }
            </li>
        },
        Change::Changed { item, fields } => html! {
            <li class="changed">
                <span class="kind">{ cat(&[t(Message::Changed, lang), ": "]) }</span>{ item.clone() }
                <dl>
                    { for fields.iter().map(|f| html! {
                        <>
                            <dt>{ f.field.clone() }</dt>
                            if let Some(old) = &f.old {
                                <dd><span class="kind">{ cat(&[t(Message::Before, lang), ": "]) }</span><del>{ old.clone() }</del></dd>
                            }
                            if let Some(new) = &f.new {
                                <dd><span class="kind">{ cat(&[t(Message::After, lang), ": "]) }</span><ins>{ new.clone() }</ins></dd>
                            }
                        </>
                    }) }
                </dl>
            </li>
        },
    }
}

fn details_list(details: &[String]) -> Html {
    if details.is_empty() {
        return Html::default();
    }
    html! { <ul>{ for details.iter().map(|d| html! { <li>{ d.clone() }</li> }) }</ul> }
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
