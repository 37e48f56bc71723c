//! One function per part of the notice: what a section's paragraphs become.

use serde_json::{json, Map, Value};

use seloste_schema::vocab::{LegalBasis, RecipientRole, Right};

use super::prose::{enumeration, item_name, listed, split_last_item, such_as};
use super::Draft;
use crate::extract::contact::{self, Kind, Party};
use crate::extract::{duration, has_any, legal, parties, rights, transfers};
use crate::headings::SectionKey;
use crate::segment::Para;
use crate::sentences;

/// Words that say a sentence states the legal basis, not only a purpose.
const BASIS_MARKERS: &[&str] = &[
    "peruste",
    "grund",
    "basis",
    "based on",
    "lawful",
    "rättslig",
    "oikeutus",
];

/// Words of time in a retention sentence ("asiakassuhteen ajan", "until", "efter").
const TIME_WORDS: &[&str] = &[
    "ajan",
    "kauan",
    "asti",
    "kunnes",
    "päättymi",
    "jälkeen",
    "vuo",
    "kuukau",
    "länge",
    "tills",
    "efter",
    "period",
    "until",
    "after",
    "as long",
    "years",
    "months",
    "år ",
    "månader",
];

const RETENTION_VERBS: &[&str] = &[
    "säilyt",
    "säilö",
    "poistet",
    "poistamme",
    "hävitet",
    "lagra",
    "sparas",
    "spara",
    "bevara",
    "gallra",
    "raderas",
    "raderar",
    "keep",
    "kept",
    "retain",
    "store",
    "delete",
    "erase",
];

/// Words after which a data section lists what is collected.
const DATA_TRIGGERS: &[&str] = &[
    "we collect ",
    "we process ",
    "we store ",
    "we ask for ",
    "keräämme ",
    "käsittelemme ",
    "tallennamme ",
    "vi samlar in ",
    "vi behandlar ",
    "vi sparar ",
    "vi registrerar ",
    "tallennetaan ",
    "kerätään ",
    "registreras ",
    "samlas in ",
];

/// Words after which a sources section names where the data comes from.
const SOURCE_TRIGGERS: &[&str] = &[
    "saadaan ",
    "kerätään ",
    "saamme ",
    "fås ",
    "hämtas ",
    "samlas in ",
    "obtained from ",
    "collected from ",
    "received from ",
    "comes from ",
    "come from ",
    "data from ",
    "information from ",
];

/// Words after which a purposes section lists the purposes ("We use your data to A, to B and to C").
const PURPOSE_TRIGGERS: &[&str] = &[
    "käsitellään ",
    "käytetään ",
    "för att ",
    " data to ",
    " information to ",
    "in order to ",
];

/// Words saying data must be given, and that it may be left out.
const REQUIRED_WORDS: &[&str] = &["required", "mandatory", "pakollis", "obligatorisk", "krävs"];
const VOLUNTARY_WORDS: &[&str] = &["voluntary", "optional", "vapaaehto", "frivillig"];
/// "everything else is voluntary", "muut tiedot", "övriga uppgifter".
const THE_REST: &[&str] = &[
    "everything else",
    "all other",
    "the rest",
    "muut ",
    "övriga",
    "annat",
];

const OUTSOURCING: &[&str] = &["ulkoist", "outsourc", "lägga ut", "utkontraktera"];

fn is_basis_statement(text: &str) -> bool {
    !legal::bases(text).is_empty() && has_any(text, BASIS_MARKERS)
}

fn is_retention_statement(text: &str) -> bool {
    !duration::find_all(text).is_empty() && has_any(text, RETENTION_VERBS)
        || has_any(text, RETENTION_VERBS) && has_any(text, TIME_WORDS)
}

pub fn preamble(d: &mut Draft, paras: &[Para]) {
    let mut kept = Vec::new();
    for p in paras {
        match p {
            Para::Lines(lines) => {
                let mut rest = Vec::new();
                for l in lines {
                    match updated(l) {
                        Some(date) if !d.report.placements.iter().any(|p| p.path == "updated") => {
                            d.placed("updated", &date);
                            d.report.used_lines.push(l.clone());
                        }
                        _ => rest.push(l.clone()),
                    }
                }
                if !rest.is_empty() {
                    let text = rest.join(" ");
                    for s in sentences::split(&text) {
                        if is_basis_statement(&s) {
                            d.intro_bases.extend(legal::bases(&s));
                        }
                    }
                    kept.push(Para::Lines(rest));
                }
            }
            list => kept.push(list.clone()),
        }
    }
    let prose = d.prose(&kept);
    if !prose.is_empty() {
        d.report.free_text.push("introduction".into());
    }
    d.introduction.extend(prose);
}

/// "Päivitetty 21.5.2018", "Uppdaterad 2024-03-01", "Last updated 1.3.2024" → `2018-05-21`.
fn updated(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let labelled = [
        "päivitetty",
        "päivitys",
        "laadittu",
        "upprättad",
        "uppdater",
        "updated",
        "voimassa",
        "gäller från",
        "effective",
    ]
    .iter()
    .any(|w| lower.contains(w));
    if !labelled || line.split_whitespace().count() > 6 {
        return None;
    }
    for word in line.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = w.split(['.', '-']).collect();
        if parts.len() != 3
            || !parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        {
            continue;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (parts[0], parts[1], parts[2])
        } else {
            (parts[2], parts[1], parts[0])
        };
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
            continue;
        };
        if (1995..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
            let date = format!("{y:04}-{m:02}-{d:02}");
            if seloste_schema::Date::parse(&date).is_ok() {
                return Some(date);
            }
        }
    }
    None
}

