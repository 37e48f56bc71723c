//! Building the edge worker (`edge/build/`), testing it in the real Workers runtime, and running
//! it locally with every example published (`cargo xtask dev`).
//!
//! Everything runs offline: worker-build is told where wasm-bindgen, wasm-opt and esbuild are (it
//! would download them otherwise), and wrangler, Miniflare and workerd come from `node_modules`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use crate::cmd::{self, root, run, Result};
use crate::{site, tools, widget};

/// Where `cargo xtask dev` serves the edge.
pub const DEV_ADDR: &str = "127.0.0.1:8787";

fn edge_dir() -> PathBuf {
    root().join("edge")
}

fn node_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

/// `worker-build --release` in `edge/`, with the local tools: the cargo-installed wasm-bindgen of
/// the Cargo.lock version, npm binaryen's wasm-opt and the esbuild wrangler brings.
fn worker_build() -> Command {
    let mut c = Command::new("worker-build");
    c.arg("--release")
        .current_dir(edge_dir())
        .env("WASM_OPT_BIN", node_bin("wasm-opt"))
        .env("ESBUILD_BIN", node_bin("esbuild"))
        .env("XDG_CACHE_HOME", root().join("target/worker-build-cache"));
    if let Some(bindgen) = which("wasm-bindgen") {
        c.env("WASM_BINDGEN_BIN", bindgen);
    }
    c
}

/// Builds the worker into `edge/build/` (`index.js` and `index_bg.wasm`). The widget bundle in
/// `widget/dist/` is embedded when present, so build the widget first (`cargo xtask build` does).
pub fn build() -> Result {
    tools::wasm_target()?;
    tools::wasm_bindgen()?;
    tools::worker_build()?;
    tools::npm_packages()?;
    if !root().join("widget/dist/seloste_bg.wasm").is_file() {
        eprintln!("note: widget/dist/ is empty; the worker will answer /widget/* with 503");
    }
    cmd::step("building the edge worker (worker-build --release)");
    let started = Instant::now();
    run(&mut worker_build())?;
    let wasm = edge_dir().join("build/index_bg.wasm");
    let size = std::fs::metadata(&wasm)
        .map_err(|e| format!("{}: {e}", wasm.display()))?
        .len();
    eprintln!(
        "edge worker built in {:.0} s: {} ({} KB raw; `npx wrangler deploy --dry-run` in edge/ prints the upload size)",
        started.elapsed().as_secs_f64(),
        wasm.display(),
        size / 1024
    );
    Ok(())
}

