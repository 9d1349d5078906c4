//! The lesson page's behaviour: its HTML (header, contents, six sections, the quiz's place) comes
//! with index.html; here the back link, the copy buttons and the contents' scroll-spy are wired to
//! it, the compact layout is made for `?embed`, and the quiz and "Your machine" are mounted in
//! their places when those come near the screen (`crate::slots`).
//!
//! Each part is wired or mounted in a task of its own after the page has started, so no single task
//! holds the main thread for long (a phone runs them four times slower than a laptop).

mod back_link;
pub mod content;
mod copy;
mod quiz;
mod scroll_spy;
mod toc;

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::embedded::MachineDetails;
use crate::host::Launch;
use crate::machine::MachinePanel;
use content::LESSON;
use quiz::QuizSection;

/// Adds the page's behaviour and schedules its parts, under the page's `root` owner.
pub fn enhance(launch: &Launch, root: &Owner) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(link) = document.query_selector(".back-link").ok().flatten() {
        let _ = link.set_attribute("href", &back_link::course_index_href(LESSON.meta.back_href));
    }
    copy::listen(&document);
    crate::slots::watch(root);
    if launch.embed {
        compact(&document);
        // "Your machine" folds into one line at the top of the compact layout: filled at once.
        if let Some(slot) = document.query_selector(".machine-slot").ok().flatten() {
            later(root, move || mount(slot, view! { <MachineDetails/> }));
        }
    } else {
        later(root, || {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                toc::enhance(&document);
            }
        });
        // On a phone the sidebar comes after the whole lesson; on a wide screen it is in view at once.
        if let Some(sidebar) = document.query_selector(".sidebar").ok().flatten() {
            crate::slots::when_near(&sidebar.clone(), move || mount(sidebar, view! { <MachinePanel/> }));
        }
    }
    if let Some(quiz) = document.get_element_by_id(LESSON.quiz.id) {
        crate::slots::when_near(&quiz.clone(), move || {
            mount(quiz, view! { <QuizSection/> });
            crate::slots::watch_demos();
        });
    }
    // The browser has already scrolled to a `#fragment` that the HTML holds; one that names a part
    // filled later (a quiz question, a demo card) is filled and scrolled to at once, and so is one
    // the address gets later (a link, the decision tree's "Run …", a script setting location.hash).
    if let Some(id) = unbuilt_fragment() {
        later(root, move || show(&id));
    }
    let root = root.clone();
    let on_hash = Closure::<dyn FnMut()>::new(move || {
        if let Some(id) = unbuilt_fragment() {
            root.with(|| show(&id));
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
    }
    // The listener lives as long as the page.
    on_hash.forget();
}

/// The address's fragment, if it names an element the page does not have yet.
fn unbuilt_fragment() -> Option<String> {
    let document = web_sys::window()?.document()?;
    fragment().filter(|id| document.get_element_by_id(id).is_none())
}

/// Builds what holds the element `id` and scrolls to it.
fn show(id: &str) {
    crate::slots::reveal(id);
    scroll_to(id);
}

/// Runs `f` under `root` in a task of its own.
pub(crate) fn later(root: &Owner, f: impl FnOnce() + 'static) {
    let root = root.clone();
    set_timeout(move || root.with(f), Duration::ZERO);
}

/// Appends `view` to `parent`, for the page's whole life.
fn mount(parent: Element, view: impl IntoView + 'static) {
    if let Ok(parent) = parent.dyn_into::<HtmlElement>() {
        std::mem::forget(leptos::mount::mount_to(parent, move || view));
    }
}

/// The compact layout for a course's frame: the course chrome goes (back link, lesson number and
/// length, reference box, contents, sidebar); the title stays. www/mode.js has already hidden
/// these by a class on `<html>` before the first paint; removing them keeps them out of the
/// accessibility tree and find-in-page for good.
fn compact(document: &Document) {
    let _ = document.document_element().map(|html| html.class_list().add_1("embed"));
    let chrome = ".skip-link, .course-nav, .lesson-number, .lesson-meta, .reference, .toc, .sidebar";
    if let Ok(list) = document.query_selector_all(chrome) {
        let found: Vec<Element> = (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect();
        found.iter().for_each(Element::remove);
    }
}

/// The address's fragment, decoded, if there is one.
fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.trim_start_matches('#');
    (!id.is_empty()).then(|| js_sys::decode_uri_component(id).map(String::from).unwrap_or_else(|_| id.to_string()))
}

/// Scrolls to the element `id` names.
fn scroll_to(id: &str) {
    let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    element.scroll_into_view();
    // Sections far from the viewport were laid out at a placeholder height
    // (`content-visibility: auto`); those that just came into view now take their real height,
    // which can move the target. So scroll once more after the browser has drawn them.
    request_animation_frame(move || {
        request_animation_frame(move || element.scroll_into_view());
    });
}
