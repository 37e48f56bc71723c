//! A Word document (`.docx`): a zip archive whose `word/document.xml` holds the paragraphs. Read
//! with `zip` (inflate only) and a streaming XML reader, within a stated expansion limit so that a
//! zip bomb is refused without being inflated.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::Piece;
use crate::limits::{MAX_DOCX_ENTRIES, MAX_DOCX_EXPANDED_BYTES};
use crate::ImportError;

pub fn read(bytes: &[u8]) -> Result<Vec<Piece>, ImportError> {
    let xml = document_xml(bytes)?;
    paragraphs(&xml)
}

/// The inflated `word/document.xml`, at most [`MAX_DOCX_EXPANDED_BYTES`].
fn document_xml(bytes: &[u8]) -> Result<Vec<u8>, ImportError> {
    let unreadable = |e: zip::result::ZipError| ImportError::DocxUnreadable(e.to_string());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    if archive.len() > MAX_DOCX_ENTRIES {
        return Err(ImportError::DocxUnreadable(format!(
            "it lists {} files, more than the {MAX_DOCX_ENTRIES} a Word document has",
            archive.len()
        )));
    }
    let entry = archive.by_name("word/document.xml").map_err(|_| {
        ImportError::DocxUnreadable("it has no word/document.xml: not a Word document".into())
    })?;
    if entry.size() > MAX_DOCX_EXPANDED_BYTES as u64 {
        return Err(ImportError::DocxTooLarge {
            limit: MAX_DOCX_EXPANDED_BYTES,
        });
    }
    // The declared size can lie: inflate at most one byte past the limit, whatever it says.
    let mut xml = Vec::new();
    entry
        .take(MAX_DOCX_EXPANDED_BYTES as u64 + 1)
        .read_to_end(&mut xml)
        .map_err(|e| ImportError::DocxUnreadable(e.to_string()))?;
    if xml.len() > MAX_DOCX_EXPANDED_BYTES {
        return Err(ImportError::DocxTooLarge {
            limit: MAX_DOCX_EXPANDED_BYTES,
        });
    }
    Ok(xml)
}

#[derive(Default)]
struct Paragraph {
    lines: Vec<String>,
    style: Option<String>,
    numbered: bool,
}

/// `<w:p>` paragraphs: a heading style (Heading N, Otsikko N, Rubrik N, Title) makes a heading, a
/// numbering property a list item, anything else a paragraph; `<w:br/>` breaks a line.
fn paragraphs(xml: &[u8]) -> Result<Vec<Piece>, ImportError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut para: Option<Paragraph> = None;
    let mut in_text = false;
    let bad = |e: quick_xml::Error| ImportError::DocxUnreadable(format!("its XML is broken: {e}"));
    loop {
        let event = reader.read_event_into(&mut buf).map_err(bad)?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = false;
                let _ = empty;
                match e.local_name().as_ref() {
                    b"p" => {
                        para = Some(Paragraph {
                            lines: vec![String::new()],
                            ..Default::default()
                        })
                    }
                    b"pStyle" => {
                        if let Some(p) = para.as_mut() {
                            p.style = attr(&e, b"val");
                        }
                    }
                    b"numPr" => {
                        if let Some(p) = para.as_mut() {
                            p.numbered = true;
                        }
                    }
                    b"t" => in_text = true,
                    b"tab" => push(&mut para, "\t"),
                    b"br" | b"cr" => {
                        if let Some(p) = para.as_mut() {
                            p.lines.push(String::new());
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => {
                    if let Some(p) = para.take() {
                        emit(p, &mut out);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                let s = t.decode().map_err(|e| bad(e.into()))?;
                push(&mut para, &s);
            }
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    push(&mut para, &c.to_string());
                } else if let Ok(name) = r.decode() {
                    if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        push(&mut para, s);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn push(para: &mut Option<Paragraph>, s: &str) {
    if let Some(p) = para.as_mut() {
        if let Some(l) = p.lines.last_mut() {
            l.push_str(s);
        }
    }
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn emit(p: Paragraph, out: &mut Vec<Piece>) {
    let text = p.lines.join(" ");
    if text.trim().is_empty() {
        out.push(Piece::Break);
        return;
    }
    let style = p.style.unwrap_or_default().to_ascii_lowercase();
    let heading = ["heading", "otsikko", "rubrik", "title", "berschrift"]
        .iter()
        .any(|h| style.starts_with(h));
    if heading {
        let level = style
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or(1u8)
            .clamp(1, 6);
        out.push(Piece::Break);
        out.push(Piece::Heading { text, level });
        out.push(Piece::Break);
    } else if p.numbered || style.contains("list") {
        out.push(Piece::Item(text));
    } else {
        for l in p.lines {
            out.push(Piece::Line(l));
        }
        out.push(Piece::Break);
    }
}
