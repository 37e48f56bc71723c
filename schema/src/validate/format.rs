//! Errors: is the notice well-formed? Ids, languages, translations, emails, links, phone numbers,
//! business IDs, durations, countries, and statements that contradict each other.

use crate::notice::{Notice, FORMAT};

use super::rules::{self, is_duration, is_lang, is_location, is_slug, join, Checker, WEB_SCHEMES};
use super::Problem;

/// Every well-formedness error of `notice`, with paths under `prefix`.
pub fn check(n: &Notice, prefix: &str) -> Vec<Problem> {
    let mut head = Vec::new();
    if n.format != FORMAT {
        head.push(rules::error(
            &join(prefix, "format"),
            format!(
                "unsupported format {} (this reader knows format {FORMAT})",
                n.format
            ),
        ));
    }
    match n.id.split_once('/') {
        Some((org, notice)) if is_slug(org) && is_slug(notice) => {}
        _ => head.push(rules::error(
            &join(prefix, "id"),
            format!(
                "`{}` is not an id of the form organisation/notice (lower-case letters, digits and dashes, e.g. kaarea/asiakasrekisteri)",
                n.id
            ),
        )),
    }
    if n.languages.is_empty() {
        head.push(rules::error(
            &join(prefix, "languages"),
            "a notice needs at least one language",
        ));
    }
    for (i, lang) in n.languages.iter().enumerate() {
        let at = join(prefix, &format!("languages[{i}]"));
        if !is_lang(lang) {
            head.push(rules::error(
                &at,
                format!("`{lang}` is not a language code such as fi, sv or en"),
            ));
        } else if n.languages[..i].contains(lang) {
            head.push(rules::error(&at, format!("`{lang}` is listed twice")));
        }
    }

    let mut c = Checker::new(&n.languages, prefix);
    c.text(&n.title, "title");
    c.prose(&n.introduction, "introduction");
    c.organisation(&n.organisation, "organisation");
    c.opt_text(&n.role.on_behalf_of, "role.on_behalf_of");
    c.prose(&n.role.explanation, "role.explanation");
    if let Some(r) = &n.representative {
        c.organisation(r, "representative");
    }
    if let Some(contact) = &n.contact {
        c.contact(contact, "contact");
    }
    if let Some(dpo) = &n.dpo {
        c.contact(dpo, "dpo");
    }
    if let Some(r) = &n.register {
        c.text(&r.name, "register.name");
        c.prose(&r.description, "register.description");
    }
    for (i, p) in n.purposes.iter().enumerate() {
        let at = format!("purposes[{i}]");
        c.text(&p.name, &join(&at, "name"));
        c.prose(&p.description, &join(&at, "description"));
        c.opt_text(&p.legitimate_interest, &join(&at, "legitimate_interest"));
        duplicates(&mut c, &p.legal_bases, &join(&at, "legal_bases"));
    }
    if let Some(l) = &n.lawfulness {
        duplicates(&mut c, &l.legal_bases, "lawfulness.legal_bases");
        c.prose(&l.explanation, "lawfulness.explanation");
        c.prose(&l.legitimate_interests, "lawfulness.legitimate_interests");
        duplicates(
            &mut c,
            &l.special_category_conditions,
            "lawfulness.special_category_conditions",
        );
    }
    for (i, g) in n.data_subjects.iter().enumerate() {
        let at = format!("data_subjects[{i}]");
        c.opt_text(&g.name, &join(&at, "name"));
        c.prose(&g.description, &join(&at, "description"));
        if g.data.is_empty() {
            c.error(
                &join(&at, "data"),
                "a group of data subjects needs at least one kind of data",
            );
        }
        for (j, d) in g.data.iter().enumerate() {
            let dat = format!("{at}.data[{j}]");
            c.text(&d.name, &join(&dat, "name"));
            c.texts(&d.items, &join(&dat, "items"));
        }
    }
    if let Some(s) = &n.sources {
        for (i, src) in s.items.iter().enumerate() {
            c.text(&src.name, &format!("sources.items[{i}].name"));
        }
        c.prose(&s.notes, "sources.notes");
        if s.items.is_empty() && s.notes.is_empty() {
            c.error(
                "sources",
                "say where the data comes from, or leave the section out",
            );
        }
    }
    if let Some(r) = &n.recipients {
        for (i, rec) in r.items.iter().enumerate() {
            let at = format!("recipients.items[{i}]");
            c.text(&rec.name, &join(&at, "name"));
            c.opt_text(&rec.purpose, &join(&at, "purpose"));
            location(&mut c, rec.location.as_deref(), &join(&at, "location"));
            if let Some(web) = &rec.web {
                c.href(web, &join(&at, "web"), WEB_SCHEMES);
            }
            c.prose(&rec.details, &join(&at, "details"));
        }
        c.prose(&r.notes, "recipients.notes");
        if r.items.is_empty() && r.notes.is_empty() {
            c.error(
                "recipients",
                "name the recipients or say that there are none, or leave the section out",
            );
        }
    }
    if let Some(t) = &n.transfers {
        if !t.outside_eea && !t.items.is_empty() {
            c.error(
                "transfers.items",
                "lists transfers although `outside_eea` is false: set it to true or remove the items",
            );
        }
        for (i, tr) in t.items.iter().enumerate() {
            let at = format!("transfers.items[{i}]");
            c.text(&tr.recipient, &join(&at, "recipient"));
            location(&mut c, Some(&tr.country), &join(&at, "country"));
            if rules::in_eea(&tr.country) {
                c.error(
                    &join(&at, "country"),
                    format!(
                        "`{}` is inside the EU/EEA: this is not a transfer to a third country",
                        tr.country
                    ),
                );
            }
            c.prose(&tr.details, &join(&at, "details"));
        }
        c.prose(&t.notes, "transfers.notes");
    }
    if let Some(r) = &n.retention {
        for (i, rule) in r.rules.iter().enumerate() {
            let at = format!("retention.rules[{i}]");
            c.opt_text(&rule.data, &join(&at, "data"));
            c.text(&rule.period, &join(&at, "period"));
            for (field, value) in [
                ("min_duration", &rule.min_duration),
                ("max_duration", &rule.max_duration),
            ] {
                if let Some(d) = value.as_deref().filter(|d| !is_duration(d)) {
                    c.error(
                        &join(&at, field),
                        format!("`{d}` is not an ISO 8601 duration such as P24M, P5Y or P1Y6M"),
                    );
                }
            }
        }
        c.prose(&r.notes, "retention.notes");
        if r.rules.is_empty() && r.notes.is_empty() {
            c.error(
                "retention",
                "state a retention period or its criteria, or leave the section out",
            );
        }
    }
    if let Some(s) = &n.security {
        c.prose(&s.general, "security.general");
        c.prose(&s.technical, "security.technical");
        c.prose(&s.organisational, "security.organisational");
        c.prose(&s.paper_records, "security.paper_records");
    }
    if let Some(r) = &n.rights {
        duplicates(&mut c, &r.rights, "rights.rights");
        c.prose(&r.notes, "rights.notes");
        c.prose(&r.how_to_exercise, "rights.how_to_exercise");
    }
    if let Some(a) = &n.complaint_authority {
        c.text(&a.name, "complaint_authority.name");
        if let Some(web) = &a.web {
            c.href(web, "complaint_authority.web", WEB_SCHEMES);
        }
        c.prose(&a.notes, "complaint_authority.notes");
    }
    if let Some(a) = &n.automated_decisions {
        c.prose(&a.description, "automated_decisions.description");
    }
    if let Some(r) = &n.requirement {
        c.prose(&r.consequences, "requirement.consequences");
    }
    if let Some(ch) = &n.changes {
        c.prose(&ch.description, "changes.description");
    }
    for (i, s) in n.other_sections.iter().enumerate() {
        c.text(&s.heading, &format!("other_sections[{i}].heading"));
        c.prose(&s.body, &format!("other_sections[{i}].body"));
        if s.body.is_empty() {
            c.error(
                &format!("other_sections[{i}].body"),
                "a section needs some content",
            );
        }
    }
    head.extend(c.into_problems());
    head
}

fn location(c: &mut Checker<'_>, code: Option<&str>, rel: &str) {
    if let Some(code) = code {
        if !is_location(code) {
            c.error(
                rel,
                format!(
                    "`{code}` is not a country code (ISO 3166-1 alpha-2, e.g. FI, US) or EU / EEA"
                ),
            );
        }
    }
}

fn duplicates<T: PartialEq + serde::Serialize>(c: &mut Checker<'_>, items: &[T], rel: &str) {
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            let name = serde_json::to_string(item).unwrap_or_default();
            c.error(&format!("{rel}[{i}]"), format!("{name} is listed twice"));
        }
    }
}
