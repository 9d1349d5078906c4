//! The lesson's listings as Python threads: the executor's main thread and pool workers, the counter,
//! the `stop_event` loop and the task queue. [`plan`] turns a scenario into the threads to start.

use super::primitives::{EventMain, EventWorker, QueueMain, QueueWorker};
use super::program::{Cx, Effect, Received, Step};
use super::report::Outcome;
use super::scenario::{Call, Collect, CounterVariant, Model, Program, Scenario};

/// The module-level global `counter`, numbered.
pub const COUNTER: usize = 0;
/// The lesson's `lock`, `stop_event`, `task_queue` and `result_queue`, numbered.
pub const LOCK: usize = 0;
pub const STOP_EVENT: usize = 0;
pub const TASK_QUEUE: usize = 0;
pub const RESULT_QUEUE: usize = 1;

/// How long interpreter exit waits for a non-daemon thread before the playground says Python would hang.
pub const EXIT_LIMIT_MS: f64 = 1_000.0;

/// One thread (or process) to start besides the main thread.
pub struct ThreadPlan {
    pub name: String,
    pub daemon: bool,
    /// Which process it lives in: 0 is the parent (every thread shares its memory and GIL).
    pub process: usize,
    pub code: Box<dyn Step>,
}

/// Everything a runtime needs to run a scenario.
pub struct Plan {
    pub main: Box<dyn Step>,
    pub threads: Vec<ThreadPlan>,
    pub calls: Vec<Call>,
    /// How many processes the run has, the parent included.
    pub processes: usize,
    pub counter_expected: Option<u64>,
}

/// The threads a (validated) scenario starts.
pub fn plan(s: &Scenario, cores: u32) -> Plan {
    let n = s.threads(cores) as usize;
    let separate = s.model == Model::Processes;
    let process = |i: usize| if separate { i + 1 } else { 0 };
    let processes = if separate { n + 1 } else { 1 };
    let thread = |i: usize, name: String, daemon: bool, code: Box<dyn Step>| ThreadPlan {
        name,
        daemon,
        process: process(i),
        code,
    };
    match &s.program {
        Program::Executor { calls, collect, .. } => {
            let start = if separate { f64::from(s.process_start_ms) } else { 0.0 };
            let threads = (0..n)
                .map(|i| {
                    let name =
                        if separate { format!("ForkProcess-{}", i + 1) } else { format!("ThreadPoolExecutor-0_{i}") };
                    // The parent forks the processes one after another, so the i-th is ready after i+1 start-ups.
                    let worker = PoolWorker { startup_ms: start * (i + 1) as f64, task: None, done: false };
                    thread(i, name, false, Box::new(worker))
                })
                .collect();
            let main = ExecutorMain { calls: calls.clone(), collect: *collect, next: 0, phase: 0, got: None };
            Plan { main: Box::new(main), threads, calls: calls.clone(), processes, counter_expected: None }
        }
        Program::Counter { variant, threads, increments } => {
            let expected = Some(u64::from(*threads) * u64::from(*increments));
            let code = || Box::new(CounterThread { variant: *variant, left: *increments, phase: 0, tmp: 0 });
            let threads = (0..n)
                .map(|i| thread(i, format!("Thread-{} (increment)", i + 1), false, Box::new(Bootstrap::new(code()))))
                .collect();
            Plan {
                main: Box::new(CounterMain { phase: 0, threads: n, next: 0 }),
                threads,
                calls: vec![],
                processes,
                counter_expected: expected,
            }
        }
        Program::StopEvent { run_ms, set_event, daemon } => {
            let worker = EventWorker { rounds: 0, phase: 0, stop: false };
            let main = EventMain { run_ms: *run_ms, set_event: *set_event, phase: 0, hung: false };
            let threads = vec![thread(0, "Thread-1 (worker)".into(), *daemon, Box::new(worker))];
            Plan { main: Box::new(main), threads, calls: vec![], processes, counter_expected: None }
        }
        Program::TaskQueue { workers, items, pill_task_done } => {
            let code = || Box::new(QueueWorker { pill_task_done: *pill_task_done, item: None, phase: 0 });
            let threads = (0..n).map(|i| thread(i, format!("Thread-{} (worker)", i + 1), true, code())).collect();
            let main = QueueMain { items: *items, workers: *workers, phase: 0, next: 0, sum: 0, got: 0, hung: false };
            Plan { main: Box::new(main), threads, calls: vec![], processes, counter_expected: None }
        }
    }
}

