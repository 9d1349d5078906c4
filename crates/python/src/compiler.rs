//! The compiler: syntax tree to bytecode, one `Code` per module, function, class body and
//! comprehension. `finally` bodies are copied onto every way out of their `try` (return, break,
//! continue), as CPython 3.9+ does, so the VM needs no "pending return" state.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use crate::ast::*;
use crate::code::{Code, CodeKind, Op};
use crate::lexer::SyntaxError;
use crate::symtable::{self, Scope, ScopeKind};
use crate::value::{Str, Value};

type CResult<T> = Result<T, SyntaxError>;

pub fn compile_module(body: &[Stmt], filename: &str, name: &str) -> CResult<Arc<Code>> {
    compile_body(body, filename, name, false)
}

/// `exec()`'s code: a module body whose names go through the locals given (when there are any).
pub fn compile_exec(body: &[Stmt], filename: &str) -> CResult<Arc<Code>> {
    compile_body(body, filename, "<module>", true)
}

fn compile_body(body: &[Stmt], filename: &str, name: &str, dynamic_names: bool) -> CResult<Arc<Code>> {
    let scope = symtable::analyze_module(body);
    let filename: Arc<str> = filename.into();
    let mut c = FnCompiler::new(scope, CodeKind::Module, name, name.to_string(), filename, Vec::new(), 1);
    c.dynamic_names = dynamic_names;
    c.future_annotations = future_imports(body)?;
    c.body_prologue(body);
    c.stmts(body)?;
    c.emit(Op::LoadConst(0));
    c.emit(Op::Return);
    Ok(Arc::new(c.finish()))
}

/// The docstring of a body: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr { kind: ExprKind::Const(crate::ast::Const::Str(s)), .. })) => Some(s.clone()),
        _ => None,
    }
}

/// Whether a module or class body annotates a plain name (outside nested functions and classes).
fn annotates_names(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign(t, _, _) => matches!(t.kind, ExprKind::Name(_)),
        StmtKind::If(_, a, b) | StmtKind::While(_, a, b) | StmtKind::For(_, _, a, b) => {
            annotates_names(a) || annotates_names(b)
        }
        StmtKind::With(_, a) => annotates_names(a),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            annotates_names(body)
                || handlers.iter().any(|h| annotates_names(&h.body))
                || annotates_names(orelse)
                || annotates_names(finalbody)
        }
        _ => false,
    })
}

/// `eval()`'s code: the value of the one expression the source is.
pub fn compile_expression(body: &[Stmt], filename: &str) -> CResult<Arc<Code>> {
    let expr = match body {
        [Stmt { kind: StmtKind::Expr(e), .. }] => e,
        [] => return Err(SyntaxError::new("invalid syntax", 1, 0)),
        [s, ..] => return Err(SyntaxError::new("invalid syntax", s.line, 0)),
    };
    let scope = symtable::analyze_module(body);
    let filename: Arc<str> = filename.into();
    let mut c = FnCompiler::new(scope, CodeKind::Module, "<module>", "<module>".into(), filename, Vec::new(), 1);
    c.dynamic_names = true;
    c.expr(expr)?;
    c.emit(Op::Return);
    Ok(Arc::new(c.finish()))
}

enum FBlock {
    /// A `for` loop: its iterator is on the stack.
    For,
    While,
    /// Inside `try:` of a try/except (a handler block is set up).
    TryExcept,
    /// Inside `try:` of a try/finally: the body to copy on the way out.
    TryFinally(Vec<Stmt>),
    /// Inside an `except` handler (its exception-state block), with the bound name if any.
    Handler(Option<String>),
    /// Inside a `finally` run because of an exception: the exception is on the stack.
    FinallyHandler,
    /// Inside a `with` body: `__exit__` is on the stack.
    With,
}

struct Loop {
    start: usize,
    breaks: Vec<usize>,
    fdepth: usize,
}

enum Slot {
    Fast(u32),
    Deref(u32),
    Global,
    Name,
}

struct FnCompiler {
    code: Code,
    scope: Scope,
    slots: HashMap<String, u32>,
    cells: HashSet<String>,
    /// The names each enclosing function scope can share with nested ones.
    enclosing: Vec<HashSet<String>>,
    fblocks: Vec<FBlock>,
    loops: Vec<Loop>,
    line: u32,
    const_index: HashMap<String, u32>,
    name_index: HashMap<String, u32>,
    /// The free variables, in slot order (what `MakeFunction` passes as the closure).
    pub frees: Vec<String>,
    /// The enclosing class, for private name mangling (`self.__x` is `self._C__x`).
    class_name: Option<String>,
    /// `exec`/`eval` code: top-level names look in the given locals first (LoadName/StoreName).
    dynamic_names: bool,
    /// `from __future__ import annotations` (PEP 563): annotations are kept as their source text.
    future_annotations: bool,
    /// A comprehension inside an `async def` (where CPython allows `await`; the playground not yet).
    in_async: bool,
}

