//! One module per subcommand.

pub mod diff;
pub mod publish;
pub mod render;
pub mod schema;
pub mod validate;
