//! What a reader sees when the notice cannot be shown: a short, polite message and a link to the
//! notice's own page on the edge, so the information stays one click away.

use yew::prelude::*;

use super::prose::link;
use crate::i18n::{t, Message};
use crate::strings::cat;

/// The message in `lang` (the language of the page around the widget) with a link to `href`
/// (`{origin}/{org}/{notice}`). A plain function, not a component: it has no state, and each
/// component is Yew's lifecycle code compiled once more into the widget.
pub fn fallback(lang: &str, href: &str) -> Html {
    html! {
        <div class="seloste fallback" lang={AttrValue::from(lang.to_owned())} role="note">
            <p>{ t(Message::Unavailable, lang) }</p>
            <p>{ cat(&[t(Message::ReadAt, lang), " "]) }{ link(href, href) }{ "." }</p>
        </div>
    }
}
