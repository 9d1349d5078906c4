//! The UI's only way to the engine: a dedicated module Worker spoken to in [`Request`]s and
//! [`Event`]s, behind the [`Bridge`] that every [`Runner`] sends through.
//!
//! Architecture invariant: the UI's wasm is built without atomics and shares no memory with the
//! engine. It never calls into the rayon pool and never waits; it posts a message and reacts when
//! the answer arrives.
//!
//! Requests made while the engine starts (or restarts after a crash) wait here and are posted once
//! it is ready. Every way the engine can fail ends in words for the learner
//! (`playground_core::run`), and its details (a panic's message and source path, the browser's
//! error) go to the console as warnings: the failure is handled and the page says so, so it is not
//! logged as an error, which would claim it was not (and would fail the browser tests, which treat
//! every console error as a bug).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use playground_core::protocol::{Event, FallbackReason, Request, RunId, Threading};
pub use playground_core::run::EngineStatus;
use playground_core::run::{EngineDown, CRASHED};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::run::{Bridge, Delivery, Runner, Sink};

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

/// How many times a crashed engine is restarted before the UI gives up on it.
const MAX_RESTARTS: u32 = 3;

/// How long a stopped run may take to end before its engine worker is replaced.
const STOP_GRACE_MS: i32 = 50;

struct Inner {
    worker: Option<Worker>,
    next_id: RunId,
    crashes: u32,
    /// Where the answers of each run in flight go.
    runs: HashMap<RunId, Sink>,
    /// Requests made while the engine was starting, posted in order once it is ready.
    waiting: Vec<(RunId, Request)>,
    // Kept alive for as long as the worker lives.
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
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
            crashes: 0,
            runs: HashMap::new(),
            waiting: Vec::new(),
            _on_message: None,
            _on_error: None,
        }));
        let engine = Engine { status, inner: StoredValue::new_local(inner) };
        engine.spawn_worker();
        engine
    }

    /// The engine's status, reactive.
    pub fn status(&self) -> ReadSignal<EngineStatus> {
        self.status.read_only()
    }

    /// A new place that runs things on this engine.
    pub fn runner(&self) -> Runner {
        Runner::new(Rc::new(*self))
    }

    /// Makes a thread of the engine panic, as a bug would; for the browser tests' hook only.
    pub fn panic_for_test(&self) {
        if let Some(w) = self.inner.get_value().borrow().worker.clone() {
            let _ = w.post_message(&Request::Panic { id: 0 }.to_json().into());
        }
    }

    fn spawn_worker(&self) {
        self.status.set(EngineStatus::Starting);
        let worker = match start_engine(WORKER_URL) {
            Ok(worker) => worker,
            Err(e) => {
                return self.down(EngineDown::NoWorker, &format!("new Worker({WORKER_URL}) threw {}", describe(&e)))
            }
        };
        let this = *self;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |m: MessageEvent| {
            match m.data().as_string().map(|s| Event::from_json(&s)) {
                Some(Ok(event)) => this.dispatch(event),
                Some(Err(e)) => warn(&format!("engine sent {e}")),
                None => warn("engine sent a message that is not text"),
            }
        });
        // A plain `Event` when the script itself did not load (a 404, the network): only an
        // error thrown in the worker comes as an `ErrorEvent` with a message.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let detail = e.dyn_ref::<ErrorEvent>().map(ErrorEvent::message).filter(|m| !m.is_empty());
            if this.status.get_untracked() == EngineStatus::Starting {
                let detail = detail.unwrap_or_else(|| "the request failed or the server answered with an error".into());
                this.down(EngineDown::NotLoaded, &format!("{WORKER_URL} did not load: {detail}"));
            } else {
                this.crashed(&detail.unwrap_or_else(|| "the engine worker stopped".into()));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let rc = self.inner.get_value();
        let mut inner = rc.borrow_mut();
        inner.worker = Some(worker);
        inner._on_message = Some(on_message);
        inner._on_error = Some(on_error);
    }

    /// Terminates the engine worker and starts a fresh one.
    fn replace_worker(&self) {
        if let Some(old) = self.inner.get_value().borrow_mut().worker.take() {
            stop_engine(&old);
        }
        self.spawn_worker();
    }

    fn dispatch(&self, event: Event) {
        match event.run() {
            Some((id, false)) => return self.deliver(id, Delivery::Event(event)),
            Some((id, true)) => return self.finish(id, event),
            None => {}
        }
        match event {
            Event::Ready(info) => {
                if let Threading::SingleThread { reason: FallbackReason::PoolFailed { message } } = &info.threading {
                    warn(&format!("the engine's worker threads did not start: {message}"));
                }
                self.status.set(EngineStatus::Ready(info));
                let waiting = std::mem::take(&mut self.inner.get_value().borrow_mut().waiting);
                for (id, request) in waiting {
                    self.post(id, request);
                }
            }
            Event::Unavailable { reason } => self.down(EngineDown::NotLoaded, &reason),
            Event::Crashed { message } => self.crashed(&message),
            Event::Failed { id: None, message } => warn(&format!("engine: {message}")),
            // Events of a run went to it above.
            _ => {}
        }
    }

    /// Posts a request to the running engine, and tells its run the engine has it.
    fn post(&self, id: RunId, request: Request) {
        let Some(worker) = self.inner.get_value().borrow().worker.clone() else { return };
        match worker.post_message(&request.to_json().into()) {
            Ok(()) => self.deliver(id, Delivery::Posted),
            Err(e) => {
                warn(&format!("posting run {id} to the engine failed: {}", describe(&e)));
                self.finish(id, Event::Failed { id: Some(id), message: "the engine could not be reached".into() });
            }
        }
    }

    /// Hands a run something that does not end it. The sink is taken out while it runs, so it may
    /// call the engine (to stop the run, say) without finding it borrowed.
    fn deliver(&self, id: RunId, delivery: Delivery) {
        let sink = self.inner.get_value().borrow_mut().runs.remove(&id);
        if let Some(mut sink) = sink {
            sink(delivery);
            self.inner.get_value().borrow_mut().runs.entry(id).or_insert(sink);
        }
    }

    /// Hands a run its last event and forgets it.
    fn finish(&self, id: RunId, event: Event) {
        let sink = {
            let rc = self.inner.get_value();
            let mut inner = rc.borrow_mut();
            inner.waiting.retain(|(waiting, _)| *waiting != id);
            inner.runs.remove(&id)
        };
        if let Some(mut sink) = sink {
            sink(Delivery::Event(event));
        }
    }

    /// Ends every run in flight or waiting with `message`.
    fn end_runs(&self, message: &str) {
        let runs: Vec<(RunId, Sink)> = {
            let rc = self.inner.get_value();
            let mut inner = rc.borrow_mut();
            inner.waiting.clear();
            inner.runs.drain().collect()
        };
        for (id, mut sink) in runs {
            sink(Delivery::Event(Event::Failed { id: Some(id), message: message.to_string() }));
        }
    }

    /// The engine cannot run anything: say why on every card and in the panel, end every run with
    /// the same words, and put the details in the console.
    fn down(&self, why: EngineDown, detail: &str) {
        warn(&format!("the demo engine is down: {detail}"));
        if let Some(old) = self.inner.get_value().borrow_mut().worker.take() {
            stop_engine(&old);
        }
        self.status.set(EngineStatus::Down(why));
        self.end_runs(&why.words());
    }

    /// A thread of the engine crashed (a panic aborts the whole wasm instance, and its memory is
    /// shared by every pool thread, so nothing of it can be trusted): end the runs in flight, and
    /// start a fresh engine so the next run works, at most [`MAX_RESTARTS`] times.
    fn crashed(&self, message: &str) {
        let crashes = {
            let rc = self.inner.get_value();
            let mut inner = rc.borrow_mut();
            inner.crashes += 1;
            inner.crashes
        };
        if crashes > MAX_RESTARTS {
            return self.down(EngineDown::GaveUp { crashes }, &format!("crash {crashes}: {message}"));
        }
        warn(&format!("the demo engine crashed and is restarted ({crashes} of {MAX_RESTARTS}): {message}"));
        self.end_runs(CRASHED);
        self.replace_worker();
    }
}

