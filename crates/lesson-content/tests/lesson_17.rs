//! The real content file: it parses, it keeps the lesson's structure, and it is faithful to the
//! seed lesson's text (when `../shared/lesson/lesson-17-concurrency.txt` sits beside the repository).

use lesson_content::model::{Block, Lesson};

fn content() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/lesson-17.md")).unwrap()
}

fn lesson() -> Lesson {
    let lesson = lesson_content::parse(&content()).unwrap();
    lesson_content::check(&lesson).unwrap();
    lesson
}

/// The seed lesson with all whitespace runs made one space, if it is there to compare with.
fn seed() -> Option<String> {
    seed_raw().map(|t| squash(&t))
}

/// The seed lesson as written. CI always has `shared/` beside the repository, so there a missing
/// seed fails the test instead of letting the comparison pass without comparing anything.
fn seed_raw() -> Option<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/lesson/lesson-17-concurrency.txt");
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("CI has the seed lesson beside the repository: {path}: {e}")
        }
        Err(_) => {
            eprintln!("no seed lesson at {path}: the comparison with it is skipped");
            None
        }
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without tags or the entities pulldown-cmark escapes, whitespace runs made one space.
fn text_of(html: &str) -> String {
    squash(&exact_text_of(html))
}

/// Text without tags, with the entities the highlighter and pulldown-cmark write decoded, spaces kept.
fn exact_text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[test]
fn six_sections_with_stable_anchors_then_the_quiz() {
    let lesson = lesson();
    let ids: Vec<&str> = lesson.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["the-gil", "decision-tree", "concurrent-futures", "futures", "raw-threading", "shared-state"]);
    let numbers: Vec<&str> = lesson.sections.iter().map(|s| s.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"]);
    assert_eq!((lesson.quiz.icon.as_str(), lesson.quiz.title.as_str()), ("🧠", "Quiz"));
    assert_eq!(lesson.quiz.questions.len(), 3);
    let correct: Vec<usize> = lesson.quiz.questions.iter().map(|q| q.correct).collect();
    assert_eq!(correct, [2, 1, 2]);
    assert!(lesson.quiz.questions[0].options_html[2].contains("<code>ProcessPoolExecutor</code>"));
}

#[test]
fn every_demo_slot_is_placed() {
    let lesson = lesson();
    let mut demos: Vec<String> = lesson
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Demo(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    demos.extend(lesson.quiz.questions.iter().filter_map(|q| q.demo.clone()));
    // Every slot of the demos' one table is placed, once, in the table's order.
    assert_eq!(demos, playground_core::demos::table::names());
}

#[test]
fn a_demo_name_that_does_not_exist_stops_the_build_with_its_line() {
    let content = content();
    let line = content.lines().position(|l| l == "<!-- demo: queue -->").expect("the queue's slot") + 1;
    let broken = content.replace("<!-- demo: queue -->", "<!-- demo: queues -->");
    let error = lesson_content::generate(&broken).unwrap_err();
    assert!(error.starts_with(&format!("content line {line}: no demo is called `queues`")), "{error}");
    let in_quiz = content.replace("<!-- demo: quiz-compress -->", "<!-- demo: compress -->");
    assert!(lesson_content::generate(&in_quiz).unwrap_err().contains("no demo is called `compress`"));
}

#[test]
fn the_callouts_the_summary_and_the_tree_have_structure() {
    let lesson = lesson();
    let kinds: Vec<String> = lesson
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Callout { kind, title_html, .. } => Some(format!("{kind:?}: {}", text_of(title_html))),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "Warning: The GIL means Python threading ≠ parallelism",
            "Tip: daemon=True",
            "Warning: Shared mutable state across threads = race conditions",
        ]
    );
    let Block::Contrast(c) = &lesson.sections[0].blocks[2] else { panic!("§1's third block is the summary") };
    let works: Vec<Vec<bool>> = c.columns.iter().map(|col| col.verdicts.iter().map(|v| v.works).collect()).collect();
    assert_eq!(works, [vec![true, true], vec![false, true, true]]);
    let Block::Tree(tree) = &lesson.sections[1].blocks[0] else { panic!("§2 opens with the tree") };
    assert_eq!(tree.children[1].children[0].answer.as_deref(), Some("multiprocessing (ProcessPoolExecutor)"));
}

#[test]
fn every_code_block_is_verbatim_from_the_seed_lesson() {
    let lesson = lesson();
    let codes: Vec<&str> = lesson
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Code { source, .. } => Some(source.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(codes.len(), 4);
    let Some(seed) = seed_raw() else { return };
    for code in codes {
        assert!(seed.contains(code), "not verbatim in the seed lesson:\n{code}");
    }
}

#[test]
fn every_sentence_outside_the_quiz_is_the_seed_lessons() {
    let Some(seed) = seed() else { return };
    let lesson = lesson();
    let mut texts = vec![lesson.meta.title.clone(), lesson.meta.topics.clone(), text_of(&lesson.meta.reference.note)];
    for section in &lesson.sections {
        texts.push(format!("{} — {}", section.number, section.title));
        for block in &section.blocks {
            match block {
                Block::Prose(html) => texts.extend(html.split("</p>").map(text_of)),
                Block::Callout { title_html, body_html, .. } => texts.extend([text_of(title_html), text_of(body_html)]),
                _ => {}
            }
        }
    }
    for text in texts.iter().filter(|t| !t.is_empty() && !t.starts_with("Tool Best for")) {
        assert!(seed.contains(text.as_str()), "not in the seed lesson: {text}");
    }
}

#[test]
fn a_copy_button_copies_the_source_exactly() {
    // The page's copy buttons copy the highlighted block's text, so that text must be the source.
    for block in lesson().sections.iter().flat_map(|s| &s.blocks) {
        if let Block::Code { source, html, .. } = block {
            assert_eq!(exact_text_of(html).trim_end(), source.trim_end());
        }
    }
}

#[test]
fn the_page_holds_every_section_slot_and_heading_and_the_quiz_s_place() {
    let page = lesson_content::page_html(&content()).unwrap();
    for id in ["the-gil", "decision-tree", "concurrent-futures", "futures", "raw-threading", "shared-state"] {
        assert!(page.contains(&format!("<section id=\"{id}\" class=\"lesson-section\"")), "{id}");
        assert!(page.contains(&format!("<li><a href=\"#{id}\" data-label=")), "contents link to {id}");
    }
    for name in ["gil", "decision-tree", "executors", "futures", "threading", "queue"] {
        assert_eq!(page.matches(&format!("<div class=\"demo-slot\" data-demo=\"{name}\"></div>")).count(), 1, "{name}");
    }
    assert!(page.contains("<li><a href=\"#quiz\" data-label=\"Quiz\">"), "the contents end with the quiz");
    assert!(
        page.contains(
            "<section id=\"quiz\" class=\"lesson-section quiz\" aria-labelledby=\"quiz-title\"><h2 id=\"quiz-title\">"
        ),
        "the quiz's place"
    );
    assert!(!page.contains("fieldset"), "the UI mounts the quiz's questions");
    assert_eq!(page.matches("<h1").count(), 1);
    assert!(!page.contains("<script"), "the page's script is boot.js alone");
}

#[test]
fn the_generated_rust_holds_the_quiz_and_not_the_sections() {
    let rust = lesson_content::generate(&content()).unwrap();
    assert!(rust.contains("id: \"quiz-compress\"") || rust.contains("Some(\"quiz-compress\")"), "the quiz's demo slot");
    assert!(!rust.contains("sections:") && !rust.contains("Block::"), "the sections are in the page, not the wasm");
}
