//! How the simulation carries out one step of one thread, and what happens when nobody can move.

use super::{bytecode_ms, Sim, SimCx, Status, Wait};
use crate::python::program::{Effect, Received, SYNC_BYTECODES};
use crate::python::scenario::Model;
use crate::python::trace::SpanKind;
use crate::python::world::through_pickle;

impl Sim {
    /// Moves thread `i` on: wakes it from a timed wait, or runs its next step.
    pub(super) fn advance(&mut self, i: usize) {
        let t = &mut self.threads[i];
        match t.status {
            Status::Blocked(Wait::Until(until)) => {
                t.at = until;
                return self.wake(i, until, Received::Nothing);
            }
            Status::Blocked(Wait::Join) => {
                let until = std::mem::replace(&mut t.join_until, f64::INFINITY);
                return self.wake(i, until, Received::Never);
            }
            Status::Ready => {}
            Status::Blocked(_) | Status::Done => return,
        }
        let needs = t.code.needs_gil();
        let at = t.at;
        if self.has_gil() {
            if needs && !self.threads[i].holding && !self.take(i) {
                return;
            }
            if !needs {
                self.release(i, at);
            }
        }
        if needs {
            self.enter(i, SpanKind::Run, at);
        }
        let t = &mut self.threads[i];
        let mut cx = SimCx { space: &mut self.spaces[t.process], printed: Vec::new() };
        let effect = t.code.step(&mut cx);
        for line in cx.printed {
            self.print(line);
        }
        self.apply(i, effect);
    }

    fn block(&mut self, i: usize, kind: SpanKind, wait: Wait) {
        let at = self.threads[i].at;
        self.release(i, at);
        self.enter(i, kind, at);
        self.threads[i].status = Status::Blocked(wait);
    }

    fn apply(&mut self, i: usize, effect: Effect) {
        if effect.is_sync() {
            self.on_core(i, bytecode_ms(SYNC_BYTECODES));
        }
        let at = self.threads[i].at;
        let p = self.threads[i].process;
        match effect {
            Effect::Python { bytecodes, checkpoint } => {
                self.on_core(i, bytecode_ms(bytecodes));
                let at = self.threads[i].at;
                let gil = &self.gils[p];
                if checkpoint && self.threads[i].holding && gil.request_at <= at && !gil.waiters.is_empty() {
                    // Forced switching: let go, and queue up behind the threads that asked.
                    self.release(i, at);
                    self.take(i);
                }
            }
            Effect::C { ns } => {
                self.enter(i, SpanKind::C, at);
                self.on_core(i, ns / 1e6);
            }
            Effect::Io { ms } => self.block(i, SpanKind::Io, Wait::Until(at + ms)),
            Effect::Startup { ms } => self.block(i, SpanKind::Startup, Wait::Until(at + ms)),
            Effect::Acquire(l) if !self.spaces[p].lock_held[l] => self.spaces[p].lock_held[l] = true,
            Effect::Acquire(l) => {
                self.spaces[p].lock_waiters[l].push_back(i);
                self.block(i, SpanKind::LockWait, Wait::Lock(l));
            }
            // The lock passes straight to the first waiter, still held.
            Effect::Release(l) => match self.spaces[p].lock_waiters[l].pop_front() {
                Some(w) => self.wake(w, at, Received::Nothing),
                None => self.spaces[p].lock_held[l] = false,
            },
            Effect::Put(q, item) => {
                self.spaces[p].unfinished[q] += 1;
                match self.spaces[p].getters[q].pop_front() {
                    Some(w) => self.wake(w, at, Received::Item(item)),
                    None => self.spaces[p].items[q].push_back(item),
                }
            }
            Effect::Get(q) => match self.spaces[p].items[q].pop_front() {
                Some(item) => self.threads[i].code.receive(Received::Item(item)),
                None => {
                    self.spaces[p].getters[q].push_back(i);
                    self.block(i, SpanKind::QueueWait, Wait::Get(q));
                }
            },
            Effect::TaskDone(q) => {
                let left = &mut self.spaces[p].unfinished[q];
                *left = left.saturating_sub(1);
                if *left == 0 {
                    self.wake_all(
                        |t| t.process == p && t.status == Status::Blocked(Wait::JoinQueue(q)),
                        at,
                        || Received::Nothing,
                    );
                }
            }
            Effect::JoinQueue(q) if self.spaces[p].unfinished[q] == 0 => {
                self.threads[i].code.receive(Received::Nothing)
            }
            Effect::JoinQueue(q) => self.block(i, SpanKind::QueueWait, Wait::JoinQueue(q)),
            Effect::SetEvent(e) => self.spaces[p].event[e] = true,
            Effect::Submit(id) => match self.idle.pop_front() {
                Some(w) => self.hand_task(w, id, at),
                None => self.pending.push_back(id),
            },
            Effect::NextTask => match self.pending.pop_front() {
                Some(id) => self.hand_task(i, id, at),
                None if self.shutdown => self.threads[i].code.receive(Received::Task(None)),
                None => {
                    self.idle.push_back(i);
                    self.block(i, SpanKind::QueueWait, Wait::NextTask);
                }
            },
            Effect::Complete(id, outcome) => {
                let outcome = if self.model == Model::Processes { through_pickle(&outcome) } else { outcome };
                let task = &mut self.tasks[id as usize];
                (task.outcome, task.finished_ms) = (Some(outcome), Some(at));
                self.completed.push(id);
                self.threads[i].task = None;
                self.deliver_futures(at);
            }
            Effect::WaitFuture(id) => {
                self.block(i, SpanKind::Join, Wait::Future(id));
                self.deliver_futures(at);
            }
            Effect::WaitAny => {
                self.block(i, SpanKind::Join, Wait::Any);
                self.deliver_futures(at);
            }
            Effect::Shutdown => {
                self.shutdown = true;
                while let Some(w) = self.idle.pop_front() {
                    self.wake(w, at, Received::Task(None));
                }
                self.join(i, f64::INFINITY);
            }
            Effect::JoinThreads { limit_ms } => self.join(i, limit_ms),
            Effect::Start(k) => {
                self.block(i, SpanKind::Join, Wait::Started(k));
                if self.threads[k].status == Status::Blocked(Wait::Launch) {
                    self.wake(k, at, Received::Nothing);
                } else {
                    self.threads[k].launched = true;
                }
            }
            Effect::AwaitStart if self.threads[i].launched => self.threads[i].code.receive(Received::Nothing),
            Effect::AwaitStart => self.threads[i].status = Status::Blocked(Wait::Launch),
            Effect::Started => {
                if self.threads[0].status == Status::Blocked(Wait::Started(i)) {
                    self.wake(0, at, Received::Nothing);
                }
            }
            Effect::Return(_) | Effect::Finish => self.finish(i),
        }
    }

