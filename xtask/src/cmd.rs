//! Running commands: echo them, stream their output, fail with the command's name, and say how long
//! the long ones took.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub use anyhow::{bail, Context};

/// Every fallible xtask step: an error with its context, `()` when nothing is returned.
pub type Result<T = ()> = anyhow::Result<T>;

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// Runs `cmd` to completion, its output going to the terminal; an error names the command.
pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", describe(cmd));
    if crate::dev::supervise::active() {
        return crate::dev::supervise::run(cmd);
    }
    let status = cmd
        .status()
        .with_context(|| format!("cannot start `{}`", describe(cmd)))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(cmd));
    }
    Ok(())
}

/// Runs `cmd` quietly and returns its standard output, or `None` if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A `cargo` command that uses the same toolchain as the running xtask.
pub fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

/// Prints a step heading so long logs are easy to scan.
pub fn step(name: &str) {
    eprintln!("\n==> {name}");
}

/// Prints a step heading, runs `f` and prints how long it took: a newcomer watching a long build
/// sees what it is doing and what each part costs.
pub fn timed<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    step(name);
    let started = Instant::now();
    let out = f()?;
    eprintln!("    ({name}: {:.1} s)", started.elapsed().as_secs_f64());
    Ok(out)
}

/// Reads a file, the error naming it.
pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Writes a file (creating its folder), the error naming it.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, contents).with_context(|| format!("cannot write {}", path.display()))
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}
