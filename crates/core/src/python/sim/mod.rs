//! The same model on one thread and a virtual clock: a deterministic discrete-event simulation.
//!
//! Pages without cross-origin isolation have a single thread, so Python threads cannot be real
//! ones there. Each simulated thread keeps its own virtual time; the scheduler always advances the
//! thread that is furthest behind, so every shared object (the GIL, a lock, a queue) is seen in
//! time order. A step's work is still done for real (the square roots, the compression), but its
//! duration is virtual: [`BYTECODE_NS`] per bytecode, the C cost for C code. The machine has
//! `cores` virtual cores: a step that finds them all busy waits for one, as the OS would make it.
//!
//! The GIL follows the same rules as [`super::gil`]: a waiter asks after the switch interval, the
//! holder lets go at its next checkpoint and queues up behind the others. Ties are broken by
//! thread order, so a scenario always gives the same schedule, which is what snapshot tests need.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};

use super::live::{LaneNews, TraceDelta};
use super::program::{Cx, Received, Step, BYTECODE_NS};
use super::programs::{plan, COUNTER};
use super::report::{CounterReport, RunReport, TaskReport};
use super::scenario::Model;
use super::trace::{Recorder, SpanKind, Trace};
use super::{RunError, RunOptions, Scenario, MAX_OUTPUT};

mod effects;

/// Steps between two looks at the stop flag and at whether to pause: a few microseconds of work
/// for most steps, a few milliseconds where a step compresses a 64 KiB block.
const STOP_EVERY: u32 = 16;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Wait {
    Gil,
    /// Blocked until a time: I/O, `time.sleep`, start-up; or a join that gives up then.
    Until(f64),
    Lock(usize),
    Get(usize),
    JoinQueue(usize),
    NextTask,
    Future(u32),
    Any,
    Join,
    /// Not started yet.
    Launch,
    /// The main thread waits until thread `k` runs.
    Started(usize),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    Ready,
    Blocked(Wait),
    Done,
}

struct Thread {
    code: Box<dyn Step>,
    at: f64,
    status: Status,
    process: usize,
    daemon: bool,
    holding: bool,
    task: Option<u32>,
    rec: Recorder,
    /// When a join with a limit gives up.
    join_until: f64,
    /// `start()` was called before the thread reached its first step.
    launched: bool,
}

#[derive(Default)]
struct SimGil {
    holder: Option<usize>,
    last: Option<usize>,
    waiters: VecDeque<usize>,
    /// When the drop request is set (a whole interval after a waiter began waiting or the last switch).
    request_at: f64,
    switches: u64,
}

#[derive(Default)]
struct Space {
    vars: [i64; 1],
    lock_held: [bool; 1],
    lock_waiters: [VecDeque<usize>; 1],
    items: [VecDeque<Option<i64>>; 2],
    unfinished: [u64; 2],
    getters: [VecDeque<usize>; 2],
    event: [bool; 1],
}

struct Sim {
    model: Model,
    interval: f64,
    threads: Vec<Thread>,
    gils: Vec<SimGil>,
    spaces: Vec<Space>,
    cores: Vec<f64>,
    tasks: Vec<TaskReport>,
    calls: Vec<super::scenario::Call>,
    pending: VecDeque<u32>,
    idle: VecDeque<usize>,
    shutdown: bool,
    completed: Vec<u32>,
    yielded: usize,
    collected: Vec<u32>,
    output: Vec<String>,
    /// A fixed-seed generator for the jitter real machines have (see [`Sim::jitter`]).
    seed: u64,
}

/// Runs a scenario on the calling thread alone, on a virtual clock starting at 0.
pub fn simulate(scenario: &Scenario, opts: &RunOptions, stop: &AtomicBool) -> Result<RunReport, RunError> {
    let mut sim = Simulation::new(scenario, opts)?;
    sim.run(stop, || false)?;
    Ok(sim.report())
}

/// A simulation that can pause, so whoever runs it can stream it and answer messages meanwhile.
pub struct Simulation {
    sim: Sim,
    counter_expected: Option<u64>,
    steps: u32,
    /// Whether a delta has named the lanes yet.
    named: bool,
}

