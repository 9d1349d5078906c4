//! The `postMessage` protocol between the lesson in a frame and the page around it: what the lesson
//! says (its height, the quiz's events), the one thing it heeds, and from whom.
//!
//! Every message is a plain object `{ source, version, type, ...fields }`, modelled on H5P's
//! resizer but our own: `source` names the sender, so a page that hosts several kinds of frames
//! can tell ours apart, and `version` lets the format change without old parents misreading it.
//! README.md ("Embed") documents the same table for course authors.
//!
//! A message to the lesson can ask for nothing but its height again. It is heeded only if its shape
//! is exactly the documented one and, when the course configured a parent origin, only if it comes
//! from that origin: a message can never answer the quiz, change a setting or reach the engine.

use serde::{Deserialize, Serialize};

use crate::quiz::{PassMark, QuizEvent, Verdict};

/// `source` of every message the lesson sends.
pub const SOURCE: &str = "concurrency-playground";
/// `source` a parent's message must carry.
pub const PARENT_SOURCE: &str = "concurrency-playground-host";
/// The protocol's version, in every message both ways.
pub const VERSION: u32 = 1;

/// A frame taller than this is a measuring error, not a lesson; the parent is never told more.
const MAX_HEIGHT: u32 = 1_000_000;

/// What the lesson tells its parent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ToParent {
    /// The document's height in CSS pixels, whenever it changes (and when asked).
    Resize { height: u32 },
    /// The learner chose an option: the question's id, the option's index from 0, and whether it is right.
    QuizAnswered { question: &'static str, chosen: usize, correct: bool },
    /// Every question has an answer: how many are right, out of how many, and whether that passes.
    QuizScore { score: usize, max: usize, passed: bool },
}

/// The envelope, so `source` and `version` come first in every message.
#[derive(Serialize)]
struct Outgoing<'a> {
    source: &'static str,
    version: u32,
    #[serde(flatten)]
    message: &'a ToParent,
}

impl ToParent {
    /// A measured height (fractional CSS pixels), rounded up so the frame never needs a scroll bar.
    pub fn resize(css_px: f64) -> ToParent {
        let height = if css_px.is_finite() && css_px > 0.0 { css_px.ceil().min(MAX_HEIGHT as f64) as u32 } else { 0 };
        ToParent::Resize { height }
    }

    pub fn from_quiz(event: &QuizEvent, mark: PassMark) -> ToParent {
        match *event {
            QuizEvent::Answered { question, chosen, verdict } => {
                ToParent::QuizAnswered { question, chosen, correct: verdict == Verdict::Correct }
            }
            QuizEvent::Completed(score) => {
                ToParent::QuizScore { score: score.correct, max: score.total, passed: score.passes(mark) }
            }
        }
    }

    /// The message as JSON; the UI turns it into a plain object before posting it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&Outgoing { source: SOURCE, version: VERSION, message: self })
            .expect("strings, numbers and booleans encode")
    }
}

/// What a parent may ask of the lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FromParent {
    /// "Tell me your height again": for a parent whose script started after the frame's first message.
    RequestResize,
}

/// Exactly the documented fields, no more.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Incoming {
    source: String,
    version: u32,
    #[serde(rename = "type")]
    kind: String,
}

impl FromParent {
    /// A message's data (as JSON) if it has exactly the documented shape; anything else is ignored.
    pub fn from_json(json: &str) -> Option<FromParent> {
        let message: Incoming = serde_json::from_str(json).ok()?;
        match (message.source.as_str(), message.version, message.kind.as_str()) {
            (PARENT_SOURCE, VERSION, "request-resize") => Some(FromParent::RequestResize),
            _ => None,
        }
    }
}

/// Whom the lesson talks to: any parent, or only the origin a course set with `?parent-origin=`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// No origin configured: messages go out with target origin "*", which is why they carry
    /// nothing a stranger should not read, and requests are heeded from the parent whatever its origin.
    AnyParent,
    /// Messages go only to this origin, and only its messages are heeded.
    Only(String),
}

/// `?parent-origin=` is there but is not an http(s) origin. The lesson then says nothing at all
/// rather than fall back to "*", which would send messages to whoever frames it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadOrigin(pub String);

impl Audience {
    pub fn from_query(parent_origin: Option<&str>) -> Result<Audience, BadOrigin> {
        match parent_origin {
            None => Ok(Audience::AnyParent),
            Some(text) => origin(text).map(Audience::Only).ok_or_else(|| BadOrigin(text.to_string())),
        }
    }

    /// `postMessage`'s target origin.
    pub fn target_origin(&self) -> &str {
        match self {
            Audience::AnyParent => "*",
            Audience::Only(origin) => origin,
        }
    }

    /// Whether a message from `origin` (a `MessageEvent`'s, as the browser serialises it) is heeded.
    pub fn accepts(&self, origin: &str) -> bool {
        match self {
            Audience::AnyParent => true,
            Audience::Only(only) => only == origin,
        }
    }
}

