//! `seloste`: the command line tool privacy officers and CI pipelines use on notice files.
//!
//! Exit codes follow `seloste validate`: 0 all good, 1 completeness findings only, 2 malformed input
//! or any other failure. Bad input never panics: it gets one line naming the file and position.

mod commands;
mod input;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Validate, diff, render and publish GDPR privacy notices (tietosuojaseloste).
#[derive(Parser)]
#[command(name = "seloste", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check notice or history files: errors (malformed) and completeness findings (GDPR Art. 13/14).
    ///
    /// Exit code 0: valid and complete; 1: completeness findings only; 2: malformed or unreadable.
    Validate {
        /// Notice or history files; FILE@N checks version N of a history.
        #[arg(required = true)]
        files: Vec<String>,
        /// Machine-readable output.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema (draft 2020-12) of notice files, or of history files.
    Schema {
        #[arg(long)]
        history: bool,
    },
    /// Show what changed between two versions, section by section.
    ///
    /// Each side is a notice file, a history file (its latest version), or FILE@N (version N of a history).
    Diff {
        old: String,
        new: String,
        /// The language to describe the changes in (default: the new version's main language).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show the change log of a history file: versions newest first, dated, with what changed.
    Log {
        file: PathBuf,
        #[arg(long)]
        lang: Option<String>,
        /// Start at this version (the newest by default).
        #[arg(long)]
        from: Option<u32>,
        /// At most this many versions.
        #[arg(long)]
        limit: Option<u32>,
        /// The change log as the edge's `…/changes` API serves it.
        #[arg(long)]
        json: bool,
    },
    /// Render a notice, or a history's latest version, as a standalone HTML page.
    Render {
        /// A notice file, a history file, or FILE@N for version N of a history.
        file: String,
        #[arg(long)]
        lang: Option<String>,
        /// Render the change log of a history file instead of the notice.
        #[arg(long)]
        history: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The address of the notice's change log, which the page links: the published change
        /// log (https://…) or a file beside the page. Default, for a history rendered with -o:
        /// its change log, written beside the page as NAME.changes.html.
        #[arg(long, value_name = "URL")]
        changelog: Option<String>,
    },
    /// Export a notice, or a history's version, as machine-readable data.
    ///
    /// --jsonld writes JSON-LD with W3C Data Privacy Vocabulary (DPV 2) terms: controller,
    /// purposes and legal bases, data, recipients, transfers and safeguards, retention, rights.
    Export {
        /// A notice file, a history file (its latest version), or FILE@N for version N.
        #[arg(long, value_name = "FILE[@N]")]
        jsonld: String,
        /// Cite the context at this URL (an edge's /ns/v1.jsonld) instead of writing it inline.
        #[arg(long, value_name = "URL")]
        context: Option<String>,
        /// The notice's IRI, e.g. the version's URL on an edge (default: none, a blank node).
        #[arg(long, value_name = "URL")]
        id: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Import an existing notice (text, Markdown, HTML page, Word .docx) as a draft notice file.
    ///
    /// Prints a report: where each section went, what was guessed and should be checked, what
    /// stayed free text, the draft's completeness findings. Exit code 0: a draft; 1: a draft with
    /// completeness findings; 2: nothing could be imported.
    Import {
        file: PathBuf,
        /// The notice's language (fi, sv or en); detected when not given.
        #[arg(long)]
        lang: Option<String>,
        /// Write the draft here (the report then goes to standard output); without it the draft
        /// goes to standard output and the report to standard error.
        #[arg(short, long, value_name = "DRAFT.json")]
        output: Option<PathBuf>,
    },
    /// Work on a history file's versions.
    Version {
        #[command(subcommand)]
        command: VersionCommand,
    },
    /// Publish a notice (or every unpublished version of a history) to a Seloste edge.
    ///
    /// The publishing token is read from the SELOSTE_TOKEN environment variable.
    Publish {
        file: PathBuf,
        /// The edge's base URL, e.g. http://127.0.0.1:8787
        #[arg(long)]
        to: String,
        /// The change summary for a single notice file, in the notice's main language.
        #[arg(long)]
        summary: Option<String>,
    },
    /// Edit a notice file in the browser: the edge's editor, served on 127.0.0.1 for this file.
    ///
    /// Saving writes the file atomically (a temporary file renamed over it) and leaves it byte
    /// for byte as it was when the notice did not change. Ctrl-C stops the editor.
    Edit {
        /// The notice file (created on the first save when it does not exist).
        file: PathBuf,
        /// The port on 127.0.0.1 (0: any free one; the URL is printed).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Do not open the editor in the default browser.
        #[arg(long)]
        no_open: bool,
    },
    /// Manage an organisation's publishing keys on an edge (needs SELOSTE_OPERATOR_TOKEN).
    ///
    /// A key publishes only its organisation's notices; give it to them as SELOSTE_TOKEN.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Create a key for ORG and print it (once: the edge keeps only its hash).
    Create {
        org: String,
        /// Who uses the key; shown beside every version it publishes.
        #[arg(long)]
        label: String,
        /// The edge's base URL, e.g. http://127.0.0.1:8787
        #[arg(long)]
        to: String,
        /// Print `{"id": …, "key": …}`.
        #[arg(long)]
        json: bool,
    },
    /// List ORG's keys (ids, labels, times; never the keys).
    List {
        org: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        json: bool,
    },
    /// Revoke key ID of ORG: it publishes nothing more (its versions keep naming it).
    Revoke {
        org: String,
        id: String,
        #[arg(long)]
        to: String,
    },
}

#[derive(Subcommand)]
enum VersionCommand {
    /// Start the next version of a history: a copy of the latest notice, dated today, to edit.
    New {
        history: PathBuf,
        /// The publication date (YYYY-MM-DD) instead of today (UTC).
        #[arg(long)]
        date: Option<String>,
        /// The day the version takes effect, when later than publication.
        #[arg(long)]
        effective: Option<String>,
        /// The change summary in the notice's main language (the others are left to write).
        #[arg(long)]
        summary: Option<String>,
    },
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate { files, json } => commands::validate::run(&files, json),
        Command::Schema { history } => commands::schema::run(history),
        Command::Diff {
            old,
            new,
            lang,
            json,
        } => commands::diff::run(&old, &new, lang.as_deref(), json),
        Command::Log {
            file,
            lang,
            from,
            limit,
            json,
        } => commands::log::run(&file, lang.as_deref(), from, limit, json),
        Command::Render {
            file,
            lang,
            history,
            output,
            changelog,
        } => commands::render::run(
            &file,
            lang.as_deref(),
            history,
            output.as_deref(),
            changelog.as_deref(),
        ),
        Command::Export {
            jsonld,
            context,
            id,
            output,
        } => commands::export::run(
            &jsonld,
            context.as_deref(),
            id.as_deref(),
            output.as_deref(),
        ),
        Command::Import { file, lang, output } => {
            commands::import::run(&file, lang.as_deref(), output.as_deref())
        }
        Command::Version {
            command:
                VersionCommand::New {
                    history,
                    date,
                    effective,
                    summary,
                },
        } => commands::version::new(
            &history,
            date.as_deref(),
            effective.as_deref(),
            summary.as_deref(),
        ),
        Command::Publish { file, to, summary } => {
            commands::publish::run(&file, &to, summary.as_deref())
        }
        Command::Edit {
            file,
            port,
            no_open,
        } => commands::edit::run(&file, port, !no_open),
        Command::Keys { command } => match command {
            KeysCommand::Create {
                org,
                label,
                to,
                json,
            } => commands::keys::create(&org, &label, &to, json),
            KeysCommand::List { org, to, json } => commands::keys::list(&org, &to, json),
            KeysCommand::Revoke { org, id, to } => commands::keys::revoke(&org, &id, &to),
        },
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("seloste: {message}");
            ExitCode::from(2)
        }
    }
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`seloste validate … | head -1`) would
/// panic; the default action ends the process quietly, as every other command-line tool does.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
