//! Decimal text to the nearest `f64` (float literals and `float("...")`), exactly, with the
//! big integers the interpreter already links rather than `str::parse::<f64>`: std's parser
//! carries a 10 KB table of powers of five that gzip cannot shrink, a fast path this cold code
//! does not need. Correctly rounded (half to even), as CPython's and std's are.

use num_bigint::BigUint;
use num_traits::{One, ToPrimitive};

/// `text` as Python writes a finite decimal number: an optional sign, digits with at most one
/// `.` (at least one digit in all), then optionally `e`/`E`, a sign and digits. `None` otherwise.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (neg, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (number, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let mut e10: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !all_digits(digits) {
                return None;
            }
            // Beyond any f64 either way; saturating keeps "1e99999999999999999999" finite to parse.
            let v = digits.bytes().fold(0i64, |v, b| v.saturating_mul(10).saturating_add(i64::from(b - b'0')));
            let v = v.min(1 << 40);
            if e.starts_with('-') {
                -v
            } else {
                v
            }
        }
    };
    let digits: String = int.chars().chain(frac.chars()).skip_while(|c| *c == '0').collect();
    e10 -= frac.len() as i64;
    let magnitude = if digits.is_empty() { 0.0 } else { nearest(&digits, e10) };
    Some(if neg { -magnitude } else { magnitude })
}

/// The f64 nearest to `digits` × 10^`e10` (digits without leading zeros, not all zero).
fn nearest(digits: &str, e10: i64) -> f64 {
    let d = digits.len() as i64;
    if d - 1 + e10 > 308 {
        return f64::INFINITY; // at least 10^309
    }
    if d + e10 < -324 {
        return 0.0; // below 10^-324, less than half the smallest subnormal
    }
    // Clinger's fast path, where most literals and round()'s results fall: the digits (under 2^53)
    // and 10^|e10| (up to 10^22) are both exact doubles, so one multiplication or division, which
    // IEEE rounds correctly, gives the nearest double without big integers.
    if d <= 15 && (-22..=22).contains(&e10) {
        let m = digits.bytes().fold(0u64, |m, b| m * 10 + u64::from(b - b'0')) as f64;
        let p = (0..e10.abs()).fold(1.0f64, |p, _| p * 10.0);
        return if e10 >= 0 { m * p } else { m / p };
    }
    let m = BigUint::parse_bytes(digits.as_bytes(), 10).unwrap_or_default();
    let ten = BigUint::from(10u32);
    let (n, den) = if e10 >= 0 {
        (m * num_traits::pow(ten, e10 as usize), BigUint::one())
    } else {
        (m, num_traits::pow(ten, (-e10) as usize))
    };
    // Find k with 2^52 <= n / (den·2^k) < 2^53 (or k = -1074, the subnormals' last bit), then
    // round the quotient to an integer: the f64 is that 53-bit integer times 2^k.
    let mut k = n.bits() as i64 - den.bits() as i64 - 53;
    loop {
        k = k.max(-1074);
        let (num, div) = if k >= 0 { (n.clone(), &den << k as usize) } else { (&n << (-k) as usize, den.clone()) };
        let (mut q, r) = (&num / &div, &num % &div);
        if q.bits() > 53 {
            k += 1;
            continue;
        }
        if q.bits() < 53 && k > -1074 {
            k -= 1;
            continue;
        }
        let twice = r << 1u32;
        if twice > div || (twice == div && q.bit(0)) {
            q += 1u32;
        }
        let mut q = q.to_u64().unwrap_or(0);
        if q == 1 << 53 {
            q >>= 1;
            k += 1;
        }
        if k > 971 {
            return f64::INFINITY; // beyond (2^53 - 1)·2^971, the largest finite f64
        }
        let bits = if q >= 1 << 52 { ((k + 52 + 1023) as u64) << 52 | (q & ((1 << 52) - 1)) } else { q };
        return f64::from_bits(bits);
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    /// Bit for bit what std's parser (correctly rounded) gives, and `None` where it fails.
    fn same(text: &str) {
        let ours = parse_f64(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{text}");
    }

    #[test]
    fn edge_cases_round_as_std_does() {
        for text in [
            "0",
            "0.0",
            "-0.0",
            "1",
            "1.5",
            ".5",
            "5.",
            "3.14",
            "1e10",
            "1E+10",
            "2.5e-3",
            "-7.25e2",
            "0.1",
            "0.2",
            "0.3",
            "123456789012345678901234567890",
            "9007199254740993",
            "9007199254740995",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e308",
            "1e309",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e-400",
            "0e999999",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "000123.4500",
            "1_0",
            "",
            ".",
            "e5",
            "1e",
            "1e+",
            "+-1",
            "1.2.3",
            "--1",
            "1e5.5",
            " 1",
            "0x10",
            "٣",
        ] {
            same(text);
        }
    }

    #[test]
    fn many_generated_numbers_round_as_std_does() {
        // A fixed linear congruential sequence: digits, a point and an exponent anywhere.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        for _ in 0..20_000 {
            let len = 1 + next(25) as usize;
            let mut s: String = (0..len).map(|_| char::from(b'0' + next(10) as u8)).collect();
            if next(2) == 0 {
                s.insert(next(len as u64 + 1) as usize, '.');
            }
            if next(2) == 0 {
                s.push_str(&format!("e{}", next(700) as i64 - 350));
            }
            same(&s);
        }
    }
}
