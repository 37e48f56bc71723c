//! The building blocks of validation: a checker that walks values with their JSON path, and the
//! small format rules (emails, links, phone numbers, ids, business IDs, durations, countries).

use std::collections::BTreeMap;

use crate::date::{primary_subtag, Date, YEARS};
use crate::party::{Address, Contact, Organisation, Phone};
use crate::text::{is_invisible, Block, Lang, Link, Prose, Text};

use super::{Problem, Said, Saying, Severity};

pub fn error(path: &str, saying: impl Into<Saying>) -> Problem {
    Problem::said(Severity::Error, &display_path(path), saying.into())
}

pub fn finding(path: &str, article: &str, saying: impl Into<Saying>) -> Problem {
    Problem {
        article: Some(article.to_owned()),
        ..Problem::said(Severity::Finding, &display_path(path), saying.into())
    }
}

fn display_path(path: &str) -> String {
    if path.is_empty() {
        ".".to_owned()
    } else {
        path.to_owned()
    }
}

/// Joins a parent path and a field: `join("a", "b") == "a.b"`, `join("", "b") == "b"`,
/// `join("a", "[0]") == "a[0]"`.
pub fn join(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.starts_with('[')) {
        (true, _) => child.to_owned(),
        (false, true) => format!("{parent}{child}"),
        (false, false) => format!("{parent}.{child}"),
    }
}

/// Walks values under a path prefix, checking each against the notice's languages and formats.
pub struct Checker<'a> {
    languages: &'a [Lang],
    prefix: String,
    problems: Vec<Problem>,
    /// Texts written under another tag of a notice language (`en` where the notice says
    /// `en-GB`): (the notice's tag, the texts' tag) → (the first such text's path, how many).
    /// Said once, in [`Checker::into_problems`], instead of two errors in every text.
    mismatched_tags: BTreeMap<(Lang, Lang), (String, usize)>,
}

impl<'a> Checker<'a> {
    pub fn new(languages: &'a [Lang], prefix: &str) -> Self {
        Checker {
            languages,
            prefix: prefix.to_owned(),
            problems: Vec::new(),
            mismatched_tags: BTreeMap::new(),
        }
    }

    pub fn into_problems(mut self) -> Vec<Problem> {
        for ((lang, used), (path, count)) in std::mem::take(&mut self.mismatched_tags) {
            let fixed: Vec<String> = (self.languages.iter())
                .map(|l| format!("\"{}\"", if *l == lang { &used } else { l }))
                .collect();
            let (said, count) = match count {
                1 => (Said::TagMismatchOne, None),
                n => (Said::TagMismatchMany, Some(n.to_string())),
            };
            let fixed = fixed.join(", ");
            let mut values = vec![
                ("used", used.as_str()),
                ("lang", lang.as_str()),
                ("fixed", &fixed),
            ];
            values.extend(count.as_deref().map(|n| ("count", n)));
            self.problems.push(error(&path, said.with(&values)));
        }
        self.problems
    }

    pub fn path(&self, rel: &str) -> String {
        join(&self.prefix, rel)
    }

    pub fn error(&mut self, rel: &str, saying: impl Into<Saying>) {
        let p = self.path(rel);
        self.problems.push(error(&p, saying));
    }

    /// A required plain string: not empty or blank.
    pub fn required(&mut self, value: &str, rel: &str) {
        if value.trim().is_empty() {
            self.error(rel, Said::Empty);
        }
    }

    /// Text: a non-blank translation for every language of the notice and no other language.
    pub fn text(&mut self, text: &Text, rel: &str) {
        let mut variants = Vec::new();
        for lang in self.languages {
            match text.0.get(lang) {
                None => match self.variant_of(lang, text) {
                    Some(used) => {
                        let at = self.path(rel);
                        let seen = self.mismatched_tags.entry((lang.clone(), used.clone()));
                        seen.or_insert((at, 0)).1 += 1;
                        variants.push(used);
                    }
                    None => self.error(rel, Said::MissingTranslation.with(&[("lang", lang)])),
                },
                Some(s) if s.trim().is_empty() => self.error(&join(rel, lang), Said::Empty),
                Some(_) => {}
            }
        }
        self.foreign_languages(text, rel, &variants);
    }

