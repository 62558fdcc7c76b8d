//! Resource methods: `func (r *Res) Method(ctx, args) (..., error)` calling the provider
//! with `ctx.Call`, with the args types and the result output Pulumi's SDKs declare; under
//! `liftSingleValueMethodReturns` a result with one property returns that property's output.
//! A plain result (`ReturnTypePlain`) is awaited by the helpers' `CallPlain` and returned as
//! `(o T, e error)`; a non-object plain result travels in the result struct's `res` field.

use bridgegen_codegen::{render, GenError};
use bridgegen_model::{PlainReturn, Property, Resource};
use serde::Serialize;

use super::function::AccessorView;
use super::{prop_names, tag, Ctx, Regs};
use crate::format::{self, doc_comment, Field, FieldLine};
use crate::names::{exported, go_string, lower_first};
use crate::types::Speller;

#[derive(Serialize)]
struct MethodView {
    res: String,
    lres: String,
    method: String,
    token: String,
    doc: String,
    has_args: bool,
    args_private: Vec<FieldLine>,
    args_public: Vec<FieldLine>,
    is_none: bool,
    /// The result struct (exported unless the return is lifted) and what the method returns.
    result: String,
    ret: String,
    zero: String,
    /// `.Prop()` for a lifted single-value return.
    lift: String,
    /// A plain result: `CallPlain` reads it (field `plain_field` of the result, when set).
    plain: bool,
    plain_field: String,
    result_fields: Vec<FieldLine>,
    accessors: Vec<AccessorView>,
}

impl Ctx<'_> {
    /// The methods of resource `r` (Go name `res`), rendered.
    pub(super) fn methods(
        &self,
        sp: &mut Speller,
        r: &Resource,
        res: &str,
        regs: &mut Regs,
    ) -> Result<String, GenError> {
        let mut out = String::new();
        for m in &r.methods {
            let f = self.pkg.function(m.function);
            let method = exported(&m.name);
            let args: Vec<Property> = f.inputs.iter().flatten().filter(|p| p.name != "__self__").cloned().collect();
            let names = prop_names(&args, &["ElementType".to_string()]);
            let (mut private, mut public) = (Vec::new(), Vec::new());
            for (p, gn) in args.iter().zip(&names) {
                let s = sp.shape(&p.ty);
                let doc = doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "\t");
                let plain = sp.plain(&s, !p.required);
                let input = if p.plain { plain.clone() } else { sp.input(&s, !p.required) };
                private.push(Field { doc: doc.clone(), name: gn.clone(), ty: plain, tag: Some(tag(&p.name)) });
                public.push(Field { doc, name: gn.clone(), ty: input, tag: None });
            }
            // A plain non-object result is the result struct's one field (`res` on the wire).
            let plain = f.plain_return(self.pkg);
            let result_props = f.method_result(self.pkg);
            let props: &[Property] = result_props.as_deref().unwrap_or(&[]);
            let plain_value = matches!(plain, Some(PlainReturn::Value(_)));
            let plain = plain.is_some();
            let lifted = !plain && self.opts.lift_single_value_method_returns && props.len() == 1;
            let result =
                if lifted { format!("{}{method}Result", lower_first(res)) } else { format!("{res}{method}Result") };
            let (fields, accessors) = self.result_members(sp, &result, props);
            let plain_field = if plain_value { fields[0].name.clone() } else { String::new() };
            let (ret, zero, lift) = if plain {
                let ty = if plain_value { fields[0].ty.clone() } else { result.clone() };
                (format!("(o {ty}, e error)"), String::new(), String::new())
            } else if props.is_empty() {
                ("error".to_string(), String::new(), String::new())
            } else if lifted {
                let out = accessors[0].out.clone();
                (format!("({out}, error)"), format!("{out}{{}}"), format!(".{}()", accessors[0].name))
            } else {
                (format!("({result}Output, error)"), format!("{result}Output{{}}"), String::new())
            };
            if !props.is_empty() || plain {
                regs.output(&format!("{result}Output"));
            }
            let view = MethodView {
                lres: lower_first(res),
                res: res.to_string(),
                token: go_string(&f.token.full),
                doc: doc_comment(f.description.as_ref(), f.deprecation_message.as_deref(), ""),
                has_args: !args.is_empty(),
                args_private: format::fields(&private),
                args_public: format::fields(&public),
                is_none: props.is_empty() && !plain,
                result,
                ret,
                zero,
                lift,
                plain,
                plain_field,
                result_fields: format::fields(&fields),
                accessors,
                method,
            };
            out.push_str(&render(&self.hb, "method", &view)?);
        }
        Ok(out)
    }
}
