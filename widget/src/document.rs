//! The one page shell: every HTML page the edge serves (notices, change logs, diffs, and its own
//! index and error pages) and every file `seloste render` writes is this page around a body.

/// A complete, valid HTML5 page: `<!doctype html>`, `<html lang>`, `<meta charset>`, viewport,
/// the escaped `<title>`, then `head_extra` verbatim, and `body_html` as the page's `<main>`.
///
/// The page carries no style of its own: where the stylesheet comes from is the caller's choice,
/// made in `head_extra`. The edge links it ([`stylesheet_link`]) so a strict
/// `Content-Security-Policy: style-src 'self'` holds and browsers cache it; a standalone file
/// from the CLI inlines it ([`inline_stylesheet`]) so the file works on its own.
///
/// `body_html` and `head_extra` are trusted markup (the output of the render functions, or the
/// caller's own tags); `title` and `lang` are escaped.
pub fn document(title: &str, lang: &str, body_html: &str, head_extra: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n{head_extra}\n</head>\n\
         <body class=\"seloste-page\">\n<main>\n{body_html}\n</main>\n</body>\n</html>\n",
        lang = escape(lang),
        title = escape(title),
    )
}

/// `<link rel="stylesheet" href="…">` for [`crate::STYLESHEET`] served at `href`.
pub fn stylesheet_link(href: &str) -> String {
    format!("<link rel=\"stylesheet\" href=\"{}\">", escape(href))
}

/// `<style>` with [`crate::STYLESHEET`], for standalone files (needs `style-src 'unsafe-inline'`
/// or a hash where a Content-Security-Policy applies).
pub fn inline_stylesheet() -> String {
    format!("<style>\n{}</style>", crate::STYLESHEET)
}

/// Escapes text for HTML text and double-quoted attribute values: for the few strings a server
/// writes into HTML itself (page titles here; the edge's index and error pages), never needed for
/// what the components render, which Yew escapes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_complete_and_escape_title_and_lang() {
        let page = document("A <b> & \"c\"", "fi\"x", "<article></article>", "");
        assert!(page.starts_with("<!doctype html>\n<html lang=\"fi&quot;x\">"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"));
        assert!(page.contains("<main>\n<article></article>\n</main>"));
        assert!(!page.contains("<style"));
        assert!(stylesheet_link("/s.css?a=1&b=2").contains("href=\"/s.css?a=1&amp;b=2\""));
    }
}
