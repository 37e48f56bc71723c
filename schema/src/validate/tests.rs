//! One test per rule: each starts from a complete, valid notice and breaks exactly one thing.

use serde_json::{json, Value};

use super::{check_json, said, validate_document, validate_notice, Report, Severity};
use crate::document::parse;
use crate::notice::Notice;

const COMPLETE: &str = include_str!("../../tests/data/complete.json");

fn complete() -> Value {
    serde_json::from_str(COMPLETE).unwrap()
}

fn report_of(v: &Value) -> Report {
    let notice: Notice = serde_json::from_value(v.clone()).unwrap();
    sayable(validate_notice(&notice))
}

/// `r`, after checking that every problem in it can be said in Finnish and Swedish: it has a code,
/// the code's English text with its values is the `message`, and the Finnish and Swedish texts are
/// other words with every placeholder filled. Every report these tests make goes through here, so
/// every broken notice below is also a case of this rule.
#[track_caller]
fn sayable(r: Report) -> Report {
    for p in &r.problems {
        let code = p.code.unwrap_or_else(|| panic!("no code: {p:#?}"));
        assert_eq!(p.message_in("en"), p.message, "{code:?}");
        let placeholders: std::collections::BTreeSet<&str> =
            said::placeholders(code.get("en")).into_iter().collect();
        let values: std::collections::BTreeSet<&str> =
            p.values.keys().map(String::as_str).collect();
        assert_eq!(
            placeholders, values,
            "{code:?}: the values are not its placeholders"
        );
        for lang in ["fi", "sv-FI"] {
            let text = p.message_in(lang);
            assert_ne!(text, p.message, "{code:?} in {lang} is English");
            for name in &placeholders {
                assert!(!text.contains(&format!("{{{name}}}")), "{lang}: {text}");
            }
        }
    }
    r
}

/// Applies `change` to the complete notice and validates it.
fn with(change: impl FnOnce(&mut Value)) -> Report {
    let mut v = complete();
    change(&mut v);
    report_of(&v)
}

#[track_caller]
fn assert_error(r: &Report, path: &str, words: &str) {
    assert!(
        r.errors()
            .any(|p| p.path == path && p.message.contains(words)),
        "expected an error at {path} containing {words:?}, got {:#?}",
        r.problems
    );
}

#[track_caller]
fn assert_finding(r: &Report, article: &str, path: &str) {
    assert!(
        r.findings()
            .any(|p| p.article.as_deref() == Some(article) && p.path == path),
        "expected finding {article} at {path}, got {:#?}",
        r.problems
    );
    assert!(
        !r.has_errors(),
        "a missing element is a finding, not an error: {:#?}",
        r.problems
    );
}

#[test]
fn the_complete_notice_is_clean() {
    let r = report_of(&complete());
    assert!(r.is_clean(), "{:#?}", r.problems);
}

// ---- errors -------------------------------------------------------------------------------

#[test]
fn unknown_format_versions_are_refused() {
    assert_error(
        &with(|v| v["format"] = json!(2)),
        "format",
        "unsupported format 2",
    );
}

#[test]
fn ids_are_organisation_slash_notice() {
    for bad in [
        "acme",
        "Acme/customers",
        "acme/",
        "acme/cust omers",
        "../etc",
        "acme/customers/x",
    ] {
        assert_error(&with(|v| v["id"] = json!(bad)), "id", "is not an id");
    }
}

#[test]
fn languages_are_codes_listed_once() {
    assert_error(
        &with(|v| v["languages"] = json!([])),
        "languages",
        "at least one language",
    );
    assert_error(
        &with(|v| v["languages"] = json!(["fi", "English"])),
        "languages[1]",
        "not a language code",
    );
    assert_error(
        &with(|v| v["languages"] = json!(["fi", "en", "fi"])),
        "languages[2]",
        "listed twice",
    );
}

#[test]
fn every_text_has_every_language() {
    let r = with(|v| v["title"] = json!({"fi": "Seloste"}));
    assert_error(&r, "title", "missing the `en` translation");
    let r = with(|v| v["purposes"][1]["legitimate_interest"] = json!({"fi": "x"}));
    assert_error(
        &r,
        "purposes[1].legitimate_interest",
        "missing the `en` translation",
    );
}

