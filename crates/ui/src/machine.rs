//! The "Your machine" panel: is the page isolated, how many cores and threads, and `compute(n)` on
//! one thread beside all threads, measured here.

use leptos::prelude::*;
use playground_core::compute::{self, ComputeOutcome};
use playground_core::params::python_int;
use playground_core::protocol::{ComputeMode, EngineInfo, Threading};
use playground_core::report::{fallback_notice, format_ms, python_float, single_thread_headline, threads, Comparison};
use playground_core::run::RunState;

use crate::engine::{Engine, EngineStatus};
use crate::run::{Ended, Session};

/// Chunks per run: enough that a thread slowed by the OS does not leave the others idle at the end.
const CHUNKS: u32 = 256;
const DEFAULT_N: u64 = 100_000_000;

/// Which of the panel's two runs is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    OneThread,
    AllThreads,
}

/// What a finished measurement shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Measured {
    Compared(Comparison),
    /// Threads are unavailable: one run on one thread, nothing to compare.
    Single(ComputeOutcome),
}

/// The panel's session: `compute(n)` on one thread, then, when the engine has threads, on
/// `workers` of them, each step announced to `step` as it starts.
pub async fn measure(session: Session, n: u64, workers: Option<u32>, step: impl Fn(Step)) -> Result<Measured, Ended> {
    step(Step::OneThread);
    let one = session.compute(n, CHUNKS, ComputeMode::OneThread).await?;
    let Some(workers) = workers else { return Ok(Measured::Single(one)) };
    step(Step::AllThreads);
    let all = session.compute(n, CHUNKS, ComputeMode::AllThreads { workers }).await?;
    Ok(Measured::Compared(Comparison { one, all, workers }))
}

#[component]
pub fn MachinePanel() -> impl IntoView {
    let engine = expect_context::<Engine>();
    let status = engine.status();
    let n_text = RwSignal::new(python_int(DEFAULT_N));
    let n = Memo::new(move |_| compute::N.parse(&n_text.get()));
    let runner = engine.runner();
    let step = RwSignal::new(Step::OneThread);
    let result = RwSignal::new(None::<Measured>);

    // None when the engine has no threads: then Run measures one thread only.
    let workers = move || match status.get_untracked() {
        EngineStatus::Ready(EngineInfo { cores, threading: Threading::Threads { pool_threads } }) => {
            Some(cores.min(pool_threads).max(1))
        }
        _ => None,
    };
    let start = move |_| {
        let Ok(n) = n.get_untracked() else { return };
        let workers = workers();
        runner.start(move |session| async move {
            result.set(None);
            result.set(Some(measure(session, n, workers, move |s| step.set(s)).await?));
            Ok(())
        });
    };
    let can_run = move || status.with(EngineStatus::is_ready) && n.get().is_ok() && !runner.busy();
    let line = move || runner.state().with(|state| describe(state, step.get(), result.get().as_ref()));

    view! {
        <section class="card machine" aria-labelledby="machine-title">
            <h2 id="machine-title">"Your machine"</h2>
            <EngineFacts status=status/>
            <pre class="code"><code>"sum(math.sqrt(i) for i in range(n))"</code></pre>
            <div class="field">
                <label for="machine-n">"n = "</label>
                <input id="machine-n" type="text" inputmode="numeric" spellcheck="false"
                    aria-describedby="machine-n-help"
                    aria-invalid=move || n.get().is_err().to_string()
                    prop:value=move || n_text.get()
                    on:input=move |ev| n_text.set(event_target_value(&ev))/>
                <span id="machine-n-help" class="field-help" class:error=move || n.get().is_err()>
                    {move || match n.get() {
                        Ok(_) => format!("between 1 and {}", python_int(compute::N.max)),
                        Err(e) => e.to_string(),
                    }}
                </span>
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=start disabled=move || !can_run()>
                    "Run compute(n)"
                </button>
                <button type="button" on:click=move |_| runner.stop() disabled=move || !runner.busy()>"Stop"</button>
            </div>
            <p class="run-status" role="status" aria-live="polite">{line}</p>
            {move || (runner.state().get() == RunState::Finished).then(|| result.get()).flatten().map(|m| match m {
                Measured::Compared(c) => view! { <ComparisonTable c/> }.into_any(),
                Measured::Single(outcome) => view! { <SingleTable outcome/> }.into_any(),
            })}
        </section>
    }
}

