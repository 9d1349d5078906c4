//! Instances of subclasses of the builtin types (`class Stack(list)`, `class Point(tuple)`,
//! `class Celsius(float)`) and of classes whose `__new__` is written in Python: how they are made,
//! and which builtin value the builtin type's methods and protocols act on.
//!
//! Such an instance is an `Instance` of the user's class whose `native` holds the builtin value
//! it is made of. Methods found on the builtin type bind to that value (`attr::bind`), and each
//! protocol (`len`, `repr`, `==`, `+`, `[]`, iteration, ...) uses it unless the class overrides
//! the matching dunder in Python (`native_unless`). The builtin types also get the dunders Python
//! code calls explicitly (`super().__setitem__(k, v)`, `dict.__init__(self)`,
//! `object.__setattr__(self, name, value)`), as generic natives over the protocols.

use std::sync::{Arc, Mutex};

use crate::ast::{BinOp, CmpOp};
use crate::builtins::{arg_count, Kw};
use crate::dict::Dict;
use crate::types::{add_methods, err, type_error, type_name, types};
use crate::value::{lock, Builtin, Class, Instance, Kind, NativeFn, Obj, Set, Str, Value};
use crate::vm::Vm;
use crate::R;

/// The builtin types a Python class may derive from.
fn subclassable() -> [&'static Arc<Class>; 8] {
    let t = types();
    [&t.list, &t.dict, &t.set, &t.tuple, &t.str_, &t.int, &t.float, &t.frozenset]
}

/// Whether `cls` is a builtin type Python classes may derive from.
pub fn is_subclassable(cls: &Arc<Class>) -> bool {
    subclassable().iter().any(|c| Arc::ptr_eq(c, cls))
}

/// The builtin type (list, dict, int, ...) a class derives from, if any.
pub fn builtin_base(cls: &Class) -> Option<Arc<Class>> {
    cls.mro.iter().find(|c| is_subclassable(c)).cloned()
}

/// Whether the first class on `cls`'s MRO that defines `name` is a Python class.
pub fn python_defines(cls: &Class, name: &str) -> bool {
    if lock(&cls.dict).get_name(name).is_some() {
        return !cls.builtin;
    }
    for c in &cls.mro {
        if lock(&c.dict).get_name(name).is_some() {
            return !c.builtin;
        }
    }
    false
}

/// The builtin value of an instance of a subclass of a builtin type, when its class overrides
/// none of `names` in Python: then the builtin type's own behaviour applies to that value.
pub fn native_unless(v: &Value, names: &[&str]) -> Option<Value> {
    let Value::Instance(i) = v else { return None };
    let n = i.native.as_ref()?;
    if names.iter().any(|name| python_defines(&i.class, name)) {
        return None;
    }
    Some(n.clone())
}

/// The value a builtin type's method acts on: an instance's builtin value, or the value itself.
pub fn native_self(v: &Value) -> Value {
    match v {
        Value::Instance(i) => i.native.clone().unwrap_or_else(|| v.clone()),
        _ => v.clone(),
    }
}

/// A builtin method's arguments with `self` (an instance of a subclass, as in the unbound call
/// `dict.update(self, other)`) replaced by its builtin value.
pub fn self_native(args: &[Value]) -> std::borrow::Cow<'_, [Value]> {
    match args.first() {
        Some(Value::Instance(i)) if i.native.is_some() => {
            let mut v = args.to_vec();
            v[0] = native_self(&args[0]);
            std::borrow::Cow::Owned(v)
        }
        _ => std::borrow::Cow::Borrowed(args),
    }
}

/// A fresh, empty value of a mutable builtin type (filled by its `__init__`).
fn empty_of(base: &Arc<Class>) -> Option<Value> {
    let t = types();
    if Arc::ptr_eq(base, &t.list) {
        Some(Value::list(Vec::new()))
    } else if Arc::ptr_eq(base, &t.dict) {
        Some(Value::dict(Dict::new()))
    } else if Arc::ptr_eq(base, &t.set) {
        Some(Value::Set(Arc::new(Set::new(Dict::new(), false))))
    } else {
        None
    }
}

/// The `__new__` a class defines in Python (a class body's `__new__` is a static method).
pub fn python_new(cls: &Class) -> Option<Value> {
    if !python_defines(cls, "__new__") {
        return None;
    }
    match cls.lookup_name("__new__")? {
        Value::Obj(o) => match &*o {
            Obj::StaticMethod(f) => Some(f.clone()),
            _ => None,
        },
        f @ Value::Func(_) => Some(f),
        _ => None,
    }
}

