//! Completeness findings: the information elements GDPR Art. 13 and 14 require that a notice does
//! not give. Each finding names its article so a privacy officer can look it up.

use crate::notice::Notice;
use crate::party::Address;
use crate::text::Text;
use crate::vocab::{LegalBasis, Right, RoleKind};

use super::rules::{country_meant, finding, in_eea, join};
use super::{Problem, Said, Saying};

/// The rights Art. 13(2)(b) asks every notice to tell of, each with what a notice that does not
/// is told.
const ART_13_2_B: [(Right, Said); 6] = [
    (Right::Access, Said::NoRightOfAccess),
    (Right::Rectification, Said::NoRightToRectification),
    (Right::Erasure, Said::NoRightToErasure),
    (Right::Restriction, Said::NoRightToRestriction),
    (Right::Object, Said::NoRightToObject),
    (Right::Portability, Said::NoRightToPortability),
];

/// Every completeness finding of `n`, with paths under `prefix`.
pub fn check(n: &Notice, prefix: &str) -> Vec<Problem> {
    let mut f = Findings {
        prefix,
        out: Vec::new(),
    };
    for check in CHECKS {
        check(n, &mut f);
    }
    f.out
}

/// One function per requirement, in the order findings are reported (roughly the articles' order:
/// Art. 13(1), 13(2), then Art. 14). A new field that GDPR asks for gets its own function here.
const CHECKS: &[fn(&Notice, &mut Findings)] = &[
    controller_contact,
    representative,
    purposes,
    legal_bases,
    legitimate_interests,
    special_categories,
    recipients,
    transfers,
    recipients_outside_eea,
    transfers_to_listed_recipients,
    retention,
    rights,
    consent_withdrawal,
    complaint,
    requirement,
    automated_decisions,
    data_subjects,
    sources,
];

/// The findings so far, with paths under `prefix`.
struct Findings<'a> {
    prefix: &'a str,
    out: Vec<Problem>,
}

impl Findings<'_> {
    fn miss(&mut self, path: &str, article: &str, saying: impl Into<Saying>) {
        self.out
            .push(finding(&join(self.prefix, path), article, saying));
    }
}

/// 13(1)(a): some way to reach the controller.
fn controller_contact(n: &Notice, f: &mut Findings) {
    let o = &n.organisation;
    let reachable = o.postal_address.is_some()
        || o.visiting_address.is_some()
        || !o.phones.is_empty()
        || !o.emails.is_empty()
        || o.web.is_some();
    if !reachable {
        f.miss("organisation", "13(1)(a)", Said::NoControllerContact);
    }
}

/// 13(1)(a), 27: a controller established outside the EU/EEA names its representative in the
/// Union. Where it is established is read from the country of its postal or visiting address,
/// when that names a country the ISO list knows (a code, or an English name such as "United
/// States"); an address in no known country gives no finding.
fn representative(n: &Notice, f: &mut Findings) {
    let o = &n.organisation;
    if n.role.acts_as != RoleKind::Controller || n.representative.is_some() {
        return;
    }
    let countries: Vec<&str> = [&o.postal_address, &o.visiting_address]
        .into_iter()
        .flatten()
        .filter_map(|a: &Address| a.country.as_deref().and_then(country_meant))
        .collect();
    if let Some(outside) = countries.iter().find(|c| !in_eea(c)) {
        if !countries.iter().any(|c| in_eea(c)) {
            f.miss(
                "representative",
                "13(1)(a)",
                Said::NoRepresentative.with(&[("country", outside)]),
            );
        }
    }
}

/// 13(1)(c): the purposes.
fn purposes(n: &Notice, f: &mut Findings) {
    if n.purposes.is_empty() {
        f.miss("purposes", "13(1)(c)", Said::NoPurposes);
    }
}

/// The notice-wide legal bases of [`crate::sections::Lawfulness`].
fn general_bases(n: &Notice) -> &[LegalBasis] {
    n.lawfulness
        .as_ref()
        .map(|l| l.legal_bases.as_slice())
        .unwrap_or_default()
}

