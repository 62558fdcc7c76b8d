//! The bound model: tokens parsed, `$ref`s resolved to ids, modules computed, every
//! property's plainness, requiredness and defaults settled. Generators read only this.

use indexmap::IndexMap;
use serde_json::Value;

pub use crate::description::Doc;

/// Raw per-language blocks (`nodejs`, `python`, `go`, `csharp`, ...), decoded by each generator.
pub type LanguageMap = IndexMap<String, Value>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectId(pub usize);
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnumId(pub usize);
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceId(pub usize);
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FunctionId(pub usize);

/// A parsed `pkg:module:Name` token.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The token as written in the schema.
    pub full: String,
    pub package: String,
    /// The module part as written (`ecs/imageSharePermission`).
    pub raw_module: String,
    /// The module after `meta.moduleFormat` (`ecs`); empty for the root (`index`) module.
    pub module: String,
    /// The member name (`ImageSharePermission`).
    pub name: String,
}

/// A whole bound package.
#[derive(Debug, Clone)]
pub struct Package {
    pub name: String,
    pub display_name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    pub keywords: Vec<String>,
    pub homepage: Option<String>,
    pub license: Option<String>,
    pub attribution: Option<String>,
    pub repository: Option<String>,
    pub logo_url: Option<String>,
    pub plugin_download_url: Option<String>,
    pub publisher: Option<String>,
    pub namespace: Option<String>,
    pub language: LanguageMap,
    /// Provider configuration variables (`pulumi config set <pkg>:<name>`).
    pub config: Vec<Property>,
    /// The provider resource; synthesized (no inputs) when the schema has none.
    pub provider: Resource,
    pub resources: Vec<Resource>,
    pub functions: Vec<Function>,
    pub objects: Vec<ObjectType>,
    pub enums: Vec<EnumType>,
    /// Every module that holds at least one member, sorted by name; the root module is `""`.
    pub modules: Vec<Module>,
    /// The schema document this package was bound from, re-serialized (for `GetSchema`
    /// and for docs that quote it). Not for generators to re-parse.
    pub source_json: String,
}

/// The members of one module, each list in schema order.
#[derive(Debug, Clone, Default)]
pub struct Module {
    /// `""` for the root module, otherwise the module path (`ecs`, `core/v1`).
    pub name: String,
    pub resources: Vec<ResourceId>,
    pub functions: Vec<FunctionId>,
    pub objects: Vec<ObjectId>,
    pub enums: Vec<EnumId>,
}

impl Module {
    pub fn is_root(&self) -> bool {
        self.name.is_empty()
    }

    /// A module named `config` holding only types shares the SDK's config-variables module,
    /// as in Pulumi's generators (`config.RegistryAuth` beside the `registryAuth` variable);
    /// one with resources or functions is renamed instead.
    pub fn merges_with_config(&self) -> bool {
        self.name == "config" && self.resources.is_empty() && self.functions.is_empty()
    }

    /// The enums the SDKs emit: overlay enums are hand-written in Pulumi's SDKs, and its
    /// generators emit no enums module for them.
    pub fn sdk_enums<'p>(&'p self, pkg: &'p Package) -> impl Iterator<Item = EnumId> + 'p {
        self.enums.iter().copied().filter(|id| !pkg.enum_type(*id).is_overlay)
    }

    /// Whether [`Module::sdk_enums`] has any.
    pub fn has_sdk_enums(&self, pkg: &Package) -> bool {
        self.sdk_enums(pkg).next().is_some()
    }
}

/// The type of a property, an array element, a map value or a union member.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    Boolean,
    Integer,
    Number,
    String,
    /// `pulumi.json#/Any`
    Any,
    /// `pulumi.json#/Json`
    Json,
    /// `pulumi.json#/Archive`
    Archive,
    /// `pulumi.json#/Asset` (an asset or an archive)
    Asset,
    Array(Box<Type>),
    /// A map from string keys.
    Map(Box<Type>),
    Object(ObjectId),
    Enum(EnumId),
    /// A reference to a resource of this package (its value is the resource).
    Resource(ResourceId),
    /// A reference to this package's provider resource (`#/provider`).
    Provider,
    Union(UnionType),
    External(ExternalRef),
    /// Placeholder after a reported error; never present in a successfully bound package.
    Invalid,
}

