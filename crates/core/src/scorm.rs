//! SCORM 1.2 and SCORM 2004 (4th edition) as the lesson uses them: which API object a course
//! platform exposes, which data-model elements the lesson writes and when, and their values'
//! formats. The UI (`crates/ui/src/host/scorm.rs`) finds the API and makes the calls.
//!
//! The lesson reports one thing, the quiz: score raw/min/max as a percentage (0–100, so a
//! platform's mastery score, also a percentage, compares with it directly), `scaled` for 2004, and
//! a status: passed or failed against the pass mark, completed (2004) once every question has an
//! answer. It reads three values: whether the attempt is new, the platform's own pass mark, and
//! the attempt's `cmi.suspend_data`, where it keeps the quiz's answers (`crate::quiz::saved`'s
//! JSON). Inside a platform the answers belong to the learner's attempt, not to the browser: on a
//! shared computer, the next learner's attempt must not start from (or report) someone else's.

use crate::quiz::{PassMark, Score, PASS_MARK};

/// The two run-time APIs. The lesson looks for 2004 first: a platform that offers both wants it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    Scorm12,
    Scorm2004,
}

/// How many parent frames to climb looking for the API: the ADL's own discovery script gives up
/// after seven, which deep LMS framesets stay within.
pub const MAX_PARENTS: usize = 7;

/// The API's methods, by version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Methods {
    pub initialize: &'static str,
    pub finish: &'static str,
    pub get_value: &'static str,
    pub set_value: &'static str,
    pub commit: &'static str,
    pub get_last_error: &'static str,
    pub get_error_string: &'static str,
}

/// One data-model element and the value to write to it.
pub type Write = (&'static str, String);

impl Version {
    pub const SEARCH_ORDER: [Version; 2] = [Version::Scorm2004, Version::Scorm12];

    /// The global the platform puts the API object on.
    pub fn api_name(self) -> &'static str {
        match self {
            Version::Scorm12 => "API",
            Version::Scorm2004 => "API_1484_11",
        }
    }

    pub fn methods(self) -> Methods {
        match self {
            Version::Scorm12 => Methods {
                initialize: "LMSInitialize",
                finish: "LMSFinish",
                get_value: "LMSGetValue",
                set_value: "LMSSetValue",
                commit: "LMSCommit",
                get_last_error: "LMSGetLastError",
                get_error_string: "LMSGetErrorString",
            },
            Version::Scorm2004 => Methods {
                initialize: "Initialize",
                finish: "Terminate",
                get_value: "GetValue",
                set_value: "SetValue",
                commit: "Commit",
                get_last_error: "GetLastError",
                get_error_string: "GetErrorString",
            },
        }
    }

    /// The element that says whether this attempt is new.
    pub fn status_element(self) -> &'static str {
        match self {
            Version::Scorm12 => "cmi.core.lesson_status",
            Version::Scorm2004 => "cmi.completion_status",
        }
    }

    /// The element where a platform may set its own pass mark.
    pub fn pass_mark_element(self) -> &'static str {
        match self {
            Version::Scorm12 => "cmi.student_data.mastery_score",
            Version::Scorm2004 => "cmi.scaled_passing_score",
        }
    }
}

/// Where an attempt keeps what a SCO needs to resume it: the same element in both versions.
pub const SUSPEND_DATA: &str = "cmi.suspend_data";

impl Version {
    /// The most characters `cmi.suspend_data` may hold: SCORM 1.2's CMIString4096, SCORM 2004's
    /// characterstring with a smallest permitted maximum of 64,000.
    pub fn suspend_data_limit(self) -> usize {
        match self {
            Version::Scorm12 => 4_096,
            Version::Scorm2004 => 64_000,
        }
    }
}

/// The quiz's saved state as the attempt's suspend_data, or `None` if it does not fit the version's
/// limit (a platform would refuse or cut it, and a cut JSON reads as corrupt).
pub fn suspend(version: Version, state: &str) -> Option<Write> {
    (state.chars().count() <= version.suspend_data_limit()).then(|| (SUSPEND_DATA, state.to_string()))
}

