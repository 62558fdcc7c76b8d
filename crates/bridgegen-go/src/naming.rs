//! The package-wide naming table: which Go package (directory) each member lives in and
//! the Go name of every resource, function, object type, enum and enum member, with
//! collisions inside a package resolved deterministically.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use bridgegen_model::{FunctionReturn, Package, Property, Type};

use crate::names::{self, exported, lower_first};

#[derive(Debug, Clone)]
pub struct Member {
    pub dir: String,
    pub name: String,
    /// Overlays are hand-written in Pulumi SDKs; we neither emit nor reference them.
    pub skipped: bool,
}

#[derive(Debug, Clone)]
pub struct EnumNames {
    pub dir: String,
    pub name: String,
    pub members: Vec<String>,
    pub skipped: bool,
}

#[derive(Debug, Clone)]
pub struct Naming {
    pub import_base: String,
    pub root_package: String,
    /// Module name -> directory (`""` -> `""`).
    pub module_dirs: BTreeMap<String, String>,
    pub resources: Vec<Member>,
    pub functions: Vec<Member>,
    pub objects: Vec<Member>,
    pub enums: Vec<EnumNames>,
    /// `packageImportAliases`: import path -> the alias other packages import it under.
    pub aliases: BTreeMap<String, String>,
    /// Package references dropped to break import cycles (`from dir`, `to dir`): such
    /// references are typed as `Any` (Go forbids cyclic imports).
    pub blocked: HashSet<(String, String)>,
}

/// Go options from `language.go`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GoOptions {
    pub import_base_path: Option<String>,
    /// The go.mod module, above `import_base_path` (the SDK then sits in a folder below it).
    pub module_path: Option<String>,
    pub root_package_name: Option<String>,
    pub module_to_package: BTreeMap<String, String>,
    /// Import path of a package of the SDK -> the alias other packages import it under.
    pub package_import_aliases: BTreeMap<String, String>,
    /// `Array`/`Map` types of every resource (else only of those the schema reaches).
    pub generate_resource_container_types: bool,
    /// Input forms of every object type and container, reached or not.
    pub generate_extra_input_types: bool,
    /// No `pulumi.RegisterInputType` calls (smaller `init` functions).
    pub disable_input_type_registrations: bool,
    /// A method whose result has one property returns that property's output.
    pub lift_single_value_method_returns: bool,
    /// The folder (and package name) of the SDK's helpers, `internal` by default.
    pub internal_module_name: Option<String>,
    /// No `Output` form of functions (unless `generate_extra_input_types`): the input and
    /// output types only functions reach are left out.
    pub disable_function_output_versions: bool,
    /// No `Defaults()` methods (object types, function args and results), nor their use in
    /// resource constructors; a resource's own input defaults are still set.
    pub disable_object_defaults: bool,
    /// Import paths every `init.go` imports blank (`_ "path"`).
    pub internal_dependencies: Vec<String>,
    /// `side-by-side`: `ToOutput` (pulumix) methods on every input and output type, and a
    /// generic copy of the SDK under `x/`.
    pub generics: Option<String>,
}

impl GoOptions {
    /// The folder and package name of the SDK's helpers.
    pub fn internal_dir(&self) -> &str {
        self.internal_module_name.as_deref().filter(|n| !n.is_empty()).unwrap_or("internal")
    }

    /// Whether functions get their `Output` form (`<F>Output`, `<F>OutputArgs`,
    /// `<F>ResultOutput`) and the types it reaches: unless `disableFunctionOutputVersions`,
    /// which `generateExtraInputTypes` overrides (its types are all there anyway), as in
    /// Pulumi's generator.
    pub fn function_outputs(&self) -> bool {
        !self.disable_function_output_versions || self.generate_extra_input_types
    }

    /// `generics: "side-by-side"`.
    pub fn side_by_side(&self) -> bool {
        self.generics.as_deref() == Some("side-by-side")
    }
}

impl GoOptions {
    pub fn from_package(pkg: &Package) -> GoOptions {
        pkg.language_block("go").and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default()
    }
}

