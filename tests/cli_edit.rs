//! `seloste edit FILE` end to end: the real binary on a port of its own choosing, spoken to over
//! plain HTTP/1.1 (so every header, `Host` included, is exactly what the test writes): the host
//! page, the file as it is on disk, saving a changed notice, saving the same notice (the file's
//! bytes stay), a broken draft (422, file untouched), foreign hosts and origins (refused), and
//! SIGINT (exit 0, the port closed).

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::temp_file;

const NOTICE: &str = "examples/kaarea-asiakasrekisteri.json";

/// A running `seloste edit` and the port it printed.
struct Editor {
    child: Child,
    port: u16,
}

impl Editor {
    fn start(file: &std::path::Path) -> Editor {
        let mut child = Command::new(env!("CARGO_BIN_EXE_seloste"))
            .args(["edit", file.to_str().unwrap(), "--port", "0", "--no-open"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .rsplit_once("http://127.0.0.1:")
            .and_then(|(_, rest)| rest.trim_end().strip_suffix('/'))
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        Editor { child, port }
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// One request with exactly these headers (plus `Content-Length` and `Connection: close`).
    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut head = format!("{method} {path} HTTP/1.1\r\n");
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        ));
        s.write_all(head.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        Answer::parse(&raw)
    }

    fn get(&self, path: &str) -> Answer {
        self.send("GET", path, &[("Host", &self.host())], b"")
    }

    fn put(&self, body: &[u8]) -> Answer {
        let origin = format!("http://{}", self.host());
        self.send(
            "PUT",
            "/file",
            &[
                ("Host", &self.host()),
                ("Origin", &origin),
                ("Content-Type", "application/json"),
            ],
            body,
        )
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn parse(raw: &[u8]) -> Answer {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete answer");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let mut body = raw[split + 4..].to_vec();
        if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            body = dechunk(&body);
        }
        Answer {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&body[..end]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[end + 2 + size + 2..];
    }
}

fn copy_of_example(name: &str) -> (std::path::PathBuf, Vec<u8>) {
    let bytes = std::fs::read(NOTICE).unwrap();
    (temp_file("edit", name, &bytes), bytes)
}

#[test]
fn the_page_and_the_file_are_served_as_the_host_contract_says() {
    let (file, bytes) = copy_of_example("served.json");
    let editor = Editor::start(&file);

    let page = editor.send(
        "GET",
        "/",
        &[
            ("Host", &editor.host()),
            ("Accept-Language", "fi-FI, en;q=0.5"),
        ],
        b"",
    );
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"fi\">"),
        "{html}"
    );
    assert!(html.contains(
        "<div id=\"seloste-editor\" data-mode=\"local\" data-org=\"\" data-notice=\"\" \
         data-lang=\"fi\"></div>"
    ));
    assert!(html.contains("<script type=\"module\" src=\"/edit/boot.js\"></script>"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval';"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(page.header("set-cookie"), None);

    let got = editor.get("/file");
    assert_eq!(got.status, 200);
    assert_eq!(got.body, bytes, "the file's bytes as they are on disk");
    assert!(got
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));

    let css = editor.get("/widget/seloste.css");
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));

    // The bundle, when this binary embeds it; otherwise a 503 that says how to build it.
    let boot = editor.get("/edit/boot.js");
    match boot.status {
        200 => {
            assert!(boot
                .header("content-type")
                .unwrap()
                .starts_with("text/javascript"));
            assert!(boot.text().contains("./seloste_editor.js"));
            let wasm = editor.get("/edit/seloste_editor_bg.wasm");
            assert_eq!(wasm.header("content-type"), Some("application/wasm"));
            assert_eq!(&wasm.body[..4], b"\0asm");
        }
        503 => assert!(boot.text().contains("cargo xtask build"), "{}", boot.text()),
        s => panic!("/edit/boot.js: {s} {}", boot.text()),
    }
    assert_eq!(editor.get("/nothing").status, 404);
    assert_eq!(editor.get("/edit/other.js").status, 404);
    let delete = editor.send("DELETE", "/file", &[("Host", &editor.host())], b"");
    assert_eq!(delete.status, 405);
}

