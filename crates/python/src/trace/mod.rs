//! What every Python thread did and when: spans of states (running, waiting for the GIL, blocked
//! on a lock, a queue, an event or condition, sleeping, network I/O, joining, a process starting
//! up) and the GIL's hand-overs, recorded while the program runs, for `--trace FILE.json`
//! ([`chrome`]) and for an embedder that streams them ([`Recording::take_delta`]).
//!
//! Each Python thread owns a [`Recorder`] (in its `Vm`) and tells it only when it changes state,
//! so bytecode costs nothing to record: a thread that computes for a second without a switch is
//! one span. The state a blocked thread is in comes from what the program called: the native
//! waits are told why they wait by the layer above them (`queue`, `threading.Event`, futures give
//! their `Condition` a reason; see `modules::thread`). A recorder merges spans thinner than
//! [`GRAIN_MS`] into one named after what took most of it, and hands its closed spans to its
//! [`recording::Lane`] with a `try_lock`, never a blocking lock, so a reader cannot hold up a
//! running thread; what could not be handed over waits in the recorder for the next change.
//!
//! `playground-core`'s `python::trace::SpanKind` is close but not this: it has no state for an
//! event or condition wait, and one `Io` for both `time.sleep` and the network, which the
//! interpreter tells apart. The mapping is Run→Run, GilWait→GilWait, Lock→LockWait,
//! Queue→QueueWait, Join→Join, Startup→Startup, Sleep and Network→Io, Event→(none).

pub mod chrome;
mod recording;
pub mod sim;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use recording::{Delta, Lane, LaneDelta, LaneSnapshot, Recording, Snapshot};

/// Spans shorter than this (in the trace's milliseconds) are merged with their neighbours: a
/// timeline drawn at the scale of the switch interval (5 ms) cannot show them, and a contended
/// lock makes thousands.
pub const GRAIN_MS: f64 = 0.05;
/// The most spans one thread keeps; past it neighbours are merged pairwise (the totals stay exact).
pub const MAX_SPANS: usize = 4096;
/// The most GIL hand-overs one thread keeps; past it every other one is dropped (the counts stay exact).
pub const MAX_HANDOVERS: usize = 4096;
/// The most spans a lane holds for a streaming reader between two deltas.
pub const MAX_NEWS: usize = 256;

/// What a Python thread is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Running bytecode: holding the GIL, or running free with the GIL off.
    Run,
    /// Waiting to take the GIL.
    GilWait,
    /// Blocked in `Lock.acquire()` / `RLock` / a `Semaphore`.
    Lock,
    /// Blocked in `queue.get()`, `put()` on a full queue, `queue.join()`, or an idle pool worker
    /// waiting for a task.
    Queue,
    /// Blocked in `Event.wait()`, `Condition.wait()` or a `Barrier`.
    Event,
    /// In `time.sleep`.
    Sleep,
    /// In (simulated) network I/O: `requests.get`.
    Network,
    /// Waiting for another thread or process to finish something: `t.join()`,
    /// `future.result()`, `as_completed`, `Process.join()`, a pool's results.
    Join,
    /// A process starting up (fork and bootstrap) before it runs its target.
    Startup,
}

impl State {
    /// Every state, in declaration order (`ALL[s.index()] == s`).
    pub const ALL: [State; 9] = [
        State::Run,
        State::GilWait,
        State::Lock,
        State::Queue,
        State::Event,
        State::Sleep,
        State::Network,
        State::Join,
        State::Startup,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// A short name: the event's name and category in the Chrome trace.
    pub fn label(self) -> &'static str {
        match self {
            State::Run => "run",
            State::GilWait => "gil-wait",
            State::Lock => "lock",
            State::Queue => "queue",
            State::Event => "event",
            State::Sleep => "sleep",
            State::Network => "network",
            State::Join => "join",
            State::Startup => "startup",
        }
    }

