//! The body of each standard section of a notice: every field of every section type, shown when
//! present. Which sections exist and in what order is decided by [`SectionId::ORDER`]; this file only
//! says what one section holds.

use seloste_schema::sections::*;
use seloste_schema::vocab::{LegalBasis, RoleKind};
use seloste_schema::{Notice, SectionId};
use yew::prelude::*;

use super::contact::{authority, contact, fact, organisation};
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
        ComplaintAuthority => (!n.complaint_authorities.is_empty()).then(|| {
            n.complaint_authorities
                .iter()
                .map(|c| authority(c, lang))
                .collect()
        }),
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
    html! {
        <>
            { organisation(&r.organisation(), lang) }
            if let Some(j) = r.jurisdiction {
                <p>{ j.label(lang) }</p>
            }
            { prose(&r.notes, lang) }
        </>
    }
}

/// The data protection officer, or the statement that none is appointed and why.
fn dpo(n: &Notice, lang: &str) -> Option<Html> {
    if let Some(c) = &n.dpo {
        return Some(contact(c, lang));
    }
    n.dpo_not_appointed.as_ref().map(|d| {
        html! {
            <>
                <p>{ t(Message::DpoNotAppointed, lang) }</p>
                { prose(&d.reason, lang) }
            </>
        }
    })
}

/// A controller's notice needs no role section (its organisation heading says "controller");
/// a processor's, or any notice that explains its role, does.
fn role(r: &Role, lang: &str) -> Option<Html> {
    let needed =
        r.acts_as == RoleKind::Processor || r.on_behalf_of.is_some() || !r.explanation.is_empty();
    needed.then(|| {
        html! {
            <>
                <dl>
                    { fact(t(Message::Role, lang), Some(html! { r.acts_as.label(lang) })) }
                    { fact(t(Message::OnBehalfOf, lang), r.on_behalf_of.as_ref().map(|o| html! { o.get(lang).to_owned() })) }
                </dl>
                { prose(&r.explanation, lang) }
            </>
        }
    })
}

fn register(r: &Register, lang: &str) -> Html {
    html! {
        <>
            <p class="lead">{ r.name.get(lang).to_owned() }</p>
            { prose(&r.description, lang) }
        </>
    }
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
        let names: Vec<_> = list.iter().map(|p| p.name.clone()).collect();
        return text_list(&names, lang);
    }
    list.iter()
        .map(|p| {
            html! {
            <>
                <h3>{ p.name.get(lang).to_owned() }</h3>
                { prose(&p.description, lang) }
                if !p.legal_bases.is_empty() || p.legitimate_interest.is_some()
                    || p.special_category_condition.is_some() || p.law.is_some() {
                    <dl>
                        if !p.legal_bases.is_empty() {
                            <dt>{ t(Message::LegalBasis, lang) }</dt>
                            { for p.legal_bases.iter().map(|b| html! { <dd>{ legal_basis(*b, lang) }</dd> }) }
                        }
                        { fact(t(Message::Law, lang), p.law.as_ref().map(|l| html! { l.get(lang).to_owned() })) }
                        { fact(t(Message::LegitimateInterest, lang), p.legitimate_interest.as_ref().map(|i| html! { i.get(lang).to_owned() })) }
                        { fact(t(Message::SpecialCategoryCondition, lang), p.special_category_condition.map(|c| html! {
                            cat(&[c.label(lang), " (", c.article(), ")"])
                        })) }
                    </dl>
                }
            </>
            }
        })
        .collect()
}

fn lawfulness(l: &Lawfulness, lang: &str) -> Html {
    html! {
        <>
            if !l.legal_bases.is_empty() {
                <ul>{ for l.legal_bases.iter().map(|b| html! { <li>{ legal_basis(*b, lang) }</li> }) }</ul>
            }
            { prose(&l.explanation, lang) }
            if !l.legitimate_interests.is_empty() {
                <h3>{ t(Message::LegitimateInterests, lang) }</h3>
                { prose(&l.legitimate_interests, lang) }
            }
            if !l.special_category_conditions.is_empty() {
                <h3>{ t(Message::SpecialCategoryConditions, lang) }</h3>
                <ul>
                    { for l.special_category_conditions.iter().map(|c| html! {
                        <li>{ cat(&[c.label(lang), " (", c.article(), ")"]) }</li>
                    }) }
                </ul>
            }
        </>
    }
}

