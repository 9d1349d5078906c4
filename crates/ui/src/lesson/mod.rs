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

/// The lesson's body: contents (unless `contents` is false), sections in order, then the quiz.
///
/// The header and the contents come with the page and each part one task later: mounting the whole
/// lesson at once held the main thread for one long task (~150 ms here, four times that on a
/// phone), which delays the first paint and the first click. Once all parts are in, a `#section`
/// in the address is scrolled to, as the browser would have done for a page that came whole.
#[component]
pub fn LessonArticle(#[prop(default = true)] contents: bool) -> impl IntoView {
    let parts = LESSON.sections.len() + 1;
    let shown = RwSignal::new(0usize);
    let mounted = Signal::derive(move || shown.get() >= parts);
    Effect::new(move |_| {
        let n = shown.get();
        if n < parts {
            set_timeout(move || shown.set(n + 1), std::time::Duration::ZERO);
        } else {
            scroll_to_fragment();
        }
    });
    view! {
        <article class="lesson" aria-labelledby="lesson-title">
            {contents.then(|| view! { <Toc mounted=mounted/> })}
            // Until every part is in, the body keeps at least a screen and a half of height, so what
            // follows it (the "Your machine" panel, on phones) is not shown and then pushed away.
            <div class="lesson-body" class:mounting=move || !mounted.get()>
                {LESSON.sections.iter().enumerate().map(|(i, section)| view! {
                    <Show when=move || { shown.get() > i }><LessonSection section=section/></Show>
                }).collect_view()}
                <Show when=move || mounted.get()><QuizSection/></Show>
            </div>
        </article>
    }
}

/// Scrolls to the element the address's fragment names, if there is one.
fn scroll_to_fragment() {
    let Some(window) = web_sys::window() else { return };
    let Ok(hash) = window.location().hash() else { return };
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return;
    }
    let id = js_sys::decode_uri_component(id).map(String::from).unwrap_or_else(|_| id.to_string());
    let Some(element) = window.document().and_then(|d| d.get_element_by_id(&id)) else { return };
    element.scroll_into_view();
    // Sections far from the viewport were laid out at a placeholder height
    // (`content-visibility: auto`); those that just came into view now take their real height,
    // which can move the target. So scroll once more after the browser has drawn them.
    request_animation_frame(move || {
        request_animation_frame(move || element.scroll_into_view());
    });
}
