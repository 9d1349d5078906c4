//! "Export trace (Perfetto)": downloads the run as Chrome trace JSON.

use std::sync::Arc;

use leptos::prelude::*;
use playground_core::chrome_trace;
use playground_core::python::{RunReport, WorkerTrace};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type Blob;
    #[wasm_bindgen(constructor, catch)]
    fn new(parts: &js_sys::Array, options: &JsValue) -> Result<Blob, JsValue>;
    #[wasm_bindgen(js_namespace = URL, js_name = createObjectURL, catch)]
    fn create_object_url(blob: &Blob) -> Result<String, JsValue>;
    #[wasm_bindgen(js_namespace = URL, js_name = revokeObjectURL)]
    fn revoke_object_url(url: &str);
}

#[component]
pub fn ExportButton(report: Arc<RunReport>, page: Option<Arc<WorkerTrace>>) -> impl IntoView {
    let download = move |_| {
        if let Err(e) = save(&chrome_trace::export(&report, page.as_deref()), "python-trace.json") {
            leptos::logging::warn!("could not export the trace: {e:?}");
        }
    };
    view! {
        <p class="demo-export">
            <button type="button" on:click=download>"Export trace (Perfetto)"</button>
            " Opens in "<a href="https://ui.perfetto.dev" target="_blank" rel="noopener">"ui.perfetto.dev"</a>"."
        </p>
    }
}

/// Hands `text` to the browser as a file download.
fn save(text: &str, name: &str) -> Result<(), JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &"application/json".into())?;
    let blob = Blob::new(&js_sys::Array::of1(&text.into()), &options)?;
    let url = create_object_url(&blob)?;
    let a = document().create_element("a")?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", name)?;
    a.unchecked_ref::<web_sys::HtmlElement>().click();
    // The download has started from the URL by the time this runs; then it can go.
    set_timeout(move || revoke_object_url(&url), std::time::Duration::from_secs(10));
    Ok(())
}
