//! The lesson inside a course platform: finds its SCORM API the standard way, starts a session,
//! keeps the quiz's answers in the attempt's `cmi.suspend_data` (never in the browser, which the
//! next learner on the same computer shares), reports the quiz when it is complete, and ends the
//! session exactly once when the page goes away. Without an API it does nothing and says nothing,
//! unless a course package launched it (`?scorm`).
//!
//! What is written, and in which format, is `playground_core::scorm`; this file only makes the
//! calls, by reflection, since the API is a plain object some other frame put on its window.

use std::cell::Cell;
use std::rc::Rc;

use playground_core::quiz::{Keeper, PassMark, QuizEvent, Score};
use playground_core::scorm::{self, Version, Write, MAX_PARENTS, SUSPEND_DATA};
use wasm_bindgen::prelude::*;
use web_sys::Window;

use super::{AnswerStore, QuizHook};

pub fn start(hook: QuizHook, launched_as_package: bool) {
    let Some(window) = web_sys::window() else { return };
    let Some(api) = Api::find(&window) else {
        if launched_as_package {
            hook.listen(move |event| {
                if let QuizEvent::Completed(_) = event {
                    hook.set_notice(Some(scorm::NOT_FOUND.to_string()));
                }
            });
        }
        return;
    };
    // From here on the answers are the platform's business: kept in the attempt, or not at all.
    let Some(session) = Session::start(api, hook) else {
        hook.set_store(Rc::new(Unkept));
        return;
    };
    hook.set_store(Rc::new(Attempt(session.clone())));
    let on_quiz = session.clone();
    hook.listen(move |event| {
        if let QuizEvent::Completed(score) = event {
            on_quiz.report(*score);
        }
    });
    // `pagehide` fires when the learner leaves, the platform navigates the frame away or removes
    // it, and (unlike `unload`) also before the page enters the back-forward cache.
    let on_leave = Closure::<dyn Fn()>::new(move || session.finish());
    let _ = window.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
    on_leave.forget();
}

/// A platform's API object and the version it speaks.
struct Api {
    object: JsValue,
    version: Version,
}

impl Api {
    /// The standard discovery: this window and up to [`MAX_PARENTS`] parents, then the window that
    /// opened this one and its parents; SCORM 2004's `API_1484_11` anywhere before 1.2's `API`.
    fn find(window: &Window) -> Option<Api> {
        let mut places = ancestry(window.clone());
        if let Some(opener) = window.opener().ok().filter(|o| o.is_object()) {
            places.extend(ancestry(opener.unchecked_into()));
        }
        Version::SEARCH_ORDER.into_iter().find_map(|version| {
            places.iter().find_map(|place| {
                // Reading a property of a cross-origin window throws a SecurityError: not there.
                let object = js_sys::Reflect::get(place, &version.api_name().into()).ok()?;
                Api::speaks(&object, version).then_some(Api { object, version })
            })
        })
    }

    /// An object with every method the lesson calls, so a stray global named `API` is not mistaken for one.
    fn speaks(object: &JsValue, version: Version) -> bool {
        let m = version.methods();
        object.is_object()
            && [m.initialize, m.finish, m.get_value, m.set_value, m.commit, m.get_last_error, m.get_error_string]
                .iter()
                .all(|name| js_sys::Reflect::get(object, &(*name).into()).is_ok_and(|f| f.is_function()))
    }

    /// Calls a method; a platform that throws is treated like one that answered "false".
    fn call(&self, method: &str, args: &[&str]) -> JsValue {
        let Ok(function) = js_sys::Reflect::get(&self.object, &method.into()) else { return JsValue::FALSE };
        let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        let function: &js_sys::Function = function.unchecked_ref();
        function.apply(&self.object, &args).unwrap_or(JsValue::FALSE)
    }

    /// SCORM answers "true" or "false" as strings; some platforms answer booleans.
    fn succeeds(&self, method: &str, args: &[&str]) -> bool {
        let answer = self.call(method, args);
        answer.as_string().is_some_and(|s| s == "true") || answer.as_bool() == Some(true)
    }

    fn get_value(&self, element: &str) -> String {
        self.call(self.version.methods().get_value, &[element]).as_string().unwrap_or_default()
    }

