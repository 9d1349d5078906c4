//! Python's concurrency model, run for real: the GIL, executors, threading primitives and traces.
//!
//! A learner's [`Scenario`] (an execution model and one of the lesson's programs) becomes Python
//! threads ([`programs::plan`]), each a machine of small steps ([`program::Step`]). Two runtimes
//! run them:
//!
//! - [`run_threads`]: every Python thread on a real thread of its own ([`Spawn`]), a real [`gil::Gil`]
//!   per process, real shared memory ([`world`]): what the page runs when it has threads.
//! - [`simulate`]: a deterministic discrete-event simulation of the same model on one thread and a
//!   virtual clock: what a page without cross-origin isolation runs, and what snapshot tests use.
//!
//! Both produce a [`RunReport`]: each task's result or exception, what the program printed and a
//! bounded [`Trace`] of what every thread did. Both can also hand out the trace in pieces while
//! they run ([`live`]), so a page can draw a run before it ends.
//!
//! Architecture invariant: nothing here knows about browsers; time comes in through a [`Clock`],
//! threads through [`Spawn`], and cancellation through an `AtomicBool`.

pub mod gil;
pub mod live;
pub mod primitives;
pub mod program;
pub mod programs;
pub mod report;
pub mod scenario;
pub mod sim;
pub mod spawn;
pub mod threads;
pub mod trace;
pub mod workload;
pub mod world;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_threads;

use serde::{Deserialize, Serialize};

use crate::compute::Clock;

pub use live::{LaneNews, Live, LiveTrace, TraceDelta};
pub use program::Pace;
pub use report::{CounterReport, Outcome, PyException, RunReport, TaskReport};
pub use scenario::{Call, Collect, CounterVariant, Failure, Flavour, Model, Program, Scenario, ScenarioError};
pub use sim::{simulate, Simulation};
pub use spawn::{Spawn, StdThreads};
pub use threads::{run_threads, run_threads_live};
pub use trace::{Span, SpanKind, Trace, WorkerTrace};

/// The most lines a run keeps of what the program printed.
pub const MAX_OUTPUT: usize = 1_000;

/// What the engine knows about where a run happens.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// The machine's cores (`navigator.hardwareConcurrency`): Python's default `max_workers`.
    pub cores: u32,
    /// How many threads can run at once, the main thread included (the rayon pool's size).
    pub max_threads: u32,
    /// Milliseconds on one clock shared by every thread.
    pub clock: Clock,
    /// How much real work one bytecode costs.
    pub pace: Pace,
}

/// Why a run produced no report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum RunError {
    /// The scenario was refused before it started; the message is for the learner.
    Invalid { message: String },
    /// The stop flag was set.
    Cancelled,
}

impl From<ScenarioError> for RunError {
    fn from(e: ScenarioError) -> Self {
        RunError::Invalid { message: e.to_string() }
    }
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Invalid { message } => f.write_str(message),
            RunError::Cancelled => f.write_str("the run was stopped"),
        }
    }
}
