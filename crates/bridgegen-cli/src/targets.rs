//! The registry of targets: the one place that maps a target name to its generator.

use bridgegen_codegen::Generator;

/// Every target name `bridgegen.toml` may list, in generation order.
pub const TARGETS: &[&str] = &["nodejs", "python", "go", "dotnet", "docs"];

/// The generator for a target name, or `None` if the name is unknown.
pub fn generator(name: &str) -> Option<Box<dyn Generator>> {
    let _ = name;
    None
}
