//! The servers a benchmark run measures: the edge (workerd via Miniflare, `tests/bench/edge.mjs`)
//! and nginx serving the very bytes the edge serves, as static files. Both stop when dropped.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

use crate::cmd::{self, root, Result};

/// The running edge; closing its standard input stops it (Miniflare disposes of workerd).
pub struct Edge {
    child: Child,
    stdin: Option<ChildStdin>,
    pub base: String,
    /// The id of the notice with a long history (`BENCH_LONG_VERSIONS` versions).
    pub long: String,
}

impl Edge {
    /// Starts the built worker on a fresh D1 database and publishes every example, `extra` notice
    /// files and a history of `long_versions` versions. Returns once everything is published.
    pub fn start(state: &Path, extra: &[PathBuf], long_versions: u32) -> Result<Edge> {
        cmd::step(&format!(
            "starting the edge in workerd and publishing the examples and {long_versions} versions"
        ));
        let started = Instant::now();
        let mut child = Command::new("node")
            .arg(root().join("tests/bench/edge.mjs"))
            .args(extra)
            .current_dir(root())
            .env("SELOSTE_EDGE_TEST_STATE", state)
            .env("BENCH_LONG_VERSIONS", long_versions.to_string())
            .env("WRANGLER_SEND_METRICS", "false")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start node: {e}"))?;
        let stdin = child.stdin.take();
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped"))
            .read_line(&mut line)
            .map_err(|e| format!("tests/bench/edge.mjs: {e}"))?;
        let mut edge = Edge {
            child,
            stdin,
            base: String::new(),
            long: String::new(),
        };
        edge.base = json_string(&line, "base").ok_or("tests/bench/edge.mjs did not start")?;
        edge.long = json_string(&line, "long").unwrap_or_default();
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
        std::fs::write(&conf, text).map_err(|e| format!("{}: {e}", conf.display()))?;
        let bin = ["/usr/sbin/nginx", "/usr/bin/nginx"]
            .into_iter()
            .find(|p| Path::new(p).is_file())
            .unwrap_or("nginx");
        let child = Command::new(bin)
            .arg("-c")
            .arg(&conf)
            .arg("-p")
            .arg(dir)
            .spawn()
            .map_err(|e| format!("cannot start nginx: {e}"))?;
        let nginx = Nginx(child);
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while get(&base, "/latest.html").is_err() {
            if started.elapsed() > Duration::from_secs(10) {
                return Err(format!(
                    "nginx did not start (see {})",
                    dir.join("error.log").display()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(nginx)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGQUIT: nginx's graceful stop; its worker exits with the master.
        let _ = Command::new("kill")
            .args(["-QUIT", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// `GET base+path` with curl: the body, or an error for anything but a 2xx.
pub fn get(base: &str, path: &str) -> Result<Vec<u8>> {
    let out = Command::new("curl")
        .args(["-sSf", "--max-time", "60"])
        .arg(format!("{base}{path}"))
        .output()
        .map_err(|e| format!("cannot run curl: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!(
            "GET {base}{path}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// The string value of `"key":"…"` in a one-line JSON object (no escapes in our values).
pub fn json_string(json: &str, key: &str) -> Option<String> {
    let at = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let rest = &json[at..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// The numbers of `"key":[…]` in a one-line JSON object.
pub fn json_numbers(json: &str, key: &str) -> Vec<f64> {
    let Some(at) = json.find(&format!("\"{key}\":[")) else {
        return Vec::new();
    };
    let rest = &json[at + key.len() + 4..];
    rest[..rest.find(']').unwrap_or(0)]
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_scripts_json_lines() {
        let line = r#"{"base":"http://127.0.0.1:5","notices":["a/b"],"long":"bench/x","widget":[1.5,2],"iframe":[]}"#;
        assert_eq!(json_string(line, "base").unwrap(), "http://127.0.0.1:5");
        assert_eq!(json_string(line, "long").unwrap(), "bench/x");
        assert_eq!(json_numbers(line, "widget"), vec![1.5, 2.0]);
        assert!(json_numbers(line, "iframe").is_empty());
    }
}
