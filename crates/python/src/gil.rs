//! CPython's "new GIL" (3.2+, `Python/ceval_gil.c`) on real threads.
//!
//! A thread that finds the GIL taken waits on a condition variable for the switch interval; if the
//! GIL did not change hands meanwhile, it sets the drop request (part of the eval breaker). The
//! holder sees it at its next check (a call or a loop back-edge), drops the GIL, and waits until
//! another thread has taken it ("forced switching"), so it cannot take it straight back.
//!
//! For the trace, the GIL remembers how its last holder let go (forced or to block) and when, and
//! `take` tells the new holder whom it took the GIL from.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use crate::interp::{Interp, BREAK_GIL};
use crate::value::lock;

/// The most a wait sleeps before looking at the stop flag again.
pub const POLL: Duration = Duration::from_millis(10);

#[derive(Default)]
struct State {
    locked: bool,
    holder: u64,
    switches: u64,
    waiting: usize,
    /// How and when (trace milliseconds) the holder last dropped the GIL.
    dropped_forced: bool,
    dropped_ms: f64,
}

/// The GIL changed hands: the thread that took it had it from `from`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Switch {
    pub from: u64,
    pub forced: bool,
    pub dropped_ms: f64,
}

/// The interpreter was stopped while a thread waited for the GIL.
#[derive(Debug)]
pub struct Stopped;

#[derive(Default)]
pub struct Gil {
    state: Mutex<State>,
    cond: Condvar,
    switched: Condvar,
    drop_request: AtomicBool,
}

impl Gil {
    /// Takes the GIL for thread `me`, asking the holder to let go after each switch interval
    /// without a switch. Says whom it took the GIL from, if another thread had it last.
    pub fn take(&self, me: u64, interp: &Interp) -> Result<Option<Switch>, Stopped> {
        let mut s = lock(&self.state);
        s.waiting += 1;
        let mut waited = Duration::ZERO;
        let mut seen = s.switches;
        while s.locked {
            let interval = interp.switch_interval();
            let slice = interval.saturating_sub(waited).clamp(Duration::from_micros(50), POLL);
            let (g, timeout) = self.cond.wait_timeout(s, slice).unwrap_or_else(|e| e.into_inner());
            s = g;
            if interp.stopped() {
                s.waiting -= 1;
                return Err(Stopped);
            }
            if s.switches != seen {
                seen = s.switches;
                waited = Duration::ZERO;
                continue;
            }
            if timeout.timed_out() {
                waited += slice;
                if waited >= interval && s.locked {
                    // A whole interval without a switch: ask the holder to let go.
                    self.drop_request.store(true, Ordering::Release);
                    interp.breaker.fetch_or(BREAK_GIL, Ordering::Release);
                }
            }
        }
        s.waiting -= 1;
        s.locked = true;
        let mut switch = None;
        if s.holder != me {
            if s.holder != 0 {
                switch = Some(Switch { from: s.holder, forced: s.dropped_forced, dropped_ms: s.dropped_ms });
            }
            s.holder = me;
            s.switches += 1;
        }
        self.drop_request.store(false, Ordering::Release);
        interp.breaker.fetch_and(!BREAK_GIL, Ordering::Release);
        drop(s);
        self.switched.notify_all();
        Ok(switch)
    }

    /// Drops the GIL to block, sleep or end; `at_ms` is when, on the trace's clock.
    pub fn release(&self, at_ms: f64) {
        let mut s = lock(&self.state);
        s.locked = false;
        s.dropped_forced = false;
        s.dropped_ms = at_ms;
        drop(s);
        self.cond.notify_one();
    }

    pub fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Acquire)
    }

    /// Drops the GIL on request (at `at_ms`), waits until another thread has taken it, then takes
    /// it back.
    pub fn yield_to_waiter(&self, me: u64, interp: &Interp, at_ms: f64) -> Result<Option<Switch>, Stopped> {
        let mut s = lock(&self.state);
        s.locked = false;
        s.dropped_forced = true;
        s.dropped_ms = at_ms;
        self.cond.notify_one();
        while !s.locked && s.holder == me && s.waiting > 0 && !interp.stopped() {
            s = self.switched.wait_timeout(s, POLL).unwrap_or_else(|e| e.into_inner()).0;
        }
        drop(s);
        self.take(me, interp)
    }

    pub fn switches(&self) -> u64 {
        lock(&self.state).switches
    }
}
