//! The `nodejs` target: a TypeScript package shaped like the ones Pulumi's own Node.js
//! code generator emits (`package.json`, `index.ts` with lazily loaded members, one
//! folder per module, `types/{input,output,enums}`, `provider.ts`, `config/vars.ts`).
//!
//! Rust computes names and type strings ([`names`], [`context`], [`types`]) and builds a
//! view model per file ([`resource`], [`function`], [`objects`]); the handlebars
//! templates in `templates/nodejs/` only print.

pub mod context;
pub mod doc;
pub mod docs;
pub mod function;
pub mod names;
pub mod objects;
pub mod options;
pub mod resource;
pub mod types;
pub mod views;

use std::collections::{BTreeMap, BTreeSet};

use handlebars::Handlebars;
use indexmap::IndexMap;
use serde::Serialize;

use bridgegen_codegen::{new_registry, render, GenError, GeneratedFile, Generator, TemplateSet};
use bridgegen_model::{ExternalRef, Package, Type};

use context::Names;
pub use docs::NodejsDocs;
use names::js_string;
use views::{
    ConfigVar, ConfigVarsView, Construct, EnumsIndexView, IndexMember, ModuleIndexView, PackageJson, PackageJsonView,
    PackageScripts, PulumiSection, ReadmeView, TsconfigView, TypesFileView, TypesIndexView, UtilitiesView,
};

/// Every template, embedded.
pub const TEMPLATES: TemplateSet = &[
    ("header", include_str!("../../../templates/nodejs/header.hbs")),
    ("imports", include_str!("../../../templates/nodejs/imports.ts.hbs")),
    ("resource", include_str!("../../../templates/nodejs/resource.ts.hbs")),
    ("function", include_str!("../../../templates/nodejs/function.ts.hbs")),
    ("object", include_str!("../../../templates/nodejs/object.ts.hbs")),
    ("types_file", include_str!("../../../templates/nodejs/types_file.ts.hbs")),
    ("types_ns", include_str!("../../../templates/nodejs/types_ns.ts.hbs")),
    ("types_index", include_str!("../../../templates/nodejs/types_index.ts.hbs")),
    ("enums", include_str!("../../../templates/nodejs/enums.ts.hbs")),
    ("module_index", include_str!("../../../templates/nodejs/module_index.ts.hbs")),
    ("config_vars", include_str!("../../../templates/nodejs/config_vars.ts.hbs")),
    ("config_index", include_str!("../../../templates/nodejs/config_index.ts.hbs")),
    ("utilities", include_str!("../../../templates/nodejs/utilities.ts.hbs")),
    ("package_json", include_str!("../../../templates/nodejs/package.json.hbs")),
    ("tsconfig", include_str!("../../../templates/nodejs/tsconfig.json.hbs")),
    ("readme", include_str!("../../../templates/nodejs/README.md.hbs")),
];

/// `scripts/postinstall.js`: builds the SDK when it is installed from source (see the script).
pub const POSTINSTALL: &str = include_str!("../../../templates/nodejs/postinstall.js");

/// `.gitignore` of the SDK folder: what installing it from source writes there.
pub const GITIGNORE: &str =
    "# Written when this folder is installed with `npm install <folder>`.\nnode_modules/\nbin/\n";

/// The version of `@pulumi/pulumi` generated packages depend on (at least).
pub const PULUMI_DEPENDENCY: &str = "^3.269.0";

/// The `nodejs` generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct NodejsGenerator;

impl Generator for NodejsGenerator {
    fn name(&self) -> &'static str {
        "nodejs"
    }

    fn generate(&self, pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
        let hb = registry()?;
        Gen { pkg, names: Names::new(pkg), hb: &hb, opts: options::NodeOptions::from_package(pkg) }.run()
    }
}

/// A registry with every template registered.
pub fn registry() -> Result<Handlebars<'static>, GenError> {
    new_registry(TEMPLATES)
}

