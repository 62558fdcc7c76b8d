//! The view model of one function (invoke) file: the promise form and the `...Output` form.

use serde::Serialize;

use bridgegen_model::{Function, FunctionReturn, Package, Type};

use crate::context::Names;
use crate::doc;
use crate::names::{js_string, pascal, property_access, property_key};
use crate::types::{Shape, TypeCtx};
use crate::views::CallArg;

#[derive(Serialize)]
pub struct Field {
    pub doc: String,
    pub key: String,
    pub optional: bool,
    pub ty: String,
}

#[derive(Serialize)]
pub struct FunctionView {
    pub doc: String,
    pub imports: crate::views::Imports,
    pub name: String,
    pub output_name: String,
    pub token: String,
    pub has_args: bool,
    pub args_optional: bool,
    pub args_name: String,
    pub output_args_name: String,
    pub args_fields: Vec<Field>,
    pub output_args_fields: Vec<Field>,
    /// `"key": args.key` pairs passed to the engine.
    pub invoke_args: Vec<CallArg>,
    /// `GetFooResult`, or the type of a non-object return.
    pub result_type: String,
    pub result_interface: Option<String>,
    pub result_fields: Vec<Field>,
    pub invoke_fn: String,
    pub invoke_output_fn: String,
    /// `multiArgumentInputs`: the inputs as positional parameters (no Args interfaces).
    pub positional: Vec<Param>,
    /// The `...Output` form: only for functions with a result (as Pulumi's SDKs).
    pub has_output_form: bool,
    /// The Output form takes `args` (Pulumi drops it, and its OutputArgs, when the inputs
    /// object has no properties).
    pub has_output_args: bool,
}

/// One positional parameter, in both forms (plain and `Input`).
#[derive(Serialize)]
pub struct Param {
    pub name: String,
    pub optional: bool,
    pub ty: String,
    pub output_ty: String,
}

pub fn build(pkg: &Package, names: &Names, f: &Function, name: &str, output_name: &str) -> FunctionView {
    let tcx = TypeCtx::new(pkg, names, &f.token.module);
    let root = names.root_prefix(&f.token.module);
    let title = pascal(name);
    let inputs = f.inputs.as_deref().unwrap_or(&[]);
    let field = |p: &bridgegen_model::Property, shape: Shape| Field {
        doc: doc::comment(p.description.as_ref(), p.deprecation_message.as_deref(), "    "),
        key: property_key(&p.name),
        optional: !p.required,
        ty: tcx.input_field(p, shape),
    };
    let args_fields: Vec<Field> = inputs.iter().map(|p| field(p, Shape::Plain)).collect();
    let output_args_fields: Vec<Field> = inputs.iter().map(|p| field(p, Shape::Input)).collect();
    let mut invoke_args: Vec<CallArg> = inputs
        .iter()
        .map(|p| CallArg { key: js_string(&p.name), var: "args".into(), member: property_access("", &p.name) })
        .collect();
    let positional = positional_params(&tcx, f);
    if !positional.is_empty() {
        invoke_args = multi_order(f)
            .iter()
            .zip(&positional)
            .map(|(p, a)| CallArg { key: js_string(&p.name), var: a.name.clone(), member: String::new() })
            .collect();
    }
    let (result_type, result_interface, result_fields, invoke_fn, invoke_output_fn) = match &f.outputs {
        FunctionReturn::Object(props) => {
            let n = format!("{title}Result");
            let fields = props
                .iter()
                .map(|p| Field {
                    doc: doc::comment(p.description.as_ref(), p.deprecation_message.as_deref(), "    "),
                    key: property_key(&p.name),
                    optional: !p.required,
                    ty: tcx.output_field(p),
                })
                .collect();
            (n.clone(), Some(n), fields, "invoke", "invokeOutput")
        }
        FunctionReturn::Type(t) => {
            (tcx.inner(t, Shape::Output), None, Vec::new(), "invokeSingle", "invokeSingleOutput")
        }
        FunctionReturn::None => ("void".to_string(), None, Vec::new(), "invoke", "invokeOutput"),
    };

    let mut uses_objects = false;
    let mut uses_enums = false;
    let mut visit = |t: &Type| match t {
        Type::Object(_) => uses_objects = true,
        Type::Enum(_) => uses_enums = true,
        _ => {}
    };
    for p in inputs {
        p.ty.walk(&mut visit);
    }
    match &f.outputs {
        FunctionReturn::Object(props) => props.iter().for_each(|p| p.ty.walk(&mut visit)),
        FunctionReturn::Type(t) => t.walk(&mut visit),
        FunctionReturn::None => {}
    }
    let imports = crate::views::Imports {
        root: root.to_string(),
        types: uses_objects,
        enums_first: false,
        enums_last: uses_enums,
        type_only_enums: names.type_only_enums,
    };

    FunctionView {
        doc: doc::comment(f.description.as_ref(), f.deprecation_message.as_deref(), ""),
        imports,
        name: name.to_string(),
        output_name: output_name.to_string(),
        token: js_string(&f.token.full),
        has_args: f.inputs.is_some(),
        args_optional: !inputs.iter().any(|p| p.required),
        args_name: format!("{title}Args"),
        output_args_name: format!("{title}OutputArgs"),
        args_fields,
        output_args_fields,
        invoke_args,
        result_type,
        result_interface,
        result_fields,
        invoke_fn: invoke_fn.into(),
        invoke_output_fn: invoke_output_fn.into(),
        positional,
        has_output_form: has_output_form(f),
        has_output_args: !inputs.is_empty(),
    }
}

/// Whether a function gets its `...Output` form: only when it has a result, as in Pulumi's SDKs.
pub fn has_output_form(f: &Function) -> bool {
    !matches!(f.outputs, FunctionReturn::None)
}

/// The inputs of a `multiArgumentInputs` function in parameter order: the listed ones first,
/// then any others in schema order; empty for an ordinary function.
fn multi_order(f: &Function) -> Vec<&bridgegen_model::Property> {
    let inputs = f.inputs.as_deref().unwrap_or(&[]);
    if f.multi_argument_inputs.is_empty() {
        return Vec::new();
    }
    let listed = f.multi_argument_inputs.iter().filter_map(|n| inputs.iter().find(|p| &p.name == n));
    listed.chain(inputs.iter().filter(|p| !f.multi_argument_inputs.contains(&p.name))).collect()
}

/// Positional parameters of a `multiArgumentInputs` function, as Pulumi's SDKs take them
/// (`absMultiArgs(a, b?, c?, opts?)`). A parameter is optional (`?`) only when every later
/// one is too; an optional input before a required one is typed `T | undefined` instead.
pub(crate) fn positional_params(tcx: &TypeCtx, f: &Function) -> Vec<Param> {
    let order = multi_order(f);
    let mut taken = crate::names::scope();
    taken.reserve("opts");
    let mut out: Vec<Param> = Vec::new();
    let mut tail_optional = true;
    for p in order.iter().rev() {
        let (plain, input) = (tcx.input_field(p, Shape::Plain), tcx.input_field(p, Shape::Input));
        let optional = !p.required && tail_optional;
        tail_optional &= !p.required;
        let or_undefined = |t: String| if p.required || optional { t } else { format!("{t} | undefined") };
        out.push(Param { name: String::new(), optional, ty: or_undefined(plain), output_ty: or_undefined(input) });
    }
    out.reverse();
    for (param, p) in out.iter_mut().zip(&order) {
        param.name = taken.take(&crate::names::escape_identifier(&p.name));
    }
    out
}
