//! Markdown to [`Lesson`]: one walk over pulldown-cmark's events, top-level block by block.
//!
//! Each top-level block is classified by its first event (a heading starts a section or a quiz
//! question, a fence is code or a diagram, a `[!WARNING]` blockquote a callout, a `<!-- demo -->`
//! comment a demo slot); everything else is prose, rendered to HTML as CommonMark says.

use playground_core::demos::table;
use pulldown_cmark::{html, BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagrams;
use crate::highlight::highlight;
use crate::model::{Block, CalloutKind, Lesson, Meta, Question, Quiz, Section};

/// The Markdown extensions the conventions at the top of the content file rely on.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// A top-level block: its events and the line it starts on (for error messages).
struct Chunk<'a> {
    line: usize,
    events: Vec<Event<'a>>,
}

pub fn parse(md: &str) -> Result<Lesson, String> {
    let mut meta: Option<Meta> = None;
    let mut sections: Vec<Section> = Vec::new();
    let mut quiz: Option<Quiz> = None;
    for chunk in chunks(md) {
        let at = |e: String| format!("content line {}: {e}", chunk.line);
        let first = chunk.events[0].clone();
        match (&first, quiz.as_mut(), sections.last_mut()) {
            (Event::Start(Tag::MetadataBlock(_)), ..) => meta = Some(front_matter(&chunk.events).map_err(at)?),
            (Event::Start(Tag::Heading { level: HeadingLevel::H2, id, .. }), ..) => {
                let id = id.as_ref().ok_or_else(|| at("a section heading needs an anchor: {#id}".into()))?.to_string();
                let text = plain(&chunk.events);
                if id == "quiz" {
                    let (icon, title) = text
                        .split_once(' ')
                        .filter(|(i, _)| !i.chars().any(char::is_alphanumeric))
                        .unwrap_or(("", &text));
                    quiz = Some(Quiz { id, icon: icon.into(), title: title.into(), questions: vec![] });
                } else if quiz.is_some() {
                    return Err(at("sections after the quiz are not supported".into()));
                } else {
                    let (number, title) =
                        text.split_once(" — ").ok_or_else(|| at(format!("expected `N — Title`: {text}")))?;
                    sections.push(Section { id, number: number.into(), title: title.into(), blocks: vec![] });
                }
            }
            (_, Some(quiz), _) => quiz_block(quiz, &chunk).map_err(at)?,
            (_, None, Some(section)) => push(&mut section.blocks, block(&chunk).map_err(at)?),
            (_, None, None) => return Err(at("content before the first `## N — Title {#id}` section".into())),
        }
    }
    let meta = meta.ok_or("the content file must open with +++ front matter +++")?;
    let quiz = quiz.ok_or("the content file has no `## 🧠 Quiz {#quiz}` section")?;
    Ok(Lesson { meta, sections, quiz })
}

/// Splits the event stream into top-level blocks.
fn chunks(md: &str) -> Vec<Chunk<'_>> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        if depth == 0 {
            out.push(Chunk { line: md[..range.start].lines().count() + 1, events: vec![] });
        }
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        out.last_mut().expect("a chunk was started").events.push(event);
    }
    out
}

fn front_matter(events: &[Event]) -> Result<Meta, String> {
    let toml_text: String =
        events.iter().filter_map(|e| if let Event::Text(t) = e { Some(t.as_ref()) } else { None }).collect();
    let mut meta: Meta = toml::from_str(&toml_text).map_err(|e| format!("front matter: {e}"))?;
    meta.reference.note = inline_html(&meta.reference.note);
    Ok(meta)
}

/// One block of a numbered section.
fn block(chunk: &Chunk) -> Result<Block, String> {
    let inner = &chunk.events[1..chunk.events.len().saturating_sub(1)];
    Ok(match &chunk.events[0] {
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
            let text: String =
                inner.iter().filter_map(|e| if let Event::Text(t) = e { Some(t.as_ref()) } else { None }).collect();
            match info.split_whitespace().next().unwrap_or("") {
                "contrast" => Block::Contrast(diagrams::contrast(&text)?),
                "decision-tree" => Block::Tree(diagrams::decision_tree(&text)?),
                lang @ "python" => {
                    let source = text.strip_suffix('\n').unwrap_or(&text).to_string();
                    // The highlighter wants whole lines; the page wants no newline after the last one.
                    let mut html = highlight(&text, lang)?;
                    if let Some(last) = html.rfind('\n') {
                        html.remove(last);
                    }
                    Block::Code { lang: lang.into(), html, source }
                }
                other => return Err(format!("unknown fence ```{other}")),
            }
        }
        Event::Start(Tag::BlockQuote(Some(kind))) => callout(*kind, inner)?,
        Event::Start(Tag::HtmlBlock) => Block::Demo(demo_name(&chunk.events)?),
        _ => Block::Prose(scrollable_tables(&render(&chunk.events))),
    })
}