/// The banner every generated `.ts` file starts with. Prepended in Rust rather than
/// through a partial: handlebars copies the whole context into each partial call.
pub const HEADER: &str = include_str!("../../../templates/nodejs/header.hbs");

/// Renders a `.ts` template and puts the banner on top.
fn render_ts<T: Serialize>(hb: &Handlebars<'_>, name: &str, data: &T) -> Result<String, GenError> {
    Ok(format!("{HEADER}{}", render(hb, name, data)?))
}

struct Gen<'a> {
    pkg: &'a Package,
    names: Names,
    hb: &'a Handlebars<'static>,
    opts: options::NodeOptions,
}

impl<'a> Gen<'a> {
    fn run(&self) -> Result<Vec<GeneratedFile>, GenError> {
        let pkg = self.pkg;
        let mut files: BTreeMap<String, String> = BTreeMap::new();

        // Resources and functions, one file each.
        for (i, r) in pkg.resources.iter().enumerate() {
            if r.is_overlay {
                continue;
            }
            let view = resource::build(pkg, &self.names, r, &self.names.resource_class[i]);
            let path = format!("{}{}.ts", self.names.module_dir(&r.token.module), self.names.resource_file[i]);
            files.insert(path, render_ts(self.hb, "resource", &view)?);
        }
        let provider = resource::build(pkg, &self.names, &pkg.provider, "Provider");
        files.insert("provider.ts".into(), render_ts(self.hb, "resource", &provider)?);
        for (i, f) in pkg.functions.iter().enumerate() {
            if f.is_overlay || f.method_of.is_some() {
                continue;
            }
            let view =
                function::build(pkg, &self.names, f, &self.names.function_name[i], &self.names.function_output_name[i]);
            let path = format!("{}{}.ts", self.names.module_dir(&f.token.module), self.names.function_file[i]);
            files.insert(path, render_ts(self.hb, "function", &view)?);
        }

        // Module indexes, for every module with members (resources, functions, enums; a module
        // of types only has none, as in Pulumi's SDKs) and every folder above one.
        let mut dirs: BTreeSet<String> = BTreeSet::new();
        dirs.insert(String::new());
        let has_members = |m: &&bridgegen_model::Module| {
            m.resources.iter().any(|r| !pkg.resource(*r).is_overlay)
                || m.functions.iter().any(|f| !pkg.function(*f).is_overlay && pkg.function(*f).method_of.is_none())
                || m.has_sdk_enums(pkg)
        };
        for m in pkg.modules.iter().filter(has_members) {
            let segs = self.names.module_segments(&m.name);
            for n in 1..=segs.len() {
                dirs.insert(segs[..n].join("/"));
            }
        }
        for dir in &dirs {
            let text = self.module_index(dir, &dirs)?;
            let path = if dir.is_empty() { "index.ts".to_string() } else { format!("{dir}/index.ts") };
            files.insert(path, text);
        }

        // Types and enums: `types/input.ts` and `types/output.ts` when some object type is
        // emitted, `types/enums/` when the package has enums (as Pulumi's SDKs).
        if self.has_types_module() {
            let mut exports = Vec::new();
            if self.has_object_types() {
                for (file, output) in [("types/input.ts", false), ("types/output.ts", true)] {
                    let entries = objects::types_file(pkg, &self.names, output);
                    let data = TypesFileView { entries, enums: self.has_enums() };
                    files.insert(file.into(), render_ts(self.hb, "types_file", &data)?);
                }
                exports.extend(["input", "output"]);
            }
            if self.has_enums() {
                exports.insert(0, "enums");
            }
            files.insert("types/index.ts".into(), render_ts(self.hb, "types_index", &TypesIndexView { exports })?);
        }
        let mut enum_dirs: BTreeSet<String> = BTreeSet::new();
        if self.has_enums() {
            enum_dirs.insert(String::new());
        }
        let mut enum_module_of: BTreeMap<String, String> = BTreeMap::new();
        for m in &pkg.modules {
            let segs = self.names.module_segments(&m.name);
            if !m.has_sdk_enums(pkg) {
                continue;
            }
            for n in 1..=segs.len() {
                enum_dirs.insert(segs[..n].join("/"));
            }
            enum_module_of.insert(segs.join("/"), m.name.clone());
        }
        for dir in &enum_dirs {
            let children = direct_children(dir, &enum_dirs);
            let enums = match enum_module_of.get(dir) {
                Some(module) => objects::enums_of(pkg, &self.names, module),
                None => Vec::new(),
            };
            let text = render_ts(self.hb, "enums", &EnumsIndexView { children, enums })?;
            let path =
                if dir.is_empty() { "types/enums/index.ts".to_string() } else { format!("types/enums/{dir}/index.ts") };
            files.insert(path, text);
        }

        // Config.
        if bridgegen_model::language::has_config_module(pkg, "nodejs") {
            files.insert("config/index.ts".into(), render_ts(self.hb, "config_index", &())?);
            files.insert("config/vars.ts".into(), self.config_vars()?);
        }

        files.insert("utilities.ts".into(), self.utilities()?);
        files.insert("README.md".into(), self.readme()?);
        let mut ts_files: Vec<&String> = files.keys().filter(|k| k.ends_with(".ts")).collect();
        ts_files.extend(self.opts.extra_type_script_files.iter().filter(|f| !files.contains_key(*f)));
        let tsconfig = render(self.hb, "tsconfig", &TsconfigView { files: ts_files })?;
        files.insert("tsconfig.json".into(), tsconfig);
        files.insert("package.json".into(), self.package_json()?);
        files.insert("scripts/postinstall.js".into(), POSTINSTALL.to_string());
        files.insert(".gitignore".into(), GITIGNORE.to_string());

        Ok(files.into_iter().map(|(p, c)| GeneratedFile::new(p, c)).collect())
    }

