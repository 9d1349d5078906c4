//! Scope analysis: which names of a function are fast locals, cells, free variables or globals.
//!
//! Python decides this statically: a name assigned anywhere in a function is local to it (unless
//! declared `global`/`nonlocal`), and a nested function that reads it shares it through a cell.
//! Comprehensions, generator expressions and lambdas are functions of their own, as in Python 3.

use std::collections::HashSet;

use crate::ast::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// Parameters first, then other assigned names, in order of appearance.
    pub locals: Vec<String>,
    local_set: HashSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub used: HashSet<String>,
    /// Names that nested scopes need from outside themselves.
    pub child_frees: HashSet<String>,
    pub has_yield: bool,
    pub uses_super: bool,
    /// A comprehension's scope: its `:=` targets belong to the enclosing function or module.
    is_comp: bool,
    /// Names a comprehension (or one nested in it) binds with `:=`, for the enclosing scope.
    pub comp_binds: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind) -> Scope {
        Scope {
            kind,
            locals: Vec::new(),
            local_set: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            used: HashSet::new(),
            child_frees: HashSet::new(),
            has_yield: false,
            uses_super: false,
            is_comp: false,
            comp_binds: Vec::new(),
        }
    }
    fn assign(&mut self, name: &str) {
        if self.local_set.insert(name.to_string()) {
            self.locals.push(name.to_string());
        }
    }
    pub fn is_local(&self, name: &str) -> bool {
        self.local_set.contains(name) && !self.globals.contains(name) && !self.nonlocals.contains(name)
    }
    /// Names this scope needs from enclosing scopes (before knowing whether they are global).
    pub fn frees(&self) -> HashSet<String> {
        let mut out = HashSet::new();
        for n in self.used.iter().chain(&self.child_frees) {
            if self.kind == ScopeKind::Class {
                // A class body's own names are not visible to its methods: pass their needs through.
                if (self.child_frees.contains(n) || !self.local_set.contains(n)) && !self.globals.contains(n) {
                    out.insert(n.clone());
                }
                continue;
            }
            if !self.is_local(n) && !self.globals.contains(n) {
                out.insert(n.clone());
            }
        }
        for n in &self.nonlocals {
            out.insert(n.clone());
        }
        out
    }
}

pub fn analyze_function(def: &FuncDef) -> Scope {
    let mut s = Scope::new(ScopeKind::Function);
    let p = &def.params;
    for a in &p.args {
        s.assign(&a.name);
    }
    for a in &p.kwonly {
        s.assign(&a.name);
    }
    if let Some(v) = &p.vararg {
        s.assign(v);
    }
    if let Some(k) = &p.kwarg {
        s.assign(k);
    }
    stmts(&mut s, &def.body);
    s
}

pub fn analyze_class(body: &[Stmt]) -> Scope {
    let mut s = Scope::new(ScopeKind::Class);
    stmts(&mut s, body);
    s
}

pub fn analyze_module(body: &[Stmt]) -> Scope {
    let mut s = Scope::new(ScopeKind::Module);
    stmts(&mut s, body);
    s
}

/// A comprehension's scope: its parameter `.0` is the first iterator, evaluated outside.
pub fn analyze_comp(elt: &Expr, val: Option<&Expr>, gens: &[Comprehension], kind: CompKind) -> Scope {
    let mut s = Scope::new(ScopeKind::Function);
    s.is_comp = true;
    s.assign(".0");
    for (i, g) in gens.iter().enumerate() {
        if i > 0 {
            expr(&mut s, &g.iter);
        }
        target(&mut s, &g.target);
        for c in &g.ifs {
            expr(&mut s, c);
        }
    }
    expr(&mut s, elt);
    if let Some(v) = val {
        expr(&mut s, v);
    }
    if kind == CompKind::Gen {
        s.has_yield = true;
    }
    s
}

fn stmts(s: &mut Scope, body: &[Stmt]) {
    for st in body {
        stmt(s, st);
    }
}

