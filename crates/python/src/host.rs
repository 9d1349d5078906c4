//! Hosts for native runs: real time, real threads and the process's stdout and stderr
//! (`StdHost`), or the same with output captured in memory (`CaptureHost`, for tests).

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::Write;
    use std::sync::Mutex;
    use std::time::{Instant, SystemTime, UNIX_EPOCH};

    use crate::interp::Host;

    pub struct StdHost {
        start: Instant,
        /// The directory of the main file, where `import helper` finds `helper.py`.
        pub dir: Option<std::path::PathBuf>,
    }

    impl StdHost {
        pub fn new(dir: Option<std::path::PathBuf>) -> StdHost {
            StdHost { start: Instant::now(), dir }
        }
    }

    fn spawn(f: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        std::thread::Builder::new().stack_size(1 << 20).spawn(f).map(|_| ()).map_err(|e| e.to_string())
    }

    fn cores() -> usize {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    }

    fn wall() -> f64 {
        SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
    }

    impl Host for StdHost {
        fn now(&self) -> f64 {
            self.start.elapsed().as_secs_f64()
        }
        fn wall(&self) -> f64 {
            wall()
        }
        fn spawn(&self, f: Box<dyn FnOnce() + Send>) -> Result<(), String> {
            spawn(f)
        }
        fn stdout(&self, s: &str) {
            let mut o = std::io::stdout().lock();
            let _ = o.write_all(s.as_bytes());
            let _ = o.flush();
        }
        fn stderr(&self, s: &str) {
            let _ = std::io::stderr().lock().write_all(s.as_bytes());
        }
        fn cpu_count(&self) -> usize {
            cores()
        }
        fn read_module(&self, name: &str) -> Option<String> {
            let dir = self.dir.as_ref()?;
            if !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                return None;
            }
            std::fs::read_to_string(dir.join(format!("{name}.py"))).ok()
        }
    }

    /// Real time and threads, output kept in memory.
    pub struct CaptureHost {
        start: Instant,
        pub out: Mutex<String>,
        pub err: Mutex<String>,
    }

    impl Default for CaptureHost {
        fn default() -> Self {
            CaptureHost { start: Instant::now(), out: Mutex::new(String::new()), err: Mutex::new(String::new()) }
        }
    }

    impl Host for CaptureHost {
        fn now(&self) -> f64 {
            self.start.elapsed().as_secs_f64()
        }
        fn wall(&self) -> f64 {
            wall()
        }
        fn spawn(&self, f: Box<dyn FnOnce() + Send>) -> Result<(), String> {
            spawn(f)
        }
        fn stdout(&self, s: &str) {
            crate::value::lock(&self.out).push_str(s);
        }
        fn stderr(&self, s: &str) {
            crate::value::lock(&self.err).push_str(s);
        }
        fn cpu_count(&self) -> usize {
            cores()
        }
    }
}
