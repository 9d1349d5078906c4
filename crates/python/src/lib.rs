//! `playground-python`: a Python interpreter for the lesson's programs, whose threads are real
//! threads under a real GIL that can be switched off, or a deterministic simulation on one thread.
//!
//! Source goes through `lexer` → `parser` (a syntax tree, `ast`) → `symtable` and `compiler`
//! (bytecode, `code`) → `vm` (one per Python thread, with an explicit frame stack). Objects are
//! `value::Value`s; the builtin types, functions and modules live in `types`, `builtins`,
//! `methods`, `str_methods`, `containers` and `modules`. `runtime` starts programs and threads;
//! `gil` is CPython's GIL; `sim` is the `--simulate` scheduler. See NOTES.md.
//!
//! Architecture invariant: nothing here knows about browsers. Time, threads and output come from
//! the `interp::Host`, cancellation through `interp::StopHandle`.

pub mod ast;
pub mod attr;
pub mod builtins;
pub mod cache;
pub mod call;
pub mod code;
pub mod compiler;
pub mod containers;
pub mod decimal;
pub mod desugar;
pub mod dict;
pub mod exec;
pub mod format;
pub mod frame;
pub mod gen;
pub mod gil;
pub mod host;
pub mod interp;
pub mod items;
pub mod iters;
pub mod lexer;
pub mod limits;
pub mod methods;
pub mod modules;
pub mod ops;
pub mod parser;
pub mod protocol;
pub mod runtime;
pub mod settable;
pub mod sim;
pub mod str_methods;
pub mod subclass;
pub mod symtable;
pub mod trace;
pub mod traceback;
pub mod types;
pub mod value;
pub mod vm;

use std::sync::Arc;

pub use interp::{Config, Host, StopHandle};
pub use runtime::Outcome;

/// Why evaluation left the normal flow: a Python exception, or the runtime's own signals.
pub enum Raise {
    /// A Python exception (an instance of BaseException) raised here.
    Exc(value::Value),
    /// An exception re-raised by `raise` or a handler: no new traceback entry for this frame.
    Reraise(value::Value),
    /// `--simulate`: the thread must wait (for a lock or a deadline) and run the call again.
    Block(Box<(vm::Wait, Option<f64>)>),
    /// `--simulate`: the thread's slice is over.
    Preempt,
    /// The run was stopped from outside (or is shutting down its daemon threads).
    Stop,
    /// A native function asks the VM to call a Python function in its place (resumably).
    Call(Box<(value::Value, Vec<value::Value>)>),
}

pub type R<T> = Result<T, Raise>;

/// Parses and compiles a module.
pub fn compile(source: &str, filename: &str) -> Result<Arc<code::Code>, lexer::SyntaxError> {
    let body = parser::parse_module(source)?;
    compiler::compile_module(&body, filename, "<module>")
}
