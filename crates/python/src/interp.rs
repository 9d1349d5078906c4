//! One interpreter state (CPython's `PyInterpreterState`): modules, builtins, the GIL, output,
//! limits and the threads of one Python process. The host gives it time, threads and output.
//!
//! Architecture invariant: nothing here knows about browsers. Time comes from `Host::now`,
//! threads from `Host::spawn`, and cancellation from `Interp::stop`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::gil::Gil;
use crate::value::{lock, Module, PyDict, Value};

/// Eval-breaker bits: one relaxed load of `Interp::breaker` at each check tells whether any is set.
pub const BREAK_STOP: u32 = 1;
pub const BREAK_GIL: u32 = 2;
pub const BREAK_SIM: u32 = 4;

/// What the interpreter needs from whoever runs it.
pub trait Host: Send + Sync {
    /// Seconds on a monotonic clock.
    fn now(&self) -> f64;
    /// Seconds since the Unix epoch (`time.time()`).
    fn wall(&self) -> f64;
    /// Runs `f` on a new thread; an error means threads cannot be started here.
    fn spawn(&self, f: Box<dyn FnOnce() + Send>) -> Result<(), String>;
    fn stdout(&self, s: &str);
    fn stderr(&self, s: &str);
    fn cpu_count(&self) -> usize {
        1
    }
    /// Reads a module's source next to the main file (`import helper`), if the host has files.
    fn read_module(&self, _name: &str) -> Option<String> {
        None
    }
}

#[derive(Clone, Debug)]
pub struct Config {
    pub gil: bool,
    pub simulate: bool,
    pub switch_interval_ms: f64,
    pub seed: u64,
    pub argv: Vec<String>,
    /// Where every thread's states are recorded (`--trace`), if anywhere: the host keeps a
    /// handle to read it while the program runs or after. Child processes share it.
    pub trace: Option<Arc<crate::trace::Recording>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            gil: true,
            simulate: false,
            switch_interval_ms: 5.0,
            seed: 0,
            argv: vec!["main.py".into()],
            trace: None,
        }
    }
}

pub struct Interp {
    pub config: Config,
    pub host: Arc<dyn Host>,
    pub breaker: AtomicU32,
    pub gil: Gil,
    stop: Arc<AtomicBool>,
    /// This process alone was stopped (`Process.terminate()`); the run goes on.
    terminated: AtomicBool,
    /// Wakes sleepers and blocked waits early when the run is stopped.
    pub wakeup: (Mutex<()>, Condvar),
    pub modules: Mutex<HashMap<String, Value>>,
    pub builtins: Arc<PyDict>,
    /// Source text by file name, for the source lines of tracebacks.
    pub sources: Mutex<HashMap<String, Arc<str>>>,
    out: Mutex<String>,
    out_total: AtomicUsize,
    out_cut: AtomicBool,
    pub switch_interval_us: AtomicU64,
    pub recursion_limit: AtomicUsize,
    pub mem: AtomicUsize,
    pub threads: Mutex<Threads>,
    pub threads_done: Condvar,
    pub pid: u32,
    /// `--simulate`: threads started while the scheduler runs, waiting to be picked up.
    pub sim_new: Mutex<Vec<crate::vm::Vm>>,
    /// `--simulate`: the virtual clock, in seconds.
    pub sim_now: Mutex<f64>,
    /// The first process of the run: in `--simulate` its scheduler runs every process's threads
    /// on its clock.
    pub root: Option<Arc<Interp>>,
    /// Child processes, stopped with this one.
    pub children: Mutex<Vec<std::sync::Weak<Interp>>>,
}

#[derive(Default)]
pub struct Threads {
    pub live: usize,
    pub next_ident: u64,
    pub main_ident: u64,
}

impl Interp {
    pub fn new(config: Config, host: Arc<dyn Host>, stop: Arc<AtomicBool>) -> Arc<Interp> {
        Self::build(config, host, stop, 4242, None)
    }

    /// A child process: the parent's settings, host and stop flag, its own everything else.
    pub fn new_process(parent: &Arc<Interp>, pid: u32) -> Arc<Interp> {
        let root = parent.root.clone().unwrap_or_else(|| parent.clone());
        let child = Self::build(parent.config.clone(), parent.host.clone(), parent.stop.clone(), pid, Some(root));
        child.switch_interval_us.store(parent.switch_interval_us.load(Ordering::Relaxed), Ordering::Relaxed);
        lock(&parent.children).push(Arc::downgrade(&child));
        child.sync_stop();
        child
    }

