//! Every problem of the draft in one list, each a link to its field (`#field-{path}`, the ids the
//! form gives its controls), and one polite live region with the counts for screen readers.

use std::rc::Rc;

use seloste_schema::editor_words::Word;
use seloste_schema::{Problem, Severity};
use yew::prelude::*;

use crate::browser;

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub ui: AttrValue,
    pub problems: Rc<Vec<Problem>>,
}

#[function_component]
pub fn Problems(props: &ProblemsProps) -> Html {
    let ui = props.ui.as_str();
    let errors = props
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let findings = props.problems.len() - errors;
    let counts = Word::ProblemCounts.fill(
        ui,
        &[
            ("errors", &errors.to_string()),
            ("findings", &findings.to_string()),
        ],
    );
    html! {
        <section id="seloste-problems" class="ed-problems" aria-labelledby="problems-title">
            <h2 id="problems-title">{ Word::Problems.get(ui) }</h2>
            <p id="problem-counts" class="ed-counts" role="status" aria-live="polite" aria-atomic="true">{ counts }</p>
            if props.problems.is_empty() {
                <p>{ Word::NoProblems.get(ui) }</p>
            } else {
                <ul>{ for props.problems.iter().map(|p| item(p, ui)) }</ul>
            }
        </section>
    }
}

fn item(p: &Problem, ui: &str) -> Html {
    let id = format!("field-{}", p.path);
    let href = format!("#{id}");
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        browser::focus(&id);
    });
    let (class, kind) = match p.severity {
        Severity::Error => ("ed-problem error", Word::Error.get(ui)),
        Severity::Finding => ("ed-problem finding", Word::Finding.get(ui)),
    };
    let place = if p.path == "." {
        Word::WholeNotice.get(ui).to_owned()
    } else {
        p.path.clone()
    };
    html! {
        <li class={class}>
            <a {href} {onclick}>
                <span class="ed-kind">{ format!("{kind}: ") }</span>
                <code>{ place }</code>
                { format!(" — {}", p.message_in(ui)) }
                if let Some(a) = &p.article {
                    <span class="ed-article">{ format!(" ({} {a})", Word::Article.get(ui)) }</span>
                }
            </a>
        </li>
    }
}
