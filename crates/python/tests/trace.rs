//! `--trace`: small programs run with a recording, and what their trace says each thread did.
//! Each test names the behaviour it checks; they run with real threads (the GIL on and off) and
//! in `--simulate`, where the virtual clock makes the figures exact. The Chrome trace is parsed
//! back to check it is the Trace Event Format's JSON.

use std::sync::Arc;

use playground_python::host::CaptureHost;
use playground_python::trace::{chrome, LaneSnapshot, Recording, Snapshot, Span, State};
use playground_python::{runtime, Config, StopHandle};
use serde_json::Value;

/// The tests measure time on a 2-core machine, so they take turns.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    GilOn,
    GilOff,
    Simulate,
    SimulateGilOff,
}

use Mode::*;

impl Mode {
    fn config(self) -> Config {
        let (gil, simulate) = match self {
            GilOn => (true, false),
            GilOff => (false, false),
            Simulate => (true, true),
            SimulateGilOff => (false, true),
        };
        Config { gil, simulate, trace: Some(Recording::new()), ..Config::default() }
    }
    fn simulated(self) -> bool {
        matches!(self, Simulate | SimulateGilOff)
    }
}

struct Traced {
    snap: Snapshot,
    json: Value,
    out: String,
}

fn traced(src: &str, mode: Mode) -> Traced {
    let host = Arc::new(CaptureHost::default());
    let config = mode.config();
    let recording = config.trace.clone().unwrap();
    let outcome = runtime::run_source(src, "test.py", config.clone(), host.clone(), &StopHandle::new());
    let err = host.err.lock().unwrap().clone();
    assert_eq!(outcome.exit_code, 0, "{mode:?}: {err}");
    let snap = recording.snapshot();
    let json = serde_json::from_str(&chrome::export(&snap, &config)).expect("the trace is JSON");
    let out = host.out.lock().unwrap().clone();
    Traced { snap, json, out }
}

fn lane<'a>(snap: &'a Snapshot, name: &str) -> &'a LaneSnapshot {
    snap.named(name).unwrap_or_else(|| panic!("no thread named {name} in\n{}", snap.render(0.1)))
}

fn spans(lane: &LaneSnapshot, state: State) -> Vec<Span> {
    lane.spans.iter().filter(|s| s.state == state).copied().collect()
}

fn total(lane: &LaneSnapshot, state: State) -> f64 {
    lane.totals_ms[state.index()]
}

/// Milliseconds during which spans of `state` on both lanes overlap.
fn overlap(a: &LaneSnapshot, b: &LaneSnapshot, state: State) -> f64 {
    let mut ms = 0.0;
    for x in spans(a, state) {
        for y in spans(b, state) {
            ms += (x.end_ms.min(y.end_ms) - x.start_ms.max(y.start_ms)).max(0.0);
        }
    }
    ms
}

const QUEUE_WAIT: &str = r#"
import queue, threading, time
q = queue.Queue()
def consumer():
    print(q.get())
    for i in range(20_000):
        pass
t = threading.Thread(target=consumer, name="consumer")
t.start()
time.sleep(0.05)
q.put("item")
t.join()
"#;

#[test]
fn a_thread_blocked_on_get_waits_on_the_queue_until_another_thread_puts() {
    let _turn = serial();
    for mode in [GilOn, GilOff, Simulate] {
        let t = traced(QUEUE_WAIT, mode);
        assert_eq!(t.out, "item\n");
        let shown = t.snap.render(0.1);
        let main = lane(&t.snap, "MainThread");
        let consumer = lane(&t.snap, "consumer");
        let sleep = *spans(main, State::Sleep).first().unwrap_or_else(|| panic!("{mode:?}: no sleep\n{shown}"));
        assert!(sleep.ms() >= 49.0, "{mode:?}: {shown}");
        let wait = spans(consumer, State::Queue);
        let [wait] = wait[..] else { panic!("{mode:?}: one queue wait expected\n{shown}") };
        assert!(wait.ms() >= 40.0, "{mode:?}: {shown}");
        // The wait ends when the main thread, back from its sleep, puts the item.
        let late = wait.end_ms - sleep.end_ms;
        let tolerance = if mode.simulated() { 0.5 } else { 25.0 };
        assert!((0.0..tolerance).contains(&late), "{mode:?}: the get returned {late} ms after the sleep\n{shown}");
        assert!(total(consumer, State::Lock) + total(consumer, State::Event) < 1.0, "{mode:?}: {shown}");
        assert!(!spans(main, State::Join).is_empty(), "{mode:?}: t.join() is a join\n{shown}");
    }
}

