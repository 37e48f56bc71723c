//! A diff between two versions, for readers: per section, what was added, removed and changed.
//! The words come from `seloste_schema::diff`; this file only lays them out. Changes are named in
//! words ("Lisätty", "Poistettu"), never by colour or `+`/`-` alone.

use std::rc::Rc;

use seloste_schema::diff::{diff, Change, NoticeDiff, Words};
use seloste_schema::History;
use yew::prelude::*;

use super::switch;
use crate::i18n::{t, Word};
use crate::page::PageContext;

/// The sections of `d`, each under a heading of `level` (2 on a diff page, 3 inside the change log).
pub fn changes(d: &NoticeDiff, level: u8, lang: &str) -> Html {
    let words = Words::of(lang);
    if d.is_empty() {
        return html! { <p>{ words.none }</p> };
    }
    let tag = if level <= 2 { "h2" } else { "h3" };
    html! {
        <div class="diff">
            { for d.sections.iter().map(|s| html! {
                <section class="diff-section">
                    <@{tag}>{ s.heading.clone() }</@>
                    <ul>{ for s.changes.iter().map(|c| change(c, &words, lang)) }</ul>
                </section>
            }) }
        </div>
    }
}

fn change(c: &Change, words: &Words, lang: &str) -> Html {
    match c {
        Change::Added { item, details } => html! {
            <li class="added">
                <span class="kind">{ format!("{}: ", words.added) }</span><ins>{ item.clone() }</ins>
                { details_list(details) }
            </li>
        },
        Change::Removed { item, details } => html! {
            <li class="removed">
                <span class="kind">{ format!("{}: ", words.removed) }</span><del>{ item.clone() }</del>
                { details_list(details) }
            </li>
        },
        Change::Changed { item, fields } => html! {
            <li class="changed">
                <span class="kind">{ format!("{}: ", words.changed) }</span>{ item.clone() }
                <dl>
                    { for fields.iter().map(|f| html! {
                        <>
                            <dt>{ f.field.clone() }</dt>
                            if let Some(old) = &f.old {
                                <dd><span class="kind">{ format!("{}: ", t(Word::Before, lang)) }</span><del>{ old.clone() }</del></dd>
                            }
                            if let Some(new) = &f.new {
                                <dd><span class="kind">{ format!("{}: ", t(Word::After, lang)) }</span><ins>{ new.clone() }</ins></dd>
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

#[derive(Properties, PartialEq)]
pub struct DiffProps {
    pub history: Rc<History>,
    pub from: u32,
    pub to: u32,
    pub lang: AttrValue,
    pub ctx: Rc<PageContext>,
}

/// One diff on a page of its own: what changed from version `from` to version `to`.
#[function_component]
pub fn DiffView(props: &DiffProps) -> Html {
    let lang = props.lang.as_str();
    let h = &*props.history;
    let latest = &h.latest().notice;
    let (Some(old), Some(new)) = (h.version(props.from), h.version(props.to)) else {
        return html! {
            <article class="seloste" lang={props.lang.clone()}>
                <h1>{ t(Word::ChangesBetween, lang) }</h1>
                <p>{ format!("{} {} / {}: –", t(Word::Version, lang), props.from, props.to) }</p>
            </article>
        };
    };
    let d = diff(&old.notice, &new.notice, lang);
    html! {
        <article class="seloste" lang={props.lang.clone()} aria-labelledby="seloste-title">
            <header>
                <h1 id="seloste-title">
                    { format!("{}: {} {} → {}", t(Word::ChangesBetween, lang), t(Word::Version, lang).to_lowercase(), old.number, new.number) }
                </h1>
                <p class="meta">
                    { format!("{} · {} → {}", new.notice.title.get(lang), old.published.localized(lang), new.published.localized(lang)) }
                </p>
                <div class="bar">
                    { switch::languages(&latest.languages, lang, &props.ctx, &None) }
                    { switch::to_view(t(Word::ChangeLog, lang), &None, props.ctx.history_href()) }
                </div>
            </header>
            { changes(&d, 2, lang) }
        </article>
    }
}
