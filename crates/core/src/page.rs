//! The page's own main thread during a run, as a lane of the timeline: did it stay responsive?
//!
//! While a run is in flight the UI notes the time of every animation frame it gets, on the wall
//! clock the engine's spans use (`performance.timeOrigin + now()`). A gap between two frames of up
//! to [`BUSY_MS`] is part of a responsive stretch; a longer one means the page drew nothing for
//! that long: its main thread was busy (or its tab was hidden, when browsers stop drawing).
//! [`FrameLog`] keeps those stretches, not the frames, so it stays small however long a run lasts.

use crate::python::{Span, SpanKind, WorkerTrace};

/// A gap between two frames longer than this is a page that did not respond: the "long task"
/// threshold of the browsers' own tools (and of the lesson's claim that the page never blocks).
pub const BUSY_MS: f64 = 50.0;

/// What the page's lane is called on the timeline and in the Perfetto export.
pub const LANE_NAME: &str = "page (main thread)";

/// The page's frames during one run, as responsive and busy stretches on the wall clock.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameLog {
    last: Option<f64>,
    stretches: WorkerTrace,
    longest_ms: f64,
}

impl Default for FrameLog {
    fn default() -> Self {
        FrameLog { last: None, stretches: WorkerTrace::new(LANE_NAME.into()), longest_ms: 0.0 }
    }
}

impl FrameLog {
    pub fn new() -> Self {
        Self::default()
    }

    /// The page drew a frame at `wall_ms` (or the run started or ended then).
    pub fn frame(&mut self, wall_ms: f64) {
        if let Some(last) = self.last.filter(|last| wall_ms > *last) {
            let gap = wall_ms - last;
            let kind = if gap > BUSY_MS { SpanKind::PageBusy } else { SpanKind::PageResponsive };
            // Neighbouring responsive gaps merge into one span, as a recorder merges a state that lasts.
            self.stretches.push(Span { kind, start_ms: last, end_ms: wall_ms, task: None });
            self.longest_ms = self.longest_ms.max(gap);
        }
        self.last = Some(self.last.map_or(wall_ms, |l| l.max(wall_ms)));
    }

    /// The longest gap between two frames so far, in milliseconds.
    pub fn longest_ms(&self) -> f64 {
        self.longest_ms
    }

    /// The lane on the trace's clock: both ends of every stretch go through `to_trace`, and the lane
    /// is cut to `from..=to`, the run itself.
    pub fn lane(&self, to_trace: impl Fn(f64) -> f64, from: f64, to: f64) -> WorkerTrace {
        let mut lane = WorkerTrace::new(LANE_NAME.into());
        for s in &self.stretches.spans {
            let (start_ms, end_ms) = (to_trace(s.start_ms).clamp(from, to), to_trace(s.end_ms).clamp(from, to));
            lane.push(Span { start_ms, end_ms, ..*s });
        }
        lane
    }
}

/// What a finished timeline says about its last lane: on which clock the page's time is drawn.
pub fn lane_note(modelled: bool) -> &'static str {
    if modelled {
        "The last lane is this page's own main thread. The threads above ran on a modelled clock, so the \
         real time the page spent meanwhile is stretched onto it: read its spans as proportions of the run."
    } else {
        "The last lane is this page's own main thread, on the same clock as the threads above it."
    }
}

/// How the page's main thread fared during a run, from the longest gap between its frames.
pub fn words(longest_frame_ms: f64) -> String {
    let verdict = if longest_frame_ms <= BUSY_MS { "stayed responsive" } else { "stalled" };
    format!("{verdict}: its longest frame took {}", crate::report::format_ms(longest_frame_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(frames: &[f64]) -> FrameLog {
        let mut log = FrameLog::new();
        for f in frames {
            log.frame(*f);
        }
        log
    }

    fn shape(lane: &WorkerTrace) -> Vec<(&'static str, f64, f64)> {
        lane.spans.iter().map(|s| (s.kind.label(), s.start_ms, s.end_ms)).collect()
    }

    #[test]
    fn frames_on_time_are_one_responsive_span_and_a_long_gap_is_busy() {
        let frames: Vec<f64> =
            (0..10).map(|i| 1000.0 + 16.0 * f64::from(i)).chain([1144.0 + 120.0, 1280.0, 1296.0]).collect();
        let log = log(&frames);
        let lane = log.lane(|t| t, 0.0, f64::INFINITY);
        assert_eq!(
            shape(&lane),
            [("responsive", 1000.0, 1144.0), ("busy", 1144.0, 1264.0), ("responsive", 1264.0, 1296.0)]
        );
        assert_eq!(log.longest_ms(), 120.0);
        assert_eq!(lane.name, LANE_NAME);
    }

    #[test]
    fn a_gap_of_exactly_the_threshold_is_still_responsive() {
        let lane = log(&[0.0, BUSY_MS, BUSY_MS + 50.5]).lane(|t| t, 0.0, 1e9);
        assert_eq!(shape(&lane), [("responsive", 0.0, 50.0), ("busy", 50.0, 100.5)]);
    }

    #[test]
    fn a_long_run_keeps_stretches_not_frames() {
        let log = log(&(0..100_000).map(|i| f64::from(i) * 16.7).collect::<Vec<_>>());
        assert_eq!(log.stretches.spans.len(), 1);
    }

    #[test]
    fn the_lane_is_mapped_to_the_trace_clock_and_cut_to_the_run() {
        // A modelled run: every real millisecond is ten modelled ones, from wall clock 1000.
        let lane = log(&[990.0, 1000.0, 1010.0, 1100.0, 1110.0, 1300.0]).lane(|w| (w - 1000.0) * 10.0, 0.0, 1500.0);
        assert_eq!(
            shape(&lane),
            [
                ("responsive", 0.0, 100.0),
                ("busy", 100.0, 1000.0),
                ("responsive", 1000.0, 1100.0),
                ("busy", 1100.0, 1500.0)
            ]
        );
    }

    #[test]
    fn the_note_says_when_real_time_is_stretched_onto_a_modelled_clock() {
        assert!(lane_note(true).contains("modelled clock"));
        assert!(!lane_note(false).contains("modelled"));
    }

    #[test]
    fn the_words_say_whether_the_page_kept_up() {
        assert_eq!(words(16.7), "stayed responsive: its longest frame took 17 ms");
        assert!(words(180.0).starts_with("stalled"));
    }
}
