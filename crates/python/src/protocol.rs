//! The object protocols as the VM and the builtins need them: operators with dunder fallback,
//! truth, equality and ordering, repr/str, hashing, items, iteration and formatting.

use std::cmp::Ordering as CmpOrdering;
use std::sync::Arc;

use crate::ast::{BinOp, CmpOp, UnOp};
use crate::dict::Dict;
use crate::format::{parse_spec, str_repr};
use crate::ops::{self, float_repr, hash_big, hash_float, hash_int, to_big};
use crate::types::{err, type_error, type_name, type_of};
use crate::value::{lock, Obj, PyDict, Set, Value};
use crate::vm::Vm;
use crate::R;

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
    }
}

fn is_notimpl(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(**o, Obj::NotImplemented))
}

/// A method defined in Python on the value's class (None for builtin types' natives).
fn user_method(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => i.class.lookup_name(name).filter(|m| !matches!(m, Value::Builtin(_))),
        _ => None,
    }
}

use crate::subclass::native_unless;

pub fn unary(vm: &mut Vm, u: UnOp, a: Value) -> R<Value> {
    Ok(match (u, &a) {
        (UnOp::Not, _) => Value::Bool(!vm.truthy(&a)?),
        (UnOp::Neg, Value::Int(i)) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => ops::big(-num_bigint::BigInt::from(*i)),
        },
        (UnOp::Neg, Value::Bool(b)) => Value::Int(-(*b as i64)),
        (UnOp::Neg, Value::Float(f)) => Value::Float(-f),
        (UnOp::Neg, Value::Big(b)) => ops::big(-(**b).clone()),
        (UnOp::Pos, Value::Int(_) | Value::Float(_) | Value::Big(_)) => a.clone(),
        (UnOp::Pos, Value::Bool(b)) => Value::Int(*b as i64),
        (UnOp::Invert, Value::Int(i)) => Value::Int(!i),
        (UnOp::Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
        (UnOp::Invert, Value::Big(b)) => ops::big(-(**b).clone() - 1),
        _ => {
            let name = match u {
                UnOp::Neg => "__neg__",
                UnOp::Pos => "__pos__",
                UnOp::Invert => "__invert__",
                UnOp::Not => "__bool__",
            };
            if let Some(m) = user_method(&a, name) {
                return vm.call(&m, vec![a]);
            }
            if let Some(n) = native_unless(&a, &[name]) {
                return unary(vm, u, n);
            }
            let sym = match u {
                UnOp::Neg => "-",
                UnOp::Pos => "+",
                _ => "~",
            };
            return Err(type_error(format!("bad operand type for unary {sym}: '{}'", type_name(&a))));
        }
    })
}

