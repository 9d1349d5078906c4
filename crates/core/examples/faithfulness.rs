//! The faithfulness benchmark: the lesson's scenarios through the engine and through the real
//! `python3`, on the same machine in one run, printed side by side.
//!
//! Usage: `cargo run --release -p playground-core --example faithfulness [--quick]`.
//! Speedups are each model's time at 1 worker divided by its time at k workers; the target is
//! every "threads with GIL" and "processes" speedup within 20 % of CPython's. Free-threaded is
//! the engine's alone (no free-threaded CPython here). Each timing is the best of a few runs,
//! the one least disturbed by whatever else the machine is doing.

use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use playground_core::python::{
    run_threads, Call, Collect, CounterVariant, Model, Pace, Program, RunOptions, RunReport, Scenario, StdThreads,
};
use serde_json::{json, Value};

fn clock() -> f64 {
    static T0: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    T0.get_or_init(Instant::now).elapsed().as_secs_f64() * 1e3
}

struct Bench {
    opts: RunOptions,
    reps: usize,
}

impl Bench {
    fn run(&self, scenario: &Scenario) -> RunReport {
        run_threads(scenario, &self.opts, &StdThreads, &AtomicBool::new(false)).expect("benchmark scenarios are valid")
    }

    fn best_ms(&self, scenario: &Scenario) -> f64 {
        (0..self.reps).map(|_| self.run(scenario).elapsed_ms).fold(f64::INFINITY, f64::min)
    }
}

fn pool(model: Model, workers: u32, calls: Vec<Call>) -> Scenario {
    Scenario::new(model, Program::Executor { max_workers: Some(workers), calls, collect: Collect::Map })
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let cfg = json!({
        "reps": if quick { 1 } else { 3 },
        "cpu_n": 2_000_000, "cpu_tasks": 4, "cpu_workers": [1, 2, 4],
        "io_latency_ms": 200, "io_tasks": 6, "io_workers": [1, 3, 6],
        "counter_threads": 10, "counter_increments": [10_000, 100_000], "counter_reps": 3,
    });
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/bench/faithfulness.py");
    eprintln!("running the scenarios in python3 ...");
    let out = Command::new("python3").arg(script).arg(cfg.to_string()).output().expect("python3 runs");
    assert!(out.status.success(), "python3 failed: {}", String::from_utf8_lossy(&out.stderr));
    let py: Value = serde_json::from_slice(&out.stdout).expect("the script prints JSON");
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get() as u32);
    let bench = Bench {
        opts: RunOptions { cores, max_threads: 64, clock, pace: Pace::CPYTHON },
        reps: cfg["reps"].as_u64().unwrap() as usize,
    };
    eprintln!("running the scenarios in the engine ...");
    let n = cfg["cpu_n"].as_u64().unwrap();
    let one = bench.best_ms(&pool(Model::Gil, 1, vec![Call::Compute { n }]));
    println!(
        "Python {} vs the engine, {cores} cores, switch interval {} ms",
        py["python"].as_str().unwrap_or("?"),
        py["switch_interval_ms"]
    );
    println!("compute({n}) alone: CPython {:.0} ms, engine {one:.0} ms\n", py["cpu_task_ms"].as_f64().unwrap());
    println!("{:<34} {:>10} {:>10} {:>9} {:>9}", "scenario", "CPython", "engine", "CPython", "engine");
    println!("{:<34} {:>10} {:>10} {:>9} {:>9}", "", "ms", "ms", "speedup", "speedup");
    let mut worst: f64 = 0.0;
    let sections = [
        ("cpu", "4 × compute", cfg["cpu_workers"].clone(), vec![Call::Compute { n }; 4]),
        ("io", "6 × fetch (200 ms)", cfg["io_workers"].clone(), fetches(6, 200)),
    ];
    for (key, label, workers, calls) in sections {
        for model in [Model::Gil, Model::Processes, Model::FreeThreaded] {
            let workers: Vec<u32> = workers.as_array().unwrap().iter().map(|w| w.as_u64().unwrap() as u32).collect();
            let name = match model {
                Model::Gil => "threads",
                Model::Processes => "processes",
                Model::FreeThreaded => "free-threaded",
            };
            let engine: Vec<f64> = workers.iter().map(|w| bench.best_ms(&pool(model, *w, calls.clone()))).collect();
            let cpython: Vec<Option<f64>> = workers.iter().map(|w| py[format!("{key}/{name}/{w}")].as_f64()).collect();
            for (i, w) in workers.iter().enumerate() {
                let e_speed = engine[0] / engine[i];
                let (py_ms, py_speed, verdict) = match (cpython[0], cpython[i]) {
                    (Some(base), Some(ms)) => {
                        let s = base / ms;
                        let off = (e_speed / s - 1.0).abs();
                        worst = worst.max(off);
                        (format!("{ms:.0}"), format!("{s:.2}×"), format!("{:+.0} %", (e_speed / s - 1.0) * 100.0))
                    }
                    _ => ("–".into(), "–".into(), "(engine only)".into()),
                };
                let row = format!("{label}, {name}, {w} worker{}", if *w == 1 { "" } else { "s" });
                println!(
                    "{row:<34} {py_ms:>10} {:>10.0} {py_speed:>9} {:>9}  {verdict}",
                    engine[i],
                    format!("{e_speed:.2}×")
                );
            }
        }
    }
    println!("\n{:<34} {:>10} {:>10}", "lost updates (10 threads)", "CPython", "engine");
    for variant in [CounterVariant::Lock, CounterVariant::Plain, CounterVariant::ReadCallWrite] {
        for k in cfg["counter_increments"].as_array().unwrap() {
            let k = k.as_u64().unwrap() as u32;
            let key = serde_json::to_value(variant).unwrap();
            let py_lost = py[format!("counter/{}/{k}", key.as_str().unwrap())].as_f64().unwrap_or(f64::NAN);
            let lost = |model| {
                let s = Scenario::new(model, Program::Counter { variant, threads: 10, increments: k });
                let runs: Vec<u64> = (0..3).map(|_| bench.run(&s).counter.unwrap().lost()).collect();
                runs.iter().sum::<u64>() as f64 / runs.len() as f64
            };
            let row = format!("{variant:?} × {k}, GIL");
            println!("{row:<34} {py_lost:>10.0} {:>10.0}", lost(Model::Gil));
            let row = format!("{variant:?} × {k}, free-threaded");
            println!("{row:<34} {:>10} {:>10.0}", "–", lost(Model::FreeThreaded));
        }
    }
    println!("\nworst threads/processes speedup disagreement: {:.0} % (target: within 20 %)", worst * 100.0);
}

fn fetches(n: usize, latency_ms: u32) -> Vec<Call> {
    (0..n)
        .map(|i| Call::Fetch {
            url: format!("https://api.example.com/users/{i}"),
            latency_ms,
            timeout_ms: 5_000,
            fail: None,
        })
        .collect()
}
