//! This generator's typed view of the schema's `language.nodejs` block.

use indexmap::IndexMap;
use serde::Deserialize;

use bridgegen_model::Package;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NodeOptions {
    pub package_name: Option<String>,
    pub package_description: Option<String>,
    pub readme: Option<String>,
    pub dependencies: IndexMap<String, String>,
    pub dev_dependencies: IndexMap<String, String>,
    pub peer_dependencies: IndexMap<String, String>,
    pub resolutions: IndexMap<String, String>,
    pub typescript_version: Option<String>,
    /// Module -> folder/namespace path (`apps.k8s.io/v1` -> `apps/v1`).
    pub module_to_package: IndexMap<String, String>,
    /// `kubernetes20`, `tfbridge20`: input types keep their bare name (no `Args` suffix).
    pub compatibility: Option<String>,
    /// Hand-written files added to tsconfig.json's `files`.
    pub extra_type_script_files: Vec<String>,
    /// A method whose result object has one property returns that property's value.
    pub lift_single_value_method_returns: bool,
    /// Output shapes print a union's default `type` (or `any`) instead of the union.
    pub disable_union_output_types: bool,
    /// Another Pulumi package's name -> the npm module it is imported from (default
    /// `@pulumi/<name>`).
    pub provider_name_to_module_name: IndexMap<String, String>,
    /// `import type * as enums` in resource and function files.
    pub use_type_only_references: bool,
}

impl NodeOptions {
    /// Decodes `language.nodejs` (checked and cleaned by the binder, see
    /// `bridgegen_model::language`); a block that still fails to decode falls back to defaults.
    pub fn from_package(pkg: &Package) -> NodeOptions {
        pkg.language_block("nodejs").and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default()
    }

    /// The npm package name: `packageName`, else `@pulumi/<name>`.
    pub fn package_name(&self, pkg: &Package) -> String {
        self.package_name.clone().unwrap_or_else(|| format!("@pulumi/{}", pkg.name))
    }
}
