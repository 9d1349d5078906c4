//! `_mp`: processes. A process is a separate interpreter state (its own GIL, modules and pid)
//! whose module state starts as a copy of its parent's (fork semantics, as on Linux). Values that
//! cross between processes after that (arguments of pool tasks, results, queue items) are copied
//! as pickling would: functions and classes by name, and what pickle refuses is refused with
//! CPython's error. Start-up is not free: `START_COST` of the child's clock, as a fork and
//! bootstrap of CPython on this machine.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use crate::builtins::{arg_count, Kw};
use crate::dict::Dict;
use crate::interp::Interp;
use crate::modules::{add_fns, native_class, NativeObj};
use crate::trace::State;
use crate::types::{err, type_error, types};
use crate::value::{lock, Class, Function, Instance, List, Module, Obj, PyDict, Set, Tuple, Value};
use crate::vm::{Vm, Wait};
use crate::{Raise, R};

/// What starting a process costs, in seconds: CPython's fork plus its multiprocessing bootstrap
/// measured on this machine (a few milliseconds), charged on the child's clock before its target.
pub const START_COST: f64 = 0.004;

static NEXT_PID: AtomicU32 = AtomicU32::new(4243);

/// How values are copied: `Fork` copies everything structurally (a child's memory at fork);
/// `Pickle` resolves functions and classes by name in the receiving interpreter and refuses what
/// pickle refuses.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Fork,
    Pickle,
}

struct Copier<'a> {
    mode: Mode,
    to: &'a Arc<Interp>,
    memo: HashMap<usize, Value>,
}

fn pickling_error(msg: String) -> Raise {
    err("PicklingError", msg)
}

impl<'a> Copier<'a> {
    fn by_name(&self, module: &str, qualname: &str) -> Option<Value> {
        let m = self.to.module(module)?;
        let Value::Module(m) = m else { return None };
        let mut v = Value::Module(m);
        for part in qualname.split('.') {
            v = match &v {
                Value::Module(m) => m.dict.get_name(part)?,
                Value::Class(c) => c.lookup_name(part)?,
                _ => return None,
            };
        }
        Some(v)
    }

