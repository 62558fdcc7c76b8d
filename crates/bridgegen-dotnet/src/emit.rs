//! View models: everything a template prints, computed here from the bound model.

use bridgegen_model::{EnumKind, EnumType, Function, FunctionReturn, Package, Property, Resource, Type};
use serde::Serialize;
use serde_json::Value;

use crate::context::{self, is_value_type, nullable_output, Names};
use crate::names::{
    self, backing_field, member_names, string_literal, summary, wire_param, ARGS_RESERVED_MEMBERS,
    RESOURCE_RESERVED_MEMBERS, VALUE_RESERVED_MEMBERS,
};

const IND1: &str = "    ";
const IND2: &str = "        ";

#[derive(Serialize)]
pub struct InputPropVm {
    doc: String,
    obsolete: String,
    attr: String,
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
    base: String,
    props: Vec<InputPropVm>,
    defaults: Vec<String>,
}

#[derive(Serialize)]
pub struct OutputFieldVm {
    doc: String,
    obsolete: String,
    ty: String,
    name: String,
    param: String,
    /// `[OutputConstructorParameter("wire")] ` when the parameter cannot spell the wire name.
    param_attr: String,
}

#[derive(Serialize)]
pub struct OutputClassVm {
    doc: String,
    class: String,
    fields: Vec<OutputFieldVm>,
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
    obsolete: String,
    wire_lit: String,
    ty: String,
    name: String,
}

#[derive(Serialize)]
pub struct ResourceVm {
    doc: String,
    obsolete: String,
    attr: String,
    token_lit: String,
    class: String,
    base: String,
    options_type: String,
    outputs: Vec<ResourceOutputVm>,
    args_param: String,
    args_class: String,
    base_first_arg: String,
    remote: String,
    has_get: bool,
    state_param: String,
    state_arg: String,
    option_lines: Vec<String>,
    args: ArgsClassVm,
    state: Option<ArgsClassVm>,
}

#[derive(Serialize)]
pub struct FunctionVm {
    class: String,
    doc: String,
    obsolete: String,
    token_lit: String,
    async_ret: String,
    async_params: String,
    async_call: String,
    async_args: String,
    has_invoke: bool,
    invoke_ret: String,
    invoke_params: String,
    invoke_call: String,
    invoke_args: String,
    args: Option<ArgsClassVm>,
    invoke_args_class: Option<ArgsClassVm>,
    result: Option<OutputClassVm>,
}

#[derive(Serialize)]
pub struct EnumValueVm {
    doc: String,
    obsolete: String,
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
    obsolete: String,
    ty: String,
    name: String,
    field: String,
    getter: String,
}

#[derive(Serialize)]
pub struct ConfigVm {
    pkg_lit: String,
    vars: Vec<ConfigVarVm>,
}

/// How a list of input properties is typed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum InMode {
    /// `Input<T>` unless the property is plain.
    Input,
    /// Plain values throughout (function args of the `InvokeAsync` form, plain classes).
    Plain,
}

pub struct Emitter<'a> {
    pub pkg: &'a Package,
    pub names: &'a Names,
}

fn doc(indent: &str, text: Option<&str>) -> String {
    summary(indent, text)
}

fn obsolete(indent: &str, msg: Option<&str>) -> String {
    names::obsolete(indent, msg)
}

