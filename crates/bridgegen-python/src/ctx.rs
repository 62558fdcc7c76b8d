//! Names for every member of the package, computed once, and the type renderer.
//!
//! Every generated file lives in one Python module (package directory). References to
//! classes in another file are written as module-qualified string annotations through a
//! per-file alias (`_ecs_inputs.FooArgs`), collected in [`Refs`] and imported relatively
//! at the top of the file.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use bridgegen_codegen::{UniqueNames, Variant};
use bridgegen_model::{EnumKind, Package, Property, Type};

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
}

/// `from <from> import <file> as <alias>`: another module's shared file (`imports` partial).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportLine {
    pub from: String,
    pub file: &'static str,
    pub alias: String,
}

/// Cross-file references a file needs imported.
#[derive(Debug, Default)]
pub struct Refs {
    pub set: BTreeSet<(String, Kind)>,
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
                claim(&r.token.module, stem)
            })
            .collect();
        let mut function_name = Vec::new();
        let mut function_file = Vec::new();
        for f in &pkg.functions {
            let n = names::function_name(&f.token.name);
            function_name.push(n.clone());
            function_file.push(if f.method_of.is_some() { String::new() } else { claim(&f.token.module, n) });
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

    /// The relative imports for `refs`, as seen from a file in `here`.
    pub fn imports(&self, here: &str, refs: &Refs) -> Vec<ImportLine> {
        let dots = ".".repeat(self.path(here).len() + 1);
        refs.set
            .iter()
            .map(|(m, k)| ImportLine {
                from: format!("{dots}{}", self.path(m).join(".")),
                file: k.file(),
                alias: self.alias(m, *k),
            })
            .collect()
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
            Type::Any | Type::Json | Type::External(_) | Type::Invalid => "Any".into(),
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
            Type::Resource(_) => "pulumi.CustomResource".into(),
            Type::Provider => "pulumi.ProviderResource".into(),
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
/// `str`) so signatures read as a user writes them.
pub fn tidy(s: &str) -> String {
    strip_aliases(&s.replace("_builtins.", ""))
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
