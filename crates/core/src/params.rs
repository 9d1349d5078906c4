//! Bounds on every number a learner can change, and parsing of what they type, Python-style.
//!
//! A learner types `10_000_000` as in the lesson, so underscores between digits are accepted, as
//! Python's own integer literals allow. Every failure is a sentence a learner can act on.

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
            Err(ParamError::TooLarge { name: self.name, max: self.max, got: v })
        } else {
            Ok(v)
        }
    }

    /// Parses what the learner typed and checks it against the bounds.
    pub fn parse(&self, text: &str) -> Result<u64, ParamError> {
        self.check(parse_int(self.name, text)?)
    }
}

/// Why a parameter was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    Empty { name: &'static str },
    NotANumber { name: &'static str, text: String },
    TooSmall { name: &'static str, min: u64, got: u64 },
    TooLarge { name: &'static str, max: u64, got: u64 },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::Empty { name } => write!(f, "{name} needs a value"),
            ParamError::NotANumber { name, text } => {
                write!(f, "{name} must be a whole number like 10_000_000 (got \"{text}\")")
            }
            ParamError::TooSmall { name, min, got } => {
                write!(f, "{name} must be at least {} (got {})", python_int(*min), python_int(*got))
            }
            ParamError::TooLarge { name, max, got } => {
                write!(f, "{name} must be at most {} (got {})", python_int(*max), python_int(*got))
            }
        }
    }
}

impl std::error::Error for ParamError {}

/// Parses a non-negative integer the way Python reads a literal: digits, optionally grouped by single
/// underscores (`10_000_000`), surrounded by any whitespace.
pub fn parse_int(name: &'static str, text: &str) -> Result<u64, ParamError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ParamError::Empty { name });
    }
    let nan = || ParamError::NotANumber { name, text: t.to_string() };
    let bytes = t.as_bytes();
    let well_formed = bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit)
        && bytes.iter().all(|b| b.is_ascii_digit() || *b == b'_')
        && !t.contains("__");
    if !well_formed {
        return Err(nan());
    }
    let digits: String = t.chars().filter(|c| *c != '_').collect();
    // Too many digits for u64 is still a number, just far too large: say so rather than "not a number".
    digits.parse::<u64>().or(Ok(u64::MAX))
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
        assert_eq!(parse_int("n", "99999999999999999999999"), Ok(u64::MAX));
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
            ("abc", "n must be a whole number like 10_000_000 (got \"abc\")"),
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