    /// The tag `text` uses for the notice language `lang` when it is not `lang` itself but shares
    /// its primary subtag (`en` for `en-GB`, `sv-FI` for `sv`), and is no language of the notice.
    fn variant_of(&self, lang: &str, text: &Text) -> Option<Lang> {
        text.0
            .keys()
            .find(|k| {
                !self.languages.contains(k)
                    && primary_subtag(k).eq_ignore_ascii_case(primary_subtag(lang))
            })
            .cloned()
    }

    /// A translation in a language the notice does not have is an error (but for `variants`,
    /// already counted as written under another tag of a notice language).
    fn foreign_languages(&mut self, text: &Text, rel: &str, variants: &[Lang]) {
        for lang in text.0.keys() {
            if !self.languages.contains(lang) && !variants.contains(lang) {
                let languages = self.languages.join(", ");
                self.error(
                    &join(rel, lang),
                    Said::ForeignLanguage.with(&[("lang", lang), ("languages", &languages)]),
                );
            }
        }
    }

    /// Text hygiene ([`super::hygiene`]) for a value checked outside a notice, such as a change
    /// summary.
    pub fn clean<T: serde::Serialize>(&mut self, value: &T, rel: &str) {
        let at = self.path(rel);
        self.problems.extend(super::hygiene::check(value, &at));
    }

    /// A version's change summary: some text is required, and only in the notice's languages, but
    /// a missing translation is a finding, not an error: a one-line summary in the main language is
    /// a fair summary, and publishing a change must not wait for a translator.
    pub fn summary(&mut self, summary: &Text, rel: &str) {
        if summary.0.values().all(|s| s.trim().is_empty()) {
            self.error(rel, Said::SummaryMissing);
        }
        self.foreign_languages(summary, rel, &[]);
        self.clean(summary, rel);
        for lang in self.languages {
            if summary.exact(lang).is_none_or(|s| s.trim().is_empty()) {
                let path = display_path(&self.path(rel));
                let said = Said::MissingTranslation.with(&[("lang", lang)]);
                self.problems
                    .push(Problem::said(Severity::Finding, &path, said));
            }
        }
    }

    /// A date within the years a notice's dates may fall in ([`crate::date::YEARS`]).
    pub fn date(&mut self, date: Option<Date>, rel: &str) {
        if let Some(d) = date.filter(|d| d.implausible().is_some()) {
            let said = Said::DateImplausible.with(&[
                ("date", &d.to_string()),
                ("from", &YEARS.start().to_string()),
                ("to", &YEARS.end().to_string()),
            ]);
            self.error(rel, said);
        }
    }

    /// A version takes effect on the day it is published or later, never before.
    pub fn effective_date(&mut self, published: Date, effective: Option<Date>, rel: &str) {
        if let Some(e) = effective.filter(|e| *e < published) {
            let said = Said::EffectiveBeforePublished.with(&[
                ("effective", &e.to_string()),
                ("published", &published.to_string()),
            ]);
            self.error(rel, said);
        }
    }

    pub fn opt_text(&mut self, text: &Option<Text>, rel: &str) {
        if let Some(t) = text {
            self.text(t, rel);
        }
    }

    pub fn texts(&mut self, texts: &[Text], rel: &str) {
        for (i, t) in texts.iter().enumerate() {
            self.text(t, &format!("{rel}[{i}]"));
        }
    }

    pub fn prose(&mut self, prose: &Prose, rel: &str) {
        for (i, block) in prose.iter().enumerate() {
            let at = format!("{rel}[{i}]");
            match block {
                Block::Paragraph(t) => self.text(t, &join(&at, "paragraph")),
                Block::List(items) => {
                    if items.is_empty() {
                        self.error(&join(&at, "list"), Said::EmptyList);
                    }
                    self.texts(items, &join(&at, "list"));
                }
                Block::Links(links) => {
                    if links.is_empty() {
                        self.error(&join(&at, "links"), Said::EmptyLinks);
                    }
                    for (j, l) in links.iter().enumerate() {
                        self.link(l, &format!("{}[{j}]", join(&at, "links")));
                    }
                }
            }
        }
    }

    pub fn link(&mut self, link: &Link, rel: &str) {
        self.href(&link.href, &join(rel, "href"), LINK_SCHEMES);
        self.text(&link.label, &join(rel, "label"));
    }

    /// A link target with one of `schemes`.
    pub fn href(&mut self, href: &str, rel: &str, schemes: &[&str]) {
        if let Err(why) = check_href(href, schemes) {
            self.error(rel, why);
        }
    }