    /// Writes in order, stopping at the first refusal so the platform's last error is about it.
    fn set_values(&self, writes: &[Write]) -> bool {
        let set = self.version.methods().set_value;
        writes.iter().all(|(element, value)| self.succeeds(set, &[element, value]))
    }

    fn commit(&self) -> bool {
        self.succeeds(self.version.methods().commit, &[""])
    }

    /// The platform's last error: its code and its own words for it.
    fn last_error(&self) -> (String, String) {
        let m = self.version.methods();
        let code = self.call(m.get_last_error, &[]).as_string().unwrap_or_default();
        let text = self.call(m.get_error_string, &[&code]).as_string().unwrap_or_default();
        (code, text)
    }
}

/// `window`, then its parents, at most [`MAX_PARENTS`] of them.
fn ancestry(window: Window) -> Vec<Window> {
    let mut chain = vec![window];
    while chain.len() <= MAX_PARENTS {
        let here = chain.last().expect("the chain starts with a window");
        match here.parent() {
            Ok(Some(parent)) if !js_sys::Object::is(&parent, here) => chain.push(parent),
            _ => break,
        }
    }
    chain
}

/// One SCORM session: started on load, finished once.
struct Session {
    api: Api,
    hook: QuizHook,
    started_ms: f64,
    pass_mark: PassMark,
    /// The attempt's `cmi.suspend_data` as the session began: the quiz's answers, if it saved any.
    suspended: String,
    completed: Cell<bool>,
    finished: Cell<bool>,
}

impl Session {
    fn start(api: Api, hook: QuizHook) -> Option<Rc<Session>> {
        let version = api.version;
        if !api.succeeds(version.methods().initialize, &[""]) {
            let (code, text) = api.last_error();
            hook.set_notice(Some(scorm::not_started(&code, &text)));
            return None;
        }
        // Marking a new attempt as begun is a courtesy; a platform that refuses it loses nothing.
        api.set_values(&scorm::on_start(version, &api.get_value(version.status_element())));
        let pass_mark = scorm::pass_mark(version, &api.get_value(version.pass_mark_element()));
        let suspended = api.get_value(SUSPEND_DATA);
        let started_ms = js_sys::Date::now();
        Some(Rc::new(Session {
            api,
            hook,
            started_ms,
            pass_mark,
            suspended,
            completed: Cell::new(false),
            finished: Cell::new(false),
        }))
    }

    fn elapsed_ms(&self) -> f64 {
        js_sys::Date::now() - self.started_ms
    }

    /// The quiz is complete: score, status and time, committed at once so a crash loses nothing.
    fn report(&self, score: Score) {
        if self.finished.get() {
            return;
        }
        self.completed.set(true);
        let writes = scorm::on_complete(self.api.version, score, self.pass_mark, self.elapsed_ms());
        let saved = self.api.set_values(&writes) && self.api.commit();
        let notice = (!saved).then(|| {
            let (code, text) = self.api.last_error();
            scorm::not_saved(&code, &text)
        });
        self.hook.set_notice(notice);
    }

    /// Time and exit, Commit, then Finish/Terminate: once, however often the page says goodbye.
    fn finish(&self) {
        if self.finished.replace(true) {
            return;
        }
        let version = self.api.version;
        self.api.set_values(&scorm::on_leave(version, self.elapsed_ms(), self.completed.get()));
        self.api.commit();
        self.api.succeeds(version.methods().finish, &[""]);
    }
}

/// The quiz's answers in the attempt's `cmi.suspend_data`. They are written as they change and
/// committed with the score or when the learner leaves (`Session::finish`).
struct Attempt(Rc<Session>);

impl AnswerStore for Attempt {
    fn keeper(&self) -> Keeper {
        Keeper::Course
    }

    fn load(&self) -> Option<String> {
        Some(self.0.suspended.clone())
    }

    fn save(&self, state: &str) -> bool {
        let session = &self.0;
        !session.finished.get()
            && scorm::suspend(session.api.version, state).is_some_and(|write| session.api.set_values(&[write]))
    }
}

/// A platform that did not start a session keeps nothing, and the browser must not either: on a
/// shared computer its storage holds someone else's answers.
struct Unkept;

impl AnswerStore for Unkept {
    fn keeper(&self) -> Keeper {
        Keeper::Course
    }

    fn load(&self) -> Option<String> {
        None
    }

    fn save(&self, _: &str) -> bool {
        false
    }
}
