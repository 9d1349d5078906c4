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

use crate::frame::Exhaust;
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