/// Fills the draft from one section; returns the paragraphs that found no place.
pub fn section(
    d: &mut Draft,
    key: SectionKey,
    also: Option<SectionKey>,
    heading: &str,
    paras: &[Para],
) -> Vec<Para> {
    use SectionKey::*;
    let mut main = Vec::new();
    for p in paras {
        let text = p.text();
        if let (Some(Lawfulness), Para::Lines(_)) = (also, p) {
            // "Tarkoitus ja oikeusperuste": the sentences on the basis go to the lawfulness, the
            // others stay for the purposes.
            let states_bases = is_basis_statement(&text);
            let (basis, rest): (Vec<String>, Vec<String>) =
                sentences::split(&text).into_iter().partition(|s| {
                    is_basis_statement(s) || states_bases && !legal::bases(s).is_empty()
                });
            if !basis.is_empty() {
                section(d, Lawfulness, None, heading, &[Para::Lines(basis)]);
            }
            if !rest.is_empty() {
                main.push(Para::Lines(rest));
            }
            continue;
        }
        let routed = match also {
            Some(Lawfulness) if is_basis_statement(&text) => Some(Lawfulness),
            Some(Transfers) if transfers::outside_eea(&text).is_some() => Some(Transfers),
            Some(Retention) if is_retention_statement(&text) => Some(Retention),
            _ => None,
        };
        match routed {
            Some(k) => {
                section(d, k, None, heading, std::slice::from_ref(p));
            }
            None => main.push(p.clone()),
        }
    }
    let paras = &main[..];
    match key {
        Organisation | Processor | Representative | Contact | Dpo => {
            return party(d, key, paras);
        }
        Introduction => {
            let prose = d.prose(paras);
            d.introduction.extend(prose);
            d.report.free_text.push("introduction".into());
        }
        Role => {
            let prose = d.prose(paras);
            d.role_explanation.extend(prose);
            d.report.free_text.push("role.explanation".into());
        }
        Register => register(d, paras),
        Purposes => purposes(d, heading, paras),
        Lawfulness => lawfulness(d, paras),
        LegitimateInterests => {
            let prose = d.prose(paras);
            d.legitimate_interests.extend(prose);
            d.bases.push(LegalBasis::LegitimateInterests);
            d.report
                .free_text
                .push("lawfulness.legitimate_interests".into());
        }
        DataSubjects => data(d, heading, paras),
        Sources => sources(d, paras),
        Recipients => recipients(d, paras),
        Transfers => transfer(d, paras),
        Retention => retention(d, paras),
        Security => security(d, paras),
        Rights => rights_section(d, paras),
        Requests => {
            let prose = d.prose(paras);
            d.how_to.extend(prose);
            d.report.free_text.push("rights.how_to_exercise".into());
        }
        Complaint => complaint(d, paras),
        AutomatedDecisions => automated(d, paras),
        Requirement => return requirement(d, paras),
        Changes => {
            let prose = d.prose(paras);
            d.changes.extend(prose);
            d.report.free_text.push("changes.description".into());
        }
    }
    Vec::new()
}

fn lines_of(paras: &[Para]) -> Vec<String> {
    paras
        .iter()
        .flat_map(|p| match p {
            Para::Lines(l) | Para::List(l) => l.clone(),
        })
        .collect()
}

fn party(d: &mut Draft, key: SectionKey, paras: &[Para]) -> Vec<Para> {
    use SectionKey::*;
    if key == Processor {
        d.processor = true;
        d.guess(
            "role.acts_as",
            "processor",
            "the controller's block is headed as the processor's",
        );
    }
    // A processor's notice names the controller it works for under "Rekisterinpitäjä".
    if key == Organisation && d.processor && d.organisation.is_some() && d.on_behalf_of.is_none() {
        let lines = lines_of(paras);
        if let Some((first, rest)) = lines.split_first() {
            d.on_behalf_of = Some(first.clone());
            d.placed("role.on_behalf_of", first);
            d.report.used_lines.push(first.clone());
            if !rest.is_empty() {
                let prose = d.prose(&[Para::Lines(rest.to_vec())]);
                d.role_explanation.extend(prose);
            }
        }
        return Vec::new();
    }
    let kind = match key {
        Organisation | Processor | Representative => Kind::Organisation,
        _ => Kind::Person,
    };
    let taken = match key {
        Organisation | Processor => d.organisation.is_some(),
        Representative => d.representative.is_some(),
        Contact => d.contact.is_some(),
        _ => d.dpo.is_some(),
    };
    if taken {
        return paras.to_vec();
    }
    let lines = lines_of(paras);
    let p = contact::parse(&lines, kind);
    let field = key.field();
    let map = match kind {
        Kind::Organisation if p.name.is_some() => Some(organisation_json(d, field, &p)),
        // A person needs a name or a way to reach them (a web site alone is the organisation's).
        Kind::Person if p.names_or_reaches_a_person() => Some(person_json(d, field, &p)),
        _ => None,
    };
    let Some(mut map) = map else {
        return paras.to_vec();
    };
    if key == Representative {
        if let Some(law) = legal::representative_jurisdiction(&lines.join(" ")) {
            map.insert("jurisdiction".into(), json!(law.id()));
            d.guess(
                "representative.jurisdiction",
                law.id(),
                "the representative's section cites Article 27 (of the UK's GDPR only when it says so)",
            );
        }
    }
    if let Some(bad) = &p.bad_business_id {
        d.guess(
            &format!("{field}.business_id"),
            bad,
            "its check digit is wrong, so it is not a Finnish business ID: left in the text",
        );
    }
    match key {
        Organisation | Processor => d.organisation = Some(map),
        Representative => d.representative = Some(map),
        Contact => d.contact = Some(map),
        _ => d.dpo = Some(map),
    }
    for (line, used) in lines.iter().zip(&p.used) {
        if *used {
            d.report.used_lines.push(line.clone());
        }
    }
    // The lines not used, in their paragraphs.
    let mut leftover = Vec::new();
    let mut i = 0;
    for para in paras {
        match para {
            Para::Lines(ls) => {
                let kept: Vec<String> = ls
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| !p.used[i + j])
                    .map(|(_, l)| l.clone())
                    .collect();
                i += ls.len();
                if !kept.is_empty() {
                    leftover.push(Para::Lines(kept));
                }
            }
            Para::List(items) => {
                let all_used = (0..items.len()).all(|j| p.used[i + j]);
                i += items.len();
                if !all_used {
                    leftover.push(para.clone());
                }
            }
        }
    }
    leftover
}

