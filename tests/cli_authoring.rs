//! The command line as an author meets it: `FILE@N` wherever a notice is named, rendering that
//! refuses malformed notices and unknown languages, starting the next version of a history, and
//! output into a closed pipe.

mod common;

use common::{all_output, seloste, temp_file};

const HISTORY: &str = "examples/pohjantahti-asiakasrekisteri.history.json";
const NOTICE: &str = "examples/kaarea-asiakasrekisteri.json";

fn history_json() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(HISTORY).unwrap()).unwrap()
}

#[test]
fn validate_takes_file_at_n_and_reports_that_versions_paths() {
    let mut h = history_json();
    // Break version 1 only: the history as a whole is still checked for errors in every version,
    // but `@2` and `@3` look at their own notice alone.
    h["versions"][0]["notice"]["organisation"]["emails"] = serde_json::json!(["not-an-address"]);
    let file = temp_file(
        "authoring",
        "broken-v1.history.json",
        h.to_string().as_bytes(),
    );
    let file = file.to_str().unwrap();

    let v1 = seloste(&["validate", &format!("{file}@1")]);
    let text = all_output(&v1);
    assert_eq!(v1.status.code(), Some(2), "{text}");
    assert!(
        text.contains("versions[0].notice.organisation.emails[0]"),
        "{text}"
    );

    let v3 = seloste(&["validate", &format!("{file}@3")]);
    let text = all_output(&v3);
    assert!(v3.status.code().unwrap() < 2, "{text}");
    assert!(!text.contains("versions[0]"), "{text}");

    let missing = seloste(&["validate", &format!("{file}@9")]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(all_output(&missing).contains("no version 9"));

    let single = seloste(&["validate", &format!("{NOTICE}@1")]);
    assert_eq!(single.status.code(), Some(2));
    assert!(all_output(&single).contains("not a history"));
}

#[test]
fn render_refuses_a_malformed_notice_with_its_errors() {
    let mut n: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(NOTICE).unwrap()).unwrap();
    n["organisation"]["web"] = serde_json::json!("javascript:alert(1)");
    let file = temp_file("authoring", "bad-link.json", n.to_string().as_bytes());
    let out = seloste(&["render", file.to_str().unwrap()]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("organisation.web"), "{text}");
    assert!(out.stdout.is_empty(), "no page is written: {text}");
}

#[test]
fn render_refuses_a_language_the_notice_lacks() {
    let out = seloste(&["render", NOTICE, "--lang", "sv"]);
    let text = all_output(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("--lang sv") && text.contains("fi"), "{text}");
    // A regional tag of a language the notice has is that language.
    let out = seloste(&["render", HISTORY, "--lang", "en-GB"]);
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("lang=\"en\""));
}

#[test]
fn version_new_appends_a_dated_copy_of_the_latest_version() {
    let file = temp_file(
        "authoring",
        "next.history.json",
        std::fs::read(HISTORY).unwrap().as_slice(),
    );
    let path = file.to_str().unwrap();
    let out = seloste(&["version", "new", path, "--date", "2031-05-02"]);
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));

    let before = history_json();
    let after: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let old = before["versions"].as_array().unwrap();
    let new = after["versions"].as_array().unwrap();
    assert_eq!(new.len(), old.len() + 1);
    assert_eq!(
        &new[..old.len()],
        &old[..],
        "earlier versions are untouched"
    );
    let added = &new[old.len()];
    assert_eq!(added["number"], old.len() + 1);
    assert_eq!(added["published"], "2031-05-02");
    let latest = &old[old.len() - 1]["notice"];
    let mut expected = latest.clone();
    if latest.get("updated").is_some() {
        expected["updated"] = "2031-05-02".into();
    }
    assert_eq!(added["notice"], expected);
    assert_eq!(after["$schema"], before["$schema"]);

    // Until the author writes the summary in every language, validation says so.
    let v = seloste(&["validate", path]);
    let text = all_output(&v);
    assert_eq!(v.status.code(), Some(2), "{text}");
    assert!(
        text.contains(&format!("versions[{}].summary", old.len())),
        "{text}"
    );

    // Dates never go back.
    let back = seloste(&["version", "new", path, "--date", "2020-01-01"]);
    assert_eq!(back.status.code(), Some(2));
    assert!(all_output(&back).contains("never go back"));
}

