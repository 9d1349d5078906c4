//! The documented caps that keep a runaway program from taking the host down with it.
//!
//! A program that passes them gets a Python exception (`MemoryError`, `RecursionError`) or has its
//! output cut with a note, never a crash of the host.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

/// The most heap a program may hold (everything it allocates: strings, containers, instances,
/// frames, the interpreter's own state) before `MemoryError`: 512 MiB.
pub const MAX_MEMORY: usize = 512 << 20;

/// Bytes on the heap, as `CountingAlloc` saw them: every thread adds what it allocates and takes
/// away what it frees, in batches of `FLUSH` (so the figure is off by at most that much per thread).
static HEAP: AtomicIsize = AtomicIsize::new(0);

/// Set when a batch takes the heap past `MAX_MEMORY`: the next eval-breaker check of any thread
/// takes it and raises `MemoryError` (`take_over_cap`). A program that catches it and holds its
/// memory is left alone (its `except` block may print); one that keeps growing gets another
/// `MemoryError` every `REARM` bytes.
static OVER_CAP: AtomicBool = AtomicBool::new(false);

/// The heap's size when `MemoryError` was last raised (0 once it is back under the cap).
static RAISED_AT: AtomicIsize = AtomicIsize::new(0);

/// How much further a program must grow past the last `MemoryError` to get another.
const REARM: isize = 4 << 20;

/// How much a thread allocates (or frees) before it adds it to `HEAP`: counting every allocation
/// in one shared atomic would bounce its cache line between cores on every string and tuple.
const FLUSH: usize = 64 << 10;

thread_local! {
    static PENDING: Cell<isize> = const { Cell::new(0) };
}

/// The global allocator every embedding of the interpreter installs (`#[global_allocator]`): the
/// system's, counting what is live so that a program allocating without end gets `MemoryError` at
/// `MAX_MEMORY` instead of taking the host down (a dict or a list of instances growing in a loop
/// aborted the process before). Without it the cap holds only for single large operations.
pub struct CountingAlloc;

fn note(delta: isize) {
    let flush = |v: isize| {
        let now = HEAP.fetch_add(v, Ordering::Relaxed) + v;
        if now <= MAX_MEMORY as isize {
            if v < 0 && RAISED_AT.load(Ordering::Relaxed) != 0 {
                RAISED_AT.store(0, Ordering::Relaxed);
            }
        } else if v > 0 && now > RAISED_AT.load(Ordering::Relaxed) + REARM {
            OVER_CAP.store(true, Ordering::Relaxed);
        }
    };
    let batched = PENDING.try_with(|p| {
        let v = p.get() + delta;
        if v.unsigned_abs() >= FLUSH {
            p.set(0);
            flush(v);
        } else {
            p.set(v);
        }
    });
    // A thread whose locals are gone (it is ending) counts directly.
    if batched.is_err() {
        flush(delta);
    }
}

// SAFETY: every call is passed to the system allocator unchanged; counting allocates nothing.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            note(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            note(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        note(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            note(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// The heap's size now, as far as `CountingAlloc` knows (0 where it is not installed).
pub fn heap_bytes() -> usize {
    HEAP.load(Ordering::Relaxed).max(0) as usize
}

/// Whether the heap went past the cap since the last call (see `OVER_CAP`); checked with the
/// eval breaker.
#[inline(always)]
pub fn over_cap() -> bool {
    OVER_CAP.load(Ordering::Relaxed)
}

/// Whether allocating `bytes` more would go past the cap: checked before one operation makes a
/// large allocation (`"x" * n`, a list's growth). Right after a `MemoryError` (the program caught
/// it and holds its memory) small allocations still pass, as they do for `OVER_CAP`.
pub fn would_exceed(bytes: usize) -> bool {
    let now = heap_bytes().saturating_add(bytes) as isize;
    now > MAX_MEMORY as isize && now > RAISED_AT.load(Ordering::Relaxed) + REARM
}

/// Takes the "past the cap" mark: true for the one thread that should raise `MemoryError`.
pub fn take_over_cap() -> bool {
    let taken = OVER_CAP.swap(false, Ordering::Relaxed);
    if taken {
        memory_error_raised();
    }
    taken
}

/// A `MemoryError` is being raised (by either check): the next one waits for `REARM` more bytes.
pub fn memory_error_raised() {
    OVER_CAP.store(false, Ordering::Relaxed);
    RAISED_AT.store(HEAP.load(Ordering::Relaxed), Ordering::Relaxed);
}

/// The longest sequence one operation may build (`"x" * n`, `[0] * n`): 64 Mi items or bytes.
pub const MAX_SEQUENCE: usize = 64 << 20;

/// The largest int a multiplication, power or shift may produce, in bits (about 600,000 digits).
pub const MAX_INT_BITS: u64 = 2_000_000;

/// The most stdout a program may print; what follows is cut and a note says so: 8 MiB.
pub const MAX_OUTPUT: usize = 8 << 20;

/// CPython's default recursion limit (`sys.getrecursionlimit()`).
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// The most Python threads alive at once; one more gives `RuntimeError: can't start new thread`.
pub const MAX_THREADS: usize = 64;

/// What a blocking call says when native code called it from inside a nested run in
/// `--simulate` (a `key=` function, a dunder method): such runs cannot be suspended.
pub const NESTED_BLOCK: &str = "a blocking call inside a callback of a builtin (a key= function, a dunder method) cannot wait in --simulate; call it from plain Python code instead";
