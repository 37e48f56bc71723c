//! The part of [`wasm_size`](./wasm_size.rs) that is the schema crate's: a draft parsed,
//! validated and written back as JSON, as the importer does it at its end. The editor links this
//! for its own files anyway, so the importer's cost in the editor is the difference of the two
//! (`import/wasm-size.sh` prints both).

/// A buffer of `len` bytes for the host to write the input into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    Box::leak(vec![0u8; len].into_boxed_slice()).as_mut_ptr()
}

/// Parses and validates the JSON notice in the `len` bytes at `ptr`; returns how many bytes of
/// JSON and findings (or of the error's message) came out.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (a buffer from [`alloc`]).
#[no_mangle]
pub unsafe extern "C" fn parse_bytes(ptr: *const u8, len: usize) -> usize {
    // SAFETY: the caller's promise above.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return 0;
    };
    let draft: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return e.to_string().len(),
    };
    match seloste_schema::parse(&draft.to_string()) {
        Ok(seloste_schema::Document::Notice(n)) => {
            let report = seloste_schema::validate::validate_notice(&n);
            draft.to_string().len()
                + report
                    .findings()
                    .map(|p| p.path.len() + p.message.len())
                    .sum::<usize>()
        }
        Ok(_) => 1,
        Err(e) => e.to_string().len(),
    }
}