/// The names a resource's file declares: `Get`, `Exists` and the state types only for
/// custom resources, the containers not for the provider.
fn resource_names(n: &str, custom: bool, provider: bool) -> Vec<String> {
    let l = lower_first(n);
    let mut v: Vec<String> = ["", "Args", "Input", "Output"].iter().map(|s| format!("{n}{s}")).collect();
    v.push(format!("New{n}"));
    v.push(format!("{l}Args"));
    if custom {
        v.extend([format!("{n}State"), format!("{l}State"), format!("Get{n}"), format!("{n}Exists")]);
    }
    if !provider {
        v.extend(
            ["Array", "ArrayInput", "ArrayOutput", "Map", "MapInput", "MapOutput"].iter().map(|s| format!("{n}{s}")),
        );
    }
    v
}

fn function_names(n: &str) -> Vec<String> {
    ["", "Args", "Result", "Output", "OutputArgs", "ResultOutput"].iter().map(|s| format!("{n}{s}")).collect()
}

fn object_names(n: &str) -> Vec<String> {
    let l = lower_first(n);
    let mut v: Vec<String> = [
        "",
        "Input",
        "Args",
        "Output",
        "Ptr",
        "PtrInput",
        "PtrOutput",
        "Array",
        "ArrayInput",
        "ArrayOutput",
        "Map",
        "MapInput",
        "MapOutput",
    ]
    .iter()
    .map(|s| format!("{n}{s}"))
    .collect();
    v.push(format!("{l}PtrType"));
    v
}

fn enum_names(n: &str) -> Vec<String> {
    let l = lower_first(n);
    let mut v: Vec<String> = [
        "",
        "Input",
        "Output",
        "Ptr",
        "PtrInput",
        "PtrOutput",
        "Array",
        "ArrayInput",
        "ArrayOutput",
        "Map",
        "MapInput",
        "MapOutput",
    ]
    .iter()
    .map(|s| format!("{n}{s}"))
    .collect();
    v.push(format!("{l}Ptr"));
    v.push(format!("{l}PtrType"));
    v
}

/// Claims the first candidate whose derived names are all free.
fn claim(
    taken: &mut HashSet<String>,
    candidates: impl Iterator<Item = String>,
    derive: &dyn Fn(&str) -> Vec<String>,
) -> String {
    for c in candidates {
        let all = derive(&c);
        if all.iter().all(|n| !taken.contains(n)) {
            taken.extend(all);
            return c;
        }
    }
    unreachable!("candidate list is unbounded")
}

fn with_suffixes(first: Vec<String>, base: String, suffix: &'static str) -> impl Iterator<Item = String> {
    first
        .into_iter()
        .chain((1..).map(move |i| if i == 1 { format!("{base}{suffix}") } else { format!("{base}{suffix}{i}") }))
}

