//! bridgegen's Python SDK generator (target `python`).
//!
//! Emits a pip-installable package shaped like the ones Pulumi's own Python codegen
//! produces (`pulumi_<name>/`): one subpackage per schema module with resource and
//! function files, `_inputs.py`/`outputs.py`/`_enums.py`, `provider.py`, `config/`,
//! `_utilities.py`, `py.typed`, `pulumi-plugin.json`, `pyproject.toml` and `README.md`.
//! Names come from [`names`]; the view model is computed in Rust and the templates in
//! `templates/python/` only print.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use bridgegen_codegen::{new_registry, render, GenError, GeneratedFile, Generator, Package, TemplateSet};
use bridgegen_model::Type;

mod ctx;
pub mod docs;
mod function;
mod method;
pub mod names;
mod props;
mod resource;
mod types;

pub use docs::PythonDocs;

use ctx::{Ctx, Here, Kind, Mode, Refs};

/// Every template, embedded.
pub const TEMPLATES: TemplateSet = &[
    ("header", include_str!("../../../templates/python/header.hbs")),
    ("imports", include_str!("../../../templates/python/imports.hbs")),
    ("getter", include_str!("../../../templates/python/getter.hbs")),
    ("resource", include_str!("../../../templates/python/resource.py.hbs")),
    ("inputs", include_str!("../../../templates/python/inputs.py.hbs")),
    ("outputs", include_str!("../../../templates/python/outputs.py.hbs")),
    ("enums", include_str!("../../../templates/python/enums.py.hbs")),
    ("function", include_str!("../../../templates/python/function.py.hbs")),
    ("module_init", include_str!("../../../templates/python/module_init.py.hbs")),
    ("config_vars", include_str!("../../../templates/python/config_vars.py.hbs")),
    ("config_init", include_str!("../../../templates/python/config_init.py.hbs")),
    ("config_init_pyi", include_str!("../../../templates/python/config_init.pyi.hbs")),
    ("pyproject", include_str!("../../../templates/python/pyproject.toml.hbs")),
    ("readme", include_str!("../../../templates/python/README.md.hbs")),
];

/// The `pulumi` requirement of a generated package unless `requires` names one.
pub const PULUMI_REQUIREMENT: &str = ">=3.269.0,<4.0.0";

/// The runtime helpers, copied verbatim into every package.
pub const UTILITIES: &str = include_str!("../../../templates/python/_utilities.py");

/// The `language.python` block of a schema (the fields this generator reads).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PythonOptions {
    pub package_name: Option<String>,
    #[serde(default)]
    pub requires: BTreeMap<String, String>,
    pub readme: Option<String>,
    #[serde(default)]
    pub module_name_overrides: BTreeMap<String, String>,
    pub python_requires: Option<String>,
    /// `kubernetes20`: resource files are named after their class (`Deployment.py`).
    pub compatibility: Option<String>,
    #[serde(default)]
    pub lift_single_value_method_returns: bool,
    /// `classes`: input object types are `XArgs` classes only (no `XArgsDict` TypedDicts);
    /// `classes-and-dicts`, Pulumi's default, adds the TypedDicts.
    pub input_types: Option<String>,
}

impl PythonOptions {
    /// Whether input object types also get `XArgsDict` TypedDicts.
    pub fn typed_dicts(&self) -> bool {
        self.input_types.as_deref() != Some("classes")
    }

    pub fn from_package(pkg: &Package) -> PythonOptions {
        pkg.language_block("python").and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default()
    }
}

/// The Python import name of a package: `language.python.packageName` or `pulumi_<name>`.
pub fn package_import_name(pkg: &Package) -> String {
    let opts = PythonOptions::from_package(pkg);
    match opts.package_name {
        Some(n) if names::is_identifier(&n.replace('.', "_")) && !n.contains('.') => n,
        Some(n) => names::sanitize(&n.replace(['-', '.'], "_")),
        None => format!("pulumi_{}", names::sanitize(&pkg.name.replace('-', "_"))),
    }
}

