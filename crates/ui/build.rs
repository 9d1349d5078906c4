//! Compiles content/lesson-17.md into `$OUT_DIR/lesson_17.rs` (see crates/lesson-content), so the
//! page ships finished HTML and no Markdown parser or highlighter.

use std::path::PathBuf;

fn main() {
    // Read at run time, not with env!(): a compiled build script is reused by any checkout that
    // shares the target directory, and must read that checkout's content, not its first one's.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let content = PathBuf::from(manifest_dir).join("../../content/lesson-17.md");
    println!("cargo:rerun-if-changed={}", content.display());
    let md = std::fs::read_to_string(&content).unwrap_or_else(|e| panic!("reading {}: {e}", content.display()));
    // A broken convention stops the build with the content line that broke it, not a blank page.
    let rust = lesson_content::generate(&md).unwrap_or_else(|e| panic!("{e}"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lesson_17.rs");
    std::fs::write(&out, rust).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
