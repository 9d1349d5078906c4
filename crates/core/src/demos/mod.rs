//! The lesson's live demos as data: the values a learner may change, the Python snippet rendered from
//! them (so the code shown is always the code that runs), and the [`Scenario`] they build.
//!
//! A demo is a [`DemoSpec`]: a template of Python with `«key»` where an editable literal stands, the
//! [`Field`]s those keys name, words derived from the values (`«executor»`), and a function that turns
//! valid values into a scenario. The UI draws any spec the same way; nothing here knows about it.

pub mod figures;
pub mod programs;
pub mod speedup;
pub mod table;
pub mod takeaway;
pub mod tree;

use std::collections::BTreeMap;

use crate::params::Bounded;
use crate::protocol::{FallbackReason, Threading};
use crate::python::{Model, Scenario};

pub use figures::Figures;

/// One literal of a choice field: the value the scenario reads, and the code that shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub value: &'static str,
    pub code: &'static str,
}

/// What kind of literal a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A whole number, typed as Python writes it (`10_000`), within bounds.
    Number(Bounded),
    /// One of a few literals, picked from a list.
    Choice(&'static [Choice]),
}

/// An editable literal in a snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    /// What the field is called for screen readers and error messages.
    pub label: &'static str,
    pub kind: FieldKind,
    pub default: &'static str,
}

/// What the learner typed or picked, by field key; numbers stay text until they are parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Values(BTreeMap<&'static str, String>);

impl Values {
    pub fn set(&mut self, key: &'static str, text: impl Into<String>) {
        self.0.insert(key, text.into());
    }

    pub fn text(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or("")
    }

    /// A number field's value; only called once the fields are valid, so a bad one reads as 0.
    pub fn num(&self, key: &str) -> u64 {
        crate::params::parse_int("value", self.text(key)).unwrap_or(0)
    }

    /// A number field's value as `u32` (every bound here fits).
    pub fn num32(&self, key: &str) -> u32 {
        u32::try_from(self.num(key)).unwrap_or(u32::MAX)
    }
}

/// A piece of a rendered snippet: code as is, or the editable field at this index of `fields`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Code(String),
    Field(usize),
}

/// One demo card's content.
pub struct DemoSpec {
    /// Unique on the page: ids, labels and tests use it.
    pub id: &'static str,
    pub title: &'static str,
    /// One sentence: what to try.
    pub hint: &'static str,
    pub fields: &'static [Field],
    /// Python with `«key»` for each field or derived word.
    pub template: &'static str,
    /// Words the template shows that follow from the values (`«executor»` from the model).
    pub derive: fn(&str, &Values) -> Option<String>,
    /// The scenario valid values run.
    pub build: fn(&Values) -> Scenario,
}

impl DemoSpec {
    pub fn defaults(&self) -> Values {
        let mut v = Values::default();
        for f in self.fields {
            v.set(f.key, f.default);
        }
        v
    }

    /// What is wrong with a field's current text, if anything.
    pub fn field_error(&self, index: usize, values: &Values) -> Option<String> {
        let f = self.fields.get(index)?;
        let text = values.text(f.key);
        match f.kind {
            FieldKind::Number(b) => Bounded { name: f.label, ..b }.parse(text).err().map(|e| e.to_string()),
            FieldKind::Choice(choices) => (!choices.iter().any(|c| c.value == text))
                .then(|| format!("{} must be one of the listed choices", f.label)),
        }
    }

    /// The first thing that keeps the demo from running, as the Run button explains it.
    pub fn blocker(&self, values: &Values) -> Option<String> {
        (0..self.fields.len()).find_map(|i| self.field_error(i, values))
    }

    /// The scenario to run, or why not.
    pub fn scenario(&self, values: &Values) -> Result<Scenario, String> {
        match self.blocker(values) {
            Some(why) => Err(why),
            None => Ok((self.build)(values)),
        }
    }

