//! The timeline of a run as something to draw: one lane per Python thread, a time scale, and spans
//! summarised into rectangles no thinner than a chosen pixel grain.
//!
//! A long run under the GIL switches hands thousands of times; drawing every span would be slower
//! than the run. [`layout`] merges neighbouring spans thinner than the grain into one rectangle named
//! after the state that took most of its time, so at most about `2 × width / grain` rectangles per
//! lane are drawn whatever the run's length. Everything here is plain arithmetic, tested natively;
//! the UI only turns it into SVG.

use crate::python::{RunReport, SpanKind};
use crate::report::format_ms;

/// Height of one lane, and the gap below it, in SVG units.
pub const LANE_HEIGHT: f64 = 22.0;
pub const LANE_GAP: f64 = 6.0;
/// Room at the top for the time axis.
pub const AXIS_HEIGHT: f64 = 18.0;

/// How a state is drawn: a colour class, a pattern (so colour is never the only cue) and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindStyle {
    pub kind: SpanKind,
    /// CSS class on the rectangle: `span-run`, `span-gil-wait`, …
    pub class: &'static str,
    /// Id of the SVG pattern drawn over the colour.
    pub pattern: &'static str,
    /// What the state means, in the lesson's words.
    pub words: &'static str,
}

/// The drawing style of every state.
pub fn style(kind: SpanKind) -> KindStyle {
    let (class, pattern, words) = match kind {
        SpanKind::Run => ("span-run", "pat-solid", "running Python"),
        SpanKind::C => ("span-c", "pat-dots", "running C, GIL released"),
        SpanKind::GilWait => ("span-gil-wait", "pat-hatch", "waiting for the GIL"),
        SpanKind::Io => ("span-io", "pat-hlines", "blocked on I/O, GIL released"),
        SpanKind::LockWait => ("span-lock-wait", "pat-cross", "waiting for a lock"),
        SpanKind::QueueWait => ("span-queue-wait", "pat-vlines", "waiting on a queue"),
        SpanKind::Join => ("span-join", "pat-checker", "waiting for other threads (join/result)"),
        SpanKind::Startup => ("span-startup", "pat-zigzag", "starting a process"),
    };
    KindStyle { kind, class, pattern, words }
}

/// One rectangle on a lane: a span, or several thin spans summarised.
#[derive(Debug, Clone, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub w: f64,
    pub kind: SpanKind,
    pub task: Option<u32>,
    /// Milliseconds since the run started.
    pub start_ms: f64,
    pub ms: f64,
    /// How many spans this rectangle stands for.
    pub spans: u32,
}

/// One thread's lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub name: String,
    /// Top of the lane's rectangles.
    pub y: f64,
    pub rects: Vec<Rect>,
}

/// A labelled mark on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

/// A whole run, ready to draw in a `width × height` box.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub width: f64,
    pub height: f64,
    pub lanes: Vec<Lane>,
    pub ticks: Vec<Tick>,
    /// The states that occur, in legend order.
    pub legend: Vec<KindStyle>,
    /// Each task's call as Python writes it, by task id (for hover text).
    calls: Vec<String>,
}

/// Lays out `report`'s trace in `width` units, merging spans thinner than `grain` units.
pub fn layout(report: &RunReport, width: f64, grain: f64) -> Timeline {
    let trace = &report.trace;
    let total = (trace.end_ms - trace.start_ms).max(1e-6);
    let scale = width / total;
    let lanes: Vec<Lane> = trace
        .workers
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let spans = w.spans.iter().map(|s| {
                let start = s.start_ms - trace.start_ms;
                Rect { x: start * scale, w: s.ms() * scale, kind: s.kind, task: s.task, start_ms: start, ms: s.ms(), spans: 1 }
            });
            Lane { name: w.name.clone(), y: AXIS_HEIGHT + i as f64 * (LANE_HEIGHT + LANE_GAP), rects: summarise(spans, grain) }
        })
        .collect();
    let height = AXIS_HEIGHT + lanes.len() as f64 * (LANE_HEIGHT + LANE_GAP);
    let legend = SpanKind::ALL
        .iter()
        .filter(|k| lanes.iter().any(|l| l.rects.iter().any(|r| r.kind == **k)))
        .map(|k| style(*k))
        .collect();
    let ticks = ticks(total, scale);
    let calls = report.tasks.iter().map(|t| t.call.clone()).collect();
    Timeline { width, height, lanes, ticks, legend, calls }
}

