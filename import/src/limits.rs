//! The limits on input, stated once (the README quotes them): a privacy notice is a few pages, so
//! anything far larger is refused before work is spent on it.

/// The largest input file: 5 MB (a long notice as a saved web page is well under 1 MB).
pub const MAX_INPUT_BYTES: usize = 5_000_000;

/// The most a `.docx` may expand to when its XML parts are inflated: 20 MB. A zip bomb (a small
/// file that inflates to gigabytes) is refused when the limit is reached, without inflating more.
pub const MAX_DOCX_EXPANDED_BYTES: usize = 20_000_000;

/// The most entries a `.docx` zip may list (a real one has a few dozen).
pub const MAX_DOCX_ENTRIES: usize = 1_000;
