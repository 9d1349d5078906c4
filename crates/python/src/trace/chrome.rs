//! A run's [`Snapshot`] as a Chrome trace (the JSON "Trace Event Format" that ui.perfetto.dev and
//! chrome://tracing open): one process track per Python process, one thread track per Python
//! thread named as Python names it, one complete (`"X"`) event per span, and each GIL hand-over
//! as an instant (`"i"`) on the thread that took the GIL plus a flow arrow (`"s"` → `"f"`) from
//! the thread that dropped it.
//!
//! Times are microseconds since the run started (virtual ones with `--simulate`). Thread ids are
//! the tracks' order across the whole run, so no two threads share one even in different
//! processes (Perfetto keys threads by tid); `args` carries Python's own ident.

use std::collections::HashMap;

use serde::Serialize;

use super::{Snapshot, Span, State};
use crate::interp::Config;

/// A flow event sits this far inside the slice it binds to (µs), away from the slice's edges.
const INSIDE_US: f64 = 0.01;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct File<'a> {
    trace_events: Vec<Event<'a>>,
    display_time_unit: &'static str,
    other_data: OtherData,
}

#[derive(Serialize)]
struct OtherData {
    source: &'static str,
    gil: bool,
    simulate: bool,
    switch_interval_ms: f64,
    /// Milliseconds on the run's clock where `ts` 0 is (the host's monotonic clock, or 0 when
    /// simulated).
    start_ms: f64,
    elapsed_ms: f64,
    processes: Vec<ProcessData>,
}

#[derive(Serialize)]
struct ProcessData {
    pid: u32,
    name: String,
    gil_handovers_forced: u64,
    gil_handovers_voluntary: u64,
}

