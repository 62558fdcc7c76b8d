//! Names for every member of the package, computed once, and the type renderer.
//!
//! Every generated file lives in one Python module (package directory). References to
//! classes in another file are written as module-qualified string annotations through a
//! per-file alias (`_ecs_inputs.FooArgs`) or, for resource classes, by name as Pulumi's SDKs
//! do (`'Resource'`, `'_ecs.Cluster'`), collected in [`Refs`] and imported relatively at the
//! end of the file (see [`Ctx::imports`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use bridgegen_codegen::{UniqueNames, Variant};
use bridgegen_model::{EnumKind, ExternalKind, Package, Property, Resource, Type};

use crate::names;

/// Which kind of shared file a class lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Inputs,
    Outputs,
    Enums,
}

impl Kind {
    pub fn file(self) -> &'static str {
        match self {
            Kind::Inputs => "_inputs",
            Kind::Outputs => "outputs",
            Kind::Enums => "_enums",
        }
    }
}

/// The file being rendered: its module and, for a shared file, its kind.
#[derive(Debug, Clone)]
pub struct Here {
    pub module: String,
    pub kind: Option<Kind>,
    /// Inside a plain-shape input class (`X`): `plain` properties spell plain-shape classes.
    pub plain_shape: bool,
    /// A resource file: the class it defines (named without an import).
    pub class: Option<String>,
}

impl Here {
    pub fn new(module: &str, kind: Option<Kind>) -> Here {
        Here { module: module.to_string(), kind, plain_shape: false, class: None }
    }
}

/// Cross-file references a file needs imported.
#[derive(Debug, Default)]
pub struct Refs {
    pub set: BTreeSet<(String, Kind)>,
    /// Resource classes named in types (see [`Ctx::resource_ref`]).
    pub resources: BTreeSet<ResourceImport>,
}

/// How a file imports a resource class it names in a type, as Pulumi's SDKs do.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ResourceImport {
    /// `from .resource import Resource`: a class of the file's own module or of the root
    /// module, named bare (`'Resource'`).
    Class { module: String, file: String, class: String },
    /// `from .. import ecs as _ecs`: another module's top package, the class named through
    /// it (`'_ecs.v1.Cluster'`).
    Package(String),
}

/// How a type is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A value that may be an `Input` (elements are wrapped in `pulumi.Input`).
    Input,
    /// A plain input (no `pulumi.Input` wrapping, input-shape classes `XArgs`): a `plain`
    /// resource property.
    Plain,
    /// A plain value of the plain shape (classes `X`): function arguments and the properties
    /// of plain-shape classes.
    PlainShape,
    /// A resolved output value (output classes).
    Output,
}

pub struct Ctx<'a> {
    pub pkg: &'a Package,
    /// `pulumi_alicloud`
    pub package_name: String,
    /// model module name -> python path components (empty for root).
    pub module_paths: HashMap<String, Vec<String>>,
    /// Every module that needs a directory, including intermediates, sorted.
    pub all_modules: Vec<String>,
    pub object_class: Vec<String>,
    /// The output class of each object: its class name, plus `Result` under
    /// `compatibility: tfbridge20`/`kubernetes20` for types functions reach (Pulumi's rule).
    pub output_class: Vec<String>,
    pub enum_class: Vec<String>,
    pub resource_class: Vec<String>,
    pub resource_file: Vec<String>,
    pub function_name: Vec<String>,
    pub function_file: Vec<String>,
    pub provider_file: String,
    /// Objects that get an input-shape class `XArgs` (reached from non-plain resource inputs
    /// or state; under `compatibility` also every plain use).
    pub has_args: Vec<bool>,
    /// Objects that get a plain class `X` in `_inputs.py` (reached plainly: function
    /// arguments, `plain` properties), as Pulumi names the plain shape outside compatibility
    /// modes.
    pub has_plain: Vec<bool>,
    /// Objects that get output classes (usage, closed over references).
    pub has_output: Vec<bool>,
    /// Objects reached from resource outputs: their output classes warn when read as a dict by
    /// wire name, naming the getter (Pulumi's rule; function results and config types do not).
    pub resource_output: Vec<bool>,
    /// `liftSingleValueMethodReturns`: a method whose result has one property returns it.
    pub lift_method_returns: bool,
    /// Input object types also accept their `XArgsDict` TypedDict (`inputTypes`).
    pub typed_dicts: bool,
}

