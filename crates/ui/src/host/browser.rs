//! The lesson on its own keeps the quiz's answers in this browser's localStorage, which may be
//! blocked (reading it throws) or full (writing throws): neither breaks the page, and a write that
//! fails is reported so the quiz can tell the learner.

use playground_core::quiz::{Keeper, STORAGE_KEY};
use web_sys::Storage;

use super::AnswerStore;

/// The quiz's answers in localStorage, under [`STORAGE_KEY`].
pub struct BrowserStore;

fn local_storage() -> Option<Storage> {
    // Reading `window.localStorage` itself throws when the browser blocks storage for this page.
    web_sys::window()?.local_storage().ok().flatten()
}

impl AnswerStore for BrowserStore {
    fn keeper(&self) -> Keeper {
        Keeper::Browser
    }

    /// Blocked storage reads as nothing saved; the first answer then says it cannot be saved.
    fn load(&self) -> Option<String> {
        local_storage()?.get_item(STORAGE_KEY).ok().flatten()
    }

    fn save(&self, state: &str) -> bool {
        local_storage().is_some_and(|storage| storage.set_item(STORAGE_KEY, state).is_ok())
    }
}
