//! The tokenizer: source text to tokens, with Python's INDENT/DEDENT and implicit line joining.
//!
//! Strings are decoded here (escapes, prefixes); an f-string keeps its raw body, which the parser
//! splits into literal parts and expressions. Errors carry CPython's wording and position.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Name(String),
    Int(String),
    Float(f64),
    /// A string literal, decoded; `fstring` ones keep their raw body for the parser.
    Str {
        value: String,
        fstring: bool,
        bytes: bool,
    },
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    Eof,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
    /// 0-based column of the token's first character.
    pub col: u32,
    pub end_col: u32,
}

/// A compile-time error, as Python reports it: `SyntaxError` (or `IndentationError`, a subclass)
/// or `NotImplementedError` for valid Python the playground does not run.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub kind: &'static str,
    pub msg: String,
    pub line: u32,
    /// 0-based column of the caret; `end_col` is one past the last caret.
    pub col: u32,
    pub end_col: u32,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, line: u32, col: u32) -> Self {
        SyntaxError { kind: "SyntaxError", msg: msg.into(), line, col, end_col: col + 1 }
    }
    pub fn indent(msg: impl Into<String>, line: u32, col: u32) -> Self {
        SyntaxError { kind: "IndentationError", ..Self::new(msg, line, col) }
    }
    pub fn unsupported(feature: &str, line: u32, col: u32) -> Self {
        SyntaxError {
            kind: "NotImplementedError",
            ..Self::new(format!("{feature} is not supported by the playground yet"), line, col)
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {} (line {})", self.kind, self.msg, self.line)
    }
}

const OPS3: [&str; 6] = ["**=", "//=", ">>=", "<<=", "...", "!=="];
const OPS2: [&str; 20] = [
    "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "@=",
    "<>",
];
const OPS1: &str = "+-*/%@&|^~<>()[]{},:.;=";

pub fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    Lexer {
        chars: src.chars().collect(),
        pos: 0,
        line: 1,
        line_start: 0,
        out: Vec::new(),
        indents: vec![0],
        alt_indents: vec![0],
        parens: Vec::new(),
    }
    .run()
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: u32,
    line_start: usize,
    out: Vec<Token>,
    indents: Vec<u32>,
    /// The same indentation measured with tabs as one column: where the two orders disagree,
    /// the indentation depends on the tab size (CPython's TabError).
    alt_indents: Vec<u32>,
    /// Open brackets with their position, for implicit line joining and "was never closed".
    parens: Vec<(char, u32, u32)>,
}

impl Lexer {
    fn peek(&self, k: usize) -> char {
        *self.chars.get(self.pos + k).unwrap_or(&'\0')
    }
    fn col(&self) -> u32 {
        (self.pos - self.line_start) as u32
    }
    fn push(&mut self, tok: Tok, line: u32, col: u32) {
        let end_col = if line == self.line { self.col() } else { col + 1 };
        self.out.push(Token { tok, line, col, end_col });
    }

    fn run(mut self) -> Result<Vec<Token>, SyntaxError> {
        let mut at_line_start = true;
        loop {
            if at_line_start && self.parens.is_empty() {
                at_line_start = false;
                if self.indentation()? {
                    // A blank or comment line: the next line's indentation is what counts.
                    at_line_start = true;
                    continue;
                }
            }
            let c = self.peek(0);
            let (line, col) = (self.line, self.col());
            if c == '\0' && self.pos >= self.chars.len() {
                break;
            }
            match c {
                ' ' | '\t' | '\x0c' => self.pos += 1,
                '#' => {
                    while self.pos < self.chars.len() && self.peek(0) != '\n' {
                        self.pos += 1;
                    }
                }
                '\\' => {
                    if self.peek(1) == '\n' {
                        self.pos += 2;
                        self.new_line();
                    } else if self.peek(1) == '\r' && self.peek(2) == '\n' {
                        self.pos += 3;
                        self.new_line();
                    } else {
                        return Err(SyntaxError::new(
                            "unexpected character after line continuation character",
                            line,
                            col,
                        ));
                    }
                }
                '\r' => self.pos += 1,
                '\n' => {
                    self.pos += 1;
                    if self.parens.is_empty() {
                        let blank = !matches!(self.out.last().map(|t| &t.tok), Some(t) if *t != Tok::Newline && *t != Tok::Indent && *t != Tok::Dedent);
                        if !blank {
                            self.out.push(Token { tok: Tok::Newline, line, col, end_col: col + 1 });
                        }
                        at_line_start = true;
                    }
                    self.new_line();
                }
                c if c.is_alphabetic() || c == '_' => {
                    let start = self.pos;
                    while self.peek(0).is_alphanumeric() || self.peek(0) == '_' {
                        self.pos += 1;
                    }
                    let word: String = self.chars[start..self.pos].iter().collect();
                    let q = self.peek(0);
                    if (q == '"' || q == '\'') && is_string_prefix(&word) {
                        self.string(&word.to_ascii_lowercase(), line, col)?;
                    } else {
                        self.push(Tok::Name(word), line, col);
                    }
                }
                '"' | '\'' => self.string("", line, col)?,
                c if c.is_ascii_digit() || (c == '.' && self.peek(1).is_ascii_digit()) => self.number(line, col)?,
                _ => self.operator(line, col)?,
            }
        }
        if let Some(&(p, l, c)) = self.parens.last() {
            return Err(SyntaxError::new(format!("'{p}' was never closed"), l, c));
        }
        let (line, col) = (self.line, self.col());
        if !matches!(self.out.last().map(|t| &t.tok), None | Some(Tok::Newline) | Some(Tok::Dedent)) {
            self.out.push(Token { tok: Tok::Newline, line, col, end_col: col + 1 });
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.alt_indents.pop();
            self.out.push(Token { tok: Tok::Dedent, line, col: 0, end_col: 1 });
        }
        self.out.push(Token { tok: Tok::Eof, line, col, end_col: col + 1 });
        Ok(self.out)
    }

