//! The servers a benchmark run measures: the edge (workerd via Miniflare, `tests/bench/edge.mjs`)
//! and nginx serving the very bytes the edge serves, as static files. Both stop when dropped.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::{self, bail, root, Context, Result};
use crate::edge::QUIET_WRANGLER;

/// The running edge; closing its standard input stops it (Miniflare disposes of workerd).
pub struct Edge {
    child: Child,
    stdin: Option<ChildStdin>,
    pub base: String,
    /// The id of the notice with a long history (`BENCH_LONG_VERSIONS` versions).
    pub long: String,
    /// The id of the largest example published as `cold_versions` versions, each a page never
    /// rendered before its first request (the cache-miss measurement).
    pub cold: String,
    pub cold_versions: u32,
    /// The floors: a worker answering the page from a constant, and one from the Cache API only.
    pub constant: String,
    pub cache_only: String,
}

impl Edge {
    /// Starts the built worker on a fresh D1 database and publishes every example, `extra` notice
    /// files and a history of `long_versions` versions. Returns once everything is published.
    pub fn start(
        state: &Path,
        extra: &[PathBuf],
        long_versions: u32,
        floor_path: &str,
    ) -> Result<Edge> {
        Self::start_with(state, extra, long_versions, None, floor_path)
    }

    /// [`Edge::start`] with `cold_versions` of the cold-render notice (default: the script's).
    pub fn start_with(
        state: &Path,
        extra: &[PathBuf],
        long_versions: u32,
        cold_versions: Option<u32>,
        floor_path: &str,
    ) -> Result<Edge> {
        cmd::step(&format!(
            "starting the edge in workerd and publishing the examples and {long_versions} versions"
        ));
        let started = Instant::now();
        let mut node = Command::new("node");
        if let Some(n) = cold_versions {
            node.env("BENCH_COLD_VERSIONS", n.to_string());
        }
        let mut child = node
            .arg(root().join("tests/bench/edge.mjs"))
            .args(extra)
            .current_dir(root())
            .env("SELOSTE_EDGE_TEST_STATE", state)
            .env("BENCH_LONG_VERSIONS", long_versions.to_string())
            .env("BENCH_FLOOR_PATH", floor_path)
            .envs(QUIET_WRANGLER)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .context("cannot start node")?;
        let stdin = child.stdin.take();
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut line)
            .context("tests/bench/edge.mjs")?;
        let mut edge = Edge {
            child,
            stdin,
            base: String::new(),
            long: String::new(),
            cold: String::new(),
            cold_versions: 0,
            constant: String::new(),
            cache_only: String::new(),
        };
        #[derive(serde::Deserialize)]
        struct Floors {
            constant: String,
            cache: String,
        }
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Started {
            base: String,
            long: String,
            cold: String,
            cold_versions: u32,
            floors: Floors,
        }
        let started_line: Started = serde_json::from_str(line.trim()).with_context(|| {
            format!(
                "tests/bench/edge.mjs did not start (it printed `{}`)",
                line.trim()
            )
        })?;
        edge.base = started_line.base;
        edge.long = started_line.long;
        edge.cold = started_line.cold;
        edge.cold_versions = started_line.cold_versions;
        edge.constant = started_line.floors.constant;
        edge.cache_only = started_line.floors.cache;
        eprintln!(
            "edge ready at {} in {:.0} s",
            edge.base,
            started.elapsed().as_secs_f64()
        );
        Ok(edge)
    }
}

impl Drop for Edge {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// nginx serving `dir/html` (which must hold `latest.html`) on `port`: one worker process, like
/// the edge's one workerd thread.
pub struct Nginx(Child);

impl Nginx {
    pub fn start(dir: &Path, port: u16) -> Result<Nginx> {
        let conf = dir.join("nginx.conf");
        let html = dir.join("html");
        let text = format!(
            "daemon off;\nworker_processes 1;\npid {pid};\nerror_log {log} warn;\n\
             events {{ worker_connections 1024; }}\n\
             http {{\n  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 1000000;\n\
             client_body_temp_path {tmp}/body;\n  proxy_temp_path {tmp}/proxy;\n  fastcgi_temp_path {tmp}/fastcgi;\n\
             uwsgi_temp_path {tmp}/uwsgi;\n  scgi_temp_path {tmp}/scgi;\n\
             server {{\n    listen 127.0.0.1:{port};\n    root {html};\n    default_type \"text/html; charset=utf-8\";\n  }}\n}}\n",
            pid = dir.join("nginx.pid").display(),
            log = dir.join("error.log").display(),
            tmp = dir.display(),
            html = html.display(),
        );
        cmd::write(&conf, text)?;
        let child = Command::new(&super::programs().nginx)
            .arg("-c")
            .arg(&conf)
            .arg("-p")
            .arg(dir)
            .spawn()
            .context("cannot start nginx")?;
        let nginx = Nginx(child);
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while get(&base, "/latest.html").is_err() {
            if started.elapsed() > Duration::from_secs(10) {
                bail!(
                    "nginx did not start (see {})",
                    dir.join("error.log").display()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(nginx)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGQUIT: nginx's graceful stop; its worker exits with the master.
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(self.0.id() as i32),
            nix::sys::signal::Signal::SIGQUIT,
        );
        let _ = self.0.wait();
    }
}

/// `GET base+path`: the body, or an error for anything but a 2xx.
pub fn get(base: &str, path: &str) -> Result<Vec<u8>> {
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .new_agent();
    let mut response = agent
        .get(&format!("{base}{path}"))
        .call()
        .with_context(|| format!("GET {base}{path}"))?;
    response
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_vec()
        .with_context(|| format!("GET {base}{path}: reading the body"))
}
