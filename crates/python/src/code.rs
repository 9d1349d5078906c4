//! Bytecode: the instruction set and code objects the compiler emits and the VM runs.
//!
//! Locals live in numbered slots ("fast locals"); a slot may hold a cell when a nested function
//! shares the variable. Loop back-edges (`JumpBack`) and calls are the only eval-breaker checks,
//! as in CPython 3.10+, so that is where a thread can lose the GIL.

use std::sync::Arc;

use crate::ast::{BinOp, CmpOp, UnOp};
use crate::value::{Str, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Reads or writes through the cell in a slot.
    LoadDeref(u32),
    StoreDeref(u32),
    /// Pushes the cell object of a slot itself (to build a closure).
    LoadCell(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies: the namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Superinstructions written over a `LoadFast(local)` that a `LoadAttr(name)` /
    /// `StoreAttr(name)` follows (see `fuse`): an instance's attribute is read or written through
    /// the local in place, with no reference count taken, and the next op is skipped. Any other
    /// case does the `LoadFast` and runs the op that follows as it is.
    LoadFastAttr(u16, u16),
    LoadFastStoreAttr(u16, u16),
    /// Written over a `LoadGlobal(global)` that a `LoadMethod(name)` / `LoadAttr(name)` follows:
    /// a module's attribute through the thread's cache (`math.sqrt`), skipping the next op; or
    /// only the `LoadGlobal` when the global is not a module that has the attribute.
    LoadGlobalMethod(u16, u16),
    LoadGlobalAttr(u16, u16),
    /// Pushes `method, self` or `attribute, Null`; `CallMethod(n)` calls either with n arguments.
    LoadMethod(u32),
    CallMethod(u32),
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildString(u32),
    /// Comprehensions: append TOS to the container `n` below it (after popping TOS).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    ListToTuple,
    /// f-string field: conversion (0, 'r', 's', 'a') and whether a format spec is on the stack.
    FormatValue(u8, bool),
    Jump(u32),
    /// A loop's back-edge: an eval-breaker check, then a jump.
    JumpBack(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    ForIter(u32),
    /// The loop of `yield from` and `await` (CPython's SEND), stack `iter, value`: sends the value
    /// into the iterator (or throws `Vm::throw_pending`'s exception in); what it yields is pushed
    /// for the `Yield` after this op, and when it returns, its value replaces the iterator and
    /// the loop jumps to the target. `gen::Vm::op_send`.
    Send(u32),
    /// `await`'s operand: a coroutine, or what its type's `__await__` returns.
    GetAwaitable,
    Call(u32),
    /// Call with `n` arguments of which the last ones are named by the tuple constant `names`.
    CallKw(u16, u16),
    /// Call with an args tuple and (if the flag is set) a kwargs dict on the stack.
    CallEx(bool),
    /// Flags: 1 defaults tuple, 2 kw-defaults dict, 4 closure tuple are on the stack below the code.
    MakeFunction(u8),
    /// Stack: body function, name, bases...; runs the body and makes the class.
    BuildClass(u32),
    Return,
    Yield,
    Pop,
    Dup,
    Dup2,
    Rot2,
    Rot3,
    Raise(u32),
    Reraise,
    SetupExcept(u32),
    SetupFinally(u32),
    PopBlock,
    /// Leaves an except handler: pops the exception and restores the one handled before.
    PopExcept,
    /// Pops the class(es) and the exception below them; pushes whether they match.
    ExcMatch,
    /// Calls `__enter__`, keeps `__exit__` on the stack and sets up a handler block.
    SetupWith(u32),
    /// Normal exit of a `with` body: calls `__exit__(None, None, None)`.
    WithExit,
    /// A `with` body raised (stack: exit, exception): calls `__exit__(type, exc, None)`, leaving
    /// the exception and the call's result.
    WithExcept,
    /// After `WithExcept`: a true result swallows the exception (and jumps), else it is re-raised.
    WithSuppress(u32),
    Unpack(u32),
    UnpackEx(u16, u16),
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    LoadAssertionError,
    /// Raises NotImplementedError for a construct the playground runs into at run time.
    Unsupported(u32),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum CodeKind {
    #[default]
    Module,
    Function,
    Class,
    Generator,
    /// An `async def`'s body: calling it makes a coroutine.
    Coroutine,
}

#[derive(Default)]
pub struct Code {
    pub name: Arc<str>,
    pub qualname: String,
    pub filename: Arc<str>,
    pub kind: CodeKind,
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub names: Vec<Arc<Str>>,
    /// Fast-local slots: parameters first, then other locals, then free variables.
    pub nlocals: u32,
    pub local_names: Vec<Arc<Str>>,
    pub argcount: u32,
    pub posonly: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
    /// Parameter slots that are cells: wrapped when the frame starts.
    pub cell_params: Vec<u32>,
    /// Non-parameter slots that are cells: a fresh empty cell each call.
    pub cell_locals: Vec<u32>,
    /// The first slot of the free variables (filled from the function's closure).
    pub free_start: u32,
    pub nfree: u32,
    /// The slot of a class body's `__class__`-like super() helper is not needed: functions
    /// remember their owner class instead (see `Function::owner`).
    pub first_line: u32,
    /// True when the body is only positional parameters (the call fast path applies).
    pub simple_args: bool,
    /// A function's docstring (`__doc__`).
    pub doc: Option<String>,
}

impl Code {
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.first_line)
    }
}

/// Where a jump can land in `ops`: the targets of jumps, loops, handlers and `with` blocks.
fn jump_targets(ops: &[Op]) -> Vec<bool> {
    let mut t = vec![false; ops.len() + 1];
    for op in ops {
        match *op {
            Op::Jump(x)
            | Op::JumpBack(x)
            | Op::PopJumpIfFalse(x)
            | Op::PopJumpIfTrue(x)
            | Op::JumpIfFalseOrPop(x)
            | Op::JumpIfTrueOrPop(x)
            | Op::ForIter(x)
            | Op::Send(x)
            | Op::SetupExcept(x)
            | Op::SetupFinally(x)
            | Op::SetupWith(x)
            | Op::WithSuppress(x) => {
                if let Some(b) = t.get_mut(x as usize) {
                    *b = true;
                }
            }
            _ => {}
        }
    }
    t
}

/// Writes the superinstructions `LoadFastAttr` / `LoadFastStoreAttr` over each `LoadFast` that an
/// attribute op follows, where no jump lands on that attribute op. The attribute op stays, so no
/// index moves: the superinstruction skips it when it did the work, and falls through to it when
/// it did only the `LoadFast`.
pub fn fuse(ops: &mut [Op]) {
    let targets = jump_targets(ops);
    for k in 0..ops.len().saturating_sub(1) {
        if targets[k + 1] {
            continue;
        }
        if let (Op::LoadGlobal(g), Op::LoadMethod(n) | Op::LoadAttr(n)) = (ops[k], ops[k + 1]) {
            if let (Ok(g), Ok(n)) = (u16::try_from(g), u16::try_from(n)) {
                let method = matches!(ops[k + 1], Op::LoadMethod(_));
                ops[k] = if method { Op::LoadGlobalMethod(g, n) } else { Op::LoadGlobalAttr(g, n) };
            }
            continue;
        }
        let (Op::LoadFast(j), next) = (ops[k], ops[k + 1]) else { continue };
        let (Ok(j), Some((n, store))) = (
            u16::try_from(j),
            match next {
                Op::LoadAttr(n) => Some((n, false)),
                Op::StoreAttr(n) => Some((n, true)),
                _ => None,
            },
        ) else {
            continue;
        };
        let Ok(n) = u16::try_from(n) else { continue };
        ops[k] = if store { Op::LoadFastStoreAttr(j, n) } else { Op::LoadFastAttr(j, n) };
    }
}
