//! What the importer tells the person who runs it: where each section of the source went, what it
//! took into fields (and from which line), what it guessed and should be checked, what stayed
//! free text, what it left out, and the draft's completeness findings.

use serde::Serialize;

use seloste_schema::Problem;

use crate::source::Format;

#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub format: Format,
    pub language: String,
    /// Whether the language was detected (true) or given (false).
    pub language_detected: bool,
    /// Each section of the source, in order, and the part of the draft it went to.
    pub sections: Vec<SectionPlacement>,
    /// Values taken into fields and the source line each came from.
    pub placements: Vec<Placement>,
    /// What was inferred rather than read, to be checked by a person.
    pub guesses: Vec<Guess>,
    /// Where the source's prose stayed as prose (JSON paths of the draft).
    pub free_text: Vec<String>,
    /// Page furniture not imported (skip links, a lone site name above the title).
    pub left_out: Vec<String>,
    /// The source lines wholly taken into fields (their values are in the draft, their label
    /// words are not).
    pub used_lines: Vec<String>,
    /// The draft's completeness findings: what the original does not say.
    pub findings: Vec<Problem>,
}

impl Default for ImportReport {
    fn default() -> Self {
        ImportReport {
            format: Format::Text,
            language: String::new(),
            language_detected: false,
            sections: Vec::new(),
            placements: Vec::new(),
            guesses: Vec::new(),
            free_text: Vec::new(),
            left_out: Vec::new(),
            used_lines: Vec::new(),
            findings: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionPlacement {
    pub number: Option<String>,
    pub heading: String,
    /// The draft's field(s), e.g. `purposes, lawfulness`, or `other_sections`.
    pub went_to: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Placement {
    pub path: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Guess {
    pub path: String,
    pub value: String,
    pub why: String,
}

impl ImportReport {
    /// The report as text for a terminal.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "format: {}; language: {} ({})\n",
            self.format.name(),
            self.language,
            if self.language_detected {
                "detected"
            } else {
                "given"
            }
        ));
        s.push_str("\nsections of the source → the draft:\n");
        for p in &self.sections {
            let n = p
                .number
                .as_deref()
                .map(|n| format!("{n} "))
                .unwrap_or_default();
            s.push_str(&format!("  {n}{} → {}\n", p.heading, p.went_to));
        }
        if !self.placements.is_empty() {
            s.push_str("\ntaken into fields:\n");
            for p in &self.placements {
                s.push_str(&format!("  {} = {}\n", p.path, p.value));
            }
        }
        if !self.guesses.is_empty() {
            s.push_str("\nguessed — check these:\n");
            for g in &self.guesses {
                s.push_str(&format!("  {} = {} ({})\n", g.path, g.value, g.why));
            }
        }
        if !self.free_text.is_empty() {
            s.push_str("\nstayed free text (the source's own words):\n");
            for f in &self.free_text {
                s.push_str(&format!("  {f}\n"));
            }
        }
        if !self.left_out.is_empty() {
            s.push_str("\nleft out (page furniture):\n");
            for l in &self.left_out {
                s.push_str(&format!("  {l}\n"));
            }
        }
        if self.findings.is_empty() {
            s.push_str("\nno completeness findings\n");
        } else {
            s.push_str(&format!(
                "\n{} completeness finding(s) — what the original does not say:\n",
                self.findings.len()
            ));
            for f in &self.findings {
                let art = f.article.as_deref().unwrap_or("");
                s.push_str(&format!(
                    "  finding  {art}: {} (at {})\n",
                    f.message, f.path
                ));
            }
        }
        s
    }
}
