//! `cargo xtask fuzz [--seconds N] [TARGET…]`: a bounded libFuzzer campaign over every target of
//! `fuzz/` (cargo-fuzz), by default 60 seconds each.
//!
//! Only the stable toolchain is installed on the project's machines, and cargo-fuzz passes nightly
//! `-Z` flags to rustc: `RUSTC_BOOTSTRAP=1` lets the stable compiler accept them. The sanitizer is
//! off (`-s none`): the code under test is safe Rust, so AddressSanitizer finds nothing a panic
//! would not, and it would need nightly's sanitizer runtime.
//!
//! Corpora: `fuzz/corpus/TARGET/` is the small committed seed corpus (the examples, the complete
//! test notice, and the reproducer of every crash found and fixed); it is only read. What a
//! campaign discovers goes to `target/fuzz/corpus/TARGET/` (libFuzzer writes to its first corpus
//! directory), and crashes to `target/fuzz/artifacts/TARGET/`. `tests/fuzz_corpus.rs` replays the
//! committed corpus through the same harness in the ordinary `cargo test`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::cmd::{self, bail, output, root, run, Context, Result};

/// cargo-fuzz's version, installed with `--locked` only when missing.
pub const CARGO_FUZZ_VERSION: &str = "0.13.1";
/// The targets (`fuzz/fuzz_targets/*.rs`), cheapest first.
pub const TARGETS: [&str; 2] = ["parse_validate", "render_diff"];
pub const DEFAULT_SECONDS: u64 = 60;
/// No sanitizer (see above); optimised, but with debug assertions so integer overflow panics.
const FLAGS: [&str; 4] = ["-s", "none", "--release", "--debug-assertions"];

pub fn main(seconds: u64, targets: &[String]) -> Result {
    if seconds == 0 {
        bail!("--seconds needs a positive number");
    }
    let targets: Vec<&str> = if targets.is_empty() {
        TARGETS.to_vec()
    } else {
        targets.iter().map(String::as_str).collect()
    };
    cargo_fuzz()?;
    let root = root();
    for target in targets {
        let work = root.join("target/fuzz/corpus").join(target);
        let artifacts = root.join("target/fuzz/artifacts").join(target);
        for dir in [&work, &artifacts] {
            std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
        }
        cmd::step(&format!("building the fuzz target {target}"));
        run(fuzz_command().args(["build"]).args(FLAGS).arg(target))?;
        cmd::step(&format!("fuzzing {target} for {seconds} s"));
        let started = Instant::now();
        let result = run(fuzz_command()
            .arg("run")
            .args(FLAGS)
            .arg(target)
            .arg(&work)
            .arg(root.join("fuzz/corpus").join(target))
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            // One input may take at most 10 s (a 1 MB notice renders in well under one) and 2 GB.
            .arg("-timeout=10")
            .arg("-rss_limit_mb=2048")
            .arg("-print_final_stats=1")
            .arg(format!("-artifact_prefix={}/", artifacts.display())));
        if let Err(e) = result {
            bail!(
                "{e}\nthe crashing input is in {}; reproduce with `cargo test --test fuzz_corpus` \
                 after copying it to fuzz/corpus/{target}/",
                artifacts.display()
            );
        }
        eprintln!(
            "{target}: no crash in {:.0} s (new inputs in {})",
            started.elapsed().as_secs_f64(),
            work.display()
        );
    }
    Ok(())
}

/// `cargo fuzz` run from `fuzz/` with the stable compiler accepting nightly flags.
fn fuzz_command() -> Command {
    let mut c = cmd::cargo();
    c.arg("fuzz")
        .current_dir(root().join("fuzz"))
        .env("RUSTC_BOOTSTRAP", "1");
    c
}

/// Installs cargo-fuzz [`CARGO_FUZZ_VERSION`] unless some cargo-fuzz is already there (about two
/// minutes on a two-core machine).
fn cargo_fuzz() -> Result {
    let have = output(cmd::cargo().args(["fuzz", "--version"])).unwrap_or_default();
    if have.starts_with("cargo-fuzz") {
        return Ok(());
    }
    cmd::step(&format!("installing cargo-fuzz {CARGO_FUZZ_VERSION}"));
    run(cmd::cargo().args([
        "install",
        "cargo-fuzz",
        "--version",
        CARGO_FUZZ_VERSION,
        "--locked",
    ]))?;
    if !Path::new(&root().join("fuzz/Cargo.toml")).is_file() {
        bail!("fuzz/Cargo.toml is missing");
    }
    Ok(())
}
