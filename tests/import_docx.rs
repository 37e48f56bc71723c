//! Word documents: a `.docx` made here with the `zip` crate's writer (heading styles, numbered
//! list paragraphs, line breaks, XML entities) imports like any other notice; a zip bomb and a zip
//! that is no Word document are refused with exit-2 errors. `import_kept.rs` uses the sample too.

use std::io::Write;

use zip::write::SimpleFileOptions;

/// A paragraph of the generated document.
pub enum P<'a> {
    Heading(&'a str),
    Text(&'a str),
    /// Lines of one paragraph separated by `<w:br/>`.
    Lines(&'a [&'a str]),
    Item(&'a str),
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The `word/document.xml` of `paragraphs`.
pub fn document_xml(paragraphs: &[P]) -> String {
    let mut body = String::new();
    for p in paragraphs {
        let run = |t: &str| format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", escape(t));
        body.push_str(&match p {
            P::Heading(t) => format!(
                "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>{}</w:p>",
                run(t)
            ),
            P::Text(t) => format!("<w:p>{}</w:p>", run(t)),
            P::Lines(ls) => format!(
                "<w:p>{}</w:p>",
                ls.iter().map(|l| run(l)).collect::<Vec<_>>().join("<w:r><w:br/></w:r>")
            ),
            P::Item(t) => format!(
                "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>{}</w:p>",
                run(t)
            ),
        });
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    )
}

/// A zip holding `entries` (name, content), deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in entries {
            z.start_file(*name, opts).unwrap();
            z.write_all(content).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

/// A `.docx` with the parts Word writes (content types, relationships, the document).
pub fn docx(paragraphs: &[P]) -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc = document_xml(paragraphs);
    zip_of(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ])
}

/// A Swedish GDPR-era notice as a Word document.
pub fn sample_docx() -> Vec<u8> {
    docx(&[
        P::Text("Dataskyddsbeskrivning för kundregistret"),
        P::Text("Vi värnar om din integritet. Här berättar vi hur vi behandlar dina personuppgifter."),
        P::Heading("Personuppgiftsansvarig"),
        P::Lines(&["Bageri Vetekransen Ab", "FO-nummer 1234567-1", "Torggatan 8, 65100 Vasa", "tel. 06 321 4567", "info@vetekransen.example"]),
        P::Heading("Kontaktperson"),
        P::Lines(&["Anna Berg", "anna.berg@vetekransen.example"]),
        P::Heading("Ändamål"),
        P::Item("beställningar och leveranser"),
        P::Item("kundservice & reklamationer"),
        P::Item("marknadsföring till kunder"),
        P::Heading("Rättslig grund"),
        P::Text("Behandlingen grundar sig på avtal med kunden och på vårt berättigade intresse att marknadsföra våra produkter."),
        P::Heading("Uppgiftskällor"),
        P::Text("Uppgifterna fås av kunden själv."),
        P::Heading("Mottagare"),
        P::Text("Vi lämnar inte ut uppgifter till utomstående."),
        P::Heading("Överföring utanför EU/EES"),
        P::Text("Uppgifterna överförs inte utanför EU eller EES."),
        P::Heading("Lagringstid"),
        P::Text("Uppgifterna sparas i två år efter den senaste beställningen."),
        P::Heading("Den registrerades rättigheter"),
        P::Text("Du har rätt till tillgång, rättelse och radering samt rätt att invända mot behandlingen. Du har också rätt att lämna klagomål till dataombudsmannen."),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use seloste_import::{import, Hint, ImportError};

    fn hint() -> Hint<'static> {
        Hint {
            file_name: Some("notice.docx"),
            ..Default::default()
        }
    }

    #[test]
    fn a_word_document_imports_with_its_headings_lists_and_entities() {
        let out = import(&sample_docx(), &hint()).unwrap();
        let n = &out.notice;
        assert_eq!(n.languages, ["sv"]);
        assert_eq!(n.organisation.name, "Bageri Vetekransen Ab");
        assert_eq!(n.organisation.business_id.as_deref(), Some("1234567-1"));
        assert_eq!(n.purposes.len(), 3);
        assert_eq!(n.purposes[1].name.get("sv"), "kundservice & reklamationer");
        assert_eq!(n.transfers.as_ref().map(|t| t.outside_eea), Some(false));
        let max = n.retention.as_ref().unwrap().rules[0]
            .max_duration
            .as_deref();
        assert_eq!(max, Some("P2Y"));
    }

    #[test]
    fn a_zip_bomb_is_refused_without_being_inflated() {
        // 30 MB of zeros deflate to a few tens of kilobytes.
        let zeros = vec![b'0'; 30_000_000];
        let bomb = zip_of(&[("word/document.xml", &zeros)]);
        assert!(bomb.len() < 200_000);
        let err = import(&bomb, &hint()).unwrap_err();
        assert!(matches!(err, ImportError::DocxTooLarge { .. }), "{err:?}");
        assert!(err.to_string().contains("zip bomb"));
    }

    #[test]
    fn a_zip_that_is_no_word_document_is_refused() {
        let z = zip_of(&[("hello.txt", b"hello")]);
        let err = import(&z, &hint()).unwrap_err();
        assert!(err.to_string().contains("no word/document.xml"), "{err}");
        let err = import(b"PK\x03\x04 not really a zip", &hint()).unwrap_err();
        assert!(matches!(err, ImportError::DocxUnreadable(_)), "{err:?}");
    }
}
