//! Constructors of the builtin types and the methods of object, type, numbers, exceptions,
//! generators, property, super; strings and containers live in their own modules.

use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Once};

use crate::builtins::{arg_count, check_kw, kwarg, make_set_from, Kw};
use crate::dict::Dict;
use crate::ops::{self, float_from_str, int_from_str, to_big};
use crate::types::{add_methods, err, new_exception, type_error, type_name, type_of, types, value_error};
use crate::value::{lock, Builtin, Obj, Value};
use crate::vm::Vm;
use crate::{Raise, R};

static INSTALL: Once = Once::new();

pub fn install_types() {
    INSTALL.call_once(|| {
        let t = types();
        add_methods(&t.object, &[("__new__", object_new)]);
        // Named `object.…` so that binding never hands it a subclass instance's builtin value.
        lock(&t.object.dict).set_str(crate::value::intern("__init__"), Builtin::value("object.__init__", object_init));
        add_methods(
            &t.int,
            &[
                ("__new__", int_new),
                ("bit_length", int_bit_length),
                ("conjugate", same),
                ("is_integer", int_is_integer),
            ],
        );
        add_methods(&t.bool_, &[("__new__", bool_new)]);
        add_methods(
            &t.float,
            &[
                ("__new__", float_new),
                ("is_integer", float_is_integer),
                ("as_integer_ratio", float_ratio),
                ("conjugate", same),
            ],
        );
        add_methods(&t.type_, &[("__new__", type_new)]);
        add_methods(&t.range, &[("__new__", range_new), ("index", range_index), ("count", range_count)]);
        add_methods(&t.slice, &[("__new__", slice_new)]);
        add_methods(
            &t.property,
            &[
                ("__new__", property_new),
                ("setter", property_setter),
                ("getter", property_getter),
                ("deleter", property_deleter),
            ],
        );
        add_methods(&t.staticmethod, &[("__new__", staticmethod_new)]);
        add_methods(&t.classmethod, &[("__new__", classmethod_new)]);
        add_methods(&t.super_, &[("__new__", super_new)]);
        add_methods(&t.set, &[("__new__", set_new)]);
        add_methods(&t.frozenset, &[("__new__", frozenset_new)]);
        add_methods(&t.bytes, &[("__new__", bytes_new), ("decode", bytes_decode)]);
        add_methods(&t.base_exception, &[("__init__", exc_init), ("with_traceback", same), ("add_note", exc_add_note)]);
        add_methods(
            &t.generator,
            &[
                ("send", gen_send),
                ("close", gen_close),
                ("__next__", gen_next_m),
                ("__iter__", same),
                ("throw", gen_throw),
            ],
        );
        add_methods(&t.coroutine, &[("send", gen_send), ("close", gen_close), ("throw", gen_throw)]);
        for c in [&t.iterator, &t.map, &t.filter, &t.zip, &t.enumerate] {
            add_methods(c, &[("__next__", iter_next_m), ("__iter__", same)]);
        }
        crate::str_methods::install();
        crate::containers::install();
        crate::subclass::install();
    });
}

fn same(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn object_init(_: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
    }
    Ok(Value::None)
}

fn object_new(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    if !args.is_empty() {
        return Err(type_error("object() takes no arguments"));
    }
    Ok(Value::Instance(Arc::new(crate::value::Instance {
        class: types().object.clone(),
        dict: crate::value::SpinLock::new(Dict::new()),
        exc: None,
        native: None,
    })))
}

fn int_new(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    check_kw("int", kw, &["base"])?;
    arg_count("int", args, 0, 2)?;
    let base = args.get(1).cloned().or_else(|| kwarg(kw, "base"));
    let Some(x) = args.first() else { return Ok(Value::Int(0)) };
    if let Some(b) = base {
        let Value::Int(b) = b else { return Err(type_error("'base' must be an integer")) };
        let Value::Str(s) = x else { return Err(type_error("int() can't convert non-string with explicit base")) };
        if b != 0 && !(2..=36).contains(&b) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return int_from_str(&s.s, b as u32).ok_or_else(|| {
            value_error(format!("invalid literal for int() with base {b}: {}", crate::format::str_repr(&s.s)))
        });
    }
    match x {
        Value::Int(_) | Value::Big(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(*f),
        Value::Str(s) => int_from_str(&s.s, 10).ok_or_else(|| {
            value_error(format!("invalid literal for int() with base 10: {}", crate::format::str_repr(&s.s)))
        }),
        other => {
            for m in ["__int__", "__index__", "__trunc__"] {
                if let Ok(f) = vm.special_method(other, m) {
                    return vm.call(&f, vec![]);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(other)
            )))
        }
    }
}

pub fn float_to_int(f: f64) -> R<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(err("OverflowError", "cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        Ok(Value::Int(t as i64))
    } else {
        Ok(ops::big(num_bigint::BigInt::from(t as i128)))
    }
}

fn int_bit_length(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let b = to_big(&args[0]).unwrap_or_default();
    Ok(Value::Int(b.bits() as i64))
}