/// Wraps each table in a focusable box that scrolls sideways, so a wide table never widens a phone's page.
fn scrollable_tables(html: &str) -> String {
    html.replace("<table>", "<div class=\"table-scroll\" role=\"region\" aria-label=\"Comparison table\" tabindex=\"0\"><table class=\"compare\">")
        .replace("</table>", "</table></div>")
}

/// Consecutive prose blocks become one.
fn push(blocks: &mut Vec<Block>, block: Block) {
    match (blocks.last_mut(), block) {
        (Some(Block::Prose(html)), Block::Prose(more)) => html.push_str(&more),
        (_, block) => blocks.push(block),
    }
}

/// A `> [!KIND]` blockquote: its first paragraph is the title, the rest the body.
fn callout(kind: BlockQuoteKind, inner: &[Event]) -> Result<Block, String> {
    let kind = match kind {
        BlockQuoteKind::Warning | BlockQuoteKind::Caution => CalloutKind::Warning,
        BlockQuoteKind::Tip => CalloutKind::Tip,
        BlockQuoteKind::Note | BlockQuoteKind::Important => CalloutKind::Note,
    };
    let title_end = inner
        .iter()
        .position(|e| matches!(e, Event::End(TagEnd::Paragraph)))
        .ok_or("a callout needs a title paragraph")?;
    if !matches!(inner.first(), Some(Event::Start(Tag::Paragraph))) {
        return Err("a callout's first block must be its one-line title".into());
    }
    Ok(Block::Callout { kind, title_html: render(&inner[1..title_end]), body_html: render(&inner[title_end + 1..]) })
}

/// The name of a `<!-- demo: NAME -->` slot, which must be one of the demos' table
/// (`playground_core::demos::table::SLOTS`).
fn demo_name(events: &[Event]) -> Result<String, String> {
    let raw: String =
        events.iter().filter_map(|e| if let Event::Html(t) = e { Some(t.as_ref()) } else { None }).collect();
    let name = raw
        .trim()
        .strip_prefix("<!--")
        .and_then(|r| r.strip_suffix("-->"))
        .and_then(|r| r.trim().strip_prefix("demo:"))
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .ok_or_else(|| format!("raw HTML is not allowed; only `<!-- demo: NAME -->`: {}", raw.trim()))?;
    if table::slot(&name).is_none() {
        let known = table::names().join(", ");
        return Err(format!("no demo is called `{name}` (crates/core/src/demos/table.rs has {known})"));
    }
    Ok(name)
}

/// A block inside the quiz: a question heading, its options, its explanation, or a demo slot.
fn quiz_block(quiz: &mut Quiz, chunk: &Chunk) -> Result<(), String> {
    let inner = &chunk.events[1..chunk.events.len() - 1];
    match &chunk.events[0] {
        Event::Start(Tag::Heading { level: HeadingLevel::H3, id, .. }) => {
            let id = id.as_ref().ok_or("a quiz question needs an id: {#id}")?.to_string();
            let number = format!("{}. ", quiz.questions.len() + 1);
            let prompt = render(inner);
            let prompt_html =
                prompt.strip_prefix(&number).ok_or_else(|| format!("question should start `{number}`: {prompt}"))?;
            quiz.questions.push(Question {
                id,
                prompt_html: prompt_html.into(),
                options_html: vec![],
                correct: usize::MAX,
                explanation_html: String::new(),
                demo: None,
            });
        }
        first => {
            let question = quiz.questions.last_mut().ok_or("quiz content before the first `### 1. Question?`")?;
            match first {
                Event::Start(Tag::List(None)) => answer_options(question, inner)?,
                Event::Start(Tag::HtmlBlock) => question.demo = Some(demo_name(&chunk.events)?),
                _ => question.explanation_html.push_str(&render(&chunk.events)),
            }
        }
    }
    Ok(())
}

/// The task list of a question: `- [x]` marks the one correct option.
fn answer_options(question: &mut Question, list: &[Event]) -> Result<(), String> {
    let mut item: Vec<Event> = Vec::new();
    for event in list {
        match event {
            Event::Start(Tag::Item) => item.clear(),
            Event::TaskListMarker(true) if question.correct != usize::MAX => {
                return Err(format!("question {} has two [x] options", question.id))
            }
            Event::TaskListMarker(true) => question.correct = question.options_html.len(),
            Event::End(TagEnd::Item) => question.options_html.push(render(&item)),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) | Event::TaskListMarker(false) => {}
            other => item.push(other.clone()),
        }
    }
    if question.correct == usize::MAX {
        return Err(format!("question {} has no [x] option", question.id));
    }
    Ok(())
}

fn render(events: &[Event]) -> String {
    let mut out = String::new();
    html::push_html(&mut out, events.iter().cloned());
    out.trim_end().to_string()
}

/// Renders one paragraph of Markdown without its `<p>`.
fn inline_html(md: &str) -> String {
    let events: Vec<Event> = Parser::new_ext(md, options())
        .filter(|e| !matches!(e, Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)))
        .collect();
    render(&events)
}

/// The text of a heading, without markup.
fn plain(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}
