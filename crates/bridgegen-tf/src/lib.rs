//! Terraform bridge, design time: a Terraform provider's schema (`terraform providers schema
//! -json` format) plus its Markdown docs become a Pulumi Package Schema, following Pulumi's
//! tfgen so the result is a drop-in. See `crates/bridgegen-tf/README.md` for the mapping rules
//! and where bridgegen departs from tfgen.

pub mod config;
pub mod docs;
pub mod examples;
pub mod functions;
pub mod mapping;
pub mod meta;
pub mod names;
pub mod package;
pub mod prose;
pub mod report;
pub mod tfschema;

use std::path::{Path, PathBuf};

pub use config::BridgeConfig;
pub use meta::BridgeMetadata;
pub use package::{bridge, BridgeInput, Bridged};
pub use report::Report;
pub use tfschema::ProvidersSchema;

/// Why bridging failed; each variant says which exit code applies.
#[derive(Debug, thiserror::Error)]
pub enum BridgeError {
    /// Invalid input (exit 1): the file and a JSON pointer (or TOML path) into it.
    #[error("{message}\n  --> {} #{pointer}", file.display())]
    Invalid { file: PathBuf, pointer: String, message: String },
    /// Several invalid-input problems at once.
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n\n"))]
    Many(Vec<BridgeError>),
    /// I/O failure (exit 3).
    // The I/O error is part of the message, not a `source`: anyhow's `{:#}` would print it twice.
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: std::io::Error },
}

impl BridgeError {
    pub fn invalid(file: &Path, pointer: impl Into<String>, message: String) -> BridgeError {
        BridgeError::Invalid { file: file.to_path_buf(), pointer: pointer.into(), message }
    }

    pub fn io(path: &Path, source: std::io::Error) -> BridgeError {
        BridgeError::Io { path: path.to_path_buf(), error: source }
    }

    /// True for bad input (exit 1), false for I/O (exit 3).
    pub fn is_invalid(&self) -> bool {
        !matches!(self, BridgeError::Io { .. })
    }
}

/// The files a bridge run reads.
#[derive(Debug, Clone, Default)]
pub struct BridgeFiles {
    pub tf_schema: PathBuf,
    pub docs: Option<PathBuf>,
    /// `bridge.toml`; `None` means `name` = the provider's short name and every default.
    pub config: Option<PathBuf>,
    /// Other providers' Terraform schemas the examples use (e.g. `random`), bridged with defaults.
    pub example_schemas: Vec<PathBuf>,
}

/// Loads everything and bridges. The extra providers are bridged with a minimal config each.
pub fn bridge_files(files: &BridgeFiles) -> Result<Bridged, BridgeError> {
    let tf = ProvidersSchema::load(&files.tf_schema)?;
    let config = match &files.config {
        Some(p) => BridgeConfig::load(p)?,
        None => {
            let addr = tf.provider_schemas.keys().next().cloned().unwrap_or_default();
            BridgeConfig::minimal(addr.rsplit('/').next().unwrap_or("provider"))
        }
    };
    let mut extra = Vec::new();
    for p in &files.example_schemas {
        let other = ProvidersSchema::load(p)?;
        let addr = other.provider_schemas.keys().next().cloned().unwrap_or_default();
        let cfg = BridgeConfig::minimal(addr.rsplit('/').next().unwrap_or("provider"));
        let b = bridge(&BridgeInput {
            tf_schema: &other,
            tf_schema_path: p,
            docs: None,
            config: &cfg,
            extra_packages: &[],
        })?;
        extra.push((b.metadata, b.schema));
    }
    bridge(&BridgeInput {
        tf_schema: &tf,
        tf_schema_path: &files.tf_schema,
        docs: files.docs.as_deref(),
        config: &config,
        extra_packages: &extra,
    })
}

/// Pretty JSON with a trailing newline (the bytes written to disk).
pub fn to_json_text<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("serializable");
    s.push('\n');
    s
}

/// Where the bridge metadata goes: beside the schema, `<stem>.bridge-metadata.json`.
pub fn metadata_path(schema_out: &Path) -> PathBuf {
    let stem = schema_out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "schema".into());
    schema_out.with_file_name(format!("{stem}.bridge-metadata.json"))
}

/// Writes via a temp file in the same folder and a rename: readers see the old or the new file.
pub fn write_atomic(target: &Path, contents: &[u8]) -> Result<(), BridgeError> {
    use std::io::Write;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| BridgeError::io(dir, e))?;
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.{}.tmp", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
    // OpenOptions (not tempfile, which forces 0600): the file's mode follows the umask.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(contents).and_then(|_| f.sync_all()));
    let renamed = written.and_then(|_| std::fs::rename(&tmp, target));
    if let Err(e) = renamed {
        let _ = std::fs::remove_file(&tmp);
        return Err(BridgeError::io(target, e));
    }
    Ok(())
}
