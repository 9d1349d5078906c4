//! The lesson's `compute(n) = sum(math.sqrt(i) for i in range(n))`, split into chunks that threads share.
//!
//! One kernel, two drivers: [`run_one_thread`] walks the chunks in order on the calling thread, and
//! [`run_all_threads`] lets `workers` rayon jobs pull chunks from a shared counter. Both add the chunk
//! sums in chunk order, so their totals are bit-for-bit equal whatever the schedule was.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::params::{Bounded, ParamError};

/// A clock in milliseconds shared by every thread of a run (in browsers, `timeOrigin + now()`).
pub type Clock = fn() -> f64;

/// Bounds on `n`: below 1 there is nothing to do, above 10⁹ a single thread needs several seconds.
pub const N: Bounded = Bounded { name: "n", min: 1, max: 1_000_000_000 };
/// Bounds on the number of chunks the work is cut into.
pub const CHUNKS: Bounded = Bounded { name: "chunks", min: 1, max: 4096 };

/// `sum(math.sqrt(i) for i in range)`, the unit of work one thread does at a time.
///
/// Four independent accumulators (added together at the end) let the CPU, native or wasm, overlap
/// the square roots instead of waiting on one long chain of additions. The counter is kept as an
/// exact `f64` (every integer below 2⁵³ is one), so no integer-to-float conversion sits in the loop.
pub fn sum_sqrt(range: Range<u64>) -> f64 {
    let (start, end) = (range.start, range.end.max(range.start));
    let len = end - start;
    let blocks = len / 4;
    let mut acc = [0.0f64; 4];
    let mut x = [start as f64, start as f64 + 1.0, start as f64 + 2.0, start as f64 + 3.0];
    for _ in 0..blocks {
        for lane in 0..4 {
            acc[lane] += x[lane].sqrt();
            x[lane] += 4.0;
        }
    }
    let mut tail = 0.0;
    for i in start + blocks * 4..end {
        tail += (i as f64).sqrt();
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// How `compute(n)` is cut into chunks; validated on construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComputePlan {
    n: u64,
    chunks: u32,
}

impl ComputePlan {
    /// A plan for `compute(n)` in `chunks` pieces, or a message a learner can read.
    pub fn new(n: u64, chunks: u32) -> Result<Self, ParamError> {
        N.check(n)?;
        CHUNKS.check(u64::from(chunks))?;
        // Never more chunks than numbers to add up: every chunk has work.
        let chunks = chunks.min(n as u32).max(1);
        Ok(Self { n, chunks })
    }

    pub fn n(&self) -> u64 {
        self.n
    }

    pub fn chunks(&self) -> u32 {
        self.chunks
    }

    /// The numbers chunk `k` adds up: the chunks tile `0..n` in order, sizes differing by at most one.
    pub fn chunk_range(&self, k: u32) -> Range<u64> {
        let (n, c, k) = (self.n as u128, self.chunks as u128, k as u128);
        ((k * n / c) as u64)..(((k + 1) * n / c) as u64)
    }

    /// Runs chunk `k` on the calling thread and says which pool thread that was and when.
    pub fn run_chunk(&self, k: u32, clock: Clock) -> ChunkReport {
        let start_ms = clock();
        let sum = sum_sqrt(self.chunk_range(k));
        let end_ms = clock();
        let thread = rayon::current_thread_index().map(|t| t as u32);
        ChunkReport { index: k, thread, start_ms, end_ms, sum }
    }
}

/// What one chunk did: which worker thread ran it, when, and its partial sum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ChunkReport {
    pub index: u32,
    /// The rayon pool thread that ran the chunk; `None` when it ran outside any pool.
    pub thread: Option<u32>,
    pub start_ms: f64,
    pub end_ms: f64,
    pub sum: f64,
}

/// The result of one run of `compute(n)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComputeOutcome {
    pub sum: f64,
    pub start_ms: f64,
    pub elapsed_ms: f64,
    /// Every chunk, in chunk order.
    pub chunks: Vec<ChunkReport>,
}

