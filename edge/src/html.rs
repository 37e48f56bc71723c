//! The few pages the edge writes itself (the index, 404 and 500), in the same page shell as the
//! notice pages and the CLI's files ([`seloste_widget::document`]). Everything here escapes every
//! value it prints.

use seloste_widget::{document, stylesheet_link};

/// Escapes text for HTML element content and double-quoted attribute values (the same function
/// the widget's page shell uses).
pub use seloste_widget::escape;

/// The URL of the stylesheet every page links to (the widget's own, so pages look like the widget).
pub const STYLESHEET_URL: &str = "/widget/seloste.css";

/// A complete page: the widget's page shell with the linked stylesheet, `body` (already HTML)
/// styled as the notice views are.
pub fn page(title: &str, lang: &str, body: &str) -> String {
    document(
        title,
        lang,
        &format!("<div class=\"seloste\">\n{body}\n</div>"),
        &stylesheet_link(STYLESHEET_URL),
    )
}

/// One notice on the index page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// `org/notice`.
    pub id: String,
    /// The title in the notice's main language.
    pub title: String,
    pub organisation: String,
    pub latest: u32,
    /// YYYY-MM-DD of the latest version.
    pub published: String,
}

/// `GET /`: every notice the edge holds, with its latest version.
pub fn index_page(entries: &[IndexEntry]) -> String {
    let mut body = String::from(
        "<h1>Seloste</h1>\n<p>Privacy notices with every published version kept and dated.</p>\n",
    );
    if entries.is_empty() {
        body.push_str("<p>No notices have been published yet.</p>\n");
    } else {
        body.push_str("<ul class=\"seloste-index\">\n");
        for e in entries {
            let id = escape(&e.id);
            body.push_str(&format!(
                "<li><a href=\"/{id}\">{title}</a> — {org} \
                 (<a href=\"/{id}/history\">version {n}, {published}</a>)</li>\n",
                title = escape(&e.title),
                org = escape(&e.organisation),
                n = e.latest,
                published = escape(&e.published),
            ));
        }
        body.push_str("</ul>\n");
    }
    body.push_str("<p><a href=\"/embed.html\">The widget embedded in a company page</a></p>\n");
    page("Seloste", "en", &body)
}

/// The 404 page: what was asked for, and the way back.
pub fn not_found_page(path: &str) -> String {
    let body = format!(
        "<h1>Not found</h1>\n<p>There is nothing at <code>{}</code>.</p>\n\
         <p>Notices live at <code>/organisation/notice</code>; <a href=\"/\">see every notice</a>.</p>",
        escape(path)
    );
    page("Not found — Seloste", "en", &body)
}

/// The 500 page: no details (they go to the Worker's log), only an apology and a way back.
pub fn server_error_page() -> String {
    page(
        "Error — Seloste",
        "en",
        "<h1>Something went wrong</h1>\n<p>The error has been logged. Please try again shortly.</p>\n<p><a href=\"/\">Back to every notice</a></p>",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\">O'Neil & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
        );
    }

    #[test]
    fn the_index_escapes_titles_and_links_every_notice() {
        let html = index_page(&[IndexEntry {
            id: "acme/customers".into(),
            title: "Asiakasrekisteri <script>".into(),
            organisation: "Acme & Sons".into(),
            latest: 3,
            published: "2024-01-02".into(),
        }]);
        assert!(html.contains("<a href=\"/acme/customers\">Asiakasrekisteri &lt;script&gt;</a>"));
        assert!(html.contains("Acme &amp; Sons"));
        assert!(html.contains("version 3, 2024-01-02"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn the_404_page_escapes_the_path() {
        let html = not_found_page("/<img src=x>");
        assert!(html.contains("&lt;img src=x&gt;"));
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"/widget/seloste.css\">"));
    }
}
