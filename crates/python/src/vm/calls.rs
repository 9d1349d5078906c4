//! Calls: a callable in a stack slot with its arguments above it, Python functions (a frame
//! pushed in the same loop), natives, classes (instantiation), generators resumed, and the nested
//! runs native code makes when it calls back into Python.

use std::sync::Arc;

use super::*;

impl Vm {
    /// Calls the callable in stack slot `fpos` (the call's result replaces it and everything
    /// above), without the `Arc` clones of `call_at` where it can: each is an atomic write to a
    /// count that every thread calling the same function shares.
    pub(super) fn call_slot(&mut self, fpos: usize, args_start: usize, n: usize, kw: Option<Arc<Tuple>>) -> R<Called> {
        match &self.stack[fpos] {
            // A Python function moves into its frame: nothing reads the slot until the frame
            // returns and truncates it, and a function call never blocks (so never runs again).
            Value::Func(_) => {
                if let Value::Func(func) = std::mem::take(&mut self.stack[fpos]) {
                    return self.call_function(func, fpos, args_start, n, kw);
                }
                unreachable_call()
            }
            // An unbound native function (`math.sqrt`) is called through its fn pointer; it stays
            // in its slot, where a blocked call finds it when it runs again.
            Value::Builtin(b) if b.bound.is_none() && !matches!(b.name, "next" | "send" | "throw") => {
                let f = b.f;
                self.call_native(f, None, fpos, args_start, n, kw)
            }
            other => {
                let f = other.clone();
                self.call_at(fpos, f, args_start, n, kw)
            }
        }
    }

    pub(super) fn call_function(
        &mut self,
        func: Arc<Function>,
        ret_pos: usize,
        args_start: usize,
        n: usize,
        kw: Option<Arc<Tuple>>,
    ) -> R<Called> {
        let generator = matches!(func.code.kind, CodeKind::Generator | CodeKind::Coroutine);
        self.push_function(func, ret_pos, args_start, n, kw, FrameKind::Normal)?;
        if generator {
            self.make_generator(ret_pos);
            return Ok(Called::Done);
        }
        Ok(Called::Pushed)
    }

    /// Calls a native function (`bound` is its first argument, for a method of a builtin type)
    /// with the arguments at `args_start..`.
    pub(super) fn call_native(
        &mut self,
        f: crate::value::NativeFn,
        bound: Option<&Value>,
        ret_pos: usize,
        args_start: usize,
        n: usize,
        kw: Option<Arc<Tuple>>,
    ) -> R<Called> {
        let mut args = std::mem::take(&mut self.argbuf);
        args.clear();
        if let Some(this) = bound {
            args.push(this.clone());
        }
        let mut kwargs = Vec::new();
        match &kw {
            None => {
                debug_assert_eq!(self.stack.len(), args_start + n, "a call's arguments are the top of the stack");
                move_tail(&mut self.stack, args_start, &mut args)
            }
            Some(names) => {
                let npos = n - names.0.len();
                args.extend(self.stack.drain(args_start..args_start + npos));
                let vals: Vec<Value> = self.stack.drain(args_start..args_start + names.0.len()).collect();
                kwargs = names.0.iter().cloned().zip(vals).collect();
            }
        }
        let r = f(self, &args, &kwargs);
        match r {
            Ok(v) => {
                args.clear();
                self.argbuf = args;
                self.stack.truncate(ret_pos);
                self.stack.push(v);
                Ok(Called::Done)
            }
            Err(Raise::Block(w)) => {
                // Put the arguments back: the call runs again when the thread wakes.
                let skip = bound.is_some() as usize;
                self.stack.truncate(args_start);
                self.stack.extend(args.drain(skip..));
                for (_, v) in kwargs {
                    self.stack.push(v);
                }
                Err(Raise::Block(w))
            }
            Err(Raise::Call(tail)) => {
                self.stack.truncate(ret_pos);
                let (callee, targs) = *tail;
                let n = targs.len();
                self.stack.push(callee.clone());
                self.stack.extend(targs);
                self.call_at(ret_pos, callee, ret_pos + 1, n, None)
            }
            Err(e) => {
                self.stack.truncate(ret_pos);
                Err(e)
            }
        }
    }

