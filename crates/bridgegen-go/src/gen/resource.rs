//! One resource's file: the resource struct, its constructor, `Get`/`Exists`, the args and
//! state types, its input/output forms and the reached containers of it.

use bridgegen_codegen::{render, GenError};
use bridgegen_model::{Property, Resource, Type};
use serde::Serialize;

use super::defaults::DefaultStmtVm;
use super::generic::XAccessorView;
use super::to_output::{self, ToOutputs};
use super::{one_line, prop_names, tag, Ctx};
use crate::format::{self, doc_comment, Field, FieldLine};
use crate::names::{go_string, lower_first};
use crate::types::{Base, Speller};

#[derive(Serialize)]
struct AccessorView {
    doc: String,
    name: String,
    ty: String,
    oneline: bool,
}

#[derive(Serialize)]
struct SecretInput {
    name: String,
    ty: String,
    /// The generic copy: the `T` of the `pulumix.Input[T]`.
    elem: Option<String>,
}

/// One `pulumi.Alias{...}` of a resource's options.
#[derive(Serialize)]
struct AliasView {
    fields: Vec<AliasField>,
}

/// `<key>:<pad> pulumi.String(<lit>),`: `Name`, `Project` or `Type`, `pad` aligning the values.
#[derive(Serialize)]
struct AliasField {
    key: &'static str,
    pad: String,
    lit: String,
}

#[derive(Serialize)]
struct ResourceView {
    name: String,
    lname: String,
    token: String,
    doc: String,
    state_type: &'static str,
    output_fields: Vec<FieldLine>,
    required: Vec<String>,
    defaults: Vec<DefaultStmtVm>,
    secret_inputs: Vec<SecretInput>,
    secret_outputs: Vec<String>,
    replace: Vec<String>,
    aliases: Vec<AliasView>,
    register: &'static str,
    has_get: bool,
    args_private: Vec<FieldLine>,
    args_public: Vec<FieldLine>,
    state_private: Vec<FieldLine>,
    state_public: Vec<FieldLine>,
    accessors: Vec<AccessorView>,
    methods: String,
    to_output: ToOutputs,
    containers: String,
    init: String,
    /// The accessors of the generic copy (`x/`).
    x_accessors: Vec<XAccessorView>,
}

