//! Recording for `--simulate`: the scheduler alone knows when, on the virtual clock, each thread
//! ran, waited for the GIL or blocked, so it tells the threads' recorders at each round.

use super::{Handover, State};
use crate::vm::Vm;

/// How a thread's slice ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SliceEnd {
    /// Its budget ran out (the switch interval, with the GIL): a forced switch.
    Preempted,
    /// It blocked (the state is in its recorder's `wait`): it dropped the GIL itself.
    Blocked,
    Done,
}

/// The scheduler's side of the trace.
#[derive(Debug, Default)]
pub struct SimTracer {
    gil: bool,
    /// Per process: the thread that held its GIL last, when it let go, and whether it was made to.
    holders: Vec<(u32, u64, f64, bool)>,
}

impl SimTracer {
    pub fn new(gil: bool) -> SimTracer {
        SimTracer { gil, holders: Vec::new() }
    }

    /// A round starts at `now_ms`. `runs`: the thread runs in it; `ready`: it could run;
    /// `running`: the processes of the threads that run in it.
    pub fn round(&mut self, vm: &mut Vm, runs: bool, ready: bool, running: &[u32], now_ms: f64) {
        let pid = vm.interp.pid;
        let Some(rec) = &mut vm.rec else { return };
        if runs {
            if self.gil {
                match self.holders.iter_mut().find(|h| h.0 == pid) {
                    Some(h) if h.1 != vm.ident => {
                        rec.handover(Handover { at_ms: now_ms, dropped_ms: h.2, from: h.1, forced: h.3 });
                        h.1 = vm.ident;
                    }
                    Some(_) => {}
                    None => self.holders.push((pid, vm.ident, now_ms, false)),
                }
            }
            rec.enter(State::Run, now_ms);
        } else if ready {
            // Waiting for its process's GIL, which another of its threads holds; or, with more
            // runnable threads than cores, for a core: the operating system's business, not
            // Python's, and drawn as running as it is on real threads.
            let state = if self.gil && running.contains(&pid) { State::GilWait } else { State::Run };
            rec.enter(state, now_ms);
        }
    }

    /// The thread's slice in the round ended at `at_ms`, as `how` says.
    pub fn slice_end(&mut self, vm: &mut Vm, how: SliceEnd, at_ms: f64) {
        let pid = vm.interp.pid;
        let ident = vm.ident;
        let Some(rec) = &mut vm.rec else { return };
        match how {
            SliceEnd::Blocked => rec.enter(rec.wait, at_ms),
            SliceEnd::Done => rec.finish(at_ms),
            SliceEnd::Preempted => {}
        }
        if let Some(h) = self.holders.iter_mut().find(|h| h.0 == pid && h.1 == ident) {
            h.2 = at_ms;
            h.3 = how == SliceEnd::Preempted;
        }
    }
}