    fn hand_task(&mut self, w: usize, id: u32, at: f64) {
        let call = self.calls[id as usize].clone();
        // A process gets its arguments pickled: a copy, never the parent's object.
        let call = if self.model == Model::Processes { through_pickle(&call) } else { call };
        let task = &mut self.tasks[id as usize];
        (task.worker, task.started_ms) = (Some(w as u32), Some(at.max(self.threads[w].at)));
        self.threads[w].task = Some(id);
        self.wake(w, at, Received::Task(Some((id, call))));
    }

    /// Hands finished futures to a main thread blocked in `result()` or `as_completed`.
    fn deliver_futures(&mut self, at: f64) {
        let id = match self.threads[0].status {
            Status::Blocked(Wait::Future(id)) if self.tasks[id as usize].outcome.is_some() => id,
            Status::Blocked(Wait::Any) if self.completed.len() > self.yielded => {
                self.yielded += 1;
                self.completed[self.yielded - 1]
            }
            _ => return,
        };
        self.collected.push(id);
        let outcome = self.tasks[id as usize].outcome.clone().expect("delivered only when done");
        self.wake(0, at, Received::Outcome(id, outcome));
    }

    fn non_daemon_alive(&self) -> bool {
        self.threads[1..].iter().any(|t| !t.daemon && t.status != Status::Done)
    }

    fn join(&mut self, i: usize, limit_ms: f64) {
        if !self.non_daemon_alive() {
            return self.threads[i].code.receive(Received::Nothing);
        }
        self.threads[i].join_until = self.threads[i].at + limit_ms;
        self.block(i, SpanKind::Join, Wait::Join);
    }

    fn finish(&mut self, i: usize) {
        let at = self.threads[i].at;
        self.release(i, at);
        self.threads[i].rec.close(at);
        self.threads[i].status = Status::Done;
        if i == 0 {
            // The interpreter exits: every other thread (daemon, or one Python would wait for) stops.
            for t in &mut self.threads[1..] {
                if t.status != Status::Done {
                    t.rec.close(at.max(t.at.min(at)));
                    t.status = Status::Done;
                }
            }
        } else if !self.non_daemon_alive() && self.threads[0].status == Status::Blocked(Wait::Join) {
            self.threads[0].join_until = f64::INFINITY;
            self.wake(0, at, Received::Nothing);
        }
    }

    fn wake_all(&mut self, which: impl Fn(&super::Thread) -> bool, at: f64, r: impl Fn() -> Received) {
        for w in 0..self.threads.len() {
            if which(&self.threads[w]) {
                self.wake(w, at, r());
            }
        }
    }

    /// Nobody can move: the main thread waits for something that will never come. Python would
    /// hang here; the simulation tells the main thread so, at the time the last thing happened.
    pub(super) fn deadlock(&mut self) {
        let at = self.threads.iter().map(|t| t.at).fold(0.0, f64::max);
        self.threads[0].join_until = f64::INFINITY;
        self.wake(0, at, Received::Never);
    }
}
