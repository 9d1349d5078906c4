//! A demo card: the live snippet, Run and Stop, progress, then what the run printed, its timeline,
//! its figures and its export.

use leptos::prelude::*;
use playground_core::demos::{live_words, DemoSpec};
use playground_core::protocol::{EngineInfo, Threading};
use playground_core::report::format_ms;
use playground_core::run::card_status;

use super::last_runs::LastRuns;
use super::live::LiveTimeline;
use super::notice::IsolationNote;
use super::registry::Registry;
use super::results::Results;
use super::runner::CardRun;
use super::snippet::Snippet;
use crate::engine::{Engine, EngineStatus};

/// Runs longer than this show a progress indicator.
const PROGRESS_AFTER_MS: f64 = 1_000.0;

#[component]
pub fn DemoCard(spec: &'static DemoSpec) -> impl IntoView {
    let engine = expect_context::<Engine>();
    let status = engine.status();
    let run = CardRun::new(engine);
    let runner = run.runner;
    let values = RwSignal::new(spec.defaults());
    let blocker = Memo::new(move |_| values.with(|v| spec.blocker(v)));
    let title_id = format!("demo-{}-title", spec.id);
    let labelled_by = title_id.clone();
    let why_id = format!("demo-{}-why", spec.id);
    let described_by = why_id.clone();
    let last_runs = use_context::<LastRuns>();
    // Run, from the button or from another part of the page (the decision tree, by the registry).
    // A run going, a blocked field or an engine that is down leave it a no-op; a run asked for
    // while the engine starts waits for it.
    let start = move || {
        if matches!(status.get_untracked(), EngineStatus::Down(_)) {
            return;
        }
        let Ok(scenario) = values.with_untracked(|v| spec.scenario(v)) else { return };
        let shared = scenario.clone();
        run.start(scenario, move |report| {
            // Other parts of the page speak of the learner's own run (quiz question 1 does).
            if let Some(last_runs) = last_runs {
                last_runs.record(spec.id, shared, report);
            }
        });
    };
    if let Some(registry) = use_context::<Registry>() {
        registry.register(spec.id, start);
    }
    let why =
        move || status.with(|engine| runner.state().with(|run| card_status(engine, blocker.get().as_deref(), run)));
    let long_run = move || runner.busy() && run.running_ms.get() > PROGRESS_AFTER_MS;
    let modelled = move || {
        matches!(status.get(), EngineStatus::Ready(EngineInfo { threading: Threading::SingleThread { .. }, .. }))
    };
    let live_words =
        Signal::derive(move || run.drawn.with(|d| d.as_ref().map(|d| live_words(d.elapsed_ms, modelled()))));
    view! {
        <section class="demo-card" id=format!("demo-{}", spec.id) aria-labelledby=labelled_by>
            <h3 class="demo-title" id=title_id>{spec.title}</h3>
            <p class="demo-hint">{spec.hint}</p>
            <IsolationNote/>
            <Snippet spec values/>
            <div class="demo-controls">
                <button type="button" class="demo-run" on:click=move |_| start() aria-describedby=described_by
                    disabled=move || blocker.get().is_some() || runner.busy() || !status.with(EngineStatus::is_ready)>"Run"</button>
                <button type="button" class="demo-stop" on:click=move |_| runner.stop() disabled=move || !runner.busy()>"Stop"</button>
                <Show when=long_run>
                    <progress class="demo-progress" aria-label="Run in progress"></progress>
                    <span class="demo-running">{move || format_ms(run.running_ms.get())}</span>
                </Show>
                <p class="demo-why" id=why_id role="status">{why}</p>
            </div>
            <LiveTimeline drawn=run.drawn.read_only() words=live_words/>
            <Results run/>
        </section>
    }
}
