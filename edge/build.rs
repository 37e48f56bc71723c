//! Embeds the widget bundle and the editor's (with their `ETag`s, computed here once rather than
//! per request) and the example company page when they have been built, and gives the Cache API keys a render id that
//! changes whenever anything that shapes a page changes.
//!
//! `cargo xtask build` builds the widget (`widget/dist/`) and the editor (`editor/dist/`) before
//! the worker; a plain `cargo build`/`cargo clippy` without them still compiles, and the Worker
//! then answers their URLs with 503.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

// `etag()`: the very function the Worker tags its answers with.
include!("src/etag.rs");

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.parent().unwrap();
    println!("cargo::rustc-check-cfg=cfg(widget_bundle)");
    println!("cargo::rustc-check-cfg=cfg(embed_page)");
    println!("cargo::rustc-check-cfg=cfg(editor_bundle)");

    let dist = root.join("widget/dist");
    let script = dist.join("seloste.js");
    let wasm = dist.join("seloste_bg.wasm");
    println!("cargo::rerun-if-changed={}", dist.display());
    println!("cargo::rerun-if-changed={}", script.display());
    println!("cargo::rerun-if-changed={}", wasm.display());
    if let (Ok(script), Ok(wasm)) = (std::fs::read(&script), std::fs::read(&wasm)) {
        println!("cargo::rustc-cfg=widget_bundle");
        println!(
            "cargo::rustc-env=SELOSTE_WIDGET_SCRIPT_ETAG={}",
            etag(&script)
        );
        println!("cargo::rustc-env=SELOSTE_WIDGET_WASM_ETAG={}", etag(&wasm));
    }

    // The editor's four files (`xtask/src/editor.rs`), embedded only all together.
    let editor = root.join("editor/dist");
    println!("cargo::rerun-if-changed={}", editor.display());
    let bundle = [
        ("BOOT", "boot.js"),
        ("GLUE", "seloste_editor.js"),
        ("WASM", "seloste_editor_bg.wasm"),
        ("CSS", "editor.css"),
    ];
    let read: Vec<_> = bundle
        .iter()
        .map(|(_, name)| {
            let path = editor.join(name);
            println!("cargo::rerun-if-changed={}", path.display());
            std::fs::read(path).ok()
        })
        .collect();
    if read.iter().all(Option::is_some) {
        println!("cargo::rustc-cfg=editor_bundle");
        for ((key, _), bytes) in bundle.iter().zip(&read) {
            let tag = etag(bytes.as_deref().unwrap_or_default());
            println!("cargo::rustc-env=SELOSTE_EDITOR_{key}_ETAG={tag}");
        }
    }

    let embed = root.join("examples/embed.html");
    println!("cargo::rerun-if-changed={}", embed.display());
    let mut hashes = (String::new(), String::new());
    if let Ok(html) = std::fs::read_to_string(&embed) {
        println!("cargo::rustc-cfg=embed_page");
        // The page's own inline script and style blocks, allowed by hash in its CSP.
        hashes = (
            inline_hashes(&html, "script"),
            inline_hashes(&html, "style"),
        );
    }
    println!("cargo::rustc-env=SELOSTE_EMBED_SCRIPT_HASHES={}", hashes.0);
    println!("cargo::rustc-env=SELOSTE_EMBED_STYLE_HASHES={}", hashes.1);

    // Everything that shapes a rendered page: the schema, the widget's components, the edge.
    let mut hash = fnv::FnvHasher::default();
    for dir in ["schema/src", "widget/src", "edge/src"] {
        let dir = root.join(dir);
        println!("cargo::rerun-if-changed={}", dir.display());
        for file in files(&dir) {
            hash.write(
                file.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .as_bytes(),
            );
            hash.write(&std::fs::read(&file).unwrap_or_default());
        }
    }
    println!("cargo::rustc-env=SELOSTE_RENDER_ID={:016x}", hash.finish());
}

/// `'sha256-…'` of the content of every `<tag>` element without a `src` attribute, space-separated.
fn inline_hashes(html: &str, tag: &str) -> String {
    use sha2::{Digest, Sha256};
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        let Some(gt) = after.find('>') else { break };
        let attrs = &after[..gt];
        let body = &after[gt + 1..];
        let Some(end) = body.find(&close) else { break };
        if !attrs.contains("src=") && (attrs.is_empty() || attrs.starts_with(char::is_whitespace)) {
            out.push(format!(
                "'sha256-{}'",
                base64(&Sha256::digest(&body.as_bytes()[..end]))
            ));
        }
        rest = &body[end..];
    }
    out.join(" ")
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}