impl ComputeOutcome {
    /// Builds the outcome from chunk reports in any order; sums them in chunk order.
    pub fn from_chunks(mut chunks: Vec<ChunkReport>, start_ms: f64, end_ms: f64) -> Self {
        chunks.sort_by_key(|c| c.index);
        let sum = chunks.iter().map(|c| c.sum).sum();
        Self { sum, start_ms, elapsed_ms: end_ms - start_ms, chunks }
    }

    /// The distinct worker threads that ran at least one chunk, in ascending order.
    pub fn threads_used(&self) -> Vec<u32> {
        let mut t: Vec<u32> = Vec::new();
        for thread in self.chunks.iter().filter_map(|c| c.thread) {
            insert_sorted(&mut t, thread);
        }
        t
    }

    /// How many chunks each worker thread ran, by thread, in ascending thread order.
    pub fn chunks_per_thread(&self) -> Vec<(u32, usize)> {
        self.threads_used()
            .into_iter()
            .map(|t| (t, self.chunks.iter().filter(|c| c.thread == Some(t)).count()))
            .collect()
    }
}

/// The run was stopped before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// Runs every chunk in order on the calling thread: the "1 thread" measurement.
pub fn run_one_thread(plan: ComputePlan, clock: Clock, stop: &AtomicBool) -> Result<ComputeOutcome, Cancelled> {
    let start = clock();
    let mut reports = Vec::with_capacity(plan.chunks() as usize);
    for k in 0..plan.chunks() {
        if stop.load(Ordering::Relaxed) {
            return Err(Cancelled);
        }
        reports.push(plan.run_chunk(k, clock));
    }
    Ok(ComputeOutcome::from_chunks(reports, start, clock()))
}

/// Runs the chunks on `workers` rayon jobs at once, each pulling the next unclaimed chunk.
///
/// Must be called from inside a rayon pool with at least `workers` threads (or natively, where the
/// global pool is created on demand). Pulling from a counter rather than pre-assigning chunks keeps
/// every thread busy until the very end even when one of them is slowed down by the OS.
pub fn run_all_threads(
    plan: ComputePlan,
    workers: usize,
    clock: Clock,
    stop: &AtomicBool,
) -> Result<ComputeOutcome, Cancelled> {
    let start = clock();
    let next = AtomicUsize::new(0);
    let per_job: Vec<Vec<ChunkReport>> = (0..workers.max(1))
        .into_par_iter()
        .with_max_len(1)
        .map(|_| {
            let mut mine = Vec::new();
            loop {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let k = next.fetch_add(1, Ordering::Relaxed);
                if k >= plan.chunks() as usize {
                    break;
                }
                mine.push(plan.run_chunk(k as u32, clock));
            }
            mine
        })
        .collect();
    let end = clock();
    if stop.load(Ordering::Relaxed) {
        return Err(Cancelled);
    }
    Ok(ComputeOutcome::from_chunks(per_job.into_iter().flatten().collect(), start, end))
}

