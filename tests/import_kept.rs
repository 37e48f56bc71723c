//! Nothing is lost: every sentence of every import fixture (the five real originals and the
//! notices under `tests/fixtures/import/`, a `.docx` among them made here with the `zip` writer)
//! appears in the draft as readers see it — rendered by the widget's server-side components, as
//! `seloste render` does — compared as normalised words. A line the importer took into fields is
//! kept when each of its words (label words aside) is on the page; the source's own headings are
//! kept in the draft's `headings` or `other_sections`.

mod common;

use std::path::{Path, PathBuf};

use common::{root, REAL};
use seloste_import::extract::contact::LABEL_WORDS;
use seloste_import::sentences::{split, words};
use seloste_import::source::{self, Piece};
use seloste_import::{import, Hint, Imported};
use seloste_widget::{notice_html, PageContext};

/// Every fixture: the five originals and the files under tests/fixtures/import/.
fn fixtures() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = REAL
        .iter()
        .map(|n| root().join(format!("tests/fixtures/originals/{n}.txt")))
        .collect();
    let dir = root().join("tests/fixtures/import");
    let mut own: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e != "md" || !p.ends_with("README.md"))
        })
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    own.sort();
    out.extend(own);
    out
}

fn run(path: &Path, bytes: &[u8]) -> Imported {
    let name = path.file_name().unwrap().to_str().unwrap();
    import(
        bytes,
        &Hint {
            file_name: Some(name),
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The visible text of rendered HTML: tags dropped, entities decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

fn rendered_words(imported: &Imported) -> Vec<String> {
    let n = &imported.notice;
    let ctx = PageContext {
        base_url: String::new(),
        version: None,
        published: None,
        languages_href: true,
        changelog_href: None,
    };
    let html = futures_executor::block_on(notice_html(n, n.main_language(), &ctx));
    words(&visible_text(&html))
}

fn contains_run(hay: &[String], needle: &[String]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}

const CONJUNCTIONS: [&str; 8] = ["ja", "sekä", "och", "samt", "and", "or", "tai", "eller"];

/// The source's paragraphs and list items (headings left out) as the importer read them; `true`
/// marks a list item.
fn paragraphs(pieces: &[Piece]) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for p in pieces {
        match p {
            Piece::Line(t) => cur.push(t.clone()),
            // Each list item stands alone (an item is not a sentence of its neighbour).
            Piece::Item(t) => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), false));
                }
                out.push((vec![t.clone()], true));
            }
            Piece::Heading { .. } | Piece::Break => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), false));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push((cur, false));
    }
    out
}

/// Whether an empty section received text later (text a contact block displaced): then its
/// heading must be in the draft too.
fn draft_mentions_later(report: &seloste_import::ImportReport, heading: &str) -> bool {
    report
        .sections
        .iter()
        .any(|s| s.went_to.contains(&format!("(under “{heading}”)")))
}

/// What of one fixture did not reach the page.
fn lost(path: &Path, bytes: &[u8]) -> Vec<String> {
    let imported = run(path, bytes);
    let page = rendered_words(&imported);
    let report = &imported.report;
    let draft = imported.draft.to_string();
    let format = source::detect(bytes, path.file_name().and_then(|n| n.to_str()));
    let pieces = source::read(bytes, format).unwrap();
    let headings: Vec<String> = report
        .sections
        .iter()
        .flat_map(|s| {
            let numbered = s.number.as_ref().map(|n| format!("{n} {}", s.heading));
            [Some(s.heading.clone()), numbered].into_iter().flatten()
        })
        .map(|h| words(&h).join(" "))
        .collect();
    let title = imported
        .notice
        .title
        .get(imported.notice.main_language())
        .to_owned();
    let mut missing = Vec::new();
    // Headings: each section's heading is kept in the draft (`headings`, `other_sections`) or
    // is one more heading of a part that already has one (reported as such).
    for s in &report.sections {
        let kept = draft.contains(&serde_json::to_string(&s.heading).unwrap())
            || report
                .guesses
                .iter()
                .any(|g| g.path == "headings" && g.value == s.heading)
            || (s.went_to.contains("empty here") && !draft_mentions_later(report, &s.heading));
        if !kept {
            missing.push(format!("heading “{}”", s.heading));
        }
    }
    for (para, is_item) in paragraphs(&pieces) {
        let mut rest = Vec::new();
        for line in para {
            // "Personuppgiftsansvarig: Vasa Vävstuga Ab, …": a heading with its value on one
            // line; the heading is checked above, the value as a line of its own.
            let line = match line.split_once(": ") {
                Some((head, value)) if report.sections.iter().any(|s| s.heading == head.trim()) => {
                    value.trim().to_owned()
                }
                _ => line,
            };
            let w = words(&line);
            // The title line is the page's main heading.
            let is_heading = headings.contains(&w.join(" ")) || w == words(&title);
            if is_heading || report.left_out.contains(&line) {
                continue;
            }
            if report.used_lines.contains(&line) {
                for word in &w {
                    // Dates are shown in the reader's format: "2024-09-01" reads "1.9.2024".
                    let number = word.trim_start_matches('0');
                    let on_page = page.contains(word) || page.iter().any(|p| p == number);
                    if !LABEL_WORDS.contains(&word.as_str()) && !on_page {
                        missing.push(format!("“{word}” of the line “{line}”"));
                    }
                }
                continue;
            }
            rest.push(line);
        }
        for sentence in split(&rest.join(" ")) {
            let mut w = words(&sentence);
            // A list item's dangling conjunction ("…, ja") is dropped from its name.
            if is_item && w.len() > 1 && CONJUNCTIONS.contains(&w[w.len() - 1].as_str()) {
                w.pop();
            }
            if !contains_run(&page, &w) {
                missing.push(format!("“{sentence}”"));
            }
        }
    }
    // Left out is only page furniture: a few words before the title.
    for l in &report.left_out {
        if l.split_whitespace().count() > 3 {
            missing.push(format!("left out: “{l}”"));
        }
    }
    missing
}

