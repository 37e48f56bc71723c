//! Unit tests: the views rendered to strings natively, through the public server-rendering API,
//! the way the CLI calls it (`futures_executor::block_on`, no async runtime).

use futures_executor::block_on;
use seloste_schema::{History, Notice};

use crate::{diff_html, history_html, notice_html, PageContext};

/// A fi+en notice with three versions and hostile text (a `<script>` paragraph, a `javascript:`
/// link) that validation would refuse but the renderer must survive anyway.
const HISTORY: &str =
    include_str!("../../tests/browser/fixtures/acme-asiakasrekisteri.history.json");

fn history() -> History {
    serde_json::from_str(HISTORY).expect("fixture is a valid history")
}

fn notice() -> Notice {
    history().latest().notice.clone()
}

fn page(version: Option<u32>) -> PageContext {
    PageContext {
        base_url: "/acme/asiakasrekisteri".into(),
        version,
        published: None,
        languages_href: true,
        changelog_href: None,
    }
}

fn render_notice(lang: &str) -> String {
    block_on(notice_html(&notice(), lang, &page(Some(3))))
}

#[test]
fn the_notice_shows_its_facts() {
    let html = render_notice("fi");
    for fact in [
        "Acme Oy",
        "2925981-7",
        r#"<a href="tel:+358401234567">+358 40 123 4567</a> (vaihde)"#,
        r#"<a href="mailto:tietosuoja@acme.example">tietosuoja@acme.example</a>"#,
        "Sopimus (6(1)(b))",
        "Oikeutettu etu (6(1)(f))",
        "Posti Oy",
        "Henkilötietojen käsittelijä",
        "Pilvipalvelu Inc.",
        "Komission vakiosopimuslausekkeet (46(2)(c))",
        // The period's own words already say 36 months: no "(enintään 36 kuukautta)" after them.
        "asiakkuuden ajan ja 36 kuukautta sen jälkeen</dd>",
        "Oikeus saada pääsy tietoihin",
        "Voit käyttää oikeuksiasi maksutta.",
        "Tekniset suojaustoimet",
        "salatut yhteydet",
        "julkinen lähde",
        "Teppo Testaaja",
        "PL 180",
        "Evästeet",
        "Päivitetty 3.2.2025",
        "Versio 3",
    ] {
        assert!(html.contains(fact), "missing {fact:?} in\n{html}");
    }
}

#[test]
fn a_retention_bound_is_said_when_the_period_does_not_say_it() {
    let mut n = notice();
    let rule = &mut n.retention.as_mut().unwrap().rules[0];
    rule.period = seloste_schema::Text::new("fi", "asiakkuuden ajan");
    rule.min_duration = Some("P1D".into());
    let html = block_on(notice_html(&n, "fi", &page(None)));
    assert!(
        html.contains("asiakkuuden ajan (vähintään 1 päivä, enintään 36 kuukautta)</dd>"),
        "{html}"
    );
}