pub fn new_instance(cls: &Arc<Class>, native: Option<Value>) -> Value {
    let is_exc = cls.base_kind == Kind::Exception;
    Value::Instance(Arc::new(Instance {
        class: cls.clone(),
        dict: crate::value::SpinLock::new(Dict::new()),
        exc: if is_exc { Some(Mutex::new(Default::default())) } else { None },
        native,
    }))
}

impl Vm {
    /// `cls(*args, **kwargs)` for a class with a Python `__new__` or a builtin base: the new
    /// object, before `__init__` (the caller runs it when the object is an instance of `cls`).
    pub fn new_object(&mut self, cls: &Arc<Class>, args: &[Value], kwargs: &[(Value, Value)]) -> R<Value> {
        if let Some(new) = python_new(cls) {
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(Value::Class(cls.clone()));
            a.extend(args.iter().cloned());
            return self.call_kw(&new, a, kwargs.to_vec());
        }
        let Some(base) = builtin_base(cls) else { return Ok(new_instance(cls, None)) };
        let native = match empty_of(&base) {
            Some(v) => v,
            None => {
                let ctor = lock(&base.dict).get_name("__new__").unwrap_or(Value::None);
                self.call_kw(&ctor, args.to_vec(), kwargs.to_vec())?
            }
        };
        Ok(new_instance(cls, Some(native)))
    }
}

/// `X.__new__` as Python code sees it for a builtin type `X` (whose stored `__new__` is its
/// constructor, called without the class): a function of `(cls, *args)`.
pub fn visible_new(owner: &Arc<Class>) -> Value {
    Value::Builtin(crate::value::BuiltinRef::new(Builtin {
        name: "__new__",
        f: builtin_new,
        bound: Some(Value::Class(owner.clone())),
    }))
}

/// `C.__new__` read from a class whose `__new__` comes from a builtin type: the visible form.
pub fn class_new(cls: &Arc<Class>) -> Option<Value> {
    let mut chain = vec![cls.clone()];
    chain.extend(cls.mro.iter().cloned());
    let owner = chain.into_iter().find(|c| lock(&c.dict).get_name("__new__").is_some())?;
    owner.builtin.then(|| visible_new(&owner))
}

fn builtin_new(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let Some(Value::Class(owner)) = args.first() else { return Err(type_error("__new__ needs its type")) };
    let owner = owner.clone();
    let Some(target) = args.get(1) else {
        return Err(type_error(format!("{}.__new__(): not enough arguments", owner.name)));
    };
    let Value::Class(cls) = target else {
        return Err(type_error(format!("{}.__new__(X): X is not a type object ({})", owner.name, type_name(target))));
    };
    if !cls.is_subclass(&owner) {
        return Err(type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name, cls.name, cls.name, owner.name
        )));
    }
    let rest = &args[2..];
    if Arc::ptr_eq(&owner, &types().object) {
        return object_new_for(cls, rest, kw);
    }
    let ctor = lock(&owner.dict).get_name("__new__").unwrap_or(Value::None);
    let value = vm.call_kw(&ctor, rest.to_vec(), kw.to_vec())?;
    if Arc::ptr_eq(cls, &owner) {
        return Ok(value);
    }
    let native = match empty_of(&owner) {
        Some(empty) => empty,
        None => value,
    };
    Ok(new_instance(cls, Some(native)))
}

