//! `cargo xtask bench`: native vs wasm, one thread vs all threads, and what the page downloads.
//!
//! Figures, not pass/fail: the machines are shared and noisy, so the ratios that matter are
//! measured side by side in one run (one-thread and all-thread runs alternate) and medians printed.

use std::path::Path;

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

    let native_ms = median(&numbers_after(&native, "\"ms\":["));
    let one = median(&numbers_after(&wasm, "\"one\":["));
    let all = median(&numbers_after(&wasm, "\"all\":["));
    let workers = numbers_after(&wasm, "\"workers\":").first().copied().unwrap_or(f64::NAN);
    let cores = numbers_after(&wasm, "\"cores\":").first().copied().unwrap_or(f64::NAN);

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

/// Files in dist/ that the lesson's page does not load itself: the service worker (the browser
/// fetches it apart, to install it) and the course page's resizer.
const NOT_THE_PAGES: &[&str] = &["sw.js", "embed.js"];

/// Sizes of what the page loads first (the UI) and what loads later (the engine), raw and gzipped.
fn sizes() -> Result<(), String> {
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
    println!("{:<44} {:>10} {:>10}", "file", "raw", "gzip -9");
    let ui_gz = table(&ui, &dist)?;
    let html_gz = gzipped(&dist.join("index.html"));
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
        "host.js",
        "pool-thread.js",
    ]
    .iter()
    .map(|f| engine.join(f))
    .collect();
    table(&files, &dist)?;
    Ok(())
}

fn gzipped(f: &Path) -> u64 {
    output(Cmd::new("sh").arg("-c").arg(format!("gzip -9 -c '{}' | wc -c", f.display())))
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

fn table(files: &[std::path::PathBuf], base: &Path) -> Result<u64, String> {
    let mut total = 0;
    for f in files {
        let raw = std::fs::metadata(f).map_err(|e| format!("{}: {e}", f.display()))?.len();
        let gz = gzipped(f);
        total += gz;
        let name = f.strip_prefix(base).unwrap_or(f).display().to_string();
        println!("{name:<44} {:>10} {:>10}", kb(raw), kb(gz));
    }
    Ok(total)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// The comma-separated numbers right after `key` in a line of JSON.
fn numbers_after(json: &str, key: &str) -> Vec<f64> {
    let Some(start) = json.find(key) else { return vec![] };
    json[start + key.len()..]
        .split(|c| c == ']' || c == '}')
        .next()
        .unwrap_or_default()
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
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
