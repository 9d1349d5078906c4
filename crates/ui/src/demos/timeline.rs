//! A run's timeline as SVG: a lane per Python thread, each state coloured and patterned, a legend,
//! and the details of the span under the pointer or picked with the arrow keys.

use std::sync::Arc;

use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use playground_core::python::{RunReport, WorkerTrace};
use playground_core::timeline::{layout, KindStyle, Lane, Timeline, LANE_HEIGHT};
use wasm_bindgen::JsCast;

use super::markup;
use super::patterns::Patterns;

/// The drawing's width in SVG units, and the thinnest rectangle drawn.
pub const WIDTH: f64 = 600.0;
pub const GRAIN: f64 = 1.5;

/// A finished run's timeline, with the page's own lane when it was recorded.
#[component]
pub fn TimelineView(report: Arc<RunReport>, page: Option<Arc<WorkerTrace>>) -> impl IntoView {
    let t = Arc::new(layout(&report, page.as_deref(), WIDTH, GRAIN));
    // The span whose details are shown: (lane, rect).
    let picked = RwSignal::new(None::<(usize, usize)>);
    let detail = {
        let t = t.clone();
        move || picked.get().map(|(l, r)| t.describe(&t.lanes[l], &t.lanes[l].rects[r]))
    };
    // One listener for every rectangle: each says which it is in `data-r`, its lane in `data-lane`.
    let hover = move |ev: MouseEvent| {
        let rect = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let index =
            |e: Option<web_sys::Element>, key: &str| e.and_then(|e| e.get_attribute(key)).and_then(|v| v.parse().ok());
        let lane = index(rect.as_ref().and_then(|r| r.parent_element()), "data-lane");
        if let (Some(l), Some(r)) = (lane, index(rect, "data-r")) {
            picked.set(Some((l, r)));
        }
    };
    let outline = {
        let t = t.clone();
        move || {
            picked.get().map(|(l, r)| {
                let (lane, rect) = (&t.lanes[l], &t.lanes[l].rects[r]);
                view! { <rect class="tl-picked" x=rect.x y=lane.y width=rect.w.max(0.5) height=LANE_HEIGHT/> }
            })
        }
    };
    view! {
        <div class="timeline">
            <div class="tl-names" aria-hidden="true" inner_html=markup::names(&t)></div>
            <svg class="tl-svg" viewBox=format!("0 0 {WIDTH} {}", t.height) preserveAspectRatio="none" height=t.height role="group"
                aria-label="Timeline: one lane per thread, and one for this page; focus a lane and use the arrow keys to go through its spans"
                on:mouseover=hover>
                <Patterns/>
                <g inner_html=markup::ticks(&t)></g>
                {t.lanes.iter().enumerate().map(|(i, lane)| lane_view(&t, i, lane, picked)).collect_view()}
                {outline}
            </svg>
            <Axis t=t.clone()/>
            <p class="tl-detail" aria-live="polite">{detail}</p>
            <Legend kinds=t.legend.clone()/>
        </div>
    }
}

/// The time axis' labels under a drawing.
#[component]
pub fn Axis(t: Arc<Timeline>) -> impl IntoView {
    // `style:left` sets the property through CSSOM: a `style` attribute (in a view or in markup)
    // would be refused by the Content-Security-Policy, which allows no inline styles.
    view! {
        <div class="tl-axis" aria-hidden="true">
            {t.ticks.iter().map(|tick| view! { <span style:left=format!("{:.2}%", tick.x / t.width * 100.0)>{tick.label.clone()}</span> }).collect_view()}
        </div>
    }
}

/// What each colour and pattern means, in words.
#[component]
pub fn Legend(kinds: Vec<KindStyle>) -> impl IntoView {
    view! {
        <ul class="tl-legend" aria-label="Legend">
            {kinds.into_iter().map(|k| view! {
                <li><svg width="28" height="14" aria-hidden="true"><rect class=k.class width="28" height="14"/>
                    <rect fill=format!("url(#{})", k.pattern) width="28" height="14"/></svg>
                <span><b>{k.kind.label()}</b>{format!(": {}", k.words)}</span></li>
            }).collect_view()}
        </ul>
    }
}

/// A lane: focusable, summarised for screen readers, its spans gone through with the arrow keys.
fn lane_view(t: &Timeline, index: usize, lane: &Lane, picked: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    let count = lane.rects.len();
    let keys = move |ev: KeyboardEvent| {
        let step: isize = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        let current = picked.get_untracked().filter(|(l, _)| *l == index).map(|(_, r)| r as isize).unwrap_or(-step);
        let next = (current + step).clamp(0, count as isize - 1);
        if count > 0 {
            picked.set(Some((index, next as usize)));
        }
    };
    let focus = move |_| {
        if count > 0 && picked.get_untracked().is_none_or(|(l, _)| l != index) {
            picked.set(Some((index, 0)));
        }
    };
    view! {
        <g class="tl-lane" tabindex="0" role="img" aria-label=Timeline::lane_summary(lane) data-lane=index
            on:keydown=keys on:focus=focus inner_html=markup::lane(t, lane)></g>
    }
}
