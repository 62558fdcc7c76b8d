//! Package-wide naming decisions (namespaces and class names, chosen once so every file
//! agrees) and the C# spelling of model types in each position.

use std::collections::{BTreeMap, HashMap};

use bridgegen_model::{EnumKind, EnumType, FunctionReturn, Package, Property, Token, Type, UnionType};
use serde_json::Value;

use crate::external::{ExternalPackages, ExternalPosition};
use crate::names::{self, TypeNamer, RESERVED_TYPE_NAMES, ROOT_TYPE_NAMES};
use crate::shapes::{self, Compat, InputClass, ObjectClasses, Reach};

/// The decoded `language.csharp` block.
#[derive(Debug, Clone, Default)]
pub struct CsharpOptions {
    pub root_namespace: String,
    pub namespaces: BTreeMap<String, String>,
    pub package_references: BTreeMap<String, String>,
    /// `projectReferences`: paths written as `<ProjectReference>` items.
    pub project_references: Vec<String>,
    pub target_framework: String,
    /// `dictionaryConstructors`: resources also get an internal constructor taking a
    /// dictionary of raw inputs (as Pulumi's Kubernetes SDK uses).
    pub dictionary_constructors: bool,
    /// `liftSingleValueMethodReturns`: a method whose result has one property returns it.
    pub lift_single_value_method_returns: bool,
    /// `compatibility` (the values bridgegen applies; others read as none).
    pub compat: Compat,
}

impl CsharpOptions {
    pub fn from_package(pkg: &Package) -> Self {
        Self::from_block(pkg.language_block("csharp"))
    }

    /// The options of a `language.csharp` block (all defaults without one).
    pub fn from_block(block: Option<&Value>) -> Self {
        let get = |k: &str| block.and_then(|b| b.get(k));
        let str_map = |v: Option<&Value>| -> BTreeMap<String, String> {
            v.and_then(Value::as_object)
                .map(|o| o.iter().filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string()))).collect())
                .unwrap_or_default()
        };
        let mut package_references = str_map(get("packageReferences"));
        package_references.entry("Pulumi".to_string()).or_insert_with(|| "3.*".to_string());
        CsharpOptions {
            root_namespace: get("rootNamespace")
                .and_then(Value::as_str)
                .map(dotted_identifier)
                .unwrap_or_else(|| "Pulumi".to_string()),
            namespaces: str_map(get("namespaces")),
            package_references,
            target_framework: get("targetFramework").and_then(Value::as_str).unwrap_or("net6.0").to_string(),
            project_references: get("projectReferences")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
                .unwrap_or_default(),
            dictionary_constructors: get("dictionaryConstructors").and_then(Value::as_bool).unwrap_or(false),
            lift_single_value_method_returns: get("liftSingleValueMethodReturns")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            compat: Compat::from_option(get("compatibility").and_then(Value::as_str)),
        }
    }
}

/// `A.b-c.D` -> `A.bc.D`: each dotted part sanitized, casing kept (user-chosen names).
fn dotted_identifier(s: &str) -> String {
    s.split('.').map(names::sanitize).collect::<Vec<_>>().join(".")
}

/// One namespace segment: a user-chosen name is only sanitized, a derived one is
/// PascalCased; a segment that would shadow a type the generated code uses is suffixed
/// (`Config` and `Provider` only in the package's own tree, not below `Types`).
fn namespace_segment(seg: &str, user_given: bool, root_types: bool) -> String {
    let mut s = if user_given { names::sanitize(seg) } else { names::namespace_part(seg) };
    if RESERVED_TYPE_NAMES.contains(&s.as_str()) || (root_types && ROOT_TYPE_NAMES.contains(&s.as_str())) {
        s.push('_');
    }
    s
}

