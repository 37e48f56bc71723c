//! A notice version as JSON-LD with W3C Data Privacy Vocabulary (DPV 2) terms, so that tools which
//! know nothing of Seloste's format can read who processes which data, why, on what legal basis,
//! for how long and where it goes.
//!
//! The document is a `dpv:PrivacyNotice` (version, dates, languages, title) that a `dpv:Process`
//! points at with `dpv:hasNotice`. The process carries the controller (or processor), DPO,
//! representative, purposes with their legal bases (DPV's `eu-gdpr` article IRIs), data subjects
//! and personal data, recipients and processors, each third-country transfer as a `dpv:Transfer`
//! sub-process with its safeguard as legal basis, storage durations, rights and the complaint
//! authority. Personal data categories are text (`rdfs:label`): the notices name them in their own
//! words and no automatic match to DPV-PD concepts would be reliable. Every text is a
//! language-tagged string in every language of the notice.
//!
//! The short keys are defined by the versioned context [`CONTEXT_V1`] (committed as
//! `schema/context/v1.jsonld` and served by the edge at `/ns/v1.jsonld`); a new meaning gets a new
//! context version, never an edit of v1.

use serde_json::{json, Map, Value};

use crate::history::Version;
use crate::notice::Notice;
use crate::party::{Address, Contact, Organisation};
use crate::text::{Block, Prose, Text};
use crate::vocab::{RecipientRole, RoleKind};

/// The JSON-LD context, version 1, exactly as served at `/ns/v1.jsonld`.
pub const CONTEXT_V1: &str = include_str!("../context/v1.jsonld");

/// The path the edge serves [`CONTEXT_V1`] at, below its origin.
pub const CONTEXT_V1_PATH: &str = "/ns/v1.jsonld";

/// The media type of JSON-LD.
pub const MEDIA_TYPE: &str = "application/ld+json";

/// The namespace of DPV's location extension (ISO 3166-1 alpha-2 country codes).
const DPV_LOC: &str = "https://w3id.org/dpv/loc#";

/// How the document refers to its `@context`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextRef<'a> {
    /// By URL, e.g. `https://notices.example.com/ns/v1.jsonld` (the edge's answers).
    Url(&'a str),
    /// The context itself, inline: a self-contained file (`seloste export --jsonld`).
    Inline,
}

/// The context's inner object (the value of its `@context` key).
pub fn context_v1() -> Value {
    let doc: Value = serde_json::from_str(CONTEXT_V1).expect("the committed context is JSON");
    doc["@context"].clone()
}

/// Version `version` of a notice as a JSON-LD document. `id` is the version's own URL when it has
/// one (`https://…/{org}/{notice}/v/{n}`); without it the notice is a blank node.
/// The version's pin ([`crate::pin::version_hash`]) is stated as an SPDX checksum.
pub fn version_jsonld(version: &Version, context: ContextRef<'_>, id: Option<&str>) -> Value {
    let hash = crate::pin::version_hash(version);
    version_jsonld_pinned(version, &hash, context, id)
}

/// As [`version_jsonld`], with the version's hash as stored (the edge computes it from the stored
/// JSON, [`crate::pin::stored_version_hash`]).
pub fn version_jsonld_pinned(
    version: &Version,
    hash: &str,
    context: ContextRef<'_>,
    id: Option<&str>,
) -> Value {
    let mut doc = document(&version.notice, Some(version), context, id);
    doc[crate::pin::JSONLD_CHECKSUM] = crate::pin::jsonld_checksum(hash);
    doc
}

/// A notice that is not (yet) a published version, as JSON-LD: everything but the version number,
/// its dates and its change note.
pub fn notice_jsonld(notice: &Notice, context: ContextRef<'_>, id: Option<&str>) -> Value {
    document(notice, None, context, id)
}

