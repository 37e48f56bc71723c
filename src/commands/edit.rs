//! `seloste edit FILE [--port N] [--no-open]`: the editor the edge serves at `/edit/…`, on
//! 127.0.0.1 for one notice file, for teams that keep their notices in git and publish from CI.
//!
//! It serves the same host page as the edge (`seloste_widget::editor_page`, `data-mode="local"`)
//! and the editor's bundle, embedded in this binary at build time (`build.rs`), and two URLs for
//! the file (the host contract in `editor/README.md`):
//!
//! - `GET /file`: the file's bytes as they are on disk (`404` while it does not exist yet);
//! - `PUT /file`: a notice's JSON. Read with the schema's parser: anything that is not a notice
//!   is `422` with an `api::ApiError` and the file is left alone. A notice equal to the file's
//!   leaves the file byte for byte as it was; any other is written as the schema writes notices
//!   (two-space JSON, a final newline) to a temporary file beside it, synced, then renamed over
//!   it, so the file is always either the old notice or the new one, never half of each. `204`.
//!
//! Only this machine may talk to it: it listens on 127.0.0.1, answers only requests whose `Host`
//! is its own address (a web page whose name resolves to 127.0.0.1 cannot read it: DNS
//! rebinding), and refuses a `PUT` sent from another origin. Ctrl-C (SIGINT) or SIGTERM stops it
//! (exit code 0).

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use seloste_schema::api::{ApiError, ErrorCode, MAX_BODY_BYTES};
use seloste_schema::{Document, Notice};
use seloste_widget::{editor_page, EditorHost, EDITOR_CONTENT_SECURITY_POLICY, EDITOR_LANGUAGES};
use tiny_http::{Header, Method, Request, Response, Server};

/// The editor's bundle (`editor/dist/`), when this binary was built after it (`cargo xtask build`).
#[cfg(editor_bundle)]
const BUNDLE: Option<[(&str, &[u8]); 4]> = Some([
    ("boot.js", include_bytes!("../../editor/dist/boot.js")),
    (
        "seloste_editor.js",
        include_bytes!("../../editor/dist/seloste_editor.js"),
    ),
    (
        "seloste_editor_bg.wasm",
        include_bytes!("../../editor/dist/seloste_editor_bg.wasm"),
    ),
    ("editor.css", include_bytes!("../../editor/dist/editor.css")),
]);
#[cfg(not(editor_bundle))]
const BUNDLE: Option<[(&str, &[u8]); 4]> = None;

/// What to say when the bundle is missing.
const NOT_BUILT: &str = "this seloste was built without the editor's bundle: run `cargo xtask \
     build` (it builds editor/dist/), then build seloste again (`cargo build --bin seloste`)";

/// Set by SIGINT or SIGTERM; the serving loop looks at it between requests.
static STOP: AtomicBool = AtomicBool::new(false);

/// How often the serving loop looks at [`STOP`] while no request arrives.
const POLL: Duration = Duration::from_millis(100);

pub fn run(file: &Path, port: u16, open: bool) -> Result<u8, String> {
    check_file(file)?;
    if BUNDLE.is_none() {
        eprintln!("seloste: warning: {NOT_BUILT}");
    }
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or("the server has no IP address")?;
    let editor = Editor {
        file: file.to_path_buf(),
        port,
    };
    let url = format!("http://127.0.0.1:{port}/");
    println!("Editing {} at {url}", file.display());
    println!("Ctrl-C stops the editor.");
    let _ = std::io::stdout().flush();
    install_signal_handlers();
    if open {
        open_browser(&url);
    }
    while !STOP.load(Ordering::SeqCst) {
        match server.recv_timeout(POLL) {
            Ok(Some(request)) => editor.answer(request),
            Ok(None) => {}
            // Interrupted by the very signal that stops us, or a broken connection: look again.
            Err(_) => {}
        }
    }
    eprintln!("seloste edit: stopped");
    Ok(0)
}

/// A file the editor can work on: a notice file, or one not created yet (the editor starts it).
fn check_file(file: &Path) -> Result<(), String> {
    match fs::read(file) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            if let Ok(Document::History(_)) = seloste_schema::parse(&text) {
                return Err(format!(
                    "{}: is a history file; `seloste edit` edits one notice (start the next \
                     version with `seloste version new`, or edit a notice file)",
                    file.display()
                ));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dir = file.parent().filter(|d| !d.as_os_str().is_empty());
            match dir {
                Some(d) if !d.is_dir() => Err(format!(
                    "{}: the folder {} does not exist",
                    file.display(),
                    d.display()
                )),
                _ => Ok(()),
            }
        }
        Err(e) => Err(format!("{}: cannot read: {e}", file.display())),
    }
}

struct Editor {
    file: PathBuf,
    port: u16,
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

impl Editor {
    fn answer(&self, mut request: Request) {
        let response = self.route(&mut request);
        let _ = request.respond(response);
    }

