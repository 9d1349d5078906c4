//! One demo's run: sends the scenario to the engine, follows its events, ticks a clock while it runs.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use playground_core::protocol::{Event, Request, RunId};
use playground_core::python::{RunReport, Scenario};

use crate::engine::Engine;

/// Where a run is.
#[derive(Debug, Clone, PartialEq)]
pub enum RunState {
    Idle,
    Running(RunId),
    Finished,
    Stopped,
    Failed(String),
}

/// A demo's run, cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct Runner {
    engine: Engine,
    pub state: RwSignal<RunState>,
    pub report: RwSignal<Option<Arc<RunReport>>>,
    /// Milliseconds since Run was pressed, updated every 100 ms while running.
    pub running_ms: RwSignal<f64>,
    /// The longest gap between two animation frames of this page during the run, in milliseconds.
    pub longest_frame_ms: RwSignal<f64>,
    ticker: StoredValue<Option<IntervalHandle>>,
}

impl Runner {
    pub fn new(engine: Engine) -> Self {
        Runner {
            engine,
            state: RwSignal::new(RunState::Idle),
            report: RwSignal::new(None),
            running_ms: RwSignal::new(0.0),
            longest_frame_ms: RwSignal::new(0.0),
            ticker: StoredValue::new(None),
        }
    }

    pub fn busy(&self) -> bool {
        matches!(self.state.get(), RunState::Running(_))
    }

    pub fn start(&self, scenario: Scenario) {
        let this = *self;
        // The engine answers at once when it cannot take the run; whatever it answered stands.
        self.state.set(RunState::Idle);
        let id = self.engine.run(|id| Request::Run { id, scenario }, move |event| this.on_event(event));
        if self.state.get_untracked() == RunState::Idle {
            self.state.set(RunState::Running(id));
            self.tick();
        }
    }

    pub fn stop(&self) {
        if let RunState::Running(id) = self.state.get_untracked() {
            self.engine.stop(id);
        }
    }

    fn on_event(&self, event: Event) {
        self.end_tick();
        match event {
            Event::Finished { report, .. } => {
                self.report.set(Some(Arc::new(report)));
                self.state.set(RunState::Finished);
            }
            Event::Stopped { .. } => self.state.set(RunState::Stopped),
            Event::Failed { message, .. } => self.state.set(RunState::Failed(message)),
            _ => {}
        }
    }

    /// Counts the time while running and watches the page's frames (each callback is one frame).
    fn tick(&self) {
        let start = js_sys::Date::now();
        let (running_ms, longest) = (self.running_ms, self.longest_frame_ms);
        running_ms.set(0.0);
        longest.set(0.0);
        let state = self.state;
        frames(state, longest, start);
        let handle = set_interval_with_handle(move || running_ms.set(js_sys::Date::now() - start), Duration::from_millis(100)).ok();
        self.ticker.set_value(handle);
    }

    fn end_tick(&self) {
        if let Some(h) = self.ticker.get_value() {
            h.clear();
        }
        self.ticker.set_value(None);
    }
}

/// Records the longest gap between animation frames for as long as the run lasts.
fn frames(state: RwSignal<RunState>, longest: RwSignal<f64>, last: f64) {
    request_animation_frame(move || {
        let now = js_sys::Date::now();
        longest.update(|l| *l = l.max(now - last));
        if matches!(state.get_untracked(), RunState::Running(_) | RunState::Idle) {
            frames(state, longest, now);
        }
    });
}