#[test]
fn every_sentence_of_every_fixture_is_in_the_rendered_draft() {
    let mut failures = Vec::new();
    let mut files = 0;
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        files += 1;
        for m in lost(&path, &bytes) {
            failures.push(format!("{}: {m}", path.display()));
        }
    }
    let docx = import_docx::sample_docx();
    for m in lost(Path::new("generated.docx"), &docx) {
        failures.push(format!("generated.docx: {m}"));
    }
    assert!(files >= 10, "only {files} fixtures");
    assert!(failures.is_empty(), "lost:\n{}", failures.join("\n"));
}

#[test]
fn a_lost_sentence_is_noticed() {
    // The check itself: a sentence missing from the page is reported.
    let page = words("Tietoja ei siirretä EU:n ulkopuolelle.");
    assert!(contains_run(&page, &words("Tietoja ei siirretä")));
    assert!(!contains_run(&page, &words("Tietoja siirretään")));
}

#[path = "import_docx.rs"]
mod import_docx;

/// The structured facts of a notice (no prose), each as "field = value", for the agreement table.
fn facts(n: &serde_json::Value) -> Vec<(&'static str, String)> {
    use serde_json::Value;
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let s = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.split_whitespace().collect::<Vec<_>>().join(" ")),
            Value::Bool(b) => Some(b.to_string()),
            Value::Object(m) => m
                .values()
                .next()
                .and_then(|x| x.as_str())
                .map(str::to_owned),
            _ => None,
        }
    };
    let address = |a: &Value| -> Option<String> {
        a.is_object().then(|| {
            format!(
                "{}, {} {}",
                a["street"].as_str().unwrap_or(""),
                a["postal_code"].as_str().unwrap_or(""),
                a["city"].as_str().unwrap_or("")
            )
        })
    };
    for (field, party) in [
        ("organisation", &n["organisation"]),
        ("contact", &n["contact"]),
        ("dpo", &n["dpo"]),
    ] {
        for key in [
            "name",
            "business_id",
            "legal_form",
            "referred_to_as",
            "title",
            "organisation",
            "web",
        ] {
            if let Some(v) = s(&party[key]) {
                out.push((leak(format!("{field}.{key}")), v));
            }
        }
        for key in ["postal_address", "visiting_address"] {
            if let Some(v) = address(&party[key]) {
                out.push((leak(format!("{field}.{key}")), v));
            }
        }
        for p in party["phones"].as_array().into_iter().flatten() {
            out.push((
                leak(format!("{field}.phones")),
                s(&p["number"]).unwrap_or_default(),
            ));
            if let Some(l) = s(&p["label"]) {
                out.push((leak(format!("{field}.phones.label")), l));
            }
        }
        for e in party["emails"].as_array().into_iter().flatten() {
            out.push((leak(format!("{field}.emails")), s(e).unwrap_or_default()));
        }
    }
    let single: [(&'static str, &Value); 6] = [
        ("updated", &n["updated"]),
        ("role.acts_as", &n["role"]["acts_as"]),
        ("role.on_behalf_of", &n["role"]["on_behalf_of"]),
        ("register.name", &n["register"]["name"]),
        ("transfers.outside_eea", &n["transfers"]["outside_eea"]),
        (
            "automated_decisions.exists",
            &n["automated_decisions"]["exists"],
        ),
    ];
    for (k, v) in single {
        if let Some(v) = s(v) {
            out.push((k, v));
        }
    }
    for b in n["lawfulness"]["legal_bases"]
        .as_array()
        .into_iter()
        .flatten()
    {
        out.push(("lawfulness.legal_bases", s(b).unwrap_or_default()));
    }
    for r in n["rights"]["rights"].as_array().into_iter().flatten() {
        out.push(("rights.rights", s(r).unwrap_or_default()));
    }
    for r in n["retention"]["rules"].as_array().into_iter().flatten() {
        for k in ["min_duration", "max_duration"] {
            if let Some(v) = s(&r[k]) {
                out.push(("retention.durations", v));
            }
        }
    }
    for r in n["recipients"]["items"].as_array().into_iter().flatten() {
        out.push(("recipients.roles", s(&r["role"]).unwrap_or_default()));
    }
    let authorities = if n["complaint_authorities"].is_array() {
        n["complaint_authorities"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    } else if n["complaint_authority"].is_object() {
        vec![n["complaint_authority"].clone()]
    } else {
        vec![]
    };
    for a in &authorities {
        if let Some(v) = s(&a["web"]) {
            out.push(("complaint_authorities.web", v));
        }
        if let Some(v) = s(&a["name"]) {
            out.push(("complaint_authorities.name", v));
        }
    }
    out
}

/// Named things of lists (purposes, data categories and items, sources, recipients): names the
/// transcriber put in their basic form, compared as written.
fn names(n: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    let text = |v: &serde_json::Value| {
        v.as_object()
            .and_then(|m| m.values().next())
            .and_then(|x| x.as_str())
            .map(str::to_owned)
    };
    for p in n["purposes"].as_array().into_iter().flatten() {
        out.extend(text(&p["name"]));
    }
    for g in n["data_subjects"].as_array().into_iter().flatten() {
        for c in g["data"].as_array().into_iter().flatten() {
            out.extend(text(&c["name"]));
            for i in c["items"].as_array().into_iter().flatten() {
                out.extend(text(i).or_else(|| text(&i["name"])));
            }
        }
    }
    for key in ["sources", "recipients"] {
        for s in n[key]["items"].as_array().into_iter().flatten() {
            out.extend(text(&s["name"]));
        }
    }
    out
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// How many of `expected` are in `got`, each matched once.
fn matched<T: PartialEq + Clone>(expected: &[T], got: &[T]) -> usize {
    let mut pool = got.to_vec();
    expected
        .iter()
        .filter(|e| {
            pool.iter()
                .position(|g| g == *e)
                .map(|i| pool.remove(i))
                .is_some()
        })
        .count()
}

/// The agreement table of import/README.md: each real original imported and compared with its hand
/// transcription in `examples/`, fact by fact. Run with
/// `cargo test --test import_kept agreement -- --nocapture` to see it.
#[test]
fn agreement_with_the_hand_transcriptions() {
    let mut rows = Vec::new();
    let (mut all_e, mut all_m, mut all_ne, mut all_nm) = (0, 0, 0, 0);
    let mut by_field: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for name in REAL {
        let path = root().join(format!("tests/fixtures/originals/{name}.txt"));
        let bytes = std::fs::read(&path).unwrap();
        let imported = run(&path, &bytes);
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root().join(format!("examples/{name}.json"))).unwrap(),
        )
        .unwrap();
        let (e, g) = (facts(&expected), facts(&imported.draft));
        for (field, value) in &e {
            let entry = by_field.entry(field).or_default();
            entry.0 += 1;
            let hit = matched(&[(*field, value.clone())], &g) == 1;
            entry.1 += usize::from(hit);
        }
        let m = matched(&e, &g);
        let (ne, ng) = (names(&expected), names(&imported.draft));
        let nm = matched(&ne, &ng);
        let lost = lost(&path, &bytes).len();
        rows.push(format!(
            "| {name} | {m} / {} ({:.0} %) | {} | {nm} / {} | {} |",
            e.len(),
            100.0 * m as f64 / e.len() as f64,
            g.len().saturating_sub(m),
            ne.len(),
            if lost == 0 {
                "100 %".to_owned()
            } else {
                format!("{lost} lost")
            }
        ));
        all_e += e.len();
        all_m += m;
        all_ne += ne.len();
        all_nm += nm;
    }
    let share = 100.0 * all_m as f64 / all_e as f64;
    println!("| original | structured facts agreeing | extra facts in the draft | list names as transcribed | text kept |");
    println!("| --- | --- | --- | --- | --- |");
    for r in &rows {
        println!("{r}");
    }
    println!(
        "| **all five** | **{all_m} / {all_e} ({share:.0} %)** | | {all_nm} / {all_ne} ({:.0} %) | |",
        100.0 * all_nm as f64 / all_ne as f64
    );
    println!("\n| fact | agreeing |\n| --- | --- |");
    for (field, (e, m)) in &by_field {
        println!("| `{field}` | {m} / {e} |");
    }
    // A floor under what the importer reaches, so that a regression fails here.
    assert!(share >= 80.0, "structured agreement fell to {share:.0} %");
}
