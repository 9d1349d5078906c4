//! Builds the engine twice, threaded and single-threaded, and lays it out as `engine/` in dist.
//!
//! The threaded variant needs `.cargo/threads.toml` (atomics, shared memory, build-std), which must
//! not touch the UI's or the native builds; so it has its own target directory and is built here
//! rather than as a Trunk asset. Trunk's post_build hook calls this with TRUNK_STAGING_DIR set.

use std::path::{Path, PathBuf};

use crate::util::{cargo, copy_dir, root, run, Cmd};

/// Where the engine package is assembled; also what the benchmark reads sizes from.
pub fn package_dir() -> PathBuf {
    root().join("target/engine-pkg")
}

pub fn build() -> Result<(), String> {
    let pkg = package_dir();
    let threads = root().join("target/threads/wasm32-unknown-unknown/engine/playground_engine.wasm");
    let single = root().join("target/single/wasm32-unknown-unknown/engine/playground_engine.wasm");

    for variant in [Variant::Threads, Variant::Single] {
        run(engine_cargo_for("build", variant).arg("--quiet"))?;
    }

    bindgen(&threads, &pkg.join("threads"))?;
    bindgen(&single, &pkg.join("single"))?;
    for script in ["worker.js", "host.js", "pool-thread.js"] {
        std::fs::copy(root().join("crates/engine/js").join(script), pkg.join(script))
            .map_err(|e| format!("copying the engine's {script}: {e}"))?;
    }

    if let Some(staging) = std::env::var_os("TRUNK_STAGING_DIR") {
        copy_dir(&pkg, &Path::new(&staging).join("engine"))?;
    }
    Ok(())
}

/// The engine's two builds.
#[derive(Clone, Copy)]
pub enum Variant {
    /// Feature `threads`, with `.cargo/threads.toml`'s atomics, shared memory and build-std.
    Threads,
    /// Without `threads`, with `.cargo/single.toml`'s SIMD.
    Single,
}

/// `cargo <subcommand>` for one of the engine's builds, with the package, features, profile and
/// config file it needs. `build` and the lint step both come here, so clippy checks what ships.
pub fn engine_cargo_for(subcommand: &str, variant: Variant) -> Cmd {
    let (features, config): (&[&str], _) = match variant {
        Variant::Threads => (&["--features", "threads"], ".cargo/threads.toml"),
        Variant::Single => (&[], ".cargo/single.toml"),
    };
    engine_cargo()
        .args([subcommand, "--package", "playground-engine", "--profile", "engine"])
        .args(features)
        .arg("--config")
        .arg(root().join(config))
}

/// `cargo` without the UI's settings, which reach this hook through Trunk's environment: the
/// engine keeps std's panic messages, since its panic hook reports them to the page. It builds with
/// the project's crate home, like the UI (`util::crate_home`).
fn engine_cargo() -> Cmd {
    crate::UI_CARGO_ENV.iter().fold(cargo().with_crate_home(), |cmd, (k, _)| cmd.env_remove(k))
}

/// wasm-bindgen, then wasm-opt for speed; skipped when the output is newer than the input.
fn bindgen(wasm: &Path, out: &Path) -> Result<(), String> {
    let bg = out.join("playground_engine_bg.wasm");
    let fresh = |a: &Path, b: &Path| {
        let t = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        matches!((t(a), t(b)), (Some(a), Some(b)) if a >= b)
    };
    if fresh(&bg, wasm) {
        return Ok(());
    }
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| e.to_string())?;
    }
    run(Cmd::new("wasm-bindgen").args(["--target", "web", "--no-typescript", "--out-dir"]).arg(out).arg(wasm))?;
    run(Cmd::new("wasm-opt").args(WASM_OPT).arg("-o").arg(&bg).arg(&bg))
}

/// The wasm-opt pass every engine module gets, for speed; `cargo xtask pybench` measures the
/// interpreter's wasm after the same pass, as the page would load it.
pub const WASM_OPT: &[&str] = &[
    "-O3",
    "--enable-threads",
    "--enable-bulk-memory",
    "--enable-simd",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
];
