//! Skipping a build step whose inputs have not changed, judged by the *content* of its inputs (a
//! SHA-256 over their paths and bytes), never by timestamps: a checkout, a `touch` or a rebuild
//! that writes identical bytes does not force the slow steps (wasm-bindgen, `wasm-opt -Oz`,
//! worker-build) to run again. The hashes live under `target/xtask-fresh/`, so `cargo clean`
//! forgets them with everything else.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::cmd::{self, root, Result};

/// The inputs of one step, hashed as they are added.
pub struct Inputs {
    name: &'static str,
    hash: Sha256,
    outputs: Vec<PathBuf>,
}

impl Inputs {
    /// The inputs of the step `name` (one stamp file per name).
    pub fn new(name: &'static str) -> Inputs {
        Inputs {
            name,
            hash: Sha256::new(),
            outputs: Vec::new(),
        }
    }

    /// A setting that changes the output (a profile, a tool's version, a flag).
    pub fn text(mut self, label: &str, value: &str) -> Inputs {
        self.hash.update(format!("{label}={value}\n"));
        self
    }

    /// A file's path (relative to the repository) and bytes; a missing file counts as missing.
    pub fn file(mut self, path: &Path) -> Inputs {
        self.add_file(path);
        self
    }

    /// Every file under `dir`, in a stable order, except those under the `skip` folders.
    pub fn dir(mut self, dir: &Path, skip: &[&Path]) -> Inputs {
        let mut files = Vec::new();
        walk(dir, skip, &mut files);
        files.sort();
        for f in files {
            self.add_file(&f);
        }
        self
    }

    /// A file the step writes: the step runs again when it is missing or holds other bytes.
    pub fn output(mut self, path: PathBuf) -> Inputs {
        self.outputs.push(path);
        self
    }

    fn add_file(&mut self, path: &Path) {
        let rel = path.strip_prefix(root()).unwrap_or(path);
        self.hash.update(rel.to_string_lossy().as_bytes());
        self.hash.update([0]);
        match std::fs::read(path) {
            Ok(bytes) => {
                self.hash.update((bytes.len() as u64).to_le_bytes());
                self.hash.update(&bytes);
            }
            Err(_) => self.hash.update(b"\xffmissing"),
        }
    }

    /// Runs `step` unless the inputs hash as they did after its last success and the outputs are
    /// still the bytes it wrote then; records both hashes after a success, with a copy of the
    /// outputs. When only the outputs differ (the other profile wrote the same files, e.g.
    /// `widget/dist/` after `cargo xtask dev`), that copy is put back instead of running the step.
    /// Returns whether the step ran.
    pub fn run_unless_fresh(self, step: impl FnOnce() -> Result) -> Result<bool> {
        let dir = root().join("target/xtask-fresh");
        let stamp = dir.join(self.name);
        let kept = dir.join(format!("{}.outputs", self.name));
        let inputs = format!("{:x}", self.hash.finalize());
        let recorded = std::fs::read_to_string(&stamp).unwrap_or_default();
        let same_inputs = recorded.lines().next() == Some(inputs.as_str());
        let want = recorded.lines().nth(1).unwrap_or("");
        if same_inputs && outputs_digest(&self.outputs).as_deref() == Some(want) {
            eprintln!("    ({}: inputs unchanged, skipped)", self.name);
            return Ok(false);
        }
        if same_inputs && restore(&kept, &self.outputs, want) {
            eprintln!(
                "    ({}: inputs unchanged, outputs restored from {})",
                self.name,
                kept.display()
            );
            return Ok(false);
        }
        // Forget the old stamp first: a step that fails halfway must run again next time.
        let _ = std::fs::remove_file(&stamp);
        step()?;
        let outputs = outputs_digest(&self.outputs).unwrap_or_default();
        let _ = std::fs::remove_dir_all(&kept);
        for (i, o) in self.outputs.iter().enumerate() {
            if let Ok(bytes) = std::fs::read(o) {
                cmd::write(&kept.join(i.to_string()), bytes)?;
            }
        }
        cmd::write(&stamp, format!("{inputs}\n{outputs}\n"))?;
        Ok(true)
    }
}

