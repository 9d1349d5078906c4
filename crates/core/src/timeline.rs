//! The timeline of a run as something to draw: one lane per Python thread, a time scale, and spans
//! summarised into rectangles no thinner than a chosen pixel grain.
//!
//! A long run under the GIL switches hands thousands of times; drawing every span would be slower
//! than the run. [`layout`] merges neighbouring spans thinner than the grain into one rectangle named
//! after the state that took most of its time, so at most about `2 × width / grain` rectangles per
//! lane are drawn whatever the run's length. Everything here is plain arithmetic, tested natively;
//! the UI only turns it into SVG.
//!
//! A run in flight ([`layout_live`]) is drawn on an axis a little longer than it has lasted so far
//! ([`horizon_ms`]), with a "now" edge that moves along it, and as one path per lane and state
//! ([`Timeline::paths`]): a handful of SVG elements to update each frame, not thousands.

mod style;

use std::fmt::Write;

pub use style::{patterns_svg, style, KindStyle, STYLES};

use crate::python::{RunReport, SpanKind, Trace, WorkerTrace};
use crate::report::format_ms;

/// Height of one lane, and the gap below it, in SVG units.
pub const LANE_HEIGHT: f64 = 22.0;
pub const LANE_GAP: f64 = 6.0;
/// Room at the top for the time axis.
pub const AXIS_HEIGHT: f64 = 18.0;

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
    /// Where "now" is, for a run in flight.
    pub now_x: Option<f64>,
    /// Each task's call as Python writes it, by task id (for hover text).
    calls: Vec<String>,
}

/// Lays out `report`'s trace, and the page's own lane if there is one, in `width` units, merging
/// spans thinner than `grain` units.
pub fn layout(report: &RunReport, page: Option<&WorkerTrace>, width: f64, grain: f64) -> Timeline {
    let trace = &report.trace;
    let calls = report.tasks.iter().map(|t| t.call.clone()).collect();
    lay_out(trace, page, trace.end_ms - trace.start_ms, calls, width, grain)
}

/// Lays out a run in flight: `trace` is what it recorded up to its `end_ms`, which is "now".
pub fn layout_live(trace: &Trace, page: Option<&WorkerTrace>, width: f64, grain: f64) -> Timeline {
    let elapsed = trace.end_ms - trace.start_ms;
    let mut t = lay_out(trace, page, horizon_ms(elapsed), Vec::new(), width, grain);
    t.now_x = Some(elapsed * width / horizon_ms(elapsed));
    t
}

/// How long an axis a run in flight is drawn on: a round 1, 2 or 5 × 10ᵏ ms with room to grow, so
/// the "now" edge moves across it and the scale changes only now and then.
pub fn horizon_ms(elapsed_ms: f64) -> f64 {
    let want = (elapsed_ms * 1.1).max(100.0);
    let magnitude = 10f64.powf(want.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|h| *h >= want).unwrap_or(10.0 * magnitude)
}

fn lay_out(
    trace: &Trace,
    page: Option<&WorkerTrace>,
    axis_ms: f64,
    calls: Vec<String>,
    width: f64,
    grain: f64,
) -> Timeline {
    let total = axis_ms.max(1e-6);
    let scale = width / total;
    let lanes: Vec<Lane> = trace
        .workers
        .iter()
        .chain(page)
        .enumerate()
        .map(|(i, w)| {
            let spans = w.spans.iter().map(|s| {
                let start = s.start_ms - trace.start_ms;
                Rect {
                    x: start * scale,
                    w: s.ms() * scale,
                    kind: s.kind,
                    task: s.task,
                    start_ms: start,
                    ms: s.ms(),
                    spans: 1,
                }
            });
            Lane {
                name: w.name.clone(),
                y: AXIS_HEIGHT + i as f64 * (LANE_HEIGHT + LANE_GAP),
                rects: summarise(spans, grain),
            }
        })
        .collect();
    let height = AXIS_HEIGHT + lanes.len() as f64 * (LANE_HEIGHT + LANE_GAP);
    let legend = SpanKind::ALL
        .iter()
        .filter(|k| lanes.iter().any(|l| l.rects.iter().any(|r| r.kind == **k)))
        .map(|k| style(*k))
        .collect();
    let ticks = ticks(total, scale);
    Timeline { width, height, lanes, ticks, legend, now_x: None, calls }
}

