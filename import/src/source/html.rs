//! A saved web page: parsed with a real HTML5 parser (html5ever, through `scraper`), the main
//! content taken (`<main>`, `<article>`, `[role=main]`, else `<body>`), navigation, page header and
//! footer, scripts, styles and forms dropped.

use scraper::{ElementRef, Html, Node};

use super::Piece;

/// Elements whose content is never part of the notice.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg",
    "iframe", "button", "select", "head", "title", "canvas", "object", "embed",
];

/// Elements that end a line of text before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "blockquote",
    "address",
    "table",
    "tr",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "pre",
    "figure",
    "figcaption",
    "details",
    "summary",
    "hr",
];

pub fn read(html: &str) -> Vec<Piece> {
    let doc = Html::parse_document(html);
    let root = main_content(&doc);
    let mut out = Vec::new();
    let mut line = String::new();
    match root {
        Some(r) => walk(r, &mut out, &mut line),
        None => walk(doc.root_element(), &mut out, &mut line),
    }
    flush(&mut out, &mut line);
    out
}

/// The first `<main>`, else the first `<article>`, else the first element with `role="main"`,
/// else `<body>`: "first" in the order the parser made them, as `scraper`'s `select` finds them.
/// Found by name without a CSS selector, which would link a selector parser and matcher into the
/// wasm for four fixed choices.
fn main_content(doc: &Html) -> Option<ElementRef<'_>> {
    let elements = || doc.tree.nodes().filter_map(ElementRef::wrap);
    let named = |name: &str| elements().find(|e| e.value().name() == name);
    named("main")
        .or_else(|| named("article"))
        .or_else(|| elements().find(|e| e.value().attr("role") == Some("main")))
        .or_else(|| named("body"))
}

fn walk(el: ElementRef, out: &mut Vec<Piece>, line: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => line.push_str(t),
            Node::Element(e) => {
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = e.name();
                if DROPPED.contains(&name) || e.attr("hidden").is_some() {
                    continue;
                }
                if e.attr("role")
                    .is_some_and(|r| r == "navigation" || r == "banner")
                {
                    continue;
                }
                match name {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        flush(out, line);
                        let level = name[1..].parse().unwrap_or(2);
                        out.push(Piece::Break);
                        out.push(Piece::Heading {
                            text: text_of(child_el),
                            level,
                        });
                        out.push(Piece::Break);
                    }
                    "li" => {
                        flush(out, line);
                        out.push(Piece::Item(text_of(child_el)));
                    }
                    "br" => flush(out, line),
                    "td" | "th" => {
                        walk(child_el, out, line);
                        line.push(' ');
                    }
                    "p" if is_bold_only(child_el) => {
                        flush(out, line);
                        out.push(Piece::Break);
                        out.push(Piece::Heading {
                            text: text_of(child_el),
                            level: 7,
                        });
                        out.push(Piece::Break);
                    }
                    "pre" => {
                        flush(out, line);
                        for l in text_of_raw(child_el).lines() {
                            out.push(Piece::Line(l.to_owned()));
                        }
                        out.push(Piece::Break);
                    }
                    _ if BLOCKS.contains(&name) => {
                        flush(out, line);
                        walk(child_el, out, line);
                        flush(out, line);
                        out.push(Piece::Break);
                    }
                    _ => walk(child_el, out, line),
                }
            }
            _ => {}
        }
    }
}

fn flush(out: &mut Vec<Piece>, line: &mut String) {
    if !line.trim().is_empty() {
        out.push(Piece::Line(std::mem::take(line)));
    }
    line.clear();
}

/// The visible text of an element on one line (dropped elements left out).
fn text_of(el: ElementRef) -> String {
    let raw = text_of_raw(el);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of_raw(el: ElementRef) -> String {
    let mut s = String::new();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(e) if !DROPPED.contains(&e.name()) => {
                if let Some(c) = ElementRef::wrap(child) {
                    if e.name() == "br" || BLOCKS.contains(&e.name()) || e.name() == "li" {
                        s.push(' ');
                    }
                    s.push_str(&text_of_raw(c));
                    if BLOCKS.contains(&e.name()) || e.name() == "li" {
                        s.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
    s
}

/// `<p><strong>Heading</strong></p>`: a paragraph that is bold text only, used as a heading.
fn is_bold_only(p: ElementRef) -> bool {
    let mut bold = false;
    for child in p.children() {
        match child.value() {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(e) if matches!(e.name(), "strong" | "b") => bold = true,
            _ => return false,
        }
    }
    bold && text_of(p).split_whitespace().count() <= 12
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_content_is_taken_and_page_furniture_dropped() {
        let p = read(
            "<html><head><title>T</title><style>p{}</style></head><body>\
             <nav><a href=/>Etusivu</a></nav><header>Logo</header>\
             <main><h1>Tietosuojaseloste</h1><p>Eka <b>rivi</b><br>toka</p>\
             <ul><li>yksi</li><li>kaksi</li></ul><script>alert(1)</script></main>\
             <footer>© Yritys</footer></body></html>",
        );
        let text: Vec<String> = p
            .iter()
            .filter_map(|p| match p {
                Piece::Heading { text, .. } | Piece::Line(text) | Piece::Item(text) => {
                    Some(text.clone())
                }
                Piece::Break => None,
            })
            .collect();
        assert_eq!(
            text,
            ["Tietosuojaseloste", "Eka rivi", "toka", "yksi", "kaksi"]
        );
        assert!(matches!(&p[1], Piece::Heading { level: 1, .. }));
    }

    fn lines(html: &str) -> Vec<String> {
        read(html)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Line(t) => Some(t.trim().to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_main_content_is_main_then_article_then_role_main_then_body() {
        let page =
            |inner: &str| format!("<!DOCTYPE html><html><body><p>out</p>{inner}</body></html>");
        assert_eq!(
            lines(&page("<article><p>a</p></article><main><p>m</p></main>")),
            ["m"]
        );
        assert_eq!(
            lines(&page(
                "<div><p>d</p></div><article><p>a</p></article><article><p>b</p></article>"
            )),
            ["a"]
        );
        assert_eq!(
            lines(&page(
                "<div role=\"banner main\"><p>x</p></div><div role=\"main\"><p>r</p></div>"
            )),
            ["r"]
        );
        assert_eq!(lines(&page("<div><p>d</p></div>")), ["out", "d"]);
        assert_eq!(lines("just text"), ["just text"]);
    }
}
