//! The methods of `str`, with `str.format`.

use std::sync::Arc;

use crate::builtins::{arg_count, helper, Kw};
use crate::types::{add_methods, err, type_error, type_name, types, value_error};
use crate::value::{lock, Str, Value};
use crate::vm::Vm;
use crate::R;

pub fn install() {
    add_methods(
        &types().str_,
        &[
            ("__new__", str_new),
            ("join", join),
            ("split", split),
            ("rsplit", rsplit),
            ("splitlines", splitlines),
            ("strip", strip),
            ("lstrip", lstrip),
            ("rstrip", rstrip),
            ("upper", upper),
            ("lower", lower),
            ("casefold", lower),
            ("title", title),
            ("capitalize", capitalize),
            ("swapcase", swapcase),
            ("replace", replace),
            ("startswith", startswith),
            ("endswith", endswith),
            ("find", find),
            ("rfind", rfind),
            ("index", index),
            ("rindex", rindex),
            ("count", count),
            ("format", format),
            ("isdigit", isdigit),
            ("isdecimal", isdigit),
            ("isnumeric", isnumeric),
            ("isalpha", isalpha),
            ("isalnum", isalnum),
            ("isspace", isspace),
            ("isupper", isupper),
            ("islower", islower),
            ("istitle", istitle),
            ("isidentifier", isidentifier),
            ("isascii", isascii),
            ("center", center),
            ("ljust", ljust),
            ("rjust", rjust),
            ("zfill", zfill),
            ("partition", partition),
            ("rpartition", rpartition),
            ("removeprefix", removeprefix),
            ("removesuffix", removesuffix),
            ("encode", encode),
            ("expandtabs", expandtabs),
            ("__len__", len),
            ("__contains__", contains),
        ],
    );
}

fn this(args: &[Value]) -> R<Arc<Str>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(v) => Err(type_error(format!("descriptor requires a 'str' object but received a '{}'", type_name(v)))),
        None => Err(type_error("descriptor needs an argument")),
    }
}

fn str_arg(args: &[Value], i: usize, fname: &str) -> R<Option<String>> {
    match args.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.s.clone())),
        Some(v) => Err(type_error(format!("{fname} arg must be None or str, not {}", type_name(v)))),
    }
}

fn s(v: String) -> R<Value> {
    Ok(Value::str(v))
}

fn str_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("str", args, 0, 3)?;
    match args.first() {
        None => s(String::new()),
        Some(v) => s(vm.to_str(v)?),
    }
}

fn join(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("join", args, 2, 2)?;
    let sep = this(args)?;
    if vm.needs_resumable(&args[1]) {
        return helper(vm, "join", args.to_vec());
    }
    // A list or tuple is joined where it is, under the list's lock (no Python runs there): no
    // snapshot, so no count taken and dropped per item.
    let out = match &args[1] {
        Value::List(l) => join_slice(&sep.s, &lock(&l.items))?,
        Value::Tuple(t) => join_slice(&sep.s, &t.0)?,
        other => {
            let items = vm.collect(other)?;
            join_slice(&sep.s, &items)?
        }
    };
    vm.note_alloc(out.len())?;
    s(out)
}

/// The strings of `items` joined by `sep`, in one allocation of the final size.
fn join_slice(sep: &str, items: &[Value]) -> R<String> {
    let mut len = sep.len() * items.len().saturating_sub(1);
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Str(x) => len += x.s.len(),
            v => {
                return Err(type_error(format!("sequence item {i}: expected str instance, {} found", type_name(v))));
            }
        }
    }
    let mut out = String::with_capacity(len);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(x) = it {
            out.push_str(&x.s);
        }
    }
    Ok(out)
}

fn maxsplit(args: &[Value], kw: Kw, i: usize) -> i64 {
    match args.get(i).cloned().or_else(|| crate::builtins::kwarg(kw, "maxsplit")) {
        Some(Value::Int(n)) => n,
        _ => -1,
    }
}

fn sep_arg(args: &[Value], kw: Kw) -> R<Option<String>> {
    let v = args.get(1).cloned().or_else(|| crate::builtins::kwarg(kw, "sep"));
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => {
            if s.s.is_empty() {
                return Err(value_error("empty separator"));
            }
            Ok(Some(s.s.clone()))
        }
        Some(v) => Err(type_error(format!("must be str or None, not {}", type_name(&v)))),
    }
}

