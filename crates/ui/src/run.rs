//! The one way the UI runs something on the engine: a [`Runner`] per place that runs (a demo card,
//! "Your machine", the speedup sweep), whose session awaits the engine's answers.
//!
//! In the style of Squoosh's worker bridge, a request is a call you can abort and an answer you
//! await: [`Session::request`] sends one and resolves with the event that ends it, handing the
//! run's progress to a callback meanwhile; [`Runner::stop`] aborts it. A session is an `async`
//! block, so "Your machine" is two awaits and the sweep a loop, and `?` ends the session at the
//! first run that was stopped or failed. The runner's [`RunState`] is a signal the components
//! read, and it changes before `start` or `stop` returns: a second Run pressed in the same task
//! finds the first one going.
//!
//! Nothing here touches the DOM or a Worker: it reaches the engine through [`Bridge`], which
//! `crate::engine::Engine` implements and the tests fake, so all of it is tested natively.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures_channel::oneshot;
use leptos::prelude::*;
use playground_core::compute::ComputeOutcome;
use playground_core::protocol::{ComputeMode, Event, Request, RunId};
use playground_core::python::{RunReport, Scenario, TraceDelta};
use playground_core::run::RunState;

/// How the UI reaches the engine: it sends requests and stops them; their answers come to a [`Sink`].
pub trait Bridge {
    /// Sends the request `make` builds from a fresh id, now or once the engine is ready. `sink`
    /// hears [`Delivery::Posted`] when the engine has the request, then the run's events until one
    /// ends it; it may hear that end before `send` returns (an engine that is down).
    fn send(&self, make: Box<dyn FnOnce(RunId) -> Request>, sink: Sink) -> RunId;
    /// Asks the engine to stop run `id`; its sink will hear [`Event::Stopped`] (or how it ended anyway).
    fn stop(&self, id: RunId);
}

/// Where a request's answers go.
pub type Sink = Box<dyn FnMut(Delivery)>;

/// What a request's sink hears.
#[derive(Debug)]
pub enum Delivery {
    /// The engine has the request now (it may have waited for the engine to start).
    Posted,
    Event(Event),
}

/// Why a session ended before its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    Stopped,
    /// In words for the learner.
    Failed(String),
}

/// What a session returns: `Ok` when it ran to its end.
pub type Outcome = Result<(), Ended>;

struct Inner {
    bridge: Rc<dyn Bridge>,
    /// Counts sessions, so an answer meant for an earlier one never moves this one's state.
    session: u64,
    /// The request in flight, for Stop.
    current: Option<RunId>,
    /// Stop was pressed: the request in flight ends, and no new one is sent.
    stopping: bool,
}

/// A place that runs one session at a time. Cheap to copy into handlers.
#[derive(Clone, Copy)]
pub struct Runner {
    state: RwSignal<RunState>,
    inner: StoredValue<Rc<RefCell<Inner>>, LocalStorage>,
}

impl Runner {
    pub fn new(bridge: Rc<dyn Bridge>) -> Self {
        let inner = Inner { bridge, session: 0, current: None, stopping: false };
        Runner { state: RwSignal::new(RunState::Idle), inner: StoredValue::new_local(Rc::new(RefCell::new(inner))) }
    }

    /// Where this place's run is, reactively.
    pub fn state(&self) -> ReadSignal<RunState> {
        self.state.read_only()
    }

    /// Whether a run is going, reactively.
    pub fn busy(&self) -> bool {
        self.state.with(RunState::is_busy)
    }

    /// Starts a session unless one is going; returns whether it started. The state is
    /// [`RunState::Starting`] before this returns; the session itself runs as a task, and its
    /// outcome becomes the state it ends in.
    pub fn start<Fut>(&self, session: impl FnOnce(Session) -> Fut) -> bool
    where
        Fut: Future<Output = Outcome> + 'static,
    {
        if self.state.with_untracked(RunState::is_busy) {
            return false;
        }
        let generation = {
            let rc = self.inner.get_value();
            let mut inner = rc.borrow_mut();
            inner.session += 1;
            inner.current = None;
            inner.stopping = false;
            inner.session
        };
        self.state.set(RunState::Starting);
        let task = session(Session { runner: *self, generation });
        let this = *self;
        leptos::task::spawn_local(async move {
            let outcome = task.await;
            this.end(generation, outcome);
        });
        true
    }

