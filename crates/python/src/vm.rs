//! The evaluator: one `Vm` per Python thread, with an explicit stack of frames, so that a thread
//! can stop at any instruction boundary (to block or be preempted in `--simulate`) and resume.
//!
//! Calls of Python functions push a frame and go on in the same loop; native code that must call
//! back into Python (a `key=` function, a dunder) does a nested run, which cannot be suspended.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::ast::{BinOp, CmpOp, UnOp};
use crate::code::{Code, CodeKind, Op};
use crate::dict::Dict;
use crate::frame::{Block, BlockKind, Body, Exhaust, Frame, FrameKind};
use crate::interp::{Interp, BREAK_GIL, BREAK_SIM, BREAK_STOP};
use crate::types::{err, exc_class, new_exception, type_error, type_name, types};
use crate::value::{lock, Function, Module, Obj, PyDict, Str, Tuple, Value};
use crate::{Raise, R};

mod calls;

/// What a blocked thread waits for (in `--simulate`, where the scheduler does the waiting).
#[derive(Clone)]
pub enum Wait {
    Sleep,
    Lock(Arc<crate::modules::thread::LockState>),
    /// A process channel (a multiprocessing queue, a pool's results) to have an item.
    Channel(Arc<crate::modules::mp::ChannelState>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wake {
    Signaled,
    TimedOut,
}

pub struct Vm {
    pub interp: Arc<Interp>,
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// The exception being handled (`sys.exc_info()`), None outside handlers.
    pub exc_info: Value,
    pub ident: u64,
    /// How deep native code has called back into Python: such runs cannot be suspended.
    pub nested: u32,
    pub holds_gil: bool,
    /// `--simulate`: instructions left in this slice, the deadline of the current wait, and
    /// why the scheduler woke this thread.
    pub budget: i64,
    pub ticks: u64,
    pub wait_deadline: Option<f64>,
    pub wake: Option<Wake>,
    argbuf: Vec<Value>,
    /// This thread's cache of globals, builtins and module attributes (see `cache`).
    pub names: crate::cache::NameCache,
    /// Containers being repr'd, so a list that contains itself prints as `[...]`.
    pub repr_guard: Vec<usize>,
    /// This thread's trace, when the run is recorded (`Config::trace`).
    pub rec: Option<Box<crate::trace::Recorder>>,
    /// What the last generator resumed from native code returned when it ended.
    pub gen_return: Value,
    /// The value the next `Op::Send` finds is an exception to throw into its iterator
    /// (`gen.throw()` through `yield from`/`await`).
    pub throw_pending: bool,
}

pub(crate) enum Called {
    /// A frame was pushed; its result arrives when it returns.
    Pushed,
    /// The result is on the stack.
    Done,
}

macro_rules! tri {
    ($self:ident, $fi:expr, $ip:expr, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => {
                $self.frames[$fi].ip = $ip;
                return Err(e);
            }
        }
    };
}

impl Vm {
    pub fn new(interp: Arc<Interp>, ident: u64) -> Vm {
        Vm {
            stack: Vec::with_capacity(256),
            frames: Vec::with_capacity(16),
            exc_info: Value::None,
            ident,
            nested: 0,
            holds_gil: false,
            budget: 0,
            ticks: 0,
            wait_deadline: None,
            wake: None,
            argbuf: Vec::new(),
            names: Default::default(),
            repr_guard: Vec::new(),
            rec: crate::runtime::new_recorder(&interp, ident),
            gen_return: Value::None,
            throw_pending: false,
            interp,
        }
    }

    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or_default()
    }
    /// Replaces the two values on top, ints or floats that own nothing, by `r`, without their
    /// drop glue (see `Value::discard`).
    #[inline(always)]
    fn replace_inline_pair(&mut self, r: Value) {
        let n = self.stack.len();
        debug_assert!(!self.stack[n - 1].is_heap() && !self.stack[n - 2].is_heap());
        std::mem::forget(self.stack.pop());
        std::mem::forget(std::mem::replace(&mut self.stack[n - 2], r));
    }

    /// Drops the stack down to `n` values, each through `Value::discard`.
    #[inline]
    fn cut_stack(&mut self, n: usize) {
        while self.stack.len() > n {
            if let Some(v) = self.stack.pop() {
                v.discard();
            }
        }
    }

    fn top(&self) -> &Value {
        static NONE: Value = Value::None;
        self.stack.last().unwrap_or(&NONE)
    }

    /// Runs frames until the frame at index `boundary` returns (or yields), handling exceptions.
    pub fn run_frames(&mut self, boundary: usize) -> R<Value> {
        loop {
            match self.execute(boundary) {
                Ok(v) => return Ok(v),
                Err(Raise::Exc(e)) => self.unwind(e, boundary, true)?,
                Err(Raise::Reraise(e)) => self.unwind(e, boundary, false)?,
                Err(Raise::Block(w)) => {
                    if let Some(f) = self.frames.last_mut() {
                        f.ip -= 1;
                    }
                    return Err(Raise::Block(w));
                }
                Err(Raise::Preempt) => {
                    if let Some(f) = self.frames.last_mut() {
                        f.ip -= 1;
                    }
                    return Err(Raise::Preempt);
                }
                Err(other) => {
                    self.abandon(boundary);
                    return Err(other);
                }
            }
        }
    }

    /// Drops the frames above `boundary` without running handlers (stop, internal errors).
    fn abandon(&mut self, boundary: usize) {
        while self.frames.len() > boundary {
            if let Some(f) = self.frames.pop() {
                if let FrameKind::Generator(g, _) = &f.kind {
                    if let Obj::Generator(st, _) = &**g {
                        let mut st = lock(st);
                        st.running = false;
                        st.finished = true;
                    }
                }
                self.stack.truncate(f.ret_pos);
            }
        }
    }

    /// The eval breaker: checked at calls and loop back-edges only, as in CPython 3.10+.
    #[inline(never)]
    fn on_breaker(&mut self, weight: i64) -> R<()> {
        if crate::limits::over_cap() && crate::limits::take_over_cap() {
            return Err(err("MemoryError", ""));
        }
        let bits = self.interp.breaker.load(Ordering::Relaxed);
        if bits & BREAK_STOP != 0 {
            return Err(Raise::Stop);
        }
        if bits & BREAK_SIM != 0 && self.nested == 0 {
            self.ticks += weight as u64;
            self.budget -= weight;
            if self.budget <= 0 {
                return Err(Raise::Preempt);
            }
        } else if bits & BREAK_SIM != 0 {
            self.ticks += weight as u64;
        }
        if bits & BREAK_GIL != 0 && self.holds_gil && self.interp.gil.drop_requested() {
            self.yield_gil();
            if self.interp.stopped() {
                return Err(Raise::Stop);
            }
        }
        Ok(())
    }

