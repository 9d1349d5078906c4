//! The lazy iterators of the builtins: map, filter, zip, enumerate.

use std::sync::Arc;

use crate::value::{lock, Obj, Value};
use crate::vm::Vm;
use crate::R;

pub enum Lazy {
    Map { f: Value, its: Vec<Value> },
    Filter { f: Value, it: Value },
    Zip { its: Vec<Value>, strict: bool },
    Enumerate { it: Value, n: i64 },
    Done,
}

impl Lazy {
    pub fn name(&self) -> &'static str {
        match self {
            Lazy::Map { .. } => "map",
            Lazy::Filter { .. } => "filter",
            Lazy::Zip { .. } => "zip",
            Lazy::Enumerate { .. } => "enumerate",
            Lazy::Done => "iterator",
        }
    }
}

/// Takes the next item; the iterator's state is copied out so no lock is held while Python runs.
pub fn lazy_next(vm: &mut Vm, o: &Arc<Obj>) -> R<Option<Value>> {
    let Obj::Lazy(m) = &**o else { return Ok(None) };
    let state = {
        let g = lock(m);
        match &*g {
            Lazy::Map { f, its } => Lazy::Map { f: f.clone(), its: its.clone() },
            Lazy::Filter { f, it } => Lazy::Filter { f: f.clone(), it: it.clone() },
            Lazy::Zip { its, strict } => Lazy::Zip { its: its.clone(), strict: *strict },
            Lazy::Enumerate { it, n } => Lazy::Enumerate { it: it.clone(), n: *n },
            Lazy::Done => Lazy::Done,
        }
    };
    match state {
        Lazy::Map { f, its } => {
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match vm.next_item(it)? {
                    Some(v) => args.push(v),
                    None => {
                        *lock(m) = Lazy::Done;
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.call(&f, args)?))
        }
        Lazy::Filter { f, it } => loop {
            let Some(v) = vm.next_item(&it)? else {
                *lock(m) = Lazy::Done;
                return Ok(None);
            };
            let keep = if f.is_none() {
                vm.truthy(&v)?
            } else {
                let r = vm.call(&f, vec![v.clone()])?;
                vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Lazy::Zip { its, strict } => {
            let mut items = Vec::with_capacity(its.len());
            for (k, it) in its.iter().enumerate() {
                match vm.next_item(it)? {
                    Some(v) => items.push(v),
                    None => {
                        *lock(m) = Lazy::Done;
                        if strict && k > 0 {
                            return Err(crate::types::value_error(format!(
                                "zip() argument {} is shorter than argument{} 1{}",
                                k + 1,
                                if k > 1 { "s" } else { "" },
                                if k > 1 { format!("-{k}") } else { String::new() }
                            )));
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(items)))
        }
        Lazy::Enumerate { it, n } => match vm.next_item(&it)? {
            Some(v) => {
                if let Lazy::Enumerate { n: c, .. } = &mut *lock(m) {
                    *c = n + 1;
                }
                Ok(Some(Value::tuple(vec![Value::Int(n), v])))
            }
            None => {
                *lock(m) = Lazy::Done;
                Ok(None)
            }
        },
        Lazy::Done => Ok(None),
    }
}