#[test]
fn texts_carry_no_undeclared_language() {
    let r = with(|v| v["title"]["sv"] = json!("Dataskyddsbeskrivning"));
    assert_error(&r, "title.sv", "not one of the notice's languages");
}

#[test]
fn required_text_is_not_blank() {
    assert_error(
        &with(|v| v["title"]["en"] = json!("  ")),
        "title.en",
        "must not be empty",
    );
    assert_error(
        &with(|v| v["organisation"]["name"] = json!("")),
        "organisation.name",
        "must not be empty",
    );
    let r = with(|v| v["organisation"]["postal_address"]["city"] = json!(""));
    assert_error(&r, "organisation.postal_address.city", "must not be empty");
}

#[test]
fn emails_are_checked() {
    let r = with(|v| v["contact"]["emails"][0] = json!("maija at acme"));
    assert_error(&r, "contact.emails[0]", "is not an email address");
    let r = with(|v| {
        v["organisation"]["emails"][0] = json!("tietosuoja@kaarea.fi?bcc=attacker%40evil.example")
    });
    assert_error(&r, "organisation.emails[0]", "cannot carry parameters");
    let r = with(|v| v["dpo"]["emails"][0] = json!("mailto:dpo@acme.example"));
    assert_error(&r, "dpo.emails[0]", "without `mailto:`");
    let r = with(
        |v| v["introduction"] = json!([{"links": [{"href": "mailto:info@acme.example?bcc=x@evil.example", "label": {"fi": "x", "en": "x"}}]}]),
    );
    assert_error(&r, "introduction[0].links[0].href", "a subject and a body");
}

#[test]
fn phone_numbers_are_checked() {
    let r = with(|v| v["organisation"]["phones"][0]["number"] = json!("call us"));
    assert_error(&r, "organisation.phones[0].number", "is not a phone number");
    let r = with(|v| v["organisation"]["phones"][0]["number"] = json!("112 4"));
    assert_error(
        &r,
        "organisation.phones[0].number",
        "has 4 digit(s); a phone number has at least 5",
    );
}

#[test]
fn links_allow_only_https_http_mailto_and_tel() {
    let r = with(|v| {
        v["introduction"] =
            json!([{"links": [{"href": "javascript:alert(1)", "label": {"fi": "x", "en": "x"}}]}])
    });
    assert_error(
        &r,
        "introduction[0].links[0].href",
        "links may only use https, http, mailto, tel",
    );
    let r = with(|v| v["organisation"]["web"] = json!("mailto:info@acme.example"));
    assert_error(&r, "organisation.web", "links may only use https, http");
    let r = with(|v| v["complaint_authorities"][0]["web"] = json!("tietosuoja.fi"));
    assert_error(&r, "complaint_authorities[0].web", "not an absolute link");
}

