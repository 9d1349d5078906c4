//! The lesson's header: the way back to the course, where this lesson sits in it, its title, its
//! length and topics, and the reference box that points at the primary sources.

use leptos::prelude::*;

use super::back_link::course_index_href;
use super::content::LESSON;

#[component]
pub fn LessonHeader() -> impl IntoView {
    let meta = &LESSON.meta;
    let reference = &meta.reference;
    view! {
        <header class="lesson-header">
            <nav class="course-nav" aria-label="Course">
                <a class="back-link" href=course_index_href(meta.back_href)>{meta.back_label}</a>
            </nav>
            <p class="lesson-number">{format!("Lesson {} of {}", meta.lesson, meta.of)}</p>
            <h1 id="lesson-title">{meta.title}</h1>
            <p class="lesson-meta">
                <span class="lesson-time">{format!("~{} min", meta.minutes)}</span>
                " · "
                <span class="lesson-topics">{meta.topics}</span>
            </p>
            <div class="reference">
                <p class="reference-tags">
                    <span class="reference-tag">{reference.tag}</span>
                    <span class="reference-kind">{reference.kind}</span>
                </p>
                <p class="reference-title">
                    <a href=reference.href>{reference.title}</a>
                </p>
                <p class="reference-note" inner_html=reference.note_html></p>
            </div>
        </header>
    }
}
