//! `cargo xtask <command>`: the playground's one entry point for setting up, building, serving,
//! testing and benchmarking, on a fresh machine or a warm one.
//!
//! Every command first installs what is missing (see `setup`), so the README's two commands work
//! on a machine that has only the repository and Rust. Real formats go through well-kept crates
//! (zip, flate2, serde_json, xxhash-rust), chosen with few dependencies of their own so that a cold
//! build of the xtask stays about as fast as lesson-content's, which it needs anyway.

mod audit;
mod bench;
mod dist;
mod engine;
mod lint;
mod package;
mod pybench;
mod setup;
mod util;

use std::process::ExitCode;

use util::{cargo, root, run, Cmd};

const USAGE: &str = "\
usage: cargo xtask <command>

  serve    build everything and serve http://127.0.0.1:8080 with the isolation headers
  test     run every test layer: the lint, native cargo tests, then the browser end-to-end suite
  lint     check formatting (rustfmt) and clippy, warnings as errors, natively and for both wasm builds
  bench    print native vs wasm timings of compute(n), 1 vs all threads, and the bundle sizes
  sizes    build dist/ and print only its sizes, raw and gzipped (the UI's budget: 250 KB)
  faithfulness  print the engine's speedups beside real CPython's for the lesson's scenarios
  pybench  print the Python interpreter's micro-benchmarks and speedups beside CPython's, and its wasm size
           (`pybench --size`: the wasm size alone)
  audit    print Lighthouse's scores for the built app (phone and desktop)
  build    build dist/ (release)
  package  build dist/ and write SCORM 1.2 and 2004 packages to target/package/
  engine   build the engine's two variants
  post-build  the engine, then the service worker (Trunk's post_build hook calls this)
  setup    only install what is missing";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("lint") => lint::run_lint(),
        Some("bench") => bench::run(),
        Some("sizes") => build().and_then(|()| bench::sizes()),
        Some("audit") => audit::run_audit(),
        Some("faithfulness") => faithfulness(),
        Some("pybench") => pybench::run_pybench(args.get(1).map(String::as_str) == Some("--size")),
        Some("build") => build(),
        Some("package") => package::run(),
        Some("engine") => engine::build(),
        Some("post-build") => post_build(),
        Some("setup") => setup::tools(setup::Need::Browser),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Builds dist/ in release mode: the UI by Trunk, the engine by Trunk's hook.
pub fn build() -> Result<(), String> {
    setup::tools(setup::Need::Build)?;
    run(trunk("build"))
}

/// The cargo settings Trunk's build of the UI gets, as environment variables (Trunk has no way to
/// pass cargo flags, and the same settings in .cargo/config.toml would reach native tests too).
/// `std` is rebuilt with `panic = "immediate-abort"`: a panic in the UI stops it with a wasm trap,
/// without the formatting, messages and locations that std otherwise links in for panics. The UI
/// installs no panic hook, so a panic already showed nothing more than that trap ("unreachable"),
/// and the wasm is 20 KB gzip smaller (248 -> 228 KB). The engine keeps its panic messages: its
/// hook reports them to the page, so `engine::build` removes these variables again.
pub const UI_CARGO_ENV: [(&str, &str); 2] = [
    ("CARGO_UNSTABLE_BUILD_STD", "std panic_abort"),
    ("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", "-Zunstable-options -Cpanic=immediate-abort"),
];

/// `trunk build|serve --release` with the UI's cargo settings, the project's crate home and every
/// build offline: `setup` fetched what the builds need, and a build that needs more fails at once
/// instead of passing on a machine whose cache happens to hold it. Trunk's hook calls this very
/// xtask back (`PLAYGROUND_XTASK`, see xtask/post-build.sh).
fn trunk(command: &str) -> Cmd {
    let xtask = std::env::current_exe().unwrap_or_default();
    let cmd = Cmd::new("trunk")
        .args([command, "--release"])
        .with_crate_home()
        .env("CARGO_NET_OFFLINE", "true")
        .env("PLAYGROUND_XTASK", xtask);
    UI_CARGO_ENV.iter().fold(cmd, |cmd, (k, v)| cmd.env(k, v))
}

/// Trunk's post_build hook: the engine into the staging directory, then the service worker.
fn post_build() -> Result<(), String> {
    engine::build()?;
    let staging =
        std::env::var_os("TRUNK_STAGING_DIR").ok_or("post-build runs as Trunk's hook, with TRUNK_STAGING_DIR set")?;
    dist::finish(std::path::Path::new(&staging))
}

fn serve() -> Result<(), String> {
    setup::tools(setup::Need::Build)?;
    println!("xtask: serving on http://127.0.0.1:8080 (first build takes a few minutes)");
    run(trunk("serve"))
}

/// The engine's model beside the real `python3` on this machine (crates/core/examples/faithfulness.rs).
fn faithfulness() -> Result<(), String> {
    let extra: Vec<String> = std::env::args().skip(2).collect();
    run(cargo()
        .args([
            "run",
            "--quiet",
            "--profile",
            "engine",
            "--package",
            "playground-core",
            "--example",
            "faithfulness",
            "--",
        ])
        .args(extra))
}

fn test() -> Result<(), String> {
    // The wasm builds start from an empty crate cache, as on a new machine, and run offline once
    // `setup` has fetched every lockfile: a crate that no fetch names fails the build here.
    setup::empty_crate_home()?;
    setup::tools(setup::Need::Browser)?;
    audit::check_lock()?;
    // First the style: a formatting slip or a clippy warning fails here, in seconds on a warm tree.
    lint::run_lint()?;
    // Layer 1: the pure core and everything else that runs natively (with the caller's own crate
    // home, whose builds include this xtask; its one lockfile is fetched first).
    run(cargo().args(["fetch", "--locked"]))?;
    run(cargo().args(["test", "--workspace", "--locked", "--offline"]))?;
    // Layer 2: the built app in headless Chromium, with and without cross-origin isolation.
    build()?;
    package::write_built()?;
    let dist = root().join("dist");
    run(Cmd::new("node")
        .args(["--test", "--test-concurrency=1"])
        .arg(root().join("tests/e2e"))
        .env("PLAYGROUND_DIST", &dist))?;
    // Layer 3: the same app in Firefox and in WebKit, one suite run in each (tests/browsers).
    firefox_and_webkit(&dist)
}

/// tests/browsers once in Firefox and once in WebKit, whose MiniBrowser needs a display: Xvfb.
fn firefox_and_webkit(dist: &std::path::Path) -> Result<(), String> {
    let suite = |cmd: Cmd, browser: &str| {
        cmd.args(["node", "--test", "--test-concurrency=1"])
            .arg(root().join("tests/browsers"))
            .env("PLAYGROUND_DIST", dist)
            .env("PLAYGROUND_BROWSER", browser)
    };
    run(suite(Cmd::new("env"), "firefox"))?;
    run(suite(Cmd::new("xvfb-run").arg("-a"), "webkit"))
}