fn address_json(a: &contact::Address) -> Value {
    let mut m = json!({"street": a.street, "postal_code": a.postal_code, "city": a.city});
    if let Some(c) = &a.country {
        m["country"] = json!(c);
    }
    m
}

fn reach(d: &mut Draft, field: &str, p: &Party, m: &mut Map<String, Value>) {
    for (key, a) in [
        ("postal_address", &p.postal),
        ("visiting_address", &p.visiting),
    ] {
        if let Some(a) = a {
            d.placed(
                &format!("{field}.{key}"),
                &format!("{}, {} {}", a.street, a.postal_code, a.city),
            );
            m.insert(key.into(), address_json(a));
        }
    }
    if !p.phones.is_empty() {
        let phones: Vec<Value> = p
            .phones
            .iter()
            .map(|ph| {
                d.placed(&format!("{field}.phones"), &ph.number);
                match &ph.label {
                    Some(l) => json!({"number": ph.number, "label": d.t(l)}),
                    None => json!({"number": ph.number}),
                }
            })
            .collect();
        m.insert("phones".into(), json!(phones));
    }
    if !p.emails.is_empty() {
        for e in &p.emails {
            d.placed(&format!("{field}.emails"), e);
        }
        m.insert("emails".into(), json!(p.emails));
    }
}

fn organisation_json(d: &mut Draft, field: &str, p: &Party) -> Map<String, Value> {
    let mut m = Map::new();
    let name = p.name.clone().unwrap_or_default();
    d.placed(&format!("{field}.name"), &name);
    m.insert("name".into(), json!(name));
    if let Some(id) = &p.business_id {
        d.placed(&format!("{field}.business_id"), id);
        m.insert("business_id".into(), json!(id));
    }
    if let Some(f) = &p.legal_form {
        d.placed(&format!("{field}.legal_form"), f);
        m.insert("legal_form".into(), d.t(f));
    }
    if let Some(r) = &p.referred_to_as {
        d.placed(&format!("{field}.referred_to_as"), r);
        m.insert("referred_to_as".into(), d.t(r));
    }
    reach(d, field, p, &mut m);
    if let Some(w) = &p.web {
        d.placed(&format!("{field}.web"), w);
        m.insert("web".into(), json!(w));
    }
    m
}

fn person_json(d: &mut Draft, field: &str, p: &Party) -> Map<String, Value> {
    let mut m = Map::new();
    if let Some(n) = &p.person {
        d.placed(&format!("{field}.name"), n);
        m.insert("name".into(), json!(n));
    }
    if let Some(t) = &p.title {
        d.placed(&format!("{field}.title"), t);
        m.insert("title".into(), d.t(t));
    }
    if let Some(o) = &p.organisation {
        d.placed(&format!("{field}.organisation"), o);
        m.insert("organisation".into(), json!(o));
    }
    reach(d, field, p, &mut m);
    if let Some(w) = &p.web {
        // A person has no web field: the site stays with the organisation if it has none.
        if let Some(org) = d.organisation.as_mut() {
            if !org.contains_key("web") {
                org.insert("web".into(), json!(w));
            }
        }
    }
    m
}

fn register(d: &mut Draft, paras: &[Para]) {
    let mut rest = paras.to_vec();
    if let Some(Para::Lines(lines)) = rest.first().cloned() {
        if lines[0].split_whitespace().count() <= 20 && d.register_name.is_none() {
            d.register_name = Some(lines[0].clone());
            d.placed("register.name", &lines[0]);
            d.report.used_lines.push(lines[0].clone());
            if lines.len() > 1 {
                rest[0] = Para::Lines(lines[1..].to_vec());
            } else {
                rest.remove(0);
            }
        }
    }
    let prose = d.prose(&rest);
    if !prose.is_empty() {
        d.report.free_text.push("register.description".into());
    }
    d.register_description.extend(prose);
}

/// A list item as a purpose: a long item "X on …" is named by its first words.
fn purpose_from_item(d: &Draft, item: &str) -> Value {
    let words: Vec<&str> = item.split_whitespace().collect();
    if words.len() > 12 {
        if let Some(i) = words
            .iter()
            .take(7)
            .position(|w| ["on", "är", "is", "are", "ovat"].contains(w))
        {
            if i > 0 {
                let name = words[..i].join(" ");
                return json!({"name": d.t(&name), "description": [d.paragraph(item)]});
            }
        }
        return json!({"name": d.t(&item_name(item))});
    }
    json!({"name": d.t(&item_name(item))})
}

