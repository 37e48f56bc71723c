//! Problems at their fields. Each control claims the problems at its own path; a container,
//! drawn after what it contains, then claims those inside it that no control took, so a problem
//! whose path has no control of its own shows at the nearest enclosing one.

use std::cell::RefCell;

use seloste_schema::field_labels::FormWord;
use seloste_schema::{Problem, Severity};
use yew::prelude::*;

use super::path::within;

/// The problems of one part of the form, each shown once.
pub struct Claims<'a> {
    problems: Vec<&'a Problem>,
    taken: RefCell<Vec<bool>>,
}

impl<'a> Claims<'a> {
    pub fn new(problems: impl IntoIterator<Item = &'a Problem>) -> Claims<'a> {
        let problems: Vec<&Problem> = problems.into_iter().collect();
        let taken = RefCell::new(vec![false; problems.len()]);
        Claims { problems, taken }
    }

    /// The problems at `path` and, for a container (`inside`), those within it not yet shown.
    pub fn claim(&self, path: &str, inside: bool) -> Vec<&'a Problem> {
        let mut taken = self.taken.borrow_mut();
        let mut out = Vec::new();
        for (i, p) in self.problems.iter().enumerate() {
            let mine = p.path == path || (inside && within(&p.path, path));
            if mine && !taken[i] {
                taken[i] = true;
                out.push(*p);
            }
        }
        out
    }

    /// The problems no control took.
    pub fn rest(&self) -> Vec<&'a Problem> {
        self.claim(".", true)
    }
}

/// Problems drawn next to their field: the list, its id for `aria-describedby` and whether any
/// is an error (`aria-invalid`).
pub struct Shown {
    pub html: Html,
    pub id: Option<String>,
    pub error: bool,
}

/// The list of `problems` at `path`, each with its severity and, for a finding, its article.
pub fn show(problems: &[&Problem], path: &str, ui: &str) -> Shown {
    if problems.is_empty() {
        return Shown {
            html: Html::default(),
            id: None,
            error: false,
        };
    }
    let id = format!("problems-{path}");
    let item = |p: &&Problem| {
        let (class, word) = match p.severity {
            Severity::Error => ("problem problem-error", FormWord::Error),
            Severity::Finding => ("problem problem-finding", FormWord::Finding),
        };
        let article = p
            .article
            .as_ref()
            .map(|a| format!(" ({} {a})", FormWord::Article.get(ui)));
        html! {
            <li class={class}>
                <span class="problem-severity">{ format!("{}: ", word.get(ui)) }</span>
                { p.message_in(ui) }
                if let Some(a) = article { <span class="problem-article">{ a }</span> }
            </li>
        }
    };
    Shown {
        html: html! { <ul class="problems" id={id.clone()}>{ for problems.iter().map(item) }</ul> },
        id: Some(id),
        error: problems.iter().any(|p| p.severity == Severity::Error),
    }
}

/// Space-separated ids for `aria-describedby`, or none.
pub fn describedby<'s>(ids: impl IntoIterator<Item = Option<&'s str>>) -> Option<AttrValue> {
    let joined = ids.into_iter().flatten().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then(|| AttrValue::from(joined))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(path: &str) -> Problem {
        Problem::english(Severity::Error, path, format!("at {path}"))
    }

    #[test]
    fn controls_take_their_own_and_containers_the_rest_inside_them() {
        let ps = [
            problem("a.b"),
            problem("a.b.zz"),
            problem("a.c[3]"),
            problem("x"),
        ];
        let claims = Claims::new(&ps);
        let leaf = claims.claim("a.b", false);
        assert_eq!(leaf.len(), 1);
        assert_eq!(leaf[0].path, "a.b");
        let container = claims.claim("a", true);
        let paths: Vec<&str> = container.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["a.b.zz", "a.c[3]"]);
        assert!(claims.claim("a.b", true).is_empty(), "each is shown once");
        assert_eq!(claims.rest().len(), 1);
    }
}
