//! The syntax tree the parser builds and the compiler walks: the subset of Python the playground runs.

use std::rc::Rc;

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    MatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::MatMul => "@",
        }
    }
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::Div,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::BitOr,
        BinOp::BitXor,
        BinOp::BitAnd,
        BinOp::MatMul,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

#[derive(Debug, Clone)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(String),
    Float(f64),
    Str(String),
    Bytes(String),
}

#[derive(Debug, Clone)]
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(String, Expr),
    StarStar(Expr),
}

#[derive(Debug, Clone)]
pub enum FPart {
    Lit(String),
    Expr { expr: Box<Expr>, conv: Option<char>, spec: Option<Vec<FPart>> },
}

#[derive(Debug, Clone)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Name(String),
    Const(Const),
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    UnaryOp(UnOp, Box<Expr>),
    /// `and` (true) or `or` (false) over two or more operands.
    BoolOp(bool, Vec<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    Call(Box<Expr>, Vec<Arg>),
    Attribute(Box<Expr>, String),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// Key `None` is a `**mapping` entry.
    Dict(Vec<(Option<Expr>, Expr)>),
    Set(Vec<Expr>),
    Starred(Box<Expr>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Rc<FuncDef>),
    /// Element (for a dict: key, value), generators.
    Comp(CompKind, Box<Expr>, Option<Box<Expr>>, Vec<Comprehension>),
    FString(Vec<FPart>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `name := value`: stores and yields the value.
    NamedExpr(String, Box<Expr>),
    /// `await e`, valid only in an `async def`.
    Await(Box<Expr>),
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub default: Option<Expr>,
}

#[derive(Debug, Clone, Default)]
pub struct Params {
    pub args: Vec<Param>,
    pub posonly: usize,
    pub vararg: Option<String>,
    pub kwonly: Vec<Param>,
    pub kwarg: Option<String>,
}

#[derive(Debug, Clone)]
pub struct FuncDef {
    pub name: String,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub line: u32,
    pub is_lambda: bool,
    /// `async def`: calling it makes a coroutine.
    pub is_async: bool,
}

#[derive(Debug, Clone)]
pub struct Handler {
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    /// Target, annotation, value.
    AnnAssign(Expr, Expr, Option<Expr>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For(Expr, Expr, Vec<Stmt>, Vec<Stmt>),
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    Raise(Option<Expr>, Option<Expr>),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    With(Vec<(Expr, Option<Expr>)>, Vec<Stmt>),
    FunctionDef(Rc<FuncDef>),
    ClassDef {
        name: String,
        bases: Vec<Arg>,
        body: Vec<Stmt>,
        decorators: Vec<Expr>,
    },
    /// `import a.b as c`: (dotted name, alias).
    Import(Vec<(String, Option<String>)>),
    /// `from m import a as b`; the name "*" imports everything public.
    ImportFrom(String, Vec<(String, Option<String>)>),
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Assert(Expr, Option<Expr>),
    Del(Vec<Expr>),
}
