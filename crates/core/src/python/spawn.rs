//! How a run gets its real threads: one per Python thread, all alive at once.
//!
//! Python threads block (waiting for the GIL, in `time.sleep`, on a lock), so every one of them
//! needs a thread of its own for the whole run: a pool that ran two of them on one thread would
//! deadlock as soon as one waited for the other. [`Spawn`] is that promise, kept apart from the
//! runtime so the core needs no particular thread pool.
//!
//! - Natively (`cargo test`, the benchmark), [`StdThreads`] starts scoped `std::thread`s.
//! - In the browser the engine implements it on its wasm-bindgen-rayon pool, whose size is
//!   [`crate::protocol::pool_size`]; called from a job already running on that pool, with
//!   `n + 1 <= pool threads`:
//!
//!   ```ignore
//!   impl Spawn for PoolThreads {
//!       fn run_all(&self, n: usize, body: &(dyn Fn(usize) + Sync)) {
//!           rayon::scope(|s| {
//!               for i in 1..n {
//!                   s.spawn(move |_| body(i));
//!               }
//!               body(0); // The calling pool thread is Python's main thread.
//!           });
//!       }
//!   }
//!   ```
//!
//!   Every idle pool thread steals one spawned job, and a thread that blocks inside a job keeps it,
//!   so `n` bodies need `n` idle threads: the run is validated against the pool size
//!   ([`super::Scenario::validate`]'s `max_threads`) before it starts, and only one run uses the
//!   pool at a time. `std::thread::sleep`, `Mutex` and `Condvar` (with `wait_timeout`) all work on
//!   wasm32 with atomics, off the browser's main thread.

/// Runs `body(0)`, …, `body(n - 1)` each on its own thread, all at the same time; returns when all did.
pub trait Spawn: Sync {
    fn run_all(&self, n: usize, body: &(dyn Fn(usize) + Sync));
}

/// Scoped `std::thread`s: body 0 on the calling thread, the others on new threads.
#[derive(Debug, Clone, Copy, Default)]
pub struct StdThreads;

impl Spawn for StdThreads {
    fn run_all(&self, n: usize, body: &(dyn Fn(usize) + Sync)) {
        std::thread::scope(|s| {
            for i in 1..n {
                s.spawn(move || body(i));
            }
            if n > 0 {
                body(0);
            }
        });
    }
}
