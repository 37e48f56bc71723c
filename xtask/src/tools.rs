//! Finding and installing the tools the build, the tests and the benchmarks need, each only when
//! missing or of the wrong version. The versions, and why each is pinned, are in
//! `docs/toolchain.md`.
//!
//! Rust tools come from crates.io (`cargo install`), JavaScript tools from npm (`package.json`).
//! Programs that neither provides (Chrome, Java, nginx, wrk) are found on the machine; only when
//! one is missing and xtask runs as root on Debian or Ubuntu does it install it with apt-get.
//! Otherwise it stops and says what to install, never asking for `sudo`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, bail, output, root, run, Context, Result};

/// Must equal the `wasm-bindgen` version in Cargo.lock: the CLI and the crate share a wire format.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
/// The workers-rs release the edge uses (`worker` in Cargo.toml).
pub const WORKER_BUILD_VERSION: &str = "0.8.7";
pub const JSONSCHEMA_PY_VERSION: &str = "4.26.0";
/// pyld, the independent JSON-LD processor `tests/jsonld_rdf.rs` expands the notices with.
pub const PYLD_VERSION: &str = "3.3.0";

/// Says once, before the first slow install, that it happens only once.
fn first_run_notice() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        eprintln!(
            "\nnote: this is a first run on this machine. Building the Rust tools (wasm-bindgen-cli, \
             worker-build) takes several minutes, once; cargo shows its progress below. Later runs \
             reuse them."
        );
    });
}

/// Whether a check already passed in this run: the widget and the worker builds both ask for the
/// same tools, and each check starts a program.
fn checked(once: &std::sync::OnceLock<()>, check: impl FnOnce() -> Result) -> Result {
    if once.get().is_none() {
        check()?;
        let _ = once.set(());
    }
    Ok(())
}

/// `rustup target add wasm32-unknown-unknown` unless it is installed.
pub fn wasm_target() -> Result {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    checked(&DONE, wasm_target_now)
}

fn wasm_target_now() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    cmd::timed("installing the wasm32-unknown-unknown target", || {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
    })
}

/// `rustup component add rust-src` unless it is installed: the release wasm compiles the standard
/// library itself (`-Zbuild-std`, see `wasm.rs`), from these sources.
pub fn rust_src() -> Result {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    checked(&DONE, || {
        let installed = output(Command::new("rustup").args(["component", "list", "--installed"]))
            .unwrap_or_default();
        if installed.lines().any(|l| l.trim() == "rust-src") {
            return Ok(());
        }
        cmd::timed("installing the rust-src component", || {
            run(Command::new("rustup").args(["component", "add", "rust-src"]))
        })
    })
}

/// `wasm-bindgen` of exactly [`WASM_BINDGEN_VERSION`], installed when missing or different.
pub fn wasm_bindgen() -> Result<PathBuf> {
    // Its `--version` prints `wasm-bindgen 0.2.130`. Not `--locked`: see docs/toolchain.md.
    cargo_tool(
        "wasm-bindgen",
        "wasm-bindgen-cli",
        WASM_BINDGEN_VERSION,
        false,
        |v| v.split_whitespace().nth(1) == Some(WASM_BINDGEN_VERSION),
    )
}

/// `worker-build` of [`WORKER_BUILD_VERSION`], installed when missing or different.
pub fn worker_build() -> Result<PathBuf> {
    cargo_tool(
        "worker-build",
        "worker-build",
        WORKER_BUILD_VERSION,
        true,
        |v| v.contains(WORKER_BUILD_VERSION),
    )
}

/// The program `bin` of crates.io's `krate` at `version`: the one on PATH when its `--version`
/// output satisfies `matches`, else `cargo install`ed (a first run says this takes minutes).
fn cargo_tool(
    bin: &str,
    krate: &str,
    version: &str,
    locked: bool,
    matches: impl Fn(&str) -> bool,
) -> Result<PathBuf> {
    if let Ok(path) = which::which(bin) {
        if matches(&output(Command::new(&path).arg("--version")).unwrap_or_default()) {
            return Ok(path);
        }
    }
    first_run_notice();
    cmd::timed(
        &format!("installing {krate} {version} (once; several minutes)"),
        || {
            let mut install = cmd::cargo();
            install.args(["install", krate, "--version", version]);
            if locked {
                install.arg("--locked");
            }
            run(&mut install)
        },
    )?;
    which::which(bin).with_context(|| {
        format!("{bin} was installed but is not on PATH (add ~/.cargo/bin to PATH)")
    })
}

