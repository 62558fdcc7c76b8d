//! The bound model of a Pulumi package ([`Package`]) and the binder that builds it
//! from a decoded schema, reporting every problem as a [`Diagnostic`] with a JSON pointer.
//!
//! Generators depend on this crate only; they never see schema JSON.

mod bind;
mod check;
pub mod description;
pub mod language;
mod model;
mod usage;

pub use bridgegen_schema::{Diagnostic, Diagnostics, Severity};
pub use model::*;

use std::path::Path;

/// Loads, decodes and binds a schema file. Warnings come back beside the package.
pub fn load_package(path: &Path) -> Result<(Package, Vec<Diagnostic>), Diagnostics> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostics(vec![Diagnostic::error("#", format!("cannot read schema file: {e}")).with_file(path)])
    })?;
    let with_file = |ds: Vec<Diagnostic>| ds.into_iter().map(|d| d.with_file(path)).collect::<Vec<_>>();
    bind_str(&text).map(|(pkg, warnings)| (pkg, with_file(warnings))).map_err(|ds| Diagnostics(with_file(ds.0)))
}

/// Binds an already decoded schema (no file name in diagnostics).
pub fn bind_spec(spec: &bridgegen_schema::PackageSpec) -> Result<(Package, Vec<Diagnostic>), Diagnostics> {
    bind::bind(spec, &[]).map_err(Diagnostics)
}

/// Decodes and binds schema text (no file name in diagnostics). Decode errors do not
/// stop binding: the entries that decoded are still checked, so one run reports all.
pub fn bind_str(text: &str) -> Result<(Package, Vec<Diagnostic>), Diagnostics> {
    let partial = bridgegen_schema::load_str_partial(text)?;
    match bind::bind(&partial.spec, &partial.broken) {
        Ok(ok) if partial.errors.is_empty() => Ok(ok),
        Ok((_, warnings)) => Err(Diagnostics(partial.errors.into_iter().chain(warnings).collect())),
        Err(ds) => Err(Diagnostics(partial.errors.into_iter().chain(ds).collect())),
    }
}