/// On start, given the status the platform reports: a new attempt becomes "incomplete", so the
/// platform shows the lesson as begun. Any other status (a passed lesson reopened) is left alone.
pub fn on_start(version: Version, status: &str) -> Vec<Write> {
    let new = matches!(status, "" | "not attempted" | "unknown");
    if !new {
        return Vec::new();
    }
    vec![(version.status_element(), "incomplete".to_string())]
}

/// The platform's pass mark if it set a valid one (1.2: a percentage; 2004: a fraction), else the
/// lesson's own. A 2004 scaled passing score below 0 cannot be met by a quiz's score, which is
/// never negative, so it is read as "anything passes".
pub fn pass_mark(version: Version, value: &str) -> PassMark {
    // serde_json's number parser, which the page already carries, rather than `str::parse::<f64>`,
    // whose exact decimal conversion would add ~17 KB to the page's wasm for this one value.
    let Ok(number) = serde_json::from_str::<f64>(value.trim()) else { return PASS_MARK };
    let fraction = match version {
        Version::Scorm12 => number / 100.0,
        Version::Scorm2004 if (-1.0..0.0).contains(&number) => 0.0,
        Version::Scorm2004 => number,
    };
    PassMark::from_fraction(fraction).unwrap_or(PASS_MARK)
}

/// The score as a percentage with at most two decimals: "100", "66.67".
pub fn percent(score: Score) -> String {
    decimal(score.fraction() * 100.0, 2)
}

/// When every question has an answer: the score, the status(es) and the time so far. Min and max
/// go before raw, for platforms that check raw against them.
pub fn on_complete(version: Version, score: Score, mark: PassMark, session_ms: f64) -> Vec<Write> {
    let status = if score.passes(mark) { "passed" } else { "failed" }.to_string();
    match version {
        Version::Scorm12 => vec![
            ("cmi.core.score.min", "0".into()),
            ("cmi.core.score.max", "100".into()),
            ("cmi.core.score.raw", percent(score)),
            ("cmi.core.lesson_status", status),
            ("cmi.core.session_time", session_time(version, session_ms)),
        ],
        Version::Scorm2004 => vec![
            ("cmi.score.min", "0".into()),
            ("cmi.score.max", "100".into()),
            ("cmi.score.raw", percent(score)),
            ("cmi.score.scaled", decimal(score.fraction(), 4)),
            ("cmi.completion_status", "completed".into()),
            ("cmi.success_status", status),
            ("cmi.session_time", session_time(version, session_ms)),
        ],
    }
}

/// On leaving, before Commit and Finish/Terminate: the session's time, and how the learner left.
/// A finished quiz is a normal exit; an unfinished one is suspended, so the platform keeps the
/// attempt open for the learner to come back to.
pub fn on_leave(version: Version, session_ms: f64, completed: bool) -> Vec<Write> {
    match version {
        Version::Scorm12 => vec![
            ("cmi.core.session_time", session_time(version, session_ms)),
            ("cmi.core.exit", if completed { "" } else { "suspend" }.into()),
        ],
        Version::Scorm2004 => vec![
            ("cmi.session_time", session_time(version, session_ms)),
            ("cmi.exit", if completed { "normal" } else { "suspend" }.into()),
        ],
    }
}

/// A session's length in each version's format. 1.2's CMITimespan is `HHHH:MM:SS.SS` (at least
/// two digits of hours, at most four); 2004's is an ISO 8601 duration such as `PT1M23.46S`.
pub fn session_time(version: Version, ms: f64) -> String {
    let centis = if ms.is_finite() && ms > 0.0 { (ms / 10.0).round() as u64 } else { 0 };
    let (hours, minutes, seconds, centis) = (centis / 360_000, centis / 6_000 % 60, centis / 100 % 60, centis % 100);
    match version {
        Version::Scorm12 => format!("{:02}:{minutes:02}:{seconds:02}.{centis:02}", hours.min(9999)),
        Version::Scorm2004 => {
            let mut text = String::from("PT");
            if hours > 0 {
                text += &format!("{hours}H");
            }
            if minutes > 0 {
                text += &format!("{minutes}M");
            }
            text += &if centis > 0 { decimal(seconds as f64 + centis as f64 / 100.0, 2) } else { seconds.to_string() };
            text + "S"
        }
    }
}

