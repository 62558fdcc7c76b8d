//! Building the Go test programs under `tests/` (e.g. the Terraform providers in
//! `tests/tfprovider/`), cached outside the repo by a hash of their sources.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `go` run in `dir` offline, against the module and build caches `tests/setup/go.sh` fills in
/// `.work/go`: the module cache is the proxy, no checksum database, the local toolchain only.
pub fn go_offline(dir: &Path) -> Command {
    let work = crate::repo_path(".work/go");
    let mut c = Command::new("go");
    c.current_dir(dir)
        .env("GOMODCACHE", work.join("modcache"))
        .env("GOCACHE", work.join("buildcache"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", format!("file://{}", work.join("modcache/cache/download").display()))
        .env("GOSUMDB", "off")
        .env("GOTOOLCHAIN", "local");
    c
}

/// Whether Go SDKs can be built offline here: `go` and `gofmt` on PATH and the `.work/go/base`
/// module that `tests/setup/go.sh` prepares for `pulumi/sdk/v3` at `pulumi_sdk_version`.
/// `Err` says what is missing (the test skips with it).
pub fn go_ready(pulumi_sdk_version: &str) -> Result<(), String> {
    crate::tool("go")?;
    crate::tool("gofmt")?;
    crate::work_path(format!("go/base/.ready-{pulumi_sdk_version}"))?;
    Ok(())
}

/// Builds the Go main package in `repo/<package_dir>` into an executable named `bin_name`,
/// under `~/.cache/bridgegen/go-build/` (or `$BRIDGEGEN_CACHE/go-build/`) keyed by the hash of
/// its `go.mod`, `go.sum` and `.go` files; a cached build is reused.
///
/// `Err` (skip the test) only when `go` is not on PATH; a failing build panics with its output.
pub fn go_build(package_dir: &str, bin_name: &str) -> Result<PathBuf, String> {
    let go = crate::tool("go")?;
    let src = crate::repo_path(package_dir);
    let mut hasher = DefaultHasher::new();
    hash_sources(&src, &src, &mut hasher);
    let key = format!("{:016x}", hasher.finish());
    let dir = cache_dir()?.join("go-build").join(format!("{}-{key}", package_dir.replace('/', "_")));
    let bin = dir.join(bin_name);
    // One build at a time in this process (tests run in parallel threads).
    static BUILD: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = BUILD.lock().unwrap_or_else(|e| e.into_inner());
    if bin.is_file() {
        return Ok(bin);
    }
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    // Build to a temporary name and rename: concurrent test binaries never see half a file.
    let tmp = dir.join(format!(".{bin_name}.{}", std::process::id()));
    eprintln!("go build {package_dir} (first run: may take minutes) ...");
    let out = Command::new(go)
        .args(["build", "-o"])
        .arg(&tmp)
        .arg(".")
        .current_dir(&src)
        .output()
        .unwrap_or_else(|e| panic!("cannot run go: {e}"));
    assert!(out.status.success(), "go build in {package_dir} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    std::fs::rename(&tmp, &bin).unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    Ok(bin)
}

/// A third-party Go program installed with `go install <module>@<version>` (e.g. a real Terraform
/// provider from the Go module proxy), cached like [`go_build`]. Returns the executable and the
/// module's source folder in Go's module cache (read-only; real providers keep their docs there).
///
/// `Err` (skip the test) only when `go` is not on PATH; a failing install panics with its output.
pub fn go_install(module: &str, version: &str) -> Result<(PathBuf, PathBuf), String> {
    let go = crate::tool("go")?;
    let bin_name = module.rsplit('/').next().unwrap_or(module);
    let dir = cache_dir()?.join("go-install").join(format!("{}@{version}", module.replace('/', "_")));
    let bin = dir.join(bin_name);
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let target = format!("{module}@{version}");
    // `go mod download -json` names the source folder (and fetches it when an earlier install's
    // module cache was cleaned).
    let out = Command::new(&go).args(["mod", "download", "-json", &target]).env("GOFLAGS", "-mod=mod").output();
    let out = out.unwrap_or_else(|e| panic!("cannot run go: {e}"));
    assert!(out.status.success(), "go mod download {target} failed:\n{}", String::from_utf8_lossy(&out.stdout));
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).expect("go mod download -json output");
    let src = PathBuf::from(info["Dir"].as_str().expect("go mod download -json gives Dir"));
    if bin.is_file() {
        return Ok((bin, src));
    }
    let tmp = dir.join(format!(".tmp.{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap_or_else(|e| panic!("{}: {e}", tmp.display()));
    eprintln!("go install {target} (first run: may take minutes) ...");
    let out = Command::new(&go)
        .args(["install", &target])
        .env("GOBIN", &tmp)
        .env("GOFLAGS", "-mod=mod")
        .output()
        .unwrap_or_else(|e| panic!("cannot run go: {e}"));
    assert!(out.status.success(), "go install {target} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    std::fs::rename(tmp.join(bin_name), &bin).unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    let _ = std::fs::remove_dir(&tmp);
    Ok((bin, src))
}

/// `$BRIDGEGEN_CACHE`, else `~/.cache/bridgegen`.
fn cache_dir() -> Result<PathBuf, String> {
    std::env::var_os("BRIDGEGEN_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/bridgegen")))
        .ok_or_else(|| "neither BRIDGEGEN_CACHE nor HOME is set".to_string())
}

fn hash_sources(root: &Path, dir: &Path, hasher: &mut DefaultHasher) {
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).map(|r| r.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if path.is_dir() {
            hash_sources(root, &path, hasher);
        } else if name.ends_with(".go") || name == "go.mod" || name == "go.sum" {
            path.strip_prefix(root).unwrap_or(&path).hash(hasher);
            std::fs::read(&path).unwrap_or_default().hash(hasher);
        }
    }
}