    /// The snippet, split where fields stand; derived words are filled in. Its shape (which piece is
    /// code and which is a field) is the template's, whatever the values, so a page can draw the
    /// pieces once and update each code piece's text as the values change.
    pub fn snippet(&self, values: &Values) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::new();
        let mut code = String::new();
        let mut derived = false;
        for (i, part) in self.template.split(['«', '»']).enumerate() {
            if i % 2 == 0 {
                code.push_str(part);
            } else if let Some(index) = self.fields.iter().position(|f| f.key == part) {
                push_code(&mut out, std::mem::take(&mut code), std::mem::take(&mut derived));
                out.push(Piece::Field(index));
            } else {
                derived = true;
                code.push_str(&(self.derive)(part, values).unwrap_or_else(|| format!("«{part}»")));
            }
        }
        push_code(&mut out, code, derived);
        out
    }

    /// The snippet as plain text, for copying and for tests.
    pub fn code(&self, values: &Values) -> String {
        self.snippet(values)
            .into_iter()
            .map(|p| match p {
                Piece::Code(c) => c,
                Piece::Field(i) => {
                    let f = &self.fields[i];
                    match f.kind {
                        FieldKind::Number(_) => values.text(f.key).to_string(),
                        FieldKind::Choice(cs) => {
                            cs.iter().find(|c| c.value == values.text(f.key)).map_or("?", |c| c.code).to_string()
                        }
                    }
                }
            })
            .collect()
    }
}

/// Adds a piece of code, unless it is empty in the template itself (one with derived words stays,
/// even when they are empty, so the snippet's shape never depends on the values).
fn push_code(out: &mut Vec<Piece>, code: String, derived: bool) {
    if derived || !code.is_empty() {
        out.push(Piece::Code(code));
    }
}

/// The interpreter a snippet's first line names, which decides threads-with-GIL or free-threaded.
pub const PYTHON: &[Choice] = &[Choice { value: "3.12", code: "3.12" }, Choice { value: "3.13t", code: "3.13t" }];

/// The execution model from the `python` and (optional) `executor` fields.
pub fn model(values: &Values) -> Model {
    match (values.text("executor"), values.text("python")) {
        ("processes", _) => Model::Processes,
        (_, "3.13t") => Model::FreeThreaded,
        _ => Model::Gil,
    }
}

/// What a card says when the page has no real threads, and how to get them; `None` when it has them.
pub fn isolation_note(threading: &Threading) -> Option<&'static str> {
    match threading {
        Threading::Threads { .. } => None,
        Threading::SingleThread { reason: FallbackReason::NotIsolated } => Some(
            "This page is not cross-origin isolated, so the browser gives it no shared memory: here Python's threads \
             and processes are modelled on one thread, on a simulated clock. For real threads on your cores, open the \
             lesson in a tab of its own from a host that sends Cross-Origin-Opener-Policy: same-origin and \
             Cross-Origin-Embedder-Policy: require-corp (cargo xtask serve does).",
        ),
        // Which pieces are missing is said once, in the "Your machine" panel.
        Threading::SingleThread { reason: FallbackReason::Unsupported { .. } } => Some(
            "This page is cross-origin isolated, but this browser gives it no shared memory for threads (\"Your \
             machine\" says what is missing): here Python's threads and processes are modelled on one thread, on a \
             simulated clock.",
        ),
        Threading::SingleThread { reason: FallbackReason::PoolFailed { .. } } => Some(
            "The browser could not start worker threads, so here Python's threads are modelled on one thread, on a \
             simulated clock.",
        ),
    }
}

/// What a card says under the timeline of a run in flight: how far it has got, and on which clock.
pub fn live_words(elapsed_ms: f64, modelled: bool) -> String {
    let so_far = crate::report::format_ms(elapsed_ms);
    if modelled {
        format!("{so_far} of modelled time so far, simulated on one thread; the page's lane maps real time onto that clock.")
    } else {
        format!("{so_far} so far, on real threads; every lane, the page's too, is on the same clock.")
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::python::{simulate, Pace, RunOptions, RunReport, Scenario};

    /// Runs a scenario in the deterministic simulation, at native pace.
    pub fn run_sim(s: &Scenario) -> RunReport {
        let opts = RunOptions { cores: 2, max_threads: 64, clock: || 0.0, pace: Pace::NATIVE };
        simulate(s, &opts, &std::sync::atomic::AtomicBool::new(false)).expect("a valid scenario runs")
    }
}

#[cfg(test)]
mod tests;
