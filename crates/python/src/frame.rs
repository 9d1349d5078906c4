//! Frames: a function activation on its thread's value stack, and what to do when it returns.

use std::sync::Arc;

use crate::code::Code;
use crate::value::{Function, Module, Obj, PyDict, Value};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BlockKind {
    Except,
    Finally,
    With,
    /// Inside an except/finally handler: leaving it restores the exception handled before.
    Handler,
}

pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    /// Stack height above the frame's base when the block was set up.
    pub depth: u32,
    pub saved_exc: Value,
}

/// What a generator frame's end means for the frame that resumed it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Exhaust {
    /// Resumed by `ForIter`: pop the iterator and jump to the loop's exit.
    ForIter(u32),
    /// Resumed by `yield from`: at the end, pop the iterator, push the return value and jump.
    ForIterValue(u32),
    /// Resumed by `next()` or `send()`: raise StopIteration in the caller.
    Next,
    /// Resumed by native code in a nested run: it looks at the generator's state.
    Native,
    /// Driven by native code item after item (`sum` over a generator, `Vm::sum_gen`): at a
    /// yield the frame stays where it is on the stack, and the driver pushes the yield's result
    /// and runs it again, or suspends it as a yield would (`Vm::suspend_driven`).
    Drive,
}

pub enum FrameKind {
    Normal,
    Generator(Arc<Obj>, Exhaust),
    /// `__init__` of a new instance: the call's result is the instance.
    Init(Value),
    /// A module's body: the import's result is the module.
    Module(Arc<Module>),
    /// A class body: its namespace becomes a class when it returns.
    ClassBody {
        name: Value,
        bases: Vec<Value>,
    },
    /// A Python `__next__` called by `ForIter`: StopIteration ends the loop.
    IterNext(u32),
}

/// What a frame runs. A function owns its code and globals, so a call moves the function into
/// its frame and clones nothing (each `Arc` clone is an atomic write to a count that every thread
/// running the same function shares).
pub enum Body {
    Func(Arc<Function>),
    /// A module's body: its code and its namespace.
    Module(Arc<Code>, Arc<PyDict>),
}

pub struct Frame {
    pub body: Body,
    /// A class body's namespace (names resolve there first).
    pub ns: Option<Arc<PyDict>>,
    pub ip: usize,
    /// Where local slot 0 is on the thread's stack.
    pub base: usize,
    /// The stack height to go back to when this frame ends (below its callable).
    pub ret_pos: usize,
    pub blocks: Vec<Block>,
    pub kind: FrameKind,
}

impl Frame {
    #[inline]
    pub fn code(&self) -> &Arc<Code> {
        match &self.body {
            Body::Func(f) => &f.code,
            Body::Module(c, _) => c,
        }
    }
    #[inline]
    pub fn globals(&self) -> &Arc<PyDict> {
        match &self.body {
            Body::Func(f) => &f.globals,
            Body::Module(_, g) => g,
        }
    }
    pub fn func(&self) -> Option<&Arc<Function>> {
        match &self.body {
            Body::Func(f) => Some(f),
            Body::Module(..) => None,
        }
    }
}
