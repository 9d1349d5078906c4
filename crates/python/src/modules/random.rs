//! `random`: CPython's Mersenne Twister and its algorithms, so that the same seed gives the same
//! sequence as CPython for random(), randint, randrange, choice, shuffle, uniform, sample, choices.

use std::any::Any;
use std::sync::{Arc, Mutex, OnceLock};

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::{arg_count, kwarg, Kw};
use crate::modules::{add_fns, native_class, NativeObj};
use crate::ops::{big, to_big};
use crate::types::{err, type_error, type_name, value_error};
use crate::value::{lock, Builtin, Class, Module, Obj, Value};
use crate::vm::Vm;
use crate::R;

const N: usize = 624;
const M: usize = 397;

pub struct Mt {
    mt: [u32; N],
    mti: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            self.mt[i] = 1812433253u32.wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.mti = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let prev = self.mt[i - 1] ^ (self.mt[i - 1] >> 30);
            self.mt[i] = (self.mt[i] ^ prev.wrapping_mul(1664525))
                .wrapping_add(*key.get(j).unwrap_or(&0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1] ^ (self.mt[i - 1] >> 30);
            self.mt[i] = (self.mt[i] ^ prev.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x80000000;
    }

    fn genrand_u32(&mut self) -> u32 {
        const MAG01: [u32; 2] = [0, 0x9908b0df];
        if self.mti >= N {
            for kk in 0..N {
                let y = (self.mt[kk] & 0x80000000) | (self.mt[(kk + 1) % N] & 0x7fffffff);
                self.mt[kk] = self.mt[(kk + M) % N] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
            }
            self.mti = 0;
        }
        let mut y = self.mt[self.mti];
        self.mti += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }

    pub fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    pub fn seed_int(&mut self, n: &BigInt) {
        let n = n.abs();
        let mut key: Vec<u32> = n.to_u32_digits().1;
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }

    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k == 0 {
            return BigInt::zero();
        }
        if k <= 32 {
            return BigInt::from(self.genrand_u32() >> (32 - k));
        }
        let words = k.div_ceil(32) as usize;
        let mut ws = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            ws.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(num_bigint::Sign::Plus, &ws)
    }

    fn randbelow(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        let mut r = self.getrandbits(k);
        while &r >= n {
            r = self.getrandbits(k);
        }
        r
    }

    fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow(&BigInt::from(n)).to_usize().unwrap_or(0)
    }
}

/// A `random.Random`: its own Mersenne Twister. The module's functions are the bound methods of
/// one hidden instance per interpreter, as in CPython's random.py.
pub struct RandomObj {
    mt: Mutex<Mt>,
}

static RANDOM_CLASS: OnceLock<Arc<Class>> = OnceLock::new();

fn random_class() -> Arc<Class> {
    RANDOM_CLASS.get_or_init(|| native_class("Random", METHODS)).clone()
}

impl NativeObj for RandomObj {
    fn class(&self) -> Arc<Class> {
        random_class()
    }
    fn type_name(&self) -> &'static str {
        "Random"
    }
    fn repr(&self) -> String {
        "<random.Random object>".into()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn new_random(seed: &BigInt) -> Value {
    let mut m = Mt { mt: [0; N], mti: N + 1 };
    m.seed_int(seed);
    Value::obj(Obj::Native(Box::new(RandomObj { mt: Mutex::new(m) })))
}

/// Splits a method's arguments into its instance and the rest.
fn split(args: &[Value]) -> R<(&RandomObj, &[Value])> {
    if let Some(Value::Obj(o)) = args.first() {
        if let Obj::Native(n) = &**o {
            if let Some(r) = n.as_any().downcast_ref::<RandomObj>() {
                return Ok((r, &args[1..]));
            }
        }
    }
    Err(type_error("descriptor requires a 'random.Random' object"))
}

fn with<T>(r: &RandomObj, f: impl FnOnce(&mut Mt) -> T) -> T {
    f(&mut lock(&r.mt))
}

fn seed(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    let n = match args.first() {
        None | Some(Value::None) => BigInt::from((vm.interp.host.wall() * 1e6) as u64),
        Some(Value::Float(x)) => BigInt::from(crate::ops::hash_float(*x)),
        Some(v) => match to_big(v) {
            Some(b) => b,
            None => {
                return Err(err(
                    "NotImplementedError",
                    "seeding with a non-integer is not supported by the playground yet",
                ))
            }
        },
    };
    with(inst, |m| m.seed_int(&n));
    Ok(Value::None)
}

fn random(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, _) = split(args)?;
    Ok(Value::Float(with(inst, |m| m.random())))
}

