//! Where the threads of a run (of every process) hand over what they recorded: one [`Lane`] per
//! Python thread, behind its own small mutex that a recording thread only ever *tries* to take.
//! A reader takes deltas while the run goes ([`Recording::take_delta`], what an engine streams,
//! as `playground_core::python::live` does for the model) or everything at the end
//! ([`Recording::snapshot`], what `--trace` writes). Readers may wait; recording threads never do.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, TryLockError};

use serde::{Deserialize, Serialize};

use super::{append, append_handover, Handover, Recorder, Span, State, Unsent, MAX_HANDOVERS, MAX_NEWS, MAX_SPANS};
use crate::value::lock;

/// One run's recording: the host makes it, passes it in `Config::trace`, and reads it.
#[derive(Debug, Default)]
pub struct Recording {
    /// Every lane a thread registered, in the order they registered.
    lanes: Mutex<Vec<Arc<Lane>>>,
    next_seq: AtomicU64,
    /// When the run ended (`f64` bits; 0 until then).
    end_ms: AtomicU64,
}

/// One Python thread's track.
#[derive(Debug)]
pub struct Lane {
    /// The order threads were created in, across processes: the order tracks are drawn in.
    pub seq: u64,
    /// The process (`os.getpid()`) and the thread (`threading.get_ident()`) in it.
    pub pid: u32,
    pub ident: u64,
    pub(super) data: Mutex<LaneData>,
}

#[derive(Debug, Default)]
pub(super) struct LaneData {
    name: String,
    process_name: Option<String>,
    spans: Vec<Span>,
    handovers: Vec<Handover>,
    totals_ms: [f64; State::ALL.len()],
    forced: u64,
    voluntary: u64,
    coarsened: u32,
    open: Option<(State, f64)>,
    ended: bool,
    /// What a streaming reader has not taken yet.
    news: Vec<Span>,
    news_handovers: Vec<Handover>,
    renamed: bool,
}

impl Lane {
    /// Moves `unsent` in unless a reader holds the lane; then it stays for the next try.
    pub(crate) fn try_absorb(&self, unsent: &mut Unsent, open: Option<(State, f64)>) {
        match self.data.try_lock() {
            Ok(mut d) => d.absorb(unsent, open),
            Err(TryLockError::Poisoned(e)) => e.into_inner().absorb(unsent, open),
            Err(TryLockError::WouldBlock) => {}
        }
    }

    /// The same, waiting for the lane: for a thread that runs no more Python.
    pub(crate) fn absorb(&self, unsent: &mut Unsent, open: Option<(State, f64)>) {
        lock(&self.data).absorb(unsent, open);
    }
}

impl LaneData {
    fn absorb(&mut self, u: &mut Unsent, open: Option<(State, f64)>) {
        for s in u.spans.drain(..) {
            if append(&mut self.spans, s, MAX_SPANS) {
                self.coarsened += 1;
            }
            append(&mut self.news, s, MAX_NEWS);
        }
        for h in u.handovers.drain(..) {
            if append_handover(&mut self.handovers, h, MAX_HANDOVERS) {
                self.coarsened += 1;
            }
            append_handover(&mut self.news_handovers, h, MAX_NEWS);
        }
        for (t, u) in self.totals_ms.iter_mut().zip(u.totals_ms.iter_mut()) {
            *t += std::mem::take(u);
        }
        self.forced += std::mem::take(&mut u.forced);
        self.voluntary += std::mem::take(&mut u.voluntary);
        self.coarsened += std::mem::take(&mut u.coarsened);
        if let Some(name) = u.name.take() {
            self.name = name;
            self.renamed = true;
        }
        if let Some(name) = u.process_name.take() {
            self.process_name = Some(name);
            self.renamed = true;
        }
        self.open = open;
        self.ended |= u.ended;
    }
}

impl Recording {
    pub fn new() -> Arc<Recording> {
        Arc::new(Recording::default())
    }

    /// A recorder for thread `ident` of process `pid`, on a new lane.
    pub(crate) fn recorder(self: &Arc<Self>, pid: u32, ident: u64, name: String) -> Recorder {
        let seq = self.next_seq.fetch_add(1, Ordering::Relaxed);
        let data = LaneData { name, renamed: true, ..LaneData::default() };
        let lane = Arc::new(Lane { seq, pid, ident, data: Mutex::new(data) });
        Recorder::new(self.clone(), lane)
    }

    /// Adds `lane` to the lanes readers see; without `wait`, only if no reader is listing them.
    pub(crate) fn register(&self, lane: &Arc<Lane>, wait: bool) -> bool {
        let mut lanes = match self.lanes.try_lock() {
            Ok(l) => l,
            Err(TryLockError::Poisoned(e)) => e.into_inner(),
            Err(TryLockError::WouldBlock) if wait => lock(&self.lanes),
            Err(TryLockError::WouldBlock) => return false,
        };
        lanes.push(lane.clone());
        true
    }

    /// The run ended at `ms`: threads still blocked then are drawn blocked until it.
    pub fn mark_end(&self, ms: f64) {
        self.end_ms.store(ms.to_bits(), Ordering::Relaxed);
    }

    fn lanes(&self) -> Vec<Arc<Lane>> {
        let mut lanes = lock(&self.lanes).clone();
        lanes.sort_by_key(|l| l.seq);
        lanes
    }

