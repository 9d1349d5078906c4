//! A run's timeline as SVG: a lane per Python thread, each state coloured and patterned, a legend,
//! and the details of the span under the pointer or picked with the arrow keys.

use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use playground_core::python::{RunReport, WorkerTrace};
use playground_core::timeline::{layout, KindStyle, Timeline, LANE_HEIGHT};

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
    let view_box = format!("0 0 {WIDTH} {}", t.height);
    view! {
        <div class="timeline">
            <div class="tl-names" aria-hidden="true">
                {t.lanes.iter().map(|l| view! { <div class="tl-name" title=l.name.clone()>{l.name.clone()}</div> }).collect_view()}
            </div>
            <svg class="tl-svg" viewBox=view_box preserveAspectRatio="none" height=t.height role="group"
                aria-label="Timeline: one lane per thread, and one for this page; focus a lane and use the arrow keys to go through its spans">
                <Patterns/>
                {t.ticks.iter().map(|tick| view! { <line class="tl-tick" x1=tick.x x2=tick.x y1=0 y2=t.height/> }).collect_view()}
                {t.lanes.iter().enumerate().map(|(i, lane)| lane_view(t.clone(), i, lane, picked)).collect_view()}
            </svg>
            // `style:left` sets the property through CSSOM: a `style` attribute would be refused by
            // the Content-Security-Policy, which allows no inline styles.
            <div class="tl-axis" aria-hidden="true">
                {t.ticks.iter().map(|tick| view! { <span style:left=format!("{:.2}%", tick.x / WIDTH * 100.0)>{tick.label.clone()}</span> }).collect_view()}
            </div>
            <p class="tl-detail" aria-live="polite">{detail}</p>
            <Legend kinds=t.legend.clone()/>
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

fn lane_view(t: Arc<Timeline>, index: usize, lane: &playground_core::timeline::Lane, picked: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
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
        <g class="tl-lane" tabindex="0" role="img" aria-label=Timeline::lane_summary(lane) on:keydown=keys
            on:focus=focus>
            {lane.rects.iter().enumerate().map(|(r, rect)| {
                let title = t.describe(lane, rect);
                let style = playground_core::timeline::style(rect.kind);
                let (x, y, w) = (rect.x, lane.y, rect.w.max(0.5));
                let class = move || {
                    let base = style.class;
                    if picked.get() == Some((index, r)) { format!("{base} picked") } else { base.to_string() }
                };
                view! {
                    <g on:mouseenter=move |_| picked.set(Some((index, r)))>
                        <rect class=class x=x y=y width=w height=LANE_HEIGHT><title>{title}</title></rect>
                        <rect class="tl-pattern" fill=format!("url(#{})", style.pattern) x=x y=y width=w height=LANE_HEIGHT/>
                    </g>
                }
            }).collect_view()}
        </g>
    }
}
