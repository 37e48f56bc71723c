//! The body of each standard section of a notice: every field of every section type, shown when
//! present. Which sections exist and in what order is decided by [`SectionId::ORDER`]; this file only
//! says what one section holds.

use seloste_schema::sections::*;
use seloste_schema::vocab::{LegalBasis, RoleKind};
use seloste_schema::{Block, Notice, SectionId};
use yew::prelude::*;

use super::contact::{
    authority, contact, fact, organisation, representative as representative_card, text_fact,
};
use super::dom::{each, el, el_class, frag, none, owned, para, text};
use super::prose::{prose, text_list, web_link};
use crate::i18n::{place, t, Message};
use crate::strings::{cat, num};

/// The body of section `id`, or `None` when the notice says nothing that belongs there.
/// [`SectionId::Other`] is rendered by the notice view itself: each free section has its own heading.
pub fn body(id: SectionId, n: &Notice, lang: &str) -> Option<Html> {
    use SectionId::*;
    match id {
        General => (!n.introduction.is_empty()).then(|| prose(&n.introduction, lang)),
        Organisation => Some(organisation(&n.organisation, lang)),
        Role => role(&n.role, lang),
        Representative => n.representative.as_ref().map(|r| representative(r, lang)),
        Contact => n.contact.as_ref().map(|c| contact(c, lang)),
        Dpo => dpo(n, lang),
        Register => n.register.as_ref().map(|r| register(r, lang)),
        Purposes => (!n.purposes.is_empty()).then(|| purposes(&n.purposes, lang)),
        Lawfulness => n.lawfulness.as_ref().map(|l| lawfulness(l, lang)),
        DataSubjects => (!n.data_subjects.is_empty()).then(|| subjects(&n.data_subjects, lang)),
        Sources => n.sources.as_ref().map(|s| sources(s, lang)),
        Recipients => n.recipients.as_ref().map(|r| recipients(r, lang)),
        Transfers => n.transfers.as_ref().map(|x| transfers(x, lang)),
        Retention => n.retention.as_ref().map(|r| retention(r, lang)),
        Security => n.security.as_ref().map(|s| security(s, lang)),
        Rights => n.rights.as_ref().map(|r| rights(r, lang)),
        ComplaintAuthority => (!n.complaint_authorities.is_empty())
            .then(|| each(&n.complaint_authorities, |c| authority(c, lang))),
        AutomatedDecisions => n
            .automated_decisions
            .as_ref()
            .map(|a| automated(a, n.profiling.is_some(), lang)),
        Profiling => n.profiling.as_ref().map(|p| profiling(p, lang)),
        Requirement => n.requirement.as_ref().map(|r| requirement(r, lang)),
        Changes => n.changes.as_ref().map(|c| changes(c, lang)),
        Other => None,
    }
}

/// "Sopimus (6(1)(b))": the basis in words with its article, so both lay and legal readers follow.
pub fn legal_basis(b: LegalBasis, lang: &str) -> String {
    cat(&[b.label(lang), " (", b.article(), ")"])
}

/// The representative's card, the law it is appointed under, and the notice's words about it.
fn representative(r: &seloste_schema::party::Representative, lang: &str) -> Html {
    frag(vec![
        representative_card(r, lang),
        r.jurisdiction.map_or_else(none, |j| para(j.label(lang))),
        prose(&r.notes, lang),
    ])
}

/// The data protection officer, or the statement that none is appointed and why.
fn dpo(n: &Notice, lang: &str) -> Option<Html> {
    if let Some(c) = &n.dpo {
        return Some(contact(c, lang));
    }
    n.dpo_not_appointed
        .as_ref()
        .map(|d| statement(Message::DpoNotAppointed, &d.reason, lang))
}

