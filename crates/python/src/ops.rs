//! Arithmetic and comparison of the builtin number, string and sequence types, with Python's
//! semantics (floor division, big-int overflow, CPython's error messages). Operations on
//! instances of user classes go through their dunder methods in `vm::operators`.

use std::cmp::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ast::BinOp;
use crate::types::{err, type_error, type_name, value_error};
use crate::value::{lock, Value};
use crate::R;

pub fn big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Big(Arc::new(b)),
    }
}

pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Big(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn parse_int_literal(s: &str) -> Option<Value> {
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let (radix, digits) = if let Some(r) = lower.strip_prefix("0x") {
        (16, r)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (8, r)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (2, r)
    } else {
        (10, lower.as_str())
    };
    let b = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(big(if neg { -b } else { b }))
}

pub fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Big(_))
}

pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        Value::Big(b) => Some(b.to_f64().unwrap_or(f64::INFINITY)),
        _ => None,
    }
}

fn int_too_large() -> crate::Raise {
    err("OverflowError", "int too large to convert to float")
}

fn to_f64_checked(v: &Value) -> R<f64> {
    match v {
        Value::Big(b) => {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                Err(int_too_large())
            } else {
                Ok(f)
            }
        }
        _ => Ok(to_f64(v).unwrap_or(0.0)),
    }
}

pub fn num_eq(a: &Value, b: &Value) -> Option<bool> {
    Some(compare_numbers(a, b)? == Ordering::Equal)
}

/// Orders two numbers exactly (an int against a float compares their true values).
pub fn compare_numbers(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(_), _) | (_, Value::Float(_)) => {
            let (x, y) = (to_f64(a)?, to_f64(b)?);
            if x.is_nan() || y.is_nan() {
                return None;
            }
            // An int beyond 2**53 may not be a float exactly: compare as big ints when both are whole.
            if let (Some(p), Some(q)) = (to_big(a), to_big(b)) {
                return Some(p.cmp(&q));
            }
            let (fi, other, flip) = match (a, b) {
                (Value::Float(f), o) => (*f, o, false),
                (o, Value::Float(f)) => (*f, o, true),
                _ => return x.partial_cmp(&y),
            };
            let ord = if fi.is_infinite() || fi.fract() != 0.0 || fi.abs() < 9.0e15 {
                fi.partial_cmp(&to_f64(other)?)?
            } else {
                BigInt::from(fi as i128).cmp(&to_big(other)?)
            };
            Some(if flip { ord.reverse() } else { ord })
        }
        _ => Some(to_big(a)?.cmp(&to_big(b)?)),
    }
}

/// The binary operators on builtin numbers, strings and sequences; `None` when the operand types
/// are not handled here (the VM then tries the dunder methods).
pub fn binary(op: BinOp, a: &Value, b: &Value) -> Option<R<Value>> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(int_op(op, *x, *y)),
        (Float(x), Float(y)) => float_op(op, *x, *y),
        (Int(_) | Bool(_) | Big(_), Int(_) | Bool(_) | Big(_)) => {
            if let (Bool(x), Bool(y)) = (a, b) {
                return Some(match op {
                    BinOp::BitAnd => Ok(Bool(*x & *y)),
                    BinOp::BitOr => Ok(Bool(*x | *y)),
                    BinOp::BitXor => Ok(Bool(*x ^ *y)),
                    _ => int_op(op, *x as i64, *y as i64),
                });
            }
            match (small_int(a), small_int(b)) {
                (Some(x), Some(y)) => Some(int_op(op, x, y)),
                _ => Some(big_op(op, to_big(a)?, to_big(b)?)),
            }
        }
        (Float(_), Int(_) | Bool(_) | Big(_)) | (Int(_) | Bool(_) | Big(_), Float(_)) => {
            let x = match to_f64_checked(a) {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            let y = match to_f64_checked(b) {
                Ok(y) => y,
                Err(e) => return Some(Err(e)),
            };
            float_op(op, x, y)
        }
        (Str(x), Str(y)) if op == BinOp::Add => {
            let mut s = String::with_capacity(x.s.len() + y.s.len());
            s.push_str(&x.s);
            s.push_str(&y.s);
            Some(Ok(Value::str(s)))
        }
        (Str(x), Int(_) | Bool(_)) | (Int(_) | Bool(_), Str(x)) if op == BinOp::Mul => {
            let n = repeat_count(a, b);
            if n.saturating_mul(x.s.len()) > crate::limits::MAX_SEQUENCE {
                return Some(Err(err("MemoryError", "")));
            }
            Some(Ok(Value::str(x.s.repeat(n))))
        }
        (List(x), List(y)) if op == BinOp::Add => {
            let mut v = lock(&x.items).clone();
            let other = lock(&y.items).clone();
            v.extend(other);
            Some(Ok(Value::list(v)))
        }
        (Tuple(x), Tuple(y)) if op == BinOp::Add => {
            let mut v = x.0.clone();
            v.extend(y.0.iter().cloned());
            Some(Ok(Value::tuple(v)))
        }
        (List(x), Int(_) | Bool(_)) | (Int(_) | Bool(_), List(x)) if op == BinOp::Mul => {
            let n = repeat_count(a, b);
            let items = lock(&x.items).clone();
            if n.saturating_mul(items.len()) > crate::limits::MAX_SEQUENCE {
                return Some(Err(err("MemoryError", "")));
            }
            let mut v = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                v.extend(items.iter().cloned());
            }
            Some(Ok(Value::list(v)))
        }
        (Tuple(x), Int(_) | Bool(_)) | (Int(_) | Bool(_), Tuple(x)) if op == BinOp::Mul => {
            let n = repeat_count(a, b);
            if n.saturating_mul(x.0.len()) > crate::limits::MAX_SEQUENCE {
                return Some(Err(err("MemoryError", "")));
            }
            let mut v = Vec::with_capacity(x.0.len() * n);
            for _ in 0..n {
                v.extend(x.0.iter().cloned());
            }
            Some(Ok(Value::tuple(v)))
        }
        _ => Option::None,
    }
}

