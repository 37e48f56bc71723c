//! The steps every browser bundle shares (the widget's, `widget.rs`, and the editor's,
//! `editor.rs`): compiling a crate to wasm, wasm-bindgen, `wasm-opt -Oz`, and measuring what ships.
//! Written once, so the two bundles are built with the same flags and reported the same way.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, bail, root, run, Context, Result};
use crate::profile::Profile;
use crate::tools;

/// Extra compiler flags of the release wasm (see [`compile`]).
const RELEASE_RUSTFLAGS: &str =
    "-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort";

/// The standard library compiled with the bundle instead of the precompiled one (see [`compile`]).
const BUILD_STD: &str = "-Zbuild-std=std,panic_abort";

/// How `wasm-opt` shrinks the release wasm. `--zero-filled-memory` and `--low-memory-unused` hold
/// for Rust's wasm (fresh memory, data above 1 MiB); together with `--converge` they save about
/// 1.5 KB brotli on the widget. `target_features` is read by wasm-bindgen, which has run by then;
/// browsers ignore it.
pub const WASM_OPT: [&str; 7] = [
    "-Oz",
    "--converge",
    "--zero-filled-memory",
    "--low-memory-unused",
    "--strip-debug",
    "--strip-producers",
    "--strip-target-features",
];

/// wasm features the wasm-bindgen output uses (Rust's default wasm32 target features); wasm-opt
/// must be told, or it refuses the module.
const WASM_FEATURES: [&str; 6] = [
    "--enable-reference-types",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// Compiles `package`'s library for wasm32 (cargo's `wasm-release` profile for `Release`, `dev`
/// otherwise) and returns the path of the compiled `.wasm`. Cargo decides whether anything must
/// be compiled again.
pub fn compile(package: &str, features: &[&str], profile: Profile) -> Result<PathBuf> {
    tools::wasm_target()?;
    let (cargo_profile, out_dir) = match profile {
        Profile::Release => ("wasm-release", "wasm-release"),
        Profile::Dev => ("dev", "debug"),
    };
    cmd::timed(
        &format!("building {package}'s wasm (cargo, {cargo_profile} profile)"),
        || {
            let mut cargo = cmd::cargo();
            if profile == Profile::Release {
                // Bytes no reader ever sees: panic locations (file paths), `Debug` formatting,
                // and the whole panic machinery (a panic in the browser can only end the app:
                // `immediate-abort` traps at once instead of formatting a message no one reads).
                // `immediate-abort` needs the standard library compiled with the bundle
                // (`build-std`, from the `rust-src` component), which also lets LTO shrink std
                // with `opt-level = "z"` like the rest. Together 10 KB brotli less on the widget.
                // All are unstable, hence `RUSTC_BOOTSTRAP` (as for `cargo xtask fuzz`).
                tools::rust_src()?;
                cargo
                    .env("RUSTC_BOOTSTRAP", "1")
                    .env("RUSTFLAGS", RELEASE_RUSTFLAGS)
                    .arg(BUILD_STD);
            }
            cargo.args([
                "build",
                "--quiet",
                "-p",
                package,
                "--lib",
                "--target",
                "wasm32-unknown-unknown",
                "--profile",
                cargo_profile,
            ]);
            if !features.is_empty() {
                cargo.args(["--features", &features.join(",")]);
            }
            run(&mut cargo)
        },
    )?;
    Ok(root()
        .join("target/wasm32-unknown-unknown")
        .join(out_dir)
        .join(format!("{}.wasm", package.replace('-', "_"))))
}

/// Runs wasm-bindgen on `compiled` into a fresh `staging` folder: `{out_name}.js` (the glue, for
/// `target`: `no-modules` or `web`) and `{out_name}_bg.wasm`, without names or producers.
pub fn bindgen(compiled: &Path, staging: &Path, out_name: &str, target: &str) -> Result {
    let bindgen = tools::wasm_bindgen()?;
    cmd::timed(&format!("wasm-bindgen ({target} glue)"), || {
        let _ = fs::remove_dir_all(staging);
        run(Command::new(&bindgen)
            .arg(compiled)
            .arg("--out-dir")
            .arg(staging)
            .args(["--out-name", out_name, "--target", target])
            .args([
                "--no-typescript",
                "--remove-name-section",
                "--remove-producers-section",
            ]))
    })
}

/// Writes the wasm as it ships to `to`: `wasm-opt -Oz` in release, a plain copy in dev (on the
/// unoptimised wasm wasm-opt is the slowest step, and the dev build has no budget).
pub fn optimise(profile: Profile, from: &Path, to: &Path) -> Result {
    if let Some(dir) = to.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    match profile {
        Profile::Release => cmd::timed("wasm-opt -Oz", || {
            run(Command::new(tools::node_bin("wasm-opt"))
                .arg(from)
                .args(WASM_OPT)
                .args(WASM_FEATURES)
                .arg("-o")
                .arg(to))
        }),
        Profile::Dev => {
            eprintln!("    (dev profile: wasm-opt skipped, the size budget is not checked)");
            fs::copy(from, to).with_context(|| format!("cannot write {}", to.display()))?;
            Ok(())
        }
    }
}

/// The stylesheet `css` minified by esbuild (comments and indentation are bytes every reader
/// downloads).
pub fn minify_css(css: &Path) -> Result<String> {
    let out = cmd::output(
        Command::new(tools::node_bin("esbuild"))
            .arg(css)
            .args(["--minify", "--log-level=warning"]),
    )
    .with_context(|| format!("esbuild could not minify {}", css.display()))?;
    Ok(out.trim_end().to_owned())
}

pub struct Size {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Raw, gzip (level 9) and brotli (quality 11) sizes, computed by Node's zlib.
pub fn measure(files: &[&PathBuf]) -> Result<Vec<Size>> {
    const SCRIPT: &str = "const fs = require('fs'), z = require('zlib');
for (const f of process.argv.slice(1)) {
  const b = fs.readFileSync(f);
  const br = z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } });
  console.log([b.length, z.gzipSync(b, { level: 9 }).length, br.length].join(' '));
}";
    let out = cmd::output(Command::new("node").args(["-e", SCRIPT]).args(files))
        .context("cannot measure sizes with node")?;
    files
        .iter()
        .zip(out.lines())
        .map(|(f, line)| {
            let n: Vec<u64> = line.split(' ').filter_map(|x| x.parse().ok()).collect();
            match n[..] {
                [raw, gzip, brotli] => Ok(Size {
                    name: f
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    raw,
                    gzip,
                    brotli,
                }),
                _ => bail!("unexpected size output `{line}`"),
            }
        })
        .collect()
}

