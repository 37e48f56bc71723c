//! The JSON-LD that `seloste export --jsonld` writes (and the edge serves), read by an independent
//! JSON-LD processor: Python's `pyld` expands every example to RDF (N-Quads), with a document
//! loader that serves the committed context (`schema/context/v1.jsonld`) for the context URL and
//! refuses every other URL (no network). The triples for the controller, each legal basis IRI,
//! each recipient, each transfer's safeguard and each retention period must be there, with the
//! notice's text in every language as language-tagged literals. `cargo xtask test` installs pyld.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use common::{root, seloste, temp_file, REAL};
use seloste_schema::{Notice, Version};

const HISTORY: &str = "examples/pohjantahti-asiakasrekisteri.history.json";
const CONTEXT_URL: &str = "https://seloste.invalid/ns/v1.jsonld";

const DPV: &str = "https://w3id.org/dpv#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_VALUE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const DCT_DESCRIPTION: &str = "http://purl.org/dc/terms/description";
const XSD_DURATION: &str = "http://www.w3.org/2001/XMLSchema#duration";

/// One RDF term as N-Quads writes it, unescaped: `<iri>`, `_:b0`, or a literal with its language
/// tag or datatype.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Term {
    Iri(String),
    Blank(String),
    Literal {
        value: String,
        lang: Option<String>,
        datatype: Option<String>,
    },
}

type Triple = (Term, String, Term);

/// Runs pyld on `files` (JSON-LD documents citing [`CONTEXT_URL`]) and returns each file's triples.
fn to_rdf(files: &[String]) -> Vec<Vec<Triple>> {
    let script = r##"
import json, sys
from pyld import jsonld
CONTEXT_URL, CONTEXT_FILE = sys.argv[1], sys.argv[2]
def loader(url, options=None):
    if url != CONTEXT_URL:
        raise RuntimeError("no network in this test: " + url)
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.load(open(CONTEXT_FILE, encoding="utf-8"))}
jsonld.set_document_loader(loader)
for path in sys.argv[3:]:
    doc = json.load(open(path, encoding="utf-8"))
    quads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    sys.stdout.write("# " + path + "\n" + quads)
"##;
    let context = root().join("schema/context/v1.jsonld");
    let out = Command::new("python3")
        .current_dir(root())
        .arg("-c")
        .arg(script)
        .arg(CONTEXT_URL)
        .arg(&context)
        .args(files)
        .output()
        .expect("python3 runs (cargo xtask test installs pyld)");
    let stdout = String::from_utf8(out.stdout).expect("N-Quads are UTF-8");
    assert!(
        out.status.success(),
        "pyld failed (cargo xtask test installs it: pip install pyld):\n{}{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let mut docs: Vec<Vec<Triple>> = Vec::new();
    for line in stdout.lines() {
        if line.starts_with("# ") {
            docs.push(Vec::new());
        } else if !line.is_empty() {
            docs.last_mut()
                .expect("a file header first")
                .push(parse_line(line));
        }
    }
    assert_eq!(docs.len(), files.len(), "{stdout}");
    docs
}

fn parse_line(line: &str) -> Triple {
    let mut rest = line;
    let s = term(&mut rest);
    let Term::Iri(p) = term(&mut rest) else {
        panic!("a predicate is an IRI: {line}")
    };
    let o = term(&mut rest);
    assert_eq!(rest.trim(), ".", "a triple in the default graph: {line}");
    (s, p, o)
}

