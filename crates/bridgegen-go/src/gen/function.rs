//! One function's file: the plain invoke, its args and result types and the `Output` form.

use bridgegen_codegen::{render, GenError};
use bridgegen_model::{FunctionReturn, Property};
use serde::Serialize;

use super::{one_line, prop_names, tag, Ctx};
use crate::format::{self, doc_comment, Field};
use crate::names::go_string;
use crate::types::Speller;

#[derive(Serialize)]
struct AccessorView {
    doc: String,
    name: String,
    out: String,
    plain: String,
    oneline: bool,
}

#[derive(Serialize)]
struct FunctionView {
    name: String,
    token: String,
    doc: String,
    has_args: bool,
    args_fields: String,
    out_args_fields: String,
    is_object: bool,
    is_value: bool,
    is_none: bool,
    value_plain: String,
    result_fields: String,
    accessors: Vec<AccessorView>,
}

impl Ctx<'_> {
    pub(super) fn function_file(&self, dir: &str, fi: usize) -> Result<String, GenError> {
        let f = &self.pkg.functions[fi];
        let name = self.naming.functions[fi].name.clone();
        let mut sp = Speller::new(self.pkg, &self.naming, dir);
        let inputs: Vec<Property> = f.inputs.clone().unwrap_or_default();
        let has_args = f.inputs.is_some();
        let in_names = prop_names(&inputs, &["ElementType".to_string()]);
        let mut args_fields = Vec::new();
        let mut out_args_fields = Vec::new();
        for (p, gn) in inputs.iter().zip(&in_names) {
            let s = sp.shape(&p.ty);
            let doc = doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), "\t");
            args_fields.push(Field {
                doc: doc.clone(),
                name: gn.clone(),
                ty: sp.plain(&s, !p.required),
                tag: Some(tag(&p.name)),
            });
            let ty = if p.plain { sp.plain(&s, !p.required) } else { sp.input(&s, !p.required) };
            out_args_fields.push(Field { doc, name: gn.clone(), ty, tag: Some(tag(&p.name)) });
        }
        let mut result_fields = Vec::new();
        let mut accessors = Vec::new();
        let (kind, value_plain) = match &f.outputs {
            FunctionReturn::None => ("none", String::new()),
            FunctionReturn::Type(t) => {
                let s = sp.shape(t);
                ("value", sp.plain(&s, false))
            }
            FunctionReturn::Object(props) => {
                let rname = format!("{name}Result");
                let names = prop_names(props, &Self::reserved_object(&rname));
                for (p, gn) in props.iter().zip(&names) {
                    let s = sp.shape(&p.ty);
                    let plain = sp.plain(&s, !p.required);
                    result_fields.push(Field {
                        doc: doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), "\t"),
                        name: gn.clone(),
                        ty: plain.clone(),
                        tag: Some(tag(&p.name)),
                    });
                    accessors.push(AccessorView {
                        doc: doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), ""),
                        oneline: one_line(&format!("func(v {name}Result) {plain}"), gn),
                        name: gn.clone(),
                        out: sp.output(&s, !p.required),
                        plain,
                    });
                }
                ("object", String::new())
            }
        };
        let view = FunctionView {
            token: go_string(&f.token.full),
            doc: doc_comment(f.description.as_deref(), f.deprecation_message.as_deref(), ""),
            has_args,
            args_fields: format::fields(&args_fields),
            out_args_fields: format::fields(&out_args_fields),
            is_object: kind == "object",
            is_value: kind == "value",
            is_none: kind == "none",
            value_plain,
            result_fields: format::fields(&result_fields),
            accessors,
            name,
        };
        let body = render(&self.hb, "function", &view)?;
        let std: Vec<&'static str> = match kind {
            "object" if has_args => vec!["context", "reflect"],
            "object" => vec!["context", "reflect"],
            _ => vec![],
        };
        let imports = self.std_imports(&std, true);
        self.file(dir, &body, imports, &sp.imports)
    }
}
