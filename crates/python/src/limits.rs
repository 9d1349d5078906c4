//! The documented caps that keep a runaway program from taking the host down with it.
//!
//! A program that passes them gets a Python exception (`MemoryError`, `RecursionError`) or has its
//! output cut with a note, never a crash of the host.

/// The most bytes a program may hold in containers and strings (approximately: list, dict and set
/// growth and every string built are counted) before `MemoryError`: 512 MiB.
pub const MAX_MEMORY: usize = 512 << 20;

/// Bytes held by strings and container storage right now, across the process (see `MAX_MEMORY`):
/// strings count their length from creation to drop, lists their capacity.
pub static ALLOCATED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

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
