//! The examples as a static site: every notice in `examples/` validated and rendered to
//! `target/site/`, with an index page.

use std::path::PathBuf;

use crate::cmd::{self, bail, root, run, Context, Result};

/// The notice and history files in `examples/`, sorted.
pub fn example_files() -> Result<Vec<PathBuf>> {
    let dir = root().join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// Validates every example (completeness findings are expected and printed; malformed files fail)
/// and renders each one to `target/site/<name>.html`. Returns the site folder.
pub fn render_examples() -> Result<PathBuf> {
    let files = example_files()?;
    let site = root().join("target/site");
    std::fs::create_dir_all(&site).with_context(|| format!("cannot create {}", site.display()))?;
    cmd::step("building the seloste CLI");
    run(cmd::cargo().args(["build", "--quiet", "--bin", "seloste"]))?;
    let seloste = root().join("target/debug/seloste");

    cmd::step("validating the examples");
    let status = std::process::Command::new(&seloste)
        .arg("validate")
        .args(&files)
        .status()
        .context("cannot run seloste")?;
    // Exit 1 means completeness findings only: the transcribed originals really lack those elements.
    if !matches!(status.code(), Some(0 | 1)) {
        bail!("an example is malformed (see above)");
    }

    cmd::step("rendering the examples");
    let mut index = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Seloste examples</title>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\n<body>\n<main>\n<h1>Seloste examples</h1>\n<ul>\n",
    );
    for file in &files {
        let stem = file
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let out = site.join(format!("{stem}.html"));
        run(std::process::Command::new(&seloste)
            .arg("render")
            .arg(file)
            .arg("-o")
            .arg(&out))?;
        index.push_str(&format!("<li><a href=\"{stem}.html\">{stem}</a></li>\n"));
    }
    index.push_str("</ul>\n</main>\n</body>\n</html>\n");
    cmd::write(&site.join("index.html"), index)?;
    Ok(site)
}
