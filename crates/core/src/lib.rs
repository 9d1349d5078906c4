//! The pure core of the concurrency playground: what the lesson computes and how the UI and the engine talk.
//!
//! Architecture invariant: nothing here knows about the DOM, wasm-bindgen, web-sys or Leptos. Every
//! function runs natively under `cargo test`, and the same code runs on Web Worker threads in the
//! browser. Time comes in through a [`compute::Clock`] so the core never asks the platform for it.

pub mod back_link;
pub mod chrome_trace;
pub mod compute;
pub mod demos;
pub mod embed;
pub mod page;
pub mod params;
pub mod protocol;
pub mod python;
pub mod quiz;
pub mod report;
pub mod run;
pub mod scorm;
pub mod timeline;
