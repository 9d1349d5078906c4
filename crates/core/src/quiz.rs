//! The lesson's quiz: questions, grading, score and the versioned saved state.
//!
//! The questions themselves are content (content/lesson-17.md), compiled into static data at build
//! time; this module only knows their shape. The learner's answers are saved as JSON with a version
//! number, so a page that meets state from an older or broken build throws it away quietly instead
//! of misreading it.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Where the answers are kept in the browser's localStorage.
pub const STORAGE_KEY: &str = "concurrency-playground.lesson-17.quiz";

/// The saved state's format. Bump it when the JSON's shape changes, and teach [`Answers::decode`]
/// to migrate the old shape or to discard it.
pub const SAVE_VERSION: u32 = 1;

/// One multiple-choice question. Text fields are pre-rendered HTML from the lesson's Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable across edits of the wording: saved answers are keyed by it.
    pub id: &'static str,
    pub prompt: &'static str,
    pub options: &'static [&'static str],
    /// Index into `options` of the one right answer.
    pub correct: usize,
    /// Why the right answer is right, with a link back to the section that teaches it.
    pub explanation: &'static str,
}

/// Whether a chosen option was the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Correct,
    Incorrect,
}

impl Question {
    pub fn grade(&self, choice: usize) -> Verdict {
        if choice == self.correct {
            Verdict::Correct
        } else {
            Verdict::Incorrect
        }
    }
}

/// How many questions were answered correctly, out of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub correct: usize,
    pub total: usize,
}

impl Score {
    /// The share answered correctly, 0 to 1; a quiz without questions scores 0.
    pub fn fraction(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }

    /// At or above the pass mark. A hair of tolerance, so that 4 of 5 meets a mark of 0.8 however
    /// the division rounds.
    pub fn passes(self, mark: PassMark) -> bool {
        self.fraction() + 1e-9 >= mark.fraction()
    }
}

impl fmt::Display for Score {
    /// "2/3", as the lesson writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.correct, self.total)
    }
}

/// The share of questions a learner must answer correctly to pass, as a fraction from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PassMark(f64);

/// The lesson's own pass mark, 80 %: with three questions, all three must be right. A course
/// platform that sets its own mastery score overrides it (see `scorm::pass_mark`).
pub const PASS_MARK: PassMark = PassMark(0.8);

impl PassMark {
    /// A fraction from 0 to 1; anything else (a typo in an LMS's settings) is no pass mark.
    pub fn from_fraction(fraction: f64) -> Option<PassMark> {
        (0.0..=1.0).contains(&fraction).then_some(PassMark(fraction))
    }

    pub fn fraction(self) -> f64 {
        self.0
    }
}

/// What the quiz tells whoever listens (a page that frames the lesson, a course platform).
#[derive(Debug, Clone, PartialEq)]
pub enum QuizEvent {
    /// The learner chose an option. Answers restored from storage are not announced again.
    Answered { question: &'static str, chosen: usize, verdict: Verdict },
    /// Every question has an answer. Announced again whenever the score changes afterwards, and on
    /// load when the saved answers are already complete, so a listener always has the latest score.
    Completed(Score),
}

/// The learner's choice for each question, by position; `None` where they have not answered yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    choices: Vec<Option<usize>>,
}

/// Why saved state was thrown away rather than restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discarded {
    /// Not JSON, or not the shape its version promises.
    Corrupt,
    /// Written by a build whose format this one does not read.
    UnknownVersion(u64),
}

/// The saved state, format version 1: `{"version":1,"answers":{"question-id":option}}`.
#[derive(Serialize, Deserialize)]
struct SavedV1 {
    version: u32,
    answers: BTreeMap<String, usize>,
}

impl Answers {
    /// No question answered yet.
    pub fn new(questions: &[Question]) -> Self {
        Answers { choices: vec![None; questions.len()] }
    }

    /// Records (or changes) the answer to question `question`; out-of-range indices are ignored.
    pub fn choose(&mut self, questions: &[Question], question: usize, option: usize) {
        let in_range = questions.get(question).is_some_and(|q| option < q.options.len());
        if let (true, Some(slot)) = (in_range, self.choices.get_mut(question)) {
            *slot = Some(option);
        }
    }

    pub fn choice(&self, question: usize) -> Option<usize> {
        self.choices.get(question).copied().flatten()
    }

