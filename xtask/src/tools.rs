//! Installing the tools the build and the tests need, each only when missing or of the wrong
//! version. Versions and the reasons behind them are in `shared/TOOLCHAIN.md` and the README.

use std::process::Command;

use crate::cmd::{self, output, root, run, Result};

/// Must equal the `wasm-bindgen` version in Cargo.lock: the CLI and the crate share a wire format.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const WORKER_BUILD_VERSION: &str = "0.8.7";
pub const JSONSCHEMA_PY_VERSION: &str = "4.26.0";

/// `rustup target add wasm32-unknown-unknown` unless it is installed.
pub fn wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    cmd::step("installing the wasm32-unknown-unknown target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// `wasm-bindgen-cli` of exactly [`WASM_BINDGEN_VERSION`] (about 6 minutes to build on 2 cores).
pub fn wasm_bindgen() -> Result {
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(WASM_BINDGEN_VERSION) {
        return Ok(());
    }
    cmd::step(&format!(
        "installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (takes a few minutes once)"
    ));
    // Not `--locked`: its lockfile pins a webpki-roots version the registry index lacks.
    run(cmd::cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        WASM_BINDGEN_VERSION,
    ]))
}

/// `worker-build` of [`WORKER_BUILD_VERSION`] (about 8 minutes to build on 2 cores).
pub fn worker_build() -> Result {
    let have = output(Command::new("worker-build").arg("--version")).unwrap_or_default();
    if have.contains(WORKER_BUILD_VERSION) {
        return Ok(());
    }
    cmd::step(&format!(
        "installing worker-build {WORKER_BUILD_VERSION} (takes a few minutes once)"
    ));
    run(cmd::cargo().args([
        "install",
        "worker-build",
        "--version",
        WORKER_BUILD_VERSION,
        "--locked",
    ]))
}

/// The npm packages of `package.json` (wrangler, binaryen, playwright-core, axe-core, vnu-jar, …),
/// installed from `package-lock.json` unless `node_modules` already matches it.
pub fn npm_packages() -> Result {
    let root = root();
    let lock = root.join("package-lock.json");
    let stamp = root.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::read(&lock), std::fs::read(&stamp)) {
        (Ok(_), Ok(_)) => std::fs::metadata(&stamp)
            .and_then(|s| Ok(s.modified()? >= std::fs::metadata(&lock)?.modified()?))
            .unwrap_or(false),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    cmd::step("installing npm packages (package-lock.json)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root))
}

/// Debian's Chromium and ChromeDriver for the browser tests (never a browser download).
pub fn chromium() -> Result {
    apt_packages(&[
        ("chromium", "chromium"),
        ("chromium-driver", "chromedriver"),
    ])
}

/// Python's `jsonschema`, the independent validator the tests check the JSON Schema with.
pub fn python_jsonschema() -> Result {
    if output(Command::new("python3").args(["-c", "import jsonschema"])).is_some() {
        return Ok(());
    }
    cmd::step("installing Python's jsonschema (independent JSON Schema validator)");
    run(Command::new("python3").args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        &format!("jsonschema=={JSONSCHEMA_PY_VERSION}"),
    ]))
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u"))
        .map(|s| s.trim() == "0")
        .unwrap_or(false)
}

/// Debian packages (by package name) whose commands are missing, installed with apt-get (through
/// `sudo` unless root): Chromium for the browser tests, `wrk` and `nginx` for `cargo xtask bench`.
/// `commands` pairs each package with a command it provides.
pub fn apt_packages(commands: &[(&str, &str)]) -> Result {
    let missing: Vec<&str> = commands
        .iter()
        .filter(|(_, command)| {
            output(Command::new("sh").args(["-c", &format!("command -v {command}")])).is_none()
        })
        .map(|(package, _)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    cmd::step(&format!("installing {} from Debian", missing.join(", ")));
    let apt = |args: &[&str]| {
        let mut c = if is_root() {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(&mut apt(&["update", "-qq"]))?;
    run(apt(&["install", "-y", "-qq", "--no-install-recommends"]).args(&missing))
}
