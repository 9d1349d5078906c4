//! Python values: a 16-byte `Value` with small ints, floats, bools and None inline, and `Arc`ed
//! heap objects. Mutable objects guard their contents with their own lock, so that with the GIL off
//! threads can share anything without a Rust data race, as free-threaded CPython's per-object locks.

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, Weak};

use num_bigint::BigInt;

use crate::code::Code;
use crate::dict::{Dict, DictCell, DictGuard};

// `repr(C, u8)` puts every payload at offset 8 (a `bool` too), so a `Value` moves as a tag byte and
// one aligned word. With Rust's default layout `Bool`'s payload sat at offset 1 and LLVM copied
// values as overlapping unaligned words, which stalled on store forwarding in the stack's pushes
// and pops.
#[derive(Default)]
#[repr(C, u64)]
pub enum Value {
    /// Not a Python value: an unbound local, or the "no method" marker of `LoadMethod`.
    #[default]
    Null,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Big(Arc<BigInt>),
    Str(Arc<Str>),
    Tuple(Arc<Tuple>),
    List(Arc<List>),
    Dict(Arc<PyDict>),
    Set(Arc<Set>),
    Func(Arc<Function>),
    Builtin(BuiltinRef),
    Method(Arc<Method>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    Obj(Arc<Obj>),
}

// Written out rather than derived so that it inlines and copies a value as one 16-byte move. The
// derived clone was an out-of-line call whose result came back through memory in two halves; the
// next 16-byte read of it (a push, a pop) could not be forwarded from those stores and stalled, on
// every `LoadFast` and `LoadConst`.
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        // A heap object's clone is one more strong count on its `Arc`.
        match self {
            Value::Null | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {}
            Value::Big(a) => std::mem::forget(a.clone()),
            Value::Str(a) => std::mem::forget(a.clone()),
            Value::Tuple(a) => std::mem::forget(a.clone()),
            Value::List(a) => std::mem::forget(a.clone()),
            Value::Dict(a) => std::mem::forget(a.clone()),
            Value::Set(a) => std::mem::forget(a.clone()),
            Value::Func(a) => std::mem::forget(a.clone()),
            Value::Builtin(a) => std::mem::forget(a.clone()),
            Value::Method(a) => std::mem::forget(a.clone()),
            Value::Class(a) => std::mem::forget(a.clone()),
            Value::Instance(a) => std::mem::forget(a.clone()),
            Value::Module(a) => std::mem::forget(a.clone()),
            Value::Obj(a) => std::mem::forget(a.clone()),
        }
        // SAFETY: the inline variants own nothing, and for the others the count taken above is
        // the one the copy owns; so the bitwise copy is a second, independent owner.
        unsafe { std::ptr::read(self) }
    }
}

/// The lock of an object's small, hot state (an instance's attributes, a generator's frame).
/// Taking it is one atomic compare-and-swap and releasing it a plain release store, where
/// `std::sync::Mutex` releases with a second atomic read-modify-write: on this VM's hot paths
/// (an attribute read, a generator resumed per item) those atomics were most of the cost. Nothing
/// blocks, waits or runs Python code while holding one, so a waiter spins briefly, then yields.
pub struct SpinLock<T> {
    locked: AtomicBool,
    data: std::cell::UnsafeCell<T>,
}

// SAFETY: the data is only reached through a guard, and one guard exists at a time (the flag is
// taken with acquire ordering and released with release ordering), as with a mutex.
unsafe impl<T: Send> Send for SpinLock<T> {}
unsafe impl<T: Send> Sync for SpinLock<T> {}

