//! `os`: the process's identity and the machine's cores; no files.

use crate::builtins::Kw;
use crate::dict::Dict;
use crate::modules::add_fns;
use crate::value::{Module, Value};
use crate::vm::Vm;
use crate::R;

fn getpid(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(vm.interp.pid as i64))
}

fn getppid(_: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(4241))
}

pub fn cpu_count(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(vm.interp.host.cpu_count() as i64))
}

fn getenv(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let _ = vm;
    Ok(args.get(1).cloned().unwrap_or(Value::None))
}

pub fn init(_vm: &mut Vm, m: &Module) {
    add_fns(m, &[("getpid", getpid), ("getppid", getppid), ("cpu_count", cpu_count), ("getenv", getenv)]);
    m.dict.set_name("environ", Value::dict(Dict::new()));
    m.dict.set_name("name", Value::str("posix"));
    m.dict.set_name("sep", Value::str("/"));
    m.dict.set_name("linesep", Value::str("\n"));
}