impl Naming {
    pub fn new(pkg: &Package) -> Naming {
        let opts = GoOptions::from_package(pkg);
        let import_base = opts.import_base_path.clone().unwrap_or_else(|| {
            format!("github.com/pulumi/pulumi-{}/sdk/go/{}", pkg.name, names::package_name(&pkg.name))
        });
        let root_package = opts
            .root_package_name
            .as_deref()
            .map(names::package_name)
            .unwrap_or_else(|| names::package_name(&pkg.name));
        let mut module_dirs = BTreeMap::new();
        module_dirs.insert(String::new(), String::new());
        let mut used_dirs: HashSet<String> = HashSet::new();
        for m in &pkg.modules {
            if m.name.is_empty() {
                continue;
            }
            let mapped = opts.module_to_package.get(&m.name).cloned().unwrap_or_else(|| m.name.clone());
            let mut dir = names::module_dir(&mapped);
            if dir.is_empty() {
                dir = "pkg".to_string();
            }
            // Two modules that sanitize to one directory are kept apart.
            let mut d = dir.clone();
            let mut i = 2;
            while used_dirs.contains(&d) {
                d = format!("{dir}{i}");
                i += 1;
            }
            used_dirs.insert(d.clone());
            module_dirs.insert(m.name.clone(), d);
        }
        let dir_of = |module: &str| module_dirs.get(module).cloned().unwrap_or_default();

        let mut taken: BTreeMap<String, HashSet<String>> = BTreeMap::new();
        // The provider always lives in the root package.
        taken.entry(String::new()).or_default().extend(resource_names("Provider", false, true));

        let mut resources = Vec::new();
        for r in &pkg.resources {
            let dir = dir_of(&r.token.module);
            let t = taken.entry(dir.clone()).or_default();
            let base = exported(&r.token.name);
            let custom = !r.is_component;
            let derive = |n: &str| resource_names(n, custom, false);
            let name = claim(t, with_suffixes(vec![base.clone()], base, "Resource"), &derive);
            resources.push(Member { dir, name, skipped: r.is_overlay });
        }
        let mut functions = Vec::new();
        for f in &pkg.functions {
            let dir = dir_of(&f.token.module);
            let t = taken.entry(dir.clone()).or_default();
            let base = exported(&f.token.name);
            let mut first = vec![base.clone()];
            if let Some(rest) = base.strip_prefix("Get") {
                first.push(format!("Lookup{rest}"));
            }
            let name = claim(t, with_suffixes(first, base, "Func"), &function_names);
            functions.push(Member { dir, name, skipped: f.is_overlay || f.method_of.is_some() });
        }
        let mut objects = Vec::new();
        for o in &pkg.objects {
            let dir = dir_of(&o.token.module);
            let t = taken.entry(dir.clone()).or_default();
            let base = exported(&o.token.name);
            let name = claim(t, with_suffixes(vec![base.clone()], base, "Type"), &object_names);
            objects.push(Member { dir, name, skipped: o.is_overlay });
        }
        let mut enums = Vec::new();
        for e in &pkg.enums {
            let dir = dir_of(&e.token.module);
            let t = taken.entry(dir.clone()).or_default();
            let base = exported(&e.token.name);
            let name = claim(t, with_suffixes(vec![base.clone()], base, "Enum"), &enum_names);
            let mut members = Vec::new();
            for v in &e.values {
                let m = names::enum_member(&name, v.name.as_deref(), &v.value);
                let mut candidate = m.clone();
                let mut i = 2;
                while t.contains(&candidate) {
                    candidate = format!("{m}_{i}");
                    i += 1;
                }
                t.insert(candidate.clone());
                members.push(candidate);
            }
            enums.push(EnumNames { dir, name, members, skipped: e.is_overlay });
        }
        let mut naming = Naming {
            import_base,
            root_package,
            module_dirs,
            resources,
            functions,
            objects,
            enums,
            aliases: opts.package_import_aliases.clone(),
            blocked: HashSet::new(),
        };
        naming.blocked = naming.cycle_breaks(pkg);
        naming
    }

    fn target_dir(&self, ty: &Type) -> Option<String> {
        match ty {
            Type::Object(id) if !self.objects[id.0].skipped => Some(self.objects[id.0].dir.clone()),
            Type::Enum(id) if !self.enums[id.0].skipped => Some(self.enums[id.0].dir.clone()),
            Type::Resource(id) if !self.resources[id.0].skipped => Some(self.resources[id.0].dir.clone()),
            Type::Provider => Some(String::new()),
            _ => None,
        }
    }

