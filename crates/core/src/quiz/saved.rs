//! The learner's answers as saved state: a JSON with a version number, what a page does with state
//! it cannot read, and what the learner is told about it.
//!
//! One format serves both places the answers are kept: the browser's localStorage when the lesson
//! is on its own, the attempt's `cmi.suspend_data` inside a course platform (`crate::scorm`). Saved
//! state is never thrown away without a word: state this build cannot read is reset and the
//! learner told; state a newer build wrote is left as it is, and the quiz runs unsaved and says why.
//!
//! Like rust-playground's `local_storage.ts`, every format this lesson ever wrote is read by one arm
//! of [`read`] and brought up to date by [`migrate`], and the tests keep a frozen example of each.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Answers, Question};

/// Where the answers are kept in the browser's localStorage.
pub const STORAGE_KEY: &str = "concurrency-playground.lesson-17.quiz";

/// The format this build writes. When the JSON's shape changes: bump it, add the new shape, give the
/// old one an arm in [`migrate`], and keep a frozen example of the old one in the tests.
pub const SAVE_VERSION: u64 = 1;

/// Format 1: `{"version":1,"answers":{"question-id":option}}`.
#[derive(Debug, Serialize, Deserialize)]
struct SavedV1 {
    version: u64,
    answers: BTreeMap<String, usize>,
}

/// Every format this lesson has written, as read.
#[derive(Debug)]
enum Saved {
    V1(SavedV1),
}

/// The current format.
type Current = SavedV1;

/// Why saved state was not restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unreadable {
    /// Not JSON, or not a shape this lesson ever wrote.
    Corrupt,
    /// Written by a newer build, in a format this one does not know.
    Newer(u64),
}

/// Reads saved JSON as the format its version names.
fn read(json: &str) -> Result<Saved, Unreadable> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|_| Unreadable::Corrupt)?;
    let version = value.get("version").and_then(serde_json::Value::as_u64).ok_or(Unreadable::Corrupt)?;
    match version {
        1 => serde_json::from_value(value).map(Saved::V1).map_err(|_| Unreadable::Corrupt),
        newer if newer > SAVE_VERSION => Err(Unreadable::Newer(newer)),
        // A version number no build of this lesson ever wrote.
        _ => Err(Unreadable::Corrupt),
    }
}

/// Brings any format this lesson wrote up to the current one, one version at a time.
fn migrate(saved: Saved) -> Current {
    match saved {
        Saved::V1(current) => current,
    }
}

/// What a page found where the answers are kept, and so what it may do there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Restored {
    /// Nothing saved yet.
    Fresh,
    /// Answers saved earlier, brought up to today's format and questions.
    Saved(Answers),
    /// Something that could not be read: the quiz starts afresh and saves over it.
    Reset,
    /// State a newer build of the lesson wrote, in a format this one does not know: it is left as it
    /// is for that build, so this one starts afresh and saves nothing.
    Newer(u64),
}

impl Restored {
    /// What `saved` (the stored text, if any) holds for today's `questions`. Answers to questions
    /// that no longer exist, or to options that no longer exist, are dropped one by one.
    pub fn from_saved(saved: Option<&str>, questions: &[Question]) -> Restored {
        let Some(json) = saved.filter(|s| !s.trim().is_empty()) else { return Restored::Fresh };
        match read(json).map(migrate) {
            Ok(current) => {
                let mut answers = Answers::new(questions);
                for (index, question) in questions.iter().enumerate() {
                    if let Some(&option) = current.answers.get(question.id) {
                        answers.choose(questions, index, option);
                    }
                }
                Restored::Saved(answers)
            }
            Err(Unreadable::Corrupt) => Restored::Reset,
            Err(Unreadable::Newer(version)) => Restored::Newer(version),
        }
    }

    /// The answers the quiz starts with.
    pub fn answers(&self, questions: &[Question]) -> Answers {
        match self {
            Restored::Saved(answers) => answers.clone(),
            _ => Answers::new(questions),
        }
    }