/// Every name the generator chose for the package.
#[derive(Debug, Clone)]
pub struct Names {
    pub opts: CsharpOptions,
    /// `Pulumi.AliCloud`.
    pub root_ns: String,
    /// The package's C# name (`AliCloud`), used for the resource-type attribute.
    pub pkg_class: String,
    /// `AliCloudResourceType` (the attribute class is this plus `Attribute`).
    pub attr: String,
    /// Module name -> full namespace.
    pub module_ns: HashMap<String, String>,
    /// Module name -> the namespaces of its object types' input and output classes
    /// (`<module ns>.Inputs`/`.Outputs`; `kubernetes20`: `<root>.Types.Inputs.<module>`, ...).
    pub types_ns: HashMap<String, (String, String)>,
    /// Object types whose input class is the args class of a resource (`kubernetes20`, where
    /// both share `Types.Inputs.<module>`: Pulumi writes that class once, the resource's).
    pub input_is_resource_args: Vec<bool>,
    pub resources: Vec<String>,
    pub functions: Vec<String>,
    pub enums: Vec<String>,
    /// The classes of each object type in `Inputs`/`Outputs`.
    pub objects: Vec<ObjectClasses>,
    /// Where each object type is reached from (state inputs, functions).
    pub reach: Vec<Reach>,
    /// The `Config.Types` class of each object type config variables reach.
    pub config_types: Vec<Option<String>>,
    /// How the packages this one refers to spell their classes.
    pub externals: ExternalPackages,
}

impl Names {
    /// The names of `pkg`, with other packages' classes spelled by Pulumi's defaults.
    pub fn new(pkg: &Package) -> Names {
        Names::with_externals(pkg, &[])
    }