/// Two asyncio tasks waiting 50 and 100 ms: with no task ready, the event loop sleeps until its
/// next timer (`time.sleep`, the GIL released), so the main thread's trace shows a sleep per
/// timer adding up to the longest wait, not a loop spinning.
const ASYNC_WAITS: &str = r#"
import asyncio

async def wait(s):
    await asyncio.sleep(s)
    return s

async def main():
    print(await asyncio.gather(wait(0.05), wait(0.1)))

asyncio.run(main())
"#;

#[test]
fn an_event_loop_with_nothing_ready_sleeps_until_its_next_timer() {
    let _turn = serial();
    for mode in [GilOn, GilOff, Simulate] {
        let t = traced(ASYNC_WAITS, mode);
        assert_eq!(t.out, "[0.05, 0.1]\n");
        let shown = t.snap.render(0.1);
        let main = lane(&t.snap, "MainThread");
        assert!(total(main, State::Sleep) >= 95.0, "{mode:?}: {shown}");
        // On the virtual clock the two sleeps touch and show as one span.
        let sleeps = spans(main, State::Sleep).len();
        assert!(sleeps >= 2 || mode.simulated(), "{mode:?}: a sleep until each timer expected\n{shown}");
    }
}

/// Two CPU-bound threads, `spinner-0` and `spinner-1`, with a switch interval of `interval_s`.
fn spinners(interval_s: f64, n: u32) -> String {
    format!(
        r#"
import sys, threading
sys.setswitchinterval({interval_s})
def spin(n):
    x = 0
    for i in range(n):
        x += i
ts = [threading.Thread(target=spin, args=({n},), name=f"spinner-{{k}}") for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
"#
    )
}

#[test]
fn cpu_threads_with_the_gil_take_turns_handing_it_over_at_the_switch_interval() {
    let _turn = serial();
    for (mode, interval_ms) in [(GilOn, 10.0), (Simulate, 5.0)] {
        // Long enough for eight hand-overs at 10 ms: 2_000_000 iterations gave only six once the
        // loop got faster (no `for` iterator clone, no per-object locks under the GIL).
        let t = traced(&spinners(interval_ms / 1000.0, 6_000_000), mode);
        let shown = t.snap.render(0.1);
        let (a, b) = (lane(&t.snap, "spinner-0"), lane(&t.snap, "spinner-1"));
        for s in [a, b] {
            assert!(spans(s, State::Run).len() >= 4 && spans(s, State::GilWait).len() >= 4, "{mode:?}: {shown}");
        }
        // One runs while the other waits: their running barely overlaps.
        let both = overlap(a, b, State::Run);
        assert!(both < 0.05 * total(a, State::Run).min(total(b, State::Run)), "{mode:?}: {both} ms\n{shown}");
        // The waiter asks after the switch interval, so the holder is made to let go about then.
        let mut forced: Vec<f64> =
            [a, b].iter().flat_map(|l| l.handovers.iter().filter(|h| h.forced).map(|h| h.at_ms)).collect();
        forced.sort_by(f64::total_cmp);
        assert!(forced.len() >= 8, "{mode:?}: {} forced hand-overs\n{shown}", forced.len());
        let mut gaps: Vec<f64> = forced.windows(2).map(|p| p[1] - p[0]).collect();
        gaps.sort_by(f64::total_cmp);
        let median = gaps[gaps.len() / 2];
        if mode.simulated() {
            assert!((median - interval_ms).abs() < 0.01, "{mode:?}: median gap {median} ms");
        } else {
            // A real waiter must itself be scheduled to ask: on a loaded 2-core machine that adds
            // milliseconds, never less than the interval.
            assert!(median >= 0.9 * interval_ms && median <= 3.0 * interval_ms, "{mode:?}: median gap {median} ms");
        }
        // Each hand-over names the other spinner as the one that dropped the GIL.
        for (me, other) in [(a, b), (b, a)] {
            let from_other = me.handovers.iter().filter(|h| h.from == other.ident).count();
            assert!(from_other >= 3, "{mode:?}: {} took the GIL from {} {from_other} times", me.name, other.name);
        }
    }
}

#[test]
fn cpu_threads_without_the_gil_run_at_the_same_time() {
    let _turn = serial();
    for mode in [GilOff, SimulateGilOff] {
        let t = traced(&spinners(0.005, 2_000_000), mode);
        let shown = t.snap.render(0.1);
        let (a, b) = (lane(&t.snap, "spinner-0"), lane(&t.snap, "spinner-1"));
        let both = overlap(a, b, State::Run);
        assert!(both > 0.5 * total(a, State::Run).min(total(b, State::Run)), "{mode:?}: {both} ms\n{shown}");
        for s in [a, b] {
            assert_eq!((total(s, State::GilWait), s.handovers.len()), (0.0, 0), "{mode:?}: {shown}");
        }
    }
}

/// Threads that each block in one way, named after it; the main thread holds `lock` and joins.
const EVERY_WAIT: &str = r#"
import threading, time, requests
from concurrent.futures import ThreadPoolExecutor
ev = threading.Event()
cond = threading.Condition()
sem = threading.Semaphore(0)
lock = threading.Lock()
def on_event(): ev.wait()
def on_condition():
    with cond:
        cond.wait(0.03)
def on_semaphore(): sem.acquire()
def on_lock():
    with lock:
        pass
def sleeping(): time.sleep(0.03)
def fetching(): requests.get("https://api.github.com/users/antirez")
lock.acquire()
ts = [threading.Thread(target=f, name=f.__name__)
      for f in (on_event, on_condition, on_semaphore, on_lock, sleeping, fetching)]
for t in ts: t.start()
time.sleep(0.04)
ev.set()
sem.release()
lock.release()
with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(time.sleep, 0.03).result())
for t in ts: t.join()
"#;

