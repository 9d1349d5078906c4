//! A run's trace in pieces while it goes: what the engine streams, and the UI's merge of it.
//!
//! Every so often the engine takes what each thread recorded since the last time (the spans it
//! closed, and the state it is in now) as a [`TraceDelta`] and posts it. On real threads the
//! recorders publish into a [`Live`]: one small mutex per thread, which a recording thread only
//! ever *tries* to take, so a reader never holds up the pool (what could not be published waits
//! in the recorder for the next state change). The simulation is on one thread and hands its
//! deltas over directly. [`LiveTrace`] puts the deltas back together on the other side, bounded
//! as a recorder is, into a [`Trace`] that can be drawn before the run ends.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use super::trace::{append, Recorder, Span, Trace, WorkerTrace, MAX_NEWS};
use super::world::lock;

/// What one thread did since the last delta.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LaneNews {
    /// Spans it closed, in order.
    pub spans: Vec<Span>,
    /// The state it is in now, since `start_ms` (its `end_ms` means nothing yet); `None` when idle.
    pub open: Option<Span>,
}

/// What a run recorded since the previous delta. Small by construction: at most
/// [`MAX_NEWS`] spans per thread, whatever the run does meanwhile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TraceDelta {
    /// When the run started, and how far it has got, on the trace's clock (real milliseconds on
    /// real threads; the modelled clock, from 0, in the simulation).
    pub start_ms: f64,
    pub now_ms: f64,
    /// The engine's wall clock when the delta was taken (`performance.timeOrigin + now()`, the
    /// page's clock too): paired with `now_ms`, it maps the page's own frames onto the trace.
    pub wall_ms: f64,
    /// Names of the lanes that no earlier delta named, following those.
    pub names: Vec<String>,
    /// Each lane's news, in lane order.
    pub lanes: Vec<LaneNews>,
}

/// Where the threads of a real run publish their news for the one thread that streams it.
#[derive(Debug, Default)]
pub struct Live {
    /// Set once the run has started and knows its threads.
    run: OnceLock<Started>,
    /// How many lanes a delta has named so far.
    named: AtomicUsize,
}

#[derive(Debug)]
struct Started {
    start_ms: f64,
    lanes: Vec<Slot>,
}

/// One thread's name and what it published since the reader last looked.
#[derive(Debug)]
struct Slot {
    name: String,
    news: Mutex<LaneNews>,
}

impl Live {
    pub fn new() -> Self {
        Self::default()
    }

    /// The run has started at `start_ms` with these threads.
    pub(crate) fn begin(&self, start_ms: f64, names: Vec<String>) {
        let lanes = names.into_iter().map(|name| Slot { name, news: Mutex::new(LaneNews::default()) }).collect();
        let _ = self.run.set(Started { start_ms, lanes });
    }

    /// Moves `rec`'s news into thread `i`'s slot unless the reader is there right now; then they
    /// stay in the recorder until the next try. Never waits.
    pub(crate) fn publish(&self, i: usize, rec: &mut Recorder) {
        let Some(run) = self.run.get() else { return };
        if let Ok(mut slot) = run.lanes[i].news.try_lock() {
            let (spans, open) = rec.take_news();
            for s in spans {
                append(&mut slot.spans, s, MAX_NEWS);
            }
            slot.open = open;
        }
    }

    /// Takes everything published since the last call. For the streaming thread only: it waits
    /// for each slot, which a recording thread holds for a few instructions at most.
    pub fn take(&self, now_ms: f64, wall_ms: f64) -> TraceDelta {
        let Some(run) = self.run.get() else {
            return TraceDelta { start_ms: now_ms, now_ms, wall_ms, ..TraceDelta::default() };
        };
        let named = self.named.swap(run.lanes.len(), Ordering::Relaxed);
        TraceDelta {
            start_ms: run.start_ms,
            now_ms,
            wall_ms,
            names: run.lanes[named..].iter().map(|slot| slot.name.clone()).collect(),
            lanes: run
                .lanes
                .iter()
                .map(|slot| {
                    let mut news = lock(&slot.news);
                    LaneNews { spans: std::mem::take(&mut news.spans), open: news.open }
                })
                .collect(),
        }
    }
}

