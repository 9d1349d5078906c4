//! The format-spec mini-language (`format(x, spec)`, f-string `{x:>10,.2f}`), `%`-formatting,
//! and string repr with CPython's quoting.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::ops::float_repr;
use crate::types::value_error;
use crate::R;

#[derive(Default, Debug)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(s: &str) -> R<Spec> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        sp.width = c[start..i].iter().collect::<String>().parse().unwrap_or(0);
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        sp.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision"));
        }
        sp.precision = Some(c[start..i].iter().collect::<String>().parse().unwrap_or(0));
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err(value_error("Invalid format specifier"));
    }
    Ok(sp)
}

fn pad(body: String, sign: &str, sp: &Spec, default_align: char) -> String {
    let fill = sp.fill.unwrap_or(if sp.zero && sp.align.is_none() { '0' } else { ' ' });
    let align = sp.align.unwrap_or(if sp.zero && sp.fill.is_none() { '=' } else { default_align });
    let len = body.chars().count() + sign.chars().count();
    if len >= sp.width {
        return format!("{sign}{body}");
    }
    let n = sp.width - len;
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
    }
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let (int, rest) = match digits.find(|c: char| !c.is_ascii_alphanumeric()) {
        Some(p) => (&digits[..p], &digits[p..]),
        None => (digits, ""),
    };
    let mut out = String::new();
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out + rest
}

fn sign_str(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_int(v: &BigInt, sp: &Spec) -> R<String> {
    if let Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') = sp.ty {
        let f = num_traits::ToPrimitive::to_f64(v).unwrap_or(f64::INFINITY);
        return format_float(f, sp);
    }
    if sp.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    let neg = v.is_negative();
    let a = v.abs();
    let (mut body, prefix) = match sp.ty {
        None | Some('d') | Some('n') => (a.to_string(), ""),
        Some('x') => (a.to_str_radix(16), "0x"),
        Some('X') => (a.to_str_radix(16).to_uppercase(), "0X"),
        Some('o') => (a.to_str_radix(8), "0o"),
        Some('b') => (a.to_str_radix(2), "0b"),
        Some('c') => {
            let c = num_traits::ToPrimitive::to_u32(v)
                .and_then(char::from_u32)
                .ok_or_else(|| crate::types::err("OverflowError", "%c arg not in range(0x110000)"))?;
            return Ok(pad(c.to_string(), "", sp, '<'));
        }
        Some(t) => {
            return Err(value_error(format!("Unknown format code '{t}' for object of type 'int'")));
        }
    };
    if let Some(g) = sp.grouping {
        let every = if matches!(sp.ty, Some('x' | 'X' | 'o' | 'b')) { 4 } else { 3 };
        body = group(&body, g, every);
    }
    let sign = format!("{}{}", sign_str(neg, sp), if sp.alt { prefix } else { "" });
    if sp.zero && sp.grouping.is_some() && sp.width > body.len() + sign.len() && sp.align.is_none() {
        // Zero padding goes through the grouping, as CPython does ("0,001").
        let digits: String = body.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        let mut width = sp.width - sign.len();
        let mut padded = digits.clone();
        loop {
            let g = group(&padded, sp.grouping.unwrap_or(','), 3);
            if g.len() >= width {
                return Ok(format!("{sign}{g}"));
            }
            padded.insert(0, '0');
            width = width.max(1);
        }
    }
    Ok(pad(body, &sign, sp, '>'))
}

pub fn format_float(f: f64, sp: &Spec) -> R<String> {
    let neg = f.is_sign_negative() && !(f == 0.0 && sp.ty.is_none() && false) && !f.is_nan();
    let a = f.abs();
    let mut body = match sp.ty {
        Some('f' | 'F') => fixed(a, sp.precision.unwrap_or(6), sp.alt),
        Some('e' | 'E') => sci(a, sp.precision.unwrap_or(6), sp.alt),
        Some('g' | 'G' | 'n') => general(a, sp.precision.unwrap_or(6), sp.alt, false),
        Some('%') => fixed(a * 100.0, sp.precision.unwrap_or(6), sp.alt) + "%",
        None => match sp.precision {
            None => float_repr(a),
            Some(p) => general(a, p, sp.alt, true),
        },
        Some(t) => return Err(value_error(format!("Unknown format code '{t}' for object of type 'float'"))),
    };
    if matches!(sp.ty, Some('E' | 'G' | 'F')) {
        body = body.to_uppercase();
    }
    if !a.is_finite() {
        body = if a.is_nan() { "nan".into() } else { "inf".into() };
        if matches!(sp.ty, Some('E' | 'G' | 'F')) {
            body = body.to_uppercase();
        }
    }
    if let Some(g) = sp.grouping {
        body = group(&body, g, 3);
    }
    Ok(pad(body, sign_str(neg, sp), sp, '>'))
}

fn fixed(a: f64, p: usize, alt: bool) -> String {
    let mut s = format!("{:.*}", p, a);
    if alt && p == 0 {
        s.push('.');
    }
    s
}

fn sci(a: f64, p: usize, alt: bool) -> String {
    let s = format!("{:.*e}", p, a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let mut m = m.to_string();
    if alt && p == 0 {
        m.push('.');
    }
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// 'g' formatting; `repr_like` is the no-type-with-precision form, which keeps one decimal.
fn general(a: f64, p: usize, alt: bool, repr_like: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        return if repr_like || alt { format!("{:.*}", if alt { p - 1 } else { 1 }, 0.0) } else { "0".into() };
    }
    let s = format!("{:.*e}", p - 1, a);
    let exp: i32 = s.split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0);
    let mut out = if exp >= -4 && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a)
    } else {
        sci(a, p - 1, alt)
    };
    if !alt {
        if let Some(epos) = out.find('e') {
            let (m, e) = out.split_at(epos);
            let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
            out = format!("{m}{e}");
        } else if out.contains('.') {
            out = out.trim_end_matches('0').trim_end_matches('.').to_string();
        }
    }
    if repr_like && !out.contains('.') && !out.contains('e') && !out.contains("inf") && !out.contains("nan") {
        out.push_str(".0");
    }
    out
}

pub fn format_str(s: &str, sp: &Spec) -> R<String> {
    if let Some(t) = sp.ty {
        if t != 's' {
            return Err(value_error(format!("Unknown format code '{t}' for object of type 'str'")));
        }
    }
    if sp.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    let body: String = match sp.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(body, "", sp, '<'))
}

/// `repr()` of a string: single quotes unless the text has one and no double quote.
pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (0x80..0xa0).contains(&(c as u32)) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// `ascii()`: the repr with non-ASCII characters escaped.
pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let u = c as u32;
        if u < 128 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}
