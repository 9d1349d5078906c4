//! One demo's run: sends the scenario to the engine, follows its events, ticks a clock while it runs,
//! and watches the page's own frames meanwhile.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use playground_core::protocol::{Event, Request, RunId};
use playground_core::python::{RunReport, Scenario, WorkerTrace};

use super::live::{each_frame, wall_ms, Drawn, SharedStream, Stream};
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
    /// The page's own main thread during the finished run, as a lane on the run's clock.
    pub page: RwSignal<Option<Arc<WorkerTrace>>>,
    /// Milliseconds since Run was pressed, updated every 100 ms while running.
    pub running_ms: RwSignal<f64>,
    /// The longest gap between two animation frames of this page during the run, in milliseconds.
    pub longest_frame_ms: RwSignal<f64>,
    /// The run in flight as last drawn; `None` when no run is going.
    pub drawn: RwSignal<Option<Drawn>>,
    stream: StoredValue<Option<SharedStream>, LocalStorage>,
    ticker: StoredValue<Option<IntervalHandle>>,
}

impl Runner {
    pub fn new(engine: Engine) -> Self {
        Runner {
            engine,
            state: RwSignal::new(RunState::Idle),
            report: RwSignal::new(None),
            page: RwSignal::new(None),
            running_ms: RwSignal::new(0.0),
            longest_frame_ms: RwSignal::new(0.0),
            drawn: RwSignal::new(None),
            stream: StoredValue::new_local(None),
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
        // The results shown are always the run shown: the last run's give way to this one's timeline.
        self.report.set(None);
        self.stream.set_value(Some(Rc::new(RefCell::new(Stream::starting(wall_ms())))));
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
        if let Event::Progress { delta, .. } = event {
            if let Some(stream) = self.stream.get_value() {
                stream.borrow_mut().apply(delta);
            }
            return;
        }
        self.end_tick();
        let stream = self.stream.get_value();
        self.stream.set_value(None);
        self.drawn.set(None);
        match event {
            Event::Finished { report, .. } => {
                if let Some(stream) = stream {
                    let mut stream = stream.borrow_mut();
                    // The run has ended for the page when its result arrives: the lane goes up to here.
                    let _ = stream.frame(wall_ms());
                    self.page.set(Some(Arc::new(stream.page_lane(report.trace.start_ms, report.trace.end_ms))));
                    self.longest_frame_ms.set(stream.longest_frame_ms());
                }
                self.report.set(Some(Arc::new(report)));
                self.state.set(RunState::Finished);
            }
            Event::Stopped { .. } => self.state.set(RunState::Stopped),
            Event::Failed { message, .. } => self.state.set(RunState::Failed(message)),
            _ => {}
        }
    }

    /// Counts the time while running, and on every animation frame notes the frame for the page's
    /// lane and draws what arrived since the last frame, if anything did.
    fn tick(&self) {
        let start = js_sys::Date::now();
        let (running_ms, drawn, slot) = (self.running_ms, self.drawn, self.stream);
        running_ms.set(0.0);
        let Some(stream) = slot.get_value() else { return };
        each_frame(move |now| {
            // The loop belongs to this run's stream: it ends with it, and never feeds a later run.
            let current = slot.get_value().is_some_and(|s| Rc::ptr_eq(&s, &stream));
            if current {
                if let Some(d) = stream.borrow_mut().frame(now) {
                    drawn.set(Some(d));
                }
            }
            current
        });
        let handle =
            set_interval_with_handle(move || running_ms.set(js_sys::Date::now() - start), Duration::from_millis(100))
                .ok();
        self.ticker.set_value(handle);
    }

    fn end_tick(&self) {
        if let Some(h) = self.ticker.get_value() {
            h.clear();
        }
        self.ticker.set_value(None);
    }
}
