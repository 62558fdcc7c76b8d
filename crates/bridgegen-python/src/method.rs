//! Resource methods: an instance method per schema method, calling the provider with
//! `pulumi.runtime.call` and `__self__`, as Pulumi's Python SDKs do (keyword-only arguments,
//! required ones first; the result class nested in the resource class). A plain result
//! (`ReturnTypePlain`) is awaited by `_utilities.call_plain` and returned as the value; a
//! non-object one travels as the result class's one property `res`.

use serde::Serialize;

use bridgegen_model::{PlainReturn, Property, Resource};

use crate::ctx::{Ctx, Here, Refs};
use crate::names::{self, RESOURCE_RESERVED};
use crate::props::{self, PropView};

#[derive(Debug, Serialize)]
pub struct MethodArg {
    pub name: String,
    pub wire_lit: String,
    pub ty: String,
    pub required: bool,
}

#[derive(Debug, Serialize)]
pub struct MethodView {
    pub name: String,
    pub token_lit: String,
    pub doc: String,
    pub args: Vec<MethodArg>,
    /// The nested `@pulumi.output_type` result class, when the result is an object.
    pub result_class: Option<String>,
    pub results: Vec<PropView>,
    /// The annotation after `->`.
    pub returns: String,
    /// `liftSingleValueMethodReturns`: the result property returned instead of the object.
    pub lift: Option<String>,
    /// A plain result: `_utilities.call_plain` (then `.res` for a non-object result).
    pub plain: bool,
    pub plain_field: Option<String>,
    pub deprecation: Option<String>,
}

/// The methods of `r` (resource class `class_name`, in `module`), recording the types they use.
pub fn build(ctx: &Ctx, r: &Resource, class_name: &str, here: &Here, refs: &mut Refs) -> Vec<MethodView> {
    let taken: Vec<String> = r.properties.iter().map(|p| names::property_name(&p.name, &[RESOURCE_RESERVED])).collect();
    let mut out = Vec::new();
    for m in &r.methods {
        let f = ctx.pkg.function(m.function);
        let mut name = names::property_name(&m.name, &[RESOURCE_RESERVED]);
        while taken.contains(&name) || out.iter().any(|o: &MethodView| o.name == name) {
            name.push('_');
        }
        let mut inputs: Vec<&Property> = f.inputs.iter().flatten().filter(|p| p.name != "__self__").collect();
        // Required arguments first, then by wire name (Pulumi's order).
        inputs.sort_by(|a, b| (!a.required, &a.name).cmp(&(!b.required, &b.name)));
        let arg_names = props::name_map(&[&inputs.iter().map(|p| (*p).clone()).collect::<Vec<_>>()], &[&["__self__"]]);
        let mut param_docs = Vec::new();
        let args = inputs
            .iter()
            .map(|p| {
                let ty = ctx.arg_type(p, !p.required, here, refs);
                let n = arg_names[&p.name].clone();
                param_docs.push(props::param_doc(&ty, &n, p.description.as_ref(), "        "));
                MethodArg { name: n, wire_lit: names::str_lit(&p.name), ty, required: p.required }
            })
            .collect();
        let mut result_class = None;
        let mut results = Vec::new();
        let mut lift = None;
        // A plain non-object result is the result class's one property (`res` on the wire).
        let plain_return = f.plain_return(ctx.pkg);
        let result_props = f.method_result(ctx.pkg);
        let outputs = result_props.as_deref();
        let plain = plain_return.is_some();
        let plain_value = matches!(plain_return, Some(PlainReturn::Value(_)));
        let mut plain_field = None;
        let returns = match outputs {
            Some(props_list) => {
                let rc = format!("{}Result", names::class_name(&m.name));
                let map = props::name_map(&[props_list], &[]);
                results = props_list
                    .iter()
                    .map(|p| {
                        let mut v = props::view(ctx, p, &map[&p.name], here, &mut Refs::default(), !p.required);
                        v.get_type = ctx.out_type(p, !p.required, here, refs);
                        v
                    })
                    .collect();
                let returns = match props_list {
                    // Pulumi's annotations: the value's type, or the (unqualified) result class.
                    [only] if plain_value => {
                        plain_field = Some(map[&only.name].clone());
                        ctx.out_type(only, false, here, refs)
                    }
                    _ if plain => rc.clone(),
                    [only] if ctx.lift_method_returns => {
                        lift = Some(map[&only.name].clone());
                        format!("pulumi.Output[{}]", ctx.out_type(only, !only.required, here, refs))
                    }
                    _ => format!("pulumi.Output['{class_name}.{rc}']"),
                };
                result_class = Some(rc);
                returns
            }
            // Pulumi's SDKs call methods with a non-object result for their effect only.
            None => "None".into(),
        };
        let mut parts: Vec<String> = Vec::new();
        let body = crate::resource::body(f.description.as_ref());
        if !body.trim().is_empty() {
            parts.push(body);
        }
        if !param_docs.is_empty() {
            parts.push(param_docs.join("\n"));
        }
        let doc = if parts.is_empty() {
            String::new()
        } else {
            format!("        \"\"\"\n{}\n        \"\"\"\n", parts.join("\n\n"))
        };
        out.push(MethodView {
            deprecation: f.deprecation_message.as_ref().map(|d| names::str_lit(&format!("{name} is deprecated: {d}"))),
            name,
            token_lit: names::str_lit(&f.token.full),
            doc,
            args,
            result_class,
            results,
            returns,
            lift,
            plain,
            plain_field,
        });
    }
    out
}
