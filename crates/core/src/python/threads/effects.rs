//! How a real thread carries out the effects that touch other threads: locks, queues, futures, joins.

use std::sync::atomic::Ordering;
use std::time::Duration;

use super::{Halt, PyThread};
use crate::python::program::{Effect, Received};
use crate::python::scenario::Model;
use crate::python::trace::SpanKind;
use crate::python::world::{lock, through_pickle};

impl PyThread<'_> {
    /// Carries out `effect`; `Some` is what the thread receives after a blocking one.
    pub(super) fn effect(&mut self, effect: Effect) -> Result<Option<Received>, Halt> {
        let (world, space) = (self.world, self.space);
        let pool = &world.pool;
        let pickled = world.model == Model::Processes;
        let received = match effect {
            Effect::Acquire(l) => {
                let lk = &space.locks[l];
                if !std::mem::replace(&mut *lock(&lk.locked), true) {
                    return Ok(None);
                }
                // Blocking in `acquire()` releases the GIL, as CPython's lock does.
                self.block(SpanKind::LockWait);
                self.wait(&lk.locked, &lk.cv, |g| (!**g).then(|| **g = true), || false)?;
                Received::Nothing
            }
            Effect::Release(l) => {
                *lock(&space.locks[l].locked) = false;
                space.locks[l].cv.notify_one();
                return Ok(None);
            }
            Effect::Put(q, item) => {
                let mut g = lock(&space.queues[q].state);
                g.items.push_back(item);
                g.unfinished += 1;
                drop(g);
                space.queues[q].cv.notify_all();
                return Ok(None);
            }
            Effect::Get(q) => {
                let queue = &space.queues[q];
                if let Some(item) = lock(&queue.state).items.pop_front() {
                    return Ok(Some(Received::Item(item)));
                }
                self.block(SpanKind::QueueWait);
                let item = self.wait(&queue.state, &queue.cv, |g| g.items.pop_front(), || false)?;
                item.map_or(Received::Never, Received::Item)
            }
            Effect::TaskDone(q) => {
                let mut g = lock(&space.queues[q].state);
                g.unfinished = g.unfinished.saturating_sub(1);
                drop(g);
                space.queues[q].cv.notify_all();
                return Ok(None);
            }
            Effect::JoinQueue(q) => {
                let queue = &space.queues[q];
                self.block(SpanKind::QueueWait);
                // Once every worker has exited, nobody is left to call `task_done()`: Python hangs.
                let nobody_left = || world.alive.load(Ordering::Acquire) == 0;
                let done = self.wait(&queue.state, &queue.cv, |g| (g.unfinished == 0).then_some(()), nobody_left)?;
                done.map_or(Received::Never, |()| Received::Nothing)
            }
            Effect::SetEvent(e) => {
                space.events[e].store(true, Ordering::Release);
                return Ok(None);
            }
            Effect::Submit(id) => {
                lock(&pool.state).pending.push_back(id);
                pool.cv.notify_all();
                return Ok(None);
            }
            Effect::NextTask => {
                self.block(SpanKind::QueueWait);
                let (me, clock) = (self.me as u32, world.opts.clock);
                let got = self.wait(
                    &pool.state,
                    &pool.cv,
                    |p| match p.pending.pop_front() {
                        Some(id) => {
                            let t = &mut p.tasks[id as usize];
                            (t.worker, t.started_ms) = (Some(me), Some(clock()));
                            Some(Some((id, p.calls[id as usize].clone())))
                        }
                        None => p.shutdown.then_some(None),
                    },
                    || false,
                )?;
                // A process gets its arguments pickled: a copy, never the parent's object.
                let got = got.flatten().map(|(id, call)| (id, if pickled { through_pickle(&call) } else { call }));
                self.task = got.as_ref().map(|(id, _)| *id);
                Received::Task(got)
            }
            Effect::Complete(id, outcome) => {
                let outcome = if pickled { through_pickle(&outcome) } else { outcome };
                let now = self.now();
                let mut p = lock(&pool.state);
                let t = &mut p.tasks[id as usize];
                (t.outcome, t.finished_ms) = (Some(outcome), Some(now));
                p.completed.push(id);
                drop(p);
                pool.cv.notify_all();
                self.task = None;
                return Ok(None);
            }
            Effect::WaitFuture(id) => {
                self.block(SpanKind::Join);
                let ready = |p: &mut std::sync::MutexGuard<'_, crate::python::world::PoolState>| {
                    let o = p.tasks[id as usize].outcome.clone()?;
                    p.collected.push(id);
                    Some(Received::Outcome(id, o))
                };
                self.wait(&pool.state, &pool.cv, ready, || false)?.unwrap_or(Received::Never)
            }
            Effect::WaitAny => {
                self.block(SpanKind::Join);
                let ready = |p: &mut std::sync::MutexGuard<'_, crate::python::world::PoolState>| {
                    let id = *p.completed.get(p.yielded)?;
                    p.yielded += 1;
                    p.collected.push(id);
                    Some(Received::Outcome(id, p.tasks[id as usize].outcome.clone()?))
                };
                self.wait(&pool.state, &pool.cv, ready, || false)?.unwrap_or(Received::Never)
            }
            Effect::Shutdown => {
                lock(&pool.state).shutdown = true;
                pool.cv.notify_all();
                self.block(SpanKind::Join);
                self.join_threads(f64::INFINITY)?;
                Received::Nothing
            }
            Effect::Start(k) => {
                lock(&world.starts)[k] = 1;
                world.started.notify_all();
                self.block(SpanKind::Join);
                self.wait(&world.starts, &world.started, |s| (s[k] == 2).then_some(()), || false)?;
                Received::Nothing
            }
            Effect::AwaitStart => {
                let me = self.me;
                self.wait(&world.starts, &world.started, |s| (s[me] >= 1).then_some(()), || false)?;
                Received::Nothing
            }
            Effect::Started => {
                lock(&world.starts)[self.me] = 2;
                world.started.notify_all();
                return Ok(None);
            }
            Effect::JoinThreads { limit_ms } => {
                self.block(SpanKind::Join);
                if self.join_threads(limit_ms)? {
                    Received::Nothing
                } else {
                    Received::Never
                }
            }
            Effect::C { .. }
            | Effect::Python { .. }
            | Effect::Io { .. }
            | Effect::Startup { .. }
            | Effect::Return(_)
            | Effect::Finish => return Ok(None),
        };
        Ok(Some(received))
    }

    /// Waits for every non-daemon thread; `false` if `limit_ms` passed first.
    fn join_threads(&self, limit_ms: f64) -> Result<bool, Halt> {
        let until = self.now() + limit_ms;
        loop {
            if self.world.non_daemon.load(Ordering::Acquire) == 0 {
                return Ok(true);
            }
            self.halted()?;
            if self.now() >= until {
                return Ok(false);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}
