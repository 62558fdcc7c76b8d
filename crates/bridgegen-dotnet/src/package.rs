//! View models of the package-level files: `Utilities.cs`, the `.csproj`, `README.md` and
//! `pulumi-plugin.json`.

use bridgegen_model::Package;
use serde::Serialize;

use crate::context::Names;
use crate::names::{string_literal, xml_escape};

/// `Utilities.cs`; literals are C# string literals.
#[derive(Serialize)]
pub struct UtilitiesVm {
    ns: String,
    attr: String,
    plugin_url_lit: Option<String>,
    version_resource_lit: String,
}

impl UtilitiesVm {
    pub fn new(pkg: &Package, names: &Names) -> Self {
        UtilitiesVm {
            ns: names.root_ns.clone(),
            attr: names.attr.clone(),
            plugin_url_lit: pkg.plugin_download_url.as_deref().map(string_literal),
            version_resource_lit: string_literal(&format!("{}.version.txt", names.root_ns)),
        }
    }
}

/// One `<PackageReference>`; every text in [`CsprojVm`] is XML-escaped.
#[derive(Serialize)]
pub struct PackageReferenceVm {
    name: String,
    version: String,
    /// `ExcludeAssets="contentFiles"`.
    exclude_content: bool,
}

#[derive(Serialize)]
pub struct CsprojVm {
    authors: String,
    description: String,
    license: String,
    homepage: String,
    repository: String,
    tags: String,
    assembly: String,
    version: String,
    framework: String,
    references: Vec<PackageReferenceVm>,
    project_references: Vec<String>,
}

impl CsprojVm {
    pub fn new(pkg: &Package, names: &Names, version: &str) -> Self {
        let x = |s: Option<&str>| xml_escape(s.unwrap_or(""));
        let opts = &names.opts;
        CsprojVm {
            authors: x(pkg.publisher.as_deref().or(Some("bridgegen"))),
            description: x(pkg.description.as_deref()),
            license: x(pkg.license.as_deref()),
            homepage: x(pkg.homepage.as_deref()),
            repository: x(pkg.repository.as_deref()),
            tags: xml_escape(&pkg.keywords.join(";")),
            assembly: xml_escape(&names.root_ns),
            version: xml_escape(version),
            framework: xml_escape(&opts.target_framework),
            references: opts
                .package_references
                .iter()
                .map(|(k, v)| PackageReferenceVm {
                    name: xml_escape(k),
                    version: xml_escape(v),
                    // Another Pulumi SDK (`Pulumi.Aws`, the SDK of a package this one refers
                    // to) ships its own version.txt as content: keep it out of this package,
                    // as Pulumi's generator does.
                    exclude_content: k.starts_with("Pulumi."),
                })
                .collect(),
            project_references: opts.project_references.iter().map(|r| xml_escape(r)).collect(),
        }
    }
}

#[derive(Serialize)]
pub struct ReadmeVm {
    title: String,
    description: String,
    name: String,
    assembly: String,
    alias: String,
    root_ns: String,
}

impl ReadmeVm {
    pub fn new(pkg: &Package, names: &Names) -> Self {
        ReadmeVm {
            title: pkg.display_name.clone().unwrap_or_else(|| pkg.name.clone()),
            description: pkg.description.clone().unwrap_or_default(),
            name: pkg.name.clone(),
            assembly: names.root_ns.clone(),
            alias: names.pkg_class.clone(),
            root_ns: names.root_ns.clone(),
        }
    }
}

/// `pulumi-plugin.json`, serialized as JSON in this field order.
#[derive(Serialize)]
pub struct PluginVm {
    resource: bool,
    name: String,
    version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    server: Option<String>,
}

impl PluginVm {
    pub fn new(pkg: &Package, version: &str) -> Self {
        PluginVm {
            resource: true,
            name: pkg.name.clone(),
            version: version.to_string(),
            server: pkg.plugin_download_url.clone(),
        }
    }
}
