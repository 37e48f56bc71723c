//! `cargo xtask dev` stops every process it started — wrangler, workerd, esbuild — and frees its
//! port, whether it is stopped with SIGTERM (a service manager, `kill`) or with SIGINT while SIGINT
//! is ignored, as it is for a job a shell starts in the background.
//!
//! Run by `cargo xtask test` after the edge tests (`cargo test -p xtask --test dev_stops`): it
//! serves the release build they made (`dev --release`), so nothing is built here.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;

/// How long `dev` may take to become ready (the builds are fresh; starting workerd and publishing
/// the examples remain) and to stop.
const READY_WITHIN: Duration = Duration::from_secs(240);
const STOPPED_WITHIN: Duration = Duration::from_secs(60);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Every live (not zombie) process as (pid, parent pid), from `ps` (Linux and macOS alike).
fn processes() -> Vec<(i32, i32, String)> {
    let out = Command::new("ps")
        .args(["-A", "-o", "pid=,ppid=,stat=,comm="])
        .output()
        .expect("ps runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let pid = f.next()?.parse().ok()?;
            let ppid = f.next()?.parse().ok()?;
            let stat = f.next()?;
            let comm = f.collect::<Vec<_>>().join(" ");
            (!stat.starts_with('Z')).then_some((pid, ppid, comm))
        })
        .collect()
}

/// `pid` and all its descendants, with their names.
fn tree(pid: i32) -> Vec<(i32, String)> {
    let all = processes();
    let mut found: Vec<(i32, String)> = all
        .iter()
        .filter(|p| p.0 == pid)
        .map(|p| (p.0, p.2.clone()))
        .collect();
    let mut i = 0;
    while i < found.len() {
        let parent = found[i].0;
        for p in all.iter().filter(|p| p.1 == parent) {
            found.push((p.0, p.2.clone()));
        }
        i += 1;
    }
    found
}

/// Starts `xtask dev --release --port PORT --state STATE` in a process group of its own (so the
/// signal reaches only what the test sends it to), optionally with SIGINT ignored from the start.
fn start_dev(port: u16, state: &Path, sigint_ignored: bool) -> Child {
    let xtask = env!("CARGO_BIN_EXE_xtask");
    let mut c = if sigint_ignored {
        // What a non-interactive shell does for `cargo xtask dev &`.
        let mut c = Command::new("sh");
        c.args(["-c", "trap '' INT; exec \"$0\" \"$@\"", xtask]);
        c
    } else {
        Command::new(xtask)
    };
    c.args(["dev", "--release", "--port", &port.to_string(), "--state"])
        .arg(state)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(state.with_extension("log")).unwrap());
    std::os::unix::process::CommandExt::process_group(&mut c, 0);
    c.spawn().expect("xtask starts")
}

/// Waits until `dev` prints that it runs (the edge answered and the examples are published).
fn wait_ready(child: &mut Child, log: &Path) {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.starts_with("Seloste runs at") {
                let _ = tx.send(());
            }
        }
    });
    if rx.recv_timeout(READY_WITHIN).is_err() {
        let _ = child.kill();
        panic!(
            "`xtask dev` was not ready within {READY_WITHIN:?}; its log:\n{}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
    }
}

fn stops_everything_on(signal: Signal, sigint_ignored: bool) {
    let port = free_port();
    let state = root()
        .join("target/dev-stops-test")
        .join(format!("{signal:?}").to_lowercase());
    let _ = std::fs::remove_dir_all(&state);
    std::fs::create_dir_all(&state).unwrap();
    let log = state.with_extension("log");

    let mut dev = start_dev(port, &state, sigint_ignored);
    wait_ready(&mut dev, &log);
    let started = tree(dev.id() as i32);
    let names: Vec<&str> = started.iter().map(|p| p.1.as_str()).collect();
    assert!(
        names.iter().any(|n| n.contains("workerd")),
        "dev runs workerd (processes: {names:?})"
    );
    assert!(
        TcpListener::bind(("127.0.0.1", port)).is_err(),
        "the edge listens on {port}"
    );

    kill(Pid::from_raw(dev.id() as i32), signal).unwrap();
    let deadline = Instant::now() + STOPPED_WITHIN;
    while dev.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = dev.kill();
            panic!("`xtask dev` did not end within {STOPPED_WITHIN:?} of {signal:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }

    let alive: Vec<i32> = processes().iter().map(|p| p.0).collect();
    let left: Vec<&(i32, String)> = started.iter().filter(|p| alive.contains(&p.0)).collect();
    assert!(
        left.is_empty(),
        "{signal:?} left processes running: {left:?}; dev's log:\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    assert!(
        TcpListener::bind(("127.0.0.1", port)).is_ok(),
        "port {port} is free again after {signal:?}"
    );
}

#[test]
fn sigterm_stops_every_process_dev_started() {
    stops_everything_on(Signal::SIGTERM, false);
}

#[test]
fn sigint_stops_every_process_even_when_started_with_sigint_ignored() {
    stops_everything_on(Signal::SIGINT, true);
}