impl<T> SpinLock<T> {
    pub const fn new(v: T) -> SpinLock<T> {
        SpinLock { locked: AtomicBool::new(false), data: std::cell::UnsafeCell::new(v) }
    }
    #[inline]
    pub fn lock(&self) -> SpinGuard<'_, T> {
        if self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            self.lock_slow();
        }
        SpinGuard { l: self }
    }
    #[cold]
    fn lock_slow(&self) {
        let mut spins = 0u32;
        loop {
            while self.locked.load(Ordering::Relaxed) {
                if spins < 100 {
                    spins += 1;
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
            }
            if self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok() {
                return;
            }
        }
    }
    pub fn get_mut(&mut self) -> &mut T {
        self.data.get_mut()
    }
    pub fn into_inner(self) -> T {
        self.data.into_inner()
    }
}

impl<T: Default> Default for SpinLock<T> {
    fn default() -> Self {
        SpinLock::new(T::default())
    }
}

pub struct SpinGuard<'a, T> {
    l: &'a SpinLock<T>,
}

impl<T> std::ops::Deref for SpinGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: this guard holds the lock (see `SpinLock`).
        unsafe { &*self.l.data.get() }
    }
}

impl<T> std::ops::DerefMut for SpinGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: this guard holds the lock (see `SpinLock`).
        unsafe { &mut *self.l.data.get() }
    }
}

impl<T> Drop for SpinGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.l.locked.store(false, Ordering::Release);
    }
}

impl<T> Lock for SpinLock<T> {
    type Guard<'a>
        = SpinGuard<'a, T>
    where
        T: 'a;
    #[inline]
    fn lock_guard(&self) -> SpinGuard<'_, T> {
        self.lock()
    }
}

/// Something `lock` locks: a mutex, or a dict's `DictCell`.
pub trait Lock {
    type Guard<'a>
    where
        Self: 'a;
    fn lock_guard(&self) -> Self::Guard<'_>;
}

impl<T> Lock for Mutex<T> {
    type Guard<'a>
        = MutexGuard<'a, T>
    where
        T: 'a;
    #[inline]
    fn lock_guard(&self) -> MutexGuard<'_, T> {
        self.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Lock for DictCell {
    type Guard<'a> = DictGuard<'a>;
    #[inline]
    fn lock_guard(&self) -> DictGuard<'_> {
        self.lock()
    }
}

/// Locks a mutex (or a dict); a poisoned lock (a panic elsewhere, itself a bug) still yields its data.
#[inline]
pub fn lock<L: Lock + ?Sized>(m: &L) -> L::Guard<'_> {
    m.lock_guard()
}

pub struct Str {
    pub s: String,
    hash: AtomicU64,
    pub ascii: bool,
}

impl Str {
    pub fn new(s: String) -> Str {
        let ascii = s.is_ascii();
        Str { s, hash: AtomicU64::new(0), ascii }
    }
    #[inline]
    pub fn hash(&self) -> u64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != 0 {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
    /// Appends in place (`s += t` on a string nothing else holds), keeping the ASCII flag and the
    /// hash true.
    pub fn append(&mut self, t: &str, t_ascii: bool) {
        self.s.push_str(t);
        self.ascii &= t_ascii;
        *self.hash.get_mut() = 0;
    }
    pub fn char_len(&self) -> usize {
        if self.ascii {
            self.s.len()
        } else {
            self.s.chars().count()
        }
    }
}

/// rustc's own Fx hash of the UTF-8 bytes, then never 0 (0 marks "not computed" in `Str`) and
/// never the reserved hash of -1. CPython randomises its string hashes per process, so no program's
/// output may depend on them; all a hash needs here is to be cheap and spread well.
pub fn str_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    (h.finish() >> 2).max(1)
}

/// One shared `Str` per distinct name in compiled code, so that names compare by pointer.
pub fn intern(s: &str) -> Arc<Str> {
    static TABLE: OnceLock<Mutex<std::collections::HashMap<String, Arc<Str>>>> = OnceLock::new();
    let mut t = lock(TABLE.get_or_init(Default::default));
    if let Some(v) = t.get(s) {
        return v.clone();
    }
    let v = Arc::new(Str::new(s.to_string()));
    t.insert(s.to_string(), v.clone());
    v
}

pub struct Tuple(pub Vec<Value>);