/// What the learner reads when the platform did not start tracking the lesson.
pub fn not_started(code: &str, text: &str) -> String {
    format!(
        "Your course platform did not start tracking this lesson{}, so your quiz score cannot be saved there. \
         The lesson itself works as usual.",
        error_suffix(code, text)
    )
}

/// What the learner reads when the platform refused the score.
pub fn not_saved(code: &str, text: &str) -> String {
    format!(
        "Your course platform did not save your quiz score{}. Try reloading the lesson from the course, \
         or tell the course's staff.",
        error_suffix(code, text)
    )
}

/// Launched as a course package (`?scorm`), yet no platform API in sight.
pub const NOT_FOUND: &str = "This lesson was opened as a course package, but the course platform's SCORM \
    connection was not found, so your quiz score was not recorded.";

fn error_suffix(code: &str, text: &str) -> String {
    match (code.trim(), text.trim()) {
        ("" | "0", _) => String::new(),
        (code, "") => format!(" (error {code})"),
        (code, text) => format!(" (error {code}: {text})"),
    }
}

/// A decimal with at most `places` digits after the point and no trailing zeros.
fn decimal(x: f64, places: usize) -> String {
    let text = format!("{x:.places$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    //! What the lesson writes to a course platform, in each version's vocabulary and formats.

    use super::*;

    fn render(writes: &[Write]) -> String {
        writes.iter().map(|(element, value)| format!("{element} = {value:?}\n")).collect()
    }

    fn of3(correct: usize) -> Score {
        Score { correct, total: 3 }
    }

    #[test]
    fn scorm_versions_name_their_api_and_methods() {
        assert_eq!(Version::SEARCH_ORDER.map(Version::api_name), ["API_1484_11", "API"]);
        assert_eq!(Version::Scorm12.methods().finish, "LMSFinish");
        assert_eq!(Version::Scorm2004.methods().finish, "Terminate");
        assert_eq!(Version::Scorm12.methods().get_error_string, "LMSGetErrorString");
    }

    #[test]
    fn scorm_12_quiz_passed_with_all_right() {
        let writes = on_complete(Version::Scorm12, of3(3), PASS_MARK, 83_456.0);
        assert_eq!(
            render(&writes),
            "cmi.core.score.min = \"0\"\ncmi.core.score.max = \"100\"\ncmi.core.score.raw = \"100\"\n\
             cmi.core.lesson_status = \"passed\"\ncmi.core.session_time = \"00:01:23.46\"\n"
        );
    }

    #[test]
    fn scorm_2004_quiz_failed_with_two_of_three() {
        let writes = on_complete(Version::Scorm2004, of3(2), PASS_MARK, 3_725_000.0);
        assert_eq!(
            render(&writes),
            "cmi.score.min = \"0\"\ncmi.score.max = \"100\"\ncmi.score.raw = \"66.67\"\ncmi.score.scaled = \"0.6667\"\n\
             cmi.completion_status = \"completed\"\ncmi.success_status = \"failed\"\ncmi.session_time = \"PT1H2M5S\"\n"
        );
    }

    #[test]
    fn scorm_start_marks_only_a_new_attempt_incomplete() {
        assert_eq!(render(&on_start(Version::Scorm12, "not attempted")), "cmi.core.lesson_status = \"incomplete\"\n");
        assert_eq!(render(&on_start(Version::Scorm2004, "unknown")), "cmi.completion_status = \"incomplete\"\n");
        assert_eq!(render(&on_start(Version::Scorm2004, "not attempted")), "cmi.completion_status = \"incomplete\"\n");
        for kept in ["passed", "completed", "failed", "incomplete", "browsed"] {
            assert!(on_start(Version::Scorm12, kept).is_empty(), "{kept}");
        }
    }

    #[test]
    fn scorm_leave_says_how_the_learner_left() {
        assert_eq!(
            render(&on_leave(Version::Scorm12, 5_000.0, true)),
            "cmi.core.session_time = \"00:00:05.00\"\ncmi.core.exit = \"\"\n"
        );
        assert_eq!(
            render(&on_leave(Version::Scorm2004, 5_000.0, false)),
            "cmi.session_time = \"PT5S\"\ncmi.exit = \"suspend\"\n"
        );
    }

    #[test]
    fn scorm_suspend_data_holds_the_quiz_state_within_each_versions_limit() {
        let state = r#"{"version":1,"answers":{"quiz-compress":2}}"#;
        assert_eq!(suspend(Version::Scorm12, state), Some(("cmi.suspend_data", state.to_string())));
        assert_eq!(suspend(Version::Scorm2004, state), Some(("cmi.suspend_data", state.to_string())));
        // Characters, not bytes: 4,096 two-byte characters still fit SCORM 1.2.
        let at_limit = "é".repeat(4_096);
        assert!(suspend(Version::Scorm12, &at_limit).is_some());
        assert_eq!(suspend(Version::Scorm12, &format!("{at_limit}x")), None, "one past 1.2's 4,096");
        assert!(suspend(Version::Scorm2004, &format!("{at_limit}x")).is_some());
        assert_eq!(suspend(Version::Scorm2004, &"x".repeat(64_001)), None);
    }

    #[test]
    fn scorm_session_time_formats() {
        let cases = [
            (0.0, "00:00:00.00", "PT0S"),
            (-3.0, "00:00:00.00", "PT0S"),
            (f64::NAN, "00:00:00.00", "PT0S"),
            (1_234.0, "00:00:01.23", "PT1.23S"),
            (61_500.0, "00:01:01.50", "PT1M1.5S"),
            (3_600_000.0, "01:00:00.00", "PT1H0S"),
            (100.0 * 3_600_000.0, "100:00:00.00", "PT100H0S"),
            (20_000.0 * 3_600_000.0, "9999:00:00.00", "PT20000H0S"),
        ];
        for (ms, v12, v2004) in cases {
            assert_eq!(session_time(Version::Scorm12, ms), v12, "{ms}");
            assert_eq!(session_time(Version::Scorm2004, ms), v2004, "{ms}");
        }
    }

    #[test]
    fn scorm_platform_pass_mark_overrides_the_lessons_when_valid() {
        assert_eq!(pass_mark(Version::Scorm12, "60"), PassMark::from_fraction(0.6).unwrap());
        assert_eq!(pass_mark(Version::Scorm2004, "0.5"), PassMark::from_fraction(0.5).unwrap());
        assert_eq!(pass_mark(Version::Scorm2004, "-0.5"), PassMark::from_fraction(0.0).unwrap());
        for unset in ["", "abc", "150", "-1"] {
            assert_eq!(pass_mark(Version::Scorm12, unset), PASS_MARK, "{unset}");
        }
        assert_eq!(pass_mark(Version::Scorm2004, "1.5"), PASS_MARK);
        // With the platform's mark at 60 %, two of three (67 %) passes.
        let writes = on_complete(Version::Scorm12, of3(2), pass_mark(Version::Scorm12, "60"), 0.0);
        assert!(writes.contains(&("cmi.core.lesson_status", "passed".into())));
    }

    #[test]
    fn scorm_percent_has_at_most_two_decimals() {
        assert_eq!(percent(of3(0)), "0");
        assert_eq!(percent(of3(1)), "33.33");
        assert_eq!(percent(Score { correct: 1, total: 2 }), "50");
        assert_eq!(percent(Score { correct: 0, total: 0 }), "0");
    }

    #[test]
    fn scorm_errors_read_as_sentences() {
        assert_eq!(
            not_saved("351", "General Set Failure"),
            "Your course platform did not save your quiz score (error 351: General Set Failure). Try reloading \
             the lesson from the course, or tell the course's staff."
        );
        assert!(not_started("0", "No error").starts_with("Your course platform did not start tracking this lesson, so"));
        assert!(not_started("101", "").contains("(error 101)"));
    }
}
