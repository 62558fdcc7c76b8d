//! The view model of one resource file (`ecs/imageSharePermission.ts`, `provider.ts`).

use serde::Serialize;
use serde_json::Value;

use bridgegen_model::{
    DefaultValue, FunctionReturn, Package, PlainReturn, Property, Resource, Type, PLAIN_VALUE_FIELD,
};

use crate::context::{self, Names};
use crate::doc;
use crate::names::{self, js_string, property_access, property_key};
use crate::types::{Shape, TypeCtx};

#[derive(Serialize)]
pub struct Field {
    pub doc: String,
    pub key: String,
    pub optional: bool,
    pub ty: String,
}

/// A resource method: an instance method calling `pulumi.runtime.call` with `__self__`.
#[derive(Serialize)]
pub struct MethodView {
    /// The class has the method (else only its namespace types are written).
    pub callable: bool,
    pub doc: String,
    pub name: String,
    pub token: String,
    pub has_args: bool,
    pub args_optional: bool,
    pub args_name: String,
    pub args_name_short: String,
    pub args_fields: Vec<Field>,
    pub call_args: Vec<crate::views::CallArg>,
    pub result_type: String,
    pub result_name: Option<String>,
    pub result_fields: Vec<Field>,
    /// `liftSingleValueMethodReturns`: the one result property returned (`result.value`),
    /// with the result object's type in `result_object`.
    pub lift: Option<String>,
    pub result_object: String,
    /// What the method returns: `pulumi.Output<R>`, or `Promise<R>` for a plain result.
    pub returns: String,
    /// A plain result (`ReturnTypePlain`): the options of `utilities.callAsync` (`{}`, or
    /// `{property: "res"}` for a non-object result, which travels as `res`).
    pub call_async: Option<String>,
}

/// A required input the constructor checks (unless the resource is being imported by URN).
#[derive(Serialize)]
pub struct RequiredInput {
    /// Member access on `args` (`?.name`, `?.["x-y"]`).
    pub access: String,
    /// The error message, as a string literal.
    pub message: String,
}

/// One input the constructor puts in `resourceInputs`; the template composes the value:
/// the constant or `args` member, then the default, object defaults, provider-string
/// conversion and secret wrapping, in that order.
#[derive(Serialize)]
pub struct InputAssign {
    /// The wire name, as a string literal.
    pub key: String,
    pub access: String,
    /// A `const` value (a literal), used instead of `args`.
    pub constant: Option<String>,
    /// The default applied with `??` (never with a constant).
    pub default: Option<String>,
    /// The object type's provide-defaults function, when it declares defaults.
    pub object_defaults: Option<String>,
    /// A plain input (the defaults function is called directly, not through `applyDefaults`).
    pub plain: bool,
    /// A provider input that is not string-like: sent as JSON.
    pub stringify: bool,
    pub secret: bool,
}

/// A state property copied into `resourceInputs` by a lookup.
#[derive(Serialize)]
pub struct StateInput {
    pub key: String,
    pub access: String,
}

/// One field (`name`, `project`, `type`) of an alias object literal.
#[derive(Serialize)]
pub struct AliasField {
    pub key: &'static str,
    pub value: String,
}

#[derive(Serialize)]
pub struct ResourceView {
    pub doc: String,
    pub imports: crate::views::Imports,
    pub class_name: String,
    pub token: String,
    pub base: String,
    pub opts_type: String,
    pub is_provider: bool,
    pub is_component: bool,
    /// `get` exists (custom resources only).
    pub has_get: bool,
    pub state_name: Option<String>,
    pub args_name: String,
    pub args_optional: bool,
    pub args_doc: String,
    pub state_doc: String,
    pub outputs: Vec<Field>,
    pub args_fields: Vec<Field>,
    pub state_fields: Vec<Field>,
    /// The global `Error` and `JSON`, qualified when the class name shadows them.
    pub error: String,
    pub json: String,
    /// Lookup branch: state properties copied to the inputs (when there is a state type)...
    pub state_inputs: Vec<StateInput>,
    /// ...or every output set to `undefined` (when there is none).
    pub get_outputs: Vec<String>,
    /// Create branch: required inputs checked, inputs assigned, then outputs not also inputs.
    pub required: Vec<RequiredInput>,
    pub inputs: Vec<InputAssign>,
    pub computed_outputs: Vec<String>,
    /// Before `super`: the deprecation warning and the options merged into `opts`.
    pub deprecation: Option<String>,
    pub aliases: Vec<Vec<AliasField>>,
    pub secret_outputs: Vec<String>,
    pub replace_on_changes: Vec<String>,
    pub methods: Vec<MethodView>,
    /// `export namespace <Class>` holds the methods' args and result interfaces.
    pub methods_namespace: bool,
}

