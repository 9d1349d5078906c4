//! The table of contents in the page's HTML, made live: the part being read is marked
//! (`aria-current="location"`, a bar and bold type), and on narrow screens the sticky bar names it
//! and opens into the list. Without the wasm it is a plain list of links, which still works.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use super::content::LESSON;
use super::scroll_spy::use_scroll_spy;

pub fn enhance(document: &Document) {
    let Some(nav) = document.query_selector("nav.toc").ok().flatten() else { return };
    let links = all(&nav, "a[href^='#']");
    let Some(toggle) = nav.query_selector(".toc-toggle").ok().flatten() else { return };
    let Some(bar) = nav.query_selector(".toc-current").ok().flatten() else { return };

    let set_open = {
        let (nav, toggle) = (nav.clone(), toggle.clone());
        move |open: bool| {
            let _ = nav.class_list().toggle_with_force("open", open);
            let _ = toggle.set_attribute("aria-expanded", &open.to_string());
        }
    };
    let flip = {
        let (nav, set_open) = (nav.clone(), set_open.clone());
        move || set_open(!nav.class_list().contains("open"))
    };
    on_click(&toggle, flip);
    // Following a link closes the list, as it would a menu.
    for link in &links {
        let set_open = set_open.clone();
        on_click(link, move || set_open(false));
    }

    let ids: Vec<String> =
        links.iter().filter_map(|a| Some(a.get_attribute("href")?.trim_start_matches('#').to_string())).collect();
    // Every part the contents link to is in the page's HTML, so the spy can start at once.
    let current = use_scroll_spy(ids, Signal::stored(true));
    Effect::new(move |_| {
        let here = current.get();
        for (i, link) in links.iter().enumerate() {
            let _ = link.class_list().toggle_with_force("current", here == Some(i));
            let _ = match here == Some(i) {
                true => link.set_attribute("aria-current", "location"),
                false => link.remove_attribute("aria-current"),
            };
        }
        let label = here.and_then(|i| links.get(i)?.get_attribute("data-label"));
        bar.set_text_content(Some(label.as_deref().unwrap_or(LESSON.meta.title)));
    });
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// A click listener for the page's whole life.
fn on_click(element: &Element, f: impl Fn() + 'static) {
    let listener = Closure::<dyn Fn()>::new(f);
    let _ = element.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
    listener.forget();
}