/// The Python SDK generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct PythonGenerator;

impl Generator for PythonGenerator {
    fn name(&self) -> &'static str {
        "python"
    }

    fn generate(&self, pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
        generate(pkg)
    }
}

#[derive(Serialize)]
struct ChildView {
    name: String,
    dotted: String,
    dotted_lit: String,
}

/// One package's `__init__.py`: its members, subpackages and (at the root) the resource
/// registration tables.
#[derive(Serialize)]
struct InitView {
    utilities_import: String,
    members: Vec<String>,
    has_inputs: bool,
    has_outputs: bool,
    has_enums: bool,
    children: Vec<ChildView>,
    register: bool,
    resource_modules: String,
    resource_packages: String,
}

#[derive(Serialize)]
struct ConfigVar {
    name: String,
    ty: String,
    expr: String,
    doc: String,
}

/// Generates every file of the Python SDK for `pkg`, sorted by path.
pub fn generate(pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
    let opts = PythonOptions::from_package(pkg);
    let pkg_name = package_import_name(pkg);
    let ctx = Ctx::new(pkg, pkg_name.clone(), &opts);
    let has_config = bridgegen_model::language::has_config_module(pkg, "python");
    let hb = new_registry(TEMPLATES)?;
    let mut files: Vec<GeneratedFile> = Vec::new();
    let mut inits: Vec<(usize, InitView)> = Vec::new();

    // Resource registration data for the root __init__.
    let mut resource_modules: BTreeMap<String, (String, BTreeMap<String, String>)> = BTreeMap::new();

    // Packages that hold nothing (a module of types nothing reaches, Kubernetes'
    // `pkg/version`) are not written, as in Pulumi's SDKs; their parents stay if needed.
    let with_content: Vec<Vec<String>> = ctx
        .all_modules
        .iter()
        .filter(|m| {
            pkg.module(m).is_some_and(|m| {
                // Overlay resources and functions count, as in Pulumi's generator: their
                // module keeps its `__init__.py`.
                !m.resources.is_empty()
                    || m.has_sdk_enums(pkg)
                    || m.functions.iter().any(|f| pkg.function(*f).method_of.is_none())
                    || m.objects.iter().any(|o| ctx.object_has_input(o.0) || ctx.object_has_output(o.0))
            })
        })
        .map(|m| ctx.path(m).to_vec())
        .collect();
    let written = |m: &str| {
        let p = ctx.path(m);
        p.is_empty() || with_content.iter().any(|c| c.starts_with(p))
    };

    for module_name in ctx.all_modules.clone() {
        if !written(&module_name) {
            continue;
        }
        let dir = ctx.dir(&module_name);
        let module = pkg.module(&module_name);
        let mut members: Vec<String> = Vec::new();
        let mut has_inputs = false;
        let mut has_outputs = false;
        let mut has_enums = false;
        if module_name.is_empty() {
            let class = "Provider";
            let view = resource::build(&ctx, &pkg.provider, class, "");
            let mut v = serde_json::to_value(&view).map_err(other)?;
            v["utilities_import"] = json!(".");
            files.push(GeneratedFile::new(format!("{dir}/{}.py", ctx.provider_file), render(&hb, "resource", &v)?));
            members.push(ctx.provider_file.clone());
        }
        if let Some(m) = module {
            // Overlays (resources, functions, types, enums) are hand-written in Pulumi's SDKs:
            // no file, no export, no registration.
            for rid in &m.resources {
                let r = pkg.resource(*rid);
                if r.is_overlay {
                    continue;
                }
                let class = &ctx.resource_class[rid.0];
                let file = &ctx.resource_file[rid.0];
                let view = resource::build(&ctx, r, class, &module_name);
                let mut v = serde_json::to_value(&view).map_err(other)?;
                v["utilities_import"] = json!(ctx.utilities_import(&module_name));
                files.push(GeneratedFile::new(format!("{dir}/{file}.py"), render(&hb, "resource", &v)?));
                members.push(file.clone());
                let entry = resource_modules
                    .entry(r.token.raw_module.clone())
                    .or_insert_with(|| (ctx.dotted(&module_name), BTreeMap::new()));
                entry.1.insert(r.token.full.clone(), class.clone());
            }
            for fid in &m.functions {
                let f = pkg.function(*fid);
                if f.method_of.is_some() || f.is_overlay {
                    continue;
                }
                let file = &ctx.function_file[fid.0];
                let view = function::build(&ctx, fid.0, f, &module_name);
                files.push(GeneratedFile::new(format!("{dir}/{file}.py"), render(&hb, "function", &view)?));
                members.push(file.clone());
            }
            let objects = || m.objects.iter().copied().filter(|id| !pkg.object(*id).is_overlay);
            let inputs: Vec<_> = objects().filter(|id| ctx.object_has_input(id.0)).collect();
            let outputs: Vec<_> = objects().filter(|id| ctx.object_has_output(id.0)).collect();
            if !inputs.is_empty() {
                has_inputs = true;
                let view = types::inputs(&ctx, &module_name, &inputs);
                files.push(GeneratedFile::new(format!("{dir}/_inputs.py"), render(&hb, "inputs", &view)?));
            }
            if !outputs.is_empty() {
                has_outputs = true;
                let view = types::outputs(&ctx, &module_name, &outputs);
                files.push(GeneratedFile::new(format!("{dir}/outputs.py"), render(&hb, "outputs", &view)?));
            }
            let enums: Vec<_> = m.sdk_enums(pkg).collect();
            if !enums.is_empty() {
                has_enums = true;
                let view = types::enums(&ctx, &enums);
                files.push(GeneratedFile::new(format!("{dir}/_enums.py"), render(&hb, "enums", &view)?));
            }
        }
        members.sort();
        // Child packages: modules one level below this one, plus `config` at the root.
        let my_path = ctx.path(&module_name).to_vec();
        let mut children: Vec<ChildView> = Vec::new();
        for other in &ctx.all_modules {
            let op = ctx.path(other);
            if op.len() == my_path.len() + 1 && op.starts_with(&my_path) && written(other) {
                let dotted = ctx.dotted(other);
                children.push(ChildView {
                    name: op[my_path.len()].clone(),
                    dotted_lit: names::str_lit(&dotted),
                    dotted,
                });
            }
        }
        if module_name.is_empty() && has_config && !children.iter().any(|c| c.name == "config") {
            let dotted = format!("{pkg_name}.config");
            children.push(ChildView { name: "config".into(), dotted_lit: names::str_lit(&dotted), dotted });
        }
        children.sort_by(|a, b| a.name.cmp(&b.name));
        if has_config && ctx.path(&module_name) == ["config"] {
            // The config package's `__init__` is the config module's (below).
            continue;
        }
        let is_root = module_name.is_empty();
        inits.push((
            files.len(),
            InitView {
                utilities_import: ctx.utilities_import(&module_name),
                members,
                has_inputs,
                has_outputs,
                has_enums,
                children,
                register: is_root,
                resource_modules: String::new(),
                resource_packages: String::new(),
            },
        ));
        // Rendered after the loop: the root's registration tables need every module.
        files.push(GeneratedFile::new(format!("{dir}/__init__.py"), Vec::new()));
    }

    // Registration tables (now complete), then every module's __init__.py.
    let mods: Vec<Value> = resource_modules
        .iter()
        .map(|(raw, (fqn, classes))| json!({"pkg": pkg.name, "mod": raw, "fqn": fqn, "classes": classes}))
        .collect();
    let packages = vec![json!({
        "pkg": pkg.name,
        "token": pkg.provider_token(),
        "fqn": pkg_name,
        "class": "Provider",
    })];
    for (index, mut view) in inits {
        if view.register {
            view.resource_modules = registration_json(&mods)?;
            view.resource_packages = registration_json(&packages)?;
        }
        files[index].contents = render(&hb, "module_init", &view)?.into_bytes();
    }

    // Configuration.
    if has_config {
        let here = Here::new("\u{1}config", None);
        let mut refs = Refs::default();
        let map = props::name_map(&[&pkg.config], &[]);
        let vars: Vec<ConfigVar> = pkg
            .config
            .iter()
            .map(|p| {
                let t = ctx.ty(&p.ty, Mode::Output, &here, &mut refs);
                let getter = match p.ty {
                    Type::String => "get",
                    Type::Integer => "get_int",
                    Type::Number => "get_float",
                    Type::Boolean => "get_bool",
                    _ => "get_object",
                };
                let mut expr = format!("__config__.{getter}({})", names::str_lit(&p.name));
                if let Some(d) = props::default_expr(pkg, p) {
                    expr = format!("{expr} or {d}");
                }
                let desc = p.description.as_ref().map(names::clean_description).unwrap_or_default();
                ConfigVar {
                    name: map[&p.name].clone(),
                    ty: format!("Optional[{t}]"),
                    expr,
                    doc: names::docstring(&desc, "        "),
                }
            })
            .collect();
        // The config package sits one level below the root.
        let mut imports: Vec<String> = refs
            .set
            .iter()
            .map(|(m, k)| {
                let target = ctx.path(m).join(".");
                // Types of a schema module `config` live in this package.
                let from = if target == "config" { ".".to_string() } else { format!("..{target}") };
                format!("from {from} import {} as {}", k.file(), ctx.alias(m, *k))
            })
            .collect();
        imports.extend(ctx.resource_imports(1, &here.module, &refs));
        let dir = format!("{pkg_name}/config");
        let v = json!({"utilities_import": "..", "imports": imports,
            "pkg_lit": names::str_lit(&pkg.name), "vars": vars});
        files.push(GeneratedFile::new(format!("{dir}/vars.py"), render(&hb, "config_vars", &v)?));
        files.push(GeneratedFile::new(format!("{dir}/__init__.py"), render(&hb, "config_init", &v)?));
        let pyi_vars: Vec<Value> = vars
            .iter()
            .map(|c| {
                json!({"name": c.name, "ty": c.ty, "doc": c.doc.lines().map(|l| l.trim_start()).collect::<Vec<_>>().join("\n")})
            })
            .collect();
        let v = json!({"utilities_import": "..", "imports": imports, "vars": pyi_vars});
        files.push(GeneratedFile::new(format!("{dir}/__init__.pyi"), render(&hb, "config_init_pyi", &v)?));
    }

    // Package files.
    files.push(GeneratedFile::new(format!("{pkg_name}/_utilities.py"), UTILITIES.to_string()));
    files.push(GeneratedFile::new(format!("{pkg_name}/py.typed"), String::new()));
    let mut plugin = serde_json::Map::new();
    plugin.insert("resource".into(), json!(true));
    plugin.insert("name".into(), json!(pkg.name));
    if let Some(v) = &pkg.version {
        plugin.insert("version".into(), json!(v));
    }
    if let Some(u) = &pkg.plugin_download_url {
        plugin.insert("server".into(), json!(u));
    }
    let mut plugin_json = serde_json::to_string_pretty(&Value::Object(plugin)).map_err(other)?;
    plugin_json.push('\n');
    files.push(GeneratedFile::new(format!("{pkg_name}/pulumi-plugin.json"), plugin_json));
    files.push(GeneratedFile::new(
        "pyproject.toml".to_string(),
        render(&hb, "pyproject", &pyproject(pkg, &opts, &pkg_name))?,
    ));
    let readme = json!({
        "title": pkg.display_name.clone().unwrap_or_else(|| pkg.name.clone()),
        "description": opts.readme.clone().or_else(|| pkg.description.clone()).unwrap_or_default(),
        "dist": pkg_name.replace('_', "-"),
        "pkg": pkg_name,
        "schema_name": pkg.name,
        "version": pkg.version.clone().unwrap_or_else(|| "0.0.0".into()),
    });
    files.push(GeneratedFile::new("README.md".to_string(), render(&hb, "readme", &readme)?));

    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn registration_json(v: &[Value]) -> Result<String, GenError> {
    let s = serde_json::to_string_pretty(v).map_err(other)?;
    // The tables sit inside a `"""` literal: keep it closed and free of escapes.
    Ok(s.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\""))
}

