//! `cargo xtask bench`: every benchmark in one run, written to `BENCHMARKS.md`.
//!
//! Every figure is measured beside its anchor in the same run, interleaved round by round (edge,
//! then nginx, then edge again, …), and reported as a median with the ratio to the anchor: other
//! work on the machine slows subject and anchor alike, so absolute figures drift between runs while
//! ratios of interleaved measurements stay fair. The report records what the machine was (CPU,
//! cores available, load average at start and end). Nothing here is a test: no figure fails the
//! run. What each figure means and how it is measured is written into the report.

mod edge_only;
mod editor;
mod measure;
mod report;
mod servers;
mod text;
mod wrk;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use crate::cmd::{self, root, run, Context, Result};
use crate::profile::Profile;
use crate::{edge, tools, widget};
use editor as editor_figures;

/// The programs no package registry of ours provides, found once per run (see `tools.rs`).
pub struct Programs {
    pub wrk: PathBuf,
    pub nginx: PathBuf,
    pub chrome: PathBuf,
}

static PROGRAMS: OnceLock<Programs> = OnceLock::new();

/// The programs found by [`find_programs`] before anything is measured.
pub fn programs() -> &'static Programs {
    PROGRAMS.get().expect("bench::all finds the programs first")
}

/// Versions of the long history published to the edge (the change log and feed at scale).
const LONG_VERSIONS: u32 = 1000;
/// The notice the edge is measured on: the largest single example.
const NOTICE: &str = "capricode-systems/viestintaratkaisut";
/// The synthetic notice (10× the largest example) published beside the examples.
const SYNTHETIC: &str = "bench/synthetic-10x";
/// Where nginx listens.
const NGINX_PORT: u16 = 8799;

/// Finds [`Programs`] once, before anything is measured.
fn find_programs() -> Result {
    let programs = Programs {
        wrk: tools::wrk()?,
        nginx: tools::nginx()?,
        chrome: tools::chrome()?,
    };
    let _ = PROGRAMS.set(programs);
    Ok(())
}

/// `cargo xtask bench edge`: the cached pages against the floors only, printed.
pub fn edge_only() -> Result {
    find_programs()?;
    tools::npm_packages()?;
    edge_only::run(NOTICE)
}

/// Builds what is measured, measures it all and writes `BENCHMARKS.md`.
pub fn all() -> Result {
    find_programs()?;
    tools::npm_packages()?;
    // `bundle`, not `build`: the size budget is the build's and the tests' business; a bundle
    // over budget is still measured (and its size reported).
    widget::bundle(Profile::Release)?;
    crate::editor::bundle(Profile::Release)?;
    edge::build(Profile::Release)?;

    let dir = root().join("target/bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("nginx/html")).context("target/bench")?;

    cmd::step("building the benchmark inputs (benches/)");
    run(cmd::cargo().args([
        "build",
        "--quiet",
        "--release",
        "-p",
        "seloste-benches",
        "--bin",
        "bench-sizes",
    ]))?;
    let sizes_bin = root().join("target/release/bench-sizes");
    let synthetic = dir.join("synthetic-10x.json");
    let json = cmd::output(Command::new(&sizes_bin).args(["notice", "10", SYNTHETIC]))
        .context("bench-sizes notice failed")?;
    cmd::write(&synthetic, json)?;

    let mut figures = report::Figures::new(&sizes_bin)?;
    {
        let edge = servers::Edge::start(&dir, &[synthetic], LONG_VERSIONS, &format!("/{NOTICE}"))?;
        let paths = measure::Paths {
            latest: format!("/{NOTICE}"),
            version: format!("/{NOTICE}/v/1"),
            synthetic: format!("/{SYNTHETIC}"),
            long: edge.long.clone(),
            short: "/pohjantahti/asiakasrekisteri".into(),
            cold: edge.cold.clone(),
            cold_versions: edge.cold_versions,
            constant: edge.constant.clone(),
            cache_only: edge.cache_only.clone(),
        };
        let nginx = measure::nginx_copy(&edge.base, &paths, &dir.join("nginx"), NGINX_PORT)?;
        measure::edge(&mut figures, &edge.base, &nginx, &paths, &dir)?;
        measure::widget(&mut figures, &edge.base, NOTICE)?;
        figures.editor = Some(editor_figures::measure(
            &edge.base,
            NOTICE,
            &self::programs().chrome,
        )?);
    }
    measure::sizes(&mut figures)?;
    measure::criterion(&mut figures)?;

    let out = root().join("BENCHMARKS.md");
    figures.machine_after();
    cmd::write(&out, report::markdown(&figures))?;
    eprintln!("\nwrote {}", out.display());
    Ok(())
}

/// `cargo xtask bench widget`: only the widget's figures, printed (BENCHMARKS.md is left as it
/// is): time to a readable notice and the bytes (brotli) downloaded before it, beside the edge's
/// page in an iframe, measured as in the full run (`tests/bench/widget.mjs`), and the bundle's
/// sizes.
pub fn widget_only() -> Result {
    let chrome = tools::chrome()?;
    tools::npm_packages()?;
    widget::bundle(Profile::Release)?;
    edge::build(Profile::Release)?;
    let dir = root().join("target/bench-widget");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).context("target/bench-widget")?;
    let l = {
        let edge = servers::Edge::start_with(&dir, &[], 0, Some(0), &format!("/{NOTICE}"))?;
        measure::loads(&edge.base, NOTICE, &chrome)?
    };
    let m = wrk::median_of;
    let (w, i) = (m(l.widget.clone()), m(l.iframe.clone()));
    let (wb, ib) = (m(l.widget_bytes), m(l.iframe_bytes));
    eprintln!("\n{NOTICE}, {} loads each (medians)", l.widget.len());
    eprintln!("                      readable after   bytes before (brotli)");
    eprintln!(
        "widget                {w:>11.1} ms   {:>10.1} KB",
        wb / 1024.0
    );
    eprintln!(
        "iframe (reference)    {i:>11.1} ms   {:>10.1} KB",
        ib / 1024.0
    );
    eprintln!("ratio widget/iframe   {:>11.2}", w / i);
    let dist = root().join("widget/dist");
    let sizes = widget::measure(&[&dist.join("seloste.js"), &dist.join("seloste_bg.wasm")])?;
    for s in &sizes {
        eprintln!("{:<20} {:>8} B brotli", s.name, s.brotli);
    }
    Ok(())
}

/// `cargo xtask bench editor`: only the editor's figures, printed (BENCHMARKS.md is left as it
/// is): keystroke to updated preview and problems list for the largest example, measured as in the
/// full run (`tests/bench/editor.mjs`), and the bundle's sizes.
pub fn editor_only() -> Result {
    let chrome = tools::chrome()?;
    tools::npm_packages()?;
    widget::bundle(Profile::Release)?;
    crate::editor::bundle(Profile::Release)?;
    edge::build(Profile::Release)?;
    let dir = root().join("target/bench-editor");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).context("target/bench-editor")?;
    let figures = {
        let edge = servers::Edge::start_with(&dir, &[], 0, Some(0), &format!("/{NOTICE}"))?;
        editor_figures::measure(&edge.base, NOTICE, &chrome)?
    };
    editor_figures::print(&figures, NOTICE);
    Ok(())
}

/// `edge/build/index_bg.wasm`, the worker's code.
fn worker_wasm() -> PathBuf {
    root().join("edge/build/index_bg.wasm")
}
