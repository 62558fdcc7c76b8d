//! Resource, function, package and module pages.

use super::*;

pub(super) fn resource_page(ctx: &Ctx<'_>, r: &Resource, path: &str) -> Result<ResourcePage, GenError> {
    let mut sup = Supporting::new();
    sup.collect(ctx.pkg, &r.inputs);
    sup.collect(ctx.pkg, &r.properties);
    if let Some(s) = &r.state_inputs {
        sup.collect(ctx.pkg, s);
    }
    let title = if r.is_provider { "Provider".to_string() } else { r.token.name.clone() };
    let kind = if r.is_provider { "provider" } else { "resource" };
    let subject = Subject {
        kind,
        token: &r.token,
        title: &title,
        description: r.description.as_ref(),
        deprecation: r.deprecation_message.as_deref(),
    };
    let common = common(ctx, subject, path, &sup)?;
    let constructors = ctx.langs.iter().map(|l| lang_code(l.language(), &l.constructor_signature(r))).collect();
    let replaces = r.replace_on_changes(ctx.pkg);
    let marks = |required| Marks { required, replaces: Some(&replaces) };
    let inputs = prop_lists(ctx, &r.inputs, true, marks(true), &sup, "input", None);
    let input_names: Vec<&str> = r.inputs.iter().map(|p| p.name.as_str()).collect();
    let mut outs: Vec<Property> = Vec::new();
    if !r.is_provider && !r.properties.iter().any(|p| p.name == "id") {
        outs.push(Property::required(
            "id",
            Type::String,
            Some("The provider-assigned unique ID for this managed resource.".into()),
        ));
    }
    outs.extend(r.properties.iter().filter(|p| !input_names.contains(&p.name.as_str())).cloned());
    let outputs = prop_lists(ctx, &outs, false, marks(false), &sup, "output", None);
    let lookup = if r.is_provider || r.is_component {
        None
    } else {
        let state = r.state_inputs.as_deref().unwrap_or(&[]);
        Some(LookupView {
            signatures: ctx.langs.iter().map(|l| lang_code(l.language(), &l.get_signature(r))).collect(),
            has_state: !state.is_empty(),
            state: prop_lists(ctx, state, true, Marks::REQUIRED, &sup, "state", None),
        })
    };
    Ok(ResourcePage {
        common,
        is_provider: r.is_provider,
        constructors,
        has_inputs: !r.inputs.is_empty(),
        inputs,
        outputs,
        lookup,
    })
}

pub(super) fn function_page(ctx: &Ctx<'_>, f: &Function, path: &str) -> Result<FunctionPage, GenError> {
    let mut sup = Supporting::new();
    let args = f.inputs.as_deref().unwrap_or(&[]);
    sup.collect(ctx.pkg, args);
    let result_props: Vec<Property> = match &f.outputs {
        FunctionReturn::Object(p) => p.clone(),
        FunctionReturn::Type(t) => vec![Property {
            plain: true,
            ..Property::required("result", t.clone(), Some("The value the function returns.".into()))
        }],
        FunctionReturn::None => Vec::new(),
    };
    sup.collect(ctx.pkg, &result_props);
    let subject = Subject {
        kind: "function",
        token: &f.token,
        title: &f.token.name,
        description: f.description.as_ref(),
        deprecation: f.deprecation_message.as_deref(),
    };
    let common = common(ctx, subject, path, &sup)?;
    Ok(FunctionPage {
        common,
        signatures: ctx.langs.iter().map(|l| lang_code(l.language(), &l.function_signature(f))).collect(),
        has_arguments: !args.is_empty(),
        arguments: prop_lists(ctx, args, true, Marks::REQUIRED, &sup, "arg", None),
        has_result: !result_props.is_empty(),
        result: prop_lists(ctx, &result_props, false, Marks::NONE, &sup, "result", None),
    })
}