impl Simulation {
    pub fn new(scenario: &Scenario, opts: &RunOptions) -> Result<Self, RunError> {
        scenario.validate(opts.cores, u32::MAX)?;
        let plan = plan(scenario, opts.cores);
        let mut threads = vec![Thread::new(plan.main, "MainThread".into(), 0, false)];
        threads.extend(plan.threads.into_iter().map(|t| Thread::new(t.code, t.name, t.process, t.daemon)));
        let mut tasks = super::world::Pool::new(plan.calls.clone()).state.into_inner().expect("fresh");
        let sim = Sim {
            model: scenario.model,
            interval: f64::from(scenario.switch_interval_ms),
            threads,
            gils: (0..plan.processes).map(|_| SimGil { request_at: f64::INFINITY, ..SimGil::default() }).collect(),
            spaces: (0..plan.processes).map(|_| Space::default()).collect(),
            cores: vec![0.0; opts.cores.max(1) as usize],
            tasks: std::mem::take(&mut tasks.tasks),
            calls: plan.calls,
            pending: VecDeque::new(),
            idle: VecDeque::new(),
            shutdown: false,
            completed: Vec::new(),
            yielded: 0,
            collected: Vec::new(),
            output: Vec::new(),
            seed: 0x9E37_79B9_7F4A_7C15,
        };
        Ok(Simulation { sim, counter_expected: plan.counter_expected, steps: 0, named: false })
    }

    /// Runs until the program ends (`Ok(true)`) or `pause()` asks for a pause (`Ok(false)`);
    /// `pause` and the stop flag are looked at every [`STOP_EVERY`] steps. Where it pauses does
    /// not change the schedule: the same scenario always simulates the same way.
    pub fn run(&mut self, stop: &AtomicBool, mut pause: impl FnMut() -> bool) -> Result<bool, RunError> {
        let sim = &mut self.sim;
        while sim.threads[0].status != Status::Done {
            self.steps = self.steps.wrapping_add(1);
            if self.steps.is_multiple_of(STOP_EVERY) {
                if stop.load(Ordering::Relaxed) {
                    return Err(RunError::Cancelled);
                }
                if pause() {
                    return Ok(false);
                }
            }
            match sim.next() {
                Some(i) => sim.advance(i),
                None => sim.deadlock(),
            }
        }
        Ok(true)
    }

    /// What every thread recorded since the last delta. The modelled "now" is the furthest any
    /// thread has got, so every span recorded so far lies before it.
    pub fn delta(&mut self, wall_ms: f64) -> TraceDelta {
        let threads = &mut self.sim.threads;
        let now_ms = threads.iter().map(|t| t.at).fold(0.0, f64::max);
        let names = if std::mem::replace(&mut self.named, true) {
            Vec::new()
        } else {
            threads.iter().map(|t| t.rec.name().to_string()).collect()
        };
        let lanes = threads
            .iter_mut()
            .map(|t| {
                let (spans, open) = t.rec.take_news();
                LaneNews { spans, open }
            })
            .collect();
        TraceDelta { start_ms: 0.0, now_ms, wall_ms, names, lanes }
    }

    /// What the finished run produced.
    pub fn report(self) -> RunReport {
        let Simulation { sim, counter_expected, .. } = self;
        let end = sim.threads[0].at;
        let counter = counter_expected
            .map(|expected| CounterReport { expected, printed: sim.spaces[0].vars[COUNTER].max(0) as u64 });
        let workers = sim.threads.len() as u32 - 1;
        let gil_switches = if sim.model == Model::FreeThreaded { 0 } else { sim.gils.iter().map(|g| g.switches).sum() };
        let workers_traces = sim.threads.into_iter().map(|t| t.rec.finish(t.at.min(end))).collect();
        RunReport {
            model: sim.model,
            workers,
            elapsed_ms: end,
            tasks: sim.tasks,
            collected: sim.collected,
            output: sim.output,
            counter,
            gil_switches,
            trace: Trace { start_ms: 0.0, end_ms: end, workers: workers_traces },
        }
    }
}

impl Thread {
    fn new(code: Box<dyn Step>, name: String, process: usize, daemon: bool) -> Self {
        let rec = Recorder::new(name);
        Thread {
            code,
            at: 0.0,
            status: Status::Ready,
            process,
            daemon,
            holding: false,
            task: None,
            rec,
            join_until: f64::INFINITY,
            launched: false,
        }
    }

    /// When this thread next does something.
    fn wake_at(&self) -> f64 {
        match self.status {
            Status::Ready => self.at,
            Status::Blocked(Wait::Until(t)) => t,
            Status::Blocked(Wait::Join) => self.join_until,
            _ => f64::INFINITY,
        }
    }
}

