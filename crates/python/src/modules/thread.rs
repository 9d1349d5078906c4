//! `_thread`: the few native blocking primitives everything else is written on (as CPython's
//! own `threading` is): locks with timeouts, starting a thread, thread identity.
//!
//! A blocking wait releases the GIL. With real threads it waits on a condition variable in slices
//! so a stop is seen within one slice; in `--simulate` it returns `Raise::Block` and the
//! scheduler runs the call again when the lock is free or the timeout passed.
//!
//! The trace learns why a thread waits from the Python layers above: `_traced_lock(reason)` is a
//! lock whose blocking acquires show as `reason` ("queue", "event", "join", …; `Condition.wait`
//! makes its waiter with one), `_sleep(secs, reason)` a sleep that shows as `reason` ("network",
//! "startup"), and `set_name(name)` (as CPython 3.14's) names the thread's track.

use std::any::Any;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use crate::builtins::{arg_count, check_kw, kwarg, Kw};
use crate::gil::POLL;
use crate::modules::{add_fns, native_class, NativeObj};
use crate::trace::State;
use crate::types::{err, type_error};
use crate::value::{lock, Class, Module, Obj, Value};
use crate::vm::{Vm, Wait, Wake};
use crate::{Raise, R};

#[derive(Default)]
pub struct LockInner {
    pub locked: bool,
    pub owner: u64,
    pub count: u32,
}

#[derive(Default)]
pub struct LockState {
    pub m: Mutex<LockInner>,
    pub cv: Condvar,
}

impl LockState {
    pub fn is_free(&self) -> bool {
        !lock(&self.m).locked
    }
}

pub struct Lock {
    pub st: Arc<LockState>,
    pub reentrant: bool,
    /// What a thread blocked acquiring it is waiting for, as the trace shows it.
    pub wait: State,
}

static LOCK_CLASS: OnceLock<Arc<Class>> = OnceLock::new();
static RLOCK_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

fn lock_class() -> Arc<Class> {
    LOCK_CLASS
        .get_or_init(|| {
            native_class(
                "lock",
                &[
                    ("acquire", acquire),
                    ("acquire_lock", acquire),
                    ("release", release),
                    ("release_lock", release),
                    ("locked", locked),
                    ("__enter__", acquire),
                    ("__exit__", exit),
                ],
            )
        })
        .clone()
}

fn rlock_class() -> Arc<Class> {
    RLOCK_CLASS
        .get_or_init(|| {
            native_class(
                "RLock",
                &[
                    ("acquire", acquire),
                    ("release", release),
                    ("locked", locked),
                    ("_is_owned", is_owned),
                    ("__enter__", acquire),
                    ("__exit__", exit),
                ],
            )
        })
        .clone()
}

