//! Placeholder: the widget issue fills this crate.
