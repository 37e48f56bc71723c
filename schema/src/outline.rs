//! A notice flattened, in one language, into sections of keyed entries with labelled fields: the
//! form in which two versions are compared. Keys give entries an identity across versions (a
//! recipient is the same recipient if its name is the same); fields hold what a reader would see.

use crate::duration::humanize;
use crate::headings::SectionId;
use crate::messages::Message;
use crate::notice::Notice;
use crate::party::{Address, Contact, Organisation, Phone, Representative};
use crate::sections::{
    AutomatedDecisions, ChangePolicy, ComplaintAuthority, DataItem, DpoNotAppointed, FreeSection,
    Lawfulness, Profiling, Purpose, Recipients, Register, Requirement, Retention, Rights, Role,
    Security, Sources, SubjectGroup, Transfers,
};
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

/// Names a place code (an ISO 3166-1 alpha-2 country, `EU`, `EEA`) in a language for readers, e.g.
/// `US` → "Yhdysvallat (US)". Country names are CLDR data, which this pure, small crate does not
/// carry: each renderer passes the namer of its runtime (the widget's `i18n::place`), so the change
/// log names a country as the page beside it does.
pub type PlaceNamer = fn(&str, &str) -> String;

/// The [`PlaceNamer`] that keeps the code as it is (tests, and tools with no CLDR data).
pub fn codes(code: &str, _lang: &str) -> String {
    code.to_owned()
}

/// The notice's sections in reading order, each with its entries (empty sections included), with
/// place codes named by `place`.
pub fn outline(n: &Notice, lang: &str, place: PlaceNamer) -> Vec<(SectionId, Vec<Entry>)> {
    SectionId::ORDER
        .into_iter()
        .map(|section| {
            let mut o = Outliner {
                lang,
                place,
                out: Vec::new(),
            };
            if let Some(h) = n.headings.get(section) {
                o.heading(&h.number, &h.text);
            }
            o.section(n, section);
            (section, o.out)
        })
        .collect()
}

/// Collects the entries of one section in one language.
struct Outliner<'a> {
    lang: &'a str,
    place: PlaceNamer,
    out: Vec<Entry>,
}

