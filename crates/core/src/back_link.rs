//! Where "← Back to Course Index" may lead. A course sets it with `?back=URL`; a deployment names
//! its course index with `<meta name="course-index" content="URL">`; the content has a default
//! (`../`). Since anyone can craft a link to the lesson with any `?back=`, the back link follows
//! `?back=` only to the page's own origin and to the origins a deployment configured (the
//! `course-index` meta's, and the course's `?parent-origin=`); anything else falls back to the
//! default, so the lesson is never an open redirect to someone's phishing page.
//!
//! The browser's own URL parser is generous: it drops tabs and newlines anywhere, trims control
//! characters, reads `\` as `/` in http(s) addresses, and takes `//host` or `/\host` as another
//! host. [`Target::read`] reads an address the same way for everything that decides its origin, and
//! refuses what it cannot read with certainty (user names, percent-encoded or non-ASCII hosts).

use crate::embed;

/// Where an address leads, once read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A path, query or fragment on the page's own origin (`/courses/`, `../`, `?x`), as cleaned.
    SameOrigin(String),
    /// An absolute http(s) address: its origin as browsers serialise it, and the address with that
    /// origin in front of the rest as given.
    Absolute { origin: String, href: String },
}

impl Target {
    /// Reads `text` as a link's `href` would be read, or `None` if it is not an http(s) or
    /// same-origin address that can be read with certainty.
    pub fn read(text: &str) -> Option<Target> {
        // As the URL parser does: leading and trailing C0 controls and spaces go, tabs and
        // newlines inside go too. Any other control character is refused.
        let cleaned: String =
            text.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
        if cleaned.is_empty() || cleaned.chars().any(char::is_control) {
            return None;
        }
        let slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
        match scheme(&cleaned) {
            Some((scheme, rest)) => {
                if !matches!(scheme.as_str(), "http" | "https") {
                    return None;
                }
                // Exactly two slashes (either way round) before the host: with one or none the
                // browser's reading depends on the page's own scheme.
                let mut chars = rest.chars();
                if !(slash(chars.next()) && slash(chars.next())) || slash(chars.next()) {
                    return None;
                }
                let after = &rest[2..];
                let end = after.find(['/', '\\', '?', '#']).unwrap_or(after.len());
                let (authority, path) = after.split_at(end);
                // `https://course.example@evil.example` goes to evil.example.
                if authority.contains('@') {
                    return None;
                }
                let origin = embed::origin(&format!("{scheme}://{authority}"))?;
                Some(Target::Absolute { href: format!("{origin}{path}"), origin })
            }
            None => {
                let mut chars = cleaned.chars();
                // `//evil.example`, `\\evil.example`, `/\evil.example`: another host, on the page's scheme.
                (!(slash(chars.next()) && slash(chars.next()))).then_some(Target::SameOrigin(cleaned))
            }
        }
    }

    /// Whether the page may lead here, given the origins it trusts besides its own.
    fn allowed(&self, origins: &[String]) -> bool {
        match self {
            Target::SameOrigin(_) => true,
            Target::Absolute { origin, .. } => origins.contains(origin),
        }
    }

    fn href(self) -> String {
        match self {
            Target::SameOrigin(href) | Target::Absolute { href, .. } => href,
        }
    }
}

/// A URL's scheme, lower-cased, and what follows its colon; `None` if it has none (a relative URL).
fn scheme(text: &str) -> Option<(String, &str)> {
    let (scheme, rest) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| (scheme.to_ascii_lowercase(), rest))
}

/// What the page knows when it sets its back link.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    /// `?back=`, decoded, if the address has it.
    pub query: Option<&'a str>,
    /// `<meta name="course-index">`'s content, if the page has one.
    pub meta: Option<&'a str>,
    /// `?parent-origin=`, if the address has it.
    pub parent_origin: Option<&'a str>,
    /// The page's own origin (`location.origin`).
    pub page_origin: &'a str,
}

/// The back link's href: `?back=` if it leads somewhere allowed; else the `course-index` meta, if it
/// is an http(s) or relative address; else `fallback`, the content's default.
pub fn href(sources: Sources, fallback: &str) -> String {
    let meta = sources.meta.and_then(Target::read);
    let configured = [Some(sources.page_origin), sources.parent_origin].into_iter().flatten().filter_map(embed::origin);
    let meta_origin = match &meta {
        Some(Target::Absolute { origin, .. }) => Some(origin.clone()),
        _ => None,
    };
    let origins: Vec<String> = configured.chain(meta_origin).collect();
    sources
        .query
        .and_then(Target::read)
        .filter(|target| target.allowed(&origins))
        .or(meta)
        .map_or_else(|| fallback.to_string(), Target::href)
}

