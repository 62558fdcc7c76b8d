//! What every bridgegen test shares: where the repository is, where the optional external
//! corpus (`shared/`) is, and how a test that cannot run says so.
//!
//! A test that cannot run must never pass silently. It calls [`skip!`], which prints
//! `skipped: <test>: <why>` on stderr and records the skip in the file named by
//! `BRIDGEGEN_SKIP_LOG` (set by `tests/run`), so the suite's summary counts it as skipped,
//! not passed.
//!
//! The external material (Pulumi conformance schemas, the real Pulumi CLI sources, the peer
//! generators) lives in a `shared/` folder that a user's clone does not have. One setting
//! finds it: `BRIDGEGEN_SHARED` (default: `../shared` beside the repository, when present).
//! `BRIDGEGEN_CONFORMANCE` overrides just the conformance corpus (default:
//! `<shared>/conformance`).

pub mod allow;
pub mod go;
pub mod parity;
pub mod peer;

use std::io::Write;
use std::path::{Path, PathBuf};

/// The repository root (the workspace directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// A folder under the repository root, e.g. `repo_path("schema/alicloud.json")`.
pub fn repo_path(rel: impl AsRef<Path>) -> PathBuf {
    repo_root().join(rel)
}

/// A path under the repository's `.work/` (filled by `tests/setup.sh`) that must exist, or
/// why not: `let tsc = require!(work_path("nodejs/node_modules/typescript/bin/tsc"));`
pub fn work_path(rel: impl AsRef<Path>) -> Result<PathBuf, String> {
    let path = repo_root().join(".work").join(rel.as_ref());
    if path.exists() {
        Ok(path)
    } else {
        Err(format!("{} is missing: run tests/setup.sh", path.display()))
    }
}

/// The external `shared/` folder, or why it is not available.
pub fn shared_dir() -> Result<PathBuf, String> {
    match std::env::var_os("BRIDGEGEN_SHARED") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            if dir.is_dir() {
                Ok(dir)
            } else {
                Err(format!("BRIDGEGEN_SHARED={} is not a directory", dir.display()))
            }
        }
        None => {
            let beside = repo_root().join("../shared");
            if beside.is_dir() {
                Ok(beside.canonicalize().unwrap_or(beside))
            } else {
                Err("no shared/ folder beside the repository (set BRIDGEGEN_SHARED to use one)".to_string())
            }
        }
    }
}

/// A path inside the external `shared/` folder that must exist, or why it is not available.
pub fn shared_path(rel: impl AsRef<Path>) -> Result<PathBuf, String> {
    let path = shared_dir()?.join(rel.as_ref());
    if path.exists() {
        Ok(path)
    } else {
        Err(format!("{} is missing", path.display()))
    }
}

/// The external conformance corpus (`BRIDGEGEN_CONFORMANCE`, else `<shared>/conformance`).
pub fn conformance_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("BRIDGEGEN_CONFORMANCE") {
        let dir = PathBuf::from(dir);
        return if dir.is_dir() {
            Ok(dir)
        } else {
            Err(format!("BRIDGEGEN_CONFORMANCE={} is not a directory", dir.display()))
        };
    }
    shared_path("conformance")
}

/// Every conformance schema: `pulumi-codegen/<case>/schema.json` and `pulumi-schemas/*.json`,
/// as (name, path), sorted by name.
pub fn conformance_schemas() -> Result<Vec<(String, PathBuf)>, String> {
    let dir = conformance_dir()?;
    let mut all = Vec::new();
    let codegen = dir.join("pulumi-codegen");
    for entry in std::fs::read_dir(&codegen).map_err(|e| format!("{}: {e}", codegen.display()))?.flatten() {
        let schema = entry.path().join("schema.json");
        if schema.is_file() {
            all.push((entry.file_name().to_string_lossy().into_owned(), schema));
        }
    }
    let schemas = dir.join("pulumi-schemas");
    for entry in std::fs::read_dir(&schemas).map_err(|e| format!("{}: {e}", schemas.display()))?.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            all.push((name, path));
        }
    }
    all.sort();
    if all.is_empty() {
        return Err(format!("no schemas under {}", dir.display()));
    }
    Ok(all)
}

