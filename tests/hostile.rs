//! Hostile input through the `seloste` binary (`validate`, `render`, `diff`): markup in every text,
//! dangerous link schemes, bidi overrides, huge strings and lists, deep nesting, invalid UTF-8 and
//! duplicate keys. The bar: never a panic, exit 2 with a clear message for what is malformed, and
//! rendered pages in which notice text stays text (escaped) and no unsafe link target appears.
//!
//! The notices are built from `schema/tests/data/complete.json` (every section filled in), so the
//! payloads reach every component of the renderer.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{json, Value};

mod common;
use common::{all_output, seloste};

/// Markup that would run or break out of an attribute if any renderer wrote text unescaped.
const PAYLOADS: [&str; 5] = [
    "<script>window.pwned=1</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</p></article><iframe src=javascript:alert(1)>",
    "&lt;b&gt; {{x}} ${x} <!-- -->",
];

/// Link targets that must never become an `href`.
const BAD_HREFS: [&str; 6] = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.domain)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "java\tscript:alert(1)",
    "https://exa\u{202e}lpmaxe.evil",
];

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    common::temp_file("hostile", name, bytes)
}

#[track_caller]
fn assert_no_panic(out: &Output) {
    let all = all_output(out);
    assert!(
        !all.contains("panicked") && !all.contains("RUST_BACKTRACE"),
        "{all}"
    );
    assert!(out.status.code().is_some(), "killed by a signal: {all}");
}

#[track_caller]
fn assert_malformed(out: &Output, needle: &str) {
    assert_no_panic(out);
    let all = all_output(out);
    assert_eq!(out.status.code(), Some(2), "exit 2 expected:\n{all}");
    assert!(all.contains(needle), "expected {needle:?} in:\n{all}");
}

/// The complete notice, with `other_sections` holding a paragraph, a list and links.
fn complete() -> Value {
    let mut n: Value =
        serde_json::from_str(include_str!("../schema/tests/data/complete.json")).unwrap();
    n["other_sections"] = json!([{
        "heading": {"fi": "Muuta", "en": "Other"},
        "body": [
            {"paragraph": {"fi": "Kappale", "en": "Paragraph"}},
            {"list": [{"fi": "Kohta", "en": "Item"}]},
            {"links": [{"href": "https://acme.example/more", "label": {"fi": "Lisää", "en": "More"}}]}
        ]
    }]);
    n
}

/// Appends `payload` to every translated text (the values of `fi`/`en` keys) in `v`.
fn poison_texts(v: &mut Value, payload: &str) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                match child {
                    Value::String(s) if k == "fi" || k == "en" || k == "name" => {
                        s.push(' ');
                        s.push_str(payload);
                    }
                    _ => poison_texts(child, payload),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|c| poison_texts(c, payload)),
        _ => {}
    }
}

/// Sets every `href` in `v` to `href`.
fn set_hrefs(v: &mut Value, href: &str) -> usize {
    match v {
        Value::Object(map) => map
            .iter_mut()
            .map(|(k, child)| {
                if k == "href" {
                    *child = Value::String(href.into());
                    1
                } else {
                    set_hrefs(child, href)
                }
            })
            .sum(),
        Value::Array(items) => items.iter_mut().map(|c| set_hrefs(c, href)).sum(),
        _ => 0,
    }
}

