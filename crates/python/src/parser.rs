//! A hand-written recursive-descent parser for the playground's Python, with CPython's messages for
//! the common syntax errors. Hand-written rather than `ruff_python_parser` for the wasm size budget
//! (see NOTES.md for the figures).

use std::rc::Rc;

use crate::ast::*;
use crate::lexer::{tokenize, unescape, SyntaxError, Tok, Token};

type PResult<T> = Result<T, SyntaxError>;

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

pub fn parse_module(src: &str) -> PResult<Vec<Stmt>> {
    let toks = tokenize(src)?;
    let mut p = Parser { toks, pos: 0, func_depth: 0, temps: 0 };
    let mut body = Vec::new();
    while !p.at_tok(&Tok::Eof) {
        if p.at_tok(&Tok::Newline) {
            p.pos += 1;
            continue;
        }
        if p.at_tok(&Tok::Indent) {
            let t = p.tok().clone();
            return Err(SyntaxError::indent("unexpected indent", t.line, t.col));
        }
        p.statement(&mut body)?;
    }
    Ok(body)
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    /// How many `def`s enclose the current point (`return` and `yield` need one).
    func_depth: u32,
    /// Hidden names made for `async for`/`async with` so far (each gets its own).
    temps: u32,
}

fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

impl Parser {
    fn tok(&self) -> &Token {
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }
    fn peek_tok(&self, k: usize) -> &Tok {
        &self.toks[(self.pos + k).min(self.toks.len() - 1)].tok
    }
    fn at_tok(&self, t: &Tok) -> bool {
        &self.tok().tok == t
    }
    fn at_op(&self, op: &str) -> bool {
        matches!(&self.tok().tok, Tok::Op(o) if *o == op)
    }
    fn at_kw(&self, kw: &str) -> bool {
        matches!(&self.tok().tok, Tok::Name(n) if n == kw)
    }
    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn error_here(&self, msg: &str) -> SyntaxError {
        let t = self.tok();
        let mut e = SyntaxError::new(msg, t.line, t.col);
        e.end_col = t.end_col.max(t.col + 1);
        e
    }
    fn invalid(&self) -> SyntaxError {
        if self.at_tok(&Tok::Indent) {
            let t = self.tok();
            return SyntaxError::indent("unexpected indent", t.line, t.col);
        }
        self.error_here("invalid syntax")
    }
    fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else if op == ":" {
            // CPython points just past the previous token when a block's colon is missing.
            let prev = &self.toks[self.pos.saturating_sub(1)];
            if self.at_tok(&Tok::Newline) || prev.line != self.tok().line {
                Err(SyntaxError::new("expected ':'", prev.line, prev.end_col))
            } else {
                Err(self.invalid())
            }
        } else {
            Err(self.invalid())
        }
    }
    fn name(&mut self) -> PResult<String> {
        match &self.tok().tok {
            Tok::Name(n) if !is_keyword(n) => {
                let n = n.clone();
                self.pos += 1;
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }
    fn expect_newline(&mut self) -> PResult<()> {
        if self.at_tok(&Tok::Newline) {
            self.pos += 1;
            Ok(())
        } else if self.at_tok(&Tok::Eof) || self.at_tok(&Tok::Dedent) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    // ---------------------------------------------------------------- statements

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let t = self.tok().clone();
        let line = t.line;
        if t.tok == Tok::Indent {
            return Err(SyntaxError::indent("unexpected indent", t.line, t.end_col.saturating_sub(1)));
        }
        if let Tok::Name(kw) = &t.tok {
            let stmt = match kw.as_str() {
                "if" => Some(self.if_stmt()?),
                "while" => Some(self.while_stmt()?),
                "for" => Some(self.for_stmt()?),
                "try" => Some(self.try_stmt()?),
                "with" => Some(self.with_stmt()?),
                "def" => Some(self.funcdef(Vec::new())?),
                "class" => Some(self.classdef(Vec::new())?),
                "async" => Some(self.async_stmt(Vec::new())?),
                "match" if self.looks_like_match() => {
                    return Err(SyntaxError::unsupported("the match statement", line, t.col))
                }
                _ => None,
            };
            if let Some(kind) = stmt {
                out.push(Stmt { kind, line });
                return Ok(());
            }
        }
        if self.at_op("@") {
            let mut decorators = Vec::new();
            while self.eat_op("@") {
                decorators.push(self.named_expr()?);
                self.expect_newline()?;
            }
            let kind = if self.at_kw("def") {
                self.funcdef(decorators)?
            } else if self.at_kw("class") {
                self.classdef(decorators)?
            } else if self.at_kw("async") {
                self.async_stmt(decorators)?
            } else {
                return Err(self.invalid());
            };
            out.push(Stmt { kind, line });
            return Ok(());
        }
        self.simple_stmts(out)
    }

    fn looks_like_match(&self) -> bool {
        // `match` is a soft keyword: a statement only when followed by a subject and a colon.
        let mut k = 1;
        if matches!(self.peek_tok(1), Tok::Op("=") | Tok::Op(".") | Tok::Op(",") | Tok::Op(")") | Tok::Newline) {
            return false;
        }
        if matches!(self.peek_tok(1), Tok::Op(o) if o.ends_with('=') && *o != "==") {
            return false;
        }
        loop {
            match self.peek_tok(k) {
                Tok::Newline | Tok::Eof => {
                    return matches!(self.peek_tok(k - 1), Tok::Op(":"));
                }
                _ => k += 1,
            }
        }
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let line = self.tok().line;
            let kind = self.small_stmt()?;
            out.push(Stmt { kind, line });
            if !self.eat_op(";") {
                break;
            }
            if self.at_tok(&Tok::Newline) {
                break;
            }
        }
        self.expect_newline()
    }

    fn small_stmt(&mut self) -> PResult<StmtKind> {
        let t = self.tok().clone();
        if let Tok::Name(kw) = &t.tok {
            match kw.as_str() {
                "pass" => {
                    self.pos += 1;
                    return Ok(StmtKind::Pass);
                }
                "break" => {
                    self.pos += 1;
                    return Ok(StmtKind::Break);
                }
                "continue" => {
                    self.pos += 1;
                    return Ok(StmtKind::Continue);
                }
                "return" => {
                    self.pos += 1;
                    if self.func_depth == 0 {
                        return Err(SyntaxError::new("'return' outside function", t.line, t.col));
                    }
                    let v = if self.at_simple_end() { None } else { Some(self.star_exprs()?) };
                    return Ok(StmtKind::Return(v));
                }
                "raise" => {
                    self.pos += 1;
                    if self.at_simple_end() {
                        return Ok(StmtKind::Raise(None, None));
                    }
                    let e = self.test()?;
                    let cause = if self.eat_kw("from") { Some(self.test()?) } else { None };
                    return Ok(StmtKind::Raise(Some(e), cause));
                }
                "global" | "nonlocal" => {
                    self.pos += 1;
                    let mut names = vec![self.name()?];
                    while self.eat_op(",") {
                        names.push(self.name()?);
                    }
                    return Ok(if kw == "global" { StmtKind::Global(names) } else { StmtKind::Nonlocal(names) });
                }
                "del" => {
                    self.pos += 1;
                    let mut targets = vec![self.bitor()?];
                    while self.eat_op(",") {
                        if self.at_simple_end() {
                            break;
                        }
                        targets.push(self.bitor()?);
                    }
                    for t in &targets {
                        check_target(t, "delete")?;
                    }
                    return Ok(StmtKind::Del(targets));
                }
                "assert" => {
                    self.pos += 1;
                    let test = self.test()?;
                    let msg = if self.eat_op(",") { Some(self.test()?) } else { None };
                    return Ok(StmtKind::Assert(test, msg));
                }
                "import" => {
                    self.pos += 1;
                    let mut names = Vec::new();
                    loop {
                        let mut dotted = self.name()?;
                        while self.eat_op(".") {
                            dotted.push('.');
                            dotted.push_str(&self.name()?);
                        }
                        let alias = if self.eat_kw("as") { Some(self.name()?) } else { None };
                        names.push((dotted, alias));
                        if !self.eat_op(",") {
                            break;
                        }
                    }
                    return Ok(StmtKind::Import(names));
                }
                "from" => return self.import_from(),
                _ => {}
            }
        }
        self.expr_stmt()
    }

    fn at_simple_end(&self) -> bool {
        matches!(self.tok().tok, Tok::Newline | Tok::Eof | Tok::Op(";"))
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        let t = self.tok().clone();
        self.pos += 1;
        if self.at_op(".") || self.at_op("...") {
            return Err(SyntaxError::unsupported("relative imports", t.line, t.col));
        }
        let mut module = self.name()?;
        while self.eat_op(".") {
            module.push('.');
            module.push_str(&self.name()?);
        }
        if !self.eat_kw("import") {
            return Err(self.invalid());
        }
        if self.eat_op("*") {
            return Ok(StmtKind::ImportFrom(module, vec![("*".into(), None)]));
        }
        let paren = self.eat_op("(");
        let mut names = Vec::new();
        loop {
            let n = self.name()?;
            let alias = if self.eat_kw("as") { Some(self.name()?) } else { None };
            names.push((n, alias));
            if !self.eat_op(",") {
                break;
            }
            if paren && self.at_op(")") {
                break;
            }
        }
        if paren {
            self.expect_op(")")?;
        }
        Ok(StmtKind::ImportFrom(module, names))
    }

    fn expr_stmt(&mut self) -> PResult<StmtKind> {
        let first = self.star_exprs_or_yield()?;
        if self.at_op(":") {
            self.pos += 1;
            check_target(&first, "assign to")?;
            let annotation = self.test()?;
            let value = if self.eat_op("=") { Some(self.star_exprs_or_yield()?) } else { None };
            return Ok(StmtKind::AnnAssign(first, annotation, value));
        }
        if let Tok::Op(op) = self.tok().tok {
            if let Some(bin) = aug_op(op) {
                self.pos += 1;
                if !matches!(first.kind, ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..)) {
                    return Err(SyntaxError::new(
                        format!("'{}' is an illegal expression for augmented assignment", describe(&first)),
                        first.line,
                        first.col,
                    ));
                }
                let value = self.star_exprs_or_yield()?;
                return Ok(StmtKind::AugAssign(first, bin, value));
            }
        }
        if self.at_op("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.pos += 1;
                value = self.star_exprs_or_yield()?;
                if !self.at_op("=") {
                    break;
                }
                targets.push(value);
            }
            for t in &targets {
                check_target(t, "assign to")?;
            }
            return Ok(StmtKind::Assign(targets, value));
        }
        if let ExprKind::Starred(_) = first.kind {
            return Err(SyntaxError::new("can't use starred expression here", first.line, first.col));
        }
        if !self.at_simple_end() {
            // `print "x"` and friends: two expressions side by side.
            if let (ExprKind::Name(n), true) = (&first.kind, n_is_print(&first)) {
                if matches!(self.tok().tok, Tok::Str { .. } | Tok::Name(_) | Tok::Int(_)) {
                    let _ = n;
                    return Err(SyntaxError::new(
                        "Missing parentheses in call to 'print'. Did you mean print(...)?",
                        first.line,
                        first.col,
                    ));
                }
            }
            return Err(self.invalid());
        }
        Ok(StmtKind::Expr(first))
    }

    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        self.expect_op(":")?;
        let mut body = Vec::new();
        if self.at_tok(&Tok::Newline) {
            self.pos += 1;
            if !self.at_tok(&Tok::Indent) {
                let t = self.tok();
                return Err(SyntaxError::indent(
                    format!("expected an indented block after {what} on line {line}"),
                    t.line,
                    t.col,
                ));
            }
            self.pos += 1;
            while !self.at_tok(&Tok::Dedent) && !self.at_tok(&Tok::Eof) {
                self.statement(&mut body)?;
            }
            self.eat_tok(&Tok::Dedent);
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    fn eat_tok(&mut self, t: &Tok) -> bool {
        if self.at_tok(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn if_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.tok().line;
        self.pos += 1;
        let test = self.named_expr()?;
        let body = self.block("'if' statement", line)?;
        let orelse = self.else_chain()?;
        Ok(StmtKind::If(test, body, orelse))
    }

    fn else_chain(&mut self) -> PResult<Vec<Stmt>> {
        let line = self.tok().line;
        if self.eat_kw("elif") {
            let test = self.named_expr()?;
            let body = self.block("'elif' statement", line)?;
            let orelse = self.else_chain()?;
            Ok(vec![Stmt { kind: StmtKind::If(test, body, orelse), line }])
        } else if self.eat_kw("else") {
            self.block("'else' statement", line)
        } else {
            Ok(Vec::new())
        }
    }

    fn opt_else(&mut self) -> PResult<Vec<Stmt>> {
        let line = self.tok().line;
        if self.eat_kw("else") {
            self.block("'else' statement", line)
        } else {
            Ok(Vec::new())
        }
    }

    fn while_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.tok().line;
        self.pos += 1;
        let test = self.named_expr()?;
        let body = self.block("'while' statement", line)?;
        let orelse = self.opt_else()?;
        Ok(StmtKind::While(test, body, orelse))
    }

    fn for_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.tok().line;
        self.pos += 1;
        let target = self.target_list()?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let iter = self.star_exprs()?;
        let body = self.block("'for' statement", line)?;
        let orelse = self.opt_else()?;
        Ok(StmtKind::For(target, iter, body, orelse))
    }

    /// A `for` target: expressions up to `in`, without comparisons (so `in` is not eaten).
    fn target_list(&mut self) -> PResult<Expr> {
        let first = self.target_atom()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let (line, col) = (first.line, first.col);
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_kw("in") || self.at_op("=") {
                break;
            }
            items.push(self.target_atom()?);
        }
        Ok(Expr { kind: ExprKind::Tuple(items), line, col })
    }

    fn target_atom(&mut self) -> PResult<Expr> {
        let e = if self.at_op("*") {
            let t = self.tok().clone();
            self.pos += 1;
            let inner = self.bitor()?;
            Expr { kind: ExprKind::Starred(Box::new(inner)), line: t.line, col: t.col }
        } else {
            self.bitor()?
        };
        check_target(&e, "assign to")?;
        Ok(e)
    }

    fn try_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.tok().line;
        self.pos += 1;
        let body = self.block("'try' statement", line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let hline = self.tok().line;
            self.pos += 1;
            if self.at_op("*") {
                let t = self.tok();
                return Err(SyntaxError::unsupported("except*", t.line, t.col));
            }
            let (typ, name) = if self.at_op(":") {
                (None, None)
            } else {
                let typ = self.test()?;
                let typ = if self.at_op(",") {
                    let mut items = vec![typ];
                    while self.eat_op(",") {
                        items.push(self.test()?);
                    }
                    let t = &items[0];
                    return Err(SyntaxError::new("multiple exception types must be parenthesized", t.line, t.col));
                } else {
                    typ
                };
                let name = if self.eat_kw("as") { Some(self.name()?) } else { None };
                (Some(typ), name)
            };
            let hbody = self.block("'except' statement", hline)?;
            handlers.push(Handler { typ, name, body: hbody, line: hline });
        }
        let orelse = if !handlers.is_empty() { self.opt_else()? } else { Vec::new() };
        let fline = self.tok().line;
        let finalbody = if self.eat_kw("finally") { self.block("'finally' statement", fline)? } else { Vec::new() };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_here("expected 'except' or 'finally' block"));
        }
        Ok(StmtKind::Try { body, handlers, orelse, finalbody })
    }

    fn with_stmt(&mut self) -> PResult<StmtKind> {
        let line = self.tok().line;
        self.pos += 1;
        let mut items = Vec::new();
        // `with (a as b, c as d):` is Python 3.10+; recognise it by the `as` inside the parenthesis.
        let paren = self.at_op("(") && self.paren_with_items();
        if paren {
            self.pos += 1;
        }
        loop {
            let ctx = self.test()?;
            let target = if self.eat_kw("as") {
                let t = self.target_atom()?;
                Some(t)
            } else {
                None
            };
            items.push((ctx, target));
            if !self.eat_op(",") {
                break;
            }
            if paren && self.at_op(")") {
                break;
            }
        }
        if paren {
            self.expect_op(")")?;
        }
        let body = self.block("'with' statement", line)?;
        Ok(StmtKind::With(items, body))
    }

    fn paren_with_items(&self) -> bool {
        let mut depth = 0;
        let mut k = 0;
        loop {
            match self.peek_tok(k) {
                Tok::Op("(") | Tok::Op("[") | Tok::Op("{") => depth += 1,
                Tok::Op(")") | Tok::Op("]") | Tok::Op("}") => {
                    depth -= 1;
                    if depth == 0 {
                        return matches!(self.peek_tok(k + 1), Tok::Op(":"))
                            && (1..k).any(|j| matches!(self.peek_tok(j), Tok::Name(n) if n == "as"));
                    }
                }
                Tok::Newline | Tok::Eof => return false,
                _ => {}
            }
            k += 1;
        }
    }

    /// `async def`, `async for` and `async with` (the last two are rewritten into awaits by
    /// `desugar`).
    fn async_stmt(&mut self, decorators: Vec<Expr>) -> PResult<StmtKind> {
        let line = self.tok().line;
        self.pos += 1;
        if self.at_kw("def") {
            let StmtKind::FunctionDef(def) = self.funcdef(decorators)? else { unreachable!() };
            let mut def = Rc::try_unwrap(def).unwrap_or_else(|d| (*d).clone());
            def.is_async = true;
            return Ok(StmtKind::FunctionDef(Rc::new(def)));
        }
        if decorators.is_empty() && self.at_kw("for") {
            let s = self.for_stmt()?;
            return Ok(crate::desugar::async_for(s, line, &mut self.temps));
        }
        if decorators.is_empty() && self.at_kw("with") {
            let s = self.with_stmt()?;
            return Ok(crate::desugar::async_with(s, line, &mut self.temps));
        }
        Err(self.invalid())
    }

    fn funcdef(&mut self, decorators: Vec<Expr>) -> PResult<StmtKind> {
        let line = self.tok().line;
        self.pos += 1;
        let name = self.name()?;
        if !self.at_op("(") {
            return Err(self.error_here("expected '('"));
        }
        self.pos += 1;
        let params = self.params(")")?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            let _ = self.test()?;
        }
        self.func_depth += 1;
        let body = self.block("function definition", line);
        self.func_depth -= 1;
        let body = body?;
        Ok(StmtKind::FunctionDef(Rc::new(FuncDef {
            name,
            params,
            body,
            decorators,
            line,
            is_lambda: false,
            is_async: false,
        })))
    }

    fn params(&mut self, close: &str) -> PResult<Params> {
        let mut p = Params::default();
        let mut seen_star = false;
        let mut seen_default = false;
        let annotated = close == ")";
        while !self.at_op(close) {
            if self.eat_op("**") {
                p.kwarg = Some(self.name()?);
                if annotated && self.eat_op(":") {
                    self.test()?;
                }
                self.eat_op(",");
                break;
            } else if self.eat_op("*") {
                seen_star = true;
                if !self.at_op(",") {
                    p.vararg = Some(self.name()?);
                    if annotated && self.eat_op(":") {
                        self.test()?;
                    }
                }
            } else if self.eat_op("/") {
                p.posonly = p.args.len();
            } else {
                let t = self.tok().clone();
                let name = self.name()?;
                if annotated && self.eat_op(":") {
                    self.test()?;
                }
                let default = if self.eat_op("=") { Some(self.test()?) } else { None };
                if p.args.iter().chain(&p.kwonly).any(|a| a.name == name) {
                    return Err(SyntaxError::new(
                        format!("duplicate argument '{name}' in function definition"),
                        t.line,
                        t.col,
                    ));
                }
                if seen_star {
                    p.kwonly.push(Param { name, default });
                } else {
                    if default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(SyntaxError::new("non-default argument follows default argument", t.line, t.col));
                    }
                    p.args.push(Param { name, default });
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(p)
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<StmtKind> {
        let line = self.tok().line;
        self.pos += 1;
        let name = self.name()?;
        let bases = if self.eat_op("(") { self.call_args()? } else { Vec::new() };
        let depth = std::mem::replace(&mut self.func_depth, 0);
        let body = self.block("class definition", line);
        self.func_depth = depth;
        Ok(StmtKind::ClassDef { name, bases, body: body?, decorators })
    }

    // ---------------------------------------------------------------- expressions

    fn mk(&self, kind: ExprKind, at: &Token) -> Expr {
        Expr { kind, line: at.line, col: at.col }
    }

    fn star_exprs_or_yield(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            return self.yield_expr();
        }
        self.star_exprs()
    }

    fn yield_expr(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        self.pos += 1;
        if self.func_depth == 0 {
            return Err(SyntaxError::new("'yield' outside function", t.line, t.col));
        }
        if self.eat_kw("from") {
            let e = self.test()?;
            return Ok(self.mk(ExprKind::YieldFrom(Box::new(e)), &t));
        }
        if matches!(self.tok().tok, Tok::Newline | Tok::Eof | Tok::Op(")") | Tok::Op("]") | Tok::Op("}") | Tok::Op("="))
        {
            return Ok(self.mk(ExprKind::Yield(None), &t));
        }
        let e = self.star_exprs()?;
        Ok(self.mk(ExprKind::Yield(Some(Box::new(e))), &t))
    }

    /// Comma-separated expressions (with `*x`), a tuple when there is a comma.
    fn star_exprs(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let first = self.star_expr_w(false)?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_expr_end() {
                break;
            }
            items.push(self.star_expr_w(false)?);
        }
        Ok(self.mk(ExprKind::Tuple(items), &t))
    }

    fn at_expr_end(&self) -> bool {
        matches!(
            self.tok().tok,
            Tok::Newline
                | Tok::Eof
                | Tok::Op("=")
                | Tok::Op(")")
                | Tok::Op("]")
                | Tok::Op("}")
                | Tok::Op(":")
                | Tok::Op(";")
        ) || matches!(&self.tok().tok, Tok::Op(o) if aug_op(o).is_some())
    }

    /// An item of a display, a parenthesised group or a subscript: `*x`, or an expression that
    /// may be an assignment expression.
    fn star_expr(&mut self) -> PResult<Expr> {
        self.star_expr_w(true)
    }

    fn star_expr_w(&mut self, walrus: bool) -> PResult<Expr> {
        if self.at_op("*") {
            let t = self.tok().clone();
            self.pos += 1;
            let e = self.bitor()?;
            return Ok(self.mk(ExprKind::Starred(Box::new(e)), &t));
        }
        if walrus {
            self.named_expr()
        } else {
            // Statements take `x := 1` only in parentheses, as CPython's grammar.
            let e = self.test()?;
            if self.at_op(":=") {
                return Err(self.invalid());
            }
            Ok(e)
        }
    }

    fn named_expr(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        if matches!(&t.tok, Tok::Name(n) if !is_keyword(n)) && matches!(self.peek_tok(1), Tok::Op(":=")) {
            let name = self.name()?;
            self.pos += 1;
            let value = self.test()?;
            return Ok(self.mk(ExprKind::NamedExpr(name, Box::new(value)), &t));
        }
        let e = self.test()?;
        if self.at_op(":=") {
            let what = match e.kind {
                ExprKind::Attribute(..) => "attribute",
                ExprKind::Subscript(..) => "subscript",
                ExprKind::Const(_) => "literal",
                ExprKind::Tuple(_) => "tuple",
                ExprKind::Call(..) => "function call",
                _ => "expression",
            };
            return Err(SyntaxError::new(format!("cannot use assignment expressions with {what}"), e.line, e.col));
        }
        Ok(e)
    }

    fn test(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let t = self.tok().clone();
        let body = self.or_test()?;
        if self.at_kw("if") {
            // A conditional expression, unless this `if` belongs to a comprehension.
            self.pos += 1;
            let cond = self.or_test()?;
            if !self.eat_kw("else") {
                return Err(self.error_here("expected 'else' after 'if' expression"));
            }
            let orelse = self.test()?;
            return Ok(self.mk(ExprKind::IfExp(Box::new(cond), Box::new(body), Box::new(orelse)), &t));
        }
        Ok(body)
    }

    fn test_no_cond(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        self.or_test()
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        self.pos += 1;
        let params = self.params(":")?;
        self.expect_op(":")?;
        self.func_depth += 1;
        let body = self.test();
        self.func_depth -= 1;
        let body = body?;
        let line = body.line;
        let def = FuncDef {
            name: "<lambda>".into(),
            params,
            body: vec![Stmt { kind: StmtKind::Return(Some(body)), line }],
            decorators: Vec::new(),
            line: t.line,
            is_lambda: true,
            is_async: false,
        };
        Ok(self.mk(ExprKind::Lambda(Rc::new(def)), &t))
    }

    fn or_test(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let first = self.and_test()?;
        if !self.at_kw("or") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_kw("or") {
            items.push(self.and_test()?);
        }
        Ok(self.mk(ExprKind::BoolOp(false, items), &t))
    }

    fn and_test(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let first = self.not_test()?;
        if !self.at_kw("and") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_kw("and") {
            items.push(self.not_test()?);
        }
        Ok(self.mk(ExprKind::BoolOp(true, items), &t))
    }

    fn not_test(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        if self.eat_kw("not") {
            let e = self.not_test()?;
            return Ok(self.mk(ExprKind::UnaryOp(UnOp::Not, Box::new(e)), &t));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let first = self.bitor()?;
        let mut ops = Vec::new();
        loop {
            let op = match &self.tok().tok {
                Tok::Op("<") => CmpOp::Lt,
                Tok::Op("<=") => CmpOp::Le,
                Tok::Op("==") => CmpOp::Eq,
                Tok::Op("!=") => CmpOp::Ne,
                Tok::Op(">") => CmpOp::Gt,
                Tok::Op(">=") => CmpOp::Ge,
                Tok::Name(n) if n == "in" => CmpOp::In,
                Tok::Name(n) if n == "is" => {
                    if matches!(self.peek_tok(1), Tok::Name(n) if n == "not") {
                        self.pos += 1;
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                Tok::Name(n) if n == "not" && matches!(self.peek_tok(1), Tok::Name(m) if m == "in") => {
                    self.pos += 1;
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.pos += 1;
            ops.push((op, self.bitor()?));
        }
        if ops.is_empty() {
            Ok(first)
        } else {
            Ok(self.mk(ExprKind::Compare(Box::new(first), ops), &t))
        }
    }

    fn binary(&mut self, level: usize) -> PResult<Expr> {
        const LEVELS: [&[(&str, BinOp)]; 6] = [
            &[("|", BinOp::BitOr)],
            &[("^", BinOp::BitXor)],
            &[("&", BinOp::BitAnd)],
            &[("<<", BinOp::LShift), (">>", BinOp::RShift)],
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
            &[("*", BinOp::Mul), ("/", BinOp::Div), ("//", BinOp::FloorDiv), ("%", BinOp::Mod), ("@", BinOp::MatMul)],
        ];
        if level == LEVELS.len() {
            return self.factor();
        }
        let t = self.tok().clone();
        let mut left = self.binary(level + 1)?;
        'outer: loop {
            for (sym, op) in LEVELS[level] {
                if self.at_op(sym) {
                    self.pos += 1;
                    let right = self.binary(level + 1)?;
                    left = self.mk(ExprKind::BinOp(Box::new(left), *op, Box::new(right)), &t);
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    fn bitor(&mut self) -> PResult<Expr> {
        self.binary(0)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let op = match t.tok {
            Tok::Op("-") => UnOp::Neg,
            Tok::Op("+") => UnOp::Pos,
            Tok::Op("~") => UnOp::Invert,
            _ => return self.power(),
        };
        self.pos += 1;
        let e = self.factor()?;
        // Fold `-<number>` so that `-9223372036854775808` and friends are constants.
        if op == UnOp::Neg {
            if let ExprKind::Const(Const::Int(s)) = &e.kind {
                return Ok(self.mk(ExprKind::Const(Const::Int(format!("-{s}"))), &t));
            }
            if let ExprKind::Const(Const::Float(f)) = &e.kind {
                return Ok(self.mk(ExprKind::Const(Const::Float(-f)), &t));
            }
        }
        Ok(self.mk(ExprKind::UnaryOp(op, Box::new(e)), &t))
    }

    fn power(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let base = if self.eat_kw("await") {
            let e = self.primary()?;
            self.mk(ExprKind::Await(Box::new(e)), &t)
        } else {
            self.primary()?
        };
        if self.eat_op("**") {
            let exp = self.factor()?;
            return Ok(self.mk(ExprKind::BinOp(Box::new(base), BinOp::Pow, Box::new(exp)), &t));
        }
        Ok(base)
    }

    fn primary(&mut self) -> PResult<Expr> {
        let mut e = self.atom()?;
        loop {
            let t = self.tok().clone();
            if self.eat_op(".") {
                let name = self.name()?;
                e = Expr { kind: ExprKind::Attribute(Box::new(e), name), line: t.line, col: t.col };
            } else if self.eat_op("(") {
                let args = self.call_args()?;
                e = Expr { kind: ExprKind::Call(Box::new(e), args), line: t.line, col: t.col };
            } else if self.eat_op("[") {
                let idx = self.subscript()?;
                self.expect_op("]")?;
                e = Expr { kind: ExprKind::Subscript(Box::new(e), Box::new(idx)), line: t.line, col: t.col };
            } else {
                return Ok(e);
            }
        }
    }

    /// Arguments after `(`, through the closing `)`.
    fn call_args(&mut self) -> PResult<Vec<Arg>> {
        let mut args = Vec::new();
        let mut seen_kw = false;
        while !self.at_op(")") {
            let t = self.tok().clone();
            if self.eat_op("*") {
                args.push(Arg::Star(self.test()?));
            } else if self.eat_op("**") {
                seen_kw = true;
                args.push(Arg::StarStar(self.test()?));
            } else if matches!(t.tok, Tok::Name(ref n) if !is_keyword(n)) && matches!(self.peek_tok(1), Tok::Op("=")) {
                let name = self.name()?;
                self.pos += 1;
                seen_kw = true;
                args.push(Arg::Kw(name, self.test()?));
            } else {
                let e = self.named_expr()?;
                if self.at_kw("for") {
                    let g = self.comprehension(CompKind::Gen, e, None, &t)?;
                    args.push(Arg::Pos(g));
                    if !self.at_op(")") {
                        return Err(SyntaxError::new("Generator expression must be parenthesized", t.line, t.col));
                    }
                    continue;
                }
                if self.at_op("=") {
                    return Err(SyntaxError::new(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        t.line,
                        t.col,
                    ));
                }
                if seen_kw {
                    return Err(SyntaxError::new("positional argument follows keyword argument", t.line, t.col));
                }
                args.push(Arg::Pos(e));
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.at_op(")") {
            return Err(if self.starts_expression() {
                self.error_here("invalid syntax. Perhaps you forgot a comma?")
            } else {
                self.invalid()
            });
        }
        self.pos += 1;
        Ok(args)
    }

    fn starts_expression(&self) -> bool {
        match &self.tok().tok {
            Tok::Name(n) => !is_keyword(n) || matches!(n.as_str(), "None" | "True" | "False" | "not" | "lambda"),
            Tok::Int(_) | Tok::Float(_) | Tok::Str { .. } => true,
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~"),
            _ => false,
        }
    }

    fn subscript(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            items.push(self.slice_item()?);
        }
        Ok(self.mk(ExprKind::Tuple(items), &t))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let lower = if self.at_op(":") { None } else { Some(self.star_expr()?) };
        if !self.at_op(":") {
            return lower.ok_or_else(|| self.invalid());
        }
        self.pos += 1;
        let upper = if self.at_op(":") || self.at_op("]") || self.at_op(",") { None } else { Some(self.test()?) };
        let step = if self.eat_op(":") {
            if self.at_op("]") || self.at_op(",") {
                None
            } else {
                Some(self.test()?)
            }
        } else {
            None
        };
        Ok(self.mk(ExprKind::Slice(lower.map(Box::new), upper.map(Box::new), step.map(Box::new)), &t))
    }

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        match &t.tok {
            Tok::Name(n) => {
                let kind = match n.as_str() {
                    "None" => ExprKind::Const(Const::None),
                    "True" => ExprKind::Const(Const::True),
                    "False" => ExprKind::Const(Const::False),
                    "yield" => return Err(self.invalid()),
                    n if is_keyword(n) => return Err(self.invalid()),
                    _ => ExprKind::Name(n.clone()),
                };
                self.pos += 1;
                Ok(self.mk(kind, &t))
            }
            Tok::Int(s) => {
                let s = s.clone();
                self.pos += 1;
                Ok(self.mk(ExprKind::Const(Const::Int(s)), &t))
            }
            Tok::Float(f) => {
                let f = *f;
                self.pos += 1;
                Ok(self.mk(ExprKind::Const(Const::Float(f)), &t))
            }
            Tok::Str { .. } => self.strings(),
            Tok::Op("...") => {
                self.pos += 1;
                Ok(self.mk(ExprKind::Const(Const::Ellipsis), &t))
            }
            Tok::Op("(") => {
                self.pos += 1;
                if self.eat_op(")") {
                    return Ok(self.mk(ExprKind::Tuple(Vec::new()), &t));
                }
                if self.at_kw("yield") {
                    let y = self.yield_expr()?;
                    self.expect_op(")")?;
                    return Ok(y);
                }
                let first = self.star_expr()?;
                if self.at_kw("for") {
                    let g = self.comprehension(CompKind::Gen, first, None, &t)?;
                    self.expect_op(")")?;
                    return Ok(g);
                }
                if self.eat_op(")") {
                    if let ExprKind::Starred(_) = first.kind {
                        return Err(SyntaxError::new("cannot use starred expression here", first.line, first.col));
                    }
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op(")") {
                        break;
                    }
                    items.push(self.star_expr()?);
                }
                if !self.at_op(")") {
                    return Err(if self.starts_expression() {
                        self.error_here("invalid syntax. Perhaps you forgot a comma?")
                    } else {
                        self.invalid()
                    });
                }
                self.pos += 1;
                Ok(self.mk(ExprKind::Tuple(items), &t))
            }
            Tok::Op("[") => {
                self.pos += 1;
                if self.eat_op("]") {
                    return Ok(self.mk(ExprKind::List(Vec::new()), &t));
                }
                let first = self.star_expr()?;
                if self.at_kw("for") {
                    let c = self.comprehension(CompKind::List, first, None, &t)?;
                    self.expect_op("]")?;
                    return Ok(c);
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.at_op("]") {
                        break;
                    }
                    items.push(self.star_expr()?);
                }
                if !self.at_op("]") {
                    return Err(if self.starts_expression() {
                        self.error_here("invalid syntax. Perhaps you forgot a comma?")
                    } else {
                        self.invalid()
                    });
                }
                self.pos += 1;
                Ok(self.mk(ExprKind::List(items), &t))
            }
            Tok::Op("{") => self.brace(&t),
            _ => Err(self.invalid()),
        }
    }

    fn brace(&mut self, t: &Token) -> PResult<Expr> {
        self.pos += 1;
        if self.eat_op("}") {
            return Ok(self.mk(ExprKind::Dict(Vec::new()), t));
        }
        if self.eat_op("**") {
            let m = self.bitor()?;
            let mut entries = vec![(None, m)];
            return self.dict_rest(&mut entries, t);
        }
        let first = self.star_expr()?;
        if self.eat_op(":") {
            let v = self.test()?;
            if self.at_kw("for") {
                let c = self.comprehension(CompKind::Dict, first, Some(v), t)?;
                self.expect_op("}")?;
                return Ok(c);
            }
            let mut entries = vec![(Some(first), v)];
            return self.dict_rest(&mut entries, t);
        }
        if self.at_kw("for") {
            let c = self.comprehension(CompKind::Set, first, None, t)?;
            self.expect_op("}")?;
            return Ok(c);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            items.push(self.star_expr()?);
        }
        self.expect_op("}")?;
        Ok(self.mk(ExprKind::Set(items), t))
    }

    fn dict_rest(&mut self, entries: &mut Vec<(Option<Expr>, Expr)>, t: &Token) -> PResult<Expr> {
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                entries.push((None, self.bitor()?));
                continue;
            }
            let k = self.test()?;
            self.expect_op(":")?;
            entries.push((Some(k), self.test()?));
        }
        self.expect_op("}")?;
        Ok(self.mk(ExprKind::Dict(std::mem::take(entries)), t))
    }

    fn comprehension(&mut self, kind: CompKind, elt: Expr, val: Option<Expr>, t: &Token) -> PResult<Expr> {
        let mut gens = Vec::new();
        while self.eat_kw("for") {
            let target = self.target_list()?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.test_no_cond()?);
            }
            gens.push(Comprehension { target, iter, ifs });
        }
        if self.at_kw("async") {
            return Err(SyntaxError::unsupported("async comprehensions", t.line, t.col));
        }
        Ok(self.mk(ExprKind::Comp(kind, Box::new(elt), val.map(Box::new), gens), t))
    }

    /// Adjacent string literals, concatenated; f-strings become `FString` parts.
    fn strings(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let mut parts: Vec<FPart> = Vec::new();
        let mut any_f = false;
        let mut any_bytes = None;
        while let Tok::Str { value, fstring, bytes } = &self.tok().tok {
            let tk = self.tok().clone();
            if let Some(b) = any_bytes {
                if b != *bytes {
                    return Err(SyntaxError::new("cannot mix bytes and nonbytes literals", t.line, t.col));
                }
            }
            any_bytes = Some(*bytes);
            if *fstring {
                any_f = true;
                let (raw, body) = match value.strip_prefix("\u{0}R") {
                    Some(b) => (true, b.to_string()),
                    None => (false, value.clone()),
                };
                parse_fstring(&body, raw, tk.line, tk.col, &mut parts)?;
            } else {
                push_lit(&mut parts, value);
            }
            self.pos += 1;
        }
        if any_bytes == Some(true) {
            let s = parts.iter().map(|p| if let FPart::Lit(s) = p { s.as_str() } else { "" }).collect();
            return Ok(self.mk(ExprKind::Const(Const::Bytes(s)), &t));
        }
        if !any_f {
            let s = parts.into_iter().map(|p| if let FPart::Lit(s) = p { s } else { String::new() }).collect();
            return Ok(self.mk(ExprKind::Const(Const::Str(s)), &t));
        }
        Ok(self.mk(ExprKind::FString(parts), &t))
    }
}

fn push_lit(parts: &mut Vec<FPart>, s: &str) {
    if let Some(FPart::Lit(prev)) = parts.last_mut() {
        prev.push_str(s);
    } else if !s.is_empty() {
        parts.push(FPart::Lit(s.to_string()));
    }
}

/// Splits an f-string's body into literal parts and `{expression!conversion:spec}` fields.
fn parse_fstring(body: &str, raw: bool, line: u32, col: u32, parts: &mut Vec<FPart>) -> PResult<()> {
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    let mut lit = String::new();
    let err = |m: &str| SyntaxError::new(format!("f-string: {m}"), line, col);
    let flush = |lit: &mut String, parts: &mut Vec<FPart>| -> PResult<()> {
        if !lit.is_empty() {
            let s =
                if raw { std::mem::take(lit) } else { unescape(lit).map_err(|m| SyntaxError::new(m, line, col))? };
            lit.clear();
            push_lit(parts, &s);
        }
        Ok(())
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            lit.push('{');
            i += 2;
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err(err("single '}' is not allowed"));
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        flush(&mut lit, parts)?;
        // Find the end of the expression: a top-level '!', ':', '=' or '}'.
        i += 1;
        let start = i;
        let mut depth = 0i32;
        let mut quote: Option<char> = None;
        while i < chars.len() {
            let c = chars[i];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
            } else if c == '\'' || c == '"' {
                quote = Some(c);
            } else if "([{".contains(c) {
                depth += 1;
            } else if ")]}".contains(c) {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if depth == 0 && (c == ':' || (c == '!' && chars.get(i + 1) != Some(&'='))) {
                break;
            }
            i += 1;
        }
        if i >= chars.len() {
            return Err(err("expecting '}'"));
        }
        let mut expr_text: String = chars[start..i].iter().collect();
        let mut debug = None;
        let trimmed = expr_text.trim_end();
        if trimmed.ends_with('=')
            && !trimmed.ends_with("==")
            && !trimmed.ends_with("!=")
            && !trimmed.ends_with("<=")
            && !trimmed.ends_with(">=")
        {
            debug = Some(expr_text.clone());
            let cut = trimmed.len() - 1;
            expr_text.truncate(cut);
        }
        if expr_text.trim().is_empty() {
            return Err(err("valid expression required before '}'"));
        }
        let expr = parse_sub_expr(&expr_text, line, col)?;
        let mut conv = None;
        if chars[i] == '!' {
            conv = chars.get(i + 1).copied();
            if !matches!(conv, Some('r' | 's' | 'a')) {
                return Err(err("invalid conversion character: expected 's', 'r', or 'a'"));
            }
            i += 2;
        }
        let mut spec = None;
        if chars.get(i) == Some(&':') {
            i += 1;
            let sstart = i;
            let mut depth = 0;
            while i < chars.len() {
                match chars[i] {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            let spec_text: String = chars[sstart..i.min(chars.len())].iter().collect();
            let mut sp = Vec::new();
            parse_fstring(&spec_text, true, line, col, &mut sp)?;
            spec = Some(sp);
        }
        if chars.get(i) != Some(&'}') {
            return Err(err("expecting '}'"));
        }
        i += 1;
        if let Some(d) = debug {
            push_lit(parts, &d);
            if conv.is_none() && spec.is_none() {
                conv = Some('r');
            }
        }
        parts.push(FPart::Expr { expr: Box::new(expr), conv, spec });
    }
    flush(&mut lit, parts)
}

fn parse_sub_expr(text: &str, line: u32, col: u32) -> PResult<Expr> {
    let src = format!("({})", text.trim());
    let toks = tokenize(&src).map_err(|mut e| {
        e.line = line;
        e.col = col;
        e
    })?;
    let mut p = Parser { toks, pos: 0, func_depth: 0, temps: 0 };
    let mut e = p.star_exprs().map_err(|mut e| {
        e.line = line;
        e.col = col;
        e.msg = format!("f-string: {}", e.msg);
        e
    })?;
    relocate(&mut e, line, col);
    Ok(e)
}

/// Gives a sub-expression parsed out of an f-string its string's position, for tracebacks.
fn relocate(e: &mut Expr, line: u32, col: u32) {
    e.line = line + e.line - 1;
    e.col = col;
}

fn n_is_print(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == "print" || n == "exec")
}

fn aug_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        "@=" => BinOp::MatMul,
        _ => return None,
    })
}

fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Const(Const::None) => "None",
        ExprKind::Const(Const::True) => "True",
        ExprKind::Const(Const::False) => "False",
        ExprKind::Const(Const::Ellipsis) => "ellipsis",
        ExprKind::Const(_) | ExprKind::FString(_) => "literal",
        ExprKind::Call(..) => "function call",
        ExprKind::BinOp(..) | ExprKind::UnaryOp(..) => "expression",
        ExprKind::BoolOp(..) => "expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::Lambda(..) => "lambda",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Comp(CompKind::Gen, ..) => "generator expression",
        ExprKind::Comp(CompKind::List, ..) => "list comprehension",
        ExprKind::Comp(CompKind::Set, ..) => "set comprehension",
        ExprKind::Comp(CompKind::Dict, ..) => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        _ => "expression",
    }
}

fn check_target(e: &Expr, verb: &str) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let mut stars = 0;
            for i in items {
                if let ExprKind::Starred(inner) = &i.kind {
                    stars += 1;
                    check_target(inner, verb)?;
                } else {
                    check_target(i, verb)?;
                }
            }
            if stars > 1 {
                return Err(SyntaxError::new("multiple starred expressions in assignment", e.line, e.col));
            }
            Ok(())
        }
        ExprKind::Starred(inner) => check_target(inner, verb),
        _ => {
            let what = describe(e);
            let msg = if verb == "assign to" && matches!(e.kind, ExprKind::Const(_) | ExprKind::Compare(..)) {
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot {verb} {what}")
            };
            Err(SyntaxError::new(msg, e.line, e.col))
        }
    }
}
