//! Streams a run while it goes: an [`Event::Progress`] about every [`PROGRESS_MS`], then one more
//! just before the run's last event, so the page can draw the timeline before the run ends.
//!
//! On the pool, Python's threads publish what they record into a [`Live`] that this thread, the
//! engine worker's own, drains between two waits: it never touches the pool's threads, and they
//! never wait for it. The simulation runs on this thread itself, in slices of [`SLICE_MS`]: between
//! two slices a delta goes out when one is due, and pending messages (a Stop) are let in.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use playground_core::protocol::{Event, RunId};
use playground_core::python::{Live, RunError, RunOptions, RunReport, Scenario, Simulation};
use wasm_bindgen_futures::spawn_local;

use crate::platform::{self, now_ms};

/// How often a run in flight reports: often enough for a timeline that moves steadily, rarely
/// enough that a delta carries a useful handful of spans.
const PROGRESS_MS: i32 = 80;

/// How long the simulation computes before it lets pending messages in: well under the 100 ms a
/// Stop may take, and long enough that yielding costs next to nothing.
const SLICE_MS: f64 = 16.0;

/// Awaits `job`, a run on the pool publishing into `live`, and streams `live` meanwhile.
pub async fn while_on_pool(
    id: RunId,
    live: Arc<Live>,
    job: impl Future<Output = Result<RunReport, RunError>>,
) -> Result<RunReport, RunError> {
    let going = Rc::new(Cell::new(true));
    let (ticking, reading) = (going.clone(), live.clone());
    spawn_local(async move {
        loop {
            platform::sleep(PROGRESS_MS).await;
            // The run has ended (and said its last word) while this slept.
            if !ticking.get() {
                return;
            }
            let now = now_ms();
            platform::post(&Event::Progress { id, delta: reading.take(now, now) });
        }
    });
    let result = job.await;
    going.set(false);
    if result.is_ok() {
        let now = now_ms();
        platform::post(&Event::Progress { id, delta: live.take(now, now) });
    }
    result
}

/// Runs the simulation on this thread in slices, streaming it; a Stop set between slices ends it.
pub async fn simulate(
    id: RunId,
    scenario: &Scenario,
    opts: &RunOptions,
    stop: &AtomicBool,
) -> Result<RunReport, RunError> {
    let mut sim = Simulation::new(scenario, opts)?;
    let mut posted = now_ms();
    // The first delta names the lanes and pairs the wall clock with the modelled clock's 0.
    platform::post(&Event::Progress { id, delta: sim.delta(posted) });
    loop {
        let until = now_ms() + SLICE_MS;
        let done = sim.run(stop, || now_ms() >= until)?;
        let now = now_ms();
        if done || now - posted >= f64::from(PROGRESS_MS) {
            platform::post(&Event::Progress { id, delta: sim.delta(now) });
            posted = now;
        }
        if done {
            return Ok(sim.report());
        }
        platform::yield_now().await;
    }
}
