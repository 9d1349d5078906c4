//! The lesson's hosts: a page that frames it (`embed`) and a course platform's SCORM run-time
//! (`scorm`). Both hear about the quiz through one hook, [`QuizHook`], so the quiz knows nothing
//! of either; both do nothing at all when the lesson is opened on its own. The hook also says who
//! keeps the quiz's answers: this browser (`browser`), unless a course platform's attempt does.
//!
//! How the lesson was launched comes from its URL: `?embed` for the compact layout,
//! `?parent-origin=` for the one origin the frame talks to, `?scorm` when a course package started
//! it (so a missing SCORM API is worth telling the learner about).

pub mod browser;
pub mod embed;
pub mod scorm;

use std::rc::Rc;

use leptos::prelude::*;
use playground_core::quiz::{Keeper, QuizEvent};
use web_sys::UrlSearchParams;

/// What the page's URL says about where it runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Launch {
    /// `?embed`: the compact layout without the course chrome.
    pub embed: bool,
    /// `?scorm`: started from a course package.
    pub scorm: bool,
    /// `?parent-origin=https://lms.example`: as given; `embed` checks it.
    pub parent_origin: Option<String>,
}

impl Launch {
    pub fn from_page() -> Launch {
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        let Ok(params) = UrlSearchParams::new_with_str(&search) else { return Launch::default() };
        Launch { embed: params.has("embed"), scorm: params.has("scorm"), parent_origin: params.get("parent-origin") }
    }
}

type Listener = Rc<dyn Fn(&QuizEvent)>;

/// Where the quiz's answers are kept: the saved text in and out, in `playground_core::quiz::saved`'s
/// format. The quiz reads once, as it is built, and writes after each change the learner makes.
pub trait AnswerStore {
    /// Who keeps them, for the words of a notice.
    fn keeper(&self) -> Keeper;
    /// What is saved, if anything.
    fn load(&self) -> Option<String>;
    /// Saves `state`; `false` if it could not be kept.
    fn save(&self, state: &str) -> bool;
}

/// The quiz's line to its hosts: the quiz emits [`QuizEvent`]s, hosts listen, and a host may leave
/// the learner a notice (a score the platform did not save) that the quiz shows beside its score.
/// A course platform's host also takes over keeping the answers, which are then the attempt's.
#[derive(Clone, Copy)]
pub struct QuizHook {
    listeners: StoredValue<Vec<Listener>, LocalStorage>,
    notice: RwSignal<Option<String>>,
    store: StoredValue<Rc<dyn AnswerStore>, LocalStorage>,
}

impl QuizHook {
    pub fn new() -> QuizHook {
        QuizHook {
            listeners: StoredValue::new_local(Vec::new()),
            notice: RwSignal::new(None),
            store: StoredValue::new_local(Rc::new(browser::BrowserStore)),
        }
    }

    /// Who keeps the quiz's answers. Hosts start before the quiz is built, so it sees their choice.
    pub fn store(&self) -> Rc<dyn AnswerStore> {
        self.store.get_value()
    }

    pub fn set_store(&self, store: Rc<dyn AnswerStore>) {
        self.store.set_value(store);
    }

    pub fn listen(&self, listener: impl Fn(&QuizEvent) + 'static) {
        self.listeners.update_value(|all| all.push(Rc::new(listener)));
    }

    /// Tells every host. The list is copied first, so a listener may itself listen or emit.
    pub fn emit(&self, event: QuizEvent) {
        let listeners = self.listeners.with_value(|all| all.clone());
        for listener in listeners {
            listener(&event);
        }
    }

    pub fn notice(&self) -> ReadSignal<Option<String>> {
        self.notice.read_only()
    }

    pub fn set_notice(&self, text: Option<String>) {
        self.notice.set(text);
    }
}

impl Default for QuizHook {
    fn default() -> Self {
        QuizHook::new()
    }
}

/// Provides the hook and connects whichever hosts are there. Call once, from the app's root.
pub fn start(launch: &Launch) -> QuizHook {
    let hook = QuizHook::new();
    provide_context(hook);
    embed::start(hook, launch.parent_origin.as_deref());
    scorm::start(hook, launch.scorm);
    hook
}
