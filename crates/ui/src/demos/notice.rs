//! Says plainly, in a card, when the page has no real threads and how to get them.

use leptos::prelude::*;
use playground_core::demos::isolation_note;

use crate::engine::{Engine, EngineStatus};

#[component]
pub fn IsolationNote() -> impl IntoView {
    let status = expect_context::<Engine>().status();
    let note = move || match status.get() {
        EngineStatus::Ready(info) => isolation_note(&info.threading),
        // An engine that is down is said on the card's status line, beside Run.
        EngineStatus::Starting | EngineStatus::Down(_) => None,
    };
    view! { {move || note().map(|text| view! { <p class="demo-note">{text}</p> })} }
}
