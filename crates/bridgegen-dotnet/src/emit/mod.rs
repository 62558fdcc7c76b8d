//! View models: everything a template prints, computed here from the bound model.

use bridgegen_model::{Doc, EnumKind, EnumType, Function, FunctionReturn, Package, Property, Resource, Type};
use serde::Serialize;
use serde_json::Value;

use crate::context::{self, nullable_output, property_member_names, Names};
use crate::names::{
    self, backing_field, string_literal, summary, wire_param, ARGS_RESERVED_MEMBERS, RESOURCE_RESERVED_MEMBERS,
    VALUE_RESERVED_MEMBERS,
};
use crate::shapes::InputClass;

mod enums;
mod members;
mod methods;
mod multi;

use enums::values_equal;
pub use enums::{double_literal, enum_member_names};

const IND1: &str = "    ";
const IND2: &str = "        ";

#[derive(Serialize)]
pub struct InputPropVm {
    doc: String,
    /// The `[Obsolete(..)]` message as a C# string literal, when deprecated.
    obsolete: Option<String>,
    /// The `[Input(...)]` attribute: the wire name as a C# literal and its flags.
    wire_lit: String,
    required: bool,
    /// The provider sends non-string config as JSON (`json: true`).
    json: bool,
    ty: String,
    decl_ty: String,
    name: String,
    field: String,
    lazy: bool,
    secret: bool,
    init: String,
    bang: String,
    empty_secret: String,
}

#[derive(Serialize)]
pub struct ArgsClassVm {
    doc: String,
    class: String,
    /// `kubernetes20` leaves all but the provider's args classes unsealed (Pulumi's generator).
    sealed: bool,
    base: String,
    props: Vec<InputPropVm>,
    defaults: Vec<DefaultVm>,
}

/// A constructor statement applying a property's default: `Name = env ?? literal;`, or for a
/// value-typed property with only environment variables, a pattern-matched assignment.
#[derive(Serialize)]
pub struct DefaultVm {
    name: String,
    index: usize,
    env: Option<EnvDefaultVm>,
    literal: Option<String>,
    /// `if (env is { } __envN) { Name = __envN; }`: no literal, and not a string.
    guarded: bool,
}

/// `Utilities.<func>("VAR", ...)`; `vars` are C# string literals.
#[derive(Serialize)]
pub struct EnvDefaultVm {
    func: &'static str,
    vars: Vec<String>,
}

/// The environment lookup of a default, when `ty` has a `Utilities.GetEnv*` reader and
/// some variables are named.
fn env_default(ty: &Type, environment: &[String]) -> Option<EnvDefaultVm> {
    let func = match ty {
        Type::String => "GetEnv",
        Type::Boolean => "GetEnvBoolean",
        Type::Integer => "GetEnvInt32",
        Type::Number => "GetEnvDouble",
        _ => return None,
    };
    (!environment.is_empty())
        .then(|| EnvDefaultVm { func, vars: environment.iter().map(|e| string_literal(e)).collect() })
}

#[derive(Serialize)]
pub struct OutputFieldVm {
    doc: String,
    /// The `[Obsolete(..)]` message as a C# string literal, when deprecated.
    obsolete: Option<String>,
    ty: String,
    name: String,
    param: String,
    /// The wire name as a C# literal, for `[OutputConstructorParameter(..)]`, when the
    /// parameter cannot spell it.
    param_wire: Option<String>,
}

#[derive(Serialize)]
pub struct OutputClassVm {
    doc: String,
    class: String,
    fields: Vec<OutputFieldVm>,
    /// `internal`: a lifted method result, which callers never see (as Pulumi's SDKs).
    internal: bool,
}

#[derive(Serialize)]
pub struct FileVm<T: Serialize> {
    pub ns: String,
    #[serde(flatten)]
    pub body: T,
}

#[derive(Serialize)]
pub struct ResourceOutputVm {
    doc: String,
    /// The `[Obsolete(..)]` message as a C# string literal, when deprecated.
    obsolete: Option<String>,
    wire_lit: String,
    ty: String,
    name: String,
}

#[derive(Serialize)]
pub struct ResourceVm {
    doc: String,
    /// The `[Obsolete(..)]` message as a C# string literal, when deprecated.
    obsolete: Option<String>,
    attr: String,
    token_lit: String,
    class: String,
    base: String,
    options_type: String,
    outputs: Vec<ResourceOutputVm>,
    /// `args` may be omitted (`Args? args = null`): no input is required, or this is the provider.
    args_optional: bool,
    args_class: String,
    /// The namespace the args class is declared in, when not the resource's (`kubernetes20`).
    args_ns: Option<String>,
    base_first_arg: String,
    /// A component resource: constructed with `remote: true`.
    remote: bool,
    dictionary_constructor: bool,
    has_get: bool,
    options: ResourceOptionsVm,
    args: ArgsClassVm,
    /// Inputs with a `const` value, which `MakeArgs` always sets (Pulumi's generator).
    consts: Vec<ConstInputVm>,
    state: Option<ArgsClassVm>,
    methods: Vec<methods::MethodVm>,
}

