//! `playground-python [--gil on|off] [--switch-interval MS] [--simulate] [--seed N] [--trace OUT.json] FILE.py`

use std::process::ExitCode;
use std::sync::Arc;

use playground_python::host::StdHost;
use playground_python::trace::{chrome, Recording};
use playground_python::{runtime, Config, StopHandle};

/// Counts the heap, so that a runaway program gets `MemoryError` at the documented cap.
#[global_allocator]
static ALLOC: playground_python::limits::CountingAlloc = playground_python::limits::CountingAlloc;

const USAGE: &str =
    "usage: playground-python [--gil on|off] [--switch-interval MS] [--simulate] [--seed N] [--trace OUT.json] FILE.py";

fn bad(msg: &str) -> ExitCode {
    eprintln!("playground-python: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut config = Config::default();
    let mut file = None;
    let mut trace = None;
    let mut args = std::env::args().skip(1);
    let mut rest = Vec::new();
    while let Some(a) = args.next() {
        if file.is_some() {
            rest.push(a);
            continue;
        }
        match a.as_str() {
            "--gil" => match args.next().as_deref() {
                Some("on") => config.gil = true,
                Some("off") => config.gil = false,
                _ => return bad("--gil takes 'on' or 'off'"),
            },
            "--switch-interval" => match args.next().and_then(|v| v.parse::<f64>().ok()) {
                Some(ms) if ms > 0.0 && ms.is_finite() => config.switch_interval_ms = ms,
                _ => return bad("--switch-interval takes a positive number of milliseconds"),
            },
            "--simulate" => config.simulate = true,
            "--seed" => match args.next().and_then(|v| v.parse::<u64>().ok()) {
                Some(n) => config.seed = n,
                None => return bad("--seed takes a non-negative integer"),
            },
            "--trace" => match args.next() {
                Some(p) => trace = Some(p),
                None => return bad("--trace takes a file name"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') => return bad(&format!("unknown option {s}")),
            _ => file = Some(a),
        }
    }
    let Some(file) = file else { return bad("no FILE.py given") };
    let source = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("playground-python: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    config.argv = std::iter::once(file.clone()).chain(rest).collect();
    // The trace's file is made before the program runs, so a bad path costs no run.
    if let Some(path) = &trace {
        if let Err(e) = std::fs::File::create(path) {
            eprintln!("playground-python: can't write the trace to '{path}': {e}");
            return ExitCode::from(2);
        }
    }
    let recording = trace.as_ref().map(|_| Recording::new());
    config.trace = recording.clone();
    let shown = config.clone();
    let dir = std::path::Path::new(&file).parent().map(|p| p.to_path_buf());
    let host = Arc::new(StdHost::new(dir));
    let stop = StopHandle::new();
    let outcome = runtime::run_source(&source, &file, config, host, &stop);
    if let (Some(path), Some(recording)) = (trace, recording) {
        let json = chrome::export(&recording.snapshot(), &shown);
        if let Err(e) = std::fs::write(&path, json + "\n") {
            eprintln!("playground-python: can't write the trace to '{path}': {e}");
        }
    }
    ExitCode::from(outcome.exit_code.clamp(0, 255) as u8)
}