/// The panel's status line.
fn describe(state: &RunState, step: Step, result: Option<&Measured>) -> String {
    match (state, result) {
        (RunState::Starting | RunState::Running, _) if step == Step::OneThread => "Running on 1 thread…".into(),
        (RunState::Starting | RunState::Running, _) => "Running on all threads…".into(),
        (RunState::Stopping, _) => "Stopping…".into(),
        (RunState::Finished, Some(Measured::Compared(c))) => c.headline(),
        (RunState::Finished, Some(Measured::Single(outcome))) => single_thread_headline(outcome),
        (RunState::Stopped, _) => "Stopped.".into(),
        (RunState::Failed(message), _) => format!("The run failed: {message}"),
        (RunState::Idle | RunState::Finished, _) => String::new(),
    }
}

#[component]
fn EngineFacts(status: ReadSignal<EngineStatus>) -> impl IntoView {
    let isolated = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"crossOriginIsolated".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    move || match status.get() {
        EngineStatus::Starting => view! {
            <dl class="facts">
                <Fact term="Cross-origin isolated" value=yes_no(isolated) id="fact-isolated"/>
                <Fact term="Engine" value="starting…".to_string() id="fact-engine"/>
            </dl>
        }
        .into_any(),
        EngineStatus::Down(down) => view! {
            <dl class="facts">
                <Fact term="Cross-origin isolated" value=yes_no(isolated) id="fact-isolated"/>
            </dl>
            <p class="notice warning" role="alert">{down.words()}</p>
        }
        .into_any(),
        EngineStatus::Ready(info) => ready_facts(isolated, info).into_any(),
    }
}

fn ready_facts(isolated: bool, info: EngineInfo) -> impl IntoView {
    let threads = info.threading.pool_threads();
    let fallback = match &info.threading {
        Threading::Threads { .. } => None,
        Threading::SingleThread { reason } => Some(fallback_notice(reason)),
    };
    view! {
        <dl class="facts">
            <Fact term="Cross-origin isolated" value=yes_no(isolated) id="fact-isolated"/>
            <Fact term="Cores the browser reports" value=info.cores.to_string() id="fact-cores"/>
            <Fact term="Worker threads started" value=threads.to_string() id="fact-threads"/>
        </dl>
        {fallback.map(|text| view! { <p class="notice warning" id="fallback-notice">{text}</p> })}
    }
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

#[component]
fn Fact(term: &'static str, value: String, id: &'static str) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{term}</dt>
            <dd id=id>{value}</dd>
        </div>
    }
}

#[component]
fn ComparisonTable(c: Comparison) -> impl IntoView {
    let per_thread = c.all.chunks_per_thread();
    let summary: Vec<String> = per_thread.iter().map(|(t, n)| format!("thread {t}: {n} chunks")).collect();
    view! {
        <table class="results">
            <caption class="visually-hidden">"compute(n) on one thread and on all threads"</caption>
            <ResultsHead/>
            <tbody>
                <ResultRow label="1 thread".to_string() id="one" outcome=c.one.clone()/>
                <ResultRow label=threads(c.workers as usize) id="all" outcome=c.all.clone()/>
            </tbody>
        </table>
        <p class="machine-verdict">
            <strong id="speedup">{format!("{:.2}× speedup", c.speedup())}</strong>
            " · "
            <span id="sums-agree">
                {if c.sums_agree() { "✓ both sums agree" } else { "✗ the sums differ" }}
            </span>
            " · "
            <span id="threads-used" data-threads=per_thread.len().to_string()>{summary.join(", ")}</span>
        </p>
    }
}

#[component]
fn SingleTable(outcome: ComputeOutcome) -> impl IntoView {
    view! {
        <table class="results">
            <caption class="visually-hidden">"compute(n) on one thread"</caption>
            <ResultsHead/>
            <tbody>
                <ResultRow label="1 thread".to_string() id="one" outcome/>
            </tbody>
        </table>
    }
}

#[component]
fn ResultsHead() -> impl IntoView {
    view! { <thead><tr><th scope="col">"Run"</th><th scope="col">"Time"</th><th scope="col">"Result"</th></tr></thead> }
}

/// One run's row; `id` names its cells (`time-one`, `sum-one`) for tests and links.
#[component]
fn ResultRow(label: String, id: &'static str, outcome: ComputeOutcome) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{label}</th>
            <td id=format!("time-{id}")>{format_ms(outcome.elapsed_ms)}</td>
            <td id=format!("sum-{id}")><code>{python_float(outcome.sum)}</code></td>
        </tr>
    }
}