#[derive(Serialize)]
struct Event<'a> {
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
    /// An instant's scope (`"t"`: its thread).
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<&'static str>,
    /// A flow's id, shared by its start and its end.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    /// A flow end's binding point: `"e"`, the slice enclosing it.
    #[serde(skip_serializing_if = "Option::is_none")]
    bp: Option<&'static str>,
    /// One of the trace viewer's reserved colour names.
    #[serde(skip_serializing_if = "Option::is_none")]
    cname: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    args: Option<Args<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Args<'a> {
    Name { name: &'a str },
    Thread { name: &'a str, ident: u64 },
    SortIndex { sort_index: usize },
    Span { state: &'static str },
    Handover { from: &'a str, to: &'a str, forced: bool, dropped_ms: f64 },
}

impl<'a> Event<'a> {
    fn new(name: String, ph: &'static str, pid: u32, tid: usize) -> Self {
        Event {
            name,
            cat: None,
            ph,
            ts: None,
            dur: None,
            pid,
            tid,
            s: None,
            id: None,
            bp: None,
            cname: None,
            args: None,
        }
    }
}

/// The trace viewer's colour for a state (Perfetto picks its own).
fn colour(state: State) -> &'static str {
    match state {
        State::Run => "thread_state_running",
        State::GilWait => "thread_state_runnable",
        State::Lock => "thread_state_uninterruptible",
        State::Queue => "olive",
        State::Event => "yellow",
        State::Sleep => "thread_state_sleeping",
        State::Network => "thread_state_iowait",
        State::Join => "generic_work",
        State::Startup => "startup",
    }
}

/// Encodes `snap`, recorded by a run with `config`, as Chrome trace JSON.
pub fn export(snap: &Snapshot, config: &Config) -> String {
    let us = |ms: f64| ((ms - snap.start_ms) * 1_000_000.0).round() / 1_000.0;
    let tid_of: HashMap<(u32, u64), usize> =
        snap.lanes.iter().enumerate().map(|(i, l)| ((l.pid, l.ident), i + 1)).collect();
    let mut events = Vec::new();
    let mut processes: Vec<ProcessData> = Vec::new();
    for (i, lane) in snap.lanes.iter().enumerate() {
        let tid = i + 1;
        if !processes.iter().any(|p| p.pid == lane.pid) {
            let default = if processes.is_empty() { "MainProcess" } else { "Process" };
            let name = snap
                .lanes
                .iter()
                .filter(|l| l.pid == lane.pid)
                .find_map(|l| l.process_name.clone())
                .unwrap_or_else(|| default.to_string());
            processes.push(ProcessData { pid: lane.pid, name, gil_handovers_forced: 0, gil_handovers_voluntary: 0 });
        }
        let p = processes.iter_mut().find(|p| p.pid == lane.pid).expect("just added");
        p.gil_handovers_forced += lane.forced;
        p.gil_handovers_voluntary += lane.voluntary;
        events.push(Event {
            args: Some(Args::Thread { name: &lane.name, ident: lane.ident }),
            ..Event::new("thread_name".into(), "M", lane.pid, tid)
        });
        events.push(Event {
            args: Some(Args::SortIndex { sort_index: tid }),
            ..Event::new("thread_sort_index".into(), "M", lane.pid, tid)
        });
        for span in &lane.spans {
            events.push(Event {
                cat: Some(span.state.label()),
                ts: Some(us(span.start_ms)),
                dur: Some(us(span.end_ms) - us(span.start_ms)),
                cname: Some(colour(span.state)),
                args: Some(Args::Span { state: span.state.words() }),
                ..Event::new(span.state.label().into(), "X", lane.pid, tid)
            });
        }
    }
    let mode = if config.gil { "GIL on" } else { "GIL off (free-threaded)" };
    let names: Vec<String> = processes.iter().map(|p| format!("{} (pid {}, {mode})", p.name, p.pid)).collect();
    for (i, (p, name)) in processes.iter().zip(&names).enumerate() {
        events.push(Event { args: Some(Args::Name { name }), ..Event::new("process_name".into(), "M", p.pid, 0) });
        events.push(Event {
            args: Some(Args::SortIndex { sort_index: i }),
            ..Event::new("process_sort_index".into(), "M", p.pid, 0)
        });
    }
    let mut flow = 0;
    for (i, lane) in snap.lanes.iter().enumerate() {
        for h in &lane.handovers {
            let from = snap.lane(lane.pid, h.from);
            let from_name = from.map_or("?", |l| l.name.as_str());
            let how = if h.forced { "forced" } else { "voluntary" };
            events.push(Event {
                cat: Some("gil"),
                ts: Some(us(h.at_ms)),
                s: Some("t"),
                args: Some(Args::Handover {
                    from: from_name,
                    to: &lane.name,
                    forced: h.forced,
                    dropped_ms: h.dropped_ms,
                }),
                ..Event::new(format!("GIL from {from_name} ({how})"), "i", lane.pid, i + 1)
            });
            // An arrow from the slice the holder dropped the GIL in to the one this thread took
            // it in, when both are on the timeline.
            let (Some(from), Some(&from_tid)) = (from, tid_of.get(&(lane.pid, h.from))) else { continue };
            let (Some(out), Some(into)) = (inside(&from.spans, h.dropped_ms, -1.0), inside(&lane.spans, h.at_ms, 1.0))
            else {
                continue;
            };
            flow += 1;
            let start = Event {
                cat: Some("gil"),
                ts: Some(us(out)),
                id: Some(flow),
                ..Event::new("GIL".into(), "s", lane.pid, from_tid)
            };
            events.push(start);
            let end = Event {
                cat: Some("gil"),
                ts: Some(us(into)),
                id: Some(flow),
                bp: Some("e"),
                ..Event::new("GIL".into(), "f", lane.pid, i + 1)
            };
            events.push(end);
        }
    }
    let other_data = OtherData {
        source: "playground-python, the concurrency playground's interpreter",
        gil: config.gil,
        simulate: config.simulate,
        switch_interval_ms: config.switch_interval_ms,
        start_ms: snap.start_ms,
        elapsed_ms: snap.end_ms - snap.start_ms,
        processes,
    };
    let file = File { trace_events: events, display_time_unit: "ms", other_data };
    serde_json::to_string(&file).expect("a trace always serializes")
}

/// A time just before (`side` −1) or after (+1) `ms`, inside a span of `spans`, so a flow event
/// binds to the slice around that moment rather than its neighbour.
fn inside(spans: &[Span], ms: f64, side: f64) -> Option<f64> {
    let nudge = INSIDE_US / 1000.0;
    let at = ms + side * nudge;
    let span = spans.iter().find(|s| s.start_ms <= at && at < s.end_ms)?;
    if span.ms() <= 2.0 * nudge {
        return Some((span.start_ms + span.end_ms) / 2.0);
    }
    Some(at.clamp(span.start_ms + nudge, span.end_ms - nudge))
}
