//! A run as a Chrome trace (the JSON "Trace Event Format"), which ui.perfetto.dev and
//! chrome://tracing open: one complete (`"X"`) event per span, named thread and process lanes.
//!
//! Times are microseconds since the run started. Threads of one Python process share a `pid`; with
//! `ProcessPoolExecutor` each worker process gets a `pid` of its own, as it would on a real machine.
//! The page's own main thread, when recorded, is a track of a process of its own: it is not Python.

use serde::Serialize;

use crate::python::{Model, RunReport, Span, WorkerTrace};
use crate::timeline::style;

/// The process id of the parent Python process.
const PARENT_PID: u32 = 1;
/// The process id of the browser page's track.
const PAGE_PID: u32 = 1_000;

/// The file: its events, and what it was made from. Written by derived serializers, not built as
/// `serde_json::Value`s, which keeps a generic JSON tree's code out of the page's wasm.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct File<'a> {
    trace_events: Vec<TraceEvent<'a>>,
    display_time_unit: &'static str,
    other_data: OtherData,
}

#[derive(Serialize)]
struct OtherData {
    source: &'static str,
    model: Model,
    /// Where `ts` 0 is on the clock the spans were recorded on: milliseconds since the Unix epoch
    /// on real threads (the page's `performance.timeOrigin + now()`), 0 when modelled.
    start_ms: f64,
    elapsed_ms: f64,
    gil_switches: u64,
}

/// One event: metadata (`"M"`: a process's or thread's name, a thread's place) or a span (`"X"`).
#[derive(Serialize)]
struct TraceEvent<'a> {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cat: Option<&'static str>,
    ph: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ts: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dur: Option<f64>,
    pid: u32,
    tid: usize,
    args: Args<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Args<'a> {
    Name { name: &'a str },
    SortIndex { sort_index: usize },
    Span { state: &'static str, task: Option<u32> },
}

/// Encodes `report`, and the page's own lane if it was recorded, as Chrome trace JSON.
pub fn export(report: &RunReport, page: Option<&WorkerTrace>) -> String {
    let trace = &report.trace;
    let mut events = Vec::new();
    let pid_of = |worker: usize| match report.model {
        Model::Processes if worker > 0 => PARENT_PID + worker as u32,
        _ => PARENT_PID,
    };
    let title = match report.model {
        Model::Gil => "python3.12 (threads share one GIL)",
        Model::FreeThreaded => "python3.13t (free-threaded, no GIL)",
        Model::Processes => "python3.12 (parent process)",
    };
    events.push(meta("process_name", PARENT_PID, 0, Args::Name { name: title }));
    for (tid, worker) in trace.workers.iter().enumerate() {
        let pid = pid_of(tid);
        if pid != PARENT_PID {
            events.push(meta("process_name", pid, tid, Args::Name { name: &worker.name }));
        }
        events.push(meta("thread_name", pid, tid, Args::Name { name: &worker.name }));
        events.push(meta("thread_sort_index", pid, tid, Args::SortIndex { sort_index: tid }));
        for span in &worker.spans {
            let call = span.task.and_then(|t| report.tasks.get(t as usize)).map(|t| t.call.as_str());
            let name = call.map_or_else(|| span.kind.label().to_string(), |c| format!("{} {c}", span.kind.label()));
            events.push(complete(name, span, trace.start_ms, pid, tid));
        }
    }
    if let Some(page) = page {
        events.push(meta("process_name", PAGE_PID, 0, Args::Name { name: "this browser page (not Python)" }));
        events.push(meta("thread_name", PAGE_PID, 0, Args::Name { name: &page.name }));
        for span in &page.spans {
            events.push(complete(span.kind.label().to_string(), span, trace.start_ms, PAGE_PID, 0));
        }
    }
    let other_data = OtherData {
        source: "the concurrency playground, lesson 17",
        model: report.model,
        start_ms: trace.start_ms,
        elapsed_ms: report.elapsed_ms,
        gil_switches: report.gil_switches,
    };
    let file = File { trace_events: events, display_time_unit: "ms", other_data };
    serde_json::to_string(&file).expect("a trace always serializes")
}

/// A span as a complete (`"X"`) event.
fn complete(name: String, span: &Span, start_ms: f64, pid: u32, tid: usize) -> TraceEvent<'static> {
    TraceEvent {
        name,
        cat: Some(span.kind.label()),
        ph: "X",
        ts: Some(micros(span.start_ms - start_ms)),
        dur: Some(micros(span.ms())),
        pid,
        tid,
        args: Args::Span { state: style(span.kind).words, task: span.task },
    }
}

fn meta<'a>(name: &str, pid: u32, tid: usize, args: Args<'a>) -> TraceEvent<'a> {
    TraceEvent { name: name.to_string(), cat: None, ph: "M", ts: None, dur: None, pid, tid, args }
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
    use serde_json::Value;

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
        assert_eq!((v["displayTimeUnit"].as_str(), v["otherData"]["model"].as_str()), (Some("ms"), Some("gil")));
        assert_eq!(v["otherData"]["start_ms"].as_f64(), Some(report.trace.start_ms));
        let meta = events.iter().find(|e| e["name"] == "thread_sort_index").unwrap();
        assert!(meta.get("ts").is_none() && meta["args"]["sort_index"] == 0, "{meta}");
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
        let mut pids: Vec<_> =
            v["traceEvents"].as_array().unwrap().iter().map(|e| e["pid"].as_u64().unwrap()).collect();
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
        let spans: Vec<_> = track
            .iter()
            .filter(|e| e["ph"] == "X")
            .map(|e| (e["cat"].as_str().unwrap(), e["ts"].as_f64().unwrap(), e["dur"].as_f64().unwrap()))
            .collect();
        assert_eq!(spans, [("responsive", 0.0, 16_000.0), ("busy", 16_000.0, 84_000.0)]);
    }
}