pub struct List {
    pub items: SpinLock<Vec<Value>>,
}

pub struct PyDict {
    pub d: DictCell,
}

pub struct Set {
    pub d: Mutex<Dict>,
    pub frozen: bool,
    /// CPython's slot layout, for the iteration order (see `settable`).
    pub t: Mutex<crate::settable::Table>,
}

impl Set {
    /// A set of the dict's keys, laid out as CPython adds them one by one in that order.
    pub fn new(d: Dict, frozen: bool) -> Set {
        let mut t = crate::settable::Table::default();
        for e in d.entries() {
            t.add(e.hash, e.key.clone());
        }
        Set { d: Mutex::new(d), frozen, t: Mutex::new(t) }
    }
    /// A set whose layout is given (copies and the results of set operations).
    pub fn with_table(t: crate::settable::Table, frozen: bool) -> Set {
        let mut d = Dict::with_capacity(t.len());
        for (h, k) in t.entries() {
            let _ = d.insert(h, k.clone(), Value::None, &mut |a, b| Ok(a.is(b)));
        }
        Set { d: Mutex::new(d), frozen, t: Mutex::new(t) }
    }
    pub fn keys(&self) -> Vec<Value> {
        lock(&self.t).keys()
    }
}

/// A function defined in Python.
pub struct Function {
    pub code: Arc<Code>,
    pub globals: Arc<PyDict>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Arc<Str>, Value)>,
    pub closure: Vec<Value>,
    pub qualname: String,
    /// The class whose body defined this function: what a zero-argument `super()` needs.
    pub owner: OnceLock<Weak<Class>>,
    pub dict: Mutex<Option<Dict>>,
}

pub type NativeFn = fn(&mut crate::vm::Vm, &[Value], &[(Value, Value)]) -> crate::R<Value>;

/// A function implemented in Rust, possibly bound to a first argument (a method of a builtin type).
pub struct Builtin {
    pub name: &'static str,
    pub f: NativeFn,
    pub bound: Option<Value>,
}

/// A Python function bound to its instance.
pub struct Method {
    pub func: Value,
    pub this: Value,
}

pub struct Class {
    pub name: String,
    pub qualname: String,
    pub module: String,
    pub bases: Vec<Arc<Class>>,
    /// The method resolution order, without the class itself (which comes first).
    pub mro: Vec<Arc<Class>>,
    pub dict: DictCell,
    /// The builtin type instances of this class are made of (`Object` for plain classes).
    pub base_kind: Kind,
    /// Whether some class on the MRO defines a data descriptor (a property), so attribute reads
    /// must look at the class before the instance.
    pub has_descriptors: AtomicBool,
    /// Whether a user-defined `__setattr__` / `__getattr__` is on the MRO (checked per access).
    pub has_setattr: AtomicBool,
    pub has_getattr: AtomicBool,
    pub builtin: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Object,
    Exception,
}

pub struct Instance {
    pub class: Arc<Class>,
    pub dict: SpinLock<Dict>,
    /// Exception state (args, traceback, cause, context) for instances of BaseException.
    pub exc: Option<Mutex<ExcData>>,
    /// For a subclass of a builtin type (`class Stack(list)`, `class Point(tuple)`): the builtin
    /// value the instance is made of, which the builtin type's methods and protocols act on.
    pub native: Option<Value>,
}

