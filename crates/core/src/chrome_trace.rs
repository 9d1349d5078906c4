//! A run as a Chrome trace (the JSON "Trace Event Format"), which ui.perfetto.dev and
//! chrome://tracing open: one complete (`"X"`) event per span, named thread and process lanes.
//!
//! Times are microseconds since the run started. Threads of one Python process share a `pid`; with
//! `ProcessPoolExecutor` each worker process gets a `pid` of its own, as it would on a real machine.
//! The page's own main thread, when recorded, is a track of a process of its own: it is not Python.

use serde_json::{json, Value};

use crate::python::{Model, RunReport, Span, WorkerTrace};
use crate::timeline::style;

/// The process id of the parent Python process.
const PARENT_PID: u32 = 1;
/// The process id of the browser page's track.
const PAGE_PID: u32 = 1_000;

/// Encodes `report`, and the page's own lane if it was recorded, as Chrome trace JSON.
pub fn export(report: &RunReport, page: Option<&WorkerTrace>) -> String {
    let trace = &report.trace;
    let mut events: Vec<Value> = Vec::new();
    let pid_of = |worker: usize| match report.model {
        Model::Processes if worker > 0 => PARENT_PID + worker as u32,
        _ => PARENT_PID,
    };
    let title = match report.model {
        Model::Gil => "python3.12 (threads share one GIL)",
        Model::FreeThreaded => "python3.13t (free-threaded, no GIL)",
        Model::Processes => "python3.12 (parent process)",
    };
    events.push(meta("process_name", PARENT_PID, 0, title));
    for (tid, worker) in trace.workers.iter().enumerate() {
        let pid = pid_of(tid);
        if pid != PARENT_PID {
            events.push(meta("process_name", pid, tid, &worker.name));
        }
        events.push(meta("thread_name", pid, tid, &worker.name));
        events.push(json!({"name": "thread_sort_index", "ph": "M", "pid": pid, "tid": tid, "args": {"sort_index": tid}}));
        for span in &worker.spans {
            let call = span.task.and_then(|t| report.tasks.get(t as usize)).map(|t| t.call.as_str());
            let name = call.map_or_else(|| span.kind.label().to_string(), |c| format!("{} {c}", span.kind.label()));
            events.push(complete(name, span, trace.start_ms, pid, tid));
        }
    }
    if let Some(page) = page {
        events.push(meta("process_name", PAGE_PID, 0, "this browser page (not Python)"));
        events.push(meta("thread_name", PAGE_PID, 0, &page.name));
        for span in &page.spans {
            events.push(complete(span.kind.label().to_string(), span, trace.start_ms, PAGE_PID, 0));
        }
    }
    json!({
        "traceEvents": events,
        "displayTimeUnit": "ms",
        "otherData": {
            "source": "the concurrency playground, lesson 17",
            "model": report.model,
            // Where `ts` 0 is on the clock the spans were recorded on: milliseconds since the Unix
            // epoch on real threads (the page's `performance.timeOrigin + now()`), 0 when modelled.
            "start_ms": trace.start_ms,
            "elapsed_ms": report.elapsed_ms,
            "gil_switches": report.gil_switches,
        },
    })
    .to_string()
}

/// A span as a complete (`"X"`) event.
fn complete(name: String, span: &Span, start_ms: f64, pid: u32, tid: usize) -> Value {
    json!({
        "name": name,
        "cat": span.kind.label(),
        "ph": "X",
        "ts": micros(span.start_ms - start_ms),
        "dur": micros(span.ms()),
        "pid": pid,
        "tid": tid,
        "args": {"state": style(span.kind).words, "task": span.task},
    })
}

fn meta(name: &str, pid: u32, tid: usize, value: &str) -> Value {
    json!({"name": name, "ph": "M", "pid": pid, "tid": tid, "args": {"name": value}})
}

/// Milliseconds to whole-nanosecond-precision microseconds.
fn micros(ms: f64) -> f64 {
    (ms * 1_000_000.0).round() / 1_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demos::testing::run_sim;
    use crate::python::{Call, Collect, Program, Scenario};

    fn exported(model: Model) -> (RunReport, Value) {
        let calls = vec![Call::Compute { n: 10_000 }; 2];
        let s = Scenario::new(model, Program::Executor { max_workers: Some(2), calls, collect: Collect::Map });
        let report = run_sim(&s);
        let v: Value = serde_json::from_str(&export(&report, None)).unwrap();
        (report, v)
    }

    #[test]
    fn every_span_is_a_complete_event_in_microseconds() {
        let (report, v) = exported(Model::Gil);
        let events = v["traceEvents"].as_array().unwrap();
        let complete: Vec<_> = events.iter().filter(|e| e["ph"] == "X").collect();
        assert_eq!(complete.len(), report.trace.spans().count());
        let first = &report.trace.workers[1].spans[0];
        let e = complete.iter().find(|e| e["tid"] == 1).unwrap();
        assert_eq!(e["dur"].as_f64().unwrap(), micros(first.ms()));
        assert!(e["name"].as_str().unwrap().contains("compute(10_000)"), "{e}");
        assert!(complete.iter().all(|e| e["ts"].as_f64().unwrap() >= 0.0));
    }

    #[test]
    fn threads_are_named_and_processes_get_their_own_pid() {
        let (_, v) = exported(Model::Gil);
        let names: Vec<_> = v["traceEvents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["name"] == "thread_name")
            .map(|e| e["args"]["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(names, ["MainThread", "ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1"]);
        let (_, v) = exported(Model::Processes);
        let mut pids: Vec<_> = v["traceEvents"].as_array().unwrap().iter().map(|e| e["pid"].as_u64().unwrap()).collect();
        pids.sort();
        pids.dedup();
        assert_eq!(pids, [1, 2, 3]);
    }

    #[test]
    fn the_page_is_a_track_of_its_own() {
        let (report, _) = exported(Model::Gil);
        let mut frames = crate::page::FrameLog::new();
        for f in [0.0, 16.0, 100.0] {
            frames.frame(report.trace.start_ms + f);
        }
        let page = frames.lane(|t| t, report.trace.start_ms, report.trace.start_ms + 100.0);
        let v: Value = serde_json::from_str(&export(&report, Some(&page))).unwrap();
        let events = v["traceEvents"].as_array().unwrap();
        let track: Vec<_> = events.iter().filter(|e| e["pid"] == PAGE_PID).collect();
        assert!(track.iter().any(|e| e["name"] == "thread_name" && e["args"]["name"] == crate::page::LANE_NAME));
        let spans: Vec<_> = track.iter().filter(|e| e["ph"] == "X").map(|e| (e["cat"].as_str().unwrap(), e["ts"].as_f64().unwrap(), e["dur"].as_f64().unwrap())).collect();
        assert_eq!(spans, [("responsive", 0.0, 16_000.0), ("busy", 16_000.0, 84_000.0)]);
    }
}
