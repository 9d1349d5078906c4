//! Per-thread caches of name lookups in namespaces (module globals, builtins, a module's
//! attributes): a hit takes no lock and writes nothing other threads read.
//!
//! Looking a global up in its dict locks the dict, which is an atomic write to a cache line that
//! every thread of the program reading that namespace shares; with the GIL off, two threads
//! calling `math.sqrt` in a loop spent their time passing that line between cores. A namespace
//! changes rarely after its module ran, so each thread keeps what it found with the dict's change
//! count (`DictCell::version`) and trusts it while the count is the same, as CPython's inline
//! caches trust a dict's keys version.

use std::sync::Arc;

use crate::value::{lock, Class, PyDict, Str, Value};

/// Slots in a thread's cache (direct-mapped by dict and name: a collision only costs a lookup).
const SLOTS: usize = 512;

#[derive(Default)]
struct Slot {
    /// The `Arc`s keep the dict and the name alive, so their addresses identify them.
    dict: Option<Arc<PyDict>>,
    name: Option<Arc<Str>>,
    version: u64,
    /// What the lookup found, `Value::Null` when the name was absent.
    value: Value,
}

pub struct NameCache {
    slots: Vec<Slot>,
    classes: Vec<ClassSlot>,
    modules: Vec<ModSlot>,
}

impl Default for NameCache {
    fn default() -> Self {
        NameCache {
            slots: (0..SLOTS).map(|_| Slot::default()).collect(),
            classes: (0..CLASS_SLOTS).map(|_| ClassSlot::default()).collect(),
            modules: (0..MOD_SLOTS).map(|_| ModSlot::default()).collect(),
        }
    }
}

/// Slots of the cache of `module.attr` through a global (`math.sqrt`).
const MOD_SLOTS: usize = 128;

/// An attribute of a module that a global names: valid while neither the globals nor the
/// module's dict changed. The slot holds the module's dict, so its address stays its own.
#[derive(Default)]
struct ModSlot {
    globals: Option<Arc<PyDict>>,
    global: Option<Arc<Str>>,
    attr: Option<Arc<Str>>,
    globals_version: u64,
    module: Option<Arc<PyDict>>,
    module_version: u64,
    value: Value,
}

/// Slots of the class-attribute cache (direct-mapped by class and name, as `SLOTS`).
const CLASS_SLOTS: usize = 256;

/// How many dicts of a class's MRO a cached lookup may have looked at (the class's own first).
const CLASS_DEPTH: usize = 4;

/// A name looked up on a class and its MRO: valid while every dict looked at has the change count
/// it had, since the MRO itself never changes.
#[derive(Default)]
struct ClassSlot {
    class: Option<Arc<Class>>,
    name: Option<Arc<Str>>,
    versions: [u64; CLASS_DEPTH],
    depth: usize,
    value: Value,
}

impl NameCache {
    /// `name` in `dict`, or `Value::Null` when it is not there.
    #[inline]
    pub fn get(&mut self, dict: &Arc<PyDict>, name: &Arc<Str>) -> Value {
        let d = Arc::as_ptr(dict) as usize;
        let n = Arc::as_ptr(name) as usize;
        let i = ((d >> 4) ^ (n >> 4).wrapping_mul(0x9e37_79b9)) & (SLOTS - 1);
        let s = &self.slots[i];
        if s.version == dict.d.version()
            && s.dict.as_ref().is_some_and(|x| Arc::as_ptr(x) as usize == d)
            && s.name.as_ref().is_some_and(|x| Arc::as_ptr(x) as usize == n)
        {
            return s.value.clone();
        }
        self.fill(i, dict, name)
    }

    #[inline(never)]
    fn fill(&mut self, i: usize, dict: &Arc<PyDict>, name: &Arc<Str>) -> Value {
        let (version, value) = {
            let g = lock(&dict.d);
            // Writers change the version under this lock, so it belongs to what we read.
            (dict.d.version(), g.get_str(name).unwrap_or_default())
        };
        let s = &mut self.slots[i];
        if !s.dict.as_ref().is_some_and(|x| Arc::ptr_eq(x, dict)) {
            s.dict = Some(dict.clone());
        }
        if !s.name.as_ref().is_some_and(|x| Arc::ptr_eq(x, name)) {
            s.name = Some(name.clone());
        }
        s.version = version;
        s.value = value.clone();
        value
    }
}

