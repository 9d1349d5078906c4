//! What the wasm needs of the lesson: types that mirror crates/lesson-content's model, and the
//! `LESSON` that build.rs generated from content/lesson-17.md.
//!
//! The sections themselves are HTML in the page (crates/lesson-content/src/page.rs writes them into
//! index.html at build time), so only the quiz and the back link's default are here. Every `*_html`
//! field is trusted, finished HTML from the repository's own content, which is why components may
//! set it with `inner_html`.

pub use playground_core::quiz::Question;

pub struct Lesson {
    pub meta: Meta,
    pub quiz: Quiz,
}

pub struct Meta {
    pub title: &'static str,
    /// Where "Back to Course Index" goes unless the course says otherwise (see `back_link`).
    pub back_href: &'static str,
}

pub struct Quiz {
    pub id: &'static str,
    pub icon: &'static str,
    pub title: &'static str,
    pub questions: &'static [Question],
    /// The demo slot under each question, by position (`None` where there is none).
    pub demos: &'static [Option<&'static str>],
}

include!(concat!(env!("OUT_DIR"), "/lesson_17.rs"));
