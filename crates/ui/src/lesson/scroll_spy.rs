//! `use_scroll_spy`: which of a page's sections the reader is in, from an IntersectionObserver.
//!
//! The observer watches a thin band across the upper part of the viewport; the section that
//! crosses it is the current one. Between two sections (nothing in the band) the last one stays
//! current, so the highlight never flickers off.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// The band, as a root margin: from 15% below the top of the viewport to 75% above its bottom.
const BAND: &str = "-15% 0px -75% 0px";

/// The id of the section being read, among `ids` (elements already in the page once mounted).
pub fn use_scroll_spy(ids: Vec<&'static str>) -> ReadSignal<Option<&'static str>> {
    let (current, set_current) = signal(None);
    let kept = StoredValue::new_local(None::<(IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>)>);
    // An effect, because the observer synchronises with the DOM, which exists only once mounted.
    Effect::new(move |_| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let known = ids.clone();
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()) {
                let id = entry.target().id();
                if let (true, Some(id)) = (entry.is_intersecting(), known.iter().find(|k| **k == id)) {
                    set_current.set(Some(*id));
                }
            }
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
