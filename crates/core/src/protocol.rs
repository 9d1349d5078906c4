//! The one typed language the UI and the engine worker speak, serde-encoded as JSON across `postMessage`.
//!
//! The UI sends [`Request`]s and receives [`Event`]s; neither side shares memory with the other, so
//! the UI's wasm never waits on a lock the engine's threads hold.

use serde::{Deserialize, Serialize};

use crate::compute::ComputeOutcome;
use crate::python::{RunReport, Scenario, TraceDelta};

/// Identifies one run so its events, and a request to stop it, find it.
pub type RunId = u32;

/// What the UI asks the engine to do.
///
/// Like every enum of the protocol it is externally tagged (`{"run":{…}}`): serde reads such an
/// enum straight from the JSON, where an internally tagged one (`{"type":"run",…}`) is first
/// buffered into serde's generic `Content` tree, which doubled the decoding code in the UI's wasm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Run `compute(n)`, cut into `chunks`, on one thread or on `workers` threads at once.
    Compute { id: RunId, n: u64, chunks: u32, mode: ComputeMode },
    /// Stop run `id` as soon as possible; the engine answers [`Event::Stopped`].
    Stop { id: RunId },
    /// Run a Python concurrency scenario; the engine answers [`Event::Finished`], or
    /// [`Event::Failed`] with a learner-readable message if the scenario is out of bounds.
    Run { id: RunId, scenario: Scenario },
    /// Panics on a worker thread on purpose, so tests can prove that a crash is reported to the
    /// learner and that the next run works. Only the UI's test hook (`?test-hooks`) sends it.
    Panic { id: RunId },
}

/// How many threads a compute run may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComputeMode {
    OneThread,
    AllThreads { workers: u32 },
}

/// What the engine tells the UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// The engine is up; sent once, before anything else.
    Ready(EngineInfo),
    /// The engine could not start at all; the UI keeps working without demos.
    Unavailable { reason: String },
    /// A compute run finished.
    Computed { id: RunId, mode: ComputeMode, outcome: ComputeOutcome },
    /// A run was stopped before it finished.
    Stopped { id: RunId },
    /// A request failed (bad parameters, a panic in a worker); the engine keeps serving.
    Failed { id: Option<RunId>, message: String },
    /// A scenario run is going: what its threads recorded since the last progress event. Sent about
    /// every 80 ms while it runs, and once more just before [`Event::Finished`].
    Progress { id: RunId, delta: TraceDelta },
    /// A scenario run finished: results, output and the trace of every Python thread.
    Finished { id: RunId, report: RunReport },
    /// A thread of the engine panicked. The wasm instance is lost (its memory is shared by every
    /// thread), so the UI ends the runs in flight and starts a fresh engine.
    Crashed { message: String },
}

impl Event {
    /// The run an event belongs to, and whether it is that run's last: `Some((id, false))` for
    /// news of a run in flight, `Some((id, true))` for the event that ends it, `None` for the
    /// engine's own news. The UI routes events by this alone, so a new kind of news (a line a
    /// program printed, say) only has to be classed here.
    pub fn run(&self) -> Option<(RunId, bool)> {
        match self {
            Event::Progress { id, .. } => Some((*id, false)),
            Event::Computed { id, .. }
            | Event::Finished { id, .. }
            | Event::Stopped { id }
            | Event::Failed { id: Some(id), .. } => Some((*id, true)),
            Event::Ready(_) | Event::Unavailable { .. } | Event::Crashed { .. } | Event::Failed { id: None, .. } => {
                None
            }
        }
    }
}

/// What the engine found out about the machine and the page while starting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngineInfo {
    /// `navigator.hardwareConcurrency` as the worker saw it.
    pub cores: u32,
    pub threading: Threading,
}

/// Whether real threads are available, and if not, why not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Threading {
    /// A rayon pool of `pool_threads` Web Workers on shared memory.
    Threads { pool_threads: u32 },
    /// Everything runs on the engine worker's single thread.
    SingleThread { reason: FallbackReason },
}

