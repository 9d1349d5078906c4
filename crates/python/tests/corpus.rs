//! The differential corpus: every program under `tests/python/<area>/` runs under this machine's CPython
//! (through `tests/python/cpython_run.py`, which starts a program the way the interpreter does) and under
//! the playground's interpreter in three modes — default (GIL on), `--gil off` and `--simulate` — and
//! stdout, the exit code and the exception's type (the last stderr line's `Type`, CPython's spelling) must
//! be equal. CPython is the truth: there are no skips and no list of known failures.
//!
//! A program's leading comment lines can narrow it (see tests/python/README.md):
//! - `# modes: gil-on simulate` runs the interpreter only in the modes named, for output that depends on
//!   the GIL being on (the program says why in a comment);
//! - `# timeout: 3` says the program runs until it is killed (a deadlock, a `join()` that never returns):
//!   CPython and the interpreter are both killed after that many seconds and their output so far compared.
//!
//! `PLAYGROUND_CORPUS=substring` runs only the programs whose path contains it, for quick iteration. Up to
//! two programs run at a time (the machines here have two cores shared with wasm builds), and every run
//! has a hard timeout of 30 s that fails with a clear message.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Longer than any program may take; a run that reaches it is a failure of its own.
const HARD_TIMEOUT: Duration = Duration::from_secs(30);
/// Programs run at the same time (each runs its CPython and interpreter runs one after the other).
const JOBS: usize = 2;
/// How long to wait for a finished process's pipes to close (children it left behind may hold them).
const PIPE_GRACE: Duration = Duration::from_secs(5);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    GilOn,
    GilOff,
    Simulate,
}

const MODES: [Mode; 3] = [Mode::GilOn, Mode::GilOff, Mode::Simulate];

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::GilOn => "gil-on",
            Mode::GilOff => "gil-off",
            Mode::Simulate => "simulate",
        }
    }

    fn args(self) -> &'static [&'static str] {
        match self {
            Mode::GilOn => &[],
            Mode::GilOff => &["--gil", "off"],
            Mode::Simulate => &["--simulate"],
        }
    }

    fn parse(word: &str) -> Option<Mode> {
        MODES.into_iter().find(|m| m.name() == word)
    }
}

/// One program of the corpus and what its header says.
struct Program {
    /// The path relative to the repository root, with `/`: what both interpreters are given.
    rel: String,
    modes: Vec<Mode>,
    /// `# timeout: N`: the program is expected to run until killed after N seconds.
    timeout: Option<Duration>,
}

/// What one run gave.
struct Outcome {
    stdout: String,
    stderr: String,
    /// `None` when killed by a signal (ours or a crash).
    code: Option<i32>,
    /// Killed by us at the program's `# timeout:`.
    killed_at_timeout: bool,
    /// Killed by us at HARD_TIMEOUT, or could not start: the message says which.
    broken: Option<String>,
}

impl Outcome {
    fn exception_type(&self) -> Option<String> {
        exception_type(&self.stderr)
    }

    fn describe_end(&self) -> String {
        match (self.killed_at_timeout, self.code) {
            (true, _) => "killed at its # timeout".into(),
            (false, Some(c)) => format!("exit code {c}"),
            (false, None) => "killed by a signal (a crash?)".into(),
        }
    }
}

/// The type named by the last stderr line (`ValueError: bad`, `_queue.Empty`), as CPython prints an
/// uncaught exception; `None` if that line is not of this shape (indented, or a sentence).
fn exception_type(stderr: &str) -> Option<String> {
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty())?;
    if last.starts_with(char::is_whitespace) {
        return None;
    }
    let name = last.split(':').next().unwrap_or("");
    let ident = |part: &str| {
        let mut chars = part.chars();
        matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || c == '_')
    };
    (!name.is_empty() && name.split('.').all(ident)).then(|| name.to_string())
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root")
}

/// Every `*.py` under tests/python/<area>/, sorted; files whose name starts with `_` are modules the
/// programs import, not programs.
fn find_programs(root: &Path) -> Vec<Program> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "py")
                && !path.file_name().unwrap().to_string_lossy().starts_with('_')
            {
                out.push(path);
            }
        }
    }
    let corpus = root.join("tests/python");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&corpus).unwrap_or_else(|e| panic!("reading {}: {e}", corpus.display())) {
        let path = entry.expect("a directory entry").path();
        // Only the areas' folders: cpython_run.py and the tools beside it are not programs.
        if path.is_dir() && !path.file_name().unwrap().to_string_lossy().starts_with(['_', '.']) {
            walk(&path, &mut files);
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {rel}: {e}"));
            let (modes, timeout) = parse_header(&rel, &source);
            Program { rel, modes, timeout }
        })
        .collect()
}

