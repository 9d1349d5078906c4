//! Bounds on every number a learner can change, and parsing of what they type, Python-style.
//!
//! A learner types `10_000_000` as in the lesson, so underscores between digits are accepted, as
//! Python's own integer literals allow. Every failure is a sentence a learner can act on: it quotes
//! at most the start of what was typed (a paste can be 10,000 characters long), names a number too
//! large for any integer as such, and gives an example that the field accepts.

use std::fmt;

/// An inclusive range a parameter must stay within, with the name the learner knows it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounded {
    pub name: &'static str,
    pub min: u64,
    pub max: u64,
}

impl Bounded {
    /// `Ok(v)` when `v` is within bounds, otherwise a message naming the bound that was crossed.
    pub fn check(&self, v: u64) -> Result<u64, ParamError> {
        if v < self.min {
            Err(ParamError::TooSmall { name: self.name, min: self.min, got: v })
        } else if v > self.max {
            Err(ParamError::TooLarge { name: self.name, max: self.max, got: Got::Number(v) })
        } else {
            Ok(v)
        }
    }

    /// Parses what the learner typed and checks it against the bounds.
    pub fn parse(&self, text: &str) -> Result<u64, ParamError> {
        match parse_int(self.name, text) {
            Ok(v) => self.check(v),
            // The messages speak of this field's own bounds and examples.
            Err(ParamError::NotANumber { text, .. }) => {
                Err(ParamError::NotANumber { name: self.name, text, example: self.example() })
            }
            Err(ParamError::TooLarge { got, .. }) => Err(ParamError::TooLarge { name: self.name, max: self.max, got }),
            Err(other) => Err(other),
        }
    }

    /// A round number the field accepts, for messages: the largest power of ten within the bounds
    /// (`10_000_000` for `n`, which also shows the underscores), or the maximum where that is below
    /// ten (`8` for `max_workers`).
    pub fn example(&self) -> u64 {
        let mut power = 1u64;
        while power.checked_mul(10).is_some_and(|next| next <= self.max) {
            power *= 10;
        }
        if power >= 10 && power >= self.min {
            power
        } else {
            self.max
        }
    }

    /// How many characters wide the field is drawn for `text`: as wide as the text, but never wider
    /// than the widest value it accepts and a little room, so a paste cannot widen the page.
    pub fn width(&self, text: &str) -> usize {
        let widest = python_int(self.max).len() + 2;
        text.chars().count().clamp(1, widest)
    }
}

/// What was typed, as a message quotes it: in full when short, else its start and its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    start: String,
    chars: usize,
}

/// How many characters of a refused input a message repeats.
pub const QUOTED_CHARS: usize = 24;

impl Quoted {
    pub fn new(text: &str) -> Quoted {
        Quoted { start: text.chars().take(QUOTED_CHARS).collect(), chars: text.chars().count() }
    }
}

impl fmt::Display for Quoted {
    /// `"abc"`, or `"xxxxxxxxxxxxxxxxxxxxxxxx…", 10_000 characters`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.chars <= QUOTED_CHARS {
            write!(f, "\"{}\"", self.start)
        } else {
            write!(f, "\"{}…\", {} characters", self.start, python_int(self.chars as u64))
        }
    }
}

/// A number a learner typed, as a message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Got {
    Number(u64),
    /// More digits than any integer here holds: named by its length, not as some other number.
    Digits(usize),
}

impl fmt::Display for Got {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Got::Number(v) => write!(f, "{}", python_int(*v)),
            Got::Digits(n) => write!(f, "a {}-digit number", python_int(*n as u64)),
        }
    }
}

/// Why a parameter was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    Empty { name: &'static str },
    NotANumber { name: &'static str, text: Quoted, example: u64 },
    TooSmall { name: &'static str, min: u64, got: u64 },
    TooLarge { name: &'static str, max: u64, got: Got },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::Empty { name } => write!(f, "{name} needs a value"),
            ParamError::NotANumber { name, text, example } => {
                write!(f, "{name} must be a whole number like {} (got {text})", python_int(*example))
            }
            ParamError::TooSmall { name, min, got } => {
                write!(f, "{name} must be at least {} (got {})", python_int(*min), python_int(*got))
            }
            ParamError::TooLarge { name, max, got } => {
                write!(f, "{name} must be at most {} (got {got})", python_int(*max))
            }
        }
    }
}

impl std::error::Error for ParamError {}

/// Parses a non-negative integer the way Python reads a literal: digits, optionally grouped by single
/// underscores (`10_000_000`), surrounded by any whitespace. Without bounds, its messages speak of
/// the largest integer there is; [`Bounded::parse`] puts the field's own in.
pub fn parse_int(name: &'static str, text: &str) -> Result<u64, ParamError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ParamError::Empty { name });
    }
    let bytes = t.as_bytes();
    let well_formed = bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit)
        && bytes.iter().all(|b| b.is_ascii_digit() || *b == b'_')
        && !t.contains("__");
    if !well_formed {
        return Err(ParamError::NotANumber { name, text: Quoted::new(t), example: 10_000_000 });
    }
    let digits = t.trim_start_matches(['0', '_']).bytes().filter(|b| *b != b'_').count();
    // Too many digits for u64 is still a number, just far too large: say so rather than "not a number".
    t.bytes()
        .filter(u8::is_ascii_digit)
        .try_fold(0u64, |v, d| v.checked_mul(10)?.checked_add(u64::from(d - b'0')))
        .ok_or(ParamError::TooLarge { name, max: u64::MAX, got: Got::Digits(digits) })
}

