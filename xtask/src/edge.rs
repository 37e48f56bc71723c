//! Building the edge worker (`edge/build/`) and testing it in the real Workers runtime.
//!
//! Everything runs offline: worker-build is told where wasm-bindgen, wasm-opt and esbuild are (it
//! would download them otherwise), and wrangler, Miniflare and workerd come from `node_modules`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, root, run, Context, Result};
use crate::profile::Profile;
use crate::{editor, fresh, tools, widget};

pub fn edge_dir() -> PathBuf {
    root().join("edge")
}

/// Where a profile's worker is built: `edge/build/` for release (what `wrangler deploy` uploads,
/// as `edge/wrangler.toml` says), `target/edge-dev/` for the dev loop, so that switching between
/// `cargo xtask dev` and `build` or `test` rebuilds neither.
pub fn out_dir(profile: Profile) -> PathBuf {
    match profile {
        Profile::Release => edge_dir().join("build"),
        Profile::Dev => root().join("target/edge-dev"),
    }
}

/// The environment every wrangler and Miniflare run gets: no telemetry, no error reports, no
/// update check, and no fetch of `workers.cloudflare.com/cf.json` (Miniflare's `request.cf` data;
/// offline it logs `getaddrinfo ENOTFOUND workers.cloudflare.com`, and the worker reads nothing of
/// `request.cf`, so Miniflare's built-in placeholder serves).
pub const QUIET_WRANGLER: [(&str, &str); 4] = [
    ("WRANGLER_SEND_METRICS", "false"),
    ("WRANGLER_SEND_ERROR_REPORTS", "false"),
    ("CLOUDFLARE_CF_FETCH_ENABLED", "false"),
    // The banner is the only place wrangler checks npm for a newer version.
    ("WRANGLER_HIDE_BANNER", "true"),
];

/// Builds the worker into `edge/build/` (`index.js` and `index_bg.wasm`) with worker-build,
/// unless nothing it is built from changed since the last build of the same profile. The widget
/// bundle in `widget/dist/` is embedded, so build the widget first (`cargo xtask build` does).
pub fn build(profile: Profile) -> Result {
    tools::wasm_target()?;
    let bindgen = tools::wasm_bindgen()?;
    let worker_build = tools::worker_build()?;
    tools::npm_packages()?;
    let root = root();
    let edge = edge_dir();
    if !root.join("widget/dist/seloste_bg.wasm").is_file() {
        eprintln!("note: widget/dist/ is empty; the worker will answer /widget/* with 503");
    }
    if !editor::dist().join("seloste_editor_bg.wasm").is_file() {
        eprintln!(
            "note: editor/dist/ is empty; the worker will answer the editor's files with 503"
        );
    }
    let out = out_dir(profile);
    let wasm = out.join("index_bg.wasm");
    let ran = inputs(profile)
        .output(out.join("index.js"))
        .output(out.join("rust.mjs"))
        .output(wasm.clone())
        .run_unless_fresh(|| {
            // The dev build skips wasm-opt: on the unoptimised worker it is the slowest step.
            let flags: &[&str] = match profile {
                Profile::Release => &["--release"],
                Profile::Dev => &["--dev", "--no-opt"],
            };
            // worker-build takes the output folder relative to the crate.
            let rel_out = Path::new("..").join(out.strip_prefix(&root).unwrap_or(&out));
            cmd::timed(
                &format!(
                    "building the edge worker (worker-build {})",
                    flags.join(" ")
                ),
                || {
                    run(Command::new(&worker_build)
                        .args(flags)
                        .arg("--out-dir")
                        .arg(&rel_out)
                        .current_dir(&edge)
                        .env("WASM_BINDGEN_BIN", &bindgen)
                        .env("WASM_OPT_BIN", tools::node_bin("wasm-opt"))
                        .env("ESBUILD_BIN", tools::node_bin("esbuild"))
                        .env("XDG_CACHE_HOME", root.join("target/worker-build-cache")))
                },
            )?;
            install_entry(&out)
        })?;
    if ran {
        let size = std::fs::metadata(&wasm)
            .with_context(|| format!("{}", wasm.display()))?
            .len();
        eprintln!(
            "edge worker: {} ({} KB raw; `npx wrangler deploy --dry-run` in edge/ prints the upload size)",
            wasm.display(),
            size / 1024
        );
    }
    Ok(())
}