/// Every legal basis the notice states, notice-wide or per purpose.
fn all_bases(n: &Notice) -> impl Iterator<Item = &LegalBasis> {
    general_bases(n)
        .iter()
        .chain(n.purposes.iter().flat_map(|p| p.legal_bases.iter()))
}

/// 13(1)(c): a legal basis, notice-wide or for every purpose.
fn legal_bases(n: &Notice, f: &mut Findings) {
    if all_bases(n).next().is_none() {
        f.miss("lawfulness", "13(1)(c)", Said::NoLegalBasis);
    } else if general_bases(n).is_empty() {
        for (i, p) in n.purposes.iter().enumerate() {
            if p.legal_bases.is_empty() {
                f.miss(
                    &format!("purposes[{i}].legal_bases"),
                    "13(1)(c)",
                    Said::NoPurposeLegalBasis.with(&[("purpose", p.name.get(n.main_language()))]),
                );
            }
        }
    }
}

/// 13(1)(d): the interests, where processing relies on legitimate interests.
fn legitimate_interests(n: &Notice, f: &mut Findings) {
    let general_interest_stated = n
        .lawfulness
        .as_ref()
        .is_some_and(|l| !l.legitimate_interests.is_empty());
    if general_bases(n).contains(&LegalBasis::LegitimateInterests) && !general_interest_stated {
        f.miss(
            "lawfulness.legitimate_interests",
            "13(1)(d)",
            Said::NoLegitimateInterests,
        );
    }
    for (i, p) in n.purposes.iter().enumerate() {
        if p.legal_bases.contains(&LegalBasis::LegitimateInterests)
            && p.legitimate_interest.is_none()
            && !general_interest_stated
        {
            f.miss(
                &format!("purposes[{i}].legitimate_interest"),
                "13(1)(d)",
                Said::NoPurposeLegitimateInterest
                    .with(&[("purpose", p.name.get(n.main_language()))]),
            );
        }
    }
}

/// 9(2): a condition, where special categories of data are processed.
fn special_categories(n: &Notice, f: &mut Findings) {
    let special = n
        .data_subjects
        .iter()
        .flat_map(|g| &g.data)
        .any(|d| d.special_category);
    let conditions = n
        .lawfulness
        .as_ref()
        .is_some_and(|l| !l.special_category_conditions.is_empty())
        || n.purposes
            .iter()
            .any(|p| p.special_category_condition.is_some());
    if special && !conditions {
        f.miss(
            "lawfulness.special_category_conditions",
            "9(2)",
            Said::NoSpecialCategoryCondition,
        );
    }
}

/// 13(1)(e): the recipients, or that there are none.
fn recipients(n: &Notice, f: &mut Findings) {
    if n.recipients.is_none() {
        f.miss("recipients", "13(1)(e)", Said::NoRecipients);
    }
}

/// 13(1)(f): whether data leaves the EU/EEA, and if so where to and how.
fn transfers(n: &Notice, f: &mut Findings) {
    match &n.transfers {
        None => f.miss("transfers", "13(1)(f)", Said::NoTransfers),
        Some(t) if t.outside_eea && t.items.is_empty() => {
            f.miss("transfers.items", "13(1)(f)", Said::TransfersNowhere)
        }
        Some(_) => {}
    }
}

/// 13(1)(f): a recipient outside the EU/EEA means a transfer the notice must declare, naming it.
fn recipients_outside_eea(n: &Notice, f: &mut Findings) {
    let Some(r) = &n.recipients else { return };
    let transfers = n.transfers.as_ref().filter(|t| t.outside_eea);
    for (i, rec) in r.items.iter().enumerate() {
        let Some(loc) = rec.location.as_deref().filter(|l| !in_eea(l)) else {
            continue;
        };
        let name = rec.name.get(n.main_language());
        let said = match transfers {
            None => Said::RecipientOutsideNoTransfer,
            // Transfers declared without saying where to: that finding (at transfers.items) covers it.
            Some(t) if t.items.is_empty() => continue,
            Some(t) if t.items.iter().any(|tr| same_name(&tr.recipient, &rec.name)) => continue,
            Some(_) => Said::RecipientOutsideNotNamed,
        };
        f.miss(
            &format!("recipients.items[{i}].location"),
            "13(1)(f)",
            said.with(&[("name", name), ("location", loc)]),
        );
    }
}