impl NativeObj for Lock {
    fn class(&self) -> Arc<Class> {
        if self.reentrant {
            rlock_class()
        } else {
            lock_class()
        }
    }
    fn type_name(&self) -> &'static str {
        if self.reentrant {
            "RLock"
        } else {
            "lock"
        }
    }
    fn repr(&self) -> String {
        let g = lock(&self.st.m);
        let state = if g.locked { "locked" } else { "unlocked" };
        if self.reentrant {
            format!("<{state} _thread.RLock object owner={} count={}>", if g.locked { g.owner } else { 0 }, g.count)
        } else {
            format!("<{state} _thread.lock object>")
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn new_lock(reentrant: bool) -> Value {
    traced_lock(reentrant, State::Lock)
}

fn traced_lock(reentrant: bool, wait: State) -> Value {
    Value::obj(Obj::Native(Box::new(Lock { st: Arc::new(LockState::default()), reentrant, wait })))
}

/// The trace's state for a reason a Python layer gives.
pub fn reason(v: &Value) -> R<State> {
    let s = v.as_str().ok_or_else(|| type_error("the wait reason must be a str"))?;
    State::from_reason(s).ok_or_else(|| err("ValueError", format!("unknown wait reason '{s}'")))
}

fn this_lock(v: &Value) -> R<(&Lock, Arc<LockState>)> {
    if let Value::Obj(o) = v {
        if let Obj::Native(n) = &**o {
            if let Some(l) = n.as_any().downcast_ref::<Lock>() {
                return Ok((l, l.st.clone()));
            }
        }
    }
    Err(type_error("descriptor requires a lock"))
}

fn try_take(st: &LockState, me: u64, reentrant: bool) -> bool {
    let mut g = lock(&st.m);
    if !g.locked {
        g.locked = true;
        g.owner = me;
        g.count = 1;
        return true;
    }
    if reentrant && g.owner == me {
        g.count += 1;
        return true;
    }
    false
}

fn acquire(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    check_kw("acquire", kw, &["blocking", "timeout"])?;
    let (l, st) = this_lock(&args[0])?;
    let (reentrant, wait) = (l.reentrant, l.wait);
    // `__enter__` gets no arguments; `acquire(blocking=True, timeout=-1)`.
    let blocking = match args.get(1).cloned().or_else(|| kwarg(kw, "blocking")) {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let timeout = match args.get(2).cloned().or_else(|| kwarg(kw, "timeout")) {
        Some(Value::Int(i)) => i as f64,
        Some(Value::Float(f)) => f,
        Some(Value::None) | None => -1.0,
        Some(_) => return Err(type_error("timeout must be a number")),
    };
    if !blocking && timeout != -1.0 {
        return Err(err("ValueError", "can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(err("ValueError", "timeout value must be a non-negative number"));
    }
    let me = vm.ident;
    if try_take(&st, me, reentrant) {
        vm.wait_deadline = None;
        vm.wake = None;
        return Ok(Value::Bool(true));
    }
    if !blocking {
        return Ok(Value::Bool(false));
    }
    let deadline = if timeout >= 0.0 { Some(vm.interp.now() + timeout) } else { None };
    if vm.interp.config.simulate {
        return sim_block(vm, Wait::Lock(st), deadline, wait).map(|_| Value::Bool(false));
    }
    vm.begin_wait(wait);
    let got = wait_for_lock(vm, &st, me, reentrant, deadline);
    vm.acquire_gil()?;
    got.map(Value::Bool)
}

/// `--simulate`: blocks the Python thread (in the trace's `state`); returns Ok only when the wait
/// timed out.
pub fn sim_block(vm: &mut Vm, wait: Wait, deadline: Option<f64>, state: State) -> R<()> {
    if let Some(w) = vm.wake.take() {
        if w == Wake::TimedOut {
            vm.wait_deadline = None;
            return Ok(());
        }
    }
    if vm.nested > 0 {
        return Err(err("RuntimeError", crate::limits::NESTED_BLOCK));
    }
    let deadline = match vm.wait_deadline {
        Some(d) => Some(d),
        None => {
            vm.wait_deadline = deadline;
            deadline
        }
    };
    if let Some(rec) = &mut vm.rec {
        rec.wait = state;
    }
    Err(Raise::Block(Box::new((wait, deadline))))
}

fn wait_for_lock(vm: &mut Vm, st: &LockState, me: u64, reentrant: bool, deadline: Option<f64>) -> R<bool> {
    let interp = vm.interp.clone();
    let mut g = lock(&st.m);
    loop {
        if !g.locked || (reentrant && g.owner == me) {
            if g.locked {
                g.count += 1;
            } else {
                g.locked = true;
                g.owner = me;
                g.count = 1;
            }
            return Ok(true);
        }
        if interp.stopped() {
            return Err(Raise::Stop);
        }
        let mut slice = POLL;
        if let Some(d) = deadline {
            let left = d - interp.host.now();
            if left <= 0.0 {
                return Ok(false);
            }
            slice = slice.min(Duration::from_secs_f64(left));
        }
        g = st.cv.wait_timeout(g, slice).unwrap_or_else(|e| e.into_inner()).0;
    }
}

fn release(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (l, st) = this_lock(&args[0])?;
    let mut g = lock(&st.m);
    if !g.locked {
        return Err(err(
            "RuntimeError",
            if l.reentrant { "cannot release un-acquired lock" } else { "release unlocked lock" },
        ));
    }
    if l.reentrant {
        if g.owner != vm.ident {
            return Err(err("RuntimeError", "cannot release un-acquired lock"));
        }
        g.count -= 1;
        if g.count > 0 {
            return Ok(Value::None);
        }
    }
    g.locked = false;
    g.count = 0;
    drop(g);
    st.cv.notify_one();
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    release(vm, &args[..1], &[])?;
    Ok(Value::Bool(false))
}

fn locked(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (_, st) = this_lock(&args[0])?;
    let r = lock(&st.m).locked;
    Ok(Value::Bool(r))
}

fn is_owned(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (_, st) = this_lock(&args[0])?;
    let g = lock(&st.m);
    Ok(Value::Bool(g.locked && g.owner == vm.ident))
}

fn allocate_lock(_: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(new_lock(false))
}

fn rlock(_: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(new_lock(true))
}

/// `_thread._traced_lock(reason)`: a lock whose blocking acquires the trace shows as `reason`.
fn traced_lock_fn(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("_traced_lock", args, 1, 1)?;
    Ok(traced_lock(false, reason(&args[0])?))
}

/// `_thread._sleep(secs, reason)`: `time.sleep(secs)`, shown in the trace as `reason`.
fn sleep_for(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("_sleep", args, 2, 2)?;
    let state = reason(&args[1])?;
    crate::modules::time::sleep_as(vm, &args[..1], state)
}

/// `_thread.set_name(name)` (CPython 3.14): the current thread's name, here its trace track's.
fn set_name(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("set_name", args, 1, 1)?;
    let name = args[0].as_str().ok_or_else(|| type_error("set_name() argument must be str"))?;
    if let Some(rec) = &mut vm.rec {
        rec.set_name(name.to_string());
    }
    Ok(Value::None)
}

fn get_ident(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(vm.ident as i64))
}

fn get_native_id(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(vm.interp.pid as i64 * 10 + vm.ident as i64))
}

fn count(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(lock(&vm.interp.threads).live as i64))
}

fn start_new_thread(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("start_new_thread", args, 2, 3)?;
    let f = args[0].clone();
    let mut targs = match &args[1] {
        Value::Tuple(t) => t.0.clone(),
        _ => return Err(type_error("2nd arg must be a tuple")),
    };
    if let Some(Value::Dict(d)) = args.get(2) {
        // Keyword arguments travel as one dict appended; the thread's entry unpacks them.
        if !lock(&d.d).is_empty() {
            targs.push(args[2].clone());
            let helper = vm.import_now("_pyhelpers")?;
            let call_kw = vm.getattr(&helper, &vm.new_str("call_kw"))?;
            let mut a = vec![f];
            a.extend(targs);
            let ident = crate::runtime::start_thread(vm, call_kw, a)?;
            return Ok(Value::Int(ident as i64));
        }
    }
    let ident = crate::runtime::start_thread(vm, f, targs)?;
    Ok(Value::Int(ident as i64))
}

/// `_thread._excepthook(exc, thread_name)`: "Exception in thread NAME:" and the traceback.
fn excepthook(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let name = args.get(1).and_then(|n| n.as_str()).unwrap_or("?").to_string();
    let tb = crate::traceback::format_exception(vm, &args[0]);
    vm.interp.write_err(&format!("Exception in thread {name}:\n{tb}"));
    Ok(Value::None)
}

fn is_main_thread(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Bool(vm.ident == lock(&vm.interp.threads).main_ident))
}

pub fn init(m: &Module) {
    add_fns(
        m,
        &[
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("RLock", rlock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("start_new_thread", start_new_thread),
            ("_excepthook", excepthook),
            ("_is_main_thread", is_main_thread),
            ("_traced_lock", traced_lock_fn),
            ("_sleep", sleep_for),
            ("set_name", set_name),
        ],
    );
    m.dict.set_name("LockType", Value::Class(lock_class()));
    m.dict.set_name("TIMEOUT_MAX", Value::Float(9223372036.0));
    m.dict.set_name("error", Value::Class(crate::types::exc_class("RuntimeError")));
    let _ = Ordering::Relaxed;
}
