//! The contract between the CLI and the generators.
//!
//! A generator is fed a bound [`Package`] and returns every file it wants written, in
//! memory ([`GeneratedFile`]). Nothing touches the disk until generation has fully
//! succeeded; then [`write_outputs`] stages every file of every output, swaps them into
//! place (or, on failure, leaves the previous output exactly as it was) and removes files
//! that an earlier run generated but this one did not, leaving foreign files alone.

mod durable;
mod output;
mod stage;
mod templates;

pub use bridgegen_model::Package;
pub use durable::sync as make_durable;
pub use output::{
    check_output, write_output, write_outputs, Drift, Output, WriteOptions, WriteReport, MANIFEST_FILE, NO_FSYNC_ENV,
};
pub use templates::{new_registry, render, TemplateSet};

use std::path::PathBuf;

/// One file a generator wants written, relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative path with `/` separators, e.g. `ecs/imageSharePermission.ts`.
    pub path: String,
    pub contents: Vec<u8>,
}

impl GeneratedFile {
    pub fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> Self {
        GeneratedFile { path: path.into(), contents: contents.into() }
    }
}

/// Why a generator could not produce output.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("template `{template}` failed: {message}")]
    Template { template: String, message: String },
    /// The package uses something this generator cannot express; says what and where.
    #[error("{0}")]
    Unsupported(String),
    #[error("{0}")]
    Other(String),
}

/// A target: a language SDK or a docs flavour.
pub trait Generator {
    /// The name used on the command line (`nodejs`, `python`, `go`, `dotnet`, `docs`).
    fn name(&self) -> &'static str;

    /// Produces every file of the output, in a stable order, byte-identical across runs.
    fn generate(&self, pkg: &Package) -> Result<Vec<GeneratedFile>, GenError>;

    /// [`Generator::generate`], calling `tick` once per page as it is produced (for progress
    /// on long runs). Generators that do not report progress never call it.
    fn generate_with_progress(&self, pkg: &Package, tick: &dyn Fn()) -> Result<Vec<GeneratedFile>, GenError> {
        let _ = tick;
        self.generate(pkg)
    }
}

/// Errors while writing output.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// `error` is not a `#[source]`: the message already carries it, and `{:#}` chains
    /// would print it twice.
    #[error("cannot {action} {}: {error}", path.display())]
    Io { action: &'static str, path: PathBuf, error: std::io::Error },
    #[error("cannot write {}: a directory is in the way", .0.display())]
    DirectoryInTheWay(PathBuf),
    #[error("cannot create directory {}: a file is in the way", .0.display())]
    NotADirectory(PathBuf),
    #[error("generated path `{0}` is not a safe relative path")]
    UnsafePath(String),
}

/// How one SDK language names and spells the package's API, for the docs generator.
///
/// Each language crate implements this from the same naming code its SDK generator
/// uses, so docs cannot disagree with the SDKs.
pub trait LanguageDocs {
    /// Docs language id: `typescript`, `python`, `go` or `csharp`.
    fn language(&self) -> &'static str;
    /// A property as this language spells it (`accountId`, `account_id`, `AccountId`).
    fn property_name(&self, pkg: &Package, prop: &bridgegen_model::Property) -> String;
    /// A type as it appears in this language's signatures for an input (`input = true`) or output.
    fn type_name(&self, pkg: &Package, ty: &bridgegen_model::Type, input: bool) -> String;
    /// The qualified resource class/struct name (`alicloud.ecs.ImageSharePermission`).
    fn resource_name(&self, pkg: &Package, res: &bridgegen_model::Resource) -> String;
    /// The constructor signature, one line, as a user writes it.
    fn constructor_signature(&self, pkg: &Package, res: &bridgegen_model::Resource) -> String;
    /// The signature of the static lookup (`get` / `GetX` / `Get`).
    fn get_signature(&self, pkg: &Package, res: &bridgegen_model::Resource) -> String;
    /// The signature of a function (invoke), plain/promise form.
    fn function_signature(&self, pkg: &Package, func: &bridgegen_model::Function) -> String;
}