fn term(rest: &mut &str) -> Term {
    let s = rest.trim_start();
    if let Some(r) = s.strip_prefix('<') {
        let end = r.find('>').expect("an IRI ends");
        *rest = &r[end + 1..];
        Term::Iri(r[..end].to_owned())
    } else if let Some(r) = s.strip_prefix("_:") {
        let end = r.find(' ').unwrap_or(r.len());
        *rest = &r[end..];
        Term::Blank(r[..end].to_owned())
    } else if let Some(r) = s.strip_prefix('"') {
        let mut value = String::new();
        let mut chars = r.char_indices();
        let end = loop {
            let (i, c) = chars.next().expect("a literal ends");
            match c {
                '"' => break i,
                '\\' => {
                    let (_, e) = chars.next().expect("an escape");
                    match e {
                        'n' => value.push('\n'),
                        'r' => value.push('\r'),
                        't' => value.push('\t'),
                        'u' => {
                            let hex: String = (0..4).map(|_| chars.next().unwrap().1).collect();
                            value.push(
                                char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap(),
                            );
                        }
                        other => value.push(other),
                    }
                }
                c => value.push(c),
            }
        };
        let mut after = &r[end + 1..];
        let (mut lang, mut datatype) = (None, None);
        if let Some(l) = after.strip_prefix('@') {
            let e = l.find(' ').unwrap_or(l.len());
            lang = Some(l[..e].to_owned());
            after = &l[e..];
        } else if let Some(d) = after.strip_prefix("^^<") {
            let e = d.find('>').unwrap();
            datatype = Some(d[..e].to_owned());
            after = &d[e + 1..];
        }
        *rest = after;
        Term::Literal {
            value,
            lang,
            datatype,
        }
    } else {
        panic!("an N-Quads term: {s}")
    }
}

fn iri(s: &str) -> Term {
    Term::Iri(s.to_owned())
}

fn lit(value: &str, lang: &str) -> Term {
    Term::Literal {
        value: value.to_owned(),
        lang: Some(lang.to_owned()),
        datatype: None,
    }
}

fn plain(value: &str) -> Term {
    Term::Literal {
        value: value.to_owned(),
        lang: None,
        datatype: None,
    }
}

/// The graph of one document, with the questions the assertions ask.
struct Graph(Vec<Triple>);

impl Graph {
    fn objects(&self, s: &Term, p: &str) -> BTreeSet<Term> {
        self.0
            .iter()
            .filter(|(ts, tp, _)| ts == s && tp == p)
            .map(|(_, _, o)| o.clone())
            .collect()
    }

    fn subjects(&self, p: &str, o: &Term) -> Vec<Term> {
        self.0
            .iter()
            .filter(|(_, tp, to)| tp == p && to == o)
            .map(|(s, _, _)| s.clone())
            .collect()
    }

    fn has(&self, s: &Term, p: &str, o: &Term) -> bool {
        self.0
            .iter()
            .any(|(ts, tp, to)| ts == s && tp == p && to == o)
    }

    /// The one subject typed `class` (e.g. the process, the notice).
    fn the(&self, class: &str) -> Term {
        let all = self.subjects(RDF_TYPE, &iri(class));
        assert_eq!(all.len(), 1, "one {class}: {all:?}");
        all[0].clone()
    }
}

fn dpv(term: &str) -> String {
    format!("{DPV}{term}")
}

/// Every translation of `text` is a language-tagged literal of `s` under `p`.
#[track_caller]
fn has_text(g: &Graph, s: &Term, p: &str, text: &seloste_schema::Text, what: &str) {
    for (lang, value) in &text.0 {
        assert!(
            g.has(s, p, &lit(value, lang)),
            "{what}: `{value}`@{lang} missing under <{p}>"
        );
    }
}

