//! From bytes to pieces: headings, lines, list items and paragraph breaks, whatever the format.
//! Every later step works on pieces only, so each format needs one reader and nothing more.

mod docx;
mod html;
mod text;

use crate::ImportError;

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text; Markdown syntax (`#` headings, `**bold**`, `[links](…)`, `- items`) is read too,
    /// since notices copied from web pages often carry it.
    Text,
    Markdown,
    Html,
    Docx,
}

impl Format {
    /// The format a file name's extension says, if any.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Docx => "Word (.docx)",
        }
    }
}

/// One piece of the source, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A heading marked as one by the format (`#`, `<h2>`, a Word heading style, a bold-only
    /// line). Level 1–6, or 7 for a bold-only line.
    Heading { text: String, level: u8 },
    /// A line of text (a paragraph is the lines between two breaks).
    Line(String),
    /// A list item.
    Item(String),
    /// The end of a paragraph or list.
    Break,
}

/// The format from the file name, else from the content: a zip is a .docx, markup is HTML.
pub fn detect(bytes: &[u8], file_name: Option<&str>) -> Format {
    if let Some(f) = file_name.and_then(Format::from_name) {
        return f;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Format::Docx;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Reads the bytes in `format` into pieces.
pub fn read(bytes: &[u8], format: Format) -> Result<Vec<Piece>, ImportError> {
    let pieces = match format {
        Format::Docx => docx::read(bytes)?,
        Format::Html => html::read(&decode(bytes)?),
        Format::Text | Format::Markdown => text::read(&decode(bytes)?),
    };
    Ok(pieces
        .into_iter()
        .filter_map(|p| match p {
            Piece::Heading { text, level } => {
                let t = clean(&text);
                (!t.is_empty()).then_some(Piece::Heading { text: t, level })
            }
            Piece::Line(t) => {
                let t = clean(&t);
                Some(if t.is_empty() {
                    Piece::Break
                } else {
                    Piece::Line(t)
                })
            }
            Piece::Item(t) => {
                let t = clean(&t);
                (!t.is_empty()).then_some(Piece::Item(t))
            }
            Piece::Break => Some(Piece::Break),
        })
        .collect())
}

/// All the text of the pieces, for language detection and checks.
pub fn plain_text(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        if let Piece::Heading { text, .. } | Piece::Line(text) | Piece::Item(text) = p {
            out.push_str(text);
            out.push('\n');
        }
    }
    out
}

/// Text from bytes: UTF-8 (with or without a byte-order mark), else Windows-1252/Latin-1 as older
/// Finnish files often are. Binary data (NUL bytes, many control characters) is refused.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if sample.contains(&0) || controls * 50 > sample.len().max(1) {
        return Err(ImportError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            // Latin-1 maps every byte to a character; too many unusual ones means binary data.
            let odd = bytes.iter().filter(|&&b| (0x80..0xa0).contains(&b)).count();
            if odd * 20 > bytes.len() {
                return Err(ImportError::Binary);
            }
            bytes.iter().map(|&b| char::from(b)).collect()
        }
    };
    Ok(text.trim_start_matches('\u{feff}').to_owned())
}

/// One line of text as the draft may hold it: no control, zero-width or bidirectional formatting
/// characters (validation refuses them), no-break spaces as spaces, runs of spaces as one.
pub fn clean(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter_map(|c| match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' => Some(' '),
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' => None,
            '\u{feff}' | '\u{ad}' => None,
            c if c.is_control() => None,
            c if is_noncharacter(c) => None,
            c => Some(c),
        })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xfdd0..=0xfdef).contains(&u) || (u & 0xfffe) == 0xfffe
}