fn document(
    notice: &Notice,
    version: Option<&Version>,
    context: ContextRef<'_>,
    id: Option<&str>,
) -> Value {
    let mut doc = Map::new();
    doc.insert(
        "@context".into(),
        match context {
            ContextRef::Url(url) => Value::String(url.to_owned()),
            ContextRef::Inline => context_v1(),
        },
    );
    if let Some(id) = id {
        doc.insert("id".into(), json!(id));
    }
    doc.insert("type".into(), json!("dpv:PrivacyNotice"));
    doc.insert("identifier".into(), json!(notice.id));
    if let Some(version) = version {
        doc.insert("version".into(), json!(version.number));
        doc.insert("issued".into(), json!(version.published.to_string()));
        if let Some(effective) = version.effective {
            doc.insert("valid".into(), json!(effective.to_string()));
        }
    }
    if let Some(updated) = notice.updated {
        doc.insert("modified".into(), json!(updated.to_string()));
    }
    doc.insert("language".into(), json!(notice.languages));
    put_text(&mut doc, "title", &notice.title);
    if let Some(version) = version {
        put_text(&mut doc, "changeNote", &version.summary);
    }
    doc.insert("process".into(), process(notice));
    Value::Object(doc)
}

/// The processing the notice describes.
fn process(n: &Notice) -> Value {
    let mut p = Map::new();
    p.insert("type".into(), json!("dpv:Process"));
    if let Some(register) = &n.register {
        put_text(&mut p, "label", &register.name);
        put_text(&mut p, "description", &prose_text(&register.description));
    }
    match n.role.acts_as {
        RoleKind::Controller => {
            p.insert(
                "controller".into(),
                organisation(&n.organisation, "dpv:DataController"),
            );
        }
        RoleKind::Processor => {
            let mut processors = vec![organisation(&n.organisation, "dpv:DataProcessor")];
            if let Some(for_whom) = &n.role.on_behalf_of {
                let mut c = Map::new();
                c.insert("type".into(), json!("dpv:DataController"));
                put_text(&mut c, "label", for_whom);
                p.insert("controller".into(), Value::Object(c));
            }
            processors.extend(processor_recipients(n));
            p.insert("processor".into(), Value::Array(processors));
        }
    }
    if n.role.acts_as == RoleKind::Controller {
        let processors: Vec<Value> = processor_recipients(n).collect();
        if !processors.is_empty() {
            p.insert("processor".into(), Value::Array(processors));
        }
    }
    if let Some(r) = &n.representative {
        p.insert(
            "representative".into(),
            organisation(&r.organisation(), "dpv:Representative"),
        );
    }
    if let Some(dpo) = &n.dpo {
        p.insert("dpo".into(), contact(dpo, "dpv:DataProtectionOfficer"));
    }
    put_list(
        &mut p,
        "purpose",
        n.purposes.iter().map(|purpose| {
            let mut m = Map::new();
            m.insert("type".into(), json!("dpv:Purpose"));
            put_text(&mut m, "label", &purpose.name);
            let mut description = prose_text(&purpose.description);
            if let Some(interest) = &purpose.legitimate_interest {
                append_lines(&mut description, interest);
            }
            if let Some(law) = &purpose.law {
                append_lines(&mut description, law);
            }
            put_text(&mut m, "description", &description);
            put_iris(
                &mut m,
                "legalBasis",
                purpose
                    .legal_bases
                    .iter()
                    .map(|b| b.dpv_iri())
                    .chain(purpose.special_category_condition.map(|c| c.dpv_iri())),
            );
            Value::Object(m)
        }),
    );
    if let Some(l) = &n.lawfulness {
        let bases = l.legal_bases.iter().map(|b| b.dpv_iri());
        let conditions = l.special_category_conditions.iter().map(|c| c.dpv_iri());
        put_iris(&mut p, "legalBasis", bases.chain(conditions));
    }
    put_list(
        &mut p,
        "dataSubject",
        n.data_subjects.iter().filter_map(|g| {
            let name = g.name.as_ref()?;
            let mut m = Map::new();
            m.insert("type".into(), json!("dpv:DataSubject"));
            put_text(&mut m, "label", name);
            put_text(&mut m, "description", &prose_text(&g.description));
            Some(Value::Object(m))
        }),
    );
    put_list(
        &mut p,
        "personalData",
        n.data_subjects.iter().flat_map(|g| &g.data).map(|d| {
            let mut m = Map::new();
            let class = if d.special_category {
                "dpv:SpecialCategoryPersonalData"
            } else {
                "dpv:PersonalData"
            };
            m.insert("type".into(), json!(class));
            put_text(&mut m, "label", &d.name);
            let items: Vec<Text> = d.items.iter().map(|i| i.name.clone()).collect();
            let mut description = prose_text(&d.description);
            append_lines(&mut description, &lines_text(&items));
            put_text(&mut m, "description", &description);
            Value::Object(m)
        }),
    );
    if let Some(r) = &n.recipients {
        put_list(
            &mut p,
            "recipient",
            r.items.iter().map(|item| {
                let mut m = Map::new();
                m.insert("type".into(), json!(recipient_class(item.role)));
                put_text(&mut m, "label", &item.name);
                if let Some(purpose) = &item.purpose {
                    put_text(&mut m, "description", purpose);
                }
                if let Some(location) = &item.location {
                    m.insert("location".into(), json!(location));
                }
                if let Some(web) = &item.web {
                    m.insert("web".into(), json!(web));
                }
                Value::Object(m)
            }),
        );
    }
    if let Some(t) = &n.transfers {
        put_list(
            &mut p,
            "transfer",
            t.items.iter().map(|item| {
                let mut recipient = Map::new();
                recipient.insert("type".into(), json!("dpv:Recipient"));
                put_text(&mut recipient, "label", &item.recipient);
                let mut m = Map::new();
                m.insert("type".into(), json!("dpv:Process"));
                m.insert("processing".into(), json!("dpv:Transfer"));
                m.insert(
                    "thirdCountry".into(),
                    json!(format!("{DPV_LOC}{}", item.country.to_ascii_uppercase())),
                );
                put_iris(
                    &mut m,
                    "legalBasis",
                    item.safeguards.iter().map(|s| s.dpv_iri()),
                );
                m.insert("recipient".into(), json!([Value::Object(recipient)]));
                put_text(&mut m, "description", &prose_text(&item.details));
                Value::Object(m)
            }),
        );
    }
    if let Some(r) = &n.retention {
        put_list(
            &mut p,
            "storage",
            r.rules.iter().map(|rule| {
                let mut m = Map::new();
                m.insert("type".into(), json!("dpv:StorageDuration"));
                if let Some(data) = &rule.data {
                    put_text(&mut m, "label", data);
                }
                put_text(&mut m, "description", &rule.period);
                if let Some(d) = rule.max_duration.as_ref().or(rule.min_duration.as_ref()) {
                    m.insert("value".into(), json!(d));
                }
                Value::Object(m)
            }),
        );
    }
    if let Some(r) = &n.rights {
        put_iris(&mut p, "right", r.rights.iter().map(|r| r.dpv_iri()));
    }
    put_list(
        &mut p,
        "authority",
        n.complaint_authorities.iter().map(|a| {
            let mut m = Map::new();
            m.insert("type".into(), json!("dpv:Authority"));
            put_text(&mut m, "label", &a.name);
            if let Some(web) = &a.web {
                m.insert("web".into(), json!(web));
            }
            Value::Object(m)
        }),
    );
    Value::Object(p)
}