impl FnCompiler {
    fn new(
        scope: Scope,
        kind: CodeKind,
        name: &str,
        qualname: String,
        filename: Arc<str>,
        enclosing: Vec<HashSet<String>>,
        line: u32,
    ) -> FnCompiler {
        let mut c = FnCompiler {
            code: Code { name: name.into(), qualname, filename, kind, first_line: line, ..Code::default() },
            scope,
            slots: HashMap::new(),
            cells: HashSet::new(),
            enclosing,
            fblocks: Vec::new(),
            loops: Vec::new(),
            line,
            const_index: HashMap::new(),
            name_index: HashMap::new(),
            frees: Vec::new(),
            class_name: None,
            dynamic_names: false,
            future_annotations: false,
            in_async: false,
        };
        c.add_const(Value::None);
        if c.scope.kind == ScopeKind::Function {
            let locals: Vec<String> = c.scope.locals.iter().filter(|n| c.scope.is_local(n)).cloned().collect();
            for (i, n) in locals.iter().enumerate() {
                c.slots.insert(n.clone(), i as u32);
                c.code.local_names.push(Arc::new(Str::new(n.clone())));
                if c.scope.child_frees.contains(n) {
                    c.cells.insert(n.clone());
                }
            }
            c.code.nlocals = locals.len() as u32;
        }
        // Free variables: names needed from outside that an enclosing function defines.
        let mut frees: Vec<String> = c
            .scope
            .frees()
            .into_iter()
            .filter(|n| c.scope.kind != ScopeKind::Module && c.enclosing.iter().any(|s| s.contains(n)))
            .collect();
        crate::builtins::sort_with(&mut frees, |a, b| a < b);
        c.code.free_start = c.code.nlocals;
        for n in &frees {
            let slot = c.code.nlocals;
            c.slots.insert(n.clone(), slot);
            c.code.local_names.push(Arc::new(Str::new(n.clone())));
            c.code.nlocals += 1;
        }
        c.code.nfree = frees.len() as u32;
        c.frees = frees;
        c
    }

    fn finish(mut self) -> Code {
        if self.code.kind == CodeKind::Function && self.scope.has_yield {
            self.code.kind = CodeKind::Generator;
        }
        crate::code::fuse(&mut self.code.ops);
        self.code
    }

    /// What a module or class body does first: `__doc__` from its docstring, and an empty
    /// `__annotations__` when it annotates names (CPython's SETUP_ANNOTATIONS).
    fn body_prologue(&mut self, body: &[Stmt]) {
        if let Some(doc) = docstring(body) {
            self.load_const(Value::str(doc));
            self.store_name("__doc__");
        } else if self.code.kind == CodeKind::Class {
            self.load_const(Value::None);
            self.store_name("__doc__");
        }
        if annotates_names(body) {
            self.emit(Op::BuildMap(0));
            self.store_name("__annotations__");
        }
    }