    /// The names of `pkg`, with the classes of the packages in `schemas` spelled from their
    /// own `csharp` options (as Pulumi's generator, which loads every referenced schema).
    pub fn with_externals(pkg: &Package, schemas: &[&Package]) -> Names {
        let opts = CsharpOptions::from_package(pkg);
        let root_ns = package_root_ns(&pkg.name, &opts);
        let pkg_class = names::sanitize(root_ns.rsplit('.').next().unwrap_or("Package"));
        let attr = format!("{pkg_class}ResourceType");

        let mut module_ns = HashMap::new();
        for m in &pkg.modules {
            module_ns.insert(m.name.clone(), module_namespace(&opts, &root_ns, &m.name));
        }
        // Modules that hold no members but appear in tokens (functions that are methods, ...).
        let mut all_tokens: Vec<&Token> = Vec::new();
        all_tokens.extend(pkg.resources.iter().map(|r| &r.token));
        all_tokens.extend(pkg.functions.iter().map(|f| &f.token));
        all_tokens.extend(pkg.objects.iter().map(|o| &o.token));
        all_tokens.extend(pkg.enums.iter().map(|e| &e.token));
        for t in &all_tokens {
            module_ns.entry(t.module.clone()).or_insert_with(|| module_namespace(&opts, &root_ns, &t.module));
        }

        let k8s = opts.compat == Compat::Kubernetes20;
        let types_ns: HashMap<String, (String, String)> =
            module_ns.iter().map(|(m, ns)| (m.clone(), types_namespaces(&opts, &root_ns, m, ns))).collect();
        let externals = ExternalPackages::new(pkg, schemas);

        // One namer per namespace; each reserves the child namespace segments first.
        let mut namers: HashMap<String, TypeNamer> = HashMap::new();
        let mut all_ns: Vec<String> = module_ns.values().cloned().collect();
        all_ns.push(root_ns.clone());
        let mut with_kids = all_ns.clone();
        for (inputs, outputs) in types_ns.values() {
            with_kids.push(inputs.clone());
            with_kids.push(outputs.clone());
        }
        with_kids.sort();
        with_kids.dedup();
        for ns in &with_kids {
            namers.entry(ns.clone()).or_default();
            // Reserve this namespace's segment names in every ancestor.
            let parts: Vec<&str> = ns.split('.').collect();
            for i in 1..parts.len() {
                let parent = parts[..i].join(".");
                namers.entry(parent).or_default().reserve(parts[i]);
            }
        }
        {
            let root = namers.get_mut(&root_ns).expect("root namer");
            root.reserve(&format!("{attr}Attribute"));
            root.reserve(&attr);
            root.reserve("ProviderArgs");
            ROOT_TYPE_NAMES.iter().for_each(|r| root.reserve(r));
            if k8s {
                // The base class of resources, from the Kubernetes SDK's own sources.
                root.reserve("KubernetesResource");
            }
        }

        let mut resources = Vec::new();
        for r in &pkg.resources {
            let ns = &module_ns[&r.token.module];
            let namer = namers.get_mut(ns).expect("namer");
            // A resource's `language.csharp.name` renames its class (Pulumi's `resourceName`).
            let given = r.language.get("csharp").and_then(|c| c.get("name")).and_then(Value::as_str);
            let name = names::type_name(given.filter(|n| !n.is_empty()).unwrap_or(&r.token.name));
            resources.push(namer.allocate(&name, &["Args", "State"]));
        }
        // `kubernetes20`: a resource's args class lives in `Types.Inputs.<module>`.
        let resource_args: Vec<(String, String)> = if k8s {
            pkg.resources
                .iter()
                .zip(&resources)
                .map(|(r, class)| (types_ns[&r.token.module].0.clone(), format!("{class}Args")))
                .collect()
        } else {
            Vec::new()
        };
        for (ns, class) in &resource_args {
            namers.get_mut(ns).expect("types namer").reserve(class);
        }
        let mut functions = Vec::new();
        for f in &pkg.functions {
            let ns = &module_ns[&f.token.module];
            let namer = namers.get_mut(ns).expect("namer");
            functions.push(namer.allocate(&names::type_name(&f.token.name), &["Args", "InvokeArgs", "Result"]));
        }
        let mut enums = Vec::new();
        for e in &pkg.enums {
            let ns = &module_ns[&e.token.module];
            let namer = namers.get_mut(ns).expect("namer");
            enums.push(namer.allocate(&names::type_name(&e.token.name), &[]));
        }
        let reach = shapes::reach(pkg);
        let mut objects = Vec::new();
        let mut input_is_resource_args = Vec::new();
        for (o, r) in pkg.objects.iter().zip(&reach) {
            let both = r.function_input && o.usage.input;
            let (in_sfx, out_sfx) = ObjectClasses::suffixes(opts.compat, *r, both);
            let (in_ns, out_ns) = types_ns[&o.token.module].clone();
            let mut name = names::type_name(&o.token.name);
            // `kubernetes20`: the input class may be a resource's args class (the object type
            // `core/v1:ConfigMap` and the resource `core/v1:ConfigMap`), then shared.
            let input = ObjectClasses::new(&name, opts.compat, *r, both).input;
            let shared = o.usage.input && resource_args.iter().any(|(ns, c)| *ns == in_ns && *c == input);
            let all_in_sfx: Vec<&str> = in_sfx.iter().map(String::as_str).collect();
            let in_sfx: Vec<&str> =
                all_in_sfx.iter().copied().filter(|s| !(shared && format!("{name}{s}") == input)).collect();
            let out_sfx: Vec<&str> = out_sfx.iter().map(String::as_str).collect();
            // The same base must be free in both `Inputs` and `Outputs`, with its suffixes.
            let base = name.clone();
            while !(namers[&in_ns].is_free(&name, &in_sfx) && namers[&out_ns].is_free(&name, &out_sfx)) {
                name.push('_');
            }
            let in_sfx = if name == base { in_sfx } else { all_in_sfx };
            namers.get_mut(&in_ns).expect("inputs namer").allocate(&name, &in_sfx);
            namers.get_mut(&out_ns).expect("outputs namer").allocate(&name, &out_sfx);
            let classes = ObjectClasses::new(&name, opts.compat, *r, both);
            input_is_resource_args.push(shared && classes.input == input);
            objects.push(classes);
        }

        // Config variables' object types are classes nested in `Config.Types` (Pulumi's genConfig).
        let mut config_namer = TypeNamer::new();
        config_namer.reserve("Types");
        let config_types = pkg
            .objects
            .iter()
            .zip(&reach)
            .map(|(o, r)| r.config.then(|| config_namer.allocate(&names::type_name(&o.token.name), &[])))
            .collect();

        Names {
            opts,
            root_ns,
            pkg_class,
            attr,
            module_ns,
            types_ns,
            input_is_resource_args,
            resources,
            functions,
            enums,
            objects,
            reach,
            config_types,
            externals,
        }
    }

    /// True for types that are C# value types (no `null!` initializer, `?` makes them `Nullable`).
    pub fn is_value_type(&self, ty: &Type) -> bool {
        match ty {
            Type::Boolean | Type::Integer | Type::Number | Type::Json => true,
            Type::Enum(_) => true,
            Type::External(x) => self.externals.is_enum(x),
            Type::Union(u) => match union_width(u) {
                1 => self.is_value_type(&u.elements[0]),
                w => w == 2,
            },
            _ => false,
        }
    }

    pub fn ns_of(&self, token: &Token) -> &str {
        &self.module_ns[&token.module]
    }

