//! A Python code block, highlighted at build time, with a button that copies the exact source.
//!
//! The copy result is announced in a live region next to the button, and cleared after a moment so
//! the next copy is announced again.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;
use web_sys::Clipboard;

#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn CodeBlock(lang: &'static str, source: &'static str, html: &'static str) -> impl IntoView {
    let state = RwSignal::new(CopyState::Idle);
    // Each click gets a number, so an older click's timer never clears a newer click's message.
    let clicks = StoredValue::new(0u32);
    let copy = move |_| {
        clicks.update_value(|n| *n += 1);
        let click = clicks.get_value();
        spawn_local(async move {
            let copied = match clipboard() {
                Some(clipboard) => JsFuture::from(clipboard.write_text(source)).await.is_ok(),
                None => false,
            };
            state.set(if copied { CopyState::Copied } else { CopyState::Failed });
            set_timeout(
                move || {
                    if clicks.get_value() == click {
                        state.set(CopyState::Idle);
                    }
                },
                Duration::from_millis(2500),
            );
        });
    };
    view! {
        <figure class="code-block">
            <div class="code-toolbar">
                <span class="code-lang">{language_name(lang)}</span>
                <span class="copy-status" role="status">
                    {move || match state.get() {
                        CopyState::Idle => "",
                        CopyState::Copied => "✓ Copied",
                        CopyState::Failed => "Copy failed: select the code and copy it by hand",
                    }}
                </span>
                <button type="button" class="copy-button" on:click=copy>
                    "Copy"<span class="visually-hidden">" code"</span>
                </button>
            </div>
            <pre class="code" tabindex="0"><code class=format!("language-{lang}") inner_html=html></code></pre>
        </figure>
    }
}

/// `navigator.clipboard`, which browsers leave undefined outside secure contexts.
fn clipboard() -> Option<Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    (!present.is_undefined()).then(|| navigator.clipboard())
}

fn language_name(lang: &str) -> &str {
    match lang {
        "python" => "Python",
        other => other,
    }
}
