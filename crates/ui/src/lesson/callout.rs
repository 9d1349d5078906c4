//! A callout: the lesson's ⚠ warnings and 💡 tips. The icon and a word (read by screen readers)
//! carry the kind as well as the colour does.

use leptos::prelude::*;

use super::content::CalloutKind;

#[component]
pub fn Callout(kind: CalloutKind, title_html: &'static str, body_html: &'static str) -> impl IntoView {
    let (class, icon, word) = match kind {
        CalloutKind::Warning => ("callout warning", "⚠", "Warning: "),
        CalloutKind::Tip => ("callout tip", "💡", "Tip: "),
        CalloutKind::Note => ("callout note", "ℹ", "Note: "),
    };
    view! {
        <div class=class role="note">
            <p class="callout-title">
                <span class="callout-icon" aria-hidden="true">{icon}</span>
                <span class="visually-hidden">{word}</span>
                <strong inner_html=title_html></strong>
            </p>
            <div class="callout-body" inner_html=body_html></div>
        </div>
    }
}
