//! What the learner's own run of quiz question 1's demo says about its answer, in one sentence that
//! the quiz shows under its explanation.

use super::figures::Figures;
use crate::python::{Call, Flavour, Model, Program, RunReport, Scenario};
use crate::report::format_ms;

/// The sentence for a finished compression run on a machine with `cores` cores, or `None` when the
/// scenario compresses nothing.
pub fn compression(scenario: &Scenario, report: &RunReport, cores: u32) -> Option<String> {
    let Program::Executor { calls, .. } = &scenario.program else { return None };
    let flavour = calls.iter().find_map(|c| match c {
        Call::Compress { flavour, .. } => Some(*flavour),
        _ => None,
    })?;
    let figures = Figures::of(report, cores);
    let how = match (scenario.model, flavour) {
        (Model::Gil, Flavour::PurePython) => "ThreadPoolExecutor, pure-Python compression",
        (Model::Gil, Flavour::Zlib) => "ThreadPoolExecutor, zlib.compress",
        (Model::FreeThreaded, _) => "ThreadPoolExecutor on free-threaded Python",
        (Model::Processes, _) => "ProcessPoolExecutor",
    };
    let why = match (scenario.model, flavour) {
        (Model::Processes, _) => {
            "each process has its own GIL, so every core compressed at once. That is why the answer is processes."
        }
        (Model::Gil, Flavour::PurePython) => {
            "pure-Python code holds the GIL, so the threads took turns and the other cores waited."
        }
        (Model::Gil, Flavour::Zlib) => {
            "zlib releases the GIL while it compresses, so here even threads used every core: the \
             lesson's \"C extension → often releases the GIL\" branch."
        }
        (Model::FreeThreaded, _) => {
            "free-threaded Python has no GIL, so the threads compressed at once, which CPython with \
             its GIL cannot do."
        }
    };
    let files = calls.len();
    Some(format!(
        "Your run ({how}, {files} file{}): {}, {:.2}× the speed of compressing them one after another, \
         on {} core{}. {}",
        if files == 1 { "" } else { "s" },
        format_ms(figures.elapsed_ms),
        figures.speedup(),
        figures.cores,
        if figures.cores == 1 { "" } else { "s" },
        capitalise(why),
    ))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demos::testing::run_sim;
    use crate::python::Collect;

    fn compress(model: Model, flavour: Flavour) -> Scenario {
        let calls = (0..2).map(|file| Call::Compress { file, kb: 16, flavour }).collect();
        Scenario::new(model, Program::Executor { max_workers: None, calls, collect: Collect::Map })
    }

    fn sentence(model: Model, flavour: Flavour) -> String {
        let s = compress(model, flavour);
        compression(&s, &run_sim(&s), 2).expect("a compression run")
    }

    #[test]
    fn each_way_of_compressing_explains_itself() {
        let cases = [
            (
                Model::Processes,
                Flavour::PurePython,
                "Your run (ProcessPoolExecutor, 2 files): ",
                "That is why the answer is processes.",
            ),
            (
                Model::Gil,
                Flavour::PurePython,
                "Your run (ThreadPoolExecutor, pure-Python compression, 2 files): ",
                "the threads took turns",
            ),
            (Model::Gil, Flavour::Zlib, "Your run (ThreadPoolExecutor, zlib.compress, 2 files): ", "releases the GIL"),
            (
                Model::FreeThreaded,
                Flavour::Zlib,
                "Your run (ThreadPoolExecutor on free-threaded Python, 2 files): ",
                "has no GIL",
            ),
        ];
        for (model, flavour, start, why) in cases {
            let s = sentence(model, flavour);
            assert!(s.starts_with(start), "{s}");
            assert!(s.contains("× the speed of compressing them one after another, on 2 cores. "), "{s}");
            assert!(s.contains(why), "{s}");
        }
    }

    #[test]
    fn a_run_that_compresses_nothing_says_nothing() {
        let s = Scenario::new(
            Model::Gil,
            Program::Executor { max_workers: None, calls: vec![Call::Compute { n: 10 }], collect: Collect::Map },
        );
        assert_eq!(compression(&s, &run_sim(&s), 2), None);
    }
}
