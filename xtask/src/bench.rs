//! `cargo xtask bench`: native vs wasm, one thread vs all threads, and what the page downloads.
//!
//! Figures, not pass/fail: the machines are shared and noisy, so the ratios that matter are
//! measured side by side in one run (one-thread and all-thread runs alternate) and medians printed.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde::Deserialize;

use crate::util::{cargo, output, root, Cmd};

const N: &str = "200000000";
const REPS: &str = "5";

pub fn run() -> Result<(), String> {
    crate::setup::tools(crate::setup::Need::Browser)?;
    crate::build()?;

    println!("xtask: timing compute({N}) natively ({REPS} runs)…");
    let native = output(cargo().args([
        "run",
        "--quiet",
        "--profile",
        "engine",
        "--package",
        "playground-core",
        "--example",
        "compute",
        "--",
        N,
        REPS,
    ]))
    .ok_or("the native benchmark failed")?;
    println!("xtask: timing compute({N}) in headless Chromium ({REPS} runs each)…");
    let wasm = output(Cmd::new("node").arg(root().join("tests/bench/compute.mjs")).args([N, REPS]))
        .ok_or("the browser benchmark failed")?;

    let native: Native = last_json_line(&native, "the native benchmark")?;
    let wasm: Wasm = last_json_line(&wasm, "the browser benchmark")?;
    let (native_ms, one, all) = (median(&native.ms), median(&wasm.one), median(&wasm.all));
    let (workers, cores) = (f64::from(wasm.workers), wasm.cores);

    println!();
    println!("compute(n), n = {N}, median of {REPS}; {cores} cores reported by the browser");
    println!("  {:<34} {:>10}", "native, 1 thread", format!("{native_ms:.1} ms"));
    println!("  {:<34} {:>10}", "wasm, 1 thread", format!("{one:.1} ms"));
    println!("  {:<34} {:>10}", format!("wasm, all threads ({workers})"), format!("{all:.1} ms"));
    println!("  {:<34} {:>10}", "wasm / native (1 thread)", format!("{:.2}×", one / native_ms));
    println!("  {:<34} {:>10}", "1 thread / all threads", format!("{:.2}×", one / all));
    println!("  {:<34} {:>10}", "parallel efficiency", format!("{:.0} %", one / all / workers * 100.0));
    println!();
    sizes()
}

/// What `crates/core/examples/compute.rs` prints: every repetition's milliseconds.
#[derive(Deserialize)]
struct Native {
    ms: Vec<f64>,
}

/// What `tests/bench/compute.mjs` prints: the browser's core count, the workers the all-threads runs
/// used, and every repetition's milliseconds on one thread and on all of them.
#[derive(Deserialize)]
struct Wasm {
    cores: u32,
    workers: u32,
    one: Vec<f64>,
    all: Vec<f64>,
}

/// The last line of a driver's output, read as JSON: the drivers print their result last.
fn last_json_line<T: serde::de::DeserializeOwned>(out: &str, what: &str) -> Result<T, String> {
    let line = out.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
    serde_json::from_str(line).map_err(|e| format!("{what} printed {line:?}, not its JSON result: {e}"))
}

/// Files in dist/ that the lesson's page does not load itself: the service worker (the browser
/// fetches it apart, to install it) and the course page's resizer.
const NOT_THE_PAGES: &[&str] = &["sw.js", "embed.js"];

/// The engine's side on the page: the UI's script imports it, so it loads with the UI.
const ENGINE_ON_THE_PAGE: &str = "engine/host.js";

/// Sizes of what the page loads first (the UI) and what loads later (the engine), raw and gzipped.
pub fn sizes() -> Result<(), String> {
    let dist = root().join("dist");
    let (mut ui, mut other) = (Vec::new(), Vec::new());
    for entry in std::fs::read_dir(&dist).map_err(|e| format!("reading dist: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("wasm" | "js" | "css" | "html") if NOT_THE_PAGES.contains(&name.as_str()) => other.push(path),
            Some("wasm" | "js" | "css" | "html") => ui.push(path),
            _ => {}
        }
    }
    ui.sort();
    ui.push(dist.join(ENGINE_ON_THE_PAGE));
    println!("{:<44} {:>10} {:>10}", "file", "raw", "gzip -9");
    let ui_gz = table(&ui, &dist)?;
    let html = dist.join("index.html");
    let html_gz = gzipped(&std::fs::read(&html).map_err(|e| format!("{}: {e}", html.display()))?);
    println!("{:<44} {:>10} {:>10}", "UI total (before the engine loads)", "", kb(ui_gz));
    // Issue 2's budget counts the code and styles (wasm + js + css); the page's HTML is the lesson.
    println!("{:<44} {:>10} {:>10}", "  of which wasm + js + css (budget 250 KB)", "", kb(ui_gz - html_gz));
    table(&other, &dist)?;
    let engine = dist.join("engine");
    let files: Vec<_> = [
        "threads/playground_engine_bg.wasm",
        "threads/playground_engine.js",
        "single/playground_engine_bg.wasm",
        "single/playground_engine.js",
        "worker.js",
        "pool-thread.js",
    ]
    .iter()
    .map(|f| engine.join(f))
    .collect();
    table(&files, &dist)?;
    Ok(())
}

/// The size of `bytes` gzipped at the best level, as a host that compresses ahead of time serves
/// them (flate2's default backend, miniz_oxide).
pub fn gzipped(bytes: &[u8]) -> u64 {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(bytes).expect("writing to memory");
    gz.finish().expect("writing to memory").len() as u64
}

fn table(files: &[PathBuf], base: &Path) -> Result<u64, String> {
    let mut total = 0;
    for f in files {
        let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let (raw, gz) = (bytes.len() as u64, gzipped(&bytes));
        total += gz;
        let name = f.strip_prefix(base).unwrap_or(f).display().to_string();
        println!("{name:<44} {:>10} {:>10}", kb(raw), kb(gz));
    }
    Ok(total)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    //! The drivers' JSON as the benchmark reads it (their output shapes are in their files' headers).

    use super::*;

    #[test]
    fn reads_each_drivers_result_from_its_last_line() {
        let native: Native = last_json_line("{\"ms\":[38.9,32.0],\"n\":20000000,\"sum\":5.9e10}\n", "native").unwrap();
        assert_eq!(native.ms, [38.9, 32.0]);
        let out = "a log line\n{\"cores\":2,\"workers\":2,\"pool\":12,\"one\":[490.1,480],\"all\":[265.5,270]}\n\n";
        let wasm: Wasm = last_json_line(out, "browser").unwrap();
        assert_eq!((wasm.cores, wasm.workers, wasm.one, wasm.all), (2, 2, vec![490.1, 480.0], vec![265.5, 270.0]));
    }

    #[test]
    fn a_result_that_is_not_json_says_which_driver_and_what_it_printed() {
        let err = last_json_line::<Native>("Segmentation fault\n", "the native benchmark").err().unwrap();
        assert!(err.starts_with("the native benchmark printed \"Segmentation fault\""), "{err}");
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert!(median(&[]).is_nan());
    }
}