    /// Calls `f` with the arguments on the stack at `args_start..` (`n` values, the last ones
    /// named by `kw`). The result replaces everything from `ret_pos` up.
    pub(super) fn call_at(
        &mut self,
        ret_pos: usize,
        f: Value,
        args_start: usize,
        n: usize,
        kw: Option<Arc<Tuple>>,
    ) -> R<Called> {
        match &f {
            Value::Func(func) => self.call_function(func.clone(), ret_pos, args_start, n, kw),
            Value::Builtin(b) => {
                // `next(gen)` resumes the generator as a frame, so it can block in --simulate.
                if b.bound.is_none() && b.name == "next" && n == 1 && kw.is_none() {
                    if let Some(Value::Obj(o)) = self.stack.get(args_start) {
                        if matches!(&**o, Obj::Generator(st, _) if !lock(st).coro) {
                            let g = o.clone();
                            self.stack.truncate(ret_pos);
                            self.resume_gen(g, Value::None, Exhaust::Next, ret_pos)?;
                            return Ok(Called::Pushed);
                        }
                    }
                }
                // `gen.send(v)` and `gen.throw(e)` (an event loop stepping a coroutine) too.
                if kw.is_none() && matches!(b.name, "send" | "throw") {
                    // Unbound (`send(gen, v)`, as `LoadMethod` leaves it) or bound to the generator.
                    let (g, arg) = match (&b.bound, n) {
                        (None, 2) => (self.stack.get(args_start).cloned(), args_start + 1),
                        (Some(this), 1) => (Some(this.clone()), args_start),
                        _ => (None, 0),
                    };
                    if let Some(Value::Obj(o)) = g {
                        if matches!(*o, Obj::Generator(..)) {
                            let arg = self.stack[arg].clone();
                            self.stack.truncate(ret_pos);
                            self.resume_call(o, b.name == "throw", arg, ret_pos)?;
                            return Ok(Called::Pushed);
                        }
                    }
                }
                self.call_native(b.f, b.bound.as_ref(), ret_pos, args_start, n, kw)
            }
            Value::Method(m) => {
                self.stack.insert(args_start, m.this.clone());
                let inner = m.func.clone();
                self.call_at(ret_pos, inner, args_start, n + 1, kw)
            }
            Value::Class(cls) => self.instantiate(cls.clone(), ret_pos, args_start, n, kw),
            Value::Instance(inst) => match inst.class.lookup_name("__call__") {
                Some(call) => {
                    self.stack.insert(args_start, f.clone());
                    self.call_at(ret_pos, call, args_start, n + 1, kw)
                }
                None => {
                    self.stack.truncate(ret_pos);
                    Err(type_error(format!("'{}' object is not callable", inst.class.name)))
                }
            },
            Value::Obj(o) => match &**o {
                Obj::StaticMethod(inner) => {
                    let inner = inner.clone();
                    self.call_at(ret_pos, inner, args_start, n, kw)
                }
                Obj::Native(nat) => {
                    let nkw = kw.as_ref().map(|k| k.0.len()).unwrap_or(0);
                    let args: Vec<Value> = self.stack.drain(args_start..args_start + n - nkw).collect();
                    let mut kwargs = Vec::new();
                    if let Some(names) = &kw {
                        let vals: Vec<Value> = self.stack.drain(args_start..args_start + nkw).collect();
                        kwargs = names.0.iter().cloned().zip(vals).collect();
                    }
                    self.stack.truncate(ret_pos);
                    let v = nat.call(self, &args, &kwargs)?;
                    self.stack.push(v);
                    Ok(Called::Done)
                }
                _ => {
                    self.stack.truncate(ret_pos);
                    Err(type_error(format!("'{}' object is not callable", type_name(&f))))
                }
            },
            _ => {
                self.stack.truncate(ret_pos);
                Err(type_error(format!("'{}' object is not callable", type_name(&f))))
            }
        }
    }

