//! What a learner asks the engine to run: the execution model and the lesson's program, as serde types.
//!
//! A [`Scenario`] crosses `postMessage` as JSON, so every field is plain data. [`Scenario::validate`]
//! checks every number against a [`Bounded`] range before anything starts, so a bad value is a
//! sentence for the learner, never a panic or a run that never ends.

use serde::{Deserialize, Serialize};

use crate::params::{Bounded, ParamError};

/// Bounds on `compute(n)`: 50 million steps at CPython's pace is about four seconds of one core.
pub const N: Bounded = Bounded { name: "n", min: 1, max: 50_000_000 };
/// Bounds on how many tasks one run submits.
pub const TASKS: Bounded = Bounded { name: "tasks", min: 1, max: 32 };
/// Bounds on `max_workers`, and on the threads of the raw `threading` demos; Python caps its own default at 32.
pub const WORKERS: Bounded = Bounded { name: "max_workers", min: 1, max: 32 };
/// Bounds on a simulated request's latency and timeout, in milliseconds.
pub const LATENCY_MS: Bounded = Bounded { name: "latency_ms", min: 0, max: 10_000 };
/// Bounds on one generated file of the compression demo, in KiB (16 MiB at most, 8 files fit in memory).
pub const FILE_KB: Bounded = Bounded { name: "file_kb", min: 1, max: 16 * 1024 };
/// Bounds on the counter demo's increments per thread.
pub const INCREMENTS: Bounded = Bounded { name: "increments", min: 1, max: 1_000_000 };
/// Bounds on `sys.setswitchinterval`, in milliseconds.
pub const SWITCH_INTERVAL_MS: Bounded = Bounded { name: "switch_interval_ms", min: 1, max: 1_000 };
/// Bounds on how long starting one process costs, in milliseconds.
pub const PROCESS_START_MS: Bounded = Bounded { name: "process_start_ms", min: 0, max: 2_000 };
/// Bounds on how long the main thread lets the `stop_event` worker run, in milliseconds.
pub const RUN_MS: Bounded = Bounded { name: "run_ms", min: 0, max: 10_000 };
/// Bounds on the number of items put on the task queue.
pub const ITEMS: Bounded = Bounded { name: "items", min: 0, max: 1_000 };

/// One run: which Python executes which program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub model: Model,
    pub program: Program,
    /// `sys.getswitchinterval()` in milliseconds; CPython's default is 5.
    #[serde(default = "default_switch_interval_ms")]
    pub switch_interval_ms: u32,
    /// What starting one worker process costs (fork, import); only the `processes` model pays it.
    #[serde(default = "default_process_start_ms")]
    pub process_start_ms: u32,
}

fn default_switch_interval_ms() -> u32 {
    5
}

fn default_process_start_ms() -> u32 {
    4
}

/// The three ways of running Python code side by side that the lesson compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    /// Threads in CPython 3.x with its global interpreter lock: one thread runs bytecode at a time.
    Gil,
    /// Threads in a free-threaded build (3.13t / 3.14t): no GIL, bytecode runs truly in parallel.
    FreeThreaded,
    /// `multiprocessing` / `ProcessPoolExecutor`: separate processes, each with its own GIL and memory.
    Processes,
}

impl Model {
    /// The executor class the lesson uses for this model.
    pub fn executor_name(self) -> &'static str {
        match self {
            Model::Gil | Model::FreeThreaded => "ThreadPoolExecutor",
            Model::Processes => "ProcessPoolExecutor",
        }
    }
}

/// The Python program a run executes: one of the lesson's listings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Program {
    /// `with Executor(max_workers) as pool:` submit every call, then collect the results as `collect` says.
    Executor { max_workers: Option<u32>, calls: Vec<Call>, collect: Collect },
    /// The shared counter: `threads` threads each add 1 `increments` times.
    Counter { variant: CounterVariant, threads: u32, increments: u32 },
    /// A worker loop stopped by `stop_event`; the main thread sleeps `run_ms`, then sets it (or forgets to).
    StopEvent { run_ms: u32, set_event: bool, daemon: bool },
    /// `task_queue` / `result_queue` with poison pills, as in the lesson.
    TaskQueue { workers: u32, items: u32, pill_task_done: bool },
}

/// One function call submitted to an executor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "fn", rename_all = "snake_case")]
pub enum Call {
    /// `compute(n) = sum(math.sqrt(i) for i in range(n))`, CPU-bound pure Python.
    Compute { n: u64 },
    /// `risky_fetch(url)`: waits `latency_ms` for the network, then answers or raises.
    Fetch { url: String, latency_ms: u32, timeout_ms: u32, fail: Option<Failure> },
    /// Compresses generated file number `file` of `kb` KiB.
    Compress { file: u32, kb: u32, flavour: Flavour },
}

