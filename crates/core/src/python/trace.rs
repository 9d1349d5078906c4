//! What every Python thread did and when: time-stamped spans on one clock, bounded in size.
//!
//! A [`Recorder`] belongs to one thread and is only told when the thread's state changes, so a
//! thread that runs bytecode for a second without a switch costs one span, not a million. When a
//! thread switches so often that its spans pass [`MAX_SPANS`], neighbours are merged pairwise (the
//! longer one names the pair): the timeline keeps its shape at a coarser grain, and the per-kind
//! totals stay exact. Memory is bounded whatever the run's length.
//!
//! A recorder also keeps the spans it closed since they were last taken ([`Recorder::take_news`]),
//! so a run can be streamed while it goes (see [`super::live`]).

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::compute::insert_sorted;

/// The most spans one thread keeps before neighbours are merged.
pub const MAX_SPANS: usize = 2048;

/// What a thread was doing during a span.
///
/// The last two are not Python's: they are the page's own main thread, which the UI records while
/// a run is in flight, so the timeline can show that the page stayed responsive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    /// Running Python bytecode (holding the GIL, where there is one).
    Run,
    /// Running C code that released the GIL (zlib compressing).
    C,
    /// Waiting for the GIL.
    GilWait,
    /// Blocked in I/O or `time.sleep`, without the GIL.
    Io,
    /// Blocked in `lock.acquire()`.
    LockWait,
    /// Blocked in `queue.get()` / `queue.join()`, or an idle pool worker waiting for a task.
    QueueWait,
    /// Blocked waiting for other threads: `future.result()`, `t.join()`, leaving the `with` block.
    Join,
    /// A process starting up (fork, import) before it can take its first task.
    Startup,
    /// The page's main thread drew its frames on time.
    PageResponsive,
    /// The page's main thread drew no frame for longer than [`crate::page::BUSY_MS`].
    PageBusy,
}

impl SpanKind {
    /// Every kind, in declaration order (so `ALL[k.index()] == k`), which is also legend order.
    pub const ALL: [SpanKind; 10] = [
        SpanKind::Run,
        SpanKind::C,
        SpanKind::GilWait,
        SpanKind::Io,
        SpanKind::LockWait,
        SpanKind::QueueWait,
        SpanKind::Join,
        SpanKind::Startup,
        SpanKind::PageResponsive,
        SpanKind::PageBusy,
    ];

    /// This kind's place in [`SpanKind::ALL`] and in [`WorkerTrace::totals_ms`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// A short name, for the text rendering and the UI's legend.
    pub fn label(self) -> &'static str {
        match self {
            SpanKind::Run => "run",
            SpanKind::C => "c",
            SpanKind::GilWait => "gil-wait",
            SpanKind::Io => "io",
            SpanKind::LockWait => "lock-wait",
            SpanKind::QueueWait => "queue-wait",
            SpanKind::Join => "join",
            SpanKind::Startup => "startup",
            SpanKind::PageResponsive => "responsive",
            SpanKind::PageBusy => "busy",
        }
    }
}

/// One interval of one thread's life.
///
/// On the wire a span is an array, `["run",1.5,2.25,0]`: a trace holds thousands of them, and
/// naming every field of every span made a finished run's message three times as long.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(into = "SpanWire", from = "SpanWire")]
pub struct Span {
    pub kind: SpanKind,
    pub start_ms: f64,
    pub end_ms: f64,
    /// The task (index in submission order) the thread was working on, if any.
    pub task: Option<u32>,
}

/// A [`Span`] as the array it is sent as: kind, start, end, task.
#[derive(Serialize, Deserialize)]
struct SpanWire(SpanKind, f64, f64, Option<u32>);

impl From<Span> for SpanWire {
    fn from(s: Span) -> Self {
        SpanWire(s.kind, s.start_ms, s.end_ms, s.task)
    }
}

