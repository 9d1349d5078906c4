//! `cargo xtask pybench`: the Python interpreter (`crates/python`) beside this machine's CPython,
//! in one run: micro-benchmarks (best of three, each program timing its own loop), the lesson's
//! speedup table (CPU-bound tasks at 1/2/4 workers with the GIL on and off, I/O-bound at 1/3/6),
//! and the size of the interpreter's wasm. Figures to read, not a test.

use std::path::{Path, PathBuf};

use crate::util::{cargo, output, root, run, Cmd};

/// (name, program): each prints the seconds its measured part took, and nothing else.
const MICRO: &[(&str, &str)] = &[
    (
        "compute(n): sum(math.sqrt(i) for i in range(n))",
        "import math, time\ndef compute(n):\n    return sum(math.sqrt(i) for i in range(n))\nt = time.perf_counter()\ncompute(1_000_000)\nprint(time.perf_counter() - t)\n",
    ),
    (
        "integer loops (while, for range)",
        "import time\ndef loop(n):\n    total = 0\n    i = 0\n    while i < n:\n        total += i * 2\n        i += 1\n    return total\ndef forloop(n):\n    t = 0\n    for i in range(n):\n        t = t + i % 7\n    return t\nt = time.perf_counter()\nloop(1_000_000)\nforloop(1_000_000)\nprint(time.perf_counter() - t)\n",
    ),
    (
        "function calls",
        "import time\ndef add(a, b):\n    return a + b\ndef calls(n):\n    x = 0\n    for i in range(n):\n        x = add(x, i)\n    return x\nt = time.perf_counter()\ncalls(1_000_000)\nprint(time.perf_counter() - t)\n",
    ),
    (
        "list operations",
        "import time\ndef lists(n):\n    out = []\n    for i in range(n):\n        out.append(i)\n    s = 0\n    for x in out:\n        s += x\n    out2 = [x * 2 for x in out]\n    return s + len(out2) + out[n // 2]\nt = time.perf_counter()\nlists(500_000)\nprint(time.perf_counter() - t)\n",
    ),
    (
        "dict operations",
        "import time\ndef dicts(n):\n    d = {}\n    for i in range(n):\n        d[i] = i\n    s = 0\n    for k in d:\n        s += d[k]\n    d2 = {str(i): i for i in range(n // 4)}\n    return s + d2['7']\nt = time.perf_counter()\ndicts(300_000)\nprint(time.perf_counter() - t)\n",
    ),
    (
        "attribute access and method calls",
        "import time\nclass P:\n    def __init__(self, x):\n        self.x = x\n        self.y = 0\n    def step(self):\n        self.y += self.x\ndef attrs(n):\n    p = P(3)\n    for i in range(n):\n        p.step()\n        p.x = p.x + 1 - 1\n    return p.y\nt = time.perf_counter()\nattrs(500_000)\nprint(time.perf_counter() - t)\n",
    ),
    (
        "string building (f-strings, join, +=)",
        "import time\ndef strings(n):\n    parts = []\n    for i in range(n):\n        parts.append(f'item {i}: {i * 2}')\n    s = ','.join(parts)\n    t = ''\n    for i in range(n // 10):\n        t += str(i)\n    return len(s) + len(t)\nt = time.perf_counter()\nstrings(200_000)\nprint(time.perf_counter() - t)\n",
    ),
];

/// The lesson's CPU-bound and I/O-bound tasks through an executor; prints the seconds. The lesson's
/// listing maps compute over `[10_000_000] * 4`; a tenth of that (about 1 s of CPython per run here)
/// keeps the table quick while a process's start-up stays small beside its work. At 300_000 (0.1 s)
/// start-up dominated: CPython's own processes reached only 1.4-1.5x on 2 cores.
const CPU_TASKS: &str = "import sys, time, math\nfrom concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor\ndef compute(n):\n    return sum(math.sqrt(i) for i in range(n))\nworkers = int(sys.argv[1])\nExecutor = ProcessPoolExecutor if sys.argv[2:] == ['process'] else ThreadPoolExecutor\nt = time.perf_counter()\nwith Executor(max_workers=workers) as pool:\n    list(pool.map(compute, [3_000_000] * 4))\nprint(time.perf_counter() - t)\n";
const IO_TASKS: &str = "import sys, time\nfrom concurrent.futures import ThreadPoolExecutor\ndef fetch(i):\n    time.sleep(0.1)\n    return i\nworkers = int(sys.argv[1])\nt = time.perf_counter()\nwith ThreadPoolExecutor(max_workers=workers) as pool:\n    list(pool.map(fetch, range(6)))\nprint(time.perf_counter() - t)\n";

