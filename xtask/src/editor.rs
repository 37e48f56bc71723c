//! Building the editor's bundle (`editor/dist/`), which the edge (`/edit/…`) and `seloste edit`
//! embed and serve.
//!
//! Four files, each served as it is (no inline script or style: the host page's policy is strict):
//!
//! - `seloste_editor_bg.wasm`: the `seloste-editor` crate (cargo's `wasm-release` profile, then
//!   wasm-bindgen, then `wasm-opt -Oz`; the steps are the widget's, see `wasm.rs`);
//! - `seloste_editor.js`: wasm-bindgen's `--target web` glue, an ES module (minified in release);
//! - `boot.js`: the module the host page loads, which imports the glue and starts it (the glue
//!   finds the wasm beside itself, `import.meta.url`);
//! - `editor.css`: `editor/src/style.css`, minified in release.
//!
//! Authors download it, readers never do; still, the build fails above [`BUDGET_BROTLI`], so that
//! growth (the importer is inside) is a decision rather than an accident.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, root, run, Result};
use crate::profile::Profile;
use crate::{fresh, tools, wasm};

/// The whole editor (wasm + JS + CSS), brotli-compressed, at most this many bytes: 570.5 KB
/// measured when it was set (the app with its forms, the widget's components for the preview,
/// the schema's parser and validation, and the importer: about 230 KB of it, half of that its
/// HTML reader; see `import/README.md`), plus a margin of about 10 %.
pub const BUDGET_BROTLI: u64 = 630 * 1024;

/// The module the host page loads. The glue's default export fetches and instantiates the wasm
/// (found beside the glue) and runs its `#[wasm_bindgen(start)]` function.
const BOOT_JS: &str = "import init from \"./seloste_editor.js\";\ninit();\n";

/// The files of `editor/dist/`, as the edge and the CLI serve them under `/edit/`.
pub const FILES: [&str; 4] = [
    "boot.js",
    "seloste_editor.js",
    "seloste_editor_bg.wasm",
    "editor.css",
];

pub fn dist() -> PathBuf {
    root().join("editor/dist")
}

/// Builds `editor/dist/` as it ships, prints its sizes and fails when it is over budget.
pub fn build() -> Result {
    let brotli = bundle(Profile::Release)?;
    wasm::check_budget("the editor", brotli, BUDGET_BROTLI)
}

/// Builds the four files and returns their brotli total (printing every figure; the dev profile
/// prints raw sizes only and returns 0). wasm-bindgen, `wasm-opt` and the glue's minifying run
/// only when the compiled wasm or the tools changed, the stylesheet's only when it changed (see
/// `fresh.rs`).
pub fn bundle(profile: Profile) -> Result<u64> {
    tools::npm_packages()?;
    let root = root();
    let dist = dist();
    let outputs: Vec<PathBuf> = FILES.iter().map(|f| dist.join(f)).collect();
    let compiled = wasm::compile("seloste-editor", &[], profile)?;
    let stylesheet = root.join("editor/src/style.css");
    fresh::Inputs::new(match profile {
        Profile::Release => "editor-bundle-release",
        Profile::Dev => "editor-bundle-dev",
    })
    .text("wasm-bindgen", tools::WASM_BINDGEN_VERSION)
    .text("wasm-opt", &wasm::WASM_OPT.join(" "))
    .text("boot.js", BOOT_JS)
    .file(&root.join("package-lock.json"))
    .file(&compiled)
    .output(outputs[0].clone())
    .output(outputs[1].clone())
    .output(outputs[2].clone())
    .run_unless_fresh(|| {
        let staging = root.join("target/editor-bindgen").join(profile.name());
        wasm::bindgen(&compiled, &staging, "seloste_editor", "web")?;
        wasm::optimise(
            profile,
            &staging.join("seloste_editor_bg.wasm"),
            &dist.join("seloste_editor_bg.wasm"),
        )?;
        cmd::write(&dist.join("boot.js"), BOOT_JS)?;
        let glue = staging.join("seloste_editor.js");
        let out = dist.join("seloste_editor.js");
        match profile {
            Profile::Release => run(Command::new(tools::node_bin("esbuild"))
                .arg(&glue)
                .args(["--minify", "--format=esm", "--log-level=warning"])
                .arg(format!("--outfile={}", out.display())))?,
            Profile::Dev => cmd::write(&out, cmd::read(&glue)?)?,
        }
        Ok(())
    })?;
    // Apart from the wasm steps, so that a change of style does not run wasm-opt again.
    fresh::Inputs::new(match profile {
        Profile::Release => "editor-css-release",
        Profile::Dev => "editor-css-dev",
    })
    .file(&root.join("package-lock.json"))
    .file(&stylesheet)
    .output(outputs[3].clone())
    .run_unless_fresh(|| cmd::write(&outputs[3], stylesheet_of(profile, &stylesheet)?))?;
    let files: Vec<&PathBuf> = outputs.iter().collect();
    if profile == Profile::Dev {
        let paths: Vec<&Path> = outputs.iter().map(PathBuf::as_path).collect();
        wasm::print_raw("editor/dist", &paths);
        return Ok(0);
    }
    let sizes = wasm::measure(&files)?;
    wasm::print_sizes("editor/dist", &sizes, BUDGET_BROTLI);
    Ok(sizes.iter().map(|s| s.brotli).sum())
}

/// The editor's stylesheet as it ships; empty (with a note) while the app has none yet.
fn stylesheet_of(profile: Profile, css: &Path) -> Result<String> {
    if !css.is_file() {
        eprintln!("note: editor/src/style.css does not exist; editor.css is empty");
        return Ok(String::new());
    }
    match profile {
        Profile::Release => wasm::minify_css(css),
        Profile::Dev => cmd::read(css),
    }
}