/// `object.__new__(cls, *args)`, with CPython's rules for extra arguments.
fn object_new_for(cls: &Arc<Class>, rest: &[Value], kw: Kw) -> R<Value> {
    if let Some(base) = builtin_base(cls) {
        return Err(type_error(format!("object.__new__({}) is not safe, use {}.__new__()", cls.name, base.name)));
    }
    let is_exc = cls.base_kind == Kind::Exception;
    if (!rest.is_empty() || !kw.is_empty()) && !is_exc {
        if python_new(cls).is_some() {
            return Err(type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !python_defines(cls, "__init__") {
            return Err(type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    let inst = new_instance(cls, None);
    if is_exc {
        if let Value::Instance(i) = &inst {
            if let Some(mut d) = i.exc() {
                d.args = rest.to_vec();
            }
        }
    }
    Ok(inst)
}

// ------------------------------------------------------------ the builtin types' dunders

pub fn install() {
    let t = types();
    let object: &[(&'static str, NativeFn)] = &[
        ("object.__setattr__", object_setattr),
        ("object.__delattr__", object_delattr),
        ("object.__getattribute__", object_getattribute),
        ("object.__repr__", object_repr),
        ("object.__str__", object_str),
        ("object.__eq__", object_eq),
        ("object.__ne__", object_ne),
        ("object.__hash__", object_hash),
        ("object.__format__", object_format),
        ("object.__init_subclass__", object_init_subclass),
    ];
    let mut d = lock(&t.object.dict);
    for (name, f) in object {
        let short = &name["object.".len()..];
        let v = Builtin::value(name, *f);
        let v = if short == "__init_subclass__" { Value::obj(Obj::ClassMethod(v)) } else { v };
        d.set_str(crate::value::intern(short), v);
    }
    drop(d);
    let common: &[(&'static str, NativeFn)] = &[
        ("__repr__", d_repr),
        ("__str__", d_str),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__lt__", d_lt),
        ("__le__", d_le),
        ("__gt__", d_gt),
        ("__ge__", d_ge),
        ("__hash__", d_hash),
        ("__bool__", d_bool),
        ("__format__", d_format),
    ];
    let containers: &[(&'static str, NativeFn)] =
        &[("__iter__", d_iter), ("__len__", d_len), ("__getitem__", d_getitem), ("__contains__", d_contains)];
    let mutable: &[(&'static str, NativeFn)] =
        &[("__setitem__", d_setitem), ("__delitem__", d_delitem), ("__init__", container_init)];
    let numbers: &[(&'static str, NativeFn)] = &[
        ("__add__", d_add),
        ("__radd__", d_radd),
        ("__sub__", d_sub),
        ("__rsub__", d_rsub),
        ("__mul__", d_mul),
        ("__rmul__", d_rmul),
        ("__truediv__", d_truediv),
        ("__floordiv__", d_floordiv),
        ("__mod__", d_mod),
        ("__pow__", d_pow),
        ("__neg__", d_neg),
        ("__abs__", d_abs),
        ("__int__", d_int),
        ("__float__", d_float),
        ("__index__", d_index),
        ("__round__", d_round),
    ];
    for c in subclassable() {
        add_methods(c, common);
    }
    for c in [&t.list, &t.tuple, &t.dict, &t.set, &t.frozenset, &t.str_] {
        add_methods(c, containers);
    }
    for c in [&t.list, &t.dict] {
        add_methods(c, mutable);
    }
    add_methods(&t.set, &[("__init__", container_init)]);
    for c in [&t.int, &t.float] {
        add_methods(c, numbers);
    }
    for c in [&t.list, &t.tuple, &t.str_] {
        add_methods(c, &[("__add__", d_add), ("__mul__", d_mul), ("__rmul__", d_rmul)]);
    }
    add_methods(&t.list, &[("__iadd__", d_iadd)]);
    // The mutable containers are unhashable, and say so as CPython does: `list.__hash__ is None`.
    for c in [&t.list, &t.dict, &t.set] {
        lock(&c.dict).set_str(crate::value::intern("__hash__"), Value::None);
    }
    for c in [&t.set, &t.frozenset, &t.dict] {
        add_methods(c, &[("__or__", d_or)]);
    }
    for c in [&t.set, &t.frozenset] {
        add_methods(c, &[("__and__", d_and), ("__sub__", d_sub), ("__xor__", d_xor)]);
    }
}

fn this(args: &[Value]) -> R<Value> {
    match args.first() {
        Some(v) => Ok(native_self(v)),
        None => Err(type_error("descriptor needs an argument")),
    }
}

fn other(args: &[Value], name: &str) -> R<Value> {
    match args.get(1) {
        Some(v) => Ok(v.clone()),
        None => Err(type_error(format!("expected 1 argument, got 0 ({name})"))),
    }
}

fn d_repr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    Ok(Value::str(vm.repr(&v)?))
}
fn d_str(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    Ok(Value::str(vm.to_str(&v)?))
}
fn d_format(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    let spec = args.get(1).and_then(|s| s.as_str()).unwrap_or("").to_string();
    Ok(Value::str(vm.format(&v, &spec)?))
}
fn cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> R<Value> {
    let v = this(args)?;
    let o = native_self(&other(args, "comparison")?);
    // A builtin type's comparison with a value of another kind is NotImplemented, not an error.
    match vm.compare_op(op, &v, &o) {
        Ok(r) => Ok(r),
        Err(crate::Raise::Exc(e)) if crate::vm::is_instance_of(&e, "TypeError") => Ok(Value::obj(Obj::NotImplemented)),
        Err(e) => Err(e),
    }
}
fn d_eq(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    cmp(vm, args, CmpOp::Eq)
}
fn d_ne(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    cmp(vm, args, CmpOp::Ne)
}
fn d_lt(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    cmp(vm, args, CmpOp::Lt)
}
fn d_le(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    cmp(vm, args, CmpOp::Le)
}
fn d_gt(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    cmp(vm, args, CmpOp::Gt)
}
fn d_ge(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    cmp(vm, args, CmpOp::Ge)
}
fn d_hash(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    Ok(Value::Int(vm.hash(&v)? as i64))
}
fn d_bool(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    Ok(Value::Bool(vm.truthy(&v)?))
}
fn d_iter(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    vm.iter(&v)
}
fn d_len(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    Ok(Value::Int(vm.len(&v)? as i64))
}
fn d_getitem(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__getitem__", args, 2, 2)?;
    let v = this(args)?;
    vm.getitem(&v, &args[1])
}
fn d_contains(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__contains__", args, 2, 2)?;
    let v = this(args)?;
    Ok(Value::Bool(vm.contains(&v, &args[1])?))
}
fn d_setitem(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__setitem__", args, 3, 3)?;
    let v = this(args)?;
    vm.setitem(&v, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}
fn d_delitem(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__delitem__", args, 2, 2)?;
    let v = this(args)?;
    vm.delitem(&v, &args[1])?;
    Ok(Value::None)
}

/// `list.__init__(self, iterable=())`, `dict.__init__(self, *args, **kwargs)`,
/// `set.__init__(self, iterable=())`: (re)fill the value in place.
fn container_init(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let v = this(args)?;
    match &v {
        Value::List(l) => {
            crate::builtins::check_kw("list", kw, &[])?;
            arg_count("list", &args[1..], 0, 1)?;
            let items = match args.get(1) {
                Some(src) => vm.collect(src)?,
                None => Vec::new(),
            };
            *lock(&l.items) = items;
        }
        Value::Dict(d) => {
            arg_count("dict", &args[1..], 0, 1)?;
            lock(&d.d).clear();
            if let Some(src) = args.get(1) {
                vm.dict_update(&v, src, false)?;
            }
            for (k, val) in kw {
                vm.dict_set(d, k.clone(), val.clone())?;
            }
        }
        Value::Set(s) => {
            crate::builtins::check_kw("set", kw, &[])?;
            arg_count("set", &args[1..], 0, 1)?;
            lock(&s.d).clear();
            *lock(&s.t) = Default::default();
            if let Some(src) = args.get(1) {
                for it in vm.collect(src)? {
                    vm.set_add(&v, it)?;
                }
            }
        }
        _ => {}
    }
    Ok(Value::None)
}

fn bin(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> R<Value> {
    let v = this(args)?;
    let o = native_self(&other(args, "operator")?);
    let (a, b) = if reflected { (o, v) } else { (v, o) };
    match crate::ops::binary(op, &a, &b) {
        Some(r) => r,
        None => match vm.binary_op(op, a, b, false) {
            Ok(r) => Ok(r),
            Err(crate::Raise::Exc(e)) if crate::vm::is_instance_of(&e, "TypeError") => {
                Ok(Value::obj(Obj::NotImplemented))
            }
            Err(e) => Err(e),
        },
    }
}
fn d_add(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Add, false)
}
fn d_radd(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Add, true)
}
fn d_sub(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Sub, false)
}
fn d_rsub(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Sub, true)
}
fn d_mul(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Mul, false)
}
fn d_rmul(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Mul, true)
}
fn d_truediv(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Div, false)
}
fn d_floordiv(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::FloorDiv, false)
}
fn d_mod(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Mod, false)
}
fn d_pow(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::Pow, false)
}
fn d_or(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::BitOr, false)
}
fn d_and(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::BitAnd, false)
}
fn d_xor(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    bin(vm, args, BinOp::BitXor, false)
}
fn d_iadd(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    let o = other(args, "+=")?;
    vm.binary_op(BinOp::Add, v, o, true)?;
    Ok(args[0].clone())
}
fn d_neg(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    vm.unary_op(crate::ast::UnOp::Neg, v)
}
fn d_abs(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    let abs = vm.interp.builtins.get_name("abs").unwrap_or(Value::None);
    vm.call(&abs, vec![v])
}
fn d_round(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let mut a = vec![this(args)?];
    a.extend(args.iter().skip(1).cloned());
    let round = vm.interp.builtins.get_name("round").unwrap_or(Value::None);
    vm.call(&round, a)
}
fn d_int(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    vm.call(&Value::Class(types().int.clone()), vec![v])
}
fn d_float(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let v = this(args)?;
    vm.call(&Value::Class(types().float.clone()), vec![v])
}
fn d_index(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    match this(args)? {
        v @ (Value::Int(_) | Value::Big(_)) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(b as i64)),
        v => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&v)))),
    }
}

