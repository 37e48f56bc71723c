//! The widget's words come from the schema's one message catalogue ([`seloste_schema::messages`]),
//! shared with the diff, the feed and the CLI so that they cannot disagree.

pub use seloste_schema::messages::{language_name, t, Message};
