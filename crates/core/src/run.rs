//! Where a run is, what the page knows of the engine, and the words a learner reads about both.
//!
//! The UI's one run primitive (`playground_ui::run::Runner`) moves each run through [`RunState`];
//! its engine bridge keeps an [`EngineStatus`]. They are plain data here so that every sentence
//! made from them is tested natively. A learner never reads the engine's internals: a crash's
//! panic message and source path, or the browser's error for a script that did not load, go to
//! the console; the page says what happened in [`EngineDown::words`] and [`CRASHED`].

use crate::protocol::EngineInfo;

/// Where a run is. One run at a time per place that runs (a card, "Your machine", the sweep).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RunState {
    /// Nothing has been run here yet.
    #[default]
    Idle,
    /// Asked for; the engine has not taken it yet (it may still be starting).
    Starting,
    /// The engine is running it.
    Running,
    /// Stop was pressed; the engine has not confirmed yet.
    Stopping,
    /// It ran to its end.
    Finished,
    /// It was stopped before its end.
    Stopped,
    /// It could not run, or did not end; the words say why, for a learner.
    Failed(String),
}

impl RunState {
    /// Whether a run is going here: Run is refused and Stop offered.
    pub fn is_busy(&self) -> bool {
        matches!(self, RunState::Starting | RunState::Running | RunState::Stopping)
    }
}

/// What the page knows about the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineStatus {
    /// Loading, or being replaced after a crash or a Stop; runs asked for now wait for it.
    Starting,
    Ready(EngineInfo),
    /// It cannot run anything; the rest of the page keeps working.
    Down(EngineDown),
}

impl EngineStatus {
    pub fn is_ready(&self) -> bool {
        matches!(self, EngineStatus::Ready(_))
    }
}

/// Why the engine cannot run anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngineDown {
    /// The browser refused to start a Web Worker at all.
    NoWorker,
    /// The engine's script or wasm did not arrive or did not start (a 404, the network, a server error).
    NotLoaded,
    /// It crashed this many times and was not restarted again.
    GaveUp { crashes: u32 },
}

impl EngineDown {
    /// What the learner reads, in the panel and on every card.
    pub fn words(self) -> String {
        let still = "The lesson and the quiz still work";
        match self {
            EngineDown::NoWorker => format!(
                "The demo engine could not be loaded: this browser refused to start a Web Worker. {still}; \
                 the demos cannot run here."
            ),
            EngineDown::NotLoaded => format!(
                "The demo engine could not be loaded: the network, the server or this browser stopped it. \
                 {still}; reload the page to try the demos again."
            ),
            EngineDown::GaveUp { crashes } => format!(
                "The demo engine stopped after crashing {crashes} times. {still}; reload the page to run the demos \
                 again."
            ),
        }
    }
}

/// How a run that a crash ended is reported (the crash's own message goes to the console).
pub const CRASHED: &str = "the engine crashed; it has been restarted, so you can run again";

/// A demo card's status line, beside Run: what keeps it from running, or what its run is doing or did.
///
/// An engine that is down comes first, since nothing can run; then a field that blocks Run; then
/// what happened to the last run (after a Stop or a crash the engine may be restarting, and the
/// learner should read why their run ended, not only that it waits).
pub fn card_status(engine: &EngineStatus, blocker: Option<&str>, run: &RunState) -> Option<String> {
    Some(match (engine, blocker, run) {
        (EngineStatus::Down(down), ..) => down.words(),
        (_, Some(problem), _) => format!("Run is disabled: {problem}."),
        (_, None, RunState::Stopped) => "Stopped.".to_string(),
        (_, None, RunState::Failed(message)) => format!("The run failed: {message}"),
        (EngineStatus::Starting, None, _) => "Run waits for the engine to start…".to_string(),
        (_, None, RunState::Starting | RunState::Running) => "Running… Stop ends it.".to_string(),
        (_, None, RunState::Stopping) => "Stopping…".to_string(),
        (_, None, RunState::Idle | RunState::Finished) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Threading;

    fn ready() -> EngineStatus {
        EngineStatus::Ready(EngineInfo { cores: 2, threading: Threading::Threads { pool_threads: 12 } })
    }

    #[test]
    fn a_card_says_what_its_run_is_doing() {
        let line = |run: RunState| card_status(&ready(), None, &run);
        assert_eq!(line(RunState::Idle), None);
        assert_eq!(line(RunState::Starting).as_deref(), Some("Running… Stop ends it."));
        assert_eq!(line(RunState::Running).as_deref(), Some("Running… Stop ends it."));
        assert_eq!(line(RunState::Stopping).as_deref(), Some("Stopping…"));
        assert_eq!(line(RunState::Stopped).as_deref(), Some("Stopped."));
        assert_eq!(line(RunState::Finished), None);
        assert_eq!(line(RunState::Failed(CRASHED.into())).unwrap(), format!("The run failed: {CRASHED}"));
    }

    #[test]
    fn why_a_run_ended_outranks_an_engine_that_restarts() {
        let after_crash = card_status(&EngineStatus::Starting, None, &RunState::Failed(CRASHED.into()));
        assert_eq!(after_crash.unwrap(), format!("The run failed: {CRASHED}"));
        assert_eq!(
            card_status(&EngineStatus::Starting, None, &RunState::Idle).as_deref(),
            Some("Run waits for the engine to start…")
        );
        let blocked = card_status(&ready(), Some("n must be at most 8 (got 9)"), &RunState::Stopped);
        assert_eq!(blocked.as_deref(), Some("Run is disabled: n must be at most 8 (got 9)."));
    }

    #[test]
    fn an_engine_that_is_down_is_said_on_every_card_whatever_its_run_did() {
        let down = EngineStatus::Down(EngineDown::GaveUp { crashes: 4 });
        for run in [RunState::Idle, RunState::Failed(CRASHED.into()), RunState::Finished, RunState::Stopped] {
            let line = card_status(&down, Some("a blocker"), &run).unwrap();
            assert!(line.starts_with("The demo engine stopped after crashing 4 times."), "{line}");
        }
    }

    #[test]
    fn the_words_for_an_engine_that_is_down_are_plain() {
        for down in [EngineDown::NoWorker, EngineDown::NotLoaded, EngineDown::GaveUp { crashes: 4 }] {
            let words = down.words();
            assert!(words.starts_with("The demo engine "), "{words}");
            assert!(words.contains("The lesson and the quiz still work"), "{words}");
            for internal in [".rs", "panicked", "worker.js", "undefined", "(", "wasm"] {
                assert!(!words.contains(internal), "{words} names {internal}");
            }
        }
        assert!(EngineDown::NotLoaded.words().contains("could not be loaded"));
        assert!(!CRASHED.contains('('), "a crash is reported without its panic message");
    }

    #[test]
    fn only_a_run_in_flight_is_busy() {
        let busy: Vec<bool> = [
            RunState::Idle,
            RunState::Starting,
            RunState::Running,
            RunState::Stopping,
            RunState::Finished,
            RunState::Stopped,
            RunState::Failed(String::new()),
        ]
        .iter()
        .map(RunState::is_busy)
        .collect();
        assert_eq!(busy, [false, true, true, true, false, false, false]);
    }
}
