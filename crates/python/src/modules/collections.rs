//! `_collections`: the native pieces of `collections` (stdlib/collections/__init__.py), there
//! because CPython's are atomic under the GIL and a Python version would not be:
//! - `deque_core`: a deque's items behind one lock, so `append`/`appendleft`/`pop`/`popleft`
//!   (with `maxlen` eviction) and `rotate` are each one step that no other thread can split,
//!   with the GIL on or off;
//! - `count_elements`: `Counter`'s counting loop (each element's read-and-increment is one step,
//!   so threads updating one Counter lose no counts);
//! - `defaultdict_missing`: `defaultdict.__missing__`, which stores the factory's value only if no
//!   other thread stored one first, and returns the value that is in the dict.

use std::any::Any;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::builtins::{arg_count, Kw};
use crate::modules::{add_fns, native_class, NativeObj};
use crate::types::{err, type_error, type_name};
use crate::value::{lock, Class, Module, Obj, Value};
use crate::vm::Vm;
use crate::{Raise, R};

pub struct DequeCore {
    items: Mutex<VecDeque<Value>>,
    maxlen: Option<usize>,
    /// Bumped by every change, so an iterator can tell the deque changed under it.
    state: AtomicU64,
}

static CORE_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

fn core_class() -> Arc<Class> {
    CORE_CLASS
        .get_or_init(|| {
            native_class(
                "deque_core",
                &[
                    ("append", append),
                    ("appendleft", appendleft),
                    ("pop", pop),
                    ("popleft", popleft),
                    ("extend", extend),
                    ("extendleft", extendleft),
                    ("rotate", rotate),
                    ("clear", clear),
                    ("reverse", reverse),
                    ("len", len),
                    ("get", get),
                    ("set", set),
                    ("delete", delete),
                    ("insert", insert),
                    ("snapshot", snapshot),
                    ("state", state),
                ],
            )
        })
        .clone()
}

impl NativeObj for DequeCore {
    fn class(&self) -> Arc<Class> {
        core_class()
    }
    fn type_name(&self) -> &'static str {
        "deque_core"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl DequeCore {
    fn changed(&self) {
        self.state.fetch_add(1, Ordering::Relaxed);
    }
}

fn core(v: &Value) -> R<&DequeCore> {
    if let Value::Obj(o) = v {
        if let Obj::Native(n) = &**o {
            if let Some(d) = n.as_any().downcast_ref::<DequeCore>() {
                return Ok(d);
            }
        }
    }
    Err(type_error("descriptor requires a deque_core"))
}

fn arg(args: &[Value], i: usize) -> R<Value> {
    args.get(i).cloned().ok_or_else(|| type_error("missing argument"))
}

fn int_arg(args: &[Value], i: usize) -> R<i64> {
    match args.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(v) => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
        None => Err(type_error("missing argument")),
    }
}

/// `deque_core(maxlen)`: `maxlen` None or a non-negative int.
fn new_core(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let maxlen = match args.first() {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        Some(Value::Int(_)) => return Err(err("ValueError", "maxlen must be non-negative")),
        Some(_) => return Err(type_error("an integer is required")),
    };
    let d = DequeCore { items: Mutex::new(VecDeque::new()), maxlen, state: AtomicU64::new(0) };
    Ok(Value::obj(Obj::Native(Box::new(d))))
}

fn push(d: &DequeCore, v: Value, left: bool) {
    let mut g = lock(&d.items);
    if d.maxlen == Some(0) {
        return;
    }
    if left {
        g.push_front(v);
        if d.maxlen.is_some_and(|m| g.len() > m) {
            g.pop_back();
        }
    } else {
        g.push_back(v);
        if d.maxlen.is_some_and(|m| g.len() > m) {
            g.pop_front();
        }
    }
    drop(g);
    d.changed();
}

fn append(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("append", args, 2, 2)?;
    push(core(&args[0])?, args[1].clone(), false);
    Ok(Value::None)
}

fn appendleft(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("appendleft", args, 2, 2)?;
    push(core(&args[0])?, args[1].clone(), true);
    Ok(Value::None)
}

fn pop_end(args: &[Value], left: bool) -> R<Value> {
    let d = core(&args[0])?;
    let v = {
        let mut g = lock(&d.items);
        if left {
            g.pop_front()
        } else {
            g.pop_back()
        }
    };
    match v {
        Some(v) => {
            d.changed();
            Ok(v)
        }
        None => Err(err("IndexError", "pop from an empty deque")),
    }
}

fn pop(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("pop", args, 1, 1)?;
    pop_end(args, false)
}

fn popleft(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("popleft", args, 1, 1)?;
    pop_end(args, true)
}

/// `extend(list)`: the items were collected by the Python side; they go in as one step.
fn extend_impl(args: &[Value], left: bool) -> R<Value> {
    let d = core(&args[0])?;
    let items = match args.get(1) {
        Some(Value::List(l)) => lock(&l.items).clone(),
        Some(Value::Tuple(t)) => t.0.clone(),
        _ => return Err(type_error("deque_core.extend needs a list")),
    };
    let mut g = lock(&d.items);
    for v in items {
        if d.maxlen == Some(0) {
            break;
        }
        if left {
            g.push_front(v);
            if d.maxlen.is_some_and(|m| g.len() > m) {
                g.pop_back();
            }
        } else {
            g.push_back(v);
            if d.maxlen.is_some_and(|m| g.len() > m) {
                g.pop_front();
            }
        }
    }
    drop(g);
    d.changed();
    Ok(Value::None)
}

