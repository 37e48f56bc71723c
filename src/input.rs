//! Reading notice and history files with errors a person can act on: the file, the line and
//! column, and what is wrong there.

use std::path::Path;

use seloste_schema::{Document, History, Notice, Version};

/// Reads a file as UTF-8 text; invalid UTF-8 is reported with its line and column.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!("{}:{line}:{column}: not valid UTF-8 text", path.display())
    })
}

/// Reads and parses a notice or history file (shape only; see `seloste validate` for the rest).
pub fn read_document(path: &Path) -> Result<Document, String> {
    let text = read_text(path)?;
    seloste_schema::parse(&text).map_err(|e| {
        format!(
            "{}:{}:{}: {}: {}",
            path.display(),
            e.line,
            e.column,
            e.path,
            e.message
        )
    })
}

/// Reads a history file, checking its invariants; a single notice is refused with a clear message.
pub fn read_history(path: &Path) -> Result<History, String> {
    match read_document(path)? {
        Document::History(file) => {
            History::try_from(file).map_err(|e| format!("{}: {e}", path.display()))
        }
        // A single notice has never been published: it has no versions, dates or change log to
        // show (dating it would invent a publication day, once printed as 1.1.1970).
        Document::Notice(_) => Err(format!(
            "{}: is a single notice, not a history: it has no published versions, so no change \
             log (the edge keeps the history of what is published: `seloste log` reads a history \
             file)",
            path.display()
        )),
    }
}

/// A notice named on the command line: `FILE` (a notice, or a history's latest version) or
/// `FILE@N` (version N of a history). Returns the notice and the version, if it came from one.
pub fn read_notice_spec(spec: &str) -> Result<(Notice, Option<Version>), String> {
    let (file, number) = split_spec(spec)?;
    let path = Path::new(file);
    match (read_document(path)?, number) {
        (Document::Notice(n), None) => Ok((*n, None)),
        (Document::Notice(_), Some(_)) => Err(format!(
            "{file}: is a single notice, not a history: drop the @N"
        )),
        (Document::History(h), number) => {
            let history = History::try_from(h).map_err(|e| format!("{file}: {e}"))?;
            let n = number.unwrap_or(history.latest().number);
            let v = history.version(n).ok_or_else(|| {
                format!(
                    "{file}: has versions 1 to {}, not {n}",
                    history.latest().number
                )
            })?;
            Ok((v.notice.clone(), Some(v.clone())))
        }
    }
}

/// Splits `FILE@N` into the file and the version number; a spec without `@N` (or a file that
/// exists under the whole name) is a file alone.
pub fn split_spec(spec: &str) -> Result<(&str, Option<u32>), String> {
    match spec.rsplit_once('@') {
        Some((f, n))
            if !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
                && !Path::new(spec).exists() =>
        {
            let n = n
                .parse::<u32>()
                .map_err(|_| format!("{spec}: version number too large"))?;
            Ok((f, Some(n)))
        }
        _ => Ok((spec, None)),
    }
}

/// Today's date in UTC, for commands that date what they write.
pub fn today_utc() -> seloste_schema::Date {
    let today = time::OffsetDateTime::now_utc().date();
    seloste_schema::Date::from_ymd(today.year(), today.month().into(), today.day())
        .expect("the system clock gives a valid date")
}