    fn emit(&mut self, op: Op) -> usize {
        self.code.ops.push(op);
        self.code.lines.push(self.line);
        self.code.ops.len() - 1
    }
    fn here(&self) -> usize {
        self.code.ops.len()
    }
    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }
    fn patch_to(&mut self, at: usize, target: u32) {
        self.code.ops[at] = match self.code.ops[at] {
            Op::Jump(_) => Op::Jump(target),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
            Op::ForIter(_) => Op::ForIter(target),
            Op::Send(_) => Op::Send(target),
            Op::SetupExcept(_) => Op::SetupExcept(target),
            Op::SetupFinally(_) => Op::SetupFinally(target),
            Op::SetupWith(_) => Op::SetupWith(target),
            Op::WithSuppress(_) => Op::WithSuppress(target),
            other => other,
        };
    }

    fn add_const(&mut self, v: Value) -> u32 {
        let key = match &v {
            Value::None => Some("N".to_string()),
            Value::Int(i) => Some(format!("i{i}")),
            Value::Bool(b) => Some(format!("b{b}")),
            Value::Float(f) => Some(format!("f{}", f.to_bits())),
            Value::Str(s) => Some(format!("s{}", s.s)),
            Value::Tuple(_) => None,
            _ => None,
        };
        if let Some(k) = &key {
            if let Some(&i) = self.const_index.get(k) {
                return i;
            }
        }
        let i = self.code.consts.len() as u32;
        self.code.consts.push(v);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }
    /// Private names inside a class body are mangled, as CPython does.
    fn mangle<'a>(&self, n: &'a str) -> std::borrow::Cow<'a, str> {
        match &self.class_name {
            Some(c) if n.starts_with("__") && !n.ends_with("__") && !n.contains('.') => {
                let c = c.trim_start_matches('_');
                if c.is_empty() {
                    n.into()
                } else {
                    format!("_{c}{n}").into()
                }
            }
            _ => n.into(),
        }
    }

    fn attr_name(&mut self, n: &str) -> u32 {
        let m = self.mangle(n).into_owned();
        self.name(&m)
    }

    fn name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.name_index.get(n) {
            return i;
        }
        let i = self.code.names.len() as u32;
        self.code.names.push(crate::value::intern(n));
        self.name_index.insert(n.to_string(), i);
        i
    }
    fn load_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Op::LoadConst(i));
    }

    fn resolve(&self, n: &str) -> Slot {
        match self.scope.kind {
            ScopeKind::Module if self.dynamic_names && !self.scope.globals.contains(n) => Slot::Name,
            ScopeKind::Module => Slot::Global,
            ScopeKind::Class => {
                if self.scope.globals.contains(n) {
                    Slot::Global
                } else if let (false, Some(&s)) = (self.scope.locals.iter().any(|l| l == n), self.slots.get(n)) {
                    Slot::Deref(s)
                } else {
                    Slot::Name
                }
            }
            ScopeKind::Function => {
                if self.scope.globals.contains(n) {
                    return Slot::Global;
                }
                match self.slots.get(n) {
                    Some(&s) if self.cells.contains(n) || s >= self.code.free_start => Slot::Deref(s),
                    Some(&s) => Slot::Fast(s),
                    None => Slot::Global,
                }
            }
        }
    }

    fn load_name(&mut self, n: &str) {
        let op = match self.resolve(n) {
            Slot::Fast(s) => Op::LoadFast(s),
            Slot::Deref(s) => Op::LoadDeref(s),
            Slot::Global => Op::LoadGlobal(self.name(n)),
            Slot::Name => Op::LoadName(self.attr_name(n)),
        };
        self.emit(op);
    }
    fn store_name(&mut self, n: &str) {
        let op = match self.resolve(n) {
            Slot::Fast(s) => Op::StoreFast(s),
            Slot::Deref(s) => Op::StoreDeref(s),
            Slot::Global => Op::StoreGlobal(self.name(n)),
            Slot::Name => Op::StoreName(self.attr_name(n)),
        };
        self.emit(op);
    }
    fn delete_name(&mut self, n: &str) {
        let op = match self.resolve(n) {
            Slot::Fast(s) => Op::DeleteFast(s),
            Slot::Deref(_) => {
                Op::Unsupported(self.add_const(Value::str("deleting a variable used by a nested function")))
            }
            Slot::Global => Op::DeleteGlobal(self.name(n)),
            Slot::Name => Op::DeleteName(self.attr_name(n)),
        };
        self.emit(op);
    }

    // ------------------------------------------------------------ statements

    fn stmts(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.line = s.line;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Assign(targets, value) => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store(t)?;
                }
            }
            StmtKind::AugAssign(t, op, value) => self.aug_assign(t, *op, value)?,
            StmtKind::AnnAssign(t, ann, value) => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store(t)?;
                }
                // Module and class bodies evaluate annotations and keep those of plain names in
                // `__annotations__` (what dataclasses and NamedTuple read); functions do not.
                if matches!(self.code.kind, CodeKind::Module | CodeKind::Class) {
                    if self.future_annotations {
                        let Some(text) = unparse(ann) else {
                            let what = "this annotation under `from __future__ import annotations`";
                            return Err(SyntaxError::unsupported(what, ann.line, ann.col));
                        };
                        self.load_const(Value::str(text));
                    } else {
                        self.expr(ann)?;
                    }
                    match &t.kind {
                        ExprKind::Name(n) => {
                            self.load_name("__annotations__");
                            let name = self.mangle(n).into_owned();
                            self.load_const(Value::str(name));
                            self.emit(Op::StoreSubscr);
                        }
                        _ => {
                            self.emit(Op::Pop);
                        }
                    }
                }
            }
            StmtKind::If(test, body, orelse) => {
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch(jf);
                } else {
                    let je = self.emit(Op::Jump(0));
                    self.patch(jf);
                    self.stmts(orelse)?;
                    self.patch(je);
                }
            }
            StmtKind::While(test, body, orelse) => {
                let start = self.here();
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.loops.push(Loop { start, breaks: Vec::new(), fdepth: self.fblocks.len() });
                self.fblocks.push(FBlock::While);
                self.stmts(body)?;
                self.fblocks.pop();
                self.emit(Op::JumpBack(start as u32));
                let lp = self.loops.pop().unwrap_or(Loop { start, breaks: Vec::new(), fdepth: 0 });
                self.patch(jf);
                self.stmts(orelse)?;
                for b in lp.breaks {
                    self.patch(b);
                }
            }
            StmtKind::For(target, iter, body, orelse) => {
                self.expr(iter)?;
                self.emit(Op::GetIter);
                let start = self.here();
                let fi = self.emit(Op::ForIter(0));
                self.loops.push(Loop { start, breaks: Vec::new(), fdepth: self.fblocks.len() });
                self.fblocks.push(FBlock::For);
                self.store(target)?;
                self.stmts(body)?;
                self.fblocks.pop();
                self.line = s.line;
                self.emit(Op::JumpBack(start as u32));
                let lp = self.loops.pop().unwrap_or(Loop { start, breaks: Vec::new(), fdepth: 0 });
                self.patch(fi);
                self.stmts(orelse)?;
                for b in lp.breaks {
                    self.patch(b);
                }
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let Some(lp) = self.loops.last() else {
                    let what = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
                    return Err(SyntaxError::new(what, s.line, 0));
                };
                let (fdepth, start) = (lp.fdepth, lp.start);
                self.unwind_fblocks(fdepth + 1, false)?;
                if is_break {
                    if matches!(self.fblocks.get(fdepth), Some(FBlock::For)) {
                        self.emit(Op::Pop);
                    }
                    let j = self.emit(Op::Jump(0));
                    if let Some(lp) = self.loops.last_mut() {
                        lp.breaks.push(j);
                    }
                } else {
                    self.emit(Op::JumpBack(start as u32));
                }
            }
            StmtKind::Pass => {}
            StmtKind::Return(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_fblocks(0, true)?;
                self.emit(Op::Return);
            }
            StmtKind::Raise(exc, cause) => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                    n = 2;
                }
                self.emit(Op::Raise(n));
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::With(items, body) => self.with_stmt(items, body)?,
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.expr(d)?;
                }
                self.make_function(def)?;
                for _ in &def.decorators {
                    self.emit(Op::Call(1));
                }
                self.store_name(&def.name);
            }
            StmtKind::ClassDef { name, bases, body, decorators } => {
                self.line = s.line;
                for d in decorators {
                    self.expr(d)?;
                }
                self.class_def(name, bases, body, s.line)?;
                for _ in decorators {
                    self.emit(Op::Call(1));
                }
                self.store_name(name);
            }
            StmtKind::Import(names) => {
                for (dotted, alias) in names {
                    let i = self.name(dotted);
                    self.emit(Op::ImportName(i));
                    match alias {
                        Some(a) => self.store_name(a),
                        None => {
                            let top = dotted.split('.').next().unwrap_or("").to_string();
                            if top != *dotted {
                                self.emit(Op::Pop);
                                let t = self.name(&top);
                                self.emit(Op::ImportName(t));
                            }
                            self.store_name(&top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom(module, names) => {
                let i = self.name(module);
                self.emit(Op::ImportName(i));
                if names.len() == 1 && names[0].0 == "*" {
                    if self.scope.kind != ScopeKind::Module {
                        return Err(SyntaxError::new("import * only allowed at module level", s.line, 0));
                    }
                    self.emit(Op::ImportStar);
                    return Ok(());
                }
                for (n, alias) in names {
                    let i = self.name(n);
                    self.emit(Op::ImportFrom(i));
                    self.store_name(alias.as_ref().unwrap_or(n));
                }
                self.emit(Op::Pop);
            }
            StmtKind::Nonlocal(_) if self.scope.kind == ScopeKind::Module => {
                return Err(SyntaxError::new("nonlocal declaration not allowed at module level", s.line, 0));
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Assert(test, msg) => {
                self.expr(test)?;
                let j = self.emit(Op::PopJumpIfTrue(0));
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.patch(j);
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
        }
        Ok(())
    }

    /// Emits what leaving the blocks above `depth` needs (for return, break and continue).
    /// With `keep_tos`, a return value on top of the stack is kept above what gets popped.
    fn unwind_fblocks(&mut self, depth: usize, keep_tos: bool) -> CResult<()> {
        let mut i = self.fblocks.len();
        while i > depth {
            i -= 1;
            let block = std::mem::replace(&mut self.fblocks[i], FBlock::While);
            match &block {
                FBlock::For => {
                    if keep_tos {
                        self.emit(Op::Rot2);
                        self.emit(Op::Pop);
                    }
                }
                FBlock::While => {}
                FBlock::TryExcept => {
                    self.emit(Op::PopBlock);
                }
                FBlock::TryFinally(body) => {
                    self.emit(Op::PopBlock);
                    // The finally body runs outside its own block (so a `return` in it cannot loop).
                    let saved: Vec<FBlock> = self.fblocks.drain(i..).collect();
                    let body = body.clone();
                    let r = self.stmts(&body);
                    self.fblocks.extend(saved);
                    r?;
                }
                FBlock::Handler(name) => {
                    self.emit(Op::PopExcept);
                    if let Some(n) = name {
                        self.load_const(Value::None);
                        self.store_name(n);
                        self.delete_name(n);
                    }
                }
                FBlock::FinallyHandler => {
                    self.emit(Op::PopExcept);
                    if keep_tos {
                        self.emit(Op::Rot2);
                    }
                    self.emit(Op::Pop);
                }
                FBlock::With => {
                    self.emit(Op::PopBlock);
                    if keep_tos {
                        self.emit(Op::Rot2);
                    }
                    self.emit(Op::WithExit);
                    self.emit(Op::Pop);
                }
            }
            self.fblocks[i] = block;
        }
        Ok(())
    }

    fn try_stmt(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt], finalbody: &[Stmt]) -> CResult<()> {
        let line = self.line;
        let fin = if !finalbody.is_empty() {
            let f = self.emit(Op::SetupFinally(0));
            self.fblocks.push(FBlock::TryFinally(finalbody.to_vec()));
            Some(f)
        } else {
            None
        };
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            let setup = self.emit(Op::SetupExcept(0));
            self.fblocks.push(FBlock::TryExcept);
            self.stmts(body)?;
            self.fblocks.pop();
            self.emit(Op::PopBlock);
            self.stmts(orelse)?;
            let mut to_end = vec![self.emit(Op::Jump(0))];
            self.patch(setup);
            for h in handlers {
                self.line = h.line;
                let mut next = None;
                if let Some(t) = &h.typ {
                    self.emit(Op::Dup);
                    self.expr(t)?;
                    self.emit(Op::ExcMatch);
                    next = Some(self.emit(Op::PopJumpIfFalse(0)));
                }
                match &h.name {
                    Some(n) => self.store_name(n),
                    None => {
                        self.emit(Op::Pop);
                    }
                }
                self.fblocks.push(FBlock::Handler(h.name.clone()));
                self.stmts(&h.body)?;
                self.fblocks.pop();
                self.emit(Op::PopExcept);
                if let Some(n) = &h.name {
                    self.load_const(Value::None);
                    self.store_name(n);
                    self.delete_name(n);
                }
                to_end.push(self.emit(Op::Jump(0)));
                if let Some(j) = next {
                    self.patch(j);
                }
            }
            self.emit(Op::Reraise);
            for j in to_end {
                self.patch(j);
            }
        }
        if let Some(f) = fin {
            self.fblocks.pop();
            self.emit(Op::PopBlock);
            self.stmts(finalbody)?;
            let j = self.emit(Op::Jump(0));
            self.patch(f);
            self.line = line;
            self.fblocks.push(FBlock::FinallyHandler);
            self.stmts(finalbody)?;
            self.fblocks.pop();
            self.emit(Op::Reraise);
            self.patch(j);
        }
        Ok(())
    }

    fn with_stmt(&mut self, items: &[(Expr, Option<Expr>)], body: &[Stmt]) -> CResult<()> {
        let Some(((ctx, target), rest)) = items.split_first() else { return self.stmts(body) };
        self.expr(ctx)?;
        let setup = self.emit(Op::SetupWith(0));
        match target {
            Some(t) => self.store(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.fblocks.push(FBlock::With);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body)?;
        }
        self.fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::WithExit);
        self.emit(Op::Pop);
        let j = self.emit(Op::Jump(0));
        self.patch(setup);
        self.emit(Op::WithExcept);
        let ws = self.emit(Op::WithSuppress(0));
        self.patch(j);
        self.patch(ws);
        Ok(())
    }

    fn aug_assign(&mut self, t: &Expr, op: BinOp, value: &Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value)?;
                self.line = t.line;
                self.emit(Op::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute(obj, name) => {
                let i = self.attr_name(name);
                // `local.attr += v` loads the local twice rather than `Dup` it: nothing in `v`
                // can rebind a fast local, and both loads fuse with the attribute ops (see
                // `code::fuse`), which read and write the attribute with no reference counted.
                let local = match &obj.kind {
                    ExprKind::Name(n) => match self.resolve(n) {
                        Slot::Fast(s) => Some(s),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(s) = local {
                    self.emit(Op::LoadFast(s));
                    self.emit(Op::LoadAttr(i));
                    self.expr(value)?;
                    self.emit(Op::Inplace(op));
                    self.emit(Op::LoadFast(s));
                    self.emit(Op::StoreAttr(i));
                    return Ok(());
                }
                self.expr(obj)?;
                self.emit(Op::Dup);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::Dup2);
                self.emit(Op::Subscr);
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            _ => return Err(SyntaxError::new("illegal expression for augmented assignment", t.line, t.col)),
        }
        Ok(())
    }

    fn store(&mut self, t: &Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                let i = self.attr_name(name);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items.iter().position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        self.emit(Op::Unpack(items.len() as u32));
                    }
                    Some(p) => {
                        self.emit(Op::UnpackEx(p as u16, (items.len() - p - 1) as u16));
                    }
                }
                for i in items {
                    self.store(i)?;
                }
            }
            ExprKind::Starred(inner) => self.store(inner)?,
            _ => return Err(SyntaxError::new("cannot assign to expression", t.line, t.col)),
        }
        Ok(())
    }

    fn delete(&mut self, t: &Expr) -> CResult<()> {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                let i = self.attr_name(name);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(SyntaxError::new("cannot delete expression", t.line, t.col)),
        }
        Ok(())
    }

    // ------------------------------------------------------------ functions and classes

    fn enclosing_for_child(&self) -> Vec<HashSet<String>> {
        let mut enc = self.enclosing.clone();
        if self.scope.kind == ScopeKind::Function {
            enc.push(self.slots.keys().cloned().collect());
        }
        enc
    }

    fn qualname(&self, name: &str) -> String {
        match self.code.kind {
            CodeKind::Module => name.to_string(),
            CodeKind::Class => format!("{}.{name}", self.code.qualname),
            _ => format!("{}.<locals>.{name}", self.code.qualname),
        }
    }

    fn make_function(&mut self, def: &Rc<FuncDef>) -> CResult<()> {
        let p = &def.params;
        let mut flags = 0u8;
        let defaults: Vec<&Expr> = p.args.iter().filter_map(|a| a.default.as_ref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<&Param> = p.kwonly.iter().filter(|a| a.default.is_some()).collect();
        if !kwd.is_empty() {
            for a in &kwd {
                self.load_const(Value::str(a.name.clone()));
                if let Some(d) = &a.default {
                    self.expr(d)?;
                }
            }
            self.emit(Op::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        let scope = symtable::analyze_function(def);
        if def.is_async && scope.has_yield {
            return Err(SyntaxError::unsupported("async generators", def.line, 0));
        }
        let mut child = FnCompiler::new(
            scope,
            CodeKind::Function,
            &def.name,
            self.qualname(&def.name),
            self.code.filename.clone(),
            self.enclosing_for_child(),
            def.line,
        );
        child.class_name = self.class_name.clone();
        child.future_annotations = self.future_annotations;
        if def.is_async {
            child.code.kind = CodeKind::Coroutine;
        }
        child.code.argcount = p.args.len() as u32;
        child.code.posonly = p.posonly as u32;
        child.code.kwonly = p.kwonly.len() as u32;
        child.code.varargs = p.vararg.is_some();
        child.code.varkw = p.kwarg.is_some();
        let nparams = p.args.len() + p.kwonly.len() + p.vararg.is_some() as usize + p.kwarg.is_some() as usize;
        child.finish_params(nparams);
        child.code.doc = docstring(&def.body);
        child.stmts(&def.body)?;
        child.load_const(Value::None);
        child.emit(Op::Return);
        self.closure_and_make(child, flags)
    }

    fn closure_and_make(&mut self, child: FnCompiler, mut flags: u8) -> CResult<()> {
        let frees = child.frees.clone();
        let code = child.finish();
        if !frees.is_empty() {
            for n in &frees {
                match self.slots.get(n) {
                    Some(&s) => {
                        self.emit(Op::LoadCell(s));
                    }
                    None => return Err(SyntaxError::new(format!("no binding for nonlocal '{n}' found"), self.line, 0)),
                }
            }
            self.emit(Op::BuildTuple(frees.len() as u32));
            flags |= 4;
        }
        let ci = self.add_const(Value::obj(crate::value::Obj::Code(Arc::new(code))));
        self.emit(Op::LoadConst(ci));
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    fn finish_params(&mut self, nparams: usize) {
        let mut cell_params = Vec::new();
        let mut cell_locals = Vec::new();
        for (n, &s) in &self.slots {
            if self.cells.contains(n) && s < self.code.free_start {
                if (s as usize) < nparams {
                    cell_params.push(s);
                } else {
                    cell_locals.push(s);
                }
            }
        }
        crate::builtins::sort_with(&mut cell_params, |a, b| a < b);
        crate::builtins::sort_with(&mut cell_locals, |a, b| a < b);
        self.code.cell_params = cell_params;
        self.code.cell_locals = cell_locals;
        self.code.simple_args = !self.code.varargs
            && !self.code.varkw
            && self.code.kwonly == 0
            && self.code.cell_params.is_empty()
            && self.code.cell_locals.is_empty()
            && self.code.nfree == 0;
    }

    fn class_def(&mut self, name: &str, bases: &[Arg], body: &[Stmt], line: u32) -> CResult<()> {
        let scope = symtable::analyze_class(body);
        let mut child = FnCompiler::new(
            scope,
            CodeKind::Class,
            name,
            self.qualname(name),
            self.code.filename.clone(),
            self.enclosing_for_child(),
            line,
        );
        child.class_name = Some(name.to_string());
        child.future_annotations = self.future_annotations;
        child.finish_params(0);
        child.body_prologue(body);
        child.stmts(body)?;
        child.load_const(Value::None);
        child.emit(Op::Return);
        self.closure_and_make(child, 0)?;
        self.load_const(Value::str(name));
        let mut n = 0;
        for b in bases {
            match b {
                Arg::Pos(e) => {
                    self.expr(e)?;
                    n += 1;
                }
                Arg::Kw(k, e) if k == "metaclass" => {
                    return Err(SyntaxError::unsupported("metaclasses", e.line, e.col));
                }
                Arg::Kw(k, e) => {
                    return Err(SyntaxError::unsupported(&format!("class keyword '{k}='"), e.line, e.col));
                }
                Arg::Star(e) | Arg::StarStar(e) => {
                    return Err(SyntaxError::unsupported("starred class bases", e.line, e.col))
                }
            }
        }
        self.emit(Op::BuildClass(n));
        Ok(())
    }

    // ------------------------------------------------------------ expressions

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        let saved = self.line;
        self.line = e.line;
        let r = self.expr_inner(e);
        self.line = saved;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::NamedExpr(n, v) => {
                self.expr(v)?;
                self.emit(Op::Dup);
                self.store_name(n);
            }
            ExprKind::Const(c) => {
                let v = match c {
                    Const::None => Value::None,
                    Const::True => Value::Bool(true),
                    Const::False => Value::Bool(false),
                    Const::Ellipsis => Value::obj(crate::value::Obj::Ellipsis),
                    Const::Int(s) => crate::ops::parse_int_literal(s)
                        .ok_or_else(|| SyntaxError::new("invalid decimal literal", e.line, e.col))?,
                    Const::Float(f) => Value::Float(*f),
                    Const::Str(s) => Value::str(s.clone()),
                    Const::Bytes(s) => {
                        Value::obj(crate::value::Obj::Bytes(s.chars().map(|c| c as u32 as u8).collect()))
                    }
                };
                self.load_const(v);
            }
            ExprKind::BinOp(a, op, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.emit(Op::Binary(*op));
            }
            ExprKind::UnaryOp(op, a) => {
                self.expr(a)?;
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp(is_and, items) => {
                let mut jumps = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    self.expr(it)?;
                    if i + 1 < items.len() {
                        let op = if *is_and { Op::JumpIfFalseOrPop(0) } else { Op::JumpIfTrueOrPop(0) };
                        jumps.push(self.emit(op));
                    }
                }
                for j in jumps {
                    self.patch(j);
                }
            }
            ExprKind::Compare(first, rest) => {
                self.expr(first)?;
                if rest.len() == 1 {
                    self.expr(&rest[0].1)?;
                    self.emit(Op::Compare(rest[0].0));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, b)) in rest.iter().enumerate() {
                        self.expr(b)?;
                        if i + 1 < rest.len() {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.emit(Op::Compare(*op));
                            cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Op::Compare(*op));
                        }
                    }
                    let end = self.emit(Op::Jump(0));
                    for c in cleanups {
                        self.patch(c);
                    }
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    self.patch(end);
                }
            }
            ExprKind::Call(f, args) => self.call(f, args)?,
            ExprKind::Attribute(obj, name) => {
                self.expr(obj)?;
                let i = self.attr_name(name);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript(obj, idx) => {
                self.expr(obj)?;
                self.expr(idx)?;
                self.emit(Op::Subscr);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match c {
                    Some(c) => {
                        self.expr(c)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::List(items) => self.sequence(items, Op::BuildList(items.len() as u32), false)?,
            ExprKind::Tuple(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.sequence(items, Op::BuildList(0), false)?;
                    self.emit(Op::ListToTuple);
                } else {
                    self.sequence(items, Op::BuildTuple(items.len() as u32), false)?;
                }
            }
            ExprKind::Set(items) => self.sequence(items, Op::BuildSet(items.len() as u32), true)?,
            ExprKind::Dict(entries) => {
                if entries.iter().all(|(k, _)| k.is_some()) {
                    for (k, v) in entries {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Op::BuildMap(entries.len() as u32));
                } else {
                    self.emit(Op::BuildMap(0));
                    for (k, v) in entries {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(SyntaxError::new("can't use starred expression here", e.line, e.col));
            }
            ExprKind::IfExp(test, body, orelse) => {
                self.expr(test)?;
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.expr(body)?;
                let je = self.emit(Op::Jump(0));
                self.patch(jf);
                self.expr(orelse)?;
                self.patch(je);
            }
            ExprKind::Lambda(def) => self.make_function(def)?,
            ExprKind::Comp(kind, elt, val, gens) => self.comprehension(*kind, elt, val.as_deref(), gens, e.line)?,
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::Yield(v) => {
                self.check_yield(e)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Op::Yield);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e)?;
                self.expr(v)?;
                self.emit(Op::GetIter);
                self.delegate();
            }
            ExprKind::Await(v) => {
                self.check_await(e)?;
                self.expr(v)?;
                self.emit(Op::GetAwaitable);
                self.delegate();
            }
        }
        Ok(())
    }

    /// The loop of `yield from` and `await` over the iterator on the stack: values sent in and
    /// exceptions thrown in pass through to it (`Op::Send`); its return value is the result.
    fn delegate(&mut self) {
        self.load_const(Value::None);
        let start = self.here();
        let send = self.emit(Op::Send(0));
        self.emit(Op::Yield);
        self.emit(Op::JumpBack(start as u32));
        self.patch(send);
    }

    fn check_await(&self, e: &Expr) -> CResult<()> {
        if self.code.kind == CodeKind::Coroutine {
            return Ok(());
        }
        if self.in_async {
            return Err(SyntaxError::unsupported("await in a comprehension", e.line, e.col));
        }
        let msg = if self.scope.kind == ScopeKind::Function {
            "'await' outside async function"
        } else {
            "'await' outside function"
        };
        Err(SyntaxError::new(msg, e.line, e.col))
    }

    fn check_yield(&self, e: &Expr) -> CResult<()> {
        if self.scope.kind != ScopeKind::Function {
            return Err(SyntaxError::new("'yield' outside function", e.line, e.col));
        }
        Ok(())
    }

    fn sequence(&mut self, items: &[Expr], build: Op, set: bool) -> CResult<()> {
        if !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            for i in items {
                self.expr(i)?;
            }
            self.emit(build);
            return Ok(());
        }
        self.emit(if set { Op::BuildSet(0) } else { Op::BuildList(0) });
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if set { Op::SetUpdate(1) } else { Op::ListExtend(1) });
                }
                _ => {
                    self.expr(i)?;
                    self.emit(if set { Op::SetAdd(1) } else { Op::ListAppend(1) });
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, f: &Expr, args: &[Arg]) -> CResult<()> {
        let simple = args.iter().all(|a| matches!(a, Arg::Pos(_)));
        let plain = args.iter().all(|a| matches!(a, Arg::Pos(_) | Arg::Kw(..)));
        if simple {
            if let ExprKind::Attribute(obj, name) = &f.kind {
                self.expr(obj)?;
                let i = self.attr_name(name);
                self.emit(Op::LoadMethod(i));
                for a in args {
                    if let Arg::Pos(e) = a {
                        self.expr(e)?;
                    }
                }
                self.line = f.line;
                self.emit(Op::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(f)?;
        if plain {
            let mut names = Vec::new();
            for a in args {
                match a {
                    Arg::Pos(e) => self.expr(e)?,
                    Arg::Kw(n, e) => {
                        if names.iter().any(|m: &Value| m.as_str() == Some(n)) {
                            return Err(SyntaxError::new(format!("keyword argument repeated: {n}"), e.line, e.col));
                        }
                        names.push(Value::str(n.clone()));
                        self.expr(e)?;
                    }
                    _ => {}
                }
            }
            self.line = f.line;
            if names.is_empty() {
                self.emit(Op::Call(args.len() as u32));
            } else {
                let ci = self.add_const(Value::tuple(names));
                self.emit(Op::CallKw(args.len() as u16, ci as u16));
            }
            return Ok(());
        }
        self.emit(Op::BuildList(0));
        for a in args {
            match a {
                Arg::Pos(e) => {
                    self.expr(e)?;
                    self.emit(Op::ListAppend(1));
                }
                Arg::Star(e) => {
                    self.expr(e)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {}
            }
        }
        self.emit(Op::ListToTuple);
        let has_kw = args.iter().any(|a| matches!(a, Arg::Kw(..) | Arg::StarStar(_)));
        if has_kw {
            self.emit(Op::BuildMap(0));
            for a in args {
                match a {
                    Arg::Kw(n, e) => {
                        self.load_const(Value::str(n.clone()));
                        self.expr(e)?;
                        self.emit(Op::MapAdd(1));
                    }
                    Arg::StarStar(e) => {
                        self.expr(e)?;
                        self.emit(Op::DictUpdate(1));
                    }
                    _ => {}
                }
            }
        }
        self.line = f.line;
        self.emit(Op::CallEx(has_kw));
        Ok(())
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        val: Option<&Expr>,
        gens: &[Comprehension],
        line: u32,
    ) -> CResult<()> {
        let scope = symtable::analyze_comp(elt, val, gens, kind);
        // PEP 572's limits on `:=` in a comprehension, with CPython's messages.
        if let Some(n) = scope.comp_binds.iter().find(|n| gens.iter().any(|g| binds(&g.target, n))) {
            let msg = format!("assignment expression cannot rebind comprehension iteration variable '{n}'");
            return Err(SyntaxError::new(&msg, line, 0));
        }
        if !scope.comp_binds.is_empty() && self.scope.kind == ScopeKind::Class {
            let msg = "assignment expression within a comprehension cannot be used in a class body";
            return Err(SyntaxError::new(msg, line, 0));
        }
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let mut child = FnCompiler::new(
            scope,
            CodeKind::Function,
            name,
            self.qualname(name),
            self.code.filename.clone(),
            self.enclosing_for_child(),
            line,
        );
        child.line = line;
        child.class_name = self.class_name.clone();
        child.in_async = self.in_async || self.code.kind == CodeKind::Coroutine;
        child.code.argcount = 1;
        child.finish_params(1);
        match kind {
            CompKind::List => {
                child.emit(Op::BuildList(0));
            }
            CompKind::Set => {
                child.emit(Op::BuildSet(0));
            }
            CompKind::Dict => {
                child.emit(Op::BuildMap(0));
            }
            CompKind::Gen => {}
        }
        child.comp_loop(kind, elt, val, gens, 0)?;
        if kind == CompKind::Gen {
            child.load_const(Value::None);
        }
        child.emit(Op::Return);
        self.closure_and_make(child, 0)?;
        let first = &gens[0];
        self.expr(&first.iter)?;
        self.emit(Op::GetIter);
        self.emit(Op::Call(1));
        Ok(())
    }

    fn comp_loop(
        &mut self,
        kind: CompKind,
        elt: &Expr,
        val: Option<&Expr>,
        gens: &[Comprehension],
        i: usize,
    ) -> CResult<()> {
        let g = &gens[i];
        if i == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter);
        }
        let start = self.here();
        let fi = self.emit(Op::ForIter(0));
        self.store(&g.target)?;
        let mut skips = Vec::new();
        for c in &g.ifs {
            self.expr(c)?;
            skips.push(self.emit(Op::PopJumpIfFalse(0)));
        }
        if i + 1 < gens.len() {
            self.comp_loop(kind, elt, val, gens, i + 1)?;
        } else {
            let depth = (gens.len() + 1) as u32;
            match kind {
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend(depth));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = val {
                        self.expr(v)?;
                    }
                    self.emit(Op::MapAdd(depth));
                }
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(Op::Yield);
                    self.emit(Op::Pop);
                }
            }
        }
        for s in skips {
            self.patch(s);
        }
        self.emit(Op::JumpBack(start as u32));
        self.patch(fi);
        Ok(())
    }

    fn fstring(&mut self, parts: &[FPart]) -> CResult<()> {
        for p in parts {
            match p {
                FPart::Lit(s) => self.load_const(Value::str(s.clone())),
                FPart::Expr { expr, conv, spec } => {
                    self.expr(expr)?;
                    if let Some(sp) = spec {
                        self.fstring(sp)?;
                    }
                    let c = conv.map(|c| c as u8).unwrap_or(0);
                    self.emit(Op::FormatValue(c, spec.is_some()));
                }
            }
        }
        if parts.len() != 1 || matches!(parts[0], FPart::Lit(_)) {
            self.emit(Op::BuildString(parts.len() as u32));
        }
        Ok(())
    }
}

