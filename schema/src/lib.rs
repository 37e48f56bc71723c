//! # seloste-schema
//!
//! A GDPR privacy notice (Art. 13/14, Finnish *tietosuojaseloste*) as data: the types of a notice
//! file, its validation with path-addressed errors and completeness findings, its JSON Schema, its
//! version history and the structural diff between two versions.
//!
//! This crate is the project's public contract and the one everything else builds on. It is pure:
//! no I/O, no clock, no randomness; it builds natively and for `wasm32-unknown-unknown`.

pub mod api;
mod catalogue;
pub mod changelog;
mod data_item;
pub mod date;
pub mod diff;
pub mod document;
pub mod duration;
pub mod editor_words;
pub mod field_labels;
pub mod headings;
pub mod history;
#[cfg(feature = "json-schema")]
pub mod json_schema;
pub mod jsonld;
#[cfg(feature = "json-schema")]
mod legacy;
pub mod messages;
pub mod notice;
#[cfg(feature = "old-spellings")]
mod one_or_many;
pub mod outline;
pub mod party;
pub mod pin;
pub mod sections;
pub mod text;
pub mod validate;
pub mod vocab;

pub use changelog::{ChangeLog, ChangeLogEntry};
pub use date::Date;
pub use diff::{diff, diff_named, Change, FieldChange, NoticeDiff, SectionDiff};
pub use document::{parse, Document, ParseError};
pub use headings::SectionId;
pub use history::{History, HistoryError, HistoryFile, Version};
pub use messages::Message;
pub use notice::{Notice, FORMAT};
pub use text::{Block, Lang, Link, Prose, Text};
pub use validate::{validate_document, validate_notice, Problem, Report, Said, Severity};
