//! The blank template: the smallest draft that has a notice's shape, in the chosen languages, with
//! every required text empty, so that the problems list starts as the author's to-do list.

use seloste_schema::FORMAT;
use serde_json::{json, Map, Value};

/// A blank notice `id` (`org/notice`, or empty in local mode) in `languages` (the first is the
/// main language).
pub fn blank(id: &str, languages: &[&str]) -> Value {
    let empty: Map<String, Value> = languages
        .iter()
        .map(|l| ((*l).to_owned(), Value::String(String::new())))
        .collect();
    json!({
        "format": FORMAT,
        "id": id,
        "languages": languages,
        "title": Value::Object(empty),
        "organisation": { "name": "" },
        "role": { "acts_as": "controller" },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use seloste_schema::Severity;

    #[test]
    fn a_blank_template_has_a_notices_shape_and_errors_at_its_empty_fields() {
        let v = blank("acme/customers", &["fi", "en"]);
        let c = check(&v);
        let n = c.notice.as_ref().expect("the template parses as a notice");
        assert_eq!(n.languages, ["fi", "en"]);
        assert_eq!(n.id, "acme/customers");
        assert!(c
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error && p.path.starts_with("title")));
        assert!(c
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error && p.path.starts_with("organisation.name")));
    }
}
