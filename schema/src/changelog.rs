//! The change log as readers see it, in one language, a page at a time: versions newest first,
//! each dated, with its summary and the structural diff from the version before it.
//!
//! The server computes it (the edge's `…/changes` API and pages, `seloste log`); the browser widget
//! only displays it. That keeps the diff code out of the widget's bundle and keeps a long history
//! from ever being sent or rendered whole.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::diff::{diff_named, NoticeDiff};
use crate::history::{History, Version};
use crate::outline::PlaceNamer;
use crate::text::Lang;

/// How many versions one page of a change log shows.
pub const PAGE_SIZE: u32 = 20;

/// One page of a notice's change log in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLog {
    /// `organisation/notice`.
    pub id: String,
    /// The language the page is in: one of `languages`.
    pub lang: Lang,
    /// The latest version's languages, for a language switch.
    pub languages: Vec<Lang>,
    /// The latest version's title in `lang`.
    pub title: String,
    /// How many versions the notice has in all.
    pub total: u32,
    /// Newest first.
    pub entries: Vec<ChangeLogEntry>,
    /// The newest version of the next, older page, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub older: Option<u32>,
    /// The newest version of the previous, newer page, if this is not the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newer: Option<u32>,
}

/// One version in a change log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLogEntry {
    pub number: u32,
    pub published: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The version's change summary in the log's language.
    pub summary: String,
    /// The day the edge received the version, when later than `published` (a date the
    /// organisation stated, such as an imported one): readers are told both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Date>,
    /// What changed from the version before; `None` for the first version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<NoticeDiff>,
}

impl ChangeLog {
    /// The page of `history`'s change log whose newest version is `from` (the latest version when
    /// `None`, clamped to the versions that exist), with at most `limit` versions (at least one),
    /// in `lang` or the nearest of the latest version's languages; place codes in its diffs are
    /// named by `place`.
    pub fn page(
        history: &History,
        lang: &str,
        from: Option<u32>,
        limit: u32,
        place: PlaceNamer,
    ) -> ChangeLog {
        let (first, newest) = ChangeLog::window(history.latest().number, from, limit);
        let window = &history.versions()[first as usize - 1..newest as usize];
        ChangeLog::from_window(
            history.id(),
            history.latest(),
            window,
            lang,
            from,
            limit,
            place,
        )
    }

    /// The versions a page needs, as the inclusive range `(first, newest)`: the versions it shows
    /// and the one before its oldest (to diff against). A store loads just these rather than the
    /// whole history, so the cost of a page does not grow with the history's length.
    pub fn window(total: u32, from: Option<u32>, limit: u32) -> (u32, u32) {
        let (oldest, newest) = bounds(total, from, limit);
        (oldest.saturating_sub(1).max(1), newest)
    }

    /// The same page as [`ChangeLog::page`], from `latest` (for the title, languages and count)
    /// and `window`: the consecutive versions [`ChangeLog::window`] names, oldest first.
    pub fn from_window(
        id: &str,
        latest: &Version,
        window: &[Version],
        lang: &str,
        from: Option<u32>,
        limit: u32,
        place: PlaceNamer,
    ) -> ChangeLog {
        let lang = latest.notice.pick_language(lang).to_owned();
        let total = latest.number;
        let (oldest, newest) = bounds(total, from, limit);
        let find = |n: u32| window.iter().find(|v| v.number == n);
        let entries = (oldest..=newest)
            .rev()
            .filter_map(find)
            .map(|v| ChangeLogEntry {
                number: v.number,
                published: v.published,
                effective: v.effective,
                summary: v.summary.get(&lang).to_owned(),
                received: None,
                changes: find(v.number.wrapping_sub(1))
                    .map(|prev| diff_named(&prev.notice, &v.notice, &lang, place)),
            })
            .collect();
        ChangeLog {
            id: id.to_owned(),
            title: latest.notice.title.get(&lang).to_owned(),
            languages: latest.notice.languages.clone(),
            lang,
            total,
            entries,
            older: (oldest > 1).then(|| oldest - 1),
            newer: (newest < total).then(|| (newest + limit.max(1)).min(total)),
        }
    }
}

impl ChangeLog {
    /// Notes the day each version was received (`(number, day)`, from a store that keeps it) on
    /// the entries whose stated publication date is earlier.
    pub fn with_receipts(mut self, receipts: &[(u32, Date)]) -> ChangeLog {
        for e in &mut self.entries {
            e.received = receipts
                .iter()
                .find(|(n, _)| *n == e.number)
                .map(|(_, day)| *day)
                .filter(|day| *day > e.published);
        }
        self
    }
}