/// Builds the widget and the worker, then runs `tests/edge/*.test.mjs` with `node --test`: every
/// test starts the built worker in workerd (Miniflare) on a D1 database migrated by wrangler.
pub fn test() -> Result {
    if !root().join("widget/dist/seloste_bg.wasm").is_file() {
        widget::build()?;
    }
    build()?;
    cmd::step("edge tests in workerd (node --test tests/edge/)");
    if cmd::output(Command::new("java").arg("-version")).is_none() {
        return Err("the edge tests need Java (17+) for the Nu HTML Checker (vnu-jar)".into());
    }
    let state = root().join("target/edge-tests");
    let _ = std::fs::remove_dir_all(&state);
    std::fs::create_dir_all(&state).map_err(|e| format!("{}: {e}", state.display()))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/edge"))
        .map_err(|e| format!("tests/edge: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    run(Command::new("node")
        .args(["--test", "--test-reporter=spec", "--test-concurrency=2"])
        .args(&files)
        .current_dir(root())
        .env("SELOSTE_EDGE_TEST_STATE", &state)
        .env("WRANGLER_SEND_METRICS", "false"))
}

/// The main job: builds the widget and the worker, applies the D1 migration, starts `wrangler dev`
/// on [`DEV_ADDR`] with local state in `.state/edge/` (the publishing token, random, in
/// `.state/publish-token`), publishes every example (skipping what is
/// already published) and prints the URLs to open. Runs until Ctrl-C.
pub fn dev() -> Result {
    widget::build()?;
    build()?;
    serve()
}

/// The part of [`dev`] after the builds: migrate, start, publish, print, wait.
fn serve() -> Result {
    cmd::step("building the seloste CLI (publishes the examples)");
    run(cmd::cargo().args(["build", "--quiet", "--bin", "seloste"]))?;

    let state = root().join(".state/edge");
    std::fs::create_dir_all(&state).map_err(|e| format!("{}: {e}", state.display()))?;
    let config = write_dev_config(&state)?;
    let token = dev_token(&root().join(".state/publish-token"))?;
    // wrangler dev reads secrets from `.dev.vars` next to its config: the token stays off the
    // command line (where `ps` would show it) and out of the repository (`.state/` is ignored).
    let vars = state.join(".dev.vars");
    std::fs::write(&vars, format!("PUBLISH_TOKEN={token}\n"))
        .map_err(|e| format!("{}: {e}", vars.display()))?;

    cmd::step("applying the D1 migrations to the local database");
    run(wrangler(&config)
        .args(["d1", "migrations", "apply", "DB", "--local", "--persist-to"])
        .arg(&state))?;

    cmd::step(&format!(
        "starting the edge (wrangler dev on http://{DEV_ADDR})"
    ));
    if http_get("/healthz").is_ok() {
        return Err(format!(
            "something already listens on {DEV_ADDR}; stop it first (an earlier `cargo xtask dev`?)"
        ));
    }
    let (ip, port) = DEV_ADDR.split_once(':').expect("host:port");
    let mut dev = wrangler(&config);
    dev.args(["dev", "--local", "--ip", ip, "--port", port])
        .arg("--persist-to")
        .arg(&state)
        .arg("--show-interactive-dev-session=false");
    let mut server = Server(spawn_in_own_group(&mut dev)?);
    wait_until_up(&mut server.0, Duration::from_secs(90))?;

    cmd::step("publishing the examples (versions already published are skipped)");
    let seloste = root().join("target/debug/seloste");
    let base = format!("http://{DEV_ADDR}");
    for file in site::example_files()? {
        run(Command::new(&seloste)
            .arg("publish")
            .arg(&file)
            .args(["--to", &base])
            .env("SELOSTE_TOKEN", &token))?;
    }

    println!("\nSeloste runs at {base}/ (Ctrl-C stops it):\n");
    println!("  {base}/                 every notice");
    println!("  {base}/embed.html       the widget in an example company page");
    for file in site::example_files()? {
        if let Some(id) = notice_id(&file) {
            println!("  {base}/{id}");
            println!("  {base}/{id}/history");
        }
    }
    println!("\nPublish more with: SELOSTE_TOKEN=$(cat .state/publish-token) cargo run -- publish FILE --to {base}");
    let status = server.0.wait().map_err(|e| format!("wrangler dev: {e}"))?;
    Err(format!("wrangler dev stopped ({status})"))
}

/// `wrangler` from `node_modules`, in `edge/`, without telemetry, with `config`.
fn wrangler(config: &Path) -> Command {
    let mut c = Command::new(node_bin("wrangler"));
    c.current_dir(edge_dir())
        .env("WRANGLER_SEND_METRICS", "false")
        .arg("--config")
        .arg(config);
    c
}

/// A copy of `edge/wrangler.toml` for local runs, without its `[build]` (the worker is already
/// built; wrangler would rebuild on every start) and with absolute paths.
fn write_dev_config(state: &Path) -> Result<PathBuf> {
    let source = edge_dir().join("wrangler.toml");
    let text =
        std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let config = state.join("wrangler.dev.toml");
    let dev = dev_config(&text, &edge_dir());
    std::fs::write(&config, dev).map_err(|e| format!("{}: {e}", config.display()))?;
    Ok(config)
}

/// `wrangler.toml` without the `[build]` table, `main` and `migrations_dir` made absolute.
fn dev_config(text: &str, edge: &Path) -> String {
    let mut out = String::from("# Generated by `cargo xtask dev` from edge/wrangler.toml.\n");
    let mut in_build = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            in_build = t == "[build]";
        }
        if in_build {
            continue;
        }
        if let Some(v) = t.strip_prefix("main = ") {
            let rel = v.trim_matches('"');
            out.push_str(&format!(
                "main = {:?}\n",
                edge.join(rel).display().to_string()
            ));
        } else if let Some(v) = t.strip_prefix("migrations_dir = ") {
            let rel = v.trim_matches('"');
            out.push_str(&format!(
                "migrations_dir = {:?}\n",
                edge.join(rel).display().to_string()
            ));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The local publishing token: made once (random, from the OS) and kept in `.state/`.
fn dev_token(path: &Path) -> Result<String> {
    if let Ok(t) = std::fs::read_to_string(path) {
        if t.trim().len() >= 32 {
            return Ok(t.trim().to_owned());
        }
    }
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("cannot read /dev/urandom: {e}"))?;
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(path, &token).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(token)
}

/// Starts `cmd` as the leader of a new process group (`setsid`), so that stopping it also stops
/// the two workerd processes and esbuild wrangler dev starts; they would keep the port otherwise.
///
/// A small `sh` leads the group and watches both `cmd` and this process: when either ends (Ctrl-C
/// ends `cargo xtask dev` without unwinding, and the group, in its own session, does not see the
/// terminal's SIGINT), it stops the whole group within a second.
fn spawn_in_own_group(cmd: &mut Command) -> Result<Child> {
    let watchdog = format!(
        "\"$@\" & child=$!; \
         while kill -0 $child 2>/dev/null && kill -0 {parent} 2>/dev/null; do sleep 1; done; \
         kill -TERM 0",
        parent = std::process::id()
    );
    let mut c = Command::new("setsid");
    c.args(["sh", "-c", &watchdog, "sh"])
        .arg(cmd.get_program())
        .args(cmd.get_args());
    if let Some(dir) = cmd.get_current_dir() {
        c.current_dir(dir);
    }
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            c.env(k, v);
        }
    }
    c.spawn()
        .map_err(|e| format!("cannot start wrangler dev: {e}"))
}

