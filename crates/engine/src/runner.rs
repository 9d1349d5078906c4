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
use playground_core::protocol::{ComputeMode, EngineInfo, Event, FallbackReason, Request, RunId, Threading};
use wasm_bindgen_futures::spawn_local;

use crate::platform::{self, now_ms};

thread_local! {
    static THREADING: RefCell<Threading> =
        const { RefCell::new(Threading::SingleThread { reason: FallbackReason::NotIsolated }) };
    /// Stop flags of the runs in flight, by id.
    static RUNS: RefCell<HashMap<RunId, Arc<AtomicBool>>> = RefCell::new(HashMap::new());
}

/// Starts the pool when this is the threaded build and the page is isolated.
pub async fn start(isolated: bool) -> EngineInfo {
    let cores = platform::cores();
    let threading = start_pool(isolated, cores).await;
    THREADING.with(|t| *t.borrow_mut() = threading.clone());
    EngineInfo { cores, threading }
}

#[cfg(feature = "threads")]
async fn start_pool(isolated: bool, cores: u32) -> Threading {
    if !isolated {
        return Threading::SingleThread { reason: FallbackReason::NotIsolated };
    }
    let pool_threads = playground_core::protocol::pool_size(cores);
    match wasm_bindgen_futures::JsFuture::from(wasm_bindgen_rayon::init_thread_pool(pool_threads as usize)).await {
        Ok(_) => Threading::Threads { pool_threads },
        Err(e) => {
            let message = js_sys::Error::from(e).message().into();
            Threading::SingleThread { reason: FallbackReason::PoolFailed { message } }
        }
    }
}

#[cfg(not(feature = "threads"))]
async fn start_pool(_isolated: bool, _cores: u32) -> Threading {
    Threading::SingleThread { reason: FallbackReason::NotIsolated }
}

/// Dispatches one request.
pub fn handle(request: Request) {
    match request {
        Request::Compute { id, n, chunks, mode } => match ComputePlan::new(n, chunks) {
            Ok(plan) => {
                let stop = Arc::new(AtomicBool::new(false));
                RUNS.with(|r| r.borrow_mut().insert(id, stop.clone()));
                spawn_local(async move {
                    let result = run_compute(plan, mode, stop).await;
                    RUNS.with(|r| r.borrow_mut().remove(&id));
                    platform::post(&match result {
                        Ok(outcome) => Event::Computed { id, mode, outcome },
                        Err(Cancelled) => Event::Stopped { id },
                    });
                });
            }
            Err(e) => platform::post(&Event::Failed { id: Some(id), message: e.to_string() }),
        },
        Request::Stop { id } => {
            // A run that already finished has nothing to stop; its result was already sent.
            if let Some(stop) = RUNS.with(|r| r.borrow().get(&id).cloned()) {
                stop.store(true, Ordering::Relaxed);
            }
        }
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
            yield_now().await;
            last_yield = now_ms();
        }
        if stop.load(Ordering::Relaxed) {
            return Err(Cancelled);
        }
        reports.push(plan.run_chunk(k, now_ms));
    }
    Ok(ComputeOutcome::from_chunks(reports, start, now_ms()))
}

/// Lets pending messages be delivered before the next piece of work.
///
/// A message to ourselves through a `MessageChannel`, not `setTimeout(0)`: browsers clamp nested
/// timeouts to 4 ms, which made a 256-chunk run spend a second asleep.
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::UNDEFINED);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
