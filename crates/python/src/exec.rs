//! `exec()` and `eval()`: source compiled at run time and run in a nested run against a dict of
//! globals (and optionally of locals). `dataclasses` and `collections.namedtuple` use `exec` to
//! make methods with real signatures, as CPython's do, so calls to them fail with CPython's
//! messages.

use std::sync::Arc;

use crate::builtins::{arg_count, Kw};
use crate::frame::{Body, Frame, FrameKind};
use crate::types::{type_error, type_name};
use crate::value::{PyDict, Value};
use crate::vm::Vm;
use crate::R;

/// The globals and locals a call gives, or the calling frame's.
fn namespaces(vm: &Vm, fname: &str, args: &[Value]) -> R<(Arc<PyDict>, Option<Arc<PyDict>>)> {
    let caller = vm.frames.last();
    let globals = match args.get(1) {
        None | Some(Value::None) => match caller {
            Some(f) => f.globals().clone(),
            None => PyDict::new(),
        },
        Some(Value::Dict(d)) => d.clone(),
        Some(other) => {
            return Err(type_error(format!("{fname}() globals must be a dict, not {}", type_name(other))));
        }
    };
    let locals = match args.get(2) {
        None | Some(Value::None) => match (args.get(1), caller) {
            (None | Some(Value::None), Some(f)) => f.ns.clone(),
            _ => None,
        },
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(other) => return Err(type_error(format!("locals must be a mapping, not {}", type_name(other)))),
    };
    Ok((globals, locals))
}

fn source<'a>(fname: &str, args: &'a [Value]) -> R<&'a str> {
    match args.first() {
        Some(Value::Str(s)) => Ok(&s.s),
        // CPython 3.11 names no type here.
        Some(_) => Err(type_error(format!("{fname}() arg 1 must be a string, bytes or code object"))),
        None => Err(type_error(format!("{fname} expected at least 1 argument, got 0"))),
    }
}

fn run(vm: &mut Vm, code: Arc<crate::code::Code>, globals: Arc<PyDict>, locals: Option<Arc<PyDict>>) -> R<Value> {
    vm.check_depth()?;
    let boundary = vm.frames.len();
    let base = vm.stack.len();
    vm.frames.push(Frame {
        body: Body::Module(code, globals),
        ns: locals,
        ip: 0,
        base,
        ret_pos: base,
        blocks: Vec::new(),
        kind: FrameKind::Normal,
    });
    vm.nested += 1;
    let r = vm.run_frames(boundary);
    vm.nested -= 1;
    r
}

pub fn exec(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    crate::builtins::check_kw("exec", kw, &[])?;
    arg_count("exec", args, 1, 3)?;
    let src = source("exec", args)?.to_string();
    let (globals, locals) = namespaces(vm, "exec", args)?;
    let code = crate::parser::parse_module(&src)
        .and_then(|body| crate::compiler::compile_exec(&body, "<string>"))
        .map_err(|e| crate::traceback::syntax_error_value(&e, "<string>", &src))?;
    run(vm, code, globals, locals)?;
    Ok(Value::None)
}

pub fn eval(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    crate::builtins::check_kw("eval", kw, &[])?;
    arg_count("eval", args, 1, 3)?;
    let src = source("eval", args)?.trim_start_matches([' ', '\t']).to_string();
    let (globals, locals) = namespaces(vm, "eval", args)?;
    let code = crate::parser::parse_module(&src)
        .and_then(|body| crate::compiler::compile_expression(&body, "<string>"))
        .map_err(|e| crate::traceback::syntax_error_value(&e, "<string>", &src))?;
    run(vm, code, globals, locals)
}
