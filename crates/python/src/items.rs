//! Subscripts (`a[i]`, slices, `a[k] = v`, `del a[k]`) and the iteration protocol.

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;

use crate::types::{err, type_error, type_name};
use crate::value::{lock, Obj, Value};
use crate::vm::Vm;
use crate::R;

/// Normalises slice bounds for a sequence of `len` items: (start, stop, step).
pub fn slice_indices(vm: &mut Vm, a: &Value, b: &Value, c: &Value, len: i64) -> R<(i64, i64, i64)> {
    let step = match c {
        Value::None => 1,
        v => vm.index(v)?,
    };
    if step == 0 {
        return Err(err("ValueError", "slice step cannot be zero"));
    }
    let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let fix = |vm: &mut Vm, v: &Value, default: i64| -> R<i64> {
        Ok(match v {
            Value::None => default,
            v => {
                let i = vm.index(v)?;
                if i < 0 {
                    (i + len).max(lo)
                } else {
                    i.min(hi)
                }
            }
        })
    };
    let start = fix(vm, a, if step > 0 { 0 } else { len - 1 })?;
    let stop = fix(vm, b, if step > 0 { len } else { -1 })?;
    Ok((start, stop, step))
}

fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

fn norm_index(i: i64, len: usize, what: &str) -> R<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(err("IndexError", format!("{what} index out of range")));
    }
    Ok(j as usize)
}

