//! One demo card's run: a [`Runner`] session that sends the scenario and follows its stream, ticks
//! a clock while it goes, and watches the page's own frames meanwhile.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use playground_core::python::{RunReport, Scenario, WorkerTrace};

use super::live::{each_frame, wall_ms, Drawn, SharedStream, Stream};
use crate::engine::Engine;
use crate::run::Runner;

/// A demo card's run and what it shows, cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct CardRun {
    pub runner: Runner,
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

impl CardRun {
    pub fn new(engine: Engine) -> Self {
        CardRun {
            runner: engine.runner(),
            report: RwSignal::new(None),
            page: RwSignal::new(None),
            running_ms: RwSignal::new(0.0),
            longest_frame_ms: RwSignal::new(0.0),
            drawn: RwSignal::new(None),
            stream: StoredValue::new_local(None),
            ticker: StoredValue::new(None),
        }
    }

    /// Runs `scenario` unless a run is going; `done` hears the report of a run that finished.
    pub fn start(&self, scenario: Scenario, done: impl FnOnce(Arc<RunReport>) + 'static) -> bool {
        let this = *self;
        self.runner.start(move |session| async move {
            // The results shown are always the run shown: the last run's give way to this one's timeline.
            this.report.set(None);
            let stream: SharedStream = Rc::new(RefCell::new(Stream::starting(wall_ms())));
            this.stream.set_value(Some(stream.clone()));
            this.tick();
            let feed = stream.clone();
            let result = session.run(scenario, move |delta| feed.borrow_mut().apply(delta)).await;
            this.end_tick();
            this.stream.set_value(None);
            this.drawn.set(None);
            let report = Arc::new(result?);
            // The run has ended for the page when its result arrives: the lane goes up to here.
            let mut stream = stream.borrow_mut();
            let _ = stream.frame(wall_ms());
            this.page.set(Some(Arc::new(stream.page_lane(report.trace.start_ms, report.trace.end_ms))));
            this.longest_frame_ms.set(stream.longest_frame_ms());
            this.report.set(Some(report.clone()));
            done(report);
            Ok(())
        })
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
