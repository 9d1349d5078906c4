//! The run primitive against a fake engine, natively: states, Stop, failures, and the sessions the
//! page really runs ("Your machine"'s two awaits, the speedup sweep's loop, a card's stream).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use any_spawner::Executor;
use leptos::prelude::*;
use playground_core::compute::ComputeOutcome;
use playground_core::demos::speedup::plan;
use playground_core::protocol::{ComputeMode, Event, Request, RunId};
use playground_core::python::{simulate, Pace, RunOptions, RunReport, TraceDelta};
use playground_core::run::RunState;

use super::{Bridge, Delivery, Runner, Sink};
use crate::machine::{measure, Measured, Step};

/// An engine that answers only when the test says so.
#[derive(Default)]
struct FakeEngine {
    next: RefCell<RunId>,
    /// Requests in the order they were sent.
    sent: RefCell<Vec<Request>>,
    sinks: RefCell<BTreeMap<RunId, Sink>>,
    stops: RefCell<Vec<RunId>>,
    /// When set, every request fails at once with these words, as an engine that is down does.
    down: Option<&'static str>,
}

impl Bridge for FakeEngine {
    fn send(&self, make: Box<dyn FnOnce(RunId) -> Request>, mut sink: Sink) -> RunId {
        let id = {
            let mut next = self.next.borrow_mut();
            *next += 1;
            *next
        };
        self.sent.borrow_mut().push(make(id));
        match self.down {
            Some(words) => sink(Delivery::Event(Event::Failed { id: Some(id), message: words.into() })),
            None => {
                self.sinks.borrow_mut().insert(id, sink);
            }
        }
        id
    }

    fn stop(&self, id: RunId) {
        self.stops.borrow_mut().push(id);
    }
}

impl FakeEngine {
    /// Hands run `id` what the engine would, then lets every task that can go on do so.
    fn say(&self, id: RunId, delivery: Delivery) {
        let ends = matches!(&delivery, Delivery::Event(e) if e.run().is_some_and(|(_, ends)| ends));
        let mut sink = self.sinks.borrow_mut().remove(&id).expect("a run in flight");
        sink(delivery);
        if !ends {
            self.sinks.borrow_mut().insert(id, sink);
        }
        settle();
    }

    fn last_id(&self) -> RunId {
        *self.next.borrow()
    }

    fn runs_sent(&self) -> usize {
        self.sent.borrow().len()
    }
}

/// Runs every task that is ready, as the browser's event loop would between two messages.
fn settle() {
    Executor::poll_local();
}

/// A reactive owner and an executor on this test's thread, and a runner on a fake engine.
fn setup(engine: FakeEngine) -> (Owner, Rc<FakeEngine>, Runner) {
    // One global executor for every test; each test thread polls its own local pool.
    let _ = Executor::init_futures_executor();
    let owner = Owner::new();
    owner.set();
    let engine = Rc::new(engine);
    let runner = Runner::new(engine.clone());
    (owner, engine, runner)
}

fn outcome(sum: f64) -> ComputeOutcome {
    ComputeOutcome { sum, start_ms: 0.0, elapsed_ms: 1.0, chunks: vec![] }
}

fn computed(id: RunId, sum: f64) -> Delivery {
    Delivery::Event(Event::Computed { id, mode: ComputeMode::OneThread, outcome: outcome(sum) })
}

fn finished(id: RunId) -> Delivery {
    Delivery::Event(Event::Finished { id, report: tiny_report() })
}

/// A real report of a small run, from the core's simulation.
fn tiny_report() -> RunReport {
    let opts = RunOptions { cores: 2, max_threads: 16, clock: || 0.0, pace: Pace::NATIVE };
    let scenario = playground_core::demos::speedup::scenario(playground_core::python::Model::Gil, 1);
    simulate(&scenario, &opts, &std::sync::atomic::AtomicBool::new(false)).expect("the sweep's scenario runs")
}