fn split(_: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let n = maxsplit(args, kw, 2);
    let parts: Vec<Value> = match sep_arg(args, kw)? {
        None => {
            let mut out = Vec::new();
            let mut rest = st.s.trim_start();
            while !rest.is_empty() {
                if n >= 0 && out.len() as i64 == n {
                    out.push(Value::str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            out
        }
        Some(sep) => {
            if n < 0 {
                st.s.split(sep.as_str()).map(Value::str).collect()
            } else {
                st.s.splitn(n as usize + 1, sep.as_str()).map(Value::str).collect()
            }
        }
    };
    Ok(Value::list(parts))
}

fn rsplit(_: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let n = maxsplit(args, kw, 2);
    let mut parts: Vec<Value> = match sep_arg(args, kw)? {
        None => {
            let mut out = Vec::new();
            let mut rest = st.s.trim_end();
            while !rest.is_empty() {
                if n >= 0 && out.len() as i64 == n {
                    out.push(Value::str(rest));
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map(|p| p + 1).unwrap_or(0);
                out.push(Value::str(&rest[start..]));
                rest = rest[..start].trim_end();
            }
            out
        }
        Some(sep) => {
            if n < 0 {
                st.s.rsplit(sep.as_str()).map(Value::str).collect()
            } else {
                st.s.rsplitn(n as usize + 1, sep.as_str()).map(Value::str).collect()
            }
        }
    };
    parts.reverse();
    Ok(Value::list(parts))
}

/// Python's line boundaries (`\r\n` is one), not only Rust's `\n`; `keepends` keeps them.
fn splitlines(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let keep = match args.get(1).cloned().or_else(|| crate::builtins::kwarg(kw, "keepends")) {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let s = st.s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            let mut end = i + c.len_utf8();
            if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
                it.next();
                end += 1;
            }
            out.push(Value::str(&s[start..if keep { end } else { i }]));
            start = end;
        }
    }
    if start < s.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn strip_with(args: &[Value], left: bool, right: bool) -> R<Value> {
    let st = this(args)?;
    let chars = str_arg(args, 1, "strip")?;
    let mut t: &str = &st.s;
    match chars {
        None => {
            if left {
                t = t.trim_start();
            }
            if right {
                t = t.trim_end();
            }
        }
        Some(cs) => {
            let set: Vec<char> = cs.chars().collect();
            if left {
                t = t.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(&c));
            }
        }
    }
    s(t.to_string())
}

fn strip(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    strip_with(args, true, true)
}
fn lstrip(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    strip_with(args, true, false)
}
fn rstrip(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    strip_with(args, false, true)
}

fn upper(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    s(this(args)?.s.to_uppercase())
}
fn lower(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    s(this(args)?.s.to_lowercase())
}

fn title(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in st.s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    s(out)
}

fn capitalize(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let mut cs = st.s.chars();
    let out = match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
        None => String::new(),
    };
    s(out)
}

fn swapcase(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    s(st.s
        .chars()
        .map(|c| if c.is_uppercase() { c.to_lowercase().to_string() } else { c.to_uppercase().to_string() })
        .collect())
}

fn replace(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("replace", args, 3, 4)?;
    let st = this(args)?;
    let (Some(Value::Str(old)), Some(Value::Str(new))) = (args.get(1), args.get(2)) else {
        return Err(type_error("replace() arguments must be str"));
    };
    let n = match args.get(3) {
        Some(Value::Int(n)) => *n,
        _ => -1,
    };
    let out =
        if n < 0 { st.s.replace(old.s.as_str(), &new.s) } else { st.s.replacen(old.s.as_str(), &new.s, n as usize) };
    vm.note_alloc(out.len())?;
    s(out)
}

fn prefixes(v: &Value, fname: &str) -> R<Vec<String>> {
    match v {
        Value::Str(s) => Ok(vec![s.s.clone()]),
        Value::Tuple(t) => {
            t.0.iter()
                .map(|x| {
                    x.as_str()
                        .map(String::from)
                        .ok_or_else(|| type_error(format!("tuple for {fname} must only contain str")))
                })
                .collect()
        }
        other => Err(type_error(format!("{fname} first arg must be str or a tuple of str, not {}", type_name(other)))),
    }
}

fn char_range(st: &Str, args: &[Value], from: usize) -> (usize, usize) {
    let n = st.char_len() as i64;
    let fix = |v: Option<&Value>, d: i64| match v {
        Some(Value::Int(i)) => {
            if *i < 0 {
                (i + n).max(0)
            } else {
                (*i).min(n)
            }
        }
        _ => d,
    };
    let a = fix(args.get(from), 0);
    let b = fix(args.get(from + 1), n);
    (a as usize, b.max(a) as usize)
}

fn sub(st: &Str, a: usize, b: usize) -> String {
    if st.ascii {
        st.s[a..b].to_string()
    } else {
        st.s.chars().skip(a).take(b - a).collect()
    }
}

fn startswith(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("startswith", args, 2, 4)?;
    let st = this(args)?;
    let (a, b) = char_range(&st, args, 2);
    let t = sub(&st, a, b);
    Ok(Value::Bool(prefixes(&args[1], "startswith")?.iter().any(|p| t.starts_with(p.as_str()))))
}

fn endswith(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("endswith", args, 2, 4)?;
    let st = this(args)?;
    let (a, b) = char_range(&st, args, 2);
    let t = sub(&st, a, b);
    Ok(Value::Bool(prefixes(&args[1], "endswith")?.iter().any(|p| t.ends_with(p.as_str()))))
}

fn find_in(args: &[Value], rev: bool) -> R<i64> {
    let st = this(args)?;
    let Some(Value::Str(needle)) = args.get(1) else {
        return Err(type_error("must be str"));
    };
    let (a, b) = char_range(&st, args, 2);
    let hay = sub(&st, a, b);
    let pos = if rev { hay.rfind(needle.s.as_str()) } else { hay.find(needle.s.as_str()) };
    Ok(match pos {
        Some(p) => (hay[..p].chars().count() + a) as i64,
        None => -1,
    })
}

fn find(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::Int(find_in(args, false)?))
}
fn rfind(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::Int(find_in(args, true)?))
}
fn index(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    match find_in(args, false)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}
fn rindex(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    match find_in(args, true)? {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let Some(Value::Str(needle)) = args.get(1) else { return Err(type_error("must be str")) };
    let (a, b) = char_range(&st, args, 2);
    let hay = sub(&st, a, b);
    if needle.s.is_empty() {
        return Ok(Value::Int(hay.chars().count() as i64 + 1));
    }
    Ok(Value::Int(hay.matches(needle.s.as_str()).count() as i64))
}

fn pred(args: &[Value], f: impl Fn(char) -> bool) -> R<Value> {
    let st = this(args)?;
    Ok(Value::Bool(!st.s.is_empty() && st.s.chars().all(f)))
}

fn isdigit(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    pred(args, |c| c.is_ascii_digit() || c.is_numeric() && c.is_ascii_digit())
}
fn isnumeric(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    pred(args, char::is_numeric)
}
fn isalpha(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    pred(args, char::is_alphabetic)
}
fn isalnum(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    pred(args, char::is_alphanumeric)
}
fn isspace(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    pred(args, char::is_whitespace)
}
fn isascii(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::Bool(this(args)?.s.is_ascii()))
}

