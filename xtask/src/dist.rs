//! Finishes a build in Trunk's staging directory: writes the lesson into the page, writes the
//! service worker with the list of every file the build produced and a version made from their
//! contents, and checks the page's promises (no inline script) before the build becomes dist/.

use std::path::{Path, PathBuf};

use crate::util::root;

/// Files that are served but not precached: the worker itself, and the host's header file.
const NOT_PRECACHED: &[&str] = &["sw.js", "_headers"];

pub fn finish(staging: &Path) -> Result<(), String> {
    let index = std::fs::read_to_string(staging.join("index.html"))
        .map_err(|e| format!("reading the built index.html: {e}"))?;
    let md = std::fs::read_to_string(root().join("content/lesson-17.md"))
        .map_err(|e| format!("reading content/lesson-17.md: {e}"))?;
    let index = with_lesson(&index, &lesson_content::page_html(&md)?)?;
    std::fs::write(staging.join("index.html"), &index).map_err(|e| format!("writing index.html: {e}"))?;
    if let Some(script) = inline_script(&index) {
        return Err(format!("the built index.html has an inline script, which the CSP refuses: {script}"));
    }

    let mut files = Vec::new();
    list(staging, staging, &mut files)?;
    files.retain(|f| !NOT_PRECACHED.contains(&f.as_str()));
    files.sort();

    let mut contents = Vec::new();
    for f in &files {
        contents.push((f.as_str(), std::fs::read(staging.join(f)).map_err(|e| format!("reading {f}: {e}"))?));
    }
    let version = version(contents.iter().map(|(f, bytes)| (*f, bytes.as_slice())));

    let template = std::fs::read_to_string(root().join("www/sw.js")).map_err(|e| format!("reading www/sw.js: {e}"))?;
    let sw = service_worker(&template, &version, &files)?;
    std::fs::write(staging.join("sw.js"), sw).map_err(|e| format!("writing sw.js: {e}"))?;
    println!("xtask: service worker {version} precaches {} files", files.len() + 1);
    Ok(())
}

/// The page with the lesson's markup at the start of its `<body>`, where the UI expects it.
fn with_lesson(index: &str, lesson: &str) -> Result<String, String> {
    if index.contains("class=\"lesson-body\"") {
        return Err("index.html already holds the lesson: is post-build running twice?".into());
    }
    let at = index.find("<body>").ok_or("the built index.html has no <body> to put the lesson in")? + "<body>".len();
    Ok(format!("{}{lesson}{}", &index[..at], &index[at..]))
}

/// The worker script: the template with the build's version and files (plus "./", the page's own
/// address, which a visitor opens more often than "index.html").
fn service_worker(template: &str, version: &str, files: &[String]) -> Result<String, String> {
    const VERSION: &str = "__PLAYGROUND_VERSION__";
    const FILES: &str = "__PLAYGROUND_FILES__";
    if !template.contains(VERSION) || !template.contains(FILES) {
        return Err(format!("www/sw.js lost its {VERSION} or {FILES} marker"));
    }
    let list: Vec<&str> = std::iter::once("./").chain(files.iter().map(String::as_str)).collect();
    let list = serde_json::to_string_pretty(&list).map_err(|e| format!("writing the file list: {e}"))?;
    Ok(template.replace(VERSION, version).replace(FILES, &list))
}

/// The build's version: XXH3 (64 bits, as 16 hex digits) of every file's name and contents, each
/// preceded by its length so that no two different builds feed the hash the same bytes. A label
/// that changes with any byte of the build, not a security hash.
fn version<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> String {
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    for (name, bytes) in files {
        for part in [name.as_bytes(), bytes] {
            hash.update(&(part.len() as u64).to_le_bytes());
            hash.update(part);
        }
    }
    format!("{:016x}", hash.digest())
}

/// Relative paths with `/` separators, as the worker will request them.
fn list(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
        let path: PathBuf = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            list(base, &path, out)?;
        } else {
            let rel = path.strip_prefix(base).expect("listed under base");
            out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    Ok(())
}

