//! Writing generated files: all outputs of a run staged, then swapped into place (see
//! `stage`), stale files from the previous run removed, foreign files kept.
//!
//! Which files are "ours" is recorded in a manifest in the output directory.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::stage::Transaction;
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

fn read_manifest(out: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(out.join(MANIFEST_FILE))
        .map(|t| t.lines().filter(|l| !l.is_empty()).map(str::to_string).collect())
        .unwrap_or_default()
}

/// How output is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// Make the output durable before returning (one `syncfs` for the staged data, one for
    /// the renames). Off with `BRIDGEGEN_NO_FSYNC=1` (CI, tests) or `--no-fsync`.
    pub fsync: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        let off = std::env::var_os(NO_FSYNC_ENV).is_some_and(|v| !v.is_empty() && v != "0");
        WriteOptions { fsync: !off }
    }
}

/// Set (to anything but `0`) to skip the durability step; see [`WriteOptions::fsync`].
pub const NO_FSYNC_ENV: &str = "BRIDGEGEN_NO_FSYNC";

/// One output directory and the files it should hold.
#[derive(Debug, Clone, Copy)]
pub struct Output<'a> {
    pub dir: &'a Path,
    pub files: &'a [GeneratedFile],
}

/// Writes `files` under `out` (created if missing); see [`write_outputs`].
pub fn write_output(out: &Path, files: &[GeneratedFile]) -> Result<WriteReport, WriteError> {
    let mut reports = write_outputs(&[Output { dir: out, files }], WriteOptions::default())?;
    Ok(reports.pop().expect("one report per output"))
}

