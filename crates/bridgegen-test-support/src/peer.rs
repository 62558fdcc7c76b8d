//! Pulumi's own SDK generators as the peer of the API-parity tests: the `pulumigen` program in
//! `<shared>/peer/pulumigen` (Pulumi's pkg/v3 nodejs/python/go generators behind a small `main`),
//! built once into `<cache>/pulumigen-<key>/pulumigen`, where `<key>` is the hash of its sources
//! (the same shell pipeline as the Pulumi CLI's key), and its outputs cached beside it by the
//! schema's hash, so a warm run costs no peer time at all.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The cache root: `BRIDGEGEN_CACHE`, else `$XDG_CACHE_HOME/bridgegen`, else `~/.cache/bridgegen`.
pub fn cache_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("BRIDGEGEN_CACHE").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir).join("bridgegen"));
    }
    let home = std::env::var_os("HOME").ok_or("neither BRIDGEGEN_CACHE, XDG_CACHE_HOME nor HOME is set")?;
    Ok(PathBuf::from(home).join(".cache/bridgegen"))
}

/// The first 12 hex digits of the sha256 over the sorted files of `dir` (their paths and
/// contents): `find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum`.
pub fn tree_key(dir: &Path) -> Result<String, String> {
    sha256_of(dir, "find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12")
}

/// The first 12 hex digits of the sha256 of one file.
pub fn file_key(file: &Path) -> Result<String, String> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let name = file.file_name().ok_or_else(|| format!("{} is not a file", file.display()))?;
    sha256_of(dir, &format!("sha256sum '{}' | cut -c1-12", name.to_string_lossy().replace('\'', "'\\''")))
}

fn sha256_of(dir: &Path, script: &str) -> Result<String, String> {
    let out = Command::new("bash")
        .args(["-c", script])
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot hash in {}: {e}", dir.display()))?;
    let key = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || key.len() != 12 {
        return Err(format!("cannot hash in {}: {}", dir.display(), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(key)
}

/// The peer's cache folder (`<cache>/pulumigen-<key>`) and sources, or why there is no peer
/// (no shared folder, no `go`).
fn peer_home() -> Result<(PathBuf, PathBuf), String> {
    let src = crate::shared_path("peer/pulumigen/main.go")?.parent().unwrap().to_path_buf();
    crate::tool("go")?;
    let key = tree_key(&src)?;
    Ok((cache_dir()?.join(format!("pulumigen-{key}")), src))
}

/// The built peer program, building it on first use (`go mod tidy && go build`, minutes, needs
/// the Go module proxy); `Err` (skip) when the shared folder or `go` is missing. A failing
/// build panics with its log: that is a broken machine, not a reason to skip.
pub fn pulumigen() -> Result<PathBuf, String> {
    let (home, src) = peer_home()?;
    let bin = home.join("pulumigen");
    static BUILD: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = BUILD.lock().unwrap_or_else(|e| e.into_inner());
    if bin.is_file() {
        return Ok(bin);
    }
    // The shared folder may be read-only and `go mod tidy` writes go.mod/go.sum: build a copy.
    let work = home.join("src");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    for entry in std::fs::read_dir(&src).map_err(|e| format!("{}: {e}", src.display()))?.flatten() {
        if entry.path().is_file() {
            let to = work.join(entry.file_name());
            let _ = std::fs::remove_file(&to);
            std::fs::copy(entry.path(), &to).map_err(|e| format!("{}: {e}", to.display()))?;
            let mut perms = std::fs::metadata(&to).map_err(|e| e.to_string())?.permissions();
            #[allow(clippy::permissions_set_readonly_false)] // Unix only: the copy must be writable.
            perms.set_readonly(false);
            let _ = std::fs::set_permissions(&to, perms);
        }
    }
    eprintln!("building Pulumi's generators (peer/pulumigen) into {} (first run: minutes) ...", home.display());
    let tmp = home.join(format!(".pulumigen.{}", std::process::id()));
    let script = format!("go mod tidy && go build -o '{}' .", tmp.display());
    let out = Command::new("bash")
        .args(["-c", &script])
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "-mod=mod")
        .current_dir(&work)
        .output()
        .map_err(|e| format!("cannot run go: {e}"))?;
    assert!(
        out.status.success(),
        "building {} failed:\n{}{}",
        src.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::rename(&tmp, &bin).map_err(|e| format!("{}: {e}", bin.display()))?;
    Ok(bin)
}

/// What the peer made of one schema in one language.
pub enum PeerOutput {
    /// The folder holding the generated files.
    Generated(PathBuf),
    /// The peer rejected the schema or failed: its message.
    Failed(String),
}

/// The peer's `lang` (nodejs, python, go) SDK of `schema`, generated on first use into
/// `<peer cache>/out/<lang>/<schema stem>-<schema hash>/` (a failure is cached too, as
/// `<that>.failed` holding the message); `Err` (skip) when there is no peer.
pub fn peer_generate(lang: &str, schema: &Path) -> Result<PeerOutput, String> {
    let bin = pulumigen()?;
    let (home, _) = peer_home()?;
    let stem = schema.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    // pulumi-codegen cases are all named schema.json: name them by their folder.
    let stem = if stem == "schema" {
        schema.parent().and_then(|p| p.file_name()).map(|s| s.to_string_lossy().into_owned()).unwrap_or(stem)
    } else {
        stem
    };
    let base = home.join("out").join(lang);
    let dir = base.join(format!("{stem}-{}", file_key(schema)?));
    let failed = dir.with_extension("failed");
    if dir.is_dir() {
        return Ok(PeerOutput::Generated(dir));
    }
    if let Ok(why) = std::fs::read_to_string(&failed) {
        return Ok(PeerOutput::Failed(why));
    }
    std::fs::create_dir_all(&base).map_err(|e| format!("{}: {e}", base.display()))?;
    let tmp = base.join(format!(".tmp-{stem}-{lang}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let out = Command::new(&bin)
        .args(["-lang", lang, "-schema"])
        .arg(schema)
        .arg("-out")
        .arg(&tmp)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        let _ = std::fs::remove_dir_all(&tmp);
        std::fs::write(&failed, &why).map_err(|e| format!("{}: {e}", failed.display()))?;
        return Ok(PeerOutput::Failed(why));
    }
    // Another test process may have won the race; its output is the same.
    if std::fs::rename(&tmp, &dir).is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    Ok(PeerOutput::Generated(dir))
}
