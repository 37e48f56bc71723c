//! Where the focus goes after an edit that adds, removes or moves something: the first of a few
//! element ids that exists, the element itself when it is a control, else the first control in it
//! (an input before an Add button before a Remove button).

/// Focuses the first existing element of `ids` (in the browser; nothing elsewhere).
#[cfg(target_arch = "wasm32")]
pub fn first_of(ids: &[String]) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(el) = ids.iter().find_map(|id| doc.get_element_by_id(id)) else {
        return;
    };
    let target = match el.tag_name().as_str() {
        "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" => Some(el),
        // A value's own control before its Remove button.
        _ => ["input, select, textarea", "button.add", "button"]
            .into_iter()
            .find_map(|q| el.query_selector(q).ok().flatten()),
    };
    if let Some(h) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = h.focus();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn first_of(_ids: &[String]) {}
