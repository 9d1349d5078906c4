//! §1's speedup chart: 8 × `compute(n)` at 1…8 workers under each model, run here, one after another.

use leptos::prelude::*;
use playground_core::demos::speedup::{self, plan, scenario, Sweep, MAX_WORKERS};
use playground_core::python::Model;
use playground_core::run::RunState;

use crate::engine::{Engine, EngineStatus};
use crate::run::{Outcome, Session};

const W: f64 = 300.0;
const H: f64 = 160.0;

/// The sweep's session: every run of the plan, one after another, each one's time to `record`.
pub async fn sweep(session: Session, mut record: impl FnMut(Model, u32, f64)) -> Outcome {
    for (model, workers) in plan() {
        let report = session.run(scenario(model, workers), |_| {}).await?;
        record(model, workers, report.elapsed_ms);
    }
    Ok(())
}

#[component]
pub fn SpeedupChart() -> impl IntoView {
    let engine = expect_context::<Engine>();
    let runner = engine.runner();
    let sweep = RwSignal::new(Sweep::default());
    let cores = move || match engine.status().get() {
        EngineStatus::Ready(info) => format!("{} cores (navigator.hardwareConcurrency)", info.cores),
        _ => "cores: not known yet".to_string(),
    };
    let ready = move || engine.status().with(EngineStatus::is_ready);
    let start = move |_| {
        runner.start(move |session| async move {
            sweep.set(Sweep::default());
            self::sweep(session, move |model, workers, ms| sweep.update(|s| s.record(model, workers, ms))).await
        });
    };
    let line = move || {
        if let EngineStatus::Down(down) = engine.status().get() {
            return Some(down.words());
        }
        runner.state().with(|state| match state {
            RunState::Failed(message) => Some(format!("The measurement stopped: {message}")),
            RunState::Starting | RunState::Running => {
                Some(format!("Run {} of {}…", sweep.with(Sweep::len) + 1, plan().len()))
            }
            RunState::Stopping => Some("Stopping…".to_string()),
            _ => None,
        })
    };
    let chart = move || sweep.with(|s| s.chart(W, H));
    view! {
        <section class="demo-card speedup" id="demo-speedup" aria-labelledby="speedup-title">
            <h3 class="demo-title" id="speedup-title">"Speedup across 1…8 workers, measured on this machine"</h3>
            <p class="demo-hint">{format!("Eight compute({}) tasks, at 1 to {MAX_WORKERS} workers, for each model: {} runs, the first a warm-up.", playground_core::params::python_int(speedup::N), plan().len())}</p>
            <p class="speedup-cores">{cores}</p>
            <div class="demo-controls">
                <button type="button" on:click=start disabled=move || runner.busy() || !ready()>"Measure"</button>
                <button type="button" on:click=move |_| runner.stop() disabled=move || !runner.busy()>"Stop"</button>
                <p class="demo-why" role="status">{line}</p>
            </div>
            <svg class="speedup-svg" viewBox=format!("-34 -8 {} {}", W + 44.0, H + 30.0) role="img"
                aria-label="Speedup against one worker for each model; the table below lists the figures">
                {move || chart().y_ticks.into_iter().map(|(y, label)| view! {
                    <line class="tl-tick" x1="0" x2=W y1=y y2=y/><text x="-6" y=y + 4.0 class="axis-label" text-anchor="end">{label}</text>
                }).collect_view()}
                {move || chart().x_ticks.into_iter().map(|(x, label)| view! {
                    <text x=x y=H + 16.0 class="axis-label" text-anchor="middle">{label}</text>
                }).collect_view()}
                <polyline class="line-ideal" points=move || chart().ideal/>
                {move || chart().lines.into_iter().map(|l| view! {
                    <polyline class=speedup::class(l.model) points=l.points/>
                }).collect_view()}
            </svg>
            // Focusable, because in a narrow frame it scrolls sideways and keyboards must reach it.
            <table class="speedup-table" tabindex="0">
                <caption>"Speedup against the same model with 1 worker (max_workers →)"</caption>
                <thead><tr><th scope="col">"model"</th>{(1..=MAX_WORKERS).map(|w| view! { <th scope="col">{w}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {move || chart().lines.into_iter().map(|l| view! {
                        <tr><th scope="row"><span class=format!("key {}", speedup::class(l.model))></span>{speedup::name(l.model)}</th>
                        {(1..=MAX_WORKERS).map(|w| view! { <td>{l.speedups.iter().find(|s| s.0 == w).map(|s| format!("{:.2}×", s.1))}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