    /// Binds arguments and pushes a frame for a Python function.
    pub(super) fn push_function(
        &mut self,
        func: Arc<Function>,
        ret_pos: usize,
        args_start: usize,
        n: usize,
        kw: Option<Arc<Tuple>>,
        kind: FrameKind,
    ) -> R<()> {
        if let Err(e) = self.check_depth() {
            self.stack.truncate(ret_pos);
            return Err(e);
        }
        let code = &func.code;
        let nlocals = code.nlocals as usize;
        let argc = code.argcount as usize;
        if code.simple_args && kw.is_none() && n == argc {
            self.stack.resize(args_start + nlocals, Value::Null);
        } else if code.simple_args && kw.is_none() && n < argc && argc - n <= func.defaults.len() {
            let first_default = func.defaults.len() - (argc - n);
            for d in &func.defaults[first_default..] {
                self.stack.push(d.clone());
            }
            self.stack.resize(args_start + nlocals, Value::Null);
        } else {
            let args: Vec<Value> = self.stack.drain(args_start..).collect();
            let locals = match crate::call::bind_args(self, &func, args, kw.as_deref()) {
                Ok(l) => l,
                Err(e) => {
                    self.stack.truncate(ret_pos);
                    return Err(e);
                }
            };
            self.stack.extend(locals);
            self.stack.resize(args_start + nlocals, Value::Null);
            for &c in &code.cell_params {
                let slot = args_start + c as usize;
                let v = std::mem::take(&mut self.stack[slot]);
                self.stack[slot] = Value::obj(Obj::Cell(std::sync::Mutex::new(v)));
            }
            for &c in &code.cell_locals {
                self.stack[args_start + c as usize] = Value::obj(Obj::Cell(std::sync::Mutex::new(Value::Null)));
            }
            for (k, c) in func.closure.iter().enumerate() {
                self.stack[args_start + code.free_start as usize + k] = c.clone();
            }
        }
        self.frames.push(Frame {
            body: Body::Func(func),
            ns: None,
            ip: 0,
            base: args_start,
            ret_pos,
            blocks: Vec::new(),
            kind,
        });
        Ok(())
    }

    /// Turns the frame just pushed into a suspended generator; the generator is the call's result.
    pub(super) fn make_generator(&mut self, ret_pos: usize) {
        let Some(mut frame) = self.frames.pop() else { return };
        let saved: Vec<Value> = self.stack.drain(frame.base..).collect();
        self.stack.truncate(ret_pos);
        frame.base = 0;
        let name: Arc<str> = frame.code().qualname.as_str().into();
        let coro = frame.code().kind == CodeKind::Coroutine;
        let st = crate::gen::GenState { frame: Some(frame), saved, coro, ..Default::default() };
        self.stack.push(Value::obj(Obj::Generator(crate::value::SpinLock::new(st), name)));
    }

    /// Resumes a generator on top of the current stack, sending `sent` (ignored on first start).
    pub fn resume_gen(&mut self, g: Arc<Obj>, sent: Value, exhaust: Exhaust, ret_pos: usize) -> R<()> {
        let Obj::Generator(st, _) = &*g else { return Err(type_error("not a generator")) };
        let mut st = lock(st);
        if st.running {
            return Err(err("ValueError", "generator already executing"));
        }
        let Some(mut frame) = st.frame.take() else {
            if st.coro {
                return Err(err("RuntimeError", "cannot reuse already awaited coroutine"));
            }
            drop(st);
            return match exhaust {
                Exhaust::ForIter(t) | Exhaust::ForIterValue(t) => {
                    self.pop();
                    if matches!(exhaust, Exhaust::ForIterValue(_)) {
                        self.stack.push(Value::None);
                    }
                    if let Some(f) = self.frames.last_mut() {
                        f.ip = t as usize;
                    }
                    Ok(())
                }
                _ => Err(Raise::Exc(new_exception(&exc_class("StopIteration"), vec![]))),
            };
        };
        if let Err(e) = self.check_depth() {
            st.frame = Some(frame);
            return Err(e);
        }
        st.running = true;
        let base = self.stack.len();
        self.stack.append(&mut st.saved);
        if st.started {
            self.stack.push(sent);
        } else if !sent.is_none() {
            st.running = false;
            st.frame = Some(frame);
            let saved: Vec<Value> = self.stack.drain(base..).collect();
            st.saved = saved;
            let what = if st.coro { "coroutine" } else { "generator" };
            return Err(type_error(format!("can't send non-None value to a just-started {what}")));
        }
        st.started = true;
        drop(st);
        for b in frame.blocks.iter_mut() {
            if b.kind == BlockKind::Handler {
                std::mem::swap(&mut b.saved_exc, &mut self.exc_info);
            }
        }
        frame.base = base;
        frame.ret_pos = ret_pos;
        // The caller's `Arc` moves into the frame: no second count on the generator.
        frame.kind = FrameKind::Generator(g, exhaust);
        self.frames.push(frame);
        Ok(())
    }