/// Why the engine runs on a single thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FallbackReason {
    /// The page is not cross-origin isolated, so SharedArrayBuffer is off.
    NotIsolated,
    /// Isolated, yet the browser withholds what threads need (WebKitGTK does, for one, unless told
    /// otherwise). Lists every missing piece, in the order of [`ThreadSupport`].
    Unsupported { missing: Vec<ThreadNeed> },
    /// Isolated, yet starting the worker pool failed.
    PoolFailed { message: String },
}

/// One thing the engine's threads need from the browser besides isolation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreadNeed {
    /// `SharedArrayBuffer`, the memory threads share.
    SharedArrayBuffer,
    /// `Atomics`, with which threads wait for each other and wake each other.
    Atomics,
    /// A `WebAssembly.Memory` created `shared`: the engine's threads run one wasm module on it.
    SharedWasmMemory,
    /// Handing that memory to another thread (`postMessage`), which is how each worker gets it.
    PostSharedMemory,
}

/// What the engine worker found when it probed the browser for threads, before it picked the
/// threaded or the single-threaded build (`crates/engine/js/worker.js` fills it in; each field
/// is what one probe saw). Whether a page may share memory is not one fact: a browser may call a
/// page `crossOriginIsolated` and still give it no `SharedArrayBuffer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadSupport {
    /// `self.crossOriginIsolated`.
    pub isolated: bool,
    pub shared_array_buffer: bool,
    pub atomics: bool,
    pub shared_wasm_memory: bool,
    pub post_shared_memory: bool,
}

impl ThreadSupport {
    /// Why threads cannot start here, or `None` when everything they need is there. A page that
    /// is not isolated is refused shared memory as a consequence, so only its isolation is named.
    pub fn fallback(&self) -> Option<FallbackReason> {
        if !self.isolated {
            return Some(FallbackReason::NotIsolated);
        }
        let probes = [
            (self.shared_array_buffer, ThreadNeed::SharedArrayBuffer),
            (self.atomics, ThreadNeed::Atomics),
            (self.shared_wasm_memory, ThreadNeed::SharedWasmMemory),
            (self.post_shared_memory, ThreadNeed::PostSharedMemory),
        ];
        let missing: Vec<ThreadNeed> = probes.iter().filter(|(there, _)| !there).map(|(_, need)| *need).collect();
        (!missing.is_empty()).then_some(FallbackReason::Unsupported { missing })
    }
}

impl Threading {
    /// How many threads a run may use at most.
    pub fn pool_threads(&self) -> u32 {
        match self {
            Threading::Threads { pool_threads } => *pool_threads,
            Threading::SingleThread { .. } => 1,
        }
    }
}

/// How big the pool of "Python threads" is on a machine with `cores` cores.
///
/// Python threads block (waiting for the GIL, for I/O, on a lock), and a blocked thread still holds
/// its Web Worker, so the pool must be larger than the core count and hold the lesson's largest
/// listing: 10 threads (the counter, `max_workers=10` in §4) plus the main thread. Beyond that it
/// follows Python's own default for `ThreadPoolExecutor`, `min(32, cores + 4)`.
pub fn pool_size(cores: u32) -> u32 {
    // The listing's threads, the main thread, and one to spare.
    (cores.clamp(1, 28) + 4).max(LARGEST_LISTING_THREADS + 2)
}

/// The most threads any of the lesson's listings starts besides the main thread.
pub const LARGEST_LISTING_THREADS: u32 = 10;

macro_rules! json_codec {
    ($t:ty) => {
        impl $t {
            /// Encodes for `postMessage`.
            pub fn to_json(&self) -> String {
                serde_json::to_string(self).expect("protocol types always serialize")
            }
            /// Decodes what `postMessage` carried; a malformed message is an error, never a panic.
            pub fn from_json(text: &str) -> Result<Self, String> {
                serde_json::from_str(text).map_err(|e| format!("malformed {}: {e}", stringify!($t)))
            }
        }
    };
}

