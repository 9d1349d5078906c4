//! Runs requests: on the rayon pool in the threaded build, cooperatively on this thread otherwise.
//!
//! The engine worker's own thread never blocks on the pool: a job is handed over with
//! `rayon::spawn`, and its result comes back on a oneshot channel that is awaited, so the worker
//! keeps receiving messages (a Stop, for instance) while the pool computes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use playground_core::compute::{self, Cancelled, ComputeOutcome, ComputePlan};
use playground_core::protocol::{
    ComputeMode, EngineInfo, Event, FallbackReason, Request, RunId, ThreadSupport, Threading,
};
use playground_core::python::{self, Pace, RunError, RunOptions, Scenario};
use wasm_bindgen_futures::spawn_local;

use crate::platform::{self, now_ms};
use crate::stream;

thread_local! {
    static THREADING: RefCell<Threading> =
        const { RefCell::new(Threading::SingleThread { reason: FallbackReason::NotIsolated }) };
    /// Stop flags of the runs in flight, by id.
    static RUNS: RefCell<HashMap<RunId, Arc<AtomicBool>>> = RefCell::new(HashMap::new());
    static CORES: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// Starts the pool when this is the threaded build and the browser gives threads all they need.
pub async fn start(support: Result<ThreadSupport, String>) -> EngineInfo {
    let cores = platform::cores();
    let threading = match support {
        Ok(support) => match support.fallback() {
            Some(reason) => Threading::SingleThread { reason },
            None => start_pool(cores).await,
        },
        Err(message) => Threading::SingleThread { reason: FallbackReason::PoolFailed { message } },
    };
    THREADING.with(|t| *t.borrow_mut() = threading.clone());
    CORES.with(|c| c.set(cores));
    EngineInfo { cores, threading }
}

#[cfg(feature = "threads")]
async fn start_pool(cores: u32) -> Threading {
    let pool_threads = playground_core::protocol::pool_size(cores);
    match wasm_bindgen_futures::JsFuture::from(wasm_bindgen_rayon::init_thread_pool(pool_threads as usize)).await {
        Ok(_) => Threading::Threads { pool_threads },
        Err(e) => {
            let message = js_sys::Error::from(e).message().into();
            Threading::SingleThread { reason: FallbackReason::PoolFailed { message } }
        }
    }
}

/// worker.js loads this build only when a probe failed, so `fallback` named a reason above.
#[cfg(not(feature = "threads"))]
async fn start_pool(_cores: u32) -> Threading {
    let message = "the single-threaded engine was loaded where threads could start".to_string();
    Threading::SingleThread { reason: FallbackReason::PoolFailed { message } }
}

/// Dispatches one request.
///
/// One run at a time: Python's threads each hold a pool thread for the whole run, so two runs at
/// once could starve each other of threads. A second run is refused with a message the UI shows.
pub fn handle(request: Request) {
    match request {
        Request::Compute { id, n, chunks, mode } => match ComputePlan::new(n, chunks) {
            Ok(plan) => start_run(id, move |stop| async move {
                match run_compute(plan, mode, stop).await {
                    Ok(outcome) => Event::Computed { id, mode, outcome },
                    Err(Cancelled) => Event::Stopped { id },
                }
            }),
            Err(e) => platform::post(&Event::Failed { id: Some(id), message: e.to_string() }),
        },
        Request::Run { id, scenario } => start_run(id, move |stop| async move {
            match run_scenario(id, scenario, stop).await {
                Ok(report) => Event::Finished { id, report },
                Err(RunError::Cancelled) => Event::Stopped { id },
                Err(RunError::Invalid { message }) => Event::Failed { id: Some(id), message },
            }
        }),
        // Not a run: it must be able to crash the engine while a run is going, as a real bug would.
        Request::Panic { .. } => deliberate_panic(),
        Request::Stop { id } => {
            // A run that already finished has nothing to stop; its result was already sent.
            if let Some(stop) = RUNS.with(|r| r.borrow().get(&id).cloned()) {
                stop.store(true, Ordering::Relaxed);
            }
        }
    }
}

#[cfg(feature = "threads")]
fn deliberate_panic() {
    if let Threading::Threads { .. } = threading() {
        rayon::spawn(|| panic!("a deliberate panic on a pool thread (Request::Panic)"));
    } else {
        panic!("a deliberate panic in the engine (Request::Panic)");
    }
}

#[cfg(not(feature = "threads"))]
fn deliberate_panic() {
    panic!("a deliberate panic in the engine (Request::Panic)");
}

/// Registers run `id`, runs it without blocking this thread, and posts the event it ends with.
fn start_run<F, Fut>(id: RunId, run: F)
where
    F: FnOnce(Arc<AtomicBool>) -> Fut + 'static,
    Fut: std::future::Future<Output = Event> + 'static,
{
    if RUNS.with(|r| !r.borrow().is_empty()) {
        let message = "another run is still going: wait for it to finish, or stop it first".to_string();
        platform::post(&Event::Failed { id: Some(id), message });
        return;
    }
    let stop = Arc::new(AtomicBool::new(false));
    RUNS.with(|r| r.borrow_mut().insert(id, stop.clone()));
    spawn_local(async move {
        let event = run(stop).await;
        RUNS.with(|r| r.borrow_mut().remove(&id));
        platform::post(&event);
    });
}

fn options() -> RunOptions {
    RunOptions {
        cores: CORES.with(|c| c.get()),
        max_threads: threading().pool_threads(),
        clock: now_ms,
        pace: Pace::CPYTHON,
    }
}

/// Runs a Python scenario, streaming its progress: each Python thread on a pool thread of its own
/// when there are threads, otherwise in the core's one-thread simulation.
async fn run_scenario(id: RunId, scenario: Scenario, stop: Arc<AtomicBool>) -> Result<python::RunReport, RunError> {
    let opts = options();
    match threading() {
        Threading::Threads { .. } => {
            let live = Arc::new(python::Live::new());
            let recording = live.clone();
            let job =
                on_pool(move || python::run_threads_live(&scenario, &opts, &pool::PoolThreads, &stop, &recording));
            stream::while_on_pool(id, live, job).await
        }
        Threading::SingleThread { .. } => stream::simulate(id, &scenario, &opts, &stop).await,
    }
}

fn threading() -> Threading {
    THREADING.with(|t| t.borrow().clone())
}

async fn run_compute(plan: ComputePlan, mode: ComputeMode, stop: Arc<AtomicBool>) -> Result<ComputeOutcome, Cancelled> {
    match threading() {
        Threading::Threads { pool_threads } => {
            let workers = match mode {
                ComputeMode::OneThread => 1,
                ComputeMode::AllThreads { workers } => workers.clamp(1, pool_threads) as usize,
            };
            on_pool(move || {
                if workers == 1 {
                    compute::run_one_thread(plan, now_ms, &stop)
                } else {
                    compute::run_all_threads(plan, workers, now_ms, &stop)
                }
            })
            .await
        }
        // One thread, whatever was asked: yield between chunks so a Stop message gets through.
        Threading::SingleThread { .. } => run_here(plan, &stop).await,
    }
}

/// Runs `job` on a pool thread and awaits its result without blocking this thread.
#[cfg(feature = "threads")]
async fn on_pool<T: Send + 'static>(job: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = futures_channel::oneshot::channel();
    rayon::spawn(move || {
        let _ = tx.send(job());
    });
    rx.await.expect("a pool job never drops its result channel unless it aborts")
}

