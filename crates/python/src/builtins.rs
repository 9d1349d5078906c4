//! The builtin functions and the constructors of the builtin types.
//!
//! Builtins that consume an iterable run natively, except in `--simulate` when the iterable is a
//! generator or a user iterator (whose code may block): then they hand the work to the resumable
//! Python helpers in `lib/_pyhelpers.py`, so `list(pool.map(f, xs))` can wait inside.

use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};

use crate::dict::Dict;
use crate::iters::Lazy;
use crate::ops::{self, to_big};
use crate::types::{err, type_error, type_name, type_of, types, value_error};
use crate::value::{lock, Builtin, Class, NativeFn, Obj, PyDict, Set, Value};
use crate::vm::Vm;
use crate::{Raise, R};

pub type Kw<'a> = &'a [(Value, Value)];

pub fn kwarg(kw: Kw, name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| k.as_str() == Some(name)).map(|(_, v)| v.clone())
}

pub fn check_kw(fname: &str, kw: Kw, allowed: &[&str]) -> R<()> {
    for (k, _) in kw {
        let k = k.as_str().unwrap_or("");
        if !allowed.contains(&k) {
            return Err(type_error(format!("{fname}() got an unexpected keyword argument '{k}'")));
        }
    }
    Ok(())
}

pub fn arg_count(fname: &str, args: &[Value], min: usize, max: usize) -> R<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            format!("{fname}() takes exactly {min} argument{} ({} given)", if min == 1 { "" } else { "s" }, args.len())
        } else if args.len() < min {
            format!("{fname} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, args.len())
        } else {
            format!("{fname} expected at most {max} argument{}, got {}", if max == 1 { "" } else { "s" }, args.len())
        };
        return Err(type_error(msg));
    }
    Ok(())
}

/// Hands a call to a Python helper of `_pyhelpers` (resumable in `--simulate`).
pub fn helper(vm: &mut Vm, name: &str, args: Vec<Value>) -> R<Value> {
    let m = vm.import_now("_pyhelpers")?;
    let f = vm.getattr(&m, &Arc::new(crate::value::Str::new(name.to_string())))?;
    Err(Raise::Call(Box::new((f, args))))
}

pub fn install(interp: &Arc<crate::interp::Interp>) {
    let t = types();
    crate::methods::install_types();
    let b = &interp.builtins;
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("any", any),
        ("all", all),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("hash", hash),
        ("id", id),
        ("iter", iter),
        ("next", next),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
        ("input", input),
        ("format", format),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("open", open),
        ("exit", exit),
        ("quit", exit),
        ("ascii", ascii),
        ("breakpoint", unsupported_builtin),
        ("eval", crate::exec::eval),
        ("exec", crate::exec::exec),
        ("compile", unsupported_builtin),
        ("__import__", import_builtin),
    ];
    for (name, f) in fns {
        b.set_name(name, Builtin::value(name, *f));
    }
    let classes: &[(&str, &Arc<Class>)] = &[
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("float", &t.float),
        ("bool", &t.bool_),
        ("str", &t.str_),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
        ("bytes", &t.bytes),
    ];
    for (name, c) in classes {
        b.set_name(name, Value::Class((*c).clone()));
    }
    for (name, c) in &t.exceptions {
        if c.module == "builtins" {
            b.set_name(name, Value::Class(c.clone()));
        }
    }
    for alias in ["IOError", "EnvironmentError"] {
        b.set_name(alias, Value::Class(t.exceptions["OSError"].clone()));
    }
    b.set_name("None", Value::None);
    b.set_name("True", Value::Bool(true));
    b.set_name("False", Value::Bool(false));
    b.set_name("NotImplemented", Value::obj(Obj::NotImplemented));
    b.set_name("Ellipsis", Value::obj(Obj::Ellipsis));
    b.set_name("__name__", Value::str("builtins"));
}

fn unsupported_builtin(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    let _ = vm;
    Err(err("NotImplementedError", "compile() and breakpoint() are not supported by the playground yet"))
}

fn import_builtin(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let name = args.first().and_then(|v| v.as_str()).unwrap_or("").to_string();
    vm.import_now(&name)
}

fn open(_: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Err(err("NotImplementedError", "files (open) are not supported by the playground yet"))
}

