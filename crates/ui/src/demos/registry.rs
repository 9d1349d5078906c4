//! The demo cards built so far, by id, so another part of the page can run one (the decision
//! tree's "Run …") through the cards themselves rather than by clicking a button in the DOM.
//!
//! A card may not be built yet: slots fill as they near the screen. A run asked of such a card
//! waits here and starts when the card is built, which following the link to it brings about
//! (`crate::slots::reveal`, on the address's new fragment).

use std::rc::Rc;

use leptos::prelude::*;

type Start = Rc<dyn Fn()>;

#[derive(Default)]
struct Cards {
    built: Vec<(&'static str, Start)>,
    /// The card whose run was asked for before it was built.
    wanted: Option<&'static str>,
}

/// The cards on the page. Provided once, by the app; cheap to copy.
#[derive(Clone, Copy)]
pub struct Registry(StoredValue<Cards, LocalStorage>);

impl Registry {
    pub fn new() -> Self {
        Registry(StoredValue::new_local(Cards::default()))
    }

    /// A card, once built, says how to start its run; a run asked of it before starts now.
    pub fn register(&self, id: &'static str, start: impl Fn() + 'static) {
        let start: Start = Rc::new(start);
        let wanted = self.0.try_update_value(|cards| {
            cards.built.push((id, start.clone()));
            cards.wanted.take_if(|wanted| *wanted == id).is_some()
        });
        if wanted == Some(true) {
            start();
        }
    }

    /// Runs card `id` now if it is built, or as soon as it is.
    pub fn run(&self, id: &'static str) {
        let start = self.0.try_update_value(|cards| {
            let start = cards.built.iter().find(|(built, _)| *built == id).map(|(_, start)| start.clone());
            cards.wanted = start.is_none().then_some(id);
            start
        });
        // Called outside the borrow: a run's start may itself look cards up.
        if let Some(start) = start.flatten() {
            start();
        }
    }
}

impl Default for Registry {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    #[test]
    fn a_run_asked_of_a_card_not_built_yet_starts_when_it_is() {
        let owner = Owner::new();
        owner.set();
        let started = Rc::new(RefCell::new(Vec::new()));
        let registry = Registry::new();
        let log = |id: &'static str| {
            let started = started.clone();
            move || started.borrow_mut().push(id)
        };
        registry.register("gil", log("gil"));
        registry.run("gil");
        assert_eq!(*started.borrow(), ["gil"], "a built card runs at once");
        registry.run("queue");
        registry.run("process-pool");
        registry.register("queue", log("queue"));
        assert_eq!(*started.borrow(), ["gil"], "only the last card asked for is waited for");
        registry.register("process-pool", log("process-pool"));
        assert_eq!(*started.borrow(), ["gil", "process-pool"]);
        registry.register("compress", log("compress"));
        assert_eq!(started.borrow().len(), 2, "a card nobody asked for does not run when built");
    }
}
