//! Turns two compute runs into what the "Your machine" panel says: times, speedup, agreement.
//!
//! Kept here, not in a component, so the arithmetic and the wording are tested natively.

use crate::compute::ComputeOutcome;
use crate::protocol::{FallbackReason, Threading};

/// One run on a single thread beside the same run on every thread.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub one: ComputeOutcome,
    pub all: ComputeOutcome,
    /// How many threads the parallel run was allowed to use.
    pub workers: u32,
}

impl Comparison {
    /// How many times faster the parallel run was.
    pub fn speedup(&self) -> f64 {
        if self.all.elapsed_ms > 0.0 {
            self.one.elapsed_ms / self.all.elapsed_ms
        } else {
            f64::NAN
        }
    }

    /// Speedup per thread: 100 % means every thread did a full share of useful work.
    pub fn efficiency(&self) -> f64 {
        self.speedup() / f64::from(self.workers.max(1))
    }

    /// The two sums are bit-for-bit equal (they add the same chunks in the same order).
    pub fn sums_agree(&self) -> bool {
        self.one.sum.to_bits() == self.all.sum.to_bits()
    }

    /// One line a learner reads: "2 threads: 1.84× faster (92 % parallel efficiency)".
    pub fn headline(&self) -> String {
        format!(
            "{}: {:.2}× faster ({:.0} % parallel efficiency)",
            threads(self.all.threads_used().len()),
            self.speedup(),
            self.efficiency() * 100.0
        )
    }
}

/// The line shown when threads are unavailable and `compute(n)` ran once, on one thread.
pub fn single_thread_headline(outcome: &ComputeOutcome) -> String {
    format!(
        "1 thread: {} (no worker threads here, so there is nothing to compare it with)",
        format_ms(outcome.elapsed_ms)
    )
}

/// One line for the collapsed "Your machine" panel of the embedded lesson: real threads or not, and why.
pub fn machine_summary(threading: &Threading) -> String {
    match threading {
        Threading::Threads { pool_threads } => format!("real threads, {pool_threads} in the pool"),
        Threading::SingleThread { reason: FallbackReason::NotIsolated } => {
            "one thread, as this frame is not cross-origin isolated".to_string()
        }
        Threading::SingleThread { reason: FallbackReason::PoolFailed { .. } } => {
            "one thread, as the worker threads did not start".to_string()
        }
    }
}

/// "1 thread", "2 threads".
pub fn threads(n: usize) -> String {
    if n == 1 {
        "1 thread".to_string()
    } else {
        format!("{n} threads")
    }
}

/// A duration for people: "412 ms", "1.24 s", "0.8 ms".
pub fn format_ms(ms: f64) -> String {
    if !ms.is_finite() {
        "–".to_string()
    } else if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

/// A float the way Python's `print` shows it: shortest repr that round-trips, e.g. `21081851083.600...`.
pub fn python_float(x: f64) -> String {
    let s = format!("{x:?}");
    // Rust's `{:?}` is also shortest-round-trip; it differs from Python only in exponent spelling.
    match s.split_once('e') {
        Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e:0>2}"),
        Some((m, e)) => format!("{m}e-{:0>2}", &e[1..]),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::ChunkReport;

    #[test]
    fn machine_summary_says_whether_threads_are_real_and_why_not() {
        assert_eq!(machine_summary(&Threading::Threads { pool_threads: 13 }), "real threads, 13 in the pool");
        assert_eq!(
            machine_summary(&Threading::SingleThread { reason: FallbackReason::NotIsolated }),
            "one thread, as this frame is not cross-origin isolated"
        );
        let failed = FallbackReason::PoolFailed { message: "boom".into() };
        assert_eq!(
            machine_summary(&Threading::SingleThread { reason: failed }),
            "one thread, as the worker threads did not start"
        );
    }

    fn outcome(elapsed_ms: f64, sum: f64, threads: &[u32]) -> ComputeOutcome {
        let chunks = threads
            .iter()
            .enumerate()
            .map(|(i, t)| ChunkReport { index: i as u32, thread: Some(*t), start_ms: 0.0, end_ms: 1.0, sum: 0.0 })
            .collect();
        ComputeOutcome { sum, start_ms: 0.0, elapsed_ms, chunks }
    }

    #[test]
    fn speedup_and_efficiency() {
        let c = Comparison { one: outcome(500.0, 1.0, &[0, 0]), all: outcome(270.0, 1.0, &[0, 1]), workers: 2 };
        assert!((c.speedup() - 1.8518).abs() < 1e-3);
        assert!((c.efficiency() - 0.9259).abs() < 1e-3);
        assert!(c.sums_agree());
        assert_eq!(c.headline(), "2 threads: 1.85× faster (93 % parallel efficiency)");
    }

    #[test]
    fn disagreeing_sums_are_reported() {
        let c = Comparison { one: outcome(1.0, 1.0, &[0]), all: outcome(1.0, 1.0000001, &[0]), workers: 1 };
        assert!(!c.sums_agree());
        assert_eq!(c.headline(), "1 thread: 1.00× faster (100 % parallel efficiency)");
    }

    #[test]
    fn without_threads_nothing_is_compared() {
        assert_eq!(
            single_thread_headline(&outcome(1234.0, 1.0, &[])),
            "1 thread: 1.23 s (no worker threads here, so there is nothing to compare it with)"
        );
        assert_eq!(threads(0), "0 threads");
        assert_eq!(threads(1), "1 thread");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_ms(0.84), "0.8 ms");
        assert_eq!(format_ms(412.4), "412 ms");
        assert_eq!(format_ms(1240.0), "1.24 s");
        assert_eq!(format_ms(f64::NAN), "–");
    }

    #[test]
    fn floats_print_like_python() {
        assert_eq!(python_float(0.5), "0.5");
        assert_eq!(python_float(2.0), "2.0");
        assert_eq!(python_float(1e300), "1e+300");
        assert_eq!(python_float(1.5e-7), "1.5e-07");
    }
}