/// Whether an assignment target binds `name`.
fn binds(target: &Expr, name: &str) -> bool {
    match &target.kind {
        ExprKind::Name(n) => n == name,
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().any(|i| binds(i, name)),
        ExprKind::Starred(inner) => binds(inner, name),
        _ => false,
    }
}

/// Whether a module starts with `from __future__ import annotations`; a `__future__` import after
/// other statements is CPython's SyntaxError.
fn future_imports(body: &[Stmt]) -> CResult<bool> {
    let mut annotations = false;
    let mut at_start = true;
    for (i, st) in body.iter().enumerate() {
        match &st.kind {
            StmtKind::ImportFrom(m, names) if m == "__future__" => {
                if !at_start {
                    let msg = "from __future__ imports must occur at the beginning of the file";
                    return Err(SyntaxError::new(msg, st.line, 0));
                }
                annotations |= names.iter().any(|(n, _)| n == "annotations");
            }
            StmtKind::Expr(Expr { kind: ExprKind::Const(crate::ast::Const::Str(_)), .. }) if i == 0 => {}
            _ => at_start = false,
        }
    }
    Ok(annotations)
}

/// An annotation's text as `ast.unparse` writes it, for the forms annotations take (names,
/// attributes, subscripts, `X | Y`, lists, string and simple constants); `None` for the rest.
fn unparse(e: &Expr) -> Option<String> {
    use crate::ast::Const;
    Some(match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Attribute(o, a) => format!("{}.{a}", unparse(o)?),
        ExprKind::Subscript(o, i) => {
            let inner = match &i.kind {
                ExprKind::Tuple(items) if !items.is_empty() => {
                    items.iter().map(unparse).collect::<Option<Vec<_>>>()?.join(", ")
                }
                _ => unparse(i)?,
            };
            format!("{}[{inner}]", unparse(o)?)
        }
        ExprKind::BinOp(a, crate::ast::BinOp::BitOr, b) if !matches!(b.kind, ExprKind::BinOp(..)) => {
            format!("{} | {}", unparse(a)?, unparse(b)?)
        }
        ExprKind::List(items) => format!("[{}]", items.iter().map(unparse).collect::<Option<Vec<_>>>()?.join(", ")),
        ExprKind::Tuple(items) if items.len() > 1 => {
            format!("({})", items.iter().map(unparse).collect::<Option<Vec<_>>>()?.join(", "))
        }
        ExprKind::Const(c) => match c {
            Const::None => "None".into(),
            Const::True => "True".into(),
            Const::False => "False".into(),
            Const::Ellipsis => "...".into(),
            Const::Int(s) if s.bytes().all(|b| b.is_ascii_digit()) => s.clone(),
            Const::Str(s) if s.chars().all(|c| c != '\\' && c != '\'' && !c.is_control()) => format!("'{s}'"),
            _ => return None,
        },
        _ => return None,
    })
}
