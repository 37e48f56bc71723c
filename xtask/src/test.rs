//! `cargo xtask test`: the whole suite, in the order that fails fastest.

use crate::cmd::{self, Result};
use crate::{edge, tools, widget};

pub fn all() -> Result {
    tools::wasm_target()?;
    tools::python_jsonschema()?;

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

    cmd::step("unit, golden and CLI end-to-end tests (cargo test)");
    cmd::run(cmd::cargo().args(["test", "--workspace"]))?;

    widget::test()?;
    edge::test()?;

    eprintln!("\nAll tests passed.");
    Ok(())
}