/// The directives in a program's leading comment lines.
fn parse_header(rel: &str, source: &str) -> (Vec<Mode>, Option<Duration>) {
    let mut modes = MODES.to_vec();
    let mut timeout = None;
    for line in source.lines().take_while(|l| l.starts_with('#')) {
        let line = line.trim_start_matches('#').trim();
        if let Some(list) = line.strip_prefix("modes:") {
            modes = list
                .split_whitespace()
                .map(|w| Mode::parse(w).unwrap_or_else(|| panic!("{rel}: unknown mode {w:?} in `# modes:`")))
                .collect();
            assert!(!modes.is_empty(), "{rel}: `# modes:` names no mode");
        } else if let Some(secs) = line.strip_prefix("timeout:") {
            let secs: f64 = secs.trim().parse().unwrap_or_else(|_| panic!("{rel}: bad `# timeout:` {secs:?}"));
            assert!(secs > 0.0 && secs < HARD_TIMEOUT.as_secs_f64(), "{rel}: `# timeout:` must be under 30 s");
            timeout = Some(Duration::from_secs_f64(secs));
        }
    }
    (modes, timeout)
}

/// Reads a pipe to its end on a thread of its own, so a chatty program never blocks on a full pipe.
fn drain(mut pipe: impl Read + Send + 'static) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = pipe.read_to_end(&mut buf);
        let _ = tx.send(buf);
    });
    rx
}

/// Kills the child and everything it started (a process pool's workers are in its process group).
fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).stderr(Stdio::null()).status();
    }
    let _ = child.kill();
}

/// Runs one command in `root` until it exits, or kills it at `limit` (the program's `# timeout:`) or at
/// HARD_TIMEOUT.
fn run(root: &Path, program: &str, args: &[&str], file: &str, limit: Option<Duration>) -> Outcome {
    let mut command = Command::new(program);
    command
        .args(args)
        .arg(file)
        .current_dir(root)
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) => {
            return Outcome {
                stdout: String::new(),
                stderr: String::new(),
                code: None,
                killed_at_timeout: false,
                broken: Some(format!("could not start {program}: {e}")),
            }
        }
    };
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let start = Instant::now();
    let deadline = limit.unwrap_or(HARD_TIMEOUT);
    let (mut killed_at_timeout, mut broken) = (false, None);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= deadline => {
                kill_group(&mut child);
                match limit {
                    Some(_) => killed_at_timeout = true,
                    None => broken = Some(format!("still running after {} s: killed", HARD_TIMEOUT.as_secs())),
                }
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => panic!("waiting for {program} {file}: {e}"),
        }
    };
    let collect = |rx: mpsc::Receiver<Vec<u8>>, child: &mut Child| {
        let bytes = rx.recv_timeout(PIPE_GRACE).unwrap_or_else(|_| {
            // Something it started still holds the pipe open: end it, then read what there is.
            kill_group(child);
            rx.recv_timeout(PIPE_GRACE).unwrap_or_default()
        });
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let stdout = collect(stdout, &mut child);
    let stderr = collect(stderr, &mut child);
    Outcome { stdout, stderr, code: status.and_then(|s| s.code()), killed_at_timeout, broken }
}

/// How a program's run in one mode differs from CPython's, or `None` if it does not.
fn compare(program: &Program, cpython: &Outcome, ours: &Outcome) -> Option<String> {
    if let Some(why) = &cpython.broken {
        return Some(format!("CPython: {why} (the program is wrong, not the interpreter)"));
    }
    if program.timeout.is_some() && !cpython.killed_at_timeout {
        return Some(format!(
            "CPython ended ({}) before the program's # timeout: it is expected to run until killed; fix the \
             program or its header",
            cpython.describe_end()
        ));
    }
    if let Some(why) = &ours.broken {
        return Some(format!("interpreter: {why}\n{}", tail("its stderr", &ours.stderr)));
    }
    let mut report = String::new();
    if program.timeout.is_some() {
        if !ours.killed_at_timeout {
            let _ = writeln!(report, "CPython runs until killed, the interpreter ended: {}", ours.describe_end());
        }
    } else {
        if cpython.code != ours.code {
            let _ = writeln!(report, "exit: CPython {}, interpreter {}", cpython.describe_end(), ours.describe_end());
        }
        let (want, got) = (cpython.exception_type(), ours.exception_type());
        if want != got {
            let _ = writeln!(report, "exception type (last stderr line): CPython {want:?}, interpreter {got:?}");
        }
    }
    if cpython.stdout != ours.stdout {
        report.push_str(&diff(&cpython.stdout, &ours.stdout));
    }
    if report.is_empty() {
        return None;
    }
    if ours.code != Some(0) || ours.exception_type().is_some() {
        report.push_str(&tail("interpreter's stderr", &ours.stderr));
    }
    Some(report)
}

