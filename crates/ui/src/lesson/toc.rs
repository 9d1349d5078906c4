//! The table of contents: every section and the quiz, with the one being read marked
//! (`aria-current="location"`, a bar and bold type). On narrow screens it is a sticky bar that
//! names the current section and opens into the list; on wide ones a sticky column.

use leptos::prelude::*;

use super::content::LESSON;
use super::scroll_spy::use_scroll_spy;

/// One line of the contents.
struct Entry {
    id: &'static str,
    number: &'static str,
    title: &'static str,
}

fn entries() -> Vec<Entry> {
    let sections = LESSON.sections.iter().map(|s| Entry { id: s.id, number: s.number, title: s.title });
    let quiz = &LESSON.quiz;
    sections.chain([Entry { id: quiz.id, number: quiz.icon, title: quiz.title }]).collect()
}

/// `mounted`: whether every section is on the page yet (the article mounts them one by one).
#[component]
pub fn Toc(mounted: Signal<bool>) -> impl IntoView {
    let entries = entries();
    let current = use_scroll_spy(entries.iter().map(|e| e.id).collect(), mounted);
    let open = RwSignal::new(false);
    let current_title = move || {
        let id = current.get()?;
        LESSON.sections.iter().find(|s| s.id == id).map(|s| format!("{} — {}", s.number, s.title)).or(Some(LESSON.quiz.title.to_string()))
    };
    view! {
        <nav class="toc" class:open=move || open.get() aria-labelledby="toc-title">
            <h2 id="toc-title" class="toc-title">"On this page"</h2>
            <button type="button" class="toc-toggle" aria-expanded=move || open.get().to_string()
                aria-controls="toc-list" on:click=move |_| open.update(|o| *o = !*o)>
                <span class="toc-toggle-label">"Contents"</span>
                <span class="toc-current">{move || current_title().unwrap_or_else(|| LESSON.meta.title.to_string())}</span>
                <span class="toc-chevron" aria-hidden="true">"▾"</span>
            </button>
            <ol id="toc-list" class="toc-list">
                {entries.into_iter().map(|entry| {
                    let here = move || current.get() == Some(entry.id);
                    view! {
                        <li>
                            <a href=format!("#{}", entry.id) class:current=here
                                aria-current=move || here().then_some("location")
                                on:click=move |_| open.set(false)>
                                <span class="toc-number" aria-hidden="true">{entry.number}</span>
                                {entry.title}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}