    /// Cross-package references, deduplicated and in a stable order; edges into the root
    /// package first (shared types and the provider live there), then the rest sorted.
    /// Edges are kept greedily while they leave the package graph acyclic.
    fn cycle_breaks(&self, pkg: &Package) -> HashSet<(String, String)> {
        let mut edges: BTreeSet<(String, String)> = BTreeSet::new();
        let add_ty = |from: &str, ty: &Type, edges: &mut BTreeSet<(String, String)>| {
            ty.walk(&mut |t| {
                if let Some(to) = self.target_dir(t) {
                    if to != from {
                        edges.insert((from.to_string(), to));
                    }
                }
            });
        };
        let mut lists: Vec<(String, &[Property])> = Vec::new();
        for (r, m) in pkg.resources.iter().zip(&self.resources) {
            if m.skipped {
                continue;
            }
            lists.push((m.dir.clone(), &r.properties));
            lists.push((m.dir.clone(), &r.inputs));
            if let Some(s) = &r.state_inputs {
                lists.push((m.dir.clone(), s));
            }
        }
        lists.push((String::new(), &pkg.provider.properties));
        lists.push((String::new(), &pkg.provider.inputs));
        for (f, m) in pkg.functions.iter().zip(&self.functions) {
            if m.skipped {
                continue;
            }
            if let Some(i) = &f.inputs {
                lists.push((m.dir.clone(), i));
            }
            match &f.outputs {
                FunctionReturn::Object(o) => lists.push((m.dir.clone(), o)),
                FunctionReturn::Type(t) => add_ty(&m.dir, t, &mut edges),
                FunctionReturn::None => {}
            }
        }
        for (o, m) in pkg.objects.iter().zip(&self.objects) {
            if !m.skipped {
                lists.push((m.dir.clone(), &o.properties));
            }
        }
        for (dir, props) in lists {
            for p in props {
                add_ty(&dir, &p.ty, &mut edges);
            }
        }
        let mut ordered: Vec<(String, String)> = edges.iter().filter(|(_, t)| t.is_empty()).cloned().collect();
        ordered.extend(edges.iter().filter(|(_, t)| !t.is_empty()).cloned());
        let mut kept: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut blocked = HashSet::new();
        for (from, to) in ordered {
            // Adding from->to makes a cycle when `from` is reachable from `to`.
            let mut stack = vec![to.clone()];
            let mut seen = HashSet::new();
            let mut cyclic = false;
            while let Some(n) = stack.pop() {
                if n == from {
                    cyclic = true;
                    break;
                }
                if seen.insert(n.clone()) {
                    if let Some(next) = kept.get(&n) {
                        stack.extend(next.iter().cloned());
                    }
                }
            }
            if cyclic {
                blocked.insert((from, to));
            } else {
                kept.entry(from).or_default().insert(to);
            }
        }
        blocked
    }

    /// Whether code in package `from` may not name members of package `to`.
    pub fn is_blocked(&self, from: &str, to: &str) -> bool {
        !self.blocked.is_empty() && self.blocked.contains(&(from.to_string(), to.to_string()))
    }

    pub fn object_skipped(&self, i: usize) -> bool {
        self.objects[i].skipped
    }
    pub fn enum_skipped(&self, i: usize) -> bool {
        self.enums[i].skipped
    }
    pub fn resource_skipped(&self, i: usize) -> bool {
        self.resources[i].skipped
    }

    pub fn dir_of(&self, module: &str) -> String {
        self.module_dirs.get(module).cloned().unwrap_or_default()
    }

    /// Every directory holding a generated package, root first, sorted.
    pub fn dirs(&self) -> Vec<String> {
        let mut v: Vec<String> = self.module_dirs.values().cloned().collect();
        v.sort();
        v.dedup();
        v
    }

    /// The Go package name for a directory.
    pub fn package_of(&self, dir: &str) -> String {
        if dir.is_empty() {
            self.root_package.clone()
        } else if dir == "config" {
            // The package of the config getters (`config/config.go`), shared with a types
            // module named `config`.
            "config".to_string()
        } else {
            names::package_name(dir.rsplit('/').next().unwrap_or(dir))
        }
    }

    /// The alias under which other packages import `dir`: its `packageImportAliases` entry,
    /// else one derived from the folder.
    pub fn alias(&self, dir: &str) -> String {
        if let Some(a) = self.aliases.get(&self.import_path(dir)) {
            a.clone()
        } else if dir.is_empty() {
            // The root package imported from a module package.
            let a = self.root_package.clone();
            if names::RESERVED_LOWER.contains(&a.as_str()) {
                format!("{a}pkg")
            } else {
                a
            }
        } else {
            names::import_alias(dir)
        }
    }

    pub fn import_path(&self, dir: &str) -> String {
        if dir.is_empty() {
            self.import_base.clone()
        } else {
            format!("{}/{dir}", self.import_base)
        }
    }
}