/// Marks every object reachable from the marked ones through property types.
fn close_over(pkg: &Package, marks: &mut [bool]) {
    let mut stack: Vec<usize> = (0..marks.len()).filter(|&i| marks[i]).collect();
    while let Some(i) = stack.pop() {
        for p in &pkg.objects[i].properties {
            p.ty.walk(&mut |t| {
                if let Type::Object(id) = t {
                    if !marks[id.0] {
                        marks[id.0] = true;
                        stack.push(id.0);
                    }
                }
            });
        }
    }
}

fn mark_props(props: &[Property], marks: &mut [bool]) {
    for p in props {
        p.ty.walk(&mut |t| {
            if let Type::Object(id) = t {
                marks[id.0] = true;
            }
        });
    }
}

impl<'a> Ctx<'a> {
    pub fn new(pkg: &'a Package, package_name: String, opts: &crate::PythonOptions) -> Ctx<'a> {
        let overrides = &opts.module_name_overrides;
        let mut module_paths = HashMap::new();
        let mut all = BTreeSet::new();
        all.insert(String::new());
        for m in &pkg.modules {
            let path: Vec<String> = match overrides.get(&m.name) {
                Some(o) => o.split(['/', '.']).filter(|s| !s.is_empty()).map(names::module_component).collect(),
                None => m.name.split('/').filter(|s| !s.is_empty()).map(names::module_component).collect(),
            };
            // `config` is the package's configuration module: a schema module `config` of
            // types only shares it, members of any other go to `config_`.
            let path = if m.merges_with_config() && path == ["config"] { path } else { fix_reserved_top(path) };
            module_paths.insert(m.name.clone(), path);
        }
        // Intermediate packages (`core` for `core/v1`) are keyed by their joined python path.
        let mut by_path: BTreeMap<Vec<String>, String> = BTreeMap::new();
        for (name, path) in &module_paths {
            by_path.insert(path.clone(), name.clone());
        }
        let mut extra = Vec::new();
        for path in by_path.keys() {
            for i in 1..path.len() {
                let prefix = path[..i].to_vec();
                if !by_path.contains_key(&prefix) {
                    extra.push(prefix);
                }
            }
        }
        for p in extra {
            let key = format!("\u{0}{}", p.join("/"));
            by_path.entry(p.clone()).or_insert(key.clone());
            module_paths.insert(key, p);
        }
        for name in module_paths.keys() {
            all.insert(name.clone());
        }
        let mut all_modules: Vec<String> = all.into_iter().collect();
        all_modules.sort_by_key(|m| module_paths.get(m).cloned().unwrap_or_default());
        module_paths.entry(String::new()).or_default();

        let object_class: Vec<String> = pkg.objects.iter().map(|o| names::class_name(&o.token.name)).collect();
        let enum_class = pkg.enums.iter().map(|e| names::class_name(&e.token.name)).collect();
        let resource_class = pkg.resources.iter().map(|r| names::class_name(&r.token.name)).collect();

        // File stems must be unique within a module and must not hide a subpackage or a
        // shared file.
        let stems = || UniqueNames::new(Variant::Underscore);
        let mut taken: HashMap<String, UniqueNames> = HashMap::new();
        for m in &all_modules {
            let path = &module_paths[m];
            let mut t = stems();
            for s in ["_inputs", "outputs", "_enums", "_utilities", "config"] {
                t.reserve(s);
            }
            if path.is_empty() {
                t.reserve("provider");
            }
            for other in &all_modules {
                let op = &module_paths[other];
                if op.len() == path.len() + 1 && op.starts_with(path) {
                    t.reserve(&op[path.len()]);
                }
            }
            taken.insert(m.clone(), t);
        }
        let mut claim = |module: &str, stem: String| -> String {
            taken.entry(module.to_string()).or_insert_with(stems).take(&stem)
        };
        // Pulumi names resource files in snake case, but after the class under
        // `compatibility: kubernetes20` (`apps/v1/Deployment.py`).
        let class_files = opts.compatibility.as_deref() == Some("kubernetes20");
        let resource_file = pkg
            .resources
            .iter()
            .map(|r| {
                let stem =
                    if class_files { names::class_name(&r.token.name) } else { names::function_name(&r.token.name) };
                // Overlays get no file, so they claim no name.
                if r.is_overlay {
                    String::new()
                } else {
                    claim(&r.token.module, stem)
                }
            })
            .collect();
        let mut function_name = Vec::new();
        let mut function_file = Vec::new();
        for f in &pkg.functions {
            let n = names::function_name(&f.token.name);
            function_name.push(n.clone());
            let no_file = f.method_of.is_some() || f.is_overlay;
            function_file.push(if no_file { String::new() } else { claim(&f.token.module, n) });
        }
        // Which object classes to emit: the model's usage, plus everything the emitted
        // signatures reference, closed over nested object properties. A type nothing reaches
        // gets no class at all, as in Pulumi's SDKs (Kubernetes' `*List` types, say).
        let n = pkg.objects.len();
        let compat = matches!(opts.compatibility.as_deref(), Some("tfbridge20" | "kubernetes20"));
        // Pulumi's names for the two input shapes (see `Usage::plain_shape`): `X` for the
        // plain shape, `XArgs` for the input shape; under `compat` (`tfbridge20`,
        // `kubernetes20`) both are `XArgs`, so every use counts as the input shape.
        let has_args: Vec<bool> =
            pkg.objects.iter().map(|o| o.usage.input_shape || (compat && o.usage.plain_shape)).collect();
        let has_plain: Vec<bool> = pkg.objects.iter().map(|o| !compat && o.usage.plain_shape).collect();
        let mut has_output = vec![false; n];
        for r in std::iter::once(&pkg.provider).chain(&pkg.resources) {
            // A provider declares only its string outputs (resource.rs).
            if !r.is_provider {
                mark_props(&r.properties, &mut has_output);
            }
        }
        for f in &pkg.functions {
            match &f.outputs {
                bridgegen_model::FunctionReturn::Object(o) => mark_props(o, &mut has_output),
                // A method's result that is a named object is read into the method's result
                // class (method.rs): only what its properties reach needs output classes.
                bridgegen_model::FunctionReturn::Type(Type::Object(id)) if f.method_of.is_some() => {
                    mark_props(&pkg.object(*id).properties, &mut has_output)
                }
                bridgegen_model::FunctionReturn::Type(t) => t.walk(&mut |t| {
                    if let Type::Object(id) = t {
                        has_output[id.0] = true;
                    }
                }),
                bridgegen_model::FunctionReturn::None => {}
            }
        }
        mark_props(&pkg.config, &mut has_output);
        close_over(pkg, &mut has_output);
        let mut resource_output = vec![false; n];
        for r in &pkg.resources {
            mark_props(&r.properties, &mut resource_output);
        }
        close_over(pkg, &mut resource_output);
        let mut function_reached = vec![false; n];
        if compat {
            for f in &pkg.functions {
                mark_props(f.inputs.as_deref().unwrap_or(&[]), &mut function_reached);
                if let bridgegen_model::FunctionReturn::Object(o) = &f.outputs {
                    mark_props(o, &mut function_reached);
                }
            }
            close_over(pkg, &mut function_reached);
        }
        let output_class = object_class
            .iter()
            .zip(&function_reached)
            .map(|(c, f)| if *f { format!("{c}Result") } else { c.clone() })
            .collect();
        Ctx {
            has_args,
            has_plain,
            has_output,
            resource_output,
            pkg,
            package_name,
            module_paths,
            all_modules,
            object_class,
            output_class,
            enum_class,
            resource_class,
            resource_file,
            function_name,
            function_file,
            provider_file: "provider".into(),
            lift_method_returns: opts.lift_single_value_method_returns,
            typed_dicts: opts.typed_dicts(),
        }
    }

    pub fn path(&self, module: &str) -> &[String] {
        self.module_paths.get(module).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// Directory of a module relative to the output root: `pulumi_x/ecs`.
    pub fn dir(&self, module: &str) -> String {
        let mut d = self.package_name.clone();
        for c in self.path(module) {
            d.push('/');
            d.push_str(c);
        }
        d
    }

    /// Dotted import path: `pulumi_x.ecs`.
    pub fn dotted(&self, module: &str) -> String {
        let mut d = self.package_name.clone();
        for c in self.path(module) {
            d.push('.');
            d.push_str(c);
        }
        d
    }

    /// The alias a file uses for another module's shared file: `_ecs_inputs`, `_root_enums`.
    pub fn alias(&self, module: &str, kind: Kind) -> String {
        let p = self.path(module);
        let base = if p.is_empty() { "root".to_string() } else { p.join("_") };
        format!("_{base}_{}", kind.file().trim_start_matches('_'))
    }

    /// The relative package `_utilities` is imported from (`.` at the root, `..` one down).
    pub fn utilities_import(&self, module: &str) -> String {
        ".".repeat(self.path(module).len() + 1)
    }

    /// The import lines for `refs`, as seen from a file in `here`: other modules' shared
    /// files, then resource classes. Files place them last (see `imports.hbs`), after their
    /// own classes: annotations are strings, resolved only when the runtime reads them, so a
    /// file that is imported while it imports (resources whose types name each other, a
    /// resource and the input types that name it) already has its classes.
    pub fn imports(&self, here: &str, refs: &Refs) -> Vec<String> {
        let dots = ".".repeat(self.path(here).len() + 1);
        let mut lines: Vec<String> = refs
            .set
            .iter()
            .map(|(m, k)| format!("from {dots}{} import {} as {}", self.path(m).join("."), k.file(), self.alias(m, *k)))
            .collect();
        lines.extend(self.resource_imports(self.path(here).len(), here, refs));
        lines
    }

    fn qualify(&self, module: &str, kind: Kind, class: &str, here: &Here, refs: &mut Refs) -> String {
        if here.module == module && here.kind == Some(kind) {
            format!("'{class}'")
        } else {
            refs.set.insert((module.to_string(), kind));
            format!("'{}.{class}'", self.alias(module, kind))
        }
    }

    /// A type's spelling (without the outer `pulumi.Input`/`Optional`).
    pub fn ty(&self, t: &Type, mode: Mode, here: &Here, refs: &mut Refs) -> String {
        match t {
            Type::Boolean => "_builtins.bool".into(),
            Type::Integer => "_builtins.int".into(),
            Type::Number => "_builtins.float".into(),
            Type::String => "_builtins.str".into(),
            Type::Any | Type::Json | Type::Invalid => "Any".into(),
            Type::Archive => "pulumi.Archive".into(),
            Type::Asset => "Union[pulumi.Asset, pulumi.Archive]".into(),
            Type::Array(e) => {
                let inner = self.ty(e, mode, here, refs);
                if mode == Mode::Input {
                    format!("Sequence[pulumi.Input[{inner}]]")
                } else {
                    format!("Sequence[{inner}]")
                }
            }
            Type::Map(e) => {
                let inner = self.ty(e, mode, here, refs);
                if mode == Mode::Input {
                    format!("Mapping[str, pulumi.Input[{inner}]]")
                } else {
                    format!("Mapping[str, {inner}]")
                }
            }
            Type::Object(id) => {
                let o = self.pkg.object(*id);
                if mode == Mode::Output {
                    return self.qualify(&o.token.module, Kind::Outputs, &self.output_class[id.0], here, refs);
                }
                let class = self.input_class(id.0, mode == Mode::PlainShape);
                let a = self.qualify(&o.token.module, Kind::Inputs, &class, here, refs);
                if !self.typed_dicts {
                    return a;
                }
                // `_XArgsDict` is the TypedDict for checkers and `dict` at run time, so the
                // runtime recognizes `Union[XArgs, dict]` and translates dict keys.
                let d = self.qualify(&o.token.module, Kind::Inputs, &format!("_{class}Dict"), here, refs);
                format!("Union[{a}, {d}]")
            }
            Type::Enum(id) => {
                let e = self.pkg.enum_type(*id);
                let class = self.qualify(&e.token.module, Kind::Enums, &self.enum_class[id.0], here, refs);
                match mode {
                    Mode::Output => class,
                    _ => format!("Union[{}, {class}]", enum_base(e.kind)),
                }
            }
            Type::Resource(id) => {
                let r = self.pkg.resource(*id);
                let (class, file) = (&self.resource_class[id.0], &self.resource_file[id.0]);
                self.resource_ref(&r.token.module, class, file, here, refs).unwrap_or_else(|| resource_base(r).into())
            }
            Type::Provider => self
                .resource_ref("", "Provider", &self.provider_file, here, refs)
                .unwrap_or_else(|| "pulumi.ProviderResource".into()),
            // Another package's classes are not imported: the package does not depend on it
            // (`pyproject.toml` lists `pulumi` and `requires` only), and the runtime resolves
            // annotations with `get_type_hints`, so an import only for type checkers would
            // fail at run time. The same reason types another package's objects as `Any`;
            // a resource still has a base class to name.
            Type::External(x) if x.kind == ExternalKind::Resource => "pulumi.Resource".into(),
            Type::External(x) if x.kind == ExternalKind::Provider => "pulumi.ProviderResource".into(),
            Type::External(_) => "Any".into(),
            Type::Union(u) => {
                let mut parts: Vec<String> = Vec::new();
                for e in &u.elements {
                    let s = self.ty(e, mode, here, refs);
                    if !parts.contains(&s) {
                        parts.push(s);
                    }
                }
                match parts.len() {
                    0 => "Any".into(),
                    1 => parts.pop().unwrap_or_default(),
                    _ => format!("Union[{}]", parts.join(", ")),
                }
            }
        }
    }

    /// The spelling of a resource class (`file` in `module`) where `here` is, recording its
    /// import: bare in its own module and from the root module, through the top package
    /// elsewhere (Pulumi's spellings). `None` when the bare name would clash with a name the
    /// file already has (an output type of the same name, as Kubernetes has); the caller
    /// names the base class instead.
    fn resource_ref(&self, module: &str, class: &str, file: &str, here: &Here, refs: &mut Refs) -> Option<String> {
        let path = self.path(module);
        if module != here.module && !path.is_empty() {
            let (top, rest) = (&path[0], &path[1..]);
            refs.resources.insert(ResourceImport::Package(top.clone()));
            let mut spelled = package_alias(top);
            for c in rest {
                spelled.push('.');
                spelled.push_str(c);
            }
            return Some(format!("'{spelled}.{class}'"));
        }
        if module == here.module && here.class.as_deref() == Some(class) {
            return Some(format!("'{class}'"));
        }
        if self.file_defines(here, class, module != here.module) {
            return None;
        }
        refs.resources.insert(ResourceImport::Class {
            module: module.to_string(),
            file: file.to_string(),
            class: class.to_string(),
        });
        Some(format!("'{class}'"))
    }

    /// Whether the file `here` has `name` other than by importing the resource: a class it
    /// defines (shared files; resource and function files name the shared files through
    /// aliases) or, with `resources`, a resource class of its module it may import too.
    fn file_defines(&self, here: &Here, name: &str, resources: bool) -> bool {
        let Some(m) = self.pkg.module(&here.module) else { return false };
        if resources && m.resources.iter().any(|r| self.resource_class[r.0] == name) {
            return true;
        }
        let input_names = |id: usize, plain: bool| {
            let class = self.input_class(id, plain);
            [format!("{class}Dict"), format!("_{class}Dict"), class]
        };
        match here.kind {
            Some(Kind::Inputs) => m.objects.iter().any(|o| {
                (self.has_args[o.0] && input_names(o.0, false).iter().any(|n| n == name))
                    || (self.has_plain[o.0] && input_names(o.0, true).iter().any(|n| n == name))
            }),
            Some(Kind::Outputs) => m.objects.iter().any(|o| self.has_output[o.0] && self.output_class[o.0] == name),
            _ => false,
        }
    }

    /// The import lines for the resource classes in `refs`, from a file `depth` packages
    /// below the root in `here`.
    pub fn resource_imports(&self, depth: usize, here: &str, refs: &Refs) -> Vec<String> {
        let root = ".".repeat(depth + 1);
        refs.resources
            .iter()
            .map(|imp| match imp {
                ResourceImport::Class { module, file, class } if module == here => {
                    format!("from .{file} import {class}")
                }
                ResourceImport::Class { module, file, class } => {
                    let mut from = root.clone();
                    for c in self.path(module) {
                        from.push_str(c);
                        from.push('.');
                    }
                    format!("from {from}{file} import {class}")
                }
                ResourceImport::Package(top) => format!("from {root} import {top} as {}", package_alias(top)),
            })
            .collect()
    }

    /// How an input property's type is spelled where `here` is.
    pub fn prop_mode(p: &Property, here: &Here) -> Mode {
        match (p.plain, here.plain_shape) {
            (false, _) => Mode::Input,
            (true, false) => Mode::Plain,
            (true, true) => Mode::PlainShape,
        }
    }

    /// A property's argument type: `pulumi.Input[T]`, `pulumi.Input[Optional[T]]`, or the
    /// plain forms `T` / `Optional[T]`.
    pub fn arg_type(&self, p: &Property, optional: bool, here: &Here, refs: &mut Refs) -> String {
        let plain = p.plain;
        let t = self.ty(&p.ty, Self::prop_mode(p, here), here, refs);
        let object = matches!(p.ty, Type::Object(_));
        match (plain, optional) {
            (false, false) => format!("pulumi.Input[{t}]"),
            // The runtime unwraps `Optional[Input[Union[XArgs, dict]]]` (not the other order).
            (false, true) if object => format!("Optional[pulumi.Input[{t}]]"),
            (false, true) => format!("pulumi.Input[Optional[{t}]]"),
            (true, false) => t,
            (true, true) => format!("Optional[{t}]"),
        }
    }

    /// The type of a resolved value: `T` or `Optional[T]`.
    pub fn out_type(&self, p: &Property, optional: bool, here: &Here, refs: &mut Refs) -> String {
        let t = self.ty(&p.ty, Mode::Output, here, refs);
        if optional {
            format!("Optional[{t}]")
        } else {
            t
        }
    }

    /// The short type used in `:param T name:` lines.
    pub fn doc_type(&self, p: &Property, here: &Here) -> String {
        let mut r = Refs::default();
        let t = self.ty(&p.ty, Self::prop_mode(p, here), here, &mut r);
        let t = if p.plain { t } else { format!("pulumi.Input[{t}]") };
        // Docs read better without the file-local import aliases.
        strip_aliases(&t)
    }

    /// The input class of an object in the plain or the input shape: `X` / `XArgs`, or
    /// `XArgs` for both under `compatibility` (see `Usage::plain_shape`).
    pub fn input_class(&self, id: usize, plain: bool) -> String {
        let class = &self.object_class[id];
        if plain && self.has_plain[id] {
            class.clone()
        } else {
            format!("{class}Args")
        }
    }

    /// Objects with an input class of either shape in `_inputs.py`.
    pub fn object_has_input(&self, id: usize) -> bool {
        self.has_args[id] || self.has_plain[id]
    }

    /// Objects whose output classes are generated.
    pub fn object_has_output(&self, id: usize) -> bool {
        self.has_output[id]
    }

    /// The function result class name (`GetImagesResult`).
    pub fn function_result(&self, id: usize) -> String {
        let base = names::class_name(&self.pkg.functions[id].token.name);
        format!("{base}Result")
    }
}

fn fix_reserved_top(mut path: Vec<String>) -> Vec<String> {
    if let Some(first) = path.first_mut() {
        if ["config", "_utilities", "_inputs", "outputs", "_enums", "provider"].contains(&first.as_str()) {
            first.push('_');
        }
    }
    path
}

/// The alias of a top package a file imports for resource classes: `_ecs`, or `_typing_`
/// where `_<name>` is already a name the files import.
pub fn package_alias(top: &str) -> String {
    if ["builtins", "typing", "utilities"].contains(&top) {
        format!("_{top}_")
    } else {
        format!("_{top}")
    }
}

/// The SDK base class of a resource, for where its own class cannot be named.
pub fn resource_base(r: &Resource) -> &'static str {
    if r.is_provider {
        "pulumi.ProviderResource"
    } else if r.is_component {
        "pulumi.ComponentResource"
    } else {
        "pulumi.CustomResource"
    }
}

/// The Python base type of an enum's values.
pub fn enum_base(kind: EnumKind) -> &'static str {
    match kind {
        EnumKind::String => "_builtins.str",
        EnumKind::Integer => "_builtins.int",
        EnumKind::Number => "_builtins.float",
        EnumKind::Boolean => "_builtins.bool",
    }
}

