//! Where "← Back to Course Index" goes: gathers what the page knows (`?back=`, the `course-index`
//! meta, `?parent-origin=`, its own origin) for `playground_core::back_link`, which decides.

use playground_core::back_link::{self, Sources};
use web_sys::{Url, Window};

pub fn course_index_href(default: &'static str) -> String {
    let Some(window) = web_sys::window() else { return default.to_string() };
    let params = window.location().href().ok().and_then(|page| Url::new(&page).ok()).map(|url| url.search_params());
    let query = params.as_ref().and_then(|p| p.get("back"));
    let parent_origin = params.as_ref().and_then(|p| p.get("parent-origin"));
    let meta = from_meta(&window);
    let page_origin = window.location().origin().unwrap_or_default();
    let sources = Sources {
        query: query.as_deref(),
        meta: meta.as_deref(),
        parent_origin: parent_origin.as_deref(),
        page_origin: &page_origin,
    };
    back_link::href(sources, default)
}

fn from_meta(window: &Window) -> Option<String> {
    let meta = window.document()?.query_selector("meta[name='course-index']").ok()??;
    meta.get_attribute("content")
}