impl Sim {
    /// The thread furthest behind in virtual time; ties go to the lower index.
    fn next(&self) -> Option<usize> {
        let (i, t) =
            self.threads.iter().enumerate().map(|(i, t)| (i, t.wake_at())).fold((0, f64::INFINITY), |best, c| {
                if c.1 < best.1 {
                    c
                } else {
                    best
                }
            });
        t.is_finite().then_some(i)
    }

    fn has_gil(&self) -> bool {
        self.model != Model::FreeThreaded
    }

    fn enter(&mut self, i: usize, kind: SpanKind, at: f64) {
        let t = &mut self.threads[i];
        t.rec.enter(kind, t.task, at);
    }

    /// Wakes thread `i` at `at`, handing it what it waited for.
    fn wake(&mut self, i: usize, at: f64, r: Received) {
        let t = &mut self.threads[i];
        t.status = Status::Ready;
        t.at = t.at.max(at);
        t.code.receive(r);
    }

    /// Lets go of the GIL at `at`; the longest waiter gets it.
    fn release(&mut self, i: usize, at: f64) {
        if !self.threads[i].holding {
            return;
        }
        self.threads[i].holding = false;
        let gil = &mut self.gils[self.threads[i].process];
        gil.holder = None;
        if let Some(w) = gil.waiters.pop_front() {
            self.give_gil(w, at);
        }
    }

    fn give_gil(&mut self, w: usize, at: f64) {
        let gil = &mut self.gils[self.threads[w].process];
        gil.holder = Some(w);
        if gil.last != Some(w) {
            gil.switches += 1;
            gil.last = Some(w);
        }
        let wait = self.interval + self.wake_latency();
        let gil = &mut self.gils[self.threads[w].process];
        gil.request_at = if gil.waiters.is_empty() { f64::INFINITY } else { at + wait };
        let t = &mut self.threads[w];
        (t.holding, t.status, t.at) = (true, Status::Ready, t.at.max(at));
        let at = t.at;
        self.enter(w, SpanKind::Run, at);
    }

    /// Takes the GIL for `i` at its time, or queues it; `false` if it must wait.
    fn take(&mut self, i: usize) -> bool {
        let at = self.threads[i].at;
        if self.gils[self.threads[i].process].holder.is_none() {
            self.give_gil(i, at);
            return true;
        }
        let wait = self.interval + self.wake_latency();
        let gil = &mut self.gils[self.threads[i].process];
        gil.waiters.push_back(i);
        if gil.request_at.is_infinite() {
            gil.request_at = at + wait;
        }
        self.threads[i].status = Status::Blocked(Wait::Gil);
        self.enter(i, SpanKind::GilWait, at);
        false
    }

    /// A number in `[0, 1)` from the fixed-seed generator.
    fn uniform(&mut self) -> f64 {
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        (self.seed >> 11) as f64 / (1u64 << 53) as f64
    }

    /// How late a waiter wakes after its timed wait, in ms: up to 50 µs, as an OS scheduler does.
    ///
    /// Without it every switch would land at the same bytecode of a loop, and a read-call-write
    /// counter would, by accident of arithmetic, never lose an update, which CPython's does.
    fn wake_latency(&mut self) -> f64 {
        0.05 * self.uniform()
    }

    /// Reserves a core for `ms` of CPU work starting no earlier than the thread's time. A step's
    /// duration varies by ±10 %, as caches and frequency make it vary on real cores.
    fn on_core(&mut self, i: usize, ms: f64) {
        let ms = ms * (0.9 + 0.2 * self.uniform());
        let (k, free) =
            self.cores.iter().copied().enumerate().fold((0, f64::INFINITY), |b, c| if c.1 < b.1 { c } else { b });
        let t = &mut self.threads[i];
        t.at = t.at.max(free) + ms;
        self.cores[k] = t.at;
    }

    fn print(&mut self, line: String) {
        if self.output.len() < MAX_OUTPUT {
            self.output.push(line);
        }
    }
}

/// What a simulated step sees of its process.
struct SimCx<'s> {
    space: &'s mut Space,
    printed: Vec<String>,
}

impl Cx for SimCx<'_> {
    fn load(&self, var: usize) -> i64 {
        self.space.vars[var]
    }

    fn store(&mut self, var: usize, value: i64) {
        self.space.vars[var] = value;
    }

    fn is_set(&self, event: usize) -> bool {
        self.space.event[event]
    }

    fn print(&mut self, line: String) {
        self.printed.push(line);
    }
}

/// Virtual milliseconds of `bytecodes` bytecodes.
fn bytecode_ms(bytecodes: u32) -> f64 {
    f64::from(bytecodes) * BYTECODE_NS / 1e6
}