/// "provide the service (performance of a contract)": the purpose, and the legal basis its
/// brackets name, which the notice's bases then include.
fn purpose_with_basis(d: &mut Draft, part: &str) -> Value {
    let bracket = part
        .strip_suffix(')')
        .and_then(|p| p.rsplit_once('('))
        .map(|(name, inner)| (name.trim(), inner));
    let bases = bracket
        .map(|(_, inner)| legal::bases(inner))
        .unwrap_or_default();
    let name = match bracket {
        Some((name, _)) if !bases.is_empty() && !name.is_empty() => name,
        _ => part,
    };
    let mut v = json!({"name": d.t(name)});
    if !bases.is_empty() {
        v["legal_bases"] = json!(bases);
        for b in bases {
            if !d.bases.contains(&b) {
                d.bases.push(b);
                d.guess(
                    "lawfulness.legal_bases",
                    b.id(),
                    "named in brackets after a purpose",
                );
            }
        }
    }
    v
}

fn purposes(d: &mut Draft, heading: &str, paras: &[Para]) {
    let first_new = d.purposes.len();
    let mut lead = Vec::new();
    for p in paras {
        match p {
            Para::Lines(_) => {
                let text = p.text();
                if is_basis_statement(&text) {
                    // The sentences on the basis to the lawfulness; a purpose sentence beside them
                    // ("Tietoja käytetään A:han, B:hen …") stays here.
                    let (basis, rest): (Vec<String>, Vec<String>) = sentences::split(&text)
                        .into_iter()
                        .partition(|s| is_basis_statement(s));
                    let listed_rest = rest
                        .iter()
                        .any(|s| listed(s, PURPOSE_TRIGGERS, 14, 2).is_some());
                    if basis.is_empty() || !listed_rest {
                        lawfulness(d, std::slice::from_ref(p));
                        continue;
                    }
                    lawfulness(d, &[Para::Lines(basis)]);
                    let rest = Para::Lines(rest);
                    purposes(d, heading, std::slice::from_ref(&rest));
                    continue;
                }
                if has_any(&text, OUTSOURCING) {
                    category_recipients(d, &text);
                    let para = d.paragraph(&text);
                    d.recipient_notes.push(para);
                    d.guess(
                        "recipients.notes",
                        &text,
                        "a sentence on outsourcing, moved from the purposes",
                    );
                    continue;
                }
                let split = sentences::split(&text)
                    .into_iter()
                    .find_map(|s| enumeration(&s, d.lang));
                let listed_purposes = split.is_none().then(|| {
                    sentences::split(&text)
                        .into_iter()
                        .find_map(|s| listed(&s, PURPOSE_TRIGGERS, 14, 2))
                });
                if let Some(Some(parts)) = listed_purposes {
                    let at = d.purposes.len();
                    // "…, with your consent, to send you offers": a basis standing between the
                    // purposes belongs to the one after it.
                    let mut pending: Vec<LegalBasis> = Vec::new();
                    for part in &parts {
                        let bases = legal::bases(part);
                        if !bases.is_empty()
                            && !part.contains('(')
                            && part.split_whitespace().count() <= 4
                        {
                            pending.extend(bases);
                            continue;
                        }
                        let mut v = purpose_with_basis(d, part);
                        if !pending.is_empty() && v.get("legal_bases").is_none() {
                            let bases = std::mem::take(&mut pending);
                            for b in &bases {
                                if !d.bases.contains(b) {
                                    d.bases.push(*b);
                                    d.guess(
                                        "lawfulness.legal_bases",
                                        b.id(),
                                        "named beside a purpose",
                                    );
                                }
                            }
                            v["legal_bases"] = json!(bases);
                        }
                        d.shared_description.push(d.purposes.len());
                        d.purposes.push(v);
                    }
                    if d.purposes.len() == at {
                        // Nothing but bases: the sentence is the lawfulness's.
                        lawfulness(d, std::slice::from_ref(p));
                        continue;
                    }
                    d.purposes[at]["description"] = json!([d.paragraph(&text)]);
                    d.guess(
                        "purposes",
                        &parts.join(" | "),
                        "one sentence divided into purposes at its commas: check the division",
                    );
                    continue;
                }
                match split {
                    Some(parts) => {
                        let at = d.purposes.len();
                        for part in &parts {
                            let name = item_name(part);
                            d.purposes.push(json!({"name": d.t(&name)}));
                        }
                        d.purposes[at]["description"] = json!([d.paragraph(&text)]);
                        d.guess(
                            "purposes",
                            &parts.join(" | "),
                            "one sentence divided into purposes at its commas: check the division",
                        );
                    }
                    None => lead.push(d.paragraph(&text)),
                }
            }
            Para::List(items) => {
                for item in items {
                    let v = purpose_from_item(d, item);
                    d.purposes.push(v);
                }
            }
        }
    }
    if lead.is_empty() {
        return;
    }
    d.report.free_text.push("purposes[].description".into());
    if d.purposes.len() > first_new {
        let first = &mut d.purposes[first_new];
        let mut desc = first
            .get("description")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        lead.append(&mut desc);
        first["description"] = json!(lead);
    } else {
        d.purposes
            .push(json!({"name": d.t(heading), "description": lead}));
        d.guess(
            "purposes",
            heading,
            "no list of purposes: one purpose named by the heading, its text kept as the description",
        );
    }
}

fn lawfulness(d: &mut Draft, paras: &[Para]) {
    for p in paras {
        let text = p.text();
        for b in legal::bases(&text) {
            if !d.bases.contains(&b) {
                d.bases.push(b);
                d.guess(
                    "lawfulness.legal_bases",
                    b.id(),
                    "from the wording of the legal basis",
                );
            }
        }
        if let Some(law) = legal::law(&text) {
            if !d.laws.contains(&law) {
                d.laws.push(law);
            }
        }
    }
    let prose = d.prose(paras);
    d.lawfulness_explanation.extend(prose);
    d.report.free_text.push("lawfulness.explanation".into());
}