    /// Whether any object type is emitted (`types/input.ts`, `types/output.ts`).
    fn has_object_types(&self) -> bool {
        self.pkg.objects.iter().any(|o| !o.is_overlay && (o.usage.input || o.usage.output || o.usage.plain_input))
    }

    fn has_enums(&self) -> bool {
        self.pkg.modules.iter().any(|m| m.has_sdk_enums(self.pkg))
    }

    /// Whether the package has a `types` module at all.
    fn has_types_module(&self) -> bool {
        self.has_object_types() || self.has_enums()
    }

    fn module_index(&self, dir: &str, dirs: &BTreeSet<String>) -> Result<String, GenError> {
        let pkg = self.pkg;
        let is_root = dir.is_empty();
        let module = pkg.modules.iter().find(|m| self.names.module_segments(&m.name).join("/") == dir);
        let root = if is_root { "./".to_string() } else { "../".repeat(dir.split('/').count()) };
        let mut members = Vec::new();
        let mut constructs = Vec::new();
        let mut register: BTreeSet<String> = BTreeSet::new();
        if is_root {
            members.push(IndexMember {
                file: "provider".into(),
                name: "Provider".into(),
                is_class: true,
                type_exports: vec!["ProviderArgs".into()],
                values: vec!["Provider".into()],
                lazy_names: vec![js_string("Provider")],
                eager: false,
            });
        }
        if let Some(m) = module {
            for id in &m.resources {
                let r = pkg.resource(*id);
                if r.is_overlay {
                    continue;
                }
                let name = self.names.resource(*id).to_string();
                let mut types = vec![format!("{name}Args")];
                if !r.is_component && r.state_inputs.is_some() {
                    types.push(format!("{name}State"));
                }
                members.push(IndexMember {
                    file: self.names.resource_file[id.0].clone(),
                    name: name.clone(),
                    is_class: true,
                    type_exports: types,
                    values: vec![name.clone()],
                    lazy_names: vec![js_string(&name)],
                    eager: resource::has_methods_namespace(pkg, r),
                });
                constructs.push(Construct { token: js_string(&r.token.full), name });
                register.insert(r.token.raw_module.clone());
            }
            for id in &m.functions {
                let f = pkg.function(*id);
                if f.is_overlay || f.method_of.is_some() {
                    continue;
                }
                let name = self.names.function(*id).to_string();
                let title = names::pascal(&name);
                // multiArgumentInputs functions take positional parameters: no Args interfaces.
                let has_args = f.inputs.is_some() && f.multi_argument_inputs.is_empty();
                let mut types = Vec::new();
                if has_args {
                    types.push(format!("{title}Args"));
                }
                if matches!(f.outputs, bridgegen_model::FunctionReturn::Object(_)) {
                    types.push(format!("{title}Result"));
                }
                let output_form = function::has_output_form(f);
                if has_args && output_form && f.inputs.as_ref().is_some_and(|i| !i.is_empty()) {
                    types.push(format!("{title}OutputArgs"));
                }
                let mut values = vec![name.clone()];
                if output_form {
                    values.push(self.names.function_output_name[id.0].clone());
                }
                members.push(IndexMember {
                    file: self.names.function_file[id.0].clone(),
                    name: name.clone(),
                    is_class: false,
                    type_exports: types,
                    lazy_names: values.iter().map(|v| js_string(v)).collect(),
                    eager: false,
                    values,
                });
            }
        }
        let has_enums = module.is_some_and(|m| m.has_sdk_enums(pkg));
        let error = context::global_ref("Error", members.iter().flat_map(|m| m.values.iter().map(|v| v.as_str())));
        let data = ModuleIndexView {
            root,
            error,
            members,
            has_enums,
            enum_path: dir.to_string(),
            children: direct_children(dir, dirs),
            is_root,
            config: bridgegen_model::language::has_config_module(pkg, "nodejs"),
            types: self.has_types_module(),
            constructs,
            register_modules: register.iter().map(|r| js_string(r)).collect(),
            package: js_string(&pkg.name),
            provider_type: js_string(pkg.provider_token()),
        };
        render_ts(self.hb, "module_index", &data)
    }