#[test]
fn no_text_holds_control_characters_noncharacters_or_bidi_controls() {
    // Every kind of field that holds text: translations, names, addresses, prose, labels.
    type Set = fn(&mut Value, &str);
    let fields: [(&str, Set); 8] = [
        ("title.en", |v, s| v["title"]["en"] = json!(s)),
        ("organisation.name", |v, s| {
            v["organisation"]["name"] = json!(s)
        }),
        ("organisation.postal_address.street", |v, s| {
            v["organisation"]["postal_address"]["street"] = json!(s)
        }),
        ("contact.name", |v, s| v["contact"]["name"] = json!(s)),
        ("introduction[0].paragraph.fi", |v, s| {
            v["introduction"][0]["paragraph"]["fi"] = json!(s)
        }),
        ("security.technical[0].list[0].en", |v, s| {
            v["security"]["technical"][0]["list"][0]["en"] = json!(s)
        }),
        ("organisation.phones[0].label.fi", |v, s| {
            v["organisation"]["phones"][0]["label"]["fi"] = json!(s)
        }),
        ("json_schema", |v, s| v["$schema"] = json!(s)),
    ];
    for (path, set) in fields {
        let path = if path == "json_schema" {
            "$schema"
        } else {
            path
        };
        for (bad, words) in [
            ("Rivi\u{b}toinen", "U+000B, a control character"),
            ("Nimi\r", "U+000D, a control character"),
            ("x\u{85}", "U+0085, a control character"),
            ("x\u{7f}", "U+007F, a control character"),
            ("x\u{fffe}", "U+FFFE, a Unicode noncharacter"),
            ("x\u{fdd0}", "U+FDD0, a Unicode noncharacter"),
            ("Acme\u{202e}yO", "U+202E, a bidirectional control"),
            ("Acme\u{2067}x\u{2069}", "U+2067, a bidirectional control"),
        ] {
            let mut v = complete();
            set(&mut v, bad);
            assert_error(&report_of(&v), path, words);
        }
        let mut v = complete();
        set(
            &mut v,
            "Tab\tand\nline feed, \u{200f}marks\u{200e} and ä€ are fine",
        );
        let r = report_of(&v);
        assert!(!r.has_errors(), "{path}: {:#?}", r.problems);
    }
    // A history's change summaries too.
    let mut v = version(1, "2024-05-01");
    v["summary"]["fi"] = json!("Muutos\u{b}");
    assert_error(&history(vec![v]), "versions[0].summary.fi", "U+000B");
    // A link with a bidirectional control is refused once, as a link.
    let r = with(|v| v["organisation"]["web"] = json!("https://exa\u{202e}lpmaxe.evil"));
    assert_eq!(r.errors().count(), 1, "{:#?}", r.problems);
}

#[test]
fn finnish_business_ids_have_a_valid_check_digit() {
    let r = with(|v| v["organisation"]["business_id"] = json!("2925981-6"));
    assert_error(&r, "organisation.business_id", "check digit should be 7");
}

#[test]
fn retention_durations_are_iso_8601() {
    let r = with(|v| v["retention"]["rules"][0]["max_duration"] = json!("24 months"));
    assert_error(
        &r,
        "retention.rules[0].max_duration",
        "not an ISO 8601 duration",
    );
}

#[test]
fn locations_are_country_codes() {
    let r = with(|v| v["recipients"]["items"][0]["location"] = json!("Finland"));
    assert_error(&r, "recipients.items[0].location", "not a country code");
    let r = with(|v| v["recipients"]["items"][0]["location"] = json!("UK"));
    assert_error(&r, "recipients.items[0].location", "write `GB`");
    let r = with(|v| v["recipients"]["items"][0]["location"] = json!("XX"));
    assert_error(&r, "recipients.items[0].location", "not a country code");
    let transfer = json!({"recipient": {"fi": "X", "en": "X"}, "country": "UK", "safeguard": "adequacy_decision"});
    let r = with(|v| v["transfers"] = json!({"outside_eea": true, "items": [transfer]}));
    assert_error(&r, "transfers.items[0].country", "write `GB`");
}

#[test]
fn aland_and_the_outermost_regions_are_inside_the_eea() {
    for code in ["AX", "GF", "GP", "MQ", "RE", "YT", "MF"] {
        let r = with(|v| v["recipients"]["items"][0]["location"] = json!(code));
        assert!(r.is_clean(), "{code}: {:#?}", r.problems);
        let inside = json!({"recipient": {"fi": "X", "en": "X"}, "country": code, "safeguard": "adequacy_decision"});
        let r = with(|v| v["transfers"] = json!({"outside_eea": true, "items": [inside]}));
        assert_error(&r, "transfers.items[0].country", "inside the EU/EEA");
    }
}

#[test]
fn transfers_contradicting_themselves_are_errors() {
    let transfer = json!({"recipient": {"fi": "X", "en": "X"}, "country": "US", "safeguard": "standard_contractual_clauses"});
    let r = with(|v| v["transfers"] = json!({"outside_eea": false, "items": [transfer]}));
    assert_error(&r, "transfers.items", "`outside_eea` is false");
    let inside = json!({"recipient": {"fi": "X", "en": "X"}, "country": "SE", "safeguard": "adequacy_decision"});
    let r = with(|v| v["transfers"] = json!({"outside_eea": true, "items": [inside]}));
    assert_error(&r, "transfers.items[0].country", "inside the EU/EEA");
}

