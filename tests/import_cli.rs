//! `seloste import` end to end: the draft it writes validates with the CLI's own `validate`, the
//! exit codes (0 a draft, 1 a draft with findings, 2 nothing imported) and a clear message for each
//! kind of bad input: empty, binary, no notice, too large, a zip bomb, an unknown language.

mod common;

use common::{all_output, root, seloste, temp_file};

#[path = "import_docx.rs"]
mod import_docx;

fn fixture(name: &str) -> String {
    root().join(name).display().to_string()
}

#[test]
fn a_real_notice_becomes_a_draft_that_validates_with_findings() {
    let out_path = temp_file("import-cli", "kaarea.json", b"");
    let out = seloste(&[
        "import",
        &fixture("tests/fixtures/originals/kaarea-asiakasrekisteri.txt"),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("sections of the source → the draft:"),
        "{text}"
    );
    assert!(text.contains("1 Rekisterinpitäjä → organisation"), "{text}");
    assert!(text.contains("guessed — check these:"), "{text}");
    assert!(text.contains("completeness finding(s)"), "{text}");
    assert!(
        text.contains("left out (page furniture):\n  Siirry sisältöön"),
        "{text}"
    );
    let v = seloste(&["validate", out_path.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(1), "{}", all_output(&v));
    let draft: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(draft["organisation"]["business_id"], "2925981-7");
    assert_eq!(draft["headings"]["organisation"]["number"], "1");
}

#[test]
fn without_output_the_draft_goes_to_stdout_and_the_report_to_stderr() {
    let out = seloste(&[
        "import",
        &fixture("tests/fixtures/import/en-gdpr-webshop.md"),
        "--lang",
        "en",
    ]);
    let draft: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(draft["languages"][0], "en");
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(report.contains("language: en (given)"), "{report}");
}

#[test]
fn a_complete_draft_exits_0() {
    // A notice that says everything GDPR asks for.
    let notice = "Privacy notice\n\n\
        1. Controller\nExample Ltd\nExamplestreet 1, 00100 Helsinki\nprivacy@example.com\n\n\
        2. Purposes\n- customer service\n\n\
        3. Legal basis\nThe legal basis is the contract with the customer.\n\n\
        4. Personal data we process\nWe process the following data: name, email address.\n\n\
        5. Sources\nWe get the data from the customer.\n\n\
        6. Recipients\nWe do not disclose data to anyone.\n\n\
        7. Transfers outside the EU\nData is not transferred outside the EU or the EEA.\n\n\
        8. Retention\nData is kept for two years after the customer relationship ends.\n\n\
        9. Your rights\nYou have the right of access, rectification, erasure, restriction, portability and to object. You may withdraw consent.\n\n\
        10. Right to lodge a complaint\nYou may lodge a complaint with the Data Protection Ombudsman.\n\n\
        11. Automated decision-making\nWe make no automated decisions.\n\n\
        12. Requirement to provide data\nGiving the data is a requirement to enter into a contract.\n";
    let path = temp_file("import-cli", "complete.txt", notice.as_bytes());
    let out = seloste(&[
        "import",
        path.to_str().unwrap(),
        "-o",
        temp_file("import-cli", "complete.json", b"")
            .to_str()
            .unwrap(),
    ]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("no completeness findings"), "{text}");
}

fn refused(name: &str, bytes: &[u8], says: &str) {
    let path = temp_file("import-cli", name, bytes);
    let out = seloste(&["import", path.to_str().unwrap()]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(2), "{name}: {text}");
    assert!(text.contains("nothing imported"), "{name}: {text}");
    assert!(text.contains(says), "{name}: expected “{says}” in {text}");
    assert!(out.stdout.is_empty(), "{name}: no draft on stdout");
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_exit_2() {
    refused("empty.txt", b"", "the file is empty");
    refused("blank.md", b"  \n\n\t\n", "the file is empty");
    refused(
        "garbage.txt",
        &[0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0, 7, 8],
        "not text (binary data)",
    );
    refused(
        "recipe.txt",
        "Pulla\n\nSekoita maito, hiiva ja sokeri. Lisää jauhot ja vaivaa taikina.\n".as_bytes(),
        "no customary heading",
    );
    refused(
        "huge.txt",
        &vec![b'a'; 5_000_001],
        "over the limit of 5000000 bytes",
    );
    let bomb = import_docx::zip_of(&[("word/document.xml", &vec![b'0'; 30_000_000])]);
    refused("bomb.docx", &bomb, "zip bomb");
    refused(
        "notword.docx",
        &import_docx::zip_of(&[("a.txt", b"a")]),
        "no word/document.xml",
    );
}

#[test]
fn an_unknown_language_is_refused() {
    let out = seloste(&[
        "import",
        &fixture("tests/fixtures/import/en-gdpr-webshop.md"),
        "--lang",
        "de",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(all_output(&out).contains("use fi, sv or en"));
}
