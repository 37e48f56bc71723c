//! A notice flattened, in one language, into sections of keyed entries with labelled fields: the
//! form in which two versions are compared. Keys give entries an identity across versions (a
//! recipient is the same recipient if its name is the same); fields hold what a reader would see.

use crate::date::primary_subtag;
use crate::duration::humanize;
use crate::headings::SectionId;
use crate::notice::Notice;
use crate::party::{Address, Contact, Organisation, Phone};
use crate::text::{Block, Prose, Text};

/// One comparable item of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Identity across versions; entries of prose are keyed by their own text.
    pub key: String,
    /// What the reader calls the item, e.g. the recipient's name.
    pub label: String,
    /// Labelled values, the identifying one first.
    pub fields: Vec<(String, String)>,
}

impl Entry {
    /// The kind of entry, for pairing a removed item with an added one of the same kind.
    pub fn kind(&self) -> &str {
        self.key
            .split_once(':')
            .map(|(k, _)| k)
            .unwrap_or(&self.key)
    }
}

/// The notice's sections in reading order, each with its entries (empty sections included).
pub fn outline(n: &Notice, lang: &str) -> Vec<(SectionId, Vec<Entry>)> {
    let o = Outliner { lang };
    let mut out = Vec::new();
    for section in SectionId::ORDER {
        let mut e = Vec::new();
        o.section(n, section, &mut e);
        out.push((section, e));
    }
    out
}

struct Outliner<'a> {
    lang: &'a str,
}