    pub fn email(&mut self, email: &str, rel: &str) {
        if !is_email(email) {
            self.error(rel, email_problem(email));
        }
    }

    pub fn phone(&mut self, phone: &Phone, rel: &str) {
        if !is_phone(&phone.number) {
            let n = &phone.number;
            let digits = n.chars().filter(char::is_ascii_digit).count();
            let said = if n.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)) && digits < 5
            {
                Said::PhoneTooFewDigits.with(&[("number", n), ("digits", &digits.to_string())])
            } else {
                Said::NotPhone.with(&[("number", n)])
            };
            self.error(&join(rel, "number"), said);
        }
        self.opt_text(&phone.label, &join(rel, "label"));
    }

    pub fn address(&mut self, address: &Option<Address>, rel: &str) {
        let Some(a) = address else { return };
        self.required(&a.street, &join(rel, "street"));
        self.required(&a.postal_code, &join(rel, "postal_code"));
        self.required(&a.city, &join(rel, "city"));
        if let Some(r) = &a.region {
            self.required(r, &join(rel, "region"));
        }
        if let Some(c) = &a.country {
            self.required(c, &join(rel, "country"));
        }
    }

    fn reachable(&mut self, phones: &[Phone], emails: &[String], rel: &str) {
        for (i, p) in phones.iter().enumerate() {
            self.phone(p, &format!("{}[{i}]", join(rel, "phones")));
        }
        for (i, e) in emails.iter().enumerate() {
            self.email(e, &format!("{}[{i}]", join(rel, "emails")));
        }
    }

    pub fn organisation(&mut self, org: &Organisation, rel: &str) {
        self.required(&org.name, &join(rel, "name"));
        if let Some(id) = &org.business_id {
            if let Err(why) = check_business_id(id) {
                self.error(&join(rel, "business_id"), why);
            }
        }
        self.opt_text(&org.legal_form, &join(rel, "legal_form"));
        self.opt_text(&org.referred_to_as, &join(rel, "referred_to_as"));
        self.address(&org.postal_address, &join(rel, "postal_address"));
        self.address(&org.visiting_address, &join(rel, "visiting_address"));
        self.reachable(&org.phones, &org.emails, rel);
        if let Some(web) = &org.web {
            self.href(web, &join(rel, "web"), WEB_SCHEMES);
        }
    }

    pub fn contact(&mut self, c: &Contact, rel: &str) {
        if let Some(name) = &c.name {
            self.required(name, &join(rel, "name"));
        }
        self.opt_text(&c.title, &join(rel, "title"));
        if let Some(o) = &c.organisation {
            self.required(o, &join(rel, "organisation"));
        }
        self.address(&c.postal_address, &join(rel, "postal_address"));
        self.address(&c.visiting_address, &join(rel, "visiting_address"));
        self.reachable(&c.phones, &c.emails, rel);
        let empty = c.name.is_none()
            && c.postal_address.is_none()
            && c.visiting_address.is_none()
            && c.phones.is_empty()
            && c.emails.is_empty();
        if empty {
            self.error(rel, Said::ContactUnreachable);
        }
    }
}

/// Link targets allowed in prose: the web, email and phone. Never `javascript:`, `data:`, ….
pub const LINK_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];
/// Targets allowed where a web site is expected.
pub const WEB_SCHEMES: &[&str] = &["https", "http"];

/// Checks a link target: one of `schemes`, no white space or control characters, and for web
/// links a host. The same rule is applied again by every renderer before it writes an `href`.
pub fn check_href(href: &str, schemes: &[&str]) -> Result<(), Saying> {
    let said = |s: Said| Err(s.with(&[("href", href)]));
    if href
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return said(Said::HrefInvisible);
    }
    let Some((scheme, rest)) = href.split_once(':') else {
        return said(Said::HrefNotAbsolute);
    };
    let scheme = scheme.to_ascii_lowercase();
    if !schemes.contains(&scheme.as_str()) {
        let schemes = schemes.join(", ");
        return Err(Said::HrefScheme.with(&[("schemes", &schemes), ("scheme", &scheme)]));
    }
    match scheme.as_str() {
        "http" | "https" => {
            let host = rest
                .strip_prefix("//")
                .map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
            match host {
                Some(h) if !h.is_empty() && !h.starts_with('@') => Ok(()),
                _ => said(Said::HrefNoHost),
            }
        }
        "mailto" => check_mailto(href, rest),
        "tel" if !is_phone(rest) => said(Said::HrefNotTel),
        _ => Ok(()),
    }
}