    /// Right or wrong, once the question has been answered.
    pub fn verdict(&self, questions: &[Question], question: usize) -> Option<Verdict> {
        Some(questions.get(question)?.grade(self.choice(question)?))
    }

    pub fn score(&self, questions: &[Question]) -> Score {
        let correct = (0..questions.len()).filter(|&q| self.verdict(questions, q) == Some(Verdict::Correct)).count();
        Score { correct, total: questions.len() }
    }

    /// The score once every question has an answer; `None` while any is open.
    pub fn completed(&self, questions: &[Question]) -> Option<Score> {
        let all = self.choices.len() == questions.len() && self.choices.iter().all(Option::is_some);
        all.then(|| self.score(questions))
    }

    pub fn any_answered(&self) -> bool {
        self.choices.iter().any(Option::is_some)
    }

    /// Retry: every answer forgotten.
    pub fn reset(&mut self) {
        self.choices.iter_mut().for_each(|c| *c = None);
    }

    /// The JSON to save.
    pub fn encode(&self, questions: &[Question]) -> String {
        let answers =
            questions.iter().zip(&self.choices).filter_map(|(q, c)| Some((q.id.to_string(), (*c)?))).collect();
        serde_json::to_string(&SavedV1 { version: SAVE_VERSION, answers }).expect("a map of strings to numbers encodes")
    }

    /// Restores saved JSON against today's questions. Answers to questions that no longer exist, or
    /// to options that no longer exist, are dropped one by one; anything unreadable is discarded whole.
    pub fn decode(json: &str, questions: &[Question]) -> Result<Answers, Discarded> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|_| Discarded::Corrupt)?;
        let version = value.get("version").and_then(serde_json::Value::as_u64).ok_or(Discarded::Corrupt)?;
        // Each older format gets an arm here that migrates it; there is none older than 1 yet.
        let saved: SavedV1 = match version {
            1 => serde_json::from_value(value).map_err(|_| Discarded::Corrupt)?,
            other => return Err(Discarded::UnknownVersion(other)),
        };
        let mut answers = Answers::new(questions);
        for (index, question) in questions.iter().enumerate() {
            if let Some(&option) = saved.answers.get(question.id) {
                answers.choose(questions, index, option);
            }
        }
        Ok(answers)
    }

    /// What a page shows on load: the saved answers, or a quiet fresh start when there are none
    /// or they cannot be read.
    pub fn restore(saved: Option<&str>, questions: &[Question]) -> Answers {
        saved.and_then(|json| Answers::decode(json, questions).ok()).unwrap_or_else(|| Answers::new(questions))
    }
}

#[cfg(test)]
mod tests {
    //! Grading, scoring, and what happens to saved state from this build, older ones and broken ones.

    use super::*;

    const QUESTIONS: &[Question] = &[
        Question {
            id: "compress",
            prompt: "",
            options: &["threads", "asyncio", "processes", "pool"],
            correct: 2,
            explanation: "",
        },
        Question { id: "io", prompt: "", options: &["a", "b", "c", "d"], correct: 1, explanation: "" },
        Question { id: "as-completed", prompt: "", options: &["a", "b", "c", "d"], correct: 2, explanation: "" },
    ];

    fn answered(choices: &[(usize, usize)]) -> Answers {
        let mut a = Answers::new(QUESTIONS);
        for &(q, o) in choices {
            a.choose(QUESTIONS, q, o);
        }
        a
    }

    #[test]
    fn quiz_grades_each_question_against_its_one_right_option() {
        assert_eq!(QUESTIONS[0].grade(2), Verdict::Correct);
        assert_eq!(QUESTIONS[0].grade(0), Verdict::Incorrect);
        let a = answered(&[(0, 2), (1, 3)]);
        assert_eq!(a.verdict(QUESTIONS, 0), Some(Verdict::Correct));
        assert_eq!(a.verdict(QUESTIONS, 1), Some(Verdict::Incorrect));
        assert_eq!(a.verdict(QUESTIONS, 2), None, "an unanswered question has no verdict");
    }

    #[test]
    fn quiz_score_counts_only_right_answers_and_reads_like_the_lesson() {
        assert_eq!(Answers::new(QUESTIONS).score(QUESTIONS).to_string(), "0/3");
        assert_eq!(answered(&[(0, 2), (1, 0)]).score(QUESTIONS).to_string(), "1/3");
        assert_eq!(answered(&[(0, 2), (1, 1), (2, 2)]).score(QUESTIONS), Score { correct: 3, total: 3 });
    }