#[derive(Default, Clone)]
pub struct ExcData {
    pub args: Vec<Value>,
    pub traceback: Vec<TbEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

#[derive(Clone)]
pub struct TbEntry {
    pub filename: Arc<str>,
    pub line: u32,
    pub name: Arc<str>,
}

pub struct Module {
    pub name: String,
    pub dict: Arc<PyDict>,
}

/// The less common objects, behind one more enum so that `Value` stays 16 bytes.
pub enum Obj {
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    RangeIter {
        cur: AtomicI64,
        stop: i64,
        step: i64,
    },
    SeqIter {
        seq: Value,
        idx: AtomicUsize,
    },
    /// Iterates a snapshot (dict keys, set items, string chars...).
    VecIter {
        items: Vec<Value>,
        idx: AtomicUsize,
    },
    Generator(SpinLock<crate::gen::GenState>, Arc<str>),
    Slice(Value, Value, Value),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        class: Arc<Class>,
        this: Value,
    },
    Code(Arc<Code>),
    /// A closure cell: a variable shared between a function and the functions nested in it.
    Cell(Mutex<Value>),
    Bytes(Vec<u8>),
    Ellipsis,
    NotImplemented,
    /// A native object of a module (`_thread` locks, ...).
    Native(Box<dyn crate::modules::NativeObj>),
    /// `map(f, it)`, `filter(f, it)`, `zip(...)`, `enumerate(...)`, `reversed(...)`: lazy iterators.
    Lazy(Mutex<crate::iters::Lazy>),
    DictView(Arc<PyDict>, u8),
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

pub fn fresh_id() -> usize {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(Arc::new(Str::new(s.into())))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(Tuple(v)))
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Arc::new(List { items: SpinLock::new(v) }))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Arc::new(PyDict { d: DictCell::new(d) }))
    }
    pub fn obj(o: Obj) -> Value {
        Value::Obj(Arc::new(o))
    }
    pub fn from_bool(b: bool) -> Value {
        Value::Bool(b)
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// Whether the value holds a heap object (an `Arc` to count down when it goes).
    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        !matches!(self, Value::Null | Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_))
    }
    /// Drops the value, testing inline first whether it owns anything: the drop glue is an
    /// out-of-line call and an indirect jump on the tag, and on the VM's hot paths (a local
    /// overwritten, a popped int, a frame's locals) calling it for values that own nothing was a
    /// tenth of the attribute benchmark's time.
    #[inline(always)]
    pub fn discard(self) {
        if self.is_heap() {
            drop(self);
        } else {
            std::mem::forget(self);
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(&s.s),
            _ => None,
        }
    }

    /// Identity, as `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of a heap object, for identity and `id()`.
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::Big(a) => Arc::as_ptr(a) as usize,
            Value::Str(a) => Arc::as_ptr(a) as usize,
            Value::Tuple(a) => Arc::as_ptr(a) as usize,
            Value::List(a) => Arc::as_ptr(a) as usize,
            Value::Dict(a) => Arc::as_ptr(a) as usize,
            Value::Set(a) => Arc::as_ptr(a) as usize,
            Value::Func(a) => Arc::as_ptr(a) as usize,
            Value::Builtin(a) => Arc::as_ptr(a) as usize,
            Value::Method(a) => Arc::as_ptr(a) as usize,
            Value::Class(a) => Arc::as_ptr(a) as usize,
            Value::Instance(a) => Arc::as_ptr(a) as usize,
            Value::Module(a) => Arc::as_ptr(a) as usize,
            Value::Obj(a) => match &**a {
                Obj::Ellipsis => 1,
                Obj::NotImplemented => 2,
                _ => Arc::as_ptr(a) as usize,
            },
            _ => return None,
        })
    }
}

impl PyDict {
    pub fn new() -> Arc<PyDict> {
        Arc::new(PyDict { d: DictCell::new(Dict::new()) })
    }
    pub fn get_str(&self, key: &Arc<Str>) -> Option<Value> {
        lock(&self.d).get_str(key)
    }
    pub fn set_str(&self, key: &Arc<Str>, v: Value) {
        lock(&self.d).set_str(key.clone(), v)
    }
    pub fn get_name(&self, name: &str) -> Option<Value> {
        lock(&self.d).get_name(name)
    }
    pub fn set_name(&self, name: &str, v: Value) {
        lock(&self.d).set_str(intern(name), v)
    }
}

