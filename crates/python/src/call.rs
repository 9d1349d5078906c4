//! Binding a call's arguments to a Python function's parameters, with CPython's error messages.

use crate::types::type_error;
use crate::value::{Function, Tuple, Value};
use crate::vm::Vm;
use crate::R;

/// Returns the function's parameter slots (parameters only; the caller adds the other locals).
pub fn bind_args(vm: &mut Vm, func: &Function, args: Vec<Value>, kw: Option<&Tuple>) -> R<Vec<Value>> {
    let code = &func.code;
    let argc = code.argcount as usize;
    let kwonly = code.kwonly as usize;
    let nparams = argc + kwonly + code.varargs as usize + code.varkw as usize;
    let mut slots = vec![Value::Null; nparams];
    let nkw = kw.map(|k| k.0.len()).unwrap_or(0);
    let npos = args.len() - nkw;
    let mut args = args.into_iter();
    let pos: Vec<Value> = args.by_ref().take(npos).collect();
    let kwvals: Vec<Value> = args.collect();
    if pos.len() > argc && !code.varargs {
        let given = pos.len();
        let required = argc - func.defaults.len().min(argc);
        let takes = if func.defaults.is_empty() {
            format!("{argc} positional argument{}", if argc == 1 { "" } else { "s" })
        } else {
            format!("from {required} to {argc} positional arguments")
        };
        return Err(type_error(format!(
            "{}() takes {takes} but {given} {} given",
            display_name(func),
            if given == 1 { "was" } else { "were" }
        )));
    }
    let mut extra = Vec::new();
    for (i, v) in pos.into_iter().enumerate() {
        if i < argc {
            slots[i] = v;
        } else {
            extra.push(v);
        }
    }
    let varargs_slot = argc + kwonly;
    let varkw_slot = varargs_slot + code.varargs as usize;
    if code.varargs {
        slots[varargs_slot] = Value::tuple(extra);
    }
    let mut kwdict = crate::dict::Dict::new();
    if let Some(names) = kw {
        for (k, v) in names.0.iter().zip(kwvals) {
            let Value::Str(ks) = k else { continue };
            let idx = code.local_names[..argc + kwonly].iter().position(|n| n.s == ks.s);
            match idx {
                Some(i) if i >= code.posonly as usize => {
                    if !slots[i].is_null() {
                        return Err(type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            display_name(func),
                            ks.s
                        )));
                    }
                    slots[i] = v;
                }
                _ => {
                    if code.varkw {
                        kwdict.set_str(ks.clone(), v);
                    } else {
                        return Err(type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            display_name(func),
                            ks.s
                        )));
                    }
                }
            }
        }
    }
    if code.varkw {
        slots[varkw_slot] = Value::dict(kwdict);
    }
    // Defaults for the last positional parameters, then keyword-only defaults.
    let ndef = func.defaults.len();
    let mut missing = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(argc) {
        if slot.is_null() {
            if i + ndef >= argc {
                *slot = func.defaults[i + ndef - argc].clone();
            } else {
                missing.push(code.local_names[i].s.clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            display_name(func),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            quote_list(&missing)
        )));
    }
    let mut missing_kw = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(argc + kwonly).skip(argc) {
        if slot.is_null() {
            let pname = &code.local_names[i];
            match func.kwdefaults.iter().find(|(k, _)| k.s == pname.s) {
                Some((_, v)) => *slot = v.clone(),
                None => missing_kw.push(pname.s.clone()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            display_name(func),
            missing_kw.len(),
            if missing_kw.len() == 1 { "" } else { "s" },
            quote_list(&missing_kw)
        )));
    }
    let _ = vm;
    Ok(slots)
}

/// The name in the messages: `__qualname__` as dataclasses or a decorator set it, or the function's.
fn display_name(func: &Function) -> String {
    match crate::value::lock(&func.dict).as_ref().and_then(|d| d.get_name("__qualname__")) {
        Some(Value::Str(s)) => s.s.clone(),
        _ => func.qualname.clone(),
    }
}

fn quote_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
