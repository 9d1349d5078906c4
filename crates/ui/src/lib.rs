//! The UI of the concurrency playground: what the lesson's page does beyond its HTML (Leptos, CSR).
//!
//! The lesson arrives as HTML in index.html (written at build time by crates/lesson-content); the
//! page is readable before this wasm loads. [`start`] then adds the behaviour the HTML cannot have
//! and mounts the interactive parts into the places left for them, each in a task of its own so no
//! single task holds the main thread long: "Your machine", the quiz, and each demo as its slot
//! comes near the screen ([`slots`]). Components live here rather than in `main.rs` so tests can
//! import them. They call the core for anything that computes, and reach the engine only through
//! [`engine::Engine`]'s messages, each run through the one run primitive, [`run::Runner`].

pub mod demos;
pub mod embedded;
pub mod engine;
pub mod host;
pub mod lesson;
pub mod machine;
pub mod run;
pub mod slots;
pub mod test_hooks;

use leptos::prelude::*;

use crate::engine::Engine;

/// Starts the engine and the hosts, adds the page's behaviour and schedules its interactive parts.
pub fn start() {
    // Leptos's executor runs effects and tasks; `mount_to_body` would start it, but the page's
    // parts are mounted one by one, after the first effects.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // One root for everything mounted, so every part sees the engine and the hosts as context.
    let root = Owner::new();
    // The engine first, so its worker loads while the rest starts; then the hosts, then the page's
    // behaviour, each in a task of its own. A wasm function's first call compiles it, so even
    // small steps cost a phone tens of milliseconds; together they were one long task.
    root.with(|| {
        let engine = Engine::start();
        provide_context(engine);
        provide_context(demos::LastRuns::new());
        provide_context(demos::Registry::new());
        test_hooks::install(engine);
    });
    let launch = host::Launch::from_page();
    lesson::later(&root, {
        let launch = launch.clone();
        move || {
            host::start(&launch);
        }
    });
    let page = root.clone();
    lesson::later(&root, move || lesson::enhance(&launch, &page));
    // The root lives as long as the page.
    std::mem::forget(root);
}
