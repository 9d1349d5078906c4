//! An insertion-ordered hash map keyed by Python values: the storage of dicts, sets, namespaces
//! and instance attributes. Entries live in a vector (so iteration follows insertion order, as a
//! Python dict's does) and a raw hash table maps hashes to their positions.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use hashbrown::HashTable;

use crate::value::{Str, Value};
use crate::R;

#[derive(Clone)]
pub struct Entry {
    pub hash: u64,
    pub key: Value,
    pub value: Value,
}

/// Up to this many entries (live or removed), a string key is found by walking them (`small_find`).
const SMALL: usize = 8;

#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    index: HashTable<u32>,
    len: usize,
}

/// Key equality that may need Python (`__eq__` of a user class); natives pass a closure.
pub type Eq<'a> = &'a mut dyn FnMut(&Value, &Value) -> R<bool>;

/// Equality of keys whose comparison needs no Python code; `None` when it would.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Str(x), Str(y)) => Arc::ptr_eq(x, y) || x.s == y.s,
        (Int(x), Int(y)) => x == y,
        (None, None) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (Big(x), Big(y)) => x == y,
        (Big(_), Int(_) | Float(_) | Bool(_)) | (Int(_) | Float(_) | Bool(_), Big(_)) => {
            return crate::ops::num_eq(a, b);
        }
        (Tuple(x), Tuple(y)) => {
            if x.0.len() != y.0.len() {
                return Some(false);
            }
            for (p, q) in x.0.iter().zip(&y.0) {
                if !p.is(q) && !native_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Instance(_), _) | (_, Instance(_)) => {
            if a.is(b) {
                return Some(true);
            }
            // Subclasses of builtin types without a Python __eq__ compare as their values.
            let (na, nb) =
                (crate::subclass::native_unless(a, &["__eq__"]), crate::subclass::native_unless(b, &["__eq__"]));
            if na.is_some() || nb.is_some() {
                return native_eq(na.as_ref().unwrap_or(a), nb.as_ref().unwrap_or(b));
            }
            return Option::None;
        }
        _ => {
            if a.is(b) {
                return Some(true);
            }
            // Objects of different builtin kinds are never equal; same-kind containers compare by value.
            if std::mem::discriminant(a) != std::mem::discriminant(b) {
                return Some(false);
            }
            return Option::None;
        }
    })
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn with_capacity(n: usize) -> Dict {
        Dict { entries: Vec::with_capacity(n), index: HashTable::with_capacity(n), len: 0 }
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn find(&self, hash: u64, key: &Value, eq: Eq) -> R<Option<usize>> {
        let mut err = None;
        let entries = &self.entries;
        let found = self.index.find(hash, |&i| {
            if err.is_some() {
                return false;
            }
            let e = &entries[i as usize];
            if e.hash != hash || e.key.is_null() {
                return false;
            }
            if e.key.is(key) {
                return true;
            }
            match native_eq(&e.key, key) {
                Some(b) => b,
                None => match eq(&e.key, key) {
                    Ok(b) => b,
                    Err(x) => {
                        err = Some(x);
                        false
                    }
                },
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        Ok(found.map(|&i| i as usize))
    }

    pub fn get(&self, hash: u64, key: &Value, eq: Eq) -> R<Option<Value>> {
        Ok(self.find(hash, key, eq)?.map(|i| self.entries[i].value.clone()))
    }

    pub fn contains(&self, hash: u64, key: &Value, eq: Eq) -> R<bool> {
        Ok(self.find(hash, key, eq)?.is_some())
    }

    pub fn insert(&mut self, hash: u64, key: Value, value: Value, eq: Eq) -> R<()> {
        if let Some(i) = self.find(hash, &key, eq)? {
            self.entries[i].value = value;
            return Ok(());
        }
        self.push_new(hash, key, value);
        Ok(())
    }

    fn push_new(&mut self, hash: u64, key: Value, value: Value) {
        let i = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.index.insert_unique(hash, i, |&j| entries[j as usize].hash);
        self.len += 1;
    }

    pub fn remove(&mut self, hash: u64, key: &Value, eq: Eq) -> R<Option<(Value, Value)>> {
        let Some(i) = self.find(hash, key, eq)? else { return Ok(None) };
        Ok(Some(self.remove_at(i)))
    }

    fn remove_at(&mut self, i: usize) -> (Value, Value) {
        let hash = self.entries[i].hash;
        if let Ok(e) = self.index.find_entry(hash, |&j| j as usize == i) {
            e.remove();
        }
        let e = &mut self.entries[i];
        let k = std::mem::take(&mut e.key);
        let v = std::mem::take(&mut e.value);
        self.len -= 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        (k, v)
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !e.key.is_null());
        let entries = &self.entries;
        let mut idx = HashTable::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            idx.insert_unique(e.hash, i as u32, |&j: &u32| entries[j as usize].hash);
        }
        self.index = idx;
    }

    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let r = self.remove_at(i);
        while self.entries.last().is_some_and(|e| e.key.is_null()) {
            self.entries.pop();
        }
        Some(r)
    }

    pub fn pop_first(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().position(|e| !e.key.is_null())?;
        Some(self.remove_at(i))
    }

    pub fn clear(&mut self) {
        *self = Dict::new();
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().filter(|e| !e.key.is_null()).map(|e| (&e.key, &e.value))
    }
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    // ---- String keys: namespaces and attributes, with no Python equality involved.

    /// The slot of a string key in a small dict (an instance's attributes), found by walking the
    /// entries: names in code are interned, so the pointer usually matches at once, and that walk
    /// was cheaper than the hash table's probe on every attribute read (perf: a fifth of the
    /// attribute benchmark). `None` means "not small", not "absent".
    #[inline(always)]
    fn small_find(&self, key: &Arc<Str>) -> Option<Option<usize>> {
        if self.entries.len() > SMALL {
            return None;
        }
        let hash = key.hash();
        Some(
            self.entries.iter().position(
                |e| matches!(&e.key, Value::Str(s) if Arc::ptr_eq(s, key) || (e.hash == hash && s.s == key.s)),
            ),
        )
    }

    #[inline]
    pub fn get_str(&self, key: &Arc<Str>) -> Option<Value> {
        if let Some(found) = self.small_find(key) {
            return found.map(|i| self.entries[i].value.clone());
        }
        let hash = key.hash();
        let entries = &self.entries;
        self.index
            .find(hash, |&i| {
                let e = &entries[i as usize];
                e.hash == hash && matches!(&e.key, Value::Str(s) if Arc::ptr_eq(s, key) || s.s == key.s)
            })
            .map(|&i| entries[i as usize].value.clone())
    }
    pub fn get_name(&self, name: &str) -> Option<Value> {
        let hash = crate::value::str_hash(name);
        let entries = &self.entries;
        self.index
            .find(hash, |&i| {
                let e = &entries[i as usize];
                e.hash == hash && matches!(&e.key, Value::Str(s) if s.s == name)
            })
            .map(|&i| entries[i as usize].value.clone())
    }
    #[inline]
    pub fn set_str(&mut self, key: Arc<Str>, value: Value) {
        let hash = key.hash();
        let entries = &self.entries;
        let found = self.index.find(hash, |&i| {
            let e = &entries[i as usize];
            e.hash == hash && matches!(&e.key, Value::Str(s) if Arc::ptr_eq(s, &key) || s.s == key.s)
        });
        match found {
            Some(&i) => self.entries[i as usize].value = value,
            None => self.push_new(hash, Value::Str(key), value),
        }
    }
    /// `set_str` for a key the caller keeps: the key's `Arc` is cloned only when it is new, so
    /// replacing an attribute's value writes no reference count on the shared name.
    #[inline]
    pub fn set_str_ref(&mut self, key: &Arc<Str>, value: Value) {
        if let Some(Some(i)) = self.small_find(key) {
            std::mem::replace(&mut self.entries[i].value, value).discard();
            return;
        }
        let hash = key.hash();
        let entries = &self.entries;
        let found = self.index.find(hash, |&i| {
            let e = &entries[i as usize];
            e.hash == hash && matches!(&e.key, Value::Str(s) if Arc::ptr_eq(s, key) || s.s == key.s)
        });
        match found {
            Some(&i) => self.entries[i as usize].value = value,
            None => self.push_new(hash, Value::Str(key.clone()), value),
        }
    }
    pub fn del_str(&mut self, key: &Arc<Str>) -> Option<Value> {
        let hash = key.hash();
        let entries = &self.entries;
        let found = self
            .index
            .find(hash, |&i| {
                let e = &entries[i as usize];
                e.hash == hash && matches!(&e.key, Value::Str(s) if s.s == key.s)
            })
            .copied();
        found.map(|i| self.remove_at(i as usize).1)
    }
}

