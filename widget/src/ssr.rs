//! Server rendering (feature `ssr`): the edge and the CLI turn notices into HTML with the very
//! components the widget runs in the browser.
//!
//! The functions are `async` because Yew's renderer is. No component here suspends or spawns a
//! task, so the future completes on its first poll and any executor will do: natively
//! `futures_executor::block_on(notice_html(..))` (tested in this crate's unit tests; no Tokio
//! runtime needed), and on wasm32 (the edge worker) simply `.await` it.
//!
//! The markup is not hydratable (no hydration comments): the widget re-renders from data, it never
//! hydrates server markup.

use std::rc::Rc;

use seloste_schema::changelog::PAGE_SIZE;
use seloste_schema::{diff_named, ChangeLog, History, Lang, Notice, Version};
use yew::LocalServerRenderer;

use crate::components::diff::{DiffPage, DiffProps};
use crate::components::history::HistoryProps;
use crate::components::notice::NoticeProps;
use crate::components::{DiffView, HistoryView, NoticeView};
use crate::page::PageContext;

/// The notice view's markup (an `<article>`), in `lang` or the nearest of the notice's languages.
pub async fn notice_html(notice: &Notice, lang: &str, ctx: &PageContext) -> String {
    let props = NoticeProps {
        lang: notice.pick_language(lang).to_owned().into(),
        notice: Rc::new(notice.clone()),
        ctx: Rc::new(ctx.clone()),
        on_lang: None,
        on_history: None,
    };
    LocalServerRenderer::<NoticeView>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The change log's first page: the newest versions, each with its diff in a `<details>`.
pub async fn history_html(history: &History, lang: &str, ctx: &PageContext) -> String {
    changelog_html(
        &ChangeLog::page(history, lang, None, PAGE_SIZE, crate::i18n::place),
        ctx,
    )
    .await
}

/// One page of a change log (see [`ChangeLog::page`]), e.g. an older page of a long history.
pub async fn changelog_html(log: &ChangeLog, ctx: &PageContext) -> String {
    let props = HistoryProps {
        log: Rc::new(log.clone()),
        ctx: Rc::new(ctx.clone()),
        on_lang: None,
        on_notice: None,
        on_page: None,
    };
    LocalServerRenderer::<HistoryView>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The markup of one diff, from version `from` to version `to` (any two versions; a version that
/// does not exist renders a short note rather than failing).
pub async fn diff_html(
    history: &History,
    from: u32,
    to: u32,
    lang: &str,
    ctx: &PageContext,
) -> String {
    match (history.version(from), history.version(to)) {
        (Some(old), Some(new)) => {
            let languages = &history.latest().notice.languages;
            diff_versions_html(old, new, languages, lang, ctx).await
        }
        _ => {
            let lang = history.latest().notice.pick_language(lang).to_owned();
            render_diff(None, from, to, lang, ctx).await
        }
    }
}

/// The markup of the diff from `old` to `new`, for a server that loaded just those two versions;
/// `languages` are the latest version's (the page's language switch).
pub async fn diff_versions_html(
    old: &Version,
    new: &Version,
    languages: &[Lang],
    lang: &str,
    ctx: &PageContext,
) -> String {
    let lang = new.notice.pick_language(lang).to_owned();
    let page = DiffPage {
        languages: languages.to_vec(),
        title: new.notice.title.get(&lang).to_owned(),
        from: (old.number, old.published),
        to: (new.number, new.published),
        changes: diff_named(&old.notice, &new.notice, &lang, crate::i18n::place),
        lang: lang.clone(),
    };
    render_diff(Some(page), old.number, new.number, lang, ctx).await
}

async fn render_diff(
    page: Option<DiffPage>,
    from: u32,
    to: u32,
    lang: String,
    ctx: &PageContext,
) -> String {
    let props = DiffProps {
        page: Rc::new(page),
        from,
        to,
        lang: lang.into(),
        ctx: Rc::new(ctx.clone()),
    };
    LocalServerRenderer::<DiffView>::with_props(props)
        .hydratable(false)
        .render()
        .await
}
