//! The dev loop's watcher: a change under `schema/`, `widget/`, `editor/` or `edge/` rebuilds what
//! depends on it (the widget bundle, the editor bundle, the worker, the CLI), after which `wrangler dev` sees the new worker
//! (`edge::out_dir`) and reloads it by itself; a changed file in `examples/` is published
//! again, which makes a changed notice a new version.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use super::Edge;
use crate::cmd::{root, Context, Result};
use crate::profile::Profile;
use crate::{edge, editor, widget};

/// Quiet time after the last change before rebuilding: an editor's save, or a `git checkout`,
/// touches several files at once.
const SETTLE: Duration = Duration::from_millis(300);

/// What a batch of changed paths asks for.
#[derive(Debug, Default, PartialEq)]
struct Work {
    widget: bool,
    /// The editor's bundle (the worker embeds it, so `worker` comes with it).
    editor: bool,
    worker: bool,
    cli: bool,
    examples: Vec<PathBuf>,
}

/// Sorts changed paths into work; build outputs and editor droppings are not changes.
fn classify(root: &Path, paths: &[PathBuf]) -> Work {
    let mut w = Work::default();
    for p in paths {
        let Ok(rel) = p.strip_prefix(root) else {
            continue;
        };
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
            continue;
        }
        let top = rel.components().next().and_then(|c| c.as_os_str().to_str());
        match top {
            Some("schema") => {
                w.widget = true;
                w.editor = true;
                w.worker = true;
                w.cli = true;
            }
            Some("widget") if !rel.starts_with("widget/dist") => {
                w.widget = true;
                w.editor = true;
                w.worker = true;
                w.cli = true;
            }
            Some("editor") if !rel.starts_with("editor/dist") => {
                w.editor = true;
                w.worker = true;
            }
            Some("edge")
                if !rel.starts_with("edge/build") && !rel.starts_with("edge/.wrangler") =>
            {
                w.worker = true;
            }
            // A deleted example is not published again; the edge keeps its history.
            Some("examples") if name.ends_with(".json") && p.is_file() => {
                w.examples.push(p.clone());
            }
            // The example page is embedded in the worker.
            Some("examples") if name == "embed.html" => w.worker = true,
            _ => {}
        }
    }
    w.examples.sort();
    w.examples.dedup();
    w
}

/// Watches until wrangler dev ends (a signal ends the whole process earlier).
pub fn run(edge: &Edge, profile: Profile) -> Result {
    let root = root();
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event {
            if !matches!(e.kind, notify::EventKind::Access(_)) {
                let _ = tx.send(e.paths);
            }
        }
    })
    .context("cannot watch the sources")?;
    for dir in ["schema", "widget", "editor", "edge", "examples"] {
        watcher
            .watch(&root.join(dir), RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch {dir}/"))?;
    }
    eprintln!("watching schema/, widget/, editor/, edge/ and examples/ for changes");
    loop {
        edge.check_alive()?;
        let Ok(first) = rx.recv_timeout(Duration::from_millis(500)) else {
            continue;
        };
        let mut paths = first;
        while let Ok(more) = rx.recv_timeout(SETTLE) {
            paths.extend(more);
        }
        let work = classify(&root, &paths);
        if work == Work::default() {
            continue;
        }
        let started = Instant::now();
        match apply(edge, &work, profile) {
            Ok(()) => eprintln!(
                "\nchange handled in {:.1} s{}",
                started.elapsed().as_secs_f64(),
                if work.worker {
                    "; wrangler reloads the worker"
                } else {
                    ""
                }
            ),
            // A broken edit is normal while working: report it and keep watching.
            Err(e) => eprintln!("\nxtask dev: {e:#}\n(still watching; fix it and save again)"),
        }
        // Our own builds' writes are not news.
        while rx.try_recv().is_ok() {}
    }
}

fn apply(edge: &Edge, w: &Work, profile: Profile) -> Result {
    if w.widget {
        widget::bundle(profile)?;
    }
    if w.editor {
        editor::bundle(profile)?;
    }
    if w.worker {
        edge::build(profile)?;
    }
    if w.cli {
        super::build_cli()?;
    }
    for file in &w.examples {
        edge.publish(file)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_rebuild_what_depends_on_them() {
        let root = std::env::temp_dir().join(format!("xtask-watch-{}", std::process::id()));
        std::fs::create_dir_all(root.join("examples")).unwrap();
        let example = root.join("examples/a.json");
        std::fs::write(&example, "{}").unwrap();
        let at = |p: &str| vec![root.join(p)];

        let all = classify(&root, &at("schema/src/notice.rs"));
        assert!(all.widget && all.editor && all.worker && all.cli && all.examples.is_empty());
        assert_eq!(classify(&root, &at("widget/src/lib.rs")), all);
        let edge = classify(&root, &at("edge/src/lib.rs"));
        assert!(edge.worker && !edge.widget && !edge.editor && !edge.cli);
        let app = classify(&root, &at("editor/src/lib.rs"));
        assert!(app.editor && app.worker && !app.widget && !app.cli);
        assert!(classify(&root, &at("examples/embed.html")).worker);
        assert_eq!(
            classify(&root, &at("examples/a.json")).examples,
            vec![example]
        );

        // Build outputs, editor files and deleted examples are not work.
        for quiet in [
            "widget/dist/seloste_bg.wasm",
            "editor/dist/seloste_editor_bg.wasm",
            "edge/build/index.js",
            "edge/src/.lib.rs.swp",
            "edge/src/lib.rs~",
            "examples/gone.json",
            "target/debug/x",
        ] {
            assert_eq!(classify(&root, &at(quiet)), Work::default(), "{quiet}");
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
