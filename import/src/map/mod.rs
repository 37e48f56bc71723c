//! From sections to the draft: each section's paragraphs go to the notice's matching part, its
//! facts into fields by the extractors, its own words into that part's prose. A section that fits
//! no part becomes an `other_sections` entry under its original heading; text that a contact block
//! displaced goes to the empty section before it. The draft is built as JSON, so it is read by the
//! schema crate's own parser and new optional schema fields never break it.

mod parts;
mod prose;

use serde_json::{json, Map, Value};

use seloste_schema::vocab::{LegalBasis, Right};

use crate::headings::SectionKey;
use crate::report::{Guess, ImportReport, Placement, SectionPlacement};
use crate::segment::{Para, Segmented};

pub use prose::slug;

/// Everything collected for the draft, filled section by section.
pub(crate) struct Draft<'a> {
    pub lang: &'a str,
    pub report: ImportReport,
    pub introduction: Vec<Value>,
    pub organisation: Option<Map<String, Value>>,
    pub processor: bool,
    pub on_behalf_of: Option<String>,
    pub role_explanation: Vec<Value>,
    pub representative: Option<Map<String, Value>>,
    pub contact: Option<Map<String, Value>>,
    pub dpo: Option<Map<String, Value>>,
    pub register_name: Option<String>,
    pub register_description: Vec<Value>,
    pub purposes: Vec<Value>,
    /// Purposes divided from one sentence: the description they share names no law of theirs.
    pub shared_description: Vec<usize>,
    pub bases: Vec<LegalBasis>,
    pub lawfulness_explanation: Vec<Value>,
    pub legitimate_interests: Vec<Value>,
    pub data_description: Vec<Value>,
    pub data_categories: Vec<Value>,
    pub source_items: Vec<Value>,
    pub source_notes: Vec<Value>,
    pub recipient_items: Vec<Value>,
    pub recipient_notes: Vec<Value>,
    pub transfers: Option<bool>,
    pub transfer_items: Vec<Value>,
    pub transfer_notes: Vec<Value>,
    pub retention_rules: Vec<Value>,
    pub retention_notes: Vec<Value>,
    pub security: [Vec<Value>; 4],
    pub rights: Vec<Right>,
    pub rights_notes: Vec<Value>,
    pub how_to: Vec<Value>,
    pub complaint: Vec<(String, Option<String>)>,
    pub complaint_notes: Vec<Value>,
    pub automated: Option<bool>,
    pub automated_description: Vec<Value>,
    pub requirement: Option<&'static str>,
    pub requirement_consequences: Vec<Value>,
    pub changes: Vec<Value>,
    pub other: Vec<Value>,
    pub headings: Map<String, Value>,
    pub laws: Vec<String>,
    /// Legal bases the preamble states, used when no section does.
    pub intro_bases: Vec<LegalBasis>,
}

pub fn draft(doc: &Segmented, lang: &str) -> (Value, ImportReport) {
    let mut d = Draft::new(lang);
    d.report.left_out = doc.left_out.clone();
    parts::preamble(&mut d, &doc.preamble);
    // An empty section waiting for its text (a contact block may stand between them).
    let mut pending: Option<(SectionKey, String, Option<String>)> = None;
    for s in &doc.sections {
        let went_to = match s.key {
            Some(key) if s.paras.is_empty() => {
                pending = Some((key, s.heading.clone(), s.number.clone()));
                format!("{} (empty here)", key.field())
            }
            Some(key) => {
                let leftover = parts::section(&mut d, key, s.also, &s.heading, &s.paras);
                let mut went = key.field().to_owned();
                if let Some(also) = s.also {
                    went.push_str(&format!(", {}", also.field()));
                }
                if !is_party(key) {
                    pending = None;
                }
                if !leftover.is_empty() {
                    match pending.take() {
                        Some((p, heading, number)) if !is_party(p) => {
                            parts::section(&mut d, p, None, &heading, &leftover);
                            d.keep_heading(p, &heading, number.as_deref());
                            went.push_str(&format!(
                                "; the text after it → {} (under “{heading}”)",
                                p.field()
                            ));
                        }
                        _ => {
                            d.other_section(s.number.as_deref(), &s.heading, &leftover);
                            went.push_str("; its other text → other_sections");
                        }
                    }
                }
                went
            }
            None => {
                d.other_section(s.number.as_deref(), &s.heading, &s.paras);
                "other_sections (a heading of the notice's own)".to_owned()
            }
        };
        // The source's own heading and number, kept for the part it filled.
        if let Some(key) = s.key.filter(|_| !s.paras.is_empty()) {
            d.keep_heading(key, &s.heading, s.number.as_deref());
        }
        d.report.sections.push(SectionPlacement {
            number: s.number.clone(),
            heading: s.heading.clone(),
            went_to,
        });
    }
    parts::finish(&mut d);
    let title = doc.title.clone().unwrap_or_else(|| {
        let t = match lang {
            "sv" => "Dataskyddsbeskrivning",
            "en" => "Privacy notice",
            _ => "Tietosuojaseloste",
        };
        d.guess("title", t, "the source has no title line");
        t.to_owned()
    });
    let value = d.assemble(&title);
    let mut seen = std::collections::BTreeSet::new();
    d.report.free_text.retain(|f| seen.insert(f.clone()));
    (value, d.report)
}

