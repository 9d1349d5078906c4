//! Property tests of the real runtime: schedules differ from run to run, so these check what must
//! hold whatever the schedule (exact totals, orders, exceptions, the GIL's one-holder rule).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::tests::{computes, executor, fetch, native_clock, opts};
use super::*;

fn run(s: &Scenario) -> RunReport {
    run_threads(s, &opts(4), &StdThreads, &AtomicBool::new(false)).unwrap()
}

fn counter(model: Model, variant: CounterVariant) -> RunReport {
    run(&Scenario::new(model, Program::Counter { variant, threads: 10, increments: 10_000 }))
}

#[test]
fn a_lock_makes_the_counter_exact_in_every_model() {
    for model in [Model::Gil, Model::FreeThreaded] {
        let r = counter(model, CounterVariant::Lock);
        assert_eq!(r.output, vec!["100000"], "{model:?}");
        assert_eq!(r.counter.unwrap().lost(), 0);
    }
}

#[test]
fn a_worker_process_changes_its_own_copy_of_the_counter() {
    // The classic multiprocessing surprise: the parent's `counter` is still 0.
    let r = counter(Model::Processes, CounterVariant::Lock);
    assert_eq!(r.output, vec!["0"]);
}

#[test]
fn the_gil_keeps_a_plain_increment_whole() {
    // CPython 3.10+ only hands the GIL over at backward jumps and calls, never inside `counter += 1`.
    assert_eq!(counter(Model::Gil, CounterVariant::Plain).counter.unwrap().lost(), 0);
}

#[test]
fn map_returns_in_submission_order_whatever_finishes_first() {
    let calls: Vec<Call> = [50, 10, 30, 0, 20].iter().map(|ms| fetch("u", *ms, None)).collect();
    let r = run(&executor(Model::Gil, 5, calls, Collect::Map));
    assert_eq!(r.collected, vec![0, 1, 2, 3, 4]);
    assert_eq!(r.output.len(), 5);
}

#[test]
fn as_completed_yields_in_completion_order() {
    for model in [Model::Gil, Model::FreeThreaded, Model::Processes] {
        let calls: Vec<Call> = [60, 0, 40, 20].iter().map(|ms| fetch("u", *ms, None)).collect();
        let r = run(&executor(model, 4, calls, Collect::AsCompleted));
        let mut by_finish: Vec<&TaskReport> = r.tasks.iter().collect();
        by_finish.sort_by(|a, b| a.finished_ms.partial_cmp(&b.finished_ms).unwrap());
        let order: Vec<u32> = by_finish.iter().map(|t| t.id).collect();
        assert_eq!(r.collected, order, "{model:?}");
        assert_eq!(r.collected, vec![1, 3, 2, 0], "{model:?}: the latencies are 20 ms apart");
    }
}

#[test]
fn an_exception_reaches_exactly_its_own_future() {
    for model in [Model::Gil, Model::Processes] {
        let calls = vec![fetch("a", 5, None), fetch("b", 5, Some(Failure::NotFound)), fetch("c", 5, None)];
        let r = run(&executor(model, 2, calls, Collect::Submit));
        let raised: Vec<bool> = r.tasks.iter().map(|t| matches!(t.outcome, Some(Outcome::Raised { .. }))).collect();
        assert_eq!(raised, vec![false, true, false], "{model:?}");
        assert!(r.output[1].starts_with("❌ risky_fetch(\"https://api.github.com/users/b\") failed: 404"));
        assert!(r.output[2].starts_with("✅"), "later futures still deliver: {:?}", r.output);
    }
}

#[test]
fn with_the_gil_only_one_thread_runs_bytecode_at_a_time() {
    let r = run(&computes(Model::Gil, 4, 4, 300_000));
    let runs: Vec<(usize, &Span)> = r.trace.spans().filter(|(_, s)| s.kind == SpanKind::Run).collect();
    for (i, (wa, a)) in runs.iter().enumerate() {
        for (wb, b) in &runs[i + 1..] {
            if wa != wb && a.start_ms < b.end_ms && b.start_ms < a.end_ms {
                eprintln!("overlap {wa} {a:?} / {wb} {b:?}");
            }
        }
    }
    assert_eq!(r.trace.overlapping(SpanKind::Run), 0, "{}", r.trace.render(0.01));
    assert!(r.gil_switches > 1);
}

#[test]
fn free_threaded_and_processes_run_bytecode_at_the_same_time() {
    for model in [Model::FreeThreaded, Model::Processes] {
        let r = run(&computes(model, 4, 4, 3_000_000));
        assert!(r.trace.overlapping(SpanKind::Run) >= 2, "{model:?}:\n{}", r.trace.render(0.1));
        if model == Model::FreeThreaded {
            assert_eq!(r.gil_switches, 0);
        }
    }
}

#[test]
fn zlib_compresses_without_the_gil() {
    let calls = (0..2).map(|file| Call::Compress { file, kb: 512, flavour: Flavour::Zlib }).collect();
    let r = run(&executor(Model::Gil, 2, calls, Collect::Map));
    assert!(r.trace.overlapping(SpanKind::C) >= 2 || r.trace.workers[1].totals_ms[1] > 0.0);
    assert_eq!(r.trace.overlapping(SpanKind::Run), 0);
    let sizes: Vec<&str> = r.output.iter().map(|l| l.rsplit(' ').next().unwrap()).collect();
    assert!(sizes.iter().all(|s| s.parse::<u32>().unwrap() < 512 * 1024 / 2), "{sizes:?}");
}