/// `args.<name> = <literal>;`
#[derive(Serialize)]
pub struct ConstInputVm {
    name: String,
    literal: String,
}

/// The defaults `MakeResourceOptions` sets besides the version; literals are C# string literals.
#[derive(Serialize)]
pub struct ResourceOptionsVm {
    plugin_download_url: Option<String>,
    secret_outputs: Vec<String>,
    replace_on_changes: Vec<String>,
    aliases: Vec<AliasVm>,
}

#[derive(Serialize)]
pub struct AliasVm {
    fields: Vec<AliasFieldVm>,
}

/// One `Name = "literal"` initializer of a `Pulumi.Alias`.
#[derive(Serialize)]
pub struct AliasFieldVm {
    name: &'static str,
    lit: String,
}

#[derive(Serialize)]
pub struct FunctionVm {
    class: String,
    doc: String,
    /// The `[Obsolete(..)]` message as a C# string literal, when deprecated.
    obsolete: Option<String>,
    token_lit: String,
    /// Some input is required, so the args parameter has no default.
    args_required: bool,
    /// The invoke's result type (`Result` class or single value); none when it returns nothing.
    result_ty: Option<String>,
    /// The result is one value (`InvokeSingle`) rather than an object.
    single: bool,
    args: Option<ArgsClassVm>,
    invoke_args_class: Option<ArgsClassVm>,
    result: Option<OutputClassVm>,
    /// `multiArgumentInputs`: the inputs are parameters (no args classes).
    multi: Option<multi::MultiArgsVm>,
}

#[derive(Serialize)]
pub struct EnumValueVm {
    doc: String,
    /// The `[Obsolete(..)]` message as a C# string literal, when deprecated.
    obsolete: Option<String>,
    name: String,
    literal: String,
}

#[derive(Serialize)]
pub struct EnumVm {
    doc: String,
    class: String,
    is_int: bool,
    is_string: bool,
    underlying: String,
    values: Vec<EnumValueVm>,
}

#[derive(Serialize)]
pub struct EnumsFileVm {
    pub enums: Vec<EnumVm>,
}

#[derive(Serialize)]
pub struct ConfigVarVm {
    doc: String,
    /// The `[Obsolete(..)]` message as a C# string literal, when deprecated.
    obsolete: Option<String>,
    ty: String,
    name: String,
    field: String,
    key_lit: String,
    /// The `Pulumi.Config` reader: `Get`, `GetBoolean`, `GetInt32`, `GetDouble` or `GetObject`.
    reader: &'static str,
    /// The type argument of `GetObject<T>`.
    object_ty: Option<String>,
    env: Option<EnvDefaultVm>,
    literal: Option<String>,
}

#[derive(Serialize)]
pub struct ConfigVm {
    pkg_lit: String,
    vars: Vec<ConfigVarVm>,
    types: Vec<enums::ConfigTypeVm>,
}

/// How a list of input properties is typed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum InMode {
    /// `Input<T>` unless the property is plain.
    Input,
    /// Plain values throughout (function args of the `InvokeAsync` form, plain classes).
    Plain,
    /// As `Input`, with objects as their `GetArgs` classes (resource state classes).
    State,
}

impl InMode {
    /// The class objects take in this mode.
    fn class(self) -> InputClass {
        match self {
            InMode::Input => InputClass::Args,
            InMode::Plain => InputClass::Plain,
            InMode::State => InputClass::State,
        }
    }
}

pub struct Emitter<'a> {
    pub pkg: &'a Package,
    pub names: &'a Names,
}

pub(super) fn doc(indent: &str, text: Option<&Doc>) -> String {
    summary(indent, text)
}

pub(super) fn obsolete(msg: Option<&str>) -> Option<String> {
    msg.map(string_literal)
}

