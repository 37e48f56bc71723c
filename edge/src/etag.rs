// The validator of every answer, shared with `build.rs` (which `include!`s this file to tag the
// embedded widget bundle at build time), so a tag computed there and one computed per request can
// never differ. Plain comments here: an included file cannot carry inner doc comments.

/// A strong `ETag` for a response body: 64-bit FNV-1a of the bytes, quoted. Not a security
/// measure, only a validator: the same bytes always give the same tag.
pub fn etag(body: &[u8]) -> String {
    use std::hash::Hasher;
    let mut hash = fnv::FnvHasher::default();
    hash.write(body);
    format!("\"{:016x}\"", hash.finish())
}
