//! The decision tree as nested lists: each question holds its branches, each leaf names the tool.
//! Lists nest and wrap, so the tree stays readable at 360 px where the lesson's box drawing cannot.

use leptos::prelude::*;

use super::content::TreeNode;

#[component]
pub fn DecisionTree(root: &'static TreeNode) -> impl IntoView {
    view! {
        <figure class="decision-tree" aria-label="Decision tree: which tool for which kind of work">
            <ul class="tree">
                <Node node=root/>
            </ul>
        </figure>
    }
}

#[component]
fn Node(node: &'static TreeNode) -> impl IntoView {
    // Recursion through a view needs a boxed view: a component's type cannot contain itself.
    let children = (!node.children.is_empty()).then(|| {
        view! { <ul>{node.children.iter().map(|child| view! { <Node node=child/> }).collect_view()}</ul> }.into_any()
    });
    view! {
        <li class:leaf=node.answer.is_some()>
            <span class="dt-question">{node.label}</span>
            // Arrow and answer wrap as one piece, so a narrow screen never strands the arrow.
            {node.answer.map(|answer| view! {
                " "
                <span class="dt-outcome">
                    <span class="dt-arrow" aria-hidden="true">"→"</span>
                    <span class="visually-hidden">"Answer: "</span>
                    <strong class="dt-answer">{answer}</strong>
                </span>
            })}
            {children}
        </li>
    }
}