    /// What the state means, in the lesson's words.
    pub fn words(self) -> &'static str {
        match self {
            State::Run => "running Python",
            State::GilWait => "waiting for the GIL",
            State::Lock => "blocked on a lock",
            State::Queue => "blocked on a queue",
            State::Event => "waiting on an event or condition",
            State::Sleep => "in time.sleep",
            State::Network => "waiting for the network",
            State::Join => "waiting for another thread or process (join, result)",
            State::Startup => "starting a process",
        }
    }

    /// The reason a Python layer gives a native wait (`_thread._traced_lock("queue")`).
    pub fn from_reason(reason: &str) -> Option<State> {
        Some(match reason {
            "lock" => State::Lock,
            "queue" => State::Queue,
            "event" | "condition" => State::Event,
            "sleep" => State::Sleep,
            "network" => State::Network,
            "join" => State::Join,
            "startup" => State::Startup,
            _ => return None,
        })
    }
}

/// One interval of one thread's life, in milliseconds on the trace's clock.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub state: State,
    pub start_ms: f64,
    pub end_ms: f64,
}

impl Span {
    pub fn ms(&self) -> f64 {
        self.end_ms - self.start_ms
    }
}

/// The GIL passing to the thread that recorded this, from another thread of its process.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    /// When this thread took the GIL.
    pub at_ms: f64,
    /// When the previous holder dropped it.
    pub dropped_ms: f64,
    /// The previous holder's thread ident (`threading.get_ident()`), in the same process.
    pub from: u64,
    /// Whether the holder was asked to drop it (the switch interval passed with a waiter), rather
    /// than dropping it itself to block, sleep or end.
    pub forced: bool,
}

/// Appends `span`, lengthening the last span if `span` continues it in the same state; halves
/// `spans` by merging neighbours when it reaches `max`. Returns whether it halved them.
pub(crate) fn append(spans: &mut Vec<Span>, span: Span, max: usize) -> bool {
    if let Some(last) = spans.last_mut() {
        if last.state == span.state && last.end_ms == span.start_ms {
            last.end_ms = span.end_ms;
            return false;
        }
    }
    spans.push(span);
    if spans.len() < max {
        return false;
    }
    let halved: Vec<Span> = spans
        .chunks(2)
        .map(|pair| match pair {
            [a, b] => {
                Span { state: if b.ms() > a.ms() { b.state } else { a.state }, start_ms: a.start_ms, end_ms: b.end_ms }
            }
            [a] => *a,
            _ => unreachable!("chunks(2) yields one or two"),
        })
        .collect();
    *spans = halved;
    true
}

/// Appends a hand-over; at `max`, keeps every other one. Returns whether it thinned them.
pub(crate) fn append_handover(list: &mut Vec<Handover>, h: Handover, max: usize) -> bool {
    list.push(h);
    if list.len() < max {
        return false;
    }
    let mut i = 0;
    list.retain(|_| {
        i += 1;
        i % 2 == 1
    });
    true
}

/// States thinner than the grain, waiting to add up to one span.
#[derive(Debug)]
struct Thin {
    start_ms: f64,
    end_ms: f64,
    ms: [f64; State::ALL.len()],
}

impl Thin {
    /// The state that took most of the time.
    fn state(&self) -> State {
        let mut best = 0;
        for i in 1..self.ms.len() {
            if self.ms[i] > self.ms[best] {
                best = i;
            }
        }
        State::ALL[best]
    }
}

/// Records one Python thread's state changes. Owned by the thread's `Vm`: nothing here waits.
#[derive(Debug)]
pub struct Recorder {
    lane: Arc<Lane>,
    recording: Arc<Recording>,
    registered: bool,
    current: Option<(State, f64)>,
    thin: Option<Thin>,
    /// What this thread has not handed to its lane yet.
    pub(crate) unsent: Unsent,
    /// `--simulate`: the state the thread blocked in, for the scheduler to record at the right
    /// virtual time.
    pub wait: State,
}

