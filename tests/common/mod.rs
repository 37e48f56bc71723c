//! Helpers shared by the CLI's end-to-end tests: running the built `seloste` binary and writing
//! input files to a folder of the test process's own.

// Each test file compiles this module on its own and uses only some of it.
#![allow(dead_code)]

/// The five real notices, by the name their transcription (`examples/NAME.json`) and their
/// original text (`tests/fixtures/originals/NAME.txt`) share.
pub const REAL: [&str; 5] = [
    "capricode-asiakkuudenhallinta",
    "capricode-viestintaratkaisut",
    "caracom-asiakasrekisteri",
    "carrata-asiakasrekisteri",
    "kaarea-asiakasrekisteri",
];

use std::path::PathBuf;
use std::process::{Command, Output};

/// The repository's root (the CLI package's folder).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `seloste` binary built for these tests with `args`.
pub fn seloste(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_seloste"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Writes `bytes` to `name` in a temporary folder of this test binary (`suite` keeps the folders
/// of different test files apart) and returns the path.
pub fn temp_file(suite: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("seloste-{suite}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Standard output and standard error together.
pub fn all_output(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}