/// The most (wall, trace) clock pairs kept; past it every other one is dropped.
const MAX_CLOCK_PAIRS: usize = 512;

/// A run in flight, put back together from its deltas on the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LiveTrace {
    start_ms: f64,
    now_ms: f64,
    lanes: Vec<WorkerTrace>,
    open: Vec<Option<Span>>,
    /// (wall clock, trace clock) when each delta was taken, in order.
    clock: Vec<(f64, f64)>,
}

impl LiveTrace {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a delta's news. Spans merge into their lane as a recorder merges them, so a lane holds
    /// at most [`super::trace::MAX_SPANS`] spans however long the run streams.
    pub fn apply(&mut self, delta: TraceDelta) {
        if self.clock.is_empty() {
            self.start_ms = delta.start_ms;
        }
        self.now_ms = self.now_ms.max(delta.now_ms);
        self.lanes.extend(delta.names.into_iter().map(WorkerTrace::new));
        self.open.resize(self.lanes.len(), None);
        for ((lane, open), news) in self.lanes.iter_mut().zip(&mut self.open).zip(delta.lanes) {
            for span in news.spans {
                lane.push(span);
            }
            *open = news.open;
        }
        if self.clock.len() >= MAX_CLOCK_PAIRS {
            self.clock = self.clock.iter().copied().step_by(2).collect();
        }
        self.clock.push((delta.wall_ms, delta.now_ms));
    }

    /// How far the run has got on its own clock, since it started.
    pub fn elapsed_ms(&self) -> f64 {
        self.now_ms - self.start_ms
    }

    /// How many spans have arrived so far (after merging), open ones included.
    pub fn spans(&self) -> usize {
        self.lanes.iter().map(|l| l.spans.len()).sum::<usize>() + self.open.iter().flatten().count()
    }

    /// The trace so far: every lane's spans, and the state each thread is in drawn up to now.
    pub fn snapshot(&self) -> Trace {
        let workers = self
            .lanes
            .iter()
            .zip(&self.open)
            .map(|(lane, open)| {
                let mut lane = lane.clone();
                if let Some(open) = open {
                    lane.push(Span { end_ms: self.now_ms.max(open.start_ms), ..*open });
                }
                lane
            })
            .collect();
        Trace { start_ms: self.start_ms, end_ms: self.now_ms, workers }
    }

