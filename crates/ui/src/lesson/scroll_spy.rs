//! `use_scroll_spy`: which of a page's sections the reader is in, from an IntersectionObserver.
//!
//! The current section is the last one whose top has passed a reading line a quarter of the way
//! down the viewport. The observer only says *when* to look again (a section crossed that line),
//! so nothing runs on every scroll event; the answer is then read from the sections' positions,
//! which stays right after jumps, reloads and fast scrolling in either direction.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverInit};

/// The reading line, as a root margin: a band 1% high, 25% down the viewport.
const BAND: &str = "-25% 0px -74% 0px";
const LINE: f64 = 0.25;

/// Which of `ids` (elements that are all in the page once `ready`) is being read, by position.
pub fn use_scroll_spy(ids: Vec<String>, ready: Signal<bool>) -> ReadSignal<Option<usize>> {
    let (current, set_current) = signal(None);
    let kept = StoredValue::new_local(None::<(IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>)>);
    // An effect, because the observer synchronises with the DOM, which exists only once mounted.
    Effect::new(move |_| {
        if !ready.get() {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let known = ids.clone();
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
            set_current.set(current_section(&known));
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(BAND);
        let Ok(observer) = IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options) else {
            return;
        };
        for element in ids.iter().filter_map(|id| document.get_element_by_id(id)) {
            observer.observe(&element);
        }
        kept.set_value(Some((observer, on_change)));
    });
    on_cleanup(move || {
        kept.update_value(|kept| {
            if let Some((observer, _)) = kept.take() {
                observer.disconnect();
            }
        });
    });
    current
}

/// The last of `ids` whose top is above the reading line, if any.
fn current_section(ids: &[String]) -> Option<usize> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let line = window.inner_height().ok()?.as_f64()? * LINE;
    ids.iter()
        .rposition(|id| document.get_element_by_id(id).is_some_and(|e| e.get_bounding_client_rect().top() <= line))
}
