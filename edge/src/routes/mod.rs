//! The public URLs (a stable contract) and the handler of each family, one file per family:
//!
//! | URL                                           | file          |
//! |-----------------------------------------------|---------------|
//! | `/`, `/healthz`, anything else (404)          | `index.rs`    |
//! | `/{org}/{notice}`, `…/v/{n}`, `…/sha256/{h}`  | `notice.rs`   |
//! | `/{org}/{notice}/history`, `…/diff/{a}/{b}`   | `history.rs`  |
//! | `/{org}/{notice}/feed.atom`                   | `feed.rs`     |
//! | `GET /api/v1/notices/{org}/{notice}[/…]`      | `api.rs`      |
//! | `GET /api/v1/notices/{org}/{notice}/fragment` | `fragment.rs` |
//! | `POST /api/v1/notices/{org}/{notice}/versions`| `publish.rs`  |
//! | `/api/v1/orgs/{org}/keys[/{id}[/revoke]]`     | `keys.rs`     |
//! | `/widget/…`, `/embed.html`                    | `assets.rs`   |
//! | `/edit`, `/edit/{org}/{notice}`, `/edit/{file}` | `editor.rs` |
//! | `/{org}/{notice}.jsonld`, `…/v/{n}.jsonld`, `/ns/v1.jsonld` | `jsonld.rs` |
//!
//! [`resolve`] is pure (and unit-tested natively); the handlers run only in the Worker.

use seloste_schema::api::NoticeId;
use seloste_schema::pin::parse_hash;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod assets;
#[cfg(target_arch = "wasm32")]
mod editor;
#[cfg(target_arch = "wasm32")]
mod feed;
#[cfg(target_arch = "wasm32")]
mod fragment;
#[cfg(target_arch = "wasm32")]
mod history;
#[cfg(target_arch = "wasm32")]
mod index;
#[cfg(target_arch = "wasm32")]
mod jsonld;
#[cfg(target_arch = "wasm32")]
mod keys;
#[cfg(target_arch = "wasm32")]
mod notice;
#[cfg(target_arch = "wasm32")]
mod publish;
#[cfg(target_arch = "wasm32")]
pub(crate) mod respond;

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Index,
    Health,
    /// The latest version as an HTML page.
    Latest(NoticeId),
    /// Version n as an HTML page (immutable).
    Version(NoticeId, u32),
    /// `/{org}/{notice}/versions/{n}`: a permanent redirect to `/{org}/{notice}/v/{n}`, for
    /// readers who shorten the API's `…/versions/{n}` by hand (every page links `v/{n}`).
    VersionAlias(NoticeId, u32),
    /// `/{org}/{notice}/sha256/{hash}`: the version that hash pins, as its page (immutable).
    Pinned(NoticeId, String),
    History(NoticeId),
    Diff(NoticeId, u32, u32),
    Feed(NoticeId),
    ApiNotice(NoticeId),
    ApiVersion(NoticeId, u32),
    /// `…/sha256/{hash}`: the version that hash pins (immutable).
    ApiPinned(NoticeId, String),
    ApiHistory(NoticeId),
    /// One page of the change log, computed in the reader's language (the widget's history view).
    ApiChanges(NoticeId),
    /// The widget's pre-rendered, hydratable notice (`fragment.rs`).
    ApiFragment(NoticeId),
    Publish(NoticeId),
    /// The operator lists an organisation's keys (`GET …/orgs/{org}/keys`).
    Keys(String),
    /// The operator creates a key (`POST …/orgs/{org}/keys`).
    CreateKey(String),
    /// The operator revokes a key (`POST …/keys/{id}/revoke` or `DELETE …/keys/{id}`).
    RevokeKey(String, String),
    /// The latest version as JSON-LD (`/{org}/{notice}.jsonld`).
    JsonLdLatest(NoticeId),
    /// Version n as JSON-LD (`/{org}/{notice}/v/{n}.jsonld`, immutable).
    JsonLdVersion(NoticeId, u32),
    /// The version a hash pins as JSON-LD (`/{org}/{notice}/sha256/{hash}.jsonld`, immutable).
    JsonLdPinned(NoticeId, String),
    /// The JSON-LD context, version 1 (`/ns/v1.jsonld`, immutable).
    JsonLdContext,
    WidgetScript,
    WidgetWasm,
    WidgetStylesheet,
    Embed,
    /// `/edit`: the editor's page that chooses or starts a notice.
    EditChooser,
    /// `/edit/{org}/{notice}`: the editor's page for that notice.
    Edit(NoticeId),
    /// A file of the editor's bundle (`/edit/boot.js`, …).
    EditorFile(EditorFile),
}

