//! localStorage that never breaks the page: blocked storage reads as empty, a full one drops the write.

use web_sys::Storage;

fn local_storage() -> Option<Storage> {
    // Reading `window.localStorage` itself throws when the browser blocks storage for this page.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Saves if it can; a learner without storage simply starts afresh next time.
pub fn save(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}
