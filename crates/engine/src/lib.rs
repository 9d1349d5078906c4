//! The engine worker's wasm: receives [`Request`]s, runs the core's kernels, posts [`Event`]s back.
//!
//! Built twice from the same source (see xtask): with the `threads` feature and the flags in
//! `.cargo/threads.toml` it starts a wasm-bindgen-rayon pool of Web Workers; without it everything
//! runs on the engine worker's own thread, for pages that are not cross-origin isolated.
//!
//! Architecture invariant: this module only adapts. What is computed lives in `playground-core`.

#[cfg(all(feature = "threads", target_arch = "wasm32", not(target_feature = "atomics")))]
compile_error!(
    "the `threads` engine must be built with the flags in .cargo/threads.toml \
     (`cargo --config .cargo/threads.toml ...`, which `cargo xtask build` does): \
     without +atomics and shared memory there are no wasm threads"
);

mod platform;
mod runner;
mod stream;

use playground_core::protocol::{Event, Request, ThreadSupport};
use wasm_bindgen::prelude::*;

#[cfg(feature = "threads")]
pub use wasm_bindgen_rayon::init_thread_pool;

/// Starts the engine: sizes and starts the pool (threaded build) and posts [`Event::Ready`].
///
/// `support` is the JSON of the [`ThreadSupport`] that `worker.js` probed before it chose this
/// build: whatever threads need that is missing is reported to the UI by name.
#[wasm_bindgen]
pub async fn start(support: String) {
    std::panic::set_hook(Box::new(platform::report_panic));
    let info = runner::start(ThreadSupport::from_json(&support)).await;
    platform::post(&Event::Ready(info));
}

/// Handles one message from the UI: a JSON-encoded [`Request`].
#[wasm_bindgen]
pub fn handle(message: String) {
    match Request::from_json(&message) {
        Ok(request) => runner::handle(request),
        Err(message) => platform::post(&Event::Failed { id: None, message }),
    }
}
