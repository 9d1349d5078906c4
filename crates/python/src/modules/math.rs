//! `math`, with CPython's domain errors.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::{arg_count, Kw};
use crate::modules::add_fns;
use crate::ops::{big, to_big, to_f64};
use crate::types::{err, type_error, type_name, value_error};
use crate::value::{Module, Value};
use crate::vm::Vm;
use crate::R;

fn f(v: &Value) -> R<f64> {
    match v {
        Value::Big(b) => b
            .to_f64()
            .filter(|x| x.is_finite())
            .ok_or_else(|| err("OverflowError", "int too large to convert to float")),
        _ => to_f64(v).ok_or_else(|| type_error(format!("must be real number, not {}", type_name(v)))),
    }
}

fn domain() -> crate::Raise {
    value_error("math domain error")
}

fn ret(x: f64) -> R<Value> {
    if x.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(x))
}

macro_rules! unary {
    ($name:ident, $e:expr) => {
        fn $name(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
            arg_count(stringify!($name), args, 1, 1)?;
            let x = f(&args[0])?;
            let g: fn(f64) -> f64 = $e;
            let r = g(x);
            if r.is_nan() && !x.is_nan() {
                return Err(domain());
            }
            if r.is_infinite() && x.is_finite() {
                return Err(err("OverflowError", "math range error"));
            }
            Ok(Value::Float(r))
        }
    };
}

fn sqrt(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let x = match args {
        [Value::Float(x)] => *x,
        [Value::Int(i)] => *i as f64,
        [v] => f(v)?,
        _ => return Err(type_error(format!("math.sqrt() takes exactly one argument ({} given)", args.len()))),
    };
    if x < 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.sqrt()))
}

unary!(exp, f64::exp);
unary!(sin, f64::sin);
unary!(cos, f64::cos);
unary!(tan, f64::tan);
unary!(asin, f64::asin);
unary!(acos, f64::acos);
unary!(atan, f64::atan);
unary!(sinh, f64::sinh);
unary!(cosh, f64::cosh);
unary!(tanh, f64::tanh);
unary!(fabs, f64::abs);
unary!(degrees, f64::to_degrees);
unary!(radians, f64::to_radians);
unary!(expm1, f64::exp_m1);
unary!(log1p, f64::ln_1p);

fn log_of(v: &Value) -> R<f64> {
    if let Value::Big(b) = v {
        let f = b.to_f64().unwrap_or(f64::INFINITY);
        if f.is_finite() && f > 0.0 {
            return Ok(f.ln());
        }
        if b.is_positive() {
            // ln of a huge int: ln(m * 2**k) = ln(m) + k ln 2.
            let bits = b.bits();
            let shift = bits.saturating_sub(64);
            let m = (&**b >> shift as usize).to_f64().unwrap_or(1.0);
            return Ok(m.ln() + shift as f64 * std::f64::consts::LN_2);
        }
    }
    let x = f(v)?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.ln())
}