fn getrandbits(_vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    arg_count("getrandbits", args, 1, 1)?;
    let Value::Int(k) = args[0] else { return Err(type_error("an integer is required")) };
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    Ok(big(with(inst, |m| m.getrandbits(k as u64))))
}

fn int_of(v: &Value) -> R<BigInt> {
    match v {
        Value::Float(f) if f.fract() == 0.0 => Err(type_error("'float' object cannot be interpreted as an integer")),
        _ => to_big(v)
            .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn randrange_impl(inst: &RandomObj, start: BigInt, stop: Option<BigInt>, step: BigInt) -> R<BigInt> {
    let Some(stop) = stop else {
        if start.is_positive() {
            return Ok(with(inst, |m| m.randbelow(&start)));
        }
        return Err(value_error("empty range for randrange()"));
    };
    let width = &stop - &start;
    if step == BigInt::from(1) {
        if width.is_positive() {
            return Ok(&start + with(inst, |m| m.randbelow(&width)));
        }
        return Err(value_error(format!("empty range for randrange() ({start}, {stop}, {width})")));
    }
    if step.is_zero() {
        return Err(value_error("zero step for randrange()"));
    }
    let n: BigInt = if step.is_positive() { (&width + &step - 1) / &step } else { (&width + &step + 1) / &step };
    if !n.is_positive() {
        return Err(value_error("empty range for randrange()"));
    }
    Ok(&start + &step * with(inst, |m| m.randbelow(&n)))
}

fn randrange(_vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    arg_count("randrange", args, 1, 3)?;
    let start = int_of(&args[0])?;
    let stop = args.get(1).map(int_of).transpose()?;
    let step = args.get(2).map(int_of).transpose()?.unwrap_or(BigInt::from(1));
    Ok(big(randrange_impl(inst, start, stop, step)?))
}

fn randint(_vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    arg_count("randint", args, 2, 2)?;
    let (a, b) = (int_of(&args[0])?, int_of(&args[1])?);
    Ok(big(randrange_impl(inst, a, Some(b + 1), BigInt::from(1))?))
}

fn choice(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    arg_count("choice", args, 1, 1)?;
    let n = vm.len(&args[0])?;
    if n == 0 {
        return Err(err("IndexError", "Cannot choose from an empty sequence"));
    }
    let i = with(inst, |m| m.randbelow_usize(n));
    vm.getitem(&args[0], &Value::Int(i as i64))
}

fn shuffle(_vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    arg_count("shuffle", args, 1, 1)?;
    let Value::List(l) = &args[0] else {
        return Err(type_error(format!("'{}' object does not support item assignment", type_name(&args[0]))));
    };
    let n = lock(&l.items).len();
    for i in (1..n).rev() {
        let j = with(inst, |m| m.randbelow_usize(i + 1));
        lock(&l.items).swap(i, j);
    }
    Ok(Value::None)
}

fn uniform(_vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    arg_count("uniform", args, 2, 2)?;
    let a = crate::ops::to_f64(&args[0]).ok_or_else(|| type_error("must be real number"))?;
    let b = crate::ops::to_f64(&args[1]).ok_or_else(|| type_error("must be real number"))?;
    Ok(Value::Float(a + (b - a) * with(inst, |m| m.random())))
}

fn sample(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    arg_count("sample", args, 1, 2)?;
    let pop = vm.collect(&args[0])?;
    let k = match args.get(1).cloned().or_else(|| kwarg(kw, "k")) {
        Some(Value::Int(k)) => k,
        _ => return Err(type_error("sample() missing required argument 'k'")),
    };
    let n = pop.len();
    if k < 0 || k as usize > n {
        return Err(value_error("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut result = vec![Value::None; k];
    let mut setsize = 21usize;
    if k > 5 {
        let l = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(l.ceil() as u32);
    }
    if n <= setsize {
        let mut pool = pop.clone();
        for (i, slot) in result.iter_mut().enumerate() {
            let j = with(inst, |m| m.randbelow_usize(n - i));
            *slot = pool[j].clone();
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for slot in result.iter_mut() {
            let mut j = with(inst, |m| m.randbelow_usize(n));
            while selected.contains(&j) {
                j = with(inst, |m| m.randbelow_usize(n));
            }
            selected.insert(j);
            *slot = pop[j].clone();
        }
    }
    Ok(Value::list(result))
}

fn choices(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    arg_count("choices", args, 1, 2)?;
    let pop = vm.collect(&args[0])?;
    let n = pop.len();
    let k = match kwarg(kw, "k") {
        Some(Value::Int(k)) => k.max(0) as usize,
        _ => 1,
    };
    let weights = args.get(1).cloned().or_else(|| kwarg(kw, "weights")).filter(|w| !w.is_none());
    let cum = kwarg(kw, "cum_weights").filter(|w| !w.is_none());
    let cum: Option<Vec<f64>> = match (weights, cum) {
        (None, None) => None,
        (Some(w), None) => {
            let mut acc = 0.0;
            let mut out = Vec::new();
            for x in vm.collect(&w)? {
                acc += crate::ops::to_f64(&x).unwrap_or(0.0);
                out.push(acc);
            }
            Some(out)
        }
        (None, Some(c)) => Some(vm.collect(&c)?.iter().map(|x| crate::ops::to_f64(x).unwrap_or(0.0)).collect()),
        _ => return Err(type_error("Cannot specify both weights and cumulative weights")),
    };
    let mut out = Vec::with_capacity(k);
    match cum {
        None => {
            if n == 0 {
                return Err(err("IndexError", "Cannot choose from an empty sequence"));
            }
            for _ in 0..k {
                let r = with(inst, |m| m.random());
                out.push(pop[(r * n as f64).floor() as usize].clone());
            }
        }
        Some(cw) => {
            if cw.len() != n {
                return Err(value_error("The number of weights does not match the population"));
            }
            let total = *cw.last().unwrap_or(&0.0);
            for _ in 0..k {
                let r = with(inst, |m| m.random()) * total;
                let i = cw.partition_point(|c| *c <= r).min(n - 1);
                out.push(pop[i].clone());
            }
        }
    }
    Ok(Value::list(out))
}

fn gauss(_vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    let mu = args.first().and_then(crate::ops::to_f64).unwrap_or(0.0);
    let sigma = args.get(1).and_then(crate::ops::to_f64).unwrap_or(1.0);
    // normalvariate's Kinderman-Monahan ratio method, as CPython's random.py.
    let nv_magicconst = 4.0 * (-0.5f64).exp() / 2f64.sqrt();
    loop {
        let u1 = with(inst, |m| m.random());
        let u2 = 1.0 - with(inst, |m| m.random());
        let z = nv_magicconst * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return Ok(Value::Float(mu + z * sigma));
        }
    }
}

const METHODS: &[(&str, crate::value::NativeFn)] = &[
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("shuffle", shuffle),
    ("uniform", uniform),
    ("sample", sample),
    ("choices", choices),
    ("gauss", gauss),
    ("normalvariate", gauss),
    ("getstate", getstate),
    ("setstate", setstate),
    ("__new__", random_new),
];

fn default_seed(vm: &Vm) -> BigInt {
    if vm.interp.config.seed != 0 {
        BigInt::from(vm.interp.config.seed)
    } else {
        BigInt::from((vm.interp.host.wall() * 1e6) as u64)
    }
}

fn random_new(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("Random", args, 0, 1)?;
    let n = match args.first() {
        None | Some(Value::None) => default_seed(vm),
        Some(v) => to_big(v).ok_or_else(|| {
            err("NotImplementedError", "seeding with a non-integer is not supported by the playground yet")
        })?,
    };
    Ok(new_random(&n))
}

fn getstate(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, _) = split(args)?;
    let (words, pos) = with(inst, |m| (m.mt.to_vec(), m.mti));
    let mut items: Vec<Value> = words.into_iter().map(|w| Value::Int(w as i64)).collect();
    items.push(Value::Int(pos as i64));
    Ok(Value::tuple(vec![Value::Int(3), Value::tuple(items), Value::None]))
}

fn setstate(_: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let (inst, args) = split(args)?;
    let bad = || value_error("state vector is the wrong size");
    let Some(Value::Tuple(t)) = args.first() else { return Err(type_error("state vector must be a tuple")) };
    let Some(Value::Tuple(words)) = t.0.get(1) else { return Err(bad()) };
    if words.0.len() != N + 1 {
        return Err(bad());
    }
    let mut mt = [0u32; N];
    for (k, w) in words.0[..N].iter().enumerate() {
        mt[k] = match w {
            Value::Int(i) => *i as u32,
            _ => return Err(bad()),
        };
    }
    let Value::Int(pos) = words.0[N] else { return Err(bad()) };
    with(inst, |m| {
        m.mt = mt;
        m.mti = (pos as usize).min(N);
    });
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, m: &Module) {
    let inst = new_random(&default_seed(vm));
    for (name, f) in METHODS {
        if name.starts_with("__") {
            continue;
        }
        m.dict.set_name(
            name,
            Value::Builtin(crate::value::BuiltinRef::new(Builtin { name, f: *f, bound: Some(inst.clone()) })),
        );
    }
    m.dict.set_name("Random", Value::Class(random_class()));
    let _ = add_fns;
}