fn data(d: &mut Draft, heading: &str, paras: &[Para]) {
    let first_new = d.data_categories.len();
    let mut i = 0;
    while i < paras.len() {
        match (&paras[i], paras.get(i + 1)) {
            (Para::Lines(lines), Some(Para::List(items))) if is_lead(lines) => {
                let name = lines.join(" ");
                let name = name.trim_end().trim_end_matches(':').trim();
                let items: Vec<Value> = items.iter().map(|it| d.t(&item_name(it))).collect();
                d.data_categories
                    .push(json!({"name": d.t(name), "items": items}));
                i += 2;
                continue;
            }
            (Para::Lines(_), _) => {
                let text = paras[i].text();
                if is_retention_statement(&text) {
                    retention(d, &paras[i..=i]);
                    d.guess(
                        "retention.rules",
                        &text,
                        "a retention sentence, moved from the data section",
                    );
                    i += 1;
                    continue;
                }
                let mut desc = Vec::new();
                for s in sentences::split(&text) {
                    let category = s.split_once(": ").and_then(|(before, _)| {
                        (before.split_whitespace().count() <= 12).then_some(before)
                    });
                    match (category, enumeration(&s, d.lang)) {
                        (Some(name), Some(mut parts)) => {
                            let before = parts.len();
                            split_last_item(&mut parts);
                            if !desc.is_empty() {
                                let para = d.paragraph(&desc.join(" "));
                                d.data_description.push(para);
                                desc.clear();
                            }
                            if parts.len() > before {
                                // The items no longer read as the sentence: it is kept whole.
                                let para = d.paragraph(&s);
                                d.data_description.push(para);
                            }
                            let items: Vec<Value> =
                                parts.iter().map(|p| d.t(&item_name(p))).collect();
                            d.data_categories
                                .push(json!({"name": d.t(name), "items": items}));
                        }
                        _ => match such_as(&s, d.lang) {
                            // "Perustiedot kuten nimi, …": a category, its sentence kept with it.
                            Some((name, parts)) => {
                                if !desc.is_empty() {
                                    let para = d.paragraph(&desc.join(" "));
                                    d.data_description.push(para);
                                    desc.clear();
                                }
                                let c = category_with_examples(d, &name, &parts, &s);
                                d.data_categories.push(c);
                            }
                            None => match listed(&s, DATA_TRIGGERS, 4, 2) {
                                // "Nimi, osoite, puhelinnumero." / "We collect your name, …": the
                                // items of one category named by the heading; the sentence kept.
                                Some(parts) => {
                                    desc.push(s.clone());
                                    let items: Vec<Value> = parts.iter().map(|p| d.t(p)).collect();
                                    d.data_categories
                                        .push(json!({"name": d.t(heading), "items": items}));
                                    d.guess(
                                        "data_subjects[].data[].items",
                                        &parts.join(" | "),
                                        "a sentence listing data, divided at its commas: check the division",
                                    );
                                }
                                None => desc.push(s),
                            },
                        },
                    }
                }
                if !desc.is_empty() {
                    let para = d.paragraph(&desc.join(" "));
                    d.data_description.push(para);
                    d.report
                        .free_text
                        .push("data_subjects[0].description".into());
                }
            }
            (Para::List(items), _) => {
                for it in items {
                    let c = match such_as(it, d.lang) {
                        Some((name, parts)) => category_with_examples(d, &name, &parts, it),
                        None => json!({"name": d.t(&item_name(it))}),
                    };
                    d.data_categories.push(c);
                }
            }
        }
        i += 1;
    }
    mark_required(d, first_new, paras);
}

/// "Name and email are required; everything else is voluntary": the items of the categories just
/// read marked required or voluntary where a clause of the section says so.
fn mark_required(d: &mut Draft, from: usize, paras: &[Para]) {
    let lang = d.lang;
    let text: String = paras.iter().map(Para::text).collect::<Vec<_>>().join(" ");
    for clause in text.split(['.', ';']) {
        let lower = format!(" {} ", clause.to_lowercase());
        let required = if has_any(&lower, REQUIRED_WORDS) {
            true
        } else if has_any(&lower, VOLUNTARY_WORDS) {
            false
        } else {
            continue;
        };
        let the_rest = has_any(&lower, THE_REST);
        let tokens = |t: &str| -> Vec<String> {
            t.split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .filter(|w| !w.is_empty())
                .collect()
        };
        let clause_words = tokens(clause);
        for c in d.data_categories[from..].iter_mut() {
            let Some(items) = c.get_mut("items").and_then(Value::as_array_mut) else {
                continue;
            };
            for item in items.iter_mut() {
                let marked = item.get("required").is_some();
                let name = item
                    .get("name")
                    .unwrap_or(item)
                    .get(lang)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned();
                let head = tokens(&name);
                let named = head
                    .first()
                    .is_some_and(|w| clause_words.iter().any(|c| same_stem(w, c)));
                if named && !marked || the_rest && !marked && !required {
                    *item = json!({"name": {lang: name}, "required": required});
                }
            }
        }
    }
}

/// "nimi" and "nimesi", "sähköpostiosoite" and "sähköpostiosoitteesi": one word inflected. They
/// share all but the shorter one's last letter, and at least three letters.
fn same_stem(a: &str, b: &str) -> bool {
    let shorter = a.chars().count().min(b.chars().count());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 3 && common + 1 >= shorter
}

/// A data category named before "kuten" / "such as", its examples as items; the source's words stay
/// in the group's description (the division is a guess).
fn category_with_examples(d: &mut Draft, name: &str, parts: &[String], source: &str) -> Value {
    let items: Vec<Value> = parts.iter().map(|p| d.t(&item_name(p))).collect();
    d.guess(
        "data_subjects[].data[]",
        name,
        "a category and its examples divided at “kuten” / “such as”; the sentence is kept in the description",
    );
    let para = d.paragraph(source);
    d.data_description.push(para);
    json!({"name": d.t(name), "items": items})
}

