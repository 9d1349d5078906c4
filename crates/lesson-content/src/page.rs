//! [`Lesson`] to the page's HTML: the header, the contents and every section, written into
//! `index.html` at build time, so the lesson is on screen before any WebAssembly has loaded.
//!
//! This is the only place the lesson's words become markup. The UI's wasm adds behaviour to it
//! (the contents' scroll-spy, copy buttons, the back link a course sets) and mounts the interactive
//! parts into the places left for them here: each demo's `.demo-slot`, the quiz at the end of
//! `.lesson-body`, and "Your machine" in `.sidebar`. Reading the lesson, following its links and
//! finding words in it need no script at all; a phone paints the page without first running the
//! wasm that used to build all of it.

use std::fmt::Write;

use crate::model::{Block, CalloutKind, Contrast, Lesson, Section, TreeNode};

/// The markup that goes at the start of `<body>`.
pub fn body(lesson: &Lesson) -> String {
    let mut out = String::new();
    out += "<a class=\"skip-link\" href=\"#main\">Skip to the lesson</a>";
    header(&mut out, lesson);
    // In the compact layout (`?embed`) the UI puts "Your machine" in the slot; elsewhere it is hidden
    // and the panel goes in the sidebar.
    out += "<main id=\"main\" class=\"layout\"><div class=\"machine-slot\"></div><article class=\"lesson\" aria-labelledby=\"lesson-title\">";
    toc(&mut out, lesson);
    out += "<div class=\"lesson-body\">";
    for section in &lesson.sections {
        self::section(&mut out, section);
    }
    // The quiz's questions are mounted in its section by the UI: it answers, scores and remembers,
    // so it needs the wasm. The section and its heading are here, for the contents and links to
    // point at.
    let quiz = &lesson.quiz;
    let _ = write!(
        out,
        "<section id=\"{}\" class=\"lesson-section quiz\" aria-labelledby=\"quiz-title\"><h2 id=\"quiz-title\">\
         <span class=\"quiz-icon\" aria-hidden=\"true\">{}</span> {}</h2></section>",
        escape(&quiz.id),
        escape(&quiz.icon),
        escape(&quiz.title)
    );
    out += "</div></article><aside class=\"sidebar\"></aside></main>";
    out
}

/// Text for an element's content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out += "&amp;",
            '<' => out += "&lt;",
            '>' => out += "&gt;",
            '"' => out += "&quot;",
            c => out.push(c),
        }
    }
    out
}

fn header(out: &mut String, lesson: &Lesson) {
    let m = &lesson.meta;
    let r = &m.reference;
    // The back link's default; the UI swaps in the course's own address when it gives one.
    let _ = write!(
        out,
        "<header class=\"lesson-header\"><nav class=\"course-nav\" aria-label=\"Course\"><a class=\"back-link\" href=\"{}\">{}</a></nav>\
         <p class=\"lesson-number\">Lesson {} of {}</p><h1 id=\"lesson-title\">{}</h1>\
         <p class=\"lesson-meta\"><span class=\"lesson-time\">~{} min</span> · <span class=\"lesson-topics\">{}</span></p>\
         <div class=\"reference\"><p class=\"reference-tags\"><span class=\"reference-tag\">{}</span><span class=\"reference-kind\">{}</span></p>\
         <p class=\"reference-title\"><a href=\"{}\">{}</a></p><p class=\"reference-note\">{}</p></div></header>",
        escape(&m.back_href),
        escape(&m.back_label),
        m.lesson,
        m.of,
        escape(&m.title),
        m.minutes,
        escape(&m.topics),
        escape(&r.tag),
        escape(&r.kind),
        escape(&r.href),
        escape(&r.title),
        r.note,
    );
}

/// The contents: plain links without script; the UI adds the marker of the section being read and,
/// on narrow screens, the toggle that opens the list.
fn toc(out: &mut String, lesson: &Lesson) {
    let _ = write!(
        out,
        "<nav class=\"toc\" aria-labelledby=\"toc-title\"><h2 id=\"toc-title\" class=\"toc-title\">On this page</h2>\
         <button type=\"button\" class=\"toc-toggle\" aria-expanded=\"false\" aria-controls=\"toc-list\">\
         <span class=\"toc-toggle-label\">Contents</span><span class=\"toc-current\">{}</span>\
         <span class=\"toc-chevron\" aria-hidden=\"true\">▾</span></button><ol id=\"toc-list\" class=\"toc-list\">",
        escape(&lesson.meta.title)
    );
    // `data-label` is what the collapsed bar says while that part is being read.
    let quiz = &lesson.quiz;
    let sections = lesson.sections.iter().map(|s| (&s.id, &s.number, &s.title, format!("{} — {}", s.number, s.title)));
    for (id, number, title, label) in sections.chain([(&quiz.id, &quiz.icon, &quiz.title, quiz.title.clone())]) {
        let _ = write!(
            out,
            "<li><a href=\"#{}\" data-label=\"{}\"><span class=\"toc-number\" aria-hidden=\"true\">{}</span>{}</a></li>",
            escape(id),
            escape(&label),
            escape(number),
            escape(title)
        );
    }
    out.push_str("</ol></nav>");
}

fn section(out: &mut String, s: &Section) {
    let id = escape(&s.id);
    let _ = write!(
        out,
        "<section id=\"{id}\" class=\"lesson-section\" aria-labelledby=\"{id}-title\"><h2 id=\"{id}-title\">\
         <span class=\"section-number\">{}</span><span class=\"visually-hidden\"> — </span>{}</h2>",
        escape(&s.number),
        escape(&s.title)
    );
    for block in &s.blocks {
        self::block(out, block);
    }
    out.push_str("</section>");
}