fn isupper(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    Ok(Value::Bool(st.s.chars().any(char::is_alphabetic) && !st.s.chars().any(char::is_lowercase)))
}
fn islower(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    Ok(Value::Bool(st.s.chars().any(char::is_alphabetic) && !st.s.chars().any(char::is_uppercase)))
}
fn istitle(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let t = title(vm, args, kw)?;
    let st = this(args)?;
    Ok(Value::Bool(st.s.chars().any(char::is_alphabetic) && t.as_str() == Some(st.s.as_str())))
}
fn isidentifier(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let mut cs = st.s.chars();
    Ok(Value::Bool(match cs.next() {
        Some(c) if c.is_alphabetic() || c == '_' => cs.all(|c| c.is_alphanumeric() || c == '_'),
        _ => false,
    }))
}

fn pad_args(args: &[Value]) -> R<(Arc<Str>, usize, char)> {
    let st = this(args)?;
    let w = match args.get(1) {
        Some(Value::Int(w)) => (*w).max(0) as usize,
        _ => return Err(type_error("integer argument expected")),
    };
    let fill = match args.get(2) {
        Some(Value::Str(f)) if f.char_len() == 1 => f.s.chars().next().unwrap_or(' '),
        Some(_) => return Err(type_error("The fill character must be exactly one character long")),
        None => ' ',
    };
    Ok((st, w, fill))
}

fn center(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let (st, w, f) = pad_args(args)?;
    let n = st.char_len();
    if n >= w {
        return Ok(Value::Str(st));
    }
    let total = w - n;
    let left = total / 2 + (total & w & 1);
    let right = total - left;
    s(format!("{}{}{}", f.to_string().repeat(left), st.s, f.to_string().repeat(right)))
}
fn ljust(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let (st, w, f) = pad_args(args)?;
    let n = st.char_len();
    s(format!("{}{}", st.s, f.to_string().repeat(w.saturating_sub(n))))
}
fn rjust(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let (st, w, f) = pad_args(args)?;
    let n = st.char_len();
    s(format!("{}{}", f.to_string().repeat(w.saturating_sub(n)), st.s))
}
fn zfill(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let Some(Value::Int(w)) = args.get(1) else { return Err(type_error("integer argument expected")) };
    let n = st.char_len();
    let pad = (*w as usize).saturating_sub(n);
    let (sign, rest) = match st.s.strip_prefix(['-', '+']) {
        Some(r) => (&st.s[..1], r),
        None => ("", st.s.as_str()),
    };
    s(format!("{sign}{}{rest}", "0".repeat(pad)))
}