/// The stop flag is honoured mid-run in every model. The run would take many seconds; the bound is
/// loose on purpose (a shared 2-core machine can stall a debug build's thread for 100 ms and more):
/// what is tested is that waits poll the flag, and the browser test measures the 100 ms itself.
#[test]
fn a_stopped_run_stops_promptly() {
    for model in [Model::Gil, Model::FreeThreaded, Model::Processes] {
        let stop = AtomicBool::new(false);
        let s = computes(model, 3, 6, 50_000_000);
        let stopped_at = std::thread::scope(|scope| {
            let handle = scope.spawn(|| run_threads(&s, &opts(4), &StdThreads, &stop));
            std::thread::sleep(std::time::Duration::from_millis(50));
            stop.store(true, Ordering::Relaxed);
            let t = Instant::now();
            assert_eq!(handle.join().unwrap().unwrap_err(), RunError::Cancelled);
            t.elapsed()
        });
        assert!(stopped_at.as_millis() < 1_000, "{model:?} took {stopped_at:?} to stop");
    }
    let stop = AtomicBool::new(true);
    assert_eq!(simulate(&computes(Model::Gil, 2, 2, 50_000_000), &opts(4), &stop), Err(RunError::Cancelled));
}

#[test]
fn the_lessons_queue_and_event_listings_end() {
    let q = Scenario::new(Model::Gil, Program::TaskQueue { workers: 4, items: 20, pill_task_done: false });
    assert!(run(&q).output[0].starts_with("task_queue.join() never returns"));
    let q = Scenario::new(Model::Gil, Program::TaskQueue { workers: 4, items: 20, pill_task_done: true });
    assert_eq!(run(&q).output, vec!["task_queue.join() returned: 20 results, their sum is 2870"]);
    let e = Scenario::new(Model::Gil, Program::StopEvent { run_ms: 150, set_event: true, daemon: true });
    let out = run(&e).output;
    assert_eq!(out[0], "main: stop_event.set()");
}

#[test]
fn out_of_range_parameters_are_sentences_not_panics() {
    let err = |s: Scenario| run_threads(&s, &opts(4), &StdThreads, &AtomicBool::new(false)).unwrap_err().to_string();
    assert_eq!(err(computes(Model::Gil, 2, 2, 0)), "n must be at least 1 (got 0)");
    assert_eq!(err(computes(Model::Gil, 40, 2, 10)), "max_workers must be at most 32 (got 40)");
    assert_eq!(err(computes(Model::Gil, 2, 33, 10)), "tasks must be at most 32 (got 33)");
    let few = RunOptions { max_threads: 4, ..opts(4) };
    let e = run_threads(&computes(Model::Gil, 8, 8, 10), &few, &StdThreads, &AtomicBool::new(false));
    assert_eq!(
        e.unwrap_err().to_string(),
        "this run needs 9 threads (the main thread included) but this page can run 4 at once: lower max_workers"
    );
    let _ = native_clock();
}

#[test]
fn python_default_max_workers() {
    let s = |model| {
        Scenario::new(
            model,
            Program::Executor { max_workers: None, calls: vec![Call::Compute { n: 1 }; 32], collect: Collect::Map },
        )
    };
    assert_eq!(s(Model::Gil).threads(2), 6, "min(32, cores + 4)");
    assert_eq!(s(Model::Gil).threads(64), 32);
    assert_eq!(s(Model::Processes).threads(2), 2, "cores");
}

/// A run on real threads can be read while it goes, without stopping it: deltas arrive while it
/// runs, and what they carry are the spans the report ends with.
#[test]
fn a_run_on_threads_streams_while_it_runs() {
    let s = computes(Model::Gil, 3, 6, 2_000_000);
    let live = Live::new();
    let done = AtomicBool::new(false);
    let (report, deltas) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| {
            let r = run_threads_live(&s, &opts(4), &StdThreads, &AtomicBool::new(false), &live);
            done.store(true, Ordering::Release);
            r
        });
        let mut deltas = Vec::new();
        while !done.load(Ordering::Acquire) {
            std::thread::sleep(std::time::Duration::from_millis(5));
            deltas.push(live.take(native_clock(), native_clock()));
        }
        (handle.join().unwrap().unwrap(), deltas)
    });
    let during: Vec<usize> =
        deltas.iter().map(|d| d.lanes.iter().map(|l| l.spans.len() + usize::from(l.open.is_some())).sum()).collect();
    assert!(during.iter().filter(|n| **n > 0).count() >= 2, "news arrived in at least two deltas: {during:?}");
    let mut merged = LiveTrace::new();
    for d in deltas {
        merged.apply(d);
    }
    let merged = merged.snapshot();
    assert_eq!(merged.workers.len(), report.trace.workers.len());
    for (streamed, reported) in merged.workers.iter().zip(&report.trace.workers) {
        let closed = &streamed.spans[..streamed.spans.len().saturating_sub(1)];
        assert!(
            closed.iter().all(|s| reported.spans.contains(s)),
            "{}: streamed spans are the report's",
            streamed.name
        );
    }
}
