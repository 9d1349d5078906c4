//! The few things the engine needs from the browser: a shared clock, the core count, `postMessage`.

use playground_core::protocol::Event;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, WorkerGlobalScope};

/// Milliseconds on a clock every worker agrees on.
///
/// `performance.now()` counts from each worker's own start, so timestamps from two pool threads
/// could not be compared; adding `performance.timeOrigin` puts them all on the Unix epoch.
pub fn now_ms() -> f64 {
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    match scope.performance() {
        Some(p) => p.time_origin() + p.now(),
        None => js_sys::Date::now(),
    }
}

/// `navigator.hardwareConcurrency` as this worker sees it (at least 1).
pub fn cores() -> u32 {
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    (scope.navigator().hardware_concurrency() as u32).max(1)
}

/// Sends an event to the UI. Only the engine worker's own thread may call this: pool threads have
/// no channel to the page, so they hand results back through the engine worker.
pub fn post(event: &Event) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // A failed post means the page is gone; there is nobody left to tell.
    let _ = scope.post_message(&event.to_json().into());
}

/// Reports a panic, from whichever thread it happens on, before the instance aborts.
///
/// The message goes to this thread's parent as [`Event::Crashed`]: from the engine's own thread
/// that is the page; from a pool thread it is the engine worker, whose `worker.js` forwards it.
/// Nothing else can be done: a panic aborts, and every thread shares the aborted memory.
pub fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    let message = info.to_string();
    console_error(&format!("engine panic: {message}"));
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&Event::Crashed { message }.to_json().into());
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(s: &str);
}
