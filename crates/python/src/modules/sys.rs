//! `sys`: the switch interval, the GIL switch, the recursion limit, argv, exit and the streams.

use std::any::Any;
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};

use crate::builtins::{arg_count, Kw};
use crate::modules::{add_fns, native_class, NativeObj};
use crate::types::{err, type_error};
use crate::value::{Class, Module, Obj, Value};
use crate::vm::Vm;
use crate::R;

struct Stream {
    err: bool,
}

static STREAM_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

impl NativeObj for Stream {
    fn class(&self) -> Arc<Class> {
        STREAM_CLASS
            .get_or_init(|| native_class("TextIOWrapper", &[("write", write), ("flush", flush), ("isatty", isatty)]))
            .clone()
    }
    fn type_name(&self) -> &'static str {
        "TextIOWrapper"
    }
    fn repr(&self) -> String {
        format!("<_io.TextIOWrapper name='<{}>' mode='w' encoding='utf-8'>", if self.err { "stderr" } else { "stdout" })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn is_err(v: &Value) -> bool {
    if let Value::Obj(o) = v {
        if let Obj::Native(n) = &**o {
            if let Some(s) = n.as_any().downcast_ref::<Stream>() {
                return s.err;
            }
        }
    }
    false
}

fn write(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("write", args, 2, 2)?;
    let Value::Str(s) = &args[1] else {
        return Err(type_error(format!("write() argument must be str, not {}", crate::types::type_name(&args[1]))));
    };
    if is_err(&args[0]) {
        vm.interp.write_err(&s.s);
    } else {
        vm.interp.write_out(&s.s);
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn flush(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    vm.interp.flush_out();
    Ok(Value::None)
}

fn isatty(_: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Bool(false))
}

fn setswitchinterval(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("setswitchinterval", args, 1, 1)?;
    let s = match &args[0] {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        _ => return Err(type_error("must be real number")),
    };
    if s <= 0.0 {
        return Err(err("ValueError", "switch interval must be strictly positive"));
    }
    vm.interp.switch_interval_us.store((s * 1e6).max(1.0) as u64, Ordering::Relaxed);
    Ok(Value::None)
}

fn getswitchinterval(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    // As CPython: microseconds times 1e-6 (so 0.05 reads back as 0.049999999999999996).
    Ok(Value::Float(vm.interp.switch_interval_us.load(Ordering::Relaxed) as f64 * 1e-6))
}

fn is_gil_enabled(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Bool(vm.interp.config.gil))
}

fn getrecursionlimit(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(vm.interp.recursion_limit.load(Ordering::Relaxed) as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("setrecursionlimit", args, 1, 1)?;
    let Value::Int(n) = args[0] else { return Err(type_error("an integer is required")) };
    if n < 1 {
        return Err(err("ValueError", "recursion limit must be greater or equal than 1"));
    }
    // Frames live on the heap, so deep limits cost memory, not the host's stack; still capped.
    vm.interp.recursion_limit.store((n as usize).min(100_000), Ordering::Relaxed);
    Ok(Value::None)
}

fn exit(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Err(crate::Raise::Exc(crate::types::new_exception(&crate::types::exc_class("SystemExit"), args.to_vec())))
}

fn exc_info(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    let e = vm.exc_info.clone();
    if e.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    Ok(Value::tuple(vec![Value::Class(crate::types::type_of(&e)), e, Value::None]))
}

fn exception(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(vm.exc_info.clone())
}

fn getsizeof(_: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(64))
}

pub fn init(vm: &mut Vm, m: &Module) {
    add_fns(
        m,
        &[
            ("setswitchinterval", setswitchinterval),
            ("getswitchinterval", getswitchinterval),
            ("_is_gil_enabled", is_gil_enabled),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exit", exit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("getsizeof", getsizeof),
        ],
    );
    let argv = vm.interp.config.argv.iter().map(|a| Value::str(a.clone())).collect();
    m.dict.set_name("argv", Value::list(argv));
    m.dict.set_name("version", Value::str("3.11.7 (playground) [Rust]"));
    m.dict.set_name(
        "version_info",
        Value::tuple(vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)]),
    );
    m.dict.set_name("hexversion", Value::Int(0x030B07F0));
    m.dict.set_name("platform", Value::str("linux"));
    m.dict.set_name("byteorder", Value::str("little"));
    m.dict.set_name("maxsize", Value::Int(i64::MAX));
    m.dict.set_name("executable", Value::str("/usr/bin/python3"));
    m.dict.set_name("stdout", Value::obj(Obj::Native(Box::new(Stream { err: false }))));
    m.dict.set_name("stderr", Value::obj(Obj::Native(Box::new(Stream { err: true }))));
    m.dict.set_name("__stdout__", Value::obj(Obj::Native(Box::new(Stream { err: false }))));
    m.dict.set_name("modules", Value::dict(crate::dict::Dict::new()));
}
