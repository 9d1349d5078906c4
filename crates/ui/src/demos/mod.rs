//! The lesson's live demos: a card per listing ([`card::DemoCard`]), §1's speedup chart and §2's
//! decision tree. The lesson asks [`demo_for`] what fills each of its demo slots, and the answer is
//! the demos' one table, `playground_core::demos::table`.
//!
//! The cards draw what `playground_core::demos` describes and send what it builds; they compute nothing.

mod card;
mod export;
mod last_runs;
mod live;
mod markup;
mod notice;
mod patterns;
mod registry;
mod results;
mod runner;
mod snippet;
mod speedup;
mod timeline;
mod tree;

use leptos::prelude::*;
use playground_core::demos::table::{self, Part};

pub use card::DemoCard;
pub use last_runs::LastRuns;
pub use registry::Registry;
pub use speedup::sweep;

/// What fills the lesson's slot `name`: its parts, as the table lists them; `None` for a name the
/// table does not have (the build refuses such a slot, so only a stale page can ask).
pub fn demo_for(name: &str) -> Option<AnyView> {
    let slot = table::slot(name)?;
    Some(
        slot.parts
            .iter()
            .map(|part| match *part {
                Part::Card(spec) => view! { <DemoCard spec/> }.into_any(),
                Part::Speedup => view! { <speedup::SpeedupChart/> }.into_any(),
                Part::DecisionTree => view! { <tree::DecisionTree/> }.into_any(),
            })
            .collect_view()
            .into_any(),
    )
}