/// How a simulated request goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// The server answers `404 Not Found`; `raise_for_status()` raises `HTTPError`.
    NotFound,
    /// The server never answers; `requests` raises `Timeout` after `timeout_ms`.
    Timeout,
}

/// Who compresses: Python code (holds the GIL) or the `zlib` C extension (releases it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flavour {
    PurePython,
    Zlib,
}

/// How the main thread collects the futures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Collect {
    /// `list(pool.map(fn, args))`: results in submission order; the first exception stops the list.
    Map,
    /// `[f.result() for f in futures]`: in submission order, each `result()` re-raising its task's exception.
    Submit,
    /// `for f in as_completed(futures)`: in completion order, each failure caught and printed.
    AsCompleted,
}

/// The three counters the lesson's "danger zone" is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CounterVariant {
    /// `with lock: counter += 1`.
    Lock,
    /// `counter += 1`, no lock.
    Plain,
    /// `tmp = counter; f(); counter = tmp + 1`: a read, a call, then a write.
    ReadCallWrite,
}

impl Scenario {
    /// A scenario with CPython's default switch interval and process start-up cost.
    pub fn new(model: Model, program: Program) -> Self {
        Self {
            model,
            program,
            switch_interval_ms: default_switch_interval_ms(),
            process_start_ms: default_process_start_ms(),
        }
    }

    /// Checks every number against its bounds; `cores` decides Python's default `max_workers`,
    /// `max_threads` is how many threads (main thread included) this engine can run at once.
    pub fn validate(&self, cores: u32, max_threads: u32) -> Result<(), ScenarioError> {
        SWITCH_INTERVAL_MS.check(self.switch_interval_ms.into())?;
        PROCESS_START_MS.check(self.process_start_ms.into())?;
        match &self.program {
            Program::Executor { max_workers, calls, .. } => {
                TASKS.check(calls.len() as u64)?;
                if let Some(w) = max_workers {
                    WORKERS.check((*w).into())?;
                }
                calls.iter().try_for_each(Call::validate)?;
            }
            Program::Counter { threads, increments, .. } => {
                Bounded { name: "threads", ..WORKERS }.check((*threads).into())?;
                INCREMENTS.check((*increments).into())?;
            }
            Program::StopEvent { run_ms, .. } => {
                RUN_MS.check((*run_ms).into())?;
            }
            Program::TaskQueue { workers, items, .. } => {
                Bounded { name: "workers", ..WORKERS }.check((*workers).into())?;
                ITEMS.check((*items).into())?;
            }
        }
        let threads = self.threads(cores) + 1;
        if threads > max_threads {
            return Err(ScenarioError::TooManyThreads { wanted: threads, available: max_threads });
        }
        Ok(())
    }

    /// How many Python threads (or processes) besides the main thread this run starts.
    ///
    /// Python's `ThreadPoolExecutor` starts a thread per submitted task until it has `max_workers`
    /// (default `min(32, cores + 4)`); `ProcessPoolExecutor` starts all `max_workers` processes
    /// (default `cores`) at once.
    pub fn threads(&self, cores: u32) -> u32 {
        match &self.program {
            Program::Executor { max_workers, calls, .. } => match self.model {
                Model::Processes => max_workers.unwrap_or(cores.max(1)),
                _ => max_workers.unwrap_or((cores + 4).min(32)).min(calls.len() as u32),
            },
            Program::Counter { threads, .. } => *threads,
            Program::StopEvent { .. } => 1,
            Program::TaskQueue { workers, .. } => *workers,
        }
    }
}

impl Call {
    fn validate(&self) -> Result<(), ScenarioError> {
        match self {
            Call::Compute { n } => {
                N.check(*n)?;
            }
            Call::Fetch { latency_ms, timeout_ms, .. } => {
                LATENCY_MS.check((*latency_ms).into())?;
                Bounded { name: "timeout_ms", min: 1, ..LATENCY_MS }.check((*timeout_ms).into())?;
            }
            Call::Compress { kb, .. } => {
                FILE_KB.check((*kb).into())?;
            }
        }
        Ok(())
    }
}

/// Why a scenario was refused before it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    Param(ParamError),
    TooManyThreads { wanted: u32, available: u32 },
}

impl From<ParamError> for ScenarioError {
    fn from(e: ParamError) -> Self {
        ScenarioError::Param(e)
    }
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScenarioError::Param(e) => e.fmt(f),
            ScenarioError::TooManyThreads { wanted, available } => write!(
                f,
                "this run needs {wanted} threads (the main thread included) but this page can run {available} at once: lower max_workers"
            ),
        }
    }
}

impl std::error::Error for ScenarioError {}
