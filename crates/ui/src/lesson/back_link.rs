//! Where "← Back to Course Index" goes: a course embeds the lesson and says so, or the content's default.
//!
//! In order: the page's `?back=URL` query parameter, then `<meta name="course-index" content="URL">`
//! in index.html, then `back_href` from the content's front matter. A candidate is used only if it
//! resolves, against the page's own address, to an http: or https: URL, so a crafted link cannot
//! turn the back link into `javascript:` or `data:`.

use web_sys::{Url, Window};

pub fn course_index_href(default: &'static str) -> String {
    let Some(window) = web_sys::window() else { return default.to_string() };
    let page = window.location().href().unwrap_or_default();
    from_query(&page)
        .into_iter()
        .chain(from_meta(&window))
        .find_map(|candidate| safe(&candidate, &page))
        .unwrap_or_else(|| default.to_string())
}

fn from_query(page: &str) -> Option<String> {
    Url::new(page).ok()?.search_params().get("back")
}

fn from_meta(window: &Window) -> Option<String> {
    let meta = window.document()?.query_selector("meta[name='course-index']").ok()??;
    meta.get_attribute("content")
}

/// The candidate as given, if it resolves to an http(s) URL.
fn safe(candidate: &str, page: &str) -> Option<String> {
    let resolved = Url::new_with_base(candidate.trim(), page).ok()?;
    matches!(resolved.protocol().as_str(), "http:" | "https:").then(|| candidate.trim().to_string())
}
