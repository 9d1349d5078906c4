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
}

use std::sync::Arc;

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
        let r = match self.unwind(exc, boundary, true) {
            Ok(()) => self.run_frames(boundary),
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