/// A program from `node_modules/.bin`.
pub fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

/// The npm packages of `package.json` (wrangler, miniflare, esbuild, binaryen, playwright-core,
/// axe-core, vnu-jar, …), installed with `npm ci` unless `node_modules` already holds exactly the
/// versions `package-lock.json` names.
pub fn npm_packages() -> Result {
    static DONE: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    checked(&DONE, npm_packages_now)
}

fn npm_packages_now() -> Result {
    if which::which("npm").is_err() {
        bail!("npm is missing: install Node.js 20 or later (it brings npm), https://nodejs.org/");
    }
    let root = root();
    if npm_installed_matches(
        &root.join("package-lock.json"),
        &root.join("node_modules/.package-lock.json"),
    ) {
        return Ok(());
    }
    cmd::timed(
        "installing npm packages (npm ci, package-lock.json)",
        || {
            run(Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&root))
        },
    )
}

/// Whether npm's record of what it installed (`node_modules/.package-lock.json`) has every
/// package of the lockfile at its locked version (optional platform packages may be absent).
fn npm_installed_matches(lock: &Path, installed: &Path) -> bool {
    let read = |p: &Path| -> Option<serde_json::Value> {
        serde_json::from_str(&std::fs::read_to_string(p).ok()?).ok()
    };
    let (Some(lock), Some(installed)) = (read(lock), read(installed)) else {
        return false;
    };
    let (Some(want), Some(have)) = (
        lock["packages"].as_object(),
        installed["packages"].as_object(),
    ) else {
        return false;
    };
    want.iter()
        .filter(|(path, _)| !path.is_empty())
        .all(|(path, p)| match have.get(path) {
            Some(h) => h["version"] == p["version"],
            None => p["optional"] == true,
        })
}

/// Python's `jsonschema`, the independent JSON Schema validator the tests check the schema with.
pub fn python_jsonschema() -> Result {
    python_package("jsonschema", JSONSCHEMA_PY_VERSION, "JSON Schema validator")
}

/// Python's `pyld`, the independent JSON-LD processor the tests expand the notices to RDF with.
pub fn python_pyld() -> Result {
    python_package("pyld", PYLD_VERSION, "JSON-LD processor")
}

/// The Python package `module` (also its name on PyPI), pip-installed at `version` unless it
/// imports already; `what` says what the tests use it as.
fn python_package(module: &str, version: &str, what: &str) -> Result {
    let python = which::which("python3").with_context(|| {
        format!("python3 is missing: the tests use Python's {module} as an independent {what}; install Python 3")
    })?;
    if output(Command::new(&python).args(["-c", &format!("import {module}")])).is_some() {
        return Ok(());
    }
    cmd::timed(
        &format!("installing Python's {module} (independent {what})"),
        || {
            run(Command::new(&python).args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                &format!("{module}=={version}"),
            ]))
        },
    )
}

