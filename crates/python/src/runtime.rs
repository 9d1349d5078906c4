//! Running a program: the main thread, threads started by `_thread.start_new_thread` (real OS
//! threads through the host, or simulated ones), interpreter shutdown, and the exit code.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use crate::gil::Switch;
use crate::interp::{Config, Host, Interp, StopHandle};
use crate::trace::{Handover, Recorder, State};
use crate::types::err;
use crate::value::{lock, Value};
use crate::vm::Vm;
use crate::{Raise, R};

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub exit_code: i32,
}

impl Vm {
    /// Milliseconds on the trace's clock. Real threads record themselves on the host's clock;
    /// simulated ones are recorded by the scheduler, on the virtual clock.
    fn trace_ms(&self) -> f64 {
        self.interp.host.now() * 1000.0
    }

    fn tracing_itself(&self) -> bool {
        self.rec.is_some() && !self.interp.config.simulate
    }

    pub fn release_gil(&mut self) {
        if self.holds_gil {
            let at = if self.rec.is_some() { self.trace_ms() } else { 0.0 };
            self.interp.gil.release(at);
            self.holds_gil = false;
        }
    }

    /// The thread is about to block in `state`: the trace shows it from now, and the GIL is
    /// released. `acquire_gil` after the wait shows it waiting for the GIL, then running.
    pub fn begin_wait(&mut self, state: State) {
        if self.tracing_itself() {
            let at = self.trace_ms();
            if let Some(rec) = &mut self.rec {
                rec.enter(state, at);
            }
        }
        self.release_gil();
    }

    pub fn acquire_gil(&mut self) -> R<()> {
        if self.interp.config.simulate {
            return Ok(());
        }
        if self.interp.config.gil && !self.holds_gil {
            if self.rec.is_some() {
                let at = self.trace_ms();
                if let Some(rec) = &mut self.rec {
                    rec.enter(State::GilWait, at);
                }
            }
            let switch = self.interp.gil.take(self.ident, &self.interp).map_err(|_| Raise::Stop)?;
            self.holds_gil = true;
            self.trace_took(switch);
        } else {
            self.trace_took(None);
        }
        Ok(())
    }

    /// The thread runs again, having taken the GIL from `switch.from` if it says so.
    fn trace_took(&mut self, switch: Option<Switch>) {
        if self.rec.is_none() {
            return;
        }
        let at = self.trace_ms();
        if let Some(rec) = &mut self.rec {
            rec.enter(State::Run, at);
            if let Some(s) = switch {
                rec.handover(Handover { at_ms: at, dropped_ms: s.dropped_ms, from: s.from, forced: s.forced });
            }
        }
    }

    /// The eval breaker's forced switch: drop the GIL for the thread that asked, take it back.
    pub fn yield_gil(&mut self) {
        let at = if self.rec.is_some() { self.trace_ms() } else { 0.0 };
        if let Some(rec) = &mut self.rec {
            rec.enter(State::GilWait, at);
        }
        if let Ok(switch) = self.interp.gil.yield_to_waiter(self.ident, &self.interp, at) {
            self.trace_took(switch);
        }
    }

    /// A real thread's last Python instruction has run: its trace closes now.
    pub fn trace_finish(&mut self) {
        if self.tracing_itself() {
            let at = self.trace_ms();
            if let Some(rec) = &mut self.rec {
                rec.finish(at);
            }
        }
    }
}

/// A recorder for a new thread's `Vm`, when the run is traced. Python names the thread later
/// (`_thread.set_name`, from `threading`); until then the main thread is `MainThread`.
pub fn new_recorder(interp: &Arc<Interp>, ident: u64) -> Option<Box<Recorder>> {
    let recording = interp.config.trace.as_ref()?;
    let name = if ident == 1 { "MainThread".to_string() } else { format!("thread {ident}") };
    Some(Box::new(recording.recorder(interp.pid, ident, name)))
}

