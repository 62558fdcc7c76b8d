//! The bound model of a Pulumi package ([`Package`]) and the binder that builds it
//! from a decoded schema, reporting every problem as a [`Diagnostic`] with a JSON pointer.
//!
//! Generators depend on this crate only; they never see schema JSON.

mod bind;
mod check;
mod model;
mod usage;

pub use bridgegen_schema::{Diagnostic, Diagnostics, Severity};
pub use model::*;

use std::path::Path;

/// Loads, decodes and binds a schema file. Warnings come back beside the package.
pub fn load_package(path: &Path) -> Result<(Package, Vec<Diagnostic>), Diagnostics> {
    let spec = bridgegen_schema::load_file(path)?;
    bind::bind(&spec)
        .map(|(pkg, warnings)| {
            let warnings = warnings.into_iter().map(|d| d.with_file(path)).collect();
            (pkg, warnings)
        })
        .map_err(|ds| Diagnostics(ds.into_iter().map(|d| d.with_file(path)).collect()))
}

/// Binds an already decoded schema (no file name in diagnostics).
pub fn bind_spec(
    spec: &bridgegen_schema::PackageSpec,
) -> Result<(Package, Vec<Diagnostic>), Diagnostics> {
    bind::bind(spec).map_err(Diagnostics)
}

/// Decodes and binds schema text (no file name in diagnostics).
pub fn bind_str(text: &str) -> Result<(Package, Vec<Diagnostic>), Diagnostics> {
    let spec = bridgegen_schema::load_str(text)?;
    bind_spec(&spec)
}
