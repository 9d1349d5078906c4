//! Attribute access: instance dicts, class lookup along the MRO, descriptors (property,
//! staticmethod, classmethod), bound methods, and class creation.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::dict::Dict;
use crate::types::{err, is_data_descriptor, new_class, type_error, type_name, type_of, types};
use crate::value::{lock, Builtin, Class, Method, Obj, PyDict, Str, Value};
use crate::vm::Vm;
use crate::R;

fn attr_error(obj: &Value, name: &str) -> crate::Raise {
    match obj {
        Value::Class(c) => err("AttributeError", format!("type object '{}' has no attribute '{name}'", c.name)),
        Value::Module(m) => err("AttributeError", format!("module '{}' has no attribute '{name}'", m.name)),
        _ => err("AttributeError", format!("'{}' object has no attribute '{name}'", type_name(obj))),
    }
}

fn bind(v: Value, obj: &Value) -> Value {
    match v {
        Value::Func(_) => Value::Method(Arc::new(Method { func: v, this: obj.clone() })),
        Value::Builtin(b) if b.bound.is_none() => {
            // A builtin type's method acts on the builtin value of a subclass's instance
            // (`object`'s methods act on the instance itself).
            let this = match obj {
                Value::Instance(i) if i.native.is_some() && !b.name.starts_with("object.") => {
                    crate::subclass::native_self(obj)
                }
                _ => obj.clone(),
            };
            Value::Builtin(crate::value::BuiltinRef::new(Builtin { name: b.name, f: b.f, bound: Some(this) }))
        }
        other => other,
    }
}

/// A user-defined descriptor: an instance whose class defines `__get__`.
fn user_descriptor_get(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(d) if d.exc.is_none() => {
            d.class.lookup_name("__get__").filter(|g| !matches!(g, Value::Builtin(_)))
        }
        _ => None,
    }
}