fn check(file: &str, notice: &Notice, version: Option<&Version>, g: &Graph) {
    let notice_node = g.the(&dpv("PrivacyNotice"));
    let processes = g.subjects(&dpv("hasNotice"), &notice_node);
    assert_eq!(processes.len(), 1, "{file}: one process has the notice");
    let process = processes[0].clone();
    assert!(g.has(&process, RDF_TYPE, &iri(&dpv("Process"))), "{file}");
    has_text(
        g,
        &notice_node,
        "http://purl.org/dc/terms/title",
        &notice.title,
        file,
    );
    if let Some(v) = version {
        let number = Term::Literal {
            value: v.number.to_string(),
            lang: None,
            datatype: Some("http://www.w3.org/2001/XMLSchema#integer".into()),
        };
        assert!(
            g.has(&notice_node, "http://schema.org/version", &number),
            "{file}"
        );
        // The version's pin: an spdx:Checksum with the SHA-256 algorithm and the hash as
        // xsd:hexBinary, the hash being the one the schema crate computes.
        const SPDX: &str = "http://spdx.org/rdf/terms#";
        let checksums = g.objects(&notice_node, &format!("{SPDX}checksum"));
        assert_eq!(checksums.len(), 1, "{file}: one checksum");
        let checksum = checksums.into_iter().next().unwrap();
        assert!(g.has(&checksum, RDF_TYPE, &iri(&format!("{SPDX}Checksum"))));
        assert!(g.has(
            &checksum,
            &format!("{SPDX}algorithm"),
            &iri(&format!("{SPDX}checksumAlgorithm_sha256"))
        ));
        let value = Term::Literal {
            value: seloste_schema::pin::version_hash(v),
            lang: None,
            datatype: Some("http://www.w3.org/2001/XMLSchema#hexBinary".into()),
        };
        assert!(
            g.has(&checksum, &format!("{SPDX}checksumValue"), &value),
            "{file}: the pin's triple"
        );
    }

    // The controller (or, for a processor's notice, the processor) and its name.
    let role = match notice.role.acts_as {
        seloste_schema::vocab::RoleKind::Controller => "hasDataController",
        seloste_schema::vocab::RoleKind::Processor => "hasDataProcessor",
    };
    let named = g
        .objects(&process, &dpv(role))
        .into_iter()
        .any(|o| g.has(&o, &dpv("hasName"), &plain(&notice.organisation.name)));
    assert!(named, "{file}: {role} {} missing", notice.organisation.name);

    // Each legal basis, per purpose and in the lawfulness section, as its GDPR article IRI.
    for purpose in &notice.purposes {
        let node = g
            .subjects(RDF_TYPE, &iri(&dpv("Purpose")))
            .into_iter()
            .find(|p| {
                purpose
                    .name
                    .0
                    .iter()
                    .all(|(l, v)| g.has(p, RDFS_LABEL, &lit(v, l)))
            })
            .unwrap_or_else(|| panic!("{file}: purpose {:?} missing", purpose.name));
        assert!(g.has(&process, &dpv("hasPurpose"), &node));
        for basis in &purpose.legal_bases {
            assert!(
                g.has(&node, &dpv("hasLegalBasis"), &iri(basis.dpv_iri())),
                "{file}: {} missing",
                basis.dpv_iri()
            );
        }
    }
    if let Some(l) = &notice.lawfulness {
        let bases = l.legal_bases.iter().map(|b| b.dpv_iri());
        for basis in bases.chain(l.special_category_conditions.iter().map(|c| c.dpv_iri())) {
            assert!(
                g.has(&process, &dpv("hasLegalBasis"), &iri(basis)),
                "{file}: {basis} missing"
            );
        }
    }

    // Each recipient, with its role's DPV class and its name in every language.
    for r in notice.recipients.iter().flat_map(|r| &r.items) {
        let found = g
            .objects(&process, &dpv("hasRecipient"))
            .into_iter()
            .any(|o| {
                g.has(&o, RDF_TYPE, &iri(r.role.dpv_iri()))
                    && r.name
                        .0
                        .iter()
                        .all(|(l, v)| g.has(&o, RDFS_LABEL, &lit(v, l)))
            });
        assert!(found, "{file}: recipient {:?} missing", r.name);
    }

    // Each transfer: a transfer to its third country with each of its safeguards as legal basis.
    for t in notice.transfers.iter().flat_map(|t| &t.items) {
        let found = g
            .objects(&process, &dpv("hasProcess"))
            .into_iter()
            .any(|o| {
                g.has(&o, &dpv("hasProcessing"), &iri(&dpv("Transfer")))
                    && t.safeguards
                        .iter()
                        .all(|s| g.has(&o, &dpv("hasLegalBasis"), &iri(s.dpv_iri())))
                    && g.has(
                        &o,
                        &dpv("hasThirdCountry"),
                        &iri(&format!("https://w3id.org/dpv/loc#{}", t.country)),
                    )
            });
        assert!(found, "{file}: transfer to {} missing", t.country);
    }

    // Each retention period: a storage duration with the period's words and its ISO 8601 value.
    for rule in notice.retention.iter().flat_map(|r| &r.rules) {
        let found = g
            .objects(&process, &dpv("hasStorageCondition"))
            .into_iter()
            .any(|o| {
                g.has(&o, RDF_TYPE, &iri(&dpv("StorageDuration")))
                    && rule
                        .period
                        .0
                        .iter()
                        .all(|(l, v)| g.has(&o, DCT_DESCRIPTION, &lit(v, l)))
                    && rule
                        .max_duration
                        .as_ref()
                        .or(rule.min_duration.as_ref())
                        .is_none_or(|d| {
                            let value = Term::Literal {
                                value: d.clone(),
                                lang: None,
                                datatype: Some(XSD_DURATION.into()),
                            };
                            g.has(&o, RDF_VALUE, &value)
                        })
            });
        assert!(found, "{file}: retention {:?} missing", rule.period);
    }

    // Each right, as its GDPR article IRI.
    for right in notice.rights.iter().flat_map(|r| &r.rights) {
        assert!(
            g.has(&process, &dpv("hasRight"), &iri(right.dpv_iri())),
            "{file}"
        );
    }
}