/// A paragraph that introduces the list after it: it ends with a colon, or it is one short line.
fn is_lead(lines: &[String]) -> bool {
    let last = lines.last().map(|l| l.trim_end()).unwrap_or("");
    last.ends_with(':')
        || (lines.len() == 1 && last.split_whitespace().count() <= 15 && !last.ends_with('.'))
}

fn sources(d: &mut Draft, paras: &[Para]) {
    for p in paras {
        match p {
            Para::List(items) => {
                for it in items {
                    let name = item_name(it);
                    let mut s = json!({"name": d.t(&name)});
                    if has_any(&name, &["julkis", "offentlig", "public"]) {
                        s["publicly_accessible"] = json!(true);
                        d.guess(
                            "sources[].publicly_accessible",
                            &name,
                            "the source is called public",
                        );
                    }
                    d.source_items.push(s);
                }
            }
            Para::Lines(lines)
                if lines.len() == 1 && (1..=4).contains(&lines[0].split_whitespace().count()) =>
            {
                // "Jäsen itse.": a source named on a line of its own.
                let name = item_name(&lines[0]);
                let v = json!({"name": d.t(&name)});
                d.source_items.push(v);
            }
            Para::Lines(_) => {
                let text = p.text();
                // "Tiedot saadaan asiakkaalta itseltään sekä …": the sources named, the sentence
                // kept in the notes.
                for s in sentences::split(&text) {
                    if let Some(parts) = listed(&s, SOURCE_TRIGGERS, 6, 1) {
                        for part in &parts {
                            let v = json!({"name": d.t(part)});
                            d.source_items.push(v);
                        }
                        d.guess(
                            "sources[]",
                            &parts.join(" | "),
                            "sources named in a sentence, divided at its commas: check the names",
                        );
                    }
                }
                let para = d.paragraph(&text);
                d.source_notes.push(para);
                d.report.free_text.push("sources.notes".into());
            }
        }
    }
}

fn recipient_json(d: &Draft, name: &str, role: RecipientRole, purpose: Option<&str>) -> Value {
    let mut r = json!({"name": d.t(name), "role": role});
    if let Some(p) = purpose {
        r["purpose"] = d.t(p);
    }
    r
}

fn recipients(d: &mut Draft, paras: &[Para]) {
    for p in paras {
        match p {
            Para::Lines(_) => {
                let text = p.text();
                for s in sentences::split(&text) {
                    for n in parties::named(&s) {
                        let known = d
                            .recipient_items
                            .iter()
                            .any(|r| r["name"][d.lang].as_str() == Some(n.name.as_str()));
                        if !known {
                            let v = recipient_json(d, &n.name, n.role, n.purpose.as_deref());
                            d.recipient_items.push(v);
                            d.guess(
                                "recipients[].role",
                                &format!("{}: {}", n.name, n.role.id()),
                                "named in the text; the role from the sentence's wording",
                            );
                        }
                    }
                }
                category_recipients(d, &text);
                let para = d.paragraph(&text);
                d.recipient_notes.push(para);
                d.report.free_text.push("recipients.notes".into());
            }
            Para::List(items) if items.iter().all(|i| i.split_whitespace().count() <= 10) => {
                for it in items {
                    let name = item_name(it);
                    let role = if has_any(&name, &["viranomai", "myndighet", "authorit"]) {
                        RecipientRole::Authority
                    } else if has_any(
                        &name,
                        &[
                            "käsittelijä",
                            "palveluntarjoaj",
                            "biträde",
                            "leverantör",
                            "processor",
                            "provider",
                        ],
                    ) {
                        RecipientRole::Processor
                    } else {
                        RecipientRole::Recipient
                    };
                    let v = recipient_json(d, &name, role, None);
                    d.recipient_items.push(v);
                }
            }
            list => {
                let prose = d.prose(std::slice::from_ref(list));
                d.recipient_notes.extend(prose);
            }
        }
    }
}

/// Recipients named only by their kind: authorities ("viranomaisille lain sallimissa rajoissa")
/// and outside service providers (outsourcing), each once, under the vocabulary's own name.
fn category_recipients(d: &mut Draft, text: &str) {
    let lower = format!(" {} ", text.to_lowercase());
    let negated = [" ei ", " inte ", " not ", " emme "]
        .iter()
        .any(|w| lower.contains(w));
    let kinds = [
        (
            RecipientRole::Authority,
            &["viranomai", "myndighet", "authorit"][..],
        ),
        (RecipientRole::Processor, OUTSOURCING),
    ];
    for (role, stems) in kinds {
        let has_role = d.recipient_items.iter().any(|r| r["role"] == json!(role));
        if has_role || negated && role == RecipientRole::Processor || !has_any(text, stems) {
            continue;
        }
        let name = match (role, d.lang) {
            (RecipientRole::Authority, "sv") => "Myndigheter",
            (RecipientRole::Authority, "en") => "Public authorities",
            (RecipientRole::Authority, _) => "Viranomaiset",
            (_, "sv") => "Tjänsteleverantörer",
            (_, "en") => "Service providers",
            _ => "Palveluntarjoajat",
        };
        let v = recipient_json(d, name, role, None);
        d.recipient_items.push(v);
        d.guess(
            "recipients[]",
            name,
            "a kind of recipient the text names: check the name",
        );
    }
}

