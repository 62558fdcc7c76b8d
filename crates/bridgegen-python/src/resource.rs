//! The view of one resource file (`ecs/image_share_permission.py`, `provider.py`).

use serde::Serialize;

use bridgegen_model::{Doc, Property, Resource};

use crate::ctx::{Ctx, Here, Mode, Refs};
use crate::names::{self, RESOURCE_RESERVED};
use crate::props::{self, PropView};

/// One `pulumi.Alias(...)` of a resource's options.
#[derive(Debug, Serialize)]
pub struct AliasView {
    pub fields: Vec<AliasField>,
}

/// A keyword argument of `pulumi.Alias`: `name`, `project` or `type_`, and a string literal.
#[derive(Debug, Serialize)]
pub struct AliasField {
    pub key: &'static str,
    pub lit: String,
}

#[derive(Debug, Serialize)]
pub struct ResourceView {
    /// Import lines, printed last (see [`crate::ctx::Ctx::imports`]).
    pub imports: Vec<String>,
    pub all: Vec<String>,
    pub class_name: String,
    pub args_class: String,
    pub state_class: String,
    pub base: String,
    pub token_lit: String,
    /// The first argument of the base-class `__init__` (type token or package name).
    pub super_first: String,
    pub is_provider: bool,
    pub is_component: bool,
    pub has_get: bool,
    pub has_state: bool,
    pub args_doc: String,
    pub state_doc: String,
    pub kw_doc: String,
    pub args_form_doc: String,
    pub get_doc: String,
    pub inputs: Vec<PropView>,
    pub init_inputs: Vec<PropView>,
    pub state: Vec<PropView>,
    pub outputs: Vec<PropView>,
    pub output_only: Vec<String>,
    pub aliases: Vec<AliasView>,
    pub secret_outputs: Vec<String>,
    pub replace_on_changes: Vec<String>,
    pub deprecation: Option<String>,
    pub methods: Vec<crate::method::MethodView>,
}

fn doc_block(parts: &[String]) -> String {
    let text = parts.iter().filter(|p| !p.trim().is_empty()).cloned().collect::<Vec<_>>().join("\n\n");
    if text.trim().is_empty() {
        return String::new();
    }
    let mut out = String::from("        \"\"\"\n");
    out.push_str(&text);
    out.push_str("\n        \"\"\"\n");
    out
}

