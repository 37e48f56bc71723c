//! The editor's figures: keystroke to updated preview and problems list for the largest example
//! (`tests/bench/editor.mjs`; the goal is under 50 ms), and the size of its bundle.
//! Measured in the full run (a section of `BENCHMARKS.md`) and alone by `cargo xtask bench editor`.

use std::process::Command;

use super::wrk;
use crate::cmd::{self, root, Context, Result};
use crate::editor;
use crate::wasm::{self, Size};

/// Keystrokes measured (after the script's own warm-up).
const KEYSTROKES: u32 = 40;

/// What was measured of the editor.
pub struct Figures {
    /// Keystroke → preview and problems list updated and painted, ms; or why it could not be
    /// measured (a run is never failed by a figure).
    pub keystroke_ms: std::result::Result<Vec<f64>, String>,
    pub sizes: Vec<Size>,
}

/// Measures the editor against the running edge at `edge`, where `notice` is published.
pub fn measure(edge: &str, notice: &str, chrome: &std::path::Path) -> Result<Figures> {
    #[derive(serde::Deserialize)]
    struct Out {
        keystroke_ms: Vec<f64>,
    }
    cmd::step(&format!(
        "editor: keystroke to updated preview and problems in headless Chrome ({KEYSTROKES} keystrokes)"
    ));
    let run = Command::new("node")
        .arg(root().join("tests/bench/editor.mjs"))
        .args([edge, notice, &KEYSTROKES.to_string()])
        .current_dir(root())
        .env("CHROME", chrome)
        .output()
        .context("cannot run tests/bench/editor.mjs")?;
    let keystroke_ms = if run.status.success() {
        let out = String::from_utf8_lossy(&run.stdout);
        serde_json::from_str::<Out>(out.trim())
            .map(|o| o.keystroke_ms)
            .map_err(|e| format!("tests/bench/editor.mjs printed `{}`: {e}", out.trim()))
    } else {
        let err = String::from_utf8_lossy(&run.stderr);
        let reason = err
            .lines()
            .find_map(|l| l.strip_prefix("bench editor: "))
            .unwrap_or("tests/bench/editor.mjs failed")
            .trim()
            .to_owned();
        eprintln!("    (not measured: {reason})");
        Err(reason)
    };
    let dist = editor::dist();
    let files: Vec<_> = editor::FILES.iter().map(|f| dist.join(f)).collect();
    let sizes = wasm::measure(&files.iter().collect::<Vec<_>>())?;
    Ok(Figures {
        keystroke_ms,
        sizes,
    })
}

/// The 90th percentile (the value below which nine in ten samples fall).
fn p90(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() * 9 / 10).copied().unwrap_or(f64::NAN)
}

fn brotli_total(sizes: &[Size]) -> u64 {
    sizes.iter().map(|s| s.brotli).sum()
}

/// The figures as a few lines for the terminal (`cargo xtask bench editor`).
pub fn print(f: &Figures, notice: &str) {
    match &f.keystroke_ms {
        Ok(ms) => eprintln!(
            "\n{notice}: keystroke → preview and problems updated, {} keystrokes: median {:.1} ms, \
             p90 {:.1} ms (goal: under 50 ms)",
            ms.len(),
            wrk::median_of(ms.clone()),
            p90(ms)
        ),
        Err(why) => eprintln!("\nkeystroke → preview: not measured: {why}"),
    }
    for s in &f.sizes {
        eprintln!("{:<24} {:>8} B brotli", s.name, s.brotli);
    }
    eprintln!(
        "{:<24} {:>8} B brotli ({})",
        "editor total",
        brotli_total(&f.sizes),
        wasm::kb(brotli_total(&f.sizes))
    );
}

/// The section of `BENCHMARKS.md`.
pub fn markdown(f: &Figures) -> String {
    let mut s = String::from(
        "\n## The editor\n\n**Keystroke to updated preview and problems**, headless Chrome or \
         Chromium as above (`tests/bench/editor.mjs`): the editor opens the largest example from \
         the edge (`/edit/ORG/NOTICE`); the typing goes into the organisation's first email \
         address, alternately `@` (an error appears in the problems list) and Backspace (it goes), \
         so each keystroke changes both the preview (the widget's own rendering) and the \
         problems list. In the page, a capturing `keydown` listener records the start, \
         MutationObservers on `#seloste-preview` and `#seloste-problems` see each change, and \
         the sample ends at the animation frame after both changed. One keystroke at a time, \
         after 6 not counted. Goal (issue 12): under 50 ms.\n\n",
    );
    match &f.keystroke_ms {
        Ok(ms) => s.push_str(&format!(
            "| | keystrokes | median | p90 |\n|---|---:|---:|---:|\n\
             | keystroke → preview and problems updated | {} | **{:.1} ms** | {:.1} ms |\n",
            ms.len(),
            wrk::median_of(ms.clone()),
            p90(ms)
        )),
        Err(why) => s.push_str(&format!("Not measured in this run: {why}\n")),
    }
    s.push_str(
        "\n**The editor's bundle** (`editor/dist/`, what an author downloads once; readers never \
         do):\n\n| file | raw | gzip | brotli |\n|---|---:|---:|---:|\n",
    );
    for z in &f.sizes {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            z.name,
            wasm::kb(z.raw),
            wasm::kb(z.gzip),
            wasm::kb(z.brotli)
        ));
    }
    let sum = |g: fn(&Size) -> u64| f.sizes.iter().map(g).sum::<u64>();
    s.push_str(&format!(
        "| **editor total** | **{}** | **{}** | **{}** |\n",
        wasm::kb(sum(|z| z.raw)),
        wasm::kb(sum(|z| z.gzip)),
        wasm::kb(sum(|z| z.brotli))
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p90_is_the_value_nine_in_ten_samples_do_not_exceed() {
        let v: Vec<f64> = (1..=10).map(f64::from).rev().collect();
        assert_eq!(p90(&v), 10.0);
        let v: Vec<f64> = (1..=40).map(f64::from).collect();
        assert_eq!(p90(&v), 37.0);
    }

    #[test]
    fn an_unmeasured_figure_says_why_instead_of_failing() {
        let f = Figures {
            keystroke_ms: Err("no field".into()),
            sizes: Vec::new(),
        };
        let md = markdown(&f);
        assert!(md.contains("Not measured in this run: no field"));
        assert!(md.contains("| **editor total** | **0.0 KB**"));
    }
}
