//! `seloste render FILE`: a standalone HTML page of a notice (or of a history's change log), made by
//! the same Yew components the widget runs in browsers and the edge runs on the server.

use std::path::Path;

use seloste_widget::{document, history_html, inline_stylesheet, notice_html, PageContext};

use crate::input::{read_history, read_notice_spec};

pub fn run(
    spec: &str,
    lang: Option<&str>,
    history: bool,
    output: Option<&Path>,
) -> Result<u8, String> {
    // A standalone file has no server behind it: no links to other versions, no `?lang=` switch.
    let mut ctx = PageContext {
        base_url: String::new(),
        version: None,
        published: None,
        languages_href: true,
    };
    let (title, lang, body) = if history {
        let h = read_history(Path::new(spec))?;
        let notice = &h.latest().notice;
        let lang = notice
            .pick_language(lang.unwrap_or_else(|| notice.main_language()))
            .to_owned();
        let body = futures_executor::block_on(history_html(&h, &lang, &ctx));
        (notice.title.get(&lang).to_owned(), lang, body)
    } else {
        let (notice, version) = read_notice_spec(spec)?;
        ctx.version = version.as_ref().map(|v| v.number);
        ctx.published = version.as_ref().map(|v| v.published).or(notice.updated);
        let lang = notice
            .pick_language(lang.unwrap_or_else(|| notice.main_language()))
            .to_owned();
        let body = futures_executor::block_on(notice_html(&notice, &lang, &ctx));
        (notice.title.get(&lang).to_owned(), lang, body)
    };
    let page = document(&title, &lang, &body, &inline_stylesheet());
    match output {
        Some(path) => std::fs::write(path, page)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?,
        None => print!("{page}"),
    }
    Ok(0)
}
