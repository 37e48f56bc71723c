//! # seloste-import
//!
//! An existing privacy notice — plain text, Markdown, a saved web page or a Word document — as a
//! draft notice in the schema, with a report of what went where. Nothing is lost: every sentence
//! of the source lands in a field, in the matching section's own words, or in a section of its own
//! under its original heading.
//!
//! Pure code: bytes in, a draft and a report out; no I/O, no clock. It builds natively (the
//! `seloste import` command) and for `wasm32-unknown-unknown` (the editor imports pasted text in
//! the browser with the same code).
//!
//! The flow: [`source`] turns bytes into pieces (headings, lines, list items), [`lang`] names the
//! language, [`segment`] cuts the pieces into sections by their customary headings
//! ([`headings`]), [`map`] fills the draft's fields with the [`extract`]ors, and the draft is
//! parsed and validated by the schema crate itself.

pub mod extract;
pub mod headings;
pub mod lang;
pub mod limits;
mod map;
pub mod report;
pub mod segment;
pub mod sentences;
pub mod source;

use seloste_schema::validate::validate_notice;
use seloste_schema::{Document, Notice};

pub use report::{ImportReport, Placement};
pub use source::Format;

/// What the caller knows about the input besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct Hint<'a> {
    /// The file's name (its extension chooses the format when `format` is not given).
    pub file_name: Option<&'a str>,
    pub format: Option<Format>,
    /// The notice's language (`fi`, `sv`, `en`); detected when absent.
    pub lang: Option<&'a str>,
}

/// The result: the draft as JSON (as it would be written to a file), the same draft as a checked
/// [`Notice`], and the report.
#[derive(Debug, Clone)]
pub struct Imported {
    pub draft: serde_json::Value,
    pub notice: Notice,
    pub report: ImportReport,
}