fn clip(line: &str) -> String {
    const MAX: usize = 160;
    match line.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_string(),
    }
}

/// The first differing stdout line with two lines of context on each side.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let first = (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i)).unwrap_or(w.len().min(g.len()));
    let mut out = format!(
        "stdout differs from line {} (CPython printed {} lines, the interpreter {}):\n",
        first + 1,
        w.len(),
        g.len()
    );
    let from = first.saturating_sub(2);
    for (label, lines) in [("cpython", &w), ("interp ", &g)] {
        for (i, line) in lines.iter().enumerate().skip(from).take(first + 3 - from) {
            let mark = if i == first { '>' } else { ' ' };
            let _ = writeln!(out, "  {label} {mark}{:>4} | {}", i + 1, clip(line));
        }
        if lines.len() <= first {
            let _ = writeln!(out, "  {label} >     | (ends after line {})", lines.len());
        }
    }
    if want.lines().eq(got.lines()) {
        out.push_str("  (the lines are equal: the difference is in a trailing newline)\n");
    }
    out
}

/// The last few lines of a stderr, indented, to show why a run failed.
fn tail(label: &str, stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    if lines.is_empty() {
        return format!("  ({label} is empty)\n");
    }
    let mut out = format!("  {label}, last lines:\n");
    for line in &lines[lines.len().saturating_sub(4)..] {
        let _ = writeln!(out, "    {}", clip(line));
    }
    out
}

/// A program's results: (mode, difference if any) for each mode it runs in.
type Results = Vec<(Mode, Option<String>)>;

fn run_program(root: &Path, runner: &str, program: &Program) -> Results {
    let cpython = run(root, "python3", &[runner], &program.rel, program.timeout);
    let interpreter = env!("CARGO_BIN_EXE_playground-python");
    program
        .modes
        .iter()
        .map(|&mode| {
            let ours = run(root, interpreter, mode.args(), &program.rel, program.timeout);
            (mode, compare(program, &cpython, &ours))
        })
        .collect()
}

/// A warning line if this machine's `python3` is not the 3.11 the corpus was written against.
fn python_version_note() -> String {
    let version = Command::new("python3").arg("--version").output();
    match version {
        Ok(out) => {
            let v = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if v.starts_with("Python 3.11") {
                String::new()
            } else {
                format!(
                    "note: the corpus is written against CPython 3.11 and `python3` is {v:?}: messages may differ\n"
                )
            }
        }
        Err(e) => panic!("the corpus needs `python3` (CPython 3.11) on PATH: {e}"),
    }
}

#[test]
fn corpus_matches_cpython() {
    let root = repo_root();
    let runner = "tests/python/cpython_run.py";
    assert!(root.join(runner).is_file(), "{runner} is missing");
    let filter = std::env::var("PLAYGROUND_CORPUS").unwrap_or_default();
    let programs: Vec<Program> = find_programs(&root).into_iter().filter(|p| p.rel.contains(&filter)).collect();
    assert!(!programs.is_empty(), "no program under tests/python matches PLAYGROUND_CORPUS={filter:?}");
    let note = python_version_note();

    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Results>> = (0..programs.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..JOBS)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(program) = programs.get(i) else { break done };
                        done.push((i, run_program(&root, runner, program)));
                    }
                })
            })
            .collect();
        for worker in workers {
            for (i, r) in worker.join().expect("a corpus worker panicked") {
                results[i] = Some(r);
            }
        }
    });

    let mut summary = format!("{note}corpus: {} programs", programs.len());
    if !filter.is_empty() {
        let _ = write!(summary, " matching PLAYGROUND_CORPUS={filter:?}");
    }
    summary.push('\n');
    let mut failures = String::new();
    let mut failed_runs = 0;
    for mode in MODES {
        let (mut ran, mut passed) = (0, 0);
        for (program, result) in programs.iter().zip(&results) {
            for (m, difference) in result.as_ref().unwrap() {
                if *m != mode {
                    continue;
                }
                ran += 1;
                match difference {
                    None => passed += 1,
                    Some(d) => {
                        failed_runs += 1;
                        let _ = writeln!(failures, "FAIL {} [{}]\n{}", program.rel, mode.name(), d.trim_end());
                    }
                }
            }
        }
        let _ = writeln!(summary, "  {:<9} {passed:>4} passed, {:>4} failed (of {ran})", mode.name(), ran - passed);
    }
    println!("{summary}");
    if !failures.is_empty() {
        println!("{failures}");
    }
    assert!(failed_runs == 0, "{failed_runs} runs differ from CPython:\n{summary}");
}
