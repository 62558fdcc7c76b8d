//! Names computed once per package: classes, functions, files and module folders, made
//! unique where two members would otherwise collide. Everything else reads these.

use std::collections::HashMap;

use bridgegen_model::{EnumId, FunctionId, ObjectId, Package, ResourceId, Token};

use crate::names;

/// Folder names the package root itself uses; a module with one of these names is escaped.
const ROOT_TAKEN: &[&str] = &["index", "utilities", "provider", "config", "types", "package"];

pub struct Names {
    /// Folder segments of every module of the package (after `moduleToPackage`).
    module_paths: HashMap<String, Vec<String>>,
    /// Whether an object's input shape is `<Name>Args` (Pulumi's default) even when the type
    /// is never used plainly; `compatibility: kubernetes20` or `tfbridge20` keep the bare name.
    args_suffix: bool,
    /// `liftSingleValueMethodReturns`: a method whose result has one property returns it.
    pub lift_method_returns: bool,
    /// `disableUnionOutputTypes`: output shapes print a union's default type, else `any`.
    pub union_outputs_disabled: bool,
    /// `compatibility: kubernetes20`: every resource constructor's `args` is optional.
    pub resource_args_always_optional: bool,
    /// `useTypeOnlyReferences`: resource and function files import enums type-only.
    pub type_only_enums: bool,
    /// `providerNameToModuleName`: the npm module of another Pulumi package.
    provider_modules: indexmap::IndexMap<String, String>,
    pub resource_class: Vec<String>,
    pub resource_file: Vec<String>,
    pub function_name: Vec<String>,
    /// The `...Output` form of each function.
    pub function_output_name: Vec<String>,
    pub function_file: Vec<String>,
    /// Interface name of each object type (plain/output shape); the input shape adds `Args`
    /// when the type is also used plainly.
    pub object_name: Vec<String>,
    pub enum_name: Vec<String>,
}

/// Folder/namespace segments of module `module` (`core/v1` -> `["core", "v1"]`), before the
/// schema's `moduleToPackage` (see [`Names::module_segments`]).
fn default_segments(module: &str) -> Vec<String> {
    let mut segs = names::module_segments(module);
    if let Some(first) = segs.first_mut() {
        if ROOT_TAKEN.contains(&first.as_str()) {
            first.push('_');
        }
    }
    segs
}

/// Globals generated code uses by name; a class or function with such a name is fine
/// but the generated code must then reach the global through `globalThis`.
pub const USED_GLOBALS: &[&str] = &["Error", "JSON"];

/// How generated code in a scope that declares `declared` names the global `global`.
pub fn global_ref<'a>(global: &str, declared: impl IntoIterator<Item = &'a str>) -> String {
    let mut declared = declared.into_iter();
    if declared.any(|d| d == global) {
        format!("globalThis.{global}")
    } else {
        global.to_string()
    }
}

/// Segments of a module of another package (no schema at hand): each part is cut at its
/// first dot, the convention Pulumi's Kubernetes SDK uses (`storage.k8s.io/v1` -> `storage.v1`).
pub fn external_module_segments(module: &str) -> Vec<String> {
    module.split('/').filter(|s| !s.is_empty()).map(|s| names::camel_ident(s.split('.').next().unwrap_or(s))).collect()
}

fn member_name(tok: &Token) -> &str {
    &tok.name
}

