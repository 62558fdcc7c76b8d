//! Stage, then swap: the transaction behind [`crate::write_outputs`].
//!
//! 1. Stage: every changed file of every output is written to a temp file next to its
//!    destination (same directory, so the later rename is atomic and never crosses a
//!    filesystem). Nothing visible changes yet.
//! 2. Make the staged data durable (one `syncfs` per filesystem, see `durable`).
//! 3. Swap: rename each temp file over its destination, keeping the old file as a backup
//!    (hard link, so readers never see it missing); stale files are renamed to backups too.
//! 4. Commit (drop the backups, make the renames durable) or, if any step failed, roll back:
//!    backups are renamed back, new files and created directories removed, so the previous
//!    output is left byte-identical.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::WriteError;

fn io_err<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> WriteError + 'a {
    move |error| WriteError::Io { action, path: path.to_path_buf(), error }
}

/// A hidden sibling name for `dest`: `.<name>.bridgegen-<pid>-<n>.<ext>`.
fn sibling(dest: &Path, ext: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    dest.with_file_name(format!(".{name}.bridgegen-{}-{n}.{ext}", std::process::id()))
}

/// One step of the swap that has happened and can be undone.
enum Done {
    /// `dest` now holds the new file; `backup` holds the old one.
    Replaced { dest: PathBuf, backup: PathBuf },
    /// `dest` did not exist before.
    Created { dest: PathBuf },
    /// A stale file was moved to `backup`.
    Removed { dest: PathBuf, backup: PathBuf },
}

struct Staged {
    tmp: PathBuf,
    dest: PathBuf,
}

/// The changes of one run, staged but not yet visible.
#[derive(Default)]
pub(crate) struct Transaction {
    created_dirs: Vec<PathBuf>,
    staged: Vec<Staged>,
    removals: Vec<PathBuf>,
    done: Vec<Done>,
    committed: bool,
}

impl Transaction {
    /// Creates `dir` and its missing parents, remembering which ones it created.
    pub(crate) fn ensure_dir(&mut self, dir: &Path) -> Result<(), WriteError> {
        let mut missing = Vec::new();
        let mut cur = Some(dir);
        while let Some(d) = cur {
            if d.as_os_str().is_empty() {
                break;
            }
            match fs::metadata(d) {
                Ok(m) if m.is_dir() => break,
                Ok(_) => return Err(WriteError::NotADirectory(d.to_path_buf())),
                // Missing, or under a file (then the walk up finds that file) or unreadable
                // (then creating it says why).
                Err(_) => missing.push(d.to_path_buf()),
            }
            cur = d.parent();
        }
        for d in missing.into_iter().rev() {
            match fs::create_dir(&d) {
                Ok(()) => self.created_dirs.push(d),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && d.is_dir() => {}
                Err(e) => return Err(io_err("create directory", &d)(e)),
            }
        }
        Ok(())
    }

