//! The lesson's raw `threading` listings: the `stop_event` worker loop and the poison-pill task queue.

use super::program::{Cx, Effect, Received, Step};
use super::programs::{EXIT_LIMIT_MS, RESULT_QUEUE, STOP_EVENT, TASK_QUEUE};

/// Bytecodes of one `do_work()` / `process(item)` step, and how many steps one call takes (about 0.1 ms).
const WORK_STEP: u32 = 1_000;
const WORK_STEPS: u8 = 10;

/// `while not stop_event.is_set(): do_work(); time.sleep(0.1)`.
pub struct EventWorker {
    pub rounds: u32,
    pub phase: u8,
    pub stop: bool,
}

impl Step for EventWorker {
    fn step(&mut self, cx: &mut dyn Cx) -> Effect {
        match self.phase {
            _ if self.stop => Effect::Finish,
            0 if cx.is_set(STOP_EVENT) => {
                cx.print(format!("worker: stop_event is set, leaving after {} rounds of do_work()", self.rounds));
                self.stop = true;
                Effect::Python { bytecodes: 4, checkpoint: true }
            }
            p if p < WORK_STEPS => {
                self.phase += 1;
                Effect::Python { bytecodes: WORK_STEP, checkpoint: true }
            }
            _ => {
                (self.phase, self.rounds) = (0, self.rounds + 1);
                Effect::Io { ms: 100.0 }
            }
        }
    }
}

/// `t.start(); time.sleep(run_ms); stop_event.set()`, then the interpreter exits.
pub struct EventMain {
    pub run_ms: u32,
    pub set_event: bool,
    pub phase: u8,
    pub hung: bool,
}

impl Step for EventMain {
    fn step(&mut self, cx: &mut dyn Cx) -> Effect {
        self.phase += 1;
        match self.phase {
            1 => Effect::Io { ms: f64::from(self.run_ms) },
            2 if self.set_event => {
                cx.print("main: stop_event.set()".into());
                Effect::SetEvent(STOP_EVENT)
            }
            2 => Effect::Python { bytecodes: 4, checkpoint: true },
            3 => Effect::JoinThreads { limit_ms: EXIT_LIMIT_MS },
            4 if self.hung => {
                cx.print(format!(
                    "main: exits, but the non-daemon worker never stops, so Python would wait for it \
                     forever (the playground gave up after {} s)",
                    super::programs::EXIT_LIMIT_MS / 1000.0
                ));
                Effect::Python { bytecodes: 4, checkpoint: true }
            }
            4 => {
                cx.print("main: exits".into());
                Effect::Python { bytecodes: 4, checkpoint: true }
            }
            _ => Effect::Finish,
        }
    }

    fn receive(&mut self, r: Received) {
        // Interpreter exit waits for every non-daemon thread; this one would never stop.
        self.hung |= r == Received::Never;
    }
}

/// `while True: item = task_queue.get(); if item is None: break; …; task_queue.task_done()`.
pub struct QueueWorker {
    pub pill_task_done: bool,
    pub item: Option<Option<i64>>,
    pub phase: u8,
}

impl Step for QueueWorker {
    fn step(&mut self, _: &mut dyn Cx) -> Effect {
        const PUT: u8 = WORK_STEPS + 1;
        const DONE: u8 = WORK_STEPS + 2;
        const FINISH: u8 = WORK_STEPS + 3;
        match (self.phase, self.item) {
            (0, _) => {
                self.phase = 1;
                Effect::Get(TASK_QUEUE)
            }
            (FINISH, _) => Effect::Finish,
            // The poison pill: the lesson breaks out without `task_done()`.
            (1, Some(None)) if self.pill_task_done => {
                self.phase = FINISH;
                Effect::TaskDone(TASK_QUEUE)
            }
            (1, Some(None)) => Effect::Finish,
            (p, Some(Some(_))) if p <= WORK_STEPS => {
                self.phase += 1;
                Effect::Python { bytecodes: WORK_STEP, checkpoint: true }
            }
            (PUT, Some(Some(x))) => {
                self.phase = DONE;
                Effect::Put(RESULT_QUEUE, Some(x * x))
            }
            _ => {
                (self.phase, self.item) = (0, None);
                Effect::TaskDone(TASK_QUEUE)
            }
        }
    }

    fn receive(&mut self, r: Received) {
        match r {
            Received::Item(item) => self.item = Some(item),
            // Killed at interpreter exit while waiting: a daemon thread just stops.
            Received::Never => self.phase = WORK_STEPS + 3,
            _ => {}
        }
    }
}

/// Puts `items` numbers and one pill per worker, `task_queue.join()`s, then sums `result_queue`.
pub struct QueueMain {
    pub items: u32,
    pub workers: u32,
    pub phase: u8,
    pub next: u32,
    pub sum: i64,
    pub got: u32,
    pub hung: bool,
}

impl Step for QueueMain {
    fn step(&mut self, cx: &mut dyn Cx) -> Effect {
        match self.phase {
            0 if self.next < self.items => {
                self.next += 1;
                Effect::Put(TASK_QUEUE, Some(i64::from(self.next)))
            }
            0 | 1 if self.next < self.items + self.workers => {
                (self.phase, self.next) = (1, self.next + 1);
                Effect::Put(TASK_QUEUE, None)
            }
            0 | 1 => {
                self.phase = 2;
                Effect::JoinQueue(TASK_QUEUE)
            }
            2 if self.hung => {
                cx.print(format!(
                    "task_queue.join() never returns: the {} poison pills were taken but never marked \
                     task_done(), so Python would wait here forever",
                    self.workers
                ));
                self.phase = 4;
                Effect::Python { bytecodes: 4, checkpoint: true }
            }
            2 if self.got < self.items => Effect::Get(RESULT_QUEUE),
            2 => {
                cx.print(format!("task_queue.join() returned: {} results, their sum is {}", self.got, self.sum));
                self.phase = 4;
                Effect::Python { bytecodes: 4, checkpoint: true }
            }
            _ => Effect::Finish,
        }
    }

    fn receive(&mut self, r: Received) {
        match r {
            Received::Item(Some(v)) => (self.sum, self.got) = (self.sum + v, self.got + 1),
            Received::Never => self.hung = true,
            _ => {}
        }
    }
}