#[test]
fn closed_sets_list_each_term_once() {
    let r = with(|v| v["rights"]["rights"] = json!(["access", "access"]));
    assert_error(&r, "rights.rights[1]", "listed twice");
}

#[test]
fn empty_lists_and_sections_are_errors() {
    assert_error(
        &with(|v| v["security"]["technical"] = json!([{"list": []}])),
        "security.technical[0].list",
        "at least one item",
    );
    assert_error(
        &with(|v| v["data_subjects"][0]["data"] = json!([])),
        "data_subjects[0].data",
        "at least one kind of data",
    );
    assert_error(
        &with(|v| v["recipients"] = json!({})),
        "recipients",
        "say that there are none",
    );
    assert_error(
        &with(|v| v["contact"] = json!({})),
        "contact",
        "a name or a way to reach them",
    );
}

#[test]
fn shape_errors_name_the_path_line_and_column() {
    let (doc, r) = check_json("{\"format\": 1,\n \"id\": 5}");
    let r = sayable(r);
    assert!(doc.is_none());
    let p = r.errors().next().unwrap();
    assert_eq!(p.path, "id");
    assert!(p.message.contains("line 2"), "{}", p.message);
}

// ---- completeness findings ---------------------------------------------------------------------

#[test]
fn each_missing_element_is_a_finding_with_its_article() {
    let cases = [
        ("purposes", "13(1)(c)", "purposes"),
        ("recipients", "13(1)(e)", "recipients"),
        ("transfers", "13(1)(f)", "transfers"),
        ("retention", "13(2)(a)", "retention"),
        ("requirement", "13(2)(e)", "requirement"),
        ("automated_decisions", "13(2)(f)", "automated_decisions"),
        ("data_subjects", "14(1)(d)", "data_subjects"),
        ("sources", "14(2)(f)", "sources"),
    ];
    for (field, article, path) in cases {
        let r = with(|v| {
            v.as_object_mut().unwrap().remove(field);
        });
        assert_finding(&r, article, path);
    }
}

#[test]
fn controller_contact_details_are_required() {
    let r = with(|v| v["organisation"] = json!({"name": "Acme Oy"}));
    assert_finding(&r, "13(1)(a)", "organisation");
}

#[test]
fn every_purpose_needs_a_legal_basis() {
    let r = with(|v| v["purposes"][0]["legal_bases"] = json!([]));
    assert_finding(&r, "13(1)(c)", "purposes[0].legal_bases");
    let r = with(|v| {
        v["purposes"][0]["legal_bases"] = json!([]);
        v["purposes"][1]["legal_bases"] = json!([]);
    });
    assert_finding(&r, "13(1)(c)", "lawfulness");
    // A notice-wide basis covers every purpose, as real notices usually state it.
    let r = with(|v| {
        v["purposes"][0]["legal_bases"] = json!([]);
        v["lawfulness"] = json!({"legal_bases": ["contract"]});
    });
    assert!(r.is_clean(), "{:#?}", r.problems);
}

#[test]
fn legitimate_interests_must_be_stated() {
    let r = with(|v| {
        v["purposes"][1]
            .as_object_mut()
            .unwrap()
            .remove("legitimate_interest")
            .map(|_| ())
            .unwrap()
    });
    assert_finding(&r, "13(1)(d)", "purposes[1].legitimate_interest");
    let r = with(|v| v["lawfulness"] = json!({"legal_bases": ["legitimate_interests"]}));
    assert_finding(&r, "13(1)(d)", "lawfulness.legitimate_interests");
}

#[test]
fn recipients_outside_the_eea_need_a_declared_transfer() {
    let r = with(|v| v["recipients"]["items"][0]["location"] = json!("US"));
    assert_finding(&r, "13(1)(f)", "recipients.items[0].location");
    let r = with(|v| v["transfers"] = json!({"outside_eea": true}));
    assert_finding(&r, "13(1)(f)", "transfers.items");
}