/// A description as docstring body lines at 8 spaces (escaped), without quotes.
pub fn body(desc: Option<&Doc>) -> String {
    let d = desc.map(names::clean_description).unwrap_or_default();
    names::doc_text(&d)
        .lines()
        .map(|l| {
            let l = l.trim_end();
            if l.is_empty() {
                String::new()
            } else {
                format!("        {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn build(ctx: &Ctx, r: &Resource, class_name: &str, module: &str) -> ResourceView {
    let here = Here { class: Some(class_name.to_string()), ..Here::new(module, None) };
    let mut refs = Refs::default();
    let empty: Vec<Property> = Vec::new();
    let state_props = r.state_inputs.as_ref().unwrap_or(&empty);
    let map = props::name_map(&[&r.inputs, &r.properties, state_props], &[RESOURCE_RESERVED]);
    let name_of = |p: &Property| map.get(&p.name).cloned().unwrap_or_else(|| names::snake(&p.name));

    let sorted_inputs = props::pulumi_order(&r.inputs);
    let mut inputs: Vec<PropView> = sorted_inputs
        .iter()
        .map(|p| {
            let optional = !p.required || p.default.is_some();
            let mut v = props::view(ctx, p, &name_of(p), &here, &mut refs, optional);
            v.required = p.required && v.default_expr.is_none();
            if !v.required && !optional {
                v.arg_type = ctx.arg_type(p, true, &here, &mut refs);
                v.get_type = v.arg_type.clone();
            }
            v
        })
        .collect();
    // Required parameters first, then by wire name (Pulumi's order).
    inputs.sort_by_key(|v| !v.required);
    let init_inputs: Vec<PropView> = sorted_inputs
        .iter()
        .map(|p| {
            let mut v = props::view(ctx, p, &name_of(p), &here, &mut refs, true);
            v.required = p.required && v.default_expr.is_none();
            v
        })
        .collect();
    let state: Vec<PropView> = props::pulumi_order(state_props)
        .into_iter()
        .map(|p| props::view(ctx, p, &name_of(p), &here, &mut refs, true))
        .collect();
    let outputs: Vec<PropView> = r
        .properties
        .iter()
        .filter(|p| !(p.name == "id" || p.name == "urn") || r.is_provider)
        .filter(|p| !r.is_provider || matches!(p.ty, bridgegen_model::Type::String))
        .map(|p| {
            let mut v = props::view(ctx, p, &name_of(p), &here, &mut Refs::default(), !p.required);
            let t = ctx.ty(&p.ty, Mode::Output, &here, &mut refs);
            v.get_type =
                if p.required { format!("pulumi.Output[{t}]") } else { format!("pulumi.Output[Optional[{t}]]") };
            v
        })
        .collect();
    let output_only: Vec<String> = r
        .properties
        .iter()
        .filter(|p| !r.inputs.iter().any(|i| i.name == p.name))
        .filter(|p| !(p.name == "id" || p.name == "urn"))
        .map(name_of)
        .collect();

    // Pulumi's rule: when an input type of the resource's own module already has the class
    // `<Name>Args` (Kubernetes' `StorageClass`), the resource's args class is `<Name>InitArgs`.
    let plain_args = format!("{class_name}Args");
    let collides = ctx.pkg.objects.iter().enumerate().any(|(i, o)| {
        let class = &ctx.object_class[i];
        o.token.module == r.token.module
            && ((ctx.has_args[i] && format!("{class}Args") == plain_args) || (ctx.has_plain[i] && *class == plain_args))
    });
    let args_class = if collides { format!("{class_name}InitArgs") } else { plain_args };
    let class_doc = body(r.description.as_ref());
    let res_params = [
        "        :param str resource_name: The name of the resource.".to_string(),
        "        :param pulumi.ResourceOptions opts: Options for the resource.".to_string(),
    ]
    .join("\n");
    let input_params: Vec<String> = init_inputs.iter().map(|v| v.param_doc.clone()).collect();
    let kw_doc = doc_block(&[
        class_doc.clone(),
        [res_params.clone()].into_iter().chain(input_params.clone()).collect::<Vec<_>>().join("\n"),
    ]);
    let args_form_doc = doc_block(&[
        class_doc,
        [
            "        :param str resource_name: The name of the resource.".to_string(),
            format!("        :param {args_class} args: The arguments to use to populate this resource's properties."),
            "        :param pulumi.ResourceOptions opts: Options for the resource.".to_string(),
        ]
        .join("\n"),
    ]);
    let args_doc = doc_block(&[
        format!("        The set of arguments for constructing a {class_name} resource."),
        inputs.iter().map(|v| v.param_doc.clone()).collect::<Vec<_>>().join("\n"),
    ]);
    let state_doc = doc_block(&[
        format!("        Input properties used for looking up and filtering {class_name} resources."),
        state.iter().map(|v| v.param_doc.clone()).collect::<Vec<_>>().join("\n"),
    ]);
    let get_doc = doc_block(&[
        format!("        Get an existing {class_name} resource's state with the given name, id, and optional extra\n        properties used to qualify the lookup."),
        [
            "        :param str resource_name: The unique name of the resulting resource.".to_string(),
            "        :param pulumi.Input[str] id: The unique provider ID of the resource to lookup.".to_string(),
            "        :param pulumi.ResourceOptions opts: Options for the resource.".to_string(),
        ]
        .into_iter()
        .chain(state.iter().map(|v| v.param_doc.clone()))
        .collect::<Vec<_>>()
        .join("\n"),
    ]);

    let aliases = r
        .aliases
        .iter()
        .filter_map(|a| {
            let fields: Vec<AliasField> = [("name", &a.name), ("project", &a.project), ("type_", &a.type_)]
                .into_iter()
                .filter_map(|(key, v)| v.as_ref().map(|v| AliasField { key, lit: names::str_lit(v) }))
                .collect();
            (!fields.is_empty()).then_some(AliasView { fields })
        })
        .collect();
    let secret_outputs = r.secret_outputs().iter().map(|s| names::str_lit(s)).collect();
    let replace_on_changes = r.replace_on_changes(ctx.pkg).iter().map(|s| names::str_lit(s)).collect();

    let base = crate::ctx::resource_base(r);
    let super_first = if r.is_provider { names::str_lit(&ctx.pkg.name) } else { names::str_lit(&r.token.full) };
    let has_get = !r.is_provider && !r.is_component;
    let all = vec![names::str_lit(&args_class), names::str_lit(class_name)];
    let methods = crate::method::build(ctx, r, class_name, &here, &mut refs);
    let imports = ctx.imports(module, &refs);
    ResourceView {
        methods,
        imports,
        all,
        class_name: class_name.to_string(),
        args_class: args_class.clone(),
        state_class: format!("_{class_name}State"),
        base: base.into(),
        token_lit: names::str_lit(&r.token.full),
        super_first,
        is_provider: r.is_provider,
        is_component: r.is_component,
        has_get,
        has_state: has_get,
        args_doc,
        state_doc,
        kw_doc,
        args_form_doc,
        get_doc,
        inputs,
        init_inputs,
        state,
        outputs,
        output_only,
        aliases,
        secret_outputs,
        replace_on_changes,
        deprecation: r
            .deprecation_message
            .as_ref()
            .map(|m| names::str_lit(&format!("{class_name} is deprecated: {m}"))),
    }
}
