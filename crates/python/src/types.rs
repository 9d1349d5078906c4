//! The builtin types as class objects (so `type()`, `isinstance` and subclassing work uniformly)
//! and the exception hierarchy, made once per process and shared by every interpreter.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, OnceLock};

use crate::dict::Dict;
use crate::value::{lock, Builtin, Class, ExcData, Instance, Kind, NativeFn, Obj, Value};
use crate::Raise;

pub struct Types {
    pub object: Arc<Class>,
    pub type_: Arc<Class>,
    pub none: Arc<Class>,
    pub bool_: Arc<Class>,
    pub int: Arc<Class>,
    pub float: Arc<Class>,
    pub str_: Arc<Class>,
    pub tuple: Arc<Class>,
    pub list: Arc<Class>,
    pub dict: Arc<Class>,
    pub set: Arc<Class>,
    pub frozenset: Arc<Class>,
    pub function: Arc<Class>,
    pub builtin: Arc<Class>,
    pub method: Arc<Class>,
    pub module: Arc<Class>,
    pub range: Arc<Class>,
    pub iterator: Arc<Class>,
    pub generator: Arc<Class>,
    pub coroutine: Arc<Class>,
    pub slice: Arc<Class>,
    pub property: Arc<Class>,
    pub staticmethod: Arc<Class>,
    pub classmethod: Arc<Class>,
    pub super_: Arc<Class>,
    pub code: Arc<Class>,
    pub bytes: Arc<Class>,
    pub ellipsis: Arc<Class>,
    pub notimpl: Arc<Class>,
    pub cell: Arc<Class>,
    pub native: Arc<Class>,
    pub dict_keys: Arc<Class>,
    pub dict_values: Arc<Class>,
    pub dict_items: Arc<Class>,
    pub map: Arc<Class>,
    pub filter: Arc<Class>,
    pub zip: Arc<Class>,
    pub enumerate: Arc<Class>,
    pub base_exception: Arc<Class>,
    pub exceptions: HashMap<&'static str, Arc<Class>>,
}

/// The exception hierarchy: (name, base). Order matters: a base comes before its subclasses.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("TimeoutError", "OSError"),
    ("ConnectionError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("PickleError", "Exception"),
    ("PicklingError", "PickleError"),
    ("UnpicklingError", "PickleError"),
];

/// Exceptions of the table that live in a module rather than in builtins.
const MODULE_EXCEPTIONS: &[(&str, &str)] =
    &[("PickleError", "_pickle"), ("PicklingError", "_pickle"), ("UnpicklingError", "_pickle")];

static TYPES: OnceLock<Types> = OnceLock::new();

pub fn types() -> &'static Types {
    TYPES.get_or_init(make_types)
}

pub fn new_class(name: &str, bases: Vec<Arc<Class>>, dict: Dict, builtin: bool) -> Arc<Class> {
    let mut mro: Vec<Arc<Class>> = Vec::new();
    // C3 linearisation of the bases' MROs (each base's MRO is itself followed by its own mro list).
    let mut seqs: Vec<Vec<Arc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.clone());
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            break;
        }
        let mut pick = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|c| Arc::ptr_eq(c, cand))) {
                pick = Some(cand.clone());
                break;
            }
        }
        // An inconsistent hierarchy falls back to depth-first order rather than failing.
        let cand = pick.unwrap_or_else(|| seqs[0][0].clone());
        for s in seqs.iter_mut() {
            if Arc::ptr_eq(&s[0], &cand) {
                s.remove(0);
            }
        }
        mro.push(cand);
    }
    let base_kind = if mro.iter().any(|c| c.name == "BaseException" && c.builtin) || name == "BaseException" && builtin
    {
        Kind::Exception
    } else {
        Kind::Object
    };
    let has_descriptors = dict.iter().any(|(_, v)| is_data_descriptor(v))
        || mro.iter().any(|c| c.has_descriptors.load(std::sync::atomic::Ordering::Relaxed));
    let has =
        |n: &str| dict.get_name(n).is_some() || mro.iter().any(|c| !c.builtin && lock(&c.dict).get_name(n).is_some());
    let (has_setattr, has_getattr) = (has("__setattr__"), has("__getattr__"));
    Arc::new(Class {
        has_setattr: AtomicBool::new(has_setattr),
        has_getattr: AtomicBool::new(has_getattr),
        name: name.to_string(),
        qualname: name.to_string(),
        module: if builtin { "builtins".into() } else { "__main__".into() },
        bases,
        mro,
        dict: crate::dict::DictCell::new(dict),
        base_kind,
        has_descriptors: AtomicBool::new(has_descriptors),
        builtin,
    })
}

