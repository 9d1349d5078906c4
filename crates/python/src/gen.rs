//! Generators: a suspended frame and its saved slice of the value stack.

use crate::frame::Frame;
use crate::value::Value;

#[derive(Default)]
pub struct GenState {
    pub frame: Option<Frame>,
    /// The frame's locals and operand stack while it is suspended (capacity reused each yield).
    pub saved: Vec<Value>,
    pub started: bool,
    pub running: bool,
    pub finished: bool,
    /// Made by an `async def`: a coroutine (its own type, awaitable, not iterable).
    pub coro: bool,
}

use std::sync::Arc;

use crate::code::Op;
use crate::frame::{BlockKind, Exhaust, FrameKind};
use crate::types::{exc_class, new_exception};
use crate::value::{lock, Obj};
use crate::vm::{is_instance_of, Vm};
use crate::{Raise, R};

impl Vm {
    /// `gen.throw(exc)`: raises `exc` inside the generator where it is suspended, so its
    /// `except` and `finally` clauses run (a nested run). The next value it yields, or `None`
    /// when it returns; an exception it does not handle propagates.
    pub fn gen_throw(&mut self, g: &Arc<Obj>, exc: Value) -> R<Option<Value>> {
        let Obj::Generator(st, _) = &**g else { return Err(Raise::Exc(exc)) };
        self.gen_return = Value::None;
        {
            let mut st = lock(st);
            if st.running {
                return Err(crate::types::err("ValueError", "generator already executing"));
            }
            if !st.started || st.frame.is_none() {
                // Nothing runs: the generator is finished and the exception comes straight back.
                st.frame = None;
                st.saved.clear();
                st.finished = true;
                return Err(Raise::Exc(exc));
            }
        }
        let boundary = self.frames.len();
        let ret_pos = self.stack.len();
        self.resume_gen(g.clone(), Value::None, Exhaust::Native, ret_pos)?;
        self.nested += 1;
        let r = match self.throw_in_top(exc) {
            Ok(()) => self.run_frames(boundary),
            Err(Raise::Exc(e)) => match self.unwind(e, boundary, true) {
                Ok(()) => self.run_frames(boundary),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        self.nested -= 1;
        let v = r?;
        Ok(if v.is_null() { None } else { Some(v) })
    }

    /// `gen.close()`: throws GeneratorExit in, and expects the generator to end.
    pub fn gen_close(&mut self, g: &Arc<Obj>) -> R<()> {
        if let Obj::Generator(st, _) = &**g {
            let mut st = lock(st);
            if !st.started || st.frame.is_none() {
                st.frame = None;
                st.saved.clear();
                st.finished = true;
                return Ok(());
            }
        }
        let exit = new_exception(&exc_class("GeneratorExit"), vec![]);
        match self.gen_throw(g, exit) {
            Ok(Some(_)) => Err(crate::types::err("RuntimeError", "generator ignored GeneratorExit")),
            Ok(None) => Ok(()),
            Err(Raise::Exc(e) | Raise::Reraise(e))
                if is_instance_of(&e, "GeneratorExit") || is_instance_of(&e, "StopIteration") =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

impl Vm {
    /// `sum()` over a generator natively: the generator's frame stays on this thread's stack from
    /// one item to the next (see `Exhaust::Drive`), so an item costs no lock, no move of the frame
    /// and its values out and back, and no count on the generator. Ints and floats are added here;
    /// anything else suspends the generator as a yield does and hands back the total so far
    /// (`false`), since adding it may run Python, which may resume the generator itself.
    /// `(total, true)` when the generator ended.
    pub fn sum_gen(&mut self, g: &Arc<Obj>, mut total: Value) -> R<(Value, bool)> {
        let boundary = self.frames.len();
        let ret_pos = self.stack.len();
        match self.resume_gen(g.clone(), Value::None, Exhaust::Drive, ret_pos) {
            Ok(()) => {}
            Err(Raise::Exc(e)) if is_instance_of(&e, "StopIteration") => return Ok((total, true)),
            Err(e) => return Err(e),
        }
        loop {
            self.nested += 1;
            let r = self.run_frames(boundary);
            self.nested -= 1;
            // An exception has already unwound the generator's frame; a return popped it.
            let v = r?;
            if v.is_null() {
                return Ok((total, true));
            }
            total = match (&total, &v) {
                (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
                (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
                (Value::Float(a), Value::Int(b)) => Value::Float(a + *b as f64),
                (Value::Int(a), Value::Float(b)) => Value::Float(*a as f64 + b),
                _ => {
                    self.suspend_driven();
                    let t = self.binary_op(crate::ast::BinOp::Add, total, v, false)?;
                    return Ok((t, false));
                }
            };
            // What the `yield` expression evaluates to when the frame runs on.
            self.stack.push(Value::None);
        }
    }

    /// Suspends the driven generator frame on top, as its `yield` would have.
    fn suspend_driven(&mut self) {
        let Some(mut frame) = self.frames.pop() else { return };
        let FrameKind::Generator(g, _) = std::mem::replace(&mut frame.kind, FrameKind::Normal) else { return };
        if let Obj::Generator(st, _) = &*g {
            let mut st = lock(st);
            for b in frame.blocks.iter_mut() {
                if b.kind == BlockKind::Handler {
                    // The handled exception belongs to the generator while it is suspended.
                    std::mem::swap(&mut b.saved_exc, &mut self.exc_info);
                }
            }
            st.saved.extend(self.stack.drain(frame.base..));
            st.running = false;
            st.frame = Some(frame);
        }
    }
}

/// What `Op::Send` did.
pub enum SendStep {
    /// A generator's frame was pushed (or the caller's ip moved): run the top frame.
    Pushed,
    /// The iterator yielded the value now on the stack: the next op yields it on.
    Yielded,
    /// The iterator returned the value now on the stack in its place: jump past the loop.
    Returned,
}

impl Vm {
    /// Where the top frame (a generator just resumed) is suspended: the position of its `Send`
    /// when that is inside a `yield from`/`await` loop (`Send`, `Yield`, `JumpBack` to the Send).
    fn delegating_send(&self) -> Option<usize> {
        let f = self.frames.last()?;
        let ops = &f.code().ops;
        match (ops.get(f.ip.wrapping_sub(1)), ops.get(f.ip)) {
            (Some(Op::Yield), Some(Op::JumpBack(s))) if matches!(ops.get(*s as usize), Some(Op::Send(_))) => {
                Some(*s as usize)
            }
            _ => None,
        }
    }

    /// Throws `exc` into the generator frame just resumed on top: when it is suspended in a
    /// `yield from`/`await`, its `Send` passes the exception on to the iterator it delegates to
    /// (as CPython's `gen.throw()` does); otherwise `Err(exc)`, to be raised at its `yield`.
    pub(crate) fn throw_in_top(&mut self, exc: Value) -> R<()> {
        match self.delegating_send() {
            Some(send) => {
                // The value the resume pushed as the yield's result becomes the exception.
                self.stack.pop();
                self.stack.push(exc);
                self.throw_pending = true;
                if let Some(f) = self.frames.last_mut() {
                    f.ip = send;
                }
                Ok(())
            }
            None => Err(Raise::Exc(exc)),
        }
    }

    /// `gen.send(v)` or `gen.throw(e)` called from Python: the generator's frame is pushed on
    /// this thread's stack (no nested run, so it can block in `--simulate`); when it returns, its
    /// caller gets StopIteration (`Exhaust::Next`).
    pub(crate) fn resume_call(&mut self, g: Arc<Obj>, throw: bool, arg: Value, ret_pos: usize) -> R<()> {
        if !throw {
            return self.resume_gen(g, arg, Exhaust::Next, ret_pos);
        }
        let exc = self.instantiate_exception(arg)?;
        {
            let Obj::Generator(st, _) = &*g else { return Err(Raise::Exc(exc)) };
            let mut st = lock(st);
            if st.running {
                return Err(crate::types::err("ValueError", "generator already executing"));
            }
            if !st.started || st.frame.is_none() {
                st.frame = None;
                st.saved.clear();
                st.finished = true;
                return Err(Raise::Exc(exc));
            }
        }
        self.resume_gen(g, Value::None, Exhaust::Next, ret_pos)?;
        // An `Err` here is raised at the generator's `yield`, the frame now on top.
        self.throw_in_top(exc)
    }

    /// `Op::Send`, stack `iter, value`.
    pub(crate) fn op_send(&mut self, target: u32) -> R<SendStep> {
        let v = self.stack.pop().unwrap_or(Value::None);
        let throwing = std::mem::take(&mut self.throw_pending);
        let it = self.stack.last().cloned().unwrap_or(Value::None);
        let gen = match &it {
            Value::Obj(o) if matches!(**o, Obj::Generator(..)) => Some(o.clone()),
            _ => None,
        };
        let ret_pos = self.stack.len();
        if throwing {
            if is_instance_of(&v, "GeneratorExit") {
                // close() closes the iterator first, then raises GeneratorExit here.
                match &gen {
                    Some(g) => self.gen_close(g)?,
                    None => {
                        if let Some(close) = self.getattr_opt(&it, "close")? {
                            self.call(&close, vec![])?;
                        }
                    }
                }
                return Err(Raise::Exc(v));
            }
            if let Some(g) = gen {
                {
                    let Obj::Generator(st, _) = &*g else { unreachable!() };
                    let mut st = lock(st);
                    if st.running {
                        return Err(crate::types::err("ValueError", "generator already executing"));
                    }
                    if !st.started || st.frame.is_none() {
                        st.frame = None;
                        st.saved.clear();
                        st.finished = true;
                        return Err(Raise::Exc(v));
                    }
                }
                self.resume_gen(g, Value::None, Exhaust::ForIterValue(target), ret_pos)?;
                // Raised now, the exception unwinds from the iterator's frame on top.
                self.throw_in_top(v)?;
                return Ok(SendStep::Pushed);
            }
            let Some(throw) = self.getattr_opt(&it, "throw")? else { return Err(Raise::Exc(v)) };
            let r = self.call(&throw, vec![v]);
            return self.send_result(r);
        }
        if let Some(g) = gen {
            self.resume_gen(g, v, Exhaust::ForIterValue(target), ret_pos)?;
            return Ok(SendStep::Pushed);
        }
        let r = if !v.is_none() {
            match self.getattr_opt(&it, "send")? {
                Some(send) => self.call(&send, vec![v]),
                None => Err(crate::types::type_error(format!(
                    "'{}' object has no attribute 'send'",
                    crate::types::type_name(&it)
                ))),
            }
        } else if let Value::Instance(_) = &it {
            // A Python `__next__`: its StopIteration carries the return value.
            match self.getattr_opt(&it, "__next__")? {
                Some(next) => self.call(&next, vec![]),
                None => Err(crate::types::type_error(format!(
                    "'{}' object is not an iterator",
                    crate::types::type_name(&it)
                ))),
            }
        } else {
            match self.next_item(&it)? {
                Some(y) => Ok(y),
                None => Err(Raise::Exc(new_exception(&exc_class("StopIteration"), vec![]))),
            }
        };
        self.send_result(r)
    }

    fn send_result(&mut self, r: R<Value>) -> R<SendStep> {
        match r {
            Ok(y) => {
                self.stack.push(y);
                Ok(SendStep::Yielded)
            }
            Err(Raise::Exc(e)) if is_instance_of(&e, "StopIteration") => {
                let value = match &e {
                    Value::Instance(i) => i.exc().and_then(|d| d.args.first().cloned()).unwrap_or(Value::None),
                    _ => Value::None,
                };
                self.stack.pop();
                self.stack.push(value);
                Ok(SendStep::Returned)
            }
            Err(e) => Err(e),
        }
    }

    /// `await v`'s iterator: a coroutine itself, or what `type(v).__await__(v)` returns, which
    /// must be an iterator (CPython's messages when it is not).
    pub(crate) fn get_awaitable(&mut self, v: Value) -> R<Value> {
        use crate::types::{type_error, type_name};
        if let Value::Obj(o) = &v {
            if let Obj::Generator(st, _) = &**o {
                if lock(st).coro {
                    return Ok(v);
                }
            }
        }
        let method = match &v {
            Value::Instance(inst) => inst.class.lookup_name("__await__"),
            _ => None,
        };
        let Some(method) = method else {
            return Err(type_error(format!("object {} can't be used in 'await' expression", type_name(&v))));
        };
        let it = self.call(&method, vec![v])?;
        let ok = match &it {
            Value::Obj(o) => match &**o {
                Obj::Generator(st, _) => {
                    if lock(st).coro {
                        return Err(type_error("__await__() returned a coroutine"));
                    }
                    true
                }
                Obj::RangeIter { .. } | Obj::SeqIter { .. } | Obj::VecIter { .. } | Obj::Lazy(_) | Obj::Native(_) => {
                    true
                }
                _ => false,
            },
            Value::Instance(i) => i.class.lookup_name("__next__").is_some(),
            _ => false,
        };
        if !ok {
            return Err(type_error(format!("__await__() returned non-iterator of type '{}'", type_name(&it))));
        }
        Ok(it)
    }
}
