//! Notices in layouts the importer was not first built on (`tests/fixtures/import/`): a business ID
//! on the controller's name line, a controller or representative named in a sentence, a contact
//! person as "Name, title", a heading combining the purposes and the legal basis, data and sources
//! listed in a sentence, which data is required, two retention periods in one paragraph, the
//! complaint authority named among the rights, the EU–US Data Privacy Framework.

mod common;

use common::root;
use seloste_import::{import, Hint, Imported};
use seloste_schema::vocab::{LegalBasis, RecipientRole, Right, Safeguard};
use seloste_schema::Notice;

fn load(name: &str) -> Imported {
    let bytes = std::fs::read(root().join("tests/fixtures/import").join(name)).unwrap();
    import(
        &bytes,
        &Hint {
            file_name: Some(name),
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn durations(n: &Notice) -> Vec<String> {
    n.retention
        .as_ref()
        .unwrap()
        .rules
        .iter()
        .filter_map(|r| r.max_duration.clone())
        .collect()
}

fn purposes(n: &Notice) -> Vec<String> {
    let lang = n.main_language();
    n.purposes
        .iter()
        .map(|p| p.name.get(lang).to_owned())
        .collect()
}

/// The data items of the first group: (name, required).
fn items(n: &Notice) -> Vec<(String, Option<bool>)> {
    let lang = n.main_language();
    n.data_subjects[0]
        .data
        .iter()
        .flat_map(|c| &c.items)
        .map(|i| (i.name.get(lang).to_owned(), i.required))
        .collect()
}

fn sources(n: &Notice) -> Vec<String> {
    let lang = n.main_language();
    n.sources
        .as_ref()
        .unwrap()
        .items
        .iter()
        .map(|s| s.name.get(lang).to_owned())
        .collect()
}

fn authorities(n: &Notice) -> Vec<String> {
    let lang = n.main_language();
    n.complaint_authorities
        .iter()
        .map(|a| a.name.get(lang).to_owned())
        .collect()
}

fn recipients(n: &Notice) -> Vec<(String, RecipientRole)> {
    let lang = n.main_language();
    n.recipients
        .as_ref()
        .unwrap()
        .items
        .iter()
        .map(|r| (r.name.get(lang).to_owned(), r.role))
        .collect()
}

fn has_finding(i: &Imported, article: &str) -> bool {
    i.report
        .findings
        .iter()
        .any(|f| format!("{f:?}").contains(article))
}

#[test]
fn a_finnish_notice_with_combined_headings_and_lists_in_sentences() {
    let i = load("fi-yhdistetyt-otsikot.txt");
    let n = &i.notice;
    assert_eq!(n.organisation.name, "Kotimaan Kalusto Oy");
    assert_eq!(n.organisation.business_id.as_deref(), Some("0112038-9"));
    assert_eq!(n.id, "kotimaan-kalusto/asiakas-ja-markkinointirekisteri");
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Matti Meikäläinen"));
    assert_eq!(
        c.title.as_ref().map(|t| t.get("fi")),
        Some("talouspäällikkö")
    );
    assert_eq!(c.emails, ["matti.meikalainen@kotimaankalusto.fi"]);
    // "Tarkoitus ja oikeusperuste": purposes and bases both.
    assert_eq!(
        purposes(n),
        [
            "asiakassuhteen hoitamiseen",
            "laskutukseen",
            "markkinointiin"
        ]
    );
    let bases = &n.lawfulness.as_ref().unwrap().legal_bases;
    assert!(
        bases.contains(&LegalBasis::LegitimateInterests) && bases.contains(&LegalBasis::Consent)
    );
    // The law the purposes' text names elsewhere is no purpose's own.
    assert!(n.purposes.iter().all(|p| p.law.is_none()));
    let names: Vec<String> = items(n).into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "Nimi",
            "yrityksen nimi",
            "osoite",
            "puhelinnumero",
            "sähköpostiosoite",
            "tilaushistoria"
        ]
    );
    assert!(!has_finding(&i, "14(1)(d)"));
    assert_eq!(
        sources(n),
        [
            "asiakkaalta itseltään",
            "Väestörekisterikeskuksen osoitepalvelusta"
        ]
    );
    assert_eq!(authorities(n), ["Tietosuojavaltuutetun toimisto"]);
    assert!(n
        .rights
        .as_ref()
        .unwrap()
        .rights
        .contains(&Right::Complaint));
}

#[test]
fn a_swedish_notice_from_aland() {
    let i = load("sv-integritetspolicy-aland.txt");
    let n = &i.notice;
    assert_eq!(n.organisation.name, "Skärgårdsbåtar Ab");
    assert_eq!(n.organisation.business_id.as_deref(), Some("1572860-0"));
    assert!(!n.id.contains("fo-nummer"));
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Lena Holm"));
    assert_eq!(
        c.title.as_ref().map(|t| t.get("sv")),
        Some("verkställande direktör")
    );
    assert!(!n.purposes.is_empty());
    assert_eq!(
        n.lawfulness.as_ref().unwrap().legal_bases,
        [LegalBasis::Contract]
    );
    assert_eq!(items(n).len(), 5);
    // Two sentences, two periods: two rules.
    assert_eq!(durations(n), ["P3Y", "P10Y"]);
    assert_eq!(sources(n), ["kunden själv"]);
    assert_eq!(authorities(n), ["Dataombudsmannen"]);
}

#[test]
fn an_english_controller_outside_the_eu_with_a_representative() {
    let i = load("en-uk-controller-eu-representative.txt");
    let n = &i.notice;
    // Named in a sentence with its address and number: the name, its email and phone.
    assert_eq!(n.organisation.name, "Northwind Analytics Ltd");
    assert_eq!(n.organisation.emails, ["privacy@northwind.example"]);
    assert_eq!(n.organisation.phones[0].number, "+44 113 496 0000");
    let a = n.organisation.postal_address.as_ref().unwrap();
    assert_eq!(
        (a.street.as_str(), a.postal_code.as_str(), a.city.as_str()),
        ("12 Harbour Street", "LS1 4AB", "Leeds")
    );
    assert!(!has_finding(&i, "13(1)(a)"));
    let r = n.representative.as_ref().unwrap();
    assert_eq!(r.name, "DataRep Oy");
    let a = r.postal_address.as_ref().unwrap();
    assert_eq!(
        (a.street.as_str(), a.postal_code.as_str(), a.city.as_str()),
        ("Mannerheimintie 10", "00100", "Helsinki")
    );
    // "Name and email are required; everything else is voluntary."
    assert_eq!(
        items(n),
        [
            ("name".to_owned(), Some(true)),
            ("email address".to_owned(), Some(true)),
            ("company name".to_owned(), Some(false)),
        ]
    );
    // "to provide the service (performance of a contract), to send newsletters (your consent) …"
    assert_eq!(
        purposes(n),
        [
            "provide the service",
            "send newsletters",
            "keep accounting records as required by the Companies Act 2006"
        ]
    );
    assert_eq!(n.purposes[0].legal_bases, [LegalBasis::Contract]);
    assert_eq!(n.purposes[1].legal_bases, [LegalBasis::Consent]);
    assert_eq!(n.purposes[2].legal_bases, [LegalBasis::LegalObligation]);
    assert!(n.purposes[0].law.is_none());
    let rec = recipients(n);
    assert!(
        rec.contains(&(
            "Amazon Web Services EMEA SARL".to_owned(),
            RecipientRole::Processor
        )),
        "{rec:?}"
    );
    assert!(!rec.iter().any(|(name, _)| name.ends_with(" as")));
    let t = n.transfers.as_ref().unwrap();
    assert_eq!(
        t.items[0].safeguards,
        [
            Safeguard::DataPrivacyFramework,
            Safeguard::StandardContractualClauses
        ]
    );
    assert_eq!(durations(n), ["P2Y", "P6Y"]);
    assert_eq!(
        authorities(n),
        [
            "Information Commissioner's Office",
            "Finnish Data Protection Ombudsman"
        ]
    );
    assert_eq!(
        n.complaint_authorities[0].web.as_deref(),
        Some("https://ico.org.uk")
    );
}

#[test]
fn a_finnish_markdown_notice_with_possessive_data_words() {
    let i = load("fi-gdpr-markdown.md");
    let n = &i.notice;
    assert_eq!(n.organisation.name, "Pohjan Puu Oy");
    assert_eq!(n.organisation.business_id.as_deref(), Some("1618033-3"));
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Liisa Laine"));
    assert_eq!(
        c.title.as_ref().map(|t| t.get("fi")),
        Some("tietosuojavastaava")
    );
    assert_eq!(purposes(n).len(), 3);
    let bases = &n.lawfulness.as_ref().unwrap().legal_bases;
    assert!(bases.contains(&LegalBasis::Contract) && bases.contains(&LegalBasis::Consent));
    // "Nimi ja sähköpostiosoite ovat pakollisia; muut tiedot ovat vapaaehtoisia."
    let required: Vec<Option<bool>> = items(n).into_iter().map(|(_, r)| r).collect();
    assert_eq!(required, [Some(true), Some(true), Some(false), Some(false)]);
    assert_eq!(
        sources(n),
        [
            "asiakkaalta itseltään",
            "Postin osoitepalvelusta",
            "luottotietoyhtiöltä"
        ]
    );
    let t = n.transfers.as_ref().unwrap();
    assert_eq!(t.items[0].safeguards, [Safeguard::DataPrivacyFramework]);
    assert_eq!(durations(n), ["P2Y", "P6Y"]);
    assert_eq!(authorities(n), ["Tietosuojavaltuutetun toimisto"]);
    assert_eq!(
        n.complaint_authorities[0].web.as_deref(),
        Some("https://tietosuoja.fi")
    );
}

#[test]
fn a_swedish_web_page_with_the_controller_in_a_sentence() {
    let i = load("sv-webbsida.html");
    let n = &i.notice;
    // "Dataskyddsbeskrivning" is the title, though it holds a heading's word ("skydd").
    assert_eq!(n.title.get("sv"), "Dataskyddsbeskrivning");
    assert!(n.security.is_none());
    assert_eq!(n.organisation.name, "Nordljus Ab");
    assert_eq!(n.organisation.business_id.as_deref(), Some("3027456-3"));
    assert_eq!(n.organisation.postal_address.as_ref().unwrap().city, "Vasa");
    // "Erik Strand, dataskyddsombud" is the contact person, not a heading.
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Erik Strand"));
    assert_eq!(c.emails, ["erik.strand@nordljus.example"]);
    assert!(n.dpo.is_none());
    assert_eq!(
        purposes(n),
        [
            "leverera beställningar",
            "sköta kundtjänst",
            "skicka nyhetsbrev"
        ]
    );
    assert_eq!(
        items(n),
        [
            ("namn".to_owned(), Some(true)),
            ("e-postadress".to_owned(), Some(true)),
            ("adress".to_owned(), Some(false)),
            ("telefonnummer".to_owned(), Some(false)),
        ]
    );
    assert_eq!(
        sources(n),
        [
            "kunden själv",
            "Myndigheten för digitalisering och befolkningsdata"
        ]
    );
    assert_eq!(durations(n), ["P5Y", "P6Y"]);
    assert_eq!(authorities(n), ["Dataombudsmannens byrå"]);
}

#[test]
fn an_english_plain_text_in_capitals() {
    let i = load("en-plain-capitals.txt");
    let n = &i.notice;
    assert_eq!(n.organisation.name, "Brightwave GmbH");
    assert_eq!(n.organisation.emails, ["privacy@brightwave.example"]);
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Anna Berg"));
    assert_eq!(c.title.as_ref().map(|t| t.get("en")), Some("Head of Legal"));
    assert_eq!(
        purposes(n),
        [
            "manage your subscription",
            "improve our product",
            "meet our tax duties"
        ]
    );
    assert_eq!(n.purposes[1].legal_bases, [LegalBasis::LegitimateInterests]);
    // "WHAT WE COLLECT" and "WHERE THE DATA COMES FROM" are headings of their own.
    assert_eq!(
        items(n),
        [
            ("name".to_owned(), Some(true)),
            ("email address".to_owned(), Some(true)),
            ("billing address".to_owned(), Some(false)),
            ("payment details".to_owned(), Some(false)),
        ]
    );
    assert_eq!(sources(n), ["you", "reseller partners"]);
    // "Limited" is a company's suffix: one processor, not "Google".
    assert_eq!(
        recipients(n),
        [(
            "Google Cloud EMEA Limited".to_owned(),
            RecipientRole::Processor
        )]
    );
    assert_eq!(
        n.transfers.as_ref().unwrap().items[0].safeguards,
        [Safeguard::DataPrivacyFramework]
    );
    assert_eq!(durations(n), ["P3Y", "P10Y"]);
    assert_eq!(
        n.updated.as_ref().map(ToString::to_string).as_deref(),
        Some("2024-06-01")
    );
}

#[test]
fn a_finnish_notice_with_labelled_fields() {
    let i = load("fi-nimetyt-kentat.txt");
    let n = &i.notice;
    // "Nimi: …", "Tehtävä: …": the labels are no part of the values.
    assert_eq!(n.organisation.name, "Lahden Liikunta Oy");
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Pekka Puro"));
    assert_eq!(
        c.title.as_ref().map(|t| t.get("fi")),
        Some("toiminnanjohtaja")
    );
    // "peruste ja tarkoitus": the basis sentence and the purposes sentence each where they belong.
    assert_eq!(
        purposes(n),
        [
            "jäsenyyden hoitamiseen",
            "jäsenmaksujen laskutukseen",
            "tiedottamiseen"
        ]
    );
    assert_eq!(
        n.lawfulness.as_ref().unwrap().legal_bases,
        [LegalBasis::Contract]
    );
    // A list after "tallennetaan": the verb is no part of the first item.
    let names: Vec<String> = items(n).into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "jäsenen nimi",
            "syntymäaika",
            "osoite",
            "puhelinnumero",
            "sähköpostiosoite"
        ]
    );
    assert_eq!(sources(n), ["Jäsen itse"]);
    assert_eq!(durations(n), ["P2Y"]);
    assert_eq!(authorities(n), ["Tietosuojavaltuutetun toimisto"]);
}

