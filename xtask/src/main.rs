//! Project automation, the usual Rust way: `cargo xtask <command>` (see `.cargo/config.toml`).
//!
//! Every command installs what it needs itself (from the package registries) and skips what is
//! already there, so a fresh clone needs nothing but Rust, Node.js and npm; programs no registry
//! provides (Chrome, Java, nginx, wrk) are found on the machine (`tools.rs`). Build steps whose
//! inputs have not changed are skipped (`fresh.rs`).

mod bench;
mod cmd;
mod dev;
mod edge;
mod editor;
mod fresh;
mod fuzz;
mod profile;
mod site;
mod test;
mod tools;
mod wasm;
mod widget;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use profile::Profile;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "Seloste's build, test and dev commands"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build everything and run Seloste locally with the examples, rebuilding on changes (the main job)
    Dev {
        /// The port on 127.0.0.1 the edge listens on
        #[arg(long, default_value_t = 8787)]
        port: u16,
        /// The folder of the local state (D1 database, publishing token)
        #[arg(long, default_value = ".state")]
        state: PathBuf,
        /// Serve only: do not watch the sources
        #[arg(long)]
        no_watch: bool,
        /// Serve the release build (what `build` and `test` make) instead of the faster dev build
        #[arg(long)]
        release: bool,
    },
    /// Run the whole test suite, as CI does
    Test,
    /// Build the widget bundle, the editor bundle and the edge worker (release)
    Build,
    /// Validate the examples and render them to static pages in target/site/
    Site,
    /// A bounded fuzzing campaign of the schema and renderer
    Fuzz {
        /// Seconds per target
        #[arg(long, default_value_t = fuzz::DEFAULT_SECONDS)]
        seconds: u64,
        /// Targets to run (default: all)
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(fuzz::TARGETS))]
        targets: Vec<String>,
    },
    /// Run every benchmark (edge vs nginx, render cost, widget, growth); writes BENCHMARKS.md
    Bench {
        /// Only this part, printed instead of written to BENCHMARKS.md
        #[arg(value_parser = ["widget"])]
        only: Option<String>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Dev {
            port,
            state,
            no_watch,
            release,
        } => dev::run(dev::Options {
            port,
            state: if state.is_absolute() {
                state
            } else {
                cmd::root().join(state)
            },
            watch: !no_watch,
            profile: if release {
                Profile::Release
            } else {
                Profile::Dev
            },
        }),
        Command::Test => test::all(),
        Command::Build => widget::build()
            .and_then(|_| editor::build())
            .and_then(|_| edge::build(Profile::Release)),
        Command::Bench { only: None } => bench::all(),
        Command::Bench { only: Some(_) } => bench::widget_only(),
        Command::Site => site::render_examples().map(|_| ()),
        Command::Fuzz { seconds, targets } => fuzz::main(seconds, &targets),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e:#}");
            ExitCode::FAILURE
        }
    }
}