/// A dict behind its lock, with a count of the changes made to it: a namespace (module globals,
/// builtins, a class) whose lookups a thread caches stays valid while the count stays the same,
/// so a cached `LoadGlobal` takes no lock (a lock is an atomic write to a line every thread that
/// reads the namespace shares).
pub struct DictCell {
    m: Mutex<Dict>,
    version: AtomicU64,
}

impl DictCell {
    pub fn new(d: Dict) -> DictCell {
        DictCell { m: Mutex::new(d), version: AtomicU64::new(0) }
    }
    /// How many times the contents were changed (a guard taken mutably counts as a change).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }
    pub fn lock(&self) -> DictGuard<'_> {
        DictGuard { g: self.m.lock().unwrap_or_else(|e| e.into_inner()), cell: self, changed: false }
    }
}

/// The contents of a `DictCell` while its lock is held; a mutable borrow marks a change, which
/// bumps the version before the lock is released.
pub struct DictGuard<'a> {
    g: MutexGuard<'a, Dict>,
    cell: &'a DictCell,
    changed: bool,
}

impl Deref for DictGuard<'_> {
    type Target = Dict;
    #[inline]
    fn deref(&self) -> &Dict {
        &self.g
    }
}

impl DerefMut for DictGuard<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut Dict {
        self.changed = true;
        &mut self.g
    }
}

impl Drop for DictGuard<'_> {
    fn drop(&mut self) {
        if self.changed {
            // Writers hold the lock, so a load and a store count without a race; the release
            // store is seen by a reader before any later change to the entries.
            let v = self.cell.version.load(Ordering::Relaxed);
            self.cell.version.store(v + 1, Ordering::Release);
        }
    }
}
