//! Modules: the native ones (`_thread`, `time`, `math`, `random`, `sys`, `os`), the ones written
//! in Python and embedded (`threading`, `queue`, `_pyhelpers`), and `import` itself.

pub mod collections;
pub mod math;
pub mod mp;
pub mod os;
pub mod random;
pub mod stdlib_names;
pub mod sys;
pub mod thread;
pub mod time;

use std::any::Any;
use std::sync::Arc;

use crate::types::{err, types};
use crate::value::{lock, Class, Module, NativeFn, Value};
use crate::vm::Vm;
use crate::R;

/// A native object of a module (a lock, a stream). Its methods live on its class.
pub trait NativeObj: Send + Sync {
    fn class(&self) -> Arc<Class>;
    fn type_name(&self) -> &'static str;
    fn repr(&self) -> String {
        format!("<{} object>", self.type_name())
    }
    fn truthy(&self) -> bool {
        true
    }
    fn as_any(&self) -> &dyn Any;
    fn getattr(&self, _vm: &mut Vm, _name: &str) -> R<Option<Value>> {
        Ok(None)
    }
    fn setattr(&self, _vm: &mut Vm, name: &str, _v: Value) -> R<()> {
        Err(err("AttributeError", format!("'{}' object has no attribute '{name}'", self.type_name())))
    }
    fn call(&self, _vm: &mut Vm, _args: &[Value], _kw: &[(Value, Value)]) -> R<Value> {
        Err(crate::types::type_error(format!("'{}' object is not callable", self.type_name())))
    }
    fn iter(&self, _vm: &mut Vm) -> R<Option<Value>> {
        Ok(None)
    }
    fn next(&self, _vm: &mut Vm) -> R<Option<Value>> {
        Ok(None)
    }
}

/// A class for native objects, with native methods.
pub fn native_class(name: &str, methods: &[(&'static str, NativeFn)]) -> Arc<Class> {
    let cls = crate::types::new_class(name, vec![types().object.clone()], crate::dict::Dict::new(), true);
    crate::types::add_methods(&cls, methods);
    cls
}

pub fn add_fns(m: &Module, fns: &[(&'static str, NativeFn)]) {
    for (name, f) in fns {
        m.dict.set_name(name, crate::value::Builtin::value(name, *f));
    }
}

// `lib_source(name)`: the Python sources under lib/, embedded by build.rs.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/lib_sources.rs"));
}
pub use embedded::lib_source;

/// The modules written in Rust (`native_module` builds each).
const NATIVE: &[&str] = &["_thread", "time", "math", "random", "sys", "os", "_mp", "_collections", "builtins"];

fn native_module(vm: &mut Vm, name: &str) -> Option<Arc<Module>> {
    let interp = vm.interp.clone();
    let m = interp.new_module(name);
    match name {
        "_thread" => thread::init(&m),
        "time" => time::init(&m),
        "math" => math::init(&m),
        "random" => random::init(vm, &m),
        "sys" => sys::init(vm, &m),
        "os" => os::init(vm, &m),
        "_mp" => mp::init(&m),
        "_collections" => collections::init(&m),
        "builtins" => return Some(Arc::new(Module { name: "builtins".into(), dict: interp.builtins.clone() })),
        _ => return None,
    }
    Some(m)
}

/// Where a module's code comes from, if it is not loaded yet.
enum Found {
    Ready(Value),
    Source(String, String),
}

fn find(vm: &mut Vm, name: &str) -> R<Found> {
    if let Some(m) = vm.interp.module(name) {
        return Ok(Found::Ready(m));
    }
    if let Some(m) = native_module(vm, name) {
        let v = Value::Module(m);
        lock(&vm.interp.modules).insert(name.to_string(), v.clone());
        return Ok(Found::Ready(v));
    }
    if let Some((src, package)) = lib_source(name) {
        let file = if package {
            format!("{}/__init__.py", name.replace('.', "/"))
        } else {
            format!("{}.py", name.replace('.', "/"))
        };
        return Ok(Found::Source(src.to_string(), format!("<playground>/{file}")));
    }
    if let Some(src) = vm.interp.host.read_module(name) {
        return Ok(Found::Source(src, format!("{name}.py")));
    }
    Err(missing(vm, name))
}

/// The error for a module found nowhere. A module of CPython's standard library that the playground
/// lacks is valid Python it does not run yet, so it says so (`NotImplementedError`) rather than look
/// like the learner's typo; any other name is CPython's `ModuleNotFoundError`. For `xml.etree` the
/// package the playground lacks is `xml`; a missing submodule of a package it has (`collections.abc`)
/// is named in full.
fn missing(vm: &Vm, name: &str) -> crate::Raise {
    let top = name.split('.').next().unwrap_or(name);
    let unsupported = if stdlib_names::is_stdlib(name) {
        Some(name)
    } else if top != name && stdlib_names::is_stdlib(top) && !provided(vm, top) {
        Some(top)
    } else {
        None
    };
    match unsupported {
        Some(m) => err("NotImplementedError", format!("the '{m}' module is not supported by the playground yet")),
        None => crate::Raise::Exc(crate::types::new_exception(
            &crate::types::exc_class("ModuleNotFoundError"),
            vec![Value::str(format!("No module named '{name}'"))],
        )),
    }
}

/// Whether the playground has the top-level module `name` (loaded, native or embedded).
fn provided(vm: &Vm, name: &str) -> bool {
    vm.interp.module(name).is_some() || lib_source(name).is_some() || NATIVE.contains(&name)
}

fn prepare(vm: &mut Vm, name: &str, src: &str, filename: &str) -> R<(Arc<crate::code::Code>, Arc<Module>)> {
    // A submodule needs its package first, and becomes an attribute of it.
    let parent = match name.rsplit_once('.') {
        Some((p, _)) => Some(vm.import_now(p)?),
        None => None,
    };
    lock(&vm.interp.sources).insert(filename.to_string(), src.into());
    let code = crate::compile(src, filename).map_err(|e| crate::traceback::syntax_error_value(&e, filename, src))?;
    let m = vm.interp.new_module(name);
    m.dict.set_name("__file__", Value::str(filename));
    lock(&vm.interp.modules).insert(name.to_string(), Value::Module(m.clone()));
    if let (Some(Value::Module(p)), Some((_, child))) = (parent, name.rsplit_once('.')) {
        p.dict.set_name(child, Value::Module(m.clone()));
    }
    Ok((code, m))
}

impl Vm {
    /// `import name` from bytecode: the module, or `None` when its body was pushed as a frame
    /// (its result, the module, arrives on the stack when the body returns).
    pub fn import(&mut self, name: &str) -> R<Option<Value>> {
        match find(self, name)? {
            Found::Ready(m) => Ok(Some(m)),
            Found::Source(src, filename) => {
                let (code, m) = prepare(self, name, &src, &filename)?;
                self.push_module_frame(code, m)?;
                Ok(None)
            }
        }
    }

    /// `import name` from native code (a nested run).
    pub fn import_now(&mut self, name: &str) -> R<Value> {
        match find(self, name)? {
            Found::Ready(m) => Ok(m),
            Found::Source(src, filename) => {
                let (code, m) = prepare(self, name, &src, &filename)?;
                self.nested += 1;
                let r = self.run_module_code(code, m);
                self.nested -= 1;
                r
            }
        }
    }
}
