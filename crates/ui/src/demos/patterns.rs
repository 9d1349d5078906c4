//! The SVG patterns drawn over each state's colour, so no state is told apart by colour alone.
//! They are written from the timeline's one table of looks, `playground_core::timeline::STYLES`,
//! whose classes and colours `www/demos.css` must fill (checked below).

use leptos::prelude::*;
use playground_core::timeline::patterns_svg;

#[component]
pub fn Patterns() -> impl IntoView {
    // Markup, not typed views: static shapes cost no view code in the wasm.
    view! { <defs inner_html=patterns_svg()></defs> }
}

#[cfg(test)]
mod tests {
    use playground_core::timeline::STYLES;

    const CSS: &str = include_str!("../../../../www/demos.css");

    #[test]
    fn the_stylesheet_fills_every_state_with_its_colour_and_no_other() {
        for s in STYLES {
            let rule = format!(".{} {{ fill: var({}); }}", s.class, s.colour);
            assert_eq!(CSS.matches(&rule).count(), 1, "www/demos.css needs `{rule}` once");
            assert_eq!(CSS.matches(&format!("{}: #", s.colour)).count(), 1, "www/demos.css sets {} once", s.colour);
        }
        // Every `.span-…` rule in the stylesheet is one of the table's states.
        for class in CSS.split('.').skip(1).filter(|c| c.starts_with("span-")) {
            let class = class.split([' ', ',', '{', ':']).next().unwrap_or_default();
            assert!(STYLES.iter().any(|s| s.class == class), "www/demos.css styles .{class}, which no state has");
        }
    }
}
