//! `pulumiTypes*.go` and `pulumiEnums.go`: object types, enums and the container types of
//! every named type, each in the forms the package reaches ([`crate::reach`]).

use bridgegen_codegen::{render, GenError};
use bridgegen_model::EnumKind;
use serde::Serialize;
use serde_json::Value;

use super::defaults::DefaultsMethodVm;
use super::generic::XAccessorView;
use super::to_output::ToOutputs;
use super::{accessor_name, one_line, prop_names, tag, Ctx, Regs};
use crate::format::{self, doc_comment, Field, FieldLine};
use crate::names::{go_string, lower_first};
use crate::types::{Base, Container, Shape, Speller};

#[derive(Serialize)]
struct ContainerView {
    name: String,
    elem: String,
    /// The element type of the input container: `FooInput`, or the enum itself for an
    /// `EnumArray`/`EnumMap` (as in Pulumi's SDKs).
    elem_input: String,
    plain: String,
    elem_plain: String,
    is_map: bool,
    input: bool,
    to_output: ToOutputs,
}

#[derive(Serialize)]
struct AccessorView {
    doc: String,
    /// The field, and the accessor methods reading it on the Output and PtrOutput.
    field: String,
    name: String,
    ptr_name: String,
    out: String,
    plain: String,
    ptr_out: String,
    ptr_plain: String,
    addr: &'static str,
    oneline: bool,
}

#[derive(Serialize)]
struct ObjectView {
    name: String,
    lname: String,
    doc: String,
    plain_fields: Vec<FieldLine>,
    args_fields: Vec<FieldLine>,
    plain_defaults: Option<DefaultsMethodVm>,
    args_defaults: Option<DefaultsMethodVm>,
    accessors: Vec<AccessorView>,
    input: bool,
    ptr_input: bool,
    output: bool,
    ptr_output: bool,
    to_output: ToOutputs,
    containers: String,
    /// The accessors of the generic copy (`x/`).
    x_accessors: Vec<XAccessorView>,
}

/// One enum constant: `<name><pad> = <Enum>(<value>)`, `pad` aligning the `=` as gofmt does
/// over a run of constants (a doc comment ends a run).
#[derive(Serialize)]
struct ConstView {
    doc: String,
    name: String,
    pad: String,
    value: String,
}

#[derive(Serialize)]
struct EnumView<'a> {
    name: &'a str,
    lname: String,
    doc: String,
    underlying: &'static str,
    prim: &'static str,
    consts: Vec<ConstView>,
    input: bool,
    output: bool,
    to_output: ToOutputs,
    containers: String,
}

