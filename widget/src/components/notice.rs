//! The notice view: title, dates, language switch and every section in reading order.

use std::rc::Rc;

use seloste_schema::vocab::RoleKind;
use seloste_schema::{Notice, SectionId};
use yew::prelude::*;

use super::prose::prose;
use super::{sections, switch};
use crate::i18n::{t, Message};
use crate::page::PageContext;
use crate::strings::{cat, num};

#[derive(Properties)]
pub struct NoticeProps {
    pub notice: Rc<Notice>,
    /// One of the notice's languages (see [`Notice::pick_language`]).
    pub lang: AttrValue,
    pub ctx: Rc<PageContext>,
    /// Set by the widget: switch language in place instead of following `?lang=` links.
    #[prop_or_default]
    pub on_lang: Option<Callback<AttrValue>>,
    /// Set by the widget: show the change log in place.
    #[prop_or_default]
    pub on_history: Option<Callback<()>>,
}

/// A privacy notice: one `<h1>` (its title), one `<h2>` section per [`SectionId`] in
/// [`SectionId::ORDER`], `<h3>` below; `lang` on the root so screen readers pronounce it right.
#[function_component]
pub fn NoticeView(props: &NoticeProps) -> Html {
    notice_view(props)
}

/// What [`NoticeView`] renders. The widget's app calls it directly: a component of its own would
/// be Yew's lifecycle code compiled once more into the widget, for a view that has no state.
pub fn notice_view(props: &NoticeProps) -> Html {
    let n = &*props.notice;
    let lang = props.lang.as_str();
    let ctx = &*props.ctx;
    let mut meta = Vec::new();
    if let Some(d) = n.updated {
        meta.push(cat(&[t(Message::Updated, lang), " ", &d.localized(lang)]));
    }
    if let Some(v) = ctx.version {
        let mut s = cat(&[t(Message::Version, lang), " ", &num(v.into())]);
        if let Some(p) = ctx.published {
            s.push_str(&cat(&[
                ", ",
                t(Message::Published, lang),
                " ",
                &p.localized(lang),
            ]));
        }
        meta.push(s);
    }
    // The day the notice takes effect, where it is not one of the days already shown.
    if let Some(e) = n
        .effective
        .filter(|e| Some(*e) != n.updated && Some(*e) != ctx.published)
    {
        meta.push(cat(&[
            t(Message::InEffectFrom, lang),
            " ",
            &e.localized(lang),
        ]));
    }
    html! {
        <article class="seloste" lang={props.lang.clone()} aria-labelledby="seloste-title">
            <header>
                <h1 id="seloste-title" tabindex="-1">{ n.title.get(lang).to_owned() }</h1>
                if !meta.is_empty() {
                    <p class="meta">{ meta.join(" · ") }</p>
                }
                <div class="bar">
                    { switch::languages(&n.languages, lang, ctx, &props.on_lang) }
                    { switch::to_view(t(Message::ChangeLog, lang), &props.on_history, ctx.history_href()) }
                </div>
            </header>
            { for SectionId::ORDER.iter().map(|&id| section(id, n, lang)) }
        </article>
    }
}

fn section(id: SectionId, n: &Notice, lang: &str) -> Html {
    if id == SectionId::Other {
        return other_sections(n, lang);
    }
    let Some(body) = sections::body(id, n, lang) else {
        return Html::default();
    };
    let standard = if id == SectionId::Organisation && n.role.acts_as == RoleKind::Processor {
        SectionId::processor_heading(lang)
    } else {
        id.heading(lang)
    };
    // The notice's own heading, if it has one: its words in this language (else the standard
    // words) and its number, which the notice's cross-references point at.
    let heading = match n.headings.get(id) {
        Some(own) => numbered(
            own.number.as_deref(),
            own.text.exact(lang).unwrap_or(standard),
        ),
        None => standard.to_owned(),
    };
    html! {
        <section id={id.anchor()}>
            <h2>{ heading }</h2>
            { body }
        </section>
    }
}

/// The notice's own sections, each under its own heading, after the standard ones.
fn other_sections(n: &Notice, lang: &str) -> Html {
    if n.other_sections.is_empty() {
        return Html::default();
    }
    html! {
        <div id={SectionId::Other.anchor()}>
            { for n.other_sections.iter().enumerate().map(|(i, s)| html! {
                <section id={cat(&[SectionId::Other.anchor(), "-", &num(i as u64 + 1)])}>
                    <h2>{ numbered(s.number.as_deref(), s.heading.get(lang)) }</h2>
                    { prose(&s.body, lang) }
                </section>
            }) }
        </div>
    }
}

/// "2. Rekisterin nimi": a heading with the notice's number, as the notice writes it ("2", "2.",
/// "B)"), a full stop added only after a bare number or letter.
fn numbered(number: Option<&str>, text: &str) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if n.bytes().last().is_some_and(|b| b.is_ascii_alphanumeric()) => {
            cat(&[n, ". ", text])
        }
        Some(n) => cat(&[n, " ", text]),
        None => text.to_owned(),
    }
}

/// Props are compared by identity: the data behind an `Rc` never changes once fetched, and a deep
/// comparison of two notices would cost bytes in the widget for nothing.
impl PartialEq for NoticeProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.notice, &o.notice)
            && Rc::ptr_eq(&self.ctx, &o.ctx)
            && self.lang == o.lang
            && self.on_lang == o.on_lang
            && self.on_history == o.on_history
    }
}