#[cfg(test)]
mod tests {
    //! The back link against a table of hostile addresses, and with each configured origin.

    use super::*;

    const PAGE: &str = "https://lessons.example";

    fn back(query: &str) -> String {
        href(Sources { query: Some(query), page_origin: PAGE, ..Sources::default() }, "../")
    }

    #[test]
    fn back_link_refuses_every_way_out_to_another_site() {
        // Regression: `//evil.example/phish` and `\\evil.example` left for another site.
        let hostile = [
            "//evil.example/phish",
            "\\\\evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "  //evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "\u{1}//evil.example",
            "https://evil.example/",
            "http://evil.example",
            "HTTPS://EVIL.EXAMPLE/",
            "https:\\\\evil.example",
            "https:/evil.example",
            "https:evil.example",
            "https:///evil.example",
            "https://lessons.example@evil.example/",
            "https://lessons.example.evil.example/",
            "https://evil%2Eexample/",
            "https://évil.example/",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "javascript\u{0}:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html,hi",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://lessons.example/",
            "/path\u{7f}",
            "",
            "   ",
            "\t",
        ];
        for text in hostile {
            assert_eq!(back(text), "../", "{text:?}");
        }
    }

    #[test]
    fn back_link_follows_addresses_on_the_pages_own_origin() {
        let cases = [
            ("/courses/python/", "/courses/python/"),
            ("../", "../"),
            ("index.html#quiz", "index.html#quiz"),
            ("?lesson=16", "?lesson=16"),
            // Encoded forms stay encoded: the browser reads them as a path here, not as a host.
            ("%2F%2Fevil.example", "%2F%2Fevil.example"),
            ("/%5Cevil.example", "/%5Cevil.example"),
            (" /courses/\t", "/courses/"),
            ("https://lessons.example/courses/", "https://lessons.example/courses/"),
            ("HTTPS://Lessons.Example:443/courses/", "https://lessons.example/courses/"),
            ("https:\\\\lessons.example\\courses", "https://lessons.example\\courses"),
        ];
        for (text, want) in cases {
            assert_eq!(back(text), want, "{text:?}");
        }
    }

    #[test]
    fn back_link_follows_the_origins_a_deployment_configured() {
        let with_parent = |query| {
            let sources = Sources {
                query: Some(query),
                parent_origin: Some("https://course.example"),
                page_origin: PAGE,
                ..Sources::default()
            };
            href(sources, "../")
        };
        assert_eq!(with_parent("https://course.example/python/"), "https://course.example/python/");
        assert_eq!(with_parent("https://evil.example/"), "../");
        assert_eq!(back("https://course.example/python/"), "../", "not without parent-origin");

        let meta = |query: Option<&str>| {
            let sources = Sources {
                query,
                meta: Some("https://course.example/python/"),
                page_origin: PAGE,
                ..Sources::default()
            };
            href(sources, "../")
        };
        assert_eq!(meta(None), "https://course.example/python/", "the meta is the default");
        assert_eq!(meta(Some("")), "https://course.example/python/", "an empty ?back= too");
        assert_eq!(meta(Some("https://course.example/other/")), "https://course.example/other/");
        assert_eq!(meta(Some("//evil.example/")), "https://course.example/python/");
        assert_eq!(meta(Some("/courses/")), "/courses/");
    }

    #[test]
    fn back_link_meta_must_itself_be_http_or_relative() {
        let sources = |meta| Sources { meta: Some(meta), page_origin: PAGE, ..Sources::default() };
        assert_eq!(href(sources("javascript:alert(1)"), "../"), "../");
        assert_eq!(href(sources("/courses/"), "../"), "/courses/");
        // A page without an origin of its own (`file:`, whose origin is "null") still follows relative links.
        let sources = Sources { query: Some("../index.html"), page_origin: "null", ..Sources::default() };
        assert_eq!(href(sources, "../"), "../index.html");
    }

    #[test]
    fn an_empty_back_goes_to_the_default_not_to_the_lesson_itself() {
        // Regression: `?back=` resolved to the page itself, so the link reloaded the lesson.
        assert_eq!(back(""), "../");
    }
}
