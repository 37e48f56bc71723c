//! The switches around a view: language, and notice ⇄ change log. Buttons in the widget (it
//! switches in place), links on server pages (each language and view has its own address).

use seloste_schema::Lang;
use yew::prelude::*;

use crate::i18n::{language_name, t, Message};
use crate::page::PageContext;
use crate::strings::cat;

/// The language switch, or nothing for a notice in one language. The current language is marked
/// with `aria-current` (links) or `aria-pressed` (buttons), not by colour alone.
pub fn languages(
    langs: &[Lang],
    current: &str,
    ctx: &PageContext,
    on_lang: &Option<Callback<AttrValue>>,
) -> Html {
    if langs.len() < 2 {
        return Html::default();
    }
    let item = |l: &Lang| {
        let here = l.eq_ignore_ascii_case(current);
        let name = language_name(l).to_owned();
        let lang = AttrValue::from(l.clone());
        let control = match on_lang.as_ref().filter(|_| !ctx.languages_href) {
            Some(cb) => {
                let (cb, pick) = (cb.clone(), lang.clone());
                html! {
                    <button type="button" lang={lang} aria-pressed={if here { "true" } else { "false" }}
                        onclick={Callback::from(move |_| cb.emit(pick.clone()))}>{ name }</button>
                }
            }
            None => html! {
                <a href={cat(&["?lang=", l])} lang={lang.clone()} hreflang={lang}
                    aria-current={here.then_some("true")}>{ name }</a>
            },
        };
        html! { <li>{ control }</li> }
    };
    html! {
        <nav class="langs" aria-label={t(Message::Language, current)}>
            <ul>{ for langs.iter().map(item) }</ul>
        </nav>
    }
}

/// A way to another view: a button when the widget can switch in place, else a link when there
/// is a page to go to, else nothing.
pub fn to_view(label: &'static str, on_click: &Option<Callback<()>>, href: Option<String>) -> Html {
    match (on_click, href) {
        (Some(cb), _) => {
            let cb = cb.clone();
            html! {
                <button type="button" class="to-view" onclick={Callback::from(move |_| cb.emit(()))}>{ label }</button>
            }
        }
        (None, Some(href)) => html! { <a class="to-view" href={href}>{ label }</a> },
        (None, None) => Html::default(),
    }
}