fn small_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn repeat_count(a: &Value, b: &Value) -> usize {
    let n = match (a, b) {
        (Value::Int(n), _) | (_, Value::Int(n)) => *n,
        (Value::Bool(n), _) | (_, Value::Bool(n)) => *n as i64,
        _ => 0,
    };
    n.max(0) as usize
}

pub fn unsupported(op: BinOp, a: &Value, b: &Value) -> crate::Raise {
    type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), type_name(a), type_name(b)))
}

fn int_op(op: BinOp, x: i64, y: i64) -> R<Value> {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::Div => {
            if y == 0 {
                return Err(err("ZeroDivisionError", "division by zero"));
            }
            return Ok(Value::Float(int_true_div(x, y)));
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(err("ZeroDivisionError", "integer division or modulo by zero"));
            }
            x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(err("ZeroDivisionError", "integer modulo by zero"));
            }
            x.checked_rem(y).map(|_| Integer::mod_floor(&x, &y))
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Err(err("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float((x as f64).powf(y as f64)));
            }
            match u32::try_from(y).ok().and_then(|e| x.checked_pow(e)) {
                Some(v) => Some(v),
                None => return big_op(op, BigInt::from(x), BigInt::from(y)),
            }
        }
        BinOp::LShift => {
            if y < 0 {
                return Err(value_error("negative shift count"));
            }
            if y < 63 && (x.abs() >> (63 - y)) == 0 {
                Some(x << y)
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(value_error("negative shift count"));
            }
            Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            })
        }
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::MatMul => return Err(unsupported(op, &Value::Int(x), &Value::Int(y))),
    };
    match r {
        Some(v) => Ok(Value::Int(v)),
        None => big_op(op, BigInt::from(x), BigInt::from(y)),
    }
}

/// int / int as CPython computes it: correctly rounded even beyond 2**53.
fn int_true_div(x: i64, y: i64) -> f64 {
    if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
        x as f64 / y as f64
    } else {
        big_true_div(&BigInt::from(x), &BigInt::from(y)).unwrap_or(f64::NAN)
    }
}

fn big_true_div(x: &BigInt, y: &BigInt) -> Option<f64> {
    let (fx, fy) = (x.to_f64()?, y.to_f64()?);
    if fx.is_finite() && fy.is_finite() && x.bits() <= 53 && y.bits() <= 53 {
        return Some(fx / fy);
    }
    // Scale so the quotient has 64+ significant bits, then let the float conversion round.
    let shift = 64i64 + y.bits() as i64 - x.bits() as i64;
    let q = if shift > 0 { (x << shift as usize) / y } else { x / (y << (-shift) as usize) };
    let f = q.to_f64()?;
    Some(f * 2f64.powi(-shift as i32))
}

