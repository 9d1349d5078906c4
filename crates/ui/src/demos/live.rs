//! A run in flight: its progress events merged as they arrive, the page's own frames noted, and the
//! timeline redrawn at most once per animation frame, only when something new arrived.
//!
//! Progress events can come faster than the page draws. Each one only merges its delta into
//! [`Stream`] and marks it changed; the run's animation-frame loop, which also notes the frame's
//! time for the page's lane, lays the timeline out when it finds a change. So a burst of events
//! costs one layout, and a frame with nothing new costs a timestamp.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use playground_core::page::FrameLog;
use playground_core::python::{LiveTrace, TraceDelta, WorkerTrace};
use playground_core::timeline::{layout_live, Timeline};

use super::markup;
use super::patterns::Patterns;
use super::timeline::{Axis, Legend, GRAIN, WIDTH};

/// What the card draws of a run in flight.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub timeline: Arc<Timeline>,
    /// Spans received so far (after merging), for the card's words and the browser tests.
    pub spans: usize,
    pub elapsed_ms: f64,
}

/// One run's streamed trace and the page's frames meanwhile. Plain data, not reactive: it changes
/// up to a hundred times a second, and only [`Stream::draw`] turns it into something to show.
#[derive(Default)]
pub struct Stream {
    live: LiveTrace,
    frames: FrameLog,
    changed: bool,
}

impl Stream {
    /// A fresh stream whose page lane starts at `wall_ms`, when Run was pressed.
    pub fn starting(wall_ms: f64) -> Self {
        let mut s = Stream::default();
        s.frames.frame(wall_ms);
        s
    }

    pub fn apply(&mut self, delta: TraceDelta) {
        self.live.apply(delta);
        self.changed = true;
    }

    /// Notes a frame; returns the timeline to draw if something arrived since the last one.
    pub fn frame(&mut self, wall_ms: f64) -> Option<Drawn> {
        self.frames.frame(wall_ms);
        if !std::mem::take(&mut self.changed) {
            return None;
        }
        let trace = self.live.snapshot();
        let page = self.page_lane(trace.start_ms, trace.end_ms);
        let timeline = Arc::new(layout_live(&trace, Some(&page), WIDTH, GRAIN));
        Some(Drawn { timeline, spans: self.live.spans(), elapsed_ms: self.live.elapsed_ms() })
    }

    /// The page's lane over `from..=to` on the trace's clock.
    pub fn page_lane(&self, from: f64, to: f64) -> WorkerTrace {
        self.frames.lane(|wall| self.live.to_trace_clock(wall), from, to)
    }

    /// The longest gap between two of the page's frames so far.
    pub fn longest_frame_ms(&self) -> f64 {
        self.frames.longest_ms()
    }
}

/// The stream shared between the run's event callback and its frame loop.
pub type SharedStream = Rc<RefCell<Stream>>;

/// `performance.timeOrigin + performance.now()`: the clock the engine's spans are on.
pub fn wall_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.time_origin() + p.now())
}

/// Calls `on_frame(wall_ms)` on every animation frame for as long as it returns `true`.
pub fn each_frame(on_frame: impl FnMut(f64) -> bool + 'static) {
    fn next(mut on_frame: Box<dyn FnMut(f64) -> bool>) {
        request_animation_frame(move || {
            if on_frame(wall_ms()) {
                next(on_frame);
            }
        });
    }
    next(Box::new(on_frame));
}

/// The timeline of a run in flight: one path per lane and state, a "now" edge, the words under it.
#[component]
pub fn LiveTimeline(drawn: ReadSignal<Option<Drawn>>, words: Signal<Option<String>>) -> impl IntoView {
    move || {
        drawn.get().map(|d| {
            let t = d.timeline;
            view! {
                <div class="timeline tl-live" data-spans=d.spans data-elapsed-ms=format!("{:.0}", d.elapsed_ms)>
                    <div class="tl-names" aria-hidden="true" inner_html=markup::names(&t)></div>
                    <svg class="tl-svg" viewBox=format!("0 0 {} {}", t.width, t.height) preserveAspectRatio="none" height=t.height
                        role="img" aria-label=format!("Timeline of the run so far: {} spans on {} lanes", d.spans, t.lanes.len())>
                        <Patterns/>
                        <g inner_html=markup::live(&t)></g>
                    </svg>
                    <Axis t=t.clone()/>
                    <p class="tl-detail">{move || words.get()}</p>
                    <Legend kinds=t.legend.clone()/>
                </div>
            }
        })
    }
}
