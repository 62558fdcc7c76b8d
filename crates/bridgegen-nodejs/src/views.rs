//! Typed views of the package-level files (`index.ts`, `types/`, `config/vars.ts`,
//! `utilities.ts`, `tsconfig.json`, `README.md`, `package.json`); [`crate::resource`],
//! [`crate::function`] and [`crate::objects`] hold the per-member views.

use indexmap::IndexMap;
use serde::Serialize;

use crate::objects::EnumView;

/// One member of a module's `index.ts`: its type exports and lazily loaded values.
#[derive(Serialize)]
pub struct IndexMember {
    pub file: String,
    pub name: String,
    pub is_class: bool,
    /// Interfaces re-exported (`FooArgs`, `FooState`, ...).
    pub type_exports: Vec<String>,
    /// Values loaded on first use.
    pub values: Vec<String>,
    /// `values` as string literals.
    pub lazy_names: Vec<String>,
    /// Re-exported eagerly (`export *`), for a resource whose file also exports a namespace.
    pub eager: bool,
}

/// A resource type the module's `construct` hook builds.
#[derive(Serialize)]
pub struct Construct {
    pub token: String,
    pub name: String,
}

/// A module's `index.ts`.
#[derive(Serialize)]
pub struct ModuleIndexView {
    /// Relative path to the package root (`./`, `../`).
    pub root: String,
    /// The global `Error`, qualified when a member shadows it.
    pub error: String,
    pub members: Vec<IndexMember>,
    pub has_enums: bool,
    pub enum_path: String,
    pub children: Vec<String>,
    pub is_root: bool,
    pub config: bool,
    pub types: bool,
    pub constructs: Vec<Construct>,
    /// Module names registered with the engine, as string literals.
    pub register_modules: Vec<String>,
    pub package: String,
    pub provider_type: String,
}

/// `types/input.ts` or `types/output.ts`: the rendered interfaces.
#[derive(Serialize)]
pub struct TypesFileView {
    pub entries: Vec<crate::objects::NsEntry>,
    pub enums: bool,
}

/// A `types/enums/**/index.ts`.
#[derive(Serialize)]
pub struct EnumsIndexView {
    pub children: Vec<String>,
    pub enums: Vec<EnumView>,
}

/// One getter of `config/vars.ts`.
#[derive(Serialize)]
pub struct ConfigVar {
    pub doc: String,
    pub name: String,
    pub key: String,
    pub ty: String,
    /// The config key's string literal (the schema's name).
    pub wire: String,
    /// `getObject<T>`'s `T`; `None` reads a string with `get`.
    pub object_type: Option<String>,
    /// The default after `??`.
    pub default: Option<String>,
}

/// `config/vars.ts`.
#[derive(Serialize)]
pub struct ConfigVarsView {
    pub package: String,
    pub vars: Vec<ConfigVar>,
    pub object_types: bool,
    pub enums: bool,
}

/// `utilities.ts`: the version and download URL as string literals.
#[derive(Serialize)]
pub struct UtilitiesView {
    pub version: String,
    pub plugin_download_url: Option<String>,
}

/// `tsconfig.json`: every TypeScript file compiled.
#[derive(Serialize)]
pub struct TsconfigView<'a> {
    pub files: Vec<&'a String>,
}

/// `README.md`: the schema's own readme, or one written from the package's names.
#[derive(Serialize)]
pub struct ReadmeView<'a> {
    pub readme: Option<&'a str>,
    pub title: &'a str,
    pub description: &'a str,
    pub npm_name: String,
    pub ident: String,
    pub package: &'a str,
    pub config: Vec<&'a str>,
}

/// `package.json`: the document, already serialized.
#[derive(Serialize)]
pub struct PackageJsonView {
    pub json: String,
}

/// The `package.json` document (field order as written by npm).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageJson<'a> {
    pub name: String,
    pub version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub keywords: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub homepage: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<&'a str>,
    pub main: &'static str,
    pub types: &'static str,
    pub files: [&'static str; 3],
    pub scripts: PackageScripts,
    pub dependencies: IndexMap<String, String>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub dev_dependencies: &'a IndexMap<String, String>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub peer_dependencies: &'a IndexMap<String, String>,
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub resolutions: &'a IndexMap<String, String>,
    pub pulumi: PulumiSection<'a>,
}

/// `scripts` of `package.json`.
#[derive(Serialize)]
pub struct PackageScripts {
    pub build: &'static str,
    pub postinstall: &'static str,
}

/// The `pulumi` section of `package.json`: what the engine reads to find the plugin.
#[derive(Serialize)]
pub struct PulumiSection<'a> {
    pub resource: bool,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<&'a str>,
}

/// The imports at the top of a resource or function file (`imports` template): the
/// `types` modules it uses, relative to the package root.
#[derive(Serialize)]
pub struct Imports {
    pub root: String,
    /// `inputs` and `outputs`.
    pub types: bool,
    /// `enums`, before `inputs` (needed by methods only) or after `outputs`.
    pub enums_first: bool,
    pub enums_last: bool,
    /// `useTypeOnlyReferences`: `import type * as enums` (these files use enums as types
    /// only; defaults are literals), which loads fewer modules at start-up.
    pub type_only_enums: bool,
}

/// `types/index.ts`: the `types` sub-modules (`enums`, `input`, `output`) it re-exports.
#[derive(Serialize)]
pub struct TypesIndexView {
    pub exports: Vec<&'static str>,
}

/// One `"key": value` entry of the arguments object passed to `invoke` or `call`: a
/// variable (`args`, a positional parameter, `this`) and a member access on it (or none).
#[derive(Serialize)]
pub struct CallArg {
    /// The wire name, as a string literal.
    pub key: String,
    pub var: String,
    /// `.name`, `?.name`, `["x-y"]`, or empty.
    pub member: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(deps: &'a IndexMap<String, String>, empty: &'a IndexMap<String, String>) -> PackageJson<'a> {
        PackageJson {
            name: "@pulumi/x".into(),
            version: "1.0.0",
            description: None,
            keywords: &[],
            homepage: None,
            repository: None,
            license: Some("Apache-2.0"),
            main: "bin/index.js",
            types: "bin/index.d.ts",
            files: ["bin/", "scripts/", "README.md"],
            scripts: PackageScripts { build: "tsc", postinstall: "node scripts/postinstall.js" },
            dependencies: deps.clone(),
            dev_dependencies: empty,
            peer_dependencies: deps,
            resolutions: deps,
            pulumi: PulumiSection { resource: true, name: "x", version: None, server: Some("https://example.test") },
        }
    }

    #[test]
    fn package_json_keeps_npm_field_order_and_drops_empty_sections() {
        let deps: IndexMap<String, String> = [("b".to_string(), "1".to_string()), ("a".into(), "2".into())].into();
        let empty = IndexMap::new();
        let text = serde_json::to_string(&doc(&deps, &empty)).unwrap();
        let at = |k: &str| text.find(&format!("\"{k}\"")).unwrap_or_else(|| panic!("{k} missing in {text}"));
        let order = ["name", "license", "main", "dependencies", "peerDependencies", "resolutions", "pulumi"];
        assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
        for absent in ["description", "keywords", "homepage", "devDependencies", "\"version\":null"] {
            assert!(!text.contains(absent), "{absent} in {text}");
        }
        // Dependencies keep insertion order, not sorted.
        assert!(text.contains(r#""dependencies":{"b":"1","a":"2"}"#), "{text}");
        assert!(text.contains(r#""server":"https://example.test""#), "{text}");
    }
}