    /// The namespace of the input classes of object types (and, `kubernetes20`, of resource
    /// args) of `token`'s module.
    pub fn inputs_ns(&self, token: &Token) -> &str {
        &self.types_ns[&token.module].0
    }

    /// The namespace of the output classes of object types of `token`'s module.
    pub fn outputs_ns(&self, token: &Token) -> &str {
        &self.types_ns[&token.module].1
    }

    /// Where a resource's args class is declared when not beside the resource:
    /// `kubernetes20` puts it in `Types.Inputs.<module>` (all but the provider's).
    pub fn resource_args_ns(&self, r: &bridgegen_model::Resource) -> Option<&str> {
        (self.k8s() && !r.is_provider).then(|| self.inputs_ns(&r.token))
    }

    /// True under `compatibility: kubernetes20`.
    pub fn k8s(&self) -> bool {
        self.opts.compat == Compat::Kubernetes20
    }

    pub fn resource_fqn(&self, pkg: &Package, id: usize) -> String {
        format!("global::{}.{}", self.ns_of(&pkg.resources[id].token), self.resources[id])
    }

    pub fn enum_fqn(&self, pkg: &Package, id: usize) -> String {
        format!("global::{}.{}", self.ns_of(&pkg.enums[id].token), self.enums[id])
    }

    pub fn output_class_fqn(&self, pkg: &Package, id: usize) -> String {
        format!("global::{}.{}", self.outputs_ns(&pkg.objects[id].token), self.objects[id].output)
    }

    /// One of the input classes of an object type.
    pub fn input_class_fqn(&self, pkg: &Package, id: usize, class: InputClass) -> String {
        format!("global::{}.{}", self.inputs_ns(&pkg.objects[id].token), self.objects[id].input_class(class))
    }

    pub fn provider_fqn(&self) -> String {
        format!("global::{}.Provider", self.root_ns)
    }

    /// The C# type of a value in an output position (resource outputs, output classes,
    /// function results), without nullability.
    pub fn output_ty(&self, pkg: &Package, ty: &Type) -> String {
        match ty {
            Type::Array(e) => format!("ImmutableArray<{}>", self.output_ty(pkg, e)),
            Type::Map(e) => format!("ImmutableDictionary<string, {}>", self.output_ty(pkg, e)),
            Type::Object(id) => self.output_class_fqn(pkg, id.0),
            Type::External(x) => self.externals.type_of(x, self.opts.compat, ExternalPosition::Output),
            // A union with an enum member reads as the enum's primitive (Pulumi's "relaxed
            // enum" outputs: `Output<string>` for `Farm | string`).
            Type::Union(u) => match relaxed_enum(pkg, u) {
                Some(primitive) => self.scalar(pkg, &primitive),
                None => self.union(u, |t| self.output_ty(pkg, t)),
            },
            _ => self.scalar(pkg, ty),
        }
    }

    /// The C# type of a config variable's value (objects as their `Config.Types` classes),
    /// without nullability.
    pub fn config_ty(&self, pkg: &Package, ty: &Type) -> String {
        match ty {
            Type::Array(e) => format!("ImmutableArray<{}>", self.config_ty(pkg, e)),
            Type::Map(e) => format!("ImmutableDictionary<string, {}>", self.config_ty(pkg, e)),
            Type::Object(id) => match &self.config_types[id.0] {
                Some(class) => format!("global::{}.Config.Types.{class}", self.root_ns),
                None => "object".to_string(),
            },
            Type::Union(u) => self.union(u, |t| self.config_ty(pkg, t)),
            _ => self.scalar(pkg, ty),
        }
    }

    /// A value inside `Input<>`, `InputList<>`, `InputMap<>` (objects as `Args` classes, or
    /// in a state class (`state`) as `GetArgs` classes).
    pub fn input_elem_ty(&self, pkg: &Package, ty: &Type, state: bool) -> String {
        match ty {
            Type::Array(e) => format!("ImmutableArray<{}>", self.input_elem_ty(pkg, e, state)),
            Type::Map(e) => {
                format!("ImmutableDictionary<string, {}>", self.input_elem_ty(pkg, e, state))
            }
            Type::Object(id) => {
                self.input_class_fqn(pkg, id.0, if state { InputClass::State } else { InputClass::Args })
            }
            Type::External(x) => {
                let class = if state { InputClass::State } else { InputClass::Args };
                self.externals.type_of(x, self.opts.compat, ExternalPosition::Input(class))
            }
            Type::Union(u) => self.union(u, |t| self.input_elem_ty(pkg, t, state)),
            _ => self.scalar(pkg, ty),
        }
    }