fn exit(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Err(Raise::Exc(crate::types::new_exception(&crate::types::exc_class("SystemExit"), args.to_vec())))
}

pub fn print(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    check_kw("print", kw, &["sep", "end", "file", "flush"])?;
    let sep = match kwarg(kw, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(v) => return Err(type_error(format!("sep must be None or a string, not {}", type_name(&v)))),
    };
    let end = match kwarg(kw, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(v) => return Err(type_error(format!("end must be None or a string, not {}", type_name(&v)))),
    };
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.to_str(a)?);
    }
    out.push_str(&end);
    let flush = match kwarg(kw, "flush") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    match kwarg(kw, "file") {
        None | Some(Value::None) => {
            vm.interp.write_out(&out);
            if flush {
                vm.interp.flush_out();
            }
        }
        Some(f) => {
            let w = vm.getattr_opt(&f, "write")?.ok_or_else(|| err("AttributeError", "file has no write method"))?;
            vm.call(&w, vec![Value::str(out)])?;
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("len", args, 1, 1)?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("repr", args, 1, 1)?;
    Ok(Value::str(vm.repr(&args[0])?))
}

fn ascii(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("ascii", args, 1, 1)?;
    Ok(Value::str(crate::format::ascii(&vm.repr(&args[0])?)))
}

fn class_list(v: &Value, fname: &str) -> R<Vec<Arc<Class>>> {
    match v {
        Value::Class(c) => Ok(vec![c.clone()]),
        Value::Tuple(t) => {
            let mut out = Vec::new();
            for c in &t.0 {
                out.extend(class_list(c, fname)?);
            }
            Ok(out)
        }
        _ => Err(type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union"))),
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("isinstance", args, 2, 2)?;
    if let Some(r) = user_check(vm, &args[1], "__instancecheck__", &args[0])? {
        return Ok(Value::Bool(r));
    }
    let cls = type_of(&args[0]);
    Ok(Value::Bool(class_list(&args[1], "isinstance")?.iter().any(|c| cls.is_subclass(c))))
}

/// `isinstance(x, int | None)`, `isinstance(x, typing.List)`: an object (not a class) as the second
/// argument answers through its class's `__instancecheck__`/`__subclasscheck__`, as CPython asks
/// `type(cls)`.
fn user_check(vm: &mut Vm, cls: &Value, hook: &str, arg: &Value) -> R<Option<bool>> {
    if let Value::Instance(i) = cls {
        if i.exc.is_none() {
            if let Some(m) = i.class.lookup_name(hook) {
                let r = vm.call(&m, vec![cls.clone(), arg.clone()])?;
                return Ok(Some(vm.truthy(&r)?));
            }
        }
    }
    Ok(None)
}

fn issubclass(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("issubclass", args, 2, 2)?;
    if let Some(r) = user_check(vm, &args[1], "__subclasscheck__", &args[0])? {
        return Ok(Value::Bool(r));
    }
    let Value::Class(c) = &args[0] else { return Err(type_error("issubclass() arg 1 must be a class")) };
    Ok(Value::Bool(class_list(&args[1], "issubclass")?.iter().any(|p| c.is_subclass(p))))
}

fn abs(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("abs", args, 1, 1)?;
    Ok(match &args[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => ops::big(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Big(b) => ops::big(num_traits::Signed::abs(&**b)),
        v => match vm.special_method(v, "__abs__") {
            Ok(m) => vm.call(&m, vec![])?,
            Err(_) => return Err(type_error(format!("bad operand type for abs(): '{}'", type_name(v)))),
        },
    })
}

fn min_max(vm: &mut Vm, args: &[Value], kw: Kw, is_max: bool) -> R<Value> {
    let name = if is_max { "max" } else { "min" };
    check_kw(name, kw, &["key", "default"])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let default = kwarg(kw, "default");
    if args.is_empty() {
        return Err(type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if args.len() == 1 && vm.needs_resumable(&args[0]) {
        let mut hargs = vec![args[0].clone(), key.unwrap_or(Value::None), Value::Bool(is_max)];
        hargs.push(default.unwrap_or(Value::Null));
        return helper(vm, "minmax", hargs);
    }
    let items = if args.len() == 1 { vm.collect(&args[0])? } else { args.to_vec() };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, vec![best.clone()])?,
        None => best.clone(),
    };
    for it in &items[1..] {
        let k = match &key {
            Some(kf) => vm.call(kf, vec![it.clone()])?,
            None => it.clone(),
        };
        let better = if is_max { vm.lt(&best_key, &k)? } else { vm.lt(&k, &best_key)? };
        if better {
            best = it.clone();
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    min_max(vm, args, kw, false)
}
fn max(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    min_max(vm, args, kw, true)
}

fn sum(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    check_kw("sum", kw, &["start"])?;
    arg_count("sum", args, 1, 2)?;
    let mut total = args.get(1).cloned().or_else(|| kwarg(kw, "start")).unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if vm.needs_resumable(&args[0]) {
        return helper(vm, "sum", vec![args[0].clone(), total]);
    }
    let it = vm.iter(&args[0])?;
    if let Value::Obj(o) = &it {
        if matches!(**o, Obj::Generator(..)) {
            let (t, finished) = vm.sum_gen(o, total)?;
            if finished {
                return Ok(t);
            }
            total = t;
        }
    }
    // Floats add in a plain f64 while they last, as CPython's sum does.
    while let Some(x) = vm.next_item(&it)? {
        total = match (&total, &x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            (Value::Float(a), Value::Int(b)) => Value::Float(a + *b as f64),
            _ => vm.binary_op(crate::ast::BinOp::Add, total, x, false)?,
        };
    }
    Ok(total)
}

pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> R<()> {
    let keys: Vec<Value> = match &key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call(k, vec![it.clone()])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    // A stable merge sort that can fail (a comparison may raise) and keeps equal items in order.
    let mut error = None;
    merge_sort(&mut idx, &mut |a, b| {
        if error.is_some() {
            return false;
        }
        let (x, y) = if reverse { (&keys[b], &keys[a]) } else { (&keys[a], &keys[b]) };
        match vm.lt(x, y) {
            Ok(r) => r,
            Err(e) => {
                error = Some(e);
                false
            }
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// Sorts `v` (stably) with `merge_sort`, the interpreter's one sort: each `slice::sort` of another
/// element type compiles in a copy of std's sort, 3-5 KB of wasm each, for lists of a few names.
pub fn sort_with<T>(v: &mut Vec<T>, less: impl Fn(&T, &T) -> bool) {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    merge_sort(&mut idx, &mut |a, b| less(&v[a], &v[b]));
    let mut items: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(idx.into_iter().filter_map(|i| items[i].take()));
}

fn merge_sort(v: &mut Vec<usize>, less: &mut dyn FnMut(usize, usize) -> bool) {
    if v.len() <= 1 {
        return;
    }
    if v.len() <= 16 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && less(v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = v.len() / 2;
    let mut right = v.split_off(mid);
    merge_sort(v, less);
    merge_sort(&mut right, less);
    let left = std::mem::take(v);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if less(right[j], left[i]) {
            v.push(right[j]);
            j += 1;
        } else {
            v.push(left[i]);
            i += 1;
        }
    }
    v.extend_from_slice(&left[i..]);
    v.extend_from_slice(&right[j..]);
}

fn sorted(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    check_kw("sorted", kw, &["key", "reverse"])?;
    arg_count("sorted", args, 1, 1)?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    if vm.needs_resumable(&args[0]) {
        return helper(vm, "sorted", vec![args[0].clone(), key.unwrap_or(Value::None), Value::Bool(reverse)]);
    }
    let mut items = vm.collect(&args[0])?;
    sort_values(vm, &mut items, key, reverse)?;
    Ok(Value::list(items))
}

fn reversed(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("reversed", args, 1, 1)?;
    let items: Vec<Value> = match &args[0] {
        Value::List(l) => lock(&l.items).iter().rev().cloned().collect(),
        Value::Tuple(t) => t.0.iter().rev().cloned().collect(),
        Value::Str(s) => s.s.chars().rev().map(|c| Value::str(c.to_string())).collect(),
        Value::Dict(d) => lock(&d.d).keys().into_iter().rev().collect(),
        Value::Obj(o) if matches!(**o, Obj::Range { .. }) => vm.collect(&args[0])?.into_iter().rev().collect(),
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup_name("__reversed__") {
                return vm.call(&m, vec![args[0].clone()]);
            }
            let n = vm.len(&args[0])?;
            let mut out = Vec::with_capacity(n);
            for k in (0..n).rev() {
                out.push(vm.getitem(&args[0], &Value::Int(k as i64))?);
            }
            out
        }
        v => return Err(type_error(format!("'{}' object is not reversible", type_name(v)))),
    };
    Ok(Value::obj(Obj::VecIter { items, idx: AtomicUsize::new(0) }))
}

fn lazy(l: Lazy) -> Value {
    Value::obj(Obj::Lazy(Mutex::new(l)))
}

fn enumerate(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    check_kw("enumerate", kw, &["start"])?;
    arg_count("enumerate", args, 1, 2)?;
    let start = args.get(1).cloned().or_else(|| kwarg(kw, "start")).unwrap_or(Value::Int(0));
    let Value::Int(n) = start else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&start))));
    };
    if vm.needs_resumable(&args[0]) {
        return helper(vm, "enumerate", vec![args[0].clone(), Value::Int(n)]);
    }
    let it = vm.iter(&args[0])?;
    Ok(lazy(Lazy::Enumerate { it, n }))
}

fn zip(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    check_kw("zip", kw, &["strict"])?;
    let strict = match kwarg(kw, "strict") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    if args.iter().any(|a| vm.needs_resumable(a)) {
        let mut h = vec![Value::Bool(strict)];
        h.extend(args.iter().cloned());
        return helper(vm, "zip", h);
    }
    let mut its = Vec::new();
    for (i, a) in args.iter().enumerate() {
        its.push(vm.iter(a).map_err(|_| type_error(format!("zip argument #{} must support iteration", i + 1)))?);
    }
    if its.is_empty() {
        return Ok(lazy(Lazy::Done));
    }
    Ok(lazy(Lazy::Zip { its, strict }))
}

fn map(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(vm.iter(a)?);
    }
    Ok(lazy(Lazy::Map { f: args[0].clone(), its }))
}

fn filter(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("filter", args, 2, 2)?;
    let it = vm.iter(&args[1])?;
    Ok(lazy(Lazy::Filter { f: args[0].clone(), it }))
}

fn any(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("any", args, 1, 1)?;
    if vm.needs_resumable(&args[0]) {
        return helper(vm, "any", args.to_vec());
    }
    let it = vm.iter(&args[0])?;
    while let Some(x) = vm.next_item(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("all", args, 1, 1)?;
    if vm.needs_resumable(&args[0]) {
        return helper(vm, "all", args.to_vec());
    }
    let it = vm.iter(&args[0])?;
    while let Some(x) = vm.next_item(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn round(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    check_kw("round", kw, &["ndigits"])?;
    arg_count("round", args, 1, 2)?;
    let nd = args.get(1).cloned().or_else(|| kwarg(kw, "ndigits")).unwrap_or(Value::None);
    match (&args[0], &nd) {
        (Value::Float(f), Value::None) => {
            if !f.is_finite() {
                return Err(if f.is_nan() {
                    value_error("cannot convert float NaN to integer")
                } else {
                    err("OverflowError", "cannot convert float infinity to integer")
                });
            }
            let r = ops::round_half_even(*f);
            if r.abs() < 9.0e18 {
                Ok(Value::Int(r as i64))
            } else {
                Ok(ops::big(num_bigint::BigInt::from(r as i128)))
            }
        }
        (Value::Float(f), Value::Int(n)) => Ok(Value::Float(ops::round_float_digits(*f, *n))),
        (Value::Int(_) | Value::Bool(_) | Value::Big(_), Value::None) => Ok(match &args[0] {
            Value::Bool(b) => Value::Int(*b as i64),
            v => v.clone(),
        }),
        (Value::Int(i), Value::Int(n)) => {
            if *n >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i128.pow((-n).min(30) as u32);
            let x = *i as i128;
            let q = x.div_euclid(p);
            let r = x.rem_euclid(p);
            let q = if 2 * r > p || (2 * r == p && q % 2 != 0) { q + 1 } else { q };
            Ok(ops::big(num_bigint::BigInt::from(q * p)))
        }
        (v, _) => match vm.special_method(v, "__round__") {
            Ok(m) => vm.call(&m, if nd.is_none() { vec![] } else { vec![nd.clone()] }),
            Err(_) => Err(type_error(format!("type {} doesn't define __round__ method", type_name(v)))),
        },
    }
}

fn divmod(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("divmod", args, 2, 2)?;
    let q = vm.binary_op(crate::ast::BinOp::FloorDiv, args[0].clone(), args[1].clone(), false)?;
    let r = vm.binary_op(crate::ast::BinOp::Mod, args[0].clone(), args[1].clone(), false)?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("pow", args, 2, 3)?;
    if let Some(m) = args.get(2).filter(|m| !m.is_none()) {
        let (b, e, m) = (to_big(&args[0]), to_big(&args[1]), to_big(m));
        let (Some(b), Some(e), Some(m)) = (b, e, m) else {
            return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        };
        if num_traits::Zero::is_zero(&m) {
            return Err(value_error("pow() 3rd argument cannot be 0"));
        }
        if num_traits::Signed::is_negative(&e) {
            return Err(value_error("base is not invertible for the given modulus"));
        }
        let r = b.modpow(&e, &m);
        // Python's result takes the modulus's sign.
        let (mneg, rneg, rzero) =
            (num_traits::Signed::is_negative(&m), num_traits::Signed::is_negative(&r), num_traits::Zero::is_zero(&r));
        let r = if !rzero && mneg != rneg { r + &m } else { r };
        return Ok(ops::big(r));
    }
    vm.binary_op(crate::ast::BinOp::Pow, args[0].clone(), args[1].clone(), false)
}

fn hash(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args[0])? as i64))
}

fn id(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("id", args, 1, 1)?;
    Ok(Value::Int(match &args[0] {
        Value::Int(i) => 0x7f00_0000_0000 + i.wrapping_mul(32),
        Value::Float(f) => f.to_bits() as i64 >> 4,
        Value::None => 0x7f00_0000_1000,
        Value::Bool(b) => 0x7f00_0000_2000 + *b as i64 * 32,
        v => v.ptr().unwrap_or(0) as i64,
    }))
}

fn iter(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("iter", args, 1, 2)?;
    if args.len() == 2 {
        return helper(vm, "iter_sentinel", args.to_vec());
    }
    vm.iter(&args[0])
}

pub fn next(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("next", args, 1, 2)?;
    match vm.next_item(&args[0]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(Raise::Exc(crate::types::new_exception(&crate::types::exc_class("StopIteration"), vec![]))),
        },
        Err(Raise::Exc(e)) if args.len() == 2 && crate::vm::is_instance_of(&e, "StopIteration") => Ok(args[1].clone()),
        Err(e) => {
            if let (Err(_), Value::Int(_) | Value::Str(_) | Value::List(_)) = (Ok::<(), ()>(()), &args[0]) {}
            Err(e)
        }
    }
}

fn attr_name(v: &Value) -> R<Arc<crate::value::Str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!("attribute name must be string, not '{}'", type_name(other)))),
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("getattr", args, 2, 3)?;
    let name = attr_name(&args[1])?;
    match vm.getattr(&args[0], &name) {
        Ok(v) => Ok(v),
        Err(Raise::Exc(e)) if args.len() == 3 && crate::vm::is_instance_of(&e, "AttributeError") => Ok(args[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("setattr", args, 3, 3)?;
    let name = attr_name(&args[1])?;
    vm.setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("delattr", args, 2, 2)?;
    let name = attr_name(&args[1])?;
    vm.delattr(&args[0], &name)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("hasattr", args, 2, 2)?;
    let name = attr_name(&args[1])?;
    match vm.getattr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(Raise::Exc(e)) if crate::vm::is_instance_of(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn callable(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("callable", args, 1, 1)?;
    Ok(Value::Bool(match &args[0] {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup_name("__call__").is_some(),
        Value::Obj(o) => matches!(**o, Obj::StaticMethod(_) | Obj::Native(_)),
        _ => false,
    }))
}

fn chr(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("chr", args, 1, 1)?;
    match &args[0] {
        Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
            Some(c) => Ok(Value::str(c.to_string())),
            None => Err(value_error("chr() arg not in range(0x110000)")),
        },
        v => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn ord(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("ord", args, 1, 1)?;
    match &args[0] {
        Value::Str(s) => {
            let mut cs = s.s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => {
                    Err(type_error(format!("ord() expected a character, but string of length {} found", s.char_len())))
                }
            }
        }
        v => Err(type_error(format!("ord() expected string of length 1, but {} found", type_name(v)))),
    }
}

fn radix(args: &[Value], name: &str, r: u32, prefix: &str) -> R<Value> {
    arg_count(name, args, 1, 1)?;
    let Some(b) = to_big(&crate::subclass::native_self(&args[0])) else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&args[0]))));
    };
    let neg = num_traits::Signed::is_negative(&b);
    let digits = num_traits::Signed::abs(&b).to_str_radix(r);
    Ok(Value::str(format!("{}{prefix}{digits}", if neg { "-" } else { "" })))
}

