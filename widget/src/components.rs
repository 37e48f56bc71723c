//! The views, written once: the browser widget (feature `csr`) and the server (feature `ssr`)
//! render exactly these. Top-level views are Yew function components; the parts inside them are
//! plain functions of the data, which keeps the wasm small and the markup easy to follow. Elements
//! repeated across the views are built by [`dom`]'s functions rather than `html!`, whose expansion
//! would be inlined at every use.

pub mod contact;
pub mod diff;
pub mod dom;
pub mod fallback;
pub mod history;
pub mod notice;
pub mod prose;
pub mod sections;
pub mod switch;

pub use diff::DiffView;
pub use fallback::fallback;
pub use history::HistoryView;
pub use notice::NoticeView;
