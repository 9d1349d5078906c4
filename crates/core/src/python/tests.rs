//! Snapshot tests of simulated runs: the schedule is deterministic, so a run renders as fixed text.
//!
//! Each test states a scenario and the trace it must produce (one line per thread, times in ms
//! from the start, `#k` the task), then what the program printed. Property tests of the real
//! runtime, whose schedules are not deterministic, live in `tests_threads.rs`.

use std::sync::atomic::AtomicBool;

use expect_test::{expect, Expect};

use super::*;

pub(crate) fn opts(cores: u32) -> RunOptions {
    RunOptions { cores, max_threads: 64, clock: native_clock, pace: Pace::NATIVE }
}

/// Milliseconds since the first call, on one clock for every thread.
pub(crate) fn native_clock() -> f64 {
    static T0: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    T0.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1e3
}

fn sim(scenario: &Scenario) -> RunReport {
    simulate(scenario, &opts(4), &AtomicBool::new(false)).unwrap()
}

fn check(scenario: Scenario, grain_ms: f64, expect: Expect) {
    expect.assert_eq(&sim(&scenario).render(grain_ms));
}

pub(crate) fn executor(model: Model, workers: u32, calls: Vec<Call>, collect: Collect) -> Scenario {
    Scenario::new(model, Program::Executor { max_workers: Some(workers), calls, collect })
}

pub(crate) fn computes(model: Model, workers: u32, tasks: usize, n: u64) -> Scenario {
    executor(model, workers, vec![Call::Compute { n }; tasks], Collect::Map)
}

pub(crate) fn fetch(user: &str, latency_ms: u32, fail: Option<Failure>) -> Call {
    Call::Fetch { url: format!("https://api.github.com/users/{user}"), latency_ms, timeout_ms: 2_000, fail }
}

fn counter(model: Model, variant: CounterVariant, threads: u32, increments: u32) -> Scenario {
    Scenario::new(model, Program::Counter { variant, threads, increments })
}

