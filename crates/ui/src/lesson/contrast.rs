//! "The GIL impact, summarised": I/O-bound and CPU-bound work side by side, each verdict marked
//! ✓ or ✗ beside the words that say it (WORKS, does NOT help), so colour is never the only signal.

use leptos::prelude::*;

use super::content::{Contrast, ContrastColumn, Verdict};

#[component]
pub fn ContrastFigure(contrast: &'static Contrast) -> impl IntoView {
    view! {
        <figure class="contrast">
            <figcaption>{contrast.caption}</figcaption>
            <div class="contrast-columns">
                {contrast.columns.iter().map(|column| view! { <Column column=column/> }).collect_view()}
            </div>
        </figure>
    }
}

#[component]
fn Column(column: &'static ContrastColumn) -> impl IntoView {
    view! {
        <div class="contrast-column">
            <h3>
                {column.title}
                {(!column.examples.is_empty()).then(|| view! { <span class="contrast-examples">{column.examples}</span> })}
            </h3>
            <ul class="verdicts">
                {column.verdicts.iter().map(|verdict| view! { <VerdictItem verdict=verdict/> }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn VerdictItem(verdict: &'static Verdict) -> impl IntoView {
    let (class, mark) = if verdict.works { ("verdict yes", "✓") } else { ("verdict no", "✗") };
    view! {
        <li class=class>
            <span class="verdict-mark" aria-hidden="true">{mark}</span>
            <span>
                <strong class="verdict-claim">{verdict.claim}</strong>
                {(!verdict.reason.is_empty()).then(|| view! { <span class="verdict-reason">{verdict.reason}</span> })}
            </span>
        </li>
    }
}