/// One file of the editor's bundle (`editor/dist/`), served under `/edit/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorFile {
    /// `boot.js`: the module the host page loads.
    Boot,
    /// `seloste_editor.js`: wasm-bindgen's glue.
    Glue,
    /// `seloste_editor_bg.wasm`.
    Wasm,
    /// `editor.css`.
    Stylesheet,
}

/// The outcome of matching a request line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Route(Route),
    /// A CORS preflight for an API or widget URL.
    Preflight,
    /// A CORS preflight for a URL that writes (publishing, keys): only configured origins.
    WritePreflight,
    /// The URL exists but not for this method; the value is the `Allow` header.
    MethodNotAllowed(&'static str),
    /// An API URL whose organisation or notice id breaks the id rule (400, JSON).
    BadApiId,
    /// An API URL that does not exist (404, JSON).
    ApiNotFound,
    /// Anything else (the 404 page).
    NotFound,
}

/// Matches a method and a URL path (not decoded: ids are plain ASCII, so an encoded character
/// can never form a valid id and simply does not match).
pub fn resolve(method: &str, path: &str) -> Resolved {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let read = matches!(method, "GET" | "HEAD");
    let only_read = |route: Route| match method {
        "GET" | "HEAD" => Resolved::Route(route),
        "OPTIONS" => Resolved::Preflight,
        _ => Resolved::MethodNotAllowed("GET, HEAD, OPTIONS"),
    };
    match segments.as_slice() {
        [""] => page(read, Route::Index),
        ["healthz"] => page(read, Route::Health),
        ["embed.html"] => page(read, Route::Embed),
        ["ns", "v1.jsonld"] => only_read(Route::JsonLdContext),
        ["widget", "seloste.js"] => only_read(Route::WidgetScript),
        ["widget", "seloste_bg.wasm"] => only_read(Route::WidgetWasm),
        ["widget", "seloste.css"] => only_read(Route::WidgetStylesheet),
        // The editor: never a notice of an organisation called `edit` (a reserved name).
        ["edit"] => page(read, Route::EditChooser),
        ["edit", "boot.js"] => page(read, Route::EditorFile(EditorFile::Boot)),
        ["edit", "seloste_editor.js"] => page(read, Route::EditorFile(EditorFile::Glue)),
        ["edit", "seloste_editor_bg.wasm"] => page(read, Route::EditorFile(EditorFile::Wasm)),
        ["edit", "editor.css"] => page(read, Route::EditorFile(EditorFile::Stylesheet)),
        ["edit", org, notice] => match NoticeId::new(org, notice) {
            Ok(id) => page(read, Route::Edit(id)),
            Err(_) => Resolved::NotFound,
        },
        ["edit", ..] => Resolved::NotFound,
        ["api", "v1", "notices", org, notice, rest @ ..] => {
            let Ok(id) = NoticeId::new(org, notice) else {
                return Resolved::BadApiId;
            };
            match rest {
                [] => only_read(Route::ApiNotice(id)),
                ["history"] => only_read(Route::ApiHistory(id)),
                ["changes"] => only_read(Route::ApiChanges(id)),
                ["fragment"] => only_read(Route::ApiFragment(id)),
                ["versions"] => match method {
                    "POST" => Resolved::Route(Route::Publish(id)),
                    "OPTIONS" => Resolved::WritePreflight,
                    _ => Resolved::MethodNotAllowed("POST, OPTIONS"),
                },
                ["versions", n] => match parse_version_number(n) {
                    Some(n) => only_read(Route::ApiVersion(id, n)),
                    None => Resolved::ApiNotFound,
                },
                ["sha256", h] => match parse_hash(h) {
                    Some(h) => only_read(Route::ApiPinned(id, h.to_owned())),
                    None => Resolved::ApiNotFound,
                },
                _ => Resolved::ApiNotFound,
            }
        }
        ["api", "v1", "orgs", org, "keys", rest @ ..] => {
            if !seloste_schema::api::is_slug(org) {
                return Resolved::BadApiId;
            }
            let org = (*org).to_owned();
            match (rest, method) {
                ([], "GET" | "HEAD") => Resolved::Route(Route::Keys(org)),
                ([], "POST") => Resolved::Route(Route::CreateKey(org)),
                ([], "OPTIONS") | ([_, ..], "OPTIONS") => Resolved::WritePreflight,
                ([], _) => Resolved::MethodNotAllowed("GET, HEAD, POST, OPTIONS"),
                ([id], "DELETE") | ([id, "revoke"], "POST") if crate::auth::is_key_id(id) => {
                    Resolved::Route(Route::RevokeKey(org, (*id).to_owned()))
                }
                ([id], _) if crate::auth::is_key_id(id) => {
                    Resolved::MethodNotAllowed("DELETE, OPTIONS")
                }
                ([id, "revoke"], _) if crate::auth::is_key_id(id) => {
                    Resolved::MethodNotAllowed("POST, OPTIONS")
                }
                _ => Resolved::ApiNotFound,
            }
        }
        ["api", ..] => Resolved::ApiNotFound,
        [org, notice] if notice.ends_with(crate::jsonld::SUFFIX) => {
            let notice = &notice[..notice.len() - crate::jsonld::SUFFIX.len()];
            match NoticeId::new(org, notice) {
                Ok(id) => only_read(Route::JsonLdLatest(id)),
                Err(_) => Resolved::NotFound,
            }
        }
        [org, notice, "v", n] if n.ends_with(crate::jsonld::SUFFIX) => {
            let n = parse_version_number(&n[..n.len() - crate::jsonld::SUFFIX.len()]);
            match (NoticeId::new(org, notice), n) {
                (Ok(id), Some(n)) => only_read(Route::JsonLdVersion(id, n)),
                _ => Resolved::NotFound,
            }
        }
        [org, notice, "sha256", h] if h.ends_with(crate::jsonld::SUFFIX) => {
            let h = parse_hash(&h[..h.len() - crate::jsonld::SUFFIX.len()]);
            match (NoticeId::new(org, notice), h) {
                (Ok(id), Some(h)) => only_read(Route::JsonLdPinned(id, h.to_owned())),
                _ => Resolved::NotFound,
            }
        }
        [org, notice, rest @ ..] => {
            let Ok(id) = NoticeId::new(org, notice) else {
                return Resolved::NotFound;
            };
            let route = match rest {
                [] => Route::Latest(id),
                ["v", n] => match parse_version_number(n) {
                    Some(n) => Route::Version(id, n),
                    None => return Resolved::NotFound,
                },
                ["versions", n] => match parse_version_number(n) {
                    Some(n) => Route::VersionAlias(id, n),
                    None => return Resolved::NotFound,
                },
                ["sha256", h] => match parse_hash(h) {
                    Some(h) => Route::Pinned(id, h.to_owned()),
                    None => return Resolved::NotFound,
                },
                ["history"] => Route::History(id),
                ["feed.atom"] => Route::Feed(id),
                ["diff", a, b] => match (parse_version_number(a), parse_version_number(b)) {
                    (Some(a), Some(b)) => Route::Diff(id, a, b),
                    _ => return Resolved::NotFound,
                },
                _ => return Resolved::NotFound,
            };
            page(read, route)
        }
        _ => Resolved::NotFound,
    }
}