fn subjects(groups: &[SubjectGroup], lang: &str) -> Html {
    groups
        .iter()
        .map(|g| {
            html! {
            <>
                if let Some(name) = &g.name {
                    <h3>{ name.get(lang).to_owned() }</h3>
                }
                { prose(&g.description, lang) }
                <ul>{ for g.data.iter().map(|c| data_category(c, lang)) }</ul>
            </>
            }
        })
        .collect()
}

fn data_category(c: &DataCategory, lang: &str) -> Html {
    html! {
        <li>
            { c.name.get(lang).to_owned() }
            if c.special_category {
                { " " }<em class="tag">{ cat(&["(", t(Message::SpecialCategory, lang), ")"]) }</em>
            }
            { prose(&c.description, lang) }
            if !c.items.is_empty() {
                <ul>{ for c.items.iter().map(|i| data_item(i, lang)) }</ul>
            }
        </li>
    }
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
    html! {
        <li>
            { i.name.get(lang).to_owned() }
            if let Some(word) = word {
                { " " }<em class="tag">{ cat(&["(", t(word, lang), ")"]) }</em>
            }
        </li>
    }
}

fn sources(s: &Sources, lang: &str) -> Html {
    html! {
        <>
            if !s.items.is_empty() {
                <ul>
                    { for s.items.iter().map(|i| html! {
                        <li>
                            { i.name.get(lang).to_owned() }
                            if i.publicly_accessible {
                                { " " }<em class="tag">{ cat(&["(", t(Message::PubliclyAccessible, lang), ")"]) }</em>
                            }
                            { text_list(&i.supplies, lang) }
                        </li>
                    }) }
                </ul>
            }
            { prose(&s.notes, lang) }
        </>
    }
}

fn recipients(r: &Recipients, lang: &str) -> Html {
    html! {
        <>
            if !r.items.is_empty() {
                <ul class="items">{ for r.items.iter().map(|i| recipient(i, lang)) }</ul>
            }
            { prose(&r.notes, lang) }
        </>
    }
}

fn recipient(r: &Recipient, lang: &str) -> Html {
    html! {
        <li>
            <p><strong>{ r.name.get(lang).to_owned() }</strong>{ cat(&[" · ", r.role.label(lang)]) }</p>
            <dl>
                { fact(t(Message::Purpose, lang), r.purpose.as_ref().map(|p| html! { p.get(lang).to_owned() })) }
                { fact(t(Message::Location, lang), r.location.as_deref().map(|l| html! { place(l, lang) })) }
                { fact(t(Message::Web, lang), r.web.as_deref().map(web_link)) }
            </dl>
            { prose(&r.details, lang) }
        </li>
    }
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
    html! {
        <>
            if !said {
                <p>{ statement }</p>
            }
            if !x.items.is_empty() {
                <ul class="items">
                    { for x.items.iter().map(|i| html! {
                        <li>
                            <p><strong>{ i.recipient.get(lang).to_owned() }</strong></p>
                            <dl>
                                { fact(t(Message::Country, lang), Some(html! { place(&i.country, lang) })) }
                                if !i.safeguards.is_empty() {
                                    <dt>{ t(if i.safeguards.len() == 1 { Message::Safeguard } else { Message::Safeguards }, lang) }</dt>
                                    { for i.safeguards.iter().map(|s| html! { <dd>{ cat(&[s.label(lang), " (", s.article(), ")"]) }</dd> }) }
                                }
                            </dl>
                            { prose(&i.details, lang) }
                        </li>
                    }) }
                </ul>
            }
            { prose(&x.notes, lang) }
        </>
    }
}

