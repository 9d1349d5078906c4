//! Where live demos plug into the lesson: each `<!-- demo: NAME -->` in the content becomes a
//! [`DemoSlot`], and [`demo`] says which component fills it.
//!
//! The slots in the content today: gil (§1), decision-tree (§2), executors (§3), futures (§4),
//! threading (§5), queue (§6) and quiz-compress (under quiz question 1). A slot with no demo
//! registered renders as an empty `<div class="demo-slot" data-demo="NAME">`, so the page reads
//! well before the demos exist.

use leptos::prelude::*;

/// The place a demo goes, next to the text and code it illustrates.
#[component]
pub fn DemoSlot(name: &'static str) -> impl IntoView {
    view! { <div class="demo-slot" data-demo=name>{demo(name)}</div> }
}

/// The registry: the demo component for a slot's name. Add an arm per demo, e.g.
/// `"gil" => Some(view! { <GilDemo/> }.into_any())`.
fn demo(name: &'static str) -> Option<AnyView> {
    crate::demos::demo_for(name)
}
