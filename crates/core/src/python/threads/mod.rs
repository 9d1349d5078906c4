//! The real runtime: every Python thread on a real thread, the GIL a real lock, memory really shared.
//!
//! Each thread runs its program's steps in a loop. Before a step that runs bytecode it takes its
//! process's GIL (if the model has one); before C code, I/O or any blocking wait it drops it. At a
//! checkpoint it hands the GIL over if another thread asked. Blocking waits poll the stop flag
//! every [`POLL`], so a stopped run ends within a few of those.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::gil::{Gil, POLL};
use super::live::Live;
use super::program::{Cx, Effect, Received, Step, SYNC_BYTECODES};
use super::programs::{plan, COUNTER};
use super::report::{CounterReport, RunReport};
use super::scenario::Model;
use super::trace::{Recorder, SpanKind, Trace, WorkerTrace};
use super::world::{lock, Pool, Space};
use super::{RunError, RunOptions, Scenario, Spawn, MAX_OUTPUT};

mod effects;

/// A thread to start: its name, whether it is a daemon, its process, its code.
type Body = (String, bool, usize, Box<dyn Step>);

/// Why a thread stopped before its function returned.
enum Halt {
    /// The run was stopped.
    Cancelled,
    /// The interpreter exited around it (a daemon thread, or one Python would wait for forever).
    Killed,
}

struct World<'a> {
    model: Model,
    opts: &'a RunOptions,
    stop: &'a AtomicBool,
    /// Where each thread publishes what it records, when the run is streamed.
    live: Option<&'a Live>,
    /// The main thread finished: the interpreter exits and takes every other thread with it.
    exit: AtomicBool,
    gils: Vec<Gil>,
    spaces: Vec<Space>,
    pool: Pool,
    /// Worker threads still running, and how many of those are non-daemon.
    alive: AtomicUsize,
    non_daemon: AtomicUsize,
    output: Mutex<Vec<String>>,
    /// Per thread: 0 not started, 1 `start()` called, 2 running.
    starts: Mutex<Vec<u8>>,
    started: Condvar,
    traces: Mutex<Vec<Option<WorkerTrace>>>,
}

/// Runs a scenario on real threads from `spawn`; the calling thread is Python's main thread.
pub fn run_threads(
    scenario: &Scenario,
    opts: &RunOptions,
    spawn: &dyn Spawn,
    stop: &AtomicBool,
) -> Result<RunReport, RunError> {
    run(scenario, opts, spawn, stop, None)
}

/// [`run_threads`], with every thread publishing what it records into `live` as it goes, so
/// another thread can stream the run with [`Live::take`] while it lasts.
pub fn run_threads_live(
    scenario: &Scenario,
    opts: &RunOptions,
    spawn: &dyn Spawn,
    stop: &AtomicBool,
    live: &Live,
) -> Result<RunReport, RunError> {
    run(scenario, opts, spawn, stop, Some(live))
}