    fn new_line(&mut self) {
        self.line += 1;
        self.line_start = self.pos;
    }

    /// Measures a logical line's indentation and emits INDENT/DEDENT; returns true when the line
    /// was blank or a comment (and has been skipped).
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let mut width = 0u32;
        let mut alt = 0u32;
        let mut p = self.pos;
        while let Some(&c) = self.chars.get(p) {
            match c {
                ' ' => {
                    width += 1;
                    alt += 1;
                }
                '\t' => {
                    width = (width / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    width = 0;
                    alt = 0;
                }
                _ => break,
            }
            p += 1;
        }
        match self.chars.get(p) {
            None => {
                self.pos = p;
                return Ok(false);
            }
            Some('#') | Some('\n') | Some('\r') => {
                while p < self.chars.len() && self.chars[p] != '\n' {
                    p += 1;
                }
                self.pos = (p + 1).min(self.chars.len());
                if p < self.chars.len() {
                    self.new_line();
                }
                return Ok(true);
            }
            Some('\\') => {}
            _ => {}
        }
        self.pos = p;
        let line = self.line;
        let cur = *self.indents.last().unwrap_or(&0);
        let alt_cur = *self.alt_indents.last().unwrap_or(&0);
        let tab_error = || SyntaxError {
            kind: "TabError",
            ..SyntaxError::new("inconsistent use of tabs and spaces in indentation", line, width)
        };
        if (width > cur) != (alt > alt_cur) || (width == cur) != (alt == alt_cur) {
            return Err(tab_error());
        }
        if width > cur {
            self.alt_indents.push(alt);
            // An indent where no block opens is the parser's to report (after, say, a missing
            // colon, which CPython reports first).
            self.indents.push(width);
            self.out.push(Token { tok: Tok::Indent, line, col: 0, end_col: width });
        } else if width < cur {
            while *self.indents.last().unwrap_or(&0) > width {
                self.indents.pop();
                self.alt_indents.pop();
                self.out.push(Token { tok: Tok::Dedent, line, col: width, end_col: width + 1 });
            }
            if *self.indents.last().unwrap_or(&0) != width {
                return Err(SyntaxError::indent("unindent does not match any outer indentation level", line, width));
            }
            if *self.alt_indents.last().unwrap_or(&0) != alt {
                return Err(tab_error());
            }
        }
        Ok(false)
    }