/// An http(s) origin as browsers serialise it (`https://lms.example`, `http://127.0.0.1:8080`):
/// lower case, no default port, no path beyond a lone "/". `None` for anything else.
pub fn origin(text: &str) -> Option<String> {
    let text = text.trim();
    let (scheme, rest) = text.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => "80",
        "https" => "443",
        _ => return None,
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest).to_ascii_lowercase();
    let (host, port) = match authority.rsplit_once(':') {
        // An IPv6 literal's colons are inside its brackets; a port follows the closing one.
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority.as_str(), None),
    };
    let host_ok = !host.is_empty()
        && if let Some(v6) = host.strip_prefix('[') {
            v6.strip_suffix(']')
                .is_some_and(|a| !a.is_empty() && a.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.'))
        } else {
            host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        };
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()) => {
            let n: u32 = p.parse().ok()?;
            if n == 0 || n > 65_535 {
                return None;
            }
            (p != default_port).then(|| n.to_string())
        }
        Some(_) => return None,
    };
    host_ok.then(|| match port {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    })
}

#[cfg(test)]
mod tests {
    //! The messages' exact JSON (what README.md documents), what an incoming message must look
    //! like, and which origins count.

    use super::*;
    use crate::quiz::{Score, PASS_MARK};

    #[test]
    fn embed_messages_to_the_parent_are_the_documented_json() {
        let cases = [
            (
                ToParent::resize(812.2),
                r#"{"source":"concurrency-playground","version":1,"type":"resize","height":813}"#,
            ),
            (
                ToParent::from_quiz(
                    &QuizEvent::Answered { question: "quiz-io", chosen: 1, verdict: Verdict::Incorrect },
                    PASS_MARK,
                ),
                r#"{"source":"concurrency-playground","version":1,"type":"quiz-answered","question":"quiz-io","chosen":1,"correct":false}"#,
            ),
            (
                ToParent::from_quiz(&QuizEvent::Completed(Score { correct: 3, total: 3 }), PASS_MARK),
                r#"{"source":"concurrency-playground","version":1,"type":"quiz-score","score":3,"max":3,"passed":true}"#,
            ),
            (
                ToParent::from_quiz(&QuizEvent::Completed(Score { correct: 2, total: 3 }), PASS_MARK),
                r#"{"source":"concurrency-playground","version":1,"type":"quiz-score","score":2,"max":3,"passed":false}"#,
            ),
        ];
        for (message, json) in cases {
            assert_eq!(message.to_json(), json);
        }
    }

    #[test]
    fn embed_resize_rounds_up_and_never_reports_nonsense() {
        assert_eq!(ToParent::resize(100.0), ToParent::Resize { height: 100 });
        assert_eq!(ToParent::resize(100.01), ToParent::Resize { height: 101 });
        for bad in [f64::NAN, -5.0, 0.0] {
            assert_eq!(ToParent::resize(bad), ToParent::Resize { height: 0 }, "{bad}");
        }
        assert_eq!(ToParent::resize(f64::INFINITY), ToParent::Resize { height: 0 });
        assert_eq!(ToParent::resize(5e9), ToParent::Resize { height: MAX_HEIGHT });
    }

    #[test]
    fn embed_heeds_only_the_exact_request_resize_shape() {
        let ok = r#"{"source":"concurrency-playground-host","version":1,"type":"request-resize"}"#;
        assert_eq!(FromParent::from_json(ok), Some(FromParent::RequestResize));
        for bad in [
            "",
            "null",
            r#""request-resize""#,
            "[]",
            r#"{"source":"concurrency-playground","version":1,"type":"request-resize"}"#,
            r#"{"source":"concurrency-playground-host","version":2,"type":"request-resize"}"#,
            r#"{"source":"concurrency-playground-host","version":"1","type":"request-resize"}"#,
            r#"{"source":"concurrency-playground-host","version":1,"type":"quiz-score"}"#,
            r#"{"source":"concurrency-playground-host","version":1}"#,
            r#"{"source":"concurrency-playground-host","version":1,"type":"request-resize","answer":2}"#,
        ] {
            assert_eq!(FromParent::from_json(bad), None, "{bad}");
        }
    }

    #[test]
    fn embed_origins_are_normalised_as_browsers_serialise_them() {
        let cases = [
            ("https://lms.example", Some("https://lms.example")),
            ("https://LMS.Example/", Some("https://lms.example")),
            ("https://lms.example:443", Some("https://lms.example")),
            ("http://127.0.0.1:8080", Some("http://127.0.0.1:8080")),
            ("http://[::1]:3000", Some("http://[::1]:3000")),
            ("http://[::1]", Some("http://[::1]")),
            (" https://lms.example ", Some("https://lms.example")),
            ("https://lms.example/course", None),
            ("https://lms.example?x", None),
            ("https://user@lms.example", None),
            ("https://lms.example:0", None),
            ("https://lms.example:99999", None),
            ("https://lms.example:", None),
            ("javascript://lms.example", None),
            ("lms.example", None),
            ("https://", None),
            ("*", None),
            ("null", None),
        ];
        for (text, want) in cases {
            assert_eq!(origin(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn embed_audience_targets_and_accepts_by_the_configured_origin() {
        let any = Audience::from_query(None).unwrap();
        assert_eq!(any.target_origin(), "*");
        assert!(any.accepts("https://anyone.example"));

        let only = Audience::from_query(Some("https://lms.example/")).unwrap();
        assert_eq!(only.target_origin(), "https://lms.example");
        assert!(only.accepts("https://lms.example"));
        assert!(!only.accepts("https://evil.example"));
        assert!(!only.accepts("https://lms.example.evil.example"));
        assert!(!only.accepts("null"));

        assert_eq!(
            Audience::from_query(Some("https://lms.example/path")),
            Err(BadOrigin("https://lms.example/path".into()))
        );
    }
}