/// Starts `f(*args)` on a new Python thread; returns its ident.
pub fn start_thread(vm: &mut Vm, f: Value, args: Vec<Value>) -> R<u64> {
    let interp = vm.interp.clone();
    let ident = {
        let mut t = lock(&interp.threads);
        if t.live >= crate::limits::MAX_THREADS {
            return Err(err("RuntimeError", "can't start new thread"));
        }
        t.live += 1;
        t.next_ident += 1;
        t.next_ident
    };
    if interp.config.simulate {
        let mut nvm = Vm::new(interp.clone(), ident);
        nvm.stack.push(f);
        nvm.stack.extend(args);
        lock(&interp.sim_root().sim_new).push(nvm);
        return Ok(ident);
    }
    let job_interp = interp.clone();
    let job = move || thread_main(job_interp, ident, f, args);
    if interp.host.spawn(Box::new(job)).is_err() {
        let mut t = lock(&interp.threads);
        t.live -= 1;
        return Err(err("RuntimeError", "can't start new thread"));
    }
    Ok(ident)
}

fn thread_main(interp: Arc<Interp>, ident: u64, f: Value, args: Vec<Value>) {
    let mut vm = Vm::new(interp.clone(), ident);
    let r = (|| -> R<()> {
        vm.acquire_gil()?;
        if vm.start_call(&f, args)?.is_none() {
            vm.run_frames(0)?;
        }
        Ok(())
    })();
    if let Err(Raise::Exc(e)) = r {
        // threading's bootstrap reports errors itself; this is for raw _thread threads.
        let tb = crate::traceback::format_exception(&mut vm, &e);
        interp.write_err(&format!("Unhandled exception in thread started by {ident}:\n{tb}"));
    }
    vm.trace_finish();
    vm.release_gil();
    vm.stack.clear();
    vm.frames.clear();
    let mut t = lock(&interp.threads);
    t.live -= 1;
    drop(t);
    interp.threads_done.notify_all();
}

/// Runs `f(*args)` as the main thread of the child process `child`.
pub fn start_process_main(child: &Arc<Interp>, f: Value, args: Vec<Value>) -> R<()> {
    {
        let mut t = lock(&child.threads);
        t.live = 1;
        t.main_ident = 1;
        t.next_ident = 1;
    }
    if child.config.simulate {
        let mut nvm = Vm::new(child.clone(), 1);
        nvm.stack.push(f);
        nvm.stack.extend(args);
        lock(&child.sim_root().sim_new).push(nvm);
        return Ok(());
    }
    let job_interp = child.clone();
    let job = move || {
        thread_main(job_interp.clone(), 1, f, args);
        job_interp.flush_out();
    };
    child.host.spawn(Box::new(job)).map_err(|_| err("OSError", "cannot start a process here"))
}