impl Class {
    /// Looks a name up on the class and its MRO.
    pub fn lookup(&self, name: &Arc<Str>) -> Option<Value> {
        if let Some(v) = lock(&self.dict).get_str(name) {
            return Some(v);
        }
        for c in &self.mro {
            if let Some(v) = lock(&c.dict).get_str(name) {
                return Some(v);
            }
        }
        None
    }
    pub fn lookup_name(&self, name: &str) -> Option<Value> {
        if let Some(v) = lock(&self.dict).get_name(name) {
            return Some(v);
        }
        for c in &self.mro {
            if let Some(v) = lock(&c.dict).get_name(name) {
                return Some(v);
            }
        }
        None
    }
    pub fn is_subclass(self: &Arc<Class>, other: &Arc<Class>) -> bool {
        Arc::ptr_eq(self, other) || self.mro.iter().any(|c| Arc::ptr_eq(c, other))
    }
    pub fn set_attr(&self, name: &str, v: Value) {
        lock(&self.dict).set_str(intern(name), v)
    }
}

impl Instance {
    pub fn exc(&self) -> Option<MutexGuard<'_, ExcData>> {
        self.exc.as_ref().map(lock)
    }
}

impl Builtin {
    /// An unbound builtin: the program-wide one for this name and function (see `BuiltinRef`).
    pub fn value(name: &'static str, f: NativeFn) -> Value {
        Value::Builtin(BuiltinRef::new(Builtin { name, f, bound: None }))
    }
}

/// How a `Value` holds a builtin function. An unbound one (`len`, `math.sqrt`, `list.append`) is
/// immortal, as CPython 3.12+ makes its static objects: interned once per program (by name and
/// function) and never freed, so copying or dropping one touches no counter. Counting it was the
/// cost that kept threads and processes from scaling: two cores calling `math.sqrt` in a loop
/// bounced the one cache line of its `Arc`'s count between them on every call (perf: three
/// quarters of the run in one `lock inc`). A bound one (`[].append`) owns its `self` and is
/// counted as usual.
pub struct BuiltinRef(std::mem::ManuallyDrop<Arc<Builtin>>);

impl BuiltinRef {
    pub fn new(b: Builtin) -> BuiltinRef {
        if b.bound.is_some() {
            return BuiltinRef(std::mem::ManuallyDrop::new(Arc::new(b)));
        }
        // Interning bounds the leak by the number of builtins in the binary, however many
        // interpreters (processes, runs) create their modules.
        static TABLE: OnceLock<Mutex<Vec<Arc<Builtin>>>> = OnceLock::new();
        let mut t = lock(TABLE.get_or_init(Default::default));
        let key = (b.name, b.f as usize);
        let a = match t.iter().find(|x| (x.name, x.f as usize) == key) {
            Some(a) => a.clone(),
            None => {
                let a = Arc::new(b);
                t.push(a.clone());
                a
            }
        };
        // The table keeps one count of every interned builtin forever, so what this handle holds
        // is never freed, whether or not it is counted.
        BuiltinRef(std::mem::ManuallyDrop::new(a))
    }
}

impl Clone for BuiltinRef {
    #[inline(always)]
    fn clone(&self) -> BuiltinRef {
        if self.0.bound.is_none() {
            // SAFETY: an unbound builtin is never freed (see `new`), so an uncounted copy of
            // the pointer stays valid; its drop does not count down either.
            unsafe { std::ptr::read(self) }
        } else {
            BuiltinRef(std::mem::ManuallyDrop::new(Arc::clone(&self.0)))
        }
    }
}

impl Drop for BuiltinRef {
    #[inline(always)]
    fn drop(&mut self) {
        if self.0.bound.is_some() {
            // SAFETY: a bound builtin's handle owns one count, taken in `new` or `clone`.
            unsafe { std::mem::ManuallyDrop::drop(&mut self.0) }
        }
    }
}

impl std::ops::Deref for BuiltinRef {
    type Target = Arc<Builtin>;
    #[inline(always)]
    fn deref(&self) -> &Arc<Builtin> {
        &self.0
    }
}
