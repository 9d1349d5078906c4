//! The interface between Python programs and the runtimes that run them: steps and their effects.
//!
//! A Python thread is a [`Step`] machine. Each call to [`Step::step`] does one small piece of real
//! work ("a few bytecodes": reading the shared counter, adding square roots, compressing a block)
//! and returns an [`Effect`] saying what happened or what the thread asks for next (sleep, take a
//! lock, wait for a future). Programs never block and never touch a lock themselves; the runtimes
//! do that: [`super::threads`] on real threads with a real GIL, [`super::sim`] on a virtual clock.
//! So the same program runs in both, and the GIL can be handed over between any two steps.

use super::report::Outcome;
use super::scenario::Call;

/// What one CPython 3.11 bytecode costs on the machine the model was calibrated on, in nanoseconds.
///
/// Measured with `tests/bench/faithfulness.py`: `compute(10_000_000)` takes about 750 ms at about
/// 11 bytecodes per number, and the counter loops run at 5–8 ns per bytecode. The real runtime
/// spends this much CPU work per bytecode (see [`Pace`]); the simulation advances its clock by it.
pub const BYTECODE_NS: f64 = 7.0;

/// How much real CPU work one bytecode costs the real runtime.
///
/// The engine's arithmetic is native code, a hundred times faster than CPython's interpreter. So
/// that a GIL switch interval holds as many bytecodes as in CPython (which decides how often the
/// counter loses updates) and a task lasts as long as the lesson says, each bytecode also does
/// `work` square roots of real work, which occupies a core exactly like interpreting would.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pace {
    pub work: u32,
}

impl Pace {
    /// Calibrated natively against CPython 3.11 on the development machine (see `faithfulness`).
    pub const CPYTHON: Pace = Pace { work: 4 };
    /// No interpreter overhead: only the program's own arithmetic (for quick tests).
    pub const NATIVE: Pace = Pace { work: 0 };

    /// Spends the CPU time of `bytecodes` bytecodes.
    pub fn pay(self, bytecodes: u32) {
        let n = u64::from(bytecodes) * u64::from(self.work);
        if n > 0 {
            std::hint::black_box(crate::compute::sum_sqrt(0..std::hint::black_box(n)));
        }
    }
}

/// What a step did, or what the thread needs next.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Ran `bytecodes` bytecodes; if `checkpoint`, the last one is where CPython checks its "eval
    /// breaker" (in 3.10+: function entry and backward jumps) and may hand the GIL over.
    Python {
        bytecodes: u32,
        checkpoint: bool,
    },
    /// Ran C code without the GIL (the step ran while [`Step::needs_gil`] was false); `ns` is its cost.
    C {
        ns: f64,
    },
    /// Blocks in I/O or `time.sleep` for `ms`, without the GIL.
    Io {
        ms: f64,
    },
    /// A process starting up, before its first task.
    Startup {
        ms: f64,
    },
    /// `lock.acquire()` / `lock.release()` on the lock numbered so in this process.
    Acquire(usize),
    Release(usize),
    /// `queue.put(item)`, where `None` is the poison pill.
    Put(usize, Option<i64>),
    /// `queue.get()`: the item arrives as [`Received::Item`].
    Get(usize),
    TaskDone(usize),
    /// `queue.join()`: waits until every item put was marked `task_done()`.
    JoinQueue(usize),
    /// `event.set()`.
    SetEvent(usize),
    /// `pool.submit(call)` for the call numbered so.
    Submit(u32),
    /// A pool worker waits for its next call: [`Received::Task`].
    NextTask,
    /// A pool worker finished a call.
    Complete(u32, Outcome),
    /// `future.result()`: [`Received::Outcome`].
    WaitFuture(u32),
    /// The next future `as_completed` yields: [`Received::Outcome`].
    WaitAny,
    /// Leaving the `with` block: `pool.shutdown(wait=True)`.
    Shutdown,
    /// `t.join()` for every non-daemon thread (and interpreter exit), giving up after `limit_ms`.
    JoinThreads {
        limit_ms: f64,
    },
    /// A submitted call returned or raised.
    Return(Outcome),
    /// `threads[k].start()`: launches thread `k` (1-based, the main thread is 0) and waits, without
    /// the GIL, until it runs, as `Thread.start` waits on its `_started` event.
    Start(usize),
    /// A thread not yet started waits here until the main thread starts it.
    AwaitStart,
    /// A new thread tells the one that started it that it runs (`self._started.set()`).
    Started,
    /// The thread's function returned.
    Finish,
}

/// What a call into `threading`, `queue` or the executor costs before it blocks or returns, in
/// bytecodes: the Python-level wrapper around the C-level lock.
pub const SYNC_BYTECODES: u32 = 10;

impl Effect {
    /// Whether this is a call on a synchronisation object (which costs [`SYNC_BYTECODES`]).
    pub fn is_sync(&self) -> bool {
        matches!(
            self,
            Effect::Acquire(_)
                | Effect::Release(_)
                | Effect::Put(..)
                | Effect::Get(_)
                | Effect::TaskDone(_)
                | Effect::JoinQueue(_)
                | Effect::SetEvent(_)
                | Effect::Submit(_)
                | Effect::WaitFuture(_)
                | Effect::WaitAny
        )
    }
}

/// What the runtime hands to the thread after a blocking effect, through [`Step::receive`].
#[derive(Debug, Clone, PartialEq)]
pub enum Received {
    Nothing,
    Item(Option<i64>),
    /// The next call for a pool worker, or `None` when the pool shuts down.
    Task(Option<(u32, Call)>),
    Outcome(u32, Outcome),
    /// A wait gave up: the thing waited for would never come (Python would hang forever).
    Never,
}

/// The Python world a step sees: module globals, events, and its inbox.
pub trait Cx {
    /// Reads the module-level global numbered `var` in this thread's process.
    fn load(&self, var: usize) -> i64;
    fn store(&mut self, var: usize, value: i64);
    /// `event.is_set()`.
    fn is_set(&self, event: usize) -> bool;
    /// `print(line)`.
    fn print(&mut self, line: String);
}

/// A Python thread's code.
pub trait Step: Send {
    /// Whether the next step runs Python bytecode (and so needs the GIL) or C code without it.
    fn needs_gil(&self) -> bool {
        true
    }
    fn step(&mut self, cx: &mut dyn Cx) -> Effect;
    /// What a blocking effect delivered, handed over before the next step (and its `needs_gil`).
    fn receive(&mut self, _: Received) {}
}
