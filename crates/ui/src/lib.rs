//! The UI of the concurrency playground: the lesson page, its quiz and its demos (Leptos, CSR).
//!
//! Components live here rather than in `main.rs` so tests can import them. They call the core for
//! anything that computes, and reach the engine only through [`engine::Engine`]'s messages.

pub mod demos;
pub mod embedded;
pub mod engine;
pub mod host;
pub mod lesson;
pub mod machine;
pub mod test_hooks;

use leptos::prelude::*;

use crate::embedded::EmbeddedPage;
use crate::engine::Engine;
use crate::lesson::{LessonArticle, LessonHeader};
use crate::machine::MachinePanel;

/// The whole page: the full lesson page, or the compact one for `?embed`.
#[component]
pub fn App() -> impl IntoView {
    let engine = Engine::start();
    provide_context(engine);
    provide_context(demos::LastRuns::new());
    test_hooks::install(engine);
    let launch = host::Launch::from_page();
    host::start(&launch);
    if launch.embed {
        view! { <EmbeddedPage/> }.into_any()
    } else {
        view! { <FullPage/> }.into_any()
    }
}

/// The lesson with its course chrome: header, contents column and the "Your machine" sidebar.
#[component]
fn FullPage() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to the lesson"</a>
        <LessonHeader/>
        <main id="main" class="layout">
            <LessonArticle/>
            <aside class="sidebar">
                <MachinePanel/>
            </aside>
        </main>
    }
}