/// A version number in a URL: `1`, `2`, … (no sign, no leading zero, fits `u32`).
pub fn parse_version_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.starts_with('0') || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn page(read: bool, route: Route) -> Resolved {
    if read {
        Resolved::Route(route)
    } else {
        Resolved::MethodNotAllowed("GET, HEAD")
    }
}

#[cfg(target_arch = "wasm32")]
pub use handle::handle;

#[cfg(target_arch = "wasm32")]
mod handle {
    use worker::{console_error, Env, Request, Response, Result};

    use seloste_schema::api::{ApiError, ErrorCode};

    use super::{resolve, respond, Resolved, Route};

    /// The Worker's `fetch`: match the URL, run its handler, and turn any platform error (D1,
    /// Cache API) into a logged 500 without details rather than a stack trace.
    pub async fn handle(req: Request, env: Env) -> Result<Response> {
        let path = req.path();
        let is_api = path.starts_with("/api/");
        // A `Host` that makes no URL (workerd builds the request URL from it) is the client's
        // error: 400, before anything reads the URL.
        if req.url().is_err() {
            let e = ApiError::new(ErrorCode::BadRequest, "the request's Host forms no URL");
            return with_nosniff(respond::api_error(&e));
        }
        let outcome = match resolve(req.method().as_ref(), &path) {
            Resolved::Route(route) => dispatch(route, req, &env).await,
            Resolved::Preflight => respond::preflight(),
            Resolved::WritePreflight => respond::write_preflight(&req, &env),
            Resolved::MethodNotAllowed(allow) => {
                let e = ApiError::new(ErrorCode::MethodNotAllowed, format!("allowed: {allow}"));
                respond::api_error(&e).and_then(|r| {
                    r.headers().set("Allow", allow)?;
                    Ok(r)
                })
            }
            Resolved::BadApiId => respond::api_error(&ApiError::bad_id()),
            Resolved::ApiNotFound => {
                respond::api_error(&ApiError::not_found(format!("no API at {path}")))
            }
            Resolved::NotFound => respond::not_found_page(&path),
        };
        let answer = match outcome {
            Ok(r) => Ok(r),
            Err(e) => {
                console_error!("{} {path}: {e}", req_method_name(is_api));
                if is_api {
                    respond::api_error(&ApiError::internal())
                } else {
                    respond::server_error_page()
                }
            }
        };
        with_nosniff(answer)
    }