fn run(
    scenario: &Scenario,
    opts: &RunOptions,
    spawn: &dyn Spawn,
    stop: &AtomicBool,
    live: Option<&Live>,
) -> Result<RunReport, RunError> {
    scenario.validate(opts.cores, opts.max_threads)?;
    let plan = plan(scenario, opts.cores);
    let gils = match scenario.model {
        Model::FreeThreaded => Vec::new(),
        _ => (0..plan.processes).map(|_| Gil::new(scenario.switch_interval_ms, opts.clock)).collect(),
    };
    let n = plan.threads.len();
    let world = World {
        model: scenario.model,
        opts,
        stop,
        live,
        exit: AtomicBool::new(false),
        gils,
        spaces: (0..plan.processes).map(|_| Space::default()).collect(),
        pool: Pool::new(plan.calls.clone()),
        alive: AtomicUsize::new(n),
        non_daemon: AtomicUsize::new(plan.threads.iter().filter(|t| !t.daemon).count()),
        output: Mutex::new(Vec::new()),
        starts: Mutex::new(vec![0; n + 1]),
        started: Condvar::new(),
        traces: Mutex::new(vec![None; n + 1]),
    };
    // Each body takes its own thread's code once; the mutex only hands it over.
    let mut bodies: Vec<Mutex<Option<Body>>> = vec![Mutex::new(Some(("MainThread".into(), false, 0, plan.main)))];
    bodies.extend(plan.threads.into_iter().map(|t| Mutex::new(Some((t.name, t.daemon, t.process, t.code)))));
    let start = (opts.clock)();
    if let Some(live) = live {
        live.begin(start, bodies.iter().map(|b| lock(b).as_ref().map_or_else(String::new, |b| b.0.clone())).collect());
    }
    spawn.run_all(n + 1, &|i| {
        let (name, daemon, process, mut code) = lock(&bodies[i]).take().expect("each body runs once");
        let mut t = PyThread::new(&world, i, process, name);
        let _ = t.run(code.as_mut());
        // The last span ends when the GIL was dropped, so no two threads ever seem to hold it at once.
        let end = t.release().unwrap_or_else(|| t.now());
        if i == 0 {
            world.exit.store(true, Ordering::Release);
        } else {
            if !daemon {
                world.non_daemon.fetch_sub(1, Ordering::AcqRel);
            }
            world.alive.fetch_sub(1, Ordering::AcqRel);
        }
        lock(&world.traces)[i] = Some(t.rec.finish(end));
    });
    let end = (opts.clock)();
    if stop.load(Ordering::Relaxed) {
        return Err(RunError::Cancelled);
    }
    let pool = world.pool.state.into_inner().unwrap_or_else(|e| e.into_inner());
    let printed = world.spaces[0].load(COUNTER).max(0) as u64;
    Ok(RunReport {
        model: scenario.model,
        workers: n as u32,
        elapsed_ms: end - start,
        tasks: pool.tasks,
        collected: pool.collected,
        output: world.output.into_inner().unwrap_or_else(|e| e.into_inner()),
        counter: plan.counter_expected.map(|expected| CounterReport { expected, printed }),
        gil_switches: world.gils.iter().map(Gil::switches).sum(),
        trace: Trace {
            start_ms: start,
            end_ms: end,
            workers: world.traces.into_inner().unwrap_or_else(|e| e.into_inner()).into_iter().flatten().collect(),
        },
    })
}

/// One Python thread: its process, whether it holds the GIL, what it is working on, its trace.
struct PyThread<'w> {
    world: &'w World<'w>,
    me: usize,
    space: &'w Space,
    gil: Option<&'w Gil>,
    holding: bool,
    task: Option<u32>,
    rec: Recorder,
    state: Option<(SpanKind, Option<u32>)>,
    /// When the GIL was last dropped, if no span has started since: the next span starts then, so
    /// a thread the OS pauses right after dropping the GIL does not seem to hold it meanwhile.
    released_at: Option<f64>,
}

impl<'w> PyThread<'w> {
    fn new(world: &'w World<'w>, me: usize, process: usize, name: String) -> Self {
        let gil = world.gils.get(process);
        Self {
            world,
            me,
            space: &world.spaces[process],
            gil,
            holding: false,
            task: None,
            rec: Recorder::new(name),
            state: None,
            released_at: None,
        }
    }

    fn now(&self) -> f64 {
        (self.world.opts.clock)()
    }

    /// Records that the thread does `kind` from `at` (or now); reads the clock only on a change.
    fn enter(&mut self, kind: SpanKind, at: Option<f64>) {
        if self.state != Some((kind, self.task)) {
            self.state = Some((kind, self.task));
            let released = self.released_at.take();
            let t = at.or(released).unwrap_or_else(|| self.now());
            self.rec.enter(kind, self.task, t);
            if let Some(live) = self.world.live {
                live.publish(self.me, &mut self.rec);
            }
        }
    }

    fn halted(&self) -> Result<(), Halt> {
        if self.world.stop.load(Ordering::Relaxed) {
            Err(Halt::Cancelled)
        } else if self.me != 0 && self.world.exit.load(Ordering::Acquire) {
            Err(Halt::Killed)
        } else {
            Ok(())
        }
    }