/// A JS expression for a schema literal.
pub fn literal(v: &Value) -> String {
    match v {
        Value::String(s) => js_string(s),
        other => other.to_string(),
    }
}

/// A default as an expression to apply after `??`, or `None` if there is nothing to apply.
pub fn default_expr(ty: &Type, d: &DefaultValue) -> Option<String> {
    let getter = match ty {
        Type::Boolean => "utilities.getEnvBoolean",
        Type::Integer | Type::Number => "utilities.getEnvNumber",
        _ => "utilities.getEnv",
    };
    let env = if d.environment.is_empty() {
        None
    } else {
        let vars: Vec<String> = d.environment.iter().map(|e| js_string(e)).collect();
        Some(format!("{getter}({})", vars.join(", ")))
    };
    let lit = d.value.as_ref().map(literal);
    match (env, lit) {
        (Some(e), Some(l)) => Some(format!("({e} ?? {l})")),
        (Some(e), None) => Some(e),
        (None, Some(l)) => Some(l),
        (None, None) => None,
    }
}

fn is_string_like(pkg: &Package, ty: &Type) -> bool {
    match ty {
        Type::String => true,
        Type::Enum(id) => pkg.enum_type(*id).kind == bridgegen_model::EnumKind::String,
        _ => false,
    }
}

