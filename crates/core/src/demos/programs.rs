//! The demo cards' specs, one per listing of the lesson, each with the literals worth changing.

use super::{model, Choice, DemoSpec, Field, FieldKind, Values, PYTHON};
use crate::params::{python_int, Bounded};
use crate::python::{Call, Collect, CounterVariant, Failure, Flavour, Model, Program, Scenario};

const fn num(key: &'static str, min: u64, max: u64, default: &'static str) -> Field {
    Field { key, label: key, kind: FieldKind::Number(Bounded { name: key, min, max }), default }
}

const fn choice(key: &'static str, choices: &'static [Choice], default: &'static str) -> Field {
    Field { key, label: key, kind: FieldKind::Choice(choices), default }
}

const PY: Field = choice("python", PYTHON, "3.12");
const EXECUTOR: &[Choice] = &[
    Choice { value: "threads", code: "ThreadPoolExecutor" },
    Choice { value: "processes", code: "ProcessPoolExecutor" },
];

fn nothing(_: &str, _: &Values) -> Option<String> {
    None
}

fn executor(max_workers: Option<u32>, calls: Vec<Call>, collect: Collect) -> Program {
    Program::Executor { max_workers, calls, collect }
}

/// §1: the same tasks, CPU-bound or I/O-bound, under the GIL, in processes, or free-threaded.
pub static GIL: DemoSpec = DemoSpec {
    id: "gil",
    title: "The GIL: CPU-bound vs I/O-bound tasks",
    hint: "Switch cpu_bound and io_bound, then the executor and the interpreter, and watch who runs when.",
    fields: &[
        PY,
        num("n", 1, 20_000_000, "2_000_000"),
        num("latency_ms", 0, 5_000, "200"),
        choice("executor", EXECUTOR, "threads"),
        num("max_workers", 1, 8, "4"),
        choice("task", &[Choice { value: "cpu", code: "cpu_bound" }, Choice { value: "io", code: "io_bound" }], "cpu"),
        num("tasks", 1, 16, "4"),
    ],
    template: "# $ python«python» gil_demo.py
import math, requests
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

def cpu_bound(i):   # pure-Python arithmetic: needs the GIL all along
    return compute(«n»)   # sum(math.sqrt(k) for k in range(n))

def io_bound(i):    # waits «latency_ms» ms on the network, GIL released
    return risky_fetch(f\"https://example.com/{i}\")

with «executor»(max_workers=«max_workers») as pool:
    futures = [pool.submit(«task», i) for i in range(«tasks»)]
    for f in futures:
        print(f\"✅ {f}: {f.result()}\")",
    derive: nothing,
    build: |v| {
        let call = |i: u32| match v.text("task") {
            "io" => Call::Fetch {
                url: format!("https://example.com/{i}"),
                latency_ms: v.num32("latency_ms"),
                timeout_ms: 5_000,
                fail: None,
            },
            _ => Call::Compute { n: v.num("n") },
        };
        let calls = (0..v.num32("tasks")).map(call).collect();
        Scenario::new(model(v), executor(Some(v.num32("max_workers")), calls, Collect::Submit))
    },
};

/// §5: the shared counter, with and without the lock.
pub static COUNTER: DemoSpec = DemoSpec {
    id: "counter",
    title: "A shared counter: with and without the lock",
    hint: "Take the lock away, then run it free-threaded: count the lost updates.",
    fields: &[
        PY,
        choice(
            "body",
            &[
                Choice { value: "lock", code: "with lock: counter += 1" },
                Choice { value: "plain", code: "counter += 1" },
                Choice { value: "read_call_write", code: "tmp = counter; f(); counter = tmp + 1" },
            ],
            "lock",
        ),
        num("increments", 1, 100_000, "10_000"),
        num("threads", 1, 10, "10"),
    ],
    template: "# $ python«python» counter.py
import threading

counter = 0
lock = threading.Lock()

def f(): pass

def increment(n: int):
    global counter
    for _ in range(n):
        «body»

threads = [threading.Thread(target=increment, args=(«increments»,)) for _ in range(«threads»)]
for t in threads: t.start()
for t in threads: t.join()   # wait for all to finish

print(counter)  # «expected» if no update was lost",
    derive: |key, v| (key == "expected").then(|| counter_expected(v)),
    build: |v| {
        let variant = match v.text("body") {
            "plain" => CounterVariant::Plain,
            "read_call_write" => CounterVariant::ReadCallWrite,
            _ => CounterVariant::Lock,
        };
        Scenario::new(
            model(v),
            Program::Counter { variant, threads: v.num32("threads"), increments: v.num32("increments") },
        )
    },
};

/// What the counter prints if no update was lost: increments × threads, or "?" while either field
/// is invalid (the card then says why it cannot run).
fn counter_expected(v: &Values) -> String {
    let valid =
        |key| COUNTER.fields.iter().position(|f| f.key == key).is_some_and(|i| COUNTER.field_error(i, v).is_none());
    if valid("increments") && valid("threads") {
        python_int(v.num("increments") * v.num("threads"))
    } else {
        "?".to_string()
    }
}

/// §5: a worker stopped by `threading.Event`, daemon or not.
pub static STOP_EVENT: DemoSpec = DemoSpec {
    id: "stop-event",
    title: "threading.Event: stopping a worker",
    hint: "Forget stop_event.set() with daemon=False: the program never exits.",
    fields: &[
        choice("daemon", &[Choice { value: "true", code: "True" }, Choice { value: "false", code: "False" }], "true"),
        num("sleep_ms", 0, 5_000, "500"),
        choice(
            "signal",
            &[
                Choice { value: "set", code: "stop_event.set()   # signal the worker to stop" },
                Choice { value: "forget", code: "pass               # forgot stop_event.set()" },
            ],
            "set",
        ),
    ],
    template: "import threading, time

stop_event = threading.Event()

def worker():
    while not stop_event.is_set():
        do_work()
        time.sleep(0.1)

t = threading.Thread(target=worker, daemon=«daemon»)
t.start()
time.sleep(«sleep_ms» / 1000)
«signal»",
    derive: nothing,
    build: |v| {
        let program = Program::StopEvent {
            run_ms: v.num32("sleep_ms"),
            set_event: v.text("signal") == "set",
            daemon: v.text("daemon") == "true",
        };
        Scenario::new(Model::Gil, program)
    },
};

/// The lesson's three users.
const USERS: [&str; 3] = ["torvalds", "gvanrossum", "antirez"];

fn github(user: &str) -> String {
    format!("https://api.github.com/users/{user}")
}

/// §3: `map` vs `submit` + `result()` over the lesson's URLs.
pub static EXECUTORS: DemoSpec = DemoSpec {
    id: "executors",
    title: "ThreadPoolExecutor: map vs submit",
    hint: "Both collect in submission order; change the latency and max_workers to see the overlap.",
    fields: &[
        num("latency_ms", 0, 5_000, "300"),
        num("max_workers", 1, 8, "5"),
        choice(
            "collect",
            &[
                Choice { value: "map", code: "list(pool.map(fetch, urls))" },
                Choice { value: "submit", code: "[f.result() for f in [pool.submit(fetch, url) for url in urls]]" },
            ],
            "map",
        ),
    ],
    template: "from concurrent.futures import ThreadPoolExecutor

urls = [
    \"https://api.github.com/users/torvalds\",
    \"https://api.github.com/users/gvanrossum\",
    \"https://api.github.com/users/antirez\",
]

def fetch(url: str) -> dict:   # the (simulated) network answers in «latency_ms» ms
    return requests.get(url, timeout=5).json()

with ThreadPoolExecutor(max_workers=«max_workers») as pool:
    results = «collect»",
    derive: nothing,
    build: |v| {
        let latency_ms = v.num32("latency_ms");
        let calls =
            USERS.iter().map(|u| Call::Fetch { url: github(u), latency_ms, timeout_ms: 5_000, fail: None }).collect();
        let collect = if v.text("collect") == "submit" { Collect::Submit } else { Collect::Map };
        Scenario::new(Model::Gil, executor(Some(v.num32("max_workers")), calls, collect))
    },
};

/// §3: `compute(10_000_000) × 4` in a process pool (or a thread pool, to compare).
pub static PROCESS_POOL: DemoSpec = DemoSpec {
    id: "process-pool",
    title: "ProcessPoolExecutor: compute(n) × 4",
    hint: "Switch to ThreadPoolExecutor and compare the elapsed time.",
    fields: &[
        PY,
        choice("executor", EXECUTOR, "processes"),
        num("n", 1, 20_000_000, "10_000_000"),
        num("tasks", 1, 8, "4"),
    ],
    template: "# $ python«python» compute.py
import math
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

def compute(n: int) -> float:
    return sum(math.sqrt(i) for i in range(n))

with «executor»() as pool:
    results = list(pool.map(compute, [«n»] * «tasks»))",
    derive: nothing,
    build: |v| {
        let calls = vec![Call::Compute { n: v.num("n") }; v.num("tasks") as usize];
        Scenario::new(model(v), executor(None, calls, Collect::Map))
    },
};

/// §4: `as_completed` over URLs of which some fail, or the same futures in submission order.
pub static FUTURES: DemoSpec = DemoSpec {
    id: "futures",
    title: "Futures and errors: as_completed",
    hint: "Iterate future_to_url directly instead: the same results, in submission order.",
    fields: &[
        num("timeout", 1, 5, "1"),
        num("max_workers", 1, 10, "10"),
        choice(
            "order",
            &[
                Choice { value: "as_completed", code: "as_completed(future_to_url)" },
                Choice { value: "submitted", code: "future_to_url   # submission order" },
            ],
            "as_completed",
        ),
    ],
    template: "from concurrent.futures import ThreadPoolExecutor, as_completed

urls = [
    \"https://api.github.com/users/torvalds\",     # answers in 600 ms
    \"https://api.github.com/users/gvanrossum\",   # answers in 200 ms
    \"https://api.github.com/users/nobody-here\",  # 404 after 100 ms
    \"https://api.github.com/users/antirez\",      # answers in 400 ms
    \"https://api.example.com/slow\",              # never answers
]

def risky_fetch(url: str) -> dict:
    res = requests.get(url, timeout=«timeout»)
    res.raise_for_status()
    return res.json()

with ThreadPoolExecutor(max_workers=«max_workers») as pool:
    future_to_url = {pool.submit(risky_fetch, url): url for url in urls}

    for future in «order»:
        url = future_to_url[future]
        try:
            data = future.result()   # raises if the function raised
            print(f\"✅ {url}: {data['name']}\")
        except Exception as e:
            print(f\"❌ {url} failed: {e}\")",
    derive: nothing,
    build: |v| {
        let timeout_ms = v.num32("timeout") * 1_000;
        let fetch = |url: String, latency_ms, fail| Call::Fetch { url, latency_ms, timeout_ms, fail };
        let calls = vec![
            fetch(github("torvalds"), 600, None),
            fetch(github("gvanrossum"), 200, None),
            fetch(github("nobody-here"), 100, Some(Failure::NotFound)),
            fetch(github("antirez"), 400, None),
            fetch("https://api.example.com/slow".into(), 10_000, Some(Failure::Timeout)),
        ];
        let collect = if v.text("order") == "submitted" { Collect::Submit } else { Collect::AsCompleted };
        Scenario::new(Model::Gil, executor(Some(v.num32("max_workers")), calls, collect))
    },
};

/// §6: producer/consumer over `queue.Queue` with poison pills.
pub static QUEUE: DemoSpec = DemoSpec {
    id: "queue",
    title: "Queue: workers, poison pills and join()",
    hint: "Pick the lesson's exact pill line: its task_queue.join() never returns.",
    fields: &[
        choice(
            "pill",
            &[
                Choice { value: "task_done", code: "if item is None: task_queue.task_done(); break" },
                Choice { value: "lesson", code: "if item is None: break     # poison pill to stop" },
            ],
            "task_done",
        ),
        num("workers", 1, 10, "4"),
        num("items", 0, 200, "20"),
    ],
    template: "import queue, threading

task_queue = queue.Queue()
result_queue = queue.Queue()

def worker():
    while True:
        item = task_queue.get()    # blocks until item available
        «pill»
        result = process(item)
        result_queue.put(result)
        task_queue.task_done()

threads = [threading.Thread(target=worker, daemon=True) for _ in range(«workers»)]
for t in threads: t.start()

for item in range(«items»):
    task_queue.put(item)

for _ in threads:
    task_queue.put(None)           # one poison pill per worker

task_queue.join()  # wait for all tasks to complete",
    derive: nothing,
    build: |v| {
        let program = Program::TaskQueue {
            workers: v.num32("workers"),
            items: v.num32("items"),
            pill_task_done: v.text("pill") == "task_done",
        };
        Scenario::new(Model::Gil, program)
    },
};

/// Quiz question 1: compress 8 large files.
pub static COMPRESS: DemoSpec = DemoSpec {
    id: "compress",
    title: "Run it: compress 8 large files",
    hint: "Pure-Python compression holds the GIL; zlib.compress releases it. Try both with each executor.",
    fields: &[
        PY,
        choice("executor", EXECUTOR, "threads"),
        choice(
            "compress",
            &[Choice { value: "zlib", code: "zlib.compress" }, Choice { value: "pure", code: "py_compress" }],
            "pure",
        ),
        num("kib", 1, 4_096, "512"),
        num("files", 1, 8, "8"),
    ],
    template: "# $ python«python» compress.py
import zlib
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

files = [make_file(i, kib=«kib») for i in range(«files»)]

with «executor»() as pool:
    compressed = list(pool.map(«compress», files))",
    derive: nothing,
    build: |v| {
        let flavour = if v.text("compress") == "zlib" { Flavour::Zlib } else { Flavour::PurePython };
        let kb = v.num32("kib");
        let calls = (0..v.num32("files")).map(|file| Call::Compress { file, kb, flavour }).collect();
        Scenario::new(model(v), executor(None, calls, Collect::Map))
    },
};