/// "Your machine"'s session as its component starts it; the result lands in `result`.
fn start_measure(runner: Runner, workers: Option<u32>) -> (RwSignal<Option<Measured>>, RwSignal<Option<Step>>) {
    let (result, step) = (RwSignal::new(None), RwSignal::new(None));
    runner.start(move |session| async move {
        result.set(Some(measure(session, 1_000, workers, move |s| step.set(Some(s))).await?));
        Ok(())
    });
    (result, step)
}

#[test]
fn the_state_changes_before_start_returns_and_a_second_start_is_refused() {
    let (_owner, engine, runner) = setup(FakeEngine::default());
    assert_eq!(runner.state().get_untracked(), RunState::Idle);
    let (result, _) = start_measure(runner, None);
    assert_eq!(runner.state().get_untracked(), RunState::Starting, "before any task has run");
    for _ in 0..29 {
        assert!(!runner.start(|_| async { Ok(()) }), "a second Run while the first goes is refused");
    }
    settle();
    assert_eq!(engine.runs_sent(), 1, "thirty presses, one request");
    engine.say(1, Delivery::Posted);
    assert_eq!(runner.state().get_untracked(), RunState::Running);
    engine.say(1, computed(1, 42.0));
    assert_eq!(runner.state().get_untracked(), RunState::Finished);
    assert_eq!(result.get_untracked(), Some(Measured::Single(outcome(42.0))));
}

#[test]
fn your_machine_awaits_one_thread_then_all_threads_on_the_same_n() {
    let (_owner, engine, runner) = setup(FakeEngine::default());
    let (result, step) = start_measure(runner, Some(2));
    settle();
    assert_eq!(step.get_untracked(), Some(Step::OneThread));
    assert_eq!(engine.runs_sent(), 1, "the second run waits for the first");
    engine.say(1, Delivery::Posted);
    engine.say(1, computed(1, 7.0));
    assert_eq!(step.get_untracked(), Some(Step::AllThreads));
    assert_eq!(runner.state().get_untracked(), RunState::Running, "still running between the two");
    assert_eq!(
        engine.sent.borrow()[1],
        Request::Compute { id: 2, n: 1_000, chunks: 256, mode: ComputeMode::AllThreads { workers: 2 } }
    );
    engine.say(2, Delivery::Posted);
    engine.say(2, computed(2, 7.0));
    assert_eq!(runner.state().get_untracked(), RunState::Finished);
    let Some(Measured::Compared(c)) = result.get_untracked() else { panic!("a comparison") };
    assert!(c.sums_agree() && c.workers == 2);
}

#[test]
fn stop_reaches_the_request_in_flight_and_the_sweep_sends_no_more() {
    let (_owner, engine, runner) = setup(FakeEngine::default());
    let recorded = RwSignal::new(0usize);
    runner.start(move |session| crate::demos::sweep(session, move |_, _, _| recorded.update(|n| *n += 1)));
    settle();
    engine.say(1, Delivery::Posted);
    engine.say(1, finished(1));
    engine.say(2, Delivery::Posted);
    assert_eq!((recorded.get_untracked(), engine.runs_sent()), (1, 2), "one run after another");
    runner.stop();
    assert_eq!(runner.state().get_untracked(), RunState::Stopping, "before stop returns");
    assert_eq!(*engine.stops.borrow(), [2]);
    engine.say(2, Delivery::Event(Event::Stopped { id: 2 }));
    assert_eq!(runner.state().get_untracked(), RunState::Stopped);
    assert_eq!(engine.runs_sent(), 2, "nothing after the stopped run");
    assert!(plan().len() > 2);
}

#[test]
fn a_run_that_ends_as_stop_is_pressed_counts_and_nothing_follows_it() {
    let (_owner, engine, runner) = setup(FakeEngine::default());
    let recorded = RwSignal::new(0usize);
    runner.start(move |session| crate::demos::sweep(session, move |_, _, _| recorded.update(|n| *n += 1)));
    settle();
    engine.say(1, Delivery::Posted);
    runner.stop();
    // The engine finished the run before it read the Stop.
    engine.say(1, finished(1));
    assert_eq!(recorded.get_untracked(), 1, "its result is kept");
    assert_eq!(engine.runs_sent(), 1, "and no further run is sent");
    assert_eq!(runner.state().get_untracked(), RunState::Stopped);
}