/// The whole benchmark, or with `size_only` its last part alone (`cargo xtask pybench --size`).
pub fn run_pybench(size_only: bool) -> Result<(), String> {
    if size_only {
        return wasm_size();
    }
    run(cargo().args(["build", "--release", "-p", "playground-python"]))?;
    let dir = root().join("target/pybench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let interp = root().join("target/release/playground-python");
    let interp = interp.to_string_lossy().to_string();

    println!("\nmicro-benchmarks, best of 3 (seconds of the measured loop; target: within 1.5x of CPython)");
    println!("{:<52} {:>9} {:>11} {:>7}", "benchmark", "CPython", "playground", "ratio");
    for (i, (name, src)) in MICRO.iter().enumerate() {
        let file = write(&dir, &format!("micro{i}.py"), src)?;
        let c = best(&["python3"], &file, &[]);
        let p = best(&[interp.as_str()], &file, &[]);
        println!("{:<52} {:>9} {:>11} {:>7}", name, secs(c), secs(p), ratio(c, p));
    }

    let cpu = write(&dir, "cpu_tasks.py", CPU_TASKS)?;
    let io = write(&dir, "io_tasks.py", IO_TASKS)?;
    println!("\nspeedup against 1 worker (4 CPU-bound tasks of compute(3_000_000); 6 I/O-bound tasks of 100 ms)");
    println!("{:<44} {:>8} {:>8} {:>8}", "", "1", "2 / 3", "4 / 6");
    let (threads, more_io) = (["1", "2", "4"], ["1", "3", "6"]);
    let gil_off = [interp.as_str(), "--gil", "off"];
    let rows = [
        Row {
            label: "CPU-bound threads, CPython 3.11 (GIL)",
            file: &cpu,
            cmd: &["python3"],
            workers: threads,
            kind: "thread",
        },
        Row {
            label: "CPU-bound threads, playground, GIL on",
            file: &cpu,
            cmd: &[interp.as_str()],
            workers: threads,
            kind: "thread",
        },
        Row {
            label: "CPU-bound threads, playground, GIL off",
            file: &cpu,
            cmd: &gil_off,
            workers: threads,
            kind: "thread",
        },
        Row {
            label: "CPU-bound processes, CPython 3.11",
            file: &cpu,
            cmd: &["python3"],
            workers: threads,
            kind: "process",
        },
        Row {
            label: "CPU-bound processes, playground",
            file: &cpu,
            cmd: &[interp.as_str()],
            workers: threads,
            kind: "process",
        },
        Row {
            label: "I/O-bound threads, CPython 3.11",
            file: &io,
            cmd: &["python3"],
            workers: more_io,
            kind: "thread",
        },
        Row {
            label: "I/O-bound threads, playground, GIL on",
            file: &io,
            cmd: &[interp.as_str()],
            workers: more_io,
            kind: "thread",
        },
    ];
    for Row { label, file, cmd, workers, kind } in rows {
        let t: Vec<Option<f64>> = workers.iter().map(|w| best(cmd, file, &[w, kind])).collect();
        let s = |k: usize| match (t[0], t[k]) {
            (Some(a), Some(b)) if b > 0.0 => format!("{:.2}x", a / b),
            _ => "-".into(),
        };
        println!("{:<44} {:>8} {:>8} {:>8}", label, s(0), s(1), s(2));
    }

    wasm_size()
}

/// The interpreter's wasm, both builds, as the page would load them.
fn wasm_size() -> Result<(), String> {
    println!("\nthe interpreter's wasm (examples/wasm_min.rs; target: 250 KB gzip for the threads build)");
    // Each build with the flags of the engine build it would ship in (atomics and build-std, or
    // SIMD alone), so the figure is that of the page's module, not of a build no page loads.
    for (label, config, dir) in [
        ("threads build (atomics)", ".cargo/threads.toml", "target/threads"),
        ("single build", ".cargo/single.toml", "target/single"),
    ] {
        run(cargo().args(["--config", config]).args([
            "build",
            "-p",
            "playground-python",
            "--example",
            "wasm_min",
            "--profile",
            "pywasm",
        ]))?;
        let built = root().join(dir).join("wasm32-unknown-unknown/pywasm/examples/wasm_min.wasm");
        // Measured as the page would ship it: after the engine's own wasm-opt pass (`-O3`, which
        // makes this module about 3 KB gzip larger than it leaves the linker, but it is what the
        // page loads) and without the function names and producers, which wasm-bindgen drops from
        // every module the page loads (the profile's `strip` does not reach this example's link).
        let wasm = built.with_file_name("wasm_min.shipped.wasm");
        run(Cmd::new("wasm-opt")
            .args(crate::engine::WASM_OPT)
            .args(["--strip-debug", "--strip-producers", "-o"])
            .arg(&wasm)
            .arg(&built))?;
        let raw = std::fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
        let gz = std::fs::read(&wasm).map(|b| crate::bench::gzipped(&b)).unwrap_or(0);
        let kb = |b: u64| b as f64 / 1024.0;
        println!("{:<44} {:>8.1} KB raw {:>6.1} KB gzip", label, kb(raw), kb(gz));
    }
    Ok(())
}

/// One row of the speedup table: a program run by a command at three worker counts.
struct Row<'a> {
    label: &'a str,
    file: &'a Path,
    cmd: &'a [&'a str],
    workers: [&'a str; 3],
    kind: &'a str,
}

fn write(dir: &Path, name: &str, src: &str) -> Result<PathBuf, String> {
    let p = dir.join(name);
    std::fs::write(&p, src).map_err(|e| format!("write {}: {e}", p.display()))?;
    Ok(p)
}

/// The smallest of three runs' printed seconds.
fn best(cmd: &[&str], file: &Path, args: &[&str]) -> Option<f64> {
    (0..3)
        .filter_map(|_| {
            let c = Cmd::new(cmd[0]).args(&cmd[1..]).arg(file).args(args);
            output(c)?.trim().lines().last()?.trim().parse::<f64>().ok()
        })
        .reduce(f64::min)
}

fn secs(t: Option<f64>) -> String {
    t.map(|t| format!("{t:.3}")).unwrap_or_else(|| "-".into())
}

fn ratio(c: Option<f64>, p: Option<f64>) -> String {
    match (c, p) {
        (Some(c), Some(p)) if c > 0.0 => format!("{:.2}x", p / c),
        _ => "-".into(),
    }
}