fn block(out: &mut String, block: &Block) {
    match block {
        Block::Prose(html) => {
            let _ = write!(out, "<div class=\"prose\">{html}</div>");
        }
        // The copy button works through one listener the UI puts on the page; it copies the code's
        // text, which is the source exactly (the highlighter only wraps it in spans).
        Block::Code { lang, html, .. } => {
            let _ = write!(
                out,
                "<figure class=\"code-block\"><div class=\"code-toolbar\"><span class=\"code-lang\">{}</span>\
                 <span class=\"copy-status\" role=\"status\"></span><button type=\"button\" class=\"copy-button\">Copy<span class=\"visually-hidden\"> code</span></button></div>\
                 <pre class=\"code\" tabindex=\"0\"><code class=\"language-{}\">{html}</code></pre></figure>",
                escape(language_name(lang)),
                escape(lang)
            );
        }
        Block::Callout { kind, title_html, body_html } => {
            // The icon and a word (read by screen readers) carry the kind as well as the colour does.
            let (class, icon, word) = match kind {
                CalloutKind::Warning => ("callout warning", "⚠", "Warning: "),
                CalloutKind::Tip => ("callout tip", "💡", "Tip: "),
                CalloutKind::Note => ("callout note", "ℹ", "Note: "),
            };
            let _ = write!(
                out,
                "<div class=\"{class}\" role=\"note\"><p class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\">{icon}</span>\
                 <span class=\"visually-hidden\">{word}</span><strong>{title_html}</strong></p><div class=\"callout-body\">{body_html}</div></div>"
            );
        }
        Block::Contrast(contrast) => self::contrast(out, contrast),
        Block::Tree(root) => {
            // Nested lists wrap, so the tree stays readable at 360 px where the lesson's box drawing cannot.
            out.push_str("<figure class=\"decision-tree\" aria-label=\"Decision tree: which tool for which kind of work\"><ul class=\"tree\">");
            tree(out, root);
            out.push_str("</ul></figure>");
        }
        Block::Demo(name) => {
            let _ = write!(out, "<div class=\"demo-slot\" data-demo=\"{}\"></div>", escape(name));
        }
    }
}

/// "The GIL impact, summarised": each verdict is marked ✓ or ✗ beside the words that say it
/// (WORKS, does NOT help), so colour is never the only signal.
fn contrast(out: &mut String, c: &Contrast) {
    let _ = write!(
        out,
        "<figure class=\"contrast\"><figcaption>{}</figcaption><div class=\"contrast-columns\">",
        escape(&c.caption)
    );
    for column in &c.columns {
        let _ = write!(out, "<div class=\"contrast-column\"><h3>{}", escape(&column.title));
        if !column.examples.is_empty() {
            let _ = write!(out, "<span class=\"contrast-examples\">{}</span>", escape(&column.examples));
        }
        out.push_str("</h3><ul class=\"verdicts\">");
        for v in &column.verdicts {
            let (class, mark) = if v.works { ("verdict yes", "✓") } else { ("verdict no", "✗") };
            let _ = write!(
                out,
                "<li class=\"{class}\"><span class=\"verdict-mark\" aria-hidden=\"true\">{mark}</span><span><strong class=\"verdict-claim\">{}</strong>",
                escape(&v.claim)
            );
            if !v.reason.is_empty() {
                let _ = write!(out, "<span class=\"verdict-reason\">{}</span>", escape(&v.reason));
            }
            out.push_str("</span></li>");
        }
        out.push_str("</ul></div>");
    }
    out.push_str("</div></figure>");
}

fn tree(out: &mut String, node: &TreeNode) {
    out.push_str(if node.answer.is_some() { "<li class=\"leaf\">" } else { "<li>" });
    let _ = write!(out, "<span class=\"dt-question\">{}</span>", escape(&node.label));
    if let Some(answer) = &node.answer {
        // Arrow and answer wrap as one piece, so a narrow screen never strands the arrow.
        let _ = write!(
            out,
            " <span class=\"dt-outcome\"><span class=\"dt-arrow\" aria-hidden=\"true\">→</span><span class=\"visually-hidden\">Answer: </span>\
             <strong class=\"dt-answer\">{}</strong></span>",
            escape(answer)
        );
    }
    if !node.children.is_empty() {
        out.push_str("<ul>");
        for child in &node.children {
            tree(out, child);
        }
        out.push_str("</ul>");
    }
    out.push_str("</li>");
}

fn language_name(lang: &str) -> &str {
    match lang {
        "python" => "Python",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attribute_values() {
        assert_eq!(escape(r#"a < b & "c" > d"#), "a &lt; b &amp; &quot;c&quot; &gt; d");
    }

    #[test]
    fn a_leaf_names_its_answer_and_a_question_nests_its_branches() {
        let leaf = TreeNode { label: "CPU-bound?".into(), answer: Some("ProcessPool <fast>".into()), children: vec![] };
        let root = TreeNode { label: "What kind?".into(), answer: None, children: vec![leaf] };
        let mut out = String::new();
        tree(&mut out, &root);
        assert!(out.starts_with("<li><span class=\"dt-question\">What kind?</span><ul><li class=\"leaf\">"), "{out}");
        assert!(out.contains("<strong class=\"dt-answer\">ProcessPool &lt;fast&gt;</strong>"), "{out}");
        assert!(out.ends_with("</li></ul></li>"), "{out}");
    }
}