fn hex(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    radix(args, "hex", 16, "0x")
}
fn bin(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    radix(args, "bin", 2, "0b")
}
fn oct(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    radix(args, "oct", 8, "0o")
}

fn input(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    if let Some(p) = args.first() {
        let s = vm.to_str(p)?;
        vm.interp.write_out(&s);
    }
    Err(err("EOFError", "EOF when reading a line"))
}

fn format(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("format", args, 1, 2)?;
    let spec = args.get(1).and_then(|s| s.as_str()).unwrap_or("").to_string();
    Ok(Value::str(vm.format(&args[0], &spec)?))
}

fn vars(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    match args.first() {
        None => locals(vm, args, &[]),
        Some(Value::Instance(i)) => Ok(Value::dict(lock(&i.dict).clone())),
        Some(Value::Module(m)) => Ok(Value::Dict(m.dict.clone())),
        Some(Value::Class(c)) => Ok(Value::dict(lock(&c.dict).clone())),
        Some(_) => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let mut names: Vec<String> = Vec::new();
    match args.first() {
        None => {
            if let Some(f) = vm.frames.last() {
                names = lock(&f.globals().d).keys().iter().filter_map(|k| k.as_str().map(String::from)).collect();
            }
        }
        Some(v) => {
            if let Value::Instance(i) = v {
                names.extend(lock(&i.dict).keys().iter().filter_map(|k| k.as_str().map(String::from)));
            }
            if let Value::Module(m) = v {
                names.extend(lock(&m.dict.d).keys().iter().filter_map(|k| k.as_str().map(String::from)));
            }
            let cls = match v {
                Value::Class(c) => c.clone(),
                other => type_of(other),
            };
            if !matches!(v, Value::Module(_)) {
                let mut classes = vec![cls.clone()];
                classes.extend(cls.mro.iter().cloned());
                for c in classes {
                    names.extend(lock(&c.dict).keys().iter().filter_map(|k| k.as_str().map(String::from)));
                }
            }
        }
    }
    sort_with(&mut names, |a, b| a < b);
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn globals(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(vm.frames.last().map(|f| Value::Dict(f.globals().clone())).unwrap_or(Value::None))
}

fn locals(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    let Some(f) = vm.frames.last() else { return Ok(Value::dict(Dict::new())) };
    if let Some(ns) = &f.ns {
        return Ok(Value::Dict(ns.clone()));
    }
    if f.code().kind == crate::code::CodeKind::Module {
        return Ok(Value::Dict(f.globals().clone()));
    }
    let mut d = Dict::new();
    for (i, name) in f.code().local_names.iter().enumerate() {
        let v = &vm.stack[f.base + i];
        let v = match v {
            Value::Obj(o) => match &**o {
                Obj::Cell(c) => lock(c).clone(),
                _ => v.clone(),
            },
            _ => v.clone(),
        };
        if !v.is_null() {
            d.set_str(name.clone(), v);
        }
    }
    Ok(Value::dict(d))
}

/// `set(...)` and `frozenset(...)`.
pub fn make_set_from(vm: &mut Vm, arg: Option<&Value>, frozen: bool) -> R<Value> {
    match arg {
        None => Ok(Value::Set(Arc::new(Set::new(Dict::new(), frozen)))),
        Some(Value::Set(other)) => {
            // set(a_set) copies its layout as CPython's set_merge does.
            let mut t = crate::settable::Table::default();
            t.merge(&lock(&other.t));
            Ok(Value::Set(Arc::new(Set::with_table(t, frozen))))
        }
        Some(v) => {
            let items = vm.collect(v)?;
            vm.make_set(items, frozen)
        }
    }
}

pub fn new_dict_value() -> Value {
    Value::Dict(PyDict::new())
}
