//! One numbered section of the lesson, and the dispatch from each content block to its component.

use leptos::prelude::*;

use super::callout::Callout;
use super::code_block::CodeBlock;
use super::content::{Block, Section};
use super::contrast::ContrastFigure;
use super::decision_tree::DecisionTree;
use super::demos::DemoSlot;

#[component]
pub fn LessonSection(section: &'static Section) -> impl IntoView {
    let title_id = format!("{}-title", section.id);
    let labelled_by = title_id.clone();
    view! {
        <section id=section.id class="lesson-section" aria-labelledby=labelled_by>
            <h2 id=title_id>
                <span class="section-number">{section.number}</span>
                // The dash is read aloud and copied with the heading, but the badge replaces it visually.
                <span class="visually-hidden">" — "</span>
                {section.title}
            </h2>
            {section.blocks.iter().map(block).collect_view()}
        </section>
    }
}

fn block(block: &'static Block) -> AnyView {
    match block {
        Block::Prose(html) => view! { <div class="prose" inner_html=*html></div> }.into_any(),
        Block::Code { lang, source, html } => view! { <CodeBlock lang=lang source=source html=html/> }.into_any(),
        Block::Callout { kind, title_html, body_html } => {
            view! { <Callout kind=*kind title_html=title_html body_html=body_html/> }.into_any()
        }
        Block::Contrast(contrast) => view! { <ContrastFigure contrast=contrast/> }.into_any(),
        Block::Tree(root) => view! { <DecisionTree root=root/> }.into_any(),
        Block::Demo(name) => view! { <DemoSlot name=name/> }.into_any(),
    }
}
