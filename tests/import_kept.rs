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
    let mut missing = Vec::new();
    // Headings: each section's heading is kept in the draft (`headings`, `other_sections`) or
    // is one more heading of a part that already has one (reported as such).
    for s in &report.sections {
        let kept = draft.contains(&serde_json::to_string(&s.heading).unwrap())
            || report
                .guesses
                .iter()
                .any(|g| g.path == "headings" && g.value == s.heading)
            || s.went_to.contains("empty here");
        if !kept {
            missing.push(format!("heading “{}”", s.heading));
        }
    }
    for (para, is_item) in paragraphs(&pieces) {
        let mut rest = Vec::new();
        for line in para {
            let w = words(&line);
            let is_heading = headings.contains(&w.join(" "));
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