// ------------------------------------------------------------ object's methods

fn attr_name(v: Option<&Value>) -> R<Arc<Str>> {
    match v {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(type_error(format!("attribute name must be string, not '{}'", type_name(other)))),
        None => Err(type_error("expected an attribute name")),
    }
}

/// `object.__setattr__(obj, name, value)`: the default attribute store, past any `__setattr__`
/// a class defines (what a frozen dataclass's `__init__` and `super().__setattr__` use).
fn object_setattr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__setattr__", args, 3, 3)?;
    let name = attr_name(args.get(1))?;
    match &args[0] {
        Value::Instance(inst) => {
            if let Some(Value::Obj(o)) = inst.class.lookup(&name) {
                if let Obj::Property { fset, .. } = &*o {
                    if fset.is_none() {
                        return Err(err(
                            "AttributeError",
                            format!("property '{}' of '{}' object has no setter", name.s, inst.class.name),
                        ));
                    }
                    let f = fset.clone();
                    vm.call(&f, vec![args[0].clone(), args[2].clone()])?;
                    return Ok(Value::None);
                }
            }
            if inst.exc.is_some() {
                // Exception attributes with state of their own go through the usual path.
                return vm.setattr(&args[0], &name, args[2].clone()).map(|_| Value::None);
            }
            lock(&inst.dict).set_str(name, args[2].clone());
            Ok(Value::None)
        }
        other => vm.setattr(other, &name, args[2].clone()).map(|_| Value::None),
    }
}

