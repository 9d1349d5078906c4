//! The code blocks' Copy buttons: one listener for the whole page copies the block's exact source
//! (its text; the highlighter only wraps it in spans) and says so in the block's live region,
//! cleared after a moment so the next copy is announced again.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, Document, Element, Event};

thread_local! {
    /// Each click gets a number, kept on its block's live region, so an older click's timer never
    /// clears a newer click's message.
    static CLICKS: Cell<u32> = const { Cell::new(0) };
}

pub fn listen(document: &Document) {
    let listener = Closure::<dyn Fn(Event)>::new(|event: Event| {
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let Some(figure) = target
            .filter(|t| t.closest(".copy-button").ok().flatten().is_some())
            .and_then(|t| t.closest(".code-block").ok().flatten())
        else {
            return;
        };
        copy(figure);
    });
    let _ = document.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
    // Listens for the page's whole life.
    listener.forget();
}

fn copy(figure: Element) {
    let source = figure.query_selector("pre code").ok().flatten().and_then(|c| c.text_content()).unwrap_or_default();
    let Some(status) = figure.query_selector(".copy-status").ok().flatten() else { return };
    let click = CLICKS
        .with(|c| {
            c.set(c.get() + 1);
            c.get()
        })
        .to_string();
    let _ = status.set_attribute("data-click", &click);
    spawn_local(async move {
        let copied = match clipboard() {
            Some(clipboard) => JsFuture::from(clipboard.write_text(&source)).await.is_ok(),
            None => false,
        };
        status.set_text_content(Some(if copied {
            "✓ Copied"
        } else {
            "Copy failed: select the code and copy it by hand"
        }));
        set_timeout(
            move || {
                if status.get_attribute("data-click").as_deref() == Some(click.as_str()) {
                    status.set_text_content(Some(""));
                }
            },
            Duration::from_millis(2500),
        );
    });
}

/// `navigator.clipboard`, which browsers leave undefined outside secure contexts.
fn clipboard() -> Option<Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    (!present.is_undefined()).then(|| navigator.clipboard())
}