impl Vm {
    pub fn getattr(&mut self, obj: &Value, name: &Arc<Str>) -> R<Value> {
        match self.getattr_inner(obj, name)? {
            Some(v) => Ok(v),
            None => {
                if let Value::Instance(i) = obj {
                    if !i.class.has_getattr.load(Ordering::Relaxed) {
                        return Err(attr_error(obj, &name.s));
                    }
                    if let Some(ga) = i.class.lookup_name("__getattr__") {
                        return self.call(&ga, vec![obj.clone(), Value::Str(name.clone())]);
                    }
                }
                Err(attr_error(obj, &name.s))
            }
        }
    }

    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> R<Option<Value>> {
        let n = Arc::new(Str::new(name.to_string()));
        match self.getattr(obj, &n) {
            Ok(v) => Ok(Some(v)),
            Err(crate::Raise::Exc(e)) if crate::vm::is_instance_of(&e, "AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn descriptor_get(&mut self, v: Value, obj: &Value, cls: &Arc<Class>) -> R<Value> {
        match &v {
            Value::Obj(o) => match &**o {
                Obj::Property { fget, .. } => {
                    if fget.is_none() {
                        return Err(err("AttributeError", "property has no getter"));
                    }
                    let f = fget.clone();
                    self.call(&f, vec![obj.clone()])
                }
                Obj::StaticMethod(f) => Ok(f.clone()),
                Obj::ClassMethod(f) => {
                    Ok(Value::Method(Arc::new(Method { func: f.clone(), this: Value::Class(cls.clone()) })))
                }
                _ => Ok(v),
            },
            Value::Instance(_) => match user_descriptor_get(&v) {
                Some(get) => self.call(&get, vec![v.clone(), obj.clone(), Value::Class(cls.clone())]),
                None => Ok(v),
            },
            _ => Ok(bind(v, obj)),
        }
    }

    fn getattr_inner(&mut self, obj: &Value, name: &Arc<Str>) -> R<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                if cls.has_descriptors.load(Ordering::Relaxed) {
                    if let Some(v) = cls.lookup(name) {
                        if is_data_descriptor(&v) {
                            return Ok(Some(self.descriptor_get(v, obj, &cls)?));
                        }
                    }
                }
                if let Some(v) = lock(&inst.dict).get_str(name) {
                    return Ok(Some(v));
                }
                if let Some(v) = self.names.class_get(&cls, name) {
                    return Ok(Some(self.descriptor_get(v, obj, &cls)?));
                }
                match name.s.as_str() {
                    "__class__" => return Ok(Some(Value::Class(cls))),
                    "__dict__" => {
                        let d = lock(&inst.dict).clone();
                        return Ok(Some(Value::dict(d)));
                    }
                    _ => {}
                }
                if let Some(d) = inst.exc() {
                    return Ok(match name.s.as_str() {
                        "args" => Some(Value::tuple(d.args.clone())),
                        "__cause__" => Some(d.cause.clone().unwrap_or(Value::None)),
                        "__context__" => Some(d.context.clone().unwrap_or(Value::None)),
                        "__suppress_context__" => Some(Value::Bool(d.suppress_context)),
                        "__traceback__" => Some(Value::None),
                        "value" if cls.is_subclass(&crate::types::exc_class("StopIteration")) => {
                            Some(d.args.first().cloned().unwrap_or(Value::None))
                        }
                        "code" if cls.is_subclass(&crate::types::exc_class("SystemExit")) => {
                            Some(d.args.first().cloned().unwrap_or(Value::None))
                        }
                        _ => None,
                    });
                }
                Ok(None)
            }
            Value::Class(c) => {
                if name.s == "__new__" {
                    if let Some(v) = crate::subclass::class_new(c) {
                        return Ok(Some(v));
                    }
                }
                if let Some(v) = c.lookup(name) {
                    if let Some(get) = user_descriptor_get(&v) {
                        return Ok(Some(self.call(&get, vec![v.clone(), Value::None, obj.clone()])?));
                    }
                    return Ok(Some(match &v {
                        Value::Obj(o) => match &**o {
                            Obj::StaticMethod(f) => f.clone(),
                            Obj::ClassMethod(f) => {
                                Value::Method(Arc::new(Method { func: f.clone(), this: obj.clone() }))
                            }
                            _ => v,
                        },
                        _ => v,
                    }));
                }
                Ok(match name.s.as_str() {
                    "__name__" => Some(Value::str(c.name.clone())),
                    "__qualname__" => Some(Value::str(c.qualname.clone())),
                    "__module__" => Some(Value::str(c.module.clone())),
                    "__doc__" => Some(Value::None),
                    "__bases__" => Some(Value::tuple(c.bases.iter().map(|b| Value::Class(b.clone())).collect())),
                    "__base__" => Some(c.bases.first().map(|b| Value::Class(b.clone())).unwrap_or(Value::None)),
                    "__mro__" => {
                        let mut v = vec![obj.clone()];
                        v.extend(c.mro.iter().map(|b| Value::Class(b.clone())));
                        Some(Value::tuple(v))
                    }
                    "__dict__" => Some(Value::dict(lock(&c.dict).clone())),
                    "__class__" => Some(Value::Class(types().type_.clone())),
                    // As CPython 3.10+: a class without annotations gets an empty dict on demand.
                    "__annotations__" if !c.builtin => {
                        let d = Value::dict(crate::dict::Dict::new());
                        lock(&c.dict).set_str(crate::value::intern("__annotations__"), d.clone());
                        Some(d)
                    }
                    _ => None,
                })
            }
            Value::Module(m) => {
                if let Some(v) = m.dict.get_str(name) {
                    return Ok(Some(v));
                }
                Ok(match name.s.as_str() {
                    "__dict__" => Some(Value::Dict(m.dict.clone())),
                    _ => None,
                })
            }
            Value::Obj(o) if matches!(**o, Obj::Super { .. }) => {
                let Obj::Super { class, this } = &**o else { return Ok(None) };
                let this_cls = match this {
                    Value::Class(c) => c.clone(),
                    other => type_of(other),
                };
                // Continue the MRO of the instance's class after `class`.
                let mut mro = vec![this_cls.clone()];
                mro.extend(this_cls.mro.iter().cloned());
                let pos = mro.iter().position(|c| Arc::ptr_eq(c, class)).map(|p| p + 1).unwrap_or(mro.len());
                for c in &mro[pos..] {
                    let found = lock(&c.dict).get_str(name);
                    if let Some(v) = found {
                        if c.builtin && name.s == "__new__" {
                            return Ok(Some(crate::subclass::visible_new(c)));
                        }
                        return Ok(Some(match &v {
                            Value::Obj(x) => match &**x {
                                Obj::StaticMethod(f) => f.clone(),
                                Obj::ClassMethod(f) => Value::Method(Arc::new(Method {
                                    func: f.clone(),
                                    this: Value::Class(this_cls.clone()),
                                })),
                                Obj::Property { fget, .. } => {
                                    let f = fget.clone();
                                    self.call(&f, vec![this.clone()])?
                                }
                                _ => v,
                            },
                            _ if matches!(this, Value::Class(_)) => v,
                            _ => bind(v, this),
                        }));
                    }
                }
                Ok(None)
            }
            _ => {
                let cls = type_of(obj);
                if let Some(v) = cls.lookup(name) {
                    return Ok(Some(match &v {
                        Value::Obj(x) if matches!(**x, Obj::Property { .. }) => self.descriptor_get(v, obj, &cls)?,
                        _ => bind(v, obj),
                    }));
                }
                self.special_attr(obj, &name.s)
            }
        }
    }

    /// Attributes of builtin objects that are data rather than methods.
    fn special_attr(&mut self, obj: &Value, name: &str) -> R<Option<Value>> {
        Ok(match (obj, name) {
            (_, "__class__") => Some(Value::Class(type_of(obj))),
            // `functools.wraps` and decorators may have set these: the function's dict first.
            (Value::Func(f), "__name__" | "__qualname__" | "__module__" | "__doc__")
                if lock(&f.dict).as_ref().is_some_and(|d| d.get_name(name).is_some()) =>
            {
                lock(&f.dict).as_ref().and_then(|d| d.get_name(name))
            }
            (Value::Func(f), "__name__") => Some(Value::str(f.code.name.to_string())),
            (Value::Func(f), "__qualname__") => Some(Value::str(f.qualname.clone())),
            (Value::Func(f), "__module__") => Some(f.globals.get_name("__name__").unwrap_or(Value::None)),
            (Value::Func(f), "__doc__") => Some(f.code.doc.clone().map(Value::str).unwrap_or(Value::None)),
            (Value::Func(f), "__dict__") => Some(Value::dict(lock(&f.dict).clone().unwrap_or_default())),
            (Value::Func(f), "__defaults__") => {
                Some(if f.defaults.is_empty() { Value::None } else { Value::tuple(f.defaults.clone()) })
            }
            (Value::Func(f), _) => lock(&f.dict).as_ref().and_then(|d| d.get_name(name)),
            (Value::Builtin(b), "__name__") => Some(Value::str(b.name.rsplit('.').next().unwrap_or(b.name))),
            (Value::Builtin(b), "__self__") => b.bound.clone(),
            (Value::Method(m), "__self__") => Some(m.this.clone()),
            (Value::Method(m), "__func__") => Some(m.func.clone()),
            (Value::Method(m), _) => {
                let f = m.func.clone();
                return self.getattr_inner(&f, &Arc::new(Str::new(name.to_string())));
            }
            (Value::Int(_) | Value::Bool(_) | Value::Big(_), "real" | "numerator") => Some(match obj {
                Value::Bool(b) => Value::Int(*b as i64),
                o => o.clone(),
            }),
            (Value::Int(_) | Value::Bool(_) | Value::Big(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::Bool(_) | Value::Big(_), "denominator") => Some(Value::Int(1)),
            (Value::Float(f), "real") => Some(Value::Float(*f)),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Obj(o), _) => match (&**o, name) {
                (Obj::Range { start, .. }, "start") => Some(Value::Int(*start)),
                (Obj::Range { stop, .. }, "stop") => Some(Value::Int(*stop)),
                (Obj::Range { step, .. }, "step") => Some(Value::Int(*step)),
                (Obj::Slice(a, _, _), "start") => Some(a.clone()),
                (Obj::Slice(_, b, _), "stop") => Some(b.clone()),
                (Obj::Slice(_, _, c), "step") => Some(c.clone()),
                (Obj::Property { fget, .. }, "fget") => Some(fget.clone()),
                (Obj::Property { fset, .. }, "fset") => Some(fset.clone()),
                (Obj::Property { fdel, .. }, "fdel") => Some(fdel.clone()),
                (Obj::Generator(_, n), "__name__") => Some(Value::str(n.to_string())),
                (Obj::Native(n), _) => n.getattr(self, name)?,
                _ => None,
            },
            _ => None,
        })
    }

    pub fn setattr(&mut self, obj: &Value, name: &Arc<Str>, v: Value) -> R<()> {
        match obj {
            Value::Instance(inst) => {
                // A class's own `__setattr__` comes first, before data descriptors (as CPython:
                // descriptors are what `object.__setattr__` honours).
                if inst.class.has_setattr.load(Ordering::Relaxed) {
                    if let Some(sa @ Value::Func(_)) = inst.class.lookup_name("__setattr__") {
                        self.call(&sa, vec![obj.clone(), Value::Str(name.clone()), v])?;
                        return Ok(());
                    }
                }
                if inst.class.has_descriptors.load(Ordering::Relaxed) {
                    let found = inst.class.lookup(name);
                    if let Some(d @ Value::Instance(_)) = &found {
                        if let Value::Instance(di) = d {
                            if let Some(set) = di.class.lookup_name("__set__") {
                                self.call(&set, vec![d.clone(), obj.clone(), v])?;
                                return Ok(());
                            }
                        }
                    }
                    if let Some(Value::Obj(o)) = found {
                        {
                            if let Obj::Property { fset, .. } = &*o {
                                if fset.is_none() {
                                    return Err(err(
                                        "AttributeError",
                                        format!("property '{}' of '{}' object has no setter", name.s, inst.class.name),
                                    ));
                                }
                                let f = fset.clone();
                                self.call(&f, vec![obj.clone(), v])?;
                                return Ok(());
                            }
                        }
                    }
                }
                if inst.exc.is_some() {
                    let mut handled = true;
                    if let Some(mut d) = inst.exc() {
                        match name.s.as_str() {
                            "__cause__" => {
                                d.cause = if v.is_none() { None } else { Some(v.clone()) };
                                d.suppress_context = true;
                            }
                            "__context__" => d.context = if v.is_none() { None } else { Some(v.clone()) },
                            "__suppress_context__" => d.suppress_context = matches!(v, Value::Bool(true)),
                            "args" => {
                                d.args = match &v {
                                    Value::Tuple(t) => t.0.clone(),
                                    other => vec![other.clone()],
                                }
                            }
                            _ => handled = false,
                        }
                    }
                    if handled {
                        return Ok(());
                    }
                }
                lock(&inst.dict).set_str_ref(name, v);
                Ok(())
            }
            Value::Class(c) => {
                if c.builtin {
                    return Err(type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name.s, c.name
                    )));
                }
                if is_data_descriptor(&v) {
                    c.has_descriptors.store(true, Ordering::Relaxed);
                }
                if name.s == "__setattr__" {
                    c.has_setattr.store(true, Ordering::Relaxed);
                }
                if name.s == "__getattr__" {
                    c.has_getattr.store(true, Ordering::Relaxed);
                }
                lock(&c.dict).set_str(name.clone(), v);
                Ok(())
            }
            Value::Module(m) => {
                m.dict.set_str(name, v);
                Ok(())
            }
            Value::Func(f) => {
                lock(&f.dict).get_or_insert_with(Dict::new).set_str(name.clone(), v);
                Ok(())
            }
            Value::Obj(o) if matches!(**o, Obj::Native(_)) => {
                if let Obj::Native(n) = &**o {
                    return n.setattr(self, &name.s, v);
                }
                Ok(())
            }
            _ => Err(err("AttributeError", format!("'{}' object has no attribute '{}'", type_name(obj), name.s))),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &Arc<Str>) -> R<()> {
        if let Value::Instance(i) = obj {
            if crate::subclass::python_defines(&i.class, "__delattr__") {
                if let Some(da) = i.class.lookup_name("__delattr__") {
                    self.call(&da, vec![obj.clone(), Value::Str(name.clone())])?;
                    return Ok(());
                }
            }
            if i.class.has_descriptors.load(Ordering::Relaxed) {
                match i.class.lookup(name) {
                    Some(Value::Obj(o)) if matches!(&*o, Obj::Property { .. }) => {
                        let Obj::Property { fdel, .. } = &*o else { return Ok(()) };
                        if fdel.is_none() {
                            return Err(err(
                                "AttributeError",
                                format!("property '{}' of '{}' object has no deleter", name.s, i.class.name),
                            ));
                        }
                        let f = fdel.clone();
                        self.call(&f, vec![obj.clone()])?;
                        return Ok(());
                    }
                    Some(d @ Value::Instance(_)) => {
                        if let Value::Instance(di) = &d {
                            if let Some(del) = di.class.lookup_name("__delete__") {
                                self.call(&del, vec![d.clone(), obj.clone()])?;
                                return Ok(());
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let removed = match obj {
            Value::Instance(i) => lock(&i.dict).del_str(name).is_some(),
            Value::Class(c) if !c.builtin => lock(&c.dict).del_str(name).is_some(),
            Value::Module(m) => lock(&m.dict.d).del_str(name).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(attr_error(obj, &name.s))
        }
    }

    /// `LoadMethod`: the method and its object, or the attribute and `Null`.
    pub fn load_method(&mut self, obj: Value, name: &Arc<Str>) -> R<(Value, Value)> {
        match &obj {
            Value::Instance(inst) => {
                if !inst.class.has_descriptors.load(Ordering::Relaxed) && lock(&inst.dict).get_str(name).is_none() {
                    if let Some(v @ Value::Func(_)) = self.names.class_get(&inst.class, name) {
                        return Ok((v, obj));
                    }
                }
            }
            Value::Module(m) => {
                // `math.sqrt(x)`: a module attribute is called as it is, with no binding.
                if let Some(v) = m.dict.get_str(name) {
                    return Ok((v, Value::Null));
                }
            }
            Value::Class(_) | Value::Obj(_) | Value::Func(_) | Value::Method(_) => {}
            _ => {
                // The common builtin types by reference: a clone of their shared class would be
                // two atomic writes to one count per call.
                let found = match crate::types::builtin_type_ref(&obj) {
                    Some(cls) => self.names.class_get(cls, name),
                    None => type_of(&obj).lookup(name),
                };
                if let Some(v @ Value::Builtin(_)) = found {
                    return Ok((v, obj));
                }
            }
        }
        let v = self.getattr(&obj, name)?;
        Ok((v, Value::Null))
    }

    /// Makes a class from a class body's namespace (what `type(name, bases, ns)` does).
    pub fn build_class(&mut self, name: Value, bases: Vec<Value>, ns: Arc<PyDict>) -> R<Value> {
        let name = name.as_str().unwrap_or("?").to_string();
        // PEP 560: a base that is not a class names the classes to use with `__mro_entries__`
        // (`class Box(Generic[T])`); the bases as written stay in `__orig_bases__`.
        let mut resolved = Vec::with_capacity(bases.len());
        for b in &bases {
            match b {
                Value::Instance(i) if i.exc.is_none() => match i.class.lookup_name("__mro_entries__") {
                    Some(m) => match self.call(&m, vec![b.clone(), Value::tuple(bases.clone())])? {
                        Value::Tuple(t) => resolved.extend(t.0.iter().cloned()),
                        _ => return Err(type_error("__mro_entries__ must return a tuple")),
                    },
                    None => resolved.push(b.clone()),
                },
                _ => resolved.push(b.clone()),
            }
        }
        if resolved.len() != bases.len() || resolved.iter().zip(&bases).any(|(r, b)| !r.is(b)) {
            lock(&ns.d).set_str(crate::value::intern("__orig_bases__"), Value::tuple(bases.clone()));
        }
        let bases = resolved;
        let mut base_classes = Vec::new();
        for b in &bases {
            match b {
                Value::Class(c) => {
                    if c.builtin
                        && c.base_kind != crate::value::Kind::Exception
                        && !Arc::ptr_eq(c, &types().object)
                        && !crate::subclass::is_subclassable(c)
                    {
                        if Arc::ptr_eq(c, &types().bool_) {
                            return Err(type_error("type 'bool' is not an acceptable base type"));
                        }
                        return Err(err(
                            "NotImplementedError",
                            format!("subclassing the builtin type '{}' is not supported by the playground yet", c.name),
                        ));
                    }
                    base_classes.push(c.clone());
                }
                other => return Err(type_error(format!("bases must be types, not {}", type_name(other)))),
            }
        }
        if base_classes.is_empty() {
            base_classes.push(types().object.clone());
        }
        // Two different builtin types (or a builtin type and an exception) cannot be combined.
        let layouts: Vec<Arc<Class>> = base_classes
            .iter()
            .filter_map(|b| {
                if b.base_kind == crate::value::Kind::Exception {
                    Some(crate::types::exc_class("BaseException"))
                } else {
                    crate::subclass::builtin_base(b).or_else(|| crate::subclass::is_subclassable(b).then(|| b.clone()))
                }
            })
            .collect();
        if layouts.windows(2).any(|w| !Arc::ptr_eq(&w[0], &w[1])) {
            return Err(type_error("multiple bases have instance lay-out conflict"));
        }
        let mut dict = lock(&ns.d).clone();
        // As in CPython, a class body's `__new__` is a static method, and its
        // `__init_subclass__` and `__class_getitem__` are class methods.
        for (name, wrap_static) in [("__new__", true), ("__init_subclass__", false), ("__class_getitem__", false)] {
            if let Some(f @ Value::Func(_)) = dict.get_name(name) {
                let w = if wrap_static { Obj::StaticMethod(f) } else { Obj::ClassMethod(f) };
                dict.set_str(crate::value::intern(name), Value::obj(w));
            }
        }
        // As CPython's type_new: a body that defines `__eq__` but not `__hash__` makes the class
        // unhashable, visibly (`cls.__hash__ is None`) and over a base's `__hash__`.
        if dict.get_name("__eq__").is_some() && dict.get_name("__hash__").is_none() {
            dict.set_str(crate::value::intern("__hash__"), Value::None);
        }
        let module = dict.get_name("__module__").and_then(|m| m.as_str().map(String::from));
        let qualname = dict.get_name("__qualname__").and_then(|m| m.as_str().map(String::from));
        let cls = new_class(&name, base_classes, dict, false);
        // `new_class` is shared with builtins; fill in what a class statement knows.
        let cls = Arc::new(Class {
            name: cls.name.clone(),
            qualname: qualname.unwrap_or(name.clone()),
            module: module.unwrap_or_else(|| "__main__".into()),
            bases: cls.bases.clone(),
            mro: cls.mro.clone(),
            dict: crate::dict::DictCell::new(lock(&cls.dict).clone()),
            base_kind: cls.base_kind,
            has_descriptors: std::sync::atomic::AtomicBool::new(cls.has_descriptors.load(Ordering::Relaxed)),
            has_setattr: std::sync::atomic::AtomicBool::new(cls.has_setattr.load(Ordering::Relaxed)),
            has_getattr: std::sync::atomic::AtomicBool::new(cls.has_getattr.load(Ordering::Relaxed)),
            builtin: false,
        });
        // Functions defined in the body remember their class, for zero-argument super().
        for v in lock(&cls.dict).values() {
            let f = match &v {
                Value::Func(f) => Some(f.clone()),
                Value::Obj(o) => match &**o {
                    Obj::StaticMethod(Value::Func(f)) | Obj::ClassMethod(Value::Func(f)) => Some(f.clone()),
                    Obj::Property { fget, fset, .. } => {
                        for g in [fget, fset] {
                            if let Value::Func(g) = g {
                                let _ = g.owner.set(Arc::downgrade(&cls));
                            }
                        }
                        None
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some(f) = f {
                let _ = f.owner.set(Arc::downgrade(&cls));
            }
        }
        self.class_created(&cls)?;
        Ok(Value::Class(cls))
    }

    /// What a new class triggers: `__set_name__` of the descriptors in its body, then its
    /// parent's `__init_subclass__` (class keywords are not supported, so it gets none).
    fn class_created(&mut self, cls: &Arc<Class>) -> R<()> {
        let items = lock(&cls.dict).items();
        for (k, v) in items {
            if let Value::Instance(d) = &v {
                if d.exc.is_none() && crate::subclass::python_defines(&d.class, "__set_name__") {
                    if let Some(m) = d.class.lookup_name("__set_name__") {
                        match self.call(&m, vec![v.clone(), Value::Class(cls.clone()), k.clone()]) {
                            // As CPython 3.11: the error becomes the cause of a RuntimeError.
                            Err(crate::Raise::Exc(e)) => {
                                let msg = format!(
                                    "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                                    d.class.name,
                                    k.as_str().unwrap_or("?"),
                                    cls.name
                                );
                                let wrapped = crate::types::new_exception(
                                    &crate::types::exc_class("RuntimeError"),
                                    vec![Value::str(msg)],
                                );
                                if let Value::Instance(w) = &wrapped {
                                    if let Some(mut wd) = w.exc() {
                                        wd.cause = Some(e);
                                    }
                                }
                                return Err(crate::Raise::Exc(wrapped));
                            }
                            r => {
                                r?;
                            }
                        }
                    }
                }
            }
        }
        let parent_hook = cls.mro.iter().find_map(|c| lock(&c.dict).get_name("__init_subclass__"));
        match parent_hook {
            Some(Value::Obj(o)) if matches!(&*o, Obj::ClassMethod(Value::Func(_))) => {
                if let Obj::ClassMethod(f) = &*o {
                    self.call(f, vec![Value::Class(cls.clone())])?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}
