//! Installs what the build and the tests need, and only what is missing: safe to run every time.
//!
//! Everything comes from package registries (crates.io, npm, Debian), never from GitHub releases,
//! which these machines cannot reach. `../shared/TOOLCHAIN.md` records why each choice was made.

use std::path::Path;

use crate::util::{cargo, crate_home, output, root, run, Cmd};

/// The Trunk release whose behaviour the project relies on (hooks, offline tools, serve headers).
const TRUNK_VERSION: &str = "0.22.1";

/// How much a command needs.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    /// Rust pieces, npm packages, Trunk, wasm-bindgen-cli, wasm-opt.
    Build,
    /// All of that and Debian's Chromium, Firefox and WebKit, for browser tests and benchmarks.
    Browser,
}

pub fn tools(need: Need) -> Result<(), String> {
    rust_pieces()?;
    npm_packages()?;
    trunk()?;
    wasm_bindgen_cli()?;
    if need >= Need::Browser {
        browsers()?;
    }
    fetch_crates()
}

/// Fetches every crate the wasm builds need into the project's crate home, so that the builds
/// themselves run offline (Trunk's `offline = true` passes `--offline` to cargo).
///
/// Two lockfiles are involved: the workspace's, and std's own. The UI and the threaded engine are
/// built with `build-std`, which compiles std from the `rust-src` component and needs the crates
/// std depends on (`wasip1`, `hashbrown`, …), as pinned by the Cargo.lock beside std's sources.
/// Nothing else fetches those: on a machine whose crate cache is empty an offline build-std build
/// stops with "no matching package named `wasip1` found". `cargo fetch` takes every platform's
/// crates and costs well under a second once they are there.
pub fn fetch_crates() -> Result<(), String> {
    run(cargo().with_crate_home().args(["fetch", "--locked"]))?;
    run(cargo().with_crate_home().args(["fetch", "--locked", "--manifest-path"]).arg(std_manifest()?))
}

/// The manifest of std's workspace in the toolchain's `rust-src` component.
fn std_manifest() -> Result<std::path::PathBuf, String> {
    let sysroot = output(Cmd::new("rustc").args(["--print", "sysroot"])).ok_or("`rustc --print sysroot` failed")?;
    let manifest = Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/Cargo.toml");
    if manifest.is_file() {
        Ok(manifest)
    } else {
        Err(format!("{} is missing: is the rust-src component installed?", manifest.display()))
    }
}

/// Empties the project's crate home (its registry: index, archives and sources), so the next
/// fetch starts from nothing, as on a new machine. The test command calls this first: its builds
/// then prove that the fetches above name every crate they use, whatever an earlier build left.
pub fn empty_crate_home() -> Result<(), String> {
    for dir in ["registry", "git", ".global-cache"] {
        let path = crate_home().join(dir);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).map_err(|e| format!("emptying {}: {e}", path.display()))?;
        } else if path.exists() {
            std::fs::remove_file(&path).map_err(|e| format!("emptying {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// rust-toolchain.toml names the target and components, but rustup adds them only when it installs
/// the toolchain; on a machine that already has nightly they may be missing.
fn rust_pieces() -> Result<(), String> {
    let installed = output(Cmd::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let components = output(Cmd::new("rustup").args(["component", "list", "--installed"])).unwrap_or_default();
    if !components.lines().any(|l| l.trim().starts_with("rust-src")) {
        run(Cmd::new("rustup").args(["component", "add", "rust-src"]))?;
    }
    Ok(())
}

/// wasm-opt (binaryen@132), Playwright's driver library and axe-core, pinned by package-lock.json.
fn npm_packages() -> Result<(), String> {
    let lock = root().join("package-lock.json");
    let marker = root().join("node_modules/.package-lock.json");
    if is_newer(&marker, &lock) && root().join("node_modules/.bin/wasm-opt").exists() {
        return Ok(());
    }
    run(Cmd::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn trunk() -> Result<(), String> {
    let have = output(Cmd::new("trunk").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(TRUNK_VERSION) {
        return Ok(());
    }
    println!("xtask: installing Trunk {TRUNK_VERSION} from crates.io (takes several minutes, once)");
    run(install().args(["trunk", "--version", TRUNK_VERSION, "--locked"]))
}

/// The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
fn wasm_bindgen_cli() -> Result<(), String> {
    let want = locked_version("wasm-bindgen")?;
    let have = output(Cmd::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(want.as_str()) {
        return Ok(());
    }
    println!("xtask: installing wasm-bindgen-cli {want} from crates.io (takes a few minutes, once)");
    // Not `--locked`: one of the CLI's locked dependency versions is not in the registry here.
    run(install().args(["wasm-bindgen-cli", "--version", &want]))
}

/// `cargo install` with the project's nightly. It compiles inside the registry's copy of the
/// package, where our rust-toolchain.toml does not apply, and Trunk 0.22 needs a newer rustc
/// than the stable toolchain these machines have. `--force`, because we only get here when the
/// binary is missing or the wrong version, while cargo's own records may still list it.
fn install() -> Cmd {
    cargo().env("RUSTUP_TOOLCHAIN", "nightly").args(["install", "--force"])
}

/// Debian's browsers for the browser tests, each installed only if its programs are missing:
/// Chromium (Playwright), Firefox ESR (WebDriver BiDi through puppeteer-core), and WebKitGTK's
/// WebDriver with its MiniBrowser, which needs a display (Xvfb), and a colour emoji font: the lesson
/// marks answers and output lines with emoji, which WebKit (unlike Firefox, which bundles its own)
/// draws as empty boxes in the screenshots without one. No test tool may download a browser of its
/// own here.
fn browsers() -> Result<(), String> {
    const BROWSERS: &[(&[&str], &[&str])] = &[
        (&["/usr/bin/chromium", "/usr/bin/chromedriver"], &["chromium", "chromium-driver"]),
        (&["/usr/bin/firefox-esr"], &["firefox-esr"]),
        (&["/usr/bin/WebKitWebDriver"], &["webkit2gtk-driver"]),
        (&["/usr/bin/xvfb-run"], &["xvfb", "xauth"]),
        (&["/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"], &["fonts-noto-color-emoji"]),
    ];
    let missing: Vec<&str> = BROWSERS
        .iter()
        .filter(|(programs, _)| !programs.iter().all(|p| Path::new(p).exists()))
        .flat_map(|(_, packages)| packages.iter().copied())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = output(Cmd::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    if !is_root {
        return Err(format!("the browser tests need Debian's {0}: sudo apt-get install -y {0}", missing.join(" ")));
    }
    println!("xtask: installing Debian's {} for the browser tests", missing.join(", "));
    run(Cmd::new("apt-get").args(["update", "-qq"]))?;
    run(Cmd::new("apt-get").args(["install", "-y", "-qq"]).args(&missing).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The version of `package` recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock.find(&needle).ok_or_else(|| format!("{package} is not in Cargo.lock"))? + needle.len();
    Ok(lock[start..].split('"').next().unwrap_or_default().to_string())
}

pub fn is_newer(a: &Path, b: &Path) -> bool {
    let mtime = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((mtime(a), mtime(b)), (Some(a), Some(b)) if a >= b)
}
