//! The view model of one resource file (`ecs/imageSharePermission.ts`, `provider.ts`).

use serde::Serialize;
use serde_json::Value;

use bridgegen_model::{DefaultValue, Package, Property, Resource, Type};

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
    pub doc: String,
    pub name: String,
    pub token: String,
    pub has_args: bool,
    pub args_optional: bool,
    pub args_name: String,
    pub args_name_short: String,
    pub args_fields: Vec<Field>,
    pub call_args: Vec<String>,
    pub result_type: String,
    pub result_name: Option<String>,
    pub result_fields: Vec<Field>,
    /// `liftSingleValueMethodReturns`: the one result property returned (`result.value`),
    /// with the result object's type in `result_object`.
    pub lift: Option<String>,
    pub result_object: String,
}

#[derive(Serialize)]
pub struct ResourceView {
    pub doc: String,
    pub imports: Vec<String>,
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
    /// Statements of the `get` branch (state to inputs).
    pub state_body: Vec<String>,
    /// Statements of the create branch (checks, args to inputs, outputs).
    pub args_body: Vec<String>,
    /// Statements after both branches (option merges), before `super`.
    pub tail_body: Vec<String>,
    pub instance_check: String,
    pub methods: Vec<MethodView>,
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
    let args_optional = !res.inputs.iter().any(|p| p.required && p.default.is_none() && p.const_value.is_none());

    let mut state_body = Vec::new();
    if let Some(s) = res.state_inputs.as_ref().filter(|_| state_name.is_some()) {
        for p in s {
            state_body.push(format!(
                "resourceInputs[{}] = {};",
                js_string(&p.name),
                property_access("state?", &p.name)
            ));
        }
    } else {
        for p in &res.properties {
            state_body.push(format!("resourceInputs[{}] = undefined /*out*/;", js_string(&p.name)));
        }
    }

    let error = context::global_ref("Error", [class_name]);
    let json = context::global_ref("JSON", [class_name]);
    let mut args_body = Vec::new();
    for p in &res.inputs {
        if p.required && p.default.is_none() && p.const_value.is_none() {
            args_body.push(format!("if ({} === undefined && !opts.urn) {{", property_access("args?", &p.name)));
            args_body.push(format!(
                "    throw new {error}({});",
                js_string(&format!("Missing required property '{}'", p.name))
            ));
            args_body.push("}".into());
        }
    }
    for p in &res.inputs {
        let key = js_string(&p.name);
        let mut value = if let Some(c) = &p.const_value { literal(c) } else { property_access("args?", &p.name) };
        if p.const_value.is_none() {
            if let Some(d) = p.default.as_ref().and_then(|d| default_expr(&p.ty, d)) {
                value = format!("({value}) ?? {d}");
            }
        }
        // Object inputs whose type declares defaults get them filled in.
        if let Type::Object(id) = &p.ty {
            if crate::objects::has_defaults(pkg, *id) {
                let f = crate::objects::provide_defaults_ref(
                    pkg,
                    names,
                    *id,
                    if p.plain { Shape::Plain } else { Shape::Input },
                );
                value = if p.plain {
                    format!("({value} ? {f}({value}) : undefined)")
                } else {
                    format!("({value} ? utilities.applyDefaults({value}, {f}) : undefined)")
                };
            }
        }
        if is_provider && !is_string_like(pkg, &p.ty) {
            value = format!("pulumi.output({value}).apply({json}.stringify)");
        }
        if p.secret {
            value = format!("utilities.secretOrUndefined({value})");
        }
        args_body.push(format!("resourceInputs[{key}] = {value};"));
    }
    for p in &res.properties {
        if !res.inputs.iter().any(|i| i.name == p.name) {
            args_body.push(format!("resourceInputs[{}] = undefined /*out*/;", js_string(&p.name)));
        }
    }

