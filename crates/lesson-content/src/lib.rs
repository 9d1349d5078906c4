//! Build-time only: turns the lesson's Markdown into the page's HTML and the UI's Rust data.
//!
//! The xtask's post-build step writes [`page_html`] into `index.html`: the lesson as plain HTML,
//! on screen before any wasm runs. `crates/ui/build.rs` calls [`generate`] for what the wasm
//! itself needs (the title, the back link, the quiz); the UI `include!`s the result. So the Markdown parser
//! (pulldown-cmark) and the highlighter (syntect) run on the build machine, and the wasm a learner
//! downloads carries only the finished HTML strings.
//!
//! Architecture invariant: nothing here is linked into the page. The conventions this crate reads
//! are documented at the top of `content/lesson-17.md`, where a course author sees them.

mod codegen;
mod diagrams;
mod highlight;
pub mod model;
pub mod page;
mod parse;

pub use highlight::CLASS_PREFIX;
pub use parse::parse;

use model::{Block, Lesson};

/// Parses and checks the lesson, and returns the Rust source of its `static LESSON`.
pub fn generate(md: &str) -> Result<String, String> {
    let lesson = parse(md)?;
    check(&lesson)?;
    Ok(codegen::rust(&lesson))
}

/// Parses and checks the lesson, and returns the markup that opens the page's `<body>`.
pub fn page_html(md: &str) -> Result<String, String> {
    let lesson = parse(md)?;
    check(&lesson)?;
    Ok(page::body(&lesson))
}

/// What the parser cannot see on its own: every `#anchor` link points at a section or question that
/// exists, every question has four options, and no demo name is used twice.
pub fn check(lesson: &Lesson) -> Result<(), String> {
    let mut anchors: Vec<&str> = lesson.sections.iter().map(|s| s.id.as_str()).collect();
    anchors.push(&lesson.quiz.id);
    anchors.extend(lesson.quiz.questions.iter().map(|q| q.id.as_str()));
    let mut html: Vec<&str> = vec![&lesson.meta.reference.note];
    let mut demos: Vec<&str> = Vec::new();
    for block in lesson.sections.iter().flat_map(|s| &s.blocks) {
        match block {
            Block::Prose(h) => html.push(h),
            Block::Callout { title_html, body_html, .. } => html.extend([title_html.as_str(), body_html]),
            Block::Demo(name) => demos.push(name),
            _ => {}
        }
    }
    for q in &lesson.quiz.questions {
        if q.options_html.len() != 4 {
            return Err(format!("question {} has {} options; the quiz gives four", q.id, q.options_html.len()));
        }
        html.push(&q.explanation_html);
        demos.extend(q.demo.as_deref());
    }
    for link in html.iter().flat_map(|h| h.split("href=\"#").skip(1)) {
        let target = link.split('"').next().unwrap_or("");
        if !anchors.contains(&target) {
            return Err(format!("a link points at #{target}, which no section or question has"));
        }
    }
    let mut sorted = demos.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != demos.len() {
        return Err(format!("a demo name is used twice: {demos:?}"));
    }
    Ok(())
}