    fn copy(&mut self, v: &Value) -> R<Value> {
        let Some(p) = v.ptr() else { return Ok(v.clone()) };
        if let Some(c) = self.memo.get(&p) {
            return Ok(c.clone());
        }
        let out = match v {
            Value::Str(_) | Value::Big(_) | Value::Builtin(_) => return Ok(v.clone()),
            Value::Tuple(t) => {
                let mut items = Vec::with_capacity(t.0.len());
                for x in &t.0 {
                    items.push(self.copy(x)?);
                }
                Value::Tuple(Arc::new(Tuple(items)))
            }
            Value::List(l) => {
                let new = Arc::new(List { items: crate::value::SpinLock::new(Vec::new()) });
                self.memo.insert(p, Value::List(new.clone()));
                let items = lock(&l.items).clone();
                let mut out = Vec::with_capacity(items.len());
                for x in &items {
                    out.push(self.copy(x)?);
                }
                *lock(&new.items) = out;
                return Ok(Value::List(new));
            }
            Value::Dict(d) => {
                let new = Arc::new(PyDict { d: crate::dict::DictCell::new(Dict::new()) });
                self.memo.insert(p, Value::Dict(new.clone()));
                let snapshot = lock(&d.d).clone();
                self.copy_dict_into(&snapshot, &new)?;
                return Ok(Value::Dict(new));
            }
            Value::Set(s) => {
                let src = lock(&s.d).clone();
                let mut d = Dict::new();
                for e in src.entries() {
                    let k = self.copy(&e.key)?;
                    d.insert(e.hash, k, Value::None, &mut |a, b| Ok(a.is(b)))?;
                }
                Value::Set(Arc::new(Set::new(d, s.frozen)))
            }
            Value::Module(m) => {
                if self.mode == Mode::Pickle {
                    return Err(type_error("cannot pickle 'module' object"));
                }
                // The module's functions share its dict as their globals: one copy for both, whichever
                // was reached first.
                let dict_ptr = Arc::as_ptr(&m.dict) as usize;
                if let Some(Value::Dict(d)) = self.memo.get(&dict_ptr).cloned() {
                    let new = Arc::new(Module { name: m.name.clone(), dict: d });
                    self.memo.insert(p, Value::Module(new.clone()));
                    return Ok(Value::Module(new));
                }
                let new = Arc::new(Module { name: m.name.clone(), dict: PyDict::new() });
                self.memo.insert(p, Value::Module(new.clone()));
                self.memo.insert(dict_ptr, Value::Dict(new.dict.clone()));
                let snapshot = lock(&m.dict.d).clone();
                self.copy_dict_into(&snapshot, &new.dict)?;
                return Ok(Value::Module(new));
            }
            Value::Func(f) => {
                if self.mode == Mode::Pickle {
                    let module = f.globals.get_name("__name__").and_then(|m| m.as_str().map(String::from));
                    let module = module.unwrap_or_else(|| "__main__".into());
                    if f.qualname.contains("<locals>") {
                        return Err(err("AttributeError", format!("Can't pickle local object '{}'", f.qualname)));
                    }
                    return match self.by_name(&module, &f.qualname) {
                        Some(found) if f.code.name.as_ref() != "<lambda>" => Ok(found),
                        _ => Err(pickling_error(format!(
                            "Can't pickle <function {} at 0x{:x}>: attribute lookup {} on {module} failed",
                            f.qualname,
                            Arc::as_ptr(f) as usize,
                            f.qualname
                        ))),
                    };
                }
                let globals = match self.copy(&Value::Dict(f.globals.clone()))? {
                    Value::Dict(d) => d,
                    _ => f.globals.clone(),
                };
                let mut defaults = Vec::new();
                for d in &f.defaults {
                    defaults.push(self.copy(d)?);
                }
                let mut closure = Vec::new();
                for c in &f.closure {
                    closure.push(self.copy(c)?);
                }
                let mut kwdefaults = Vec::new();
                for (k, v) in &f.kwdefaults {
                    kwdefaults.push((k.clone(), self.copy(v)?));
                }
                let nf = Arc::new(Function {
                    code: f.code.clone(),
                    globals,
                    defaults,
                    kwdefaults,
                    closure,
                    qualname: f.qualname.clone(),
                    owner: OnceLock::new(),
                    dict: Mutex::new(lock(&f.dict).clone()),
                });
                if let Some(o) = f.owner.get().and_then(|w| w.upgrade()) {
                    if let Value::Class(c) = self.copy(&Value::Class(o))? {
                        let _ = nf.owner.set(Arc::downgrade(&c));
                    }
                }
                Value::Func(nf)
            }
            Value::Class(c) => {
                if c.builtin {
                    return Ok(v.clone());
                }
                if self.mode == Mode::Pickle {
                    return self
                        .by_name(&c.module, &c.qualname)
                        .ok_or_else(|| pickling_error(format!("Can't pickle <class '{}.{}'>", c.module, c.qualname)));
                }
                let mut bases = Vec::new();
                for b in &c.bases {
                    if let Value::Class(b) = self.copy(&Value::Class(b.clone()))? {
                        bases.push(b);
                    }
                }
                let mut mro = Vec::new();
                for b in &c.mro {
                    if let Value::Class(b) = self.copy(&Value::Class(b.clone()))? {
                        mro.push(b);
                    }
                }
                let nc = Arc::new(Class {
                    name: c.name.clone(),
                    qualname: c.qualname.clone(),
                    module: c.module.clone(),
                    bases,
                    mro,
                    dict: crate::dict::DictCell::new(Dict::new()),
                    base_kind: c.base_kind,
                    has_descriptors: c.has_descriptors.load(Ordering::Relaxed).into(),
                    has_setattr: c.has_setattr.load(Ordering::Relaxed).into(),
                    has_getattr: c.has_getattr.load(Ordering::Relaxed).into(),
                    builtin: false,
                });
                self.memo.insert(p, Value::Class(nc.clone()));
                let src = lock(&c.dict).clone();
                let mut d = Dict::new();
                for e in src.entries() {
                    let val = self.copy(&e.value)?;
                    if let Value::Str(k) = &e.key {
                        d.set_str(k.clone(), val);
                    }
                }
                *lock(&nc.dict) = d;
                return Ok(Value::Class(nc));
            }
            Value::Instance(i) => {
                let cls = match self.copy(&Value::Class(i.class.clone()))? {
                    Value::Class(c) => c,
                    _ => i.class.clone(),
                };
                let exc = match i.exc() {
                    Some(d) => {
                        let mut nd = d.clone();
                        drop(d);
                        let mut args = Vec::new();
                        for a in &nd.args {
                            args.push(self.copy(a)?);
                        }
                        nd.args = args;
                        nd.cause = None;
                        nd.context = None;
                        nd.traceback.clear();
                        Some(Mutex::new(nd))
                    }
                    None => None,
                };
                let native = match &i.native {
                    Some(n) => Some(self.copy(n)?),
                    None => None,
                };
                let new =
                    Arc::new(Instance { class: cls, dict: crate::value::SpinLock::new(Dict::new()), exc, native });
                self.memo.insert(p, Value::Instance(new.clone()));
                let src = lock(&i.dict).clone();
                let mut d = Dict::new();
                for e in src.entries() {
                    let val = self.copy(&e.value)?;
                    if let Value::Str(k) = &e.key {
                        d.set_str(k.clone(), val);
                    }
                }
                *lock(&new.dict) = d;
                return Ok(Value::Instance(new));
            }
            Value::Method(m) => {
                let func = self.copy(&m.func)?;
                let this = self.copy(&m.this)?;
                Value::Method(Arc::new(crate::value::Method { func, this }))
            }
            Value::Obj(o) => match &**o {
                Obj::Cell(c) => {
                    let inner = lock(c).clone();
                    let inner = self.copy(&inner)?;
                    Value::obj(Obj::Cell(Mutex::new(inner)))
                }
                Obj::Generator(..) if self.mode == Mode::Pickle => {
                    return Err(type_error("cannot pickle 'generator' object"));
                }
                Obj::Native(n) if self.mode == Mode::Pickle => {
                    if n.as_any().downcast_ref::<crate::modules::thread::Lock>().is_some() {
                        return Err(type_error(format!("cannot pickle '_thread.{}' object", n.type_name())));
                    }
                    // Processes' own channels and handles are shared, not copied.
                    return Ok(v.clone());
                }
                Obj::StaticMethod(f) => Value::obj(Obj::StaticMethod(self.copy(f)?)),
                Obj::ClassMethod(f) => Value::obj(Obj::ClassMethod(self.copy(f)?)),
                Obj::Property { fget, fset, fdel, doc } => Value::obj(Obj::Property {
                    fget: self.copy(fget)?,
                    fset: self.copy(fset)?,
                    fdel: self.copy(fdel)?,
                    doc: doc.clone(),
                }),
                // Iterators, generators (at fork), ranges, natives: shared as they are.
                _ => return Ok(v.clone()),
            },
            _ => return Ok(v.clone()),
        };
        self.memo.insert(p, out.clone());
        Ok(out)
    }