impl From<SpanWire> for Span {
    fn from(SpanWire(kind, start_ms, end_ms, task): SpanWire) -> Self {
        Span { kind, start_ms, end_ms, task }
    }
}

impl Span {
    pub fn ms(&self) -> f64 {
        self.end_ms - self.start_ms
    }
}

/// Everything one Python thread (or process) did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkerTrace {
    /// The name Python gives it: `MainThread`, `ThreadPoolExecutor-0_1`, `ForkProcess-2`, `Thread-3`.
    pub name: String,
    pub spans: Vec<Span>,
    /// Exact milliseconds per kind, in [`SpanKind::ALL`] order, even after spans were merged.
    pub totals_ms: [f64; SpanKind::ALL.len()],
    /// How many times the spans were halved by merging neighbours.
    pub coarsened: u32,
}

/// Every thread of one run, on one clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    pub start_ms: f64,
    pub end_ms: f64,
    /// The main thread first, then the workers in the order they were started.
    pub workers: Vec<WorkerTrace>,
}

/// The most spans a recorder keeps for [`Recorder::take_news`] before neighbours are merged: a
/// reader that looks ten times a second gets at most this many per thread each time.
pub const MAX_NEWS: usize = 128;

impl WorkerTrace {
    pub fn new(name: String) -> Self {
        WorkerTrace { name, spans: Vec::new(), totals_ms: [0.0; SpanKind::ALL.len()], coarsened: 0 }
    }

    /// Adds a span after the others, keeping the totals exact and the spans bounded.
    pub fn push(&mut self, span: Span) {
        // A state left the instant it was entered took no time: it would only clutter the picture.
        if span.ms() <= 0.0 {
            return;
        }
        self.totals_ms[span.kind.index()] += span.ms();
        if append(&mut self.spans, span, MAX_SPANS) {
            self.coarsened += 1;
        }
    }
}

/// Appends `span` to `spans`, or lengthens the last span if `span` continues it; halves `spans`
/// by merging neighbours when it reaches `max`. Returns whether it halved them.
pub fn append(spans: &mut Vec<Span>, span: Span, max: usize) -> bool {
    if let Some(last) = spans.last_mut() {
        if (last.kind, last.task) == (span.kind, span.task) && last.end_ms == span.start_ms {
            last.end_ms = span.end_ms;
            return false;
        }
    }
    spans.push(span);
    if spans.len() < max {
        return false;
    }
    *spans = halve(spans);
    true
}

/// Each pair of neighbours becomes one span covering both, named after the longer.
fn halve(spans: &[Span]) -> Vec<Span> {
    spans
        .chunks(2)
        .map(|pair| match pair {
            [a, b] => {
                let named = if b.ms() > a.ms() { b } else { a };
                Span { start_ms: a.start_ms, end_ms: b.end_ms, ..*named }
            }
            [a] => *a,
            _ => unreachable!("chunks(2) yields one or two"),
        })
        .collect()
}

/// Records one thread's state changes as spans.
#[derive(Debug)]
pub struct Recorder {
    trace: WorkerTrace,
    current: Option<(SpanKind, Option<u32>, f64)>,
    /// Spans closed since [`Recorder::take_news`] last took them.
    news: Vec<Span>,
}

impl Recorder {
    pub fn new(name: String) -> Self {
        Self { trace: WorkerTrace::new(name), current: None, news: Vec::new() }
    }

    /// The thread is now doing `kind` for `task`, since `now`; closes what it did before.
    pub fn enter(&mut self, kind: SpanKind, task: Option<u32>, now: f64) {
        match self.current {
            Some((k, t, _)) if k == kind && t == task => {}
            _ => {
                self.close(now);
                self.current = Some((kind, task, now));
            }
        }
    }

    /// The thread is idle from `now` on (between spans, or finished).
    pub fn close(&mut self, now: f64) {
        if let Some((kind, task, start)) = self.current.take() {
            let span = Span { kind, start_ms: start, end_ms: now.max(start), task };
            if span.ms() > 0.0 {
                self.trace.push(span);
                append(&mut self.news, span, MAX_NEWS);
            }
        }
    }