    /// An input property's type (`Input<string>`, `InputList<T>`, `InputMap<T>`,
    /// `InputUnion<A, B>`; a union of more than two types is a bare `object`, as Pulumi's).
    pub fn input_ty(&self, pkg: &Package, ty: &Type, state: bool) -> String {
        match ty {
            Type::Array(e) => format!("InputList<{}>", self.input_elem_ty(pkg, e, state)),
            Type::Map(e) => format!("InputMap<{}>", self.input_elem_ty(pkg, e, state)),
            Type::Union(u) => match union_members(u, |t| self.input_elem_ty(pkg, t, state)).as_slice() {
                [one] => format!("Input<{one}>"),
                [a, b] => format!("InputUnion<{a}, {b}>"),
                _ => "object".to_string(),
            },
            _ => format!("Input<{}>", self.input_elem_ty(pkg, ty, state)),
        }
    }

    /// A plain (never `Input`) argument's type: lists, dictionaries, and objects as `class`
    /// (plain classes in functions' promise form, else the class of the args around it).
    pub fn plain_ty(&self, pkg: &Package, ty: &Type, class: InputClass) -> String {
        match ty {
            Type::Array(e) => format!("List<{}>", self.plain_ty(pkg, e, class)),
            Type::Map(e) => format!("Dictionary<string, {}>", self.plain_ty(pkg, e, class)),
            Type::Object(id) => self.input_class_fqn(pkg, id.0, class),
            Type::External(x) => self.externals.type_of(x, self.opts.compat, ExternalPosition::Input(class)),
            Type::Union(u) => self.union(u, |t| self.plain_ty(pkg, t, class)),
            _ => self.scalar(pkg, ty),
        }
    }

    /// `Union<A, B>`; a single distinct member is itself, and more than two are `object`, as
    /// Pulumi's C# generator writes them (its `unionTypeString`), so we match it there.
    fn union(&self, u: &UnionType, f: impl Fn(&Type) -> String) -> String {
        match union_members(u, f).as_slice() {
            [one] => one.clone(),
            [a, b] => format!("Union<{a}, {b}>"),
            _ => "object".to_string(),
        }
    }

    fn scalar(&self, pkg: &Package, ty: &Type) -> String {
        match ty {
            Type::Boolean => "bool".into(),
            Type::Integer => "int".into(),
            Type::Number => "double".into(),
            Type::String => "string".into(),
            Type::Any => "object".into(),
            Type::Json => "global::System.Text.Json.JsonElement".into(),
            Type::Archive => "Archive".into(),
            Type::Asset => "AssetOrArchive".into(),
            Type::Enum(id) => match pkg.enums[id.0].kind {
                EnumKind::Boolean => "bool".into(),
                _ => self.enum_fqn(pkg, id.0),
            },
            Type::Resource(id) => self.resource_fqn(pkg, id.0),
            Type::Provider => self.provider_fqn(),
            // Config variables of other packages' types are read as untyped objects.
            Type::External(_) | Type::Invalid => "object".into(),
            Type::Array(_) | Type::Map(_) | Type::Object(_) | Type::Union(_) => {
                unreachable!("composite types are handled by the callers")
            }
        }
    }
}

/// A package's root namespace: `rootNamespace` (default `Pulumi`) and the package's segment
/// (`namespaces[<package>]`, else its name as a namespace part): `Pulumi.AliCloud`.
pub(crate) fn package_root_ns(name: &str, opts: &CsharpOptions) -> String {
    let pkg_seg =
        opts.namespaces.get(name).map(|s| dotted_identifier(s)).unwrap_or_else(|| names::namespace_part(name));
    format!("{}.{}", opts.root_namespace, pkg_seg)
}

