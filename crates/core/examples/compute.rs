//! Native timing of the lesson's `compute(n)` on one thread, for `cargo xtask bench`.
//!
//! Usage: `compute <n> <repetitions>`; prints one line of JSON with every repetition's milliseconds.

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use playground_core::compute::{run_one_thread, ComputePlan};

fn clock() -> f64 {
    thread_local!(static T0: Instant = Instant::now());
    T0.with(|t| t.elapsed().as_secs_f64() * 1e3)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(200_000_000);
    let reps: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    // The same plan as the page's (256 chunks), so native and wasm do identical work.
    let plan = ComputePlan::new(n, 256).expect("n within bounds");
    let stop = AtomicBool::new(false);
    let mut ms = Vec::with_capacity(reps);
    let mut sum = 0.0;
    for _ in 0..reps {
        let outcome = run_one_thread(plan, clock, &stop).expect("never stopped");
        sum = outcome.sum;
        ms.push(outcome.elapsed_ms);
    }
    println!("{}", serde_json::json!({ "n": n, "sum": sum, "ms": ms }));
}