    /// Every answer, whatever its type (JSON, Atom, wasm, HTML), is to be taken as the type it
    /// declares: browsers must not guess.
    fn with_nosniff(answer: Result<Response>) -> Result<Response> {
        let r = answer?;
        r.headers().set("X-Content-Type-Options", "nosniff")?;
        Ok(r)
    }

    fn req_method_name(is_api: bool) -> &'static str {
        if is_api {
            "API"
        } else {
            "page"
        }
    }

    async fn dispatch(route: Route, req: Request, env: &Env) -> Result<Response> {
        use super::*;
        match route {
            Route::Index => index::index(&req, env).await,
            Route::Health => index::health(env).await,
            Route::Latest(id) => notice::latest(&req, env, &id).await,
            Route::Version(id, n) => notice::version(&req, env, &id, n).await,
            Route::VersionAlias(id, n) => notice::alias(&req, env, &id, n),
            Route::Pinned(id, hash) => notice::pinned(&req, env, &id, &hash).await,
            Route::History(id) => history::history(&req, env, &id).await,
            Route::Diff(id, a, b) => history::diff(&req, env, &id, a, b).await,
            Route::Feed(id) => feed::feed(&req, env, &id).await,
            Route::ApiNotice(id) => api::notice(&req, env, &id).await,
            Route::ApiVersion(id, n) => api::version(&req, env, &id, n).await,
            Route::ApiPinned(id, hash) => api::pinned(&req, env, &id, &hash).await,
            Route::ApiHistory(id) => api::history(&req, env, &id).await,
            Route::ApiChanges(id) => api::changes(&req, env, &id).await,
            Route::ApiFragment(id) => fragment::fragment(&req, env, &id).await,
            Route::Publish(id) => publish::publish(req, env, &id).await,
            Route::Keys(org) => keys::list(&req, env, &org).await,
            Route::CreateKey(org) => keys::create(req, env, &org).await,
            Route::RevokeKey(org, id) => keys::revoke(&req, env, &org, &id).await,
            Route::JsonLdLatest(id) => jsonld::latest(&req, env, &id).await,
            Route::JsonLdVersion(id, n) => jsonld::version(&req, env, &id, n).await,
            Route::JsonLdPinned(id, hash) => jsonld::pinned(&req, env, &id, &hash).await,
            Route::JsonLdContext => jsonld::context(&req),
            Route::WidgetScript => assets::script(&req),
            Route::WidgetWasm => assets::wasm(&req),
            Route::WidgetStylesheet => assets::stylesheet(&req),
            Route::Embed => assets::embed(),
            Route::EditChooser => editor::page(&req, None),
            Route::Edit(id) => editor::page(&req, Some(&id)),
            Route::EditorFile(file) => editor::file(&req, file),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> NoticeId {
        NoticeId::new("acme", "customers").unwrap()
    }

    fn get(path: &str) -> Resolved {
        resolve("GET", path)
    }

    #[test]
    fn every_public_url_resolves() {
        let r = |route| Resolved::Route(route);
        assert_eq!(get("/"), r(Route::Index));
        assert_eq!(get("/healthz"), r(Route::Health));
        assert_eq!(get("/acme/customers"), r(Route::Latest(id())));
        assert_eq!(get("/acme/customers/v/3"), r(Route::Version(id(), 3)));
        assert_eq!(
            get("/acme/customers/versions/3"),
            r(Route::VersionAlias(id(), 3))
        );
        assert_eq!(get("/acme/customers/history"), r(Route::History(id())));
        assert_eq!(get("/acme/customers/diff/1/2"), r(Route::Diff(id(), 1, 2)));
        assert_eq!(get("/acme/customers/feed.atom"), r(Route::Feed(id())));
        assert_eq!(get("/acme/customers.jsonld"), r(Route::JsonLdLatest(id())));
        assert_eq!(
            get("/acme/customers/v/3.jsonld"),
            r(Route::JsonLdVersion(id(), 3))
        );
        assert_eq!(get("/ns/v1.jsonld"), r(Route::JsonLdContext));
        let h = "0123456789abcdef".repeat(4);
        assert_eq!(
            get(&format!("/acme/customers/sha256/{h}")),
            r(Route::Pinned(id(), h.clone()))
        );
        assert_eq!(
            get(&format!("/acme/customers/sha256/{h}.jsonld")),
            r(Route::JsonLdPinned(id(), h.clone()))
        );
        assert_eq!(
            get(&format!("/api/v1/notices/acme/customers/sha256/{h}")),
            r(Route::ApiPinned(id(), h.clone()))
        );
        let upper = h.to_uppercase();
        assert_eq!(
            get(&format!("/acme/customers/sha256/{upper}")),
            Resolved::NotFound
        );
        assert_eq!(
            get(&format!("/acme/customers/sha256/{}", &h[1..])),
            Resolved::NotFound
        );
        assert_eq!(
            get(&format!("/acme/customers/sha256/{}.jsonld", &h[1..])),
            Resolved::NotFound
        );
        assert_eq!(
            get(&format!("/api/v1/notices/acme/customers/sha256/{h}0")),
            Resolved::ApiNotFound
        );
        assert_eq!(get("/acme/customers/v/03.jsonld"), Resolved::NotFound);
        assert_eq!(get("/acme/Customers.jsonld"), Resolved::NotFound);
        assert_eq!(
            get("/api/v1/notices/acme/customers"),
            r(Route::ApiNotice(id()))
        );
        assert_eq!(
            get("/api/v1/notices/acme/customers/versions/2"),
            r(Route::ApiVersion(id(), 2))
        );
        assert_eq!(
            get("/api/v1/notices/acme/customers/history"),
            r(Route::ApiHistory(id()))
        );
        assert_eq!(
            get("/api/v1/notices/acme/customers/changes"),
            r(Route::ApiChanges(id()))
        );
        assert_eq!(
            get("/api/v1/notices/acme/customers/fragment"),
            r(Route::ApiFragment(id()))
        );
        assert_eq!(
            resolve("POST", "/api/v1/notices/acme/customers/versions"),
            r(Route::Publish(id()))
        );
        assert_eq!(get("/api/v1/orgs/acme/keys"), r(Route::Keys("acme".into())));
        assert_eq!(
            resolve("POST", "/api/v1/orgs/acme/keys"),
            r(Route::CreateKey("acme".into()))
        );
        let revoke = r(Route::RevokeKey("acme".into(), "k0123456789abcdef".into()));
        assert_eq!(
            resolve("POST", "/api/v1/orgs/acme/keys/k0123456789abcdef/revoke"),
            revoke
        );
        assert_eq!(
            resolve("DELETE", "/api/v1/orgs/acme/keys/k0123456789abcdef"),
            revoke
        );
        assert_eq!(get("/api/v1/orgs/Acme/keys"), Resolved::BadApiId);
        assert_eq!(get("/api/v1/orgs/acme/keys/nope"), Resolved::ApiNotFound);
        assert_eq!(
            resolve("OPTIONS", "/api/v1/notices/acme/customers/versions"),
            Resolved::WritePreflight
        );
        assert_eq!(get("/widget/seloste.js"), r(Route::WidgetScript));
        assert_eq!(get("/widget/seloste_bg.wasm"), r(Route::WidgetWasm));
        assert_eq!(get("/widget/seloste.css"), r(Route::WidgetStylesheet));
        assert_eq!(get("/embed.html"), r(Route::Embed));
        assert_eq!(resolve("HEAD", "/acme/customers"), r(Route::Latest(id())));
    }

    #[test]
    fn the_editor_has_its_own_urls() {
        let r = |route| Resolved::Route(route);
        assert_eq!(get("/edit"), r(Route::EditChooser));
        assert_eq!(get("/edit/acme/customers"), r(Route::Edit(id())));
        assert_eq!(get("/edit/boot.js"), r(Route::EditorFile(EditorFile::Boot)));
        assert_eq!(
            get("/edit/seloste_editor.js"),
            r(Route::EditorFile(EditorFile::Glue))
        );
        assert_eq!(
            get("/edit/seloste_editor_bg.wasm"),
            r(Route::EditorFile(EditorFile::Wasm))
        );
        assert_eq!(
            get("/edit/editor.css"),
            r(Route::EditorFile(EditorFile::Stylesheet))
        );
        // `edit` is no organisation: none of these is a notice page.
        for path in [
            "/edit/",
            "/edit/acme",
            "/edit/Acme/customers",
            "/edit/acme/customers/v/1",
            "/edit/acme/customers/history",
            "/edit/other.js",
        ] {
            assert_eq!(get(path), Resolved::NotFound, "{path}");
        }
        assert_eq!(get("/edit/acme.jsonld"), Resolved::NotFound);
        assert_eq!(
            resolve("POST", "/edit/acme/customers"),
            Resolved::MethodNotAllowed("GET, HEAD")
        );
        assert!(NoticeId::new("edit", "x").unwrap().is_reserved());
    }

    #[test]
    fn bad_ids_and_unknown_paths_do_not_resolve() {
        assert_eq!(get("/Acme/customers"), Resolved::NotFound);
        assert_eq!(get("/acme/customers/v/0"), Resolved::NotFound);
        assert_eq!(get("/acme/customers/v/01"), Resolved::NotFound);
        assert_eq!(get("/acme/customers/diff/1"), Resolved::NotFound);
        assert_eq!(get("/acme/customers/whatever"), Resolved::NotFound);
        assert_eq!(get("/acme"), Resolved::NotFound);
        assert_eq!(get("/acme/cu%73tomers"), Resolved::NotFound);
        assert_eq!(get("/acme/customers/"), Resolved::NotFound);
        assert_eq!(get("/api/v1/notices/ACME/customers"), Resolved::BadApiId);
        assert_eq!(get("/api/v1/notices/acme/x_y/history"), Resolved::BadApiId);
        assert_eq!(
            get("/api/v1/notices/acme/customers/nope"),
            Resolved::ApiNotFound
        );
        assert_eq!(get("/api/v2/anything"), Resolved::ApiNotFound);
    }

    #[test]
    fn version_numbers_are_plain_positive_integers() {
        assert_eq!(parse_version_number("1"), Some(1));
        assert_eq!(parse_version_number("4294967295"), Some(u32::MAX));
        for bad in ["0", "01", "-1", "+1", "", "1.0", "4294967296", "x"] {
            assert_eq!(parse_version_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn methods_are_checked() {
        assert_eq!(
            resolve("POST", "/acme/customers"),
            Resolved::MethodNotAllowed("GET, HEAD")
        );
        assert_eq!(
            resolve("GET", "/api/v1/notices/acme/customers/versions"),
            Resolved::MethodNotAllowed("POST, OPTIONS")
        );
        assert_eq!(
            resolve("OPTIONS", "/api/v1/notices/acme/customers"),
            Resolved::Preflight
        );
        assert_eq!(
            resolve("DELETE", "/api/v1/notices/acme/customers/versions/1"),
            Resolved::MethodNotAllowed("GET, HEAD, OPTIONS")
        );
    }
}