/// Formats an integer as the lesson writes it: `10_000_000`.
pub fn python_int(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: Bounded = Bounded { name: "n", min: 1, max: 1_000 };

    #[test]
    fn parses_python_literals() {
        assert_eq!(parse_int("n", "10_000_000"), Ok(10_000_000));
        assert_eq!(parse_int("n", "  42 "), Ok(42));
        assert_eq!(parse_int("n", "0"), Ok(0));
        assert_eq!(parse_int("n", "007"), Ok(7));
        assert_eq!(parse_int("n", "18_446_744_073_709_551_615"), Ok(u64::MAX));
    }

    #[test]
    fn a_number_too_large_for_any_integer_is_named_by_its_length() {
        // Regression: 26 nines were reported as "(got 18_446_744_073_709_551_615)".
        let cases = [
            ("99999999999999999999999999", "n must be at most 1_000 (got a 26-digit number)"),
            ("18_446_744_073_709_551_616", "n must be at most 1_000 (got a 20-digit number)"),
            ("000000000000000000000000000000123456", "n must be at most 1_000 (got 123_456)"),
            ("18_446_744_073_709_551_615", "n must be at most 1_000 (got 18_446_744_073_709_551_615)"),
        ];
        for (text, want) in cases {
            assert_eq!(B.parse(text).unwrap_err().to_string(), want, "{text}");
        }
        let long = "9".repeat(10_000);
        assert_eq!(B.parse(&long).unwrap_err().to_string(), "n must be at most 1_000 (got a 10_000-digit number)");
    }

    #[test]
    fn long_input_is_quoted_by_its_start_and_its_length() {
        // Regression: a 10,000-character paste was echoed whole, twice, and widened the page.
        let pasted = "x".repeat(10_000);
        let message = B.parse(&pasted).unwrap_err().to_string();
        assert_eq!(
            message,
            format!("n must be a whole number like 1_000 (got \"{}…\", 10_000 characters)", "x".repeat(24))
        );
        // Characters, not bytes: a multi-byte paste is cut on a character boundary.
        let message = B.parse(&"é".repeat(30)).unwrap_err().to_string();
        assert!(message.ends_with(&format!("(got \"{}…\", 30 characters)", "é".repeat(24))), "{message}");
        let exactly = "y".repeat(QUOTED_CHARS);
        assert!(B.parse(&exactly).unwrap_err().to_string().ends_with(&format!("(got \"{exactly}\")")));
    }

    #[test]
    fn examples_in_messages_fit_the_fields_bounds() {
        // Regression: fields whose maximum is 8 suggested "like 10_000_000".
        let cases = [
            (1, 8, 8),
            (1, 5, 5),
            (1, 10, 10),
            (1, 16, 10),
            (0, 200, 100),
            (1, 4_096, 1_000),
            (1, 20_000_000, 10_000_000),
        ];
        for (min, max, example) in cases {
            let b = Bounded { name: "x", min, max };
            assert_eq!(b.example(), example, "{min}..={max}");
            assert_eq!(b.check(b.example()), Ok(example));
        }
        // A range with no power of ten above 10 inside it suggests its maximum.
        assert_eq!(Bounded { name: "x", min: 20, max: 99 }.example(), 99);
        assert_eq!(Bounded { name: "x", min: 0, max: u64::MAX }.example(), 10_000_000_000_000_000_000);
    }

    #[test]
    fn a_field_is_never_drawn_wider_than_its_widest_value() {
        let n = Bounded { name: "n", min: 1, max: 20_000_000 };
        assert_eq!(n.width(""), 1);
        assert_eq!(n.width("2_000_000"), 9);
        assert_eq!(n.width(&"x".repeat(10_000)), "20_000_000".len() + 2);
    }

    #[test]
    fn refuses_what_python_would_refuse() {
        for bad in ["_1", "1_", "1__0", "-5", "1e6", "ten", "1.5", "0x10"] {
            assert!(matches!(parse_int("n", bad), Err(ParamError::NotANumber { .. })), "{bad}");
        }
        assert_eq!(parse_int("n", "   "), Err(ParamError::Empty { name: "n" }));
    }

    #[test]
    fn messages_read_as_sentences() {
        let cases = [
            ("", "n needs a value"),
            ("abc", "n must be a whole number like 1_000 (got \"abc\")"),
            ("0", "n must be at least 1 (got 0)"),
            ("5_000", "n must be at most 1_000 (got 5_000)"),
        ];
        for (text, want) in cases {
            assert_eq!(B.parse(text).unwrap_err().to_string(), want);
        }
        assert_eq!(B.parse("1_000"), Ok(1000));
    }

    #[test]
    fn formats_like_the_lesson() {
        assert_eq!(python_int(0), "0");
        assert_eq!(python_int(999), "999");
        assert_eq!(python_int(1000), "1_000");
        assert_eq!(python_int(10_000_000), "10_000_000");
        assert_eq!(python_int(100_000), "100_000");
    }
}
