//! Tracebacks and syntax errors, printed as CPython 3.11 prints them.

use crate::lexer::SyntaxError;
use crate::value::{lock, Value};
use crate::vm::Vm;

/// "Traceback (most recent call last): ..." with chained exceptions before it.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    format_chain(vm, exc, &mut out, 0);
    out
}

fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, depth: usize) {
    let Value::Instance(inst) = exc else {
        out.push_str(&format!("{}\n", vm.repr(exc).unwrap_or_default()));
        return;
    };
    let (cause, context, suppress, tb) = match inst.exc() {
        Some(d) => (d.cause.clone(), d.context.clone(), d.suppress_context, d.traceback.clone()),
        None => (None, None, false, Vec::new()),
    };
    if depth < 20 {
        if let Some(c) = cause {
            format_chain(vm, &c, out, depth + 1);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if let (Some(c), false) = (context, suppress) {
            format_chain(vm, &c, out, depth + 1);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for e in tb.iter().rev() {
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.line, e.name));
            if let Some(src) = vm.interp.source_line(&e.filename, e.line) {
                if !src.is_empty() {
                    out.push_str(&format!("    {src}\n"));
                }
            }
        }
    }
    let cls = &inst.class;
    let name = if cls.module == "builtins" || cls.module == "__main__" {
        cls.qualname.clone()
    } else {
        format!("{}.{}", cls.module, cls.qualname)
    };
    let msg = vm.to_str(exc).unwrap_or_else(|_| "<exception str() failed>".into());
    if msg.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {msg}\n"));
    }
}

/// A compile-time error as CPython prints it: file and line, the line, a caret, the message.
pub fn format_syntax_error(e: &SyntaxError, filename: &str, source: &str) -> String {
    if e.kind == "NotImplementedError" {
        let line = source.lines().nth(e.line.saturating_sub(1) as usize).unwrap_or("").trim();
        return format!(
            "Traceback (most recent call last):\n  File \"{filename}\", line {}, in <module>\n    {line}\nNotImplementedError: {}\n",
            e.line, e.msg
        );
    }
    let raw = source.lines().nth(e.line.saturating_sub(1) as usize).unwrap_or("");
    let trimmed = raw.trim_start();
    let indent = raw.chars().count() - trimmed.chars().count();
    let text = trimmed.trim_end();
    let col = (e.col as usize).saturating_sub(indent).min(text.chars().count());
    let width = (e.end_col.saturating_sub(e.col) as usize).max(1);
    let mut out = format!("  File \"{filename}\", line {}\n", e.line);
    if !text.is_empty() {
        out.push_str(&format!("    {text}\n    {}{}\n", " ".repeat(col), "^".repeat(width)));
    }
    out.push_str(&format!("{}: {}\n", e.kind, e.msg));
    out
}

/// A syntax error in an imported module, as an exception value.
pub fn syntax_error_value(e: &SyntaxError, filename: &str, _source: &str) -> crate::Raise {
    let cls = crate::types::exc_class(e.kind);
    let v = crate::types::new_exception(&cls, vec![Value::str(format!("{} ({filename}, line {})", e.msg, e.line))]);
    crate::Raise::Exc(v)
}

pub fn _unused() {
    let _ = lock::<std::sync::Mutex<()>>;
}
