//! `cargo xtask dev`: builds the widget and the worker (skipping what has not changed), starts the
//! edge in workerd through `wrangler dev` with a local D1 database, publishes every example, prints
//! the URLs, and then watches the sources: a change rebuilds what depends on it and wrangler
//! reloads the worker; a changed example is published as a new version. SIGINT, SIGTERM or SIGHUP
//! stops every process it started (see `supervise.rs`).

mod config;
pub mod supervise;
mod watch;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use crate::cmd::{self, bail, root, Context, Result};
use crate::edge::{self, edge_dir, QUIET_WRANGLER};
use crate::profile::Profile;
use crate::{editor, site, tools, widget};

/// What `cargo xtask dev` was asked for.
pub struct Options {
    /// The port on 127.0.0.1 the edge listens on.
    pub port: u16,
    /// Local state: the D1 database, the publishing token, the generated wrangler config.
    pub state: PathBuf,
    /// Rebuild and republish on changes (otherwise just serve).
    pub watch: bool,
    pub profile: Profile,
}

/// The main job (see the module documentation). Runs until a signal stops it.
pub fn run(o: Options) -> Result {
    supervise::install()?;
    let started = Instant::now();
    build(o.profile)?;
    let edge = Edge::start(&o)?;
    edge.publish_all()?;
    eprintln!("\nready in {:.1} s", started.elapsed().as_secs_f64());
    edge.print_urls()?;
    if o.watch {
        watch::run(&edge, o.profile)
    } else {
        edge.wait()
    }
}

/// The widget, the editor, the worker and the CLI that publishes the examples.
fn build(profile: Profile) -> Result {
    widget::bundle(profile)?;
    editor::bundle(profile)?;
    edge::build(profile)?;
    build_cli()
}

fn build_cli() -> Result {
    cmd::timed("building the seloste CLI (publishes the examples)", || {
        supervise::run(cmd::cargo().args(["build", "--quiet", "--bin", "seloste"]))
    })
}

/// The running edge.
pub struct Edge {
    server: std::sync::Mutex<supervise::Group>,
    base: String,
    token: String,
    token_file: PathBuf,
}

impl Edge {
    fn start(o: &Options) -> Result<Edge> {
        let state = o.state.join("edge");
        std::fs::create_dir_all(&state).with_context(|| format!("{}", state.display()))?;
        let source = edge_dir().join("wrangler.toml");
        let config = state.join("wrangler.dev.toml");
        let main = edge::out_dir(o.profile).join("index.js");
        cmd::write(
            &config,
            config::dev_config(&cmd::read(&source)?, &edge_dir(), &main)?,
        )?;
        // The operator token: it creates the organisations' keys and publishes the examples.
        // (State folders from before keys called it `publish-token`.)
        let token_file = o.state.join("operator-token");
        let old_file = o.state.join("publish-token");
        if old_file.is_file() && !token_file.exists() {
            std::fs::rename(&old_file, &token_file)
                .with_context(|| format!("{}", old_file.display()))?;
        }
        let token = config::dev_token(&token_file)?;
        let base = format!("http://127.0.0.1:{}", o.port);
        // wrangler dev reads secrets from `.dev.vars` next to its config: the token stays off the
        // command line (where `ps` would show it) and out of the repository. The public origin is
        // the one dev serves on, so absolute URLs (Location, feed links) point at it on any port.
        cmd::write(
            &state.join(".dev.vars"),
            format!("PUBLISH_TOKEN={token}\nPUBLIC_ORIGIN={base}\n"),
        )?;

        apply_migrations(&config, &state)?;

        if healthz(&base) {
            bail!(
                "something already answers on {base}; stop it first (an earlier `cargo xtask dev`?) \
                 or choose another port with --port"
            );
        }
        cmd::step(&format!("starting the edge (wrangler dev on {base})"));
        let started = Instant::now();
        let mut dev = wrangler(&config);
        dev.args(["dev", "--local", "--ip", "127.0.0.1", "--port"])
            .arg(o.port.to_string())
            .arg("--persist-to")
            .arg(&state)
            .arg("--show-interactive-dev-session=false");
        let mut server = supervise::Group(supervise::spawn(&mut dev)?);
        wait_until_up(&mut server.0, &base, Duration::from_secs(120))?;
        eprintln!("    (edge up in {:.1} s)", started.elapsed().as_secs_f64());
        Ok(Edge {
            server: std::sync::Mutex::new(server),
            base,
            token,
            token_file,
        })
    }