/// Prints a table of `sizes` under the heading `dist` with their total and the `budget`.
pub fn print_sizes(dist: &str, sizes: &[Size], budget: u64) {
    eprintln!("\n{dist:<24} {:>10} {:>10} {:>10}", "raw", "gzip", "brotli");
    for s in sizes {
        eprintln!(
            "{:<24} {:>10} {:>10} {:>10}",
            s.name,
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli)
        );
    }
    let sum = |f: fn(&Size) -> u64| sizes.iter().map(f).sum::<u64>();
    eprintln!(
        "{:<24} {:>10} {:>10} {:>10}   (budget {} brotli)",
        "total",
        kb(sum(|s| s.raw)),
        kb(sum(|s| s.gzip)),
        kb(sum(|s| s.brotli)),
        kb(budget)
    );
}

/// Fails when a bundle's brotli total exceeds its budget.
pub fn check_budget(what: &str, brotli: u64, budget: u64) -> Result {
    if brotli > budget {
        bail!(
            "{what} is over budget: {} brotli, the budget is {}",
            kb(brotli),
            kb(budget)
        );
    }
    Ok(())
}

/// Raw sizes only (the dev build: compressing a debug wasm at brotli's highest quality takes
/// seconds, and its size means nothing).
pub fn print_raw(dist: &str, files: &[&Path]) {
    let raw = |f: &Path| fs::metadata(f).map(|m| m.len()).unwrap_or(0);
    let list: Vec<String> = files.iter().map(|f| kb(raw(f))).collect();
    eprintln!("{dist} (dev profile): {} raw", list.join(" + "));
}

pub fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