#[test]
fn each_blocked_state_comes_from_what_the_program_called() {
    let _turn = serial();
    for mode in [GilOn, Simulate] {
        let t = traced(EVERY_WAIT, mode);
        let shown = t.snap.render(0.1);
        let expect = [
            ("on_event", State::Event, 35.0),
            ("on_condition", State::Event, 25.0),
            ("on_semaphore", State::Lock, 35.0),
            ("on_lock", State::Lock, 35.0),
            ("sleeping", State::Sleep, 29.0),
            ("fetching", State::Network, 79.0),
            ("ThreadPoolExecutor-0_0", State::Sleep, 29.0),
            ("MainThread", State::Join, 29.0),
        ];
        for (name, state, at_least) in expect {
            let l = lane(&t.snap, name);
            assert!(total(l, state) >= at_least, "{mode:?}: {name} {} {}\n{shown}", state.label(), total(l, state));
            // And nothing else it could be mistaken for (the main thread also sleeps, and waits
            // for each thread it starts to tell it has started: an event).
            for other in [State::Lock, State::Queue, State::Event, State::Sleep, State::Network] {
                if other != state && name != "MainThread" {
                    assert!(total(l, other) < 5.0, "{mode:?}: {name} {} {}\n{shown}", other.label(), total(l, other));
                }
            }
        }
    }
}

/// `n` processes that each count to 3,000,000: some 50 ms of work, so that the two overlap by
/// more than the OS's scheduling noise on a loaded machine (300,000 took 6 ms once the loop got
/// faster, and the overlap check failed once under load).
fn crunchers(n: usize) -> String {
    format!(
        r#"
import multiprocessing
def crunch():
    x = 0
    for i in range(3_000_000):
        x += i
if __name__ == "__main__":
    ps = [multiprocessing.Process(target=crunch, name=f"cruncher-{{k}}") for k in range({n})]
    for p in ps: p.start()
    for p in ps: p.join()
"#
    )
}

