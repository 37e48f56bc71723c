//! `seloste validate`: errors and completeness findings for each file.

use std::path::{Path, PathBuf};

use serde::Serialize;

use seloste_schema::validate::{check_json, Problem, Report, Severity};

use crate::input::read_text;

#[derive(Serialize)]
struct FileReport<'a> {
    file: String,
    errors: Vec<&'a Problem>,
    findings: Vec<&'a Problem>,
}

pub fn run(files: &[PathBuf], json: bool) -> Result<u8, String> {
    let reports: Vec<(&PathBuf, Report)> = files.iter().map(|f| (f, check_file(f))).collect();
    let worst = reports
        .iter()
        .map(|(_, r)| {
            if r.has_errors() {
                2
            } else if r.findings().next().is_some() {
                1
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0);
    if json {
        let out: Vec<FileReport> = reports
            .iter()
            .map(|(f, r)| FileReport {
                file: f.display().to_string(),
                errors: r.errors().collect(),
                findings: r.findings().collect(),
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
    } else {
        for (file, report) in &reports {
            print_human(file, report);
        }
    }
    Ok(worst)
}

fn check_file(path: &Path) -> Report {
    match read_text(path) {
        Ok(text) => check_json(&text).1,
        Err(message) => Report {
            problems: vec![Problem {
                severity: Severity::Error,
                path: ".".into(),
                message,
                article: None,
            }],
        },
    }
}

fn print_human(file: &Path, report: &Report) {
    let errors = report.errors().count();
    let findings = report.findings().count();
    let verdict = match (errors, findings) {
        (0, 0) => "valid, and gives every element GDPR Art. 13/14 asks for".to_owned(),
        (0, f) => format!("valid; {f} completeness finding{}", plural(f)),
        (e, f) => format!(
            "{e} error{}, {f} completeness finding{}",
            plural(e),
            plural(f)
        ),
    };
    println!("{}: {verdict}", file.display());
    for p in report.errors() {
        println!("  error    {}: {}", p.path, p.message);
    }
    for p in report.findings() {
        println!("  finding  {} (at {})", p, p.path);
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