fn member_links(ctx: &Ctx<'_>, from: &str, module: &bridgegen_model::Module) -> (Vec<Link>, Vec<Link>) {
    let pkg = ctx.pkg;
    let resources = module
        .resources
        .iter()
        .map(|id| {
            let r = pkg.resource(*id);
            Link {
                title: md_text(&r.token.name),
                href: relative(from, &ctx.paths.resources[id.0]),
                summary: sanitize(&summary(r.description.as_deref().unwrap_or("")), ctx.opts.trusted_html),
            }
        })
        .collect();
    let functions = module
        .functions
        .iter()
        .filter_map(|id| {
            let f = pkg.function(*id);
            let page = ctx.paths.functions[id.0].as_ref()?;
            Some(Link {
                title: md_text(&f.token.name),
                href: relative(from, page),
                summary: sanitize(&summary(f.description.as_deref().unwrap_or("")), ctx.opts.trusted_html),
            })
        })
        .collect();
    (resources, functions)
}

/// Modules directly below `parent` (`""` = the root).
fn child_modules(ctx: &Ctx<'_>, parent: &str, from: &str) -> Vec<Link> {
    ctx.pkg
        .modules
        .iter()
        .filter(|m| !m.is_root() && m.name != parent)
        .filter(|m| {
            // The nearest existing ancestor module of `m` must be `parent`.
            let mut cur = m.name.as_str();
            loop {
                match cur.rfind('/') {
                    Some(i) => {
                        cur = &cur[..i];
                        if ctx.pkg.module(cur).is_some() {
                            return cur == parent;
                        }
                    }
                    None => return parent.is_empty(),
                }
            }
        })
        .map(|m| Link {
            title: md_text(&m.name),
            href: relative(from, &ctx.paths.module_index(&m.name)),
            summary: String::new(),
        })
        .collect()
}

pub(super) fn package_page(ctx: &Ctx<'_>) -> PackagePage {
    let pkg = ctx.pkg;
    let title = pkg.display_name.clone().unwrap_or_else(|| pkg.name.clone());
    let (resources, functions) = pkg.module("").map(|m| member_links(ctx, PACKAGE_INDEX, m)).unwrap_or_default();
    let config = pkg
        .config
        .iter()
        .map(|p| {
            let mut marks = Vec::new();
            if p.required {
                marks.push("Required");
            }
            if p.secret {
                marks.push("Secret");
            }
            ConfigItem {
                name: md_code(&format!("{}:{}", pkg.name, p.name)),
                ty: md_code(&generic_type(pkg, &p.ty)),
                marks: marks.join(", "),
                description: description_md(ctx, p),
            }
        })
        .collect();
    PackagePage {
        front_title: yaml_str(&title),
        title: md_text(&title),
        package: yaml_str(&pkg.name),
        description: pkg.description.as_deref().map(|d| sanitize(d, ctx.opts.trusted_html)).unwrap_or_default(),
        provider_href: PROVIDER_PAGE.to_string(),
        modules: child_modules(ctx, "", PACKAGE_INDEX),
        resources,
        functions,
        config,
        details: details(pkg, ctx.opts),
    }
}

pub(super) fn module_page(ctx: &Ctx<'_>, name: &str, path: &str) -> ModulePage {
    let m = ctx.pkg.module(name).expect("module exists");
    let (resources, functions) = member_links(ctx, path, m);
    // The nearest ancestor module that exists, else the package index.
    let mut up = PACKAGE_INDEX.to_string();
    let mut up_title = md_text(ctx.pkg.display_name.as_deref().unwrap_or(&ctx.pkg.name));
    let mut cur = name;
    while let Some(i) = cur.rfind('/') {
        cur = &cur[..i];
        if ctx.pkg.module(cur).is_some() {
            up = ctx.paths.module_index(cur);
            up_title = md_text(cur);
            break;
        }
    }
    ModulePage {
        front_title: yaml_str(name),
        title: md_text(name),
        package: yaml_str(&ctx.pkg.name),
        module: yaml_str(name),
        up_link: relative(path, &up),
        up_title,
        resources,
        functions,
        modules: child_modules(ctx, name, path),
    }
}
