//! Hooks the browser tests use to reach failure paths a learner cannot trigger on purpose.
//!
//! Installed only when the page's URL has the parameter `test-hooks` itself (`?test-hooks`), so a
//! learner's page carries no such global, whatever else its address says (`?utm_content=latest-hooks`).

use wasm_bindgen::prelude::*;
use web_sys::UrlSearchParams;

use crate::engine::Engine;

/// Exposes `window.playgroundTestHooks.panicEngine()` when the URL asks for it.
pub fn install(engine: Engine) {
    let Some(window) = web_sys::window() else { return };
    let search = window.location().search().unwrap_or_default();
    let asked = UrlSearchParams::new_with_str(&search).is_ok_and(|params| params.has("test-hooks"));
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