/// The first `<script>` without a `src`, if any.
fn inline_script(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<script") {
        let start = at + i;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e + 1);
        if !lower[start..end].contains(" src=") {
            return Some(html[start..end.min(start + 120)].to_string());
        }
        at = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn the_lesson_opens_the_body() {
        let page =
            with_lesson("<html><head></head><body><noscript>n</noscript></body></html>", "<main>L</main>").unwrap();
        assert_eq!(page, "<html><head></head><body><main>L</main><noscript>n</noscript></body></html>");
        assert!(with_lesson("<html></html>", "x").is_err());
    }

    #[test]
    fn finds_inline_scripts_only() {
        assert_eq!(inline_script(r#"<script type="module" src="./boot.js"></script>"#), None);
        assert!(inline_script("<head><SCRIPT type=module>import x</SCRIPT>").is_some());
        assert!(inline_script(r#"<script src="a.js"></script><script>alert(1)</script>"#).is_some());
    }

    #[test]
    fn the_worker_lists_the_page_and_every_file() {
        let sw = service_worker(
            "const V = '__PLAYGROUND_VERSION__'; const F = __PLAYGROUND_FILES__;",
            "abc",
            &["index.html".into(), "engine/a \"b\".js".into()],
        )
        .unwrap();
        assert_eq!(sw, "const V = 'abc'; const F = [\n  \"./\",\n  \"index.html\",\n  \"engine/a \\\"b\\\".js\"\n];");
        assert!(service_worker("no markers", "abc", &[]).is_err());
    }

    #[test]
    fn the_version_changes_with_any_name_or_byte_of_the_build() {
        let build = [("index.html", &b"<p>lesson</p>"[..]), ("a.js", b"x")];
        let v = version(build);
        assert!(v.len() == 16 && v.bytes().all(|b| b.is_ascii_hexdigit()), "{v}");
        assert_eq!(version(build), v, "the same build, the same version");
        assert_ne!(version([("index.html", &b"<p>lesson!</p>"[..]), ("a.js", b"x")]), v, "a byte changed");
        assert_ne!(version([("index.htm", &b"<p>lesson</p>"[..]), ("a.js", b"x")]), v, "a name changed");
        // Where a name ends and its contents begin is part of what is hashed.
        assert_ne!(version([("ab", &b"c"[..])]), version([("a", &b"bc"[..])]));
    }

    /// The three places that state the response headers must say the same: the host file that
    /// ships in dist/, `trunk serve`'s, and the page's own CSP (for hosts that send nothing).
    #[test]
    fn shipped_served_and_meta_headers_agree() {
        let read = |p: &str| std::fs::read_to_string(root().join(p)).unwrap();
        let shipped: Vec<(String, String)> = read("www/_headers")
            .lines()
            .filter(|l| l.starts_with("  "))
            .map(|l| {
                let (k, v) = l.trim().split_once(": ").expect("a `Name: value` line");
                (k.to_string(), v.to_string())
            })
            .collect();
        assert!(shipped.len() >= 7, "{shipped:?}");

        let trunk: toml::Table = toml::from_str(&read("Trunk.toml")).unwrap();
        let served: BTreeMap<String, String> =
            trunk["serve"]["headers"].clone().try_into().expect("[serve] headers, a table of strings");
        let shipped_map: BTreeMap<String, String> = shipped.iter().cloned().collect();
        assert_eq!(shipped_map.len(), shipped.len(), "www/_headers names a header twice");
        assert_eq!(served, shipped_map);

        let csp = &shipped.iter().find(|(k, _)| k == "Content-Security-Policy").unwrap().1;
        assert!(
            read("index.html").contains(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"))
        );
        assert!(
            !csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'") && csp.contains("'wasm-unsafe-eval'")
        );
    }

    /// A directive one browser does not know is a console error on every load there: WebKit
    /// rejects `manifest-src` ("Unrecognized Content-Security-Policy directive"), which
    /// `default-src 'self'` covers anyway.
    #[test]
    fn the_csp_uses_only_directives_every_engine_knows() {
        const EVERY_ENGINE: &[&str] = &[
            "default-src",
            "script-src",
            "worker-src",
            "style-src",
            "img-src",
            "font-src",
            "connect-src",
            "media-src",
            "frame-src",
            "child-src",
            "object-src",
            "base-uri",
            "form-action",
            "frame-ancestors",
        ];
        let headers = std::fs::read_to_string(root().join("www/_headers")).unwrap();
        let csp = headers.lines().find_map(|l| l.trim().strip_prefix("Content-Security-Policy: ")).unwrap();
        for directive in csp.split(';').map(|d| d.split_whitespace().next().unwrap_or_default()) {
            assert!(
                EVERY_ENGINE.contains(&directive),
                "`{directive}` is not known to Chromium, Firefox and WebKit alike"
            );
        }
    }
}
