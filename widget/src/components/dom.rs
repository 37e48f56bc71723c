//! The few element shapes every view repeats, each built by one function.
//!
//! Every `html!` element expands, at its call site, into the code that builds a `VTag` (its tag,
//! node ref, attributes, listeners and children). The notice view shows about a hundred of them,
//! and in the widget's wasm they were all inlined into one function; calling these helpers instead
//! builds the same nodes, so server pages and the widget render exactly the same markup, with that
//! code shipped once. Measured in `widget/README.md` ("Size").

use yew::virtual_dom::{AttrValue, AttributeOrProperty, Attributes, VTag, VText};
use yew::Html;

/// `<tag>children</tag>`.
pub fn el(tag: &'static str, children: Html) -> Html {
    element(tag, None, children)
}

/// `<tag class="class">children</tag>`.
pub fn el_class(tag: &'static str, class: &'static str, children: Html) -> Html {
    element(tag, Some(class), children)
}

#[inline(never)]
fn element(tag: &'static str, class: Option<&'static str>, children: Html) -> Html {
    let mut vtag = VTag::new(AttrValue::Static(tag));
    if let Some(class) = class {
        vtag.attributes = Attributes::Dynamic {
            keys: &["class"],
            values: Box::new([Some(AttributeOrProperty::Attribute(AttrValue::Static(
                class,
            )))]),
        };
    }
    vtag.add_child(children);
    vtag.into()
}

/// A text node (escaped when rendered, like every text).
#[inline(never)]
pub fn text(s: &str) -> Html {
    VText::new(s.to_owned()).into()
}

/// Nodes side by side, with no element around them.
#[inline(never)]
pub fn frag(nodes: Vec<Html>) -> Html {
    nodes.into_iter().collect()
}

/// `<p>text</p>`.
pub fn para(s: &str) -> Html {
    el("p", text(s))
}

/// Nothing: an empty fragment.
pub fn none() -> Html {
    Html::default()
}

/// A text node from a string built for it.
#[inline(never)]
pub fn owned(s: String) -> Html {
    VText::new(s).into()
}

/// One node per item, side by side (what `{ for … }` builds), the list built by shared code.
pub fn each<T>(items: &[T], node: impl Fn(&T) -> Html) -> Html {
    nodes(items.len(), &|i| node(&items[i]))
}

#[inline(never)]
fn nodes(n: usize, node: &dyn Fn(usize) -> Html) -> Html {
    frag((0..n).map(node).collect())
}

/// `<a href="href">label</a>` to a page of the edge's own (never a notice's link: see
/// [`super::prose::link`]).
#[inline(never)]
pub fn page_link(href: String, label: &str) -> Html {
    yew::html! { <a href={href}>{ label.to_owned() }</a> }
}

#[cfg(test)]
mod tests {
    use futures_executor::block_on;
    use yew::{function_component, LocalServerRenderer};

    use super::*;

    /// Every shape once, with text that must be escaped.
    #[function_component]
    fn Shapes() -> Html {
        frag(vec![
            el("p", text("a < b")),
            el_class("ul", "items", each(&["x", "y"], |s| el("li", text(s)))),
            el_class("section", "version", para("& more")),
            owned(String::from("<b>")),
            none(),
        ])
    }

    #[test]
    fn the_shapes_render_as_html_would() {
        let html = block_on(
            LocalServerRenderer::<Shapes>::new()
                .hydratable(false)
                .render(),
        );
        assert_eq!(
            html,
            "<p>a &lt; b</p><ul class=\"items\"><li>x</li><li>y</li></ul>\
             <section class=\"version\"><p>&amp; more</p></section>&lt;b&gt;"
        );
    }
}