    /// Stops the session going, if any: the request in flight is stopped, and none follows it.
    pub fn stop(&self) {
        if !matches!(self.state.get_untracked(), RunState::Starting | RunState::Running) {
            return;
        }
        let (bridge, current) = {
            let rc = self.inner.get_value();
            let mut inner = rc.borrow_mut();
            inner.stopping = true;
            (inner.bridge.clone(), inner.current)
        };
        self.state.set(RunState::Stopping);
        // Between two requests, or before the first, there is nothing to stop: the next request ends at once.
        if let Some(id) = current {
            bridge.stop(id);
        }
    }

    fn end(&self, generation: u64, outcome: Outcome) {
        if !self.is_current(generation) {
            return;
        }
        self.inner.get_value().borrow_mut().current = None;
        self.state.set(match outcome {
            Ok(()) => RunState::Finished,
            Err(Ended::Stopped) => RunState::Stopped,
            Err(Ended::Failed(message)) => RunState::Failed(message),
        });
    }

    fn is_current(&self, generation: u64) -> bool {
        self.inner.get_value().borrow().session == generation
    }

    /// The engine took session `generation`'s request: it runs now, unless Stop came first.
    fn posted(&self, generation: u64) {
        if self.is_current(generation) && self.state.get_untracked() == RunState::Starting {
            self.state.set(RunState::Running);
        }
    }
}

/// One session of a [`Runner`]: what its `async` block sends its requests through.
#[derive(Clone, Copy)]
pub struct Session {
    runner: Runner,
    generation: u64,
}

impl Session {
    /// Sends the request `make` builds and resolves with the event that ends it; `on_news`
    /// receives the run's other events (its progress) as they come. A run that was stopped or
    /// failed is an `Err`, and so is every request after Stop was pressed.
    pub async fn request(
        &self,
        make: impl FnOnce(RunId) -> Request + 'static,
        on_news: impl FnMut(Event) + 'static,
    ) -> Result<Event, Ended> {
        // Boxed here, so the future below is compiled once rather than once per caller.
        self.request_boxed(Box::new(make), Box::new(on_news)).await
    }

    async fn request_boxed(
        self,
        make: Box<dyn FnOnce(RunId) -> Request>,
        mut on_news: Box<dyn FnMut(Event)>,
    ) -> Result<Event, Ended> {
        let (runner, generation) = (self.runner, self.generation);
        let bridge = {
            let rc = runner.inner.get_value();
            let inner = rc.borrow();
            if inner.stopping || inner.session != generation {
                return Err(Ended::Stopped);
            }
            inner.bridge.clone()
        };
        let (answer, answered) = oneshot::channel();
        let mut answer = Some(answer);
        let sink: Sink = Box::new(move |delivery| match delivery {
            Delivery::Posted => runner.posted(generation),
            Delivery::Event(event) if event.run().is_some_and(|(_, ends)| !ends) => on_news(event),
            Delivery::Event(end) => {
                if let Some(answer) = answer.take() {
                    let _ = answer.send(end);
                }
            }
        });
        let id = bridge.send(make, sink);
        // Set before anything can be awaited, so a Stop pressed from now on reaches this request.
        runner.inner.get_value().borrow_mut().current = Some(id);
        let end = answered.await;
        runner.inner.get_value().borrow_mut().current = None;
        match end {
            Ok(Event::Stopped { .. }) => Err(Ended::Stopped),
            Ok(Event::Failed { message, .. }) => Err(Ended::Failed(message)),
            Ok(end) => Ok(end),
            // The bridge dropped the request without an answer: only a bug does that.
            Err(_) => Err(Ended::Failed("the engine gave no answer".into())),
        }
    }

    /// `compute(n)` cut into `chunks`, on one thread or several.
    pub async fn compute(&self, n: u64, chunks: u32, mode: ComputeMode) -> Result<ComputeOutcome, Ended> {
        match self.request(move |id| Request::Compute { id, n, chunks, mode }, |_| {}).await? {
            Event::Computed { outcome, .. } => Ok(outcome),
            _ => Err(Ended::Failed(ODD_ANSWER.into())),
        }
    }

    /// A Python scenario, whose streamed trace goes to `on_progress` while it runs.
    pub async fn run(
        &self,
        scenario: Scenario,
        mut on_progress: impl FnMut(TraceDelta) + 'static,
    ) -> Result<RunReport, Ended> {
        let news = move |event| {
            if let Event::Progress { delta, .. } = event {
                on_progress(delta);
            }
        };
        match self.request(move |id| Request::Run { id, scenario }, news).await? {
            Event::Finished { report, .. } => Ok(report),
            _ => Err(Ended::Failed(ODD_ANSWER.into())),
        }
    }
}

/// Not `{:?}` of the event: formatting it would pull every protocol type's Debug into the wasm.
const ODD_ANSWER: &str = "the engine answered with something else than this run's result";

#[cfg(test)]
mod tests;