    fn route(&self, request: &mut Request) -> Answer {
        if !self.own_host(header(request, "Host")) {
            return text(
                403,
                "this editor answers only at its own address, http://127.0.0.1:PORT/",
            );
        }
        let url = request.url().to_owned();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let read = matches!(request.method(), Method::Get | Method::Head);
        match (path, request.method()) {
            ("/", _) if read => self.page(request, query),
            ("/widget/seloste.css", _) if read => asset(
                seloste_widget::STYLESHEET.as_bytes(),
                "text/css; charset=utf-8",
            ),
            ("/file", _) if read => self.read_file(),
            ("/file", Method::Put) => {
                if !self.own_origin(header(request, "Origin")) {
                    return api_error(&ApiError::forbidden(
                        "only the editor's own page may save the file",
                    ));
                }
                self.save(request)
            }
            ("/file", _) => method_not_allowed("GET, HEAD, PUT"),
            (p, _) if p.starts_with("/edit/") && read => bundle_file(&p["/edit/".len()..]),
            ("/", _) | ("/widget/seloste.css", _) => method_not_allowed("GET, HEAD"),
            (p, _) if p.starts_with("/edit/") => method_not_allowed("GET, HEAD"),
            _ => api_error(&ApiError::not_found(format!("nothing at {path}"))),
        }
    }

    /// `127.0.0.1:PORT` or `localhost:PORT`, nothing else (not even without the port).
    fn own_host(&self, host: Option<String>) -> bool {
        host.is_some_and(|h| {
            let h = h.to_ascii_lowercase();
            h == format!("127.0.0.1:{}", self.port) || h == format!("localhost:{}", self.port)
        })
    }

    /// No `Origin` (a program, not a page) or this editor's own.
    fn own_origin(&self, origin: Option<String>) -> bool {
        origin.is_none_or(|o| {
            let o = o.to_ascii_lowercase();
            o == format!("http://127.0.0.1:{}", self.port)
                || o == format!("http://localhost:{}", self.port)
        })
    }

    fn page(&self, request: &Request, query: &str) -> Answer {
        let lang = interface_language(query, header(request, "Accept-Language").as_deref());
        let mut r = Response::from_data(editor_page(EditorHost::Local, lang).into_bytes());
        for (name, value) in [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Security-Policy", EDITOR_CONTENT_SECURITY_POLICY),
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ] {
            r.add_header(h(name, value));
        }
        with_common(r)
    }

    fn read_file(&self) -> Answer {
        match fs::read(&self.file) {
            Ok(bytes) => {
                let r = Response::from_data(bytes)
                    .with_header(h("Content-Type", "application/json; charset=utf-8"));
                with_common(r)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => api_error(&ApiError::not_found(
                "the file does not exist yet: saving creates it",
            )),
            Err(e) => api_error(&ApiError::new(
                ErrorCode::Internal,
                format!("cannot read the file: {e}"),
            )),
        }
    }

    fn save(&self, request: &mut Request) -> Answer {
        let mut body = Vec::new();
        let limit = MAX_BODY_BYTES as u64 + 1;
        if let Err(e) = request.as_reader().take(limit).read_to_end(&mut body) {
            return api_error(&ApiError::new(
                ErrorCode::BadRequest,
                format!("cannot read the body: {e}"),
            ));
        }
        if body.len() > MAX_BODY_BYTES {
            return api_error(&ApiError::too_large(MAX_BODY_BYTES));
        }
        let notice = match read_notice(&body) {
            Ok(n) => n,
            Err(e) => return api_error(&e),
        };
        if self.current().as_ref() == Some(&notice) {
            return no_content();
        }
        let mut json = serde_json::to_string_pretty(&notice).expect("a notice serializes");
        json.push('\n');
        match write_atomically(&self.file, json.as_bytes()) {
            Ok(()) => no_content(),
            Err(e) => api_error(&ApiError::new(
                ErrorCode::Internal,
                format!("cannot save {}: {e}", self.file.display()),
            )),
        }
    }

    /// The notice the file holds now, if it holds one.
    fn current(&self) -> Option<Notice> {
        let text = fs::read_to_string(&self.file).ok()?;
        match seloste_schema::parse(&text).ok()? {
            Document::Notice(n) => Some(*n),
            Document::History(_) => None,
        }
    }
}

/// A request body as a notice, or the `422` saying where it is not one.
fn read_notice(body: &[u8]) -> Result<Notice, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|e| ApiError::invalid_at(".", format!("the body is not UTF-8 text: {e}")))?;
    match seloste_schema::parse(text) {
        Ok(Document::Notice(n)) => Ok(*n),
        Ok(Document::History(_)) => Err(ApiError::invalid_at(
            "versions",
            "this is a history; the editor saves one notice",
        )),
        Err(e) => {
            let path = if e.path.is_empty() { "." } else { &e.path };
            Err(ApiError {
                line: Some(e.line),
                column: Some(e.column),
                ..ApiError::invalid_at(path, e.message)
            })
        }
    }
}