    /// Whether the quiz may write its answers over what it found.
    pub fn may_save(&self) -> bool {
        !matches!(self, Restored::Newer(_))
    }

    /// What the learner is told as the quiz starts, if anything.
    pub fn notice(&self) -> Option<Notice> {
        match self {
            Restored::Fresh | Restored::Saved(_) => None,
            Restored::Reset => Some(Notice::Reset),
            Restored::Newer(_) => Some(Notice::Newer),
        }
    }
}

impl Answers {
    /// The JSON to save, in the current format.
    pub fn encode(&self, questions: &[Question]) -> String {
        let answers =
            questions.iter().zip(&self.choices).filter_map(|(q, c)| Some((q.id.to_string(), (*c)?))).collect();
        serde_json::to_string(&Current { version: SAVE_VERSION, answers }).expect("a map of strings to numbers encodes")
    }
}

/// Who keeps the answers, which changes what a notice says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeper {
    /// This browser's localStorage: the lesson on its own.
    Browser,
    /// The learner's attempt in a course platform (SCORM's `cmi.suspend_data`).
    Course,
}

/// Something about saved answers the learner must know; each is said once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Saved answers could not be read, and the quiz started afresh.
    Reset,
    /// Saved answers come from a newer build: left alone, and nothing is saved here.
    Newer,
    /// An answer could not be saved (storage blocked or full, or the platform refused it).
    NotSaved,
}

impl Notice {
    pub fn words(self, keeper: Keeper) -> &'static str {
        match (self, keeper) {
            (Notice::Reset, Keeper::Browser) => {
                "Your saved quiz answers could not be read, so the quiz starts afresh. New answers are saved as usual."
            }
            (Notice::Reset, Keeper::Course) => {
                "The quiz answers your course platform kept for you could not be read, so the quiz starts afresh. \
                 New answers are saved there as usual."
            }
            (Notice::Newer, Keeper::Browser) => {
                "Your quiz answers were saved by a newer version of this lesson, which this one cannot read. They are \
                 left as they are for that version; the answers you give here are not saved."
            }
            (Notice::Newer, Keeper::Course) => {
                "Your course platform holds quiz answers saved by a newer version of this lesson, which this one \
                 cannot read. They are left as they are; the answers you give here count for your score but are not \
                 kept for next time."
            }
            (Notice::NotSaved, Keeper::Browser) => {
                "Your answers cannot be saved in this browser (its storage is blocked or full), so they will be gone \
                 when you leave. The quiz itself works as usual."
            }
            (Notice::NotSaved, Keeper::Course) => {
                "Your course platform did not keep your answers, so they will be gone when you leave. The quiz \
                 itself works as usual, and a complete quiz's score is still sent."
            }
        }
    }
}

/// What the learner has been told about their saved answers: each notice once, however often its
/// cause comes back (every answer fails to save on a full storage).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Told(Vec<Notice>);

impl Told {
    /// Starting with what restoring found, if anything.
    pub fn new(first: Option<Notice>) -> Told {
        Told(first.into_iter().collect())
    }

    /// Adds `notice` unless it was already told.
    pub fn tell(&mut self, notice: Notice) {
        if !self.0.contains(&notice) {
            self.0.push(notice);
        }
    }

    /// In the order they were first told.
    pub fn all(&self) -> &[Notice] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    //! Migration tests: each format this lesson ever wrote, frozen as it was written, must keep
    //! restoring; state from newer builds and broken state must never be misread.

    use super::*;
    use crate::quiz::testing::{answered, QUESTIONS};

    /// What a build that saved format 1 wrote, exactly (never edit: add the next format beside it).
    const WRITTEN_BY_V1: &str = r#"{"version":1,"answers":{"as-completed":1,"compress":2}}"#;

    #[test]
    fn saved_format_1_as_written_still_restores() {
        assert_eq!(Restored::from_saved(Some(WRITTEN_BY_V1), QUESTIONS), Restored::Saved(answered(&[(0, 2), (2, 1)])));
    }

