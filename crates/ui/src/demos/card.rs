//! A demo card: the live snippet, Run and Stop, progress, then what the run printed, its timeline,
//! its figures and its export.

use leptos::prelude::*;
use playground_core::demos::{live_words, DemoSpec};
use playground_core::protocol::{EngineInfo, Threading};
use playground_core::report::format_ms;

use super::last_runs::LastRuns;
use super::live::LiveTimeline;
use super::notice::IsolationNote;
use super::results::Results;
use super::runner::{RunState, Runner};
use super::snippet::Snippet;
use crate::engine::{Engine, EngineStatus};

/// Runs longer than this show a progress indicator.
const PROGRESS_AFTER_MS: f64 = 1_000.0;

#[component]
pub fn DemoCard(spec: &'static DemoSpec) -> impl IntoView {
    let engine = expect_context::<Engine>();
    let runner = Runner::new(engine);
    let ready = move || matches!(engine.status().get(), EngineStatus::Ready(_));
    let values = RwSignal::new(spec.defaults());
    let blocker = Memo::new(move |_| values.with(|v| spec.blocker(v)));
    let title_id = format!("demo-{}-title", spec.id);
    let labelled_by = title_id.clone();
    let why_id = format!("demo-{}-why", spec.id);
    let described_by = why_id.clone();
    // What the current run was started with, so its report can be shared with the page.
    let started_with = StoredValue::new(None);
    let run = move |_| {
        if let Ok(scenario) = values.with_untracked(|v| spec.scenario(v)) {
            started_with.set_value(Some(scenario.clone()));
            runner.start(scenario);
        }
    };
    if let Some(last_runs) = use_context::<LastRuns>() {
        Effect::new(move |_| {
            if runner.state.get() == RunState::Finished {
                if let (Some(scenario), Some(report)) = (started_with.get_value(), runner.report.get_untracked()) {
                    last_runs.record(spec.id, scenario, report);
                }
            }
        });
    }
    let why = move || match (blocker.get(), runner.state.get()) {
        (Some(problem), _) => Some(format!("Run is disabled: {problem}.")),
        // What happened to the last run comes first: after a Stop or a crash the engine may be
        // restarting, and the learner should read why their run ended, not only that it waits.
        (None, RunState::Stopped) => Some("Stopped.".to_string()),
        (None, RunState::Failed(message)) => Some(format!("The run failed: {message}")),
        (None, _) if !ready() => Some("Run waits for the engine to start…".to_string()),
        (None, RunState::Running(_)) => Some("Running… Stop ends it.".to_string()),
        _ => None,
    };
    let long_run = move || runner.busy() && runner.running_ms.get() > PROGRESS_AFTER_MS;
    let modelled = move || {
        matches!(
            engine.status().get(),
            EngineStatus::Ready(EngineInfo { threading: Threading::SingleThread { .. }, .. })
        )
    };
    let live_words =
        Signal::derive(move || runner.drawn.with(|d| d.as_ref().map(|d| live_words(d.elapsed_ms, modelled()))));
    view! {
        <section class="demo-card" id=format!("demo-{}", spec.id) aria-labelledby=labelled_by>
            <h3 class="demo-title" id=title_id>{spec.title}</h3>
            <p class="demo-hint">{spec.hint}</p>
            <IsolationNote/>
            <Snippet spec values/>
            <div class="demo-controls">
                <button type="button" class="demo-run" on:click=run aria-describedby=described_by
                    disabled=move || blocker.get().is_some() || runner.busy() || !ready()>"Run"</button>
                <button type="button" class="demo-stop" on:click=move |_| runner.stop() disabled=move || !runner.busy()>"Stop"</button>
                <Show when=long_run>
                    <progress class="demo-progress" aria-label="Run in progress"></progress>
                    <span class="demo-running">{move || format_ms(runner.running_ms.get())}</span>
                </Show>
                <p class="demo-why" id=why_id role="status">{why}</p>
            </div>
            <LiveTimeline drawn=runner.drawn.read_only() words=live_words/>
            <Results runner/>
        </section>
    }
}