impl Emitter<'_> {
    fn input_attr(&self, p: &Property, json: bool) -> String {
        let mut s = format!("[Input({}", string_literal(&p.name));
        if p.required {
            s.push_str(", required: true");
        }
        if json {
            s.push_str(", json: true");
        }
        s.push_str(")]");
        s
    }

    pub fn args_class(
        &self,
        class: &str,
        base: &str,
        description: Option<&str>,
        props: &[Property],
        mode: InMode,
        provider: bool,
    ) -> ArgsClassVm {
        let (pkg, n) = (self.pkg, self.names);
        let member = member_names(class, ARGS_RESERVED_MEMBERS, props.iter().map(|p| p.name.as_str()));
        let mut out = Vec::new();
        let mut defaults = Vec::new();
        for (i, (p, name)) in props.iter().zip(member).enumerate() {
            let plain = mode == InMode::Plain || p.plain;
            let lazy = matches!(p.ty, Type::Array(_) | Type::Map(_));
            let json = provider && !matches!(p.ty, Type::String);
            let (ty, decl_ty, init, secret) = if plain {
                let ty = n.plain_ty(pkg, &p.ty);
                let value = is_value_type(pkg, &p.ty);
                let decl = if lazy || p.required { ty.clone() } else { format!("{ty}?") };
                let init = if p.required && !value && !lazy { " = null!;" } else { "" };
                (ty, decl, init.to_string(), false)
            } else {
                let ty = n.input_ty(pkg, &p.ty);
                let decl = if lazy || p.required { ty.clone() } else { format!("{ty}?") };
                let init = if p.required && !lazy { " = null!;" } else { "" };
                // `InputUnion<A, B>` has no conversion from `Output<Union<A, B>>`, so the
                // secret-wrapping setter cannot be written for it; the value is sent as given.
                let two_way_union = matches!(&p.ty, Type::Union(u) if u.elements.len() == 2);
                (ty, decl, init.to_string(), p.secret && !two_way_union)
            };
            let empty_secret = match &p.ty {
                Type::Array(e) => format!("ImmutableArray.Create<{}>()", n.input_elem_ty(pkg, e)),
                Type::Map(e) => {
                    format!("ImmutableDictionary.Create<string, {}>()", n.input_elem_ty(pkg, e))
                }
                _ => String::new(),
            };
            if !lazy {
                if let Some(stmt) = self.default_stmt(p, &name, i) {
                    defaults.push(stmt);
                }
            }
            out.push(InputPropVm {
                doc: doc(IND2, p.description.as_deref()),
                obsolete: obsolete(IND2, p.deprecation_message.as_deref()),
                attr: self.input_attr(p, json),
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
            base: base.to_string(),
            props: out,
            defaults,
        }
    }

    /// The constructor statement that applies a property's default (literal and/or
    /// environment variables), or `None` when it has none this generator can express.
    fn default_stmt(&self, p: &Property, name: &str, index: usize) -> Option<String> {
        let d = p.default.as_ref()?;
        let literal = d.value.as_ref().and_then(|v| self.literal(&p.ty, v));
        let env_fn = match p.ty {
            Type::String => Some("GetEnv"),
            Type::Boolean => Some("GetEnvBoolean"),
            Type::Integer => Some("GetEnvInt32"),
            Type::Number => Some("GetEnvDouble"),
            _ => None,
        };
        let env = match env_fn {
            Some(f) if !d.environment.is_empty() => Some(format!(
                "Utilities.{f}({})",
                d.environment.iter().map(|e| string_literal(e)).collect::<Vec<_>>().join(", ")
            )),
            _ => None,
        };
        match (env, literal) {
            (Some(e), Some(l)) => Some(format!("{name} = {e} ?? {l};")),
            (None, Some(l)) => Some(format!("{name} = {l};")),
            (Some(e), None) if matches!(p.ty, Type::String) => Some(format!("{name} = {e};")),
            (Some(e), None) => Some(format!("if ({e} is {{ }} __env{index}) {{ {name} = __env{index}; }}")),
            (None, None) => None,
        }
    }

    /// A C# literal of `ty` for a schema value, when one can be written.
    fn literal(&self, ty: &Type, v: &Value) -> Option<String> {
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

    pub fn output_class(&self, class: &str, description: Option<&str>, props: &[Property]) -> OutputClassVm {
        let member = member_names(class, VALUE_RESERVED_MEMBERS, props.iter().map(|p| p.name.as_str()));
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
                let param_attr = if param.trim_start_matches('@') == p.name {
                    String::new()
                } else {
                    format!("[OutputConstructorParameter({})] ", string_literal(&p.name))
                };
                OutputFieldVm {
                    doc: doc(IND2, p.description.as_deref()),
                    obsolete: obsolete(IND2, p.deprecation_message.as_deref()),
                    ty: nullable_output(self.pkg, self.names, p),
                    param,
                    param_attr,
                    name,
                }
            })
            .collect();
        OutputClassVm { doc: doc(IND1, description), class: class.to_string(), fields }
    }

    pub fn resource(&self, r: &Resource, class: &str) -> ResourceVm {
        let (pkg, n) = (self.pkg, self.names);
        let is_provider = r.is_provider;
        let props: Vec<&Property> =
            r.properties.iter().filter(|p| !is_provider || matches!(p.ty, Type::String)).collect();
        let member = member_names(class, RESOURCE_RESERVED_MEMBERS, props.iter().map(|p| p.name.as_str()));
        let outputs = props
            .iter()
            .zip(member)
            .map(|(p, name)| ResourceOutputVm {
                doc: doc(IND2, p.description.as_deref()),
                obsolete: obsolete(IND2, p.deprecation_message.as_deref()),
                wire_lit: string_literal(&p.name),
                ty: nullable_output(pkg, n, p),
                name,
            })
            .collect();
        let options_type = if r.is_component { "ComponentResourceOptions" } else { "CustomResourceOptions" };
        let mut option_lines = Vec::new();
        if let Some(url) = &pkg.plugin_download_url {
            option_lines.push(format!("PluginDownloadURL = {},", string_literal(url)));
        }
        let secrets = r.secret_outputs();
        if !secrets.is_empty() && !r.is_component {
            option_lines.push(format!(
                "AdditionalSecretOutputs = {{ {} }},",
                secrets.iter().map(|s| string_literal(s)).collect::<Vec<_>>().join(", ")
            ));
        }
        let roc = r.replace_on_changes(pkg);
        if !roc.is_empty() {
            option_lines.push(format!(
                "ReplaceOnChanges = {{ {} }},",
                roc.iter().map(|s| string_literal(s)).collect::<Vec<_>>().join(", ")
            ));
        }
        if !r.aliases.is_empty() {
            let items: Vec<String> = r
                .aliases
                .iter()
                .map(|a| {
                    let mut fields = Vec::new();
                    if let Some(v) = &a.name {
                        fields.push(format!("Name = {}", string_literal(v)));
                    }
                    if let Some(v) = &a.project {
                        fields.push(format!("Project = {}", string_literal(v)));
                    }
                    if let Some(v) = &a.type_ {
                        fields.push(format!("Type = {}", string_literal(v)));
                    }
                    format!("new global::Pulumi.Alias {{ {} }}", fields.join(", "))
                })
                .collect();
            option_lines.push(format!("Aliases = {{ {} }},", items.join(", ")));
        }
        let args_class = format!("{class}Args");
        let required_args = r.inputs.iter().any(|p| p.required);
        let args_param = if required_args && !is_provider {
            format!("{args_class} args")
        } else {
            format!("{args_class}? args = null")
        };
        let has_get = !r.is_component && !is_provider;
        let state_class = format!("{class}State");
        let state = match (&r.state_inputs, has_get) {
            (Some(s), true) => {
                Some(self.args_class(&state_class, "global::Pulumi.ResourceArgs", None, s, InMode::Input, false))
            }
            _ => None,
        };
        let (state_param, state_arg) = if state.is_some() {
            (format!("{state_class}? state = null, "), "state".to_string())
        } else {
            (String::new(), "null".to_string())
        };
        let base = if is_provider {
            "global::Pulumi.ProviderResource"
        } else if r.is_component {
            "global::Pulumi.ComponentResource"
        } else {
            "global::Pulumi.CustomResource"
        };
        ResourceVm {
            doc: doc(IND1, r.description.as_deref()),
            obsolete: obsolete(IND1, r.deprecation_message.as_deref()),
            attr: n.attr.clone(),
            token_lit: string_literal(if is_provider { pkg.provider_token() } else { &r.token.full }),
            class: class.to_string(),
            base: base.to_string(),
            options_type: options_type.to_string(),
            outputs,
            args_param,
            base_first_arg: string_literal(if is_provider { &pkg.name } else { &r.token.full }),
            remote: if r.is_component { ", remote: true".into() } else { String::new() },
            has_get,
            state_param,
            state_arg,
            option_lines,
            args: self.args_class(
                &args_class,
                "global::Pulumi.ResourceArgs",
                None,
                &r.inputs,
                InMode::Input,
                is_provider,
            ),
            state,
            args_class,
        }
    }

    pub fn function(&self, f: &Function, class: &str) -> FunctionVm {
        let (pkg, n) = (self.pkg, self.names);
        let args_name = format!("{class}Args");
        let invoke_args_name = format!("{class}InvokeArgs");
        let result_name = format!("{class}Result");
        let inputs = f.inputs.as_deref();
        let required = inputs.is_some_and(|i| i.iter().any(|p| p.required));
        let (async_params, async_args, invoke_params, invoke_args) = match inputs {
            Some(_) => {
                let (a, i) = if required {
                    (format!("{args_name} args"), format!("{invoke_args_name} args"))
                } else {
                    (format!("{args_name}? args = null"), format!("{invoke_args_name}? args = null"))
                };
                (
                    format!("{a}, InvokeOptions? options = null"),
                    format!("args ?? new {args_name}()"),
                    format!("{i}, InvokeOptions? options = null"),
                    format!("args ?? new {invoke_args_name}()"),
                )
            }
            None => (
                "InvokeOptions? options = null".to_string(),
                "InvokeArgs.Empty".to_string(),
                "InvokeOptions? options = null".to_string(),
                "InvokeArgs.Empty".to_string(),
            ),
        };
        let (async_ret, async_call, invoke_ret, invoke_call, has_invoke, result) = match &f.outputs {
            FunctionReturn::Object(props) => (
                format!("Task<{result_name}>"),
                format!("InvokeAsync<{result_name}>"),
                format!("Output<{result_name}>"),
                format!("Invoke<{result_name}>"),
                true,
                Some(self.output_class(&result_name, None, props)),
            ),
            FunctionReturn::Type(t) => {
                let t = n.output_ty(pkg, t);
                (
                    format!("Task<{t}>"),
                    format!("InvokeSingleAsync<{t}>"),
                    format!("Output<{t}>"),
                    format!("InvokeSingle<{t}>"),
                    true,
                    None,
                )
            }
            FunctionReturn::None => {
                ("Task".to_string(), "InvokeAsync".to_string(), String::new(), String::new(), false, None)
            }
        };
        let args =
            inputs.map(|i| self.args_class(&args_name, "global::Pulumi.InvokeArgs", None, i, InMode::Plain, false));
        let invoke_args_class = match (inputs, has_invoke) {
            (Some(i), true) => {
                Some(self.args_class(&invoke_args_name, "global::Pulumi.InvokeArgs", None, i, InMode::Input, false))
            }
            _ => None,
        };
        FunctionVm {
            class: class.to_string(),
            doc: doc(IND2, f.description.as_deref()),
            obsolete: obsolete(IND2, f.deprecation_message.as_deref()),
            token_lit: string_literal(&f.token.full),
            async_ret,
            async_params,
            async_call,
            async_args,
            has_invoke,
            invoke_ret,
            invoke_params,
            invoke_call,
            invoke_args,
            args,
            invoke_args_class,
            result,
        }
    }

    pub fn enum_vm(&self, id: usize) -> Option<EnumVm> {
        let e = &self.pkg.enums[id];
        let (is_int, is_string, underlying) = match e.kind {
            EnumKind::Boolean => return None, // spelled `bool` wherever used
            EnumKind::Integer => (true, false, "int"),
            EnumKind::Number => (false, false, "double"),
            EnumKind::String => (false, true, "string"),
        };
        let member = enum_member_names(self.names, id, e);
        let values = e
            .values
            .iter()
            .zip(member)
            .map(|(v, name)| EnumValueVm {
                doc: doc(IND2, v.description.as_deref()),
                obsolete: obsolete(IND2, v.deprecation_message.as_deref()),
                literal: match e.kind {
                    EnumKind::String => {
                        string_literal(&v.value.as_str().map(str::to_string).unwrap_or_else(|| v.value.to_string()))
                    }
                    EnumKind::Integer => {
                        v.value.as_i64().unwrap_or_else(|| v.value.as_f64().unwrap_or(0.0) as i64).to_string()
                    }
                    _ => double_literal(v.value.as_f64().unwrap_or(0.0)),
                },
                name,
            })
            .collect();
        Some(EnumVm {
            doc: doc(IND1, e.description.as_deref()),
            class: self.names.enums[id].clone(),
            is_int,
            is_string,
            underlying: underlying.to_string(),
            values,
        })
    }

    pub fn config(&self) -> ConfigVm {
        let (pkg, n) = (self.pkg, self.names);
        let member = member_names("Config", VALUE_RESERVED_MEMBERS, pkg.config.iter().map(|p| p.name.as_str()));
        let vars = pkg
            .config
            .iter()
            .zip(member)
            .map(|(p, name)| {
                let key = string_literal(&p.name);
                let (ty, mut getter, env_fn) = match &p.ty {
                    Type::String => ("string?".to_string(), format!("__config.Get({key})"), Some("GetEnv")),
                    Type::Boolean => {
                        ("bool?".to_string(), format!("__config.GetBoolean({key})"), Some("GetEnvBoolean"))
                    }
                    Type::Integer => ("int?".to_string(), format!("__config.GetInt32({key})"), Some("GetEnvInt32")),
                    Type::Number => ("double?".to_string(), format!("__config.GetDouble({key})"), Some("GetEnvDouble")),
                    other => {
                        let t = n.output_ty(pkg, other);
                        (format!("{t}?"), format!("__config.GetObject<{t}>({key})"), None)
                    }
                };
                if let Some(d) = &p.default {
                    if let (Some(f), false) = (env_fn, d.environment.is_empty()) {
                        let envs: Vec<String> = d.environment.iter().map(|e| string_literal(e)).collect();
                        getter = format!("{getter} ?? Utilities.{f}({})", envs.join(", "));
                    }
                    if let Some(l) = d.value.as_ref().and_then(|v| self.literal(&p.ty, v)) {
                        getter = format!("{getter} ?? {l}");
                    }
                }
                ConfigVarVm {
                    doc: doc(IND2, p.description.as_deref()),
                    obsolete: obsolete(IND2, p.deprecation_message.as_deref()),
                    field: backing_field(&name),
                    ty,
                    name,
                    getter,
                }
            })
            .collect();
        ConfigVm { pkg_lit: string_literal(&pkg.name), vars }
    }
}

/// Member names of an enum: the schema's `name`, else one derived from the value.
pub fn enum_member_names(names: &Names, id: usize, e: &EnumType) -> Vec<String> {
    let wires: Vec<String> = e
        .values
        .iter()
        .map(|v| match (&v.name, &v.value) {
            (Some(n), _) => n.clone(),
            (None, Value::String(s)) => s.clone(),
            (None, other) => other.to_string().replace('-', "Minus").replace('.', "Point"),
        })
        .collect();
    let mut reserved: Vec<&str> = VALUE_RESERVED_MEMBERS.to_vec();
    reserved.push("value__");
    member_names(&names.enums[id], &reserved, wires.iter().map(String::as_str))
}

fn values_equal(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// A C# `double` literal (`1.0`, `1e300`).
pub fn double_literal(f: f64) -> String {
    let s = format!("{f:?}");
    if s.contains(['.', 'e', 'E']) {
        s
    } else {
        format!("{s}.0")
    }
}

pub use context::emits_function;