/// The program names Chrome and Chromium have on PATH (Debian, Ubuntu, Fedora, Arch, Homebrew).
const CHROME_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];
/// Where the macOS app bundles keep the browser.
const CHROME_MACOS: [&str; 2] = [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/// Chrome or Chromium for the browser tests and the widget benchmark: `$CHROME` when set, else the
/// first found on PATH or in the macOS applications. The tests are given the path as `CHROME`.
pub fn chrome() -> Result<PathBuf> {
    find_program(
        "CHROME",
        &CHROME_NAMES,
        &CHROME_MACOS,
        SystemPackage {
            what: "Chrome or Chromium (the browser tests drive it headless)",
            debian: "chromium",
            macos: "brew install --cask chromium   (or install Google Chrome)",
        },
    )
}

/// nginx for `cargo xtask bench` (the static-file anchor): `$NGINX`, PATH, or the usual sbin folders.
pub fn nginx() -> Result<PathBuf> {
    find_program(
        "NGINX",
        &["nginx"],
        &[
            "/usr/sbin/nginx",
            "/usr/local/sbin/nginx",
            "/usr/local/bin/nginx",
            "/opt/homebrew/bin/nginx",
        ],
        SystemPackage {
            what: "nginx (the benchmark's static-file anchor)",
            debian: "nginx",
            macos: "brew install nginx",
        },
    )
}

/// wrk for `cargo xtask bench` (the load generator).
pub fn wrk() -> Result<PathBuf> {
    find_program(
        "WRK",
        &["wrk"],
        &[],
        SystemPackage {
            what: "wrk (the benchmark's load generator)",
            debian: "wrk",
            macos: "brew install wrk",
        },
    )
}

/// Java 17 or later, which the Nu HTML Checker (npm `vnu-jar`) of the edge tests runs on.
pub fn java() -> Result<PathBuf> {
    find_program(
        "JAVA",
        &["java"],
        &[],
        SystemPackage {
            what: "Java 17 or later (the edge tests run the Nu HTML Checker, vnu-jar, on it)",
            debian: "default-jre-headless",
            macos: "brew install openjdk",
        },
    )
}

/// A program no package registry of ours provides, and how to get it from the system.
struct SystemPackage {
    what: &'static str,
    debian: &'static str,
    macos: &'static str,
}

/// `$env` when set (it must exist), else the first of `names` on PATH, else the first of `paths`
/// that exists; when none is there, apt-get installs `package.debian` if xtask runs as root on
/// Debian or Ubuntu, and otherwise the error says what to install.
fn find_program(
    env: &str,
    names: &[&str],
    paths: &[&str],
    package: SystemPackage,
) -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        let p = PathBuf::from(p);
        return match which::which(&p) {
            Ok(found) => Ok(found),
            Err(_) => bail!("{env}={} does not name a program", p.display()),
        };
    }
    let look = || {
        names
            .iter()
            .find_map(|n| which::which(n).ok())
            .or_else(|| paths.iter().map(PathBuf::from).find(|p| p.is_file()))
    };
    if let Some(found) = look() {
        return Ok(found);
    }
    let apt = which::which("apt-get").is_ok();
    if apt && nix::unistd::geteuid().is_root() {
        cmd::timed(
            &format!("installing {} with apt-get", package.debian),
            || {
                let apt = |args: &[&str]| {
                    let mut c = Command::new("apt-get");
                    c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
                    c
                };
                run(&mut apt(&["update", "-qq"]))?;
                run(&mut apt(&[
                    "install",
                    "-y",
                    "-qq",
                    "--no-install-recommends",
                    package.debian,
                ]))
            },
        )?;
        if let Some(found) = look() {
            return Ok(found);
        }
    }
    let searched = names
        .iter()
        .copied()
        .chain(paths.iter().copied())
        .collect::<Vec<_>>()
        .join(", ");
    bail!(
        "{} is missing (looked for {searched}).\n\
         Install it, then run again:\n  \
         Debian/Ubuntu: apt-get install {}\n  \
         macOS:         {}\n\
         or set {env}=/path/to/the/program.",
        package.what,
        package.debian,
        package.macos
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npm_packages_match_by_version_and_optional_ones_may_be_absent() {
        let dir = std::env::temp_dir().join(format!("xtask-npm-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (lock, installed) = (dir.join("lock.json"), dir.join("installed.json"));
        std::fs::write(
            &lock,
            r#"{"packages": {"": {}, "node_modules/a": {"version": "1.0.0"},
                "node_modules/b-darwin": {"version": "2.0.0", "optional": true}}}"#,
        )
        .unwrap();
        std::fs::write(
            &installed,
            r#"{"packages": {"node_modules/a": {"version": "1.0.0"}}}"#,
        )
        .unwrap();
        assert!(npm_installed_matches(&lock, &installed));
        std::fs::write(
            &installed,
            r#"{"packages": {"node_modules/a": {"version": "0.9.0"}}}"#,
        )
        .unwrap();
        assert!(!npm_installed_matches(&lock, &installed));
        std::fs::write(&installed, r#"{"packages": {}}"#).unwrap();
        assert!(!npm_installed_matches(&lock, &installed));
        assert!(!npm_installed_matches(&lock, &dir.join("absent.json")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_override_that_names_nothing_is_an_error_not_a_silent_fallback() {
        // A variable of its own, so no other test's environment is touched.
        std::env::set_var("XTASK_TEST_PROGRAM", "/nonexistent/chrome");
        let err = find_program(
            "XTASK_TEST_PROGRAM",
            &["sh"],
            &[],
            SystemPackage {
                what: "x",
                debian: "x",
                macos: "x",
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("does not name a program"), "{err}");
    }
}