    fn hold(&mut self) -> Result<(), Halt> {
        if let (Some(gil), false) = (self.gil, self.holding) {
            self.enter(SpanKind::GilWait, None);
            let t = gil.take(self.me, self.world.stop).map_err(|_| Halt::Cancelled)?;
            self.holding = true;
            (self.state, self.released_at) = (None, None);
            self.enter(SpanKind::Run, Some(t));
        }
        Ok(())
    }

    fn release(&mut self) -> Option<f64> {
        match (self.gil, self.holding) {
            (Some(gil), true) => {
                self.holding = false;
                self.released_at = Some(gil.drop_gil());
                self.released_at
            }
            _ => None,
        }
    }

    /// Drops the GIL and records that the thread now waits as `kind`.
    fn block(&mut self, kind: SpanKind) {
        let t = self.release();
        self.enter(kind, t);
    }

    /// Waits on `cv` until `ready` gives a value, polling the stop flag; `None` from `deadline`
    /// (called on every wake-up) gives up with `Received::Never`.
    fn wait<S, T>(
        &self,
        m: &Mutex<S>,
        cv: &Condvar,
        mut ready: impl FnMut(&mut MutexGuard<'_, S>) -> Option<T>,
        mut give_up: impl FnMut() -> bool,
    ) -> Result<Option<T>, Halt> {
        let mut g = lock(m);
        loop {
            if let Some(v) = ready(&mut g) {
                return Ok(Some(v));
            }
            self.halted()?;
            if give_up() {
                return Ok(None);
            }
            g = cv.wait_timeout(g, POLL).unwrap_or_else(|e| e.into_inner()).0;
        }
    }

    fn sleep(&self, ms: f64) -> Result<(), Halt> {
        let until = self.now() + ms;
        loop {
            self.halted()?;
            let left = until - self.now();
            if left <= 0.0 {
                return Ok(());
            }
            std::thread::sleep(Duration::from_secs_f64(left.min(POLL.as_secs_f64() * 1e3) / 1e3));
        }
    }

    fn run(&mut self, code: &mut dyn Step) -> Result<(), Halt> {
        let world = self.world;
        loop {
            self.halted()?;
            let c_from = if code.needs_gil() {
                self.hold()?;
                self.enter(SpanKind::Run, None);
                None
            } else {
                Some(self.release().unwrap_or_else(|| self.now()))
            };
            let mut cx = ThreadCx { space: self.space, world };
            let received = match code.step(&mut cx) {
                Effect::C { .. } => {
                    self.enter(SpanKind::C, c_from);
                    continue;
                }
                Effect::Python { bytecodes, checkpoint } => {
                    world.opts.pace.pay(bytecodes);
                    if let (true, true, Some(gil)) = (checkpoint, self.holding, self.gil) {
                        if gil.drop_requested() {
                            self.holding = false;
                            let t = gil.yield_to_waiter(self.me, world.stop);
                            self.enter(SpanKind::GilWait, Some(t));
                        }
                    }
                    continue;
                }
                Effect::Io { ms } => {
                    self.block(SpanKind::Io);
                    self.sleep(ms)?;
                    Received::Nothing
                }
                Effect::Startup { ms } => {
                    self.block(SpanKind::Startup);
                    self.sleep(ms)?;
                    Received::Nothing
                }
                Effect::Finish | Effect::Return(_) => return Ok(()),
                other => {
                    if other.is_sync() {
                        world.opts.pace.pay(SYNC_BYTECODES);
                    }
                    match self.effect(other)? {
                        Some(received) => received,
                        None => continue,
                    }
                }
            };
            code.receive(received);
        }
    }
}

/// What a step sees of its process.
struct ThreadCx<'w> {
    space: &'w Space,
    world: &'w World<'w>,
}

impl Cx for ThreadCx<'_> {
    fn load(&self, var: usize) -> i64 {
        self.space.load(var)
    }

    fn store(&mut self, var: usize, value: i64) {
        self.space.store(var, value)
    }

    fn is_set(&self, event: usize) -> bool {
        self.space.events[event].load(Ordering::Acquire)
    }

    fn print(&mut self, line: String) {
        let mut out = lock(&self.world.output);
        if out.len() < MAX_OUTPUT {
            out.push(line);
        }
    }
}
