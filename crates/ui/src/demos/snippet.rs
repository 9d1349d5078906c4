//! The Python snippet of a demo, with an input or a select where each editable literal stands.

use leptos::prelude::*;
use playground_core::demos::{DemoSpec, FieldKind, Piece, Values};

/// The code, live: edits change `values`, the code between the fields follows them (a comment that
/// states the expected result), and errors show next to the field they concern.
#[component]
pub fn Snippet(spec: &'static DemoSpec, values: RwSignal<Values>) -> impl IntoView {
    // The pieces' shape never changes with the values (the core sees to it), so they are drawn once
    // and each code piece's text follows the values.
    let pieces = Memo::new(move |_| values.with(|v| spec.snippet(v)));
    let code_at = move |at: usize| {
        pieces.with(|p| match p.get(at) {
            Some(Piece::Code(text)) => text.clone(),
            _ => String::new(),
        })
    };
    view! {
        <pre class="demo-code"><code>
            {pieces.get_untracked().into_iter().enumerate().map(|(at, piece)| match piece {
                Piece::Code(_) => view! { <span>{move || code_at(at)}</span> }.into_any(),
                Piece::Field(index) => view! { <FieldInput spec index values/> }.into_any(),
            }).collect_view()}
        </code></pre>
    }
}

#[component]
fn FieldInput(spec: &'static DemoSpec, index: usize, values: RwSignal<Values>) -> impl IntoView {
    let field = spec.fields[index];
    let id = format!("{}-{}", spec.id, field.key);
    let error_id = format!("{id}-error");
    let error = Memo::new(move |_| values.with(|v| spec.field_error(index, v)));
    let text = move || values.with(|v| v.text(field.key).to_string());
    let set = move |value: String| values.update(|v| v.set(field.key, value));
    let input = match field.kind {
        FieldKind::Number(bounds) => view! {
            <input id=id.clone() class="literal" type="text" inputmode="numeric" spellcheck="false" autocomplete="off"
                aria-label=field.label aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=error_id.clone() size=move || bounds.width(&text())
                prop:value=text on:input=move |ev| set(event_target_value(&ev))/>
        }
        .into_any(),
        FieldKind::Choice(choices) => view! {
            <select id=id.clone() class="literal" aria-label=field.label on:change=move |ev| set(event_target_value(&ev))
                prop:value=text>
                {choices.iter().map(|c| view! { <option value=c.value selected=c.value == field.default>{c.code}</option> }).collect_view()}
            </select>
        }
        .into_any(),
    };
    view! {
        <span class="literal-wrap">
            {input}
            <span id=error_id class="literal-error" role="status">{move || error.get()}</span>
        </span>
    }
}