#[test]
fn cpu_bound_threads_take_turns_holding_the_gil() {
    check(
        computes(Model::Gil, 2, 2, 200_000),
        1.0,
        expect![[r#"
        MainThread: run 0-0, join 0-31, gil-wait 31-31, run 31-31
        ThreadPoolExecutor-0_0: gil-wait 0-0 #0, run 0-5 #0, gil-wait 5-10 #0, run 10-15 #0, gil-wait 15-20 #0, run 20-25 #0, gil-wait 25-30 #0, run 30-31 #0, queue-wait 31-31
        ThreadPoolExecutor-0_1: queue-wait 0-0, gil-wait 0-5 #1, run 5-10 #1, gil-wait 10-15 #1, run 15-20 #1, gil-wait 20-25 #1, run 25-30 #1, gil-wait 30-31 #1, run 31-31 #1, queue-wait 31-31
        > ✅ compute(200_000): 59628255.585403584
        > ✅ compute(200_000): 59628255.585403584
    "#]],
    );
}

#[test]
fn free_threaded_threads_run_at_once() {
    check(
        computes(Model::FreeThreaded, 2, 2, 200_000),
        1.0,
        expect![[r#"
        MainThread: run 0-0, join 0-15, run 15-15, join 15-15, run 15-15
        ThreadPoolExecutor-0_0: run 0-15 #0, queue-wait 15-15
        ThreadPoolExecutor-0_1: queue-wait 0-0, run 0-15 #1, queue-wait 15-15
        > ✅ compute(200_000): 59628255.585403584
        > ✅ compute(200_000): 59628255.585403584
    "#]],
    );
}

#[test]
fn processes_start_up_then_run_at_once() {
    check(
        computes(Model::Processes, 2, 2, 200_000),
        1.0,
        expect![[r#"
        MainThread: run 0-0, join 0-19, run 19-19, join 19-24, run 24-24
        ForkProcess-1: startup 0-4, run 4-19 #0, queue-wait 19-24
        ForkProcess-2: startup 0-8, run 8-24 #1, queue-wait 24-24
        > ✅ compute(200_000): 59628255.585403584
        > ✅ compute(200_000): 59628255.585403584
    "#]],
    );
}

#[test]
fn io_bound_threads_release_the_gil_while_waiting() {
    let calls = vec![
        fetch("torvalds", 300, None),
        fetch("gvanrossum", 100, Some(Failure::NotFound)),
        fetch("antirez", 200, Some(Failure::Timeout)),
    ];
    check(
        executor(Model::Gil, 3, calls, Collect::AsCompleted),
        1.0,
        expect![[r#"
        MainThread: run 0-0, join 0-100, run 100-100, join 100-300, run 300-300, join 300-2000, run 2000-2000
        ThreadPoolExecutor-0_0: gil-wait 0-0 #0, run 0-0 #0, io 0-300 #0, run 300-300 #0, queue-wait 300-2000
        ThreadPoolExecutor-0_1: queue-wait 0-0, gil-wait 0-0 #1, run 0-0 #1, io 0-100 #1, run 100-100 #1, queue-wait 100-2000
        ThreadPoolExecutor-0_2: queue-wait 0-0, gil-wait 0-0 #2, run 0-0 #2, io 0-2000 #2, run 2000-2000 #2, queue-wait 2000-2000
        > ❌ risky_fetch("https://api.github.com/users/gvanrossum") failed: 404 Client Error: Not Found for url: https://api.github.com/users/gvanrossum
        > ✅ risky_fetch("https://api.github.com/users/torvalds"): {'name': 'torvalds'}
        > ❌ risky_fetch("https://api.github.com/users/antirez") failed: HTTPSConnectionPool(host='api.github.com', port=443): Read timed out. (read timeout=2)
    "#]],
    );
}

#[test]
fn map_reraises_the_first_failure_in_submission_order() {
    let calls = vec![fetch("a", 10, None), fetch("b", 30, Some(Failure::NotFound)), fetch("c", 20, None)];
    let report = sim(&executor(Model::Gil, 3, calls, Collect::Map));
    expect![[r#"
        [
            "✅ risky_fetch(\"https://api.github.com/users/a\"): {'name': 'a'}",
            "list(pool.map(...)) raised HTTPError: 404 Client Error: Not Found for url: https://api.github.com/users/b",
        ]
    "#]]
    .assert_debug_eq(&report.output);
    assert_eq!(report.collected, vec![0, 1]);
}

#[test]
fn zlib_releases_the_gil_but_pure_python_compression_does_not() {
    let files = |flavour| (0..2).map(|file| Call::Compress { file, kb: 256, flavour }).collect();
    check(
        executor(Model::Gil, 2, files(Flavour::Zlib), Collect::Map),
        0.5,
        expect![[r#"
        MainThread: run 0-0, join 0-6.5, run 6.5-6.5, join 6.5-6.5, run 6.5-6.5
        ThreadPoolExecutor-0_0: gil-wait 0-0 #0, run 0-0 #0, c 0-6.5 #0, queue-wait 6.5-6.5
        ThreadPoolExecutor-0_1: queue-wait 0-0, gil-wait 0-0 #1, run 0-0 #1, c 0-6.5 #1, queue-wait 6.5-6.5
        > ✅ zlib.compress(files[0]): 44481
        > ✅ zlib.compress(files[1]): 44594
    "#]],
    );
    check(
        executor(Model::Gil, 2, files(Flavour::PurePython), Collect::Map),
        0.5,
        expect![[r#"
        MainThread: run 0-0, join 0-12.5, gil-wait 12.5-14.5, run 14.5-14.5
        ThreadPoolExecutor-0_0: gil-wait 0-0 #0, run 0-5 #0, gil-wait 5-11 #0, run 11-12.5 #0, queue-wait 12.5-14.5
        ThreadPoolExecutor-0_1: queue-wait 0-0, gil-wait 0-5 #1, run 5-11 #1, gil-wait 11-12.5 #1, run 12.5-14.5 #1, queue-wait 14.5-14.5
        > ✅ py_compress(files[0]): 44481
        > ✅ py_compress(files[1]): 44594
    "#]],
    );
}

#[test]
fn the_gil_protects_a_plain_increment_but_not_a_read_call_write() {
    let printed = |model, variant| {
        let r = sim(&counter(model, variant, 4, 200_000));
        (r.output.last().cloned().unwrap(), r.counter.unwrap().lost())
    };
    expect![[r#"
        [
            (
                "800000",
                0,
            ),
            (
                "800000",
                0,
            ),
            (
                "490200",
                309800,
            ),
            (
                "320982",
                479018,
            ),
            (
                "800000",
                0,
            ),
            (
                "0",
                800000,
            ),
        ]
    "#]]
    .assert_debug_eq(&[
        printed(Model::Gil, CounterVariant::Lock),
        printed(Model::Gil, CounterVariant::Plain),
        printed(Model::Gil, CounterVariant::ReadCallWrite),
        printed(Model::FreeThreaded, CounterVariant::Plain),
        printed(Model::FreeThreaded, CounterVariant::Lock),
        printed(Model::Processes, CounterVariant::Lock),
    ]);
}

#[test]
fn a_stop_event_ends_the_worker_loop() {
    let s = |set_event, daemon| Scenario::new(Model::Gil, Program::StopEvent { run_ms: 250, set_event, daemon });
    check(
        s(true, false),
        1.0,
        expect![[r#"
        MainThread: io 0-250, run 250-250, join 250-300, run 300-300
        Thread-1 (worker): run 0-0, io 0-100, run 100-100, io 100-200, run 200-200, io 200-300, run 300-300
        > main: stop_event.set()
        > worker: stop_event is set, leaving after 3 rounds of do_work()
        > main: exits
    "#]],
    );
    check(
        s(false, true),
        1.0,
        expect![[r#"
        MainThread: io 0-250, run 250-250
        Thread-1 (worker): run 0-0, io 0-100, run 100-100, io 100-200, run 200-200, io 200-250
        > main: exits
    "#]],
    );
    check(
        s(false, false),
        1.0,
        expect![[r#"
        MainThread: io 0-250, run 250-250, join 250-1250, run 1250-1250
        Thread-1 (worker): run 0-0, io 0-100, run 100-100, io 100-200, run 200-200, io 200-300, run 300-300, io 300-400, run 400-400, io 400-500, run 500-500, io 500-600, run 600-600, io 600-700, run 700-701, io 701-801, run 801-801, io 801-901, run 901-901, io 901-1001, run 1001-1001, io 1001-1101, run 1101-1101, io 1101-1201, run 1201-1201, io 1201-1250
        > main: exits, but the non-daemon worker never stops, so Python would wait for it forever (the playground gave up after 1 s)
    "#]],
    );
}

#[test]
fn the_lessons_task_queue_hangs_on_join_unless_pills_are_marked_done() {
    let s = |pill_task_done| Scenario::new(Model::Gil, Program::TaskQueue { workers: 2, items: 5, pill_task_done });
    check(
        s(false),
        0.1,
        expect![[r#"
        MainThread: run 0-0, queue-wait 0-0.4, run 0.4-0.4
        Thread-1 (worker): gil-wait 0-0, run 0-0.4
        Thread-2 (worker): gil-wait 0-0.4, run 0.4-0.4
        > task_queue.join() never returns: the 2 poison pills were taken but never marked task_done(), so Python would wait here forever
    "#]],
    );
    check(
        s(true),
        0.1,
        expect![[r#"
        MainThread: run 0-0, queue-wait 0-0.4, run 0.4-0.4
        Thread-1 (worker): gil-wait 0-0, run 0-0.4
        Thread-2 (worker): gil-wait 0-0.4, run 0.4-0.4
        > task_queue.join() returned: 5 results, their sum is 55
    "#]],
    );
}

#[test]
fn the_simulation_is_deterministic() {
    let s = counter(Model::FreeThreaded, CounterVariant::ReadCallWrite, 3, 5_000);
    assert_eq!(sim(&s), sim(&s));
}

/// A simulation paused every few hundred steps and streamed delta by delta is the same run: the
/// deltas put back together draw what the report holds.
#[test]
fn a_streamed_simulation_is_the_same_run_in_pieces() {
    let s = computes(Model::Gil, 3, 6, 200_000);
    let whole = sim(&s);
    let mut run = Simulation::new(&s, &opts(4)).unwrap();
    let (mut live, mut deltas, mut wall) = (LiveTrace::new(), 0, 0.0);
    while !run.run(&AtomicBool::new(false), || true).unwrap() {
        wall += 10.0;
        live.apply(run.delta(wall));
        deltas += 1;
    }
    live.apply(run.delta(wall + 10.0));
    let report = run.report();
    assert_eq!(report, whole, "pausing does not change the schedule");
    assert!(deltas >= 5, "{deltas} deltas");
    assert_eq!(live.snapshot().render(0.001), whole.trace.render(0.001));
    assert!(live.to_trace_clock(wall) > 0.0, "the modelled clock advanced between deltas");
}
