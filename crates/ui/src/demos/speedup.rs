//! §1's speedup chart: 8 × `compute(n)` at 1…8 workers under each model, run here, one after another.

use leptos::prelude::*;
use playground_core::demos::speedup::{self, plan, scenario, Sweep, MAX_WORKERS};
use playground_core::protocol::{Event, Request, RunId};

use crate::engine::{Engine, EngineStatus};

const W: f64 = 300.0;
const H: f64 = 160.0;

#[component]
pub fn SpeedupChart() -> impl IntoView {
    let engine = expect_context::<Engine>();
    let sweep = RwSignal::new(Sweep::default());
    let running = RwSignal::new(None::<RunId>);
    let failed = RwSignal::new(None::<String>);
    let cores = move || match engine.status().get() {
        EngineStatus::Ready(info) => format!("{} cores (navigator.hardwareConcurrency)", info.cores),
        _ => "cores: not known yet".to_string(),
    };
    let ready = move || matches!(engine.status().get(), EngineStatus::Ready(_));
    let start = move |_| {
        sweep.set(Sweep::default());
        failed.set(None);
        next(engine, sweep, running, failed);
    };
    let stop = move |_| {
        if let Some(id) = running.get_untracked() {
            engine.stop(id);
        }
    };
    let chart = move || sweep.with(|s| s.chart(W, H));
    view! {
        <section class="demo-card speedup" id="demo-speedup" aria-labelledby="speedup-title">
            <h3 class="demo-title" id="speedup-title">"Speedup across 1…8 workers, measured on this machine"</h3>
            <p class="demo-hint">{format!("Eight compute({}) tasks, at 1 to {MAX_WORKERS} workers, for each model: {} runs, the first a warm-up.", playground_core::params::python_int(speedup::N), plan().len())}</p>
            <p class="speedup-cores">{cores}</p>
            <div class="demo-controls">
                <button type="button" on:click=start disabled=move || running.get().is_some() || !ready()>"Measure"</button>
                <button type="button" on:click=stop disabled=move || running.get().is_none()>"Stop"</button>
                <p class="demo-why" role="status">{move || failed.get().or_else(|| running.get().map(|_| format!("Run {} of {}…", sweep.with(Sweep::len) + 1, plan().len())))}</p>
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

/// Starts the next run of the plan, if any is left; each finished run starts the one after it.
fn next(engine: Engine, sweep: RwSignal<Sweep>, running: RwSignal<Option<RunId>>, failed: RwSignal<Option<String>>) {
    let Some((model, workers)) = plan().get(sweep.with_untracked(Sweep::len)).copied() else {
        running.set(None);
        return;
    };
    running.set(None);
    let id = engine.run(
        |id| Request::Run { id, scenario: scenario(model, workers) },
        move |event| match event {
            Event::Finished { report, .. } => {
                sweep.update(|s| s.record(model, workers, report.elapsed_ms));
                next(engine, sweep, running, failed);
            }
            Event::Stopped { .. } => running.set(None),
            Event::Failed { message, .. } => {
                failed.set(Some(format!("The measurement stopped: {message}")));
                running.set(None);
            }
            _ => {}
        },
    );
    if failed.get_untracked().is_none()
        && sweep.with_untracked(Sweep::len) < plan().len()
        && running.get_untracked().is_none()
    {
        running.set(Some(id));
    }
}