impl Ctx<'_> {
    fn reserved_resource(name: &str) -> Vec<String> {
        [
            "URN",
            "ID",
            "PulumiResourceName",
            "PulumiResourceType",
            "GetProvider",
            "ElementType",
            "ApplyT",
            "ApplyTWithContext",
            "CustomResourceState",
            "ProviderResourceState",
            "ResourceState",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([format!("To{name}Output"), format!("To{name}OutputWithContext")])
        .collect()
    }

    pub(super) fn resource_file(&self, dir: &str, r: &Resource, idx: Option<usize>) -> Result<String, GenError> {
        let pkg = self.pkg;
        let name = match idx {
            Some(i) => self.naming.resources[i].name.clone(),
            None => "Provider".to_string(),
        };
        let lname = lower_first(&name);
        let mut sp = self.speller(dir);
        let reserved = Self::reserved_resource(&name);
        // One Go name per wire name, shared by outputs, inputs and state.
        let mut wire: Vec<Property> = Vec::new();
        for p in r.properties.iter().chain(&r.inputs).chain(r.state_inputs.iter().flatten()) {
            if !wire.iter().any(|w| w.name == p.name) {
                wire.push(p.clone());
            }
        }
        let gonames = prop_names(&wire, &reserved);
        let go_name = |p: &Property| gonames[wire.iter().position(|w| w.name == p.name).unwrap()].clone();

        // Outputs: the provider only exposes string outputs (the engine stores config as strings).
        let outputs: Vec<&Property> =
            r.properties.iter().filter(|p| !r.is_provider || matches!(p.ty, Type::String)).collect();
        let mut output_fields = Vec::new();
        let mut accessors = Vec::new();
        let mut x_accessors = Vec::new();
        for p in &outputs {
            let s = sp.shape(&p.ty);
            let ty = sp.output(&s, !p.required);
            if self.x {
                let g = sp.generic_output(&s, !p.required);
                let a = XAccessorView::new(&format!("{name}Output"), &name, go_name(p), go_name(p), g.elem.clone(), g);
                x_accessors.push(a.doc(doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "")));
            }
            output_fields.push(Field {
                doc: doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "\t"),
                name: go_name(p),
                ty: ty.clone(),
                tag: Some(tag(&p.name)),
            });
            accessors.push(AccessorView {
                doc: doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), ""),
                name: go_name(p),
                oneline: one_line(&format!("func(v *{name}) {ty}"), &go_name(p)),
                ty,
            });
        }
        let input_fields = |sp: &mut Speller,
                            props: &[Property],
                            all_optional: bool|
         -> (Vec<FieldLine>, Vec<FieldLine>) {
            let mut private = Vec::new();
            let mut public = Vec::new();
            for p in props {
                let s = sp.shape(&p.ty);
                let optional = all_optional || !p.required;
                let plain = sp.plain(&s, optional);
                let doc = doc_comment(p.description.as_ref(), p.deprecation_message.as_deref(), "\t");
                private.push(Field { doc: doc.clone(), name: go_name(p), ty: plain.clone(), tag: Some(tag(&p.name)) });
                let ty = if p.plain { plain } else { sp.input(&s, optional) };
                public.push(Field { doc, name: go_name(p), ty, tag: None });
            }
            (format::fields(&private), format::fields(&public))
        };
        let (args_private, args_public) = input_fields(&mut sp, &r.inputs, false);
        let state_props: Vec<Property> = r.state_inputs.clone().unwrap_or_default();
        let (state_private, state_public) = input_fields(&mut sp, &state_props, true);

        // Constructor checks and defaults.
        let mut required = Vec::new();
        let mut defaults = Vec::new();
        let mut secret_inputs = Vec::new();
        for p in &r.inputs {
            let s = sp.shape(&p.ty);
            let gn = go_name(p);
            let nilable = !p.plain || Speller::plain_nilable(&s, !p.required);
            if p.required && nilable && p.default.is_none() && p.const_value.is_none() {
                required.push(gn.clone());
            }
            defaults.extend(self.constructor_defaults(&mut sp, p, &format!("args.{gn}")));
        }
        for p in &r.inputs {
            if p.secret && !p.plain {
                let s = sp.shape(&p.ty);
                let elem = self.x.then(|| sp.generic_input_elem(&s, !p.required));
                secret_inputs.push(SecretInput { name: go_name(p), ty: sp.input(&s, !p.required), elem });
            }
        }
        let mut secret_outputs: Vec<String> = r.secret_outputs().iter().map(|s| go_string(s)).collect();
        for p in &r.inputs {
            if p.secret && !r.properties.iter().any(|o| o.name == p.name && o.secret) {
                secret_outputs.push(go_string(&p.name));
            }
        }
        let replace: Vec<String> = r.replace_on_changes(pkg).iter().map(|s| go_string(s)).collect();
        let aliases: Vec<AliasView> = r
            .aliases
            .iter()
            .filter_map(|a| {
                let mut fields: Vec<AliasField> = [("Name", &a.name), ("Project", &a.project), ("Type", &a.type_)]
                    .into_iter()
                    .filter_map(|(key, v)| {
                        v.as_ref().map(|v| AliasField { key, pad: String::new(), lit: go_string(v) })
                    })
                    .collect();
                // gofmt aligns the values after the keys.
                let w = fields.iter().map(|f| f.key.len()).max()?;
                for f in &mut fields {
                    f.pad = " ".repeat(w - f.key.len());
                }
                Some(AliasView { fields })
            })
            .collect();

        let base = match idx {
            Some(i) => Base::Resource(i),
            None => Base::Provider,
        };
        let mut regs = self.regs();
        if !self.x {
            regs.input(&format!("{name}Input"), &format!("&{name}{{}}"));
        }
        regs.output(&format!("{name}Output"));
        // The generic copy has no containers and no methods, as Pulumi's.
        let (containers, methods) = if self.x {
            (String::new(), String::new())
        } else {
            (self.containers(&mut sp, base, &mut regs)?, self.methods(&mut sp, r, &name, &mut regs)?)
        };
        let token = if r.is_provider { pkg.provider_token() } else { r.token.full.as_str() };
        let view = ResourceView {
            token: go_string(token),
            doc: doc_comment(r.description.as_ref(), r.deprecation_message.as_deref(), ""),
            state_type: if r.is_provider {
                "ProviderResourceState"
            } else if r.is_component {
                "ResourceState"
            } else {
                "CustomResourceState"
            },
            output_fields: format::fields(&output_fields),
            required: required.clone(),
            defaults,
            secret_inputs,
            secret_outputs,
            replace,
            aliases,
            register: if r.is_component { "RegisterRemoteComponentResource" } else { "RegisterResource" },
            has_get: !r.is_provider && !r.is_component,
            args_private,
            args_public,
            state_private,
            state_public,
            accessors,
            methods,
            // The generic copy's output is an input of the resource value itself.
            to_output: ToOutputs::family(
                self.opts.side_by_side(),
                &name,
                format!("*{name}"),
                &if self.x { name.clone() } else { format!("*{name}") },
            ),
            x_accessors,
            containers,
            init: self.init_block(&regs)?,
            lname,
            name,
        };
        let body = render(&self.hb, self.template("resource", "x_resource"), &view)?;
        let mut std = vec!["context", "reflect"];
        if !required.is_empty() {
            std.push("errors");
        }
        let mut imports = self.std_imports(&std, true);
        to_output::import_pulumix(&mut imports, self.opts.side_by_side());
        self.file(dir, &body, imports, &sp.imports)
    }
}