/// The folder holding the real Pulumi CLI and its language hosts, built by
/// `tests/setup/pulumi.sh` from `<shared>/pulumi-cli` into
/// `${XDG_CACHE_HOME:-~/.cache}/bridgegen/pulumi-cli-<key>/bin` (`<key>`: the hash of that
/// folder's files, computed by the same shell pipeline as the setup script), or why not.
pub fn pulumi_cli() -> Result<PathBuf, String> {
    let src = shared_path("pulumi-cli")?;
    let out = std::process::Command::new("bash")
        .args(["-c", "find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12"])
        .current_dir(&src)
        .output()
        .map_err(|e| format!("cannot hash {}: {e}", src.display()))?;
    let key = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || key.len() != 12 {
        return Err(format!("cannot hash {}: {}", src.display(), String::from_utf8_lossy(&out.stderr)));
    }
    let cache = match std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").ok_or("HOME is not set")?).join(".cache"),
    };
    let bin = cache.join(format!("bridgegen/pulumi-cli-{key}/bin"));
    for exe in
        ["pulumi", "pulumi-language-nodejs", "pulumi-language-python", "pulumi-language-go", "pulumi-language-yaml"]
    {
        if !bin.join(exe).is_file() {
            return Err(format!("{} is missing: run tests/setup/pulumi.sh", bin.join(exe).display()));
        }
    }
    Ok(bin)
}

/// Runs a command that must succeed, panicking with its exit status, stdout and stderr when it
/// does not; `what` names the step in the message. Returns stdout.
pub fn run_ok(cmd: &mut std::process::Command, what: &str) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: cannot start: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Every entry under `dir` with its bytes (folders as a `<dir>` marker, hidden files included),
/// sorted: compare a snapshot before and after a run to prove nothing changed.
pub fn tree_snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.push((p.clone(), b"<dir>".to_vec()));
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

/// The name of the running test (libtest names each test's thread after it).
pub fn current_test() -> String {
    std::thread::current().name().unwrap_or("<unnamed test>").to_string()
}

/// Records that the current test was skipped and why. Prefer the [`skip!`] macro, which
/// also returns from the test.
pub fn record_skip(reason: &str) {
    let test = current_test();
    let binary = std::env::args().next().map(|a| {
        let name = Path::new(&a).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(a);
        // Cargo appends `-<hash>` to test binaries.
        match name.rsplit_once('-') {
            Some((stem, hash)) if hash.chars().all(|c| c.is_ascii_hexdigit()) => stem.to_string(),
            _ => name,
        }
    });
    let who = match binary {
        Some(b) => format!("{b}::{test}"),
        None => test,
    };
    let reason = reason.replace(['\n', '\t'], " ");
    eprintln!("skipped: {who}: {reason}");
    if let Some(log) = std::env::var_os("BRIDGEGEN_SKIP_LOG") {
        let line = format!("{who}\t{reason}\n");
        // One write call per line: concurrent tests append whole lines.
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
            let _ = f.write_all(line.as_bytes());
        }
    }
}

/// Skips the current test: records why (see the crate docs) and returns from the test.
/// `skip!("reason")`, `skip!("{} is missing", what)`.
#[macro_export]
macro_rules! skip {
    ($($arg:tt)*) => {{
        $crate::record_skip(&format!($($arg)*));
        return;
    }};
}

/// Unwraps an availability check or skips the test: `let dir = require!(conformance_dir());`
#[macro_export]
macro_rules! require {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(why) => $crate::skip!("{}", why),
        }
    };
}

/// The program `name` on PATH, or why not.
pub fn tool(name: &str) -> Result<PathBuf, String> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        let candidate = dir.join(name);
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    Err(format!("`{name}` is not on PATH"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repo_root_holds_the_workspace() {
        assert!(repo_root().join("Cargo.toml").is_file());
        assert!(repo_path("crates/bridgegen-test-support/Cargo.toml").is_file());
    }

    #[test]
    fn a_missing_work_path_names_the_setup_script() {
        let err = work_path("no-such-dir-xyz").unwrap_err();
        assert!(err.contains("no-such-dir-xyz") && err.contains("tests/setup.sh"), "{err}");
    }

    #[test]
    fn a_missing_tool_is_reported_by_name() {
        let err = tool("bridgegen-no-such-tool-xyz").unwrap_err();
        assert!(err.contains("bridgegen-no-such-tool-xyz"), "{err}");
    }
}
