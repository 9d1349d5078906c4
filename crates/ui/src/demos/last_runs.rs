//! The last finished run of each demo card, so other parts of the page can speak of it (quiz
//! question 1 quotes the learner's own compression run).

use std::sync::Arc;

use leptos::prelude::*;
use playground_core::python::{RunReport, Scenario};

/// Demo id → the scenario it last ran and what that run reported. Provided once, by the app.
#[derive(Clone, Copy)]
pub struct LastRuns(RwSignal<Vec<(&'static str, Scenario, Arc<RunReport>)>>);

impl LastRuns {
    pub fn new() -> Self {
        LastRuns(RwSignal::new(Vec::new()))
    }

    /// Remembers a finished run, replacing the demo's previous one.
    pub fn record(&self, demo: &'static str, scenario: Scenario, report: Arc<RunReport>) {
        self.0.update(|runs| {
            runs.retain(|(id, ..)| *id != demo);
            runs.push((demo, scenario, report));
        });
    }

    /// The demo's last finished run, reactively.
    pub fn get(&self, demo: &str) -> Option<(Scenario, Arc<RunReport>)> {
        self.0.with(|runs| runs.iter().find(|(id, ..)| *id == demo).map(|(_, s, r)| (s.clone(), r.clone())))
    }
}

impl Default for LastRuns {
    fn default() -> Self {
        Self::new()
    }
}
