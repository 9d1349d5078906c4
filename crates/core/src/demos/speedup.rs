//! §1's speedup chart: the same eight `compute(n)` tasks at 1…8 workers under each execution model,
//! measured on the visitor's machine, drawn as one line per model.

use crate::python::{Call, Collect, Model, Program, Scenario};

/// The most workers the chart goes to, and the number of tasks every run shares out.
pub const MAX_WORKERS: u32 = 8;
/// `compute(n)` per task: about 40 ms of one core at CPython's pace, so all 24 runs take seconds.
pub const N: u64 = 500_000;
pub const MODELS: [Model; 3] = [Model::Gil, Model::Processes, Model::FreeThreaded];

/// The runs to make, workers first so every line grows together as results arrive. The first run
/// only warms up (pool threads, caches); the second run of the same kind replaces its figure.
pub fn plan() -> Vec<(Model, u32)> {
    std::iter::once((Model::Gil, 1)).chain((1..=MAX_WORKERS).flat_map(|w| MODELS.map(|m| (m, w)))).collect()
}

pub fn scenario(model: Model, workers: u32) -> Scenario {
    let calls = vec![Call::Compute { n: N }; MAX_WORKERS as usize];
    Scenario::new(model, Program::Executor { max_workers: Some(workers), calls, collect: Collect::Map })
}

/// How the chart names and draws a model.
pub fn name(model: Model) -> &'static str {
    match model {
        Model::Gil => "threads with the GIL",
        Model::Processes => "processes",
        Model::FreeThreaded => "free-threaded",
    }
}

pub fn class(model: Model) -> &'static str {
    match model {
        Model::Gil => "line-gil",
        Model::Processes => "line-processes",
        Model::FreeThreaded => "line-free",
    }
}

/// Elapsed times measured so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sweep {
    runs: Vec<(Model, u32, f64)>,
}

/// One model's line on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLine {
    pub model: Model,
    /// SVG `points`: "x,y x,y …".
    pub points: String,
    /// The speedup at each worker count measured, for the table beside the chart.
    pub speedups: Vec<(u32, f64)>,
}

/// The chart in a `width × height` box: x is workers 1…8, y is speedup 0…max.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub lines: Vec<ChartLine>,
    /// The ideal `speedup = workers` line, up to the top of the chart.
    pub ideal: String,
    pub y_max: f64,
    /// (x, label) along the bottom and (y, label) up the side.
    pub x_ticks: Vec<(f64, String)>,
    pub y_ticks: Vec<(f64, String)>,
}

impl Sweep {
    pub fn record(&mut self, model: Model, workers: u32, elapsed_ms: f64) {
        self.runs.push((model, workers, elapsed_ms));
    }

    pub fn len(&self) -> usize {
        self.runs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    fn elapsed(&self, model: Model, workers: u32) -> Option<f64> {
        self.runs.iter().rfind(|(m, w, _)| *m == model && *w == workers).map(|r| r.2)
    }

    /// Elapsed with one worker divided by elapsed with `workers`, for the same model.
    pub fn speedup(&self, model: Model, workers: u32) -> Option<f64> {
        Some(self.elapsed(model, 1)? / self.elapsed(model, workers)?)
    }

    pub fn chart(&self, width: f64, height: f64) -> Chart {
        let speedups = |m: Model| (1..=MAX_WORKERS).filter_map(|w| Some((w, self.speedup(m, w)?))).collect::<Vec<_>>();
        let best = MODELS.iter().flat_map(|m| speedups(*m)).map(|(_, s)| s).fold(1.0, f64::max);
        let y_max = best.ceil().max(2.0);
        let x = |w: f64| (w - 1.0) / f64::from(MAX_WORKERS - 1) * width;
        let y = |s: f64| height - s.min(y_max) / y_max * height;
        let lines = MODELS
            .iter()
            .map(|m| {
                let s = speedups(*m);
                let points = s
                    .iter()
                    .map(|(w, v)| format!("{:.1},{:.1}", x(f64::from(*w)), y(*v)))
                    .collect::<Vec<_>>()
                    .join(" ");
                ChartLine { model: *m, points, speedups: s }
            })
            .collect();
        let ideal = format!("{:.1},{:.1} {:.1},{:.1}", x(1.0), y(1.0), x(y_max.min(8.0)), y(y_max.min(8.0)));
        let x_ticks = (1..=MAX_WORKERS).map(|w| (x(f64::from(w)), w.to_string())).collect();
        let y_ticks = (0..=y_max as u32).map(|s| (y(f64::from(s)), format!("{s}×"))).collect();
        Chart { lines, ideal, y_max, x_ticks, y_ticks }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_covers_every_model_at_every_worker_count() {
        assert_eq!(plan().len(), 25, "a warm-up, then 8 worker counts × 3 models");
        assert_eq!(plan()[..4], [(Model::Gil, 1), (Model::Gil, 1), (Model::Processes, 1), (Model::FreeThreaded, 1)]);
    }

    #[test]
    fn speedups_are_against_the_same_models_one_worker_run() {
        let mut s = Sweep::default();
        s.record(Model::Gil, 1, 400.0);
        s.record(Model::Gil, 2, 410.0);
        s.record(Model::Processes, 1, 420.0);
        s.record(Model::Processes, 2, 210.0);
        assert_eq!(s.speedup(Model::Processes, 2), Some(2.0));
        let c = s.chart(280.0, 100.0);
        assert_eq!(c.y_max, 2.0);
        assert_eq!(c.lines[1].points, "0.0,50.0 40.0,0.0");
        assert!(c.lines[2].points.is_empty(), "free-threaded has not run yet");
        assert_eq!(c.y_ticks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["0×", "1×", "2×"]);
    }
}
