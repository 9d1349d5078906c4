//! The constructors and methods of list, tuple, dict and set.

use std::sync::Arc;

use crate::builtins::{arg_count, check_kw, helper, kwarg, sort_values, Kw};
use crate::dict::Dict;
use crate::types::{add_methods, err, new_exception, type_error, type_name, types, value_error};
use crate::value::{lock, List, Obj, PyDict, Set, Value};
use crate::vm::Vm;
use crate::{Raise, R};

pub fn install() {
    let t = types();
    add_methods(
        &t.list,
        &[
            ("__new__", list_new),
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", list_pop),
            ("remove", remove),
            ("index", list_index),
            ("count", list_count),
            ("sort", sort),
            ("reverse", reverse),
            ("clear", list_clear),
            ("copy", list_copy),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__contains__", contains),
        ],
    );
    add_methods(
        &t.tuple,
        &[
            ("__new__", tuple_new),
            ("index", list_index),
            ("count", list_count),
            ("__len__", len),
            ("__getitem__", getitem),
        ],
    );
    add_methods(
        &t.dict,
        &[
            ("__new__", dict_new),
            ("get", get),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("pop", dict_pop),
            ("popitem", popitem),
            ("setdefault", setdefault),
            ("update", update),
            ("clear", dict_clear),
            ("copy", dict_copy),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__contains__", contains),
        ],
    );
    lock(&t.dict.dict).set_str(
        Arc::new(crate::value::Str::new("fromkeys".into())),
        Value::obj(Obj::ClassMethod(crate::value::Builtin::value("dict.fromkeys", fromkeys))),
    );
    let set_methods: &[(&'static str, crate::value::NativeFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("copy", set_copy),
        ("update", set_update),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__len__", len),
        ("__contains__", contains),
    ];
    add_methods(&t.set, set_methods);
    add_methods(&t.frozenset, set_methods);
}

fn list_of(v: &Value) -> R<Arc<List>> {
    match v {
        Value::List(l) => Ok(l.clone()),
        other => Err(type_error(format!("descriptor requires a 'list' object but received a '{}'", type_name(other)))),
    }
}

fn list_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("list", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::list(Vec::new())),
        Some(v) => {
            if vm.needs_resumable(v) {
                return helper(vm, "list", vec![v.clone()]);
            }
            let items = vm.collect(v)?;
            vm.note_alloc(items.len() * 16)?;
            Ok(Value::list(items))
        }
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("tuple", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(Value::Tuple(_)) => Ok(args[0].clone()),
        Some(v) => {
            if vm.needs_resumable(v) {
                return helper(vm, "tuple", vec![v.clone()]);
            }
            Ok(Value::tuple(vm.collect(v)?))
        }
    }
}

