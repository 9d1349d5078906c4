//! §2's decision tree, clickable: each answer leads to the next question or to a tool, and the tool
//! offers to run its demo: the link goes to the demo's card and presses its Run.

use leptos::prelude::*;
use playground_core::demos::tree::{Path, TREE};
use wasm_bindgen::JsCast;

#[component]
pub fn DecisionTree() -> impl IntoView {
    let path = RwSignal::new(Path::default());
    view! {
        <section class="demo-card tree" id="demo-decision-tree" aria-labelledby="tree-title">
            <h3 class="demo-title" id="tree-title">"Which tool? Answer the tree"</h3>
            <ol class="tree-steps">
                {move || path.get().steps().into_iter().enumerate().map(|(depth, (q, picked))| {
                    let question = TREE[q];
                    view! {
                        <li>
                            <fieldset class="tree-question">
                                <legend>{question.text}</legend>
                                {question.answers.iter().enumerate().map(|(a, (label, _))| view! {
                                    <button type="button" class="tree-answer" aria-pressed=(picked == Some(a)).to_string()
                                        on:click=move |_| path.update(|p| p.pick(depth, a))>{*label}</button>
                                }).collect_view()}
                            </fieldset>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || path.get().leaf().map(|leaf| view! {
                <div class="tree-leaf" role="status">
                    <p><strong>{leaf.tool}</strong>": "{leaf.why}"."</p>
                    {leaf.demo.map(|(spec, label)| view! {
                        <p><a class="tree-go" href=format!("#demo-{}", spec.id) on:click=move |_| press_run(spec.id)>{label}" →"</a></p>
                    })}
                </div>
            })}
        </section>
    }
}

/// Presses the Run button of demo card `id`; the link's own navigation brings the card into view.
/// A card that is busy or waiting for the engine has its Run disabled, and then nothing happens.
fn press_run(id: &str) {
    // The card may not be built yet (slots fill as they near the screen): build them all first, so
    // both this click and the link's own navigation find it.
    crate::slots::fill_all();
    let run = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&format!("#demo-{id} .demo-run")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(run) = run {
        run.click();
    }
}