/// `seloste render FILE` to a string (exit 0 expected).
#[track_caller]
fn render(file: &Path) -> String {
    let out = seloste(&["render", file.to_str().unwrap()]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    String::from_utf8(out.stdout).expect("the page is UTF-8")
}

/// Every tag of an HTML page as (name, attributes with their values decoded). Escaped text never
/// holds a `<`, so each `<` starts real markup; quoted attribute values may hold `>`; the contents
/// of `<style>` are skipped.
fn tags(page: &str) -> Vec<(String, Vec<(String, String)>)> {
    let b = page.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = page[i..].find('<') {
        i += off + 1;
        if page[i..].starts_with("!--") {
            i += page[i..].find("-->").expect("closed comment") + 3;
            continue;
        }
        if page[i..].starts_with('!') || page[i..].starts_with('/') {
            i += page[i..].find('>').expect("closed tag") + 1;
            continue;
        }
        let name_len = page[i..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap();
        let name = page[i..i + name_len].to_ascii_lowercase();
        i += name_len;
        let mut attrs = Vec::new();
        loop {
            while b[i].is_ascii_whitespace() || b[i] == b'/' {
                i += 1;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            let n = page[i..]
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>')
                .unwrap();
            let attr = page[i..i + n].to_ascii_lowercase();
            i += n;
            let mut value = String::new();
            if b[i] == b'=' {
                i += 1;
                let (start, stop) = match b[i] {
                    q @ (b'"' | b'\'') => (i + 1, i + 1 + page[i + 1..].find(q as char).unwrap()),
                    _ => (
                        i,
                        i + page[i..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap(),
                    ),
                };
                value = decode(&page[start..stop]);
                i = if stop < b.len() && (b[stop] == b'"' || b[stop] == b'\'') {
                    stop + 1
                } else {
                    stop
                };
            }
            attrs.push((attr, value));
        }
        if name == "style" {
            i += page[i..].find("</style>").expect("closed style");
        }
        out.push((name, attrs));
    }
    out
}

fn decode(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// No payload created a tag or an attribute, and every link goes somewhere safe.
#[track_caller]
fn assert_inert(page: &str) {
    const DANGEROUS: [&str; 8] = [
        "script", "img", "svg", "iframe", "object", "embed", "form", "base",
    ];
    let tags = tags(page);
    assert!(tags.iter().any(|(n, _)| n == "article"), "a rendered page");
    for (name, attrs) in &tags {
        assert!(!DANGEROUS.contains(&name.as_str()), "<{name}> in the page");
        for (attr, value) in attrs {
            assert!(!attr.starts_with("on"), "<{name} {attr}=…> in the page");
            if matches!(attr.as_str(), "href" | "src" | "action" | "formaction") {
                let lower = value.to_ascii_lowercase();
                assert!(
                    ["https://", "http://", "mailto:", "tel:", "#", "?"]
                        .iter()
                        .any(|s| lower.starts_with(s))
                        && !value.chars().any(|c| c.is_control() || c.is_whitespace()),
                    "<{name} {attr}={value:?}> in the page"
                );
            }
        }
    }
}

#[test]
fn markup_in_every_text_is_escaped_by_render() {
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let mut n = complete();
        poison_texts(&mut n, payload);
        let f = temp_file(&format!("xss-{i}.json"), n.to_string().as_bytes());
        // Markup in text is not malformed: it is text, published as written (exit 0 or 1).
        let out = seloste(&["validate", f.to_str().unwrap()]);
        assert_no_panic(&out);
        assert_ne!(out.status.code(), Some(2), "{}", all_output(&out));

        let page = render(&f);
        assert_inert(&page);
        // The payload is there, as escaped text, as often as it was put in (title: also <title>).
        let escaped = payload
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            page.contains(&escaped.replace('"', "&quot;")) || page.contains(&escaped),
            "payload {payload:?} not found escaped"
        );
    }
}

#[test]
fn dangerous_link_schemes_are_refused_and_never_rendered_as_links() {
    for (i, href) in BAD_HREFS.iter().enumerate() {
        let mut n = complete();
        assert_eq!(set_hrefs(&mut n, href), 1);
        n["organisation"]["web"] = Value::String((*href).into());
        let f = temp_file(&format!("href-{i}.json"), n.to_string().as_bytes());
        let out = seloste(&["validate", f.to_str().unwrap()]);
        assert_malformed(&out, "other_sections[0].body[2].links[0].href");
        // `render` refuses a malformed notice, naming the link, and writes no page. (The
        // renderer's own defence, for notices that never went through validation, is tested in
        // widget/src/components/prose.rs and, in the browser, by tests/browser/hostile.test.js.)
        let out = seloste(&["render", f.to_str().unwrap()]);
        assert_malformed(&out, "other_sections[0].body[2].links[0].href");
        assert!(out.stdout.is_empty(), "no page for a malformed notice");
    }
}

#[test]
fn bidi_overrides_are_refused_in_text_and_in_links() {
    // In text they would make what follows read differently from what it says (issue 9):
    // validation refuses them (schema/src/validate/hygiene.rs) and `render` writes no page.
    let mut n = complete();
    poison_texts(&mut n, "\u{202e}moc.elpmaxe\u{202c} \u{2066}x\u{2069}");
    let f = temp_file("bidi.json", n.to_string().as_bytes());
    let out = seloste(&["validate", f.to_str().unwrap()]);
    assert_malformed(
        &out,
        "organisation.name: contains U+202E, a bidirectional control",
    );
    let out = seloste(&["render", f.to_str().unwrap()]);
    assert_malformed(&out, "a bidirectional control");
    assert!(out.stdout.is_empty(), "no page for a malformed notice");
    // In a link target the same characters are an error (they disguise where it goes).
    let mut n = complete();
    set_hrefs(&mut n, "https://acme.example/\u{202e}fdp.exe");
    let f = temp_file("bidi-href.json", n.to_string().as_bytes());
    assert_malformed(
        &seloste(&["validate", f.to_str().unwrap()]),
        "invisible formatting characters",
    );
}

#[test]
fn a_one_megabyte_string_and_ten_thousand_items_are_handled() {
    let mut n = complete();
    let big = "<b>x</b>".repeat(128 * 1024);
    n["title"]["fi"] = Value::String(big.clone());
    let items: Vec<Value> = (0..10_000)
        .map(|i| json!({"fi": format!("kohta {i} <i>"), "en": format!("item {i}")}))
        .collect();
    n["other_sections"][0]["body"][1]["list"] = Value::Array(items);
    let f = temp_file("big.json", n.to_string().as_bytes());
    let out = seloste(&["validate", f.to_str().unwrap()]);
    assert_no_panic(&out);
    assert_ne!(out.status.code(), Some(2), "{}", all_output(&out));
    let page = render(&f);
    assert_inert(&page);
    assert!(page.contains("kohta 9999 &lt;i&gt;"));
    assert!(page.len() > big.len(), "the whole title is rendered");
}

#[test]
fn deeply_nested_json_is_a_clear_error() {
    for (name, deep) in [
        ("arrays", "[".repeat(200_000)),
        ("objects", "{\"a\":".repeat(50_000)),
        (
            "in-a-field",
            format!(
                "{{\"format\":1,\"id\":\"a/b\",\"title\":{}",
                "{\"fi\":".repeat(10_000)
            ),
        ),
    ] {
        let f = temp_file(&format!("deep-{name}.json"), deep.as_bytes());
        for cmd in ["validate", "render"] {
            let out = seloste(&[cmd, f.to_str().unwrap()]);
            assert_malformed(&out, "not valid JSON");
        }
    }
}

#[test]
fn invalid_utf8_is_a_clear_error_everywhere() {
    let mut bytes = complete().to_string().into_bytes();
    let at = bytes.windows(5).position(|w| w == b"Acme ").unwrap();
    bytes[at] = 0xff;
    let f = temp_file("utf8.json", &bytes);
    for args in [
        vec!["validate", f.to_str().unwrap()],
        vec!["validate", "--json", f.to_str().unwrap()],
        vec!["render", f.to_str().unwrap()],
        vec!["diff", f.to_str().unwrap(), f.to_str().unwrap()],
    ] {
        assert_malformed(&seloste(&args), "not valid UTF-8");
    }
}

#[test]
fn duplicate_keys_are_refused_with_their_path() {
    let base = complete().to_string();
    for (from, to, needle) in [
        (
            r#""format":1"#,
            r#""format":1,"format":1"#,
            "duplicate field `format`",
        ),
        (
            r#""id":"#,
            r#""id":"evil/other","id":"#,
            "duplicate field `id`",
        ),
        (
            r#""en":"Paragraph"#,
            r#""en":"x","en":"Paragraph"#,
            "given twice",
        ),
    ] {
        let json = base.replacen(from, to, 1);
        assert_ne!(json, base, "{from} not found");
        let f = temp_file("dup.json", json.as_bytes());
        assert_malformed(&seloste(&["validate", f.to_str().unwrap()]), needle);
        assert_malformed(&seloste(&["render", f.to_str().unwrap()]), needle);
    }
}

#[test]
fn validate_json_output_carries_hostile_text_as_json_strings() {
    let mut n = complete();
    n["organisation"]["emails"] = json!(["\"><script>alert(1)</script>@x"]);
    let f = temp_file("json-out.json", n.to_string().as_bytes());
    let out = seloste(&["validate", "--json", f.to_str().unwrap()]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).expect("still valid JSON");
    assert_eq!(v[0]["errors"][0]["path"], "organisation.emails[0]");
}
