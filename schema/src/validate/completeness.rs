//! Completeness findings: the information elements GDPR Art. 13 and 14 require that a notice does
//! not give. Each finding names its article so a privacy officer can look it up.

use crate::notice::Notice;
use crate::vocab::{LegalBasis, Right};

use super::rules::{finding, in_eea, join};
use super::Problem;

/// The rights Art. 13(2)(b) asks every notice to tell of.
const ART_13_2_B: [Right; 6] = [
    Right::Access,
    Right::Rectification,
    Right::Erasure,
    Right::Restriction,
    Right::Object,
    Right::Portability,
];

/// Every completeness finding of `n`, with paths under `prefix`.
pub fn check(n: &Notice, prefix: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut miss = |path: &str, article: &str, message: String| {
        out.push(finding(&join(prefix, path), article, message))
    };

    let o = &n.organisation;
    let reachable = o.postal_address.is_some()
        || o.visiting_address.is_some()
        || !o.phones.is_empty()
        || !o.emails.is_empty()
        || o.web.is_some();
    if !reachable {
        miss(
            "organisation",
            "13(1)(a)",
            "the notice gives no contact details of the controller".into(),
        );
    }

    // Purposes and their legal bases.
    if n.purposes.is_empty() {
        miss(
            "purposes",
            "13(1)(c)",
            "the notice does not state the purposes of the processing".into(),
        );
    }
    let general_bases = n
        .lawfulness
        .as_ref()
        .map(|l| l.legal_bases.as_slice())
        .unwrap_or_default();
    let all_bases = || {
        general_bases
            .iter()
            .chain(n.purposes.iter().flat_map(|p| p.legal_bases.iter()))
    };
    if all_bases().next().is_none() {
        miss(
            "lawfulness",
            "13(1)(c)",
            "the notice does not state the legal basis for the processing".into(),
        );
    } else if general_bases.is_empty() {
        for (i, p) in n.purposes.iter().enumerate() {
            if p.legal_bases.is_empty() {
                miss(
                    &format!("purposes[{i}].legal_bases"),
                    "13(1)(c)",
                    format!(
                        "the notice does not state the legal basis of the purpose “{}”",
                        p.name.get(n.main_language())
                    ),
                );
            }
        }
    }
    let general_interest_stated = n
        .lawfulness
        .as_ref()
        .is_some_and(|l| !l.legitimate_interests.is_empty());
    if general_bases.contains(&LegalBasis::LegitimateInterests) && !general_interest_stated {
        miss(
            "lawfulness.legitimate_interests",
            "13(1)(d)",
            "the processing relies on legitimate interests, but the notice does not say what those interests are".into(),
        );
    }
    for (i, p) in n.purposes.iter().enumerate() {
        if p.legal_bases.contains(&LegalBasis::LegitimateInterests)
            && p.legitimate_interest.is_none()
            && !general_interest_stated
        {
            miss(
                &format!("purposes[{i}].legitimate_interest"),
                "13(1)(d)",
                format!(
                    "the purpose “{}” relies on legitimate interests, but the notice does not say what the interest is",
                    p.name.get(n.main_language())
                ),
            );
        }
    }

    let special = n
        .data_subjects
        .iter()
        .flat_map(|g| &g.data)
        .any(|d| d.special_category);
    let conditions = n
        .lawfulness
        .as_ref()
        .is_some_and(|l| !l.special_category_conditions.is_empty());
    if special && !conditions {
        miss(
            "lawfulness.special_category_conditions",
            "9(2)",
            "the notice lists special categories of personal data but no condition of Art. 9(2) that allows processing them".into(),
        );
    }

    // Recipients and transfers.
    if n.recipients.is_none() {
        miss(
            "recipients",
            "13(1)(e)",
            "the notice does not say who receives the personal data, or that no one does".into(),
        );
    }
    match &n.transfers {
        None => miss(
            "transfers",
            "13(1)(f)",
            "the notice does not say whether personal data is transferred outside the EU/EEA".into(),
        ),
        Some(t) if t.outside_eea && t.items.is_empty() => miss(
            "transfers.items",
            "13(1)(f)",
            "the notice says data is transferred outside the EU/EEA but not where to or under which safeguards".into(),
        ),
        Some(_) => {}
    }
    let declares_transfers = n.transfers.as_ref().is_some_and(|t| t.outside_eea);
    if let Some(r) = &n.recipients {
        for (i, rec) in r.items.iter().enumerate() {
            if let Some(loc) = rec.location.as_deref().filter(|l| !in_eea(l)) {
                if !declares_transfers {
                    miss(
                        &format!("recipients.items[{i}].location"),
                        "13(1)(f)",
                        format!(
                            "the recipient “{}” is located in {loc}, outside the EU/EEA, but the notice declares no transfer to a third country",
                            rec.name.get(n.main_language())
                        ),
                    );
                }
            }
        }
    }

    if n.retention.is_none() {
        miss(
            "retention",
            "13(2)(a)",
            "the notice does not say how long personal data is kept, or the criteria that determine it".into(),
        );
    }

    // Rights.
    let rights = n
        .rights
        .as_ref()
        .map(|r| r.rights.as_slice())
        .unwrap_or_default();
    for right in ART_13_2_B {
        if !rights.contains(&right) {
            miss(
                "rights.rights",
                "13(2)(b)",
                format!(
                    "the notice does not tell the data subject of the {} (Art. {})",
                    right_phrase(right),
                    right.article()
                ),
            );
        }
    }
    if all_bases().any(|b| *b == LegalBasis::Consent) && !rights.contains(&Right::WithdrawConsent) {
        miss(
            "rights.rights",
            "13(2)(c)",
            "the processing relies on consent, but the notice does not tell of the right to withdraw it at any time".into(),
        );
    }
    if !rights.contains(&Right::Complaint) && n.complaint_authority.is_none() {
        miss(
            "complaint_authority",
            "13(2)(d)",
            "the notice does not tell the data subject of the right to lodge a complaint with a supervisory authority".into(),
        );
    }

    if n.requirement.is_none() {
        miss(
            "requirement",
            "13(2)(e)",
            "the notice does not say whether giving the personal data is a statutory or contractual requirement, and what follows if it is not given".into(),
        );
    }
    match &n.automated_decisions {
        None => miss(
            "automated_decisions",
            "13(2)(f)",
            "the notice does not say whether automated decision-making, including profiling, takes place".into(),
        ),
        Some(a) if a.exists && a.description.is_empty() => miss(
            "automated_decisions.description",
            "13(2)(f)",
            "the notice says automated decisions are made but not the logic involved, their significance or consequences".into(),
        ),
        Some(_) => {}
    }

    // Art. 14: data not obtained from the data subject.
    if n.data_subjects.is_empty() {
        miss(
            "data_subjects",
            "14(1)(d)",
            "the notice does not list the categories of personal data concerned".into(),
        );
    }
    if n.sources.is_none() {
        miss(
            "sources",
            "14(2)(f)",
            "the notice does not say where the personal data comes from".into(),
        );
    }
    out
}

fn right_phrase(right: Right) -> &'static str {
    match right {
        Right::Access => "right of access to their data",
        Right::Rectification => "right to have inaccurate data rectified",
        Right::Erasure => "right to erasure",
        Right::Restriction => "right to restriction of processing",
        Right::Object => "right to object to processing",
        Right::Portability => "right to data portability",
        Right::WithdrawConsent => "right to withdraw consent",
        Right::AutomatedDecisions => "right not to be subject to automated decisions",
        Right::Complaint => "right to lodge a complaint",
    }
}