/// The parts of a notice that keep a heading of their own (`headings` in the notice file).
const HEADING_KEYS: &[&str] = &[
    "organisation",
    "role",
    "representative",
    "contact",
    "dpo",
    "register",
    "purposes",
    "lawfulness",
    "data_subjects",
    "sources",
    "recipients",
    "transfers",
    "retention",
    "security",
    "rights",
    "complaint_authorities",
    "automated_decisions",
    "profiling",
    "requirement",
    "changes",
];

fn is_party(key: SectionKey) -> bool {
    matches!(
        key,
        SectionKey::Organisation
            | SectionKey::Processor
            | SectionKey::Contact
            | SectionKey::Dpo
            | SectionKey::Representative
    )
}

impl<'a> Draft<'a> {
    fn new(lang: &'a str) -> Self {
        Draft {
            lang,
            report: ImportReport::default(),
            introduction: vec![],
            organisation: None,
            processor: false,
            on_behalf_of: None,
            role_explanation: vec![],
            representative: None,
            contact: None,
            dpo: None,
            register_name: None,
            register_description: vec![],
            purposes: vec![],
            shared_description: vec![],
            bases: vec![],
            lawfulness_explanation: vec![],
            legitimate_interests: vec![],
            data_description: vec![],
            data_categories: vec![],
            source_items: vec![],
            source_notes: vec![],
            recipient_items: vec![],
            recipient_notes: vec![],
            transfers: None,
            transfer_items: vec![],
            transfer_notes: vec![],
            retention_rules: vec![],
            retention_notes: vec![],
            security: Default::default(),
            rights: vec![],
            rights_notes: vec![],
            how_to: vec![],
            complaint: vec![],
            complaint_notes: vec![],
            automated: None,
            automated_description: vec![],
            requirement: None,
            requirement_consequences: vec![],
            changes: vec![],
            other: vec![],
            headings: Map::new(),
            laws: vec![],
            intro_bases: vec![],
        }
    }

    /// Text in the notice's language.
    pub fn t(&self, s: &str) -> Value {
        json!({ self.lang: s })
    }

    pub fn paragraph(&self, s: &str) -> Value {
        json!({"paragraph": self.t(s)})
    }

    pub fn prose(&self, paras: &[Para]) -> Vec<Value> {
        paras
            .iter()
            .map(|p| match p {
                Para::Lines(lines) => self.paragraph(&lines.join(" ")),
                Para::List(items) => {
                    json!({"list": items.iter().map(|i| self.t(i)).collect::<Vec<_>>()})
                }
            })
            .collect()
    }

    /// Keeps the source's heading (and number) for the part `key` filled; a second heading for the
    /// same part is reported, its text having gone there.
    pub fn keep_heading(&mut self, key: SectionKey, heading: &str, number: Option<&str>) {
        if !HEADING_KEYS.contains(&key.field()) {
            return;
        }
        if self.headings.contains_key(key.field()) {
            self.guess(
                "headings",
                heading,
                "a second heading for the same part: its text went there, the heading is not kept",
            );
            return;
        }
        let mut h = json!({"text": {self.lang: heading}});
        if let Some(n) = number {
            h["number"] = json!(n);
        }
        self.headings.insert(key.field().to_owned(), h);
    }

