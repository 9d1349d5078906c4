//! `random`: CPython's Mersenne Twister and its algorithms, so that the same seed gives the same
//! sequence as CPython for random(), randint, randrange, choice, shuffle, uniform, sample, choices.

use std::sync::Mutex;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::{arg_count, kwarg, Kw};
use crate::modules::add_fns;
use crate::ops::{big, to_big};
use crate::types::{err, type_error, type_name, value_error};
use crate::value::{lock, Module, Value};
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

pub static STATE: Mutex<Option<Mt>> = Mutex::new(None);

fn with<T>(vm: &Vm, f: impl FnOnce(&mut Mt) -> T) -> T {
    let mut g = lock(&STATE);
    let mt = g.get_or_insert_with(|| {
        let mut m = Mt { mt: [0; N], mti: N + 1 };
        let seed =
            if vm.interp.config.seed != 0 { vm.interp.config.seed } else { (vm.interp.host.wall() * 1e6) as u64 };
        m.seed_int(&BigInt::from(seed));
        m
    });
    f(mt)
}

fn seed(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
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
    with(vm, |m| m.seed_int(&n));
    Ok(Value::None)
}

fn random(vm: &mut Vm, _: &[Value], _: Kw) -> R<Value> {
    Ok(Value::Float(with(vm, |m| m.random())))
}

fn getrandbits(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("getrandbits", args, 1, 1)?;
    let Value::Int(k) = args[0] else { return Err(type_error("an integer is required")) };
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    Ok(big(with(vm, |m| m.getrandbits(k as u64))))
}

fn int_of(v: &Value) -> R<BigInt> {
    match v {
        Value::Float(f) if f.fract() == 0.0 => Err(type_error("'float' object cannot be interpreted as an integer")),
        _ => to_big(v)
            .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

fn randrange_impl(vm: &Vm, start: BigInt, stop: Option<BigInt>, step: BigInt) -> R<BigInt> {
    let Some(stop) = stop else {
        if start.is_positive() {
            return Ok(with(vm, |m| m.randbelow(&start)));
        }
        return Err(value_error("empty range for randrange()"));
    };
    let width = &stop - &start;
    if step == BigInt::from(1) {
        if width.is_positive() {
            return Ok(&start + with(vm, |m| m.randbelow(&width)));
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
    Ok(&start + &step * with(vm, |m| m.randbelow(&n)))
}

fn randrange(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("randrange", args, 1, 3)?;
    let start = int_of(&args[0])?;
    let stop = args.get(1).map(int_of).transpose()?;
    let step = args.get(2).map(int_of).transpose()?.unwrap_or(BigInt::from(1));
    Ok(big(randrange_impl(vm, start, stop, step)?))
}

fn randint(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("randint", args, 2, 2)?;
    let (a, b) = (int_of(&args[0])?, int_of(&args[1])?);
    Ok(big(randrange_impl(vm, a, Some(b + 1), BigInt::from(1))?))
}

fn choice(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("choice", args, 1, 1)?;
    let n = vm.len(&args[0])?;
    if n == 0 {
        return Err(err("IndexError", "Cannot choose from an empty sequence"));
    }
    let i = with(vm, |m| m.randbelow_usize(n));
    vm.getitem(&args[0], &Value::Int(i as i64))
}

fn shuffle(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("shuffle", args, 1, 1)?;
    let Value::List(l) = &args[0] else {
        return Err(type_error(format!("'{}' object does not support item assignment", type_name(&args[0]))));
    };
    let n = lock(&l.items).len();
    for i in (1..n).rev() {
        let j = with(vm, |m| m.randbelow_usize(i + 1));
        lock(&l.items).swap(i, j);
    }
    Ok(Value::None)
}

fn uniform(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    arg_count("uniform", args, 2, 2)?;
    let a = crate::ops::to_f64(&args[0]).ok_or_else(|| type_error("must be real number"))?;
    let b = crate::ops::to_f64(&args[1]).ok_or_else(|| type_error("must be real number"))?;
    Ok(Value::Float(a + (b - a) * with(vm, |m| m.random())))
}

fn sample(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
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
            let j = with(vm, |m| m.randbelow_usize(n - i));
            *slot = pool[j].clone();
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for slot in result.iter_mut() {
            let mut j = with(vm, |m| m.randbelow_usize(n));
            while selected.contains(&j) {
                j = with(vm, |m| m.randbelow_usize(n));
            }
            selected.insert(j);
            *slot = pop[j].clone();
        }
    }
    Ok(Value::list(result))
}

fn choices(vm: &mut Vm, args: &[Value], kw: Kw) -> R<Value> {
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
                let r = with(vm, |m| m.random());
                out.push(pop[(r * n as f64).floor() as usize].clone());
            }
        }
        Some(cw) => {
            if cw.len() != n {
                return Err(value_error("The number of weights does not match the population"));
            }
            let total = *cw.last().unwrap_or(&0.0);
            for _ in 0..k {
                let r = with(vm, |m| m.random()) * total;
                let i = cw.partition_point(|c| *c <= r).min(n - 1);
                out.push(pop[i].clone());
            }
        }
    }
    Ok(Value::list(out))
}

fn gauss(vm: &mut Vm, args: &[Value], _: Kw) -> R<Value> {
    let mu = args.first().and_then(crate::ops::to_f64).unwrap_or(0.0);
    let sigma = args.get(1).and_then(crate::ops::to_f64).unwrap_or(1.0);
    // normalvariate's Kinderman-Monahan ratio method, as CPython's random.py.
    let nv_magicconst = 4.0 * (-0.5f64).exp() / 2f64.sqrt();
    loop {
        let u1 = with(vm, |m| m.random());
        let u2 = 1.0 - with(vm, |m| m.random());
        let z = nv_magicconst * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            return Ok(Value::Float(mu + z * sigma));
        }
    }
}

pub fn init(vm: &mut Vm, m: &Module) {
    let _ = vm;
    add_fns(
        m,
        &[
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
        ],
    );
}