fn transfer(d: &mut Draft, paras: &[Para]) {
    for p in paras {
        let text = p.text();
        match transfers::outside_eea(&text) {
            Some(true) => d.transfers = Some(true),
            Some(false) if d.transfers.is_none() => d.transfers = Some(false),
            _ => {}
        }
        if transfers::outside_eea(&text) == Some(true) {
            for s in sentences::split(&text) {
                let countries = transfers::countries(&s);
                let mut safeguards = transfers::safeguards(&s);
                if safeguards.is_empty() {
                    safeguards = transfers::safeguards(&text);
                }
                let names = parties::named(&s);
                match (countries.first(), safeguards.is_empty(), names.first()) {
                    (Some(c), false, Some(n)) => {
                        d.transfer_items.push(json!({"recipient": d.t(&n.name), "country": c, "safeguards": safeguards}));
                        let ids: Vec<&str> = safeguards.iter().map(|sg| sg.id()).collect();
                        d.guess("transfers.items", &format!("{} → {c} ({})", n.name, ids.join(", ")), "read from one sentence");
                    }
                    (Some(c), _, _) => d.guess(
                        "transfers",
                        c,
                        "a transfer is named but its recipient or safeguard is not clear: add it by hand",
                    ),
                    _ => {}
                }
            }
        }
    }
    if let Some(v) = d.transfers {
        d.guess(
            "transfers.outside_eea",
            &v.to_string(),
            "from the wording of the transfers text",
        );
    }
    let prose = d.prose(paras);
    d.transfer_notes.extend(prose);
    d.report.free_text.push("transfers.notes".into());
}

fn rule(d: &mut Draft, text: &str) -> Value {
    let mut r = json!({"period": d.t(text)});
    let (min, max) = duration::range(text);
    if let Some(m) = &min {
        r["min_duration"] = json!(m);
    }
    if let Some(m) = &max {
        r["max_duration"] = json!(m);
        d.guess("retention.rules[].max_duration", m, text);
    }
    r
}

/// A paragraph's sentences grouped into rules: a sentence with a period of its own starts a new
/// rule when the rule so far already has one ("… 36 months … . Accounting records … six years.").
fn rule_groups(text: &str) -> Vec<String> {
    let mut groups: Vec<(String, bool)> = Vec::new();
    for s in sentences::split(text) {
        let has = !duration::find_all(&s).is_empty();
        match groups.last_mut() {
            Some((g, had)) if !(has && *had) => {
                g.push(' ');
                g.push_str(&s);
                *had |= has;
            }
            _ => groups.push((s, has)),
        }
    }
    groups.into_iter().map(|(g, _)| g).collect()
}

fn retention(d: &mut Draft, paras: &[Para]) {
    for p in paras {
        match p {
            Para::Lines(_) => {
                let text = p.text();
                if is_retention_statement(&text) || !duration::find_all(&text).is_empty() {
                    for group in rule_groups(&text) {
                        let r = rule(d, &group);
                        d.retention_rules.push(r);
                    }
                } else {
                    let para = d.paragraph(&text);
                    d.retention_notes.push(para);
                    d.report.free_text.push("retention.notes".into());
                }
                if let Some(law) = legal::law(&text) {
                    if !d.laws.contains(&law) {
                        d.laws.push(law);
                    }
                }
            }
            Para::List(items) => {
                for it in items {
                    let r = rule(d, it);
                    d.retention_rules.push(r);
                }
            }
        }
    }
}

fn security(d: &mut Draft, paras: &[Para]) {
    const PAPER: &[&str] = &[
        "manuaali", "paperi", "manuell", "pappers", "paper", "manual",
    ];
    const DIGITAL: &[&str] = &[
        "sähköi",
        "atk",
        "tietojärjestelm",
        "digital",
        "elektronisk",
        "electronic",
        "it-system",
    ];
    let mut mode = 0;
    for p in paras {
        let text = p.text();
        let first: String = text.chars().take(24).collect::<String>().to_lowercase();
        let short_label = matches!(p, Para::Lines(l) if l.len() == 1)
            && text.split_whitespace().count() <= 5
            && !text.ends_with('.');
        let bucket = if PAPER.iter().any(|w| first.contains(w)) {
            3
        } else if DIGITAL.iter().any(|w| first.contains(w)) {
            1
        } else if short_label {
            0
        } else {
            mode
        };
        if short_label {
            mode = bucket;
        }
        // A retention period stated among the security measures is also a retention rule.
        for s in sentences::split(&text) {
            if !duration::find_all(&s).is_empty() && has_any(&s, RETENTION_VERBS) {
                let r = rule(d, &s);
                d.retention_rules.push(r);
                d.guess(
                    "retention.rules",
                    &s,
                    "a retention period stated in the security section (kept there too)",
                );
            }
        }
        let prose = d.prose(std::slice::from_ref(p));
        d.security[bucket].extend(prose);
    }
    d.report.free_text.push("security".into());
}

fn rights_section(d: &mut Draft, paras: &[Para]) {
    let all: String = paras.iter().map(Para::text).collect::<Vec<_>>().join(" ");
    for r in rights::rights(&all) {
        if !d.rights.contains(&r) {
            d.rights.push(r);
        }
    }
    if d.complaint.is_empty() {
        for a in rights::authorities(&all) {
            d.placed("complaint_authority.name", &a.0);
            d.complaint.push(a);
        }
    }
    for p in paras {
        match p {
            Para::Lines(_) => {
                let mut notes = Vec::new();
                let mut how = Vec::new();
                for s in sentences::split(&p.text()) {
                    if rights::is_how_to(&s) {
                        how.push(s);
                    } else {
                        notes.push(s);
                    }
                }
                if !notes.is_empty() {
                    let para = d.paragraph(&notes.join(" "));
                    d.rights_notes.push(para);
                }
                if !how.is_empty() {
                    let para = d.paragraph(&how.join(" "));
                    d.how_to.push(para);
                }
            }
            list => {
                let prose = d.prose(std::slice::from_ref(list));
                d.rights_notes.extend(prose);
            }
        }
    }
    d.report.free_text.push("rights.notes".into());
}

