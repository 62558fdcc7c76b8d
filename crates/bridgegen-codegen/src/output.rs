//! Writing generated files: each file atomically (temp file + rename in the same
//! directory), stale files from the previous run removed, foreign files kept.
//!
//! Which files are "ours" is recorded in a manifest in the output directory.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::{GeneratedFile, WriteError};

/// Lists the files the last run generated, one relative path per line.
pub const MANIFEST_FILE: &str = ".bridgegen-manifest";

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    pub written: usize,
    pub unchanged: usize,
    pub removed: Vec<String>,
}

/// How an output directory differs from what would be generated.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Drift {
    pub missing: Vec<String>,
    pub changed: Vec<String>,
    /// Files the manifest lists that would no longer be generated.
    pub stale: Vec<String>,
}

impl Drift {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.changed.is_empty() && self.stale.is_empty()
    }
}

fn checked_path(out: &Path, rel: &str) -> Result<PathBuf, WriteError> {
    let p = Path::new(rel);
    let safe = !rel.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if !safe {
        return Err(WriteError::UnsafePath(rel.to_string()));
    }
    Ok(out.join(p))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io { path: path.to_path_buf(), source }
}

fn read_manifest(out: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(out.join(MANIFEST_FILE))
        .map(|t| t.lines().filter(|l| !l.is_empty()).map(str::to_string).collect())
        .unwrap_or_default()
}

/// Writes `files` under `out` (created if missing). Files whose bytes are unchanged are
/// not rewritten. Files listed in the previous manifest but not generated now are removed.
pub fn write_output(out: &Path, files: &[GeneratedFile]) -> Result<WriteReport, WriteError> {
    // Validate every path before touching the disk.
    let targets: Vec<PathBuf> = files.iter().map(|f| checked_path(out, &f.path)).collect::<Result<_, _>>()?;
    std::fs::create_dir_all(out).map_err(io(out))?;
    let previous = read_manifest(out);
    let mut report = WriteReport::default();
    for (file, target) in files.iter().zip(&targets) {
        if std::fs::read(target).is_ok_and(|old| old == file.contents) {
            report.unchanged += 1;
            continue;
        }
        write_atomic(target, &file.contents)?;
        report.written += 1;
    }
    let current: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
    for stale in previous.difference(&current) {
        let Ok(path) = checked_path(out, stale) else { continue };
        if path.is_file() {
            std::fs::remove_file(&path).map_err(io(&path))?;
            report.removed.push(stale.clone());
            remove_empty_parents(out, &path);
        }
    }
    let mut manifest = String::new();
    for p in &current {
        manifest.push_str(p);
        manifest.push('\n');
    }
    write_atomic(&out.join(MANIFEST_FILE), manifest.as_bytes())?;
    Ok(report)
}

/// Compares `out` with what `files` would write, without writing anything.
pub fn check_output(out: &Path, files: &[GeneratedFile]) -> Result<Drift, WriteError> {
    let mut drift = Drift::default();
    for f in files {
        let target = checked_path(out, &f.path)?;
        match std::fs::read(&target) {
            Ok(old) if old == f.contents => {}
            Ok(_) => drift.changed.push(f.path.clone()),
            Err(_) => drift.missing.push(f.path.clone()),
        }
    }
    let current: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for p in read_manifest(out) {
        if !current.contains(p.as_str()) && out.join(&p).is_file() {
            drift.stale.push(p);
        }
    }
    Ok(drift)
}

/// Writes via a temp file in the same directory and a rename, so readers see either
/// the old or the new file, never half of one.
pub fn write_atomic(target: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut tmp = tempfile::Builder::new().prefix(".bridgegen-").tempfile_in(dir).map_err(io(dir))?;
    tmp.write_all(contents).map_err(io(target))?;
    tmp.as_file().sync_all().map_err(io(target))?;
    tmp.persist(target).map_err(|e| WriteError::Io { path: target.to_path_buf(), source: e.error })?;
    Ok(())
}

fn remove_empty_parents(out: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_stale_generated_files_and_keeps_foreign_ones() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let first = vec![GeneratedFile::new("a.txt", "a"), GeneratedFile::new("sub/b.txt", "b")];
        write_output(out, &first).unwrap();
        std::fs::write(out.join("foreign.txt"), "mine").unwrap();
        let second = vec![GeneratedFile::new("a.txt", "a2")];
        let report = write_output(out, &second).unwrap();
        assert_eq!(report.removed, vec!["sub/b.txt".to_string()]);
        assert_eq!(std::fs::read_to_string(out.join("a.txt")).unwrap(), "a2");
        assert!(!out.join("sub").exists(), "emptied directory removed");
        assert_eq!(std::fs::read_to_string(out.join("foreign.txt")).unwrap(), "mine");
        assert!(check_output(out, &second).unwrap().is_clean());
        let drift = check_output(out, &first).unwrap();
        assert_eq!(drift.changed, vec!["a.txt".to_string()]);
        assert_eq!(drift.missing, vec!["sub/b.txt".to_string()]);
    }

    #[test]
    fn rejects_paths_escaping_the_output_dir() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["../x", "/etc/passwd", "", "a/../../b"] {
            let err = write_output(dir.path(), &[GeneratedFile::new(bad, "x")]).unwrap_err();
            assert!(matches!(err, WriteError::UnsafePath(_)), "{bad}");
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing written");
    }
}