fn other(e: impl std::fmt::Display) -> GenError {
    GenError::Other(e.to_string())
}

fn toml_str(s: &str) -> String {
    // TOML basic strings share JSON's escapes.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// PEP 440 version from a semver string (`1.2.3-alpha.1` -> `1.2.3a1`), best effort.
pub fn pep440(v: &str) -> String {
    let v = v.trim_start_matches('v');
    let (core, rest) = match v.find(['-', '+']) {
        Some(i) => (&v[..i], &v[i..]),
        None => (v, ""),
    };
    let core_ok = !core.is_empty() && core.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !core_ok {
        return "0.0.0".into();
    }
    let pre = rest.strip_prefix('-').map(|r| r.split('+').next().unwrap_or(""));
    match pre {
        None | Some("") => core.to_string(),
        Some(p) => {
            let digits: String = p.chars().filter(|c| c.is_ascii_digit()).collect();
            let n = if digits.is_empty() { "0".to_string() } else { digits.trim_start_matches('0').to_string() };
            let n = if n.is_empty() { "0".to_string() } else { n };
            let lower = p.to_ascii_lowercase();
            let tag = if lower.starts_with("alpha") || lower.starts_with('a') {
                "a"
            } else if lower.starts_with("beta") || lower.starts_with('b') {
                "b"
            } else if lower.starts_with("rc") {
                "rc"
            } else {
                ".dev"
            };
            format!("{core}{tag}{n}")
        }
    }
}

fn is_spdx_like(s: &str) -> bool {
    !s.trim().is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+' | ' ' | '(' | ')' | ':'))
}

/// `pyproject.toml`; strings are TOML literals except `pkg` (the import name).
#[derive(Serialize)]
struct PyprojectView {
    name: String,
    pkg: String,
    description: String,
    dependencies: Vec<String>,
    keywords: Vec<String>,
    requires_python: String,
    version: String,
    license: Option<String>,
    homepage: Option<String>,
    repository: Option<String>,
}

fn pyproject(pkg: &Package, opts: &PythonOptions, pkg_name: &str) -> PyprojectView {
    // 3.269 brought `pulumi.runtime.exists_resource`, which every resource's `exists` calls.
    let pulumi_range = opts.requires.get("pulumi").cloned().unwrap_or_else(|| PULUMI_REQUIREMENT.into());
    let mut deps: Vec<String> = vec![toml_str(&format!("pulumi{pulumi_range}"))];
    for (name, range) in &opts.requires {
        if name != "pulumi" {
            deps.push(toml_str(&format!("{name}{range}")));
        }
    }
    deps.push(toml_str("typing-extensions>=4.11; python_version < \"3.11\""));
    PyprojectView {
        name: toml_str(pkg_name),
        pkg: pkg_name.to_string(),
        description: toml_str(pkg.description.as_deref().unwrap_or("")),
        dependencies: deps,
        keywords: pkg.keywords.iter().map(|k| toml_str(k)).collect(),
        requires_python: toml_str(opts.python_requires.as_deref().unwrap_or(">=3.9")),
        version: toml_str(&pep440(pkg.version.as_deref().unwrap_or("0.0.0"))),
        // PEP 639 wants an SPDX expression; anything else is left out rather than break the build.
        license: pkg.license.as_deref().filter(|l| is_spdx_like(l)).map(toml_str),
        homepage: pkg.homepage.as_deref().map(toml_str),
        repository: pkg.repository.as_deref().map(toml_str),
    }
}

#[allow(dead_code)]
fn _kinds_used(_k: Kind) {}