/// Merges runs of rectangles thinner than `grain` into one each, named after their longest state.
pub fn summarise(rects: impl Iterator<Item = Rect>, grain: f64) -> Vec<Rect> {
    let mut out: Vec<Rect> = Vec::new();
    let mut pending: Option<(Rect, [f64; 8])> = None;
    let flush = |pending: &mut Option<(Rect, [f64; 8])>, out: &mut Vec<Rect>| {
        if let Some((mut r, by_kind)) = pending.take() {
            let (i, _) = by_kind.iter().enumerate().fold((0, -1.0), |best, (i, ms)| if *ms > best.1 { (i, *ms) } else { best });
            r.kind = SpanKind::ALL[i];
            out.push(r);
        }
    };
    for r in rects {
        if r.w >= grain {
            flush(&mut pending, &mut out);
            out.push(r);
            continue;
        }
        let k = SpanKind::ALL.iter().position(|k| *k == r.kind).unwrap_or(0);
        match &mut pending {
            Some((p, by_kind)) => {
                by_kind[k] += r.ms;
                p.w = r.x + r.w - p.x;
                p.ms = r.start_ms + r.ms - p.start_ms;
                p.spans += 1;
                if p.task != r.task {
                    p.task = None;
                }
            }
            None => {
                let mut by_kind = [0.0; 8];
                by_kind[k] = r.ms;
                pending = Some((r, by_kind));
            }
        }
        if pending.as_ref().is_some_and(|(p, _)| p.w >= grain) {
            flush(&mut pending, &mut out);
        }
    }
    flush(&mut pending, &mut out);
    out
}

/// Evenly spaced ticks at 1, 2 or 5 × 10ᵏ ms, at most nine across.
fn ticks(total_ms: f64, scale: f64) -> Vec<Tick> {
    let raw = total_ms / 8.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    (0..)
        .map(|i| i as f64 * step)
        .take_while(|t| *t <= total_ms + step * 1e-9)
        .map(|t| Tick { x: t * scale, label: format_ms(t).replace(".0 ms", " ms") })
        .collect()
}

impl Timeline {
    /// The words a rectangle's hover or focus shows: thread, state, task, duration and start.
    pub fn describe(&self, lane: &Lane, r: &Rect) -> String {
        let task = match r.task {
            Some(t) => match self.calls.get(t as usize) {
                Some(call) => format!(", task #{t} {call}"),
                None => format!(", task #{t}"),
            },
            None => String::new(),
        };
        let summarised = if r.spans > 1 { format!(" (mostly; {} spans summarised)", r.spans) } else { String::new() };
        format!(
            "{}: {}{summarised}{task}, {} from {}",
            lane.name,
            style(r.kind).words,
            format_ms(r.ms),
            format_ms(r.start_ms)
        )
    }

    /// A short label drawn inside a rectangle wide enough to hold it.
    pub fn label(r: &Rect) -> Option<String> {
        let text = match r.task {
            Some(t) => format!("{} #{t}", r.kind.label()),
            None => r.kind.label().to_string(),
        };
        (r.w >= 7.0 * text.len() as f64).then_some(text)
    }