fn int_is_integer(_: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Bool(true))
}

fn bool_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("bool", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn float_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("float", args, 0, 1)?;
    let Some(x) = args.first() else { return Ok(Value::Float(0.0)) };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::Big(b) => match num_traits::ToPrimitive::to_f64(&**b) {
            Some(f) if f.is_finite() => Ok(Value::Float(f)),
            _ => Err(err("OverflowError", "int too large to convert to float")),
        },
        Value::Str(s) => float_from_str(&s.s).map(Value::Float).ok_or_else(|| {
            value_error(format!("could not convert string to float: {}", crate::format::str_repr(&s.s)))
        }),
        other => match vm.special_method(other, "__float__") {
            Ok(f) => vm.call(&f, vec![]),
            Err(_) => Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(other)
            ))),
        },
    }
}

fn float_is_integer(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Bool(matches!(args[0], Value::Float(f) if f.is_finite() && f.fract() == 0.0)))
}

fn float_ratio(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let Value::Float(f) = args[0] else { return Ok(Value::None) };
    if !f.is_finite() {
        return Err(value_error("cannot convert Infinity or NaN to integer ratio"));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 { (bits & ((1 << 52) - 1)) << 1 } else { (bits & ((1 << 52) - 1)) | (1 << 52) };
    let mut n = num_bigint::BigInt::from(mant);
    let mut d = num_bigint::BigInt::from(1);
    let e = exp - 1075;
    if e > 0 {
        n <<= e as usize;
    } else {
        d <<= (-e) as usize;
    }
    let g = num_integer::Integer::gcd(&n, &d);
    let (n, d) = (n / &g, d / &g);
    let n = if f < 0.0 { -n } else { n };
    Ok(Value::tuple(vec![ops::big(n), ops::big(d)]))
}

fn type_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    match args.len() {
        1 => Ok(Value::Class(type_of(&args[0]))),
        3 => {
            let bases = match &args[1] {
                Value::Tuple(t) => t.0.clone(),
                _ => return Err(type_error("type.__new__() argument 2 must be tuple")),
            };
            let ns = match &args[2] {
                Value::Dict(d) => Arc::new(crate::value::PyDict { d: crate::dict::DictCell::new(lock(&d.d).clone()) }),
                _ => return Err(type_error("type.__new__() argument 3 must be dict")),
            };
            vm.build_class(args[0].clone(), bases, ns)
        }
        _ => Err(type_error("type() takes 1 or 3 arguments")),
    }
}

fn range_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("range", args, 1, 3)?;
    let mut ints = Vec::new();
    for a in args {
        match a {
            Value::Int(i) => ints.push(*i),
            Value::Bool(b) => ints.push(*b as i64),
            Value::Big(_) => return Err(err("OverflowError", "Python int too large to convert to C ssize_t")),
            other => {
                if let Ok(m) = vm.special_method(other, "__index__") {
                    if let Value::Int(i) = vm.call(&m, vec![])? {
                        ints.push(i);
                        continue;
                    }
                }
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(other))));
            }
        }
    }
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::obj(Obj::Range { start, stop, step }))
}

fn range_index(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let it = vm.iter(&args[0])?;
    let mut k = 0;
    while let Some(v) = vm.next_item(&it)? {
        if vm.eq(&v, &args[1])? {
            return Ok(Value::Int(k));
        }
        k += 1;
    }
    Err(value_error(format!("{} is not in range", vm.repr(&args[1])?)))
}

fn range_count(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(vm.contains(&args[0], &args[1])? as i64))
}

fn slice_new(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("slice", args, 1, 3)?;
    let (a, b, c) = match args.len() {
        1 => (Value::None, args[0].clone(), Value::None),
        2 => (args[0].clone(), args[1].clone(), Value::None),
        _ => (args[0].clone(), args[1].clone(), args[2].clone()),
    };
    Ok(Value::obj(Obj::Slice(a, b, c)))
}

fn property_new(_: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let get = |i: usize, n: &str| args.get(i).cloned().or_else(|| kwarg(kw, n)).unwrap_or(Value::None);
    Ok(Value::obj(Obj::Property {
        fget: get(0, "fget"),
        fset: get(1, "fset"),
        fdel: get(2, "fdel"),
        doc: get(3, "doc"),
    }))
}

fn property_with(args: &[Value], which: usize) -> R<Value> {
    let Value::Obj(o) = &args[0] else { return Err(type_error("descriptor requires a property")) };
    let Obj::Property { fget, fset, fdel, doc } = &**o else {
        return Err(type_error("descriptor requires a property"));
    };
    let f = args.get(1).cloned().unwrap_or(Value::None);
    let (mut g, mut s, mut d) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    Ok(Value::obj(Obj::Property { fget: g, fset: s, fdel: d, doc: doc.clone() }))
}

fn property_getter(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    property_with(args, 0)
}
fn property_setter(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    property_with(args, 1)
}
fn property_deleter(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    property_with(args, 2)
}