/// A controller's notice needs no role section (its organisation heading says "controller");
/// a processor's, or any notice that explains its role, does.
fn role(r: &Role, lang: &str) -> Option<Html> {
    let needed =
        r.acts_as == RoleKind::Processor || r.on_behalf_of.is_some() || !r.explanation.is_empty();
    needed.then(|| {
        frag(vec![
            el(
                "dl",
                frag(vec![
                    fact(t(Message::Role, lang), Some(text(r.acts_as.label(lang)))),
                    text_fact(Message::OnBehalfOf, r.on_behalf_of.as_ref(), lang),
                ]),
            ),
            prose(&r.explanation, lang),
        ])
    })
}

fn register(r: &Register, lang: &str) -> Html {
    lead(r.name.get(lang), &r.description, lang)
}

fn purposes(list: &[Purpose], lang: &str) -> Html {
    let names_only = list.iter().all(|p| {
        p.description.is_empty()
            && p.legal_bases.is_empty()
            && p.legitimate_interest.is_none()
            && p.special_category_condition.is_none()
            && p.law.is_none()
    });
    if names_only {
        // As a list of texts (`prose::text_list`), the names read in place.
        return el("ul", each(list, |p| el("li", text(p.name.get(lang)))));
    }
    each(list, |p| {
        let facts = !p.legal_bases.is_empty()
            || p.legitimate_interest.is_some()
            || p.special_category_condition.is_some()
            || p.law.is_some();
        frag(vec![
            el("h3", text(p.name.get(lang))),
            prose(&p.description, lang),
            if facts {
                el(
                    "dl",
                    frag(vec![
                        if p.legal_bases.is_empty() {
                            none()
                        } else {
                            frag(vec![
                                el("dt", text(t(Message::LegalBasis, lang))),
                                each(&p.legal_bases, |b| el("dd", owned(legal_basis(*b, lang)))),
                            ])
                        },
                        text_fact(Message::Law, p.law.as_ref(), lang),
                        text_fact(
                            Message::LegitimateInterest,
                            p.legitimate_interest.as_ref(),
                            lang,
                        ),
                        fact(
                            t(Message::SpecialCategoryCondition, lang),
                            p.special_category_condition
                                .map(|c| owned(cat(&[c.label(lang), " (", c.article(), ")"]))),
                        ),
                    ]),
                )
            } else {
                none()
            },
        ])
    })
}

fn lawfulness(l: &Lawfulness, lang: &str) -> Html {
    frag(vec![
        if l.legal_bases.is_empty() {
            none()
        } else {
            el(
                "ul",
                each(&l.legal_bases, |b| el("li", owned(legal_basis(*b, lang)))),
            )
        },
        prose(&l.explanation, lang),
        part(Message::LegitimateInterests, &l.legitimate_interests, lang),
        if l.special_category_conditions.is_empty() {
            none()
        } else {
            frag(vec![
                el("h3", text(t(Message::SpecialCategoryConditions, lang))),
                el(
                    "ul",
                    each(&l.special_category_conditions, |c| {
                        el("li", owned(cat(&[c.label(lang), " (", c.article(), ")"])))
                    }),
                ),
            ])
        },
    ])
}

fn subjects(groups: &[SubjectGroup], lang: &str) -> Html {
    each(groups, |g| {
        frag(vec![
            g.name
                .as_ref()
                .map_or_else(none, |name| el("h3", text(name.get(lang)))),
            prose(&g.description, lang),
            el("ul", each(&g.data, |c| data_category(c, lang))),
        ])
    })
}

fn data_category(c: &DataCategory, lang: &str) -> Html {
    el(
        "li",
        frag(vec![
            text(c.name.get(lang)),
            if c.special_category {
                tag(Message::SpecialCategory, lang)
            } else {
                none()
            },
            prose(&c.description, lang),
            if c.items.is_empty() {
                none()
            } else {
                el("ul", each(&c.items, |i| data_item(i, lang)))
            },
        ]),
    )
}

/// One piece of data, with "(pakollinen)" or "(vapaaehtoinen)" where the notice says which.
fn data_item(i: &DataItem, lang: &str) -> Html {
    let word = i.required.map(|r| {
        if r {
            Message::Required
        } else {
            Message::Voluntary
        }
    });
    el(
        "li",
        frag(vec![
            text(i.name.get(lang)),
            word.map_or_else(none, |word| tag(word, lang)),
        ]),
    )
}