/// The running `wrangler dev`: its whole process group is stopped when this is dropped (on an
/// error, or when `cargo xtask dev` ends).
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.0.wait();
    }
}

fn wait_until_up(child: &mut Child, timeout: Duration) -> Result {
    let started = Instant::now();
    while started.elapsed() < timeout {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("wrangler dev exited ({status})"));
        }
        if let Ok((200, _)) = http_get("/healthz") {
            eprintln!("edge up in {:.1} s", started.elapsed().as_secs_f64());
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    Err(format!(
        "the edge did not answer on {DEV_ADDR} within {timeout:?}"
    ))
}

/// A plain HTTP/1.1 GET to the local edge: status and body.
fn http_get(path: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(DEV_ADDR)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {DEV_ADDR}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    s.read_to_string(&mut response)?;
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

/// The `"id"` of a notice or history file (the first one in the file is the document's own).
fn notice_id(file: &Path) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    let at = text.find("\"id\"")?;
    let rest = text[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dev_config_has_no_build_and_absolute_paths() {
        let toml = "name = \"seloste\"\nmain = \"build/index.js\"\n\n[build]\ncommand = \"worker-build --release\"\n\n[[d1_databases]]\nbinding = \"DB\"\nmigrations_dir = \"migrations\"\n";
        let dev = dev_config(toml, Path::new("/r/edge"));
        assert!(!dev.contains("[build]") && !dev.contains("worker-build"));
        assert!(dev.contains("main = \"/r/edge/build/index.js\""));
        assert!(dev.contains("migrations_dir = \"/r/edge/migrations\""));
        assert!(dev.contains("[[d1_databases]]\nbinding = \"DB\""));
    }
}
