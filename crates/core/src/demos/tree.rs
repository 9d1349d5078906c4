//! §2's decision tree as data: questions whose answers lead to another question or to a tool,
//! and the demo on the page that shows that tool at work, named by its spec (so it cannot name a
//! demo that does not exist).

use super::programs::{COMPRESS, EXECUTORS, PROCESS_POOL};
use super::DemoSpec;

/// Where an answer leads.
#[derive(Clone, Copy)]
pub enum Next {
    Ask(usize),
    Leaf(Leaf),
}

/// A tool the tree recommends.
#[derive(Clone, Copy)]
pub struct Leaf {
    pub tool: &'static str,
    pub why: &'static str,
    /// The demo card that runs it, if the page has one, and the words of the link to it.
    pub demo: Option<(&'static DemoSpec, &'static str)>,
}

/// One question and its answers.
#[derive(Clone, Copy)]
pub struct Question {
    pub text: &'static str,
    pub answers: &'static [(&'static str, Next)],
}

/// The questions; the first is the root.
pub const TREE: &[Question] = &[
    Question {
        text: "Is the work I/O bound or CPU bound?",
        answers: &[("I/O bound (network, DB, files)", Next::Ask(1)), ("CPU bound (heavy computation)", Next::Ask(2))],
    },
    Question {
        text: "Are you already in an async codebase?",
        answers: &[
            (
                "Yes, async",
                Next::Leaf(Leaf {
                    tool: "asyncio (Lesson 10)",
                    why: "one thread, many waits in flight, no locks to think about",
                    demo: None,
                }),
            ),
            (
                "No, sync code or a legacy library",
                Next::Leaf(Leaf {
                    tool: "threading (ThreadPoolExecutor)",
                    why: "threads release the GIL while they wait on the network",
                    demo: Some((&EXECUTORS, "Run map vs submit")),
                }),
            ),
        ],
    },
    Question {
        text: "Pure Python, or numpy / a C extension?",
        answers: &[
            (
                "Pure Python",
                Next::Leaf(Leaf {
                    tool: "multiprocessing (ProcessPoolExecutor)",
                    why: "each process has its own GIL, so every core computes",
                    demo: Some((&PROCESS_POOL, "Run compute(n) × 4 in processes")),
                }),
            ),
            (
                "numpy / C extension",
                Next::Leaf(Leaf {
                    tool: "threading or asyncio is often fine",
                    why: "C code like zlib or numpy often releases the GIL while it works",
                    demo: Some((&COMPRESS, "Run the zlib compression demo")),
                }),
            ),
        ],
    },
];

/// The answers picked so far, as indices; a path through [`TREE`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path(pub Vec<usize>);

impl Path {
    /// The questions on the path, each with the answer picked (if any).
    pub fn steps(&self) -> Vec<(usize, Option<usize>)> {
        let mut out = vec![];
        let mut q = 0;
        for (depth, a) in self.0.iter().enumerate() {
            out.push((q, Some(*a)));
            match TREE[q].answers.get(*a).map(|x| x.1) {
                Some(Next::Ask(next)) => q = next,
                _ => return out.into_iter().take(depth + 1).collect(),
            }
        }
        out.push((q, None));
        out
    }

    /// The leaf reached, if the path ends in one.
    pub fn leaf(&self) -> Option<Leaf> {
        let (q, a) = *self.steps().last()?;
        match TREE[q].answers.get(a?)?.1 {
            Next::Leaf(l) => Some(l),
            Next::Ask(_) => None,
        }
    }

    /// Picks answer `a` to the question at `depth`, forgetting later answers.
    pub fn pick(&mut self, depth: usize, a: usize) {
        self.0.truncate(depth);
        self.0.push(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_bound_pure_python_leads_to_processes() {
        let mut p = Path::default();
        assert_eq!(p.steps(), [(0, None)]);
        p.pick(0, 1);
        assert_eq!(p.steps(), [(0, Some(1)), (2, None)]);
        p.pick(1, 0);
        assert_eq!(p.leaf().unwrap().demo.unwrap().0.id, "process-pool");
        p.pick(0, 0);
        assert_eq!(p.steps(), [(0, Some(0)), (1, None)], "changing an answer forgets the ones below it");
    }
}