fn partition(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let Some(Value::Str(sep)) = args.get(1) else { return Err(type_error("must be str")) };
    if sep.s.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match st.s.split_once(sep.s.as_str()) {
        Some((a, b)) => Value::tuple(vec![Value::str(a), Value::Str(sep.clone()), Value::str(b)]),
        None => Value::tuple(vec![Value::Str(st.clone()), Value::str(""), Value::str("")]),
    })
}
fn rpartition(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let Some(Value::Str(sep)) = args.get(1) else { return Err(type_error("must be str")) };
    if sep.s.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match st.s.rsplit_once(sep.s.as_str()) {
        Some((a, b)) => Value::tuple(vec![Value::str(a), Value::Str(sep.clone()), Value::str(b)]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(st.clone())]),
    })
}
fn removeprefix(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let p = str_arg(args, 1, "removeprefix")?.unwrap_or_default();
    s(st.s.strip_prefix(p.as_str()).unwrap_or(&st.s).to_string())
}
fn removesuffix(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let p = str_arg(args, 1, "removesuffix")?.unwrap_or_default();
    s(st.s.strip_suffix(p.as_str()).unwrap_or(&st.s).to_string())
}
fn encode(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::obj(crate::value::Obj::Bytes(this(args)?.s.as_bytes().to_vec())))
}
fn expandtabs(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let n = match args.get(1) {
        Some(Value::Int(n)) => *n as usize,
        _ => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in st.s.chars() {
        match c {
            '\t' => {
                let k = if n == 0 { 0 } else { n - col % n };
                out.push_str(&" ".repeat(k));
                col += k;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    s(out)
}
fn len(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    Ok(Value::Int(this(args)?.char_len() as i64))
}
fn contains(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    arg_count("__contains__", args, 2, 2)?;
    Ok(Value::Bool(vm.contains(&args[0], &args[1])?))
}

/// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{name[key]}`, `!r`/`!s`, `:spec`.
fn format(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let args = &*crate::subclass::self_native(args);
    let st = this(args)?;
    let pos = &args[1..];
    let chars: Vec<char> = st.s.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut depth = 1;
        i += 1;
        while i < chars.len() {
            match chars[i] {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if i >= chars.len() {
            return Err(value_error("Single '{' encountered in format string"));
        }
        let field: String = chars[start..i].iter().collect();
        i += 1;
        let (field, spec) = match field.find(':') {
            Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
            None => (field, String::new()),
        };
        let (field, conv) = match field.find('!') {
            Some(p) => (field[..p].to_string(), field[p + 1..].chars().next()),
            None => (field, None),
        };
        // The first part of the field: an index, a name, or empty (automatic numbering).
        let name_end = field.find(['.', '[']).unwrap_or(field.len());
        let head = &field[..name_end];
        let mut v = if head.is_empty() {
            let v = pos.get(auto).cloned().ok_or_else(|| {
                err("IndexError", format!("Replacement index {auto} out of range for positional args tuple"))
            })?;
            auto += 1;
            v
        } else if let Ok(n) = head.parse::<usize>() {
            pos.get(n).cloned().ok_or_else(|| {
                err("IndexError", format!("Replacement index {n} out of range for positional args tuple"))
            })?
        } else {
            crate::builtins::kwarg(kw, head).ok_or_else(|| {
                crate::Raise::Exc(crate::types::new_exception(
                    &crate::types::exc_class("KeyError"),
                    vec![Value::str(head)],
                ))
            })?
        };
        let mut rest = &field[name_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                v = vm.getattr(&v, &Arc::new(Str::new(r[..end].to_string())))?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']').unwrap_or(r.len());
                let key = &r[..end];
                let k = match key.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(key),
                };
                v = vm.getitem(&v, &k)?;
                rest = r.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        let v = match conv {
            Some('r') => Value::str(vm.repr(&v)?),
            Some('s') => Value::str(vm.to_str(&v)?),
            Some('a') => Value::str(crate::format::ascii(&vm.repr(&v)?)),
            _ => v,
        };
        // A spec may itself hold fields: `{:{width}}`.
        let spec = if spec.contains('{') {
            let mut a = vec![Value::str(spec)];
            a.extend(pos.iter().cloned());
            let r = format(vm, &a, kw)?;
            r.as_str().unwrap_or("").to_string()
        } else {
            spec
        };
        out.push_str(&vm.format(&v, &spec)?);
    }
    s(out)
}
