//! The UI of the concurrency playground: the lesson page, its quiz and its demos (Leptos, CSR).
//!
//! Components live here rather than in `main.rs` so tests can import them. They call the core for
//! anything that computes, and reach the engine only through [`engine::Engine`]'s messages.

pub mod engine;
pub mod machine;

use leptos::prelude::*;

use crate::engine::Engine;
use crate::machine::MachinePanel;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Engine::start());
    view! {
        <a class="skip-link" href="#main">"Skip to the lesson"</a>
        <header class="lesson-header">
            <p class="lesson-number">"Lesson 17 of 20"</p>
            <h1>"Concurrency: Threading, Multiprocessing & the GIL"</h1>
            <p class="lesson-meta">
                "~20 min · GIL explained, threading, multiprocessing, concurrent.futures, when to use what"
            </p>
        </header>
        <main id="main" class="layout">
            <article class="lesson" aria-label="Lesson">
                <p class="lesson-placeholder">"The lesson's sections go here."</p>
            </article>
            <aside class="sidebar">
                <MachinePanel/>
            </aside>
        </main>
    }
}
