//! What a run produced: each task's result or exception, what the program printed, and its trace.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::scenario::Model;
use super::trace::Trace;

/// A Python exception, as `print(e)` and `type(e).__name__` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PyException {
    /// `HTTPError`, `Timeout`, …
    pub kind: String,
    pub message: String,
}

/// What a call returned or raised. Values are kept as their Python `repr`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Returned { repr: String },
    Raised { exception: PyException },
}

impl Outcome {
    pub fn raised(kind: &str, message: String) -> Self {
        Outcome::Raised { exception: PyException { kind: kind.into(), message } }
    }
}

/// One submitted call and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskReport {
    /// Its index in submission order.
    pub id: u32,
    /// The call as Python would write it: `compute(2_000_000)`.
    pub call: String,
    /// The thread (index into the trace's workers) that ran it.
    pub worker: Option<u32>,
    pub started_ms: Option<f64>,
    pub finished_ms: Option<f64>,
    pub outcome: Option<Outcome>,
}

/// The shared counter at the end of a counter run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterReport {
    /// `threads × increments`: what `print(counter)` should show.
    pub expected: u64,
    /// What the main thread's `print(counter)` showed.
    pub printed: u64,
}

impl CounterReport {
    pub fn lost(&self) -> u64 {
        self.expected.saturating_sub(self.printed)
    }
}

/// Everything one run produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    pub model: Model,
    /// Python threads or processes started besides the main thread.
    pub workers: u32,
    pub elapsed_ms: f64,
    /// Every submitted call, in submission order.
    pub tasks: Vec<TaskReport>,
    /// Task ids in the order the main thread received their results.
    pub collected: Vec<u32>,
    /// What the program printed, line by line.
    pub output: Vec<String>,
    pub counter: Option<CounterReport>,
    /// How many times the GIL changed hands (0 without a GIL).
    pub gil_switches: u64,
    pub trace: Trace,
}

impl RunReport {
    /// A compact text rendering for snapshot tests and logs: the trace, then the output.
    pub fn render(&self, grain_ms: f64) -> String {
        let mut out = self.trace.render(grain_ms);
        for line in &self.output {
            let _ = writeln!(out, "> {line}");
        }
        out
    }
}

/// Python's `repr` of a float: `12.5`, `2.0`, `1e+300`.
pub fn float_repr(x: f64) -> String {
    crate::report::python_float(x)
}
