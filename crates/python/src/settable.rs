//! The slot layout of CPython's set hash table (`Objects/setobject.c`), kept beside each set's
//! own storage so that sets iterate (and print, and `pop`) in CPython's order: `{3, 1, 2}` prints
//! `{1, 2, 3}`, and a set built by `union` from one with deleted entries is laid out as CPython's.
//! Membership is the set's `Dict`; this is only the order.

use crate::value::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Key(u64, Value),
}

#[derive(Clone)]
pub struct Table {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for Table {
    fn default() -> Self {
        Table { slots: vec![Slot::Empty; 8], fill: 0, used: 0, finger: 0 }
    }
}

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_add_entry`: the key is known not to be present (the caller's dict said so).
    pub fn add(&mut self, hash: u64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.slots[i + j] {
                    Slot::Empty => {
                        self.used += 1;
                        if let Some(f) = freeslot {
                            self.slots[f] = Slot::Key(hash, key);
                            return;
                        }
                        self.fill += 1;
                        self.slots[i + j] = Slot::Key(hash, key);
                        if self.fill * 5 >= mask * 3 {
                            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
                        }
                        return;
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(i + j);
                        }
                    }
                    Slot::Key(..) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn insert_clean(slots: &mut [Slot], hash: u64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash;
        let mut i = (hash as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Key(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(slots[i + j], Slot::Empty) {
                        slots[i + j] = Slot::Key(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = 8;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Key(h, k) = s {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
    }

    /// `set_discard_entry` for a key known to be present (compared by identity with the stored one).
    pub fn discard(&mut self, hash: u64, key: &Value) {
        for s in self.slots.iter_mut() {
            if let Slot::Key(h, k) = s {
                if *h == hash && k.is(key) {
                    *s = Slot::Dummy;
                    self.used -= 1;
                    return;
                }
            }
        }
    }

    /// `set.pop()`'s choice: the first active slot from the finger on.
    pub fn pop(&mut self) -> Option<(u64, Value)> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        let mut i = self.finger & (n - 1);
        loop {
            if let Slot::Key(..) = self.slots[i] {
                break;
            }
            i = (i + 1) % n;
        }
        let Slot::Key(h, k) = std::mem::replace(&mut self.slots[i], Slot::Dummy) else { return None };
        self.used -= 1;
        self.finger = i + 1;
        Some((h, k))
    }

    /// `set_merge(self, other)`: what copy, `set(a_set)`, union and update from a set do.
    pub fn merge(&mut self, other: &Table) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            for (i, s) in other.slots.iter().enumerate() {
                if let Slot::Key(..) = s {
                    self.slots[i] = s.clone();
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in &other.slots {
                if let Slot::Key(h, k) = s {
                    Self::insert_clean(&mut self.slots, *h, k.clone());
                }
            }
            return;
        }
        for s in &other.slots {
            if let Slot::Key(h, k) = s {
                if !self.contains(*h, k) {
                    self.add(*h, k.clone());
                }
            }
        }
    }

    /// Membership by identity or native equality (the set's dict does the real lookups).
    pub fn contains(&self, hash: u64, key: &Value) -> bool {
        self.slots.iter().any(|s| match s {
            Slot::Key(h, k) => *h == hash && (k.is(key) || crate::dict::native_eq(k, key).unwrap_or(false)),
            _ => false,
        })
    }

    /// The stored key equal to `key`, if any.
    pub fn find(&self, hash: u64, key: &Value) -> Option<Value> {
        self.entries()
            .find(|(h, k)| *h == hash && (k.is(key) || crate::dict::native_eq(k, key).unwrap_or(false)))
            .map(|(_, k)| k.clone())
    }

    pub fn entries(&self) -> impl Iterator<Item = (u64, &Value)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Key(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().map(|(_, k)| k.clone()).collect()
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
}