json_codec!(Request);
json_codec!(Event);
json_codec!(ThreadSupport);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::ChunkReport;

    fn round_trip_request(r: Request) {
        assert_eq!(Request::from_json(&r.to_json()).unwrap(), r);
    }

    fn round_trip_event(e: Event) {
        assert_eq!(Event::from_json(&e.to_json()).unwrap(), e);
    }

    #[test]
    fn every_request_round_trips() {
        round_trip_request(Request::Compute { id: 1, n: 10_000_000, chunks: 64, mode: ComputeMode::OneThread });
        round_trip_request(Request::Compute { id: 2, n: 5, chunks: 1, mode: ComputeMode::AllThreads { workers: 2 } });
        round_trip_request(Request::Stop { id: 7 });
        round_trip_request(Request::Panic { id: 9 });
        round_trip_request(Request::Run { id: 8, scenario: lesson_scenario() });
    }

    /// The lesson's `as_completed` listing, with one failing URL, under the GIL.
    fn lesson_scenario() -> Scenario {
        use crate::python::{Call, Collect, Failure, Model, Program};
        let fetch = |user: &str, fail| Call::Fetch {
            url: format!("https://api.github.com/users/{user}"),
            latency_ms: 50,
            timeout_ms: 2_000,
            fail,
        };
        let calls = vec![fetch("torvalds", None), fetch("nobody", Some(Failure::NotFound))];
        Scenario::new(Model::Gil, Program::Executor { max_workers: Some(10), calls, collect: Collect::AsCompleted })
    }

    #[test]
    fn a_finished_run_round_trips_with_its_trace() {
        let opts =
            crate::python::RunOptions { cores: 2, max_threads: 8, clock: || 0.0, pace: crate::python::Pace::NATIVE };
        let stop = std::sync::atomic::AtomicBool::new(false);
        let report = crate::python::simulate(&lesson_scenario(), &opts, &stop).unwrap();
        assert!(!report.trace.workers.is_empty() && report.output.len() == 2);
        round_trip_event(Event::Finished { id: 8, report });
    }

    #[test]
    fn a_scenario_reads_as_json_a_person_could_write() {
        let json = r#"{"run":{"id":1,"scenario":{"model":"processes","program":{"kind":"counter","variant":"lock","threads":10,"increments":10000}}}}"#;
        let Request::Run { scenario, .. } = Request::from_json(json).unwrap() else { panic!("a run") };
        assert_eq!(scenario.switch_interval_ms, 5, "CPython's default when omitted");
    }

    #[test]
    fn every_event_round_trips() {
        round_trip_event(Event::Ready(EngineInfo { cores: 2, threading: Threading::Threads { pool_threads: 8 } }));
        round_trip_event(Event::Ready(EngineInfo {
            cores: 4,
            threading: Threading::SingleThread { reason: FallbackReason::NotIsolated },
        }));
        round_trip_event(Event::Ready(EngineInfo {
            cores: 4,
            threading: Threading::SingleThread { reason: FallbackReason::PoolFailed { message: "x".into() } },
        }));
        round_trip_event(Event::Ready(EngineInfo {
            cores: 4,
            threading: Threading::SingleThread {
                reason: FallbackReason::Unsupported { missing: vec![ThreadNeed::SharedArrayBuffer] },
            },
        }));
        round_trip_event(Event::Unavailable { reason: "no wasm".into() });
        let chunk = ChunkReport { index: 0, thread: Some(1), start_ms: 1.5, end_ms: 2.5, sum: 3.25 };
        round_trip_event(Event::Computed {
            id: 3,
            mode: ComputeMode::AllThreads { workers: 2 },
            outcome: ComputeOutcome { sum: 3.25, start_ms: 1.0, elapsed_ms: 2.0, chunks: vec![chunk] },
        });
        round_trip_event(Event::Stopped { id: 3 });
        let span =
            crate::python::Span { kind: crate::python::SpanKind::Run, start_ms: 1.0, end_ms: 2.0, task: Some(1) };
        let lanes = vec![crate::python::LaneNews { spans: vec![span], open: Some(span) }, Default::default()];
        let delta = TraceDelta {
            start_ms: 1.0,
            now_ms: 2.5,
            wall_ms: 2.5,
            names: vec!["MainThread".into(), "Thread-1".into()],
            lanes,
        };
        round_trip_event(Event::Progress { id: 3, delta });
        round_trip_event(Event::Failed { id: None, message: "boom".into() });
        round_trip_event(Event::Crashed { message: "panicked at x.rs:1:1".into() });
    }

    const EVERYTHING: ThreadSupport = ThreadSupport {
        isolated: true,
        shared_array_buffer: true,
        atomics: true,
        shared_wasm_memory: true,
        post_shared_memory: true,
    };

    #[test]
    fn threads_start_only_when_every_probe_passed() {
        assert_eq!(EVERYTHING.fallback(), None);
        let not_isolated = ThreadSupport { isolated: false, shared_array_buffer: false, ..EVERYTHING };
        assert_eq!(not_isolated.fallback(), Some(FallbackReason::NotIsolated));
    }

    #[test]
    fn an_isolated_page_without_shared_memory_names_exactly_what_is_missing() {
        // WebKitGTK without JSC_useSharedArrayBuffer=1: isolated, yet no SharedArrayBuffer and so
        // no shared wasm memory either.
        let webkit = ThreadSupport {
            shared_array_buffer: false,
            shared_wasm_memory: false,
            post_shared_memory: false,
            ..EVERYTHING
        };
        let missing = vec![ThreadNeed::SharedArrayBuffer, ThreadNeed::SharedWasmMemory, ThreadNeed::PostSharedMemory];
        assert_eq!(webkit.fallback(), Some(FallbackReason::Unsupported { missing }));
        let no_atomics = ThreadSupport { atomics: false, ..EVERYTHING };
        assert_eq!(no_atomics.fallback(), Some(FallbackReason::Unsupported { missing: vec![ThreadNeed::Atomics] }));
    }

    #[test]
    fn the_probe_reads_the_json_worker_js_writes() {
        let json = r#"{"isolated":true,"shared_array_buffer":false,"atomics":true,"shared_wasm_memory":false,"post_shared_memory":false}"#;
        let support = ThreadSupport::from_json(json).unwrap();
        assert!(support.isolated && !support.shared_array_buffer && support.atomics);
        assert!(ThreadSupport::from_json(r#"{"isolated":true}"#).is_err(), "a probe left out is an error");
    }

    #[test]
    fn an_event_says_which_run_it_belongs_to_and_whether_it_ends_it() {
        let delta = TraceDelta::default();
        assert_eq!(Event::Progress { id: 4, delta }.run(), Some((4, false)));
        assert_eq!(Event::Stopped { id: 4 }.run(), Some((4, true)));
        assert_eq!(Event::Failed { id: Some(4), message: "no".into() }.run(), Some((4, true)));
        assert_eq!(Event::Failed { id: None, message: "malformed".into() }.run(), None);
        assert_eq!(Event::Crashed { message: "boom".into() }.run(), None);
        assert_eq!(Event::Unavailable { reason: "no wasm".into() }.run(), None);
    }

    #[test]
    fn the_wire_format_is_readable_json() {
        let r = Request::Compute { id: 1, n: 10, chunks: 2, mode: ComputeMode::AllThreads { workers: 4 } };
        assert_eq!(r.to_json(), r#"{"compute":{"id":1,"n":10,"chunks":2,"mode":{"all_threads":{"workers":4}}}}"#);
        assert_eq!(Event::Stopped { id: 3 }.to_json(), r#"{"stopped":{"id":3}}"#);
    }

    #[test]
    fn a_span_travels_as_a_short_array() {
        let span =
            crate::python::Span { kind: crate::python::SpanKind::GilWait, start_ms: 1.5, end_ms: 2.25, task: Some(0) };
        assert_eq!(serde_json::to_string(&span).unwrap(), r#"["gil_wait",1.5,2.25,0]"#);
        assert_eq!(serde_json::from_str::<crate::python::Span>(r#"["run",0.0,1.0,null]"#).unwrap().task, None);
    }

    #[test]
    fn malformed_messages_are_errors_not_panics() {
        assert!(Request::from_json("{").unwrap_err().starts_with("malformed Request"));
        assert!(Event::from_json(r#"{"nope":{}}"#).is_err());
    }

    #[test]
    fn the_pool_outnumbers_the_cores_like_pythons_default() {
        assert_eq!(pool_size(1), 12);
        assert_eq!(pool_size(2), 12);
        assert_eq!(pool_size(8), 12);
        assert_eq!(pool_size(16), 20);
        assert_eq!(pool_size(64), 32);
    }
}