/// Python threads on the rayon pool.
#[cfg(feature = "threads")]
mod pool {
    use playground_core::python::Spawn;

    /// Runs each Python thread as a job of one `rayon::scope`, the calling pool thread being
    /// Python's main thread. Every idle pool thread steals one job and keeps it while it blocks,
    /// so `n` Python threads need `n` pool threads: the core validates the scenario against the
    /// pool's size before anything starts.
    pub struct PoolThreads;

    impl Spawn for PoolThreads {
        fn run_all(&self, n: usize, body: &(dyn Fn(usize) + Sync)) {
            rayon::scope(|s| {
                for i in 1..n {
                    s.spawn(move |_| body(i));
                }
                if n > 0 {
                    body(0);
                }
            });
        }
    }
}

#[cfg(not(feature = "threads"))]
mod pool {
    use playground_core::python::Spawn;

    /// Never used: the single-threaded build never reports `Threading::Threads`.
    pub struct PoolThreads;

    impl Spawn for PoolThreads {
        fn run_all(&self, _n: usize, _body: &(dyn Fn(usize) + Sync)) {
            unreachable!("the single-threaded build simulates instead")
        }
    }
}

#[cfg(not(feature = "threads"))]
async fn on_pool<T>(_job: impl FnOnce() -> T) -> T {
    unreachable!("the single-threaded build never reports Threading::Threads")
}

/// Runs chunk by chunk on this thread, giving the event loop a turn every few milliseconds so a
/// Stop message gets through.
async fn run_here(plan: ComputePlan, stop: &AtomicBool) -> Result<ComputeOutcome, Cancelled> {
    const SLICE_MS: f64 = 8.0;
    let start = now_ms();
    let mut last_yield = start;
    let mut reports = Vec::with_capacity(plan.chunks() as usize);
    for k in 0..plan.chunks() {
        if now_ms() - last_yield >= SLICE_MS {
            platform::yield_now().await;
            last_yield = now_ms();
        }
        if stop.load(Ordering::Relaxed) {
            return Err(Cancelled);
        }
        reports.push(plan.run_chunk(k, now_ms));
    }
    Ok(ComputeOutcome::from_chunks(reports, start, now_ms()))
}