#[test]
fn processes_have_a_gil_each_so_they_run_at_the_same_time() {
    let _turn = serial();
    for mode in [GilOn, Simulate] {
        let t = traced(&crunchers(2), mode);
        let shown = t.snap.render(0.1);
        let children: Vec<&LaneSnapshot> = t.snap.lanes.iter().filter(|l| l.pid != 4242).collect();
        let [a, b] = children[..] else { panic!("{mode:?}: two processes expected\n{shown}") };
        assert!(total(a, State::Startup) >= 3.9 && total(b, State::Startup) >= 3.9, "{mode:?}: {shown}");
        let both = overlap(a, b, State::Run);
        assert!(both > 0.5 * total(a, State::Run).min(total(b, State::Run)), "{mode:?}: {both} ms\n{shown}");
        assert_eq!(a.handovers.len() + b.handovers.len(), 0, "{mode:?}: a process's only thread keeps its GIL");
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        if mode.simulated() && cores >= 2 {
            // On the virtual clock, with as many cores as this machine, two processes take as
            // long as one.
            let one = traced(&crunchers(1), mode).snap;
            let (t1, t2) = (one.end_ms - one.start_ms, t.snap.end_ms - t.snap.start_ms);
            assert!(t2 < 1.2 * t1, "one process {t1} ms, two {t2} ms\n{shown}");
        }
    }
}

const WITH_A_PROCESS: &str = r#"
import multiprocessing, threading, requests
def child():
    sum(i * i for i in range(20_000))
def fetch():
    requests.get("https://api.github.com/users/antirez")
if __name__ == "__main__":
    p = multiprocessing.Process(target=child, name="cruncher")
    t = threading.Thread(target=fetch, name="fetcher")
    p.start()
    t.start()
    t.join()
    p.join()
    print(p.exitcode)
"#;

#[test]
fn the_chrome_trace_parses_back_with_a_track_per_thread_and_a_process_per_process() {
    let _turn = serial();
    for mode in [GilOn, Simulate] {
        let t = traced(WITH_A_PROCESS, mode);
        assert_eq!(t.out, "0\n");
        let ev = t.json["traceEvents"].as_array().expect("traceEvents");
        assert_eq!(t.json["displayTimeUnit"], "ms");
        let of = |ph: &str| ev.iter().filter(|e| e["ph"] == ph).collect::<Vec<_>>();
        let meta = |name: &str| of("M").into_iter().filter(|e| e["name"] == name).cloned().collect::<Vec<Value>>();
        // One process track per process, named; the child has a pid of its own.
        let processes = meta("process_name");
        let names: Vec<&str> = processes.iter().map(|e| e["args"]["name"].as_str().unwrap()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names[0].starts_with("MainProcess (pid 4242") && names[1].starts_with("cruncher (pid "), "{names:?}");
        let child_pid = processes[1]["pid"].as_u64().unwrap();
        assert_ne!(child_pid, 4242);
        // One thread track per Python thread, named as Python names it, ids unique in the run.
        let threads = meta("thread_name");
        let mut tracks: Vec<(u64, &str)> =
            threads.iter().map(|e| (e["pid"].as_u64().unwrap(), e["args"]["name"].as_str().unwrap())).collect();
        tracks.sort();
        assert_eq!(tracks, [(4242, "MainThread"), (4242, "fetcher"), (child_pid, "MainThread")]);
        let mut tids: Vec<u64> = threads.iter().map(|e| e["tid"].as_u64().unwrap()).collect();
        tids.dedup();
        assert_eq!(tids.len(), 3);
        // Spans are complete events in microseconds, on those tracks, named by state.
        let labels: Vec<&str> = State::ALL.iter().map(|s| s.label()).collect();
        let complete = of("X");
        for e in &complete {
            assert!(labels.contains(&e["name"].as_str().unwrap()), "{e}");
            assert!(e["ts"].as_f64().unwrap() >= 0.0 && e["dur"].as_f64().unwrap() >= 0.0, "{e}");
            assert!(threads.iter().any(|m| m["pid"] == e["pid"] && m["tid"] == e["tid"]), "{e}");
        }
        let span_ms = |pid: u64, state: &str| -> f64 {
            complete
                .iter()
                .filter(|e| e["pid"] == pid && e["name"] == state)
                .map(|e| e["dur"].as_f64().unwrap() / 1000.0)
                .sum()
        };
        assert!(span_ms(child_pid, "startup") >= 3.9, "the child's start-up shows");
        assert!(span_ms(4242, "network") >= 79.0, "the fetcher's request shows");
        // Every flow arrow that starts also ends, and hand-over instants are thread-scoped.
        let mut starts: Vec<u64> = of("s").iter().map(|e| e["id"].as_u64().unwrap()).collect();
        let mut ends: Vec<u64> = of("f").iter().map(|e| e["id"].as_u64().unwrap()).collect();
        starts.sort();
        ends.sort();
        assert_eq!(starts, ends);
        assert!(of("f").iter().all(|e| e["bp"] == "e"));
        assert!(of("i").iter().all(|e| e["s"] == "t" && e["args"]["from"].is_string()));
        assert_eq!(t.json["otherData"]["simulate"], mode.simulated());
    }
}

