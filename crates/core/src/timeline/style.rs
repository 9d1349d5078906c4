//! A timeline's look, in one place: for every state, its CSS class, the colour that class is
//! filled with, the SVG pattern drawn over it (so colour is never the only cue) and its words.
//!
//! The UI writes the patterns from this table (`patterns_svg`), and the stylesheet
//! (`www/demos.css`) colours the classes: a test in the UI crate reads the stylesheet and fails
//! when a class or colour here has no rule there, or a rule there names a state not here.

use crate::python::SpanKind;

/// How a state is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindStyle {
    pub kind: SpanKind,
    /// CSS class on the rectangle: `span-run`, `span-gil-wait`, …
    pub class: &'static str,
    /// The CSS custom property the stylesheet fills that class with (`--run`), on the Okabe–Ito
    /// palette, which stays distinguishable with the common colour-vision deficiencies.
    pub colour: &'static str,
    /// Id of the SVG pattern drawn over the colour.
    pub pattern: &'static str,
    /// The pattern's tile (`width`, `height`, a `patternTransform`) and the shapes drawn on it,
    /// classed `pat-ink` (filled) or `pat-stroke` (stroked).
    pub tile: &'static str,
    pub ink: &'static str,
    /// What the state means, in the lesson's words.
    pub words: &'static str,
}

/// Every state's look, in [`SpanKind::ALL`]'s order (which is also the legend's).
pub const STYLES: [KindStyle; 10] = [
    KindStyle {
        kind: SpanKind::Run,
        class: "span-run",
        colour: "--run",
        pattern: "pat-solid",
        tile: r#"width="8" height="8""#,
        ink: "",
        words: "running Python",
    },
    KindStyle {
        kind: SpanKind::C,
        class: "span-c",
        colour: "--c",
        pattern: "pat-dots",
        tile: r#"width="6" height="6""#,
        ink: r#"<circle cx="3" cy="3" r="1.2" class="pat-ink"/>"#,
        words: "running C, GIL released",
    },
    KindStyle {
        kind: SpanKind::GilWait,
        class: "span-gil-wait",
        colour: "--gil-wait",
        pattern: "pat-hatch",
        tile: r#"width="6" height="6" patternTransform="rotate(45)""#,
        ink: r#"<line x1="0" y1="0" x2="0" y2="6" class="pat-stroke"/>"#,
        words: "waiting for the GIL",
    },
    KindStyle {
        kind: SpanKind::Io,
        class: "span-io",
        colour: "--io",
        pattern: "pat-hlines",
        tile: r#"width="6" height="5""#,
        ink: r#"<line x1="0" y1="2.5" x2="6" y2="2.5" class="pat-stroke"/>"#,
        words: "blocked on I/O, GIL released",
    },
    KindStyle {
        kind: SpanKind::LockWait,
        class: "span-lock-wait",
        colour: "--lock-wait",
        pattern: "pat-cross",
        tile: r#"width="7" height="7" patternTransform="rotate(45)""#,
        ink: r#"<path d="M0 3.5H7M3.5 0V7" class="pat-stroke"/>"#,
        words: "waiting for a lock",
    },
    KindStyle {
        kind: SpanKind::QueueWait,
        class: "span-queue-wait",
        colour: "--queue-wait",
        pattern: "pat-vlines",
        tile: r#"width="5" height="6""#,
        ink: r#"<line x1="2.5" y1="0" x2="2.5" y2="6" class="pat-stroke"/>"#,
        words: "waiting on a queue",
    },
    KindStyle {
        kind: SpanKind::Join,
        class: "span-join",
        colour: "--join",
        pattern: "pat-checker",
        tile: r#"width="8" height="8""#,
        ink: r#"<rect width="4" height="4" class="pat-ink"/><rect x="4" y="4" width="4" height="4" class="pat-ink"/>"#,
        words: "waiting for other threads (join/result)",
    },
    KindStyle {
        kind: SpanKind::Startup,
        class: "span-startup",
        colour: "--startup",
        pattern: "pat-zigzag",
        tile: r#"width="8" height="6""#,
        ink: r#"<path d="M0 5L2 1L4 5L6 1L8 5" class="pat-stroke"/>"#,
        words: "starting a process",
    },
    // The page's lane: short ticks, one per frame drawn; bricks where it drew none.
    KindStyle {
        kind: SpanKind::PageResponsive,
        class: "span-page-ok",
        colour: "--page-ok",
        pattern: "pat-frames",
        tile: r#"width="4" height="22""#,
        ink: r#"<path d="M1 15V21" class="pat-stroke"/>"#,
        words: "this page responsive: frames drawn on time",
    },
    KindStyle {
        kind: SpanKind::PageBusy,
        class: "span-page-busy",
        colour: "--page-busy",
        pattern: "pat-busy",
        tile: r#"width="8" height="8""#,
        ink: r#"<path d="M0 .5H8M0 4.5H8M4 .5V4.5M1 4.5V8" class="pat-stroke"/>"#,
        words: "this page busy: no frame for over 50 ms (or its tab was hidden)",
    },
];

/// The drawing style of a state.
pub fn style(kind: SpanKind) -> KindStyle {
    STYLES[kind.index()]
}

/// Every state's pattern as SVG `<pattern>` elements, for a drawing's `<defs>`.
pub fn patterns_svg() -> String {
    STYLES
        .iter()
        .map(|s| format!(r#"<pattern id="{}" {} patternUnits="userSpaceOnUse">{}</pattern>"#, s.pattern, s.tile, s.ink))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_every_state_once_in_order() {
        for (i, kind) in SpanKind::ALL.iter().enumerate() {
            assert_eq!(STYLES[i].kind, *kind);
            assert_eq!(style(*kind).kind, *kind);
        }
    }

    #[test]
    fn every_state_has_its_own_class_colour_and_pattern() {
        for field in [|s: &KindStyle| s.class, |s: &KindStyle| s.colour, |s: &KindStyle| s.pattern] {
            let mut values: Vec<&str> = STYLES.iter().map(field).collect();
            values.sort_unstable();
            values.dedup();
            assert_eq!(values.len(), STYLES.len(), "{values:?}");
        }
    }

    #[test]
    fn the_patterns_are_one_defs_worth_of_svg() {
        let svg = patterns_svg();
        assert_eq!(svg.matches("<pattern ").count(), STYLES.len());
        assert!(svg.contains(r#"<pattern id="pat-hatch" width="6" height="6" patternTransform="rotate(45)" patternUnits="userSpaceOnUse"><line x1="0" y1="0" x2="0" y2="6" class="pat-stroke"/></pattern>"#));
        assert!(!svg.contains("style="), "the CSP refuses inline styles");
    }
}
