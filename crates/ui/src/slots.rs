//! The demo slots in the page's HTML (`<div class="demo-slot" data-demo="NAME">`), each filled with
//! its demo when it comes near the screen, one slot per task.
//!
//! A demo card is the page's heaviest part to build (snippet, timeline, figures, an SVG chart).
//! Building all seven on load held a phone's main thread for most of a second; a learner reads the
//! lesson from the top, so a card is built when its slot is within a screen of the viewport. Links
//! that lead to a card (the decision tree's "Run …" and an address naming `#demo-…`) fill every
//! slot first, since their target may not exist yet.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far outside the viewport a slot starts to fill: a screen's height above and below.
const AHEAD: &str = "100% 0px 100% 0px";

thread_local! {
    static SLOTS: RefCell<Option<Slots>> = const { RefCell::new(None) };
}

struct Slots {
    /// The page's root owner, so every demo sees the engine and the hosts as context.
    root: Owner,
    /// `None` where IntersectionObserver is missing: then every slot is filled at once.
    observer: Option<IntersectionObserver>,
    _on_change: Option<Closure<dyn FnMut(js_sys::Array)>>,
}

/// Starts watching every slot in the page. Call once, with the page's root owner.
pub fn watch(root: &Owner) {
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        for entry in entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()) {
            if entry.is_intersecting() {
                let slot = entry.target();
                // One task per slot, so two slots entering together do not make one long task.
                set_timeout(move || fill(&slot), std::time::Duration::ZERO);
            }
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(AHEAD);
    let observer = IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options).ok();
    let (observer, on_change) = match observer {
        Some(observer) => (Some(observer), Some(on_change)),
        None => (None, None),
    };
    SLOTS.with(|s| *s.borrow_mut() = Some(Slots { root: root.clone(), observer, _on_change: on_change }));
    watch_new();
}

/// Watches slots that appeared since (the quiz brings one). Without an observer, fills them.
pub fn watch_new() {
    for slot in unfilled().into_iter().filter(|slot| !slot.has_attribute("data-watched")) {
        let _ = slot.set_attribute("data-watched", "");
        let observed = SLOTS.with(|s| match s.borrow().as_ref().and_then(|s| s.observer.clone()) {
            Some(observer) => {
                observer.observe(&slot);
                true
            }
            None => false,
        });
        if !observed {
            fill(&slot);
        }
    }
}

/// Fills every slot now, for a link whose target card may not be built yet.
pub fn fill_all() {
    for slot in unfilled() {
        fill(&slot);
    }
}

fn unfilled() -> Vec<Element> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(".demo-slot:not([data-filled])").ok())
    else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// Builds the slot's demo into it, once.
fn fill(slot: &Element) {
    if slot.has_attribute("data-filled") {
        return;
    }
    let _ = slot.set_attribute("data-filled", "");
    let Some(root) = SLOTS.with(|s| {
        let s = s.borrow();
        let s = s.as_ref()?;
        if let Some(observer) = &s.observer {
            observer.unobserve(slot);
        }
        Some(s.root.clone())
    }) else {
        return;
    };
    let name = slot.get_attribute("data-demo").unwrap_or_default();
    let Ok(parent) = slot.clone().dyn_into::<HtmlElement>() else { return };
    // A slot with no demo registered stays empty, so the page reads well without it. What is
    // mounted stays for the page's whole life.
    root.with(|| std::mem::forget(leptos::mount::mount_to(parent, move || crate::demos::demo_for(&name))));
}
