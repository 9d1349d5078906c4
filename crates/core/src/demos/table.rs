//! The one table of the lesson's demos: every name a `<!-- demo: NAME -->` slot may use, and the
//! parts that fill it (demo cards, §1's speedup chart, §2's decision tree).
//!
//! Everything that names a demo reads it here. The lesson's build (crates/lesson-content) refuses a
//! slot or a quiz question whose name is not in [`SLOTS`], with its content line; the UI fills a
//! slot with the parts listed; the decision tree names its demos by their specs, not by strings;
//! and a `#demo-ID` address finds the slot that holds its card through [`holding`].

use super::programs::*;
use super::DemoSpec;

/// What fills part of a slot.
#[derive(Clone, Copy)]
pub enum Part {
    /// A live demo card, drawn from its spec.
    Card(&'static DemoSpec),
    /// §1's chart of speedups across 1…8 workers, measured on this machine.
    Speedup,
    /// §2's clickable decision tree.
    DecisionTree,
}

impl Part {
    /// The id of the part's element on the page is `demo-` and this.
    pub fn id(self) -> &'static str {
        match self {
            Part::Card(spec) => spec.id,
            Part::Speedup => "speedup",
            Part::DecisionTree => "decision-tree",
        }
    }
}

/// A place in the lesson for demos, by the name its `<!-- demo: NAME -->` gives.
pub struct Slot {
    pub name: &'static str,
    pub parts: &'static [Part],
}

impl Slot {
    /// The demo cards in the slot, in order.
    pub fn cards(&self) -> impl Iterator<Item = &'static DemoSpec> + '_ {
        self.parts.iter().filter_map(|p| match p {
            Part::Card(spec) => Some(*spec),
            _ => None,
        })
    }
}

/// Every slot the lesson may place, in the lesson's order.
pub static SLOTS: &[Slot] = &[
    Slot { name: "gil", parts: &[Part::Card(&GIL), Part::Speedup] },
    Slot { name: "decision-tree", parts: &[Part::DecisionTree] },
    Slot { name: "executors", parts: &[Part::Card(&EXECUTORS), Part::Card(&PROCESS_POOL)] },
    Slot { name: "futures", parts: &[Part::Card(&FUTURES)] },
    Slot { name: "threading", parts: &[Part::Card(&COUNTER), Part::Card(&STOP_EVENT)] },
    Slot { name: "queue", parts: &[Part::Card(&QUEUE)] },
    // Under quiz question 1, which quotes the learner's own run of it.
    Slot { name: "quiz-compress", parts: &[Part::Card(&COMPRESS)] },
];

/// The slot called `name`.
pub fn slot(name: &str) -> Option<&'static Slot> {
    SLOTS.iter().find(|s| s.name == name)
}

/// The slot that holds the part whose element is `demo-{id}`.
pub fn holding(id: &str) -> Option<&'static Slot> {
    SLOTS.iter().find(|s| s.parts.iter().any(|p| p.id() == id))
}

/// Every demo card on the page.
pub fn cards() -> impl Iterator<Item = &'static DemoSpec> {
    SLOTS.iter().flat_map(Slot::cards)
}

/// The names a slot may use, for the message that refuses any other.
pub fn names() -> Vec<&'static str> {
    SLOTS.iter().map(|s| s.name).collect()
}

#[cfg(test)]
mod tests {
    use super::super::tree::{Next, TREE};
    use super::*;

    #[test]
    fn every_part_has_an_id_of_its_own() {
        let mut ids: Vec<&str> = SLOTS.iter().flat_map(|s| s.parts.iter().map(|p| p.id())).collect();
        let all = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all, "two parts would share the element id demo-…: {ids:?}");
        let mut names = names();
        names.dedup();
        assert_eq!(names.len(), SLOTS.len());
    }

    #[test]
    fn an_address_finds_the_slot_that_holds_its_card() {
        assert_eq!(holding("process-pool").map(|s| s.name), Some("executors"));
        assert_eq!(holding("compress").map(|s| s.name), Some("quiz-compress"));
        assert_eq!(holding("speedup").map(|s| s.name), Some("gil"));
        assert!(holding("nothing").is_none());
        assert_eq!(slot("quiz-compress").and_then(|s| s.cards().next()).map(|c| c.id), Some("compress"));
    }

    #[test]
    fn every_demo_the_decision_tree_offers_is_on_the_page() {
        let leaves = TREE.iter().flat_map(|q| q.answers.iter()).filter_map(|(_, next)| match next {
            Next::Leaf(leaf) => leaf.demo,
            Next::Ask(_) => None,
        });
        let mut offered = 0;
        for (spec, _) in leaves {
            assert!(holding(spec.id).is_some(), "the tree offers {}, which no slot holds", spec.id);
            offered += 1;
        }
        assert_eq!(offered, 3);
    }
}