#[test]
fn a_recipient_outside_the_eea_needs_a_transfer_naming_it() {
    let us_transfer = |name: &str| json!({"recipient": {"fi": name, "en": name}, "country": "US", "safeguard": "standard_contractual_clauses"});
    let add_us_recipient = |v: &mut Value| {
        v["recipients"]["items"].as_array_mut().unwrap().push(
            json!({"name": {"fi": "Mailcomet Inc.", "en": "Mailcomet Inc."}, "role": "processor", "location": "US"}),
        );
    };
    // A transfer to someone else does not cover it (today's miss).
    let r = with(|v| {
        add_us_recipient(v);
        v["recipients"]["items"].as_array_mut().unwrap().push(
            json!({"name": {"fi": "Other Inc.", "en": "Other Inc."}, "role": "processor", "location": "IN"}),
        );
        v["transfers"] = json!({"outside_eea": true, "items": [us_transfer("Other Inc.")]});
    });
    assert_finding(&r, "13(1)(f)", "recipients.items[1].location");
    assert!(r
        .findings()
        .any(|p| p.message.contains("no transfer names it")));
    assert_eq!(r.findings().count(), 1, "{:#?}", r.problems);
    // A transfer naming it, in any case and spacing, does.
    let r = with(|v| {
        add_us_recipient(v);
        v["transfers"] = json!({"outside_eea": true, "items": [us_transfer("mailcomet  INC.")]});
    });
    assert!(r.is_clean(), "{:#?}", r.problems);
    // A recipient in Åland is inside the EU/EEA: no transfer needed.
    let r = with(|v| v["recipients"]["items"][0]["location"] = json!("AX"));
    assert!(r.is_clean(), "{:#?}", r.problems);
}

#[test]
fn a_transfer_names_a_listed_recipient() {
    let r = with(|v| {
        v["transfers"] = json!({"outside_eea": true, "items": [
            {"recipient": {"fi": "Mailcomet Inc.", "en": "Mailcomet Inc."}, "country": "US", "safeguard": "standard_contractual_clauses"}
        ]})
    });
    assert_finding(&r, "13(1)(e)", "transfers.items[0].recipient");
    assert_eq!(r.findings().count(), 1, "{:#?}", r.problems);
}

#[test]
fn a_controller_outside_the_eea_names_its_representative() {
    for country in ["US", "United States", "GB"] {
        let r = with(|v| v["organisation"]["postal_address"]["country"] = json!(country));
        assert_finding(&r, "13(1)(a)", "representative");
        assert_eq!(r.findings().count(), 1, "{country}: {:#?}", r.problems);
    }
    let r = with(|v| {
        v["organisation"]["postal_address"]["country"] = json!("United States");
        v["representative"] = json!({"name": "Acme EU Oy", "emails": ["eu@acme.example"]});
    });
    assert!(r.is_clean(), "{:#?}", r.problems);
    // Inside the EU/EEA, or a country the list does not know: no finding.
    for country in ["Finland", "AX", "Suomi"] {
        let r = with(|v| v["organisation"]["postal_address"]["country"] = json!(country));
        assert!(r.is_clean(), "{country}: {:#?}", r.problems);
    }
}

#[test]
fn each_right_of_13_2_b_is_required() {
    for right in [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "object",
        "portability",
    ] {
        let r = with(|v| {
            let rights = v["rights"]["rights"].as_array_mut().unwrap();
            rights.retain(|x| x != right);
        });
        assert_finding(&r, "13(2)(b)", "rights.rights");
        assert_eq!(r.findings().count(), 1, "{right}: {:#?}", r.problems);
    }
}

#[test]
fn consent_needs_the_right_to_withdraw_it() {
    let r = with(|v| v["purposes"][0]["legal_bases"] = json!(["consent"]));
    assert_finding(&r, "13(2)(c)", "rights.rights");
    let r = with(|v| {
        v["purposes"][0]["legal_bases"] = json!(["consent"]);
        v["rights"]["rights"]
            .as_array_mut()
            .unwrap()
            .push(json!("withdraw_consent"));
    });
    assert!(r.is_clean(), "{:#?}", r.problems);
}

#[test]
fn the_right_to_complain_is_required() {
    let r = with(|v| {
        v.as_object_mut().unwrap().remove("complaint_authorities");
        v["rights"]["rights"]
            .as_array_mut()
            .unwrap()
            .retain(|x| x != "complaint");
    });
    assert_finding(&r, "13(2)(d)", "complaint_authorities");
    assert_eq!(
        r.findings().next().unwrap().to_string(),
        "13(2)(d): the notice does not tell the data subject of the right to lodge a complaint with a supervisory authority"
    );
}