/// The namespaces of a module's object-type input and output classes: `<module ns>.Inputs`
/// and `.Outputs`; `kubernetes20`: `<root>.Types.Inputs.<module>` and `<root>.Types.Outputs.<module>`.
pub(crate) fn types_namespaces(opts: &CsharpOptions, root_ns: &str, module: &str, module_ns: &str) -> (String, String) {
    if opts.compat == Compat::Kubernetes20 {
        let segs = module_segments(opts, module, false);
        let at = |kind: &str| join_ns(&format!("{root_ns}.Types.{kind}"), &segs);
        (at("Inputs"), at("Outputs"))
    } else {
        (format!("{module_ns}.Inputs"), format!("{module_ns}.Outputs"))
    }
}

/// `Pulumi.AliCloud` + module `ecs/v1` -> `Pulumi.AliCloud.Ecs.V1` (or `namespaces[...]`).
pub(crate) fn module_namespace(opts: &CsharpOptions, root_ns: &str, module: &str) -> String {
    if module.is_empty() {
        return root_ns.to_string();
    }
    join_ns(root_ns, &module_segments(opts, module, true))
}

/// The namespace segments of a module (`ecs/v1` -> `Ecs`, `V1`; or `namespaces[module]`
/// split on dots). The index module has none unless `namespaces[""]` names one (which only
/// `kubernetes20` object types use, as Pulumi's `tokenToNamespace`).
fn module_segments(opts: &CsharpOptions, module: &str, root_types: bool) -> Vec<String> {
    let seg = |s: &str, given: bool| namespace_segment(s, given, root_types);
    match opts.namespaces.get(module) {
        Some(given) => given.split('.').filter(|s| !s.is_empty()).map(|s| seg(s, true)).collect(),
        None => module.split('/').filter(|s| !s.is_empty()).map(|s| seg(s, false)).collect(),
    }
}

fn join_ns(base: &str, segs: &[String]) -> String {
    if segs.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{}", segs.join("."))
    }
}

/// Member names for the properties of one class: a property's `language.csharp.name`
/// (sanitized), else its [`names::property_name`], made unique as [`names::member_names`].
pub fn property_member_names<'p>(
    class_name: &str,
    reserved: &[&str],
    props: impl IntoIterator<Item = &'p Property>,
) -> Vec<String> {
    let preferred = props.into_iter().map(|p| {
        let given = p.language.get("csharp").and_then(|c| c.get("name")).and_then(Value::as_str);
        given.filter(|n| !n.is_empty()).map(names::sanitize).unwrap_or_else(|| names::property_name(&p.name))
    });
    names::unique_members(class_name, reserved, preferred)
}

/// The distinct C# spellings of a union's members, in order.
fn union_members(u: &UnionType, f: impl Fn(&Type) -> String) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in u.elements.iter().map(f) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The primitive of a union's first enum member, if it has one.
fn relaxed_enum(pkg: &Package, u: &UnionType) -> Option<Type> {
    u.elements.iter().find_map(|t| match t {
        Type::Enum(id) => Some(pkg.enums[id.0].kind.primitive()),
        _ => None,
    })
}

/// The number of distinct members of a union (2: a `Union<A, B>` struct; more: `object`).
pub fn union_width(u: &UnionType) -> usize {
    let mut seen: Vec<&Type> = Vec::new();
    for t in &u.elements {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.len()
}

/// The output spelling with nullability for an optional property (`string?`,
/// `ImmutableArray<T>` stays as is: an empty array stands for "absent").
pub fn nullable_output(pkg: &Package, names: &Names, p: &Property) -> String {
    let t = names.output_ty(pkg, &p.ty);
    // `kubernetes20`: outputs are typed as if required (Pulumi's `RequiredType`).
    if p.required || matches!(p.ty, Type::Array(_)) || names.k8s() {
        t
    } else {
        format!("{t}?")
    }
}

/// The enum type of a default, if the property is an enum.
pub fn enum_of<'p>(pkg: &'p Package, ty: &Type) -> Option<(usize, &'p EnumType)> {
    match ty {
        Type::Enum(id) => Some((id.0, &pkg.enums[id.0])),
        _ => None,
    }
}

/// True when the function is emitted as a top-level class (methods are not, nor overlays:
/// their code comes with the provider's SDK, as Pulumi's generator leaves them out).
pub fn emits_function(f: &bridgegen_model::Function) -> bool {
    f.method_of.is_none() && !f.is_overlay
}

/// The result properties of a function, when it returns an object.
pub fn result_properties(f: &bridgegen_model::Function) -> Option<&[Property]> {
    match &f.outputs {
        FunctionReturn::Object(p) => Some(p),
        _ => None,
    }
}
