//! The lesson page: its header, table of contents, six sections and quiz, drawn from [`content::LESSON`].
//!
//! The words live in content/lesson-17.md; these components only lay them out and wire the few
//! interactive parts (copy buttons, scroll-spy, quiz) to the browser.

mod back_link;
mod callout;
mod code_block;
pub mod content;
mod contrast;
mod decision_tree;
pub mod demos;
mod header;
mod quiz;
mod scroll_spy;
mod section;
mod storage;
mod toc;

use leptos::prelude::*;

pub use header::LessonHeader;

use content::LESSON;
use quiz::QuizSection;
use section::LessonSection;
use toc::Toc;

/// The lesson's body: contents, sections in order, then the quiz.
#[component]
pub fn LessonArticle() -> impl IntoView {
    view! {
        <article class="lesson" aria-labelledby="lesson-title">
            <Toc/>
            <div class="lesson-body">
                {LESSON.sections.iter().map(|section| view! { <LessonSection section=section/> }).collect_view()}
                <QuizSection/>
            </div>
        </article>
    }
}
