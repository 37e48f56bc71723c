//! The Atom feed of a notice (RFC 4287): one entry per published version, newest first, so a
//! reader's feed reader or a privacy officer's monitoring learns of every change.
//!
//! Only the latest [`MAX_ENTRIES`] versions are entries: a feed is polled again and again, and
//! one entry per version ever published would grow without bound (about 640 bytes a version,
//! so 1000 versions made a 620 KB feed; see BENCHMARKS.md). Feed readers only need what is
//! new since they last looked; the whole record is the change log, which the feed links to
//! (`rel="alternate"`), and a subtitle says so when entries were left out.

use seloste_schema::{Date, Message, Text, Version};

use crate::html::escape;

/// The most versions a feed lists (the newest ones).
pub const MAX_ENTRIES: usize = 50;

/// `GET /{org}/{notice}/feed.atom`, every URL absolute under `base` (`https://host`), from the
/// newest versions alone (`newest`, oldest first, the latest last; at most [`MAX_ENTRIES`] are
/// used) and the number of versions in all: what the edge loads, whatever the history's length.
/// An entry's `<published>` is the date the organisation stated (midnight UTC of that day); its
/// `<updated>` is when the edge received the version (`received`, by version number, RFC 3339),
/// so a reader can tell a backdated version. Versions without a known receipt use the stated date.
pub fn atom(
    id: &str,
    newest: &[Version],
    received: &[(u32, String)],
    total: usize,
    lang: &str,
    base: &str,
) -> String {
    let Some(latest) = newest.last() else {
        return String::new();
    };
    let entries: Vec<Entry> = newest.iter().map(Entry::of).collect();
    atom_entries(
        id,
        &entries,
        &latest.notice.organisation.name,
        received,
        total,
        lang,
        base,
    )
}

/// What the feed shows of one version: all it reads of it (never the whole notice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub number: u32,
    pub published: Date,
    pub title: Text,
    pub summary: Text,
}

impl Entry {
    pub fn of(v: &Version) -> Entry {
        Entry {
            number: v.number,
            published: v.published,
            title: v.notice.title.clone(),
            summary: v.summary.clone(),
        }
    }
}

/// [`atom`] from the entries alone (oldest first, the latest last) and the latest version's
/// organisation (`author`): what the edge reads from D1 for a feed.
pub fn atom_entries(
    id: &str,
    newest: &[Entry],
    author: &str,
    received: &[(u32, String)],
    total: usize,
    lang: &str,
    base: &str,
) -> String {
    let Some(latest) = newest.last() else {
        return String::new();
    };
    let page = format!("{base}/{id}");
    let title = latest.title.get(lang);
    let version_word = Message::Version.get(lang).to_lowercase();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <id>{page}/history</id>\n<title>{title}</title>\n<updated>{updated}</updated>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{page}/feed.atom\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{page}/history\"/>\n\
         <author><name>{author}</name></author>\n<generator>Seloste</generator>\n",
        lang = escape(lang),
        page = escape(&page),
        title = escape(title),
        updated = timestamp(&latest.published.to_string()),
        author = escape(author),
    ));
    if total > MAX_ENTRIES {
        xml.push_str(&format!(
            "<subtitle>{}</subtitle>\n",
            escape(&omitted_note(lang, MAX_ENTRIES, total))
        ));
    }
    for v in newest.iter().rev().take(MAX_ENTRIES) {
        let when = timestamp(&v.published.to_string());
        let got = received
            .iter()
            .find(|(n, _)| *n == v.number)
            .map_or(when.clone(), |(_, at)| escape(at));
        let url = escape(&format!("{page}/v/{}", v.number));
        xml.push_str(&format!(
            "<entry>\n<id>{url}</id>\n<title>{title} — {version_word} {n} ({date})</title>\n\
             <published>{when}</published>\n<updated>{got}</updated>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n",
            title = escape(v.title.get(lang)),
            n = v.number,
            date = escape(&v.published.localized(lang)),
        ));
        if v.number > 1 {
            xml.push_str(&format!(
                "<link rel=\"related\" type=\"text/html\" href=\"{}\"/>\n",
                escape(&format!("{page}/diff/{}/{}", v.number - 1, v.number))
            ));
        }
        xml.push_str(&format!(
            "<summary type=\"text\">{}</summary>\n</entry>\n",
            escape(v.summary.get(lang))
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

/// The feed's subtitle when older versions are left out: how many are shown, and where the rest is.
fn omitted_note(lang: &str, shown: usize, total: usize) -> String {
    Message::FeedOmitted.fill(
        lang,
        &[("shown", &shown.to_string()), ("total", &total.to_string())],
    )
}

fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

#[cfg(test)]
mod tests {
    use super::*;
    use seloste_schema::{History, Notice};

    fn notice(title: &str) -> Notice {
        seloste_schema::document::parse_as(&format!(
            r#"{{"format":1,"id":"acme/customers","languages":["fi"],"title":{{"fi":"{title}"}},
            "organisation":{{"name":"Acme & Co"}},"role":{{"acts_as":"controller"}}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn one_entry_per_version_newest_first_all_escaped() {
        let d = |s| Date::parse(s).unwrap();
        let mut h = History::start(
            notice("Rekisteri"),
            d("2020-01-02"),
            None,
            Text::new("fi", "Eka <b>"),
        );
        h.append(
            notice("Rekisteri 2"),
            d("2021-03-04"),
            None,
            Text::new("fi", "Toka"),
        )
        .unwrap();
        let received = [(1, "2024-05-06T07:08:09.010Z".to_owned())];
        let xml = atom(
            h.id(),
            h.versions(),
            &received,
            h.versions().len(),
            "fi",
            "https://x.example",
        );
        assert_eq!(xml.matches("<entry>").count(), 2);
        assert!(
            xml.contains(
                "<published>2020-01-02T00:00:00Z</published>\n<updated>2024-05-06T07:08:09.010Z</updated>"
            ),
            "the stated date is `published`, the receipt `updated`"
        );
        let first = xml.find("/v/2</id>").unwrap();
        assert!(first < xml.find("/v/1</id>").unwrap(), "newest first");
        assert!(xml.contains("<updated>2021-03-04T00:00:00Z</updated>"));
        assert!(xml.contains("Eka &lt;b&gt;"));
        assert!(xml.contains("<name>Acme &amp; Co</name>"));
        assert!(xml.contains("href=\"https://x.example/acme/customers/diff/1/2\""));
        assert!(xml.contains("Rekisteri 2 — versio 2 (4.3.2021)"));
        assert!(
            !xml.contains("<subtitle>"),
            "nothing left out, nothing to say"
        );
    }

    #[test]
    fn a_long_history_lists_only_the_latest_entries() {
        let d = |i: usize| Date::parse(&format!("{}-01-01", 1900 + i)).unwrap();
        let mut h = History::start(notice("R"), d(0), None, Text::new("fi", "1"));
        for i in 1..MAX_ENTRIES + 10 {
            h.append(notice("R"), d(i), None, Text::new("fi", "x"))
                .unwrap();
        }
        let xml = atom(
            h.id(),
            h.versions(),
            &[],
            h.versions().len(),
            "en",
            "https://x.example",
        );
        assert_eq!(xml.matches("<entry>").count(), MAX_ENTRIES);
        assert!(
            xml.contains(&format!("/v/{}</id>", MAX_ENTRIES + 10)),
            "the newest is kept"
        );
        assert!(!xml.contains("/v/10</id>"), "the oldest are left out");
        assert!(xml.contains("<subtitle>The latest 50 of 60 versions;"));
    }
}