/// A `mailto:` link: one address, and at most a `subject` and a `body` after it. Recipients in
/// the query (`to`, `cc`, `bcc`) would send a data subject's request to someone the link does not
/// show.
fn check_mailto(href: &str, rest: &str) -> Result<(), Saying> {
    let (address, query) = rest.split_once('?').unwrap_or((rest, ""));
    if !is_email(address) {
        return Err(Said::MailtoNotEmail.with(&[("href", href)]));
    }
    let hidden = query.split('&').filter(|q| !q.is_empty()).find(|q| {
        let name = q.split('=').next().unwrap_or("");
        !name.eq_ignore_ascii_case("subject") && !name.eq_ignore_ascii_case("body")
    });
    match hidden {
        Some(q) => Err(Said::MailtoHidden.with(&[("href", href), ("found", q)])),
        None => Ok(()),
    }
}

/// An email address and nothing else: `local@domain`, where the local part is letters, digits and
/// `. _ + - '` (no leading, trailing or double dot) and the domain is at least two dot-separated
/// labels of letters, digits and inner dashes. No `mailto:`, no `?`, `&`, `%` or spaces: an
/// address is rendered as a `mailto:` link, and `info@x.fi?bcc=someone@evil.example` would
/// silently copy every request to a third party.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._+-'".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
        });
    local_ok && domain_ok
}

/// Why `s` is not an email address, in words that say how to fix it.
pub fn email_problem(s: &str) -> Saying {
    let said = if s.to_ascii_lowercase().starts_with("mailto:") {
        Said::NotEmailMailto
    } else if s.contains(['?', '&', '%', '=']) {
        Said::NotEmailParameters
    } else if s.chars().any(char::is_whitespace) {
        Said::NotEmailSpace
    } else {
        Said::NotEmail
    };
    said.with(&[("email", s)])
}

/// A phone number as people write it: at least five digits, and only digits, spaces, `+-()`.
pub fn is_phone(s: &str) -> bool {
    s.chars().filter(char::is_ascii_digit).count() >= 5
        && s.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
        && match s.matches('+').count() {
            0 => true,
            1 => s.trim_start().starts_with('+'),
            _ => false,
        }
}

/// A language code: `fi`, `sv`, `en`, `fi-FI`, `se` (BCP 47 primary subtag, optional region).
pub fn is_lang(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    let region_ok = match parts.next() {
        None => true,
        Some(r) => r.len() == 2 && r.chars().all(|c| c.is_ascii_uppercase()),
    };
    primary_ok && region_ok && parts.next().is_none()
}

/// One part of a notice id; the rule lives with the id type, [`crate::api::NoticeId`].
pub use crate::api::is_slug;

/// A Finnish business ID (Y-tunnus, `NNNNNNN-C`) must have the right check digit; other
/// business IDs (foreign ones) are only checked for being printable.
pub fn check_business_id(id: &str) -> Result<(), Saying> {
    let b = id.as_bytes();
    let finnish =
        b.len() == 9 && b[7] == b'-' && b[..7].iter().chain(&b[8..]).all(u8::is_ascii_digit);
    if !finnish {
        return if id.trim().is_empty() || id.chars().any(char::is_control) {
            Err(Said::BusinessIdUnprintable.into())
        } else {
            Ok(())
        };
    }
    const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = b[..7]
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let expected = match sum % 11 {
        0 => 0,
        1 => return Err(Said::BusinessIdImpossible.with(&[("id", id)])),
        r => 11 - r,
    };
    if u32::from(b[8] - b'0') == expected {
        Ok(())
    } else {
        let expected = expected.to_string();
        Err(Said::BusinessIdCheckDigit.with(&[("id", id), ("expected", &expected)]))
    }
}

/// An ISO 8601 duration of whole years, months, weeks or days: `P24M`, `P5Y`, `P1Y6M`, `P30D`.
pub fn is_duration(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else {
        return false;
    };
    let mut seen_unit = false;
    let mut digits = 0;
    let mut last_unit = 0;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else {
            let Some(rank) = "YMWD".find(c).map(|r| r + 1) else {
                return false;
            };
            if digits == 0 || rank <= last_unit {
                return false;
            }
            last_unit = rank;
            digits = 0;
            seen_unit = true;
        }
    }
    seen_unit && digits == 0
}

