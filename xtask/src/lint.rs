//! `cargo xtask lint`, the test command's first step: the style the tools keep. rustfmt's layout
//! (`rustfmt.toml`), and clippy with every warning an error, for each way the code is compiled:
//! natively (the workspace, tests and examples included), the UI for wasm, and the engine's two wasm
//! builds with the very flags `engine.rs` builds them with, since `cfg`s differ between them.

use crate::engine::{engine_cargo_for, Variant};
use crate::util::{cargo, output, run, Cmd};

/// Passed to clippy itself, not through RUSTFLAGS, so the dependencies' builds stay as they are.
const DENY_WARNINGS: [&str; 3] = ["--", "-D", "warnings"];

pub fn run_lint() -> Result<(), String> {
    components()?;
    run(cargo().args(["fmt", "--all", "--check"]))
        .map_err(|e| format!("{e}: the code is not formatted as rustfmt.toml says; `cargo fmt --all` fixes it"))?;
    let clippy = |cmd: Cmd| run(cmd.args(["--all-targets", "--locked"]).args(DENY_WARNINGS));
    clippy(cargo().args(["clippy", "--workspace"]))?;
    clippy(cargo().args(["clippy", "--package", "playground-ui", "--target", "wasm32-unknown-unknown"]))?;
    clippy(engine_cargo_for("clippy", Variant::Threads))?;
    clippy(engine_cargo_for("clippy", Variant::Single))
}

/// rustfmt and clippy, which rust-toolchain.toml names but rustup adds only when it installs the
/// toolchain: a machine that already had nightly may lack them.
fn components() -> Result<(), String> {
    for (tool, component) in [("fmt", "rustfmt"), ("clippy", "clippy")] {
        if output(cargo().args([tool, "--version"])).is_none() {
            run(Cmd::new("rustup").args(["component", "add", component]))?;
        }
    }
    Ok(())
}
