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
mod unique;

pub use bridgegen_model::Package;
pub use durable::sync as make_durable;
pub use output::{
    check_output, write_output, write_outputs, Drift, Output, WriteOptions, WriteReport, MANIFEST_FILE, NO_FSYNC_ENV,
};
pub use templates::{new_registry, render, TemplateSet};
pub use unique::{UniqueNames, Variant};

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

/// One SDK language's spelling of one package's API (names, modules, signatures).
///
/// Built once per package by [`LanguageDocs::naming`] from the same naming tables the
/// language's SDK generator uses, so the docs cannot disagree with the SDKs, and every
/// question is answered from the table instead of rebuilding it (which made docs quadratic).
pub trait PackageNaming {
    /// Docs language id: `typescript`, `python`, `go` or `csharp`.
    fn language(&self) -> &'static str;
    /// A property as this language spells it (`accountId`, `account_id`, `AccountId`).
    fn property_name(&self, prop: &bridgegen_model::Property) -> String;
    /// A type as it appears in this language's signatures for an input (`input = true`) or output.
    fn type_name(&self, ty: &bridgegen_model::Type, input: bool) -> String;
    /// The qualified resource class/struct name (`alicloud.ecs.ImageSharePermission`).
    fn resource_name(&self, res: &bridgegen_model::Resource) -> String;
    /// The constructor signature, one line, as a user writes it.
    fn constructor_signature(&self, res: &bridgegen_model::Resource) -> String;
    /// The signature of the static lookup (`get` / `GetX` / `Get`); empty when there is none.
    fn get_signature(&self, res: &bridgegen_model::Resource) -> String;
    /// The signature of a function (invoke), plain/promise form.
    fn function_signature(&self, func: &bridgegen_model::Function) -> String;
}

/// An SDK language the docs show: makes its [`PackageNaming`] for a package.
pub trait LanguageDocs {
    /// Docs language id: `typescript`, `python`, `go` or `csharp`.
    fn language(&self) -> &'static str;
    /// The language's naming of `pkg`, computed once; ask it everything about this package.
    fn naming<'p>(&self, pkg: &'p Package) -> Box<dyn PackageNaming + 'p>;
}

/// Finds members of a package by token in O(1), for naming objects that are asked about a
/// resource or function by reference (the model's ids are not on the members themselves).
#[derive(Debug, Default)]
pub struct TokenIndex {
    resources: std::collections::HashMap<String, usize>,
    functions: std::collections::HashMap<String, usize>,
}

impl TokenIndex {
    pub fn new(pkg: &Package) -> TokenIndex {
        // First occurrence wins, as the linear searches this replaces did.
        let mut resources = std::collections::HashMap::new();
        for (i, r) in pkg.resources.iter().enumerate() {
            resources.entry(r.token.full.clone()).or_insert(i);
        }
        let mut functions = std::collections::HashMap::new();
        for (i, f) in pkg.functions.iter().enumerate() {
            functions.entry(f.token.full.clone()).or_insert(i);
        }
        TokenIndex { resources, functions }
    }

    /// Index of the resource with this resource's token in `pkg.resources`.
    pub fn resource(&self, res: &bridgegen_model::Resource) -> Option<usize> {
        self.resources.get(&res.token.full).copied()
    }

    /// Index of the function with this function's token in `pkg.functions`.
    pub fn function(&self, func: &bridgegen_model::Function) -> Option<usize> {
        self.functions.get(&func.token.full).copied()
    }
}
