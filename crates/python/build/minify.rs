//! Shrinks the Python sources the interpreter embeds (build.rs), since they ship inside its wasm:
//! comments go, trailing spaces go, and each block is indented by one space per level.
//!
//! What must not change, and why it does not:
//! - line numbers: every line stays a line (a comment-only line becomes empty), so a traceback
//!   through `threading.py` names the same line as before;
//! - the tokens: indentation keeps its nesting (one space per level of the original's indentation
//!   stack), the contents of every string are copied as they are (a `#` inside quotes is not a
//!   comment), and a line continued with a backslash keeps its leading whitespace;
//! - the source lines a traceback prints: the interpreter prints them trimmed, so only a comment at
//!   the end of a line goes missing there (these are the playground's own modules, not CPython's);
//! - a statement that is a string alone (a docstring) becomes `pass` on its first line, its other
//!   lines empty: the same statement count, so no body is left empty. The one difference a program
//!   can see is that these modules' classes and functions have `__doc__` None (CPython's have
//!   CPython's own text, which these never matched).
//!
//! `tests/minify.rs` checks that each embedded module gives the same tokens on the same lines, a
//! docstring's string token aside (`pass` in its place).

/// Where the scan is at the end of a line: in code, or inside a string that goes on.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Code,
    /// A triple-quoted string closed by three of this quote.
    Triple(char),
    /// A one-quote string continued by a backslash at the end of the line.
    Single(char),
}

/// The minified source: the same lines, the same tokens, fewer bytes.
pub fn minify(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut state = State::Code;
    // Open brackets: inside them a line's leading whitespace means nothing.
    let mut depth = 0usize;
    // The previous line ended with a backslash outside a string.
    let mut joined = false;
    // The original's indentation widths, outermost first (Python's own indent stack).
    let mut indents = vec![0usize];
    // Where the current line starts in `src`, and how many lines a removed docstring still covers.
    let mut offset = 0;
    let mut skip = 0;
    for (i, line) in src.split('\n').enumerate() {
        let start = offset;
        offset += line.len() + 1;
        if i > 0 {
            out.push('\n');
        }
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut pos = 0;
        let starts_logical = state == State::Code && depth == 0 && !joined;
        if state == State::Code {
            let lead = chars.iter().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count();
            let rest_blank = chars[lead..].iter().all(|c| c.is_whitespace()) || chars.get(lead) == Some(&'#');
            if rest_blank {
                // Blank or a comment alone: an empty line, as the tokenizer sees it anyway.
                joined = false;
                continue;
            }
            if starts_logical {
                let width = chars[..lead].iter().fold(0, |w, c| if *c == '\t' { (w / 8 + 1) * 8 } else { w + 1 });
                while width < *indents.last().unwrap_or(&0) {
                    indents.pop();
                }
                if width > *indents.last().unwrap_or(&0) {
                    indents.push(width);
                }
                out.extend(std::iter::repeat_n(' ', indents.len() - 1));
                pos = lead;
                // Leading whitespace is ASCII: `lead` characters are `lead` bytes.
                if let Some(lines) = docstring_lines(&src[start + lead..]) {
                    out.push_str("pass");
                    skip = lines;
                    continue;
                }
            } else if !joined {
                // A line inside brackets: the line break already separates its first token.
                pos = lead;
            }
        }
        joined = false;
        let mut code_end = out.len();
        while pos < chars.len() {
            let c = chars[pos];
            match state {
                State::Triple(q) | State::Single(q) => {
                    out.push(c);
                    pos += 1;
                    if c == '\\' {
                        if let Some(&n) = chars.get(pos) {
                            out.push(n);
                            pos += 1;
                        }
                    } else if c == q {
                        if let State::Single(_) = state {
                            state = State::Code;
                        } else if chars.get(pos) == Some(&q) && chars.get(pos + 1) == Some(&q) {
                            out.push(q);
                            out.push(q);
                            pos += 2;
                            state = State::Code;
                        }
                    }
                    if state == State::Code {
                        code_end = out.len();
                    }
                }
                State::Code => {
                    if c == '#' {
                        break;
                    }
                    out.push(c);
                    pos += 1;
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' => depth = depth.saturating_sub(1),
                        '\'' | '"' => {
                            if chars.get(pos) == Some(&c) && chars.get(pos + 1) == Some(&c) {
                                out.push(c);
                                out.push(c);
                                pos += 2;
                                state = State::Triple(c);
                            } else {
                                state = State::Single(c);
                            }
                        }
                        _ => {}
                    }
                    if state == State::Code && !c.is_whitespace() {
                        code_end = out.len();
                    }
                }
            }
        }
        match state {
            State::Code => {
                // Trailing spaces (and those before a comment) go; a final backslash joins lines.
                out.truncate(code_end);
                joined = out.ends_with('\\');
            }
            // A one-quote string ends at its line unless a backslash continues it.
            State::Single(_) if !out.ends_with('\\') => state = State::Code,
            _ => {}
        }
    }
    out
}

/// If `rest` (a logical line's text onwards) opens with a plain string literal that is the whole
/// statement (nothing after it on its last line but spaces or a comment), how many more lines the
/// string spans.
fn docstring_lines(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let q = *b.first().filter(|c| matches!(c, b'"' | b'\''))?;
    let triple = b.get(1) == Some(&q) && b.get(2) == Some(&q);
    let mut i = if triple { 3 } else { 1 };
    loop {
        match *b.get(i)? {
            b'\\' => i += 2,
            b'\n' if !triple => return None,
            c if c == q && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q))) => {
                i += if triple { 3 } else { 1 };
                break;
            }
            _ => i += 1,
        }
    }
    let tail = rest[i..].split('\n').next().unwrap_or("");
    let tail = tail.trim_start_matches([' ', '\t']);
    (tail.is_empty() || tail.starts_with('#')).then(|| rest[..i].matches('\n').count())
}
