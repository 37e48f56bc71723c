//! The editor's host page: the one HTML page the edge (`/edit`, `/edit/{org}/{notice}`) and
//! `seloste edit FILE` serve around the editor app (see `editor/README.md`, "The host contract").
//!
//! Written once here, next to the page shell of every other page, so the two hosts cannot drift
//! apart. The page holds no inline script or style at all: it runs under
//! [`EDITOR_CONTENT_SECURITY_POLICY`], and everything it loads comes from its own origin under
//! [`EDITOR_ASSETS`].

use seloste_schema::editor_words::Word;

use crate::document::escape;

/// Where the host page finds the editor's bundle (`editor/dist/`): `boot.js`,
/// `seloste_editor.js`, `seloste_editor_bg.wasm` and `editor.css`. The same path on the edge and
/// in `seloste edit`.
pub const EDITOR_ASSETS: &str = "/edit";

/// The files of the editor's bundle, as served under [`EDITOR_ASSETS`].
pub const EDITOR_FILES: [&str; 4] = [
    "boot.js",
    "seloste_editor.js",
    "seloste_editor_bg.wasm",
    "editor.css",
];

/// The host page's policy: scripts only from this origin (`'wasm-unsafe-eval'` lets it compile
/// the editor's wasm, nothing else), no inline script or style anywhere, requests only to this
/// origin (the JSON API, or `seloste edit`'s `/file`), forms only to itself, never framed.
pub const EDITOR_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; \
     script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; \
     img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Where the editor runs, as its host page tells it (`data-mode` and friends).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorHost<'a> {
    /// `GET /edit`: the page that chooses or starts a notice.
    Chooser,
    /// `GET /edit/{org}/{notice}`: that notice, from and to the edge's JSON API. The caller
    /// checked both ids.
    Notice { org: &'a str, notice: &'a str },
    /// `seloste edit FILE`: the file, through `GET /file` and `PUT /file`.
    Local,
}

/// The interface languages of the editor; anything else is shown in English.
pub const EDITOR_LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

/// The complete host page for `host` with the editor's interface in `lang` (`fi`, `sv` or `en`;
/// anything else is English): valid HTML5, the widget's stylesheet (the preview is the widget's
/// own components) and the editor's, the `#seloste-editor` element with its data attributes
/// (escaped), the boot module, and a `<noscript>` saying what the editor needs.
pub fn editor_page(host: EditorHost<'_>, lang: &str) -> String {
    let lang = if EDITOR_LANGUAGES.contains(&lang) {
        lang
    } else {
        "en"
    };
    // The page's words come from the editor's own catalogue, as the app's do.
    let title = Word::AppTitle.get(lang);
    let (mode, org, notice) = match host {
        EditorHost::Chooser => ("edge", "", ""),
        EditorHost::Notice { org, notice } => ("edge", org, notice),
        EditorHost::Local => ("local", "", ""),
    };
    let title = match host {
        EditorHost::Notice { org, notice } => format!("{org}/{notice} — {title}"),
        _ => title.to_owned(),
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"/widget/seloste.css\">\n\
         <link rel=\"stylesheet\" href=\"{assets}/editor.css\">\n\
         <script type=\"module\" src=\"{assets}/boot.js\"></script>\n\
         </head>\n<body class=\"seloste-page seloste-editor-page\">\n\
         <div id=\"seloste-editor\" data-mode=\"{mode}\" data-org=\"{org}\" \
         data-notice=\"{notice}\" data-lang=\"{lang}\"></div>\n\
         <noscript><p>{noscript}</p></noscript>\n</body>\n</html>\n",
        title = escape(&title),
        assets = EDITOR_ASSETS,
        org = escape(org),
        notice = escape(notice),
        noscript = escape(Word::NoScript.get(lang)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_says_where_the_editor_runs() {
        let page = editor_page(
            EditorHost::Notice {
                org: "acme",
                notice: "customers",
            },
            "fi",
        );
        assert!(page.starts_with("<!doctype html>\n<html lang=\"fi\">"));
        assert!(page.contains(
            "<div id=\"seloste-editor\" data-mode=\"edge\" data-org=\"acme\" \
             data-notice=\"customers\" data-lang=\"fi\"></div>"
        ));
        assert!(page.contains("<title>acme/customers — Tietosuojaselosteen muokkain</title>"));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/widget/seloste.css\">"));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/edit/editor.css\">"));
        assert!(page.contains("<script type=\"module\" src=\"/edit/boot.js\"></script>"));
        assert!(page.contains("<noscript><p>Editori tarvitsee JavaScriptin"));

        let local = editor_page(EditorHost::Local, "sv");
        assert!(local.contains("data-mode=\"local\" data-org=\"\" data-notice=\"\""));
        assert!(local.contains("<html lang=\"sv\">"));
        let chooser = editor_page(EditorHost::Chooser, "en");
        assert!(chooser.contains("data-mode=\"edge\" data-org=\"\" data-notice=\"\""));
    }

    #[test]
    fn nothing_inline_and_everything_escaped() {
        let page = editor_page(
            EditorHost::Notice {
                org: "a\"><script>x</script>",
                notice: "b&c",
            },
            "de\"",
        );
        assert!(page.contains("data-org=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assert!(page.contains("data-notice=\"b&amp;c\""));
        // An unknown interface language is English, never echoed.
        assert!(page.contains("<html lang=\"en\">") && page.contains("data-lang=\"en\""));
        // The only script is the boot module, by URL; no style element or attribute.
        assert_eq!(page.matches("<script").count(), 1);
        assert!(!page.contains("<style") && !page.contains("style="));
        assert!(!page.contains("<main"), "the app renders the page's <main>");
    }

    #[test]
    fn the_policy_is_strict() {
        let csp = EDITOR_CONTENT_SECURITY_POLICY;
        assert!(csp.starts_with("default-src 'none';"));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(csp.contains("style-src 'self';"));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }
}
