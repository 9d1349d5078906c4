//! §2's decision tree, clickable: each answer leads to the next question or to a tool, and the tool
//! offers to run its demo: the link goes to the demo's card (building it if need be, see
//! `crate::slots::reveal`) and runs it through the [`Registry`].

use leptos::prelude::*;
use playground_core::demos::tree::{Path, TREE};

use super::registry::Registry;

#[component]
pub fn DecisionTree() -> impl IntoView {
    let path = RwSignal::new(Path::default());
    let registry = use_context::<Registry>();
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
                        <p><a class="tree-go" href=format!("#demo-{}", spec.id)
                            on:click=move |_| if let Some(r) = registry { r.run(spec.id) }>{label}" →"</a></p>
                    })}
                </div>
            })}
        </section>
    }
}
