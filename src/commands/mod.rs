//! One module per subcommand.

pub mod diff;
pub mod edit;
pub mod export;
pub mod import;
pub mod keys;
pub mod log;
pub mod publish;
pub mod render;
pub mod schema;
pub mod validate;
pub mod version;