#[test]
fn a_swedish_notice_with_headings_and_values_on_one_line() {
    let i = load("sv-rubrik-och-varde.txt");
    let n = &i.notice;
    // "Personuppgiftsansvarig: Vasa Vävstuga Ab, FO-nummer …, Storgatan 5, 65100 Vasa"
    assert_eq!(n.organisation.name, "Vasa Vävstuga Ab");
    assert_eq!(n.organisation.business_id.as_deref(), Some("2345678-0"));
    assert_eq!(
        n.organisation.postal_address.as_ref().unwrap().street,
        "Storgatan 5"
    );
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Anna Berg"));
    assert_eq!(c.emails, ["anna.berg@vavstuga.example"]);
    // "Ändamålet med behandlingen": a short heading with words of its own.
    assert_eq!(
        purposes(n),
        [
            "sköta kundrelationer",
            "hantera beställningar",
            "marknadsföring"
        ]
    );
    let names: Vec<String> = items(n).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["namn", "adress", "e-post", "telefonnummer"]);
    assert_eq!(sources(n), ["kunden", "Postens adressregister"]);
    assert_eq!(authorities(n), ["Dataombudsmannens byrå"]);
}

#[test]
fn an_english_notice_numbered_in_sequence() {
    let i = load("en-numbered-sequence.txt");
    let n = &i.notice;
    assert_eq!(n.organisation.name, "Acme Widgets Oy");
    assert_eq!(n.organisation.emails, ["privacy@acme.example"]);
    // "Jane Doe (Data Protection Manager)"
    let c = n.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Jane Doe"));
    assert_eq!(
        c.title.as_ref().map(|t| t.get("en")),
        Some("Data Protection Manager")
    );
    assert_eq!(
        purposes(n),
        ["deliver orders", "handle payments", "send marketing"]
    );
    // "4. Personal data", its text on the next line, after section 3: a section of its own.
    assert_eq!(
        items(n),
        [
            ("name".to_owned(), None),
            ("address".to_owned(), None),
            ("email address".to_owned(), Some(false)),
        ]
    );
    assert_eq!(durations(n), ["P24M", "P6Y"]);
    assert_eq!(authorities(n), ["Office of the Data Protection Ombudsman"]);
    assert_eq!(
        n.complaint_authorities[0].web.as_deref(),
        Some("https://www.tietosuoja.fi")
    );
}

#[test]
fn an_english_notice_whose_purposes_sentence_names_a_basis() {
    let i = load("en-question-headings.md");
    let n = &i.notice;
    assert_eq!(n.organisation.name, "Helsinki Bikes Oy");
    // "to rent bikes to you, to invoice rentals and, with your consent, to send you offers": the
    // purposes stay purposes, the consent goes with the one after it.
    assert_eq!(
        purposes(n),
        ["rent bikes to you", "invoice rentals", "send you offers"]
    );
    assert_eq!(n.purposes[2].legal_bases, [LegalBasis::Consent]);
    assert!(!has_finding(&i, "13(1)(c)"));
    let bases = &n.lawfulness.as_ref().unwrap().legal_bases;
    assert!(bases.contains(&LegalBasis::Contract) && bases.contains(&LegalBasis::Consent));
    assert_eq!(authorities(n), ["Data Protection Ombudsman"]);
    assert!(!n.transfers.as_ref().unwrap().outside_eea);
}
