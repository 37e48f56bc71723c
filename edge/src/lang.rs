//! Choosing the language of a page: `?lang=` first, then the reader's `Accept-Language`, then the
//! notice's main language.

/// The notice language to show. `available` is the notice's `languages` (main language first);
/// `query` is `?lang=`; `accept` is the `Accept-Language` header. A language matches exactly or by its
/// primary subtag (`sv-FI` → `sv`); the result is always one of `available` (or `fi` if empty).
pub fn choose(available: &[String], query: Option<&str>, accept: Option<&str>) -> String {
    let main = available.first().map(String::as_str).unwrap_or("fi");
    if let Some(found) = query.and_then(|q| matching(available, q.trim())) {
        return found.to_owned();
    }
    accept
        .map(preferences)
        .unwrap_or_default()
        .iter()
        .find_map(|wanted| matching(available, wanted))
        .unwrap_or(main)
        .to_owned()
}

/// The languages of an `Accept-Language` header, most preferred first (`q=0` dropped, `*` ignored).
pub fn preferences(header: &str) -> Vec<String> {
    let mut langs: Vec<(u32, usize, String)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let mut q = 1000;
            for p in pieces {
                if let Some(v) = p.trim().strip_prefix("q=") {
                    q = (v.trim().parse::<f32>().ok()?.clamp(0.0, 1.0) * 1000.0) as u32;
                }
            }
            (q > 0).then(|| (q, i, tag.to_owned()))
        })
        .collect();
    // Highest quality first; equal qualities keep the header's order.
    langs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    langs.into_iter().map(|(_, _, t)| t).collect()
}

/// The language of `available` that `wanted` names, exactly or by primary subtag.
pub fn matching<'a>(available: &'a [String], wanted: &str) -> Option<&'a str> {
    if wanted.is_empty() {
        return None;
    }
    let primary = |l: &str| l.split('-').next().unwrap_or(l).to_ascii_lowercase();
    available
        .iter()
        .find(|l| l.eq_ignore_ascii_case(wanted))
        .or_else(|| available.iter().find(|l| primary(l) == primary(wanted)))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn query_wins_then_accept_language_then_main_language() {
        let a = langs(&["fi", "sv", "en"]);
        assert_eq!(choose(&a, Some("en"), Some("sv")), "en");
        assert_eq!(choose(&a, Some("de"), Some("sv-FI,en;q=0.5")), "sv");
        assert_eq!(choose(&a, None, Some("de, en-GB;q=0.8, sv;q=0.9")), "sv");
        assert_eq!(choose(&a, None, Some("de")), "fi");
        assert_eq!(choose(&a, None, None), "fi");
        assert_eq!(choose(&[], None, None), "fi");
    }

    #[test]
    fn accept_language_is_ordered_by_quality() {
        assert_eq!(
            preferences("fi;q=0.5, en, sv;q=0.9, de;q=0, *;q=0.1"),
            ["en", "sv", "fi"]
        );
        assert!(preferences("").is_empty());
        assert_eq!(preferences("en;q=bogus, fi"), ["fi"]);
    }
}
