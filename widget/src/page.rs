//! Where a rendered view sits: the page it is part of and the addresses of its neighbours.
//!
//! The same components render inside the widget (switching in place, with buttons) and on server
//! pages (navigating, with links). This is the one thing that differs between the two, so it is
//! passed in explicitly instead of being guessed from the environment.

use seloste_schema::Date;

use crate::strings::{cat, num};

/// What the caller knows about the page around a view.
///
/// Server pages link to their neighbours under `base_url`:
/// `{base_url}/history` (change log), `{base_url}/v/{n}` (one version) and
/// `{base_url}/diff/{from}/{to}` (one diff); `base_url` itself is the latest version.
/// The language switch of server pages links to `?lang=xx` on the same page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageContext {
    /// Where version, history and diff pages live, e.g. `/caracom/asiakasrekisteri`; empty when
    /// rendering a standalone file, which then links nowhere.
    pub base_url: String,
    /// The version shown, if the notice is a published version.
    pub version: Option<u32>,
    /// The day that version was published.
    pub published: Option<Date>,
    /// `true`: the language switch renders as links `?lang=xx` (server pages); `false`: as buttons
    /// (the widget switches in place).
    pub languages_href: bool,
    /// Where the change log is when it is not under `base_url`: for a notice the CLI renders to a
    /// file, the change-log file written next to it, or the published change log's address.
    /// Every rendered notice links its change log; this is how a standalone page does.
    pub changelog_href: Option<String>,
}

impl PageContext {
    /// The change-log page, if there are pages to link to.
    pub fn history_href(&self) -> Option<String> {
        self.under("history")
            .or_else(|| self.changelog_href.clone())
    }

    /// The page of the change log whose newest version is `from`.
    pub fn history_page_href(&self, from: u32) -> Option<String> {
        self.under(&cat(&["history?from=", &num(from.into())]))
    }

    /// The page of version `n`.
    pub fn version_href(&self, n: u32) -> Option<String> {
        self.under(&cat(&["v/", &num(n.into())]))
    }

    /// The page of the diff between two versions.
    pub fn diff_href(&self, from: u32, to: u32) -> Option<String> {
        self.under(&cat(&["diff/", &num(from.into()), "/", &num(to.into())]))
    }

    /// The latest version's page.
    pub fn notice_href(&self) -> Option<String> {
        (!self.base_url.is_empty()).then(|| self.base_url.clone())
    }

    fn under(&self, rest: &str) -> Option<String> {
        (!self.base_url.is_empty()).then(|| cat(&[self.base_url.trim_end_matches('/'), "/", rest]))
    }
}