    fn copy_dict_into(&mut self, src: &Dict, to: &Arc<PyDict>) -> R<()> {
        for e in src.entries() {
            let k = self.copy(&e.key)?;
            let val = self.copy(&e.value)?;
            lock(&to.d).insert(e.hash, k, val, &mut |a, b| Ok(crate::dict::native_eq(a, b).unwrap_or(false)))?;
        }
        Ok(())
    }
}

/// Copies a value into another interpreter as pickle would (functions and classes by name).
pub fn pickle_into(to: &Arc<Interp>, v: &Value) -> R<Value> {
    Copier { mode: Mode::Pickle, to, memo: HashMap::new() }.copy(v)
}

/// A channel between processes: `multiprocessing.Queue` and the pools' task and result queues.
/// Items are stored pickled against the sender (checked) and copied into the receiver on `get`.
#[derive(Default)]
pub struct ChannelState {
    pub items: Mutex<VecDeque<Value>>,
    pub cv: Condvar,
}

/// A channel, and what a process blocked in its `get` is waiting for, as the trace shows it.
struct Channel(Arc<ChannelState>, State);

impl NativeObj for Channel {
    fn class(&self) -> Arc<Class> {
        static C: OnceLock<Arc<Class>> = OnceLock::new();
        C.get_or_init(|| native_class("Channel", &[("put", chan_put), ("get", chan_get), ("qsize", chan_qsize)]))
            .clone()
    }
    fn type_name(&self) -> &'static str {
        "Channel"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn chan(v: &Value) -> R<Arc<ChannelState>> {
    if let Value::Obj(o) = v {
        if let Obj::Native(n) = &**o {
            if let Some(c) = n.as_any().downcast_ref::<Channel>() {
                return Ok(c.0.clone());
            }
        }
    }
    Err(type_error("expected a channel"))
}

fn chan_put(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("put", args, 2, 2)?;
    let c = chan(&args[0])?;
    let item = pickle_into(&vm.interp, &args[1])?;
    lock(&c.items).push_back(item);
    c.cv.notify_all();
    Ok(Value::None)
}

fn chan_qsize(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(lock(&chan(&args[0])?.items).len() as i64))
}

