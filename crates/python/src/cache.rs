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

use crate::value::{lock, PyDict, Str, Value};

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
}

impl Default for NameCache {
    fn default() -> Self {
        NameCache { slots: (0..SLOTS).map(|_| Slot::default()).collect() }
    }
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