/// ISO 3166-1 alpha-2 codes of the EU/EEA member states, the parts of them that have codes of their
/// own and are inside the EU (Åland, Art. 355(4) TFEU; the outermost regions of Art. 349 TFEU:
/// French Guiana, Guadeloupe, Martinique, Réunion, Mayotte, Saint-Martin), plus the `EU` and `EEA`
/// regions. Data sent to any of them does not leave the EU/EEA.
pub const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "AX", "GF",
    "GP", "MQ", "RE", "YT", "MF", "EU", "EEA",
];

/// A location code: an ISO 3166-1 alpha-2 code in capitals (the list of the `celes` crate), or
/// `EU` / `EEA`.
pub fn is_location(s: &str) -> bool {
    s == "EU"
        || s == "EEA"
        || (s.len() == 2
            && s.bytes().all(|b| b.is_ascii_uppercase())
            && celes::Country::from_alpha2(s).is_ok())
}

/// The ISO 3166-1 alpha-2 code a person most likely meant by `text`: a code in any case, an
/// alpha-3 code, an English name or alias (`United States`, `Finland`), or the EU's own
/// abbreviations `UK` and `EL`. `None` when the text names no country the list knows (names in
/// Finnish or Swedish, for instance).
pub fn country_meant(text: &str) -> Option<&'static str> {
    let squeezed: String = text.split_whitespace().collect();
    match squeezed.to_ascii_uppercase().as_str() {
        "UK" => return Some("GB"),
        "EL" => return Some("GR"),
        "EU" => return Some("EU"),
        "EEA" => return Some("EEA"),
        _ => {}
    }
    squeezed.parse::<celes::Country>().ok().map(|c| c.alpha2)
}

/// Why `code` is not a location code, with the code that was probably meant: `UK` → `GB`,
/// `EL` → `GR`, `fi` → `FI`, `USA` → `US`, `Finland` → `FI`.
pub fn location_problem(code: &str) -> Saying {
    match country_meant(code).filter(|m| *m != code) {
        Some(m) => Said::LocationMeant.with(&[("code", code), ("meant", m)]),
        None => Said::NotLocation.with(&[("code", code)]),
    }
}