impl Vm {
    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value, inplace: bool) -> R<Value> {
        if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
            // Subclasses of builtin types: the builtin operation on their values, unless the
            // class overrides the operator in Python.
            let (l, r, i) = dunder(op);
            let overrides = |v: &Value| match v {
                Value::Instance(inst) => [l, r, i].iter().any(|n| crate::subclass::python_defines(&inst.class, n)),
                _ => false,
            };
            let plain = !overrides(&a) && !overrides(&b);
            let na = if plain { native_unless(&a, &[]) } else { None };
            let nb = if plain { native_unless(&b, &[]) } else { None };
            if na.is_some() || nb.is_some() {
                let a2 = na.clone().unwrap_or_else(|| a.clone());
                let result = self.binary_op(op, a2.clone(), nb.unwrap_or(b), inplace)?;
                // `stack += [x]` extends the list in place and keeps the subclass instance.
                if inplace && na.is_some() && result.is(&a2) {
                    return Ok(a);
                }
                return Ok(result);
            }
        }
        if inplace {
            if let (Value::List(l), BinOp::Add) = (&a, op) {
                let items = self.collect(&b)?;
                lock(&l.items).extend(items);
                return Ok(a.clone());
            }
        }
        if let Some(r) = ops::binary(op, &a, &b) {
            // Growth by concatenation or repetition is where runaway programs eat memory.
            match &r {
                Ok(Value::Str(_)) => self.note_alloc(0)?,
                Ok(Value::List(l)) => self.note_alloc(lock(&l.items).len() * 16)?,
                Ok(Value::Tuple(t)) => self.note_alloc(t.0.len() * 16)?,
                _ => {}
            }
            return r;
        }
        // Builtin containers with in-place and set operators.
        match (&a, &b, op) {
            (Value::List(l), _, BinOp::Add) if inplace => {
                let items = self.collect(&b)?;
                lock(&l.items).extend(items);
                return Ok(a.clone());
            }
            (Value::List(l), Value::Int(n), BinOp::Mul) if inplace => {
                let mut g = lock(&l.items);
                let orig = g.clone();
                g.clear();
                for _ in 0..(*n).max(0) {
                    g.extend(orig.iter().cloned());
                }
                drop(g);
                return Ok(a.clone());
            }
            (Value::Set(x), Value::Set(y), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
                if inplace && !x.frozen {
                    let mut t = lock(&x.t).clone();
                    let yt = lock(&y.t).clone();
                    match op {
                        // set_ior: merge into the existing table.
                        BinOp::BitOr => t.merge(&yt),
                        // set_isub: discard each of the other's keys.
                        BinOp::Sub => {
                            for (h, k) in yt.entries() {
                                let found = t.find(h, k);
                                if let Some(stored) = found {
                                    t.discard(h, &stored);
                                }
                            }
                        }
                        // set_ixor: discard what is there, add what is not.
                        BinOp::BitXor => {
                            for (h, k) in yt.entries() {
                                let found = t.find(h, k);
                                if let Some(stored) = found {
                                    t.discard(h, &stored);
                                } else {
                                    t.add(h, k.clone());
                                }
                            }
                        }
                        _ => t = self.set_op(x, y, op)?,
                    }
                    let fresh = Set::with_table(t, false);
                    *lock(&x.d) = std::mem::take(&mut *lock(&fresh.d));
                    *lock(&x.t) = std::mem::take(&mut *lock(&fresh.t));
                    return Ok(a.clone());
                }
                let t = self.set_op(x, y, op)?;
                return Ok(Value::Set(Arc::new(Set::with_table(t, x.frozen))));
            }
            (Value::Dict(x), Value::Dict(_), BinOp::BitOr) => {
                if inplace {
                    self.dict_update(&a, &b, false)?;
                    return Ok(a.clone());
                }
                let d = Value::dict(lock(&x.d).clone());
                self.dict_update(&d, &b, false)?;
                return Ok(d);
            }
            (Value::Str(s), _, BinOp::Mod) => return self.percent_format(&s.s.clone(), &b),
            _ => {}
        }
        let (l, r, i) = dunder(op);
        if inplace {
            if let Some(m) = user_method(&a, i) {
                let v = self.call(&m, vec![a.clone(), b.clone()])?;
                if !is_notimpl(&v) {
                    return Ok(v);
                }
            }
        }
        if let Some(m) = user_method(&a, l) {
            let v = self.call(&m, vec![a.clone(), b.clone()])?;
            if !is_notimpl(&v) {
                return Ok(v);
            }
        }
        if let Some(m) = user_method(&b, r) {
            let v = self.call(&m, vec![b.clone(), a.clone()])?;
            if !is_notimpl(&v) {
                return Ok(v);
            }
        }
        // `int | None` in annotations: a `types.UnionType`, made by the embedded `_generic` module.
        if op == BinOp::BitOr
            && (matches!(a, Value::Class(_)) || matches!(b, Value::Class(_)))
            && matches!(a, Value::Class(_) | Value::None)
            && matches!(b, Value::Class(_) | Value::None)
        {
            let m = self.import_now("_generic")?;
            let f = self.getattr(&m, &Arc::new(crate::value::Str::new("union".to_string())))?;
            return self.call(&f, vec![a, b]);
        }
        // Python operators that gave NotImplemented: the builtin operation on subclass values.
        let (na, nb) = (crate::subclass::native_self(&a), crate::subclass::native_self(&b));
        if !na.is(&a) || !nb.is(&b) {
            let result = match self.binary_op(op, na.clone(), nb, inplace) {
                Err(crate::Raise::Exc(e)) if self.to_str(&e).is_ok_and(|m| m.starts_with("unsupported operand")) => {
                    return Err(ops::unsupported(op, &a, &b));
                }
                r => r?,
            };
            return Ok(if inplace && result.is(&na) && !na.is(&a) { a } else { result });
        }
        if op == BinOp::Add {
            if let (Value::Str(_), _) | (_, Value::Str(_)) = (&a, &b) {
                if matches!(a, Value::Str(_)) {
                    return Err(type_error(format!("can only concatenate str (not \"{}\") to str", type_name(&b))));
                }
            }
            if let (Value::List(_), false) = (&a, matches!(b, Value::List(_))) {
                return Err(type_error(format!("can only concatenate list (not \"{}\") to list", type_name(&b))));
            }
            if let (Value::Tuple(_), false) = (&a, matches!(b, Value::Tuple(_))) {
                return Err(type_error(format!("can only concatenate tuple (not \"{}\") to tuple", type_name(&b))));
            }
        }
        if op == BinOp::Mul {
            if let (Value::Str(_) | Value::List(_) | Value::Tuple(_), _) = (&a, &b) {
                if !matches!(b, Value::Int(_) | Value::Bool(_)) {
                    return Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(&b))));
                }
            }
        }
        let (x, y) = (&a, &b);
        let _ = (x, y);
        Err(ops::unsupported(op, &a, &b))
    }

    /// `|`, `&`, `-`, `^` of two sets, building the result's layout as CPython's setobject.c does.
    fn set_op(&mut self, x: &Arc<Set>, y: &Arc<Set>, op: BinOp) -> R<crate::settable::Table> {
        use crate::settable::Table;
        let xt = lock(&x.t).clone();
        let yt = lock(&y.t).clone();
        let mut out = Table::default();
        match op {
            BinOp::BitOr => {
                out.merge(&xt);
                out.merge(&yt);
            }
            BinOp::BitAnd => {
                // Iterate the smaller set, test membership in the larger.
                let (small, large) = if yt.len() > xt.len() { (&xt, &yt) } else { (&yt, &xt) };
                for (h, k) in small.entries() {
                    if large.contains(h, k) {
                        out.add(h, k.clone());
                    }
                }
            }
            BinOp::Sub => {
                if (xt.len() >> 2) > yt.len() {
                    out.merge(&xt);
                    for (h, k) in yt.entries() {
                        if let Some(stored) = out.find(h, k) {
                            out.discard(h, &stored);
                        }
                    }
                } else {
                    for (h, k) in xt.entries() {
                        if !yt.contains(h, k) {
                            out.add(h, k.clone());
                        }
                    }
                }
            }
            _ => {
                out.merge(&yt);
                for (h, k) in xt.entries() {
                    let found = out.find(h, k);
                    if let Some(stored) = found {
                        out.discard(h, &stored);
                    } else {
                        out.add(h, k.clone());
                    }
                }
            }
        }
        Ok(out)
    }

    pub fn compare_op(&mut self, c: CmpOp, a: &Value, b: &Value) -> R<Value> {
        Ok(Value::Bool(match c {
            CmpOp::Is => a.is(b),
            CmpOp::IsNot => !a.is(b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            CmpOp::Eq => return self.rich_eq(a, b, false),
            CmpOp::Ne => return self.rich_eq(a, b, true),
            _ => return self.rich_order(c, a, b),
        }))
    }

    fn rich_eq(&mut self, a: &Value, b: &Value, negate: bool) -> R<Value> {
        let (n, rn) = if negate { ("__ne__", "__ne__") } else { ("__eq__", "__eq__") };
        if let Some(m) = user_method(a, n) {
            let v = self.call(&m, vec![a.clone(), b.clone()])?;
            if !is_notimpl(&v) {
                return Ok(v);
            }
        } else if negate {
            if let Some(m) = user_method(a, "__eq__") {
                let v = self.call(&m, vec![a.clone(), b.clone()])?;
                if !is_notimpl(&v) {
                    return Ok(Value::Bool(!self.truthy(&v)?));
                }
            }
        }
        if let Some(m) = user_method(b, rn) {
            let v = self.call(&m, vec![b.clone(), a.clone()])?;
            if !is_notimpl(&v) {
                return Ok(v);
            }
        }
        let e = self.eq(a, b)?;
        Ok(Value::Bool(e != negate))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> R<bool> {
        if let Some(r) = crate::dict::native_eq(a, b) {
            return Ok(r);
        }
        match (a, b) {
            (Value::List(x), Value::List(y)) => {
                let xs = lock(&x.items).clone();
                let ys = lock(&y.items).clone();
                self.seq_eq(&xs, &ys)
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.seq_eq(&x.0, &y.0)
            }
            (Value::Dict(x), Value::Dict(y)) => {
                let xs = lock(&x.d).clone();
                let ys = lock(&y.d).clone();
                if xs.len() != ys.len() {
                    return Ok(false);
                }
                for e in xs.entries() {
                    let other = ys.get(e.hash, &e.key, &mut |p, q| self.eq(p, q))?;
                    match other {
                        Some(v) => {
                            if !self.eq(&e.value, &v)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Value::Set(x), Value::Set(y)) => {
                let xs = lock(&x.d).clone();
                let ys = lock(&y.d).clone();
                if xs.len() != ys.len() {
                    return Ok(false);
                }
                for e in xs.entries() {
                    if !ys.contains(e.hash, &e.key, &mut |p, q| self.eq(p, q))? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
                (Obj::Range { start: a1, stop: b1, step: c1 }, Obj::Range { start: a2, stop: b2, step: c2 }) => {
                    let l1 = range_len(*a1, *b1, *c1);
                    let l2 = range_len(*a2, *b2, *c2);
                    Ok(l1 == l2 && (l1 == 0 || (a1 == a2 && (l1 == 1 || c1 == c2))))
                }
                (Obj::Bytes(p), Obj::Bytes(q)) => Ok(p == q),
                _ => Ok(a.is(b)),
            },
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                let (na, nb) = (native_unless(a, &["__eq__"]), native_unless(b, &["__eq__"]));
                if na.is_some() || nb.is_some() {
                    let (a, b) = (na.unwrap_or_else(|| a.clone()), nb.unwrap_or_else(|| b.clone()));
                    return self.eq(&a, &b);
                }
                if let Some(m) = user_method(a, "__eq__") {
                    let v = self.call(&m, vec![a.clone(), b.clone()])?;
                    if !is_notimpl(&v) {
                        return self.truthy(&v);
                    }
                }
                if let Some(m) = user_method(b, "__eq__") {
                    let v = self.call(&m, vec![b.clone(), a.clone()])?;
                    if !is_notimpl(&v) {
                        return self.truthy(&v);
                    }
                }
                // Both sides said NotImplemented: compare subclass values as the builtin would.
                let (na, nb) = (crate::subclass::native_self(a), crate::subclass::native_self(b));
                if !na.is(a) || !nb.is(b) {
                    return self.eq(&na, &nb);
                }
                Ok(a.is(b))
            }
            _ => Ok(a.is(b)),
        }
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> R<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !p.is(q) && !self.eq(p, q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn rich_order(&mut self, c: CmpOp, a: &Value, b: &Value) -> R<Value> {
        if let Some(o) = ops::compare_numbers(a, b) {
            return Ok(Value::Bool(order_holds(c, o)));
        }
        if ops::is_number(a) && ops::is_number(b) {
            return Ok(Value::Bool(false)); // NaN
        }
        let (n, r) = match c {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            _ => ("__ge__", "__le__"),
        };
        if let Some(m) = user_method(a, n) {
            let v = self.call(&m, vec![a.clone(), b.clone()])?;
            if !is_notimpl(&v) {
                return Ok(v);
            }
        }
        if let Some(m) = user_method(b, r) {
            let v = self.call(&m, vec![b.clone(), a.clone()])?;
            if !is_notimpl(&v) {
                return Ok(v);
            }
        }
        let (na, nb) = (native_unless(a, &[n, r]), native_unless(b, &[n, r]));
        if na.is_some() || nb.is_some() {
            let (a, b) = (na.unwrap_or_else(|| a.clone()), nb.unwrap_or_else(|| b.clone()));
            return self.rich_order(c, &a, &b);
        }
        match self.order(a, b) {
            Ok(Some(o)) => Ok(Value::Bool(order_holds(c, o))),
            Ok(None) => {
                // Sets: subset comparisons.
                if let (Value::Set(x), Value::Set(y)) = (a, b) {
                    let sub = |vm: &mut Vm, p: &Arc<Set>, q: &Arc<Set>| -> R<bool> {
                        let ps = lock(&p.d).clone();
                        let qs = lock(&q.d).clone();
                        for e in ps.entries() {
                            if !qs.contains(e.hash, &e.key, &mut |s, t| vm.eq(s, t))? {
                                return Ok(false);
                            }
                        }
                        Ok(true)
                    };
                    let (lx, ly) = (lock(&x.d).len(), lock(&y.d).len());
                    return Ok(Value::Bool(match c {
                        CmpOp::Le => sub(self, x, y)?,
                        CmpOp::Lt => lx < ly && sub(self, x, y)?,
                        CmpOp::Ge => sub(self, y, x)?,
                        _ => lx > ly && sub(self, y, x)?,
                    }));
                }
                let sym = match c {
                    CmpOp::Lt => "<",
                    CmpOp::Le => "<=",
                    CmpOp::Gt => ">",
                    _ => ">=",
                };
                Err(type_error(format!(
                    "'{sym}' not supported between instances of '{}' and '{}'",
                    type_name(a),
                    type_name(b)
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// Total order of two builtin values where Python defines one (numbers, str, list, tuple).
    fn order(&mut self, a: &Value, b: &Value) -> R<Option<CmpOrdering>> {
        if let Some(o) = ops::compare_numbers(a, b) {
            return Ok(Some(o));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(Some(x.s.cmp(&y.s))),
            (Value::List(x), Value::List(y)) => {
                let xs = lock(&x.items).clone();
                let ys = lock(&y.items).clone();
                self.seq_order(&xs, &ys)
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.seq_order(&x.0, &y.0)
            }
            _ => Ok(None),
        }
    }

    fn seq_order(&mut self, x: &[Value], y: &[Value]) -> R<Option<CmpOrdering>> {
        for (p, q) in x.iter().zip(y) {
            if p.is(q) || self.eq(p, q)? {
                continue;
            }
            return Ok(Some(if self.lt(p, q)? { CmpOrdering::Less } else { CmpOrdering::Greater }));
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    /// `a < b` as a bool (sorting, min, max).
    pub fn lt(&mut self, a: &Value, b: &Value) -> R<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            (Value::Str(x), Value::Str(y)) => Ok(x.s < y.s),
            _ => {
                let v = self.rich_order(CmpOp::Lt, a, b)?;
                self.truthy(&v)
            }
        }
    }

    pub fn truthy(&mut self, v: &Value) -> R<bool> {
        Ok(match v {
            Value::Null | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Big(_) => true,
            Value::Str(s) => !s.s.is_empty(),
            Value::Tuple(t) => !t.0.is_empty(),
            Value::List(l) => !lock(&l.items).is_empty(),
            Value::Dict(d) => !lock(&d.d).is_empty(),
            Value::Set(s) => !lock(&s.d).is_empty(),
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup_name("__bool__") {
                    let r = self.call(&m, vec![v.clone()])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(type_error(format!("__bool__ should return bool, returned {}", type_name(&r)))),
                    };
                }
                if let Some(m) = i.class.lookup_name("__len__") {
                    let r = self.call(&m, vec![v.clone()])?;
                    return Ok(!matches!(r, Value::Int(0)));
                }
                true
            }
            Value::Obj(o) => match &**o {
                Obj::Range { start, stop, step } => range_len(*start, *stop, *step) > 0,
                Obj::Bytes(b) => !b.is_empty(),
                Obj::Native(n) => n.truthy(),
                Obj::DictView(d, _) => !lock(&d.d).is_empty(),
                _ => true,
            },
            _ => true,
        })
    }

    pub fn len(&mut self, v: &Value) -> R<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Tuple(t) => t.0.len(),
            Value::List(l) => lock(&l.items).len(),
            Value::Dict(d) => lock(&d.d).len(),
            Value::Set(s) => lock(&s.d).len(),
            Value::Obj(o) if matches!(**o, Obj::Range { .. }) => {
                if let Obj::Range { start, stop, step } = &**o {
                    range_len(*start, *stop, *step) as usize
                } else {
                    0
                }
            }
            Value::Obj(o) if matches!(**o, Obj::Bytes(_)) => {
                if let Obj::Bytes(b) = &**o {
                    b.len()
                } else {
                    0
                }
            }
            Value::Obj(o) if matches!(**o, Obj::DictView(..)) => {
                if let Obj::DictView(d, _) = &**o {
                    lock(&d.d).len()
                } else {
                    0
                }
            }
            Value::Instance(i) => match i.class.lookup_name("__len__") {
                Some(m) => {
                    let r = self.call(&m, vec![v.clone()])?;
                    match r {
                        Value::Int(n) if n >= 0 => n as usize,
                        Value::Int(_) => return Err(err("ValueError", "__len__() should return >= 0")),
                        _ => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                type_name(&r)
                            )))
                        }
                    }
                }
                None => return Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
            },
            _ => return Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
        })
    }

    pub fn repr(&mut self, v: &Value) -> R<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Big(b) => big_to_string(b)?,
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(&s.s),
            Value::List(l) => {
                let items = lock(&l.items).clone();
                return self.guarded(v, "[...]", |vm| Ok(format!("[{}]", vm.join_repr(&items)?)));
            }
            Value::Tuple(t) => {
                if t.0.len() == 1 {
                    let t = t.clone();
                    return self.guarded(v, "(...)", |vm| Ok(format!("({},)", vm.repr(&t.0[0])?)));
                }
                let t = t.clone();
                return self.guarded(v, "(...)", |vm| Ok(format!("({})", vm.join_repr(&t.0)?)));
            }
            Value::Dict(d) => {
                let items = lock(&d.d).items();
                return self.guarded(v, "{...}", |vm| {
                    let mut parts = Vec::with_capacity(items.len());
                    for (k, val) in &items {
                        parts.push(format!("{}: {}", vm.repr(k)?, vm.repr(val)?));
                    }
                    Ok(format!("{{{}}}", parts.join(", ")))
                });
            }
            Value::Set(s) => {
                let items = s.keys();
                let name = if s.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let inner = self.join_repr(&items)?;
                if s.frozen {
                    format!("frozenset({{{inner}}})")
                } else {
                    format!("{{{inner}}}")
                }
            }
            Value::Func(f) => format!("<function {} at 0x{:x}>", f.qualname, Arc::as_ptr(f) as usize),
            Value::Builtin(b) => match &b.bound {
                Some(this) => format!(
                    "<built-in method {} of {} object at 0x{:x}>",
                    short(b.name),
                    type_name(this),
                    this.ptr().unwrap_or(0)
                ),
                None => format!("<built-in function {}>", short(b.name)),
            },
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Func(f) => f.qualname.clone(),
                    _ => "?".into(),
                };
                let this = self.repr(&m.this)?;
                format!("<bound method {fname} of {this}>")
            }
            Value::Class(c) => {
                if c.builtin {
                    format!("<class '{}'>", c.name)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Module(m) => format!("<module '{}'>", m.name),
            Value::Instance(i) => {
                if let Some(n) = native_unless(v, &["__repr__"]) {
                    return match &n {
                        // A set subclass shows its class: `Tags({'a', 'b'})`.
                        Value::Set(s) => {
                            let items = s.keys();
                            if items.is_empty() {
                                Ok(format!("{}()", i.class.name))
                            } else {
                                Ok(format!("{}({{{}}})", i.class.name, self.join_repr(&items)?))
                            }
                        }
                        _ => self.repr(&n),
                    };
                }
                if let Some(m) = i.class.lookup_name("__repr__") {
                    if !matches!(m, Value::Builtin(_)) {
                        let r = self.call(&m, vec![v.clone()])?;
                        return match r {
                            Value::Str(s) => Ok(s.s.clone()),
                            _ => Err(type_error(format!("__repr__ returned non-string (type {})", type_name(&r)))),
                        };
                    }
                }
                if i.exc.is_some() {
                    let args = i.exc().map(|d| d.args.clone()).unwrap_or_default();
                    let inner = if args.len() == 1 { self.repr(&args[0])? } else { self.join_repr(&args)? };
                    return Ok(format!("{}({inner})", i.class.name));
                }
                format!("<{}.{} object at 0x{:x}>", i.class.module, i.class.qualname, Arc::as_ptr(i) as usize)
            }
            Value::Obj(o) => match &**o {
                Obj::Range { start, stop, step } => {
                    if *step == 1 {
                        format!("range({start}, {stop})")
                    } else {
                        format!("range({start}, {stop}, {step})")
                    }
                }
                Obj::Slice(a, b, c) => format!("slice({}, {}, {})", self.repr(a)?, self.repr(b)?, self.repr(c)?),
                Obj::Generator(st, name) => {
                    let what = if lock(st).coro { "coroutine" } else { "generator" };
                    format!("<{what} object {name} at 0x{:x}>", Arc::as_ptr(o) as usize)
                }
                Obj::Ellipsis => "Ellipsis".into(),
                Obj::NotImplemented => "NotImplemented".into(),
                Obj::Bytes(b) => bytes_repr(b),
                Obj::Native(n) => n.repr(),
                Obj::DictView(d, kind) => {
                    let g = lock(&d.d).clone();
                    let (name, items): (&str, Vec<Value>) = match kind {
                        0 => ("dict_keys", g.keys()),
                        1 => ("dict_values", g.values()),
                        _ => ("dict_items", g.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect()),
                    };
                    format!("{name}([{}])", self.join_repr(&items)?)
                }
                _ => format!("<{} object at 0x{:x}>", type_name(v), Arc::as_ptr(o) as usize),
            },
        })
    }

    fn guarded(&mut self, v: &Value, placeholder: &str, f: impl FnOnce(&mut Vm) -> R<String>) -> R<String> {
        let p = v.ptr().unwrap_or(0);
        if self.repr_guard.contains(&p) {
            return Ok(placeholder.to_string());
        }
        if self.repr_guard.len() > 200 {
            return Err(err("RecursionError", "maximum recursion depth exceeded while getting the repr of an object"));
        }
        self.repr_guard.push(p);
        let r = f(self);
        self.repr_guard.pop();
        r
    }

    fn join_repr(&mut self, items: &[Value]) -> R<String> {
        let mut s = String::new();
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&self.repr(it)?);
        }
        Ok(s)
    }

    pub fn to_str(&mut self, v: &Value) -> R<String> {
        match v {
            Value::Str(s) => Ok(s.s.clone()),
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup_name("__str__") {
                    if !matches!(m, Value::Builtin(_)) {
                        let r = self.call(&m, vec![v.clone()])?;
                        return match r {
                            Value::Str(s) => Ok(s.s.clone()),
                            _ => Err(type_error(format!("__str__ returned non-string (type {})", type_name(&r)))),
                        };
                    }
                }
                if let Some(n @ Value::Str(_)) = native_unless(v, &["__str__"]) {
                    return self.to_str(&n);
                }
                if i.exc.is_some() {
                    let args = i.exc().map(|d| d.args.clone()).unwrap_or_default();
                    let is_key_error = i.class.is_subclass(&crate::types::exc_class("KeyError"));
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 if is_key_error => self.repr(&args[0]),
                        1 => self.to_str(&args[0]),
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    pub fn hash(&mut self, v: &Value) -> R<u64> {
        Ok(match v {
            Value::None => 0xFCA86420,
            Value::Bool(b) => *b as u64,
            Value::Int(i) => hash_int(*i),
            Value::Big(b) => hash_big(b),
            Value::Float(f) => hash_float(*f),
            Value::Str(s) => s.hash(),
            Value::Tuple(t) => {
                // CPython's xxHash-based tuple hash, so equal tuples hash equal.
                let mut acc: u64 = 0x27D4EB2F165667C5;
                for it in &t.0 {
                    let h = self.hash(it)?;
                    acc = acc.wrapping_add(h.wrapping_mul(0xC2B2AE3D27D4EB4F));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(0x9E3779B185EBCA87);
                }
                acc.wrapping_add(t.0.len() as u64 ^ 3527539)
            }
            Value::List(_) | Value::Dict(_) => {
                return Err(type_error(format!("unhashable type: '{}'", type_name(v))));
            }
            Value::Set(s) if !s.frozen => return Err(type_error("unhashable type: 'set'")),
            Value::Set(s) => {
                let mut acc: u64 = 0;
                for e in lock(&s.d).entries() {
                    acc ^= e.hash.wrapping_mul(0x9E3779B97F4A7C15);
                }
                acc
            }
            Value::Instance(i) => {
                if let Some(n) = native_unless(v, &["__hash__", "__eq__"]) {
                    return self.hash(&n);
                }
                let has_eq = i.class.lookup_name("__eq__").is_some_and(|m| !matches!(m, Value::Builtin(_)));
                match i.class.lookup_name("__hash__") {
                    Some(Value::None) => return Err(type_error(format!("unhashable type: '{}'", i.class.name))),
                    Some(m @ (Value::Func(_) | Value::Method(_))) => {
                        let r = self.call(&m, vec![v.clone()])?;
                        return match r {
                            Value::Int(i) => Ok(hash_int(i)),
                            Value::Big(b) => Ok(hash_big(&b)),
                            Value::Bool(b) => Ok(b as u64),
                            _ => Err(type_error("__hash__ method should return an integer")),
                        };
                    }
                    _ if has_eq => return Err(type_error(format!("unhashable type: '{}'", i.class.name))),
                    _ => (Arc::as_ptr(i) as u64) >> 4,
                }
            }
            _ => (v.ptr().unwrap_or(0) as u64) >> 4,
        })
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> R<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.s.contains(sub.s.as_str())),
                _ => Err(type_error(format!("'in <string>' requires string as left operand, not {}", type_name(item)))),
            },
            Value::List(l) => {
                let items = lock(&l.items).clone();
                for it in &items {
                    if it.is(item) || self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                let t = t.clone();
                for it in &t.0 {
                    if it.is(item) || self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => {
                let h = self.hash(item)?;
                let g = lock(&d.d).clone();
                g.contains(h, item, &mut |a, b| self.eq(a, b))
            }
            Value::Set(s) => {
                let h = self.hash(item)?;
                let g = lock(&s.d).clone();
                g.contains(h, item, &mut |a, b| self.eq(a, b))
            }
            Value::Obj(o) if matches!(**o, Obj::Range { .. }) => {
                if let (Obj::Range { start, stop, step }, Value::Int(i)) = (&**o, item) {
                    let len = range_len(*start, *stop, *step);
                    let off = i - start;
                    return Ok(off % step == 0 && off / step >= 0 && off / step < len);
                }
                Ok(false)
            }
            Value::Obj(o) if matches!(**o, Obj::DictView(..)) => {
                if let Obj::DictView(d, kind) = &**o {
                    let g = lock(&d.d).clone();
                    match kind {
                        0 => {
                            let h = self.hash(item)?;
                            return g.contains(h, item, &mut |a, b| self.eq(a, b));
                        }
                        1 => {
                            for v in g.values() {
                                if self.eq(&v, item)? {
                                    return Ok(true);
                                }
                            }
                        }
                        _ => {
                            for (k, v) in g.items() {
                                if self.eq(&Value::tuple(vec![k, v]), item)? {
                                    return Ok(true);
                                }
                            }
                        }
                    }
                }
                Ok(false)
            }
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup_name("__contains__") {
                    let r = self.call(&m, vec![container.clone(), item.clone()])?;
                    return self.truthy(&r);
                }
                let it = self.iter(container)?;
                while let Some(v) = self.next_item(&it)? {
                    if self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                if matches!(container, Value::Obj(o) if matches!(**o, Obj::Generator(..) | Obj::Lazy(_) | Obj::SeqIter{..} | Obj::VecIter{..} | Obj::RangeIter{..}))
                {
                    while let Some(v) = self.next_item(container)? {
                        if self.eq(&v, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Err(type_error(format!("argument of type '{}' is not iterable", type_name(container))))
            }
        }
    }

    // ------------------------------------------------------------ dicts and sets

    pub fn dict_insert(&mut self, d: &mut Dict, k: Value, v: Value) -> R<()> {
        let h = self.hash(&k)?;
        d.insert(h, k, v, &mut |a, b| self.eq(a, b))
    }

    pub fn dict_set(&mut self, d: &Arc<PyDict>, k: Value, v: Value) -> R<()> {
        let h = self.hash(&k)?;
        if let Value::Str(s) = &k {
            lock(&d.d).set_str(s.clone(), v);
            return Ok(());
        }
        let mut g = lock(&d.d);
        let r = g.insert(h, k, v, &mut |a, b| Ok(crate::dict::native_eq(a, b).unwrap_or(false)));
        drop(g);
        r?;
        self.note_alloc(48)
    }

    pub fn dict_get(&mut self, d: &Arc<PyDict>, k: &Value) -> R<Option<Value>> {
        if let Value::Str(s) = k {
            return Ok(lock(&d.d).get_str(s));
        }
        let h = self.hash(k)?;
        let needs_py = matches!(k, Value::Instance(_));
        if !needs_py {
            return lock(&d.d).get(h, k, &mut |a, b| Ok(crate::dict::native_eq(a, b).unwrap_or(false)));
        }
        // A user class's __eq__ runs without the dict's lock held, on a snapshot.
        let snapshot = lock(&d.d).clone();
        snapshot.get(h, k, &mut |a, b| self.eq(a, b))
    }

    pub fn dict_update(&mut self, target: &Value, src: &Value, _unpack: bool) -> R<()> {
        let Value::Dict(t) = target else { return Err(type_error("dict expected")) };
        match src {
            Value::Dict(s) => {
                let items = lock(&s.d).items();
                for (k, v) in items {
                    self.dict_set(t, k, v)?;
                }
            }
            _ => {
                if let Some(keys) = self.getattr_opt(src, "keys")? {
                    let ks = self.call(&keys, vec![])?;
                    for k in self.collect(&ks)? {
                        let v = self.getitem(src, &k)?;
                        self.dict_set(t, k, v)?;
                    }
                    return Ok(());
                }
                for item in self.collect(src)? {
                    let kv = self.collect(&item)?;
                    if kv.len() != 2 {
                        return Err(err(
                            "ValueError",
                            format!("dictionary update sequence element #0 has length {}; 2 is required", kv.len()),
                        ));
                    }
                    self.dict_set(t, kv[0].clone(), kv[1].clone())?;
                }
            }
        }
        Ok(())
    }

    pub fn make_set(&mut self, items: Vec<Value>, frozen: bool) -> R<Value> {
        let mut d = Dict::with_capacity(items.len());
        for it in items {
            self.dict_insert(&mut d, it, Value::None)?;
        }
        Ok(Value::Set(Arc::new(Set::new(d, frozen))))
    }

    pub fn set_add(&mut self, s: &Value, item: Value) -> R<()> {
        let Value::Set(s) = s else { return Ok(()) };
        let h = self.hash(&item)?;
        let mut g = lock(&s.d);
        let before = g.len();
        g.insert(h, item.clone(), Value::None, &mut |a, b| Ok(crate::dict::native_eq(a, b).unwrap_or(false)))?;
        if g.len() > before {
            lock(&s.t).add(h, item);
        }
        Ok(())
    }

    /// Checks, before an allocation of `bytes` that one operation is about to make, that it
    /// stays under the cap (`limits::MAX_MEMORY`); past it the program gets `MemoryError`.
    pub fn note_alloc(&self, bytes: usize) -> R<()> {
        if crate::limits::would_exceed(bytes) {
            crate::limits::memory_error_raised();
            return Err(err("MemoryError", ""));
        }
        Ok(())
    }

    // ------------------------------------------------------------ formatting

    pub fn format(&mut self, v: &Value, spec: &str) -> R<String> {
        if let Value::Instance(i) = v {
            if let Some(m) = i.class.lookup_name("__format__") {
                if !matches!(m, Value::Builtin(_)) {
                    let r = self.call(&m, vec![v.clone(), Value::str(spec)])?;
                    return self.to_str(&r);
                }
            }
            if spec.is_empty() {
                return self.to_str(v);
            }
            if let Some(n) = native_unless(v, &["__format__"]) {
                return self.format(&n, spec);
            }
            return Err(type_error(format!("unsupported format string passed to {}.__format__", i.class.name)));
        }
        if spec.is_empty() {
            return self.to_str(v);
        }
        let sp = parse_spec(spec)?;
        match v {
            Value::Bool(b) if sp.ty.is_none() => crate::format::format_str(if *b { "True" } else { "False" }, &sp),
            Value::Int(_) | Value::Big(_) | Value::Bool(_) => {
                crate::format::format_int(&to_big(v).unwrap_or_default(), &sp)
            }
            Value::Float(f) => crate::format::format_float(*f, &sp),
            Value::Str(s) => crate::format::format_str(&s.s, &sp),
            _ => {
                let s = self.to_str(v)?;
                if sp.ty.is_some() || sp.precision.is_some() {
                    return Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(v))));
                }
                crate::format::format_str(&s, &sp)
            }
        }
    }

    /// `"..." % args`: the printf-style formatting beginners meet in older examples.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> R<Value> {
        let items: Vec<Value> = match args {
            Value::Tuple(t) => t.0.clone(),
            other => vec![other.clone()],
        };
        let mut out = String::new();
        let mut it = items.into_iter();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != '%' {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            i += 1;
            let start = i;
            while i < chars.len() && "-+ #0123456789.".contains(chars[i]) {
                i += 1;
            }
            let flags: String = chars[start..i.min(chars.len())].iter().collect();
            let Some(&conv) = chars.get(i) else {
                return Err(err("ValueError", "incomplete format"));
            };
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = it.next().ok_or_else(|| type_error("not enough arguments for format string"))?;
            let (align_left, rest) = match flags.strip_prefix('-') {
                Some(r) => (true, r.to_string()),
                None => (false, flags.clone()),
            };
            let spec = if rest.trim_start_matches(['0', '+', ' ', '#']).is_empty() && !align_left {
                rest.clone()
            } else {
                format!("{}{}", if align_left { "<" } else { ">" }, rest)
            };
            let s = match conv {
                's' => {
                    let s = self.to_str(&arg)?;
                    self.format(&Value::str(s), &spec)?
                }
                'r' => {
                    let s = self.repr(&arg)?;
                    self.format(&Value::str(s), &spec)?
                }
                'd' | 'i' | 'u' => {
                    let n = match &arg {
                        Value::Float(f) => Value::Int(f.trunc() as i64),
                        other => other.clone(),
                    };
                    if !matches!(n, Value::Int(_) | Value::Big(_) | Value::Bool(_)) {
                        return Err(type_error(format!(
                            "%{conv} format: a real number is required, not {}",
                            type_name(&arg)
                        )));
                    }
                    self.format(&n, &format!("{spec}d"))?
                }
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 'o' | 'c' => {
                    let spec = if spec.contains('.') || !"fFeE".contains(conv) { spec } else { format!("{spec}.6") };
                    self.format(&arg, &format!("{spec}{conv}"))?
                }
                _ => return Err(err("ValueError", format!("unsupported format character '{conv}'"))),
            };
            out.push_str(&s);
        }
        if it.next().is_some() {
            return Err(type_error("not all arguments converted during string formatting"));
        }
        Ok(Value::str(out))
    }
}

fn order_holds(c: CmpOp, o: CmpOrdering) -> bool {
    match c {
        CmpOp::Lt => o == CmpOrdering::Less,
        CmpOp::Le => o != CmpOrdering::Greater,
        CmpOp::Gt => o == CmpOrdering::Greater,
        CmpOp::Ge => o != CmpOrdering::Less,
        _ => false,
    }
}

/// CPython 3.11 refuses to convert ints of more than 4300 digits to text (a guard against slow
/// conversions).
pub fn big_to_string(b: &num_bigint::BigInt) -> R<String> {
    // 4300 digits need at least 14,281 bits; only then is it worth converting to check.
    if b.bits() > 14_000 {
        let s = b.to_string();
        if s.trim_start_matches('-').len() > 4300 {
            return Err(err(
                "ValueError",
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ));
        }
        return Ok(s);
    }
    Ok(b.to_string())
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

fn short(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

fn bytes_repr(b: &[u8]) -> String {
    let mut s = String::from("b'");
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\'' => s.push_str("\\'"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            32..=126 => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('\'');
    s
}

pub fn type_of_name(v: &Value) -> String {
    type_of(v).name.clone()
}