impl Type {
    /// Calls `f` on this type and every type nested in it.
    pub fn walk(&self, f: &mut impl FnMut(&Type)) {
        f(self);
        match self {
            Type::Array(t) | Type::Map(t) => t.walk(f),
            Type::Union(u) => u.elements.iter().for_each(|t| t.walk(f)),
            _ => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionType {
    pub elements: Vec<Type>,
    /// The discriminating property, when the union has one.
    pub discriminator: Option<String>,
    /// Discriminator value to the member's `$ref`, as written.
    pub mapping: IndexMap<String, String>,
    /// The primitive `type` written beside `oneOf`: what generators that do not print
    /// unions use instead (nodejs `disableUnionOutputTypes`).
    pub default_type: Option<Box<Type>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExternalKind {
    Type,
    Resource,
    Provider,
}

/// A `$ref` into another package's schema: `/aws/v5.4.0/schema.json#/types/aws:ec2/x:X`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalRef {
    pub package: String,
    /// Version without the leading `v`, when the URL has one.
    pub version: Option<String>,
    pub kind: ExternalKind,
    /// The referenced token (empty for a provider reference).
    pub token: Option<Token>,
    /// The `$ref` as written.
    pub reference: String,
}

/// A default value: a literal, environment variables to consult, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct DefaultValue {
    pub value: Option<Value>,
    pub environment: Vec<String>,
    pub language: LanguageMap,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    /// The wire name, exactly as in the schema.
    pub name: String,
    pub ty: Type,
    /// Plain: never wrapped in `Input`/`Output`.
    pub plain: bool,
    pub required: bool,
    /// Parsed once, on first use (see [`Doc`]).
    pub description: Option<Doc>,
    pub default: Option<DefaultValue>,
    pub const_value: Option<Value>,
    pub deprecation_message: Option<String>,
    pub secret: bool,
    pub replace_on_changes: bool,
    pub will_replace_on_changes: bool,
    pub language: LanguageMap,
}

impl Property {
    /// A required, non-secret property with nothing else set: for properties a
    /// generator synthesizes (the implicit `id`, a function's single result).
    pub fn required(name: impl Into<String>, ty: Type, description: Option<String>) -> Self {
        Property {
            name: name.into(),
            ty,
            plain: false,
            required: true,
            description: description.map(Doc::from),
            default: None,
            const_value: None,
            deprecation_message: None,
            secret: false,
            replace_on_changes: false,
            will_replace_on_changes: false,
            language: LanguageMap::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub name: Option<String>,
    pub project: Option<String>,
    pub type_: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub token: Token,
    /// Parsed once, on first use (see [`Doc`]).
    pub description: Option<Doc>,
    pub deprecation_message: Option<String>,
    pub is_component: bool,
    pub is_provider: bool,
    pub is_overlay: bool,
    /// Output properties (`required` = always present).
    pub properties: Vec<Property>,
    /// Input properties (`required` = must be given).
    pub inputs: Vec<Property>,
    /// State used by `get` to look up an existing resource; `None` when not given.
    pub state_inputs: Option<Vec<Property>>,
    pub aliases: Vec<Alias>,
    pub methods: Vec<Method>,
    pub language: LanguageMap,
}

impl Resource {
    /// Properties flagged replace-on-change, as dotted paths for the engine
    /// (nested object properties included, arrays as `[*]`), sorted. A flag on either
    /// the output or the input spelling of a property counts: schemas put it on either.
    /// The one answer to "what replaces": the SDKs send it, the docs mark it and the
    /// provider's diff reads it.
    pub fn replace_on_changes(&self, pkg: &Package) -> Vec<String> {
        let mut out = Vec::new();
        for p in self.properties.iter().chain(&self.inputs) {
            collect_replace_paths(pkg, p, &p.name, &mut out, &mut Vec::new());
        }
        out.sort();
        out.dedup();
        out
    }

    /// Output properties marked secret, in schema order.
    pub fn secret_outputs(&self) -> Vec<&str> {
        self.properties.iter().filter(|p| p.secret).map(|p| p.name.as_str()).collect()
    }
}

fn collect_replace_paths(pkg: &Package, p: &Property, path: &str, out: &mut Vec<String>, seen: &mut Vec<ObjectId>) {
    if p.replace_on_changes {
        out.push(path.to_string());
    }
    let (mut ty, mut suffix) = (&p.ty, String::new());
    loop {
        match ty {
            Type::Array(e) => {
                suffix.push_str("[*]");
                ty = e;
            }
            Type::Map(e) => {
                suffix.push_str(".*");
                ty = e;
            }
            _ => break,
        }
    }
    if let Type::Object(id) = ty {
        if seen.contains(id) {
            return;
        }
        seen.push(*id);
        for inner in &pkg.objects[id.0].properties {
            let inner_path = format!("{path}{suffix}.{}", inner.name);
            collect_replace_paths(pkg, inner, &inner_path, out, seen);
        }
        seen.pop();
    }
}

#[derive(Debug, Clone)]
pub struct Method {
    pub name: String,
    pub function: FunctionId,
}

#[derive(Debug, Clone)]
pub enum FunctionReturn {
    /// The function returns nothing.
    None,
    /// An object with these properties.
    Object(Vec<Property>),
    /// Any other type (a "returnType" function).
    Type(Type),
}

#[derive(Debug, Clone)]
pub struct Function {
    pub token: Token,
    /// Parsed once, on first use (see [`Doc`]).
    pub description: Option<Doc>,
    pub deprecation_message: Option<String>,
    /// `None` when the function takes no arguments.
    pub inputs: Option<Vec<Property>>,
    /// Inputs passed positionally in this order (empty = one args object).
    pub multi_argument_inputs: Vec<String>,
    pub outputs: FunctionReturn,
    /// The result is plain (Pulumi's `ReturnTypePlain`): a method returns the value itself,
    /// not an Output of it.
    pub plain_result: bool,
    pub language: LanguageMap,
    pub is_overlay: bool,
    /// The implementation of a resource method (not emitted as a top-level function).
    pub method_of: Option<ResourceId>,
}

/// What a method with a plain result returns, as Pulumi's SDKs read the provider's response.
#[derive(Debug, Clone, Copy)]
pub enum PlainReturn<'a> {
    /// An object, inline or a named object type: its properties are the response's.
    Object(&'a [Property]),
    /// Any other type: the response's one field [`PLAIN_VALUE_FIELD`].
    Value(&'a Type),
}

/// The response field holding a plain result that is not an object.
pub const PLAIN_VALUE_FIELD: &str = "res";

impl Function {
    /// The plain result, when the function has one (`plain_result` and something returned).
    pub fn plain_return<'a>(&'a self, pkg: &'a Package) -> Option<PlainReturn<'a>> {
        if !self.plain_result {
            return None;
        }
        match (self.object_result(pkg), &self.outputs) {
            (Some(props), _) => Some(PlainReturn::Object(props)),
            (None, FunctionReturn::Type(t)) => Some(PlainReturn::Value(t)),
            (None, _) => None,
        }
    }

    /// The result's properties when it is an object: inline `outputs`, or a named object type
    /// (Pulumi's generators read both as the method's `<Method>Result`).
    pub fn object_result<'a>(&'a self, pkg: &'a Package) -> Option<&'a [Property]> {
        match &self.outputs {
            FunctionReturn::Object(props) => Some(props),
            FunctionReturn::Type(Type::Object(id)) => Some(&pkg.object(*id).properties),
            _ => None,
        }
    }

    /// The properties of a method's result class, as Pulumi's generators shape it: an object
    /// result's properties (plain or not), or a plain value's one field [`PLAIN_VALUE_FIELD`].
    /// `None` when the caller gets nothing back: no result, or a non-plain result that is not
    /// an object (Pulumi's SDKs call such a method for its effect only).
    pub fn method_result<'a>(&'a self, pkg: &'a Package) -> Option<std::borrow::Cow<'a, [Property]>> {
        match self.plain_return(pkg) {
            Some(PlainReturn::Value(t)) => {
                Some(std::borrow::Cow::Owned(vec![Property::required(PLAIN_VALUE_FIELD, t.clone(), None)]))
            }
            _ => self.object_result(pkg).map(std::borrow::Cow::Borrowed),
        }
    }
}

/// Where an object type is used; generators emit the input and/or output shapes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Reachable from resource or function inputs.
    pub input: bool,
    /// Reachable from resource outputs or function outputs.
    pub output: bool,
    /// Reachable from a plain input (needs a plain, non-`Input` variant).
    pub plain_input: bool,
    /// Reached in the input shape, as Pulumi's binder shapes types: from resource inputs or
    /// state (`plain` or not), and everything inside.
    pub input_shape: bool,
    /// Reached in the plain shape: from function arguments, and everything inside (Pulumi's
    /// binder gives function arguments plain-shape types; the nodejs and python SDKs name
    /// that shape `X`, the input shape `XArgs`).
    pub plain_shape: bool,
    /// Reachable from outputs other than the provider's: Pulumi's SDKs declare only a
    /// provider's string outputs, so a type only the provider outputs gets no output shape.
    pub sdk_output: bool,
}

#[derive(Debug, Clone)]
pub struct ObjectType {
    pub token: Token,
    /// Parsed once, on first use (see [`Doc`]).
    pub description: Option<Doc>,
    pub properties: Vec<Property>,
    pub language: LanguageMap,
    pub is_overlay: bool,
    pub usage: Usage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumKind {
    String,
    Integer,
    Number,
    Boolean,
}

impl EnumKind {
    /// The primitive type the enum's values have.
    pub fn primitive(self) -> Type {
        match self {
            EnumKind::String => Type::String,
            EnumKind::Integer => Type::Integer,
            EnumKind::Number => Type::Number,
            EnumKind::Boolean => Type::Boolean,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The name given in the schema; generators derive one from `value` when absent.
    pub name: Option<String>,
    pub value: Value,
    /// Parsed once, on first use (see [`Doc`]).
    pub description: Option<Doc>,
    pub deprecation_message: Option<String>,
}

#[derive(Debug, Clone)]
pub struct EnumType {
    pub token: Token,
    /// Parsed once, on first use (see [`Doc`]).
    pub description: Option<Doc>,
    pub kind: EnumKind,
    pub values: Vec<EnumValue>,
    pub language: LanguageMap,
    pub is_overlay: bool,
    pub usage: Usage,
}

impl Package {
    pub fn module(&self, name: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.name == name)
    }

    pub fn object(&self, id: ObjectId) -> &ObjectType {
        &self.objects[id.0]
    }

    pub fn enum_type(&self, id: EnumId) -> &EnumType {
        &self.enums[id.0]
    }

    pub fn resource(&self, id: ResourceId) -> &Resource {
        &self.resources[id.0]
    }

    pub fn function(&self, id: FunctionId) -> &Function {
        &self.functions[id.0]
    }

    /// The provider resource's type token (`pulumi:providers:<package>`), set once by the binder.
    pub fn provider_token(&self) -> &str {
        &self.provider.token.full
    }

    /// The language block for `lang` (`nodejs`, `python`, `go`, `csharp`), if any.
    pub fn language_block(&self, lang: &str) -> Option<&Value> {
        self.language.get(lang)
    }

    /// True when some `$ref` points into another package's schema.
    pub fn has_external_refs(&self) -> bool {
        let mut found = false;
        self.walk_types(&mut |t| found |= matches!(t, Type::External(_)));
        found
    }

    /// Visits every type the package spells, nested ones included: each property list's
    /// types ([`Package::all_property_lists`]) and functions' non-object results.
    pub fn walk_types(&self, f: &mut impl FnMut(&Type)) {
        for props in self.all_property_lists() {
            props.iter().for_each(|p| p.ty.walk(f));
        }
        for func in &self.functions {
            if let FunctionReturn::Type(t) = &func.outputs {
                t.walk(f);
            }
        }
    }

    /// Every property list in the package (config, resources, functions, objects).
    pub fn all_property_lists(&self) -> Vec<&[Property]> {
        let mut out: Vec<&[Property]> = vec![&self.config];
        for r in std::iter::once(&self.provider).chain(&self.resources) {
            out.push(&r.properties);
            out.push(&r.inputs);
            if let Some(s) = &r.state_inputs {
                out.push(s);
            }
        }
        for f in &self.functions {
            if let Some(i) = &f.inputs {
                out.push(i);
            }
            if let FunctionReturn::Object(o) = &f.outputs {
                out.push(o);
            }
        }
        for o in &self.objects {
            out.push(&o.properties);
        }
        out
    }
}
