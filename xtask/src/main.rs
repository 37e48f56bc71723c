//! Project automation, the usual Rust way: `cargo xtask <command>` (see `.cargo/config.toml`).
//!
//! Every command installs what it needs itself (from the package registries only) and skips what is
//! already there, so a fresh clone needs nothing but cargo, node and npm.

mod bench;
mod cmd;
mod edge;
mod fuzz;
mod site;
mod test;
mod tools;
mod widget;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  dev      build everything and run Seloste locally (the main job)
  test     run the whole test suite, as CI does
  build    build the widget bundle and the edge worker
  site     validate the examples and render them to static pages in target/site/
  fuzz     a bounded fuzzing campaign of the schema and renderer (--seconds N per target, default 60)
  bench    run every benchmark (edge vs nginx, render cost, widget, growth); writes BENCHMARKS.md";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dev") => edge::dev(),
        Some("test") => test::all(),
        Some("build") => widget::build().and_then(|_| edge::build()),
        Some("bench") => bench::all(),
        Some("site") => site::render_examples().map(|_| ()),
        Some("fuzz") => fuzz::main(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
