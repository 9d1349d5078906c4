//! Says plainly, in a card, when the page has no real threads and how to get them.

use leptos::prelude::*;
use playground_core::demos::isolation_note;

use crate::engine::{Engine, EngineStatus};

#[component]
pub fn IsolationNote() -> impl IntoView {
    let status = expect_context::<Engine>().status();
    let note = move || match status.get() {
        EngineStatus::Ready(info) => isolation_note(&info.threading),
        EngineStatus::Starting => None,
        EngineStatus::Unavailable(_) => Some("The engine could not start, so this demo cannot run here."),
    };
    view! { {move || note().map(|text| view! { <p class="demo-note">{text}</p> })} }
}
