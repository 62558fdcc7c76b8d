//! The Pulumi Package Schema format: serde types ([`spec`]), loading with precise
//! diagnostics ([`load_file`], [`load_str`]), and the format's JSON Schema
//! ([`json_schema`]), generated from the same types.
//!
//! Generators never use this crate: they read the bound model of `bridgegen-model`.

pub mod diagnostic;
mod load;
pub mod spec;

pub use diagnostic::{Diagnostic, Diagnostics, Pointer, Severity};
pub use load::{load_file, load_str, load_str_partial, load_value, PartialLoad};
pub use spec::*;

/// The JSON Schema of the schema format, as committed in `schema/pulumi-package.schema.json`.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(PackageSpec);
    serde_json::to_value(schema).expect("a JSON Schema always serializes")
}

/// The JSON Schema, pretty-printed with a trailing newline (the committed file's bytes).
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).expect("serializable");
    text.push('\n');
    text
}