fn log(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("log", args, 1, 2)?;
    let l = log_of(&args[0])?;
    match args.get(1) {
        None => Ok(Value::Float(l)),
        Some(b) => {
            let lb = log_of(b)?;
            if lb == 0.0 {
                return Err(err("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(l / lb))
        }
    }
}
fn log2(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("log2", args, 1, 1)?;
    if let Value::Int(i) = args[0] {
        if i > 0 && (i & (i - 1)) == 0 {
            return Ok(Value::Float(i.trailing_zeros() as f64));
        }
    }
    Ok(Value::Float(log_of(&args[0])? / std::f64::consts::LN_2))
}
fn log10(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("log10", args, 1, 1)?;
    if let Value::Big(b) = &args[0] {
        if b.to_f64().is_none_or(|x| x.is_infinite()) {
            return Ok(Value::Float(log_of(&args[0])? / std::f64::consts::LN_10));
        }
    }
    let x = f(&args[0])?;
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x.log10()))
}

fn frexp(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("frexp", args, 1, 1)?;
    let x = f(&args[0])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut e = x.abs().log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    // Correct the rounding of log2 at the edges, so that 0.5 <= |m| < 1.
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("ldexp", args, 2, 2)?;
    let x = f(&args[0])?;
    let Value::Int(e) = args[1] else { return Err(type_error("Expected an int as second argument to ldexp.")) };
    let r = x * 2f64.powi(e.clamp(-2000, 2000) as i32);
    if r.is_infinite() && x.is_finite() {
        return Err(err("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}

fn pow(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("pow", args, 2, 2)?;
    let (x, y) = (f(&args[0])?, f(&args[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(err("OverflowError", "math range error"));
    }
    ret(r)
}

fn atan2(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("atan2", args, 2, 2)?;
    Ok(Value::Float(f(&args[0])?.atan2(f(&args[1])?)))
}

fn hypot(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let mut s = 0.0f64;
    for a in args {
        let x = f(a)?;
        s += x * x;
    }
    Ok(Value::Float(s.sqrt()))
}

fn copysign(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("copysign", args, 2, 2)?;
    Ok(Value::Float(f(&args[0])?.copysign(f(&args[1])?)))
}

fn fmod(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("fmod", args, 2, 2)?;
    let (x, y) = (f(&args[0])?, f(&args[1])?);
    if y == 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(x % y))
}

fn remainder(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("remainder", args, 2, 2)?;
    let (x, y) = (f(&args[0])?, f(&args[1])?);
    if y == 0.0 || x.is_infinite() {
        return Err(domain());
    }
    let n = (x / y).round_ties_even();
    Ok(Value::Float(x - n * y))
}

fn modf(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("modf", args, 1, 1)?;
    let x = f(&args[0])?;
    Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
}

fn to_int(x: f64, what: &str) -> R<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(err("OverflowError", "cannot convert float infinity to integer"));
    }
    let _ = what;
    crate::methods::float_to_int(x)
}

fn floor(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("floor", args, 1, 1)?;
    match &args[0] {
        Value::Int(_) | Value::Big(_) => Ok(args[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Instance(_) => {
            let m = vm.special_method(&args[0], "__floor__")?;
            vm.call(&m, vec![])
        }
        v => to_int(f(v)?.floor(), "floor"),
    }
}
fn ceil(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("ceil", args, 1, 1)?;
    match &args[0] {
        Value::Int(_) | Value::Big(_) => Ok(args[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Instance(_) => {
            let m = vm.special_method(&args[0], "__ceil__")?;
            vm.call(&m, vec![])
        }
        v => to_int(f(v)?.ceil(), "ceil"),
    }
}
fn trunc(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("trunc", args, 1, 1)?;
    match &args[0] {
        Value::Int(_) | Value::Big(_) => Ok(args[0].clone()),
        v => to_int(f(v)?.trunc(), "trunc"),
    }
}

fn int_arg(v: &Value, fname: &str) -> R<BigInt> {
    match v {
        Value::Float(_) => Err(type_error("'float' object cannot be interpreted as an integer")),
        _ => to_big(v).ok_or_else(|| {
            type_error(format!("{fname}: '{}' object cannot be interpreted as an integer", type_name(v)))
        }),
    }
}

fn factorial(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("factorial", args, 1, 1)?;
    let n = int_arg(&args[0], "factorial")?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    if n > 20_000 {
        return Err(err("MemoryError", ""));
    }
    let mut r = BigInt::one();
    for k in 2..=n {
        r *= k;
    }
    Ok(big(r))
}

fn gcd(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let mut g = BigInt::zero();
    for a in args {
        g = g.gcd(&int_arg(a, "gcd")?);
    }
    Ok(big(g))
}

fn lcm(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let mut l = BigInt::one();
    for a in args {
        let x = int_arg(a, "lcm")?;
        if x.is_zero() {
            return Ok(Value::Int(0));
        }
        l = l.lcm(&x);
    }
    Ok(big(l.abs()))
}

fn isqrt(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("isqrt", args, 1, 1)?;
    let n = int_arg(&args[0], "isqrt")?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(big(n.sqrt()))
}

fn comb(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("comb", args, 2, 2)?;
    let (n, k) = (int_arg(&args[0], "comb")?, int_arg(&args[1], "comb")?);
    if n.is_negative() || k.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.clone().min(&n - &k).to_u64().unwrap_or(0);
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(big(r))
}

fn perm(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("perm", args, 1, 2)?;
    let n = int_arg(&args[0], "perm")?;
    let k = match args.get(1) {
        Some(Value::None) | None => n.clone(),
        Some(v) => int_arg(v, "perm")?,
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut r = BigInt::one();
    let mut i = BigInt::zero();
    while i < k {
        r *= &n - &i;
        i += 1;
    }
    Ok(big(r))
}

fn isclose(_: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    arg_count("isclose", args, 2, 2)?;
    let (a, b) = (f(&args[0])?, f(&args[1])?);
    let rel = crate::builtins::kwarg(kw, "rel_tol").map(|v| f(&v)).transpose()?.unwrap_or(1e-9);
    let abs = crate::builtins::kwarg(kw, "abs_tol").map(|v| f(&v)).transpose()?.unwrap_or(0.0);
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (a - b).abs();
    Ok(Value::Bool(d <= (rel * b.abs()).max(rel * a.abs()) || d <= abs))
}

fn isfinite(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Bool(f(&args[0])?.is_finite()))
}
fn isinf(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Bool(f(&args[0])?.is_infinite()))
}
fn isnan(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Bool(f(&args[0])?.is_nan()))
}

/// `math.fsum`: Shewchuk's exact summation, as CPython's.
fn fsum(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("fsum", args, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    for v in vm.collect(&args[0])? {
        let mut x = f(&v)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(Value::Float(partials.iter().sum()))
}

fn prod(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    arg_count("prod", args, 1, 1)?;
    let mut acc = crate::builtins::kwarg(kw, "start").unwrap_or(Value::Int(1));
    for v in vm.collect(&args[0])? {
        acc = vm.binary_op(crate::ast::BinOp::Mul, acc, v, false)?;
    }
    Ok(acc)
}

fn dist(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("dist", args, 2, 2)?;
    let (Value::List(_) | Value::Tuple(_), Value::List(_) | Value::Tuple(_)) = (&args[0], &args[1]) else {
        return Err(type_error("dist() arguments must be sequences"));
    };
    let items = |v: &Value| match v {
        Value::Tuple(t) => t.0.clone(),
        Value::List(l) => crate::value::lock(&l.items).clone(),
        _ => Vec::new(),
    };
    let (p, q) = (items(&args[0]), items(&args[1]));
    if p.len() != q.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let mut s = 0.0;
    for (a, b) in p.iter().zip(&q) {
        let d = f(a)? - f(b)?;
        s += d * d;
    }
    Ok(Value::Float(s.sqrt()))
}

pub fn init(m: &Module) {
    add_fns(
        m,
        &[
            ("sqrt", sqrt),
            ("exp", exp),
            ("expm1", expm1),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("log1p", log1p),
            ("pow", pow),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("asin", asin),
            ("acos", acos),
            ("atan", atan),
            ("atan2", atan2),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("hypot", hypot),
            ("fabs", fabs),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("factorial", factorial),
            ("gcd", gcd),
            ("lcm", lcm),
            ("isqrt", isqrt),
            ("comb", comb),
            ("perm", perm),
            ("isclose", isclose),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("degrees", degrees),
            ("radians", radians),
            ("copysign", copysign),
            ("fmod", fmod),
            ("modf", modf),
            ("remainder", remainder),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("fsum", fsum),
            ("prod", prod),
            ("dist", dist),
        ],
    );
    m.dict.set_name("pi", Value::Float(std::f64::consts::PI));
    m.dict.set_name("e", Value::Float(std::f64::consts::E));
    m.dict.set_name("tau", Value::Float(std::f64::consts::TAU));
    m.dict.set_name("inf", Value::Float(f64::INFINITY));
    m.dict.set_name("nan", Value::Float(f64::NAN));
}
