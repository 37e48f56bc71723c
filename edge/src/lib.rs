//! Placeholder: the edge issue fills this crate.
