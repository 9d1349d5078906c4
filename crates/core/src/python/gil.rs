//! CPython's global interpreter lock, the "new GIL" of 3.2+ (`Python/ceval_gil.c`), on real threads.
//!
//! A thread that finds the GIL taken waits on a condition variable for the switch interval. If the
//! GIL has not changed hands meanwhile, it sets the drop request (CPython's `gil_drop_request`,
//! part of the "eval breaker"). The holder sees it at its next checkpoint, drops the GIL, and then
//! waits until another thread has taken it ("forced switching"), so it cannot grab it straight
//! back. Which waiter wins is up to the operating system, as in CPython.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::compute::{Cancelled, Clock};

/// The most a wait sleeps before looking at the stop flag again, so a stopped run stops promptly.
pub const POLL: Duration = Duration::from_millis(10);

pub struct Gil {
    state: Mutex<State>,
    /// Waiters for the GIL (CPython's `gil->cond`).
    cond: Condvar,
    /// A thread that dropped the GIL on request, waiting until someone took it (`gil->switch_cond`).
    switched: Condvar,
    drop_request: AtomicBool,
    interval: Duration,
    clock: Clock,
}

struct State {
    locked: bool,
    holder: usize,
    /// How many times the GIL changed hands.
    switches: u64,
    waiting: usize,
}

impl Gil {
    pub fn new(switch_interval_ms: u32, clock: Clock) -> Self {
        Self {
            state: Mutex::new(State { locked: false, holder: usize::MAX, switches: 0, waiting: 0 }),
            cond: Condvar::new(),
            switched: Condvar::new(),
            drop_request: AtomicBool::new(false),
            interval: Duration::from_millis(switch_interval_ms.into()),
            clock,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in another Python thread must not wedge this one: the state stays meaningful.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the GIL for thread `me`; returns the time it was taken, read while holding the lock so
    /// that no two threads' holding spans can overlap on the trace.
    pub fn take(&self, me: usize, stop: &AtomicBool) -> Result<f64, Cancelled> {
        let mut s = self.lock();
        s.waiting += 1;
        while s.locked {
            let seen = s.switches;
            let (guard, timeout) = self.cond.wait_timeout(s, self.interval).unwrap_or_else(|e| e.into_inner());
            s = guard;
            if timeout.timed_out() && s.locked && s.switches == seen {
                // A whole interval without a switch: ask the holder to let go.
                self.drop_request.store(true, Ordering::Release);
            }
            if stop.load(Ordering::Relaxed) {
                s.waiting -= 1;
                return Err(Cancelled);
            }
        }
        s.waiting -= 1;
        s.locked = true;
        if s.holder != me {
            s.holder = me;
            s.switches += 1;
        }
        self.drop_request.store(false, Ordering::Release);
        self.switched.notify_all();
        Ok((self.clock)())
    }

    /// Drops the GIL; returns the time it was dropped.
    pub fn drop_gil(&self) -> f64 {
        let mut s = self.lock();
        let now = (self.clock)();
        s.locked = false;
        drop(s);
        self.cond.notify_one();
        now
    }

    /// Whether another thread asked for the GIL: checked at every eval-breaker checkpoint.
    pub fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Acquire)
    }

    /// Drops the GIL on request, then waits until another thread has taken it (forced switching).
    pub fn yield_to_waiter(&self, me: usize, stop: &AtomicBool) -> f64 {
        let mut s = self.lock();
        let now = (self.clock)();
        s.locked = false;
        self.cond.notify_one();
        while !s.locked && s.holder == me && s.waiting > 0 && !stop.load(Ordering::Relaxed) {
            s = self.switched.wait_timeout(s, POLL).unwrap_or_else(|e| e.into_inner()).0;
        }
        now
    }

    pub fn switches(&self) -> u64 {
        self.lock().switches
    }
}
