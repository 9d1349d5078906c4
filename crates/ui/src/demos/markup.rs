//! The timelines' many small SVG shapes, written as markup rather than built as typed views.
//!
//! A finished run draws a few thousand rectangles, and a run in flight is redrawn a dozen times a
//! second. As typed views each rectangle costs several calls into the DOM, a listener and a
//! reactive class, and the views cost the page's wasm kilobytes of generic code; as markup the
//! browser parses a lane in one go. What each shape is and says still comes from
//! `playground_core::timeline`; this only spells it.
//!
//! No markup here may carry a `style` attribute: the page's Content-Security-Policy refuses inline
//! styles, so positions are SVG attributes, and the axis' labels are placed through CSSOM.

use std::fmt::Write;

use playground_core::timeline::{style, Lane, Timeline, LANE_HEIGHT};

/// The lane names, one per lane, for the column beside the drawing.
pub fn names(t: &Timeline) -> String {
    t.lanes.iter().map(|l| format!(r#"<div class="tl-name" title="{0}">{0}</div>"#, escape(&l.name))).collect()
}

/// A vertical line across the drawing: a tick, or the "now" edge.
pub fn vertical(t: &Timeline, class: &str, x: f64) -> String {
    format!(r#"<line class="{class}" x1="{x:.2}" x2="{x:.2}" y1="0" y2="{}"/>"#, t.height)
}

/// Every tick of the time axis.
pub fn ticks(t: &Timeline) -> String {
    t.ticks.iter().map(|tick| vertical(t, "tl-tick", tick.x)).collect()
}

/// A run in flight: every lane as one path per state, with its pattern over it, and the "now" edge.
pub fn live(t: &Timeline) -> String {
    let mut out = ticks(t);
    for (style, d) in t.lanes.iter().flat_map(Timeline::paths) {
        let _ = write!(
            out,
            r#"<path class="{}" d="{d}"/><path class="tl-pattern" fill="url(#{})" d="{d}"/>"#,
            style.class, style.pattern
        );
    }
    out + &vertical(t, "tl-now", t.now_x.unwrap_or(t.width))
}

/// A finished lane: a rectangle per span (numbered by `data-r`, so one listener on the drawing finds
/// it) with its details as a tooltip, and its pattern over it.
pub fn lane(t: &Timeline, lane: &Lane) -> String {
    let mut out = String::new();
    for (r, rect) in lane.rects.iter().enumerate() {
        let s = style(rect.kind);
        let (x, y, w, h) = (rect.x, lane.y, rect.w.max(0.5), LANE_HEIGHT);
        let _ = write!(
            out,
            r#"<rect class="{}" x="{x:.2}" y="{y}" width="{w:.2}" height="{h}" data-r="{r}"><title>{}</title></rect><rect class="tl-pattern" fill="url(#{})" x="{x:.2}" y="{y}" width="{w:.2}" height="{h}"/>"#,
            s.class,
            escape(&t.describe(lane, rect)),
            s.pattern
        );
    }
    out
}

/// Text made safe to put in markup: thread names and calls (`risky_fetch("…")`) come from the
/// engine, and nothing read from a message may become markup.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
