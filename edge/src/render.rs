//! Notice, change-log and diff pages, rendered on the server by the widget's own Yew components
//! (`seloste-widget` with feature `ssr`): one renderer for the widget, the CLI and the edge.
//!
//! Yew escapes all notice text; the edge adds only the page around it (title, stylesheet link,
//! feed link, canonical link), escaping what it prints.

use seloste_schema::api::NoticeId;
use seloste_schema::{ChangeLog, Version};
use seloste_widget::i18n::{t, Message};
use seloste_widget::{document, stylesheet_link, PageContext};

use crate::html::{escape, STYLESHEET_URL};

/// The one stylesheet, served at [`STYLESHEET_URL`].
pub const STYLESHEET: &str = seloste_widget::STYLESHEET;

/// How long a rendering stays in the Cache API. Keys name an exact version, so this bounds only
/// how long a data centre keeps pages nobody reads.
pub const CACHE_SECONDS: u32 = 7 * 24 * 3600;

fn context(id: &NoticeId, version: Option<&Version>) -> PageContext {
    PageContext {
        base_url: id.path(),
        version: version.map(|v| v.number),
        published: version.map(|v| v.published),
        languages_href: true,
        changelog_href: None,
    }
}

/// The linked data of a version page: an alternate link to its `.jsonld` URL and the same JSON-LD
/// in a `<script type="application/ld+json">` data block. A data block is never executed, so the
/// page's policy (no script at all) stays as it is; `<` is written `\u003c`, so no text in the
/// notice can end the element.
fn linked_data(origin: &str, id: &NoticeId, v: &Version) -> String {
    let doc = crate::jsonld::document(origin, id, v);
    format!(
        "\n<link rel=\"alternate\" type=\"application/ld+json\" href=\"{}\">\n\
         <script type=\"application/ld+json\">{}</script>",
        escape(&crate::jsonld::version_jsonld_url(origin, id, v.number)),
        crate::jsonld::for_script_element(&doc)
    )
}

fn head(id: &NoticeId, title: &str, canonical: Option<String>) -> String {
    let mut head = stylesheet_link(STYLESHEET_URL);
    head.push_str(&format!(
        "\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}/feed.atom\">",
        escape(title),
        escape(&id.path())
    ));
    if let Some(c) = canonical {
        head.push_str(&format!(
            "\n<link rel=\"canonical\" href=\"{}\">",
            escape(&c)
        ));
    }
    head
}

/// The page of one version (`latest`: the page at the notice's own URL); `origin` (no trailing
/// slash) makes the embedded linked data's IRIs absolute.
pub async fn notice_page(
    origin: &str,
    id: &NoticeId,
    v: &Version,
    lang: &str,
    latest: bool,
) -> String {
    let lang = v.notice.pick_language(lang);
    let body = seloste_widget::notice_html(&v.notice, lang, &context(id, Some(v))).await;
    let title = v.notice.title.get(lang);
    let canonical = (!latest).then(|| format!("{}/v/{}", id.path(), v.number));
    let mut head = head(id, title, canonical);
    head.push_str(&linked_data(origin, id, v));
    document(title, lang, &body, &head)
}

/// One page of the change log.
pub async fn history_page(id: &NoticeId, log: &ChangeLog) -> String {
    let body = seloste_widget::changelog_html(log, &context(id, None)).await;
    let title = format!("{} — {}", t(Message::ChangeLog, &log.lang), log.title);
    document(&title, &log.lang, &body, &head(id, &log.title, None))
}

/// The diff from version `old` to version `new`; `languages` are the latest version's.
pub async fn diff_page(
    id: &NoticeId,
    old: &Version,
    new: &Version,
    languages: &[String],
    lang: &str,
) -> String {
    let lang = new.notice.pick_language(lang);
    let body =
        seloste_widget::diff_versions_html(old, new, languages, lang, &context(id, None)).await;
    let notice_title = new.notice.title.get(lang);
    let title = format!(
        "{} {} → {} — {notice_title}",
        t(Message::ChangesBetween, lang),
        old.number,
        new.number
    );
    document(&title, lang, &body, &head(id, notice_title, None))
}
