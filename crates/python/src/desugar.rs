//! `async for` and `async with` rewritten by the parser into plain statements around `await`
//! (as the language reference defines them), so the compiler and the VM need nothing new.
//! The hidden names start with a dot, which no Python name can.

use crate::ast::{Arg, Const, Expr, ExprKind, Handler, Stmt, StmtKind, UnOp};

struct B {
    line: u32,
}

impl B {
    fn e(&self, kind: ExprKind) -> Expr {
        Expr { kind, line: self.line, col: 0 }
    }
    fn s(&self, kind: StmtKind) -> Stmt {
        Stmt { kind, line: self.line }
    }
    fn name(&self, n: &str) -> Expr {
        self.e(ExprKind::Name(n.to_string()))
    }
    fn konst(&self, c: Const) -> Expr {
        self.e(ExprKind::Const(c))
    }
    fn call(&self, f: Expr, args: Vec<Expr>) -> Expr {
        self.e(ExprKind::Call(Box::new(f), args.into_iter().map(Arg::Pos).collect()))
    }
    fn attr(&self, v: Expr, a: &str) -> Expr {
        self.e(ExprKind::Attribute(Box::new(v), a.to_string()))
    }
    /// `type(obj).method(obj)`: special methods are looked up on the type.
    fn special(&self, obj: &str, method: &str) -> Expr {
        let t = self.call(self.name("type"), vec![self.name(obj)]);
        self.call(self.attr(t, method), vec![self.name(obj)])
    }
    fn await_(&self, e: Expr) -> Expr {
        self.e(ExprKind::Await(Box::new(e)))
    }
    fn assign(&self, target: Expr, v: Expr) -> Stmt {
        self.s(StmtKind::Assign(vec![target], v))
    }
}

/// `async for T in it: body else: orelse` as
/// `.it = type(it).__aiter__(it)`, then a `while` that awaits `type(.it).__anext__(.it)` until
/// StopAsyncIteration.
pub fn async_for(s: StmtKind, line: u32, temps: &mut u32) -> StmtKind {
    let StmtKind::For(target, iter, body, orelse) = s else { return s };
    *temps += 1;
    let (it, run, v) = (format!(".ait{temps}"), format!(".arun{temps}"), format!(".aval{temps}"));
    let b = B { line };
    // `it` is evaluated once, into `.it`, before `__aiter__` is looked up on its type.
    let mut out = vec![b.assign(b.name(&it), iter), b.assign(b.name(&it), b.special(&it, "__aiter__"))];
    out.push(b.assign(b.name(&run), b.konst(Const::True)));
    let mut inner = vec![b.assign(target, b.name(&v))];
    inner.extend(body);
    let step = b.s(StmtKind::Try {
        body: vec![b.assign(b.name(&v), b.await_(b.special(&it, "__anext__")))],
        handlers: vec![Handler {
            typ: Some(b.name("StopAsyncIteration")),
            name: None,
            body: vec![b.assign(b.name(&run), b.konst(Const::False))],
            line,
        }],
        orelse: inner,
        finalbody: vec![],
    });
    out.push(b.s(StmtKind::While(b.name(&run), vec![step], orelse)));
    // One statement: an `if True:` holds the three.
    StmtKind::If(b.konst(Const::True), out, vec![])
}

/// `async with m as t: body` as CPython runs it: `__aexit__` looked up, `__aenter__` awaited,
/// and `__aexit__` awaited with the exception (which it may suppress) or with three `None`s on
/// every other way out of the body. Several managers nest.
pub fn async_with(s: StmtKind, line: u32, temps: &mut u32) -> StmtKind {
    let StmtKind::With(items, body) = s else { return s };
    let b = B { line };
    let mut body = body;
    for (ctx, target) in items.into_iter().rev() {
        *temps += 1;
        let (mgr, exit, ok, exc) =
            (format!(".amgr{temps}"), format!(".aexit{temps}"), format!(".aok{temps}"), format!(".aexc{temps}"));
        let mut out = vec![b.assign(b.name(&mgr), ctx)];
        let t = b.call(b.name("type"), vec![b.name(&mgr)]);
        out.push(b.assign(b.name(&exit), b.attr(t, "__aexit__")));
        let enter = b.await_(b.special(&mgr, "__aenter__"));
        match target {
            Some(t) => out.push(b.assign(t, enter)),
            None => out.push(b.s(StmtKind::Expr(enter))),
        }
        out.push(b.assign(b.name(&ok), b.konst(Const::True)));
        let exit_call = |args: Vec<Expr>| {
            let mut all = vec![b.name(&mgr)];
            all.extend(args);
            b.await_(b.call(b.name(&exit), all))
        };
        let with_exc = exit_call(vec![
            b.call(b.name("type"), vec![b.name(&exc)]),
            b.name(&exc),
            b.attr(b.name(&exc), "__traceback__"),
        ]);
        let handler = Handler {
            typ: Some(b.name("BaseException")),
            name: Some(exc.clone()),
            body: vec![
                b.assign(b.name(&ok), b.konst(Const::False)),
                b.s(StmtKind::If(
                    b.e(ExprKind::UnaryOp(UnOp::Not, Box::new(with_exc))),
                    vec![b.s(StmtKind::Raise(None, None))],
                    vec![],
                )),
            ],
            line,
        };
        let none = || b.konst(Const::None);
        out.push(b.s(StmtKind::Try {
            body,
            handlers: vec![handler],
            orelse: vec![],
            finalbody: vec![b.s(StmtKind::If(
                b.name(&ok),
                vec![b.s(StmtKind::Expr(exit_call(vec![none(), none(), none()])))],
                vec![],
            ))],
        }));
        body = vec![b.s(StmtKind::If(b.konst(Const::True), out, vec![]))];
    }
    body.pop().map(|s| s.kind).unwrap_or(StmtKind::Pass)
}
