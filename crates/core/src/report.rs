//! Turns two compute runs into what the "Your machine" panel says: times, speedup, agreement.
//!
//! Kept here, not in a component, so the arithmetic and the wording are tested natively.

use crate::compute::ComputeOutcome;
use crate::protocol::{FallbackReason, ThreadNeed, Threading};

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

    /// One line a learner reads: "2 threads: 1.84× faster (92 % parallel efficiency)". A run too
    /// short for threads to pay off is called slower, with what to do about it, never "0.46× faster".
    pub fn headline(&self) -> String {
        let (threads, speedup, efficiency) =
            (threads(self.all.threads_used().len()), self.speedup(), self.efficiency() * 100.0);
        if speedup < 0.995 {
            format!(
                "{threads}: {:.2}× slower than 1 thread ({efficiency:.0} % parallel efficiency): for so small \
                 an n, starting the threads costs more than they save; try a larger n",
                1.0 / speedup
            )
        } else {
            format!("{threads}: {speedup:.2}× faster ({efficiency:.0} % parallel efficiency)")
        }
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
        Threading::SingleThread { reason: FallbackReason::Unsupported { missing } } => {
            format!("one thread, as this browser gives the page {}", no_list(missing))
        }
        Threading::SingleThread { reason: FallbackReason::PoolFailed { .. } } => {
            "one thread, as the worker threads did not start".to_string()
        }
    }
}

/// The notice of the "Your machine" panel when there are no threads: why, in plain words, and what
/// would bring them.
pub fn fallback_notice(reason: &FallbackReason) -> String {
    match reason {
        FallbackReason::NotIsolated => "Multi-threaded demos are unavailable here: this page is not \
            cross-origin isolated, so the browser turns off the shared memory that threads need. \
            Everything still runs, on one thread. To get real threads, open the playground in its own \
            tab from a host that sends the Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy \
            headers."
            .into(),
        FallbackReason::Unsupported { missing } => format!(
            "Multi-threaded demos are unavailable here: the page is cross-origin isolated, but this \
             browser gives it {}, which threads need. Everything still runs, on one thread. Chromium, \
             Firefox and Safari give an isolated page shared memory.",
            no_list(missing)
        ),
        // The browser's own words go to the console (the UI logs them), not to the learner.
        FallbackReason::PoolFailed { .. } => "Multi-threaded demos are unavailable here: the page is isolated, \
            but this browser could not start the worker threads. Everything still runs, on one thread."
            .into(),
    }
}

/// What the learner reads for a missing piece, as something the browser gives "no" of.
fn lacking(need: ThreadNeed) -> &'static str {
    match need {
        ThreadNeed::SharedArrayBuffer => "no SharedArrayBuffer",
        ThreadNeed::Atomics => "no Atomics (with which threads wait for each other)",
        ThreadNeed::SharedWasmMemory => "no shared WebAssembly memory",
        ThreadNeed::PostSharedMemory => "no way to hand shared memory to another thread",
    }
}

/// "no SharedArrayBuffer"; "no SharedArrayBuffer and no shared WebAssembly memory"; "a, b and c".
fn no_list(missing: &[ThreadNeed]) -> String {
    let words: Vec<&str> = missing.iter().map(|&need| lacking(need)).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
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
        let failed = FallbackReason::PoolFailed { message: "RangeError: WebAssembly.Memory(): boom".into() };
        assert!(!fallback_notice(&failed).contains("boom"), "the browser's words are for the console");
        assert_eq!(
            machine_summary(&Threading::SingleThread { reason: failed }),
            "one thread, as the worker threads did not start"
        );
    }

    #[test]
    fn an_isolated_page_without_shared_memory_is_told_what_it_lacks_not_that_it_lacks_isolation() {
        // WebKitGTK without JSC_useSharedArrayBuffer=1.
        let missing = vec![ThreadNeed::SharedArrayBuffer, ThreadNeed::SharedWasmMemory, ThreadNeed::PostSharedMemory];
        let reason = FallbackReason::Unsupported { missing };
        assert_eq!(
            fallback_notice(&reason),
            "Multi-threaded demos are unavailable here: the page is cross-origin isolated, but this browser \
             gives it no SharedArrayBuffer, no shared WebAssembly memory and no way to hand shared memory to \
             another thread, which threads need. Everything still runs, on one thread. Chromium, Firefox and \
             Safari give an isolated page shared memory."
        );
        assert_eq!(
            machine_summary(&Threading::SingleThread { reason }),
            "one thread, as this browser gives the page no SharedArrayBuffer, no shared WebAssembly memory and \
             no way to hand shared memory to another thread"
        );
    }

    #[test]
    fn each_missing_piece_has_its_words() {
        let summary = |need| {
            let reason = FallbackReason::Unsupported { missing: vec![need] };
            machine_summary(&Threading::SingleThread { reason })
        };
        assert_eq!(
            summary(ThreadNeed::SharedArrayBuffer),
            "one thread, as this browser gives the page no SharedArrayBuffer"
        );
        assert_eq!(
            summary(ThreadNeed::Atomics),
            "one thread, as this browser gives the page no Atomics (with which threads wait for each other)"
        );
        let atomics_and_posting =
            FallbackReason::Unsupported { missing: vec![ThreadNeed::Atomics, ThreadNeed::PostSharedMemory] };
        assert!(fallback_notice(&atomics_and_posting).contains(
            "no Atomics (with which threads wait for each other) and no way to hand shared memory to another thread, which"
        ));
        assert!(fallback_notice(&FallbackReason::NotIsolated).contains("this page is not cross-origin isolated"));
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
    fn a_parallel_run_slower_than_one_thread_is_called_slower() {
        // WebKit, n = 20 000 000: 36 ms on one thread, 78 ms on four.
        let c = Comparison { one: outcome(36.0, 1.0, &[0]), all: outcome(78.0, 1.0, &[0, 1, 2, 3]), workers: 4 };
        assert_eq!(
            c.headline(),
            "4 threads: 2.17× slower than 1 thread (12 % parallel efficiency): for so small an n, starting the \
             threads costs more than they save; try a larger n"
        );
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