fn staticmethod_new(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("staticmethod", args, 1, 1)?;
    Ok(Value::obj(Obj::StaticMethod(args[0].clone())))
}

fn classmethod_new(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("classmethod", args, 1, 1)?;
    Ok(Value::obj(Obj::ClassMethod(args[0].clone())))
}

fn super_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (class, this) = match args.len() {
        0 => {
            let Some(f) = vm.frames.last() else { return Err(err("RuntimeError", "super(): no arguments")) };
            let owner = f.func().and_then(|func| func.owner.get()).and_then(|w| w.upgrade());
            let Some(class) = owner else {
                return Err(err("RuntimeError", "super(): __class__ cell not found"));
            };
            if f.code().argcount == 0 && !f.code().varargs {
                return Err(err("RuntimeError", "super(): no arguments"));
            }
            let first = vm.stack.get(f.base).cloned().unwrap_or(Value::Null);
            let first = match &first {
                Value::Obj(o) => match &**o {
                    Obj::Cell(c) => lock(c).clone(),
                    _ => first.clone(),
                },
                _ => first,
            };
            (class, first)
        }
        2 => match &args[0] {
            Value::Class(c) => (c.clone(), args[1].clone()),
            _ => return Err(type_error("super() argument 1 must be a type")),
        },
        _ => return Err(type_error("super() takes 0 or 2 arguments")),
    };
    Ok(Value::obj(Obj::Super { class, this }))
}

fn set_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("set", args, 0, 1)?;
    if let Some(a) = args.first() {
        if vm.needs_resumable(a) {
            return crate::builtins::helper(vm, "set", vec![a.clone()]);
        }
    }
    make_set_from(vm, args.first(), false)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("frozenset", args, 0, 1)?;
    make_set_from(vm, args.first(), true)
}

fn bytes_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    match args.first() {
        None => Ok(Value::obj(Obj::Bytes(Vec::new()))),
        Some(Value::Str(s)) => Ok(Value::obj(Obj::Bytes(s.s.as_bytes().to_vec()))),
        Some(Value::Int(n)) => Ok(Value::obj(Obj::Bytes(vec![0; (*n).max(0) as usize]))),
        Some(v) => {
            let items = vm.collect(v)?;
            let mut out = Vec::new();
            for i in items {
                match i {
                    Value::Int(b) if (0..256).contains(&b) => out.push(b as u8),
                    _ => return Err(value_error("bytes must be in range(0, 256)")),
                }
            }
            Ok(Value::obj(Obj::Bytes(out)))
        }
    }
}

fn bytes_decode(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    match &args[0] {
        Value::Obj(o) => match &**o {
            Obj::Bytes(b) => Ok(Value::str(String::from_utf8_lossy(b).to_string())),
            _ => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}

fn exc_init(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(mut d) = i.exc() {
            d.args = args[1..].to_vec();
        }
    }
    Ok(Value::None)
}

fn exc_add_note(_: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::None)
}

fn gen_obj(v: &Value) -> R<Arc<Obj>> {
    match v {
        Value::Obj(o) if matches!(**o, Obj::Generator(..)) => Ok(o.clone()),
        _ => Err(type_error("descriptor requires a generator")),
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("send", args, 2, 2)?;
    let g = gen_obj(&args[0])?;
    match vm.gen_next(&g, args[1].clone())? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(vm)),
    }
}

fn gen_next_m(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    crate::builtins::next(vm, &args[..1], &[])
}

fn iter_next_m(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    crate::builtins::next(vm, &args[..1], &[])
}

fn gen_close(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("close", args, 1, 1)?;
    let g = gen_obj(&args[0])?;
    vm.gen_close(&g)?;
    Ok(Value::None)
}

/// `gen.throw(exc)`, `gen.throw(type)` or the old `gen.throw(type, value[, tb])`.
fn gen_throw(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("throw", args, 2, 4)?;
    let g = gen_obj(&args[0])?;
    let e = match (&args[1], args.get(2)) {
        (Value::Class(_), Some(v)) if !v.is_none() => match v {
            Value::Instance(i) if i.exc.is_some() => v.clone(),
            other => vm.call(&args[1], vec![other.clone()])?,
        },
        (t, _) => vm.instantiate_exception(t.clone())?,
    };
    match vm.gen_throw(&g, e)? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(vm)),
    }
}

/// StopIteration carrying what the generator just returned (`e.value`).
fn stop_iteration(vm: &mut Vm) -> Raise {
    let v = std::mem::replace(&mut vm.gen_return, Value::None);
    let args = if v.is_none() { vec![] } else { vec![v] };
    Raise::Exc(new_exception(&crate::types::exc_class("StopIteration"), args))
}

pub fn vec_iter(items: Vec<Value>) -> Value {
    Value::obj(Obj::VecIter { items, idx: AtomicUsize::new(0) })
}

pub fn builtin(name: &'static str, f: crate::value::NativeFn) -> Value {
    Builtin::value(name, f)
}
