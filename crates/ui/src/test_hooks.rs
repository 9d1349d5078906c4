//! Hooks the browser tests use to reach failure paths a learner cannot trigger on purpose.
//!
//! Installed only when the page's URL has `test-hooks` in its query string, so a learner's page
//! carries no such global.

use wasm_bindgen::prelude::*;

use crate::engine::Engine;

/// Exposes `window.playgroundTestHooks.panicEngine()` when the URL asks for it.
pub fn install(engine: Engine) {
    let Some(window) = web_sys::window() else { return };
    let asked = window.location().search().is_ok_and(|q| q.contains("test-hooks"));
    if !asked {
        return;
    }
    let hooks = js_sys::Object::new();
    let panic = Closure::<dyn Fn()>::new(move || engine.panic_for_test());
    let _ = js_sys::Reflect::set(&hooks, &"panicEngine".into(), panic.as_ref());
    // The page lives as long as the hook may be called.
    panic.forget();
    let _ = js_sys::Reflect::set(&window, &"playgroundTestHooks".into(), &hooks);
}