/// The recipients that process data for the notice's organisation (`dpv:hasDataProcessor` too).
fn processor_recipients(n: &Notice) -> impl Iterator<Item = Value> + '_ {
    n.recipients
        .iter()
        .flat_map(|r| &r.items)
        .filter(|r| r.role == RecipientRole::Processor)
        .map(|r| {
            let mut m = Map::new();
            m.insert("type".into(), json!("dpv:DataProcessor"));
            put_text(&mut m, "label", &r.name);
            Value::Object(m)
        })
}

/// The DPV class of a recipient: its role's IRI in compact form.
fn recipient_class(role: RecipientRole) -> String {
    role.dpv_iri().replace(crate::vocab::DPV, "dpv:")
}

fn organisation(o: &Organisation, class: &str) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), json!(class));
    m.insert("name".into(), json!(o.name));
    if let Some(id) = &o.business_id {
        m.insert("businessId".into(), json!(id));
    }
    put_list(
        &mut m,
        "address",
        addresses(&o.postal_address, &o.visiting_address),
    );
    put_reach(&mut m, &o.emails, o.phones.iter().map(|p| p.tel_uri()));
    if let Some(web) = &o.web {
        m.insert("web".into(), json!(web));
    }
    Value::Object(m)
}

fn contact(c: &Contact, class: &str) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), json!(class));
    if let Some(name) = &c.name {
        m.insert("name".into(), json!(name));
    }
    if let Some(title) = &c.title {
        put_text(&mut m, "label", title);
    }
    put_list(
        &mut m,
        "address",
        addresses(&c.postal_address, &c.visiting_address),
    );
    put_reach(&mut m, &c.emails, c.phones.iter().map(|p| p.tel_uri()));
    Value::Object(m)
}