impl NameCache {
    /// `Class::lookup` through the cache: what `name` is on the class or the first class of its
    /// MRO that has it, `None` when none does. A method call on an instance looks its method up
    /// here, with no lock taken when the classes did not change.
    #[inline]
    pub fn class_get(&mut self, cls: &Arc<Class>, name: &Arc<Str>) -> Option<Value> {
        let c = Arc::as_ptr(cls) as usize;
        let n = Arc::as_ptr(name) as usize;
        let i = ((c >> 4) ^ (n >> 4).wrapping_mul(0x9e37_79b9)) & (CLASS_SLOTS - 1);
        let s = &self.classes[i];
        if s.class.as_ref().is_some_and(|x| Arc::as_ptr(x) as usize == c)
            && s.name.as_ref().is_some_and(|x| Arc::as_ptr(x) as usize == n)
            && s.depth > 0
            && s.versions[0] == cls.dict.version()
            && (1..s.depth).all(|k| s.versions[k] == cls.mro[k - 1].dict.version())
        {
            return if s.value.is_null() { None } else { Some(s.value.clone()) };
        }
        self.class_fill(i, cls, name)
    }

    #[inline(never)]
    fn class_fill(&mut self, i: usize, cls: &Arc<Class>, name: &Arc<Str>) -> Option<Value> {
        let mut versions = [0; CLASS_DEPTH];
        let mut found = None;
        let mut depth = 0;
        for c in std::iter::once(cls).chain(cls.mro.iter()) {
            let g = lock(&c.dict);
            // Writers change the version under this lock, so it belongs to what we read.
            if depth < CLASS_DEPTH {
                versions[depth] = c.dict.version();
            }
            depth += 1;
            if let Some(v) = g.get_str(name) {
                found = Some(v);
                break;
            }
        }
        let s = &mut self.classes[i];
        if depth > CLASS_DEPTH {
            // Too deep to cache: the slot is left as it was.
            return found;
        }
        if !s.class.as_ref().is_some_and(|x| Arc::ptr_eq(x, cls)) {
            s.class = Some(cls.clone());
        }
        if !s.name.as_ref().is_some_and(|x| Arc::ptr_eq(x, name)) {
            s.name = Some(name.clone());
        }
        s.versions = versions;
        s.depth = depth;
        s.value = found.clone().unwrap_or_default();
        found
    }
}

impl NameCache {
    /// `global.attr` when the global `global` (in `globals`, not builtins) is a module that has
    /// `attr`; `None` otherwise (the caller then looks it up step by step). A hit clones only the
    /// attribute, not the module as well.
    #[inline]
    pub fn module_attr(&mut self, globals: &Arc<PyDict>, global: &Arc<Str>, attr: &Arc<Str>) -> Option<Value> {
        let g = Arc::as_ptr(globals) as usize;
        let n = Arc::as_ptr(global) as usize ^ Arc::as_ptr(attr) as usize;
        let i = ((g >> 4) ^ (n >> 4).wrapping_mul(0x9e37_79b9)) & (MOD_SLOTS - 1);
        let s = &self.modules[i];
        if s.globals_version == globals.d.version()
            && s.globals.as_ref().is_some_and(|x| Arc::as_ptr(x) as usize == g)
            && s.global.as_ref().is_some_and(|x| Arc::ptr_eq(x, global))
            && s.attr.as_ref().is_some_and(|x| Arc::ptr_eq(x, attr))
            && s.module.as_ref().is_some_and(|m| m.d.version() == s.module_version)
        {
            return Some(s.value.clone());
        }
        self.module_fill(i, globals, global, attr)
    }

    #[inline(never)]
    fn module_fill(&mut self, i: usize, globals: &Arc<PyDict>, global: &Arc<Str>, attr: &Arc<Str>) -> Option<Value> {
        let (globals_version, found) = {
            let g = lock(&globals.d);
            (globals.d.version(), g.get_str(global))
        };
        let Some(Value::Module(m)) = found else { return None };
        let (module_version, value) = {
            let g = lock(&m.dict.d);
            (m.dict.d.version(), g.get_str(attr)?)
        };
        let s = &mut self.modules[i];
        s.globals = Some(globals.clone());
        s.global = Some(global.clone());
        s.attr = Some(attr.clone());
        s.globals_version = globals_version;
        s.module = Some(m.dict.clone());
        s.module_version = module_version;
        s.value = value.clone();
        Some(value)
    }
}
