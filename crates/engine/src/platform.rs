//! The few things the engine needs from the browser: a shared clock, the core count, `postMessage`.

use playground_core::protocol::Event;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, WorkerGlobalScope};

/// Milliseconds on a clock every worker agrees on.
///
/// `performance.now()` counts from each worker's own start, so timestamps from two pool threads
/// could not be compared; adding `performance.timeOrigin` puts them all on the Unix epoch. The
/// simulation reads this every few steps to know when to pause, so each thread keeps its
/// `Performance` and origin instead of looking them up on every call.
pub fn now_ms() -> f64 {
    thread_local! {
        static PERFORMANCE: Option<(web_sys::Performance, f64)> = {
            let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
            scope.performance().map(|p| {
                let origin = p.time_origin();
                (p, origin)
            })
        };
    }
    PERFORMANCE.with(|p| match p {
        Some((p, origin)) => origin + p.now(),
        None => js_sys::Date::now(),
    })
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

/// Waits `ms` milliseconds without blocking this thread's event loop.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
        if scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets pending messages be delivered before the next piece of work.
///
/// A message to ourselves through a `MessageChannel`, not `setTimeout(0)`: browsers clamp nested
/// timeouts to 4 ms, which made a 256-chunk run spend a second asleep.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            return;
        };
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&wasm_bindgen::JsValue::UNDEFINED);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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