fn sources(s: &Sources, lang: &str) -> Html {
    frag(vec![
        if s.items.is_empty() {
            none()
        } else {
            el(
                "ul",
                each(&s.items, |i| {
                    el(
                        "li",
                        frag(vec![
                            text(i.name.get(lang)),
                            if i.publicly_accessible {
                                tag(Message::PubliclyAccessible, lang)
                            } else {
                                none()
                            },
                            text_list(&i.supplies, lang),
                        ]),
                    )
                }),
            )
        },
        prose(&s.notes, lang),
    ])
}

fn recipients(r: &Recipients, lang: &str) -> Html {
    frag(vec![
        items(&r.items, |i| recipient(i, lang)),
        prose(&r.notes, lang),
    ])
}

fn recipient(r: &Recipient, lang: &str) -> Html {
    el(
        "li",
        frag(vec![
            el(
                "p",
                frag(vec![
                    el("strong", text(r.name.get(lang))),
                    owned(cat(&[" · ", r.role.label(lang)])),
                ]),
            ),
            el(
                "dl",
                frag(vec![
                    text_fact(Message::Purpose, r.purpose.as_ref(), lang),
                    fact(
                        t(Message::Location, lang),
                        r.location.as_deref().map(|l| owned(place(l, lang))),
                    ),
                    fact(t(Message::Web, lang), r.web.as_deref().map(web_link)),
                ]),
            ),
            prose(&r.details, lang),
        ]),
    )
}

fn transfers(x: &Transfers, lang: &str) -> Html {
    let statement = t(
        if x.outside_eea {
            Message::TransfersOutside
        } else {
            Message::NoTransfers
        },
        lang,
    );
    // Said once. A notice that transfers nothing and writes about transfers anyway says exactly
    // that in its own words ("Tietoja ei siirretä EU/ETA-alueen ulkopuolelle."), right under this
    // section's heading: the stock sentence would repeat it.
    let said = !x.outside_eea && !x.notes.is_empty();
    frag(vec![
        if said { none() } else { para(statement) },
        items(&x.items, |i| transfer(i, lang)),
        prose(&x.notes, lang),
    ])
}

fn transfer(i: &Transfer, lang: &str) -> Html {
    let safeguards = if i.safeguards.is_empty() {
        none()
    } else {
        let word = if i.safeguards.len() == 1 {
            Message::Safeguard
        } else {
            Message::Safeguards
        };
        frag(vec![
            el("dt", text(t(word, lang))),
            each(&i.safeguards, |s| {
                el("dd", owned(cat(&[s.label(lang), " (", s.article(), ")"])))
            }),
        ])
    };
    el(
        "li",
        frag(vec![
            el("p", el("strong", text(i.recipient.get(lang)))),
            el(
                "dl",
                frag(vec![
                    fact(
                        t(Message::Country, lang),
                        Some(owned(place(&i.country, lang))),
                    ),
                    safeguards,
                ]),
            ),
            prose(&i.details, lang),
        ]),
    )
}

fn retention(r: &Retention, lang: &str) -> Html {
    frag(vec![
        if r.rules.is_empty() {
            none()
        } else {
            el("dl", each(&r.rules, |rule| retention_rule(rule, lang)))
        },
        prose(&r.notes, lang),
    ])
}

fn retention_rule(rule: &RetentionRule, lang: &str) -> Html {
    let data = rule
        .data
        .as_ref()
        .map_or(t(Message::AllData, lang), |d| d.get(lang));
    let period = rule.period.get(lang);
    // A bound the period's own words already state ("… 36 kuukautta …") is not said again after
    // them. (A byte-window compare: `str::contains` and case folding would add ~0.6 and ~8 KB to
    // the bundle; the words are lower case.)
    let bound = |word, d: &Option<String>| {
        let d = seloste_schema::duration::humanize(d.as_deref()?, lang);
        let said = period
            .as_bytes()
            .windows(d.len())
            .any(|w| w == d.as_bytes());
        (!said).then(|| cat(&[t(word, lang), " ", &d]))
    };
    let bounds: Vec<String> = [
        bound(Message::AtLeast, &rule.min_duration),
        bound(Message::AtMost, &rule.max_duration),
    ]
    .into_iter()
    .flatten()
    .collect();
    let max = (!bounds.is_empty()).then(|| cat(&[" (", &bounds.join(", "), ")"]));
    frag(vec![
        el("dt", text(data)),
        el(
            "dd",
            frag(vec![text(period), owned(max.unwrap_or_default())]),
        ),
    ])
}

