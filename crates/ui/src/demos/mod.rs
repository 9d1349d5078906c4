//! The lesson's live demos: a card per listing ([`card::DemoCard`]), §1's speedup chart and §2's
//! decision tree. The lesson asks [`demo_for`] what fills each of its demo slots.
//!
//! The cards draw what `playground_core::demos` describes and send what it builds; they compute nothing.

mod card;
mod export;
mod last_runs;
mod live;
mod markup;
mod notice;
mod patterns;
mod results;
mod runner;
mod snippet;
mod speedup;
mod timeline;
mod tree;

use leptos::prelude::*;
use playground_core::demos::specs_for;

pub use card::DemoCard;
pub use last_runs::LastRuns;

/// The demos for a lesson slot (`gil`, `decision-tree`, `executors`, `futures`, `threading`, `queue`,
/// `quiz-compress`), or `None` for a slot with no demo.
pub fn demo_for(name: &str) -> Option<AnyView> {
    match name {
        "decision-tree" => Some(view! { <tree::DecisionTree/> }.into_any()),
        "gil" => Some(view! { {cards(name)} <speedup::SpeedupChart/> }.into_any()),
        _ if !specs_for(name).is_empty() => Some(cards(name).into_any()),
        _ => None,
    }
}

fn cards(name: &str) -> impl IntoView {
    specs_for(name).into_iter().map(|spec| view! { <DemoCard spec/> }).collect_view()
}