fn object_delattr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__delattr__", args, 2, 2)?;
    let name = attr_name(args.get(1))?;
    vm.delattr(&args[0], &name)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__getattribute__", args, 2, 2)?;
    let name = attr_name(args.get(1))?;
    vm.getattr(&args[0], &name)
}

/// `object.__repr__(obj)`: `<module.Class object at 0x...>`, whatever the class overrides.
fn object_repr(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__repr__", args, 1, 1)?;
    Ok(Value::str(match &args[0] {
        Value::Instance(i) => {
            format!("<{}.{} object at 0x{:x}>", i.class.module, i.class.qualname, Arc::as_ptr(i) as usize)
        }
        other => vm.repr(other)?,
    }))
}

fn object_str(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__str__", args, 1, 1)?;
    Ok(Value::str(vm.repr(&args[0])?))
}

fn object_eq(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__eq__", args, 2, 2)?;
    Ok(if args[0].is(&args[1]) { Value::Bool(true) } else { Value::obj(Obj::NotImplemented) })
}

fn object_ne(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__ne__", args, 2, 2)?;
    let eq = vm.compare_op(CmpOp::Eq, &args[0], &args[1])?;
    Ok(Value::Bool(!vm.truthy(&eq)?))
}

fn object_hash(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__hash__", args, 1, 1)?;
    Ok(Value::Int((args[0].ptr().unwrap_or(0) as u64 >> 4) as i64))
}

fn object_format(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("__format__", args, 2, 2)?;
    let spec = args[1].as_str().unwrap_or("");
    if !spec.is_empty() {
        return Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(&args[0]))));
    }
    Ok(Value::str(vm.to_str(&args[0])?))
}

fn object_init_subclass(_: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let name = match args.first() {
            Some(Value::Class(c)) => c.name.clone(),
            _ => "object".into(),
        };
        return Err(type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(Value::None)
}