/// 13(1)(e): whoever data is transferred to is a recipient, and the list of recipients names it.
fn transfers_to_listed_recipients(n: &Notice, f: &mut Findings) {
    // Without a recipients section, the finding of `recipients` already says so.
    let (Some(t), Some(r)) = (&n.transfers, &n.recipients) else {
        return;
    };
    for (i, tr) in t.items.iter().enumerate() {
        if !r
            .items
            .iter()
            .any(|rec| same_name(&rec.name, &tr.recipient))
        {
            f.miss(
                &format!("transfers.items[{i}].recipient"),
                "13(1)(e)",
                Said::TransferNotRecipient
                    .with(&[("recipient", tr.recipient.get(n.main_language()))]),
            );
        }
    }
}

/// Whether two texts name the same party: some translation of one equals some translation of the
/// other, ignoring case and spacing ("Mailcomet Inc." and "mailcomet  inc.").
fn same_name(a: &Text, b: &Text) -> bool {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    a.0.values().any(|x| {
        b.0.values()
            .any(|y| !x.trim().is_empty() && key(x) == key(y))
    })
}

/// 13(2)(a): how long data is kept.
fn retention(n: &Notice, f: &mut Findings) {
    if n.retention.is_none() {
        f.miss("retention", "13(2)(a)", Said::NoRetention);
    }
}

/// The rights the notice tells of.
fn stated_rights(n: &Notice) -> &[Right] {
    n.rights
        .as_ref()
        .map(|r| r.rights.as_slice())
        .unwrap_or_default()
}

/// 13(2)(b): each of the data subject's rights.
fn rights(n: &Notice, f: &mut Findings) {
    for (right, said) in ART_13_2_B {
        if !stated_rights(n).contains(&right) {
            f.miss("rights.rights", "13(2)(b)", said);
        }
    }
}

/// 13(2)(c): the right to withdraw consent, where processing relies on consent.
fn consent_withdrawal(n: &Notice, f: &mut Findings) {
    if all_bases(n).any(|b| *b == LegalBasis::Consent)
        && !stated_rights(n).contains(&Right::WithdrawConsent)
    {
        f.miss("rights.rights", "13(2)(c)", Said::NoConsentWithdrawal);
    }
}

/// 13(2)(d): the right to lodge a complaint with a supervisory authority.
fn complaint(n: &Notice, f: &mut Findings) {
    if !stated_rights(n).contains(&Right::Complaint) && n.complaint_authorities.is_empty() {
        f.miss("complaint_authorities", "13(2)(d)", Said::NoComplaint);
    }
}

/// 13(2)(e): whether giving the data is required.
fn requirement(n: &Notice, f: &mut Findings) {
    let per_item = n
        .data_subjects
        .iter()
        .flat_map(|g| &g.data)
        .flat_map(|d| &d.items)
        .any(|i| i.required.is_some());
    if n.requirement.is_none() && !per_item {
        f.miss("requirement", "13(2)(e)", Said::NoRequirement);
    }
}

/// 13(2)(f): whether automated decisions are made, and if so how.
fn automated_decisions(n: &Notice, f: &mut Findings) {
    match &n.automated_decisions {
        None => f.miss(
            "automated_decisions",
            "13(2)(f)",
            Said::NoAutomatedDecisions,
        ),
        Some(a) if a.exists && a.description.is_empty() => f.miss(
            "automated_decisions.description",
            "13(2)(f)",
            Said::AutomatedUndescribed,
        ),
        Some(_) => {}
    }
}

/// 14(1)(d): the categories of personal data (for data not obtained from the data subject).
fn data_subjects(n: &Notice, f: &mut Findings) {
    if n.data_subjects.is_empty() {
        f.miss("data_subjects", "14(1)(d)", Said::NoDataCategories);
    }
}

/// 14(2)(f): where the data comes from.
fn sources(n: &Notice, f: &mut Findings) {
    if n.sources.is_none() {
        f.miss("sources", "14(2)(f)", Said::NoSources);
    }
}
