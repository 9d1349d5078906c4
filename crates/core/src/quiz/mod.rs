//! The lesson's quiz: questions, grading, score, and the learner's answers.
//!
//! The questions themselves are content (content/lesson-17.md), compiled into static data at build
//! time; this module only knows their shape. How the answers are saved, and what happens to saved
//! state this build cannot read, is [`saved`].

pub mod saved;

use std::fmt;

pub use saved::{Keeper, Notice, Restored, Told, STORAGE_KEY};

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
}

#[cfg(test)]
pub(crate) mod testing {
    //! Three questions shaped like the lesson's, for the tests of this module and of [`super::saved`].

    use super::*;

    pub const QUESTIONS: &[Question] = &[
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

    /// The answers with each `(question, option)` chosen.
    pub fn answered(choices: &[(usize, usize)]) -> Answers {
        let mut a = Answers::new(QUESTIONS);
        for &(q, o) in choices {
            a.choose(QUESTIONS, q, o);
        }
        a
    }
}

#[cfg(test)]
mod tests {
    //! Grading, scoring, answering and Retry.

    use super::testing::{answered, QUESTIONS};
    use super::*;

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
}
