//! Building the embeddable widget (`widget/dist/`). Filled in by the widget issue.

use crate::cmd::Result;

/// Builds `widget/dist/seloste.js` and `widget/dist/seloste_bg.wasm`.
pub fn build() -> Result {
    Ok(())
}

/// Builds the widget and runs its browser tests.
pub fn test() -> Result {
    Ok(())
}