pub fn in_eea(location: &str) -> bool {
    EEA.contains(&location)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_allow_only_web_mail_and_phone() {
        for ok in [
            "https://tietosuoja.fi",
            "http://www.icann.org/x?y#z",
            "mailto:info@caracom.fi",
            "tel:+358401234567",
        ] {
            assert!(check_href(ok, LINK_SCHEMES).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "#",
            "www.tietosuoja.fi",
            "https://",
            "https:///path",
            "https://exa mple.com",
            "https://example.com/\u{202e}",
            "mailto:not-an-address",
            "tel:call-me",
        ] {
            assert!(check_href(bad, LINK_SCHEMES).is_err(), "{bad}");
        }
        assert!(check_href("mailto:a@b.fi", WEB_SCHEMES).is_err());
    }

    #[test]
    fn emails_are_checked_practically() {
        assert!(is_email("riikka.samuli@kaarea.fi"));
        assert!(is_email("tietosuoja-poista-@carrata.fi"));
        for bad in [
            "",
            "info",
            "info@",
            "@caracom.fi",
            "info@caracom",
            "a b@c.fi",
            "a@b..fi",
            "a@.b.fi",
            "<a@b.fi>",
            "tietosuoja@kaarea.fi?bcc=attacker%40evil.example",
            "mailto:tietosuoja@kaarea.fi",
            "a&b@c.fi",
            "a%40b@c.fi",
            "a@b.fi#x",
            ".a@b.fi",
            "a.@b.fi",
            "a@-b.fi",
            "a@b.f",
            "a@1.2",
            "a@b.fi\u{b}",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_email("o'brien+notices@tietosuoja.fi"));
        assert!(is_email("tietosuoja@kärkkäinen.fi"));
        assert!(email_problem("mailto:a@b.fi")
            .to_string()
            .contains("without `mailto:`"));
        assert!(email_problem("a@b.fi?bcc=c@d.fi")
            .to_string()
            .contains("parameters"));
    }

    #[test]
    fn change_summaries_hold_no_control_characters() {
        let langs = vec!["fi".to_owned()];
        let mut c = Checker::new(&langs, "");
        c.summary(&Text::new("fi", "Uusi\u{b}rivi"), "summary");
        let p = c.into_problems();
        assert!(
            p.iter()
                .any(|p| p.path == "summary.fi" && p.message.contains("U+000B")),
            "{p:#?}"
        );
    }

    #[test]
    fn mailto_links_carry_no_hidden_recipients() {
        assert!(check_href("mailto:a@b.fi?subject=Pyyntö&body=Hei", LINK_SCHEMES).is_ok());
        for bad in [
            "mailto:a@b.fi?bcc=c@evil.example",
            "mailto:a@b.fi?subject=x&cc=c@evil.example",
            "mailto:a@b.fi?to=c@evil.example",
            "mailto:a@b.fi,c@evil.example",
        ] {
            let e = check_href(bad, LINK_SCHEMES).unwrap_err().to_string();
            assert!(e.contains("mailto:"), "{bad}: {e}");
        }
    }

    #[test]
    fn phone_numbers_as_people_write_them() {
        for ok in [
            "+358 40 3012 300",
            "044 2434 591",
            "020 764 9850",
            "(09) 123 456",
            "+358-45-639-3329",
        ] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "",
            "1234",
            "call me",
            "040 123 4567 ext. 5",
            "040+1234567",
            "tel:0401234567",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn language_codes() {
        for ok in ["fi", "sv", "en", "fi-FI", "smn"] {
            assert!(is_lang(ok), "{ok}");
        }
        for bad in ["", "FI", "finnish", "fi_FI", "fi-fi", "f", "fi-FI-x"] {
            assert!(!is_lang(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_are_url_safe() {
        assert!(is_slug("capricode-systems"));
        assert!(is_slug("a"));
        for bad in ["", "-a", "A", "a_b", "..", "a/b", "ä", &"a".repeat(64)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn finnish_business_ids_have_a_check_digit() {
        assert!(check_business_id("2925981-7").is_ok());
        assert!(check_business_id("0112038-9").is_ok());
        let e = check_business_id("2925981-6").unwrap_err().to_string();
        assert!(e.contains("should be 7"), "{e}");
        assert!(
            check_business_id("SE556677889901").is_ok(),
            "foreign ids pass"
        );
        assert!(check_business_id(" ").is_err());
    }

    #[test]
    fn durations_in_iso_8601() {
        for ok in ["P24M", "P5Y", "P1Y6M", "P30D", "P2W"] {
            assert!(is_duration(ok), "{ok}");
        }
        for bad in ["", "P", "24M", "P24", "PM", "P6M1Y", "P1.5Y", "PT5H", "p5y"] {
            assert!(!is_duration(bad), "{bad}");
        }
    }

    #[test]
    fn locations_and_the_eea() {
        for ok in ["FI", "US", "GB", "AX", "EEA", "EU", "ZW"] {
            assert!(is_location(ok), "{ok}");
        }
        for bad in ["fi", "USA", "", "UK", "XX", "EL", "AA", "ZZ", "Finland"] {
            assert!(!is_location(bad), "{bad}");
        }
        assert!(in_eea("FI") && in_eea("NO") && in_eea("EU") && !in_eea("US") && !in_eea("GB"));
        for inside in ["AX", "GF", "GP", "MQ", "RE", "YT", "MF"] {
            assert!(in_eea(inside) && is_location(inside), "{inside}");
        }
        for outside in ["CH", "FO", "GL", "SJ", "GI", "NC", "PF"] {
            assert!(!in_eea(outside), "{outside}");
        }
        assert!(
            EEA.iter().all(|c| is_location(c)),
            "every EU/EEA code is a real one"
        );
    }

    #[test]
    fn a_wrong_country_code_names_the_right_one() {
        for (bad, meant) in [
            ("UK", "`GB`"),
            ("EL", "`GR`"),
            ("fi", "`FI`"),
            ("USA", "`US`"),
            ("Finland", "`FI`"),
            ("United States", "`US`"),
        ] {
            let why = location_problem(bad).to_string();
            assert!(why.contains(meant), "{bad}: {why}");
        }
        assert!(location_problem("XX")
            .to_string()
            .contains("is not a country code"));
    }
}
