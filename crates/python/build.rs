//! Embeds every Python source under `stdlib/` and `lib/` as a module of the interpreter:
//! `stdlib/threading.py` is `threading`, `stdlib/concurrent/__init__.py` is the package
//! `concurrent`. `stdlib/` holds the interpreter's own versions of CPython's modules; `lib/` holds
//! the modules CPython also runs in the differential tests (the simulated `requests`, the prelude),
//! which is why the two are apart: CPython's runner puts `lib/` on its path, and must keep its own
//! `threading` and `queue`.
//!
//! The sources ship inside the interpreter's wasm, so they are embedded minified (`build/minify.rs`:
//! no comments, one space per indentation level, every line where it was).

use std::fmt::Write;
use std::path::Path;

#[path = "build/minify.rs"]
mod minify;

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, String, bool)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            walk(&path, &format!("{prefix}{name}."), out);
        } else if let Some(stem) = name.strip_suffix(".py") {
            let abs = path.canonicalize().unwrap_or(path.clone()).to_string_lossy().to_string();
            if stem == "__init__" {
                out.push((prefix.trim_end_matches('.').to_string(), abs, true));
            } else {
                out.push((format!("{prefix}{stem}"), abs, false));
            }
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=lib");
    println!("cargo:rerun-if-changed=stdlib");
    println!("cargo:rerun-if-changed=build");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let mut modules = Vec::new();
    walk(Path::new("stdlib"), "", &mut modules);
    walk(Path::new("lib"), "", &mut modules);
    let minified = Path::new(&out).join("py");
    std::fs::create_dir_all(&minified).expect("create OUT_DIR/py");
    for (name, path, _) in &mut modules {
        let src = std::fs::read_to_string(&*path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        let to = minified.join(format!("{name}.py"));
        std::fs::write(&to, minify::minify(&src)).unwrap_or_else(|e| panic!("write {}: {e}", to.display()));
        *path = to.to_string_lossy().to_string();
    }
    let mut code = String::from("/// Embedded Python modules: (source, is a package).\npub fn lib_source(name: &str) -> Option<(&'static str, bool)> {\n    match name {\n");
    for (name, path, package) in &modules {
        let _ = writeln!(code, "        {name:?} => Some((include_str!({path:?}), {package})),");
    }
    code.push_str("        _ => None,\n    }\n}\n");
    std::fs::write(Path::new(&out).join("lib_sources.rs"), code).expect("write lib_sources.rs");
}
