//! The SVG patterns drawn over each state's colour, so no state is told apart by colour alone.
//! Their ids are the ones `playground_core::timeline::style` names.

use leptos::prelude::*;

#[component]
pub fn Patterns() -> impl IntoView {
    view! { <defs inner_html=PATTERNS></defs> }
}

/// Markup, not typed views: static shapes cost no view code in the wasm.
const PATTERNS: &str = concat!(
    r#"<pattern id="pat-solid" width="8" height="8" patternUnits="userSpaceOnUse"></pattern>"#,
    r#"<pattern id="pat-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.2" class="pat-ink"/></pattern>"#,
    r#"<pattern id="pat-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="pat-stroke"/></pattern>"#,
    r#"<pattern id="pat-hlines" width="6" height="5" patternUnits="userSpaceOnUse"><line x1="0" y1="2.5" x2="6" y2="2.5" class="pat-stroke"/></pattern>"#,
    r#"<pattern id="pat-cross" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><path d="M0 3.5H7M3.5 0V7" class="pat-stroke"/></pattern>"#,
    r#"<pattern id="pat-vlines" width="5" height="6" patternUnits="userSpaceOnUse"><line x1="2.5" y1="0" x2="2.5" y2="6" class="pat-stroke"/></pattern>"#,
    r#"<pattern id="pat-checker" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="4" height="4" class="pat-ink"/><rect x="4" y="4" width="4" height="4" class="pat-ink"/></pattern>"#,
    r#"<pattern id="pat-zigzag" width="8" height="6" patternUnits="userSpaceOnUse"><path d="M0 5L2 1L4 5L6 1L8 5" class="pat-stroke"/></pattern>"#,
    // The page's lane: short ticks, one per frame drawn; bricks where it drew none.
    r#"<pattern id="pat-frames" width="4" height="22" patternUnits="userSpaceOnUse"><path d="M1 15V21" class="pat-stroke"/></pattern>"#,
    r#"<pattern id="pat-busy" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 .5H8M0 4.5H8M4 .5V4.5M1 4.5V8" class="pat-stroke"/></pattern>"#,
);