#[test]
fn a_run_can_be_read_while_it_goes_and_the_deltas_add_up_to_the_trace() {
    let _turn = serial();
    let host = Arc::new(CaptureHost::default());
    let config = GilOn.config();
    let recording = config.trace.clone().unwrap();
    let src = "import time, threading\ndef tick():\n    for _ in range(10):\n        time.sleep(0.01)\n        sum(range(2000))\nts = [threading.Thread(target=tick, name=f'ticker-{k}') for k in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n";
    let run = std::thread::spawn(move || runtime::run_source(src, "t.py", config, host, &StopHandle::new()));
    let mut deltas = Vec::new();
    while !run.is_finished() {
        deltas.push(recording.take_delta(0.0));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(run.join().unwrap().exit_code, 0);
    deltas.push(recording.take_delta(0.0));
    let during = deltas[..deltas.len() - 1].iter().filter(|d| d.lanes.iter().any(|l| !l.spans.is_empty())).count();
    assert!(during >= 3, "spans arrived in {during} deltas before the end");
    let snap = recording.snapshot();
    for (i, lane) in snap.lanes.iter().enumerate() {
        let streamed: Vec<Span> = deltas.iter().flat_map(|d| d.lanes.get(i)).flat_map(|l| l.spans.clone()).collect();
        let merged = streamed.iter().fold(Vec::<Span>::new(), |mut v, s| {
            match v.last_mut() {
                Some(last) if last.state == s.state && last.end_ms == s.start_ms => last.end_ms = s.end_ms,
                _ => v.push(*s),
            }
            v
        });
        assert_eq!(merged, lane.spans, "{}", lane.name);
    }
    let names: Vec<String> = deltas.iter().flat_map(|d| d.lanes.iter().filter_map(|l| l.name.clone())).collect();
    assert!(names.contains(&"ticker-1".to_string()), "{names:?}");
}

#[test]
fn the_cli_writes_the_trace_and_refuses_a_path_it_cannot_write_before_running() {
    let exe = env!("CARGO_BIN_EXE_playground-python");
    let dir = std::env::temp_dir().join(format!("pytrace-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("p.py");
    std::fs::write(&program, "import time\nprint('ran')\ntime.sleep(0.01)\n").unwrap();
    let out = dir.join("p.json");
    let r = std::process::Command::new(exe).arg("--trace").arg(&out).arg(&program).output().unwrap();
    assert_eq!((r.status.code(), String::from_utf8_lossy(&r.stdout).as_ref()), (Some(0), "ran\n"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let sleeps = v["traceEvents"].as_array().unwrap().iter().filter(|e| e["name"] == "sleep").count();
    assert_eq!(sleeps, 1);
    let r =
        std::process::Command::new(exe).args(["--trace", "/nonexistent/dir/t.json"]).arg(&program).output().unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(r.stdout.is_empty(), "the program did not run");
    assert!(String::from_utf8_lossy(&r.stderr).contains("can't write the trace to '/nonexistent/dir/t.json'"));
    let _ = std::fs::remove_dir_all(&dir);
}