    fn execute(&mut self, boundary: usize) -> R<Value> {
        'frame: loop {
            let fi = self.frames.len() - 1;
            // SAFETY: the frame at `fi` owns an `Arc` of this code (through its function or its
            // module body) for as long as this loop runs it: the only paths that pop or move that
            // frame (Return, Yield) leave the inner loop straight after, and moving an `Arc` does
            // not move the code it points to. Borrowing instead of cloning saves two atomic writes
            // per frame entry on a count that every thread running this code shares.
            let code: &Code = unsafe { &*Arc::as_ptr(self.frames[fi].code()) };
            let base = self.frames[fi].base;
            let mut ip = self.frames[fi].ip;
            let ops = &code.ops[..];
            loop {
                let op = match ops.get(ip) {
                    Some(op) => *op,
                    None => Op::Return,
                };
                ip += 1;
                match op {
                    Op::Nop => {}
                    Op::LoadConst(i) => {
                        let v = code.consts[i as usize].clone();
                        self.stack.push(v);
                    }
                    Op::LoadFast(i) => {
                        let v = &self.stack[base + i as usize];
                        if v.is_null() {
                            let name = &code.local_names[i as usize].s;
                            self.frames[fi].ip = ip;
                            return Err(err(
                                "UnboundLocalError",
                                format!(
                                    "cannot access local variable '{name}' where it is not associated with a value"
                                ),
                            ));
                        }
                        let v = v.clone();
                        self.stack.push(v);
                    }
                    Op::LoadFastAttr(j, n) => {
                        let v = &self.stack[base + j as usize];
                        if let Value::Instance(inst) = v {
                            if !inst.class.has_descriptors.load(Ordering::Relaxed) {
                                let found = lock(&inst.dict).get_str(&code.names[n as usize]);
                                if let Some(found) = found {
                                    self.stack.push(found);
                                    ip += 1;
                                    continue;
                                }
                            }
                        }
                        // Only the `LoadFast`: the `LoadAttr` after it does the rest.
                        if v.is_null() {
                            self.frames[fi].ip = ip;
                            return Err(unbound_local(code, j as usize));
                        }
                        let v = v.clone();
                        self.stack.push(v);
                    }
                    Op::LoadFastStoreAttr(j, n) => {
                        let v = &self.stack[base + j as usize];
                        // In `--simulate` a store is a preemption point: the `StoreAttr` does it all.
                        let plain = match v {
                            Value::Instance(inst) => {
                                let c = &inst.class;
                                inst.exc.is_none()
                                    && self.interp.breaker.load(Ordering::Relaxed) & BREAK_SIM == 0
                                    && !c.has_descriptors.load(Ordering::Relaxed)
                                    && !c.has_setattr.load(Ordering::Relaxed)
                            }
                            _ => false,
                        };
                        if plain {
                            let value = self.pop();
                            if let Value::Instance(inst) = &self.stack[base + j as usize] {
                                lock(&inst.dict).set_str_ref(&code.names[n as usize], value);
                            }
                            ip += 1;
                            continue;
                        }
                        let v = &self.stack[base + j as usize];
                        if v.is_null() {
                            self.frames[fi].ip = ip;
                            return Err(unbound_local(code, j as usize));
                        }
                        let v = v.clone();
                        self.stack.push(v);
                    }
                    Op::StoreFast(i) => {
                        let v = self.pop();
                        std::mem::replace(&mut self.stack[base + i as usize], v).discard();
                    }
                    Op::DeleteFast(i) => {
                        if self.stack[base + i as usize].is_null() {
                            let name = &code.local_names[i as usize].s;
                            self.frames[fi].ip = ip;
                            return Err(err(
                                "UnboundLocalError",
                                format!(
                                    "cannot access local variable '{name}' where it is not associated with a value"
                                ),
                            ));
                        }
                        self.stack[base + i as usize] = Value::Null;
                    }
                    Op::LoadDeref(i) => {
                        let v = match &self.stack[base + i as usize] {
                            Value::Obj(o) => match &**o {
                                Obj::Cell(c) => lock(c).clone(),
                                _ => Value::Null,
                            },
                            _ => Value::Null,
                        };
                        if v.is_null() {
                            let name = &code.local_names[i as usize].s;
                            self.frames[fi].ip = ip;
                            return Err(err(
                                "NameError",
                                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                            ));
                        }
                        self.stack.push(v);
                    }
                    Op::StoreDeref(i) => {
                        if self.interp.breaker.load(Ordering::Relaxed) & BREAK_SIM != 0 {
                            tri!(self, fi, ip, self.sim_store_point());
                        }
                        let v = self.pop();
                        if let Value::Obj(o) = &self.stack[base + i as usize] {
                            if let Obj::Cell(c) = &**o {
                                *lock(c) = v;
                            }
                        }
                    }
                    Op::LoadCell(i) => {
                        let v = self.stack[base + i as usize].clone();
                        self.stack.push(v);
                    }
                    Op::LoadGlobalMethod(g, n) | Op::LoadGlobalAttr(g, n) => {
                        let (global, attr) = (&code.names[g as usize], &code.names[n as usize]);
                        if let Some(v) = self.names.module_attr(self.frames[fi].globals(), global, attr) {
                            self.stack.push(v);
                            if matches!(op, Op::LoadGlobalMethod(..)) {
                                self.stack.push(Value::Null);
                            }
                            ip += 1;
                            continue;
                        }
                        // Only the `LoadGlobal`: the op after it does the rest.
                        let mut v = self.names.get(self.frames[fi].globals(), global);
                        if v.is_null() {
                            v = self.names.get(&self.interp.builtins, global);
                            if v.is_null() {
                                self.frames[fi].ip = ip;
                                return Err(name_error(&global.s));
                            }
                        }
                        self.stack.push(v);
                    }
                    Op::LoadGlobal(i) => {
                        let name = &code.names[i as usize];
                        let mut v = self.names.get(self.frames[fi].globals(), name);
                        if v.is_null() {
                            v = self.names.get(&self.interp.builtins, name);
                            if v.is_null() {
                                self.frames[fi].ip = ip;
                                return Err(name_error(&name.s));
                            }
                        }
                        self.stack.push(v);
                    }
                    Op::StoreGlobal(i) => {
                        if self.interp.breaker.load(Ordering::Relaxed) & BREAK_SIM != 0 {
                            tri!(self, fi, ip, self.sim_store_point());
                        }
                        let v = self.pop();
                        self.frames[fi].globals().set_str(&code.names[i as usize], v);
                    }
                    Op::DeleteGlobal(i) => {
                        let name = &code.names[i as usize];
                        if lock(&self.frames[fi].globals().d).del_str(name).is_none() {
                            self.frames[fi].ip = ip;
                            return Err(name_error(&name.s));
                        }
                    }
                    Op::LoadName(i) => {
                        let name = &code.names[i as usize];
                        let found = self.frames[fi].ns.as_ref().and_then(|ns| ns.get_str(name));
                        let v = match found {
                            Some(v) => v,
                            None => {
                                let mut v = self.names.get(self.frames[fi].globals(), name);
                                if v.is_null() {
                                    v = self.names.get(&self.interp.builtins, name);
                                    if v.is_null() {
                                        self.frames[fi].ip = ip;
                                        return Err(name_error(&name.s));
                                    }
                                }
                                v
                            }
                        };
                        self.stack.push(v);
                    }
                    Op::StoreName(i) => {
                        let v = self.pop();
                        let f = &self.frames[fi];
                        match &f.ns {
                            Some(ns) => ns.set_str(&code.names[i as usize], v),
                            None => f.globals().set_str(&code.names[i as usize], v),
                        }
                    }
                    Op::DeleteName(i) => {
                        let name = &code.names[i as usize];
                        let f = &self.frames[fi];
                        let d = f.ns.as_ref().unwrap_or(f.globals());
                        if lock(&d.d).del_str(name).is_none() {
                            self.frames[fi].ip = ip;
                            return Err(name_error(&name.s));
                        }
                    }
                    Op::LoadAttr(i) => {
                        if let Some(Value::Module(m)) = self.stack.last() {
                            let v = self.names.get(&m.dict, &code.names[i as usize]);
                            if !v.is_null() {
                                let n = self.stack.len();
                                self.stack[n - 1] = v;
                                continue;
                            }
                        }
                        let obj = self.pop();
                        // The common case: an instance attribute, no descriptors on its class.
                        if let Value::Instance(inst) = &obj {
                            if !inst.class.has_descriptors.load(Ordering::Relaxed) {
                                let found = lock(&inst.dict).get_str(&code.names[i as usize]);
                                if let Some(v) = found {
                                    self.stack.push(v);
                                    continue;
                                }
                            }
                        }
                        self.frames[fi].ip = ip;
                        let v = tri!(self, fi, ip, self.getattr(&obj, &code.names[i as usize]));
                        self.stack.push(v);
                    }
                    Op::StoreAttr(i) => {
                        if self.interp.breaker.load(Ordering::Relaxed) & BREAK_SIM != 0 {
                            tri!(self, fi, ip, self.sim_store_point());
                        }
                        let obj = self.pop();
                        let v = self.pop();
                        if let Value::Instance(inst) = &obj {
                            let c = &inst.class;
                            if inst.exc.is_none()
                                && !c.has_descriptors.load(Ordering::Relaxed)
                                && !c.has_setattr.load(Ordering::Relaxed)
                            {
                                lock(&inst.dict).set_str_ref(&code.names[i as usize], v);
                                continue;
                            }
                        }
                        self.frames[fi].ip = ip;
                        tri!(self, fi, ip, self.setattr(&obj, &code.names[i as usize], v));
                    }
                    Op::DeleteAttr(i) => {
                        let obj = self.pop();
                        self.frames[fi].ip = ip;
                        tri!(self, fi, ip, self.delattr(&obj, &code.names[i as usize]));
                    }
                    Op::LoadMethod(i) => {
                        // `math.sqrt(x)`: a module's attribute is called as it is, unbound.
                        if let Some(Value::Module(m)) = self.stack.last() {
                            let v = self.names.get(&m.dict, &code.names[i as usize]);
                            if !v.is_null() {
                                let n = self.stack.len();
                                self.stack[n - 1] = v;
                                self.stack.push(Value::Null);
                                continue;
                            }
                        }
                        // `obj.method(...)` on an instance whose dict does not shadow the method:
                        // the function goes under the instance, which stays where it is.
                        if let Some(Value::Instance(inst)) = self.stack.last() {
                            let name = &code.names[i as usize];
                            if !inst.class.has_descriptors.load(Ordering::Relaxed)
                                && lock(&inst.dict).get_str(name).is_none()
                            {
                                if let Some(f @ Value::Func(_)) = self.names.class_get(&inst.class, name) {
                                    let n = self.stack.len();
                                    let obj = std::mem::replace(&mut self.stack[n - 1], f);
                                    self.stack.push(obj);
                                    continue;
                                }
                            }
                        }
                        let obj = self.pop();
                        self.frames[fi].ip = ip;
                        let (a, b) = tri!(self, fi, ip, self.load_method(obj, &code.names[i as usize]));
                        self.stack.push(a);
                        self.stack.push(b);
                    }
                    Op::CallMethod(n) => {
                        self.frames[fi].ip = ip;
                        if self.interp.breaker.load(Ordering::Relaxed) != 0 || crate::limits::over_cap() {
                            tri!(self, fi, ip, self.on_breaker(4));
                        }
                        let n = n as usize;
                        let fpos = self.stack.len() - n - 2;
                        let r = if self.stack[fpos + 1].is_null() {
                            self.call_slot(fpos, fpos + 2, n, None)
                        } else {
                            self.call_slot(fpos, fpos + 1, n + 1, None)
                        };
                        match tri!(self, fi, ip, r) {
                            Called::Pushed => continue 'frame,
                            Called::Done => {}
                        }
                    }
                    Op::Call(n) => {
                        self.frames[fi].ip = ip;
                        if self.interp.breaker.load(Ordering::Relaxed) != 0 || crate::limits::over_cap() {
                            tri!(self, fi, ip, self.on_breaker(4));
                        }
                        let n = n as usize;
                        let fpos = self.stack.len() - n - 1;
                        match tri!(self, fi, ip, self.call_slot(fpos, fpos + 1, n, None)) {
                            Called::Pushed => continue 'frame,
                            Called::Done => {}
                        }
                    }
                    Op::CallKw(n, names) => {
                        self.frames[fi].ip = ip;
                        if self.interp.breaker.load(Ordering::Relaxed) != 0 || crate::limits::over_cap() {
                            tri!(self, fi, ip, self.on_breaker(4));
                        }
                        let n = n as usize;
                        let fpos = self.stack.len() - n - 1;
                        let names = match &code.consts[names as usize] {
                            Value::Tuple(t) => t.clone(),
                            _ => Arc::new(Tuple(Vec::new())),
                        };
                        match tri!(self, fi, ip, self.call_slot(fpos, fpos + 1, n, Some(names))) {
                            Called::Pushed => continue 'frame,
                            Called::Done => {}
                        }
                    }
                    Op::CallEx(has_kw) => {
                        self.frames[fi].ip = ip;
                        if self.interp.breaker.load(Ordering::Relaxed) != 0 || crate::limits::over_cap() {
                            tri!(self, fi, ip, self.on_breaker(4));
                        }
                        let kwargs = if has_kw { Some(self.pop()) } else { None };
                        let args = self.pop();
                        let fpos = self.stack.len() - 1;
                        let f = self.stack[fpos].clone();
                        let pos: Vec<Value> = match &args {
                            Value::Tuple(t) => t.0.clone(),
                            _ => Vec::new(),
                        };
                        let n = pos.len();
                        self.stack.extend(pos);
                        let mut names = Vec::new();
                        if let Some(Value::Dict(d)) = &kwargs {
                            for (k, v) in lock(&d.d).iter() {
                                names.push(k.clone());
                                self.stack.push(v.clone());
                            }
                        }
                        let kn = names.len();
                        let names = if kn > 0 { Some(Arc::new(Tuple(names))) } else { None };
                        match self.call_at(fpos, f, fpos + 1, n + kn, names) {
                            Ok(Called::Pushed) => continue 'frame,
                            Ok(Called::Done) => {}
                            Err(e) => {
                                if matches!(e, Raise::Block(_) | Raise::Preempt) {
                                    // Run again on waking: the stack as this op found it.
                                    self.stack.truncate(fpos + 1);
                                    self.stack.push(args);
                                    if let Some(k) = kwargs {
                                        self.stack.push(k);
                                    }
                                }
                                self.frames[fi].ip = ip;
                                return Err(e);
                            }
                        }
                    }
                    Op::Binary(bop) | Op::Inplace(bop) => {
                        // Ints and floats: the result takes the operands' place, which own nothing.
                        let n = self.stack.len();
                        let fast = match (bop, &self.stack[n - 2], &self.stack[n - 1]) {
                            (BinOp::Add, Value::Int(x), Value::Int(y)) => x.checked_add(*y).map(Value::Int),
                            (BinOp::Sub, Value::Int(x), Value::Int(y)) => x.checked_sub(*y).map(Value::Int),
                            (BinOp::Add, Value::Float(x), Value::Float(y)) => Some(Value::Float(x + y)),
                            (BinOp::Mul, Value::Int(x), Value::Int(y)) => x.checked_mul(*y).map(Value::Int),
                            // Non-negative operands: Python's floor division and modulo are Rust's.
                            (BinOp::Mod, Value::Int(x), Value::Int(y)) if *x >= 0 && *y > 0 => Some(Value::Int(x % y)),
                            (BinOp::FloorDiv, Value::Int(x), Value::Int(y)) if *x >= 0 && *y > 0 => {
                                Some(Value::Int(x / y))
                            }
                            (BinOp::Sub, Value::Float(x), Value::Float(y)) => Some(Value::Float(x - y)),
                            (BinOp::Mul, Value::Float(x), Value::Float(y)) => Some(Value::Float(x * y)),
                            _ => None,
                        };
                        if let Some(r) = fast {
                            self.replace_inline_pair(r);
                            continue;
                        }
                        let b = self.pop();
                        let a = self.pop();
                        let r = match (bop, &a, &b) {
                            // `s += t` (or `s = s + t`) where `s` is the local stored next.
                            (BinOp::Add, Value::Str(_), Value::Str(_)) => {
                                self.frames[fi].ip = ip;
                                let local = match ops.get(ip) {
                                    Some(Op::StoreFast(j)) => Some(base + *j as usize),
                                    _ => None,
                                };
                                tri!(self, fi, ip, self.str_concat(a, b, local))
                            }
                            _ => {
                                self.frames[fi].ip = ip;
                                let inplace = matches!(op, Op::Inplace(_));
                                tri!(self, fi, ip, self.binary_op(bop, a, b, inplace))
                            }
                        };
                        self.stack.push(r);
                    }
                    Op::Unary(u) => {
                        let a = self.pop();
                        self.frames[fi].ip = ip;
                        let r = tri!(self, fi, ip, self.unary_op(u, a));
                        self.stack.push(r);
                    }
                    Op::Compare(c) => {
                        let n = self.stack.len();
                        let fast = match (c, &self.stack[n - 2], &self.stack[n - 1]) {
                            (CmpOp::Lt, Value::Int(x), Value::Int(y)) => Some(x < y),
                            (CmpOp::Le, Value::Int(x), Value::Int(y)) => Some(x <= y),
                            (CmpOp::Gt, Value::Int(x), Value::Int(y)) => Some(x > y),
                            (CmpOp::Ge, Value::Int(x), Value::Int(y)) => Some(x >= y),
                            (CmpOp::Eq, Value::Int(x), Value::Int(y)) => Some(x == y),
                            (CmpOp::Ne, Value::Int(x), Value::Int(y)) => Some(x != y),
                            (CmpOp::Lt, Value::Float(x), Value::Float(y)) => Some(x < y),
                            (CmpOp::Gt, Value::Float(x), Value::Float(y)) => Some(x > y),
                            _ => None,
                        };
                        if let Some(r) = fast {
                            self.replace_inline_pair(Value::Bool(r));
                            continue;
                        }
                        let b = self.pop();
                        let a = self.pop();
                        self.frames[fi].ip = ip;
                        let r = tri!(self, fi, ip, self.compare_op(c, &a, &b));
                        self.stack.push(r);
                    }
                    Op::Subscr => {
                        let idx = self.pop();
                        let obj = self.pop();
                        self.frames[fi].ip = ip;
                        let v = tri!(self, fi, ip, self.getitem(&obj, &idx));
                        self.stack.push(v);
                    }
                    Op::StoreSubscr => {
                        if self.interp.breaker.load(Ordering::Relaxed) & BREAK_SIM != 0 {
                            tri!(self, fi, ip, self.sim_store_point());
                        }
                        let idx = self.pop();
                        let obj = self.pop();
                        let v = self.pop();
                        self.frames[fi].ip = ip;
                        tri!(self, fi, ip, self.setitem(&obj, idx, v));
                    }
                    Op::DeleteSubscr => {
                        let idx = self.pop();
                        let obj = self.pop();
                        self.frames[fi].ip = ip;
                        tri!(self, fi, ip, self.delitem(&obj, &idx));
                    }
                    Op::BuildSlice(n) => {
                        let step = if n == 3 { self.pop() } else { Value::None };
                        let stop = self.pop();
                        let start = self.pop();
                        self.stack.push(Value::obj(Obj::Slice(start, stop, step)));
                    }
                    Op::BuildTuple(n) => {
                        let at = self.stack.len() - n as usize;
                        let items: Vec<Value> = self.stack.drain(at..).collect();
                        self.stack.push(Value::tuple(items));
                    }
                    Op::BuildList(n) => {
                        let at = self.stack.len() - n as usize;
                        let items: Vec<Value> = self.stack.drain(at..).collect();
                        self.stack.push(Value::list(items));
                    }
                    Op::BuildSet(n) => {
                        let at = self.stack.len() - n as usize;
                        let items: Vec<Value> = self.stack.drain(at..).collect();
                        self.frames[fi].ip = ip;
                        let s = tri!(self, fi, ip, self.make_set(items, false));
                        self.stack.push(s);
                    }
                    Op::BuildMap(n) => {
                        let at = self.stack.len() - 2 * n as usize;
                        let items: Vec<Value> = self.stack.drain(at..).collect();
                        let mut d = Dict::with_capacity(n as usize);
                        self.frames[fi].ip = ip;
                        for kv in items.chunks(2) {
                            tri!(self, fi, ip, self.dict_insert(&mut d, kv[0].clone(), kv[1].clone()));
                        }
                        self.stack.push(Value::dict(d));
                    }
                    Op::BuildString(n) => {
                        let at = self.stack.len() - n as usize;
                        // One allocation of the final size, not a growth per part.
                        let len = self.stack[at..].iter().map(|v| v.as_str().map_or(0, str::len)).sum();
                        let mut s = String::with_capacity(len);
                        for v in &self.stack[at..] {
                            if let Value::Str(p) = v {
                                s.push_str(&p.s);
                            }
                        }
                        self.stack.truncate(at);
                        self.stack.push(Value::str(s));
                    }
                    Op::ListAppend(d) => {
                        let v = self.pop();
                        let at = self.stack.len() - d as usize;
                        if let Value::List(l) = &self.stack[at] {
                            let mut g = lock(&l.items);
                            if g.len() == g.capacity() && g.capacity() >= 1024 {
                                let grow = g.capacity();
                                drop(g);
                                self.frames[fi].ip = ip;
                                tri!(self, fi, ip, self.note_alloc(grow * 16));
                                g = lock(&l.items);
                            }
                            g.push(v);
                        }
                    }
                    Op::SetAdd(d) => {
                        let v = self.pop();
                        let at = self.stack.len() - d as usize;
                        let s = self.stack[at].clone();
                        self.frames[fi].ip = ip;
                        tri!(self, fi, ip, self.set_add(&s, v));
                    }
                    Op::MapAdd(d) => {
                        let v = self.pop();
                        let k = self.pop();
                        let at = self.stack.len() - d as usize;
                        if let Value::Dict(dict) = self.stack[at].clone() {
                            self.frames[fi].ip = ip;
                            tri!(self, fi, ip, self.dict_set(&dict, k, v));
                        }
                    }
                    Op::ListExtend(d) => {
                        let v = self.pop();
                        self.frames[fi].ip = ip;
                        let items = tri!(self, fi, ip, self.collect(&v));
                        let at = self.stack.len() - d as usize;
                        if let Value::List(l) = &self.stack[at] {
                            lock(&l.items).extend(items);
                        }
                    }
                    Op::SetUpdate(d) => {
                        let v = self.pop();
                        self.frames[fi].ip = ip;
                        let items = tri!(self, fi, ip, self.collect(&v));
                        let at = self.stack.len() - d as usize;
                        let s = self.stack[at].clone();
                        for it in items {
                            tri!(self, fi, ip, self.set_add(&s, it));
                        }
                    }
                    Op::DictUpdate(d) => {
                        let v = self.pop();
                        let at = self.stack.len() - d as usize;
                        let target = self.stack[at].clone();
                        self.frames[fi].ip = ip;
                        tri!(self, fi, ip, self.dict_update(&target, &v, true));
                    }
                    Op::ListToTuple => {
                        let v = self.pop();
                        let items = match &v {
                            Value::List(l) => std::mem::take(&mut *lock(&l.items)),
                            _ => Vec::new(),
                        };
                        self.stack.push(Value::tuple(items));
                    }
                    Op::FormatValue(conv, has_spec) => {
                        let spec = if has_spec { self.pop() } else { Value::Null };
                        let v = self.pop();
                        self.frames[fi].ip = ip;
                        let v = match conv {
                            b'r' => Value::str(tri!(self, fi, ip, self.repr(&v))),
                            b's' => Value::str(tri!(self, fi, ip, self.to_str(&v))),
                            b'a' => Value::str(crate::format::ascii(&tri!(self, fi, ip, self.repr(&v)))),
                            _ => v,
                        };
                        let s = match (&v, &spec) {
                            (Value::Str(_), Value::Null) => v,
                            _ => {
                                let spec = spec.as_str().unwrap_or("").to_string();
                                Value::str(tri!(self, fi, ip, self.format(&v, &spec)))
                            }
                        };
                        self.stack.push(s);
                    }
                    Op::Jump(t) => ip = t as usize,
                    Op::JumpBack(t) => {
                        if self.interp.breaker.load(Ordering::Relaxed) != 0 || crate::limits::over_cap() {
                            self.frames[fi].ip = ip;
                            let weight = (ip - t as usize) as i64;
                            tri!(self, fi, ip, self.on_breaker(weight));
                        }
                        ip = t as usize;
                    }
                    Op::PopJumpIfFalse(t) => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => {
                                self.frames[fi].ip = ip;
                                tri!(self, fi, ip, self.truthy(&v))
                            }
                        };
                        if !b {
                            ip = t as usize;
                        }
                    }
                    Op::PopJumpIfTrue(t) => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => {
                                self.frames[fi].ip = ip;
                                tri!(self, fi, ip, self.truthy(&v))
                            }
                        };
                        if b {
                            ip = t as usize;
                        }
                    }
                    Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                        let v = self.top().clone();
                        self.frames[fi].ip = ip;
                        let b = tri!(self, fi, ip, self.truthy(&v));
                        if b == matches!(op, Op::JumpIfTrueOrPop(_)) {
                            ip = t as usize;
                        } else {
                            self.pop();
                        }
                    }
                    Op::GetIter => {
                        let v = self.pop();
                        self.frames[fi].ip = ip;
                        let it = tri!(self, fi, ip, self.iter(&v));
                        self.stack.push(it);
                    }
                    Op::ForIter(t) => {
                        // A range's or a list's iterator advances where it lies on the stack: a
                        // clone of it would be an atomic count up and down on every item.
                        let fast = match self.stack.last() {
                            Some(Value::Obj(o)) => match &**o {
                                Obj::RangeIter { cur, stop, step } => {
                                    let c = cur.load(Ordering::Relaxed);
                                    if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                                        cur.store(c + step, Ordering::Relaxed);
                                        Some(Some(Value::Int(c)))
                                    } else {
                                        Some(None)
                                    }
                                }
                                Obj::SeqIter { seq: Value::List(l), idx } => {
                                    let i = idx.fetch_add(1, Ordering::Relaxed);
                                    Some(lock(&l.items).get(i).cloned())
                                }
                                _ => None,
                            },
                            _ => None,
                        };
                        match fast {
                            Some(Some(v)) => {
                                self.stack.push(v);
                                continue;
                            }
                            Some(None) => {
                                self.pop();
                                ip = t as usize;
                                continue;
                            }
                            None => {}
                        }
                        let it = self.top().clone();
                        if let Value::Obj(o) = &it {
                            if let Obj::Generator(..) = &**o {
                                self.frames[fi].ip = ip;
                                let ret_pos = self.stack.len();
                                tri!(
                                    self,
                                    fi,
                                    ip,
                                    self.resume_gen(o.clone(), Value::None, Exhaust::ForIter(t), ret_pos)
                                );
                                continue 'frame;
                            }
                        }
                        if let Value::Instance(inst) = &it {
                            if let Some(f @ Value::Func(_)) = inst.class.lookup_name("__next__") {
                                self.frames[fi].ip = ip;
                                let pos = self.stack.len();
                                self.stack.push(f.clone());
                                self.stack.push(it.clone());
                                match tri!(self, fi, ip, self.call_at(pos, f, pos + 1, 1, None)) {
                                    Called::Pushed => {
                                        if let Some(top) = self.frames.last_mut() {
                                            top.kind = FrameKind::IterNext(t);
                                        }
                                        continue 'frame;
                                    }
                                    Called::Done => continue,
                                }
                            }
                        }
                        self.frames[fi].ip = ip;
                        match tri!(self, fi, ip, self.next_item(&it)) {
                            Some(v) => self.stack.push(v),
                            None => {
                                self.pop();
                                ip = t as usize;
                            }
                        }
                    }
                    Op::Send(t) => {
                        self.frames[fi].ip = ip;
                        match tri!(self, fi, ip, self.op_send(t)) {
                            crate::gen::SendStep::Pushed => continue 'frame,
                            crate::gen::SendStep::Yielded => {}
                            crate::gen::SendStep::Returned => ip = t as usize,
                        }
                    }
                    Op::GetAwaitable => {
                        let v = self.pop();
                        self.frames[fi].ip = ip;
                        let a = tri!(self, fi, ip, self.get_awaitable(v));
                        self.stack.push(a);
                    }
                    Op::MakeFunction(flags) => {
                        let code_v = self.pop();
                        let closure = if flags & 4 != 0 { self.pop() } else { Value::None };
                        let kwd = if flags & 2 != 0 { self.pop() } else { Value::None };
                        let defaults = if flags & 1 != 0 { self.pop() } else { Value::None };
                        let Value::Obj(co) = code_v else { continue };
                        let Obj::Code(c) = &*co else { continue };
                        let f = Function {
                            code: c.clone(),
                            globals: self.frames[fi].globals().clone(),
                            defaults: match defaults {
                                Value::Tuple(t) => t.0.clone(),
                                _ => Vec::new(),
                            },
                            kwdefaults: match kwd {
                                Value::Dict(d) => lock(&d.d)
                                    .iter()
                                    .filter_map(|(k, v)| match k {
                                        Value::Str(s) => Some((s.clone(), v.clone())),
                                        _ => None,
                                    })
                                    .collect(),
                                _ => Vec::new(),
                            },
                            closure: match closure {
                                Value::Tuple(t) => t.0.clone(),
                                _ => Vec::new(),
                            },
                            qualname: c.qualname.clone(),
                            owner: Default::default(),
                            dict: Default::default(),
                        };
                        self.stack.push(Value::Func(Arc::new(f)));
                    }
                    Op::BuildClass(n) => {
                        let at = self.stack.len() - n as usize;
                        let bases: Vec<Value> = self.stack.drain(at..).collect();
                        let name = self.pop();
                        let body = self.pop();
                        let Value::Func(f) = body else { continue };
                        self.frames[fi].ip = ip;
                        let ns = PyDict::new();
                        if let Some(m) = self.frames[fi].globals().get_name("__name__") {
                            ns.set_name("__module__", m);
                        }
                        ns.set_name("__qualname__", Value::str(f.code.qualname.clone()));
                        let ret_pos = self.stack.len();
                        let nl = f.code.nlocals as usize;
                        self.stack.resize(ret_pos + nl, Value::Null);
                        for (k, c) in f.closure.iter().enumerate() {
                            self.stack[ret_pos + f.code.free_start as usize + k] = c.clone();
                        }
                        tri!(self, fi, ip, self.check_depth());
                        self.frames.push(Frame {
                            body: Body::Func(f),
                            ns: Some(ns),
                            ip: 0,
                            base: ret_pos,
                            ret_pos,
                            blocks: Vec::new(),
                            kind: FrameKind::ClassBody { name, bases },
                        });
                        continue 'frame;
                    }
                    Op::Return => {
                        let v = self.pop();
                        let Some(frame) = self.frames.pop() else { return Ok(v) };
                        self.cut_stack(frame.ret_pos);
                        let v = match frame.kind {
                            FrameKind::Normal | FrameKind::IterNext(_) => v,
                            FrameKind::Init(inst) => {
                                if !v.is_none() {
                                    return Err(type_error(format!(
                                        "__init__() should return None, not '{}'",
                                        type_name(&v)
                                    )));
                                }
                                inst
                            }
                            FrameKind::Module(m) => Value::Module(m),
                            FrameKind::ClassBody { name, bases } => {
                                let ns = frame.ns.clone().unwrap_or_else(PyDict::new);
                                match self.build_class(name, bases, ns) {
                                    Ok(c) => c,
                                    Err(e) => {
                                        // Report it against the `class` statement's frame.
                                        return Err(e);
                                    }
                                }
                            }
                            FrameKind::Generator(g, exhaust) => {
                                if let Obj::Generator(st, _) = &*g {
                                    let mut st = lock(st);
                                    st.finished = true;
                                    st.running = false;
                                    st.saved.clear();
                                }
                                match exhaust {
                                    Exhaust::ForIter(target) => {
                                        if self.frames.len() == boundary {
                                            return Ok(Value::Null);
                                        }
                                        self.pop();
                                        if let Some(f) = self.frames.last_mut() {
                                            f.ip = target as usize;
                                        }
                                        continue 'frame;
                                    }
                                    Exhaust::ForIterValue(target) => {
                                        if self.frames.len() == boundary {
                                            return Ok(Value::Null);
                                        }
                                        self.pop();
                                        self.stack.push(v);
                                        if let Some(f) = self.frames.last_mut() {
                                            f.ip = target as usize;
                                        }
                                        continue 'frame;
                                    }
                                    Exhaust::Native | Exhaust::Drive => {
                                        if self.frames.len() == boundary {
                                            // `send()`/`throw()` make StopIteration(value) of it.
                                            self.gen_return = v;
                                            return Ok(Value::Null);
                                        }
                                        v
                                    }
                                    Exhaust::Next => {
                                        let args = if v.is_none() { vec![] } else { vec![v] };
                                        let e = new_exception(&exc_class("StopIteration"), args);
                                        if self.frames.len() == boundary {
                                            return Err(Raise::Exc(e));
                                        }
                                        return Err(Raise::Exc(e));
                                    }
                                }
                            }
                        };
                        if self.frames.len() == boundary {
                            return Ok(v);
                        }
                        self.stack.push(v);
                        continue 'frame;
                    }
                    Op::Yield => {
                        let v = self.pop();
                        if fi == boundary && matches!(self.frames[fi].kind, FrameKind::Generator(_, Exhaust::Drive)) {
                            // The driver takes the value; the frame stays, suspended here.
                            self.frames[fi].ip = ip;
                            return Ok(v);
                        }
                        let Some(mut frame) = self.frames.pop() else { return Ok(v) };
                        frame.ip = ip;
                        // The suspended frame lets go of its generator (the next resume sets it
                        // again): a frame kept inside its own generator would make a cycle.
                        let FrameKind::Generator(g, _) = std::mem::replace(&mut frame.kind, FrameKind::Normal) else {
                            return Err(err("SystemError", "yield outside a generator frame"));
                        };
                        if let Obj::Generator(st, _) = &*g {
                            let mut st = lock(st);
                            let base = frame.base;
                            for b in frame.blocks.iter_mut() {
                                if b.kind == BlockKind::Handler {
                                    // The handled exception belongs to the generator while it is suspended.
                                    std::mem::swap(&mut b.saved_exc, &mut self.exc_info);
                                }
                            }
                            st.saved.extend(self.stack.drain(base..));
                            st.running = false;
                            st.frame = Some(frame);
                        }
                        if self.frames.len() == boundary {
                            return Ok(v);
                        }
                        self.stack.push(v);
                        continue 'frame;
                    }
                    Op::Pop => {
                        self.pop().discard();
                    }
                    Op::Dup => {
                        let v = self.top().clone();
                        self.stack.push(v);
                    }
                    Op::Dup2 => {
                        let n = self.stack.len();
                        let a = self.stack[n - 2].clone();
                        let b = self.stack[n - 1].clone();
                        self.stack.push(a);
                        self.stack.push(b);
                    }
                    Op::Rot2 => {
                        let n = self.stack.len();
                        self.stack.swap(n - 1, n - 2);
                    }
                    Op::Rot3 => {
                        let v = self.pop();
                        let n = self.stack.len();
                        self.stack.insert(n - 2, v);
                    }
                    Op::Raise(n) => {
                        self.frames[fi].ip = ip;
                        let cause = if n >= 2 { Some(self.pop()) } else { None };
                        let exc = if n >= 1 { Some(self.pop()) } else { None };
                        return Err(tri!(self, fi, ip, self.make_raise(exc, cause)));
                    }
                    Op::Reraise => {
                        self.frames[fi].ip = ip;
                        let e = self.pop();
                        return Err(Raise::Reraise(e));
                    }
                    Op::SetupExcept(t) | Op::SetupFinally(t) => {
                        let depth = (self.stack.len() - base) as u32;
                        let kind =
                            if matches!(op, Op::SetupExcept(_)) { BlockKind::Except } else { BlockKind::Finally };
                        self.frames[fi].blocks.push(Block { kind, handler: t, depth, saved_exc: Value::None });
                    }
                    Op::PopBlock => {
                        self.frames[fi].blocks.pop();
                    }
                    Op::PopExcept => {
                        if let Some(b) = self.frames[fi].blocks.pop() {
                            self.exc_info = b.saved_exc;
                        }
                    }
                    Op::ExcMatch => {
                        // Stack: exception, its copy, class(es): pops the copy and the class.
                        let cls = self.pop();
                        let exc = self.pop();
                        self.frames[fi].ip = ip;
                        let m = tri!(self, fi, ip, exception_matches(&exc, &cls));
                        self.stack.push(Value::Bool(m));
                    }
                    Op::SetupWith(t) => {
                        self.frames[fi].ip = ip;
                        let ctx = self.top().clone();
                        let exit = tri!(self, fi, ip, self.special_method(&ctx, "__exit__"));
                        let enter = tri!(self, fi, ip, self.special_method(&ctx, "__enter__"));
                        self.pop();
                        let pos0 = self.stack.len();
                        self.stack.push(exit);
                        let depth = (self.stack.len() - base) as u32;
                        self.frames[fi].blocks.push(Block {
                            kind: BlockKind::With,
                            handler: t,
                            depth,
                            saved_exc: Value::None,
                        });
                        let pos = self.stack.len();
                        self.stack.push(enter.clone());
                        match self.call_at(pos, enter, pos + 1, 0, None) {
                            Ok(Called::Pushed) => continue 'frame,
                            Ok(Called::Done) => {}
                            Err(e) => {
                                // A blocked __enter__ (a lock in --simulate) runs this op again.
                                if matches!(e, Raise::Block(_) | Raise::Preempt) {
                                    self.frames[fi].blocks.pop();
                                    self.stack.truncate(pos0);
                                    self.stack.push(ctx);
                                }
                                self.frames[fi].ip = ip;
                                return Err(e);
                            }
                        }
                    }
                    Op::WithExit => {
                        self.frames[fi].ip = ip;
                        let exit = self.pop();
                        let pos = self.stack.len();
                        self.stack.push(exit.clone());
                        for _ in 0..3 {
                            self.stack.push(Value::None);
                        }
                        match tri!(self, fi, ip, self.call_at(pos, exit, pos + 1, 3, None)) {
                            Called::Pushed => continue 'frame,
                            Called::Done => {}
                        }
                    }
                    Op::WithExcept => {
                        // Stack: exit, exception -> exception, exit(type, exc, None). A Python
                        // __exit__ runs as a frame, so it may block (an executor's shutdown).
                        self.frames[fi].ip = ip;
                        let exc = self.pop();
                        let exit = self.pop();
                        let cls = Value::Class(crate::types::type_of(&exc));
                        self.stack.push(exc.clone());
                        let pos = self.stack.len();
                        self.stack.push(exit.clone());
                        self.stack.push(cls);
                        self.stack.push(exc.clone());
                        self.stack.push(Value::None);
                        match self.call_at(pos, exit.clone(), pos + 1, 3, None) {
                            Ok(Called::Pushed) => continue 'frame,
                            Ok(Called::Done) => {}
                            Err(e) => {
                                if matches!(e, Raise::Block(_) | Raise::Preempt) {
                                    self.stack.truncate(pos - 1);
                                    self.stack.push(exit);
                                    self.stack.push(exc);
                                }
                                self.frames[fi].ip = ip;
                                return Err(e);
                            }
                        }
                    }
                    Op::WithSuppress(t) => {
                        let r = self.pop();
                        self.frames[fi].ip = ip;
                        if tri!(self, fi, ip, self.truthy(&r)) {
                            self.pop();
                            if let Some(b) = self.frames[fi].blocks.pop() {
                                self.exc_info = b.saved_exc;
                            }
                            ip = t as usize;
                        } else {
                            let exc = self.pop();
                            return Err(Raise::Reraise(exc));
                        }
                    }
                    Op::Unpack(n) => {
                        let v = self.pop();
                        self.frames[fi].ip = ip;
                        tri!(self, fi, ip, self.unpack(v, n as usize, None));
                    }
                    Op::UnpackEx(before, after) => {
                        let v = self.pop();
                        self.frames[fi].ip = ip;
                        tri!(self, fi, ip, self.unpack(v, before as usize, Some(after as usize)));
                    }
                    Op::ImportName(i) => {
                        self.frames[fi].ip = ip;
                        let name = code.names[i as usize].s.clone();
                        match tri!(self, fi, ip, self.import(&name)) {
                            Some(m) => self.stack.push(m),
                            None => continue 'frame,
                        }
                    }
                    Op::ImportFrom(i) => {
                        let m = self.top().clone();
                        let name = &code.names[i as usize];
                        self.frames[fi].ip = ip;
                        let v = match self.getattr(&m, name) {
                            Ok(v) => v,
                            Err(_) => {
                                let mname = match &m {
                                    Value::Module(m) => m.name.clone(),
                                    _ => "?".into(),
                                };
                                let sub = format!("{mname}.{}", name.s);
                                match self.interp.module(&sub) {
                                    Some(v) => v,
                                    None => {
                                        return Err(err(
                                            "ImportError",
                                            format!("cannot import name '{}' from '{mname}'", name.s),
                                        ))
                                    }
                                }
                            }
                        };
                        self.stack.push(v);
                    }
                    Op::ImportStar => {
                        let m = self.pop();
                        if let Value::Module(m) = m {
                            let items = lock(&m.dict.d).items();
                            let g = self.frames[fi].globals().clone();
                            for (k, v) in items {
                                if let Value::Str(s) = &k {
                                    if !s.s.starts_with('_') {
                                        g.set_str(s, v);
                                    }
                                }
                            }
                        }
                    }
                    Op::LoadAssertionError => {
                        self.stack.push(Value::Class(exc_class("AssertionError")));
                    }
                    Op::Unsupported(c) => {
                        self.frames[fi].ip = ip;
                        let what = code.consts[c as usize].as_str().unwrap_or("this").to_string();
                        return Err(err(
                            "NotImplementedError",
                            format!("{what} is not supported by the playground yet"),
                        ));
                    }
                }
            }
        }
    }

    /// `--simulate` with the GIL off: a store is a point where another core's thread may run
    /// first, so a read-modify-write without a lock can lose updates, as on real cores.
    #[inline(never)]
    fn sim_store_point(&mut self) -> R<()> {
        if self.nested == 0 && self.interp.config.simulate && !self.interp.config.gil {
            self.budget -= 1;
            self.ticks += 1;
            if self.budget <= 0 {
                return Err(Raise::Preempt);
            }
        }
        Ok(())
    }

    pub fn check_depth(&self) -> R<()> {
        if self.frames.len() >= self.interp.recursion_limit.load(Ordering::Relaxed) {
            return Err(err("RecursionError", "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Unwinds from the top frame to the nearest handler; `Err` when the exception passes
    /// `boundary` (the frame a nested run started at).
    pub(crate) fn unwind(&mut self, exc: Value, boundary: usize, add_tb: bool) -> R<()> {
        let mut exc = exc;
        if add_tb {
            self.set_context(&exc);
        }
        let mut add = add_tb;
        loop {
            let Some(frame) = self.frames.last_mut() else { return Err(Raise::Exc(exc)) };
            if add {
                if let Value::Instance(inst) = &exc {
                    if let Some(mut d) = inst.exc() {
                        d.traceback.push(crate::value::TbEntry {
                            filename: frame.code().filename.clone(),
                            line: frame.code().line_at(frame.ip.saturating_sub(1)),
                            name: frame.code().name.clone(),
                        });
                    }
                }
            }
            add = true;
            while let Some(block) = frame.blocks.pop() {
                if block.kind == BlockKind::Handler {
                    self.exc_info = block.saved_exc;
                    continue;
                }
                self.stack.truncate(frame.base + block.depth as usize);
                let saved = std::mem::replace(&mut self.exc_info, exc.clone());
                frame.blocks.push(Block { kind: BlockKind::Handler, handler: 0, depth: block.depth, saved_exc: saved });
                self.stack.push(exc);
                frame.ip = block.handler as usize;
                return Ok(());
            }
            let Some(frame) = self.frames.pop() else { return Err(Raise::Exc(exc)) };
            self.stack.truncate(frame.ret_pos);
            match &frame.kind {
                FrameKind::IterNext(target)
                    if self.frames.len() > boundary && is_instance_of(&exc, "StopIteration") =>
                {
                    self.pop();
                    if let Some(f) = self.frames.last_mut() {
                        f.ip = *target as usize;
                    }
                    return Ok(());
                }
                FrameKind::Generator(g, _) => {
                    if let Obj::Generator(st, _) = &**g {
                        let mut st = lock(st);
                        st.finished = true;
                        st.running = false;
                        st.saved.clear();
                    }
                    if is_instance_of(&exc, "StopIteration") {
                        let e = new_exception(
                            &exc_class("RuntimeError"),
                            vec![Value::str("generator raised StopIteration")],
                        );
                        if let Value::Instance(i) = &e {
                            if let Some(mut d) = i.exc() {
                                d.cause = Some(exc.clone());
                                d.suppress_context = true;
                            }
                        }
                        exc = e;
                    }
                }
                _ => {}
            }
            if self.frames.len() <= boundary {
                return Err(Raise::Exc(exc));
            }
        }
    }

    fn set_context(&self, exc: &Value) {
        if self.exc_info.is_none() || self.exc_info.is(exc) {
            return;
        }
        if let Value::Instance(inst) = exc {
            if let Some(mut d) = inst.exc() {
                if d.context.is_none() {
                    // Never make a cycle: the handled exception must not already chain to this one.
                    let mut cur = Some(self.exc_info.clone());
                    let mut steps = 0;
                    while let Some(Value::Instance(c)) = cur {
                        if Arc::ptr_eq(&c, inst) || steps > 100 {
                            return;
                        }
                        steps += 1;
                        cur = c.exc().and_then(|d| d.context.clone());
                    }
                    d.context = Some(self.exc_info.clone());
                }
            }
        }
    }

    fn make_raise(&mut self, exc: Option<Value>, cause: Option<Value>) -> R<Raise> {
        let Some(exc) = exc else {
            if self.exc_info.is_none() {
                return Ok(err("RuntimeError", "No active exception to reraise"));
            }
            return Ok(Raise::Reraise(self.exc_info.clone()));
        };
        let exc = self.instantiate_exception(exc)?;
        if let Some(c) = cause {
            let c = if c.is_none() { Value::None } else { self.instantiate_exception(c)? };
            if let Value::Instance(i) = &exc {
                if let Some(mut d) = i.exc() {
                    d.cause = if c.is_none() { None } else { Some(c) };
                    d.suppress_context = true;
                }
            }
        }
        Ok(Raise::Exc(exc))
    }

    /// `raise X` accepts a class (instantiated with no arguments) or an instance.
    pub fn instantiate_exception(&mut self, v: Value) -> R<Value> {
        match &v {
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            Value::Class(c) if c.base_kind == crate::value::Kind::Exception => self.call(&v, Vec::new()),
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }

    /// String concatenation that appends in place when it can, as CPython's: when the left
    /// string is the local the next instruction overwrites and nothing else holds it, the
    /// local lets go of it and the string grows, so a `t += str(i)` loop is linear, not quadratic.
    fn str_concat(&mut self, mut a: Value, b: Value, local: Option<usize>) -> R<Value> {
        if let (Value::Str(x), Value::Str(y), Some(slot)) = (&a, &b, local) {
            if matches!(&self.stack[slot], Value::Str(l) if Arc::ptr_eq(l, x)) {
                // The growth is checked before the local lets go, so a MemoryError leaves it bound.
                self.note_alloc(y.s.len())?;
                self.stack[slot] = Value::Null;
            }
        }
        if let (Value::Str(x), Value::Str(y)) = (&mut a, &b) {
            if let Some(s) = Arc::get_mut(x) {
                s.append(&y.s, y.ascii);
                return Ok(a);
            }
        }
        self.binary_op(BinOp::Add, a, b, false)
    }

    // ------------------------------------------------------------ calls

    // ------------------------------------------------------------ helpers used by ops

    fn unpack(&mut self, v: Value, before: usize, after: Option<usize>) -> R<()> {
        let items: Vec<Value> = match &v {
            Value::Tuple(t) => t.0.clone(),
            Value::List(l) => lock(&l.items).clone(),
            _ => self.collect(&v)?,
        };
        match after {
            None => {
                if items.len() != before {
                    return Err(if items.len() > before {
                        value_error_fmt(format!("too many values to unpack (expected {before})"))
                    } else {
                        value_error_fmt(format!("not enough values to unpack (expected {before}, got {})", items.len()))
                    });
                }
                self.stack.extend(items.into_iter().rev());
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(value_error_fmt(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mid_end = items.len() - after;
                let tail: Vec<Value> = items[mid_end..].to_vec();
                let mid: Vec<Value> = items[before..mid_end].to_vec();
                for v in tail.into_iter().rev() {
                    self.stack.push(v);
                }
                self.stack.push(Value::list(mid));
                for v in items[..before].iter().rev() {
                    self.stack.push(v.clone());
                }
            }
        }
        Ok(())
    }

    /// Looks up a special method on the object's type, bound to the object.
    pub fn special_method(&mut self, obj: &Value, name: &str) -> R<Value> {
        let cls = crate::types::type_of(obj);
        match cls.lookup_name(name) {
            Some(Value::Func(f)) => {
                Ok(Value::Method(Arc::new(crate::value::Method { func: Value::Func(f), this: obj.clone() })))
            }
            Some(Value::Builtin(b)) => Ok(Value::Builtin(crate::value::BuiltinRef::new(crate::value::Builtin {
                name: b.name,
                f: b.f,
                bound: Some(obj.clone()),
            }))),
            Some(other) => Ok(other),
            None => {
                let what = if name == "__enter__" || name == "__exit__" {
                    format!("'{}' object does not support the context manager protocol", type_name(obj))
                } else {
                    format!("'{}' object has no attribute '{name}'", type_name(obj))
                };
                Err(if name == "__enter__" || name == "__exit__" {
                    type_error(what)
                } else {
                    err("AttributeError", what)
                })
            }
        }
    }

    pub fn new_str(&self, s: &str) -> Arc<Str> {
        Arc::new(Str::new(s.to_string()))
    }

    pub fn current_line(&self) -> u32 {
        self.frames.last().map(|f| f.code().line_at(f.ip.saturating_sub(1))).unwrap_or(0)
    }

    pub fn unary_op(&mut self, u: UnOp, a: Value) -> R<Value> {
        crate::protocol::unary(self, u, a)
    }
}

/// Moves `stack[at..]` to the end of `out` (a native call's arguments): a bitwise move, where
/// `Vec::drain` cost more than the call it fed.
#[inline]
fn move_tail(stack: &mut Vec<Value>, at: usize, out: &mut Vec<Value>) {
    let n = stack.len().saturating_sub(at);
    out.reserve(n);
    // SAFETY: the `n` values leave `stack` (its length drops to `at` before anyone can read them
    // there) and are written once into `out`'s reserved capacity: each has one owner throughout.
    unsafe {
        std::ptr::copy_nonoverlapping(stack.as_ptr().add(at), out.as_mut_ptr().add(out.len()), n);
        stack.set_len(at);
        out.set_len(out.len() + n);
    }
}

#[cold]
fn unreachable_call() -> R<Called> {
    Err(err("SystemError", "the callable left its stack slot"))
}

fn value_error_fmt(msg: String) -> Raise {
    crate::types::value_error(msg)
}

pub fn name_error(name: &str) -> Raise {
    err("NameError", format!("name '{name}' is not defined"))
}

pub fn is_instance_of(v: &Value, cls_name: &str) -> bool {
    match v {
        Value::Instance(i) => {
            let c = exc_class(cls_name);
            i.class.is_subclass(&c)
        }
        _ => false,
    }
}

fn exception_matches(exc: &Value, cls: &Value) -> R<bool> {
    let ecls = crate::types::type_of(exc);
    match cls {
        Value::Class(c) => {
            if c.base_kind != crate::value::Kind::Exception {
                return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
            Ok(ecls.is_subclass(c))
        }
        Value::Tuple(t) => {
            for c in &t.0 {
                if exception_matches(exc, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}

pub fn types_ref() -> &'static crate::types::Types {
    types()
}

#[cold]
fn unbound_local(code: &Code, i: usize) -> Raise {
    let name = &code.local_names[i].s;
    err("UnboundLocalError", format!("cannot access local variable '{name}' where it is not associated with a value"))
}
