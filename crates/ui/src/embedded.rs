//! "Your machine" folded into one line, for the compact page (`?embed`): it says whether the demos
//! have real threads, and opens into the full panel.

use leptos::prelude::*;
use playground_core::report::machine_summary;

use crate::engine::{Engine, EngineStatus};
use crate::machine::MachinePanel;

#[component]
pub fn MachineDetails() -> impl IntoView {
    view! {
        <details class="machine-details">
            <summary>"Your machine: " <MachineSummary/></summary>
            <MachinePanel/>
        </details>
    }
}

#[component]
fn MachineSummary() -> impl IntoView {
    let status = expect_context::<Engine>().status();
    let line = move || match status.get() {
        EngineStatus::Starting => "starting…".to_string(),
        EngineStatus::Ready(info) => machine_summary(&info.threading),
        EngineStatus::Down(_) => "the demo engine is not running".to_string(),
    };
    view! { <span id="machine-summary">{line}</span> }
}