    /// What every thread handed over since the last delta, and the state each is in now.
    pub fn take_delta(&self, now_ms: f64) -> Delta {
        let lanes = self
            .lanes()
            .iter()
            .map(|lane| {
                let mut d = lock(&lane.data);
                let renamed = std::mem::take(&mut d.renamed);
                LaneDelta {
                    seq: lane.seq,
                    pid: lane.pid,
                    ident: lane.ident,
                    name: renamed.then(|| d.name.clone()),
                    process_name: if renamed { d.process_name.clone() } else { None },
                    spans: std::mem::take(&mut d.news),
                    handovers: std::mem::take(&mut d.news_handovers),
                    open: d.open.map(|(state, start_ms)| Span { state, start_ms, end_ms: now_ms.max(start_ms) }),
                    ended: d.ended,
                }
            })
            .collect();
        Delta { now_ms, lanes }
    }

    /// Everything recorded so far, every thread's open state drawn up to the end of the run.
    pub fn snapshot(&self) -> Snapshot {
        let lanes = self.lanes();
        let mut out: Vec<LaneSnapshot> = lanes
            .iter()
            .map(|lane| {
                let d = lock(&lane.data);
                LaneSnapshot {
                    pid: lane.pid,
                    ident: lane.ident,
                    name: d.name.clone(),
                    process_name: d.process_name.clone(),
                    spans: d.spans.clone(),
                    handovers: d.handovers.clone(),
                    totals_ms: d.totals_ms,
                    forced: d.forced,
                    voluntary: d.voluntary,
                    coarsened: d.coarsened,
                    open: d.open,
                }
            })
            .collect();
        let first = |l: &LaneSnapshot| l.spans.first().map(|s| s.start_ms).or(l.open.map(|o| o.1));
        let last = |l: &LaneSnapshot| l.spans.last().map(|s| s.end_ms).into_iter().chain(l.open.map(|o| o.1));
        let start_ms = out.iter().filter_map(first).fold(f64::INFINITY, f64::min);
        let start_ms = if start_ms.is_finite() { start_ms } else { 0.0 };
        let marked = f64::from_bits(self.end_ms.load(Ordering::Relaxed));
        let end_ms = out.iter().flat_map(last).fold(marked.max(start_ms), f64::max);
        for l in &mut out {
            if let Some((state, since)) = l.open.take() {
                let span = Span { state, start_ms: since, end_ms };
                l.totals_ms[state.index()] += span.ms();
                append(&mut l.spans, span, MAX_SPANS);
            }
        }
        Snapshot { start_ms, end_ms, lanes: out }
    }
}

/// What the run recorded since the previous delta: at most [`MAX_NEWS`] spans per thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    pub now_ms: f64,
    pub lanes: Vec<LaneDelta>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LaneDelta {
    pub seq: u64,
    pub pid: u32,
    pub ident: u64,
    /// The thread's name (and its process's), when new or changed since the last delta.
    pub name: Option<String>,
    pub process_name: Option<String>,
    pub spans: Vec<Span>,
    pub handovers: Vec<Handover>,
    /// The state the thread is in now, drawn up to `now_ms`; `None` once it ended.
    pub open: Option<Span>,
    pub ended: bool,
}

/// A whole run, for the Chrome trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub start_ms: f64,
    pub end_ms: f64,
    /// In the order the threads were created (the main thread first).
    pub lanes: Vec<LaneSnapshot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaneSnapshot {
    pub pid: u32,
    pub ident: u64,
    pub name: String,
    pub process_name: Option<String>,
    /// Spans tiling the thread's life, each at least `GRAIN_MS` long but perhaps the last.
    pub spans: Vec<Span>,
    /// The GIL hand-overs to this thread.
    pub handovers: Vec<Handover>,
    /// Exact milliseconds per state, in `State::ALL` order, whatever was merged.
    pub totals_ms: [f64; State::ALL.len()],
    pub forced: u64,
    pub voluntary: u64,
    /// How many times spans or hand-overs were merged or thinned to stay bounded.
    pub coarsened: u32,
    open: Option<(State, f64)>,
}

impl Snapshot {
    /// The lane of thread `ident` of process `pid`.
    pub fn lane(&self, pid: u32, ident: u64) -> Option<&LaneSnapshot> {
        self.lanes.iter().find(|l| l.pid == pid && l.ident == ident)
    }

    /// The lane named `name` (the first, if several are).
    pub fn named(&self, name: &str) -> Option<&LaneSnapshot> {
        self.lanes.iter().find(|l| l.name == name)
    }

    /// One line per thread, `MainThread: run 0-1.2, join 1.2-50`: milliseconds since the start,
    /// rounded to `grain_ms`, with neighbours that round to the same state merged.
    pub fn render(&self, grain_ms: f64) -> String {
        let t = |ms: f64| {
            let v = ((ms - self.start_ms) / grain_ms).round() * grain_ms;
            let s = format!("{v:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        let mut out = String::new();
        for l in &self.lanes {
            let _ = write!(out, "{} {}:", l.pid, l.name);
            let mut shown: Vec<(State, String, String)> = Vec::new();
            for s in &l.spans {
                let (a, b) = (t(s.start_ms), t(s.end_ms));
                if a == b {
                    continue;
                }
                match shown.last_mut() {
                    Some(last) if last.0 == s.state && last.2 == a => last.2 = b,
                    _ => shown.push((s.state, a, b)),
                }
            }
            for (i, (state, a, b)) in shown.iter().enumerate() {
                let _ = write!(out, "{}{} {a}-{b}", if i == 0 { " " } else { ", " }, state.label());
            }
            out.push('\n');
        }
        out
    }
}