pub fn is_data_descriptor(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(**o, Obj::Property { .. }),
        // A user-defined descriptor class with `__set__` or `__delete__`.
        Value::Instance(i) => {
            i.exc.is_none() && (i.class.lookup_name("__set__").is_some() || i.class.lookup_name("__delete__").is_some())
        }
        _ => false,
    }
}

fn make_types() -> Types {
    let object = new_class("object", vec![], Dict::new(), true);
    let b = |name: &str| new_class(name, vec![object.clone()], Dict::new(), true);
    let int = b("int");
    let bool_ = new_class("bool", vec![int.clone()], Dict::new(), true);
    let base_exception = b("BaseException");
    let mut exceptions = HashMap::new();
    exceptions.insert("BaseException", base_exception.clone());
    for (name, base) in EXCEPTIONS {
        let parent = exceptions.get(base).cloned().unwrap_or_else(|| base_exception.clone());
        let mut cls = new_class(name, vec![parent], Dict::new(), true);
        if let Some((_, module)) = MODULE_EXCEPTIONS.iter().find(|(n, _)| n == name) {
            if let Some(c) = Arc::get_mut(&mut cls) {
                c.module = module.to_string();
            }
        }
        exceptions.insert(name, cls);
    }
    Types {
        type_: b("type"),
        none: b("NoneType"),
        bool_,
        int,
        float: b("float"),
        str_: b("str"),
        tuple: b("tuple"),
        list: b("list"),
        dict: b("dict"),
        set: b("set"),
        frozenset: b("frozenset"),
        function: b("function"),
        builtin: b("builtin_function_or_method"),
        method: b("method"),
        module: b("module"),
        range: b("range"),
        iterator: b("iterator"),
        generator: b("generator"),
        coroutine: b("coroutine"),
        slice: b("slice"),
        property: b("property"),
        staticmethod: b("staticmethod"),
        classmethod: b("classmethod"),
        super_: b("super"),
        code: b("code"),
        bytes: b("bytes"),
        ellipsis: b("ellipsis"),
        notimpl: b("NotImplementedType"),
        cell: b("cell"),
        native: b("object"),
        dict_keys: b("dict_keys"),
        dict_values: b("dict_values"),
        dict_items: b("dict_items"),
        map: b("map"),
        filter: b("filter"),
        zip: b("zip"),
        enumerate: b("enumerate"),
        object,
        base_exception,
        exceptions,
    }
}

