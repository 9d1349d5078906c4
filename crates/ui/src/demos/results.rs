//! What a finished run shows: the output as Python printed it, the timeline, the figures, the export.

use leptos::prelude::*;
use playground_core::demos::Figures;
use playground_core::page;
use playground_core::protocol::{EngineInfo, Threading};

use super::export::ExportButton;
use super::runner::CardRun;
use super::timeline::TimelineView;
use crate::engine::{Engine, EngineStatus};

#[component]
pub fn Results(run: CardRun) -> impl IntoView {
    let status = expect_context::<Engine>().status();
    let cores = move || match status.get() {
        EngineStatus::Ready(info) => info.cores,
        _ => 1,
    };
    let modelled = move || {
        matches!(status.get(), EngineStatus::Ready(EngineInfo { threading: Threading::SingleThread { .. }, .. }))
    };
    view! {
        {move || run.report.get().map(|report| {
            let figures = Figures::of(&report, cores()).lines();
            let frame = run.longest_frame_ms.get_untracked();
            let lane = run.page.get_untracked();
            view! {
                <div class="demo-results">
                    <h4 class="demo-sub">"Output"</h4>
                    <pre class="demo-output" tabindex="0" aria-label="Output">{report.output.join("\n")}</pre>
                    <h4 class="demo-sub">"Timeline"</h4>
                    <TimelineView report=report.clone() page=lane.clone()/>
                    {lane.is_some().then(|| view! { <p class="tl-note">{page::lane_note(modelled())}</p> })}
                    <dl class="demo-figures">
                        {figures.into_iter().map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> }).collect_view()}
                        <div><dt>"This page"</dt><dd>{page::words(frame)}</dd></div>
                    </dl>
                    <ExportButton report page=lane/>
                </div>
            }
        })}
    }
}