fn stmt(s: &mut Scope, st: &Stmt) {
    match &st.kind {
        StmtKind::Expr(e) => expr(s, e),
        StmtKind::Assign(targets, v) => {
            expr(s, v);
            for t in targets {
                target(s, t);
            }
        }
        StmtKind::AugAssign(t, _, v) => {
            expr(s, v);
            expr(s, t);
            target(s, t);
        }
        StmtKind::AnnAssign(t, ann, v) => {
            expr(s, ann);
            if let Some(v) = v {
                expr(s, v);
                target(s, t);
            } else if let ExprKind::Name(n) = &t.kind {
                // A bare annotation still makes the name local.
                s.assign(n);
            }
        }
        StmtKind::If(t, a, b) | StmtKind::While(t, a, b) => {
            expr(s, t);
            stmts(s, a);
            stmts(s, b);
        }
        StmtKind::For(t, it, a, b) => {
            expr(s, it);
            target(s, t);
            stmts(s, a);
            stmts(s, b);
        }
        StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
        StmtKind::Return(v) => {
            if let Some(v) = v {
                expr(s, v)
            }
        }
        StmtKind::Raise(a, b) => {
            for e in a.iter().chain(b.iter()) {
                expr(s, e);
            }
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            stmts(s, body);
            for h in handlers {
                if let Some(t) = &h.typ {
                    expr(s, t);
                }
                if let Some(n) = &h.name {
                    s.assign(n);
                }
                stmts(s, &h.body);
            }
            stmts(s, orelse);
            stmts(s, finalbody);
        }
        StmtKind::With(items, body) => {
            for (c, t) in items {
                expr(s, c);
                if let Some(t) = t {
                    target(s, t);
                }
            }
            stmts(s, body);
        }
        StmtKind::FunctionDef(def) => {
            for d in &def.decorators {
                expr(s, d);
            }
            defaults(s, &def.params);
            s.assign(&def.name);
            let child = analyze_function(def);
            s.child_frees.extend(child.frees());
        }
        StmtKind::ClassDef { name, bases, body, decorators } => {
            for d in decorators {
                expr(s, d);
            }
            for b in bases {
                arg(s, b);
            }
            s.assign(name);
            let child = analyze_class(body);
            s.child_frees.extend(child.frees());
        }
        StmtKind::Import(names) => {
            for (dotted, alias) in names {
                let n = alias.clone().unwrap_or_else(|| dotted.split('.').next().unwrap_or("").to_string());
                s.assign(&n);
            }
        }
        StmtKind::ImportFrom(_, names) => {
            for (n, alias) in names {
                if n != "*" {
                    s.assign(alias.as_ref().unwrap_or(n));
                }
            }
        }
        StmtKind::Global(names) => {
            for n in names {
                s.globals.insert(n.clone());
            }
        }
        StmtKind::Nonlocal(names) => {
            for n in names {
                s.nonlocals.insert(n.clone());
            }
        }
        StmtKind::Assert(t, m) => {
            expr(s, t);
            if let Some(m) = m {
                expr(s, m)
            }
        }
        StmtKind::Del(ts) => {
            for t in ts {
                target(s, t);
                expr(s, t);
            }
        }
    }
}

fn defaults(s: &mut Scope, p: &Params) {
    for a in p.args.iter().chain(&p.kwonly) {
        if let Some(d) = &a.default {
            expr(s, d);
        }
    }
}

fn arg(s: &mut Scope, a: &Arg) {
    match a {
        Arg::Pos(e) | Arg::Star(e) | Arg::Kw(_, e) | Arg::StarStar(e) => expr(s, e),
    }
}

fn target(s: &mut Scope, t: &Expr) {
    match &t.kind {
        ExprKind::Name(n) => s.assign(n),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                target(s, i);
            }
        }
        ExprKind::Starred(inner) => target(s, inner),
        ExprKind::Attribute(o, _) => expr(s, o),
        ExprKind::Subscript(o, i) => {
            expr(s, o);
            expr(s, i);
        }
        _ => {}
    }
}

fn expr(s: &mut Scope, e: &Expr) {
    match &e.kind {
        ExprKind::Name(n) => {
            if n == "super" {
                s.uses_super = true;
            }
            s.used.insert(n.clone());
        }
        ExprKind::Const(_) => {}
        ExprKind::BinOp(a, _, b) => {
            expr(s, a);
            expr(s, b);
        }
        ExprKind::UnaryOp(_, a)
        | ExprKind::Starred(a)
        | ExprKind::Attribute(a, _)
        | ExprKind::YieldFrom(a)
        | ExprKind::Await(a) => {
            if matches!(e.kind, ExprKind::YieldFrom(_)) {
                s.has_yield = true;
            }
            expr(s, a)
        }
        ExprKind::BoolOp(_, items) | ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
            for i in items {
                expr(s, i);
            }
        }
        ExprKind::Compare(a, rest) => {
            expr(s, a);
            for (_, b) in rest {
                expr(s, b);
            }
        }
        ExprKind::Call(f, args) => {
            expr(s, f);
            for a in args {
                arg(s, a);
            }
        }
        ExprKind::Subscript(a, b) => {
            expr(s, a);
            expr(s, b);
        }
        ExprKind::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                expr(s, x);
            }
        }
        ExprKind::Dict(entries) => {
            for (k, v) in entries {
                if let Some(k) = k {
                    expr(s, k);
                }
                expr(s, v);
            }
        }
        ExprKind::IfExp(a, b, c) => {
            expr(s, a);
            expr(s, b);
            expr(s, c);
        }
        ExprKind::Lambda(def) => {
            defaults(s, &def.params);
            let child = analyze_function(def);
            s.child_frees.extend(child.frees());
        }
        ExprKind::Comp(kind, elt, val, gens) => {
            if let Some(g) = gens.first() {
                expr(s, &g.iter);
            }
            let child = analyze_comp(elt, val.as_deref(), gens, *kind);
            s.child_frees.extend(child.frees());
            for n in &child.comp_binds {
                named_target(s, n);
            }
        }
        ExprKind::NamedExpr(n, v) => {
            expr(s, v);
            named_target(s, n);
        }
        ExprKind::FString(parts) => fparts(s, parts),
        ExprKind::Yield(v) => {
            s.has_yield = true;
            if let Some(v) = v {
                expr(s, v);
            }
        }
    }
}

/// A `:=` target: local here, or (in a comprehension) a free name of the enclosing scope, which
/// binds it (PEP 572).
fn named_target(s: &mut Scope, n: &str) {
    if s.is_comp {
        s.used.insert(n.to_string());
        if !s.comp_binds.iter().any(|b| b == n) {
            s.comp_binds.push(n.to_string());
        }
    } else {
        s.assign(n);
    }
}

fn fparts(s: &mut Scope, parts: &[FPart]) {
    for p in parts {
        if let FPart::Expr { expr: e, spec, .. } = p {
            expr(s, e);
            if let Some(sp) = spec {
                fparts(s, sp);
            }
        }
    }
}