impl Names {
    pub fn new(pkg: &Package) -> Names {
        // `language.nodejs.moduleToPackage` renames a module's folder and namespace (Kubernetes:
        // `apps.k8s.io/v1` -> `apps/v1`), as Pulumi's generator does; the token keeps its module.
        let opts = crate::options::NodeOptions::from_package(pkg);
        let args_suffix = !matches!(opts.compatibility.as_deref(), Some("kubernetes20" | "tfbridge20"));
        let lift_method_returns = opts.lift_single_value_method_returns;
        let union_outputs_disabled = opts.disable_union_output_types;
        let resource_args_always_optional = opts.compatibility.as_deref() == Some("kubernetes20");
        let provider_modules = opts.provider_name_to_module_name.clone();
        let type_only_enums = opts.use_type_only_references;
        let renames = opts.module_to_package;
        let module_paths: HashMap<String, Vec<String>> = pkg
            .modules
            .iter()
            .map(|m| {
                let segs = match renames.get(&m.name) {
                    Some(to) => default_segments(to),
                    // Its types go to the `config` namespaces; it has no folder of its own.
                    None if m.merges_with_config() => vec![m.name.clone()],
                    None => default_segments(&m.name),
                };
                (m.name.clone(), segs)
            })
            .collect();
        let module_segments = |m: &str| module_paths.get(m).cloned().unwrap_or_else(|| default_segments(m));
        let n = pkg.resources.len();
        let mut resource_class = vec![String::new(); n];
        let mut resource_file = vec![String::new(); n];
        let mut function_name = vec![String::new(); pkg.functions.len()];
        let mut function_file = vec![String::new(); pkg.functions.len()];
        let mut function_output_name = vec![String::new(); pkg.functions.len()];
        for m in &pkg.modules {
            // Files of one module folder: `index` and child folders are taken.
            let mut files = names::scope();
            files.reserve("index");
            if m.is_root() {
                ROOT_TAKEN.iter().for_each(|s| files.reserve(s));
            }
            let depth = module_segments(&m.name).len();
            for other in &pkg.modules {
                let segs = module_segments(&other.name);
                if segs.len() > depth && segs[..depth] == module_segments(&m.name)[..] {
                    files.reserve(&segs[depth]);
                }
            }
            // Exported names of one module: the class, its Args/State, functions...
            let mut exported = names::scope();
            if m.is_root() {
                // The root index also exports the provider class and its args.
                exported.reserve("provider");
                exported.reserve("providerargs");
            }
            for id in &m.resources {
                let r = &pkg.resources[id.0];
                let class = exported.take(&names::pascal_ident(member_name(&r.token)));
                resource_file[id.0] = files.take(&names::file_name(&class));
                resource_class[id.0] = class;
            }
            for id in &m.functions {
                let f = &pkg.functions[id.0];
                let name = exported.take(&names::camel_ident(member_name(&f.token)));
                let base = names::camel(member_name(&f.token));
                function_output_name[id.0] = exported.take(&names::escape_identifier(&format!(
                    "{}Output",
                    name.strip_suffix('_').filter(|_| name != base).unwrap_or(&name)
                )));
                function_file[id.0] = files.take(&names::file_name(&name));
                function_name[id.0] = name;
            }
        }
        // Types live in one namespace per module, enums beside them.
        let mut object_name = vec![String::new(); pkg.objects.len()];
        let mut enum_name = vec![String::new(); pkg.enums.len()];
        for m in &pkg.modules {
            let mut taken = names::scope();
            for id in &m.objects {
                let o = &pkg.objects[id.0];
                let mut name = names::pascal_ident(member_name(&o.token));
                if o.usage.input && (args_suffix || o.usage.plain_input) {
                    // reserve the Args twin too
                    while taken.is_taken(&format!("{name}args")) {
                        name.push('_');
                    }
                    taken.reserve(&format!("{name}args"));
                }
                object_name[id.0] = taken.take(&name);
            }
            let mut etaken = names::scope();
            for id in &m.enums {
                let e = &pkg.enums[id.0];
                enum_name[id.0] = etaken.take(&names::pascal_ident(member_name(&e.token)));
            }
        }
        Names {
            module_paths,
            args_suffix,
            lift_method_returns,
            union_outputs_disabled,
            resource_args_always_optional,
            provider_modules,
            type_only_enums,
            resource_class,
            resource_file,
            function_name,
            function_output_name,
            function_file,
            object_name,
            enum_name,
        }
    }

    /// Folder/namespace segments of a module of this package (`core/v1` -> `["core", "v1"]`),
    /// after `moduleToPackage`; a first segment naming a root file gets a `_`.
    pub fn module_segments(&self, module: &str) -> Vec<String> {
        self.module_paths.get(module).cloned().unwrap_or_else(|| default_segments(module))
    }

    /// The npm module of another Pulumi package: `providerNameToModuleName`, else
    /// `@pulumi/<name>`.
    pub fn external_package(&self, name: &str) -> String {
        self.provider_modules.get(name).cloned().unwrap_or_else(|| format!("@pulumi/{name}"))
    }

    /// Whether the input shape of object `o` is named `<Name>Args` (else `<Name>`).
    pub fn input_has_args_suffix(&self, o: &bridgegen_model::ObjectType) -> bool {
        self.args_suffix || o.usage.plain_input
    }

    /// `"./"`, `"../"`, ... from a file in module `module` back to the package root.
    pub fn root_prefix(&self, module: &str) -> String {
        let depth = self.module_segments(module).len();
        if depth == 0 {
            "./".to_string()
        } else {
            "../".repeat(depth)
        }
    }

    /// The folder of a module relative to the package root, with a trailing `/` (`""` for root).
    pub fn module_dir(&self, module: &str) -> String {
        let segs = self.module_segments(module);
        if segs.is_empty() {
            String::new()
        } else {
            format!("{}/", segs.join("/"))
        }
    }

    /// `ecs.` style namespace prefix for types of a module (`""` for root).
    pub fn namespace_prefix(&self, module: &str) -> String {
        let segs = self.module_segments(module);
        if segs.is_empty() {
            String::new()
        } else {
            format!("{}.", segs.join("."))
        }
    }

    pub fn resource(&self, id: ResourceId) -> &str {
        &self.resource_class[id.0]
    }
    pub fn function(&self, id: FunctionId) -> &str {
        &self.function_name[id.0]
    }
    pub fn object(&self, id: ObjectId) -> &str {
        &self.object_name[id.0]
    }
    pub fn enum_(&self, id: EnumId) -> &str {
        &self.enum_name[id.0]
    }
}
