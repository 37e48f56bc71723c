//! The importer as the editor links it, built only to measure its size in wasm
//! (`import/wasm-size.sh`; figures in `import/README.md`). One export runs the whole import and
//! uses everything the editor shows (the draft's JSON, the report's text, an error's words), so
//! the linker keeps exactly what an import needs.

use seloste_import::{import, Hint};

/// A buffer of `len` bytes for the host to write the input into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    Box::leak(vec![0u8; len].into_boxed_slice()).as_mut_ptr()
}

/// Imports the `len` bytes at `ptr`; returns how many bytes of draft and report (or of the
/// error's message) came out.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (a buffer from [`alloc`]).
#[no_mangle]
pub unsafe extern "C" fn import_bytes(ptr: *const u8, len: usize) -> usize {
    // SAFETY: the caller's promise above.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    match import(bytes, &Hint::default()) {
        Ok(out) => out.draft.to_string().len() + out.report.to_text().len(),
        Err(e) => e.to_string().len(),
    }
}
