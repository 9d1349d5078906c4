//! The shared state of a run on real threads: each process's memory, and the executor's futures.
//!
//! Everything here is real shared memory guarded by real locks. Module globals are plain atomics
//! read and written separately (`load`, then `store`), never `fetch_add`: that is what Python's
//! `counter += 1` does, so when two threads interleave without a GIL, updates are really lost.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use super::report::TaskReport;
use super::scenario::Call;

/// Locks a mutex whether or not a panicking thread poisoned it: the data stays meaningful.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A `threading.Lock`.
#[derive(Default)]
pub struct PyLock {
    pub locked: Mutex<bool>,
    pub cv: Condvar,
}

/// A `queue.Queue`: its items, and how many were put but not yet marked `task_done()`.
#[derive(Default)]
pub struct PyQueue {
    pub state: Mutex<QueueState>,
    pub cv: Condvar,
}

#[derive(Default)]
pub struct QueueState {
    pub items: VecDeque<Option<i64>>,
    pub unfinished: u64,
}

/// One process's memory: its module globals and its `threading` / `queue` objects.
///
/// Threads share their process's `Space`; each worker process gets its own, a copy of the parent's
/// at fork time, so what a worker process changes the parent never sees.
pub struct Space {
    pub vars: [AtomicI64; 1],
    pub locks: [PyLock; 1],
    pub queues: [PyQueue; 2],
    pub events: [AtomicBool; 1],
}

impl Default for Space {
    fn default() -> Self {
        Self {
            vars: [AtomicI64::new(0)],
            locks: Default::default(),
            queues: Default::default(),
            events: [AtomicBool::new(false)],
        }
    }
}

impl Space {
    pub fn load(&self, var: usize) -> i64 {
        self.vars[var].load(Ordering::Relaxed)
    }

    pub fn store(&self, var: usize, value: i64) {
        self.vars[var].store(value, Ordering::Relaxed)
    }
}

/// The executor: submitted calls not yet taken, every future, and the order they completed in.
pub struct Pool {
    pub state: Mutex<PoolState>,
    pub cv: Condvar,
}

pub struct PoolState {
    pub calls: Vec<Call>,
    pub pending: VecDeque<u32>,
    pub shutdown: bool,
    pub tasks: Vec<TaskReport>,
    /// Task ids in the order they completed.
    pub completed: Vec<u32>,
    /// How many of `completed` `as_completed` has yielded.
    pub yielded: usize,
    /// Task ids in the order the main thread received them.
    pub collected: Vec<u32>,
}

impl Pool {
    pub fn new(calls: Vec<Call>) -> Self {
        let tasks = calls
            .iter()
            .enumerate()
            .map(|(id, c)| TaskReport {
                id: id as u32,
                call: c.python(),
                worker: None,
                started_ms: None,
                finished_ms: None,
                outcome: None,
            })
            .collect();
        let state = PoolState {
            calls,
            pending: VecDeque::new(),
            shutdown: false,
            tasks,
            completed: Vec::new(),
            yielded: 0,
            collected: Vec::new(),
        };
        Self { state: Mutex::new(state), cv: Condvar::new() }
    }
}

/// Copies a value the way `pickle` does between processes: out to bytes and back into a new object.
pub fn through_pickle<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    let bytes = serde_json::to_vec(value).expect("calls and outcomes always serialize");
    serde_json::from_slice(&bytes).expect("what was just serialized deserializes")
}
