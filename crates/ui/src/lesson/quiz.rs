//! The quiz: one radio group per question, a verdict and explanation the moment an option is
//! chosen, the score, and Retry. Grading and the saved state are the core's (`playground_core::quiz`);
//! this file only shows them and keeps the answers where the hook says they are kept (this
//! browser, or a course platform's attempt), telling the learner once when that goes wrong.

use leptos::prelude::*;
use playground_core::demos::{table, takeaway};

use crate::demos::LastRuns;
use crate::engine::{Engine, EngineStatus};
use crate::host::QuizHook;
use playground_core::quiz::{Answers, Notice, Question, QuizEvent, Restored, Told, Verdict};
use wasm_bindgen::JsCast;

use super::content::LESSON;

#[component]
pub fn QuizSection() -> impl IntoView {
    let quiz = &LESSON.quiz;
    let questions = quiz.questions;
    let hook = use_context::<QuizHook>();
    let store = StoredValue::new_local(hook.unwrap_or_default().store());
    let keeper = store.with_value(|s| s.keeper());
    let restored = Restored::from_saved(store.with_value(|s| s.load()).as_deref(), questions);
    let answers = RwSignal::new(restored.answers(questions));
    let told = RwSignal::new(Told::new(restored.notice()));
    // Saved after each change the learner makes, not as the quiz is built: what was found stays as it
    // was until they answer, and state from a newer build stays for good.
    let may_save = restored.may_save();
    Effect::new(move |built: Option<()>| {
        let state = answers.with(|a| a.encode(questions));
        if built.is_some() && may_save && !store.with_value(|s| s.save(&state)) {
            told.update(|t| t.tell(Notice::NotSaved));
        }
    });
    let score = Memo::new(move |_| answers.with(|a| a.score(questions)));
    // Hosts (a framing page, a course platform) hear of a completed quiz, and of each new score after.
    let completed = Memo::new(move |_| answers.with(|a| a.completed(questions)));
    Effect::new(move |_| {
        if let (Some(score), Some(hook)) = (completed.get(), hook) {
            hook.emit(QuizEvent::Completed(score));
        }
    });
    let retry = move |_| {
        answers.update(Answers::reset);
        // Focus goes back to the first option, or it would be lost with nothing checked.
        let first = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&option_id(&questions[0], 0)));
        if let Some(input) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = input.focus();
        }
    };
    // The section and its heading are in the page's HTML (crates/lesson-content/src/page.rs); this
    // is what goes inside.
    view! {
            {move || told.with(|t| t.all().iter().map(|notice| view! {
                <p class="notice quiz-storage-notice" role="status">{notice.words(keeper)}</p>
            }).collect_view())}
            {questions.iter().enumerate().map(|(index, question)| view! {
                <QuizQuestion index=index question=question answers=answers demo=quiz.demos.get(index).copied().flatten()/>
            }).collect_view()}
            <div class="quiz-footer">
                <p class="quiz-score" id="quiz-score">
                    <span class="score-value">{move || score.get().to_string()}</span>
                    " Questions answered correctly."
                </p>
                <button type="button" class="retry-button" on:click=retry>"Retry quiz"</button>
            </div>
            {move || hook.and_then(|h| h.notice().get()).map(|text| view! {
                <p class="notice warning" id="quiz-host-notice" role="alert">{text}</p>
            })}
    }
}

fn option_id(question: &Question, option: usize) -> String {
    format!("{}-option-{option}", question.id)
}

#[component]
fn QuizQuestion(
    index: usize,
    question: &'static Question,
    answers: RwSignal<Answers>,
    demo: Option<&'static str>,
) -> impl IntoView {
    let questions = LESSON.quiz.questions;
    let hook = use_context::<QuizHook>();
    let choose = move |option: usize| {
        answers.update(|a| a.choose(questions, index, option));
        if let Some(hook) = hook {
            hook.emit(QuizEvent::Answered { question: question.id, chosen: option, verdict: question.grade(option) });
        }
    };
    let verdict = move || answers.with(|a| a.verdict(questions, index));
    view! {
        <fieldset class="question" id=question.id>
            <legend>
                <span class="question-number">{format!("{}.", index + 1)}</span>
                " "
                <span inner_html=question.prompt></span>
            </legend>
            <div class="options">
                {question.options.iter().enumerate().map(|(option, html)| {
                    let chosen = move || answers.with(|a| a.choice(index) == Some(option));
                    let right = question.grade(option) == Verdict::Correct;
                    let mark = move || chosen().then_some(if right { "✓" } else { "✗" });
                    view! {
                        <div class="option" class:right=move || chosen() && right class:wrong=move || chosen() && !right>
                            <input type="radio" id=option_id(question, option) name=question.id
                                prop:checked=chosen
                                on:change=move |_| choose(option)/>
                            <label for=option_id(question, option)>
                                <span inner_html=*html></span>
                                <span class="option-mark" aria-hidden="true">{mark}</span>
                            </label>
                        </div>
                    }
                }).collect_view()}
            </div>
            <div class="feedback" aria-live="polite">
                {move || verdict().map(|v| {
                    let (class, icon, words) = match v {
                        Verdict::Correct => ("feedback-verdict correct", "✓", "Correct."),
                        Verdict::Incorrect => ("feedback-verdict incorrect", "✗", "Not quite."),
                    };
                    view! {
                        <p class=class><span aria-hidden="true">{icon}</span>" "<strong>{words}</strong></p>
                        <div class="explanation" inner_html=question.explanation></div>
                        {demo.map(|name| view! { <YourRun demo=name/> })}
                    }
                })}
            </div>
            // Filled with its demo by `crate::slots`, like the slots in the page's HTML.
            {demo.map(|name| view! { <div class="demo-slot" data-demo=name></div> })}
        </fieldset>
    }
}

/// Under the explanation: what the learner's own run of the question's demo showed, once they ran it.
#[component]
fn YourRun(demo: &'static str) -> impl IntoView {
    let last_runs = use_context::<LastRuns>();
    let engine = use_context::<Engine>();
    let sentence = move || {
        let cores = match engine?.status().get() {
            EngineStatus::Ready(info) => info.cores,
            _ => 1,
        };
        // The slot's name is the lesson's; the demos' table says which card fills it.
        let card = table::slot(demo)?.cards().next()?;
        let (scenario, report) = last_runs?.get(card.id)?;
        takeaway::compression(&scenario, &report, cores)
    };
    move || sentence().map(|text| view! { <p class="your-run">{text}</p> })
}