fn addresses<'a>(
    postal: &'a Option<Address>,
    visiting: &'a Option<Address>,
) -> impl Iterator<Item = Value> + 'a {
    postal
        .iter()
        .chain(visiting.iter())
        .map(|a| Value::String(a.one_line()))
}

fn put_reach(m: &mut Map<String, Value>, emails: &[String], tels: impl Iterator<Item = String>) {
    put_list(
        m,
        "email",
        emails.iter().map(|e| json!(format!("mailto:{e}"))),
    );
    put_list(m, "telephone", tels.map(Value::String));
}

/// A text as a language map (`{"fi": …, "sv": …}`); nothing when it has no text at all.
fn put_text(m: &mut Map<String, Value>, key: &str, text: &Text) {
    let map: Map<String, Value> = text
        .0
        .iter()
        .filter(|(_, s)| !s.trim().is_empty())
        .map(|(lang, s)| (lang.clone(), Value::String(s.clone())))
        .collect();
    if !map.is_empty() {
        m.insert(key.into(), Value::Object(map));
    }
}

fn put_list(m: &mut Map<String, Value>, key: &str, items: impl Iterator<Item = Value>) {
    let items: Vec<Value> = items.collect();
    if !items.is_empty() {
        m.insert(key.into(), Value::Array(items));
    }
}

fn put_iris<'a>(m: &mut Map<String, Value>, key: &str, iris: impl Iterator<Item = &'a str>) {
    let mut all: Vec<&str> = m
        .get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut new: Vec<&str> = iris.collect();
    new.retain(|i| !all.contains(i));
    new.dedup();
    all.extend(new);
    let all: Vec<Value> = all.into_iter().map(|s| json!(s)).collect();
    if !all.is_empty() {
        m.insert(key.into(), Value::Array(all));
    }
}

/// Prose in each language as one text: paragraphs, list items and links one per line.
fn prose_text(prose: &Prose) -> Text {
    let mut out = Text::default();
    for block in prose {
        let parts: Vec<(&String, String)> = match block {
            Block::Paragraph(t) => t.0.iter().map(|(l, s)| (l, s.clone())).collect(),
            Block::List(items) => items
                .iter()
                .flat_map(|i| i.0.iter().map(|(l, s)| (l, s.clone())))
                .collect(),
            Block::Links(links) => links
                .iter()
                .flat_map(|k| {
                    k.label
                        .0
                        .iter()
                        .map(|(l, s)| (l, format!("{s} <{}>", k.href)))
                })
                .collect(),
        };
        for (lang, s) in parts {
            append_line(&mut out, lang, &s);
        }
    }
    out
}

fn append_lines(out: &mut Text, more: &Text) {
    for (lang, s) in &more.0 {
        append_line(out, lang, s);
    }
}

fn append_line(out: &mut Text, lang: &str, s: &str) {
    let line = out.0.entry(lang.to_owned()).or_default();
    if !line.is_empty() {
        line.push('\n');
    }
    line.push_str(s);
}

/// A list of texts as one text per language, an item per line.
fn lines_text(items: &[Text]) -> Text {
    prose_text(&vec![Block::List(items.to_vec())])
}

/// JSON-LD to put inside an HTML `<script type="application/ld+json">` element: `<` becomes
/// `\u003c` (valid JSON, the same data), so no text in the notice can close the element
/// (`</script>`) or open a comment (`<!--`). `>` and `&` are escaped too, for good measure.
pub fn for_script_element(doc: &Value) -> String {
    let json = serde_json::to_string(doc).expect("a JSON value serialises");
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            // Line and paragraph separators are valid in JSON but ended script strings in old JS.
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}
