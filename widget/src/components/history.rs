//! The change log: every published version, newest first, dated, with its summary and, folded
//! in a `<details>`, what changed from the version before. `<details>` opens without JavaScript, so
//! server pages get the same behaviour as the widget.

use std::rc::Rc;

use seloste_schema::diff::diff;
use seloste_schema::{History, Version};
use yew::prelude::*;

use super::{diff::changes, switch};
use crate::i18n::{t, Word};
use crate::page::PageContext;

#[derive(Properties)]
pub struct HistoryProps {
    pub history: Rc<History>,
    /// One of the latest version's languages.
    pub lang: AttrValue,
    pub ctx: Rc<PageContext>,
    /// Set by the widget: switch language in place.
    #[prop_or_default]
    pub on_lang: Option<Callback<AttrValue>>,
    /// Set by the widget: go back to the notice in place.
    #[prop_or_default]
    pub on_notice: Option<Callback<()>>,
}

#[function_component]
pub fn HistoryView(props: &HistoryProps) -> Html {
    let lang = props.lang.as_str();
    let ctx = &*props.ctx;
    let versions = props.history.versions();
    let latest = &props.history.latest().notice;
    html! {
        <article class="seloste" lang={props.lang.clone()} aria-labelledby="seloste-title">
            <header>
                <h1 id="seloste-title" tabindex="-1">{ format!("{} – {}", t(Word::ChangeLog, lang), latest.title.get(lang)) }</h1>
                <div class="bar">
                    { switch::languages(&latest.languages, lang, ctx, &props.on_lang) }
                    { switch::to_view(t(Word::BackToNotice, lang), &props.on_notice, ctx.notice_href()) }
                </div>
            </header>
            { for versions.iter().enumerate().rev().map(|(i, v)| {
                let previous = i.checked_sub(1).map(|p| &versions[p]);
                version(v, previous, lang, ctx)
            }) }
        </article>
    }
}

fn version(v: &Version, previous: Option<&Version>, lang: &str, ctx: &PageContext) -> Html {
    let id = format!("v{}", v.number);
    let mut meta = format!(
        "{} {}",
        t(Word::Published, lang),
        v.published.localized(lang)
    );
    if let Some(e) = v.effective {
        meta.push_str(&format!(
            ", {} {}",
            t(Word::Effective, lang),
            e.localized(lang)
        ));
    }
    html! {
        <section class="version" id={id.clone()}>
            <h2>
                { format!("{} {}", t(Word::Version, lang), v.number) }
                <span class="date">{ format!(" · {}", v.published.localized(lang)) }</span>
            </h2>
            <p class="meta">
                { meta }
                if let Some(href) = ctx.version_href(v.number) {
                    { " · " }<a href={href}>{ t(Word::ShowVersion, lang) }</a>
                }
            </p>
            <p>{ v.summary.get(lang).to_owned() }</p>
            { match previous {
                None => html! { <p class="first">{ t(Word::FirstVersion, lang) }</p> },
                Some(p) => html! {
                    <details>
                        <summary>{ t(Word::ShowChanges, lang) }</summary>
                        { changes(&diff(&p.notice, &v.notice, lang), 3, lang) }
                        if let Some(href) = ctx.diff_href(p.number, v.number) {
                            <p><a href={href}>{ t(Word::DiffPage, lang) }</a></p>
                        }
                    </details>
                },
            } }
        </section>
    }
}

/// Props are compared by identity, like [`super::notice::NoticeProps`].
impl PartialEq for HistoryProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.history, &o.history)
            && Rc::ptr_eq(&self.ctx, &o.ctx)
            && self.lang == o.lang
            && self.on_lang == o.on_lang
            && self.on_notice == o.on_notice
    }
}