/// Strips the file-local aliases (`'_ecs_inputs.FooArgs'` -> `FooArgs`, `_builtins.str` ->
/// `str`, `'_net.edge.Router'` -> `Router`) so signatures read as a user writes them.
pub fn tidy(s: &str) -> String {
    let s = strip_aliases(&s.replace("_builtins.", ""));
    // What is left qualified by an alias is a resource class named through its top package.
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let name = match word.rfind('.') {
            Some(i) if word.starts_with('_') => &word[i + 1..],
            _ => word.as_str(),
        };
        out.push_str(name);
        word.clear();
    };
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Drops quotes and the `_<module>_<kind>.` qualifiers of a type string.
pub fn strip_aliases(s: &str) -> String {
    let mut out = s.replace('\'', "");
    // drop `_<module>_<kind>.` qualifiers
    for kind in ["_inputs.", "_outputs.", "_enums."] {
        while let Some(i) = out.find(kind) {
            let start = out[..i].rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map(|j| j + 1).unwrap_or(0);
            out.replace_range(start..i + kind.len(), "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// The generated file `path` of a package bound from `schema`.
    fn file(schema: &str, path: &str) -> String {
        let (pkg, _) = bridgegen_model::bind_str(schema).expect("bind");
        let files = crate::generate(&pkg).expect("generate");
        let f = files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}"));
        String::from_utf8(f.contents.clone()).expect("utf-8")
    }

    const CLASH: &str = r##"{
      "name": "t",
      "types": {
        "t::Foo": { "type": "object", "properties": { "owner": { "$ref": "#/resources/t::Foo" } } }
      },
      "resources": {
        "t::Foo": { "properties": { "x": { "type": "string" } } },
        "t::Bar": {
          "properties": {
            "info": { "$ref": "#/types/t::Foo" },
            "foo": { "$ref": "#/resources/t::Foo" },
            "group": { "$ref": "/aws/v6.0.0/schema.json#/resources/aws:ec2%2FsecurityGroup:SecurityGroup" }
          }
        }
      }
    }"##;

    #[test]
    fn a_resource_named_like_a_class_of_the_file_is_its_base_class() {
        // outputs.py defines the output class `Foo`: the resource `Foo` cannot be imported there.
        let outputs = file(CLASH, "pulumi_t/outputs.py");
        assert!(outputs.contains("owner: Optional[pulumi.CustomResource] = None"), "{outputs}");
        assert!(!outputs.contains("import Foo"), "{outputs}");
        // bar.py names the output class through its alias, so the resource keeps its name.
        let bar = file(CLASH, "pulumi_t/bar.py");
        assert!(bar.contains("pulumi.Output[Optional['Foo']]"), "{bar}");
        assert!(bar.contains("pulumi.Output[Optional['_root_outputs.Foo']]"), "{bar}");
        assert!(bar.trim_end().ends_with("from .foo import Foo"), "imports come last:\n{bar}");
    }

    #[test]
    fn another_packages_resource_is_its_base_class_without_an_import() {
        let bar = file(CLASH, "pulumi_t/bar.py");
        assert!(bar.contains("def group(self) -> pulumi.Output[Optional[pulumi.Resource]]:"), "{bar}");
        assert!(!bar.contains("pulumi_aws"), "{bar}");
    }
}