pub fn build(pkg: &Package, names: &Names, res: &Resource, class_name: &str) -> ResourceView {
    let module = if res.is_provider { "" } else { res.token.module.as_str() };
    let tcx = TypeCtx::new(pkg, names, module);
    let root = names.root_prefix(module);

    let is_provider = res.is_provider;
    let is_component = res.is_component && !is_provider;
    let has_get = !is_provider && !is_component;
    let args_name = format!("{class_name}Args");
    let state_name = if has_get && res.state_inputs.is_some() { Some(format!("{class_name}State")) } else { None };

    // Class fields: outputs, except names a resource class cannot declare; providers
    // expose only string outputs (the engine hands provider state back as strings).
    let mut outputs = Vec::new();
    for p in &res.properties {
        if names::RESOURCE_MEMBERS.contains(&p.name.as_str()) {
            continue;
        }
        if is_provider && !matches!(p.ty, Type::String) {
            continue;
        }
        outputs.push(Field {
            doc: doc::comment(p.description.as_ref(), p.deprecation_message.as_deref(), "    "),
            key: property_key(&p.name),
            optional: false,
            ty: tcx.resource_output(p),
        });
    }
    let field = |p: &Property| Field {
        doc: doc::comment(p.description.as_ref(), p.deprecation_message.as_deref(), "    "),
        key: property_key(&p.name),
        optional: !p.required,
        ty: tcx.input_field(p, Shape::Input),
    };
    let args_fields: Vec<Field> = res.inputs.iter().map(field).collect();
    let state_fields: Vec<Field> = match (&state_name, &res.state_inputs) {
        (Some(_), Some(s)) => s
            .iter()
            .map(|p| {
                let mut f = field(&Property { required: false, ..p.clone() });
                f.optional = true;
                f
            })
            .collect(),
        _ => Vec::new(),
    };
    // Pulumi's rule: `args` may be omitted when no input is required (defaults and constants
    // do not count), and always under `compatibility: kubernetes20`.
    let args_optional = names.resource_args_always_optional || !res.inputs.iter().any(|p| p.required);

    let (state_inputs, get_outputs) = match res.state_inputs.as_ref().filter(|_| state_name.is_some()) {
        Some(s) => (
            s.iter().map(|p| StateInput { key: js_string(&p.name), access: property_access("?", &p.name) }).collect(),
            Vec::new(),
        ),
        None => (Vec::new(), res.properties.iter().map(|p| js_string(&p.name)).collect()),
    };

    let required = res
        .inputs
        .iter()
        .filter(|p| p.required && p.default.is_none() && p.const_value.is_none())
        .map(|p| RequiredInput {
            access: property_access("?", &p.name),
            message: js_string(&format!("Missing required property '{}'", p.name)),
        })
        .collect();
    let inputs = res
        .inputs
        .iter()
        .map(|p| {
            // Object inputs whose type declares defaults get them filled in.
            let object_defaults = match &p.ty {
                Type::Object(id) if crate::objects::has_defaults(pkg, *id) => {
                    // Resource inputs, `plain` or not, have the input shape.
                    Some(crate::objects::provide_defaults_ref(pkg, names, *id, Shape::Input))
                }
                _ => None,
            };
            InputAssign {
                key: js_string(&p.name),
                access: property_access("?", &p.name),
                constant: p.const_value.as_ref().map(literal),
                default: if p.const_value.is_some() {
                    None
                } else {
                    p.default.as_ref().and_then(|d| default_expr(&p.ty, d))
                },
                object_defaults,
                plain: p.plain,
                stringify: is_provider && !is_string_like(pkg, &p.ty),
                secret: p.secret,
            }
        })
        .collect();
    let computed_outputs = res
        .properties
        .iter()
        .filter(|p| !res.inputs.iter().any(|i| i.name == p.name))
        .map(|p| js_string(&p.name))
        .collect();

    let deprecation =
        res.deprecation_message.as_ref().map(|dep| js_string(&format!("{class_name} is deprecated: {dep}")));
    let aliases = res
        .aliases
        .iter()
        .map(|a| {
            [("name", &a.name), ("project", &a.project), ("type", &a.type_)]
                .into_iter()
                .filter_map(|(key, v)| v.as_ref().map(|v| AliasField { key, value: js_string(v) }))
                .collect()
        })
        .collect();
    let secret_outputs = res.secret_outputs().iter().map(|s| js_string(s)).collect();
    let replace_on_changes = res.replace_on_changes(pkg).iter().map(|s| js_string(s)).collect();

    let all_types: Vec<&Type> =
        res.properties.iter().chain(&res.inputs).chain(res.state_inputs.iter().flatten()).map(|p| &p.ty).collect();
    let mut uses = (false, false, false);
    for t in all_types {
        t.walk(&mut |t| match t {
            Type::Object(_) => {
                uses.0 = true;
                uses.1 = true;
            }
            Type::Enum(_) => uses.2 = true,
            _ => {}
        });
    }

    let (base, opts_type) = if is_provider {
        ("pulumi.ProviderResource", "pulumi.ResourceOptions")
    } else if is_component {
        ("pulumi.ComponentResource", "pulumi.ComponentResourceOptions")
    } else {
        ("pulumi.CustomResource", "pulumi.CustomResourceOptions")
    };
    let token = if is_provider { pkg.name.clone() } else { res.token.full.clone() };

    let mut methods = Vec::new();
    // Object and enum types the methods use (their imports may be missing above).
    let mut method_uses = (false, false);
    let mut taken = names::scope();
    res.properties.iter().for_each(|p| taken.reserve(&p.name));
    for m in &res.methods {
        let f = pkg.function(m.function);
        let name = taken.take(&names::method_name(&m.name));
        let title = names::pascal(&name);
        let args: Vec<&Property> = f.inputs.iter().flatten().filter(|p| p.name != "__self__").collect();
        let mfield = |p: &Property, shape: Shape| Field {
            doc: doc::comment(p.description.as_ref(), p.deprecation_message.as_deref(), "        "),
            key: property_key(&p.name),
            optional: !p.required,
            ty: if shape == Shape::Output { tcx.output_field(p) } else { tcx.input_field(p, shape) },
        };
        for p in &args {
            p.ty.walk(&mut |t| match t {
                Type::Object(_) => method_uses.0 = true,
                Type::Enum(_) => method_uses.1 = true,
                _ => {}
            });
        }
        let mut call_args =
            vec![crate::views::CallArg { key: js_string("__self__"), var: "this".into(), member: String::new() }];
        call_args.extend(args.iter().map(|p| crate::views::CallArg {
            key: js_string(&p.name),
            var: "args".into(),
            member: property_access("?", &p.name),
        }));
        let mut lift = None;
        let mut result_object = String::new();
        let mut uses_type = |ty: &Type| {
            ty.walk(&mut |t| match t {
                Type::Object(_) => method_uses.0 = true,
                Type::Enum(_) => method_uses.1 = true,
                _ => {}
            })
        };
        // A plain result that is an object (inline or named) is read as one, like any object.
        let plain = f.plain_return(pkg);
        let object = f.object_result(pkg);
        let (result_type, result_name, result_fields) = match (object, &f.outputs) {
            (Some(props), _) => {
                props.iter().for_each(|p| uses_type(&p.ty));
                let n = format!("{title}Result");
                result_object = format!("{class_name}.{n}");
                let fields: Vec<Field> = props.iter().map(|p| mfield(p, Shape::Output)).collect();
                match props {
                    [only] if names.lift_method_returns && plain.is_none() => {
                        lift = Some(property_access("result", &only.name));
                        (tcx.output_value(only), Some(n), fields)
                    }
                    _ => (result_object.clone(), Some(n), fields),
                }
            }
            (None, FunctionReturn::Type(t)) => {
                uses_type(t);
                (tcx.inner(t, Shape::Output), None, Vec::new())
            }
            (None, _) => ("void".to_string(), None, Vec::new()),
        };
        // A plain value that is not an object travels as the response's one field.
        let call_async = plain.map(|p| match p {
            PlainReturn::Object(_) => "{}".to_string(),
            PlainReturn::Value(_) => format!("{{property: {}}}", js_string(PLAIN_VALUE_FIELD)),
        });
        let returns = match plain {
            Some(_) => format!("Promise<{result_type}>"),
            None => format!("pulumi.Output<{result_type}>"),
        };
        methods.push(MethodView {
            // Pulumi's SDKs do not read a non-plain result that is not an object: no method,
            // though its argument types stay in the namespace.
            callable: plain.is_some() || object.is_some() || matches!(f.outputs, FunctionReturn::None),
            doc: doc::comment(f.description.as_ref(), f.deprecation_message.as_deref(), "    "),
            token: js_string(&f.token.full),
            has_args: !args.is_empty(),
            args_optional: !args.iter().any(|p| p.required),
            args_name: format!("{class_name}.{title}Args"),
            args_name_short: format!("{title}Args"),
            args_fields: args.iter().map(|p| mfield(p, Shape::Input)).collect(),
            call_args,
            result_type,
            result_name,
            result_fields,
            lift,
            result_object,
            returns,
            call_async,
            name,
        });
    }
    // Enums that only methods use are imported first, before `inputs`.
    let imports = crate::views::Imports {
        root: root.to_string(),
        types: uses.0 || method_uses.0,
        enums_first: method_uses.1 && !uses.2,
        enums_last: uses.2,
        type_only_enums: names.type_only_enums,
    };

    ResourceView {
        methods,
        methods_namespace: has_methods_namespace(pkg, res),
        doc: doc::comment(res.description.as_ref(), res.deprecation_message.as_deref(), ""),
        imports,
        class_name: class_name.to_string(),
        token: js_string(&token),
        base: base.into(),
        opts_type: opts_type.into(),
        is_provider,
        is_component,
        has_get,
        state_name,
        args_doc: doc::comment(Some(&format!("Arguments for creating a {class_name}.").into()), None, ""),
        state_doc: doc::comment(Some(&format!("State used to look up an existing {class_name}.").into()), None, ""),
        args_name,
        args_optional,
        outputs,
        args_fields,
        state_fields,
        error: context::global_ref("Error", [class_name]),
        json: context::global_ref("JSON", [class_name]),
        state_inputs,
        get_outputs,
        required,
        inputs,
        computed_outputs,
        deprecation,
        aliases,
        secret_outputs,
        replace_on_changes,
    }
}

/// Whether the resource's file declares `export namespace <Class>`: some method takes arguments
/// or returns an object. The module index then re-exports the file eagerly (`export *`), as
/// Pulumi's generator does, since a lazy re-export carries the class but not its namespace.
pub(crate) fn has_methods_namespace(pkg: &Package, res: &Resource) -> bool {
    res.methods.iter().any(|m| {
        let f = pkg.function(m.function);
        let has_args = f.inputs.iter().flatten().any(|p| p.name != "__self__");
        has_args || f.object_result(pkg).is_some()
    })
}
