//! Durability in one step, instead of an fsync per file (which dominated wall time: each
//! fsync is a journal commit). On Linux one `syncfs` per filesystem flushes every file and
//! directory written; elsewhere each path is fsynced.

use std::path::Path;

use crate::WriteError;

/// Makes everything written under `paths` (files or directories) durable: on Linux one
/// `syncfs` per filesystem they are on, elsewhere an fsync of each.
pub fn sync<'a>(paths: impl IntoIterator<Item = &'a Path>) -> Result<(), WriteError> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        let mut devices = Vec::new();
        for path in paths {
            let err = |error| WriteError::Io { action: "sync", path: path.to_path_buf(), error };
            let dev = match std::fs::metadata(path) {
                Ok(m) => m.dev(),
                // A folder emptied and removed by this run: nothing left to flush there.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(err(e)),
            };
            if !devices.contains(&dev) {
                devices.push(dev);
                let file = crate::stage::open_for_sync(path).map_err(err)?;
                rustix::fs::syncfs(&file).map_err(|e| err(e.into()))?;
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    for path in paths {
        // Directories cannot be opened on every platform; their entries are then as
        // durable as the platform makes them.
        if let Ok(file) = crate::stage::open_for_sync(path) {
            file.sync_all().map_err(|error| WriteError::Io { action: "sync", path: path.to_path_buf(), error })?;
        }
    }
    Ok(())
}
