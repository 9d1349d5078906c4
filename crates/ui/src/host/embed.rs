//! Talks to the page that frames the lesson, by `postMessage`: the document's height whenever it
//! changes, and the quiz's events. The protocol (and what a parent may ask) is
//! `playground_core::embed`; this file only measures, posts and listens. Outside a frame it does nothing.

use std::cell::Cell;
use std::rc::Rc;

use playground_core::embed::{Audience, BadOrigin, FromParent, ToParent};
use playground_core::quiz::PASS_MARK;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, ResizeObserver, Window};

use super::QuizHook;

/// Starts talking to the parent frame, if there is one.
pub fn start(hook: QuizHook, parent_origin: Option<&str>) {
    let Some(window) = web_sys::window() else { return };
    let Some(parent) = parent_of(&window) else { return };
    let audience = match Audience::from_query(parent_origin) {
        Ok(audience) => audience,
        Err(BadOrigin(text)) => {
            // A course's misconfiguration, not the learner's problem: the console says it, the page does not.
            web_sys::console::warn_1(
                &format!("?parent-origin={text} is not an http(s) origin; the lesson sends its frame no messages.")
                    .into(),
            );
            return;
        }
    };
    let frame = Rc::new(Frame { window, parent, audience, last_height: Cell::new(None) });
    frame.observe_height();
    frame.listen_to_parent();
    let to_quiz = frame.clone();
    hook.listen(move |event| to_quiz.post(&ToParent::from_quiz(event, PASS_MARK)));
}

/// The window that frames this one; `None` for a page in a tab of its own.
fn parent_of(window: &Window) -> Option<Window> {
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, window)).then_some(parent)
}

struct Frame {
    window: Window,
    parent: Window,
    audience: Audience,
    /// What the parent was last told, so an unchanged height is not sent again.
    last_height: Cell<Option<u32>>,
}

impl Frame {
    fn post(&self, message: &ToParent) {
        // A plain object rather than a JSON string, as H5P's resizer and most parents expect.
        let Ok(data) = js_sys::JSON::parse(&message.to_json()) else { return };
        // Fails only for a malformed target origin, which the core has already ruled out.
        let _ = self.parent.post_message(&data, self.audience.target_origin());
    }

    fn height(&self) -> ToParent {
        // The root element's own box is as tall as the content, whatever the frame's height, so a
        // parent that shrinks the frame is told the truth rather than the frame's size back.
        let root = self.window.document().and_then(|d| d.document_element());
        ToParent::resize(root.map_or(0.0, |r| r.get_bounding_client_rect().height()))
    }

    /// Posts the height if it changed, or always when `asked`.
    fn post_height(&self, asked: bool) {
        let message = self.height();
        let ToParent::Resize { height } = message else { return };
        let previous = self.last_height.replace(Some(height));
        if asked || previous != Some(height) {
            self.post(&message);
        }
    }

    /// ResizeObserver delivers at most one callback per rendered frame, which is the debounce the
    /// parent needs: it hears once per frame in which the height changed, starting with the first.
    fn observe_height(self: &Rc<Self>) {
        let frame = self.clone();
        let callback = Closure::<dyn Fn()>::new(move || frame.post_height(false));
        let Some(root) = self.window.document().and_then(|d| d.document_element()) else { return };
        if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&root);
        }
        // Observed for the page's whole life.
        callback.forget();
    }

    /// Heeds the parent's one documented request; every other message is ignored.
    fn listen_to_parent(self: &Rc<Self>) {
        let frame = self.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            // Only the parent itself, and only from the configured origin: a sibling frame, a popup
            // or a stranger's page has no say.
            let from_parent = event.source().is_some_and(|source| js_sys::Object::is(&source, &frame.parent));
            if !from_parent || !frame.audience.accepts(&event.origin()) {
                return;
            }
            let json = js_sys::JSON::stringify(&event.data()).ok().and_then(|s| s.as_string());
            if let Some(FromParent::RequestResize) = json.as_deref().and_then(FromParent::from_json) {
                frame.post_height(true);
            }
        });
        let _ = self.window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        on_message.forget();
    }
}
