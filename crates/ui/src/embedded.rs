//! The compact page for `?embed`: what a learner in a course's frame needs and no more. The lesson,
//! its demos and the quiz stay; the course chrome (back link, reference box, contents column) goes,
//! and "Your machine" folds into one line that says whether the demos have real threads.

use leptos::prelude::*;
use playground_core::report::machine_summary;

use crate::engine::{Engine, EngineStatus};
use crate::lesson::{content::LESSON, LessonArticle};
use crate::machine::MachinePanel;

#[component]
pub fn EmbeddedPage() -> impl IntoView {
    view! {
        <main id="main" class="layout embedded">
            <h1 id="lesson-title" class="embedded-title">{LESSON.meta.title}</h1>
            <details class="machine-details">
                <summary>"Your machine: " <MachineSummary/></summary>
                <MachinePanel/>
            </details>
            <LessonArticle contents=false/>
        </main>
    }
}

#[component]
fn MachineSummary() -> impl IntoView {
    let status = expect_context::<Engine>().status();
    let line = move || match status.get() {
        EngineStatus::Starting => "starting…".to_string(),
        EngineStatus::Ready(info) => machine_summary(&info.threading),
        EngineStatus::Unavailable(_) => "the demo engine could not start".to_string(),
    };
    view! { <span id="machine-summary">{line}</span> }
}
