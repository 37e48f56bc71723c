//! What the importer reads from notices written for it (`tests/fixtures/import/`): one layout and
//! language each, so that the facts are found by the layout and the wording, not by position in
//! the five real originals.

mod common;

use common::root;
use seloste_import::{import, Hint, Imported};
use seloste_schema::vocab::{LegalBasis, RecipientRole, Right, RoleKind, Safeguard};

fn load(name: &str) -> Imported {
    let bytes = std::fs::read(root().join("tests/fixtures/import").join(name)).unwrap();
    import(
        &bytes,
        &Hint {
            file_name: Some(name),
            ..Default::default()
        },
    )
    .unwrap()
}

fn durations(i: &Imported) -> Vec<String> {
    let r = i.notice.retention.as_ref().unwrap();
    r.rules
        .iter()
        .filter_map(|r| r.max_duration.clone())
        .collect()
}

#[test]
fn a_traditional_finnish_register_description() {
    let i = load("fi-perinteinen-kirjakauppa.txt");
    let n = &i.notice;
    assert_eq!(n.languages, ["fi"]);
    assert_eq!(n.title.get("fi"), "REKISTERISELOSTE");
    assert_eq!(n.organisation.name, "Kirjakauppa Lukutoukka Oy");
    assert_eq!(n.organisation.business_id.as_deref(), Some("1234567-1"));
    let a = n.organisation.postal_address.as_ref().unwrap();
    assert_eq!(
        (a.street.as_str(), a.postal_code.as_str(), a.city.as_str()),
        ("Kauppakatu 12 B", "33100", "Tampere")
    );
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Maija Meikäläinen"));
    assert_eq!(
        c.title.as_ref().map(|t| t.get("fi")),
        Some("myymäläpäällikkö")
    );
    assert_eq!(
        n.register.as_ref().unwrap().name.get("fi"),
        "Lukutoukan kanta-asiakasrekisteri"
    );
    let data = &n.data_subjects[0].data[0];
    assert_eq!(data.items.len(), 6);
    let s = n.security.as_ref().unwrap();
    let text = |p: &seloste_schema::Prose| format!("{p:?}");
    assert!(
        text(&s.paper_records).contains("Manuaalinen aineisto säilytetään"),
        "{s:?}"
    );
    assert!(
        text(&s.technical).contains("Sähköisesti käsiteltävät tiedot on suojattu"),
        "{s:?}"
    );
    assert!(s.general.is_empty(), "{s:?}");
    assert!(!n.transfers.as_ref().unwrap().outside_eea);
    let rights = &n.rights.as_ref().unwrap().rights;
    assert!(rights.contains(&Right::Access) && rights.contains(&Right::Rectification));
    // The typo in "periaattet" does not hide the heading.
    assert_eq!(
        n.headings
            .get(seloste_schema::SectionId::Security)
            .unwrap()
            .number
            .as_deref(),
        Some("9")
    );
}

#[test]
fn a_finnish_notice_full_of_typos() {
    let i = load("fi-kirjoitusvirheita.txt");
    let n = &i.notice;
    assert_eq!(n.organisation.name, "Parturi-Kampaamo Saksi");
    assert_eq!(
        n.organisation.legal_form.as_ref().map(|t| t.get("fi")),
        Some("Toiminimi")
    );
    assert_eq!(n.contact.as_ref().unwrap().emails, ["sari@saksi.example"]);
    assert_eq!(
        n.updated.map(|d| d.to_string()).as_deref(),
        Some("2019-06-01")
    );
    let law = n.lawfulness.as_ref().unwrap();
    assert_eq!(law.legal_bases, [LegalBasis::Consent, LegalBasis::Contract]);
    assert_eq!(durations(&i), ["P3Y"]);
}