#[test]
fn saving_writes_a_changed_notice_and_leaves_the_same_one_byte_for_byte() {
    let (file, original) = copy_of_example("saved.json");
    let editor = Editor::start(&file);
    let mut notice: serde_json::Value = serde_json::from_slice(&original).unwrap();

    // The same notice, written differently (compact, as a browser's JSON.stringify would): the
    // file keeps its bytes.
    let same = editor.put(notice.to_string().as_bytes());
    assert_eq!(same.status, 204, "{}", same.text());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        original,
        "unchanged byte for byte"
    );

    notice["title"]["fi"] = "Uusi otsikko".into();
    let changed = editor.put(notice.to_string().as_bytes());
    assert_eq!(changed.status, 204, "{}", changed.text());
    let saved = std::fs::read(&file).unwrap();
    let back: serde_json::Value = serde_json::from_slice(&saved).unwrap();
    assert_eq!(back["title"]["fi"], "Uusi otsikko");
    assert_eq!(back["id"], notice["id"]);
    assert!(saved.ends_with(b"}\n"), "a final newline");
    // What GET /file answers is what is on disk now, and no temporary file is left beside it.
    assert_eq!(editor.get("/file").body, saved);
    let dir = file.parent().unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("saved.json") && n != "saved.json")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Saving that very notice again changes nothing.
    let again = editor.put(notice.to_string().as_bytes());
    assert_eq!(again.status, 204);
    assert_eq!(std::fs::read(&file).unwrap(), saved);
}

#[test]
fn a_broken_draft_is_422_and_the_file_is_untouched() {
    let (file, original) = copy_of_example("broken.json");
    let editor = Editor::start(&file);
    let mut wrong: serde_json::Value = serde_json::from_slice(&original).unwrap();
    wrong["languages"] = serde_json::json!("fi");
    for body in [
        b"not json at all".to_vec(),
        b"{\"format\": 1,".to_vec(),
        wrong.to_string().into_bytes(),
        br#"{"id": "a/b", "versions": []}"#.to_vec(),
    ] {
        let r = editor.put(&body);
        assert_eq!(r.status, 422, "{}", r.text());
        let e = r.json();
        assert_eq!(e["error"], "invalid_notice");
        assert!(e["problems"][0]["path"].is_string(), "{e}");
        assert_eq!(std::fs::read(&file).unwrap(), original);
    }
    let e = editor.put(wrong.to_string().as_bytes()).json();
    assert_eq!(e["problems"][0]["path"], "languages");
}

#[test]
fn other_hosts_and_other_origins_are_refused() {
    let (file, original) = copy_of_example("guarded.json");
    let editor = Editor::start(&file);
    for host in [
        "evil.example".to_owned(),
        format!("evil.example:{}", editor.port),
        "127.0.0.1".to_owned(),
        format!("127.0.0.1:{}", editor.port + 1),
    ] {
        for path in ["/", "/file"] {
            let r = editor.send("GET", path, &[("Host", &host)], b"");
            assert_eq!(r.status, 403, "Host: {host} {path}");
            assert!(!r.text().contains("kaarea"), "nothing of the file");
        }
    }
    let no_host = editor.send("GET", "/file", &[], b"");
    assert_eq!(no_host.status, 403);
    let localhost = format!("localhost:{}", editor.port);
    assert_eq!(
        editor
            .send("GET", "/file", &[("Host", &localhost)], b"")
            .status,
        200
    );

    let mut notice: serde_json::Value = serde_json::from_slice(&original).unwrap();
    notice["title"]["fi"] = "Kaapattu".into();
    let foreign = editor.send(
        "PUT",
        "/file",
        &[
            ("Host", &editor.host()),
            ("Origin", "http://evil.example"),
            ("Content-Type", "application/json"),
        ],
        notice.to_string().as_bytes(),
    );
    assert_eq!(foreign.status, 403);
    assert_eq!(std::fs::read(&file).unwrap(), original);
}

#[test]
fn a_file_that_does_not_exist_yet_is_created_on_the_first_save() {
    let dir = temp_file("edit", "placeholder", b"");
    let file = dir.parent().unwrap().join("new-notice.json");
    let _ = std::fs::remove_file(&file);
    let editor = Editor::start(&file);
    assert_eq!(editor.get("/file").status, 404);
    let notice = std::fs::read(NOTICE).unwrap();
    assert_eq!(editor.put(&notice).status, 204);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let want: serde_json::Value = serde_json::from_slice(&notice).unwrap();
    assert_eq!(saved["id"], want["id"]);
}

#[test]
fn a_history_file_is_refused() {
    let out = common::seloste(&[
        "edit",
        "examples/pohjantahti-asiakasrekisteri.history.json",
        "--no-open",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::all_output(&out).contains("history"));
}

#[cfg(unix)]
#[test]
fn sigint_stops_it_with_exit_code_0_and_closes_the_port() {
    let (file, _) = copy_of_example("stopped.json");
    let mut editor = Editor::start(&file);
    assert_eq!(editor.get("/file").status, 200);
    let pid = editor.child.id() as libc::pid_t;
    // SAFETY: signalling our own child process.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let status = editor.child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{status}");
    assert!(
        TcpStream::connect(("127.0.0.1", editor.port)).is_err(),
        "nothing listens any more"
    );
}