fn export(spec: &str, name: &str) -> String {
    let out = seloste(&["export", "--jsonld", spec, "--context", CONTEXT_URL]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    temp_file("jsonld-rdf", name, &out.stdout)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn pyld_expands_every_example_to_the_dpv_triples_of_its_notice() {
    let mut files = Vec::new();
    let mut expected: Vec<(String, Notice, Option<Version>)> = Vec::new();
    for name in REAL {
        let path = format!("examples/{name}.json");
        let text = std::fs::read_to_string(root().join(&path)).unwrap();
        let notice: Notice = serde_json::from_str(&text).unwrap();
        files.push(export(
            &root().join(&path).to_string_lossy(),
            &format!("{name}.jsonld"),
        ));
        expected.push((path, notice, None));
    }
    let text = std::fs::read_to_string(root().join(HISTORY)).unwrap();
    let history: seloste_schema::History = serde_json::from_str(&text).unwrap();
    for v in history.versions() {
        let spec = format!("{}@{}", root().join(HISTORY).display(), v.number);
        files.push(export(&spec, &format!("history-{}.jsonld", v.number)));
        expected.push((spec, v.notice.clone(), Some(v.clone())));
    }

    let graphs = to_rdf(&files);
    let mut triples = 0;
    for ((file, notice, version), triples_of_file) in expected.iter().zip(graphs) {
        triples += triples_of_file.len();
        check(file, notice, version.as_ref(), &Graph(triples_of_file));
    }
    assert!(
        triples > 500,
        "only {triples} triples from {} files",
        files.len()
    );
}

/// The file `seloste export --jsonld` writes by default (the context inline) is the same graph as
/// the one citing the served context.
#[test]
fn the_inline_context_gives_the_same_graph_as_the_served_one() {
    let spec = root().join("examples/kaarea-asiakasrekisteri.json");
    let cited = export(&spec.to_string_lossy(), "kaarea-cited.jsonld");
    let out = seloste(&["export", "--jsonld", &spec.to_string_lossy()]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        doc["@context"].is_object(),
        "the context is inline by default"
    );
    let inline = temp_file("jsonld-rdf", "kaarea-inline.jsonld", &out.stdout);
    let graphs = to_rdf(&[cited, inline.to_string_lossy().into_owned()]);
    let sorted = |g: &Vec<Triple>| g.iter().cloned().collect::<BTreeSet<_>>();
    assert!(!graphs[0].is_empty());
    assert_eq!(sorted(&graphs[0]), sorted(&graphs[1]));
}