    /// One sentence per lane for screen readers: how long it spent in each state.
    pub fn lane_summary(lane: &Lane) -> String {
        let mut parts: Vec<String> = Vec::new();
        for k in SpanKind::ALL {
            let ms: f64 = lane.rects.iter().filter(|r| r.kind == k).map(|r| r.ms).sum();
            if ms > 0.0 {
                parts.push(format!("{} {}", style(k).words, format_ms(ms)));
            }
        }
        if parts.is_empty() {
            format!("{}: idle", lane.name)
        } else {
            format!("{}: {}", lane.name, parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demos::testing::run_sim;
    use crate::python::{Call, Collect, Model, Program, Scenario};

    fn rect(x: f64, w: f64, kind: SpanKind) -> Rect {
        Rect { x, w, kind, task: Some(0), start_ms: x, ms: w, spans: 1 }
    }

    #[test]
    fn wide_spans_stay_and_thin_ones_merge_under_their_longest_state() {
        let rects = vec![
            rect(0.0, 10.0, SpanKind::Run),
            rect(10.0, 0.5, SpanKind::GilWait),
            rect(10.5, 0.3, SpanKind::Run),
            rect(10.8, 0.9, SpanKind::GilWait),
            rect(11.7, 20.0, SpanKind::Io),
        ];
        let out = summarise(rects.into_iter(), 2.0);
        let shape: Vec<_> = out.iter().map(|r| (r.kind.label(), r.x, r.spans)).collect();
        assert_eq!(shape, [("run", 0.0, 1), ("gil-wait", 10.0, 3), ("io", 11.7, 1)]);
        assert!((out[1].w - 1.7).abs() < 1e-9, "the merged rectangle covers what it summarises");
    }

    #[test]
    fn a_run_of_thousands_of_switches_draws_a_bounded_number_of_rects() {
        let rects = (0..100_000).map(|i| rect(i as f64 * 0.01, 0.01, if i % 2 == 0 { SpanKind::Run } else { SpanKind::GilWait }));
        let out = summarise(rects, 2.0);
        assert!(out.len() <= 501, "{} rects for 1000 units at a grain of 2", out.len());
        assert!(out.windows(2).all(|p| (p[0].x + p[0].w - p[1].x).abs() < 1e-6), "still tiles the lane");
    }

    #[test]
    fn ticks_are_round_numbers_across_the_run() {
        let t = ticks(1234.0, 0.5);
        let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0 ms", "200 ms", "400 ms", "600 ms", "800 ms", "1.00 s", "1.20 s"]);
        assert_eq!(t[1].x, 100.0);
    }

    #[test]
    fn a_gil_run_has_a_lane_per_thread_and_a_legend_of_what_happened() {
        let calls = vec![Call::Compute { n: 20_000 }; 2];
        let s = Scenario::new(Model::Gil, Program::Executor { max_workers: Some(2), calls, collect: Collect::Map });
        let report = run_sim(&s);
        let t = layout(&report, 600.0, 2.0);
        let names: Vec<_> = t.lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["MainThread", "ThreadPoolExecutor-0_0", "ThreadPoolExecutor-0_1"]);
        assert!(t.legend.iter().any(|k| k.kind == SpanKind::GilWait));
        assert_eq!(t.height, AXIS_HEIGHT + 3.0 * (LANE_HEIGHT + LANE_GAP));
        let lane = &t.lanes[1];
        let r = lane.rects.iter().find(|r| r.kind == SpanKind::Run).unwrap();
        assert!(t.describe(lane, r).starts_with("ThreadPoolExecutor-0_0: running Python"), "{}", t.describe(lane, r));
        assert!(Timeline::lane_summary(lane).contains("running Python"));
        assert!(t.lanes.iter().flat_map(|l| &l.rects).all(|r| r.x >= -1e-9 && r.x + r.w <= 600.0 + 1e-6));
    }

    #[test]
    fn every_state_has_its_own_pattern() {
        let mut patterns: Vec<_> = SpanKind::ALL.iter().map(|k| style(*k).pattern).collect();
        patterns.sort();
        patterns.dedup();
        assert_eq!(patterns.len(), SpanKind::ALL.len());
    }
}
