//! Stopping everything `cargo xtask dev` started, however it is asked to stop.
//!
//! Each long-running child (`wrangler dev`, and a rebuild in progress) leads a process group of its
//! own, so that one signal reaches the processes it starts in turn (workerd, esbuild), which would
//! otherwise keep the port. SIGINT (Ctrl-C), SIGTERM and SIGHUP all run [`stop_all`]: every group
//! gets SIGTERM, then SIGKILL if it has not gone within [`GRACE`], and xtask exits once they are
//! gone. The handler is installed explicitly, so SIGINT works even when `dev` runs in the
//! background, where the shell starts it with SIGINT ignored.

use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use nix::sys::signal::{killpg, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag};
use nix::unistd::Pid;

use crate::cmd::{bail, Context, Result};

/// How long a group may take to stop after SIGTERM before it gets SIGKILL.
const GRACE: Duration = Duration::from_secs(10);

/// The process groups (by their leader's pid) that are running now.
static GROUPS: Mutex<Vec<i32>> = Mutex::new(Vec::new());

/// Set once the handler is installed: from then on every command runs in a group of its own.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Whether [`install`] ran: `cmd::run` then starts commands through [`run`], so that a build in
/// progress (cargo and its rustc children, wasm-opt, worker-build) stops with `dev` too.
pub fn active() -> bool {
    ACTIVE.load(Ordering::SeqCst)
}

/// Installs the handler for SIGINT, SIGTERM and SIGHUP (once per process).
pub fn install() -> Result {
    ACTIVE.store(true, Ordering::SeqCst);
    ctrlc::set_handler(|| {
        eprintln!("\nxtask dev: stopping");
        stop_all();
        std::process::exit(130);
    })
    .context("cannot install the signal handler")
}

/// Starts `cmd` as the leader of a new process group and records the group.
pub fn spawn(cmd: &mut Command) -> Result<Child> {
    use std::os::unix::process::CommandExt;
    let mut groups = GROUPS.lock().unwrap_or_else(|e| e.into_inner());
    let child = cmd
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot start {}", cmd.get_program().to_string_lossy()))?;
    groups.push(child.id() as i32);
    Ok(child)
}

/// Runs `cmd` to completion in a group of its own (so that stopping `dev` also stops a rebuild in
/// progress); an error names the command.
pub fn run(cmd: &mut Command) -> Result {
    let name = cmd.get_program().to_string_lossy().into_owned();
    let mut child = spawn(cmd)?;
    let status = child.wait();
    forget(child.id());
    let status = status.with_context(|| format!("{name}: cannot wait"))?;
    if !status.success() {
        bail!("{name} failed ({status})");
    }
    Ok(())
}

/// Stops the group led by `leader` (SIGTERM, then SIGKILL after [`GRACE`]) and waits until no
/// process of it is left.
pub fn stop(leader: u32) {
    let pgid = Pid::from_raw(leader as i32);
    let _ = killpg(pgid, Signal::SIGTERM);
    let started = Instant::now();
    let mut killed = false;
    loop {
        // Reap the leader (our child) so that it does not linger as a zombie in the group.
        let _ = waitpid(pgid, Some(WaitPidFlag::WNOHANG));
        if killpg(pgid, None).is_err() {
            break;
        }
        if !killed && started.elapsed() > GRACE {
            let _ = killpg(pgid, Signal::SIGKILL);
            killed = true;
        }
        if started.elapsed() > GRACE * 2 {
            eprintln!("xtask dev: process group {leader} does not stop");
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    forget(leader);
}

/// Stops every recorded group.
pub fn stop_all() {
    let groups: Vec<i32> = GROUPS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for g in groups {
        stop(g as u32);
    }
}

fn forget(leader: u32) {
    GROUPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|&g| g != leader as i32);
}

/// The running `wrangler dev`: its whole process group is stopped when this is dropped (on an
/// error, or when `cargo xtask dev` ends).
pub struct Group(pub Child);

impl Drop for Group {
    fn drop(&mut self) {
        stop(self.0.id());
    }
}
