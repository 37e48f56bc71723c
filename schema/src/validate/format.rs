//! Errors: is the notice well-formed? Ids, languages, translations, emails, links, phone numbers,
//! business IDs, durations, countries, and statements that contradict each other.

use crate::headings::SectionId;
use crate::notice::{Notice, FORMAT};
use crate::sections::{
    ChangePolicy, ComplaintAuthority, FreeSection, Headings, Lawfulness, Purpose, Recipients,
    Register, Retention, Rights, Security, Sources, SubjectGroup, Transfers,
};

use super::rules::{self, is_duration, is_lang, is_location, is_slug, join, Checker, WEB_SCHEMES};
use super::{Problem, Said};

/// Every well-formedness error of `notice`, with paths under `prefix`: the document's own fields
/// first, then each section's.
pub fn check(n: &Notice, prefix: &str) -> Vec<Problem> {
    let mut problems = document(n, prefix);
    let mut c = Checker::new(&n.languages, prefix);
    for section in SectionId::ORDER {
        check_section(&mut c, n, section);
    }
    problems.extend(c.into_problems());
    // Text hygiene last, and only where no other error already points (a link with a
    // bidirectional control is refused once, as a link).
    for p in super::hygiene::check(n, prefix) {
        if !problems.iter().any(|q| q.path == p.path) {
            problems.push(p);
        }
    }
    problems
}

/// The fields that are not part of any section: format, id, languages.
fn document(n: &Notice, prefix: &str) -> Vec<Problem> {
    let mut head = Vec::new();
    if n.format != FORMAT {
        head.push(rules::error(
            &join(prefix, "format"),
            Said::UnsupportedFormat.with(&[
                ("found", &n.format.to_string()),
                ("known", &FORMAT.to_string()),
            ]),
        ));
    }
    match n.id.split_once('/') {
        Some((org, notice)) if is_slug(org) && is_slug(notice) => {}
        _ => head.push(rules::error(
            &join(prefix, "id"),
            Said::BadId.with(&[("id", &n.id)]),
        )),
    }
    if n.languages.is_empty() {
        head.push(rules::error(&join(prefix, "languages"), Said::NoLanguages));
    }
    for (i, lang) in n.languages.iter().enumerate() {
        let at = join(prefix, &format!("languages[{i}]"));
        if !is_lang(lang) {
            head.push(rules::error(&at, Said::BadLanguage.with(&[("lang", lang)])));
        } else if n.languages[..i].contains(lang) {
            let value = format!("`{lang}`");
            head.push(rules::error(
                &at,
                Said::ListedTwice.with(&[("value", &value)]),
            ));
        }
    }
    head
}

/// Which part of the notice each section checks: the one place to add a new section's checks.
fn check_section(c: &mut Checker<'_>, n: &Notice, section: SectionId) {
    match section {
        SectionId::General => {
            c.text(&n.title, "title");
            c.date(n.updated, "updated");
            c.date(n.effective, "effective");
            headings(c, &n.headings);
            c.prose(&n.introduction, "introduction");
        }
        SectionId::Organisation => c.organisation(&n.organisation, "organisation"),
        SectionId::Role => {
            c.opt_text(&n.role.on_behalf_of, "role.on_behalf_of");
            c.prose(&n.role.explanation, "role.explanation");
        }
        SectionId::Representative => {
            if let Some(r) = &n.representative {
                c.organisation(&r.organisation(), "representative");
                c.prose(&r.notes, "representative.notes");
            }
        }
        SectionId::Contact => {
            if let Some(contact) = &n.contact {
                c.contact(contact, "contact");
            }
        }
        SectionId::Dpo => {
            if let Some(dpo) = &n.dpo {
                c.contact(dpo, "dpo");
            }
            if let Some(none) = &n.dpo_not_appointed {
                c.prose(&none.reason, "dpo_not_appointed.reason");
                if n.dpo.is_some() {
                    c.error("dpo_not_appointed", Said::DpoContradiction);
                }
            }
        }
        SectionId::Register => opt(c, &n.register, register),
        SectionId::Purposes => {
            for (i, p) in n.purposes.iter().enumerate() {
                purpose(c, p, &format!("purposes[{i}]"));
            }
        }
        SectionId::Lawfulness => opt(c, &n.lawfulness, lawfulness),
        SectionId::DataSubjects => {
            for (i, g) in n.data_subjects.iter().enumerate() {
                subject_group(c, g, &format!("data_subjects[{i}]"));
            }
        }
        SectionId::Sources => opt(c, &n.sources, sources),
        SectionId::Recipients => opt(c, &n.recipients, recipients),
        SectionId::Transfers => opt(c, &n.transfers, transfers),
        SectionId::Retention => opt(c, &n.retention, retention),
        SectionId::Security => opt(c, &n.security, security),
        SectionId::Rights => opt(c, &n.rights, rights),
        SectionId::ComplaintAuthority => {
            for (i, a) in n.complaint_authorities.iter().enumerate() {
                complaint_authority(c, a, &format!("complaint_authorities[{i}]"));
            }
        }
        SectionId::AutomatedDecisions => {
            if let Some(a) = &n.automated_decisions {
                c.prose(&a.description, "automated_decisions.description");
            }
        }
        SectionId::Profiling => {
            if let Some(p) = &n.profiling {
                c.prose(&p.description, "profiling.description");
            }
        }
        SectionId::Requirement => {
            if let Some(r) = &n.requirement {
                c.prose(&r.consequences, "requirement.consequences");
            }
        }
        SectionId::Changes => {
            opt(c, &n.changes, changes);
        }
        SectionId::Other => {
            for (i, s) in n.other_sections.iter().enumerate() {
                free_section(c, s, &format!("other_sections[{i}]"));
            }
        }
    }
}

