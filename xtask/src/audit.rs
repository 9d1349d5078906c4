//! `cargo xtask audit`: Lighthouse's four category scores for the built app, on a phone and a
//! desktop profile (tools/audit/audit.mjs). A benchmark that prints figures, not a test.
//!
//! Lighthouse is large (~185 MB of npm packages) and only this command needs it, so it has its own
//! package.json and lock in tools/audit/, installed on first use and never by CI's `npm ci`.

use crate::util::{root, run, Cmd};

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
