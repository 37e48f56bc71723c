//! Any bytes through parse, validate, `seloste_schema::diff` and the widget's server rendering
//! (`notice_html`, `history_html`, `diff_html`): no panic.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::render_diff(data));