/// Merges runs of rectangles thinner than `grain` into one each, named after their longest state.
pub fn summarise(rects: impl Iterator<Item = Rect>, grain: f64) -> Vec<Rect> {
    let mut out: Vec<Rect> = Vec::new();
    let mut pending: Option<(Rect, [f64; SpanKind::ALL.len()])> = None;
    let flush = |pending: &mut Option<(Rect, [f64; SpanKind::ALL.len()])>, out: &mut Vec<Rect>| {
        if let Some((mut r, by_kind)) = pending.take() {
            let (i, _) =
                by_kind.iter().enumerate().fold((0, -1.0), |best, (i, ms)| if *ms > best.1 { (i, *ms) } else { best });
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
        let k = r.kind.index();
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
                let mut by_kind = [0.0; SpanKind::ALL.len()];
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

    /// Each lane drawn as one SVG path per state (`M x y h w v 22 h -w z` per rectangle), in legend
    /// order: what a run in flight draws every frame, a few elements however many spans it has.
    pub fn paths(lane: &Lane) -> Vec<(KindStyle, String)> {
        let mut out: Vec<(KindStyle, String)> = Vec::new();
        for k in SpanKind::ALL {
            let mut d = String::new();
            for r in lane.rects.iter().filter(|r| r.kind == k) {
                let _ = write!(d, "M{:.1} {:.1}h{:.1}v{LANE_HEIGHT}h-{:.1}z", r.x, lane.y, r.w.max(0.5), r.w.max(0.5));
            }
            if !d.is_empty() {
                out.push((style(k), d));
            }
        }
        out
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
    use crate::python::{Call, Collect, Model, Program, Scenario, Span};

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
        let rects = (0..100_000)
            .map(|i| rect(i as f64 * 0.01, 0.01, if i % 2 == 0 { SpanKind::Run } else { SpanKind::GilWait }));
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
        let t = layout(&report, None, 600.0, 2.0);
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
    fn the_page_lane_comes_last_and_says_what_it_shows() {
        let calls = vec![Call::Compute { n: 20_000 }; 2];
        let report = run_sim(&Scenario::new(
            Model::Gil,
            Program::Executor { max_workers: Some(2), calls, collect: Collect::Map },
        ));
        let mut frames = crate::page::FrameLog::new();
        for f in [0.0, 16.0, 32.0, 120.0, 136.0] {
            frames.frame(f);
        }
        // The simulated run took `elapsed_ms` of modelled time while the page drew for 136 ms.
        let page = frames.lane(|t| t / 136.0 * report.elapsed_ms, 0.0, report.elapsed_ms);
        let t = layout(&report, Some(&page), 600.0, 2.0);
        let lane = t.lanes.last().unwrap();
        assert_eq!(lane.name, crate::page::LANE_NAME);
        assert_eq!(t.lanes.len(), 4);
        assert!(t.legend.iter().any(|k| k.kind == SpanKind::PageBusy));
        let busy = lane.rects.iter().find(|r| r.kind == SpanKind::PageBusy).unwrap();
        assert!(
            t.describe(lane, busy).starts_with("page (main thread): this page busy: no frame for over 50 ms"),
            "{}",
            t.describe(lane, busy)
        );
    }

    #[test]
    fn a_run_in_flight_grows_along_a_round_axis_with_a_now_edge() {
        assert_eq!(horizon_ms(0.0), 100.0);
        assert_eq!(horizon_ms(95.0), 200.0);
        assert_eq!(horizon_ms(700.0), 1000.0);
        assert_eq!(horizon_ms(1200.0), 2000.0);
        assert_eq!(horizon_ms(4000.0), 5000.0);
        let trace = Trace {
            start_ms: 1000.0,
            end_ms: 1700.0,
            workers: vec![WorkerTrace {
                spans: vec![Span { kind: SpanKind::Run, start_ms: 1000.0, end_ms: 1700.0, task: None }],
                ..WorkerTrace::new("MainThread".into())
            }],
        };
        let t = layout_live(&trace, None, 600.0, 1.5);
        assert_eq!(t.now_x, Some(420.0), "700 ms into a 1 s axis");
        assert_eq!(t.lanes[0].rects[0].w, 420.0);
        assert_eq!(t.ticks.last().unwrap().label, "1.00 s");
    }

    #[test]
    fn a_lane_draws_as_one_path_per_state() {
        let lane = Lane {
            name: "T".into(),
            y: 18.0,
            rects: vec![
                rect(0.0, 10.0, SpanKind::Run),
                rect(10.0, 5.0, SpanKind::GilWait),
                rect(15.0, 0.2, SpanKind::Run),
            ],
        };
        let paths: Vec<_> = Timeline::paths(&lane).into_iter().map(|(k, d)| (k.class, d)).collect();
        assert_eq!(
            paths,
            [
                ("span-run", "M0.0 18.0h10.0v22h-10.0zM15.0 18.0h0.5v22h-0.5z".to_string()),
                ("span-gil-wait", "M10.0 18.0h5.0v22h-5.0z".to_string())
            ]
        );
    }
}