/// A pool worker: `while True: work_item = work_queue.get(); work_item.run()`, after its start-up.
struct PoolWorker {
    startup_ms: f64,
    task: Option<(u32, Box<dyn Step>)>,
    done: bool,
}

impl Step for PoolWorker {
    fn needs_gil(&self) -> bool {
        self.task.as_ref().is_some_and(|(_, t)| t.needs_gil())
    }

    fn step(&mut self, cx: &mut dyn Cx) -> Effect {
        if self.done {
            return Effect::Finish;
        }
        if self.startup_ms > 0.0 {
            return Effect::Startup { ms: std::mem::take(&mut self.startup_ms) };
        }
        let Some((id, task)) = &mut self.task else { return Effect::NextTask };
        match task.step(cx) {
            Effect::Return(outcome) => {
                let id = *id;
                self.task = None;
                Effect::Complete(id, outcome)
            }
            other => other,
        }
    }

    fn receive(&mut self, r: Received) {
        match r {
            Received::Task(Some((id, call))) => self.task = Some((id, call.program())),
            Received::Task(None) | Received::Never => self.done = true,
            other => {
                if let Some((_, t)) = &mut self.task {
                    t.receive(other);
                }
            }
        }
    }
}

/// The main thread of `with Executor(...) as pool:`: submit everything, collect, leave the block.
struct ExecutorMain {
    calls: Vec<Call>,
    collect: Collect,
    next: u32,
    phase: u8,
    got: Option<(u32, Outcome)>,
}

impl ExecutorMain {
    /// Prints what the lesson's loop prints for one collected future.
    fn print(&mut self, id: u32, outcome: Outcome, cx: &mut dyn Cx) {
        let call = self.calls[id as usize].python();
        match (outcome, self.collect) {
            (Outcome::Returned { repr }, _) => cx.print(format!("✅ {call}: {repr}")),
            (Outcome::Raised { exception: e }, Collect::Map) => {
                // `list(pool.map(...))` re-raises the first failure: the rest is never collected.
                cx.print(format!("list(pool.map(...)) raised {}: {}", e.kind, e.message));
                self.next = self.calls.len() as u32;
            }
            (Outcome::Raised { exception: e }, _) => cx.print(format!("❌ {call} failed: {}", e.message)),
        }
    }
}

impl Step for ExecutorMain {
    fn step(&mut self, cx: &mut dyn Cx) -> Effect {
        if let Some((id, outcome)) = self.got.take() {
            self.print(id, outcome, cx);
            return Effect::Python { bytecodes: 30, checkpoint: true };
        }
        let n = self.calls.len() as u32;
        match self.phase {
            0 if self.next < n => {
                self.next += 1;
                Effect::Submit(self.next - 1)
            }
            0 => {
                (self.phase, self.next) = (1, 0);
                Effect::Python { bytecodes: 10, checkpoint: true }
            }
            1 if self.next < n => {
                self.next += 1;
                match self.collect {
                    Collect::Map | Collect::Submit => Effect::WaitFuture(self.next - 1),
                    Collect::AsCompleted => Effect::WaitAny,
                }
            }
            1 => {
                self.phase = 2;
                Effect::Shutdown
            }
            _ => Effect::Finish,
        }
    }

    fn receive(&mut self, r: Received) {
        if let Received::Outcome(id, outcome) = r {
            self.got = Some((id, outcome));
        }
    }
}

/// `Thread._bootstrap`: wait to be started, run a little Python, signal `_started`, run the target.
struct Bootstrap {
    phase: u8,
    target: Box<dyn Step>,
}

impl Bootstrap {
    fn new(target: Box<dyn Step>) -> Self {
        Self { phase: 0, target }
    }
}