/// Registers native methods on a builtin type (done once, when the interpreter starts).
pub fn add_methods(cls: &Arc<Class>, methods: &[(&'static str, NativeFn)]) {
    let mut d = crate::value::lock(&cls.dict);
    for (name, f) in methods {
        d.set_str(crate::value::intern(name), Builtin::value(name, *f));
    }
}

pub fn exc_class(name: &str) -> Arc<Class> {
    let t = types();
    t.exceptions.get(name).cloned().unwrap_or_else(|| t.exceptions["RuntimeError"].clone())
}

/// A new exception instance of `cls` with `args`.
pub fn new_exception(cls: &Arc<Class>, args: Vec<Value>) -> Value {
    Value::Instance(Arc::new(Instance {
        class: cls.clone(),
        dict: crate::value::SpinLock::new(Dict::new()),
        exc: Some(Mutex::new(ExcData { args, ..Default::default() })),
        native: None,
    }))
}

/// `Raise` for the builtin exception `name` with a message.
pub fn err(name: &str, msg: impl Into<String>) -> Raise {
    Raise::Exc(new_exception(&exc_class(name), vec![Value::str(msg.into())]))
}

pub fn type_error(msg: impl Into<String>) -> Raise {
    err("TypeError", msg)
}
pub fn value_error(msg: impl Into<String>) -> Raise {
    err("ValueError", msg)
}

/// The class of any value.
/// The class of a value of the common builtin types, borrowed (`type_of` clones it).
#[inline]
pub fn builtin_type_ref(v: &Value) -> Option<&'static Arc<Class>> {
    let t = types();
    Some(match v {
        Value::Str(_) => &t.str_,
        Value::List(_) => &t.list,
        Value::Dict(_) => &t.dict,
        Value::Tuple(_) => &t.tuple,
        Value::Int(_) | Value::Big(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Set(s) if s.frozen => &t.frozenset,
        Value::Set(_) => &t.set,
        _ => return None,
    })
}

pub fn type_of(v: &Value) -> Arc<Class> {
    let t = types();
    match v {
        Value::Null | Value::None => t.none.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::Big(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::List(_) => t.list.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(s) => {
            if s.frozen {
                t.frozenset.clone()
            } else {
                t.set.clone()
            }
        }
        Value::Func(_) => t.function.clone(),
        Value::Builtin(_) => t.builtin.clone(),
        Value::Method(_) => t.method.clone(),
        Value::Class(_) => t.type_.clone(),
        Value::Instance(i) => i.class.clone(),
        Value::Module(_) => t.module.clone(),
        Value::Obj(o) => match &**o {
            Obj::Range { .. } => t.range.clone(),
            Obj::Lazy(l) => match &*crate::value::lock(l) {
                crate::iters::Lazy::Map { .. } => t.map.clone(),
                crate::iters::Lazy::Filter { .. } => t.filter.clone(),
                crate::iters::Lazy::Zip { .. } => t.zip.clone(),
                crate::iters::Lazy::Enumerate { .. } => t.enumerate.clone(),
                crate::iters::Lazy::Done => t.iterator.clone(),
            },
            Obj::RangeIter { .. } | Obj::SeqIter { .. } | Obj::VecIter { .. } => t.iterator.clone(),
            Obj::Generator(st, _) if crate::value::lock(st).coro => t.coroutine.clone(),
            Obj::Generator(..) => t.generator.clone(),
            Obj::Slice(..) => t.slice.clone(),
            Obj::Property { .. } => t.property.clone(),
            Obj::StaticMethod(_) => t.staticmethod.clone(),
            Obj::ClassMethod(_) => t.classmethod.clone(),
            Obj::Super { .. } => t.super_.clone(),
            Obj::Code(_) => t.code.clone(),
            Obj::Cell(_) => t.cell.clone(),
            Obj::Bytes(_) => t.bytes.clone(),
            Obj::Ellipsis => t.ellipsis.clone(),
            Obj::NotImplemented => t.notimpl.clone(),
            Obj::Native(n) => n.class(),
            Obj::DictView(_, 0) => t.dict_keys.clone(),
            Obj::DictView(_, 1) => t.dict_values.clone(),
            Obj::DictView(..) => t.dict_items.clone(),
        },
    }
}

pub fn type_name(v: &Value) -> String {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Native(n) => n.type_name().to_string(),
            Obj::RangeIter { .. } => "range_iterator".into(),
            Obj::SeqIter { seq: Value::List(_), .. } => "list_iterator".into(),
            Obj::SeqIter { seq: Value::Tuple(_), .. } => "tuple_iterator".into(),
            Obj::SeqIter { seq: Value::Str(_), .. } => "str_ascii_iterator".into(),
            Obj::Lazy(l) => crate::value::lock(l).name().to_string(),
            _ => type_of(v).name.clone(),
        },
        Value::Instance(i) => i.class.name.clone(),
        _ => type_of(v).name.clone(),
    }
}

pub fn isinstance(v: &Value, cls: &Arc<Class>) -> bool {
    type_of(v).is_subclass(cls)
}