impl Ctx<'_> {
    pub(super) fn reserved_object(name: &str) -> Vec<String> {
        ["ElementType", "ApplyT", "ApplyTWithContext", "Elem", "Index", "MapIndex"]
            .iter()
            .map(|s| s.to_string())
            .chain([
                format!("To{name}Output"),
                format!("To{name}OutputWithContext"),
                format!("To{name}PtrOutput"),
                format!("To{name}PtrOutputWithContext"),
            ])
            .collect()
    }

    /// Renders the reached containers (`Array`, `Map` and deeper chains) of a named base.
    pub(super) fn containers(&self, sp: &mut Speller, base: Base, regs: &mut Regs) -> Result<String, GenError> {
        let mut out = String::new();
        for c in self.reach.containers(base) {
            let shape = Shape { base, chain: c.chain.clone() };
            let elem = Shape { base, chain: c.chain[..c.chain.len() - 1].to_vec() };
            let elem_name = sp.family(&elem);
            let enum_elem = matches!(base, Base::Enum(_)) && elem.chain.is_empty();
            let name = sp.family(&shape);
            let plain = sp.plain(&shape, false);
            let view = ContainerView {
                to_output: ToOutputs::family(self.opts.side_by_side(), &name, name.clone(), &plain),
                name,
                plain,
                elem_input: if enum_elem { elem_name.clone() } else { format!("{elem_name}Input") },
                elem: elem_name,
                elem_plain: sp.plain(&elem, false),
                is_map: c.chain.last() == Some(&Container::Map),
                input: c.input,
            };
            out.push_str(&render(&self.hb, "container", &view)?);
            if c.input {
                regs.input(&format!("{}Input", view.name), &format!("{}{{}}", view.name));
            }
            regs.output(&format!("{}Output", view.name));
        }
        Ok(out)
    }

    /// One object type; `uses_sdk`/`uses_internal` are set when its plain fields or defaults
    /// name the SDK or the helpers package.
    fn object(
        &self,
        sp: &mut Speller,
        i: usize,
        regs: &mut Regs,
        uses_sdk: &mut bool,
        uses_internal: &mut bool,
    ) -> Result<String, GenError> {
        let o = &self.pkg.objects[i];
        let name = self.naming.objects[i].name.clone();
        let forms = self.reach.of(Base::Object(i));
        let gonames = prop_names(&o.properties, &Self::reserved_object(&name));
        let mut plain_fields = Vec::new();
        let mut args_fields = Vec::new();
        let mut accessors = Vec::new();
        let mut x_accessors = Vec::new();
        for (p, gn) in o.properties.iter().zip(&gonames) {
            let s = sp.shape(&p.ty);
            let doc = doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "\t");
            let optional = !p.required;
            let plain = sp.plain(&s, optional);
            *uses_sdk |= plain.contains("pulumi.");
            plain_fields.push(Field { doc: doc.clone(), name: gn.clone(), ty: plain.clone(), tag: Some(tag(&p.name)) });
            if forms.input {
                let input = if p.plain { plain.clone() } else { sp.input(&s, optional) };
                args_fields.push(Field { doc, name: gn.clone(), ty: input, tag: Some(tag(&p.name)) });
            }
            if self.x {
                let g = sp.generic_output(&s, optional);
                let recv = format!("{name}Output");
                let a = XAccessorView::new(&recv, &name, accessor_name(gn, false), gn.clone(), plain.clone(), g);
                x_accessors.push(a.doc(doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "")));
                continue;
            }
            let accessor = AccessorView {
                doc: doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), ""),
                field: gn.clone(),
                name: accessor_name(gn, false),
                ptr_name: accessor_name(gn, true),
                out: if forms.output { sp.output(&s, optional) } else { String::new() },
                // From a Ptr output: the optional form.
                ptr_out: if forms.ptr_output { sp.output(&s, true) } else { String::new() },
                ptr_plain: sp.plain(&s, true),
                addr: if Speller::plain_nilable(&s, optional) { "" } else { "&" },
                oneline: one_line(&format!("func(v {name}) {plain}"), gn),
                plain,
            };
            accessors.push(accessor);
        }
        if forms.input && !self.x {
            regs.input(&format!("{name}Input"), &format!("{name}Args{{}}"));
        }
        if forms.ptr_input && !self.x {
            regs.input(&format!("{name}PtrInput"), &format!("{name}Args{{}}"));
        }
        if forms.output {
            regs.output(&format!("{name}Output"));
        }
        if forms.ptr_output && !self.x {
            regs.output(&format!("{name}PtrOutput"));
        }
        let containers = if self.x { String::new() } else { self.containers(sp, Base::Object(i), regs)? };
        let plain_defaults = self.defaults_method(sp, &name, &o.properties, &gonames, true);
        let args_defaults = if forms.input {
            self.defaults_method(sp, &format!("{name}Args"), &o.properties, &gonames, false)
        } else {
            None
        };
        for m in plain_defaults.iter().chain(&args_defaults) {
            *uses_sdk |= m.uses_sdk();
            *uses_internal |= m.uses_internal();
        }
        let view = ObjectView {
            plain_defaults,
            args_defaults,
            lname: lower_first(&name),
            doc: doc_comment(o.description.as_ref(), None, ""),
            plain_fields: format::fields(&plain_fields),
            args_fields: format::fields(&args_fields),
            accessors,
            input: forms.input,
            ptr_input: forms.ptr_input,
            output: forms.output,
            ptr_output: forms.ptr_output,
            to_output: ToOutputs::object(self.opts.side_by_side(), &name, &lower_first(&name)),
            containers,
            x_accessors,
            name,
        };
        render(&self.hb, self.template("object", "x_object"), &view)
    }

    pub(super) fn types_file(&self, dir: &str, objects: &[usize]) -> Result<String, GenError> {
        let mut sp = self.speller(dir);
        let mut body = String::new();
        let mut regs = self.regs();
        let (mut uses_sdk, mut uses_internal) = (false, false);
        for &i in objects {
            body.push_str(&self.object(&mut sp, i, &mut regs, &mut uses_sdk, &mut uses_internal)?);
        }
        body.push_str(&self.init_block(&regs)?);
        let mut imports = self.types_imports(&regs, uses_sdk);
        if uses_internal {
            self.import_internal(&mut imports);
        }
        self.file(dir, &body, imports, &sp.imports)
    }

    pub(super) fn enums_file(&self, dir: &str, enums: &[usize]) -> Result<String, GenError> {
        let mut sp = self.speller(dir);
        let mut body = String::new();
        let mut regs = self.regs();
        for &i in enums {
            let e = &self.pkg.enums[i];
            let n = &self.naming.enums[i];
            let (underlying, prim) = match e.kind {
                EnumKind::String => ("string", "String"),
                EnumKind::Integer => ("int", "Int"),
                EnumKind::Number => ("float64", "Float64"),
                EnumKind::Boolean => ("bool", "Bool"),
            };
            let mut consts: Vec<ConstView> = e
                .values
                .iter()
                .zip(&n.members)
                .map(|(v, m)| ConstView {
                    doc: doc_comment(v.description.as_ref(), v.deprecation_message.as_deref(), "\t"),
                    name: m.clone(),
                    pad: String::new(),
                    value: match &v.value {
                        Value::String(s) => go_string(s),
                        other => other.to_string(),
                    },
                })
                .collect();
            // gofmt aligns `=` across consecutive specs; a comment line ends a run.
            for run in consts.chunk_by_mut(|_, next| next.doc.is_empty()) {
                let w = run.iter().map(|c| c.name.chars().count()).max().unwrap_or(0);
                for c in run {
                    c.pad = " ".repeat(w - c.name.chars().count());
                }
            }
            let name = &n.name;
            let forms = self.reach.of(Base::Enum(i));
            let (input, output) = (forms.input || forms.ptr_input, forms.output || forms.ptr_output);
            if input && !self.x {
                let zero = match e.kind {
                    EnumKind::String => "\"\"",
                    EnumKind::Integer => "0",
                    EnumKind::Number => "0.0",
                    EnumKind::Boolean => "false",
                };
                regs.input(&format!("{name}Input"), &format!("{name}({zero})"));
                regs.input(&format!("{name}PtrInput"), &format!("{name}({zero})"));
            }
            if output && !self.x {
                regs.output(&format!("{name}Output"));
                regs.output(&format!("{name}PtrOutput"));
            }
            let containers = if self.x { String::new() } else { self.containers(&mut sp, Base::Enum(i), &mut regs)? };
            let view = EnumView {
                name,
                lname: lower_first(name),
                doc: doc_comment(e.description.as_ref(), None, ""),
                underlying,
                prim,
                consts,
                input,
                output,
                to_output: ToOutputs::enumeration(self.opts.side_by_side(), name, &lower_first(name)),
                containers,
            };
            body.push_str(&render(&self.hb, self.template("enum", "x_enum"), &view)?);
        }
        body.push_str(&self.init_block(&regs)?);
        let imports = self.types_imports(&regs, false);
        self.file(dir, &body, imports, &sp.imports)
    }
}
