//! What a reader sees when the notice cannot be shown: a short, polite message and a link to the
//! notice's own page on the edge, so the information stays one click away.

use yew::prelude::*;

use super::prose::link;
use crate::i18n::{t, Message};
use crate::strings::cat;

#[derive(Properties, PartialEq)]
pub struct FallbackProps {
    /// The language of the page around the widget.
    pub lang: AttrValue,
    /// `{origin}/{org}/{notice}`.
    pub href: AttrValue,
}

#[function_component]
pub fn Fallback(props: &FallbackProps) -> Html {
    let lang = props.lang.as_str();
    html! {
        <div class="seloste fallback" lang={props.lang.clone()} role="note">
            <p>{ t(Message::Unavailable, lang) }</p>
            <p>{ cat(&[t(Message::ReadAt, lang), " "]) }{ link(&props.href, &props.href) }{ "." }</p>
        </div>
    }
}