impl Outliner<'_> {
    fn t(&self, text: &Text) -> String {
        text.get(self.lang).to_owned()
    }

    fn field(&self, name: &str) -> String {
        field_label(name, self.lang).to_owned()
    }

    fn entry(&self, key: String, label: String, fields: Vec<(&str, Option<String>)>) -> Entry {
        let fields = fields
            .into_iter()
            .filter_map(|(name, value)| {
                value
                    .filter(|v| !v.is_empty())
                    .map(|v| (self.field(name), v))
            })
            .collect();
        Entry { key, label, fields }
    }

    /// Each paragraph, list item and link of prose as an entry of its own.
    fn prose(&self, part: &str, prose: &Prose, out: &mut Vec<Entry>) {
        for line in prose_lines(prose, self.lang) {
            out.push(Entry {
                key: format!("text:{part}:{line}"),
                label: self.field("text"),
                fields: vec![(self.field("text"), line)],
            });
        }
    }

    fn section(&self, n: &Notice, section: SectionId, out: &mut Vec<Entry>) {
        let t = |x: &Text| self.t(x);
        let ot = |x: &Option<Text>| x.as_ref().map(|x| self.t(x));
        match section {
            SectionId::General => {
                out.push(self.entry(
                    "title".into(),
                    self.field("title"),
                    vec![("title", Some(t(&n.title)))],
                ));
                out.push(self.entry(
                    "languages".into(),
                    self.field("languages"),
                    vec![("languages", Some(n.languages.join(", ")))],
                ));
                self.prose("intro", &n.introduction, out);
            }
            SectionId::Organisation => out.push(self.organisation("organisation", &n.organisation)),
            SectionId::Role => {
                out.push(self.entry(
                    "role".into(),
                    self.field("acts_as"),
                    vec![
                        ("acts_as", Some(n.role.acts_as.label(self.lang).into())),
                        ("on_behalf_of", ot(&n.role.on_behalf_of)),
                    ],
                ));
                self.prose("role", &n.role.explanation, out);
            }
            SectionId::Representative => out.extend(
                n.representative
                    .as_ref()
                    .map(|r| self.organisation("representative", r)),
            ),
            SectionId::Contact => {
                out.extend(n.contact.as_ref().map(|c| self.contact("contact", c)))
            }
            SectionId::Dpo => out.extend(n.dpo.as_ref().map(|c| self.contact("dpo", c))),
            SectionId::Register => {
                if let Some(r) = &n.register {
                    out.push(self.entry(
                        "register".into(),
                        t(&r.name),
                        vec![("name", Some(t(&r.name)))],
                    ));
                    self.prose("register", &r.description, out);
                }
            }
            SectionId::Purposes => {
                for p in &n.purposes {
                    let name = t(&p.name);
                    let bases = p
                        .legal_bases
                        .iter()
                        .map(|b| format!("{} ({})", b.label(self.lang), b.article()));
                    out.push(self.entry(
                        format!("purpose:{name}"),
                        name.clone(),
                        vec![
                            ("name", Some(name)),
                            (
                                "description",
                                Some(prose_lines(&p.description, self.lang).join(" ")),
                            ),
                            ("legal_basis", Some(bases.collect::<Vec<_>>().join(", "))),
                            ("legitimate_interest", ot(&p.legitimate_interest)),
                        ],
                    ));
                }
            }
            SectionId::Lawfulness => {
                if let Some(l) = &n.lawfulness {
                    for b in &l.legal_bases {
                        let label = format!("{} ({})", b.label(self.lang), b.article());
                        out.push(self.entry(
                            format!("basis:{}", b.id()),
                            label.clone(),
                            vec![("legal_basis", Some(label))],
                        ));
                    }
                    for c in &l.special_category_conditions {
                        let label = format!("{} ({})", c.label(self.lang), c.article());
                        out.push(self.entry(
                            format!("condition:{}", c.id()),
                            label.clone(),
                            vec![("condition", Some(label))],
                        ));
                    }
                    self.prose("basis", &l.explanation, out);
                    self.prose("interests", &l.legitimate_interests, out);
                }
            }
            SectionId::DataSubjects => {
                for g in &n.data_subjects {
                    let group = ot(&g.name).unwrap_or_default();
                    self.prose(&format!("group {group}"), &g.description, out);
                    for d in &g.data {
                        let name = t(&d.name);
                        let label = if group.is_empty() {
                            name.clone()
                        } else {
                            format!("{group}: {name}")
                        };
                        let items = d
                            .items
                            .iter()
                            .map(|i| self.t(i))
                            .collect::<Vec<_>>()
                            .join("; ");
                        let special = d.special_category.then(|| yes(self.lang).to_owned());
                        out.push(self.entry(
                            format!("data:{group}/{name}"),
                            label,
                            vec![
                                ("name", Some(name)),
                                ("items", Some(items)),
                                ("special_category", special),
                            ],
                        ));
                    }
                }
            }
            SectionId::Sources => {
                if let Some(s) = &n.sources {
                    for src in &s.items {
                        let name = t(&src.name);
                        let public = src.publicly_accessible.then(|| yes(self.lang).to_owned());
                        out.push(self.entry(
                            format!("source:{name}"),
                            name.clone(),
                            vec![("name", Some(name)), ("publicly_accessible", public)],
                        ));
                    }
                    self.prose("sources", &s.notes, out);
                }
            }
            SectionId::Recipients => {
                if let Some(r) = &n.recipients {
                    for rec in &r.items {
                        let name = t(&rec.name);
                        out.push(self.entry(
                            format!("recipient:{name}"),
                            name.clone(),
                            vec![
                                ("name", Some(name)),
                                ("role", Some(rec.role.label(self.lang).into())),
                                ("purpose", ot(&rec.purpose)),
                                ("location", rec.location.clone()),
                                ("web", rec.web.clone()),
                                (
                                    "details",
                                    Some(prose_lines(&rec.details, self.lang).join(" ")),
                                ),
                            ],
                        ));
                    }
                    self.prose("recipients", &r.notes, out);
                }
            }
            SectionId::Transfers => {
                if let Some(tr) = &n.transfers {
                    let outside = if tr.outside_eea {
                        yes(self.lang)
                    } else {
                        no(self.lang)
                    };
                    out.push(self.entry(
                        "outside_eea".into(),
                        self.field("outside_eea"),
                        vec![("outside_eea", Some(outside.into()))],
                    ));
                    for x in &tr.items {
                        let who = t(&x.recipient);
                        out.push(self.entry(
                            format!("transfer:{who}"),
                            who.clone(),
                            vec![
                                ("recipient", Some(who)),
                                ("country", Some(x.country.clone())),
                                (
                                    "safeguard",
                                    Some(format!(
                                        "{} ({})",
                                        x.safeguard.label(self.lang),
                                        x.safeguard.article()
                                    )),
                                ),
                                (
                                    "details",
                                    Some(prose_lines(&x.details, self.lang).join(" ")),
                                ),
                            ],
                        ));
                    }
                    self.prose("transfers", &tr.notes, out);
                }
            }
            SectionId::Retention => {
                if let Some(r) = &n.retention {
                    for rule in &r.rules {
                        let data = ot(&rule.data).unwrap_or_else(|| self.field("all_data"));
                        out.push(self.entry(
                            format!("retention:{data}"),
                            data.clone(),
                            vec![
                                ("data", Some(data)),
                                ("period", Some(t(&rule.period))),
                                (
                                    "max_duration",
                                    rule.max_duration.as_deref().map(|d| humanize(d, self.lang)),
                                ),
                            ],
                        ));
                    }
                    self.prose("retention", &r.notes, out);
                }
            }
            SectionId::Security => {
                if let Some(s) = &n.security {
                    self.prose("general", &s.general, out);
                    self.prose("technical", &s.technical, out);
                    self.prose("organisational", &s.organisational, out);
                    self.prose("paper", &s.paper_records, out);
                }
            }
            SectionId::Rights => {
                if let Some(r) = &n.rights {
                    for right in &r.rights {
                        let label = format!("{} ({})", right.label(self.lang), right.article());
                        out.push(self.entry(
                            format!("right:{}", right.id()),
                            label.clone(),
                            vec![("right", Some(label))],
                        ));
                    }
                    self.prose("rights", &r.notes, out);
                    self.prose("exercise", &r.how_to_exercise, out);
                }
            }
            SectionId::ComplaintAuthority => {
                if let Some(a) = &n.complaint_authority {
                    out.push(self.entry(
                        "authority".into(),
                        t(&a.name),
                        vec![("name", Some(t(&a.name))), ("web", a.web.clone())],
                    ));
                    self.prose("authority", &a.notes, out);
                }
            }
            SectionId::AutomatedDecisions => {
                if let Some(a) = &n.automated_decisions {
                    let exists = if a.exists {
                        yes(self.lang)
                    } else {
                        no(self.lang)
                    };
                    out.push(self.entry(
                        "automated".into(),
                        self.field("exists"),
                        vec![("exists", Some(exists.into()))],
                    ));
                    self.prose("automated", &a.description, out);
                }
            }
            SectionId::Requirement => {
                if let Some(r) = &n.requirement {
                    out.push(self.entry(
                        "requirement".into(),
                        self.field("kind"),
                        vec![("kind", Some(r.kind.label(self.lang).into()))],
                    ));
                    self.prose("requirement", &r.consequences, out);
                }
            }
            SectionId::Changes => {
                if let Some(c) = &n.changes {
                    self.prose("changes", &c.description, out);
                }
            }
            SectionId::Other => {
                for s in &n.other_sections {
                    let heading = t(&s.heading);
                    out.push(self.entry(
                        format!("section:{heading}"),
                        heading.clone(),
                        vec![
                            ("heading", Some(heading)),
                            ("text", Some(prose_lines(&s.body, self.lang).join(" "))),
                        ],
                    ));
                }
            }
        }
    }

    fn organisation(&self, key: &str, o: &Organisation) -> Entry {
        self.entry(
            key.into(),
            o.name.clone(),
            vec![
                ("name", Some(o.name.clone())),
                ("business_id", o.business_id.clone()),
                ("legal_form", o.legal_form.as_ref().map(|x| self.t(x))),
                (
                    "referred_to_as",
                    o.referred_to_as.as_ref().map(|x| self.t(x)),
                ),
                (
                    "postal_address",
                    o.postal_address.as_ref().map(Address::one_line),
                ),
                (
                    "visiting_address",
                    o.visiting_address.as_ref().map(Address::one_line),
                ),
                ("phone", Some(self.phones(&o.phones))),
                ("email", Some(o.emails.join(", "))),
                ("web", o.web.clone()),
            ],
        )
    }

    fn contact(&self, key: &str, c: &Contact) -> Entry {
        let label = c
            .name
            .clone()
            .or_else(|| c.emails.first().cloned())
            .unwrap_or_else(|| self.field("contact"));
        self.entry(
            key.into(),
            label,
            vec![
                ("name", c.name.clone()),
                ("title", c.title.as_ref().map(|x| self.t(x))),
                ("organisation", c.organisation.clone()),
                (
                    "postal_address",
                    c.postal_address.as_ref().map(Address::one_line),
                ),
                (
                    "visiting_address",
                    c.visiting_address.as_ref().map(Address::one_line),
                ),
                ("phone", Some(self.phones(&c.phones))),
                ("email", Some(c.emails.join(", "))),
            ],
        )
    }

    fn phones(&self, phones: &[Phone]) -> String {
        phones
            .iter()
            .map(|p| match &p.label {
                Some(l) => format!("{} ({})", p.number, self.t(l)),
                None => p.number.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Prose as plain lines: a paragraph per line, each list item and each link on its own line.
pub fn prose_lines(prose: &Prose, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in prose {
        match block {
            Block::Paragraph(t) => out.push(t.get(lang).to_owned()),
            Block::List(items) => out.extend(items.iter().map(|i| format!("• {}", i.get(lang)))),
            Block::Links(links) => out.extend(
                links
                    .iter()
                    .map(|l| format!("{} <{}>", l.label.get(lang), l.href)),
            ),
        }
    }
    out
}

fn yes(lang: &str) -> &'static str {
    match primary_subtag(lang) {
        "fi" => "kyllä",
        "sv" => "ja",
        _ => "yes",
    }
}

fn no(lang: &str) -> &'static str {
    match primary_subtag(lang) {
        "fi" => "ei",
        "sv" => "nej",
        _ => "no",
    }
}

/// The reader's name for a field of the outline, in `lang`.
pub fn field_label(name: &str, lang: &str) -> &'static str {
    let [fi, sv, en] = match name {
        "title" => ["Otsikko", "Rubrik", "Title"],
        "languages" => ["Kielet", "Språk", "Languages"],
        "text" => ["Teksti", "Text", "Text"],
        "name" => ["Nimi", "Namn", "Name"],
        "business_id" => ["Y-tunnus", "FO-nummer", "Business ID"],
        "legal_form" => ["Yritysmuoto", "Företagsform", "Legal form"],
        "referred_to_as" => ["Jäljempänä", "Nedan", "Referred to as"],
        "postal_address" => ["Postiosoite", "Postadress", "Postal address"],
        "visiting_address" => ["Käyntiosoite", "Besöksadress", "Visiting address"],
        "phone" => ["Puhelin", "Telefon", "Phone"],
        "email" => ["Sähköposti", "E-post", "Email"],
        "web" => ["Verkkosivut", "Webbplats", "Web site"],
        "contact" => ["Yhteyshenkilö", "Kontaktperson", "Contact"],
        "acts_as" => ["Rooli", "Roll", "Role"],
        "on_behalf_of" => ["Rekisterinpitäjä", "Personuppgiftsansvarig", "On behalf of"],
        "organisation" => ["Organisaatio", "Organisation", "Organisation"],
        "description" => ["Kuvaus", "Beskrivning", "Description"],
        "legal_basis" => ["Oikeusperuste", "Rättslig grund", "Legal basis"],
        "legitimate_interest" => [
            "Oikeutettu etu",
            "Berättigat intresse",
            "Legitimate interest",
        ],
        "condition" => [
            "Erityisten henkilötietoryhmien käsittelyperuste",
            "Villkor för känsliga uppgifter",
            "Special-category condition",
        ],
        "items" => ["Tiedot", "Uppgifter", "Data"],
        "special_category" => [
            "Erityinen henkilötietoryhmä",
            "Särskild kategori",
            "Special category",
        ],
        "publicly_accessible" => ["Julkinen lähde", "Offentlig källa", "Publicly accessible"],
        "role" => ["Rooli", "Roll", "Role"],
        "purpose" => ["Tarkoitus", "Ändamål", "Purpose"],
        "location" => ["Sijainti", "Plats", "Location"],
        "details" => ["Lisätiedot", "Mer information", "Details"],
        "outside_eea" => [
            "Siirtoja EU:n/ETA:n ulkopuolelle",
            "Överföringar utanför EU/EES",
            "Transfers outside the EU/EEA",
        ],
        "recipient" => ["Vastaanottaja", "Mottagare", "Recipient"],
        "country" => ["Maa", "Land", "Country"],
        "safeguard" => ["Suojatoimi", "Skyddsåtgärd", "Safeguard"],
        "data" => ["Tiedot", "Uppgifter", "Data"],
        "all_data" => ["Kaikki tiedot", "Alla uppgifter", "All data"],
        "period" => ["Säilytysaika", "Lagringstid", "Retention period"],
        "min_duration" => ["Vähintään", "Minst", "At least"],
        "max_duration" => ["Enintään", "Högst", "At most"],
        "right" => ["Oikeus", "Rättighet", "Right"],
        "exists" => [
            "Automaattista päätöksentekoa",
            "Automatiserat beslutsfattande",
            "Automated decisions",
        ],
        "kind" => ["Vaatimus", "Krav", "Requirement"],
        "heading" => ["Otsikko", "Rubrik", "Heading"],
        _ => ["", "", ""],
    };
    match primary_subtag(lang) {
        "fi" => fi,
        "sv" => sv,
        _ => en,
    }
}
