//! Prose (paragraphs, lists, links) and the one place a string becomes a link.
//!
//! Notice text is data, never markup: Yew escapes every text node and attribute, and an `href`
//! is only emitted for the schemes a reader can safely follow. Validation refuses other schemes
//! too, but the renderer must not trust that: a notice may come from an older or foreign tool.

use seloste_schema::{Block, Text};
use yew::prelude::*;

use super::dom::{each, el, el_class, none, para, text};

/// Schemes that may become a link. Anything else (`javascript:`, `data:`, relative paths) is shown
/// as plain text.
const SAFE_SCHEMES: [&str; 4] = ["https://", "http://", "mailto:", "tel:"];

/// `href` if it may be followed: it starts exactly (no leading blanks) with a safe scheme, compared
/// without regard to case, and holds no control characters, which browsers strip or reinterpret,
/// no white space and no zero-width or bidirectional formatting characters, which make a link read
/// differently from where it goes (`https://exa\u{202E}lpmaxe.evil` shows as `…evil.example`).
/// The same rule as validation's, kept here too because the renderer must not rely on it.
pub fn safe_href(href: &str) -> Option<&str> {
    let scheme_ok = SAFE_SCHEMES.iter().any(|s| {
        href.len() > s.len()
            && href
                .get(..s.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(s))
    });
    let clean = !href
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || seloste_schema::text::is_invisible(c));
    (scheme_ok && clean).then_some(href)
}

/// A link to `href` labelled `label`, or `label` as plain text when `href` is not safe.
pub fn link(href: &str, label: &str) -> Html {
    match safe_href(href) {
        Some(href) => html! { <a href={href.to_owned()}>{ label.to_owned() }</a> },
        None => html! { <span class="unlinked">{ label.to_owned() }</span> },
    }
}

/// A web address shown as itself (a site's `web` field).
pub fn web_link(url: &str) -> Html {
    link(url, url)
}

/// A list of texts as a bulleted list; nothing when empty.
pub fn text_list(items: &[Text], lang: &str) -> Html {
    if items.is_empty() {
        return none();
    }
    el("ul", each(items, |i| el("li", text(i.get(lang)))))
}

/// Paragraphs stay paragraphs, lists stay lists, links stay links.
pub fn prose(blocks: &[Block], lang: &str) -> Html {
    each(blocks, |b| block(b, lang))
}

fn block(b: &Block, lang: &str) -> Html {
    match b {
        Block::Paragraph(t) => para(t.get(lang)),
        Block::List(items) => text_list(items, lang),
        Block::Links(links) => el_class(
            "ul",
            "links",
            each(links, |l| el("li", link(&l.href, l.label.get(lang)))),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn only_followable_schemes_become_links() {
        for ok in [
            "https://tietosuoja.fi",
            "HTTP://example.fi/x",
            "mailto:tietosuoja@example.fi",
            "tel:+358401234567",
        ] {
            assert_eq!(safe_href(ok), Some(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "https://exa\nmple.fi",
            "https://exa\u{202e}lpmaxe.evil",
            "https://example.fi/\u{200b}x",
            "https://example.fi/a b",
            "data:text/html,<script>",
            "/relative",
            "//evil.example",
            "vbscript:x",
            "https://",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }
}