fn extend(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    extend_impl(args, false)
}

fn extendleft(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    extend_impl(args, true)
}

fn rotate(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let d = core(&args[0])?;
    let n = if args.len() > 1 { int_arg(args, 1)? } else { 1 };
    let mut g = lock(&d.items);
    let len = g.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        g.rotate_right(k);
    }
    drop(g);
    d.changed();
    Ok(Value::None)
}

fn clear(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let d = core(&args[0])?;
    lock(&d.items).clear();
    d.changed();
    Ok(Value::None)
}

fn reverse(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let d = core(&args[0])?;
    lock(&d.items).make_contiguous().reverse();
    d.changed();
    Ok(Value::None)
}

fn len(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(lock(&core(&args[0])?.items).len() as i64))
}

/// A Python index into a deque of `len` items.
fn position(i: i64, len: usize) -> R<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(err("IndexError", "deque index out of range"));
    }
    Ok(j as usize)
}

fn get(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let d = core(&args[0])?;
    let i = int_arg(args, 1)?;
    let g = lock(&d.items);
    let j = position(i, g.len())?;
    Ok(g[j].clone())
}

fn set(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let d = core(&args[0])?;
    let i = int_arg(args, 1)?;
    let v = arg(args, 2)?;
    let mut g = lock(&d.items);
    let j = position(i, g.len())?;
    g[j] = v;
    Ok(Value::None)
}

fn delete(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let d = core(&args[0])?;
    let i = int_arg(args, 1)?;
    let mut g = lock(&d.items);
    let j = position(i, g.len())?;
    g.remove(j);
    drop(g);
    d.changed();
    Ok(Value::None)
}

fn insert(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let d = core(&args[0])?;
    let i = int_arg(args, 1)?;
    let v = arg(args, 2)?;
    let mut g = lock(&d.items);
    if d.maxlen.is_some_and(|m| g.len() >= m) {
        return Err(err("IndexError", "deque already at its maximum size"));
    }
    let len = g.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    g.insert(j, v);
    drop(g);
    d.changed();
    Ok(Value::None)
}

fn snapshot(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let d = core(&args[0])?;
    let items: Vec<Value> = lock(&d.items).iter().cloned().collect();
    Ok(Value::list(items))
}

fn state(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Int(core(&args[0])?.state.load(Ordering::Relaxed) as i64))
}

/// The dict a Counter or defaultdict instance is made of.
fn backing_dict(v: &Value) -> R<Arc<crate::value::PyDict>> {
    match crate::subclass::native_self(v) {
        Value::Dict(d) => Ok(d),
        other => Err(type_error(format!("expected a dict, got '{}'", type_name(&other)))),
    }
}

/// `count_elements(counter, items)`: `counter[x] += 1` for each x, each one indivisible.
fn count_elements(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("count_elements", args, 2, 2)?;
    let d = backing_dict(&args[0])?;
    let items = vm.collect(&args[1])?;
    for x in items {
        let h = vm.hash(&x)?;
        if matches!(x, Value::Instance(_)) {
            // A key with a Python __eq__ cannot be compared under the dict's lock.
            let old = vm.dict_get(&d, &x)?.unwrap_or(Value::Int(0));
            let new = vm.binary_op(crate::ast::BinOp::Add, old, Value::Int(1), false)?;
            vm.dict_set(&d, x, new)?;
            continue;
        }
        let mut eq = |a: &Value, b: &Value| Ok(crate::dict::native_eq(a, b).unwrap_or(false));
        let mut g = lock(&d.d);
        let old = g.get(h, &x, &mut eq)?;
        let new = match old {
            None => Value::Int(1),
            Some(Value::Int(n)) if n < i64::MAX => Value::Int(n + 1),
            Some(other) => {
                drop(g);
                let new = vm.binary_op(crate::ast::BinOp::Add, other, Value::Int(1), false)?;
                vm.dict_set(&d, x, new)?;
                continue;
            }
        };
        g.insert(h, x, new, &mut eq)?;
    }
    Ok(Value::None)
}

/// `defaultdict.__missing__(self, key)`: the factory's value, stored unless another thread
/// stored one for the key meanwhile (then that one is returned).
fn defaultdict_missing(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__missing__", args, 2, 2)?;
    let (this, key) = (&args[0], &args[1]);
    let factory = match this {
        Value::Instance(i) => lock(&i.dict).get_name("default_factory").unwrap_or(Value::None),
        _ => Value::None,
    };
    if factory.is_none() {
        return Err(Raise::Exc(crate::types::new_exception(&crate::types::exc_class("KeyError"), vec![key.clone()])));
    }
    let value = vm.call(&factory, vec![])?;
    let d = backing_dict(this)?;
    let h = vm.hash(key)?;
    if matches!(key, Value::Instance(_)) {
        if let Some(v) = vm.dict_get(&d, key)? {
            return Ok(v);
        }
        vm.dict_set(&d, key.clone(), value.clone())?;
        return Ok(value);
    }
    let mut eq = |a: &Value, b: &Value| Ok(crate::dict::native_eq(a, b).unwrap_or(false));
    let mut g = lock(&d.d);
    if let Some(v) = g.get(h, key, &mut eq)? {
        return Ok(v);
    }
    g.insert(h, key.clone(), value.clone(), &mut eq)?;
    Ok(value)
}

pub fn init(m: &Module) {
    add_fns(
        m,
        &[("deque_core", new_core), ("count_elements", count_elements), ("defaultdict_missing", defaultdict_missing)],
    );
}
