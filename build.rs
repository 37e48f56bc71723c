//! Embeds the editor's bundle (`editor/dist/`, built by `cargo xtask build`) in the `seloste`
//! binary for `seloste edit`, when it has been built: `cfg(editor_bundle)`. Without it the CLI
//! still builds, and `seloste edit` says how to build the bundle.

use std::path::PathBuf;

const FILES: [&str; 4] = [
    "boot.js",
    "seloste_editor.js",
    "seloste_editor_bg.wasm",
    "editor.css",
];

fn main() {
    println!("cargo::rustc-check-cfg=cfg(editor_bundle)");
    let dist = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("editor/dist");
    println!("cargo::rerun-if-changed={}", dist.display());
    let mut all = true;
    for name in FILES {
        let file = dist.join(name);
        println!("cargo::rerun-if-changed={}", file.display());
        all &= file.is_file();
    }
    if all {
        println!("cargo::rustc-cfg=editor_bundle");
    }
}