    fn config_vars(&self) -> Result<String, GenError> {
        let pkg = self.pkg;
        let tcx = types::TypeCtx::new(pkg, &self.names, "config");
        let mut vars = Vec::new();
        for p in &pkg.config {
            let ty = tcx.output_field(p);
            let object_type = match &p.ty {
                Type::String => None,
                Type::Boolean => Some("boolean".to_string()),
                Type::Integer | Type::Number => Some("number".to_string()),
                _ => Some(ty.clone()),
            };
            let default = p.default.as_ref().and_then(|d| resource::default_expr(&p.ty, d));
            // Only a literal default makes the value definite (an env default may be unset).
            let definite = default.is_some() && p.default.as_ref().is_some_and(|d| d.value.is_some());
            let ty = if !definite || !p.required { format!("{ty} | undefined") } else { ty };
            vars.push(ConfigVar {
                doc: doc::comment(p.description.as_ref(), p.deprecation_message.as_deref(), ""),
                name: names::camel_ident(&p.name),
                key: js_string(&names::camel_ident(&p.name)),
                ty,
                wire: js_string(&p.name),
                object_type,
                default,
            });
        }
        let data = ConfigVarsView {
            package: js_string(&pkg.name),
            vars,
            object_types: self.has_object_types(),
            enums: self.has_enums(),
        };
        render_ts(self.hb, "config_vars", &data)
    }

    fn utilities(&self) -> Result<String, GenError> {
        let version = self.pkg.version.clone().unwrap_or_else(|| "0.0.0".into());
        render_ts(
            self.hb,
            "utilities",
            &UtilitiesView {
                version: js_string(version.trim_start_matches('v')),
                plugin_download_url: self.pkg.plugin_download_url.as_deref().map(js_string),
            },
        )
    }