#[test]
fn the_notice_speaks_the_language_asked_for() {
    let html = render_notice("en-GB");
    assert!(html.contains(r#"lang="en""#));
    assert!(html.contains("Acme Ltd customer register privacy notice"));
    assert!(html.contains("Contract (6(1)(b))"));
    assert!(html.contains("Updated 3 February 2025"));
    assert!(html.contains(r#"<a href="?lang=fi" lang="fi" hreflang="fi">Suomi</a>"#));
    // A language the notice lacks falls back to its main language.
    assert!(render_notice("de").contains(r#"lang="fi""#));
}

#[test]
fn notice_text_is_escaped() {
    let html = render_notice("fi");
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert("));
}

#[test]
fn unsafe_hrefs_never_become_links() {
    let html = render_notice("fi");
    assert!(!html.to_ascii_lowercase().contains("javascript:"), "{html}");
    assert!(html.contains(r#"<span class="unlinked">Vaarallinen linkki</span>"#));
}

#[test]
fn an_email_address_cannot_smuggle_mailto_parameters() {
    // Validation refuses such an address; the renderer must hold even if it were bypassed.
    let mut n = notice();
    n.organisation.emails =
        vec!["tietosuoja@kaarea.fi?bcc=attacker%40evil.example&cc=x@y.fi".into()];
    let html = block_on(notice_html(&n, "fi", &page(None)));
    let href =
        r#"href="mailto:tietosuoja@kaarea.fi%3Fbcc%3Dattacker%2540evil.example%26cc%3Dx@y.fi""#;
    assert!(html.contains(href), "{html}");
    let mailtos: Vec<&str> = html.split("href=\"mailto:").skip(1).collect();
    assert!(!mailtos.is_empty());
    for m in mailtos {
        let target = &m[..m.find('"').unwrap()];
        assert!(!target.contains(['?', '&', '#']), "{target}");
    }
}

#[test]
fn headings_are_in_order_and_sections_are_anchored() {
    let html = render_notice("fi");
    assert_eq!(html.matches("<h1").count(), 1);
    let levels: Vec<u8> = html
        .match_indices("<h")
        .filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10))
        .map(|d| d as u8)
        .collect();
    assert_eq!(levels[0], 1);
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "heading skips a level: {levels:?}");
    }
    let controller = html.find(r#"<section id="controller"><h2>Rekisterinpitäjä</h2>"#);
    let recipients = html.find(r#"<section id="recipients">"#);
    let rights = html.find(r#"<section id="rights">"#);
    assert!(controller < recipients && recipients < rights, "{html}");
}

#[test]
fn a_processor_notice_names_the_organisation_processor() {
    let mut n = notice();
    n.role.acts_as = seloste_schema::vocab::RoleKind::Processor;
    let html = block_on(notice_html(&n, "fi", &PageContext::default()));
    assert!(html.contains(r#"<section id="controller"><h2>Henkilötietojen käsittelijä</h2>"#));
    assert!(html.contains(r#"<section id="role">"#));
}

#[test]
fn the_change_log_lists_versions_newest_first_with_finnish_dates() {
    let html = block_on(history_html(&history(), "fi", &page(None)));
    let v3 = html.find("Versio 3").unwrap();
    let v2 = html.find("Versio 2").unwrap();
    let v1 = html.find("Versio 1").unwrap();
    assert!(v3 < v2 && v2 < v1);
    for date in [
        "3.2.2025",
        "1.6.2024",
        "15.1.2024",
        "voimassa alkaen 1.7.2024",
    ] {
        assert!(html.contains(date), "missing {date}");
    }
    assert_eq!(html.matches("<details>").count(), 2);
    // Version 1's summary is said once, not followed by a stock "first published version".
    assert_eq!(html.matches("Ensimmäinen versio.").count(), 1);
    assert!(!html.contains("Ensimmäinen julkaistu versio."));
    assert!(html.contains("Lisätty: </span><ins>Maksu Oy"));
    assert!(html.contains(r#"href="/acme/asiakasrekisteri/diff/2/3""#));
    assert!(html.contains(r#"href="/acme/asiakasrekisteri/v/1""#));
}

#[test]
fn a_diff_page_shows_one_diff() {
    let html = block_on(diff_html(&history(), 1, 3, "en", &page(None)));
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("Transfers outside the EU or EEA"), "{html}");
    assert!(html.contains("<h2>"));
    let missing = block_on(diff_html(&history(), 1, 9, "en", &page(None)));
    assert!(missing.contains("<h1"));
}

#[test]
fn a_standalone_page_links_nowhere() {
    let html = block_on(notice_html(&notice(), "fi", &PageContext::default()));
    assert!(!html.contains("/history"));
    assert!(!html.contains("Muutoshistoria"));
}

/// Every fact of the schema's every-field notice (`schema/tests/data/every-field.json`, which sets
/// every field the JSON Schema declares) is on its page in each language: a new field that the
/// renderer forgets fails here, whatever its name.
mod every_field {
    use serde_json::Value;

    use super::*;
    use crate::i18n::place;
    use seloste_schema::duration::humanize;
    use seloste_schema::party::Jurisdiction;
    use seloste_schema::vocab::*;

    const EVERY_FIELD: &str = include_str!("../../schema/tests/data/every-field.json");

    /// Fields whose values are not shown as written, each with why.
    const NOT_SHOWN: &[(&str, &str)] = &[
        ("$schema", "a hint for editors"),
        ("format", "the file format"),
        ("id", "the notice's address"),
        ("languages", "shown as the language switch, by name"),
        ("updated", "shown as a localized date, checked below"),
        ("effective", "shown as a localized date, checked below"),
        (
            "advance_notice_days",
            "a number inside a sentence, checked below",
        ),
    ];

    /// `value` of a vocabulary field as the page words it, or `None` for a field of free text.
    fn label(key: &str, value: &str, lang: &str) -> Option<String> {
        let json = Value::from(value);
        let with_article = |label: &str, article: &str| format!("{label} ({article})");
        Some(match key {
            "legal_bases" => {
                let b: LegalBasis = serde_json::from_value(json).unwrap();
                with_article(b.label(lang), b.article())
            }
            "special_category_conditions" | "special_category_condition" => {
                let c: SpecialCategoryCondition = serde_json::from_value(json).unwrap();
                with_article(c.label(lang), c.article())
            }
            "safeguards" => {
                let s: Safeguard = serde_json::from_value(json).unwrap();
                with_article(s.label(lang), s.article())
            }
            "rights" => serde_json::from_value::<Right>(json)
                .unwrap()
                .label(lang)
                .into(),
            "role" => serde_json::from_value::<RecipientRole>(json)
                .unwrap()
                .label(lang)
                .into(),
            "acts_as" => serde_json::from_value::<RoleKind>(json)
                .unwrap()
                .label(lang)
                .into(),
            "kind" => serde_json::from_value::<RequirementKind>(json)
                .unwrap()
                .label(lang)
                .into(),
            "jurisdiction" => serde_json::from_value::<Jurisdiction>(json)
                .unwrap()
                .label(lang)
                .into(),
            "location" => place(value, lang),
            "min_duration" | "max_duration" => humanize(value, lang),
            _ => return None,
        })
    }

    /// Every string of `v` as the page in `lang` shows it, with its path.
    fn facts(v: &Value, path: &str, key: &str, lang: &str, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) if NOT_SHOWN.iter().any(|(k, _)| *k == key) => {}
            Value::String(s) => {
                let shown = label(key, s, lang).unwrap_or_else(|| s.clone());
                out.push((path.to_owned(), shown));
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    facts(x, &format!("{path}[{i}]"), key, lang, out);
                }
            }
            Value::Object(map) if map.keys().all(|k| ["fi", "sv", "en"].contains(&k.as_str())) => {
                facts(&map[lang], &format!("{path}.{lang}"), key, lang, out);
            }
            Value::Object(map) => {
                for (k, x) in map {
                    facts(x, &format!("{path}.{k}"), k, lang, out);
                }
            }
            _ => {}
        }
    }

    /// The page's visible text: tags dropped, entities decoded.
    fn visible(html: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
    }

    /// The fixture without one of the two fields a notice cannot have together.
    fn without(field: &str) -> Value {
        let mut v: Value = serde_json::from_str(EVERY_FIELD).unwrap();
        v.as_object_mut().unwrap().remove(field);
        v
    }

    #[test]
    fn every_fact_of_the_every_field_notice_is_on_its_page() {
        for json in [without("dpo_not_appointed"), without("dpo")] {
            let n: Notice = serde_json::from_value(json.clone()).unwrap();
            for lang in ["fi", "sv", "en"] {
                let html = block_on(notice_html(&n, lang, &PageContext::default()));
                let text = visible(&html);
                let mut all = Vec::new();
                facts(&json, "", "", lang, &mut all);
                let missing: Vec<_> = all
                    .iter()
                    .filter(|(path, fact)| {
                        if path.contains(".href") {
                            !html.contains(&format!("href=\"{fact}\""))
                        } else {
                            !text.contains(fact.as_str())
                        }
                    })
                    .collect();
                assert!(missing.is_empty(), "{lang}: not on the page: {missing:#?}");
                // The facts the walk leaves to sentences and dates.
                let days = n.changes.as_ref().unwrap().advance_notice_days.unwrap();
                assert!(
                    text.contains(&format!(" {days} ")),
                    "{lang}: advance notice"
                );
                let effective = n.effective.unwrap().localized(lang);
                assert!(text.contains(&effective), "{lang}: effective date");
            }
        }
    }

    #[test]
    fn the_notices_own_headings_and_numbers_head_its_sections() {
        let n: Notice = serde_json::from_value(without("dpo_not_appointed")).unwrap();
        let html = block_on(notice_html(&n, "sv", &PageContext::default()));
        assert!(html.contains("<h2>6. Del 6</h2>"), "register: {html}");
        assert!(html.contains("<h2>21. Kakor</h2>"), "other section");
        // A heading without this language's words keeps its number and the standard words.
        let mut v = without("dpo_not_appointed");
        v["headings"]["purposes"]["text"] = serde_json::json!({"fi": "Käyttötarkoitus"});
        let n: Notice = serde_json::from_value(v).unwrap();
        let html = block_on(notice_html(&n, "en", &PageContext::default()));
        assert!(
            html.contains("<h2>7. Purposes of processing</h2>"),
            "{html}"
        );
    }

    #[test]
    fn data_items_say_which_are_required() {
        let n: Notice = serde_json::from_value(without("dpo")).unwrap();
        let html = block_on(notice_html(&n, "fi", &PageContext::default()));
        assert!(
            html.contains("Lääkitys <em class=\"tag\">(vapaaehtoinen)</em>"),
            "{html}"
        );
        let html = block_on(notice_html(&n, "en", &PageContext::default()));
        assert!(html.contains("Medication <em class=\"tag\">(voluntary)</em>"));
        assert!(html.contains("No data protection officer has been appointed."));
    }
}

/// "No transfers" is said once: the stock sentence gives way to the notice's own words.
#[test]
fn no_transfers_is_said_once() {
    let mut n = notice();
    let t = n
        .transfers
        .get_or_insert_with(|| seloste_schema::sections::Transfers {
            outside_eea: false,
            items: vec![],
            notes: vec![],
        });
    t.outside_eea = false;
    t.items.clear();
    t.notes.clear();
    let html = block_on(notice_html(&n, "fi", &page(None)));
    assert!(html.contains("Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle."));
    n.transfers.as_mut().unwrap().notes = vec![seloste_schema::Block::Paragraph(
        seloste_schema::Text::new("fi", "Tietoja ei siirretä EU/ETA-alueen ulkopuolelle."),
    )];
    let html = block_on(notice_html(&n, "fi", &page(None)));
    assert!(!html.contains("Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle."));
    assert_eq!(html.matches("ei siirretä").count(), 1, "{html}");
}

/// A page shows the day the notice takes effect when it is not a day already shown.
#[test]
fn the_effective_date_is_shown_when_it_differs() {
    let mut n = notice();
    n.effective = n.updated;
    let html = block_on(notice_html(&n, "en", &page(None)));
    assert!(!html.contains("In effect from"));
    n.effective = seloste_schema::Date::from_ymd(2031, 7, 1);
    let html = block_on(notice_html(&n, "en", &page(None)));
    assert!(html.contains("In effect from 1 July 2031"), "{html}");
}
