//! One function's file: the plain invoke, its args and result types and the `Output` form.

use bridgegen_codegen::{render, GenError};
use bridgegen_model::{FunctionReturn, Property, Type};
use serde::Serialize;

use super::defaults::DefaultsMethodVm;
use super::generic::XAccessorView;
use super::to_output::{self, ToOutputs};
use super::{accessor_name, one_line, prop_names, tag, Ctx};
use crate::format::{self, doc_comment, Field, FieldLine};
use crate::names::{go_string, is_keyword, lower_first};
use crate::types::{Container, Speller};

/// An accessor of a result's `Output` type.
#[derive(Serialize)]
pub(super) struct AccessorView {
    pub(super) doc: String,
    /// The accessor method's name (see [`super::accessor_name`]) and the field it reads.
    pub(super) name: String,
    pub(super) field: String,
    pub(super) out: String,
    pub(super) plain: String,
    pub(super) oneline: bool,
}

#[derive(Serialize)]
struct ParamView {
    name: String,
    /// The parameter's type in the plain form and in the `Output` form.
    plain: String,
    input: String,
}

#[derive(Serialize)]
struct FunctionView {
    name: String,
    token: String,
    doc: String,
    has_args: bool,
    /// A `multiArgumentInputs` function: positional parameters (in the plain and output
    /// forms) that build `args`, instead of one `args` parameter.
    multi: bool,
    positional: Vec<ParamView>,
    args_type: String,
    out_args_type: String,
    args_fields: Vec<FieldLine>,
    out_args_fields: Vec<FieldLine>,
    has_output_args: bool,
    is_object: bool,
    is_value: bool,
    is_none: bool,
    value_plain: String,
    /// The `Output` form of a function returning a non-object value.
    value_output: bool,
    value_out: String,
    map_out: String,
    result_fields: Vec<FieldLine>,
    accessors: Vec<AccessorView>,
    /// The `Output` form is written (see [`crate::naming::GoOptions::function_outputs`]).
    outputs: bool,
    args_defaults: Option<DefaultsMethodVm>,
    result_defaults: Option<DefaultsMethodVm>,
    /// The args sent (with their defaults applied) and the result returned by the plain form.
    args_expr: &'static str,
    result_expr: &'static str,
    to_output: ToOutputs,
    /// The generic copy (`x/`): the result's accessors, and the unexported type resolving
    /// the `OutputArgs` inputs.
    x_accessors: Vec<XAccessorView>,
    x_args_input: String,
}

/// Names the generated function bodies use, which positional parameters must avoid.
const BODY_NAMES: &[&str] =
    &["ctx", "opts", "args", "options", "rv", "result", "v", "zero", "err", "pulumi", "internal", "reflect", "context"];