    fn readme(&self) -> Result<String, GenError> {
        let pkg = self.pkg;
        render(
            self.hb,
            "readme",
            &ReadmeView {
                readme: self.opts.readme.as_deref(),
                title: pkg.display_name.as_deref().unwrap_or(&pkg.name),
                description: pkg.description.as_deref().unwrap_or_default(),
                npm_name: self.opts.package_name(pkg),
                ident: names::camel_ident(&pkg.name),
                package: &pkg.name,
                config: pkg.config.iter().map(|p| p.name.as_str()).collect(),
            },
        )
    }

    fn package_json(&self) -> Result<String, GenError> {
        let pkg = self.pkg;
        let o = &self.opts;
        let mut dependencies = IndexMap::new();
        dependencies.insert("@pulumi/pulumi".to_string(), PULUMI_DEPENDENCY.to_string());
        for (name, version) in external_packages(pkg) {
            dependencies.insert(
                self.names.external_package(&name),
                version.map(|v| format!("^{v}")).unwrap_or_else(|| "*".into()),
            );
        }
        dependencies.extend(o.dependencies.iter().map(|(k, v)| (k.clone(), v.clone())));
        dependencies.insert("@types/node".into(), "^18.0.0".into());
        dependencies.insert("typescript".into(), o.typescript_version.clone().unwrap_or_else(|| "^5.0.0".into()));
        let doc = PackageJson {
            name: o.package_name(pkg),
            version: pkg.version.as_deref().unwrap_or("0.0.0").trim_start_matches('v'),
            description: o.package_description.as_deref().or(pkg.description.as_deref()),
            keywords: &pkg.keywords,
            homepage: pkg.homepage.as_deref(),
            repository: pkg.repository.as_deref(),
            license: pkg.license.as_deref(),
            main: "bin/index.js",
            types: "bin/index.d.ts",
            files: ["bin/", "scripts/", "README.md"],
            // Installing the folder builds it (npm runs `postinstall` for folder installs too), so
            // the compiler is a dependency, not a devDependency, as in Pulumi's local SDKs.
            scripts: PackageScripts { build: "tsc", postinstall: "node scripts/postinstall.js" },
            dependencies,
            dev_dependencies: &o.dev_dependencies,
            peer_dependencies: &o.peer_dependencies,
            resolutions: &o.resolutions,
            pulumi: PulumiSection {
                resource: true,
                name: &pkg.name,
                version: pkg.version.as_deref().map(|v| v.trim_start_matches('v')),
                server: pkg.plugin_download_url.as_deref(),
            },
        };
        let text = serde_json::to_string_pretty(&doc).map_err(|e| GenError::Other(e.to_string()))?;
        render(self.hb, "package_json", &PackageJsonView { json: text })
    }
}

fn direct_children(dir: &str, dirs: &BTreeSet<String>) -> Vec<String> {
    let depth = if dir.is_empty() { 0 } else { dir.split('/').count() };
    dirs.iter()
        .filter(|d| !d.is_empty())
        .filter_map(|d| {
            let segs: Vec<&str> = d.split('/').collect();
            let parent = segs[..segs.len() - 1].join("/");
            (segs.len() == depth + 1 && parent == dir).then(|| segs[depth].to_string())
        })
        .collect()
}

/// Other Pulumi packages this one refers to, with the highest version referenced.
pub fn external_packages(pkg: &Package) -> BTreeMap<String, Option<String>> {
    let mut out: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut add = |x: &ExternalRef| {
        let e = out.entry(x.package.clone()).or_insert(None);
        if e.is_none() {
            *e = x.version.clone();
        }
    };
    pkg.walk_types(&mut |t| {
        if let Type::External(x) = t {
            add(x);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles() {
        let hb = registry().expect("templates parse");
        for (name, _) in TEMPLATES {
            assert!(hb.has_template(name), "{name}");
        }
    }
}
