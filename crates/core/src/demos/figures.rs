//! The figures under a demo's timeline: elapsed time, the speedup against running the same work one
//! thing after another, and how busy the machine's cores were.

use crate::python::{CounterReport, RunReport, SpanKind};
use crate::report::format_ms;

fn index(kind: SpanKind) -> usize {
    SpanKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// What one run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub elapsed_ms: f64,
    /// What the same work takes one after another: every thread's I/O time, plus its running time
    /// capped at what the cores could give (threads time-sliced on fewer cores run "longer").
    pub serial_ms: f64,
    /// Time some thread spent running code (Python or C), all threads together.
    pub cpu_ms: f64,
    pub cores: u32,
    pub gil_switches: u64,
    pub counter: Option<CounterReport>,
}

impl Figures {
    pub fn of(report: &RunReport, cores: u32) -> Self {
        let sum = |kinds: &[SpanKind]| -> f64 {
            report.trace.workers.iter().map(|w| kinds.iter().map(|k| w.totals_ms[index(*k)]).sum::<f64>()).sum()
        };
        let cpu_ms = sum(&[SpanKind::Run, SpanKind::C]).min(report.elapsed_ms * f64::from(cores.max(1)));
        Figures {
            elapsed_ms: report.elapsed_ms,
            serial_ms: cpu_ms + sum(&[SpanKind::Io]),
            cpu_ms,
            cores: cores.max(1),
            gil_switches: report.gil_switches,
            counter: report.counter,
        }
    }

    /// How many times faster than the same work one after another.
    pub fn speedup(&self) -> f64 {
        if self.elapsed_ms > 0.0 {
            self.serial_ms / self.elapsed_ms
        } else {
            f64::NAN
        }
    }

    /// The share of the cores' time spent running code, 0 to 1.
    pub fn busy(&self) -> f64 {
        if self.elapsed_ms > 0.0 {
            (self.cpu_ms / (self.elapsed_ms * f64::from(self.cores))).min(1.0)
        } else {
            0.0
        }
    }

    /// The figures as the card lists them: a term and its value.
    pub fn lines(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("Elapsed", format_ms(self.elapsed_ms)),
            ("Same work one after another", format_ms(self.serial_ms)),
            ("Speedup vs one after another", format!("{:.2}×", self.speedup())),
            (
                "Cores busy",
                format!(
                    "{:.0} % of {} core{}",
                    self.busy() * 100.0,
                    self.cores,
                    if self.cores == 1 { "" } else { "s" }
                ),
            ),
        ];
        if self.gil_switches > 0 {
            out.push(("GIL hand-overs", self.gil_switches.to_string()));
        }
        if let Some(c) = self.counter {
            out.push((
                "Lost updates",
                format!("{} of {}", crate::params::python_int(c.lost()), crate::params::python_int(c.expected)),
            ));
        }
        out
    }
}
