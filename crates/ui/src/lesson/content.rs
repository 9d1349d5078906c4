//! The lesson as static data: types that mirror crates/lesson-content's model, and the `LESSON`
//! that build.rs generated from content/lesson-17.md.
//!
//! Every `*_html` field is trusted, finished HTML from the repository's own content (rendered and
//! highlighted at build time), which is why components may set it with `inner_html`.

pub use playground_core::quiz::Question;

pub struct Lesson {
    pub meta: Meta,
    pub sections: &'static [Section],
    pub quiz: Quiz,
}

pub struct Meta {
    pub lesson: u32,
    pub of: u32,
    pub title: &'static str,
    pub minutes: u32,
    pub topics: &'static str,
    pub back_label: &'static str,
    /// Where "Back to Course Index" goes unless the course says otherwise (see `header`).
    pub back_href: &'static str,
    pub reference: Reference,
}

pub struct Reference {
    pub tag: &'static str,
    pub kind: &'static str,
    pub title: &'static str,
    pub href: &'static str,
    pub note_html: &'static str,
}

pub struct Section {
    pub id: &'static str,
    pub number: &'static str,
    pub title: &'static str,
    pub blocks: &'static [Block],
}

pub enum Block {
    Prose(&'static str),
    Code { lang: &'static str, source: &'static str, html: &'static str },
    Callout { kind: CalloutKind, title_html: &'static str, body_html: &'static str },
    Contrast(Contrast),
    Tree(TreeNode),
    Demo(&'static str),
}

#[derive(Clone, Copy)]
pub enum CalloutKind {
    Warning,
    Tip,
    Note,
}

pub struct Contrast {
    pub caption: &'static str,
    pub columns: &'static [ContrastColumn],
}

pub struct ContrastColumn {
    pub title: &'static str,
    pub examples: &'static str,
    pub verdicts: &'static [Verdict],
}

pub struct Verdict {
    pub works: bool,
    pub claim: &'static str,
    pub reason: &'static str,
}

pub struct TreeNode {
    pub label: &'static str,
    pub answer: Option<&'static str>,
    pub children: &'static [TreeNode],
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