/// The oldest and newest version a page shows.
fn bounds(total: u32, from: Option<u32>, limit: u32) -> (u32, u32) {
    let newest = from.unwrap_or(total).clamp(1, total.max(1));
    (newest.saturating_sub(limit.max(1) - 1).max(1), newest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::codes;
    use crate::{Notice, Text};

    fn history(versions: u32) -> History {
        let notice: Notice =
            serde_json::from_str(include_str!("../tests/data/complete.json")).unwrap();
        let day = |n: u32| Date::from_ymd(2020 + (n / 12) as i32, (n % 12 + 1) as u8, 1).unwrap();
        let mut h = History::start(
            notice.clone(),
            day(0),
            None,
            Text::new("fi", "v1").with("en", "v1"),
        );
        for n in 2..=versions {
            let mut next = notice.clone();
            next.title = Text::new("fi", format!("Seloste {n}")).with("en", format!("Notice {n}"));
            h.append(
                next,
                day(n),
                None,
                Text::new("fi", format!("v{n}")).with("en", format!("v{n}")),
            )
            .unwrap();
        }
        h
    }

    #[test]
    fn newest_first_with_the_diff_from_the_previous_version() {
        let log = ChangeLog::page(&history(3), "en", None, PAGE_SIZE, codes);
        assert_eq!(
            log.entries.iter().map(|e| e.number).collect::<Vec<_>>(),
            [3, 2, 1]
        );
        assert_eq!(log.entries[0].summary, "v3");
        assert_eq!(log.title, "Notice 3");
        let changes = log.entries[0].changes.as_ref().unwrap();
        assert_eq!(changes.sections[0].heading, "General");
        assert!(
            log.entries[2].changes.is_none(),
            "the first version has nothing before it"
        );
        assert_eq!((log.older, log.newer), (None, None));
    }

    #[test]
    fn long_histories_come_a_page_at_a_time() {
        let h = history(45);
        let first = ChangeLog::page(&h, "fi", None, 20, codes);
        assert_eq!(first.entries.len(), 20);
        assert_eq!(
            (first.entries[0].number, first.entries[19].number),
            (45, 26)
        );
        assert_eq!((first.older, first.newer), (Some(25), None));
        let second = ChangeLog::page(&h, "fi", first.older, 20, codes);
        assert_eq!(
            (second.entries[0].number, second.older, second.newer),
            (25, Some(5), Some(45))
        );
        let last = ChangeLog::page(&h, "fi", second.older, 20, codes);
        assert_eq!(last.entries.len(), 5);
        assert_eq!((last.older, last.newer), (None, Some(25)));
        assert_eq!(
            ChangeLog::page(&h, "fi", Some(999), 0, codes).entries.len(),
            1,
            "clamped, never empty"
        );
    }

    #[test]
    fn the_language_falls_back_to_one_the_notice_has() {
        let log = ChangeLog::page(&history(2), "sv-FI", None, PAGE_SIZE, codes);
        assert_eq!(log.lang, "fi");
        assert_eq!(
            log.entries[0].changes.as_ref().unwrap().sections[0].heading,
            "Yleistä"
        );
    }

    #[test]
    fn a_window_of_versions_gives_the_same_page_as_the_whole_history() {
        let h = history(45);
        for from in [None, Some(25), Some(5), Some(1)] {
            let (first, newest) = ChangeLog::window(45, from, 20);
            let window = &h.versions()[first as usize - 1..newest as usize];
            let from_window =
                ChangeLog::from_window(h.id(), h.latest(), window, "en", from, 20, codes);
            assert_eq!(
                from_window,
                ChangeLog::page(&h, "en", from, 20, codes),
                "{from:?}"
            );
        }
        assert_eq!(
            ChangeLog::window(45, None, 20),
            (25, 45),
            "the page and the version before it"
        );
        assert_eq!(ChangeLog::window(45, Some(3), 20), (1, 3));
    }

    #[test]
    fn receipts_later_than_the_stated_date_are_noted() {
        let h = history(3);
        let day = |s| Date::parse(s).unwrap();
        let stated = h.versions()[1].published;
        let log = ChangeLog::page(&h, "en", None, PAGE_SIZE, codes)
            .with_receipts(&[(2, day("2030-01-01")), (3, h.versions()[2].published)]);
        let received = |n: u32| log.entries.iter().find(|e| e.number == n).unwrap().received;
        assert!(stated < day("2030-01-01"));
        assert_eq!(
            received(2),
            Some(day("2030-01-01")),
            "received later: noted"
        );
        assert_eq!(
            received(3),
            None,
            "received the day it says: nothing to note"
        );
        assert_eq!(received(1), None, "no receipt known");
    }

    #[test]
    fn round_trips_through_json() {
        let log = ChangeLog::page(&history(3), "fi", None, PAGE_SIZE, codes);
        let json = serde_json::to_string(&log).unwrap();
        assert_eq!(serde_json::from_str::<ChangeLog>(&json).unwrap(), log);
    }
}