#[test]
fn automated_decisions_need_an_explanation() {
    let r = with(|v| v["automated_decisions"] = json!({"exists": true}));
    assert_finding(&r, "13(2)(f)", "automated_decisions.description");
}

#[test]
fn special_categories_need_an_article_9_condition() {
    let r = with(|v| v["data_subjects"][0]["data"][0]["special_category"] = json!(true));
    assert_finding(&r, "9(2)", "lawfulness.special_category_conditions");
}

// ---- histories ---------------------------------------------------------------------------------

fn history(versions: Vec<Value>) -> Report {
    let doc = json!({"format": 1, "id": "acme/customers", "versions": versions});
    sayable(validate_document(&parse(&doc.to_string()).unwrap()))
}

fn version(n: u32, published: &str) -> Value {
    json!({"number": n, "published": published, "summary": {"fi": "Muutos", "en": "Change"}, "notice": complete()})
}

#[test]
fn a_valid_history_is_clean() {
    let r = history(vec![
        version(1, "2024-01-01"),
        version(2, "2024-01-01"),
        version(3, "2025-06-30"),
    ]);
    assert!(r.is_clean(), "{:#?}", r.problems);
}

#[test]
fn history_numbers_run_without_gaps() {
    let r = history(vec![version(1, "2024-01-01"), version(3, "2024-02-01")]);
    assert_error(&r, "versions[1].number", "expected 2, found 3");
    assert_error(
        &history(vec![version(0, "2024-01-01")]),
        "versions[0].number",
        "expected 1",
    );
    assert_error(&history(vec![]), "versions", "at least one");
}

#[test]
fn a_history_written_newest_first_is_one_error_that_says_so() {
    let r = history(vec![
        version(3, "2025-06-30"),
        version(2, "2024-01-01"),
        version(1, "2024-01-01"),
    ]);
    let errors: Vec<_> = r.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_error(&r, "versions", "newest first");
    // Two versions out of order are not "newest first" unless they are the whole history reversed.
    let r = history(vec![version(2, "2024-01-01"), version(3, "2024-01-01")]);
    assert!(!r.errors().any(|p| p.message.contains("newest first")));
}

#[test]
fn history_dates_never_go_back() {
    let r = history(vec![version(1, "2024-05-01"), version(2, "2024-04-30")]);
    assert_error(&r, "versions[1].published", "never go back");
    let mut v = version(1, "2024-05-01");
    v["effective"] = json!("2024-04-01");
    assert_error(
        &history(vec![v]),
        "versions[0].effective",
        "before the publication date",
    );
}

#[test]
fn dates_fall_between_1995_and_2100() {
    let r = with(|v| v["updated"] = json!("9999-12-31"));
    assert_error(&r, "updated", "between 1995 and 2100");
    let r = with(|v| v["updated"] = json!("1994-12-31"));
    assert_error(&r, "updated", "between 1995 and 2100");
    assert!(with(|v| v["updated"] = json!("1995-01-01")).is_clean());
    let mut v = version(1, "1990-05-01");
    v["effective"] = json!("2101-01-01");
    let r = history(vec![v]);
    assert_error(&r, "versions[0].published", "between 1995 and 2100");
    assert_error(&r, "versions[0].effective", "between 1995 and 2100");
}

#[test]
fn every_version_belongs_to_the_same_notice() {
    let mut v2 = version(2, "2024-06-01");
    v2["notice"]["id"] = json!("acme/other");
    let r = history(vec![version(1, "2024-05-01"), v2]);
    assert_error(&r, "versions[1].notice.id", "same notice");
}

#[test]
fn summaries_are_translated_and_notices_checked_with_their_path() {
    let mut v = version(1, "2024-05-01");
    v["summary"] = json!({"fi": "Muutos"});
    v["notice"]["contact"]["emails"][0] = json!("nope");
    let r = history(vec![v]);
    assert_error(&r, "versions[0].summary", "missing the `en` translation");
    assert_error(
        &r,
        "versions[0].notice.contact.emails[0]",
        "not an email address",
    );
}