fn opt<T>(c: &mut Checker<'_>, part: &Option<T>, check: fn(&mut Checker<'_>, &T)) {
    if let Some(part) = part {
        check(c, part);
    }
}

fn register(c: &mut Checker<'_>, r: &Register) {
    c.text(&r.name, "register.name");
    c.prose(&r.description, "register.description");
}

fn purpose(c: &mut Checker<'_>, p: &Purpose, at: &str) {
    c.text(&p.name, &join(at, "name"));
    c.prose(&p.description, &join(at, "description"));
    c.opt_text(&p.legitimate_interest, &join(at, "legitimate_interest"));
    c.opt_text(&p.law, &join(at, "law"));
    duplicates(c, &p.legal_bases, &join(at, "legal_bases"));
}

fn lawfulness(c: &mut Checker<'_>, l: &Lawfulness) {
    duplicates(c, &l.legal_bases, "lawfulness.legal_bases");
    c.prose(&l.explanation, "lawfulness.explanation");
    c.prose(&l.legitimate_interests, "lawfulness.legitimate_interests");
    duplicates(
        c,
        &l.special_category_conditions,
        "lawfulness.special_category_conditions",
    );
}

fn subject_group(c: &mut Checker<'_>, g: &SubjectGroup, at: &str) {
    c.opt_text(&g.name, &join(at, "name"));
    c.prose(&g.description, &join(at, "description"));
    if g.data.is_empty() {
        c.error(&join(at, "data"), Said::GroupWithoutData);
    }
    for (j, d) in g.data.iter().enumerate() {
        let dat = format!("{at}.data[{j}]");
        c.text(&d.name, &join(&dat, "name"));
        c.prose(&d.description, &join(&dat, "description"));
        for (k, item) in d.items.iter().enumerate() {
            let it = format!("{dat}.items[{k}]");
            match item.required {
                // A plain item is the text itself; a structured one has it under `name`.
                None => c.text(&item.name, &it),
                Some(_) => c.text(&item.name, &join(&it, "name")),
            }
        }
    }
}

fn sources(c: &mut Checker<'_>, s: &Sources) {
    for (i, src) in s.items.iter().enumerate() {
        c.text(&src.name, &format!("sources.items[{i}].name"));
        c.texts(&src.supplies, &format!("sources.items[{i}].supplies"));
    }
    c.prose(&s.notes, "sources.notes");
    if s.items.is_empty() && s.notes.is_empty() {
        c.error("sources", Said::SourcesEmpty);
    }
}

fn recipients(c: &mut Checker<'_>, r: &Recipients) {
    for (i, rec) in r.items.iter().enumerate() {
        let at = format!("recipients.items[{i}]");
        c.text(&rec.name, &join(&at, "name"));
        c.opt_text(&rec.purpose, &join(&at, "purpose"));
        location(c, rec.location.as_deref(), &join(&at, "location"));
        if let Some(web) = &rec.web {
            c.href(web, &join(&at, "web"), WEB_SCHEMES);
        }
        c.prose(&rec.details, &join(&at, "details"));
    }
    c.prose(&r.notes, "recipients.notes");
    if r.items.is_empty() && r.notes.is_empty() {
        c.error("recipients", Said::RecipientsEmpty);
    }
}

