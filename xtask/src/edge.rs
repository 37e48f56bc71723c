//! Building and running the edge worker. Filled in by the edge issue.

use crate::cmd::Result;

/// Builds the worker into `edge/build/`.
pub fn build() -> Result {
    Ok(())
}

/// Builds the worker and runs its tests in the real Workers runtime.
pub fn test() -> Result {
    Ok(())
}