    /// Converts a time on the page's wall clock to the trace's clock, by straight lines between the
    /// pairs the deltas brought (the identity on real threads, whose trace is on the wall clock).
    /// Before the first pair and after the last, time passes as on the wall clock.
    pub fn to_trace_clock(&self, wall_ms: f64) -> f64 {
        let (Some(&(w0, t0)), Some(&(wl, tl))) = (self.clock.first(), self.clock.last()) else { return wall_ms };
        if wall_ms <= w0 {
            return t0 - (w0 - wall_ms);
        }
        if wall_ms >= wl {
            return tl + (wall_ms - wl);
        }
        match self.clock.windows(2).find(|p| wall_ms <= p[1].0) {
            Some(&[(wa, ta), (wb, tb)]) if wb > wa => ta + (tb - ta) * (wall_ms - wa) / (wb - wa),
            Some(&[_, (_, tb)]) => tb,
            _ => tl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::SpanKind::{self, *};

    fn span(kind: SpanKind, start_ms: f64, end_ms: f64) -> Span {
        Span { kind, start_ms, end_ms, task: None }
    }

    fn delta(now_ms: f64, names: &[&str], lanes: Vec<LaneNews>) -> TraceDelta {
        TraceDelta {
            start_ms: 0.0,
            now_ms,
            wall_ms: 1000.0 + now_ms,
            names: names.iter().map(|n| n.to_string()).collect(),
            lanes,
        }
    }

    #[test]
    fn deltas_merge_into_the_trace_a_recorder_would_have_made() {
        let mut live = LiveTrace::new();
        let news = |spans: Vec<Span>, open| LaneNews { spans, open };
        live.apply(delta(
            10.0,
            &["MainThread", "T1"],
            vec![
                news(vec![span(Run, 0.0, 4.0)], Some(span(Join, 4.0, 4.0))),
                news(vec![], Some(span(GilWait, 1.0, 1.0))),
            ],
        ));
        live.apply(delta(
            20.0,
            &[],
            vec![
                news(vec![], Some(span(Join, 4.0, 4.0))),
                news(vec![span(GilWait, 1.0, 12.0)], Some(span(Run, 12.0, 12.0))),
            ],
        ));
        let t = live.snapshot();
        assert_eq!(t.render(1.0), "MainThread: run 0-4, join 4-20\nT1: gil-wait 1-12, run 12-20\n");
        assert_eq!(live.elapsed_ms(), 20.0);
        assert_eq!(live.spans(), 4);
        // A span that continues the last one lengthens it instead of adding another.
        live.apply(delta(
            25.0,
            &[],
            vec![
                news(vec![span(Join, 4.0, 25.0)], None),
                news(vec![span(Run, 12.0, 20.0)], Some(span(Run, 20.0, 20.0))),
            ],
        ));
        live.apply(delta(30.0, &[], vec![news(vec![], None), news(vec![span(Run, 20.0, 30.0)], None)]));
        assert_eq!(live.snapshot().render(1.0), "MainThread: run 0-4, join 4-25\nT1: gil-wait 1-12, run 12-30\n");
        assert_eq!(live.spans(), 4);
    }

    #[test]
    fn a_lane_stays_bounded_however_long_the_run_streams() {
        let mut live = LiveTrace::new();
        live.apply(delta(0.0, &["T"], vec![LaneNews::default()]));
        for d in 0..200 {
            let spans = (0..100).map(|i| {
                let t = (d * 100 + i) as f64;
                span(if i % 2 == 0 { Run } else { GilWait }, t, t + 1.0)
            });
            live.apply(delta((d + 1) as f64 * 100.0, &[], vec![LaneNews { spans: spans.collect(), open: None }]));
        }
        let t = live.snapshot();
        assert!(t.workers[0].spans.len() < crate::python::trace::MAX_SPANS);
        assert_eq!(t.workers[0].totals_ms.iter().sum::<f64>(), 20_000.0, "the totals stay exact");
    }

    #[test]
    fn the_page_clock_maps_onto_the_trace_clock_between_deltas() {
        let mut live = LiveTrace::new();
        // A modelled run: 100 ms of wall clock computed 1 s of modelled time, then 100 ms more 3 s.
        for (wall, now) in [(1000.0, 0.0), (1100.0, 1000.0), (1200.0, 4000.0)] {
            live.apply(TraceDelta { now_ms: now, wall_ms: wall, ..TraceDelta::default() });
        }
        assert_eq!(live.to_trace_clock(1050.0), 500.0);
        assert_eq!(live.to_trace_clock(1150.0), 2500.0);
        // Outside the pairs, a millisecond is a millisecond: on real threads that is exact.
        assert_eq!(live.to_trace_clock(900.0), -100.0);
        assert_eq!(live.to_trace_clock(1300.0), 4100.0);
    }

    #[test]
    fn published_news_are_taken_once_and_a_busy_slot_keeps_them_in_the_recorder() {
        let live = Live::new();
        live.begin(100.0, vec!["MainThread".into()]);
        let mut rec = Recorder::new("MainThread".into());
        rec.enter(Run, None, 100.0);
        rec.enter(Join, None, 105.0);
        {
            let _reader = live.run.get().unwrap().lanes[0].news.lock().unwrap();
            live.publish(0, &mut rec);
        }
        let first = live.take(106.0, 106.0);
        assert_eq!(
            (first.names.len(), first.lanes[0].spans.len()),
            (1, 0),
            "nothing was published while the slot was held"
        );
        live.publish(0, &mut rec);
        let second = live.take(107.0, 107.0);
        assert!(second.names.is_empty(), "names travel once");
        assert_eq!(second.lanes[0].spans, [span(Run, 100.0, 105.0)]);
        assert_eq!(second.lanes[0].open, Some(span(Join, 105.0, 105.0)));
        assert_eq!(live.take(108.0, 108.0).lanes[0].spans, []);
    }
}