/// Why nothing could be imported. Each says what was wrong in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        size: usize,
        limit: usize,
    },
    Binary,
    DocxTooLarge {
        limit: usize,
    },
    DocxUnreadable(String),
    NotANotice,
    UnknownLanguage(String),
    /// The draft failed the schema's own checks: a bug of the importer, reported rather than hidden.
    Invalid(Vec<String>),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty: there is no text to import"),
            ImportError::TooLarge { size, limit } => write!(
                f,
                "the file is {size} bytes, over the limit of {limit} bytes ({} MB): a privacy notice is far smaller",
                limit / 1_000_000
            ),
            ImportError::Binary => write!(
                f,
                "the file is not text (binary data): give a .txt, .md, .html or .docx file"
            ),
            ImportError::DocxTooLarge { limit } => write!(
                f,
                "the .docx file expands to more than {limit} bytes ({} MB) of XML: refused as a possible zip bomb",
                limit / 1_000_000
            ),
            ImportError::DocxUnreadable(why) => {
                write!(f, "the .docx file cannot be read: {why}")
            }
            ImportError::NotANotice => write!(
                f,
                "no customary heading of a privacy notice was found (such as Rekisterinpitäjä, \
                 Personuppgiftsansvarig, Controller, Purposes, Rekisteröidyn oikeudet): \
                 this does not look like a privacy notice"
            ),
            ImportError::UnknownLanguage(l) => write!(
                f,
                "the language `{l}` is not one the importer knows: use fi, sv or en"
            ),
            ImportError::Invalid(problems) => write!(
                f,
                "the draft did not pass validation (a bug in the importer, please report it): {}",
                problems.join("; ")
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports one notice. See the crate documentation for the flow.
pub fn import(bytes: &[u8], hint: &Hint) -> Result<Imported, ImportError> {
    if bytes.len() > limits::MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: limits::MAX_INPUT_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let format = hint
        .format
        .unwrap_or_else(|| source::detect(bytes, hint.file_name));
    let pieces = source::read(bytes, format)?;
    let all_text = source::plain_text(&pieces);
    if all_text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let (lang, detected) = match hint.lang {
        Some(l) => (lang::known(l)?, false),
        None => (lang::detect(&all_text), true),
    };
    let doc = segment::segment(&pieces, lang);
    if doc.sections.iter().all(|s| s.key.is_none()) {
        return Err(ImportError::NotANotice);
    }
    let (draft, mut report) = map::draft(&doc, lang);
    report.format = format;
    report.language = lang.to_owned();
    report.language_detected = detected;
    let json = serde_json::to_string(&draft).expect("a JSON value serialises");
    let notice = match seloste_schema::parse(&json) {
        Ok(Document::Notice(n)) => *n,
        Ok(Document::History(_)) => unreachable!("the draft has no `versions`"),
        Err(e) => return Err(ImportError::Invalid(vec![e.to_string()])),
    };
    let validation = validate_notice(&notice);
    if validation.has_errors() {
        return Err(ImportError::Invalid(
            validation
                .errors()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect(),
        ));
    }
    report.findings = validation.findings().cloned().collect();
    Ok(Imported {
        draft,
        notice,
        report,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_text_imports_without_a_file_name() {
        let text =
            "Tietosuojaseloste\n\n1. Rekisterinpitäjä\nEsimerkki Oy\nKatu 1, 00100 Helsinki\n\n\
                    2. Rekisterin nimi\nAsiakasrekisteri\n";
        let out = import(text.as_bytes(), &Hint::default()).unwrap();
        assert_eq!(out.notice.organisation.name, "Esimerkki Oy");
        assert_eq!(out.notice.id, "esimerkki/asiakasrekisteri");
        assert_eq!(out.report.format, Format::Text);
        assert!(out.report.language_detected);
    }

    #[test]
    fn html_is_recognised_by_its_content() {
        let page = "<!DOCTYPE html><html><body><main><h2>Rekisterinpitäjä</h2><p>Esimerkki Oy</p></main></body></html>";
        let out = import(page.as_bytes(), &Hint::default()).unwrap();
        assert_eq!(out.report.format, Format::Html);
        assert_eq!(out.notice.organisation.name, "Esimerkki Oy");
    }

    #[test]
    fn a_representative_citing_article_27_gets_its_law() {
        use seloste_schema::party::Jurisdiction;
        for (text, law) in [
            (
                "Privacy notice\n\n1. Controller\nNorthwind Ltd\n1 Harbour Street, Leeds LS1 4AB, United Kingdom\n\n\
                 2. Our EU representative\nOur representative under Article 27 GDPR is DataRep Oy, \
                 Mannerheimintie 10, 00100 Helsinki, Finland.\n",
                Some(Jurisdiction::EuArt27),
            ),
            (
                "Integritetspolicy\n\nPersonuppgiftsansvarig\nNordljus Ab\nStorgatan 5, 65100 Vasa\n\n\
                 Företrädare\nRep Ltd är vår företrädare i Storbritannien enligt artikel 27.\n",
                Some(Jurisdiction::UkArt27),
            ),
            (
                "Privacy notice\n\n1. Controller\nNorthwind Ltd\n1 Harbour Street, Leeds LS1 4AB\n\n\
                 2. Our EU representative\nDataRep Oy, Mannerheimintie 10, 00100 Helsinki, Finland\n",
                None,
            ),
        ] {
            let out = import(text.as_bytes(), &Hint::default()).unwrap();
            let r = out.notice.representative.as_ref().expect(text);
            assert_eq!(r.jurisdiction, law, "{text}");
        }
    }

    #[test]
    fn what_is_no_notice_is_refused() {
        assert_eq!(
            import(b"", &Hint::default()).unwrap_err(),
            ImportError::Empty
        );
        assert_eq!(
            import("Kauppalista\n\nmaitoa, leipää".as_bytes(), &Hint::default()).unwrap_err(),
            ImportError::NotANotice
        );
        assert_eq!(
            import(&[0, 1, 2, 3, 0, 0], &Hint::default()).unwrap_err(),
            ImportError::Binary
        );
        let big = vec![b'a'; limits::MAX_INPUT_BYTES + 1];
        assert!(matches!(
            import(&big, &Hint::default()),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn hostile_text_is_imported_or_refused_but_never_panics() {
        let tricky = [
            "İİİ JÄLJEMPÄNÄ ”İ” (jäljempänä İ)",
            "puh. İ 020 764 9850 vaihde İ",
            "Tähän kuuluvat İ, İ sekä İ.",
            "tietosuojavaltuutettu İ (www.İ.fi)",
            "\u{202e}evil\u{200b} @@@ a@b@c ((( ))) :::",
            "Säilytämme tietoja 99999999999999999999 vuotta - 0 kk",
            "the İ Act. The Act",
            "1234567-1 1234567-2 12345 İ",
        ];
        for t in tricky {
            let notice = format!(
                "{t}\n\n1. Rekisterinpitäjä\n{t}\nFirma Oy\n{t}\n\n2. Yhteyshenkilö\n{t}\n\n\
                 3. Tarkoitus\n{t}\n\n4. Oikeusperuste\n{t}\n\n5. Säilytysaika\n{t}\n\n\
                 6. Rekisteröidyn oikeudet\n{t}\n\n7. Vastaanottajat\n{t}\n\n8. Siirrot EU:n ulkopuolelle\n{t}\n"
            );
            match import(notice.as_bytes(), &Hint::default()) {
                Ok(out) => assert!(!out.notice.organisation.name.is_empty()),
                Err(e) => panic!("{t}: {e}"),
            }
        }
        let long_heading = format!(
            "<h2>{}</h2><h2>Rekisterinpitäjä</h2><p>Firma Oy</p>",
            "Rekisteri ".repeat(20_000)
        );
        let out = import(
            long_heading.as_bytes(),
            &Hint {
                format: Some(Format::Html),
                ..Default::default()
            },
        );
        assert!(out.is_ok());
    }
}
