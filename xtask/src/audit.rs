//! `cargo xtask audit`: Lighthouse's four category scores for the built app, on a phone and a
//! desktop profile (tools/audit/audit.mjs). A benchmark that prints figures, not a test.
//!
//! Lighthouse is large (~185 MB of npm packages) and only this command needs it, so it has its own
//! package.json and lock in tools/audit/, installed on first use and never by CI's `npm ci`.

use crate::util::{root, run, Cmd};

/// Checks, without installing it, that `npm ci` would install Lighthouse from tools/audit's lock:
/// a lock out of step with its package.json fails `cargo xtask audit` on a new machine only.
///
/// One of Lighthouse's dependencies asks for `third-party-web@latest`, a tag that moves whenever
/// that package is published; package.json's `overrides` pins it, or the lock would fall out of
/// step again with the next release. Asks the npm registry (about a second).
pub fn check_lock() -> Result<(), String> {
    let dir = root().join("tools/audit");
    run(Cmd::new("npm").args(["ci", "--dry-run", "--no-audit", "--no-fund", "--prefix"]).arg(&dir))
        .map_err(|e| format!("{e}: tools/audit/package-lock.json is out of step with its package.json"))
}

pub fn run_audit() -> Result<(), String> {
    crate::setup::tools(crate::setup::Need::Browser)?;
    let dir = root().join("tools/audit");
    let marker = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    if !crate::setup::is_newer(&marker, &lock) {
        println!("xtask: installing Lighthouse for the audit (once)");
        run(Cmd::new("npm").args(["ci", "--no-audit", "--no-fund", "--prefix"]).arg(&dir))?;
    }
    crate::build()?;
    run(Cmd::new("node").arg(dir.join("audit.mjs")).env("PLAYGROUND_DIST", root().join("dist")))
}