fn retention(r: &Retention, lang: &str) -> Html {
    html! {
        <>
            if !r.rules.is_empty() {
                <dl>
                    { for r.rules.iter().map(|rule| {
                        let data = rule.data.as_ref().map_or(t(Message::AllData, lang), |d| d.get(lang));
                        let period = rule.period.get(lang);
                        // A bound the period's own words already state ("… 36 kuukautta …") is not
                        // said again after them. (A byte-window compare: `str::contains` and case
                        // folding would add ~0.6 and ~8 KB to the bundle; the words are lower case.)
                        let bound = |word, d: &Option<String>| {
                            let d = seloste_schema::duration::humanize(d.as_deref()?, lang);
                            let said = period.as_bytes().windows(d.len()).any(|w| w == d.as_bytes());
                            (!said).then(|| cat(&[t(word, lang), " ", &d]))
                        };
                        let bounds: Vec<String> = [bound(Message::AtLeast, &rule.min_duration), bound(Message::AtMost, &rule.max_duration)]
                            .into_iter()
                            .flatten()
                            .collect();
                        let max = (!bounds.is_empty()).then(|| cat(&[" (", &bounds.join(", "), ")"]));
                        html! {
                            <>
                                <dt>{ data.to_owned() }</dt>
                                <dd>{ period.to_owned() }{ max.unwrap_or_default() }</dd>
                            </>
                        }
                    }) }
                </dl>
            }
            { prose(&r.notes, lang) }
        </>
    }
}

fn security(s: &Security, lang: &str) -> Html {
    let part = |word: Message, p: &[seloste_schema::Block]| {
        if p.is_empty() {
            return Html::default();
        }
        html! { <><h3>{ t(word, lang) }</h3>{ prose(p, lang) }</> }
    };
    html! {
        <>
            { prose(&s.general, lang) }
            { part(Message::TechnicalSecurity, &s.technical) }
            { part(Message::OrganisationalSecurity, &s.organisational) }
            { part(Message::PaperRecords, &s.paper_records) }
        </>
    }
}

fn rights(r: &Rights, lang: &str) -> Html {
    html! {
        <>
            if !r.rights.is_empty() {
                <ul>{ for r.rights.iter().map(|x| html! { <li>{ x.label(lang) }</li> }) }</ul>
            }
            { prose(&r.notes, lang) }
            if !r.how_to_exercise.is_empty() {
                <h3>{ t(Message::HowToExercise, lang) }</h3>
                { prose(&r.how_to_exercise, lang) }
            }
        </>
    }
}

/// Art. 22 decisions. Where the notice states its profiling apart (the next section), this one
/// speaks of decisions alone; otherwise of both, as notices customarily do.
fn automated(a: &AutomatedDecisions, profiling_apart: bool, lang: &str) -> Html {
    let statement = match (a.exists, profiling_apart) {
        (true, true) => Message::DecisionsExist,
        (false, true) => Message::DecisionsNone,
        (true, false) => Message::AutomatedExists,
        (false, false) => Message::AutomatedNone,
    };
    html! { <><p>{ t(statement, lang) }</p>{ prose(&a.description, lang) }</> }
}

fn profiling(p: &Profiling, lang: &str) -> Html {
    let statement = if p.exists {
        Message::ProfilingExists
    } else {
        Message::ProfilingNone
    };
    html! { <><p>{ t(statement, lang) }</p>{ prose(&p.description, lang) }</> }
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
    html! {
        <>
            { prose(&c.description, lang) }
            if let Some(days) = days {
                <p>{ days }</p>
            }
            if !c.how_notified.is_empty() {
                <h3>{ t(Message::HowNotified, lang) }</h3>
                { prose(&c.how_notified, lang) }
            }
        </>
    }
}

fn requirement(r: &Requirement, lang: &str) -> Html {
    html! {
        <>
            <p class="lead">{ r.kind.label(lang) }</p>
            { prose(&r.consequences, lang) }
        </>
    }
}
