//! Which build a command wants: what ships, or what serves a change soonest.

/// `Release` for `build`, `test` and `bench`: the optimised worker and the widget within its size
/// budget, exactly what is deployed and measured. `Dev` for the `dev` loop: cargo's debug profile
/// and no `wasm-opt`, which turns a change into served code in seconds instead of minutes; the
/// widget is then larger than its budget, which only `Release` checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    Dev,
    Release,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Dev => "dev",
            Profile::Release => "release",
        }
    }
}