impl Ctx<'_> {
    /// The fields of a result struct `result` and the accessors of its `Output` type.
    pub(super) fn result_members(
        &self,
        sp: &mut Speller,
        result: &str,
        props: &[Property],
    ) -> (Vec<Field>, Vec<AccessorView>) {
        let names = prop_names(props, &Self::reserved_object(result));
        let (mut fields, mut accessors) = (Vec::new(), Vec::new());
        for (p, gn) in props.iter().zip(&names) {
            let s = sp.shape(&p.ty);
            let plain = sp.plain(&s, !p.required);
            fields.push(Field {
                doc: doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "\t"),
                name: gn.clone(),
                ty: plain.clone(),
                tag: Some(tag(&p.name)),
            });
            accessors.push(AccessorView {
                doc: doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), ""),
                oneline: one_line(&format!("func(v {result}) {plain}"), gn),
                name: accessor_name(gn, false),
                field: gn.clone(),
                out: sp.output(&s, !p.required),
                plain,
            });
        }
        (fields, accessors)
    }

    /// The accessors of a result's `Output` type in the generic copy, reading the result by
    /// pointer (the `Output` form holds a `*<name>Result`).
    fn x_result_accessors(&self, sp: &mut Speller, name: &str, props: &[Property]) -> Vec<XAccessorView> {
        let result = format!("{name}Result");
        let (recv, value) = (format!("{result}Output"), format!("*{result}"));
        let names = prop_names(props, &Self::reserved_object(&result));
        let mut out = Vec::new();
        for (p, gn) in props.iter().zip(&names) {
            let s = sp.shape(&p.ty);
            let (plain, g) = (sp.plain(&s, !p.required), sp.generic_output(&s, !p.required));
            let a = XAccessorView::new(&recv, &value, accessor_name(gn, false), gn.clone(), plain, g);
            out.push(a.doc(doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "")));
        }
        out
    }

    pub(super) fn function_file(&self, dir: &str, fi: usize) -> Result<String, GenError> {
        let f = &self.pkg.functions[fi];
        let name = self.naming.functions[fi].name.clone();
        let mut sp = self.speller(dir);
        let mut inputs: Vec<Property> = f.inputs.clone().unwrap_or_default();
        let multi = !f.multi_argument_inputs.is_empty() && f.inputs.is_some();
        if multi {
            // Positional parameters in the schema's order.
            let pos = |p: &Property| f.multi_argument_inputs.iter().position(|n| *n == p.name).unwrap_or(usize::MAX);
            inputs.sort_by_key(pos);
        }
        let has_args = f.inputs.is_some();
        let in_names = prop_names(&inputs, &["ElementType".to_string()]);
        let mut args_fields = Vec::new();
        let mut out_args_fields = Vec::new();
        let mut positional: Vec<ParamView> = Vec::new();
        for (p, gn) in inputs.iter().zip(&in_names) {
            let s = sp.shape(&p.ty);
            let doc = doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "\t");
            let plain = sp.plain(&s, !p.required);
            let input = if p.plain { plain.clone() } else { sp.input(&s, !p.required) };
            if multi {
                let mut param = lower_first(gn);
                while is_keyword(&param)
                    || BODY_NAMES.contains(&param.as_str())
                    || positional.iter().any(|q| q.name == param)
                {
                    param.push('_');
                }
                positional.push(ParamView { name: param, plain: plain.clone(), input: input.clone() });
            }
            args_fields.push(Field { doc: doc.clone(), name: gn.clone(), ty: plain, tag: Some(tag(&p.name)) });
            out_args_fields.push(Field { doc, name: gn.clone(), ty: input, tag: Some(tag(&p.name)) });
        }
        // `multiArgumentInputs` functions keep their args structs unexported, as Pulumi's do.
        let args_base = if multi { lower_first(&name) } else { name.clone() };
        let (args_type, out_args_type) = (format!("{args_base}Args"), format!("{args_base}OutputArgs"));
        if self.x && multi {
            return Err(GenError::Unsupported(format!(
                "function {}: `generics: side-by-side` does not support `multiArgumentInputs` (nor does Pulumi's generator)",
                f.token.full
            )));
        }
        let (mut result_fields, mut accessors, mut x_accessors) = (Vec::new(), Vec::new(), Vec::new());
        let (mut value_plain, mut value_out, mut map_out) = (String::new(), String::new(), String::new());
        let kind = match &f.outputs {
            // An empty result object returns nothing, as in Pulumi's SDKs.
            FunctionReturn::None => "none",
            FunctionReturn::Object(props) if props.is_empty() => "none",
            FunctionReturn::Type(t) => {
                let s = sp.shape(t);
                value_plain = sp.plain(&s, false);
                let m = sp.shape(&Type::Map(Box::new(t.clone())));
                // The Output form reads the value out of the `map[string]T` response.
                if m.chain.last() == Some(&Container::Map) {
                    value_out = sp.output(&s, false);
                    map_out = sp.output(&m, false);
                }
                "value"
            }
            FunctionReturn::Object(props) => {
                (result_fields, accessors) = self.result_members(&mut sp, &format!("{name}Result"), props);
                if self.x {
                    x_accessors = self.x_result_accessors(&mut sp, &name, props);
                }
                "object"
            }
        };
        let value_output = !value_out.is_empty();
        let args_defaults =
            if multi { None } else { self.defaults_method(&mut sp, &args_type, &inputs, &in_names, true) };
        let result_defaults = match &f.outputs {
            FunctionReturn::Object(props) if kind == "object" => {
                let names = prop_names(props, &Self::reserved_object(&format!("{name}Result")));
                self.defaults_method(&mut sp, &format!("{name}Result"), props, &names, true)
            }
            _ => None,
        };
        let x_args_input = format!("{}Input", lower_first(&out_args_type));
        let view = FunctionView {
            token: go_string(&f.token.full),
            doc: doc_comment(f.description.as_ref(), f.deprecation_message.as_deref(), ""),
            has_args,
            multi,
            positional,
            args_type,
            out_args_type,
            args_fields: format::fields(&args_fields),
            out_args_fields: format::fields(&out_args_fields),
            has_output_args: has_args && (kind == "object" || value_output),
            is_object: kind == "object",
            is_value: kind == "value",
            is_none: kind == "none",
            value_plain,
            value_output,
            value_out,
            map_out,
            result_fields: format::fields(&result_fields),
            accessors,
            outputs: self.opts.function_outputs(),
            args_expr: if !has_args {
                "nil"
            } else if args_defaults.is_none() {
                "args"
            } else {
                "args.Defaults()"
            },
            result_expr: if result_defaults.is_none() { "&rv" } else { "rv.Defaults()" },
            args_defaults,
            result_defaults,
            to_output: ToOutputs::result(self.opts.side_by_side(), &name, self.x),
            x_accessors,
            x_args_input,
            name,
        };
        let body = render(&self.hb, self.template("function", "x_function"), &view)?;
        let mut std: Vec<&'static str> = Vec::new();
        if view.outputs && view.is_object {
            std.push("context");
        }
        // The generic copy has no `Output` form of a function returning a plain value.
        if view.outputs && (view.is_object || (view.has_output_args && !self.x)) {
            std.push("reflect");
        }
        let mut imports = self.std_imports(&std, true);
        to_output::import_pulumix(&mut imports, view.outputs && view.is_object && self.opts.side_by_side());
        self.file(dir, &body, imports, &sp.imports)
    }
}