    fn build(
        config: Config,
        host: Arc<dyn Host>,
        stop: Arc<AtomicBool>,
        pid: u32,
        root: Option<Arc<Interp>>,
    ) -> Arc<Interp> {
        let interval = (config.switch_interval_ms * 1000.0).max(1.0) as u64;
        let sim = config.simulate;
        let interp = Arc::new(Interp {
            breaker: AtomicU32::new(if sim { BREAK_SIM } else { 0 }),
            gil: Gil::default(),
            stop,
            terminated: AtomicBool::new(false),
            wakeup: (Mutex::new(()), Condvar::new()),
            modules: Mutex::new(HashMap::new()),
            builtins: PyDict::new(),
            sources: Mutex::new(HashMap::new()),
            out: Mutex::new(String::new()),
            out_total: AtomicUsize::new(0),
            out_cut: AtomicBool::new(false),
            switch_interval_us: AtomicU64::new(interval),
            recursion_limit: AtomicUsize::new(crate::limits::DEFAULT_RECURSION_LIMIT),
            mem: AtomicUsize::new(0),
            threads: Mutex::new(Threads { live: 0, next_ident: 1, main_ident: 1 }),
            threads_done: Condvar::new(),
            pid,
            sim_new: Mutex::new(Vec::new()),
            sim_now: Mutex::new(0.0),
            root,
            children: Mutex::new(Vec::new()),
            config,
            host,
        });
        crate::builtins::install(&interp);
        interp
    }

    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed) || self.terminated.load(Ordering::Relaxed)
    }

    pub fn terminated(&self) -> bool {
        self.terminated.load(Ordering::Relaxed)
    }

    /// Stops this process and its children (`Process.terminate()`/`kill()`), not the run: every
    /// thread of it ends at its next eval-breaker check or wait slice, as a signal would end it.
    pub fn terminate(&self) {
        self.terminated.store(true, Ordering::Relaxed);
        self.breaker.fetch_or(BREAK_STOP, Ordering::Release);
        {
            let _g = lock(&self.wakeup.0);
            self.wakeup.1.notify_all();
        }
        let children: Vec<_> = lock(&self.children).iter().filter_map(|c| c.upgrade()).collect();
        for c in children {
            c.terminate();
        }
    }

    /// Stops every thread of this interpreter at its next check or wait.
    pub fn request_stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        self.breaker.fetch_or(BREAK_STOP, Ordering::Release);
        {
            let _g = lock(&self.wakeup.0);
            self.wakeup.1.notify_all();
        }
        let children: Vec<_> = lock(&self.children).iter().filter_map(|c| c.upgrade()).collect();
        for c in children {
            c.request_stop();
        }
    }

    /// The interpreter whose simulation clock and thread queue this one uses.
    pub fn sim_root(&self) -> &Interp {
        self.root.as_deref().unwrap_or(self)
    }

    /// Called by the host's handle: the breaker must see the flag too.
    pub fn sync_stop(&self) {
        if self.stopped() {
            self.breaker.fetch_or(BREAK_STOP, Ordering::Release);
        }
    }

    pub fn switch_interval(&self) -> Duration {
        Duration::from_micros(self.switch_interval_us.load(Ordering::Relaxed))
    }

    /// Seconds on the interpreter's clock: the host's, or the simulation's virtual one.
    pub fn now(&self) -> f64 {
        if self.config.simulate {
            *lock(&self.sim_root().sim_now)
        } else {
            self.host.now()
        }
    }

    pub fn write_out(&self, s: &str) {
        if self.out_cut.load(Ordering::Relaxed) {
            return;
        }
        let total = self.out_total.fetch_add(s.len(), Ordering::Relaxed) + s.len();
        let mut out = lock(&self.out);
        if total > crate::limits::MAX_OUTPUT {
            self.out_cut.store(true, Ordering::Relaxed);
            out.push_str(&format!(
                "\n[output cut: the program printed more than {} MiB]\n",
                crate::limits::MAX_OUTPUT >> 20
            ));
        } else {
            out.push_str(s);
        }
        // Line-buffered, as CPython's stdout is on a terminal or in the differential harness: a
        // program killed while it waits has shown what it printed before.
        if s.contains('\n') || out.len() > 1 << 16 {
            let text = std::mem::take(&mut *out);
            drop(out);
            self.host.stdout(&text);
        }
    }

    pub fn flush_out(&self) {
        let text = std::mem::take(&mut *lock(&self.out));
        if !text.is_empty() {
            self.host.stdout(&text);
        }
    }

    pub fn write_err(&self, s: &str) {
        self.flush_out();
        self.host.stderr(s);
    }

    pub fn module(&self, name: &str) -> Option<Value> {
        lock(&self.modules).get(name).cloned()
    }

    pub fn new_module(&self, name: &str) -> Arc<Module> {
        let dict = PyDict::new();
        dict.set_name("__name__", Value::str(name));
        dict.set_name("__doc__", Value::None);
        Arc::new(Module { name: name.to_string(), dict })
    }

    /// Waits until `deadline` (interpreter clock) or until stopped; false when stopped.
    pub fn sleep_until(&self, deadline: f64) -> bool {
        if cfg!(all(target_arch = "wasm32", not(target_feature = "atomics"))) {
            // Without atomics a wasm thread cannot wait on a condition variable: spin on the
            // host's clock (only a lone main thread can get here; --simulate never does).
            while self.host.now() < deadline {
                if self.stopped() {
                    return false;
                }
            }
            return true;
        }
        let mut g = lock(&self.wakeup.0);
        loop {
            if self.stopped() {
                return false;
            }
            let left = deadline - self.host.now();
            if left <= 0.0 {
                return true;
            }
            let slice = Duration::from_secs_f64(left.min(0.05));
            g = self.wakeup.1.wait_timeout(g, slice).unwrap_or_else(|e| e.into_inner()).0;
        }
    }

    pub fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        let src = lock(&self.sources).get(filename).cloned()?;
        src.lines().nth(line.checked_sub(1)? as usize).map(|l| l.trim().to_string())
    }
}

/// What the host holds to stop a run from outside.
#[derive(Clone)]
pub struct StopHandle {
    pub flag: Arc<AtomicBool>,
    pub interp: Arc<Mutex<Vec<std::sync::Weak<Interp>>>>,
}

impl StopHandle {
    pub fn new() -> StopHandle {
        StopHandle { flag: Arc::new(AtomicBool::new(false)), interp: Arc::new(Mutex::new(Vec::new())) }
    }
    /// Stops the run: every thread stops at its next eval-breaker check or wait, within 100 ms.
    pub fn stop(&self) {
        self.flag.store(true, Ordering::Relaxed);
        for i in lock(&*self.interp).iter() {
            if let Some(i) = i.upgrade() {
                i.request_stop();
            }
        }
    }
}

impl Default for StopHandle {
    fn default() -> Self {
        Self::new()
    }
}