fn security(s: &Security, lang: &str) -> Html {
    frag(vec![
        prose(&s.general, lang),
        part(Message::TechnicalSecurity, &s.technical, lang),
        part(Message::OrganisationalSecurity, &s.organisational, lang),
        part(Message::PaperRecords, &s.paper_records, lang),
    ])
}

fn rights(r: &Rights, lang: &str) -> Html {
    frag(vec![
        if r.rights.is_empty() {
            none()
        } else {
            el("ul", each(&r.rights, |x| el("li", text(x.label(lang)))))
        },
        prose(&r.notes, lang),
        part(Message::HowToExercise, &r.how_to_exercise, lang),
    ])
}

/// Art. 22 decisions. Where the notice states its profiling apart (the next section), this one
/// speaks of decisions alone; otherwise of both, as notices customarily do.
fn automated(a: &AutomatedDecisions, profiling_apart: bool, lang: &str) -> Html {
    let said = match (a.exists, profiling_apart) {
        (true, true) => Message::DecisionsExist,
        (false, true) => Message::DecisionsNone,
        (true, false) => Message::AutomatedExists,
        (false, false) => Message::AutomatedNone,
    };
    statement(said, &a.description, lang)
}

fn profiling(p: &Profiling, lang: &str) -> Html {
    let said = if p.exists {
        Message::ProfilingExists
    } else {
        Message::ProfilingNone
    };
    statement(said, &p.description, lang)
}

fn changes(c: &ChangePolicy, lang: &str) -> Html {
    let days = c.advance_notice_days.map(|d| {
        cat(&[
            t(Message::AdvanceNoticeBefore, lang),
            " ",
            &num(d.into()),
            " ",
            t(Message::AdvanceNoticeAfter, lang),
        ])
    });
    frag(vec![
        prose(&c.description, lang),
        days.map_or_else(none, |days| el("p", owned(days))),
        part(Message::HowNotified, &c.how_notified, lang),
    ])
}

fn requirement(r: &Requirement, lang: &str) -> Html {
    lead(r.kind.label(lang), &r.consequences, lang)
}

/// A `<h3>` part of a section with the notice's words under it; nothing when it has none.
#[inline(never)]
fn part(heading: Message, blocks: &[Block], lang: &str) -> Html {
    if blocks.is_empty() {
        return none();
    }
    frag(vec![el("h3", text(t(heading, lang))), prose(blocks, lang)])
}

/// The standard sentence in a paragraph, then the notice's own words.
#[inline(never)]
fn statement(said: Message, blocks: &[Block], lang: &str) -> Html {
    frag(vec![para(t(said, lang)), prose(blocks, lang)])
}

/// A name in a lead paragraph, then the notice's words about it.
#[inline(never)]
fn lead(name: &str, blocks: &[Block], lang: &str) -> Html {
    frag(vec![el_class("p", "lead", text(name)), prose(blocks, lang)])
}

/// " (pakollinen)": a word about the item before it, set apart.
#[inline(never)]
fn tag(word: Message, lang: &str) -> Html {
    frag(vec![
        text(" "),
        el_class("em", "tag", owned(cat(&["(", t(word, lang), ")"]))),
    ])
}

/// The items of a recipients' or transfers' list, each drawn by `item`; nothing when empty.
fn items<T>(list: &[T], item: impl Fn(&T) -> Html) -> Html {
    if list.is_empty() {
        none()
    } else {
        el_class("ul", "items", each(list, item))
    }
}
