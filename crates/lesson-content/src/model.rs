//! What a lesson is made of once parsed: owned, plain data that codegen writes out as Rust statics.
//!
//! Every `*_html` field is finished HTML (Markdown rendered, code highlighted); every other text field
//! is plain text for labels and the table of contents.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub meta: Meta,
    pub sections: Vec<Section>,
    pub quiz: Quiz,
}

/// The front matter: what the header shows.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Meta {
    pub lesson: u32,
    pub of: u32,
    pub title: String,
    pub minutes: u32,
    pub topics: String,
    pub back_label: String,
    pub back_href: String,
    pub reference: Reference,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Reference {
    pub tag: String,
    pub kind: String,
    pub title: String,
    pub href: String,
    /// Markdown in the file; rendered to inline HTML by the parser.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The stable anchor, from `{#id}`.
    pub id: String,
    /// "1" in "1 — The GIL: Python's Biggest Gotcha".
    pub number: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Paragraphs, lists and tables, rendered by pulldown-cmark.
    Prose(String),
    Code {
        lang: String,
        source: String,
        html: String,
    },
    Callout {
        kind: CalloutKind,
        title_html: String,
        body_html: String,
    },
    Contrast(Contrast),
    Tree(TreeNode),
    /// A slot for a live demo, by name.
    Demo(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalloutKind {
    Warning,
    Tip,
    Note,
}

/// A side-by-side comparison ("The GIL impact, summarised").
#[derive(Debug, Clone, PartialEq)]
pub struct Contrast {
    pub caption: String,
    pub columns: Vec<ContrastColumn>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContrastColumn {
    /// "I/O-bound work".
    pub title: String,
    /// "network, disk, database".
    pub examples: String,
    pub verdicts: Vec<Verdict>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub works: bool,
    /// "threading WORKS".
    pub claim: String,
    /// "threads release the GIL while waiting for I/O"; empty when the line gives none.
    pub reason: String,
}

/// One node of the decision tree: a question with branches, or a leaf with its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeNode {
    pub label: String,
    pub answer: Option<String>,
    pub children: Vec<TreeNode>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub id: String,
    /// "🧠": shown, but hidden from screen readers.
    pub icon: String,
    pub title: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub prompt_html: String,
    pub options_html: Vec<String>,
    pub correct: usize,
    pub explanation_html: String,
    pub demo: Option<String>,
}
