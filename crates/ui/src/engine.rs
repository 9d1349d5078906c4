//! The UI's only way to the engine: a dedicated module Worker spoken to in [`Request`]s and [`Event`]s.
//!
//! Architecture invariant: the UI's wasm is built without atomics and shares no memory with the
//! engine. It never calls into the rayon pool and never waits; it posts a message and reacts when
//! the answer arrives.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use playground_core::protocol::{EngineInfo, Event, Request, RunId};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// Where the engine worker script is, relative to the page (so a sub-path deployment works).
const WORKER_URL: &str = "engine/worker.js";

// The engine's side on the page (crates/engine/js/host.js, beside the worker script): it starts the
// engine worker and, when the engine asks, the threads of its pool, which Firefox cannot be
// trusted to start from inside a worker. Imported by the path the build gives it, relative to the
// UI's own script.
#[wasm_bindgen(raw_module = "./engine/host.js")]
extern "C" {
    #[wasm_bindgen(js_name = startEngine, catch)]
    fn start_engine(url: &str) -> Result<Worker, JsValue>;
    #[wasm_bindgen(js_name = stopEngine)]
    fn stop_engine(engine: &Worker);
}

/// What the UI knows about the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineStatus {
    Starting,
    Ready(EngineInfo),
    /// The engine could not start; the words say why.
    Unavailable(String),
}

type Callback = Box<dyn FnMut(Event)>;

/// How many times a crashed engine is restarted before the UI gives up on it.
const MAX_RESTARTS: u32 = 3;

/// How long a stopped run may take to end before its engine worker is replaced.
const STOP_GRACE_MS: i32 = 50;

struct Inner {
    worker: Option<Worker>,
    next_id: RunId,
    restarts: u32,
    /// Who wants the events of each run in flight.
    runs: HashMap<RunId, Callback>,
    // Kept alive for as long as the worker lives.
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(ErrorEvent)>>,
}

/// A handle to the engine, cheap to copy into every component (provided as context).
#[derive(Clone, Copy)]
pub struct Engine {
    status: RwSignal<EngineStatus>,
    inner: StoredValue<Rc<RefCell<Inner>>, LocalStorage>,
}

impl Engine {
    /// Starts the engine worker. The page is already on screen; the engine loads behind it.
    pub fn start() -> Self {
        let status = RwSignal::new(EngineStatus::Starting);
        let inner = Rc::new(RefCell::new(Inner {
            worker: None,
            next_id: 1,
            restarts: 0,
            runs: HashMap::new(),
            _on_message: None,
            _on_error: None,
        }));
        let engine = Engine { status, inner: StoredValue::new_local(inner.clone()) };
        if let Err(reason) = engine.spawn_worker(&inner) {
            status.set(EngineStatus::Unavailable(reason));
        }
        engine
    }