    #[test]
    fn quiz_is_completed_only_when_every_question_has_an_answer() {
        assert_eq!(answered(&[(0, 2), (1, 1)]).completed(QUESTIONS), None);
        assert_eq!(answered(&[(0, 2), (1, 0), (2, 2)]).completed(QUESTIONS), Some(Score { correct: 2, total: 3 }));
        let mut a = answered(&[(0, 2), (1, 1), (2, 2)]);
        a.reset();
        assert_eq!(a.completed(QUESTIONS), None, "Retry reopens the quiz");
    }

    #[test]
    fn quiz_pass_mark_is_80_percent_so_three_questions_need_all_three() {
        let of3 = |correct| Score { correct, total: 3 };
        assert!(of3(3).passes(PASS_MARK));
        assert!(!of3(2).passes(PASS_MARK), "2/3 is 67 %");
        // 4/5 is exactly the mark, whatever the floating-point division does.
        assert!(Score { correct: 4, total: 5 }.passes(PASS_MARK));
        assert!(!Score { correct: 0, total: 0 }.passes(PASS_MARK));
        assert!(of3(0).passes(PassMark::from_fraction(0.0).unwrap()));
        assert_eq!(PassMark::from_fraction(1.2), None);
        assert_eq!(PassMark::from_fraction(-0.1), None);
        assert_eq!(PassMark::from_fraction(f64::NAN), None);
    }

    #[test]
    fn quiz_answers_can_change_and_retry_forgets_them_all() {
        let mut a = answered(&[(0, 0)]);
        a.choose(QUESTIONS, 0, 2);
        assert_eq!(a.choice(0), Some(2));
        assert!(a.any_answered());
        a.reset();
        assert_eq!(a, Answers::new(QUESTIONS));
        assert!(!a.any_answered());
    }

    #[test]
    fn quiz_ignores_choices_outside_the_questions() {
        let a = answered(&[(0, 4), (7, 0)]);
        assert_eq!(a, Answers::new(QUESTIONS));
    }

    #[test]
    fn quiz_saved_state_round_trips_with_its_version() {
        let a = answered(&[(0, 2), (2, 1)]);
        let json = a.encode(QUESTIONS);
        assert_eq!(json, r#"{"version":1,"answers":{"as-completed":1,"compress":2}}"#);
        assert_eq!(Answers::decode(&json, QUESTIONS), Ok(a));
    }

    #[test]
    fn quiz_saved_state_from_another_version_is_discarded() {
        for json in [r#"{"version":0,"answers":{"compress":2}}"#, r#"{"version":2,"answers":{"compress":2}}"#] {
            assert!(matches!(Answers::decode(json, QUESTIONS), Err(Discarded::UnknownVersion(_))), "{json}");
        }
    }

    #[test]
    fn quiz_corrupt_saved_state_is_discarded() {
        for json in [
            "",
            "not json",
            "[]",
            "{}",
            r#"{"version":"1"}"#,
            r#"{"version":1}"#,
            r#"{"version":1,"answers":{"compress":-1}}"#,
            r#"{"version":1,"answers":[2]}"#,
        ] {
            assert_eq!(Answers::decode(json, QUESTIONS), Err(Discarded::Corrupt), "{json}");
        }
    }

    #[test]
    fn quiz_saved_answers_to_changed_content_are_dropped_one_by_one() {
        // A question removed from the lesson, and an option index the question no longer has.
        let json = r#"{"version":1,"answers":{"gone":1,"compress":9,"io":1}}"#;
        assert_eq!(Answers::decode(json, QUESTIONS), Ok(answered(&[(1, 1)])));
    }

    #[test]
    fn quiz_restore_falls_back_to_a_fresh_start_quietly() {
        assert_eq!(Answers::restore(None, QUESTIONS), Answers::new(QUESTIONS));
        assert_eq!(Answers::restore(Some("{broken"), QUESTIONS), Answers::new(QUESTIONS));
        let saved = answered(&[(1, 1)]).encode(QUESTIONS);
        assert_eq!(Answers::restore(Some(&saved), QUESTIONS), answered(&[(1, 1)]));
    }
}