/// Copies the kept outputs back when they are exactly the recorded ones; whether it did.
fn restore(kept: &Path, outputs: &[PathBuf], want: &str) -> bool {
    let copies: Vec<PathBuf> = (0..outputs.len())
        .map(|i| kept.join(i.to_string()))
        .collect();
    if outputs_digest(&copies).as_deref() != Some(want) {
        return false;
    }
    copies
        .iter()
        .zip(outputs)
        .all(|(from, to)| cmd::write(to, std::fs::read(from).unwrap_or_default()).is_ok())
}

/// The hash of the outputs' bytes, or `None` when one is missing.
fn outputs_digest(outputs: &[PathBuf]) -> Option<String> {
    let mut hash = Sha256::new();
    for o in outputs {
        let bytes = std::fs::read(o).ok()?;
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    Some(format!("{:x}", hash.finalize()))
}

fn walk(dir: &Path, skip: &[&Path], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if skip.iter().any(|s| path.starts_with(s)) {
            continue;
        }
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, skip, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(i: Inputs) -> String {
        format!("{:x}", i.hash.finalize())
    }

    #[test]
    fn the_hash_follows_content_not_time() {
        let dir = std::env::temp_dir().join(format!("xtask-fresh-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("skip")).unwrap();
        std::fs::write(dir.join("a.rs"), "fn a() {}").unwrap();
        std::fs::write(dir.join("skip/out.wasm"), "1").unwrap();
        let hash = || digest(Inputs::new("t").dir(&dir, &[&dir.join("skip")]));
        let first = hash();

        // Rewriting the same bytes (a new mtime) and changing a skipped folder change nothing.
        std::fs::write(dir.join("a.rs"), "fn a() {}").unwrap();
        std::fs::write(dir.join("skip/out.wasm"), "2").unwrap();
        assert_eq!(hash(), first);

        // New content, a new file, or a new setting each change the hash.
        std::fs::write(dir.join("a.rs"), "fn a() { }").unwrap();
        let edited = hash();
        assert_ne!(edited, first);
        std::fs::write(dir.join("b.rs"), "").unwrap();
        assert_ne!(hash(), edited);
        let base = digest(Inputs::new("t").text("profile", "dev"));
        assert_ne!(base, digest(Inputs::new("t").text("profile", "release")));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn outputs_another_profile_replaced_are_restored_without_running_the_step() {
        let dir = std::env::temp_dir().join(format!("xtask-restore-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (input, output) = (dir.join("in"), dir.join("out"));
        std::fs::write(&input, "source").unwrap();
        // A name of its own under target/xtask-fresh/, so no real step's stamp is touched.
        let name: &'static str =
            Box::leak(format!("test-restore-{}", std::process::id()).into_boxed_str());
        let step = |runs: &mut u32| {
            Inputs::new(name)
                .file(&input)
                .output(output.clone())
                .run_unless_fresh(|| {
                    *runs += 1;
                    std::fs::write(&output, "built").map_err(Into::into)
                })
                .unwrap()
        };
        let mut runs = 0;
        assert!(step(&mut runs));
        assert!(!step(&mut runs), "nothing changed");
        std::fs::write(&output, "the other profile's bytes").unwrap();
        assert!(!step(&mut runs), "restored, not rebuilt");
        assert_eq!(std::fs::read_to_string(&output).unwrap(), "built");
        std::fs::write(&input, "edited").unwrap();
        assert!(step(&mut runs), "new input");
        assert_eq!(runs, 2);
        let fresh = root().join("target/xtask-fresh");
        let _ = std::fs::remove_file(fresh.join(name));
        let _ = std::fs::remove_dir_all(fresh.join(format!("{name}.outputs")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
