//! The embedded modules' minifier (build/minify.rs) changes bytes, never meaning: every module
//! under stdlib/ and lib/ gives the interpreter's tokenizer the same tokens on the same lines
//! minified as written, and what the interpreter embeds is exactly that minified text.

#[path = "../build/minify.rs"]
mod minify;

use std::path::{Path, PathBuf};

use minify::minify;
use playground_python::lexer::{tokenize, Tok};

/// Tokens with their lines; columns move when indentation shrinks, and nothing reads them but
/// error carets, which valid modules never show.
fn tokens(src: &str) -> Vec<(Tok, u32)> {
    tokenize(src).unwrap_or_else(|e| panic!("tokenize: {e:?}")).into_iter().map(|t| (t.tok, t.line)).collect()
}

/// The tokens the minifier should leave: a string that is a statement alone becomes `pass`, its
/// statement's end on the string's first line.
fn expected(src: &str) -> Vec<(Tok, u32)> {
    let mut t = tokens(src);
    for i in 0..t.len() {
        let at_start = i == 0 || matches!(t[i - 1].0, Tok::Newline | Tok::Indent | Tok::Dedent);
        let plain = matches!(t[i].0, Tok::Str { fstring: false, bytes: false, .. });
        if at_start && plain && matches!(t.get(i + 1), Some((Tok::Newline, _))) {
            t[i].0 = Tok::Name("pass".into());
            t[i + 1].1 = t[i].1;
        }
    }
    t
}

fn same_meaning(src: &str) -> String {
    let out = minify(src);
    assert_eq!(out.split('\n').count(), src.split('\n').count(), "line count changed:\n{out}");
    assert_eq!(tokens(&out), expected(src), "tokens changed:\n{out}");
    out
}

/// (module name, file) for every embedded module, named as build.rs names them.
fn modules(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) {
    for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            modules(&path, &format!("{prefix}{name}."), out);
        } else if let Some(stem) = name.strip_suffix(".py") {
            let module =
                if stem == "__init__" { prefix.trim_end_matches('.').to_string() } else { format!("{prefix}{stem}") };
            out.push((module, path));
        }
    }
}

#[test]
fn every_embedded_module_keeps_its_tokens_and_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    modules(&root.join("stdlib"), "", &mut all);
    modules(&root.join("lib"), "", &mut all);
    assert!(all.len() >= 10, "found only {} modules", all.len());
    let (mut before, mut after) = (0, 0);
    for (name, path) in &all {
        let src = std::fs::read_to_string(path).expect("read module");
        let out = same_meaning(&src);
        let (embedded, _) =
            playground_python::modules::lib_source(name).unwrap_or_else(|| panic!("{name} not embedded"));
        assert_eq!(embedded, out, "{name}: the embedded text is not the minified file");
        before += src.len();
        after += out.len();
    }
    assert!(after * 10 < before * 9, "minified {after} bytes of {before}: less than a tenth saved");
}

#[test]
fn comments_go_but_strings_keep_their_hashes() {
    let src = "# a module comment\nx = '# not a comment'  # a comment\ny = \"it's\"   \nz = f'{x!r:#>9}' # c\n";
    assert_eq!(same_meaning(src), "\nx = '# not a comment'\ny = \"it's\"\nz = f'{x!r:#>9}'\n");
}

#[test]
fn indentation_becomes_one_space_per_level() {
    let src = "class A:\n    def f(self):\n        if x:\n\n            return 1\n      # odd comment\n        return 2\n    g = 3\n";
    assert_eq!(same_meaning(src), "class A:\n def f(self):\n  if x:\n\n   return 1\n\n  return 2\n g = 3\n");
}

#[test]
fn triple_quoted_strings_are_copied_as_they_are() {
    let src = "def f():\n    s = '''a\\''' # b\n  c'''  # gone\n    return s + \"\"\"x\n    # y\"\"\"\n";
    assert_eq!(same_meaning(src), "def f():\n s = '''a\\''' # b\n  c'''\n return s + \"\"\"x\n    # y\"\"\"\n");
}

#[test]
fn docstrings_become_pass_on_their_first_line() {
    let src = "\"\"\"Module.\n\nMore.\"\"\"\nclass A:\n    \"Only a docstring.\"  # c\n\n\ndef f():\n    '''Doc.\n    '''\n    x = \"not\" \"one\"\n    \"also \\\" not\".strip()\n    f\"{x}\"\n    return x\n";
    assert_eq!(
        same_meaning(src),
        "pass\n\n\nclass A:\n pass\n\n\ndef f():\n pass\n\n x = \"not\" \"one\"\n \"also \\\" not\".strip()\n f\"{x}\"\n return x\n"
    );
}

#[test]
fn continued_lines_keep_their_meaning() {
    // Inside brackets the line break separates tokens; after a backslash the whitespace stays.
    let src =
        "if True:\n    x = [\n        1,  # one\n        2,\n    ]\n    y = 1 + \\\n        2\n    s = 'a\\\n  b'\n";
    assert_eq!(same_meaning(src), "if True:\n x = [\n1,\n2,\n]\n y = 1 + \\\n        2\n s = 'a\\\n  b'\n");
}