    /// Publishes every example (versions already published are skipped by the CLI).
    fn publish_all(&self) -> Result {
        cmd::timed(
            "publishing the examples (versions already published are skipped)",
            || {
                for file in site::example_files()? {
                    self.publish(&file)?;
                }
                Ok(())
            },
        )
    }

    /// Publishes one notice or history file with the CLI.
    pub fn publish(&self, file: &Path) -> Result {
        cmd::run(
            Command::new(root().join("target/debug/seloste"))
                .arg("publish")
                .arg(file)
                .args(["--to", &self.base])
                .env("SELOSTE_TOKEN", &self.token),
        )
    }

    fn print_urls(&self) -> Result {
        let base = &self.base;
        println!("\nSeloste runs at {base}/ (Ctrl-C or SIGTERM stops it):\n");
        println!("  {base}/                 every notice");
        println!("  {base}/embed.html       the widget in an example company page");
        for file in site::example_files()? {
            if let Some(id) = notice_id(&file) {
                println!("  {base}/{id}");
                println!("  {base}/{id}/history");
            }
        }
        let token_file = self
            .token_file
            .strip_prefix(root())
            .unwrap_or(&self.token_file)
            .display();
        println!(
            "\nA publishing key for one organisation (shown once; it publishes only that \
             organisation's notices):\n  SELOSTE_OPERATOR_TOKEN=$(cat {token_file}) cargo run -- \
             keys create kaarea --label dev --to {base}\n\
             then: SELOSTE_TOKEN=<the key> cargo run -- publish FILE --to {base}"
        );
        Ok(())
    }

    /// Whether wrangler dev is still running; an error when it ended.
    pub fn check_alive(&self) -> Result {
        let mut server = self.server.lock().unwrap_or_else(|e| e.into_inner());
        if let Ok(Some(status)) = server.0.try_wait() {
            bail!("wrangler dev stopped ({status})");
        }
        Ok(())
    }

    /// Serves until wrangler dev ends (or a signal stops everything).
    fn wait(&self) -> Result {
        loop {
            self.check_alive()?;
            std::thread::sleep(Duration::from_millis(500));
        }
    }
}

/// Applies the D1 migrations to the local database, unless the ones applied last time are the
/// ones in `edge/migrations/` now (starting wrangler for nothing costs seconds on every restart).
/// The record lives in the state folder itself, so a deleted database is migrated again.
fn apply_migrations(config: &Path, state: &Path) -> Result {
    let dir = edge_dir().join("migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let mut applied = String::new();
    for f in &files {
        applied.push_str(&format!("{}\n{}\n", f.display(), cmd::read(f)?));
    }
    let record = state.join("migrations-applied.txt");
    if state.join("v3").is_dir() && std::fs::read_to_string(&record).is_ok_and(|r| r == applied) {
        eprintln!("    (D1 migrations: the local database has every one, skipped)");
        return Ok(());
    }
    cmd::timed("applying the D1 migrations to the local database", || {
        supervise::run(
            wrangler(config)
                .args(["d1", "migrations", "apply", "DB", "--local", "--persist-to"])
                .arg(state),
        )
    })?;
    cmd::write(&record, applied)
}

/// `wrangler` from `node_modules`, in `edge/`, quiet and offline, with `config`.
fn wrangler(config: &Path) -> Command {
    let mut c = Command::new(tools::node_bin("wrangler"));
    c.current_dir(edge_dir())
        .envs(QUIET_WRANGLER)
        .arg("--config")
        .arg(config);
    c
}

fn wait_until_up(child: &mut Child, base: &str, timeout: Duration) -> Result {
    let started = Instant::now();
    while started.elapsed() < timeout {
        if let Ok(Some(status)) = child.try_wait() {
            bail!("wrangler dev exited ({status})");
        }
        if healthz(base) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bail!("the edge did not answer on {base} within {timeout:?}")
}

/// Whether the edge at `base` answers `/healthz` with 200.
pub fn healthz(base: &str) -> bool {
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .new_agent();
    agent
        .get(&format!("{base}/healthz"))
        .call()
        .is_ok_and(|r| r.status() == 200)
}

/// The `id` of a notice or history file.
fn notice_id(file: &Path) -> Option<String> {
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).ok()?).ok()?;
    doc["id"].as_str().map(str::to_owned)
}