#[test]
fn only_the_latest_version_is_checked_for_completeness() {
    let mut old = version(1, "2024-05-01");
    old["notice"].as_object_mut().unwrap().remove("retention");
    let r = history(vec![old.clone(), version(2, "2024-06-01")]);
    assert!(r.is_clean(), "{:#?}", r.problems);
    let r = history(vec![version(1, "2024-05-01"), {
        let mut o = old;
        o["number"] = json!(2);
        o
    }]);
    assert_finding(&r, "13(2)(a)", "versions[1].notice.retention");
}

#[test]
fn severities_sort_errors_first() {
    let r = with(|v| {
        v["title"]["en"] = json!("");
        v.as_object_mut().unwrap().remove("retention");
    });
    assert_eq!(
        r.problems.first().map(|p| p.severity),
        Some(Severity::Error)
    );
}

#[test]
fn texts_under_another_tag_of_a_notice_language_are_one_error_not_two_per_text() {
    // The notice says `en-GB`; every text says `en` (as a person writes it).
    let r = with(|v| {
        let langs = v["languages"].as_array_mut().unwrap();
        let at = langs.iter().position(|l| l == "en").unwrap();
        langs[at] = json!("en-GB");
    });
    let errors: Vec<_> = r.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].path, "title");
    assert!(
        errors[0].message.contains("written under `en`")
            && errors[0].message.contains("say `en-GB`")
            && errors[0].message.contains(r#""languages": ["fi", "en"]"#),
        "{}",
        errors[0].message
    );
    // A text that lacks the language altogether is still a missing translation.
    let r = with(|v| {
        v["title"].as_object_mut().unwrap().remove("en");
    });
    assert_error(&r, "title", "missing the `en` translation");
}

#[test]
fn every_problem_of_the_examples_is_said_in_three_languages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let (doc, r) = check_json(&std::fs::read_to_string(&path).unwrap());
            assert!(doc.is_some(), "{}", path.display());
            seen += sayable(r).problems.len();
        }
    }
    assert!(seen > 0, "the examples have findings to say");
}

#[test]
fn a_problem_is_said_in_the_readers_language_and_read_back_from_json() {
    let r = with(|v| v["contact"]["emails"][0] = json!("maija at acme"));
    let p = r.errors().next().unwrap();
    assert_eq!(p.code, Some(super::Said::NotEmailSpace));
    assert_eq!(
        p.message,
        "`maija at acme` is not an email address (it contains white space)"
    );
    assert_eq!(
        p.message_in("fi"),
        "`maija at acme` ei ole sähköpostiosoite (siinä on välilyöntejä)"
    );
    assert_eq!(
        p.message_in("sv"),
        "`maija at acme` är ingen e-postadress (den innehåller blanksteg)"
    );
    let json = serde_json::to_value(p).unwrap();
    assert_eq!(json["code"], "not_email_space");
    assert_eq!(json["values"], json!({"email": "maija at acme"}));
    assert_eq!(
        serde_json::from_value::<super::Problem>(json.clone()).unwrap(),
        *p
    );
    // An answer from an older edge (no code) or a newer one (a code this reader does not know)
    // still reads, and says its English message.
    for code in [json!(null), json!("something_new")] {
        let mut old = json.clone();
        old["code"] = code;
        let read: super::Problem = serde_json::from_value(old).unwrap();
        assert_eq!(read.code, None);
        assert_eq!(read.message_in("fi"), p.message);
    }
    let mut old = json;
    old.as_object_mut().unwrap().remove("code");
    old.as_object_mut().unwrap().remove("values");
    assert!(serde_json::from_value::<super::Problem>(old).is_ok());
}

#[test]
fn the_parse_error_keeps_the_parsers_words_behind_a_translated_lead() {
    let (_, r) = check_json("{\"format\": 1,\n \"id\": 5}");
    let p = sayable(r).problems.remove(0);
    assert!(
        p.message_in("fi")
            .starts_with("tiedostoa ei voi lukea (rivi 2, sarake"),
        "{}",
        p.message_in("fi")
    );
    assert!(
        p.message_in("sv")
            .starts_with("filen kan inte läsas (rad 2, kolumn"),
        "{}",
        p.message_in("sv")
    );
}
