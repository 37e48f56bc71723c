//! The live preview: the widget's own `NoticeView` (what readers will see), in any of the draft's
//! languages through the view's own language switch.

use std::rc::Rc;

use seloste_schema::editor_words::Word;
use seloste_schema::Notice;
use seloste_widget::components::NoticeView;
use seloste_widget::PageContext;
use yew::prelude::*;

#[derive(Properties)]
pub struct PreviewProps {
    pub ui: AttrValue,
    /// `None` while the draft has no notice's shape.
    pub notice: Option<Rc<Notice>>,
}

impl PartialEq for PreviewProps {
    fn eq(&self, o: &Self) -> bool {
        self.ui == o.ui
            && match (&self.notice, &o.notice) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

#[function_component]
pub fn Preview(props: &PreviewProps) -> Html {
    let ui = props.ui.as_str();
    let wanted = use_state(|| None::<AttrValue>);
    let ctx = use_memo((), |_| PageContext::default());
    let on_lang = {
        let wanted = wanted.clone();
        use_callback((), move |l: AttrValue, _| wanted.set(Some(l)))
    };
    let body = match &props.notice {
        Some(n) => {
            let lang = n.pick_language(wanted.as_deref().unwrap_or(ui)).to_owned();
            let notice = titled(n, &lang, ui);
            html! { <NoticeView {notice} lang={AttrValue::from(lang)} ctx={ctx} on_lang={on_lang} /> }
        }
        None => html! { <p class="ed-hint">{ Word::NoPreview.get(ui) }</p> },
    };
    html! {
        <section id="seloste-preview" class="ed-preview" aria-labelledby="preview-title">
            <h2 id="preview-title" class="ed-preview-title">{ Word::Preview.get(ui) }</h2>
            { body }
        </section>
    }
}

/// The draft as shown: a title not written yet in `lang` reads "(no title yet)" rather than an
/// empty heading (the problems list already says it is missing).
fn titled(n: &Rc<Notice>, lang: &str, ui: &str) -> Rc<Notice> {
    if !n.title.get(lang).trim().is_empty() {
        return n.clone();
    }
    let mut shown = (**n).clone();
    shown
        .title
        .0
        .insert(lang.to_owned(), Word::Untitled.get(ui).to_owned());
    Rc::new(shown)
}