    /// Writes `contents` to a temp file beside `dest`. The mode follows the umask.
    pub(crate) fn stage(&mut self, dest: &Path, contents: &[u8]) -> Result<(), WriteError> {
        let dir = dest.parent().unwrap_or(Path::new("."));
        self.ensure_dir(dir)?;
        let tmp = sibling(dest, "tmp");
        // `create_new`: never follow or clobber something already there. Mode 0666 & ~umask.
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp).map_err(io_err("write", dest))?;
        self.staged.push(Staged { tmp, dest: dest.to_path_buf() });
        file.write_all(contents).map_err(io_err("write", dest))?;
        Ok(())
    }

    /// Marks a stale file for removal at swap time.
    pub(crate) fn remove(&mut self, path: PathBuf) {
        self.removals.push(path);
    }

    /// Nothing to write or remove.
    pub(crate) fn is_empty(&self) -> bool {
        self.staged.is_empty() && self.removals.is_empty()
    }

    /// Temp files written so far (for the durability step before the swap).
    pub(crate) fn staged_paths(&self) -> impl Iterator<Item = &Path> {
        self.staged.iter().map(|s| s.tmp.as_path())
    }

    /// Renames every staged file into place and moves stale files aside.
    pub(crate) fn swap(&mut self) -> Result<(), WriteError> {
        let staged = std::mem::take(&mut self.staged);
        for (i, s) in staged.iter().enumerate() {
            if let Err(e) = self.swap_one(s) {
                // Leave the rest staged so the rollback removes their temp files.
                self.staged = staged.into_iter().skip(i).collect();
                return Err(e);
            }
        }
        for dest in std::mem::take(&mut self.removals) {
            let backup = sibling(&dest, "old");
            fs::rename(&dest, &backup).map_err(io_err("remove", &dest))?;
            self.done.push(Done::Removed { dest, backup });
        }
        Ok(())
    }

    fn swap_one(&mut self, s: &Staged) -> Result<(), WriteError> {
        #[cfg(test)]
        tests::maybe_fail(&s.dest)?;
        let existed = match fs::symlink_metadata(&s.dest) {
            Ok(m) if m.is_dir() => return Err(WriteError::DirectoryInTheWay(s.dest.clone())),
            Ok(_) => true,
            Err(_) => false,
        };
        if existed {
            let backup = sibling(&s.dest, "old");
            // A hard link keeps `dest` readable throughout; fall back to a rename where
            // links are not supported.
            if fs::hard_link(&s.dest, &backup).is_err() {
                fs::rename(&s.dest, &backup).map_err(io_err("replace", &s.dest))?;
            }
            self.done.push(Done::Replaced { dest: s.dest.clone(), backup });
        }
        fs::rename(&s.tmp, &s.dest).map_err(io_err("replace", &s.dest))?;
        if !existed {
            self.done.push(Done::Created { dest: s.dest.clone() });
        }
        Ok(())
    }

    /// Makes the swap final: drops backups and directories emptied by removals.
    /// Returns every directory whose entries changed.
    pub(crate) fn commit(mut self, out_dirs: &[&Path]) -> Vec<PathBuf> {
        self.committed = true;
        let mut touched = Vec::new();
        for d in std::mem::take(&mut self.done) {
            match d {
                Done::Replaced { dest, backup } => {
                    let _ = fs::remove_file(&backup);
                    touched.push(dest);
                }
                Done::Created { dest } => touched.push(dest),
                Done::Removed { dest, backup } => {
                    let _ = fs::remove_file(&backup);
                    remove_empty_parents(out_dirs, &dest);
                    touched.push(dest);
                }
            }
        }
        let mut dirs: Vec<PathBuf> = touched.iter().filter_map(|p| p.parent().map(Path::to_path_buf)).collect();
        dirs.extend(self.created_dirs.iter().filter_map(|d| d.parent().map(Path::to_path_buf)));
        dirs.sort();
        dirs.dedup();
        dirs
    }

    /// Undoes everything: the previous output is restored exactly.
    fn rollback(&mut self) {
        for d in std::mem::take(&mut self.done).into_iter().rev() {
            match d {
                Done::Replaced { dest, backup } | Done::Removed { dest, backup } => {
                    let _ = fs::rename(&backup, &dest);
                }
                Done::Created { dest } => {
                    let _ = fs::remove_file(&dest);
                }
            }
        }
        for s in std::mem::take(&mut self.staged) {
            let _ = fs::remove_file(&s.tmp);
        }
        for d in std::mem::take(&mut self.created_dirs).into_iter().rev() {
            let _ = fs::remove_dir(&d);
        }
    }
}

impl Drop for Transaction {
    fn drop(&mut self) {
        if !self.committed {
            self.rollback();
        }
    }
}

fn remove_empty_parents(out_dirs: &[&Path], file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if out_dirs.contains(&d) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Opens a path for fsync (directories too, on Unix).
pub(crate) fn open_for_sync(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    use super::*;

    thread_local! {
        /// Test hook: the swap fails when it reaches a destination with this file name.
        static FAIL_AT: Cell<Option<&'static str>> = const { Cell::new(None) };
    }

    pub(crate) fn fail_swap_at(name: Option<&'static str>) {
        FAIL_AT.with(|f| f.set(name));
    }

    pub(super) fn maybe_fail(dest: &Path) -> Result<(), WriteError> {
        match FAIL_AT.with(Cell::get) {
            Some(name) if dest.file_name().is_some_and(|n| n == name) => Err(WriteError::Io {
                action: "replace",
                path: dest.to_path_buf(),
                error: io::Error::other("injected failure"),
            }),
            _ => Ok(()),
        }
    }
}
