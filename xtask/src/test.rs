//! `cargo xtask test`: the whole suite, in the order that fails fastest.

use crate::cmd::{self, Result};
use crate::{edge, editor, tools, widget};

pub fn all() -> Result {
    tools::wasm_target()?;
    tools::python_jsonschema()?;
    tools::python_pyld()?;

    cmd::step("formatting (cargo fmt --check)");
    cmd::run(cmd::cargo().args(["fmt", "--all", "--check"]))?;

    cmd::step("lints (cargo clippy -D warnings)");
    cmd::run(cmd::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ]))?;

    cmd::step("the schema crate builds for wasm32-unknown-unknown");
    cmd::run(cmd::cargo().args([
        "build",
        "--quiet",
        "-p",
        "seloste-schema",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;

    // The editor imports pasted text in the browser with the same importer.
    cmd::step("the importer builds for wasm32-unknown-unknown");
    cmd::run(cmd::cargo().args([
        "build",
        "--quiet",
        "-p",
        "seloste-import",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;

    // Before `cargo test`: the CLI embeds the editor's bundle (`seloste edit`), the edge too.
    editor::build()?;

    cmd::step("unit, golden and CLI end-to-end tests (cargo test)");
    cmd::run(cmd::cargo().args(["test", "--workspace"]))?;

    widget::test()?;
    edge::test()?;

    // After the edge tests: it serves the release build they made, so nothing is built again.
    cmd::timed(
        "`cargo xtask dev` stops every process it started on SIGTERM and on SIGINT",
        || {
            cmd::run(cmd::cargo().args([
                "test",
                "--quiet",
                "-p",
                "xtask",
                "--test",
                "dev_stops",
                "--",
                "--test-threads=1",
            ]))
        },
    )?;

    eprintln!("\nAll tests passed.");
    Ok(())
}
