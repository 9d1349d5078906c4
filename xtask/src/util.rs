//! Small helpers for running commands with the project's tools on PATH.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root: the nearest directory, from where cargo was run upwards, that holds
/// `xtask/Cargo.toml`.
///
/// Found at run time rather than baked in with `CARGO_MANIFEST_DIR`, because two checkouts that
/// share one `target/` directory share one xtask binary too.
pub fn root() -> PathBuf {
    let cwd = std::env::current_dir().expect("the current directory is readable");
    cwd.ancestors()
        .find(|d| d.join("xtask/Cargo.toml").is_file())
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace"))
        .to_path_buf()
}

/// A command that runs in the repository root with the project's tools first on PATH.
pub struct Cmd(Command);

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>) -> Self {
        let mut c = Command::new(program);
        c.current_dir(root()).env("PATH", tool_path());
        Cmd(c)
    }
    pub fn arg(mut self, a: impl AsRef<OsStr>) -> Self {
        self.0.arg(a);
        self
    }
    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, a: I) -> Self {
        self.0.args(a);
        self
    }
    pub fn env(mut self, k: impl AsRef<OsStr>, v: impl AsRef<OsStr>) -> Self {
        self.0.env(k, v);
        self
    }
    pub fn env_remove(mut self, k: impl AsRef<OsStr>) -> Self {
        self.0.env_remove(k);
        self
    }
    /// Builds with the project's own crate home ([`crate_home`]); tools still come from PATH.
    pub fn with_crate_home(self) -> Self {
        self.env("CARGO_HOME", crate_home())
    }
    pub fn describe(&self) -> String {
        let args: Vec<_> = self.0.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
        format!("{} {}", self.0.get_program().to_string_lossy(), args.join(" "))
    }
}

/// `cargo`, as the same toolchain that runs this xtask.
pub fn cargo() -> Cmd {
    Cmd::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs a command, inheriting stdio; an unsuccessful exit is an error naming the command.
pub fn run(cmd: Cmd) -> Result<(), String> {
    let what = cmd.describe();
    let mut c = cmd.0;
    let status = c.status().map_err(|e| format!("could not start `{what}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Runs a command and returns its standard output, or `None` if it cannot run or fails.
pub fn output(cmd: Cmd) -> Option<String> {
    let mut c = cmd.0;
    let out = c.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// PATH with node_modules/.bin (wasm-opt from npm's binaryen) and cargo's bin directory first.
pub fn tool_path() -> std::ffi::OsString {
    let mut dirs = vec![root().join("node_modules/.bin"), cargo_home().join("bin")];
    if let Some(p) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&p));
    }
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// The cargo home of the person running the xtask: where `cargo install` puts Trunk and
/// wasm-bindgen-cli, and where the native builds (`cargo test`, the xtask itself) keep their crates.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo"))
}

/// The cargo home of the project's wasm builds (Trunk's UI build and the engine's two builds),
/// `target/cargo-home`: its registry holds exactly the crates `setup::fetch_crates` fetched, and the
/// test command empties it first, so a build that needs a crate no lockfile names fails there
/// rather than on a new machine. Every command that builds the wasm uses this one home: cargo's
/// fingerprints include the path of a crate's sources, so two homes would rebuild each other's
/// dependencies in turn.
pub fn crate_home() -> PathBuf {
    root().join("target/cargo-home")
}

/// Copies a directory tree (files only, no links), replacing what is at `to`.
pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    if to.exists() {
        std::fs::remove_dir_all(to).map_err(|e| format!("removing {}: {e}", to.display()))?;
    }
    std::fs::create_dir_all(to).map_err(|e| format!("creating {}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_dir(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| format!("copying {}: {e}", src.display()))?;
        }
    }
    Ok(())
}