    fn spawn_worker(&self, inner: &Rc<RefCell<Inner>>) -> Result<(), String> {
        let worker = start_engine(WORKER_URL)
            .map_err(|e| format!("this browser could not start a Web Worker ({})", describe(&e)))?;

        let this = *self;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |m: MessageEvent| {
            match m.data().as_string().map(|s| Event::from_json(&s)) {
                Some(Ok(event)) => this.dispatch(event),
                Some(Err(e)) => leptos::logging::warn!("engine sent {e}"),
                None => leptos::logging::warn!("engine sent a message that is not text"),
            }
        });
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
            e.prevent_default();
            this.crashed(e.message());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = inner.borrow_mut();
        inner.worker = Some(worker);
        inner._on_message = Some(on_message);
        inner._on_error = Some(on_error);
        Ok(())
    }

    /// The engine's status, reactive.
    pub fn status(&self) -> ReadSignal<EngineStatus> {
        self.status.read_only()
    }

    /// Sends a request made from a fresh run id; `on_event` receives that run's events
    /// ([`Event::Progress`] while it goes) until one of them ends it ([`Event::Computed`],
    /// [`Event::Finished`], [`Event::Stopped`] or [`Event::Failed`]).
    pub fn run(&self, make: impl FnOnce(RunId) -> Request, on_event: impl FnMut(Event) + 'static) -> RunId {
        let rc = self.inner.get_value();
        let (id, worker) = {
            let mut inner = rc.borrow_mut();
            let id = inner.next_id;
            inner.next_id += 1;
            inner.runs.insert(id, Box::new(on_event));
            (id, inner.worker.clone())
        };
        match worker {
            Some(w) if matches!(self.status.get_untracked(), EngineStatus::Ready(_)) => {
                if let Err(e) = w.post_message(&make(id).to_json().into()) {
                    self.finish(id, Event::Failed { id: Some(id), message: describe(&e) });
                }
            }
            _ => self.finish(id, Event::Failed { id: Some(id), message: "the engine is not running".into() }),
        }
        id
    }

    /// Makes a thread of the engine panic, as a bug would; for the browser tests' hook only.
    pub fn panic_for_test(&self) {
        if let Some(w) = self.inner.get_value().borrow().worker.clone() {
            let _ = w.post_message(&Request::Panic { id: 0 }.to_json().into());
        }
    }

    /// Asks the engine to stop a run; its callback will receive [`Event::Stopped`].
    ///
    /// With threads the engine stops a run within milliseconds. Without them, a simulation runs on
    /// the engine worker's only thread and cannot read the Stop until it is done; so if the run
    /// has not ended after [`STOP_GRACE_MS`], the worker is replaced (it keeps nothing between
    /// runs) and the run ends as stopped. Either way Stop takes effect within 100 ms.
    pub fn stop(&self, id: RunId) {
        let Some(w) = self.inner.get_value().borrow().worker.clone() else { return };
        let _ = w.post_message(&Request::Stop { id }.to_json().into());
        let this = *self;
        let give_up = Closure::once_into_js(move || {
            let still_running = this.inner.get_value().borrow().runs.contains_key(&id);
            if still_running {
                this.replace_worker();
                this.finish(id, Event::Stopped { id });
            }
        });
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), STOP_GRACE_MS);
        }
    }

    /// Terminates the engine worker and starts a fresh one.
    fn replace_worker(&self) {
        let rc = self.inner.get_value();
        if let Some(old) = rc.borrow_mut().worker.take() {
            stop_engine(&old);
        }
        self.status.set(EngineStatus::Starting);
        if let Err(reason) = self.spawn_worker(&rc) {
            self.status.set(EngineStatus::Unavailable(reason));
        }
    }

    fn dispatch(&self, event: Event) {
        match event {
            Event::Ready(info) => self.status.set(EngineStatus::Ready(info)),
            Event::Unavailable { reason } => self.fail_everything(reason),
            Event::Crashed { message } => self.crashed(message),
            Event::Progress { id, .. } => self.deliver(id, event),
            Event::Computed { id, .. }
            | Event::Finished { id, .. }
            | Event::Stopped { id }
            | Event::Failed { id: Some(id), .. } => self.finish(id, event),
            Event::Failed { id: None, message } => leptos::logging::warn!("engine: {message}"),
        }
    }

    /// Hands a run an event that does not end it. The callback is taken out while it runs, so it
    /// may call the engine (to stop the run, say) without finding it borrowed.
    fn deliver(&self, id: RunId, event: Event) {
        let callback = self.inner.get_value().borrow_mut().runs.remove(&id);
        if let Some(mut callback) = callback {
            callback(event);
            self.inner.get_value().borrow_mut().runs.entry(id).or_insert(callback);
        }
    }

    /// Hands a run its last event and forgets it.
    fn finish(&self, id: RunId, event: Event) {
        let callback = self.inner.get_value().borrow_mut().runs.remove(&id);
        if let Some(mut callback) = callback {
            callback(event);
        }
    }

    /// The engine could not start: say so, and end every run in flight with the reason.
    fn fail_everything(&self, reason: String) {
        self.status.set(EngineStatus::Unavailable(reason.clone()));
        self.end_runs(&reason);
    }

    fn end_runs(&self, reason: &str) {
        let runs: Vec<(RunId, Callback)> = self.inner.get_value().borrow_mut().runs.drain().collect();
        for (id, mut callback) in runs {
            callback(Event::Failed { id: Some(id), message: reason.to_string() });
        }
    }

    /// A thread of the engine crashed (a panic aborts the whole wasm instance, and its memory is
    /// shared by every pool thread, so nothing of it can be trusted): end the runs in flight with
    /// a message, and start a fresh engine so the next run works.
    fn crashed(&self, message: String) {
        let restarts = {
            let rc = self.inner.get_value();
            let mut inner = rc.borrow_mut();
            inner.restarts += 1;
            inner.restarts
        };
        if restarts > MAX_RESTARTS {
            if let Some(old) = self.inner.get_value().borrow_mut().worker.take() {
                stop_engine(&old);
            }
            self.fail_everything(format!(
                "the engine crashed {MAX_RESTARTS} times and was not restarted again ({message})"
            ));
            return;
        }
        self.end_runs(&format!("the engine crashed ({message}); it has been restarted, so you can run again"));
        self.replace_worker();
    }
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
