//! The smallest embedding of the interpreter, built for wasm32 to measure what it weighs:
//! `run(source_ptr, source_len, simulate)` with the clock and the output imported from the host.
//! `cargo xtask pybench` builds it (threads and single builds) and prints its gzip size.

use std::sync::Arc;

use playground_python::{runtime, Config, Host, StopHandle};

/// Counts the heap, so that a runaway program gets `MemoryError` at the documented cap.
#[global_allocator]
static ALLOC: playground_python::limits::CountingAlloc = playground_python::limits::CountingAlloc;

#[cfg(target_arch = "wasm32")]
mod imports {
    #[link(wasm_import_module = "env")]
    extern "C" {
        pub fn host_now() -> f64;
        pub fn host_write(fd: u32, ptr: *const u8, len: usize);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imports {
    /// Natively (so `cargo test` can build the example) the imports are plain functions.
    pub unsafe fn host_now() -> f64 {
        0.0
    }
    pub unsafe fn host_write(fd: u32, ptr: *const u8, len: usize) {
        let s = unsafe { std::slice::from_raw_parts(ptr, len) };
        if fd == 1 {
            print!("{}", String::from_utf8_lossy(s));
        } else {
            eprint!("{}", String::from_utf8_lossy(s));
        }
    }
}

struct EmbedHost;

impl Host for EmbedHost {
    fn now(&self) -> f64 {
        unsafe { imports::host_now() }
    }
    fn wall(&self) -> f64 {
        self.now()
    }
    fn spawn(&self, _f: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        // A real embedding spawns on its thread pool; this one measures size only.
        Err("this embedding starts no threads".into())
    }
    fn stdout(&self, s: &str) {
        unsafe { imports::host_write(1, s.as_ptr(), s.len()) }
    }
    fn stderr(&self, s: &str) {
        unsafe { imports::host_write(2, s.as_ptr(), s.len()) }
    }
}

/// Memory for the host to write the source into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// Runs a program; returns its exit code.
///
/// # Safety
/// `ptr..ptr + len` must be a UTF-8 buffer the host wrote (see `alloc`).
#[no_mangle]
pub unsafe extern "C" fn run(ptr: *const u8, len: usize, simulate: u32) -> i32 {
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let source = String::from_utf8_lossy(bytes);
    let config = Config { simulate: simulate != 0, ..Config::default() };
    runtime::run_source(&source, "main.py", config, Arc::new(EmbedHost), &StopHandle::new()).exit_code
}