/// Writes several outputs as one transaction: every changed file of every output is staged
/// first, then all are swapped into place; files the previous manifest lists but that are no
/// longer generated are removed; foreign files are never touched. Files whose bytes are
/// unchanged are not rewritten. On any failure the previous output is left byte-identical.
pub fn write_outputs(outputs: &[Output<'_>], opts: WriteOptions) -> Result<Vec<WriteReport>, WriteError> {
    // Validate every path before touching the disk.
    let mut planned = Vec::new();
    for o in outputs {
        let targets: Vec<PathBuf> = o.files.iter().map(|f| checked_path(o.dir, &f.path)).collect::<Result<_, _>>()?;
        planned.push(targets);
    }
    let mut txn = Transaction::default();
    let mut reports = Vec::new();
    for (o, targets) in outputs.iter().zip(&planned) {
        txn.ensure_dir(o.dir)?;
        let previous = read_manifest(o.dir);
        let mut report = WriteReport::default();
        for (file, target) in o.files.iter().zip(targets) {
            if target.is_dir() {
                return Err(WriteError::DirectoryInTheWay(target.clone()));
            }
            if std::fs::read(target).is_ok_and(|old| old == file.contents) {
                report.unchanged += 1;
            } else {
                txn.stage(target, &file.contents)?;
                report.written += 1;
            }
        }
        let current: BTreeSet<&str> = o.files.iter().map(|f| f.path.as_str()).collect();
        for stale in previous.iter().filter(|p| !current.contains(p.as_str())) {
            let Ok(path) = checked_path(o.dir, stale) else { continue };
            if path.is_file() {
                txn.remove(path);
                report.removed.push(stale.clone());
            }
        }
        let manifest: String = current.iter().map(|p| format!("{p}\n")).collect();
        let manifest_path = o.dir.join(MANIFEST_FILE);
        if std::fs::read(&manifest_path).map_or(true, |old| old != manifest.as_bytes()) {
            txn.stage(&manifest_path, manifest.as_bytes())?;
        }
        reports.push(report);
    }
    let out_dirs: Vec<&Path> = outputs.iter().map(|o| o.dir).collect();
    if txn.is_empty() {
        return Ok(reports);
    }
    if opts.fsync {
        // Staged data first, so a crash after a rename never exposes an unwritten file.
        crate::durable::sync(out_dirs.iter().copied().chain(txn.staged_paths()))?;
    }
    txn.swap()?;
    let touched = txn.commit(&out_dirs);
    if opts.fsync {
        crate::durable::sync(out_dirs.iter().copied().chain(touched.iter().map(PathBuf::as_path)))?;
    }
    Ok(reports)
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

#[cfg(test)]
mod tests {
    use super::*;
    use bridgegen_test_support::tree_snapshot;

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

    fn no_sync() -> WriteOptions {
        WriteOptions { fsync: false }
    }

    #[test]
    fn a_failed_swap_leaves_every_output_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let first_a = vec![GeneratedFile::new("x.txt", "x1"), GeneratedFile::new("old.txt", "old")];
        let first_b = vec![GeneratedFile::new("y.txt", "y1")];
        let outs = [Output { dir: &a, files: &first_a }, Output { dir: &b, files: &first_b }];
        write_outputs(&outs, no_sync()).unwrap();
        std::fs::write(a.join("foreign.txt"), "mine").unwrap();
        let before = tree_snapshot(dir.path());
        // Second run: changes x, drops old.txt, adds a nested file, changes b; the swap of
        // b's file fails after a's files were already swapped.
        let second_a = vec![GeneratedFile::new("x.txt", "x2"), GeneratedFile::new("new/deep/z.txt", "z")];
        let second_b = vec![GeneratedFile::new("y.txt", "y2")];
        let outs = [Output { dir: &a, files: &second_a }, Output { dir: &b, files: &second_b }];
        crate::stage::tests::fail_swap_at(Some("y.txt"));
        let err = write_outputs(&outs, no_sync()).unwrap_err();
        crate::stage::tests::fail_swap_at(None);
        assert!(err.to_string().contains("y.txt"), "{err}");
        assert_eq!(tree_snapshot(dir.path()), before, "previous output restored exactly, nothing left behind");
        // And the same run succeeds once nothing fails.
        let reports = write_outputs(&outs, no_sync()).unwrap();
        assert_eq!(reports[0].removed, vec!["old.txt".to_string()]);
        assert_eq!(std::fs::read_to_string(a.join("new/deep/z.txt")).unwrap(), "z");
        assert_eq!(std::fs::read_to_string(b.join("y.txt")).unwrap(), "y2");
    }

    #[test]
    fn colliding_paths_fail_before_anything_is_swapped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        write_output(&out, &[GeneratedFile::new("a.txt", "a1"), GeneratedFile::new("f", "file")]).unwrap();
        std::fs::create_dir(out.join("class.go")).unwrap();
        let before = tree_snapshot(dir.path());
        // A directory where a file must go.
        let files = vec![GeneratedFile::new("a.txt", "a2"), GeneratedFile::new("class.go", "package x")];
        let err = write_outputs(&[Output { dir: &out, files: &files }], no_sync()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("cannot write {}: a directory is in the way", out.join("class.go").display())
        );
        assert_eq!(tree_snapshot(dir.path()), before);
        // A file where a directory must go.
        let files = vec![GeneratedFile::new("a.txt", "a2"), GeneratedFile::new("f/g/h.txt", "h")];
        let err = write_outputs(&[Output { dir: &out, files: &files }], no_sync()).unwrap_err();
        assert!(err.to_string().contains("a file is in the way"), "{err}");
        assert_eq!(tree_snapshot(dir.path()), before);
    }

    #[test]
    fn io_errors_name_the_path_once() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, "").unwrap();
        let err = write_output(&blocker.join("out"), &[GeneratedFile::new("a", "a")]).unwrap_err();
        let text = format!("{err}");
        assert_eq!(text.matches("blocker").count(), 1, "{text}");
        assert!(std::error::Error::source(&err).is_none(), "no source to repeat in a chain");
    }

    #[test]
    fn unchanged_runs_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![GeneratedFile::new("a.txt", "a")];
        write_output(dir.path(), &files).unwrap();
        let mtime = |p: &Path| std::fs::metadata(p).unwrap().modified().unwrap();
        let (a, m) = (mtime(&dir.path().join("a.txt")), mtime(&dir.path().join(MANIFEST_FILE)));
        let report = write_output(dir.path(), &files).unwrap();
        assert_eq!((report.written, report.unchanged), (0, 1));
        assert_eq!(mtime(&dir.path().join("a.txt")), a);
        assert_eq!(mtime(&dir.path().join(MANIFEST_FILE)), m);
    }
}
