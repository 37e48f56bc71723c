//! Bounds on what one answer holds, beyond the size of a version (`MAX_BODY_BYTES`) and the
//! number of versions a page shows: the diffs of a change-log page. A page shows 20 versions, each
//! with its diff; two large versions that differ everywhere make a diff as large as both, so
//! without a cap one page could carry many megabytes. Each entry keeps its first
//! [`MAX_CHANGES_PER_ENTRY`] changes and says how many more there are; the diff page of the two
//! versions (one comparison, bounded by their size) shows them all.

use seloste_schema::{Change, ChangeLog, Message};

/// Changes shown per change-log entry (real notices' versions differ by a few dozen at most).
pub const MAX_CHANGES_PER_ENTRY: usize = 100;

/// Cuts every entry's diff in `log` to `max` changes, ending it with a line saying how many more
/// the comparison page shows.
pub fn cap_changelog(log: &mut ChangeLog, max: usize) {
    for entry in &mut log.entries {
        let Some(diff) = entry.changes.as_mut() else {
            continue;
        };
        let total = diff.len();
        if total <= max {
            continue;
        }
        let mut room = max;
        diff.sections.retain_mut(|section| {
            if room == 0 {
                return false;
            }
            section.changes.truncate(room);
            room -= section.changes.len();
            true
        });
        if let Some(last) = diff.sections.last_mut() {
            last.changes.push(Change::Changed {
                item: Message::DiffOmitted
                    .fill(&log.lang, &[("count", &(total - max).to_string())]),
                fields: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use seloste_schema::{History, Text};

    fn notice(purposes: usize, tag: &str) -> seloste_schema::Notice {
        let purposes: Vec<String> = (0..purposes)
            .map(|i| {
                format!(r#"{{"name":{{"en":"Purpose {i} {tag}"}},"legal_bases":["contract"]}}"#)
            })
            .collect();
        seloste_schema::document::parse_as(&format!(
            r#"{{"format":1,"id":"acme/customers","languages":["en"],"title":{{"en":"T {tag}"}},
            "organisation":{{"name":"Acme"}},"role":{{"acts_as":"controller"}},
            "purposes":[{}]}}"#,
            purposes.join(",")
        ))
        .unwrap()
    }

    fn log(purposes: usize) -> ChangeLog {
        let d = seloste_schema::Date::parse("2024-01-01").unwrap();
        let mut h = History::start(notice(purposes, "a"), d, None, Text::new("en", "1"));
        h.append(notice(purposes, "b"), d, None, Text::new("en", "2"))
            .unwrap();
        ChangeLog::page(&h, "en", None, 20, seloste_schema::outline::codes)
    }

    #[test]
    fn a_long_diff_is_cut_and_says_how_much_more_there_is() {
        let mut l = log(300);
        let before = l.entries[0].changes.as_ref().unwrap().len();
        assert!(before > 100, "{before}");
        cap_changelog(&mut l, 100);
        let diff = l.entries[0].changes.as_ref().unwrap();
        assert_eq!(diff.len(), 101, "100 changes and the line saying so");
        let Some(Change::Changed { item, fields }) = diff.sections.last().unwrap().changes.last()
        else {
            panic!("no closing line");
        };
        assert!(fields.is_empty());
        assert_eq!(
            item,
            &format!(
                "… and {} more changes: see the comparison of the versions",
                before - 100
            )
        );
    }

    #[test]
    fn a_short_diff_is_left_alone() {
        let mut l = log(3);
        let before = l.clone();
        cap_changelog(&mut l, 100);
        assert_eq!(l, before);
    }
}