impl Emitter<'_> {
    pub fn args_class(
        &self,
        class: &str,
        base: &str,
        description: Option<&Doc>,
        props: &[Property],
        mode: InMode,
        provider: bool,
    ) -> ArgsClassVm {
        let (pkg, n) = (self.pkg, self.names);
        let member = property_member_names(class, ARGS_RESERVED_MEMBERS, props);
        let mut out = Vec::new();
        let mut defaults = Vec::new();
        for (i, (p, name)) in props.iter().zip(member).enumerate() {
            let (plain, state) = (mode == InMode::Plain || p.plain, mode == InMode::State);
            let lazy = matches!(p.ty, Type::Array(_) | Type::Map(_));
            let json = provider && !matches!(p.ty, Type::String);
            let (ty, decl_ty, init, secret) = if plain {
                let ty = n.plain_ty(pkg, &p.ty, mode.class());
                let value = n.is_value_type(&p.ty);
                let decl = if lazy || p.required { ty.clone() } else { format!("{ty}?") };
                let init = if p.required && !value && !lazy { " = null!;" } else { "" };
                (ty, decl, init.to_string(), false)
            } else {
                let ty = n.input_ty(pkg, &p.ty, state);
                let decl = if lazy || p.required { ty.clone() } else { format!("{ty}?") };
                let init = if p.required && !lazy { " = null!;" } else { "" };
                // `InputUnion<A, B>` has no conversion from `Output<Union<A, B>>` (and a wider
                // union is a bare `object`), so the secret-wrapping setter cannot be written
                // for it; the value is sent as given.
                let union = matches!(&p.ty, Type::Union(u) if context::union_width(u) > 1);
                (ty, decl, init.to_string(), p.secret && !union)
            };
            let empty_secret = match &p.ty {
                Type::Array(e) => format!("ImmutableArray.Create<{}>()", n.input_elem_ty(pkg, e, state)),
                Type::Map(e) => {
                    format!("ImmutableDictionary.Create<string, {}>()", n.input_elem_ty(pkg, e, state))
                }
                _ => String::new(),
            };
            if !lazy {
                if let Some(stmt) = self.default_stmt(p, &name, i) {
                    defaults.push(stmt);
                }
            }
            out.push(InputPropVm {
                doc: doc(IND2, p.description.as_ref()),
                obsolete: obsolete(p.deprecation_message.as_deref()),
                wire_lit: string_literal(&p.name),
                required: p.required,
                json,
                field: backing_field(&name),
                bang: if p.required { "!".into() } else { String::new() },
                ty,
                decl_ty,
                name,
                lazy,
                secret,
                init,
                empty_secret,
            });
        }
        ArgsClassVm {
            doc: doc(IND1, description),
            class: class.to_string(),
            sealed: provider || !n.k8s(),
            base: base.to_string(),
            props: out,
            defaults,
        }
    }

    /// The constructor statement that applies a property's default (literal and/or
    /// environment variables), or `None` when it has none this generator can express.
    pub(super) fn default_stmt(&self, p: &Property, name: &str, index: usize) -> Option<DefaultVm> {
        let d = p.default.as_ref()?;
        let literal = d.value.as_ref().and_then(|v| self.literal(&p.ty, v));
        let env = env_default(&p.ty, &d.environment);
        if env.is_none() && literal.is_none() {
            return None;
        }
        let guarded = literal.is_none() && !matches!(p.ty, Type::String);
        Some(DefaultVm { name: name.to_string(), index, env, literal, guarded })
    }

    /// A C# literal of `ty` for a schema value, when one can be written.
    pub(super) fn literal(&self, ty: &Type, v: &Value) -> Option<String> {
        match ty {
            Type::String => Some(match v {
                Value::String(s) => string_literal(s),
                other => string_literal(&other.to_string()),
            }),
            Type::Boolean => v.as_bool().map(|b| b.to_string()),
            Type::Integer => v
                .as_i64()
                .or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 2e9).map(|f| f as i64))
                .filter(|i| i32::try_from(*i).is_ok())
                .map(|i| i.to_string()),
            Type::Number => v.as_f64().map(double_literal),
            Type::Enum(id) => {
                let e = &self.pkg.enums[id.0];
                if e.kind == EnumKind::Boolean {
                    return v.as_bool().map(|b| b.to_string());
                }
                let members = enum_member_names(self.names, id.0, e);
                e.values
                    .iter()
                    .position(|ev| values_equal(&ev.value, v))
                    .map(|i| format!("{}.{}", self.names.enum_fqn(self.pkg, id.0), members[i]))
            }
            _ => None,
        }
    }

    pub fn output_class(&self, class: &str, description: Option<&Doc>, props: &[Property]) -> OutputClassVm {
        let member = property_member_names(class, VALUE_RESERVED_MEMBERS, props);
        let mut used = std::collections::HashSet::new();
        let fields = props
            .iter()
            .zip(member)
            .map(|(p, name)| {
                let mut param = wire_param(&p.name);
                // Never the field's own name (`X = X` would assign the parameter to itself),
                // never a parameter already taken (`a-b` and `a_b`).
                while param.trim_start_matches('@') == name || !used.insert(param.clone()) {
                    param = format!("_{}", param.trim_start_matches('@'));
                }
                let param_wire = (param.trim_start_matches('@') != p.name).then(|| string_literal(&p.name));
                OutputFieldVm {
                    doc: doc(IND2, p.description.as_ref()),
                    obsolete: obsolete(p.deprecation_message.as_deref()),
                    ty: nullable_output(self.pkg, self.names, p),
                    param,
                    param_wire,
                    name,
                }
            })
            .collect();
        OutputClassVm { doc: doc(IND1, description), class: class.to_string(), fields, internal: false }
    }
}

pub use context::emits_function;