impl Outliner<'_> {
    /// Which part of the notice each section shows: the one place to add a new section's fields.
    fn section(&mut self, n: &Notice, section: SectionId) {
        match section {
            SectionId::General => self.general(n),
            SectionId::Organisation => self.organisation("organisation", &n.organisation),
            SectionId::Role => self.role(&n.role),
            SectionId::Representative => self.opt(&n.representative, Self::representative),
            SectionId::Contact => self.opt(&n.contact, |o, c| o.contact("contact", c)),
            SectionId::Dpo => {
                self.opt(&n.dpo, |o, c| o.contact("dpo", c));
                self.opt(&n.dpo_not_appointed, Self::dpo_not_appointed);
            }
            SectionId::Register => self.opt(&n.register, Self::register),
            SectionId::Purposes => n.purposes.iter().for_each(|p| self.purpose(p)),
            SectionId::Lawfulness => self.opt(&n.lawfulness, Self::lawfulness),
            SectionId::DataSubjects => n.data_subjects.iter().for_each(|g| self.subjects(g)),
            SectionId::Sources => self.opt(&n.sources, Self::sources),
            SectionId::Recipients => self.opt(&n.recipients, Self::recipients),
            SectionId::Transfers => self.opt(&n.transfers, Self::transfers),
            SectionId::Retention => self.opt(&n.retention, Self::retention),
            SectionId::Security => self.opt(&n.security, Self::security),
            SectionId::Rights => self.opt(&n.rights, Self::rights),
            SectionId::ComplaintAuthority => n
                .complaint_authorities
                .iter()
                .for_each(|a| self.complaint_authority(a)),
            SectionId::AutomatedDecisions => {
                self.opt(&n.automated_decisions, Self::automated_decisions)
            }
            SectionId::Profiling => self.opt(&n.profiling, Self::profiling),
            SectionId::Requirement => self.opt(&n.requirement, Self::requirement),
            SectionId::Changes => self.opt(&n.changes, Self::changes),
            SectionId::Other => n.other_sections.iter().for_each(|s| self.other(s)),
        }
    }

    fn general(&mut self, n: &Notice) {
        let title = self.t(&n.title);
        self.entry(
            "title",
            self.word(Message::Title),
            &[(Message::Title, Some(title))],
        );
        let languages = n.languages.join(", ");
        self.entry(
            "languages",
            self.word(Message::Languages),
            &[(Message::Languages, Some(languages))],
        );
        if let Some(effective) = n.effective {
            self.entry(
                "effective",
                self.field(Message::Effective),
                &[(Message::Effective, Some(effective.localized(self.lang)))],
            );
        }
        self.prose("intro", &n.introduction);
    }

    /// The notice's own heading of a section: its number and words are what cross-references
    /// point at, so a change to them is a change.
    fn heading(&mut self, number: &Option<String>, text: &Text) {
        let text = self.t(text);
        self.entry(
            "heading",
            text.clone(),
            &[
                (Message::Number, number.clone()),
                (Message::Heading, Some(text)),
            ],
        );
    }

    fn representative(&mut self, r: &Representative) {
        self.organisation("representative", &r.organisation());
        let jurisdiction = r.jurisdiction.map(|j| j.label(self.lang).to_owned());
        self.entry(
            "jurisdiction",
            self.word(Message::Jurisdiction),
            &[(Message::Jurisdiction, jurisdiction)],
        );
        self.prose("representative", &r.notes);
    }

    fn dpo_not_appointed(&mut self, d: &DpoNotAppointed) {
        self.entry(
            "no-dpo",
            self.word(Message::DpoNotAppointed),
            &[(Message::DpoNotAppointed, Some(self.word(Message::Yes)))],
        );
        self.prose("no-dpo", &d.reason);
    }

    fn profiling(&mut self, p: &Profiling) {
        let exists = self.yes_no(p.exists);
        self.entry(
            "profiling",
            self.word(Message::Profiling),
            &[(Message::Profiling, Some(exists))],
        );
        self.prose("profiling", &p.description);
    }

    fn changes(&mut self, c: &ChangePolicy) {
        self.prose("changes", &c.description);
        self.entry(
            "advance-notice",
            self.field(Message::AdvanceNoticeDays),
            &[(
                Message::AdvanceNoticeDays,
                c.advance_notice_days.map(|d| d.to_string()),
            )],
        );
        self.prose("notified", &c.how_notified);
    }

    fn role(&mut self, r: &Role) {
        self.entry(
            "role",
            self.word(Message::Role),
            &[
                (Message::Role, Some(r.acts_as.label(self.lang).into())),
                (Message::OnBehalfOf, self.ot(&r.on_behalf_of)),
            ],
        );
        self.prose("role", &r.explanation);
    }

    fn register(&mut self, r: &Register) {
        let name = self.t(&r.name);
        self.entry("register", name.clone(), &[(Message::Name, Some(name))]);
        self.prose("register", &r.description);
    }

    fn purpose(&mut self, p: &Purpose) {
        let name = self.t(&p.name);
        let bases = p
            .legal_bases
            .iter()
            .map(|b| format!("{} ({})", b.label(self.lang), b.article()))
            .collect::<Vec<_>>()
            .join(", ");
        self.entry(
            &format!("purpose:{name}"),
            name.clone(),
            &[
                (Message::Name, Some(name)),
                (Message::Description, Some(self.lines(&p.description))),
                (Message::LegalBasis, Some(bases)),
                (Message::LegitimateInterest, self.ot(&p.legitimate_interest)),
                (
                    Message::SpecialCategoryCondition,
                    p.special_category_condition
                        .map(|c| format!("{} ({})", c.label(self.lang), c.article())),
                ),
                (Message::Law, self.ot(&p.law)),
            ],
        );
    }

    fn lawfulness(&mut self, l: &Lawfulness) {
        for b in &l.legal_bases {
            let label = format!("{} ({})", b.label(self.lang), b.article());
            self.entry(
                &format!("basis:{}", b.id()),
                label.clone(),
                &[(Message::LegalBasis, Some(label))],
            );
        }
        for c in &l.special_category_conditions {
            let label = format!("{} ({})", c.label(self.lang), c.article());
            self.entry(
                &format!("condition:{}", c.id()),
                label.clone(),
                &[(Message::SpecialCategoryConditions, Some(label))],
            );
        }
        self.prose("basis", &l.explanation);
        self.prose("interests", &l.legitimate_interests);
    }

    /// A named group is an entry of its own, so renaming it is a change; its data's keys carry the
    /// group's name, so the same kind of data in two groups are two entries.
    fn subjects(&mut self, g: &SubjectGroup) {
        let group = self.ot(&g.name).unwrap_or_default();
        if !group.is_empty() {
            self.entry(
                &format!("group:{group}"),
                group.clone(),
                &[(Message::Name, Some(group.clone()))],
            );
        }
        self.prose(&format!("group {group}"), &g.description);
        for d in &g.data {
            let name = self.t(&d.name);
            let label = if group.is_empty() {
                name.clone()
            } else {
                format!("{group}: {name}")
            };
            let items = d
                .items
                .iter()
                .map(|i| self.item(i))
                .collect::<Vec<_>>()
                .join("; ");
            let special = d.special_category.then(|| self.word(Message::Yes));
            self.entry(
                &format!("data:{group}/{name}"),
                label,
                &[
                    (Message::Name, Some(name)),
                    (Message::Description, Some(self.lines(&d.description))),
                    (Message::Data, Some(items)),
                    (Message::SpecialCategory, special),
                ],
            );
        }
    }

    fn sources(&mut self, s: &Sources) {
        for src in &s.items {
            let name = self.t(&src.name);
            let public = src.publicly_accessible.then(|| self.word(Message::Yes));
            let supplies = src
                .supplies
                .iter()
                .map(|t| self.t(t))
                .collect::<Vec<_>>()
                .join("; ");
            self.entry(
                &format!("source:{name}"),
                name.clone(),
                &[
                    (Message::Name, Some(name)),
                    (Message::PubliclyAccessible, public),
                    (Message::Supplies, Some(supplies)),
                ],
            );
        }
        self.prose("sources", &s.notes);
    }

    fn recipients(&mut self, r: &Recipients) {
        for rec in &r.items {
            let name = self.t(&rec.name);
            self.entry(
                &format!("recipient:{name}"),
                name.clone(),
                &[
                    (Message::Name, Some(name)),
                    (Message::Role, Some(rec.role.label(self.lang).into())),
                    (Message::Purpose, self.ot(&rec.purpose)),
                    (
                        Message::Location,
                        rec.location.as_deref().map(|c| (self.place)(c, self.lang)),
                    ),
                    (Message::Web, rec.web.clone()),
                    (Message::Details, Some(self.lines(&rec.details))),
                ],
            );
        }
        self.prose("recipients", &r.notes);
    }

    fn transfers(&mut self, tr: &Transfers) {
        let outside = self.yes_no(tr.outside_eea);
        self.entry(
            "outside_eea",
            self.word(Message::TransfersOutsideEea),
            &[(Message::TransfersOutsideEea, Some(outside))],
        );
        for x in &tr.items {
            let who = self.t(&x.recipient);
            let safeguards = x
                .safeguards
                .iter()
                .map(|s| format!("{} ({})", s.label(self.lang), s.article()))
                .collect::<Vec<_>>()
                .join(", ");
            self.entry(
                &format!("transfer:{who}"),
                who.clone(),
                &[
                    (Message::Recipient, Some(who)),
                    (Message::Country, Some((self.place)(&x.country, self.lang))),
                    (Message::Safeguards, Some(safeguards)),
                    (Message::Details, Some(self.lines(&x.details))),
                ],
            );
        }
        self.prose("transfers", &tr.notes);
    }

    fn retention(&mut self, r: &Retention) {
        for rule in &r.rules {
            let data = self
                .ot(&rule.data)
                .unwrap_or_else(|| self.word(Message::AllData));
            let duration = |d: &Option<String>| d.as_deref().map(|d| humanize(d, self.lang));
            self.entry(
                &format!("retention:{data}"),
                data.clone(),
                &[
                    (Message::Data, Some(data)),
                    (Message::RetentionPeriod, Some(self.t(&rule.period))),
                    (Message::AtLeast, duration(&rule.min_duration)),
                    (Message::AtMost, duration(&rule.max_duration)),
                ],
            );
        }
        self.prose("retention", &r.notes);
    }

    fn security(&mut self, s: &Security) {
        self.prose("general", &s.general);
        self.prose("technical", &s.technical);
        self.prose("organisational", &s.organisational);
        self.prose("paper", &s.paper_records);
    }

    fn rights(&mut self, r: &Rights) {
        for right in &r.rights {
            let label = format!("{} ({})", right.label(self.lang), right.article());
            self.entry(
                &format!("right:{}", right.id()),
                label.clone(),
                &[(Message::Right, Some(label))],
            );
        }
        self.prose("rights", &r.notes);
        self.prose("exercise", &r.how_to_exercise);
    }

    fn complaint_authority(&mut self, a: &ComplaintAuthority) {
        let name = self.t(&a.name);
        self.entry(
            &format!("authority:{name}"),
            name.clone(),
            &[
                (Message::Name, Some(name.clone())),
                (Message::Web, a.web.clone()),
                (
                    Message::PostalAddress,
                    a.postal_address.as_ref().map(Address::one_line),
                ),
                (Message::Phone, Some(self.phones(&a.phones))),
                (Message::Email, Some(a.emails.join(", "))),
            ],
        );
        self.prose(&format!("authority {name}"), &a.notes);
    }

    fn automated_decisions(&mut self, a: &AutomatedDecisions) {
        let exists = self.yes_no(a.exists);
        self.entry(
            "automated",
            self.word(Message::AutomatedDecisions),
            &[(Message::AutomatedDecisions, Some(exists))],
        );
        self.prose("automated", &a.description);
    }

    fn requirement(&mut self, r: &Requirement) {
        self.entry(
            "requirement",
            self.word(Message::Requirement),
            &[(Message::Requirement, Some(r.kind.label(self.lang).into()))],
        );
        self.prose("requirement", &r.consequences);
    }

    fn other(&mut self, s: &FreeSection) {
        let heading = self.t(&s.heading);
        self.entry(
            &format!("section:{heading}"),
            heading.clone(),
            &[
                (Message::Number, s.number.clone()),
                (Message::Heading, Some(heading)),
                (Message::Text, Some(self.lines(&s.body))),
            ],
        );
    }

    fn organisation(&mut self, key: &str, o: &Organisation) {
        self.entry(
            key,
            o.name.clone(),
            &[
                (Message::Name, Some(o.name.clone())),
                (Message::BusinessId, o.business_id.clone()),
                (Message::LegalForm, self.ot(&o.legal_form)),
                (Message::ReferredToAs, self.ot(&o.referred_to_as)),
                (
                    Message::PostalAddress,
                    o.postal_address.as_ref().map(Address::one_line),
                ),
                (
                    Message::VisitingAddress,
                    o.visiting_address.as_ref().map(Address::one_line),
                ),
                (Message::Phone, Some(self.phones(&o.phones))),
                (Message::Email, Some(o.emails.join(", "))),
                (Message::Web, o.web.clone()),
            ],
        );
    }

    fn contact(&mut self, key: &str, c: &Contact) {
        let label = c
            .name
            .clone()
            .or_else(|| c.emails.first().cloned())
            .unwrap_or_else(|| self.word(Message::Contact));
        self.entry(
            key,
            label,
            &[
                (Message::Name, c.name.clone()),
                (Message::Title, self.ot(&c.title)),
                (Message::Organisation, c.organisation.clone()),
                (
                    Message::PostalAddress,
                    c.postal_address.as_ref().map(Address::one_line),
                ),
                (
                    Message::VisitingAddress,
                    c.visiting_address.as_ref().map(Address::one_line),
                ),
                (Message::Phone, Some(self.phones(&c.phones))),
                (Message::Email, Some(c.emails.join(", "))),
            ],
        );
    }

    /// A data item, with whether it must be given when the notice says so.
    fn item(&self, i: &DataItem) -> String {
        let name = self.t(&i.name);
        match i.required {
            Some(true) => format!("{name} ({})", self.word(Message::Required)),
            Some(false) => format!("{name} ({})", self.word(Message::Voluntary)),
            None => name,
        }
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

    /// An entry with its labelled fields; fields without a value are left out.
    fn entry(&mut self, key: &str, label: String, fields: &[(Message, Option<String>)]) {
        let fields = fields
            .iter()
            .filter_map(|(name, value)| {
                let value = value.as_ref().filter(|v| !v.is_empty())?;
                Some((self.field(*name), value.clone()))
            })
            .collect();
        self.out.push(Entry {
            key: key.to_owned(),
            label,
            fields,
        });
    }

    /// Each paragraph, list item and link of prose as an entry of its own.
    fn prose(&mut self, part: &str, prose: &Prose) {
        for line in prose_lines(prose, self.lang) {
            self.out.push(Entry {
                key: format!("text:{part}:{line}"),
                label: self.field(Message::Text),
                fields: vec![(self.field(Message::Text), line)],
            });
        }
    }

    fn opt<T>(&mut self, part: &Option<T>, f: impl FnOnce(&mut Self, &T)) {
        if let Some(part) = part {
            f(self, part)
        }
    }

    fn t(&self, text: &Text) -> String {
        text.get(self.lang).to_owned()
    }

    fn ot(&self, text: &Option<Text>) -> Option<String> {
        text.as_ref().map(|t| self.t(t))
    }

    /// Prose on one line, for a field.
    fn lines(&self, prose: &Prose) -> String {
        prose_lines(prose, self.lang).join(" ")
    }

    fn word(&self, m: Message) -> String {
        m.get(self.lang).to_owned()
    }

    /// A field's label: the message, capitalised (some are phrases said after a value).
    fn field(&self, m: Message) -> String {
        capitalised(m.get(self.lang))
    }

    fn yes_no(&self, b: bool) -> String {
        self.word(if b { Message::Yes } else { Message::No })
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

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