    let mut tail_body = Vec::new();
    if let Some(dep) = &res.deprecation_message {
        tail_body.insert(0, format!("pulumi.log.warn({});", js_string(&format!("{class_name} is deprecated: {dep}"))));
    }
    tail_body.push("opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);".into());
    if !res.aliases.is_empty() {
        let items: Vec<String> = res
            .aliases
            .iter()
            .map(|a| {
                let mut f = Vec::new();
                if let Some(n) = &a.name {
                    f.push(format!("name: {}", js_string(n)));
                }
                if let Some(p) = &a.project {
                    f.push(format!("project: {}", js_string(p)));
                }
                if let Some(t) = &a.type_ {
                    f.push(format!("type: {}", js_string(t)));
                }
                format!("{{ {} }}", f.join(", "))
            })
            .collect();
        tail_body.push(format!("const aliasOpts = {{ aliases: [{}] }};", items.join(", ")));
        tail_body.push("opts = pulumi.mergeOptions(opts, aliasOpts);".into());
    }
    let secrets = res.secret_outputs();
    if !secrets.is_empty() {
        let list: Vec<String> = secrets.iter().map(|s| js_string(s)).collect();
        tail_body.push(format!("const secretOpts = {{ additionalSecretOutputs: [{}] }};", list.join(", ")));
        tail_body.push("opts = pulumi.mergeOptions(opts, secretOpts);".into());
    }
    let replace = res.replace_on_changes(pkg);
    if !replace.is_empty() {
        let list: Vec<String> = replace.iter().map(|s| js_string(s)).collect();
        tail_body.push(format!("const replaceOnChanges = {{ replaceOnChanges: [{}] }};", list.join(", ")));
        tail_body.push("opts = pulumi.mergeOptions(opts, replaceOnChanges);".into());
    }

    let mut imports = vec!["import * as pulumi from \"@pulumi/pulumi\";".to_string()];
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
    if uses.0 {
        imports.push(format!("import * as inputs from \"{root}types/input\";"));
        imports.push(format!("import * as outputs from \"{root}types/output\";"));
    }
    if uses.2 {
        imports.push(format!("import * as enums from \"{root}types/enums\";"));
    }
    imports.push(format!("import * as utilities from \"{root}utilities\";"));

    let (base, opts_type) = if is_provider {
        ("pulumi.ProviderResource", "pulumi.ResourceOptions")
    } else if is_component {
        ("pulumi.ComponentResource", "pulumi.ComponentResourceOptions")
    } else {
        ("pulumi.CustomResource", "pulumi.CustomResourceOptions")
    };
    let token = if is_provider { pkg.name.clone() } else { res.token.full.clone() };
    let instance_check = if is_provider {
        format!("obj['__pulumiType'] === \"pulumi:providers:\" + {class_name}.__pulumiType")
    } else {
        format!("obj['__pulumiType'] === {class_name}.__pulumiType")
    };

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
        let mut call_args = vec!["\"__self__\": this,".to_string()];
        call_args
            .extend(args.iter().map(|p| format!("{}: {},", js_string(&p.name), property_access("args?", &p.name))));
        let mut lift = None;
        let mut result_object = String::new();
        let (result_type, result_name, result_fields) = match &f.outputs {
            bridgegen_model::FunctionReturn::Object(props) => {
                for p in props {
                    p.ty.walk(&mut |t| match t {
                        Type::Object(_) => method_uses.0 = true,
                        Type::Enum(_) => method_uses.1 = true,
                        _ => {}
                    });
                }
                let n = format!("{title}Result");
                result_object = format!("{class_name}.{n}");
                let fields: Vec<Field> = props.iter().map(|p| mfield(p, Shape::Output)).collect();
                match props.as_slice() {
                    [only] if names.lift_method_returns => {
                        lift = Some(property_access("result", &only.name));
                        (tcx.output_value(only), Some(n), fields)
                    }
                    _ => (result_object.clone(), Some(n), fields),
                }
            }
            bridgegen_model::FunctionReturn::Type(t) => (tcx.inner(t, Shape::Output), None, Vec::new()),
            bridgegen_model::FunctionReturn::None => ("void".to_string(), None, Vec::new()),
        };
        methods.push(MethodView {
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
            name,
        });
    }
    if method_uses.0 && !imports.iter().any(|i| i.contains("types/input")) {
        imports.insert(1, format!("import * as inputs from \"{root}types/input\";"));
        imports.insert(2, format!("import * as outputs from \"{root}types/output\";"));
    }
    if method_uses.1 && !imports.iter().any(|i| i.contains("types/enums")) {
        imports.insert(1, format!("import * as enums from \"{root}types/enums\";"));
    }

    ResourceView {
        methods,
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
        state_body,
        args_body,
        tail_body,
        instance_check,
    }
}