#[test]
fn version_new_with_a_summary_in_a_one_language_notice_is_valid() {
    let notice: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(NOTICE).unwrap()).unwrap();
    let history = serde_json::json!({
        "format": 1,
        "id": notice["id"],
        "versions": [{"number": 1, "published": "2024-01-01", "summary": {"fi": "Ensimmäinen."}, "notice": notice}],
    });
    let file = temp_file(
        "authoring",
        "kaarea.history.json",
        history.to_string().as_bytes(),
    );
    let path = file.to_str().unwrap();
    let out = seloste(&["version", "new", path, "--summary", "Uusi yhteyshenkilö."]);
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let v = seloste(&["validate", path]);
    assert!(v.status.code().unwrap() < 2, "{}", all_output(&v));
    let not_history = seloste(&["version", "new", NOTICE]);
    assert_eq!(not_history.status.code(), Some(2));
    assert!(all_output(&not_history).contains("not a history"));
}

#[cfg(unix)]
#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // 3000 files' reports are far more than a pipe buffers (64 KB on Linux), so the writer is
    // certain to meet the closed pipe after the reader takes one byte and goes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_seloste"))
        .arg("validate")
        .args(std::iter::repeat_n(NOTICE, 3000))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(status.code(), Some(101), "no panic exit: {stderr}");
}

/// The target of the page's change-log link (`<a href="…" class="to-view">`), if any.
fn changelog_link(html: &str) -> Option<String> {
    let end = html.find("\" class=\"to-view\"")?;
    let start = html[..end].rfind("href=\"")? + "href=\"".len();
    Some(html[start..end].to_owned())
}

#[test]
fn a_rendered_version_of_a_history_links_its_change_log_written_beside_it() {
    let page = temp_file("authoring", "pohjantahti.html", b"");
    std::fs::remove_file(&page).unwrap();
    let out = seloste(&["render", HISTORY, "-o", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        changelog_link(&html).as_deref(),
        Some("pohjantahti.changes.html")
    );
    let log = std::fs::read_to_string(page.with_file_name("pohjantahti.changes.html"))
        .expect("the change log is written beside the page");
    for v in ["Versio 3", "Versio 2", "Versio 1"] {
        assert!(log.contains(v), "the change log lacks {v}");
    }
    // The same for a version named with @N, in the language asked for.
    let page = page.with_file_name("v1.html");
    let out = seloste(&[
        "render",
        &format!("{HISTORY}@1"),
        "--lang",
        "en",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let log = std::fs::read_to_string(page.with_file_name("v1.changes.html")).unwrap();
    assert!(log.contains("<html lang=\"en\">") && log.contains("Version 3"));
}

#[test]
fn render_links_the_change_log_given_and_refuses_a_link_a_browser_would_run() {
    let url = "https://seloste.example/kaarea/asiakasrekisteri/history";
    let out = seloste(&["render", NOTICE, "--changelog", url]);
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let html = String::from_utf8_lossy(&out.stdout);
    assert_eq!(changelog_link(&html).as_deref(), Some(url));
    assert!(html.contains(">Muutoshistoria</a>"), "{html}");

    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil.example/x",
        "a b.html",
    ] {
        let out = seloste(&["render", NOTICE, "--changelog", bad]);
        assert_ne!(out.status.code(), Some(0), "{bad}");
        assert!(all_output(&out).contains("--changelog"), "{bad}");
    }

    // A single notice to standard output: nothing to link, and the author is told how.
    let out = seloste(&["render", NOTICE]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(changelog_link(&String::from_utf8_lossy(&out.stdout)), None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--changelog"));
}
