//! The importer's report, for the author: where each section of the source went, what was
//! guessed, what stayed free text and what was left out.

use std::rc::Rc;

use seloste_import::ImportReport;
use seloste_schema::editor_words::Word;
use seloste_schema::messages::language_name;
use yew::prelude::*;

#[derive(Properties)]
pub struct ReportProps {
    pub ui: AttrValue,
    pub report: Rc<ImportReport>,
    pub on_close: Callback<()>,
}

impl PartialEq for ReportProps {
    fn eq(&self, o: &Self) -> bool {
        self.ui == o.ui && Rc::ptr_eq(&self.report, &o.report) && self.on_close == o.on_close
    }
}

#[function_component]
pub fn Report(props: &ReportProps) -> Html {
    let ui = props.ui.as_str();
    let r = &*props.report;
    let list = |title: Word, items: Vec<String>| -> Html {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <>
                <h3>{ title.get(ui) }</h3>
                <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul>
            </>
        }
    };
    html! {
        <section id="import-report" class="ed-card ed-report" aria-labelledby="import-report-title">
            <h2 id="import-report-title">{ Word::ImportReport.get(ui) }</h2>
            <p>{ Word::ImportedAs.fill(ui, &[("format", r.format.name()), ("lang", language_name(&r.language))]) }</p>
            { list(Word::WentWhere, r.sections.iter().map(|s| {
                let n = s.number.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
                format!("{n}{} → {}", s.heading, s.went_to)
            }).collect()) }
            { list(Word::Guesses, r.guesses.iter().map(|g| format!("{}: {} ({})", g.path, g.value, g.why)).collect()) }
            { list(Word::KeptAsProse, r.free_text.clone()) }
            { list(Word::LeftOut, r.left_out.clone()) }
            <button type="button" id="close-report" onclick={props.on_close.reform(|_| ())}>{ Word::CloseReport.get(ui) }</button>
        </section>
    }
}