    #[test]
    fn saved_state_round_trips_in_the_current_format() {
        let a = answered(&[(0, 2), (2, 1)]);
        let json = a.encode(QUESTIONS);
        assert_eq!(json, WRITTEN_BY_V1, "this build writes format {SAVE_VERSION}");
        assert_eq!(Restored::from_saved(Some(&json), QUESTIONS), Restored::Saved(a));
        let none = Answers::new(QUESTIONS).encode(QUESTIONS);
        assert_eq!(Restored::from_saved(Some(&none), QUESTIONS), Restored::Saved(Answers::new(QUESTIONS)));
    }

    #[test]
    fn nothing_saved_is_a_fresh_start_with_nothing_to_say() {
        for saved in [None, Some(""), Some("  ")] {
            let restored = Restored::from_saved(saved, QUESTIONS);
            assert_eq!(restored, Restored::Fresh, "{saved:?}");
            assert_eq!(restored.notice(), None);
            assert!(restored.may_save());
        }
    }

    #[test]
    fn state_from_a_newer_build_is_left_alone_and_the_quiz_runs_unsaved() {
        for json in [r#"{"version":2,"answers":{"compress":2}}"#, r#"{"version":7,"something":"else"}"#] {
            let restored = Restored::from_saved(Some(json), QUESTIONS);
            assert!(matches!(restored, Restored::Newer(_)), "{json}");
            assert!(!restored.may_save(), "{json} must not be overwritten");
            assert_eq!(restored.notice(), Some(Notice::Newer));
            assert_eq!(restored.answers(QUESTIONS), Answers::new(QUESTIONS));
        }
    }

    #[test]
    fn corrupt_state_is_reset_and_the_learner_told() {
        for json in [
            "not json",
            "{broken",
            "[]",
            "{}",
            r#"{"answers":{"compress":2}}"#,
            r#"{"version":"1"}"#,
            r#"{"version":0,"answers":{}}"#,
            r#"{"version":-1,"answers":{}}"#,
            r#"{"version":1}"#,
            r#"{"version":1,"answers":{"compress":-1}}"#,
            r#"{"version":1,"answers":[2]}"#,
        ] {
            let restored = Restored::from_saved(Some(json), QUESTIONS);
            assert_eq!(restored, Restored::Reset, "{json}");
            assert!(restored.may_save(), "{json}: saving over it is the reset");
            assert_eq!(restored.notice(), Some(Notice::Reset));
        }
    }

    #[test]
    fn answers_to_changed_content_are_dropped_one_by_one() {
        // A question removed from the lesson, and an option index the question no longer has.
        let json = r#"{"version":1,"answers":{"gone":1,"compress":9,"io":1}}"#;
        assert_eq!(Restored::from_saved(Some(json), QUESTIONS), Restored::Saved(answered(&[(1, 1)])));
    }

    #[test]
    fn each_notice_is_told_once() {
        let mut told = Told::new(Restored::Reset.notice());
        told.tell(Notice::NotSaved);
        told.tell(Notice::NotSaved);
        told.tell(Notice::Reset);
        assert_eq!(told.all(), [Notice::Reset, Notice::NotSaved]);
        assert_eq!(Told::new(None).all(), []);
    }

    #[test]
    fn notices_name_where_the_answers_are_kept() {
        for notice in [Notice::Reset, Notice::Newer, Notice::NotSaved] {
            assert!(notice.words(Keeper::Course).contains("course platform"), "{notice:?}");
            assert!(!notice.words(Keeper::Browser).contains("course"), "{notice:?}");
        }
        assert!(Notice::NotSaved.words(Keeper::Browser).contains("cannot be saved in this browser"));
        assert!(Notice::Reset.words(Keeper::Browser).contains("could not be read"));
        assert!(Notice::Newer.words(Keeper::Browser).contains("newer version of this lesson"));
    }
}