/// Writes `bytes` to `file` through a temporary file in the same folder (same file system, so
/// the rename is atomic), synced before the rename; keeps the old file's permissions.
fn write_atomically(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.seloste-edit-{}.tmp", std::process::id()));
    let result = (|| {
        let mut out = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        out.write_all(bytes)?;
        if let Ok(meta) = fs::metadata(file) {
            out.set_permissions(meta.permissions())?;
        }
        out.sync_all()?;
        drop(out);
        fs::rename(&temp, file)?;
        // The rename itself is durable once the folder is synced (where folders can be opened).
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// The editor's interface language: `?lang=`, else the first of `Accept-Language` it speaks,
/// else English.
fn interface_language(query: &str, accept: Option<&str>) -> &'static str {
    let speaks = |tag: &str| {
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        EDITOR_LANGUAGES
            .into_iter()
            .find(|l| l.eq_ignore_ascii_case(primary))
    };
    let asked = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("lang="))
        .and_then(speaks);
    // In the header's order (authors rarely weigh their languages), skipping those with `q=0`.
    let refused = |params: &str| {
        params.split(';').any(|p| {
            p.trim()
                .strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        })
    };
    asked
        .or_else(|| {
            accept?.split(',').find_map(|part| {
                let (tag, params) = part.split_once(';').unwrap_or((part, ""));
                if refused(params) {
                    None
                } else {
                    speaks(tag)
                }
            })
        })
        .unwrap_or("en")
}

fn bundle_file(name: &str) -> Answer {
    let Some(files) = BUNDLE else {
        return api_error(&ApiError::new(ErrorCode::WidgetNotBuilt, NOT_BUILT));
    };
    let Some((_, bytes)) = files.iter().find(|(n, _)| *n == name) else {
        return api_error(&ApiError::not_found(format!("nothing at /edit/{name}")));
    };
    let content_type = match name.rsplit('.').next() {
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        _ => "text/css; charset=utf-8",
    };
    asset(bytes, content_type)
}

fn asset(bytes: &[u8], content_type: &str) -> Answer {
    with_common(Response::from_data(bytes.to_vec()).with_header(h("Content-Type", content_type)))
}

/// Never stored (the file changes under the page; the bundle with the binary), never sniffed.
fn with_common(r: Answer) -> Answer {
    r.with_header(h("Cache-Control", "no-store"))
        .with_header(h("X-Content-Type-Options", "nosniff"))
}

fn no_content() -> Answer {
    with_common(Response::from_data(Vec::new()).with_status_code(204))
}

fn api_error(e: &ApiError) -> Answer {
    with_common(
        Response::from_data(e.to_json().into_bytes())
            .with_status_code(e.status)
            .with_header(h("Content-Type", "application/json; charset=utf-8")),
    )
}

fn method_not_allowed(allow: &str) -> Answer {
    api_error(&ApiError::new(
        ErrorCode::MethodNotAllowed,
        format!("allowed: {allow}"),
    ))
    .with_header(h("Allow", allow))
}

fn text(status: u16, message: &str) -> Answer {
    with_common(
        Response::from_data(message.as_bytes().to_vec())
            .with_status_code(status)
            .with_header(h("Content-Type", "text/plain; charset=utf-8")),
    )
}

fn header(request: &Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_owned())
}

fn h(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, Ordering::SeqCst);
}

/// SIGINT and SIGTERM set [`STOP`] (only an atomic store: safe in a signal handler).
fn install_signal_handlers() {
    #[cfg(unix)]
    // SAFETY: `on_signal` only stores to an atomic, which is async-signal-safe.
    unsafe {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::signal(libc::SIGINT, handler);
        libc::signal(libc::SIGTERM, handler);
    }
}

/// Opens `url` in the default browser; if that fails, the printed URL is there to click.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let opened = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if opened.is_err() {
        eprintln!("(could not open a browser: open {url} yourself)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interface_language_is_asked_for_or_english() {
        assert_eq!(interface_language("lang=sv", Some("fi")), "sv");
        assert_eq!(
            interface_language("", Some("de, sv-FI;q=0.8, fi;q=0.5")),
            "sv"
        );
        assert_eq!(interface_language("lang=de", Some("fi;q=0, en")), "en");
        assert_eq!(interface_language("", Some("FI")), "fi");
        assert_eq!(interface_language("", None), "en");
    }

    #[test]
    fn a_broken_draft_is_refused_at_its_path() {
        let e = read_notice(br#"{"format": 1, "id": 7}"#).unwrap_err();
        assert_eq!((e.status, e.error), (422, ErrorCode::InvalidNotice));
        assert_eq!(e.problems[0].path, "id");
        assert_eq!(read_notice(b"{").unwrap_err().status, 422);
        assert_eq!(read_notice(b"\xff").unwrap_err().status, 422);
    }
}