/// `get(block=True, timeout=None)`; raises `queue.Empty`-like `TimeoutError` when none came.
fn chan_get(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let c = chan(&args[0])?;
    let block = match args.get(1) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match args.get(2) {
        Some(Value::Int(i)) => Some(*i as f64),
        Some(Value::Float(f)) => Some(*f),
        _ => None,
    };
    let state = chan_state(&args[0]);
    if let Some(v) = lock(&c.items).pop_front() {
        vm.wait_deadline = None;
        vm.wake = None;
        return pickle_into(&vm.interp, &v);
    }
    if !block {
        return Err(err("TimeoutError", "empty"));
    }
    let deadline = timeout.map(|t| vm.interp.now() + t);
    if vm.interp.config.simulate {
        crate::modules::thread::sim_block(vm, Wait::Channel(c), deadline, state)?;
        return Err(err("TimeoutError", "empty"));
    }
    vm.begin_wait(state);
    let got = (|| {
        let mut g = lock(&c.items);
        loop {
            if let Some(v) = g.pop_front() {
                return Ok(Some(v));
            }
            if vm.interp.stopped() {
                return Err(Raise::Stop);
            }
            let mut slice = Duration::from_millis(10);
            if let Some(d) = deadline {
                let left = d - vm.interp.host.now();
                if left <= 0.0 {
                    return Ok(None);
                }
                slice = slice.min(Duration::from_secs_f64(left));
            }
            g = c.cv.wait_timeout(g, slice).unwrap_or_else(|e| e.into_inner()).0;
        }
    })();
    vm.acquire_gil()?;
    match got? {
        Some(v) => pickle_into(&vm.interp, &v),
        None => Err(err("TimeoutError", "empty")),
    }
}

fn chan_state(v: &Value) -> State {
    if let Value::Obj(o) = v {
        if let Obj::Native(n) = &**o {
            if let Some(c) = n.as_any().downcast_ref::<Channel>() {
                return c.1;
            }
        }
    }
    State::Queue
}

/// `_mp.Channel(reason="queue")`: a channel whose blocking `get` the trace shows as `reason`.
fn channel(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let state = match args.first() {
        Some(r) => crate::modules::thread::reason(r)?,
        None => State::Queue,
    };
    Ok(Value::obj(Obj::Native(Box::new(Channel(Arc::new(ChannelState::default()), state)))))
}

/// `_mp.set_process_name(name)`: names the current process's track in the trace.
fn set_process_name(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("set_process_name", args, 1, 1)?;
    if let (Some(rec), Some(name)) = (&mut vm.rec, args[0].as_str()) {
        rec.set_process_name(name.to_string());
    }
    Ok(Value::None)
}

/// `_mp.terminate(pid)`: stops the child process `pid` of this one (and its children).
fn terminate(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("terminate", args, 1, 1)?;
    let pid = match &args[0] {
        Value::Int(p) => *p,
        _ => return Err(type_error("terminate() expects a pid")),
    };
    let children: Vec<_> = lock(&vm.interp.children).iter().filter_map(|c| c.upgrade()).collect();
    if let Some(c) = children.iter().find(|c| i64::from(c.pid) == pid) {
        c.terminate();
    }
    Ok(Value::None)
}

/// `_mp.start(bootstrap, args)`: a new process whose module state is a copy of this one's, running
/// `bootstrap(*args)` (copied with everything else) on its main thread. Returns its pid.
fn start(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("start", args, 2, 2)?;
    let parent = vm.interp.clone();
    let pid = NEXT_PID.fetch_add(1, Ordering::Relaxed);
    let child = Interp::new_process(&parent, pid);
    let mut c = Copier { mode: Mode::Fork, to: &child, memo: HashMap::new() };
    let mods: Vec<(String, Value)> = lock(&parent.modules).iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (name, m) in mods {
        let copied = c.copy(&m)?;
        lock(&child.modules).insert(name, copied);
    }
    let builtins = lock(&parent.builtins.d).items();
    for (k, v) in builtins {
        let v = c.copy(&v)?;
        if let Value::Str(s) = &k {
            child.builtins.set_str(s, v);
        }
    }
    let f = c.copy(&args[0])?;
    let fargs = match c.copy(&args[1])? {
        Value::Tuple(t) => t.0.clone(),
        _ => Vec::new(),
    };
    crate::runtime::start_process_main(&child, f, fargs)?;
    Ok(Value::Int(pid as i64))
}

/// `_mp.report(exc, name)`: "Process NAME:" and the traceback, as a child process prints them.
fn report(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let name = args.get(1).and_then(|n| n.as_str()).unwrap_or("?").to_string();
    let tb = crate::traceback::format_exception(vm, &args[0]);
    vm.interp.write_err(&format!("Process {name}:\n{tb}"));
    Ok(Value::None)
}

fn pid(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(vm.interp.pid as i64))
}

pub fn init(m: &Module) {
    add_fns(
        m,
        &[
            ("start", start),
            ("Channel", channel),
            ("report", report),
            ("pid", pid),
            ("set_process_name", set_process_name),
            ("terminate", terminate),
        ],
    );
    for name in ["PickleError", "PicklingError", "UnpicklingError"] {
        m.dict.set_name(name, Value::Class(crate::types::exc_class(name)));
    }
    m.dict.set_name("START_COST", Value::Float(START_COST));
    let _ = types();
}
