//! `seloste import FILE`: an existing notice (text, Markdown, a saved web page, a Word document)
//! as a draft notice file, with a report of what went where, what was guessed, what stayed free
//! text and the draft's completeness findings. The work is done by the pure `seloste-import`
//! crate; this command only reads the file and writes the draft.
//!
//! Exit codes: 0 a draft with no findings, 1 a draft with completeness findings, 2 nothing could
//! be imported (empty, binary, too large, not a notice, a zip bomb).

use std::io::Read;
use std::path::Path;

use seloste_import::limits::MAX_INPUT_BYTES;
use seloste_import::{import, Hint};

pub fn run(file: &Path, lang: Option<&str>, output: Option<&Path>) -> Result<u8, String> {
    let name = file.display();
    let f = std::fs::File::open(file).map_err(|e| format!("{name}: cannot read: {e}"))?;
    // Read at most one byte past the limit: a huge file is refused without being read whole.
    let mut bytes = Vec::new();
    f.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: cannot read: {e}"))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{name}: nothing imported: the file is over the limit of {MAX_INPUT_BYTES} bytes ({} MB)",
            MAX_INPUT_BYTES / 1_000_000
        ));
    }
    let file_name = file.file_name().and_then(|n| n.to_str());
    let hint = Hint {
        file_name,
        format: None,
        lang,
    };
    let imported = import(&bytes, &hint).map_err(|e| format!("{name}: nothing imported: {e}"))?;
    let json = serde_json::to_string_pretty(&imported.draft).map_err(|e| e.to_string())? + "\n";
    let report = imported.report.to_text();
    match output {
        Some(path) => {
            std::fs::write(path, json)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            println!("{name}: imported into {}\n{report}", path.display());
        }
        None => {
            print!("{json}");
            eprintln!("{name}: imported\n{report}");
        }
    }
    Ok(if imported.report.findings.is_empty() {
        0
    } else {
        1
    })
}
