//! The view of one function file (`ecs/get_images.py`).

use serde::Serialize;

use bridgegen_model::{Function, FunctionReturn, Property};

use crate::ctx::{Ctx, Here, Mode, Refs};
use crate::names::{self, FUNCTION_RESERVED};
use crate::props::{self, PropView};

#[derive(Debug, Serialize)]
pub struct ArgView {
    pub name: String,
    pub wire_lit: String,
    pub plain_type: String,
    pub output_type: String,
    pub indent: String,
    pub output_indent: String,
}

#[derive(Debug, Serialize)]
pub struct FunctionView {
    pub utilities_import: String,
    /// Import lines, printed last (see [`crate::ctx::Ctx::imports`]).
    pub imports: Vec<String>,
    pub fn_name: String,
    pub token_lit: String,
    pub has_result_class: bool,
    pub returns_value: bool,
    pub result_class: String,
    pub result_doc: String,
    pub results: Vec<PropView>,
    pub args: Vec<ArgView>,
    pub plain_return: String,
    pub output_return: String,
    pub fn_doc: String,
    pub deprecation: Option<String>,
}

pub fn build(ctx: &Ctx, id: usize, f: &Function, module: &str) -> FunctionView {
    let here = Here::new(module, None);
    let mut refs = Refs::default();
    let fn_name = ctx.function_name[id].clone();
    let empty: Vec<Property> = Vec::new();
    let inputs = f.inputs.as_ref().unwrap_or(&empty);
    // Positional order when the schema gives one, otherwise Pulumi's.
    let mut ordered: Vec<&Property> = Vec::new();
    for n in &f.multi_argument_inputs {
        if let Some(p) = inputs.iter().find(|p| &p.name == n) {
            ordered.push(p);
        }
    }
    for p in props::pulumi_order(inputs) {
        if !ordered.iter().any(|o| o.name == p.name) {
            ordered.push(p);
        }
    }
    let arg_map = props::name_map(&[inputs], &[FUNCTION_RESERVED]);
    let indent = " ".repeat(fn_name.len() + 5);
    let output_indent = " ".repeat(fn_name.len() + 12);
    let mut param_docs = Vec::new();
    let args: Vec<ArgView> = ordered
        .iter()
        .map(|p| {
            let name = arg_map[&p.name].clone();
            let plain_t = ctx.ty(&p.ty, Mode::PlainShape, &here, &mut refs);
            param_docs.push(props::param_doc(&plain_t, &name, p.description.as_ref(), "    "));
            ArgView {
                wire_lit: names::str_lit(&p.name),
                plain_type: format!("Optional[{plain_t}]"),
                // The output form takes the whole plain value as one input, as Pulumi's.
                output_type: if p.plain {
                    format!("Optional[{plain_t}]")
                } else {
                    format!("pulumi.Input[Optional[{plain_t}]]")
                },
                name,
                indent: indent.clone(),
                output_indent: output_indent.clone(),
            }
        })
        .collect();
    let result_class = ctx.function_result(id);
    let (has_result_class, returns_value, results, plain_return, output_return) = match &f.outputs {
        FunctionReturn::Object(props_list) => {
            let map = props::name_map(&[props_list], &[]);
            let results: Vec<PropView> = props_list
                .iter()
                .map(|p| {
                    let optional = !p.required;
                    let mut v = props::view(ctx, p, &map[&p.name], &here, &mut Refs::default(), optional);
                    v.get_type = ctx.out_type(p, optional, &here, &mut refs);
                    v
                })
                .collect();
            (true, true, results, format!("Awaitable{result_class}"), format!("pulumi.Output[{result_class}]"))
        }
        FunctionReturn::Type(t) => {
            let s = ctx.ty(t, Mode::Output, &here, &mut refs);
            (false, true, Vec::new(), s.clone(), format!("pulumi.Output[{s}]"))
        }
        FunctionReturn::None => (false, false, Vec::new(), "None".into(), "pulumi.Output[None]".into()),
    };
    let desc = f.description.as_ref().map(names::clean_description).unwrap_or_default();
    let mut parts = Vec::new();
    let body: Vec<String> = names::doc_text(&desc)
        .lines()
        .map(|l| if l.trim().is_empty() { String::new() } else { format!("    {}", l.trim_end()) })
        .collect();
    if !desc.trim().is_empty() {
        parts.push(body.join("\n"));
    }
    if !param_docs.is_empty() {
        parts.push(param_docs.join("\n"));
    }
    let fn_doc =
        if parts.is_empty() { String::new() } else { format!("    \"\"\"\n{}\n    \"\"\"\n", parts.join("\n\n")) };
    let result_doc = names::docstring(&format!("A collection of values returned by {}.", f.token.name), "    ");
    FunctionView {
        utilities_import: ctx.utilities_import(module),
        imports: ctx.imports(module, &refs),
        fn_name: fn_name.clone(),
        token_lit: names::str_lit(&f.token.full),
        has_result_class,
        returns_value,
        result_class,
        result_doc,
        results,
        args,
        plain_return,
        output_return,
        fn_doc,
        deprecation: f.deprecation_message.as_ref().map(|m| names::str_lit(&format!("{fn_name} is deprecated: {m}"))),
    }
}
