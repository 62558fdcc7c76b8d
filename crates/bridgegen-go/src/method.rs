//! Resource methods: `func (r *Res) Method(ctx, args) (ResMethodResultOutput, error)` calling
//! the provider with `ctx.Call` and `r` as `__self__`, with the `ResMethodArgs` and
//! `ResMethodResult` types beside it, as Pulumi's Go SDKs spell them.

use bridgegen_codegen::GenError;
use bridgegen_model::{FunctionReturn, Package, Property, Resource};
use handlebars::Handlebars;
use serde_json::json;

use crate::format::{self, doc_comment, Field};
use crate::gen::{one_line, prop_names, tag};
use crate::names::{self, go_string, lower_first};
use crate::types::Speller;

/// The Go code of `r`'s methods (`name` is the resource's Go name), for the end of its file;
/// `taken` holds the names already used on the resource type (its output fields).
pub fn methods(
    hb: &Handlebars<'static>,
    pkg: &Package,
    sp: &mut Speller,
    r: &Resource,
    name: &str,
    taken: &[String],
) -> Result<String, GenError> {
    if r.methods.is_empty() {
        return Ok(String::new());
    }
    let lift_returns = crate::naming::GoOptions::from_package(pkg).lift_single_value_method_returns;
    let mut used: Vec<String> = taken.to_vec();
    let mut views = Vec::new();
    for m in &r.methods {
        let f = pkg.function(m.function);
        let mut mname = names::exported(&m.name);
        while used.contains(&mname) {
            mname.push('_');
        }
        used.push(mname.clone());
        let full = format!("{name}{mname}");
        let args: Vec<Property> = f.inputs.iter().flatten().filter(|p| p.name != "__self__").cloned().collect();
        let arg_names = prop_names(&args, &["ElementType".to_string()]);
        let (mut args_fields, mut input_fields) = (Vec::new(), Vec::new());
        for (p, gn) in args.iter().zip(&arg_names) {
            let s = sp.shape(&p.ty);
            let doc = doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), "\t");
            let plain = sp.plain(&s, !p.required);
            args_fields.push(Field { doc: doc.clone(), name: gn.clone(), ty: plain, tag: Some(tag(&p.name)) });
            let ty = if p.plain { sp.plain(&s, !p.required) } else { sp.input(&s, !p.required) };
            input_fields.push(Field { doc, name: gn.clone(), ty, tag: None });
        }
        let mut view = json!({
            "name": mname,
            "full": full,
            "lfull": lower_first(&full),
            "token": go_string(&f.token.full),
            "doc": doc_comment(f.description.as_deref(), f.deprecation_message.as_deref(), ""),
            "has_args": !args.is_empty(),
            "args_fields": format::fields(&args_fields),
            "input_fields": format::fields(&input_fields),
            "ret": "error",
        });
        // Pulumi's Go SDKs call a method with a non-object result for its effect only.
        if let FunctionReturn::Object(props) = &f.outputs {
            let lift = lift_returns && props.len() == 1;
            // A lifted result's struct is unexported: only its one value is returned.
            let result = if lift { format!("{}Result", lower_first(&full)) } else { format!("{full}Result") };
            let fnames = prop_names(props, &["ElementType".to_string()]);
            let mut result_fields = Vec::new();
            let mut accessors = Vec::new();
            let mut outs = Vec::new();
            for (p, gn) in props.iter().zip(&fnames) {
                let s = sp.shape(&p.ty);
                let plain = sp.plain(&s, !p.required);
                let doc = doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), "");
                result_fields.push(Field {
                    doc: doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), "\t"),
                    name: gn.clone(),
                    ty: plain.clone(),
                    tag: Some(tag(&p.name)),
                });
                let out = sp.output(&s, !p.required);
                outs.push(out.clone());
                accessors.push(json!({
                    "doc": doc, "name": gn, "out": out, "plain": plain,
                    "oneline": one_line(&format!("func(v {result}) {plain}"), gn),
                }));
            }
            let (ret_ty, zero) = if lift {
                view["lift"] = json!(fnames[0]);
                (outs[0].clone(), format!("{}{{}}", outs[0]))
            } else {
                (format!("{result}Output"), format!("{result}Output{{}}"))
            };
            view["ret"] = json!(format!("({ret_ty}, error)"));
            view["zero"] = json!(zero);
            view["result"] = json!(result);
            view["result_fields"] = json!(format::fields(&result_fields));
            view["accessors"] = json!(accessors);
        }
        views.push(view);
    }
    bridgegen_codegen::render(hb, "method", &json!({ "name": name, "methods": views }))
}