fn big_op(op: BinOp, x: BigInt, y: BigInt) -> R<Value> {
    Ok(match op {
        BinOp::Add => big(x + y),
        BinOp::Sub => big(x - y),
        BinOp::Mul => {
            if x.bits() + y.bits() > crate::limits::MAX_INT_BITS {
                return Err(err("MemoryError", ""));
            }
            big(x * y)
        }
        BinOp::Div => {
            if y.is_zero() {
                return Err(err("ZeroDivisionError", "division by zero"));
            }
            match big_true_div(&x, &y) {
                Some(f) if f.is_finite() => Value::Float(f),
                _ => return Err(err("OverflowError", "integer division result too large for a float")),
            }
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(err("ZeroDivisionError", "integer division or modulo by zero"));
            }
            big(x.div_floor(&y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(err("ZeroDivisionError", "integer modulo by zero"));
            }
            big(x.mod_floor(&y))
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (fx, fy) = (x.to_f64().unwrap_or(f64::INFINITY), y.to_f64().unwrap_or(f64::NEG_INFINITY));
                if x.is_zero() {
                    return Err(err("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float(fx.powf(fy)));
            }
            let e = y.to_u32().unwrap_or(u32::MAX);
            if x.bits().saturating_mul(e as u64) > crate::limits::MAX_INT_BITS && x.bits() > 1 {
                return Err(err("MemoryError", ""));
            }
            big(num_traits::pow::Pow::pow(&x, e))
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = y.to_u64().unwrap_or(u64::MAX);
            if x.bits().saturating_add(s) > crate::limits::MAX_INT_BITS {
                return Err(err("MemoryError", ""));
            }
            big(x << s as usize)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = y.to_u64().unwrap_or(u64::MAX).min(1 << 40) as usize;
            big(x >> s)
        }
        BinOp::BitAnd => big(x & y),
        BinOp::BitOr => big(x | y),
        BinOp::BitXor => big(x ^ y),
        BinOp::MatMul => return Err(unsupported(op, &big(x), &big(y))),
    })
}

fn float_op(op: BinOp, x: f64, y: f64) -> Option<R<Value>> {
    Some(Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Some(Err(err("ZeroDivisionError", "float division by zero")));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Some(Err(err("ZeroDivisionError", "float floor division by zero")));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Some(Err(err("ZeroDivisionError", "float modulo")));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Some(Err(err("ZeroDivisionError", "0.0 cannot be raised to a negative power")));
            }
            if x < 0.0 && y.fract() != 0.0 {
                return Some(Err(value_error("complex results are not supported by the playground yet")));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Some(Err(err("OverflowError", "(34, 'Numerical result out of range')")));
            }
            r
        }
        _ => return None,
    })))
}

/// CPython's float divmod: the remainder takes the divisor's sign.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

pub fn hash_int(i: i64) -> u64 {
    const P: i128 = (1 << 61) - 1;
    let mut h = (i as i128).rem_euclid(P);
    if i < 0 {
        h = -((-(i as i128)) % P);
    }
    let h = h as i64;
    (if h == -1 { -2 } else { h }) as u64
}

pub fn hash_big(b: &BigInt) -> u64 {
    let p = BigInt::from((1u64 << 61) - 1);
    let m = b.abs() % &p;
    let mut h = m.to_i64().unwrap_or(0);
    if b.is_negative() {
        h = -h;
    }
    (if h == -1 { -2 } else { h }) as u64
}

pub fn hash_float(f: f64) -> u64 {
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_int(f as i64);
    }
    if f.is_nan() {
        return 0;
    }
    let bits = f.to_bits();
    (bits ^ (bits >> 29)).wrapping_mul(0x9E3779B97F4A7C15) >> 3
}

/// Python's `repr(float)`: the shortest digits that round-trip, laid out as CPython does.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let sci = format!("{:e}", f);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let e = exp as usize;
            if digits.len() > e + 1 {
                out.push_str(&digits[..e + 1]);
                out.push('.');
                out.push_str(&digits[e + 1..]);
            } else {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', e + 1 - digits.len()));
                out.push_str(".0");
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// Python's `round(x)` for floats: half to even.
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// `round(x, n)` for floats, correctly rounded through the decimal string as CPython does.
pub fn round_float_digits(x: f64, n: i64) -> f64 {
    if !x.is_finite() || n > 300 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        // Rust rounds half to even on the exact binary value, as CPython's dtoa does.
        crate::decimal::parse_f64(&s).unwrap_or(x)
    } else {
        let p = 10f64.powi((-n) as i32);
        round_half_even(x / p) * p
    }
}

pub fn int_from_str(s: &str, base: u32) -> Option<Value> {
    let t = s.trim();
    let t = t.replace('_', "");
    if t.is_empty() || s.trim().starts_with('_') || s.trim().ends_with('_') || s.contains("__") {
        return None;
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let lower = body.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (16 | 0, Some("0x")) => (16, &lower[2..]),
        (8 | 0, Some("0o")) => (8, &lower[2..]),
        (2 | 0, Some("0b")) => (2, &lower[2..]),
        (0, _) => {
            if lower.len() > 1 && lower.starts_with('0') && lower.chars().any(|c| c != '0') {
                return None;
            }
            (10, lower.as_str())
        }
        (b, _) => (b, lower.as_str()),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let b = BigInt::parse_bytes(digits.as_bytes(), base)?;
    Some(big(if neg { -b } else { b }))
}

pub fn float_from_str(s: &str) -> Option<f64> {
    let t = s.trim().replace('_', "");
    let lower = t.to_ascii_lowercase();
    match lower.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => {
            return Some(if lower.starts_with('-') { f64::NEG_INFINITY } else { f64::INFINITY });
        }
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if !lower.chars().all(|c| c.is_ascii_digit() || "+-.e".contains(c)) {
        return None;
    }
    crate::decimal::parse_f64(&lower)
}

pub fn int_to_string(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Big(b) => b.to_string(),
        Value::Bool(b) => (*b as i64).to_string(),
        _ => String::new(),
    }
}