impl Step for Bootstrap {
    fn needs_gil(&self) -> bool {
        match self.phase {
            0 => false,
            1 | 2 => true,
            _ => self.target.needs_gil(),
        }
    }

    fn step(&mut self, cx: &mut dyn Cx) -> Effect {
        let phase = self.phase;
        self.phase = (phase + 1).min(3);
        match phase {
            0 => Effect::AwaitStart,
            1 => Effect::Python { bytecodes: 100, checkpoint: false },
            2 => Effect::Started,
            _ => self.target.step(cx),
        }
    }

    fn receive(&mut self, r: Received) {
        if self.phase >= 3 {
            self.target.receive(r);
        }
    }
}

/// `for _ in range(k): <variant>` on the module-level `counter`, bytecode by bytecode as CPython 3.11 runs it.
struct CounterThread {
    variant: CounterVariant,
    left: u32,
    phase: u8,
    tmp: i64,
}

impl Step for CounterThread {
    fn step(&mut self, cx: &mut dyn Cx) -> Effect {
        use CounterVariant::*;
        if self.phase == 0 && self.left == 0 {
            return Effect::Finish;
        }
        let py = |bytecodes, checkpoint| Effect::Python { bytecodes, checkpoint };
        let (effect, next) = match (self.variant, self.phase) {
            // FOR_ITER, STORE_FAST, LOAD_GLOBAL counter: no eval-breaker check before the store.
            (Plain, 0) => {
                self.tmp = cx.load(COUNTER);
                (py(3, false), 1)
            }
            // LOAD_CONST, BINARY_OP, STORE_GLOBAL, JUMP_BACKWARD (checks the eval breaker).
            (Plain, _) => {
                cx.store(COUNTER, self.tmp + 1);
                (py(4, true), 0)
            }
            // FOR_ITER, STORE_FAST, LOAD_GLOBAL counter, STORE_FAST tmp.
            (ReadCallWrite, 0) => {
                self.tmp = cx.load(COUNTER);
                (py(4, false), 1)
            }
            // LOAD_GLOBAL f, PRECALL, CALL, then f's RESUME: a function entry checks the eval breaker.
            (ReadCallWrite, 1) => (py(4, true), 2),
            // f's LOAD_CONST, RETURN_VALUE, POP_TOP, LOAD_FAST, LOAD_CONST, BINARY_OP, STORE_GLOBAL, JUMP_BACKWARD.
            (ReadCallWrite, _) => {
                cx.store(COUNTER, self.tmp + 1);
                (py(8, true), 0)
            }
            // FOR_ITER, STORE_FAST, LOAD_GLOBAL lock, BEFORE_WITH: `lock.__enter__()` is C, no check.
            (Lock, 0) => (py(4, false), 1),
            (Lock, 1) => (Effect::Acquire(LOCK), 2),
            (Lock, 2) => {
                self.tmp = cx.load(COUNTER);
                (py(3, false), 3)
            }
            (Lock, 3) => {
                cx.store(COUNTER, self.tmp + 1);
                (py(6, false), 4)
            }
            (Lock, 4) => (Effect::Release(LOCK), 5),
            // CALL `__exit__`, POP_TOP, JUMP_BACKWARD.
            (Lock, _) => (py(3, true), 0),
        };
        self.phase = next;
        if next == 0 {
            self.left -= 1;
        }
        effect
    }
}

/// `for t in threads: t.start()`, `for t in threads: t.join()`, then `print(counter)`.
struct CounterMain {
    phase: u8,
    threads: usize,
    next: usize,
}

impl Step for CounterMain {
    fn step(&mut self, cx: &mut dyn Cx) -> Effect {
        if self.next < self.threads {
            // Starting a thread waits until it runs; the new thread then holds the GIL until the
            // main thread asks for it back, a switch interval later: threads start staggered.
            self.next += 1;
            return Effect::Start(self.next);
        }
        self.phase += 1;
        match self.phase {
            1 => Effect::JoinThreads { limit_ms: f64::INFINITY },
            2 => {
                cx.print(cx.load(COUNTER).to_string());
                Effect::Python { bytecodes: 4, checkpoint: true }
            }
            _ => Effect::Finish,
        }
    }
}