impl Vm {
    /// An index as `__index__` gives it (ints and bools).
    pub fn index(&mut self, v: &Value) -> R<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Big(_) => Err(err("IndexError", "cannot fit 'int' into an index-sized integer")),
            Value::Instance(_) if crate::subclass::native_unless(v, &["__index__"]).is_some() => {
                let n = crate::subclass::native_self(v);
                self.index(&n)
            }
            _ => Err(type_error(format!(
                "slice indices must be integers or None or have an __index__ method, not {}",
                type_name(v)
            ))),
        }
    }

    fn seq_index(&mut self, v: &Value, what: &str) -> R<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Big(_) => Err(err("IndexError", "cannot fit 'int' into an index-sized integer")),
            Value::Instance(_) if matches!(crate::subclass::native_self(v), Value::Int(_) | Value::Big(_)) => {
                let n = crate::subclass::native_self(v);
                self.seq_index(&n, what)
            }
            _ if what == "string" => {
                Err(type_error(format!("string indices must be integers, not '{}'", type_name(v))))
            }
            _ => Err(type_error(format!("{what} indices must be integers or slices, not {}", type_name(v)))),
        }
    }

    pub fn getitem(&mut self, obj: &Value, idx: &Value) -> R<Value> {
        if let Value::Obj(o) = idx {
            if let Obj::Slice(a, b, c) = &**o {
                return self.get_slice(obj, a, b, c);
            }
        }
        match obj {
            Value::List(l) => {
                let i = self.seq_index(idx, "list")?;
                let g = lock(&l.items);
                let j = norm_index(i, g.len(), "list")?;
                Ok(g[j].clone())
            }
            Value::Tuple(t) => {
                let i = self.seq_index(idx, "tuple")?;
                let j = norm_index(i, t.0.len(), "tuple")?;
                Ok(t.0[j].clone())
            }
            Value::Str(s) => {
                let i = self.seq_index(idx, "string")?;
                if s.ascii {
                    let j = norm_index(i, s.s.len(), "string")?;
                    return Ok(Value::str(&s.s[j..j + 1]));
                }
                let n = s.char_len();
                let j = norm_index(i, n, "string")?;
                Ok(Value::str(s.s.chars().nth(j).map(String::from).unwrap_or_default()))
            }
            Value::Dict(d) => match self.dict_get(d, idx)? {
                Some(v) => Ok(v),
                None => {
                    if let Some(Value::Func(_)) = None::<Value> {}
                    Err(crate::Raise::Exc(crate::types::new_exception(
                        &crate::types::exc_class("KeyError"),
                        vec![idx.clone()],
                    )))
                }
            },
            Value::Obj(o) => match &**o {
                Obj::Range { start, stop, step } => {
                    let i = self.seq_index(idx, "range object")?;
                    let len = crate::protocol::range_len(*start, *stop, *step);
                    let j = norm_index(i, len as usize, "range object")?;
                    Ok(Value::Int(start + step * j as i64))
                }
                Obj::Bytes(b) => {
                    let i = self.seq_index(idx, "bytes")?;
                    let j = norm_index(i, b.len(), "index")?;
                    Ok(Value::Int(b[j] as i64))
                }
                _ => Err(type_error(format!("'{}' object is not subscriptable", type_name(obj)))),
            },
            Value::Instance(i) => {
                if let Some(n @ Value::Dict(_)) = crate::subclass::native_unless(obj, &["__getitem__"]) {
                    // dict subclasses: a missing key goes to `__missing__` (Counter, defaultdict).
                    return match self.getitem(&n, idx) {
                        Err(crate::Raise::Exc(e))
                            if crate::vm::is_instance_of(&e, "KeyError")
                                && crate::subclass::python_defines(&i.class, "__missing__") =>
                        {
                            let m = i.class.lookup_name("__missing__").unwrap_or(Value::None);
                            self.call(&m, vec![obj.clone(), idx.clone()])
                        }
                        r => r,
                    };
                }
                if let Some(n) = crate::subclass::native_unless(obj, &["__getitem__"]) {
                    return self.getitem(&n, idx);
                }
                match i.class.lookup_name("__getitem__") {
                    Some(m) => self.call(&m, vec![obj.clone(), idx.clone()]),
                    None => Err(type_error(format!("'{}' object is not subscriptable", i.class.name))),
                }
            }
            Value::Class(c) => {
                // `list[int]` in annotations evaluated at run time: a `types.GenericAlias`, made
                // by the embedded `_generic` module.
                if c.builtin {
                    let t = crate::types::types();
                    let generic = [&t.list, &t.dict, &t.set, &t.frozenset, &t.tuple, &t.type_];
                    if !generic.iter().any(|g| Arc::ptr_eq(g, c)) {
                        return Err(type_error(format!("type '{}' is not subscriptable", c.name)));
                    }
                    let m = self.import_now("_generic")?;
                    let f = self.getattr(&m, &Arc::new(crate::value::Str::new("alias".to_string())))?;
                    return self.call(&f, vec![obj.clone(), idx.clone()]);
                }
                match c.lookup_name("__class_getitem__") {
                    // A class method: bound to the class by attribute lookup.
                    Some(_) => {
                        let m =
                            self.getattr(obj, &Arc::new(crate::value::Str::new("__class_getitem__".to_string())))?;
                        self.call(&m, vec![idx.clone()])
                    }
                    None => Err(type_error(format!("type '{}' is not subscriptable", c.name))),
                }
            }
            _ => Err(type_error(format!("'{}' object is not subscriptable", type_name(obj)))),
        }
    }

    fn get_slice(&mut self, obj: &Value, a: &Value, b: &Value, c: &Value) -> R<Value> {
        match obj {
            Value::List(l) => {
                let items = lock(&l.items).clone();
                let (s, e, st) = slice_indices(self, a, b, c, items.len() as i64)?;
                Ok(Value::list(slice_positions(s, e, st).into_iter().map(|i| items[i].clone()).collect()))
            }
            Value::Tuple(t) => {
                let (s, e, st) = slice_indices(self, a, b, c, t.0.len() as i64)?;
                Ok(Value::tuple(slice_positions(s, e, st).into_iter().map(|i| t.0[i].clone()).collect()))
            }
            Value::Str(s) => {
                if s.ascii {
                    let bytes = s.s.as_bytes();
                    let (st, e, step) = slice_indices(self, a, b, c, bytes.len() as i64)?;
                    if step == 1 {
                        return Ok(Value::str(if st < e { &s.s[st as usize..e as usize] } else { "" }));
                    }
                    let out: String = slice_positions(st, e, step).into_iter().map(|i| bytes[i] as char).collect();
                    return Ok(Value::str(out));
                }
                let chars: Vec<char> = s.s.chars().collect();
                let (st, e, step) = slice_indices(self, a, b, c, chars.len() as i64)?;
                Ok(Value::str(slice_positions(st, e, step).into_iter().map(|i| chars[i]).collect::<String>()))
            }
            Value::Obj(o) => match &**o {
                Obj::Range { start, stop, step } => {
                    let len = crate::protocol::range_len(*start, *stop, *step);
                    let (s, e, st) = slice_indices(self, a, b, c, len)?;
                    Ok(Value::obj(Obj::Range { start: start + s * step, stop: start + e * step, step: step * st }))
                }
                Obj::Bytes(bs) => {
                    let (s, e, st) = slice_indices(self, a, b, c, bs.len() as i64)?;
                    Ok(Value::obj(Obj::Bytes(slice_positions(s, e, st).into_iter().map(|i| bs[i]).collect())))
                }
                _ => Err(type_error(format!("'{}' object is not subscriptable", type_name(obj)))),
            },
            Value::Instance(i) => match i.class.lookup_name("__getitem__") {
                Some(m) => {
                    let sl = Value::obj(Obj::Slice(a.clone(), b.clone(), c.clone()));
                    self.call(&m, vec![obj.clone(), sl])
                }
                None => Err(type_error(format!("'{}' object is not subscriptable", i.class.name))),
            },
            _ => Err(type_error(format!("'{}' object is not subscriptable", type_name(obj)))),
        }
    }

    pub fn setitem(&mut self, obj: &Value, idx: Value, v: Value) -> R<()> {
        match obj {
            Value::List(l) => {
                if let Value::Obj(o) = &idx {
                    if let Obj::Slice(a, b, c) = &**o {
                        let new_items = self.collect(&v)?;
                        let len = lock(&l.items).len() as i64;
                        let (s, e, st) = slice_indices(self, a, b, c, len)?;
                        let mut g = lock(&l.items);
                        if st == 1 {
                            let e = e.max(s);
                            g.splice(s as usize..e as usize, new_items);
                        } else {
                            let pos = slice_positions(s, e, st);
                            if pos.len() != new_items.len() {
                                return Err(err(
                                    "ValueError",
                                    format!(
                                        "attempt to assign sequence of size {} to extended slice of size {}",
                                        new_items.len(),
                                        pos.len()
                                    ),
                                ));
                            }
                            for (p, it) in pos.into_iter().zip(new_items) {
                                g[p] = it;
                            }
                        }
                        return Ok(());
                    }
                }
                let i = self.seq_index(&idx, "list")?;
                let mut g = lock(&l.items);
                let j = norm_index(i, g.len(), "list assignment")?;
                g[j] = v;
                Ok(())
            }
            Value::Dict(d) => self.dict_set(d, idx, v),
            Value::Instance(i) => match i.class.lookup_name("__setitem__") {
                Some(m) => {
                    self.call(&m, vec![obj.clone(), idx, v])?;
                    Ok(())
                }
                None => Err(type_error(format!("'{}' object does not support item assignment", i.class.name))),
            },
            _ => Err(type_error(format!("'{}' object does not support item assignment", type_name(obj)))),
        }
    }

    pub fn delitem(&mut self, obj: &Value, idx: &Value) -> R<()> {
        match obj {
            Value::List(l) => {
                if let Value::Obj(o) = idx {
                    if let Obj::Slice(a, b, c) = &**o {
                        let len = lock(&l.items).len() as i64;
                        let (s, e, st) = slice_indices(self, a, b, c, len)?;
                        let mut pos = slice_positions(s, e, st);
                        // In slice order, so ascending once a negative step's are reversed.
                        if st < 0 {
                            pos.reverse();
                        }
                        let mut g = lock(&l.items);
                        for p in pos.into_iter().rev() {
                            g.remove(p);
                        }
                        return Ok(());
                    }
                }
                let i = self.seq_index(idx, "list")?;
                let mut g = lock(&l.items);
                let j = norm_index(i, g.len(), "list assignment")?;
                g.remove(j);
                Ok(())
            }
            Value::Dict(d) => {
                let h = self.hash(idx)?;
                let removed =
                    lock(&d.d).remove(h, idx, &mut |a, b| Ok(crate::dict::native_eq(a, b).unwrap_or(false)))?;
                match removed {
                    Some(_) => Ok(()),
                    None => Err(crate::Raise::Exc(crate::types::new_exception(
                        &crate::types::exc_class("KeyError"),
                        vec![idx.clone()],
                    ))),
                }
            }
            Value::Instance(i) => match i.class.lookup_name("__delitem__") {
                Some(m) => {
                    self.call(&m, vec![obj.clone(), idx.clone()])?;
                    Ok(())
                }
                None => Err(type_error(format!("'{}' object does not support item deletion", i.class.name))),
            },
            _ => Err(type_error(format!("'{}' object does not support item deletion", type_name(obj)))),
        }
    }

    // ------------------------------------------------------------ iteration

    pub fn iter(&mut self, v: &Value) -> R<Value> {
        let vec_iter = |items: Vec<Value>| Value::obj(Obj::VecIter { items, idx: AtomicUsize::new(0) });
        Ok(match v {
            Value::List(_) | Value::Tuple(_) => Value::obj(Obj::SeqIter { seq: v.clone(), idx: AtomicUsize::new(0) }),
            Value::Str(s) => {
                if s.ascii {
                    Value::obj(Obj::SeqIter { seq: v.clone(), idx: AtomicUsize::new(0) })
                } else {
                    vec_iter(s.s.chars().map(|c| Value::str(c.to_string())).collect())
                }
            }
            Value::Dict(d) => vec_iter(lock(&d.d).keys()),
            Value::Set(s) => vec_iter(s.keys()),
            Value::Obj(o) => match &**o {
                Obj::Range { start, stop, step } => {
                    Value::obj(Obj::RangeIter { cur: AtomicI64::new(*start), stop: *stop, step: *step })
                }
                Obj::RangeIter { .. } | Obj::SeqIter { .. } | Obj::VecIter { .. } | Obj::Lazy(_) => v.clone(),
                Obj::Generator(st, _) if lock(st).coro => {
                    return Err(type_error("'coroutine' object is not iterable"));
                }
                Obj::Generator(..) => v.clone(),
                Obj::DictView(d, kind) => {
                    let g = lock(&d.d);
                    vec_iter(match kind {
                        0 => g.keys(),
                        1 => g.values(),
                        _ => g.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
                    })
                }
                Obj::Bytes(b) => vec_iter(b.iter().map(|x| Value::Int(*x as i64)).collect()),
                Obj::Native(n) => match n.iter(self)? {
                    Some(it) => it,
                    None => return Err(type_error(format!("'{}' object is not iterable", type_name(v)))),
                },
                _ => return Err(type_error(format!("'{}' object is not iterable", type_name(v)))),
            },
            Value::Instance(i) => {
                if let Some(m) = i.class.lookup_name("__iter__") {
                    return self.call(&m, vec![v.clone()]);
                }
                if i.class.lookup_name("__getitem__").is_some() {
                    // The old sequence protocol: __getitem__(0), (1), ... until IndexError.
                    let mut items = Vec::new();
                    let mut k = 0;
                    loop {
                        match self.getitem(v, &Value::Int(k)) {
                            Ok(x) => items.push(x),
                            Err(crate::Raise::Exc(e))
                                if crate::vm::is_instance_of(&e, "IndexError")
                                    || crate::vm::is_instance_of(&e, "StopIteration") =>
                            {
                                break
                            }
                            Err(e) => return Err(e),
                        }
                        k += 1;
                    }
                    return Ok(vec_iter(items));
                }
                return Err(type_error(format!("'{}' object is not iterable", i.class.name)));
            }
            _ => return Err(type_error(format!("'{}' object is not iterable", type_name(v)))),
        })
    }

    /// The next item of an iterator, `None` when it is exhausted.
    pub fn next_item(&mut self, it: &Value) -> R<Option<Value>> {
        match it {
            Value::Obj(o) => match &**o {
                Obj::RangeIter { cur, stop, step } => {
                    let c = cur.load(Ordering::Relaxed);
                    if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                        cur.store(c + step, Ordering::Relaxed);
                        Ok(Some(Value::Int(c)))
                    } else {
                        Ok(None)
                    }
                }
                Obj::SeqIter { seq, idx } => {
                    let i = idx.fetch_add(1, Ordering::Relaxed);
                    Ok(match seq {
                        Value::List(l) => lock(&l.items).get(i).cloned(),
                        Value::Tuple(t) => t.0.get(i).cloned(),
                        Value::Str(s) => s.s.get(i..i + 1).map(Value::str),
                        _ => None,
                    })
                }
                Obj::VecIter { items, idx } => {
                    let i = idx.fetch_add(1, Ordering::Relaxed);
                    Ok(items.get(i).cloned())
                }
                Obj::Generator(st, _) if lock(st).coro => Err(type_error("'coroutine' object is not an iterator")),
                Obj::Generator(..) => self.gen_next(o, Value::None),
                Obj::Lazy(_) => crate::iters::lazy_next(self, o),
                Obj::Native(n) => n.next(self),
                _ => Err(type_error(format!("'{}' object is not an iterator", type_name(it)))),
            },
            Value::Instance(i) => match i.class.lookup_name("__next__") {
                Some(m) => match self.call(&m, vec![it.clone()]) {
                    Ok(v) => Ok(Some(v)),
                    Err(crate::Raise::Exc(e)) if crate::vm::is_instance_of(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                },
                None => Err(type_error(format!("'{}' object is not an iterator", i.class.name))),
            },
            _ => Err(type_error(format!("'{}' object is not an iterator", type_name(it)))),
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> R<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(lock(&l.items).clone()),
            Value::Tuple(t) => return Ok(t.0.clone()),
            Value::Dict(d) => return Ok(lock(&d.d).keys()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next_item(&it)? {
            out.push(x);
            if out.len() % 4096 == 0 {
                self.note_alloc(out.len() * 16)?;
            }
        }
        Ok(out)
    }

    /// Whether iterating `v` runs Python code that may block (generators, user iterators): in
    /// `--simulate`, builtins then hand the work to a resumable Python helper.
    pub fn needs_resumable(&self, v: &Value) -> bool {
        self.interp.config.simulate
            && self.nested == 0
            && match v {
                Value::Obj(o) => matches!(**o, Obj::Generator(..) | Obj::Lazy(_)),
                // A subclass of a builtin type iterates natively unless it overrides that.
                Value::Instance(_) => crate::subclass::native_unless(v, &["__iter__", "__getitem__", "keys"]).is_none(),
                _ => false,
            }
    }
}

pub fn arc_list(items: Vec<Value>) -> Value {
    Value::list(items)
}

pub fn _unused(_: Arc<()>) {}