    fn number(&mut self, line: u32, col: u32) -> Result<(), SyntaxError> {
        let start = self.pos;
        let c1 = self.peek(1).to_ascii_lowercase();
        if self.peek(0) == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b') {
            self.pos += 2;
            while self.peek(0).is_ascii_alphanumeric() || self.peek(0) == '_' {
                self.pos += 1;
            }
            let text: String = self.chars[start..self.pos].iter().filter(|c| **c != '_').collect();
            let radix = match c1 {
                'x' => 16,
                'o' => 8,
                _ => 2,
            };
            if text.len() <= 2 || !text[2..].chars().all(|c| c.is_digit(radix)) {
                let what = match c1 {
                    'x' => "hexadecimal",
                    'o' => "octal",
                    _ => "binary",
                };
                return Err(SyntaxError::new(format!("invalid {what} literal"), line, col));
            }
            self.push(Tok::Int(text), line, col);
            return Ok(());
        }
        let mut is_float = false;
        let digits = |l: &mut Lexer| {
            while l.peek(0).is_ascii_digit() || (l.peek(0) == '_' && l.peek(1).is_ascii_digit()) {
                l.pos += 1;
            }
        };
        digits(self);
        if self.peek(0) == '.' {
            is_float = true;
            self.pos += 1;
            digits(self);
        }
        if matches!(self.peek(0), 'e' | 'E')
            && (self.peek(1).is_ascii_digit() || (matches!(self.peek(1), '+' | '-') && self.peek(2).is_ascii_digit()))
        {
            is_float = true;
            self.pos += 2;
            digits(self);
        }
        if matches!(self.peek(0), 'j' | 'J') {
            return Err(SyntaxError::unsupported("complex numbers", line, col));
        }
        if self.peek(0).is_alphanumeric() || self.peek(0) == '_' {
            return Err(SyntaxError::new("invalid decimal literal", line, col));
        }
        let text: String = self.chars[start..self.pos].iter().filter(|c| **c != '_').collect();
        if is_float {
            let v = crate::decimal::parse_f64(&text)
                .ok_or_else(|| SyntaxError::new("invalid decimal literal", line, col))?;
            self.push(Tok::Float(v), line, col);
        } else {
            if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
                return Err(SyntaxError::new(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line,
                    col,
                ));
            }
            self.push(Tok::Int(text), line, col);
        }
        Ok(())
    }

    fn operator(&mut self, line: u32, col: u32) -> Result<(), SyntaxError> {
        let s3: String = (0..3).map(|k| self.peek(k)).collect();
        let s2: String = s3.chars().take(2).collect();
        let c = self.peek(0);
        let op: &'static str = if let Some(o) = OPS3.iter().find(|o| **o == s3) {
            o
        } else if let Some(o) = OPS2.iter().find(|o| **o == s2) {
            o
        } else if let Some(i) = OPS1.find(c) {
            &OPS1[i..i + c.len_utf8()]
        } else if c == '!' || c == '$' || c == '?' || c == '`' {
            return Err(SyntaxError::new("invalid syntax", line, col));
        } else {
            return Err(SyntaxError::new(format!("invalid character '{c}' (U+{:04X})", c as u32), line, col));
        };
        if op == "<>" || op == "!==" {
            return Err(SyntaxError::new("invalid syntax", line, col));
        }
        self.pos += op.chars().count();
        match op {
            "(" | "[" | "{" => self.parens.push((c, line, col)),
            ")" | "]" | "}" => match self.parens.pop() {
                None => return Err(SyntaxError::new(format!("unmatched '{c}'"), line, col)),
                Some((open, l, oc)) => {
                    let want = match open {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if want != c {
                        let msg = if l == line {
                            format!("closing parenthesis '{c}' does not match opening parenthesis '{open}'")
                        } else {
                            format!("closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {l}")
                        };
                        let _ = oc;
                        return Err(SyntaxError::new(msg, line, col));
                    }
                }
            },
            _ => {}
        }
        self.push(Tok::Op(op), line, col);
        Ok(())
    }

    fn string(&mut self, prefix: &str, line: u32, col: u32) -> Result<(), SyntaxError> {
        let raw = prefix.contains('r');
        let fstring = prefix.contains('f');
        let bytes = prefix.contains('b');
        let q = self.peek(0);
        let triple = self.peek(1) == q && self.peek(2) == q;
        self.pos += if triple { 3 } else { 1 };
        let mut body = String::new();
        loop {
            let c = self.peek(0);
            if self.pos >= self.chars.len() || (!triple && c == '\n') {
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {})", self.line)
                } else {
                    format!("unterminated string literal (detected at line {})", self.line)
                };
                return Err(SyntaxError::new(msg, line, col));
            }
            if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
                self.pos += if triple { 3 } else { 1 };
                break;
            }
            if c == '\\' {
                body.push(c);
                self.pos += 1;
                let n = self.peek(0);
                if self.pos < self.chars.len() {
                    body.push(n);
                    self.pos += 1;
                    if n == '\n' {
                        self.new_line();
                    }
                }
                continue;
            }
            if c == '\n' {
                self.pos += 1;
                body.push(c);
                self.new_line();
                continue;
            }
            body.push(c);
            self.pos += 1;
        }
        let value = if fstring || raw { body } else { unescape(&body).map_err(|m| SyntaxError::new(m, line, col))? };
        // An f-string's escapes are decoded per literal part by the parser; raw ones never are.
        let value = if fstring && raw { body_raw_marker(value) } else { value };
        self.push(Tok::Str { value, fstring, bytes }, line, col);
        Ok(())
    }
}

/// Raw f-strings are rare; their body is marked so the parser does not decode escapes.
fn body_raw_marker(s: String) -> String {
    format!("\u{0}R{s}")
}

fn is_string_prefix(w: &str) -> bool {
    matches!(w.to_ascii_lowercase().as_str(), "r" | "u" | "f" | "b" | "rf" | "fr" | "br" | "rb")
}

/// Decodes a (non-raw) string literal's backslash escapes.
pub fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = it.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match it.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            it.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..n).filter_map(|_| it.next()).collect();
                let v = u32::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == n).ok_or_else(|| {
                    format!("(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\{e}XX escape")
                })?;
                out.push(char::from_u32(v).ok_or("(unicode error) illegal Unicode character")?);
            }
            'N' => return Err("\\N{...} escapes are not supported by the playground yet".into()),
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