/// Compiles and runs a program to its end: the CLI's and the tests' entry point.
pub fn run_source(source: &str, filename: &str, config: Config, host: Arc<dyn Host>, stop: &StopHandle) -> Outcome {
    let interp = Interp::new(config, host, stop.flag.clone());
    lock(&*stop.interp).push(Arc::downgrade(&interp));
    interp.sync_stop();
    lock(&interp.sources).insert(filename.to_string(), source.into());
    let code = match crate::compile(source, filename) {
        Ok(c) => c,
        Err(e) => {
            interp.write_err(&crate::traceback::format_syntax_error(&e, filename, source));
            return Outcome { exit_code: 1 };
        }
    };
    let main = interp.new_module("__main__");
    main.dict.set_name("__file__", Value::str(filename));
    lock(&interp.modules).insert("__main__".into(), Value::Module(main.clone()));
    {
        let mut t = lock(&interp.threads);
        t.live = 1;
        t.main_ident = 1;
    }
    let mut vm = Vm::new(interp.clone(), 1);
    if let Err(e) = load_prelude(&mut vm) {
        let code = exit_code(&mut vm, Err(e));
        vm.release_gil();
        finish_threads(&interp);
        interp.flush_out();
        return Outcome { exit_code: code };
    }
    let outcome = if interp.config.simulate {
        crate::sim::run_main(&interp, vm, code, main)
    } else {
        let r = vm.acquire_gil().and_then(|_| {
            vm.push_module_frame(code, main)?;
            vm.run_frames(0)
        });
        let code = exit_code(&mut vm, r);
        // Like Py_FinalizeEx: wait for the non-daemon threads (threading._shutdown), then stop
        // the daemon ones.
        if interp.module("threading").is_some() && !interp.stopped() {
            if let Ok(t) = vm.import_now("threading") {
                if let Ok(Some(shutdown)) = vm.getattr_opt(&t, "_shutdown") {
                    if let Err(Raise::Exc(e)) = vm.call(&shutdown, vec![]) {
                        let tb = crate::traceback::format_exception(&mut vm, &e);
                        interp.write_err(&tb);
                    }
                }
            }
        }
        vm.trace_finish();
        vm.release_gil();
        Outcome { exit_code: code }
    };
    finish_threads(&interp);
    interp.flush_out();
    if let Some(trace) = &interp.config.trace {
        trace.mark_end(interp.now() * 1000.0);
    }
    outcome
}

/// The documented prelude (`lib/playground_prelude.py`, when present): its public names become
/// builtins, as the CPython side of the differential tests injects them into `builtins`.
fn load_prelude(vm: &mut Vm) -> R<()> {
    if crate::modules::lib_source("playground_prelude").is_none() {
        return Ok(());
    }
    vm.acquire_gil()?;
    let m = vm.import_now("playground_prelude")?;
    if let Value::Module(m) = m {
        for (k, v) in lock(&m.dict.d).items() {
            if let Value::Str(s) = &k {
                if !s.s.starts_with('_') {
                    vm.interp.builtins.set_str(s, v);
                }
            }
        }
    }
    Ok(())
}

/// Stops what still runs (daemon threads) and waits a little for their OS threads to end.
fn finish_threads(interp: &Arc<Interp>) {
    interp.request_stop();
    let mut t = lock(&interp.threads);
    if interp.config.simulate {
        // Simulated threads are not OS threads: what is left of them is dropped with the run.
        t.live = 0;
        return;
    }
    t.live = t.live.saturating_sub(1);
    let mut waited = 0;
    while t.live > 0 && waited < 100 {
        t = interp.threads_done.wait_timeout(t, Duration::from_millis(10)).unwrap_or_else(|e| e.into_inner()).0;
        waited += 1;
    }
    let _ = interp.breaker.load(Ordering::Relaxed);
}

/// The exit code for how the main module ended, printing the traceback of an uncaught exception.
pub fn exit_code(vm: &mut Vm, r: R<Value>) -> i32 {
    match r {
        Ok(_) => 0,
        Err(Raise::Exc(e)) | Err(Raise::Reraise(e)) => {
            if crate::vm::is_instance_of(&e, "SystemExit") {
                let code = match &e {
                    Value::Instance(i) => i.exc().and_then(|d| d.args.first().cloned()),
                    _ => None,
                };
                return match code {
                    None | Some(Value::None) => 0,
                    Some(Value::Int(n)) => n as i32,
                    Some(Value::Bool(b)) => b as i32,
                    Some(other) => {
                        let s = vm.to_str(&other).unwrap_or_default();
                        vm.interp.write_err(&format!("{s}\n"));
                        1
                    }
                };
            }
            let tb = crate::traceback::format_exception(vm, &e);
            vm.interp.write_err(&tb);
            1
        }
        Err(Raise::Stop) => {
            vm.interp.write_err("[stopped]\n");
            130
        }
        Err(_) => {
            vm.interp.write_err("SystemError: the interpreter stopped unexpectedly\n");
            1
        }
    }
}