#[test]
fn a_saved_finnish_web_page() {
    let i = load("fi-gdpr-sivu.html");
    let n = &i.notice;
    assert_eq!(n.title.get("fi"), "Tietosuojaseloste");
    assert_eq!(n.organisation.business_id.as_deref(), Some("1572860-0"));
    assert_eq!(n.organisation.emails, ["toimisto@tilitoimisto.example"]);
    assert_eq!(n.purposes.len(), 3);
    let bases = &n.lawfulness.as_ref().unwrap().legal_bases;
    assert_eq!(bases, &[LegalBasis::Contract, LegalBasis::LegalObligation]);
    let recipients = &n.recipients.as_ref().unwrap().items;
    assert!(recipients
        .iter()
        .any(|r| r.name.get("fi") == "Netvisor" && r.role == RecipientRole::Processor));
    assert!(recipients
        .iter()
        .any(|r| r.role == RecipientRole::Authority));
    assert_eq!(durations(&i), ["P10Y", "P2Y"]);
    assert_eq!(
        n.automated_decisions.as_ref().map(|a| a.exists),
        Some(false)
    );
    // Navigation, the aside, the footer and the scripts are not in the draft.
    let draft = i.draft.to_string();
    for furniture in [
        "Etusivu",
        "Palvelut",
        "Tilaa uutiskirjeemme",
        "©",
        "dataLayer",
    ] {
        assert!(!draft.contains(furniture), "{furniture} in the draft");
    }
}

#[test]
fn a_swedish_register_description() {
    let i = load("sv-registerbeskrivning.txt");
    let n = &i.notice;
    assert_eq!(n.languages, ["sv"]);
    assert_eq!(n.organisation.name, "Skärgårdens Båtservice Ab");
    assert_eq!(n.organisation.business_id.as_deref(), Some("7654321-2"));
    assert_eq!(n.organisation.phones[0].number, "018 12 345");
    assert_eq!(
        n.contact.as_ref().unwrap().name.as_deref(),
        Some("Johan Lindqvist")
    );
    assert_eq!(
        n.updated.map(|d| d.to_string()).as_deref(),
        Some("2021-04-15")
    );
    let bases = &n.lawfulness.as_ref().unwrap().legal_bases;
    assert_eq!(
        bases,
        &[LegalBasis::Contract, LegalBasis::LegitimateInterests]
    );
    let data = &n.data_subjects[0].data[0];
    assert_eq!(data.items.len(), 5);
    let r = &n.recipients.as_ref().unwrap().items;
    assert_eq!(r[0].name.get("sv"), "Redovisningsbyrå Siffra Ab");
    assert_eq!(r[0].role, RecipientRole::Processor);
    assert_eq!(durations(&i), ["P5Y", "P10Y"]);
    let rights = &n.rights.as_ref().unwrap().rights;
    for right in [
        Right::Access,
        Right::Rectification,
        Right::Erasure,
        Right::Object,
        Right::Complaint,
    ] {
        assert!(rights.contains(&right), "{right:?}");
    }
    assert_eq!(
        n.complaint_authorities[0].web.as_deref(),
        Some("https://www.tietosuoja.fi")
    );
}

#[test]
fn an_english_markdown_notice_with_a_transfer() {
    let i = load("en-gdpr-webshop.md");
    let n = &i.notice;
    assert_eq!(n.languages, ["en"]);
    assert_eq!(n.title.get("en"), "Privacy Notice");
    assert_eq!(n.role.acts_as, RoleKind::Controller);
    assert_eq!(
        n.organisation.web.as_deref(),
        Some("https://www.northwind.example")
    );
    assert_eq!(
        n.organisation
            .postal_address
            .as_ref()
            .unwrap()
            .country
            .as_deref(),
        Some("Finland")
    );
    assert_eq!(n.dpo.as_ref().unwrap().emails, ["dpo@northwind.example"]);
    assert_eq!(n.purposes.len(), 5);
    assert_eq!(n.purposes[3].name.get("en"), "preventing fraud");
    let books = &n.purposes[4];
    assert_eq!(
        books.law.as_ref().map(|l| l.get("en")),
        Some("Accounting Act")
    );
    assert_eq!(books.legal_bases, [LegalBasis::LegalObligation]);
    assert!(n.purposes[0].law.is_none());
    let t = n.transfers.as_ref().unwrap();
    assert!(t.outside_eea);
    assert_eq!(t.items[0].country, "US");
    assert_eq!(
        t.items[0].safeguards,
        [Safeguard::StandardContractualClauses]
    );
    assert_eq!(durations(&i), ["P36M", "P6Y"]);
    let rights = &n.rights.as_ref().unwrap().rights;
    assert!(rights.contains(&Right::Portability) && rights.contains(&Right::WithdrawConsent));
    assert!(!n.rights.as_ref().unwrap().how_to_exercise.is_empty());
    assert_eq!(
        n.automated_decisions.as_ref().map(|a| a.exists),
        Some(false)
    );
    assert!(n.changes.is_some());
}