/// Adds `x` to an ascending list of distinct values, unless it is there. The lists are a handful of
/// thread ids, and this keeps a general sort's code (~3 KB gzipped) out of the UI's wasm.
pub fn insert_sorted<T: Ord>(list: &mut Vec<T>, x: T) {
    if let Err(at) = list.binary_search(&x) {
        list.insert(at, x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_sorted_keeps_an_ascending_set() {
        let mut list = Vec::new();
        for x in [3, 1, 3, 2, 1, 9, 0] {
            insert_sorted(&mut list, x);
        }
        assert_eq!(list, [0, 1, 2, 3, 9]);
    }

    fn clock() -> f64 {
        use std::time::Instant;
        thread_local!(static T0: Instant = Instant::now());
        T0.with(|t| t.elapsed().as_secs_f64() * 1e3)
    }

    /// Euler–Maclaurin for Σ_{i=1}^{m} √i, accurate to ~m^{-5/2}.
    fn closed_form(n: u64) -> f64 {
        let m = (n - 1) as f64;
        const ZETA_MINUS_HALF: f64 = -0.207_886_224_977_354_6;
        2.0 / 3.0 * m.powf(1.5) + 0.5 * m.sqrt() + ZETA_MINUS_HALF + 1.0 / (24.0 * m.sqrt())
    }

    #[test]
    fn sum_sqrt_matches_the_naive_python_loop() {
        for range in [0..0, 0..1, 0..5, 3..4, 7..1000, 1_000_003..1_000_017] {
            let naive: f64 = range.clone().map(|i| (i as f64).sqrt()).sum();
            let fast = sum_sqrt(range.clone());
            assert!((fast - naive).abs() <= 1e-12 * naive.max(1.0), "{range:?}: {fast} vs {naive}");
        }
    }

    #[test]
    fn compute_matches_the_closed_form() {
        for n in [1_000u64, 1_000_000, 10_000_000] {
            let plan = ComputePlan::new(n, 64).unwrap();
            let got = run_one_thread(plan, clock, &AtomicBool::new(false)).unwrap().sum;
            let want = closed_form(n);
            assert!((got - want).abs() / want < 1e-12, "n={n}: {got} vs {want}");
        }
    }

    #[test]
    fn chunks_tile_the_range_exactly() {
        for (n, c) in [(10, 3), (1, 1), (1000, 64), (7, 4096), (1_000_000_000, 4096)] {
            let plan = ComputePlan::new(n, c).unwrap();
            let mut expected_start = 0;
            for k in 0..plan.chunks() {
                let r = plan.chunk_range(k);
                assert_eq!(r.start, expected_start);
                assert!(!r.is_empty(), "n={n} c={c} k={k} is empty");
                expected_start = r.end;
            }
            assert_eq!(expected_start, n);
        }
    }

    #[test]
    fn one_thread_and_all_threads_agree_bit_for_bit() {
        let plan = ComputePlan::new(3_000_000, 48).unwrap();
        let stop = AtomicBool::new(false);
        let one = run_one_thread(plan, clock, &stop).unwrap();
        let all = run_all_threads(plan, 4, clock, &stop).unwrap();
        assert_eq!(one.sum.to_bits(), all.sum.to_bits());
        assert_eq!(all.chunks.len(), 48);
        assert!(all.chunks.iter().enumerate().all(|(i, c)| c.index as usize == i));
    }

    #[test]
    fn all_threads_really_uses_several_threads() {
        // A pool of its own, so the assertion does not depend on the machine's core count.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
        let plan = ComputePlan::new(40_000_000, 256).unwrap();
        let all = pool.install(|| run_all_threads(plan, 4, clock, &AtomicBool::new(false))).unwrap();
        assert!(all.threads_used().len() >= 2, "ran on {:?}", all.threads_used());
    }

    #[test]
    fn chunks_are_counted_per_thread() {
        let chunk = |index, thread| ChunkReport { index, thread, start_ms: 0.0, end_ms: 1.0, sum: 0.0 };
        let o = ComputeOutcome::from_chunks(
            vec![chunk(0, Some(1)), chunk(1, Some(0)), chunk(2, Some(1)), chunk(3, None)],
            0.0,
            1.0,
        );
        assert_eq!(o.threads_used(), vec![0, 1]);
        assert_eq!(o.chunks_per_thread(), vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn a_stopped_run_stops() {
        let plan = ComputePlan::new(1_000_000, 16).unwrap();
        let stop = AtomicBool::new(true);
        assert_eq!(run_one_thread(plan, clock, &stop), Err(Cancelled));
        assert_eq!(run_all_threads(plan, 2, clock, &stop), Err(Cancelled));
    }

    #[test]
    fn out_of_bounds_plans_are_refused_with_a_message() {
        let e = ComputePlan::new(0, 4).unwrap_err();
        assert_eq!(e.to_string(), "n must be at least 1 (got 0)");
        let e = ComputePlan::new(2_000_000_000, 4).unwrap_err();
        assert_eq!(e.to_string(), "n must be at most 1_000_000_000 (got 2_000_000_000)");
        assert!(ComputePlan::new(10, 0).is_err());
        assert_eq!(ComputePlan::new(3, 64).unwrap().chunks(), 3);
    }
}
