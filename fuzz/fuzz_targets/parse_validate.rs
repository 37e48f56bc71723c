//! Any bytes through `seloste_schema::validate::check_json` (parse + validate): no panic.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::parse_validate(data));