    /// Advances a generator from native code (a nested run); `None` when it is exhausted.
    pub fn gen_next(&mut self, g: &Arc<Obj>, sent: Value) -> R<Option<Value>> {
        self.gen_return = Value::None;
        let boundary = self.frames.len();
        let ret_pos = self.stack.len();
        match self.resume_gen(g.clone(), sent, Exhaust::Native, ret_pos) {
            Ok(()) => {}
            Err(Raise::Exc(e)) if is_instance_of(&e, "StopIteration") => return Ok(None),
            Err(e) => return Err(e),
        }
        self.nested += 1;
        let r = self.run_frames(boundary);
        self.nested -= 1;
        let v = r?;
        if v.is_null() {
            return Ok(None);
        }
        Ok(Some(v))
    }

    pub(super) fn instantiate(
        &mut self,
        cls: Arc<crate::value::Class>,
        ret_pos: usize,
        args_start: usize,
        n: usize,
        kw: Option<Arc<Tuple>>,
    ) -> R<Called> {
        if cls.builtin && cls.base_kind != crate::value::Kind::Exception {
            // Builtin types construct natively (their constructor is stored as `__new__`).
            let ctor = lock(&cls.dict).get_name("__new__");
            return match ctor {
                Some(c @ Value::Builtin(_)) => self.call_at(ret_pos, c, args_start, n, kw),
                _ => {
                    self.stack.truncate(ret_pos);
                    Err(type_error(format!("cannot create '{}' instances", cls.name)))
                }
            };
        }
        let is_exc = cls.base_kind == crate::value::Kind::Exception;
        let init = cls.lookup_name("__init__");
        if crate::subclass::python_new(&cls).is_some() || (!is_exc && crate::subclass::builtin_base(&cls).is_some()) {
            return self.instantiate_custom(cls, ret_pos, args_start, n, kw);
        }
        let inst = Value::Instance(Arc::new(crate::value::Instance {
            class: cls.clone(),
            dict: crate::value::SpinLock::new(Dict::new()),
            exc: if is_exc { Some(std::sync::Mutex::new(Default::default())) } else { None },
            native: None,
        }));
        if is_exc {
            // BaseException.__new__ keeps the positional arguments as `args`.
            let nkw = kw.as_ref().map(|k| k.0.len()).unwrap_or(0);
            let pos: Vec<Value> = self.stack[args_start..args_start + n - nkw].to_vec();
            if let Value::Instance(i) = &inst {
                if let Some(mut d) = i.exc() {
                    d.args = pos;
                }
            }
        }
        match init {
            Some(Value::Func(f)) => {
                self.stack.insert(args_start, inst.clone());
                self.push_function(f, ret_pos, args_start, n + 1, kw, FrameKind::Init(inst))?;
                Ok(Called::Pushed)
            }
            Some(Value::Builtin(b)) if b.name != "object.__init__" => {
                self.stack.insert(args_start, inst.clone());
                let r = self.call_at(ret_pos, Value::Builtin(b), args_start, n + 1, kw)?;
                if let Called::Done = r {
                    self.pop();
                    self.stack.push(inst);
                }
                Ok(Called::Done)
            }
            _ => {
                if n > 0 && !is_exc {
                    self.stack.truncate(ret_pos);
                    return Err(type_error(format!("{}() takes no arguments", cls.name)));
                }
                self.stack.truncate(ret_pos);
                self.stack.push(inst);
                Ok(Called::Done)
            }
        }
    }