fn complaint(d: &mut Draft, paras: &[Para]) {
    if !d.rights.contains(&Right::Complaint) {
        d.rights.push(Right::Complaint);
    }
    let all: String = paras.iter().map(Para::text).collect::<Vec<_>>().join(" ");
    if d.complaint.is_empty() {
        let mut found = rights::authorities(&all);
        for a in &found {
            d.placed("complaint_authority.name", &a.0);
        }
        if found.is_empty() {
            let name = match d.lang {
                "sv" => "Dataombudsmannens byrå",
                "en" => "Office of the Data Protection Ombudsman",
                _ => "Tietosuojavaltuutetun toimisto",
            };
            d.guess(
                "complaint_authority.name",
                name,
                "the text names no authority: the Finnish one assumed",
            );
            found.push((name.to_owned(), Some("https://tietosuoja.fi".to_owned())));
        }
        d.complaint = found;
    }
    let prose = d.prose(paras);
    d.complaint_notes.extend(prose);
}

fn automated(d: &mut Draft, paras: &[Para]) {
    let all = format!(
        " {} ",
        paras
            .iter()
            .map(Para::text)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    );
    let negated = [
        " ei ", " eikä ", " emme ", " inte ", " ingen ", " inga ", " not ", " no ", " never ",
        "n't ",
    ]
    .iter()
    .any(|w| all.contains(w));
    d.automated = Some(!negated);
    d.guess(
        "automated_decisions.exists",
        &(!negated).to_string(),
        "from the wording (a negation means none)",
    );
    let prose = d.prose(paras);
    d.automated_description.extend(prose);
}

fn requirement(d: &mut Draft, paras: &[Para]) -> Vec<Para> {
    let all: String = paras.iter().map(Para::text).collect::<Vec<_>>().join(" ");
    let kind = if has_any(
        &all,
        &["lakisäät", "lagstad", "statutory", "required by law"],
    ) {
        "statutory"
    } else if has_any(
        &all,
        &[
            "edellytys sopimu",
            "sopimuksen tekemisen edellytys",
            "för att ingå avtal",
            "enter into a contract",
            "enter into the contract",
        ],
    ) {
        "contract_prerequisite"
    } else if has_any(&all, &["sopimu", "avtal", "contract"]) {
        "contractual"
    } else if has_any(
        &all,
        &[
            "vapaaehto",
            "frivillig",
            "voluntar",
            "ei ole pakollista",
            "not obliged",
            "not required",
        ],
    ) {
        "voluntary"
    } else {
        return paras.to_vec();
    };
    d.requirement = Some(kind);
    d.guess("requirement.kind", kind, "from the wording");
    let prose = d.prose(paras);
    d.requirement_consequences.extend(prose);
    Vec::new()
}

/// What can only be decided with the whole notice read.
pub fn finish(d: &mut Draft) {
    if d.bases.is_empty() && !d.intro_bases.is_empty() {
        let bases = std::mem::take(&mut d.intro_bases);
        for b in &bases {
            d.guess(
                "lawfulness.legal_bases",
                b.id(),
                "stated in the introduction",
            );
        }
        d.bases = bases;
    }
    d.bases.sort();
    d.bases.dedup();
    d.rights.sort();
    d.rights.dedup();
    // No section on transfers: a statement about them elsewhere answers the question.
    if d.transfers.is_none() {
        let lang = d.lang;
        let at = d.recipient_notes.iter().position(|p| {
            p["paragraph"][lang]
                .as_str()
                .is_some_and(|t| transfers::outside_eea(t).is_some())
        });
        if let Some(i) = at {
            let p = d.recipient_notes.remove(i);
            let text = p["paragraph"][lang].as_str().unwrap_or("").to_owned();
            d.transfers = transfers::outside_eea(&text);
            d.transfer_notes.push(p);
            d.guess(
                "transfers",
                &text,
                "the statement on transfers, moved from the recipients section",
            );
        }
    }
    // The organisation itself is no recipient.
    let org_word = d
        .organisation
        .as_ref()
        .and_then(|o| o["name"].as_str())
        .and_then(|n| n.split_whitespace().next())
        .map(str::to_lowercase);
    if let Some(w) = org_word {
        let lang = d.lang;
        d.recipient_items.retain(|r| {
            !r["name"][lang]
                .as_str()
                .is_some_and(|n| n.to_lowercase().starts_with(&w))
        });
    }
    // A purpose that names a law ("kirjanpitolain mukaiset velvoitteet") is a legal obligation
    // under that law.
    let lang = d.lang;
    let mut laws = Vec::new();
    for (i, p) in d.purposes.iter_mut().enumerate() {
        let text = p.to_string();
        let name = p["name"][lang].as_str().unwrap_or("").to_owned();
        let own_text = !d.shared_description.contains(&i);
        let law = legal::law(&name).or_else(|| own_text.then(|| legal::law(&text)).flatten());
        if let Some(law) = law {
            p["law"] = json!({ lang: law });
            if p.get("legal_bases").is_none() {
                p["legal_bases"] = json!([LegalBasis::LegalObligation]);
            }
            laws.push((name, law));
        }
    }
    for (purpose, law) in laws {
        d.guess(
            "purposes[].law",
            &format!("{purpose}: {law}"),
            "the purpose names a law: a legal obligation under it",
        );
        d.laws.retain(|l| *l != law);
    }
    for law in d.laws.clone() {
        d.guess(
            "law",
            &law,
            "a law the text names outside any purpose: kept in the text only",
        );
    }
}