impl Bridge for Engine {
    fn send(&self, make: Box<dyn FnOnce(RunId) -> Request>, mut sink: Sink) -> RunId {
        let id = {
            let rc = self.inner.get_value();
            let mut inner = rc.borrow_mut();
            let id = inner.next_id;
            inner.next_id += 1;
            id
        };
        match self.status.get_untracked() {
            EngineStatus::Down(why) => sink(Delivery::Event(Event::Failed { id: Some(id), message: why.words() })),
            status => {
                let request = make(id);
                let rc = self.inner.get_value();
                rc.borrow_mut().runs.insert(id, sink);
                if status.is_ready() {
                    self.post(id, request);
                } else {
                    rc.borrow_mut().waiting.push((id, request));
                }
            }
        }
        id
    }

    /// With threads the engine stops a run within milliseconds. Without them, a simulation runs on
    /// the engine worker's only thread and cannot read the Stop until it is done; so if the run
    /// has not ended after [`STOP_GRACE_MS`], the worker is replaced (it keeps nothing between
    /// runs) and the run ends as stopped. Either way Stop takes effect within 100 ms. A run still
    /// waiting for the engine is only taken out of the queue.
    fn stop(&self, id: RunId) {
        let (waiting, worker) = {
            let rc = self.inner.get_value();
            let inner = rc.borrow();
            (inner.waiting.iter().any(|(w, _)| *w == id), inner.worker.clone())
        };
        if waiting {
            return self.finish(id, Event::Stopped { id });
        }
        let Some(worker) = worker else { return };
        let _ = worker.post_message(&Request::Stop { id }.to_json().into());
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
}

/// Details for developers, in the console.
fn warn(text: &str) {
    web_sys::console::warn_1(&text.into());
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