    /// `cls(...)` for a class with a Python `__new__` or a builtin base (see `subclass`): the
    /// object comes from `__new__` (a nested run), then `__init__` runs as a frame when the
    /// object is an instance of `cls`.
    pub(super) fn instantiate_custom(
        &mut self,
        cls: Arc<crate::value::Class>,
        ret_pos: usize,
        args_start: usize,
        n: usize,
        kw: Option<Arc<Tuple>>,
    ) -> R<Called> {
        let nkw = kw.as_ref().map(|k| k.0.len()).unwrap_or(0);
        let pos: Vec<Value> = self.stack[args_start..args_start + n - nkw].to_vec();
        let kwvals: Vec<Value> = self.stack[args_start + n - nkw..args_start + n].to_vec();
        let kwargs: Vec<(Value, Value)> = match &kw {
            Some(names) => names.0.iter().cloned().zip(kwvals.iter().cloned()).collect(),
            None => Vec::new(),
        };
        self.stack.truncate(ret_pos);
        let obj = self.new_object(&cls, &pos, &kwargs)?;
        if !crate::types::isinstance(&obj, &cls) {
            self.stack.push(obj);
            return Ok(Called::Done);
        }
        match cls.lookup_name("__init__") {
            Some(Value::Func(f)) => {
                self.stack.push(Value::Class(cls.clone()));
                self.stack.push(obj.clone());
                self.stack.extend(pos);
                self.stack.extend(kwvals);
                self.push_function(f, ret_pos, ret_pos + 1, n + 1, kw, FrameKind::Init(obj))?;
                Ok(Called::Pushed)
            }
            // A builtin type's `__init__` (list, dict and set fill themselves from the arguments).
            Some(Value::Builtin(b)) if !b.name.starts_with("object.") => {
                let mut args = vec![crate::subclass::native_self(&obj)];
                args.extend(pos);
                (b.f)(self, &args, &kwargs)?;
                self.stack.push(obj);
                Ok(Called::Done)
            }
            _ => {
                self.stack.push(obj);
                Ok(Called::Done)
            }
        }
    }

    /// Calls any callable from native code, running Python frames to completion (a nested run).
    pub fn call(&mut self, f: &Value, args: Vec<Value>) -> R<Value> {
        self.call_kw(f, args, Vec::new())
    }

    pub fn call_kw(&mut self, f: &Value, args: Vec<Value>, kwargs: Vec<(Value, Value)>) -> R<Value> {
        let ret_pos = self.stack.len();
        let boundary = self.frames.len();
        self.stack.push(f.clone());
        let n = args.len() + kwargs.len();
        self.stack.extend(args);
        let kw = if kwargs.is_empty() {
            None
        } else {
            let names: Vec<Value> = kwargs.iter().map(|(k, _)| k.clone()).collect();
            self.stack.extend(kwargs.into_iter().map(|(_, v)| v));
            Some(Arc::new(Tuple(names)))
        };
        match self.call_at(ret_pos, f.clone(), ret_pos + 1, n, kw) {
            Ok(Called::Done) => Ok(self.pop()),
            Ok(Called::Pushed) => {
                self.nested += 1;
                let r = self.run_frames(boundary);
                self.nested -= 1;
                r
            }
            Err(Raise::Block(_)) => {
                self.stack.truncate(ret_pos);
                Err(err("RuntimeError", crate::limits::NESTED_BLOCK))
            }
            Err(e) => {
                self.stack.truncate(ret_pos);
                Err(e)
            }
        }
    }

    /// Runs a module's code object as the body of `module` (nested run).
    pub fn run_module_code(&mut self, code: Arc<crate::code::Code>, module: Arc<Module>) -> R<Value> {
        let boundary = self.frames.len();
        let base = self.stack.len();
        self.frames.push(Frame {
            body: Body::Module(code, module.dict.clone()),
            ns: None,
            ip: 0,
            base,
            ret_pos: base,
            blocks: Vec::new(),
            kind: FrameKind::Module(module),
        });
        self.run_frames(boundary)
    }

    /// Pushes a module body frame (resumable import): its result is pushed when it returns.
    pub fn push_module_frame(&mut self, code: Arc<crate::code::Code>, module: Arc<Module>) -> R<()> {
        self.check_depth()?;
        let base = self.stack.len();
        self.frames.push(Frame {
            body: Body::Module(code, module.dict.clone()),
            ns: None,
            ip: 0,
            base,
            ret_pos: base,
            blocks: Vec::new(),
            kind: FrameKind::Module(module),
        });
        Ok(())
    }

    /// Starts a thread's root call: `f(*args)` as the bottom frame (run by `run_frames(0)`).
    pub fn start_call(&mut self, f: &Value, args: Vec<Value>) -> R<Option<Value>> {
        let n = args.len();
        self.stack.push(f.clone());
        self.stack.extend(args);
        match self.call_at(0, f.clone(), 1, n, None)? {
            Called::Done => Ok(Some(self.pop())),
            Called::Pushed => Ok(None),
        }
    }
}