    /// The thread's name.
    pub fn name(&self) -> &str {
        &self.trace.name
    }

    pub fn finish(mut self, now: f64) -> WorkerTrace {
        self.close(now);
        self.trace
    }

    /// The spans closed since the last call, and the state the thread is in now (as a span that
    /// has not ended: its end is its start).
    pub fn take_news(&mut self) -> (Vec<Span>, Option<Span>) {
        let open = self.current.map(|(kind, task, start)| Span { kind, start_ms: start, end_ms: start, task });
        (std::mem::take(&mut self.news), open)
    }
}

impl Trace {
    /// Every span of every thread, with the thread's index.
    pub fn spans(&self) -> impl Iterator<Item = (usize, &Span)> {
        self.workers.iter().enumerate().flat_map(|(w, t)| t.spans.iter().map(move |s| (w, s)))
    }

    /// How many distinct threads have a span of `kind` overlapping a span of `kind` on another thread.
    pub fn overlapping(&self, kind: SpanKind) -> usize {
        let spans: Vec<(usize, &Span)> = self.spans().filter(|(_, s)| s.kind == kind && s.ms() > 0.0).collect();
        let mut threads: Vec<usize> = Vec::new();
        for (i, (wa, a)) in spans.iter().enumerate() {
            for (wb, b) in &spans[i + 1..] {
                if wa != wb && a.start_ms < b.end_ms && b.start_ms < a.end_ms {
                    insert_sorted(&mut threads, *wa);
                    insert_sorted(&mut threads, *wb);
                }
            }
        }
        threads.len()
    }

    /// Renders the trace as text, one line per thread: `MainThread: run 0–0.1 #0, join 0.1–9`.
    ///
    /// Times are relative to the start of the run and rounded to `grain_ms`, so a deterministic
    /// schedule renders identically on every machine.
    pub fn render(&self, grain_ms: f64) -> String {
        let t = |ms: f64| {
            let v = ((ms - self.start_ms) / grain_ms).round() * grain_ms;
            let s = format!("{v:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        let mut out = String::new();
        for w in &self.workers {
            let _ = write!(out, "{}:", w.name);
            for (i, s) in w.spans.iter().enumerate() {
                let sep = if i == 0 { " " } else { ", " };
                let _ = write!(out, "{sep}{} {}-{}", s.kind.label(), t(s.start_ms), t(s.end_ms));
                if let Some(task) = s.task {
                    let _ = write!(out, " #{task}");
                }
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_that_does_not_change_is_one_span() {
        let mut r = Recorder::new("T".into());
        for i in 0..100 {
            r.enter(SpanKind::Run, Some(0), i as f64);
        }
        r.enter(SpanKind::Io, Some(0), 100.0);
        let w = r.finish(150.0);
        assert_eq!(w.spans.len(), 2);
        assert_eq!(w.totals_ms[0], 100.0);
        assert_eq!(w.totals_ms[3], 50.0);
    }

    #[test]
    fn a_long_run_is_summarised_not_unbounded() {
        let mut r = Recorder::new("T".into());
        for i in 0..100_000 {
            let kind = if i % 3 == 0 { SpanKind::GilWait } else { SpanKind::Run };
            r.enter(kind, None, i as f64);
        }
        let w = r.finish(100_000.0);
        assert!(w.spans.len() < MAX_SPANS);
        assert!(w.coarsened > 0);
        // The merged spans still tile the run, and the totals are still exact.
        assert_eq!(w.spans.first().unwrap().start_ms, 0.0);
        assert_eq!(w.spans.last().unwrap().end_ms, 100_000.0);
        assert!(w.spans.windows(2).all(|p| p[0].end_ms == p[1].start_ms));
        assert_eq!(w.totals_ms.iter().sum::<f64>(), 100_000.0);
    }
}
