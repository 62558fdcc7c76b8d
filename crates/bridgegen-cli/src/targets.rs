//! The registry of targets: the one place that maps a target name to its generator.

use bridgegen_codegen::Generator;

/// Every target name `bridgegen.toml` may list, in generation order.
pub const TARGETS: &[&str] = &["nodejs", "python", "go", "dotnet", "docs", SITE];

/// The doc site: not a generator, but built from the package's `docs` target (see `project`).
pub const SITE: &str = "site";

/// The generator for a target name, or `None` if the name is unknown (or `site`).
pub fn generator(name: &str) -> Option<Box<dyn Generator>> {
    match name {
        "nodejs" => Some(Box::new(bridgegen_nodejs::NodejsGenerator)),
        "docs" => Some(Box::new(crate::docs_cmd::generator(crate::docs_cmd::DocsStyle::Pulumi))),
        "dotnet" => Some(Box::new(bridgegen_dotnet::DotnetGenerator)),
        "python" => Some(Box::new(bridgegen_python::PythonGenerator)),
        "go" => Some(Box::new(bridgegen_go::GoGenerator)),
        _ => None,
    }
}

/// Every SDK language's naming for the docs target, in tab order (TypeScript, Python, Go, C#).
/// Each comes from the language's own crate, so the docs spell names as the SDKs do.
pub fn language_docs() -> Vec<Box<dyn bridgegen_codegen::LanguageDocs>> {
    vec![
        Box::new(bridgegen_nodejs::docs::NodejsDocs),
        Box::new(bridgegen_python::PythonDocs),
        Box::new(bridgegen_go::GoDocs),
        Box::new(bridgegen_dotnet::DotnetDocs),
    ]
}