fn transfers(c: &mut Checker<'_>, t: &Transfers) {
    if !t.outside_eea && !t.items.is_empty() {
        c.error("transfers.items", Said::TransfersNotOutside);
    }
    for (i, tr) in t.items.iter().enumerate() {
        let at = format!("transfers.items[{i}]");
        c.text(&tr.recipient, &join(&at, "recipient"));
        location(c, Some(&tr.country), &join(&at, "country"));
        if tr.safeguards.is_empty() {
            c.error(&join(&at, "safeguards"), Said::NoSafeguard);
        }
        duplicates(c, &tr.safeguards, &join(&at, "safeguards"));
        if rules::in_eea(&tr.country) {
            c.error(
                &join(&at, "country"),
                Said::TransferInsideEea.with(&[("country", &tr.country)]),
            );
        }
        c.prose(&tr.details, &join(&at, "details"));
    }
    c.prose(&t.notes, "transfers.notes");
}

fn retention(c: &mut Checker<'_>, r: &Retention) {
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
                    Said::NotDuration.with(&[("duration", d)]),
                );
            }
        }
    }
    c.prose(&r.notes, "retention.notes");
    if r.rules.is_empty() && r.notes.is_empty() {
        c.error("retention", Said::RetentionEmpty);
    }
}

fn security(c: &mut Checker<'_>, s: &Security) {
    c.prose(&s.general, "security.general");
    c.prose(&s.technical, "security.technical");
    c.prose(&s.organisational, "security.organisational");
    c.prose(&s.paper_records, "security.paper_records");
}

fn rights(c: &mut Checker<'_>, r: &Rights) {
    duplicates(c, &r.rights, "rights.rights");
    c.prose(&r.notes, "rights.notes");
    c.prose(&r.how_to_exercise, "rights.how_to_exercise");
}

fn complaint_authority(c: &mut Checker<'_>, a: &ComplaintAuthority, at: &str) {
    c.text(&a.name, &join(at, "name"));
    if let Some(web) = &a.web {
        c.href(web, &join(at, "web"), WEB_SCHEMES);
    }
    c.address(&a.postal_address, &join(at, "postal_address"));
    for (i, p) in a.phones.iter().enumerate() {
        c.phone(p, &format!("{at}.phones[{i}]"));
    }
    for (i, e) in a.emails.iter().enumerate() {
        c.email(e, &format!("{at}.emails[{i}]"));
    }
    c.prose(&a.notes, &join(at, "notes"));
}

fn changes(c: &mut Checker<'_>, ch: &ChangePolicy) {
    c.prose(&ch.description, "changes.description");
    c.prose(&ch.how_notified, "changes.how_notified");
    if ch.description.is_empty() && ch.advance_notice_days.is_none() && ch.how_notified.is_empty() {
        c.error("changes", Said::ChangesEmpty);
    }
}

/// The notice's own headings: translated like any text, numbered (if at all) with something.
fn headings(c: &mut Checker<'_>, h: &Headings) {
    for (key, _, heading) in h.iter() {
        let at = format!("headings.{key}");
        c.text(&heading.text, &join(&at, "text"));
        if let Some(number) = &heading.number {
            c.required(number, &join(&at, "number"));
        }
    }
}

fn free_section(c: &mut Checker<'_>, s: &FreeSection, at: &str) {
    if let Some(number) = &s.number {
        c.required(number, &join(at, "number"));
    }
    c.text(&s.heading, &join(at, "heading"));
    c.prose(&s.body, &join(at, "body"));
    if s.body.is_empty() {
        c.error(&join(at, "body"), Said::SectionEmpty);
    }
}

fn location(c: &mut Checker<'_>, code: Option<&str>, rel: &str) {
    if let Some(code) = code {
        if !is_location(code) {
            c.error(rel, rules::location_problem(code));
        }
    }
}

fn duplicates<T: PartialEq + serde::Serialize>(c: &mut Checker<'_>, items: &[T], rel: &str) {
    for (i, item) in items.iter().enumerate() {
        if items[..i].contains(item) {
            let name = serde_json::to_string(item).unwrap_or_default();
            c.error(
                &format!("{rel}[{i}]"),
                Said::ListedTwice.with(&[("value", &name)]),
            );
        }
    }
}
