//! Places in the page's HTML that are filled when they come near the screen, one per task: each
//! demo slot (`<div class="demo-slot" data-demo="NAME">`), the quiz and the sidebar's
//! "Your machine" panel.
//!
//! Building these is most of the UI's work: a demo card (snippet, timeline, figures, an SVG chart),
//! the quiz and the panel each held a phone's main thread for 20–60 ms, and all of them at load
//! most of a second. A learner reads the lesson from the top, so a place is filled when it is
//! within a screen of the viewport. An address naming a part that may not be built yet (`#demo-…`,
//! a quiz question, the decision tree's links) calls [`reveal`].

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far outside the viewport a place starts to fill: a screen's height above and below.
const AHEAD: &str = "100% 0px 100% 0px";

/// A place and what fills it.
struct Place {
    element: Element,
    fill: Box<dyn FnOnce()>,
}

/// The observer, and the closure it calls, which must live as long as it does.
type Watcher = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

#[derive(Default)]
struct Places {
    /// The page's root owner, so what fills a place sees the engine and the hosts as context.
    root: Option<Owner>,
    /// `None` where IntersectionObserver is missing: then every place is filled at once.
    observer: Option<Watcher>,
    waiting: Vec<Place>,
}

thread_local! {
    static PLACES: RefCell<Places> = RefCell::new(Places::default());
}

/// Starts watching, and watches every demo slot in the page. Call once, with the page's root owner.
pub fn watch(root: &Owner) {
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        for entry in entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()) {
            if entry.is_intersecting() {
                let element = entry.target();
                // One task per place, so two places entering together do not make one long task.
                set_timeout(move || fill(&element), std::time::Duration::ZERO);
            }
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(AHEAD);
    let observer = IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options).ok();
    PLACES.with(|p| {
        let mut p = p.borrow_mut();
        p.root = Some(root.clone());
        p.observer = observer.map(|o| (o, on_change));
    });
    watch_demos();
}

/// Fills `element` with `fill()` (run under the page's root owner) once it nears the screen.
pub fn when_near(element: &Element, fill: impl FnOnce() + 'static) {
    let observed = PLACES.with(|p| {
        let mut p = p.borrow_mut();
        p.waiting.push(Place { element: element.clone(), fill: Box::new(fill) });
        p.observer.as_ref().map(|(observer, _)| observer.observe(element)).is_some()
    });
    if !observed {
        let element = element.clone();
        set_timeout(move || self::fill(&element), std::time::Duration::ZERO);
    }
}

/// Watches the demo slots not watched yet (the quiz brings one when it is filled).
pub fn watch_demos() {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(".demo-slot:not([data-watched])").ok())
    else {
        return;
    };
    for slot in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()) {
        let _ = slot.set_attribute("data-watched", "");
        let name = slot.get_attribute("data-demo").unwrap_or_default();
        let parent = slot.clone();
        when_near(&slot, move || {
            let _ = parent.set_attribute("data-filled", "");
            // A slot with no demo registered stays empty (and hidden), so the page reads well
            // without it. What is mounted stays for the page's whole life.
            std::mem::forget(leptos::mount::mount_to(parent, move || crate::demos::demo_for(&name)));
        });
    }
}

/// Builds the part whose element is `id` if it is not there yet: the demo slot that holds it by
/// the demos' table when that slot is waiting, else every place (a quiz question, or a card in the
/// slot the quiz brings).
pub fn reveal(id: &str) {
    let present =
        |id: &str| web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)).is_some();
    if present(id) {
        return;
    }
    let slot = id.strip_prefix("demo-").and_then(playground_core::demos::table::holding);
    let waiting = slot.and_then(|slot| {
        PLACES.with(|p| {
            p.borrow()
                .waiting
                .iter()
                .find(|place| place.element.get_attribute("data-demo").as_deref() == Some(slot.name))
                .map(|place| place.element.clone())
        })
    });
    if let Some(element) = waiting {
        fill(&element);
    }
    if !present(id) {
        fill_all();
    }
}

/// Fills every place now, including places that filling others brings (the quiz's demo).
fn fill_all() {
    loop {
        let first = PLACES.with(|p| p.borrow().waiting.first().map(|place| place.element.clone()));
        match first {
            Some(element) => fill(&element),
            None => return,
        }
    }
}

/// Fills the place `element` now, if it is still waiting.
fn fill(element: &Element) {
    let taken = PLACES.with(|p| {
        let mut p = p.borrow_mut();
        let at = p.waiting.iter().position(|place| js_sys::Object::is(&place.element, element))?;
        let place = p.waiting.remove(at);
        if let Some((observer, _)) = &p.observer {
            observer.unobserve(element);
        }
        Some((place, p.root.clone()))
    });
    // The borrow is over before filling, which may itself add places.
    if let Some((place, Some(root))) = taken {
        root.with(place.fill);
    }
}