/// A recorder's news since it last handed them over.
#[derive(Debug, Default)]
pub(crate) struct Unsent {
    pub spans: Vec<Span>,
    pub handovers: Vec<Handover>,
    pub totals_ms: [f64; State::ALL.len()],
    pub forced: u64,
    pub voluntary: u64,
    pub name: Option<String>,
    pub process_name: Option<String>,
    pub ended: bool,
    /// Spans or hand-overs merged away here because the lane stayed busy.
    pub coarsened: u32,
}

impl Recorder {
    pub(crate) fn new(recording: Arc<Recording>, lane: Arc<Lane>) -> Recorder {
        let mut r = Recorder {
            lane,
            recording,
            registered: false,
            current: None,
            thin: None,
            unsent: Unsent::default(),
            wait: State::Lock,
        };
        r.publish();
        r
    }

    /// The thread is in `state` from `now_ms` on; closes what it did before.
    pub fn enter(&mut self, state: State, now_ms: f64) {
        if matches!(self.current, Some((s, _)) if s == state) {
            return;
        }
        self.close(now_ms);
        self.current = Some((state, now_ms));
        self.publish();
    }

    /// The thread took the GIL from another one.
    pub fn handover(&mut self, h: Handover) {
        if h.forced {
            self.unsent.forced += 1;
        } else {
            self.unsent.voluntary += 1;
        }
        if append_handover(&mut self.unsent.handovers, h, MAX_HANDOVERS) {
            self.unsent.coarsened += 1;
        }
    }

    /// The thread's name, as Python calls it (`threading.Thread.name`).
    pub fn set_name(&mut self, name: String) {
        self.unsent.name = Some(name);
        self.publish();
    }

    /// The name of the process whose main thread this is (`multiprocessing.Process.name`).
    pub fn set_process_name(&mut self, name: String) {
        self.unsent.process_name = Some(name);
        self.publish();
    }

    /// The thread ended at `now_ms`: its last span closes, and everything is handed over, waiting
    /// for the lane if a reader holds it (the thread runs no more Python).
    pub fn finish(&mut self, now_ms: f64) {
        self.close(now_ms);
        self.flush_thin();
        self.unsent.ended = true;
        self.lane.absorb(&mut self.unsent, None);
        self.register(true);
    }

    fn close(&mut self, now_ms: f64) {
        let Some((state, start)) = self.current.take() else { return };
        let end = now_ms.max(start);
        let ms = end - start;
        self.unsent.totals_ms[state.index()] += ms;
        if ms >= GRAIN_MS {
            // Slivers before a thick span are drawn as part of it.
            let start = self.thin.take().map_or(start, |t| t.start_ms);
            self.push(Span { state, start_ms: start, end_ms: end });
        } else if ms > 0.0 {
            let t = self.thin.get_or_insert(Thin { start_ms: start, end_ms: start, ms: [0.0; State::ALL.len()] });
            t.end_ms = end;
            t.ms[state.index()] += ms;
            if t.end_ms - t.start_ms >= GRAIN_MS {
                self.flush_thin();
            }
        }
    }

    fn flush_thin(&mut self) {
        if let Some(t) = self.thin.take() {
            self.push(Span { state: t.state(), start_ms: t.start_ms, end_ms: t.end_ms });
        }
    }

    fn push(&mut self, span: Span) {
        if append(&mut self.unsent.spans, span, MAX_SPANS) {
            self.unsent.coarsened += 1;
        }
    }

    /// Hands the news to the lane unless a reader holds it right now.
    fn publish(&mut self) {
        self.lane.try_absorb(&mut self.unsent, self.current);
        self.register(false);
    }

    fn register(&mut self, wait: bool) {
        if !self.registered {
            self.registered = self.recording.register(&self.lane, wait);
        }
    }
}

impl Drop for Recorder {
    /// A thread dropped without `finish` (a daemon thread or a simulated one still waiting when
    /// the run ended): its state stays open, to be closed at the end of the run.
    fn drop(&mut self) {
        if !self.unsent.ended {
            self.flush_thin();
            self.lane.absorb(&mut self.unsent, self.current);
            self.register(true);
        }
    }
}

#[cfg(test)]
mod tests;