fn append(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("append", args, 2, 2)?;
    let l = list_of(&args[0])?;
    let mut g = lock(&l.items);
    if g.len() == g.capacity() {
        // Count growth only when the vector reallocates: one check per doubling.
        let grow = g.capacity().max(4);
        vm.note_alloc(grow * 16)?;
    }
    g.push(args[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("extend", args, 2, 2)?;
    let l = list_of(&args[0])?;
    let items = vm.collect(&args[1])?;
    vm.note_alloc(items.len() * 16)?;
    lock(&l.items).extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("insert", args, 3, 3)?;
    let l = list_of(&args[0])?;
    let i = vm.index(&args[1])?;
    let mut g = lock(&l.items);
    let n = g.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    g.insert(i as usize, args[2].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("pop", args, 1, 2)?;
    let l = list_of(&args[0])?;
    let i = match args.get(1) {
        Some(v) => Some(vm.index(v)?),
        None => None,
    };
    let mut g = lock(&l.items);
    if g.is_empty() {
        return Err(err("IndexError", "pop from empty list"));
    }
    let n = g.len() as i64;
    let i = i.unwrap_or(n - 1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(err("IndexError", "pop index out of range"));
    }
    Ok(g.remove(j as usize))
}

fn remove(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("remove", args, 2, 2)?;
    let l = list_of(&args[0])?;
    let items = lock(&l.items).clone();
    for (i, it) in items.iter().enumerate() {
        if vm.eq(it, &args[1])? {
            let mut g = lock(&l.items);
            if i < g.len() {
                g.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn seq_items(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => lock(&l.items).clone(),
        Value::Tuple(t) => t.0.clone(),
        _ => Vec::new(),
    }
}

fn list_index(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("index", args, 2, 4)?;
    let items = seq_items(&args[0]);
    let n = items.len() as i64;
    let fix = |v: Option<&Value>, d: i64| match v {
        Some(Value::Int(i)) => {
            if *i < 0 {
                (i + n).max(0)
            } else {
                (*i).min(n)
            }
        }
        _ => d,
    };
    let (a, b) = (fix(args.get(2), 0), fix(args.get(3), n));
    for i in a..b {
        if vm.eq(&items[i as usize], &args[1])? {
            return Ok(Value::Int(i));
        }
    }
    let what = if matches!(args[0], Value::Tuple(_)) {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        format!("{} is not in list", vm.repr(&args[1])?)
    };
    Err(value_error(what))
}

fn list_count(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("count", args, 2, 2)?;
    let mut n = 0;
    for it in seq_items(&args[0]) {
        if vm.eq(&it, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    check_kw("sort", kw, &["key", "reverse"])?;
    if args.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let l = list_of(&args[0])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    let mut items = std::mem::take(&mut *lock(&l.items));
    let r = sort_values(vm, &mut items, key, reverse);
    *lock(&l.items) = items;
    r?;
    Ok(Value::None)
}

fn reverse(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    lock(&list_of(&args[0])?.items).reverse();
    Ok(Value::None)
}
fn list_clear(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    lock(&list_of(&args[0])?.items).clear();
    Ok(Value::None)
}
fn list_copy(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::list(lock(&list_of(&args[0])?.items).clone()))
}
fn len(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::Int(vm.len(&args[0])? as i64))
}
fn getitem(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("__getitem__", args, 2, 2)?;
    vm.getitem(&args[0], &args[1])
}
fn contains(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("__contains__", args, 2, 2)?;
    Ok(Value::Bool(vm.contains(&args[0], &args[1])?))
}

// ------------------------------------------------------------ dict

fn dict_of(v: &Value) -> R<Arc<PyDict>> {
    match v {
        Value::Dict(d) => Ok(d.clone()),
        other => Err(type_error(format!("descriptor requires a 'dict' object but received a '{}'", type_name(other)))),
    }
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    arg_count("dict", args, 0, 1)?;
    let d = Value::dict(Dict::new());
    if let Some(src) = args.first() {
        if vm.needs_resumable(src) {
            return helper(vm, "dict", vec![src.clone()]);
        }
        vm.dict_update(&d, src, false)?;
    }
    if let Value::Dict(pd) = &d {
        for (k, v) in kw {
            vm.dict_set(pd, k.clone(), v.clone())?;
        }
    }
    Ok(d)
}

fn fromkeys(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("fromkeys", args, 2, 3)?;
    let v = args.get(2).cloned().unwrap_or(Value::None);
    let d = Arc::new(PyDict { d: crate::dict::DictCell::new(Dict::new()) });
    for k in vm.collect(&args[1])? {
        vm.dict_set(&d, k, v.clone())?;
    }
    Ok(Value::Dict(d))
}

fn key_error(k: &Value) -> Raise {
    Raise::Exc(new_exception(&crate::types::exc_class("KeyError"), vec![k.clone()]))
}

fn get(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("get", args, 2, 3)?;
    let d = dict_of(&args[0])?;
    Ok(vm.dict_get(&d, &args[1])?.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}
fn keys(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::obj(Obj::DictView(dict_of(&args[0])?, 0)))
}
fn values(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::obj(Obj::DictView(dict_of(&args[0])?, 1)))
}
fn items(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::obj(Obj::DictView(dict_of(&args[0])?, 2)))
}

fn dict_pop(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("pop", args, 2, 3)?;
    let d = dict_of(&args[0])?;
    let h = vm.hash(&args[1])?;
    let r = lock(&d.d).remove(h, &args[1], &mut |a, b| Ok(crate::dict::native_eq(a, b).unwrap_or(false)))?;
    match r {
        Some((_, v)) => Ok(v),
        None => args.get(2).cloned().ok_or_else(|| key_error(&args[1])),
    }
}

fn popitem(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let d = dict_of(&args[0])?;
    let r = lock(&d.d).pop_last();
    match r {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(err("KeyError", "popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("setdefault", args, 2, 3)?;
    let d = dict_of(&args[0])?;
    if let Some(v) = vm.dict_get(&d, &args[1])? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args[1].clone(), v.clone())?;
    Ok(v)
}

fn update(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("update", args, 1, 2)?;
    let d = dict_of(&args[0])?;
    if let Some(src) = args.get(1) {
        vm.dict_update(&args[0], src, false)?;
    }
    for (k, v) in kw {
        vm.dict_set(&d, k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_clear(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    lock(&dict_of(&args[0])?.d).clear();
    Ok(Value::None)
}
fn dict_copy(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::dict(lock(&dict_of(&args[0])?.d).clone()))
}

// ------------------------------------------------------------ set

fn set_of(v: &Value) -> R<Arc<Set>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        other => Err(type_error(format!("descriptor requires a 'set' object but received a '{}'", type_name(other)))),
    }
}

fn mutable(s: &Arc<Set>, name: &str) -> R<()> {
    if s.frozen {
        return Err(err("AttributeError", format!("'frozenset' object has no attribute '{name}'")));
    }
    Ok(())
}

fn set_add(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("add", args, 2, 2)?;
    mutable(&set_of(&args[0])?, "add")?;
    vm.set_add(&args[0], args[1].clone())?;
    Ok(Value::None)
}

fn set_remove_impl(vm: &mut Vm, args: &[Value], strict: bool) -> R<Value> {
    let s = set_of(&args[0])?;
    mutable(&s, if strict { "remove" } else { "discard" })?;
    let h = vm.hash(&args[1])?;
    let r = lock(&s.d).remove(h, &args[1], &mut |a, b| Ok(crate::dict::native_eq(a, b).unwrap_or(false)))?;
    match r {
        Some((k, _)) => lock(&s.t).discard(h, &k),
        None if strict => return Err(key_error(&args[1])),
        None => {}
    }
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("remove", args, 2, 2)?;
    set_remove_impl(vm, args, true)
}
fn set_discard(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("discard", args, 2, 2)?;
    set_remove_impl(vm, args, false)
}

fn set_pop(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let s = set_of(&args[0])?;
    mutable(&s, "pop")?;
    let first = lock(&s.t).pop();
    match first {
        Some((h, k)) => {
            lock(&s.d).remove(h, &k, &mut |a, b| Ok(a.is(b)))?;
            Ok(k)
        }
        None => Err(err("KeyError", "pop from an empty set")),
    }
}
fn set_clear(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let s = set_of(&args[0])?;
    mutable(&s, "clear")?;
    lock(&s.d).clear();
    *lock(&s.t) = Default::default();
    Ok(Value::None)
}
fn set_copy(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let s = set_of(&args[0])?;
    let mut t = crate::settable::Table::default();
    t.merge(&lock(&s.t));
    Ok(Value::Set(Arc::new(Set::with_table(t, s.frozen))))
}
fn set_update(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let s = set_of(&args[0])?;
    mutable(&s, "update")?;
    for other in &args[1..] {
        if let Value::Set(_) = other {
            vm.binary_op(crate::ast::BinOp::BitOr, args[0].clone(), other.clone(), true)?;
            continue;
        }
        for it in vm.collect(other)? {
            vm.set_add(&args[0], it)?;
        }
    }
    Ok(Value::None)
}

fn as_set(vm: &mut Vm, v: &Value) -> R<Value> {
    match v {
        Value::Set(_) => Ok(v.clone()),
        other => {
            let items = vm.collect(other)?;
            vm.make_set(items, false)
        }
    }
}

fn fold(vm: &mut Vm, args: &[Value], op: crate::ast::BinOp) -> R<Value> {
    let s = set_of(&args[0])?;
    let mut acc = Value::Set(s.clone());
    for other in &args[1..] {
        let o = as_set(vm, other)?;
        acc = vm.binary_op(op, acc, o, false)?;
    }
    Ok(acc)
}

fn union(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let r = set_copy(vm, &args[..1], kw)?;
    let mut a = vec![r.clone()];
    a.extend(args[1..].iter().cloned());
    set_update_any(vm, &a)?;
    Ok(r)
}

/// `update` that also works on a frozenset copy (what `union` builds on).
fn set_update_any(vm: &mut Vm, args: &[Value]) -> R<()> {
    for other in &args[1..] {
        if let Value::Set(_) = other {
            vm.binary_op(crate::ast::BinOp::BitOr, args[0].clone(), other.clone(), true)?;
            continue;
        }
        for it in vm.collect(other)? {
            vm.set_add(&args[0], it)?;
        }
    }
    Ok(())
}
fn intersection(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    fold(vm, args, crate::ast::BinOp::BitAnd)
}
fn difference(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    fold(vm, args, crate::ast::BinOp::Sub)
}
fn symmetric_difference(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    fold(vm, args, crate::ast::BinOp::BitXor)
}
fn intersection_update(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let r = set_of(&intersection(vm, args, kw)?)?;
    let s = set_of(&args[0])?;
    *lock(&s.d) = lock(&r.d).clone();
    *lock(&s.t) = lock(&r.t).clone();
    Ok(Value::None)
}
fn difference_update(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let s = set_of(&args[0])?;
    for other in &args[1..] {
        let o = as_set(vm, other)?;
        vm.binary_op(crate::ast::BinOp::Sub, Value::Set(s.clone()), o, true)?;
    }
    Ok(Value::None)
}
fn issubset(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let o = as_set(vm, &args[1])?;
    vm.compare_op(crate::ast::CmpOp::Le, &args[0], &o)
}
fn issuperset(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let o = as_set(vm, &args[1])?;
    vm.compare_op(crate::ast::CmpOp::Ge, &args[0], &o)
}
fn isdisjoint(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let o = as_set(vm, &args[1])?;
    let r = vm.binary_op(crate::ast::BinOp::BitAnd, args[0].clone(), o, false)?;
    Ok(Value::Bool(vm.len(&r)? == 0))
}