    pub fn guess(&mut self, path: &str, value: &str, why: &str) {
        self.report.guesses.push(Guess {
            path: path.to_owned(),
            value: value.to_owned(),
            why: why.to_owned(),
        });
    }

    pub fn placed(&mut self, path: &str, value: &str) {
        self.report.placements.push(Placement {
            path: path.to_owned(),
            value: value.to_owned(),
        });
    }

    pub fn other_section(&mut self, number: Option<&str>, heading: &str, paras: &[Para]) {
        if paras.is_empty() {
            return;
        }
        let body = self.prose(paras);
        self.report
            .free_text
            .push(format!("other_sections[{}] “{heading}”", self.other.len()));
        let mut section = json!({"heading": self.t(heading), "body": body});
        if let Some(n) = number {
            section["number"] = json!(n);
        }
        self.other.push(section);
    }

    fn assemble(&mut self, title: &str) -> Value {
        let lang = self.lang;
        let mut n = Map::new();
        n.insert("format".into(), json!(1));
        let org_name = self
            .organisation
            .as_ref()
            .and_then(|o| o.get("name"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        // A short register name names the notice best ("asiakasrekisteri"); a long one, the title.
        let notice_part = self
            .register_name
            .clone()
            .filter(|r| r.split_whitespace().count() <= 4)
            .unwrap_or_else(|| title.to_owned());
        let id = format!(
            "{}/{}",
            slug(&org_name, "organisation"),
            slug(&notice_part, "notice")
        );
        self.guess(
            "id",
            &id,
            "made from the organisation's and the register's names",
        );
        n.insert("id".into(), json!(id));
        n.insert("languages".into(), json!([lang]));
        n.insert("title".into(), self.t(title));
        if let Some(u) = self.report_updated() {
            n.insert("updated".into(), json!(u));
        }
        if !self.headings.is_empty() {
            n.insert("headings".into(), Value::Object(self.headings.clone()));
        }
        put_vec(&mut n, "introduction", &self.introduction);
        let organisation = self.organisation.take().unwrap_or_else(|| {
            let mut m = Map::new();
            m.insert("name".into(), json!("?"));
            m
        });
        if organisation.get("name").and_then(Value::as_str) == Some("?") {
            self.guess(
                "organisation.name",
                "?",
                "no controller's name was found: write it in",
            );
        }
        n.insert("organisation".into(), Value::Object(organisation));
        let mut role = Map::new();
        role.insert(
            "acts_as".into(),
            json!(if self.processor {
                "processor"
            } else {
                "controller"
            }),
        );
        if let Some(b) = &self.on_behalf_of {
            role.insert("on_behalf_of".into(), self.t(b));
        }
        put_vec(&mut role, "explanation", &self.role_explanation);
        n.insert("role".into(), Value::Object(role));
        for (key, value) in [
            ("representative", self.representative.take()),
            ("contact", self.contact.take()),
            ("dpo", self.dpo.take()),
        ] {
            if let Some(v) = value {
                n.insert(key.into(), Value::Object(v));
            }
        }
        if let Some(name) = &self.register_name {
            let mut r = Map::new();
            r.insert("name".into(), self.t(name));
            put_vec(&mut r, "description", &self.register_description);
            n.insert("register".into(), Value::Object(r));
        } else if !self.register_description.is_empty() {
            self.introduction.append(&mut self.register_description);
            put_vec(&mut n, "introduction", &self.introduction);
        }
        put_vec(&mut n, "purposes", &self.purposes);
        let mut law = Map::new();
        if !self.bases.is_empty() {
            law.insert("legal_bases".into(), json!(self.bases));
        }
        put_vec(&mut law, "explanation", &self.lawfulness_explanation);
        put_vec(&mut law, "legitimate_interests", &self.legitimate_interests);
        if !law.is_empty() {
            n.insert("lawfulness".into(), Value::Object(law));
        }
        if !self.data_categories.is_empty() {
            let mut g = Map::new();
            put_vec(&mut g, "description", &self.data_description);
            g.insert("data".into(), json!(self.data_categories));
            n.insert("data_subjects".into(), json!([g]));
        } else if !self.data_description.is_empty() {
            // A group needs its data: the text stays as a section of its own.
            let heading = match lang {
                "sv" => "Personuppgifter som behandlas",
                "en" => "Personal data processed",
                _ => "Käsiteltävät henkilötiedot",
            };
            self.other
                .push(json!({"heading": self.t(heading), "body": self.data_description}));
        }
        section(
            &mut n,
            "sources",
            &[("items", &self.source_items), ("notes", &self.source_notes)],
        );
        section(
            &mut n,
            "recipients",
            &[
                ("items", &self.recipient_items),
                ("notes", &self.recipient_notes),
            ],
        );
        if let Some(outside) = self.transfers {
            let mut t = Map::new();
            t.insert("outside_eea".into(), json!(outside));
            put_vec(&mut t, "items", &self.transfer_items);
            put_vec(&mut t, "notes", &self.transfer_notes);
            n.insert("transfers".into(), Value::Object(t));
        } else if !self.transfer_notes.is_empty() {
            let heading = match lang {
                "sv" => "Överföring utanför EU eller EES",
                "en" => "Transfers outside the EU or EEA",
                _ => "Tietojen siirto EU:n tai ETA:n ulkopuolelle",
            };
            self.other
                .push(json!({"heading": self.t(heading), "body": self.transfer_notes}));
        }
        section(
            &mut n,
            "retention",
            &[
                ("rules", &self.retention_rules),
                ("notes", &self.retention_notes),
            ],
        );
        let [g, t, o, p] = &self.security;
        section(
            &mut n,
            "security",
            &[
                ("general", g),
                ("technical", t),
                ("organisational", o),
                ("paper_records", p),
            ],
        );
        let mut rights = Map::new();
        if !self.rights.is_empty() {
            rights.insert("rights".into(), json!(self.rights));
        }
        put_vec(&mut rights, "notes", &self.rights_notes);
        put_vec(&mut rights, "how_to_exercise", &self.how_to);
        if !rights.is_empty() {
            n.insert("rights".into(), Value::Object(rights));
        }
        if !self.complaint.is_empty() {
            let mut all = Vec::new();
            for (i, (name, web)) in self.complaint.iter().enumerate() {
                let mut c = Map::new();
                c.insert("name".into(), self.t(name));
                if let Some(w) = web {
                    c.insert("web".into(), json!(w));
                }
                if i == 0 {
                    put_vec(&mut c, "notes", &self.complaint_notes);
                }
                all.push(Value::Object(c));
            }
            n.insert("complaint_authorities".into(), json!(all));
        }
        if let Some(exists) = self.automated {
            let mut a = Map::new();
            a.insert("exists".into(), json!(exists));
            put_vec(&mut a, "description", &self.automated_description);
            n.insert("automated_decisions".into(), Value::Object(a));
        }
        if let Some(kind) = self.requirement {
            let mut r = Map::new();
            r.insert("kind".into(), json!(kind));
            put_vec(&mut r, "consequences", &self.requirement_consequences);
            n.insert("requirement".into(), Value::Object(r));
        }
        if !self.changes.is_empty() {
            n.insert("changes".into(), json!({"description": self.changes}));
        }
        put_vec(&mut n, "other_sections", &self.other);
        Value::Object(n)
    }

    fn report_updated(&self) -> Option<String> {
        self.report
            .placements
            .iter()
            .find(|p| p.path == "updated")
            .map(|p| p.value.clone())
    }
}

fn put_vec(m: &mut Map<String, Value>, key: &str, v: &[Value]) {
    if !v.is_empty() {
        m.insert(key.into(), json!(v));
    }
}

fn section(n: &mut Map<String, Value>, key: &str, fields: &[(&str, &Vec<Value>)]) {
    let mut m = Map::new();
    for (k, v) in fields {
        put_vec(&mut m, k, v);
    }
    if !m.is_empty() {
        n.insert(key.into(), Value::Object(m));
    }
}
