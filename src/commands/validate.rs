//! `seloste validate`: errors and completeness findings for each file, or for version N of a
//! history (`FILE@N`, as everywhere else).

use std::path::Path;

use serde::Serialize;

use seloste_schema::validate::{check_json, validate_notice, Problem, Report, Severity};
use seloste_schema::Document;

use crate::input::{read_text, split_spec};

#[derive(Serialize)]
struct FileReport<'a> {
    file: String,
    errors: Vec<&'a Problem>,
    findings: Vec<&'a Problem>,
}

pub fn run(files: &[String], json: bool) -> Result<u8, String> {
    let reports: Vec<(&String, Report)> = files.iter().map(|f| (f, check_spec(f))).collect();
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
                file: f.to_string(),
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

fn check_spec(spec: &str) -> Report {
    split_spec(spec)
        .and_then(|(file, number)| {
            let text = read_text(Path::new(file))?;
            match (check_json(&text), number) {
                ((_, report), None) => Ok(report),
                ((Some(Document::History(h)), _), Some(n)) => {
                    let i = h
                        .versions
                        .iter()
                        .position(|v| v.number == n)
                        .ok_or_else(|| {
                            format!("{file}: has no version {n} ({} versions)", h.versions.len())
                        })?;
                    let prefix = format!("versions[{i}].notice");
                    let report = validate_notice(&h.versions[i].notice);
                    let problems = report.problems.into_iter().map(|p| p.under(&prefix));
                    Ok(Report {
                        problems: problems.collect(),
                    })
                }
                ((Some(Document::Notice(_)), _), Some(_)) => Err(format!(
                    "{file}: is a single notice, not a history: drop the @N"
                )),
                ((None, report), Some(_)) => Ok(report),
            }
        })
        .unwrap_or_else(|message| Report {
            problems: vec![Problem::english(Severity::Error, ".", message)],
        })
}

fn print_human(file: &str, report: &Report) {
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
    println!("{file}: {verdict}");
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
