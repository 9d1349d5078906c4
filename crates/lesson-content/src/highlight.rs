//! Syntax highlighting with syntect's Sublime grammars, done once at build time.
//!
//! The output is `<span class="hl-…">` markup rather than inline colours, so the page's stylesheet
//! owns the palette and can meet contrast targets in both the light and the dark theme.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// The prefix of every class the highlighter emits, so they cannot collide with the page's own.
pub const CLASS_PREFIX: &str = "hl-";

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Highlights `source` as `lang` ("python"). The text inside the markup is exactly `source`.
pub fn highlight(source: &str, lang: &str) -> Result<String, String> {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang).ok_or_else(|| format!("no grammar for ```{lang}"))?;
    let mut generator =
        ClassedHTMLGenerator::new_with_class_style(syntax, set, ClassStyle::SpacedPrefixed { prefix: CLASS_PREFIX });
    for line in LinesWithEndings::from(source) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .map_err(|e| format!("highlighting ```{lang}: {e}"))?;
    }
    Ok(generator.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_strings_and_comments_get_classes() {
        let html = highlight("import math  # why\nx = \"s\"\n", "python").unwrap();
        assert!(html.contains(r#"<span class="hl-keyword hl-control hl-import hl-python">import</span>"#), "{html}");
        assert!(html.contains("hl-comment"), "{html}");
        assert!(html.contains("hl-string"), "{html}");
    }

    #[test]
    fn markup_characters_in_code_are_escaped() {
        let html = highlight("if a < b and c > d: print('&')\n", "python").unwrap();
        assert!(html.contains("&lt;") && html.contains("&gt;") && html.contains("&amp;"), "{html}");
    }
}