/// Puts the Worker's JavaScript entry (`edge/src/entry.js`, the fast path for cached pages, with
/// its store `fast-store.mjs`) in front of worker-build's module: that becomes `rust.mjs`, the entry `index.js`. The same two
/// steps as the build command in `edge/wrangler.toml`.
fn install_entry(out: &Path) -> Result {
    std::fs::rename(out.join("index.js"), out.join("rust.mjs"))
        .with_context(|| format!("renaming {}/index.js to rust.mjs", out.display()))?;
    std::fs::copy(edge_dir().join("src/entry.js"), out.join("index.js"))
        .with_context(|| format!("copying src/entry.js to {}", out.display()))?;
    std::fs::copy(
        edge_dir().join("src/fast-store.mjs"),
        out.join("fast-store.mjs"),
    )
    .with_context(|| format!("copying src/fast-store.mjs to {}", out.display()))?;
    Ok(())
}

/// Everything the worker is built from: the crates it compiles (schema, widget, edge), the widget
/// and editor bundles and the example page it embeds, the lockfile, the profile and the tools' versions.
/// Build outputs inside those folders are left out, or every build would invalidate itself.
fn inputs(profile: Profile) -> fresh::Inputs {
    let root = root();
    let edge = edge_dir();
    let skip: [&Path; 3] = [
        &edge.join("build"),
        &edge.join(".wrangler"),
        &edge.join("node_modules"),
    ];
    fresh::Inputs::new(match profile {
        Profile::Release => "edge-worker-release",
        Profile::Dev => "edge-worker-dev",
    })
    .text("worker-build", tools::WORKER_BUILD_VERSION)
    .text("wasm-bindgen", tools::WASM_BINDGEN_VERSION)
    .file(&root.join("Cargo.toml"))
    .file(&root.join("Cargo.lock"))
    .file(&root.join("package-lock.json"))
    .file(&root.join("examples/embed.html"))
    .dir(&root.join("schema"), &[])
    .dir(&root.join("widget"), &[])
    .dir(&editor::dist(), &[])
    .dir(&edge, &skip)
}

/// Builds the widget and the worker, then runs `tests/edge/*.test.mjs` with `node --test`: every
/// test starts the built worker in workerd (Miniflare) on a D1 database migrated by wrangler.
/// Chrome's path (for the embed page test) is given as `CHROME`.
pub fn test() -> Result {
    widget::bundle(Profile::Release)?;
    editor::bundle(Profile::Release)?;
    build(Profile::Release)?;
    let java = tools::java()?;
    let chrome = tools::chrome()?;
    let state = root().join("target/edge-tests");
    let _ = std::fs::remove_dir_all(&state);
    std::fs::create_dir_all(&state).with_context(|| format!("{}", state.display()))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/edge"))
        .context("tests/edge")?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    // vnu-jar starts `java` from PATH: put the one found first.
    let path = match (java.parent(), std::env::var_os("PATH")) {
        (Some(dir), Some(path)) => std::env::join_paths(
            std::iter::once(dir.to_path_buf()).chain(std::env::split_paths(&path)),
        )
        .context("PATH")?,
        _ => std::env::var_os("PATH").unwrap_or_default(),
    };
    cmd::timed("edge tests in workerd (node --test tests/edge/)", || {
        run(Command::new("node")
            .args(["--test", "--test-reporter=spec", "--test-concurrency=2"])
            .args(&files)
            .current_dir(root())
            .env("SELOSTE_EDGE_TEST_STATE", &state)
            .env("CHROME", &chrome)
            .env("PATH", &path)
            .envs(QUIET_WRANGLER))
    })
}