#[test]
fn stop_before_the_engine_has_taken_the_request_stops_it_too() {
    let (_owner, engine, runner) = setup(FakeEngine::default());
    start_measure(runner, Some(2));
    settle();
    assert_eq!(runner.state().get_untracked(), RunState::Starting, "the engine has not taken it yet");
    runner.stop();
    assert_eq!(*engine.stops.borrow(), [1]);
    engine.say(1, Delivery::Event(Event::Stopped { id: 1 }));
    assert_eq!(runner.state().get_untracked(), RunState::Stopped);
    // Stop before the session's first step: it sends nothing at all.
    let (_, _) = start_measure(runner, None);
    runner.stop();
    settle();
    assert_eq!(runner.state().get_untracked(), RunState::Stopped);
    assert_eq!(engine.runs_sent(), 1);
}

#[test]
fn a_failure_ends_the_session_with_its_words_and_the_next_run_starts_afresh() {
    let (_owner, engine, runner) = setup(FakeEngine::default());
    let (result, _) = start_measure(runner, Some(2));
    settle();
    engine.say(1, Delivery::Posted);
    engine.say(1, Delivery::Event(Event::Failed { id: Some(1), message: "one run at a time".into() }));
    assert_eq!(runner.state().get_untracked(), RunState::Failed("one run at a time".into()));
    assert_eq!((engine.runs_sent(), result.get_untracked()), (1, None), "the second step is never sent");
    assert!(!runner.busy());
    let (result, _) = start_measure(runner, None);
    settle();
    engine.say(2, computed(2, 3.0));
    assert_eq!(runner.state().get_untracked(), RunState::Finished);
    assert_eq!(result.get_untracked(), Some(Measured::Single(outcome(3.0))));
}

#[test]
fn an_engine_that_is_down_fails_the_run_at_once() {
    let (_owner, engine, runner) =
        setup(FakeEngine { down: Some("The demo engine could not be loaded."), ..Default::default() });
    start_measure(runner, Some(2));
    settle();
    assert_eq!(runner.state().get_untracked(), RunState::Failed("The demo engine could not be loaded.".into()));
    assert_eq!(engine.runs_sent(), 1);
}

#[test]
fn a_card_hears_its_progress_in_order_then_its_report() {
    let (_owner, engine, runner) = setup(FakeEngine::default());
    let heard = Rc::new(RefCell::new(Vec::new()));
    let report = RwSignal::new(None::<f64>);
    let (heard2, scenario) =
        (heard.clone(), playground_core::demos::speedup::scenario(playground_core::python::Model::Gil, 2));
    runner.start(move |session| async move {
        let r = session.run(scenario, move |delta: TraceDelta| heard2.borrow_mut().push(delta.now_ms)).await?;
        report.set(Some(r.elapsed_ms));
        Ok(())
    });
    settle();
    let id = engine.last_id();
    assert!(matches!(engine.sent.borrow()[0], Request::Run { .. }));
    engine.say(id, Delivery::Posted);
    for now_ms in [1.0, 2.0, 3.0] {
        engine.say(id, Delivery::Event(Event::Progress { id, delta: TraceDelta { now_ms, ..Default::default() } }));
    }
    assert_eq!(runner.state().get_untracked(), RunState::Running);
    assert_eq!(*heard.borrow(), [1.0, 2.0, 3.0]);
    engine.say(id, finished(id));
    assert_eq!(runner.state().get_untracked(), RunState::Finished);
    assert!(report.get_untracked().is_some());
}

#[test]
fn an_answer_of_the_wrong_kind_is_a_failure_in_words() {
    let (_owner, engine, runner) = setup(FakeEngine::default());
    start_measure(runner, None);
    settle();
    engine.say(1, finished(1));
    let RunState::Failed(words) = runner.state().get_untracked() else { panic!("a failure") };
    assert!(words.starts_with("the engine answered with something else"), "{words}");
}
