//! Replays every committed fuzz corpus file (`fuzz/corpus/TARGET/*`) through the very harness the
//! fuzz targets run (`fuzz/harness.rs`, included by path), on the stable toolchain. The corpus is
//! the seed corpus (copies of the examples and the complete test notice); a crash reproducer
//! committed there when a campaign finds one (see `fuzz/README.md`) stays fixed in the ordinary
//! `cargo test`. `cargo xtask fuzz` runs the real, bounded campaign.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 7,
        "the seed corpus is committed in {}",
        dir.display()
    );
    for file in files {
        let data = std::fs::read(&file).unwrap();
        // A panic names the file that caused it.
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{} panics", file.display());
    }
}

#[test]
fn parse_validate_corpus() {
    replay("parse_validate", harness::parse_validate);
}

#[test]
fn render_diff_corpus() {
    replay("render_diff", harness::render_diff);
}
