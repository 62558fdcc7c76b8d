//! Pulumi-registry-style pages: the view model (computed here) and rendering.

use std::collections::HashMap;

use bridgegen_codegen::{render, GenError, GeneratedFile, LanguageDocs, Package};
use bridgegen_model::{EnumId, Function, FunctionReturn, ObjectId, Property, Resource, Type};
use handlebars::Handlebars;
use serde::Serialize;

use crate::markdown::{
    code_block, fence_language, import_commands, indent_rest, md_code, md_text, sanitize, split_description, summary,
    yaml_str,
};
use crate::paths::{anchor, relative, Paths, Unique, PACKAGE_INDEX, PROVIDER_PAGE};
use crate::{language_label, Options};

type Langs = [Box<dyn LanguageDocs>];

/// One language's rendering of something: a code block or a note.
#[derive(Serialize)]
struct LangCode {
    lang: String,
    label: String,
    /// Markdown (a fenced code block or an italic note).
    block: String,
}

#[derive(Serialize)]
struct PropItem {
    /// Anchor id, unique on the page.
    id: String,
    name: String,
    ty: String,
    marks: String,
    description: String,
}

#[derive(Serialize)]
struct LangProps {
    lang: String,
    label: String,
    /// The type's name in this language (supporting types only), as Markdown.
    type_name: String,
    items: Vec<PropItem>,
}

#[derive(Serialize)]
struct ExampleView {
    prose: String,
    /// Code shared by every language (shell commands and the like).
    common: Vec<String>,
    tabs: Vec<LangCode>,
}

#[derive(Serialize)]
struct EnumValueView {
    name: String,
    value: String,
    description: String,
}

#[derive(Serialize)]
struct SupportingView {
    anchor: String,
    title: String,
    description: String,
    is_enum: bool,
    langs: Vec<LangProps>,
    values: Vec<EnumValueView>,
}

#[derive(Serialize)]
struct ImportView {
    prose: String,
    block: String,
    /// The first command again with `--protect=false` (empty when there is no command).
    unprotected: String,
}

#[derive(Serialize)]
struct Details {
    repository: String,
    license: String,
    notes: String,
    has_any: bool,
}

#[derive(Serialize)]
struct Common {
    title: String,
    front_title: String,
    kind: &'static str,
    package: String,
    module: String,
    token: String,
    deprecation: String,
    description: String,
    examples: Vec<ExampleView>,
    chooser: String,
    supporting: Vec<SupportingView>,
    import: Option<ImportView>,
    details: Details,
    up_link: String,
    up_title: String,
}

#[derive(Serialize)]
struct LookupView {
    signatures: Vec<LangCode>,
    state: Vec<LangProps>,
    has_state: bool,
}

#[derive(Serialize)]
struct ResourcePage {
    #[serde(flatten)]
    common: Common,
    is_provider: bool,
    constructors: Vec<LangCode>,
    inputs: Vec<LangProps>,
    has_inputs: bool,
    outputs: Vec<LangProps>,
    lookup: Option<LookupView>,
}

#[derive(Serialize)]
struct FunctionPage {
    #[serde(flatten)]
    common: Common,
    signatures: Vec<LangCode>,
    arguments: Vec<LangProps>,
    has_arguments: bool,
    result: Vec<LangProps>,
    has_result: bool,
}

#[derive(Serialize)]
struct Link {
    title: String,
    href: String,
    summary: String,
}

#[derive(Serialize)]
struct ConfigItem {
    name: String,
    ty: String,
    marks: String,
    description: String,
}

#[derive(Serialize)]
struct PackagePage {
    front_title: String,
    title: String,
    package: String,
    description: String,
    provider_href: String,
    modules: Vec<Link>,
    resources: Vec<Link>,
    functions: Vec<Link>,
    config: Vec<ConfigItem>,
    details: Details,
}

#[derive(Serialize)]
struct ModulePage {
    front_title: String,
    title: String,
    package: String,
    module: String,
    up_link: String,
    up_title: String,
    resources: Vec<Link>,
    functions: Vec<Link>,
    modules: Vec<Link>,
}

struct Ctx<'a> {
    pkg: &'a Package,
    langs: &'a Langs,
    opts: &'a Options,
    paths: Paths,
    /// `type_name` results per (language, type, input): the same types recur on many
    /// pages, and a language's `type_name` may rebuild its naming tables on every call.
    type_names: std::cell::RefCell<HashMap<(&'static str, String, bool), String>>,
}

impl Ctx<'_> {
    fn type_name(&self, lang: &dyn LanguageDocs, ty: &Type, input: bool) -> String {
        let key = (lang.language(), format!("{ty:?}"), input);
        if let Some(n) = self.type_names.borrow().get(&key) {
            return n.clone();
        }
        let n = lang.type_name(self.pkg, ty, input);
        self.type_names.borrow_mut().insert(key, n.clone());
        n
    }
}

pub(crate) fn generate(
    hb: &Handlebars<'_>,
    pkg: &Package,
    langs: &Langs,
    opts: &Options,
) -> Result<Vec<GeneratedFile>, GenError> {
    let ctx = Ctx { pkg, langs, opts, paths: Paths::new(pkg), type_names: Default::default() };
    let mut files = Vec::new();
    files.push(GeneratedFile::new(PACKAGE_INDEX, render(hb, "package", &package_page(&ctx))?));
    let provider = resource_page(&ctx, &pkg.provider, PROVIDER_PAGE);
    files.push(GeneratedFile::new(PROVIDER_PAGE, render(hb, "resource", &provider)?));
    for m in &pkg.modules {
        if !m.is_root() {
            let path = ctx.paths.module_index(&m.name);
            files.push(GeneratedFile::new(path.clone(), render(hb, "module", &module_page(&ctx, &m.name, &path))?));
        }
    }
    for (i, r) in pkg.resources.iter().enumerate() {
        let path = &ctx.paths.resources[i];
        files.push(GeneratedFile::new(path.clone(), render(hb, "resource", &resource_page(&ctx, r, path))?));
    }
    for (i, f) in pkg.functions.iter().enumerate() {
        if let Some(path) = &ctx.paths.functions[i] {
            files.push(GeneratedFile::new(path.clone(), render(hb, "function", &function_page(&ctx, f, path))?));
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn details(pkg: &Package, opts: &Options) -> Details {
    let repository = pkg.repository.clone().unwrap_or_default();
    let license = pkg.license.as_deref().map(md_text).unwrap_or_default();
    let notes = pkg.attribution.as_deref().map(|a| sanitize(a, opts.trusted_html)).unwrap_or_default();
    Details {
        has_any: !repository.is_empty() || !license.is_empty() || !notes.is_empty(),
        repository: if repository.is_empty() {
            String::new()
        } else {
            sanitize(&format!("<{}>", repository.replace(['<', '>', ' '], "")), false)
        },
        license,
        notes,
    }
}

/// A language-neutral spelling of a type (for config variables and enum kinds).
pub(crate) fn generic_type(pkg: &Package, ty: &Type) -> String {
    match ty {
        Type::Boolean => "boolean".into(),
        Type::Integer => "integer".into(),
        Type::Number => "number".into(),
        Type::String => "string".into(),
        Type::Any => "any".into(),
        Type::Json => "json".into(),
        Type::Archive => "archive".into(),
        Type::Asset => "asset".into(),
        Type::Array(t) => format!("{}[]", generic_type(pkg, t)),
        Type::Map(t) => format!("map<string, {}>", generic_type(pkg, t)),
        Type::Object(id) => pkg.object(*id).token.name.clone(),
        Type::Enum(id) => pkg.enum_type(*id).token.name.clone(),
        Type::Resource(id) => pkg.resource(*id).token.name.clone(),
        Type::Provider => "Provider".into(),
        Type::Union(u) => u.elements.iter().map(|t| generic_type(pkg, t)).collect::<Vec<_>>().join(" | "),
        Type::External(e) => e.token.as_ref().map(|t| t.full.clone()).unwrap_or_else(|| e.reference.clone()),
        Type::Invalid => "invalid".into(),
    }
}

/// Object and enum types reachable from some property lists, in discovery order, with
/// their page anchors.
#[derive(Default)]
struct Supporting {
    order: Vec<Type>,
    objects: HashMap<ObjectId, String>,
    enums: HashMap<EnumId, String>,
    anchors: Unique,
}

impl Supporting {
    fn new() -> Supporting {
        let mut s = Supporting::default();
        // Headings the page itself uses get these ids from the site engine; keep clear.
        for reserved in ["inputs", "outputs", "import", "supporting-types", "package-details", "example-usage"] {
            s.anchors.reserve(reserved);
        }
        s
    }

    fn collect(&mut self, pkg: &Package, props: &[Property]) {
        let mut queue: Vec<Type> = Vec::new();
        for p in props {
            p.ty.walk(&mut |t| queue.push(t.clone()));
        }
        let mut i = 0;
        while i < queue.len() {
            let t = queue[i].clone();
            i += 1;
            match t {
                Type::Object(id) if !self.objects.contains_key(&id) => {
                    let a = self.anchors.take(&anchor(&pkg.object(id).token.name));
                    self.objects.insert(id, a);
                    self.order.push(t);
                    for p in &pkg.object(id).properties {
                        p.ty.walk(&mut |t| queue.push(t.clone()));
                    }
                }
                Type::Enum(id) if !self.enums.contains_key(&id) => {
                    let a = self.anchors.take(&anchor(&pkg.enum_type(id).token.name));
                    self.enums.insert(id, a);
                    self.order.push(t);
                }
                _ => {}
            }
        }
    }

    fn anchor_of(&self, ty: &Type) -> Option<&str> {
        match ty {
            Type::Array(t) | Type::Map(t) => self.anchor_of(t),
            Type::Object(id) => self.objects.get(id).map(String::as_str),
            Type::Enum(id) => self.enums.get(id).map(String::as_str),
            _ => None,
        }
    }
}

fn chooser(langs: &Langs) -> String {
    langs.iter().map(|l| l.language()).collect::<Vec<_>>().join(",")
}

fn fence_for(lang: &str) -> &str {
    match lang {
        "typescript" => "typescript",
        "python" => "python",
        "go" => "go",
        "csharp" => "csharp",
        other => other,
    }
}

fn lang_code(lang: &str, code: &str) -> LangCode {
    LangCode { lang: lang.to_string(), label: language_label(lang), block: code_block(fence_for(lang), code) }
}

fn examples(ctx: &Ctx<'_>, ex: &[crate::markdown::Example]) -> (Vec<ExampleView>, Vec<String>) {
    let main: Vec<&str> = ctx.langs.iter().map(|l| l.language()).collect();
    let mut extra: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for e in ex {
        let mut by_lang: Vec<(String, String)> = Vec::new();
        let mut common = Vec::new();
        for (info, code) in &e.code {
            let lang = fence_language(info);
            if main.contains(&lang.as_str()) || lang == "yaml" || lang == "java" {
                if !main.contains(&lang.as_str()) && !extra.contains(&lang) {
                    extra.push(lang.clone());
                }
                by_lang.push((lang, code.clone()));
            } else {
                common.push(code_block(info.split_whitespace().next().unwrap_or(""), code));
            }
        }
        let mut tabs = Vec::new();
        for lang in &main {
            let codes: Vec<&str> = by_lang.iter().filter(|(l, _)| l == lang).map(|(_, c)| c.as_str()).collect();
            if codes.is_empty() {
                if !by_lang.is_empty() {
                    tabs.push(LangCode {
                        lang: lang.to_string(),
                        label: language_label(lang),
                        block: format!("*No {} example is available.*", language_label(lang)),
                    });
                }
            } else {
                for c in codes {
                    tabs.push(lang_code(lang, c));
                }
            }
        }
        for (lang, code) in by_lang.iter().filter(|(l, _)| !main.contains(&l.as_str())) {
            tabs.push(lang_code(lang, code));
        }
        out.push(ExampleView { prose: sanitize(&e.prose, ctx.opts.trusted_html), common, tabs });
    }
    (out, extra)
}

fn type_md(ctx: &Ctx<'_>, lang: &dyn LanguageDocs, ty: &Type, input: bool, sup: &Supporting) -> String {
    let name = ctx.type_name(lang, ty, input);
    match sup.anchor_of(ty) {
        Some(a) => format!("[{}](#{a})", md_code(&name)),
        None => md_code(&name),
    }
}

fn description_md(ctx: &Ctx<'_>, p: &Property) -> String {
    let mut d = p.description.as_deref().map(|d| sanitize(d.trim(), ctx.opts.trusted_html)).unwrap_or_default();
    if let Some(def) = &p.default {
        let mut parts = Vec::new();
        if let Some(v) = &def.value {
            parts.push(format!("Default: {}.", md_code(&v.to_string())));
        }
        if !def.environment.is_empty() {
            let envs: Vec<String> = def.environment.iter().map(|e| md_code(e)).collect();
            parts.push(format!("Read from the environment: {}.", envs.join(", ")));
        }
        if !parts.is_empty() {
            if !d.is_empty() {
                d.push_str("\n\n");
            }
            d.push_str(&parts.join(" "));
        }
    }
    if let Some(msg) = &p.deprecation_message {
        if !d.is_empty() {
            d.push_str("\n\n");
        }
        d.push_str(&format!("> **Deprecated:** {}", sanitize(msg.trim(), ctx.opts.trusted_html).replace('\n', " ")));
    }
    indent_rest(&d, 2)
}

/// Property lists, one per language.
fn prop_lists(
    ctx: &Ctx<'_>,
    props: &[Property],
    input: bool,
    mark_required: bool,
    sup: &Supporting,
    id_prefix: &str,
    type_names: Option<&dyn Fn(&dyn LanguageDocs) -> String>,
) -> Vec<LangProps> {
    ctx.langs
        .iter()
        .map(|lang| {
            let lang = lang.as_ref();
            let items = props
                .iter()
                .map(|p| {
                    let mut marks = Vec::new();
                    if mark_required {
                        marks.push(if p.required { "Required" } else { "Optional" });
                    }
                    if p.secret {
                        marks.push("Secret");
                    }
                    if p.replace_on_changes || p.will_replace_on_changes {
                        marks.push("Replaces on change");
                    }
                    if p.deprecation_message.is_some() {
                        marks.push("Deprecated");
                    }
                    PropItem {
                        id: format!("{id_prefix}-{}-{}", anchor(&p.name), lang.language()),
                        name: md_code(&lang.property_name(ctx.pkg, p)),
                        ty: type_md(ctx, lang, &p.ty, input, sup),
                        marks: marks.join(", "),
                        description: description_md(ctx, p),
                    }
                })
                .collect();
            LangProps {
                lang: lang.language().to_string(),
                label: language_label(lang.language()),
                type_name: type_names.map(|f| f(lang)).unwrap_or_default(),
                items,
            }
        })
        .collect()
}

fn supporting_views(ctx: &Ctx<'_>, sup: &Supporting) -> Vec<SupportingView> {
    let pkg = ctx.pkg;
    sup.order
        .iter()
        .map(|t| match t {
            Type::Object(id) => {
                let o = pkg.object(*id);
                let a = sup.objects[id].clone();
                let input = o.usage.input || o.usage.plain_input || !o.usage.output;
                let names = |lang: &dyn LanguageDocs| {
                    let mut v = Vec::new();
                    if o.usage.input || o.usage.plain_input || !o.usage.output {
                        v.push(ctx.type_name(lang, t, true));
                    }
                    if o.usage.output {
                        v.push(ctx.type_name(lang, t, false));
                    }
                    v.dedup();
                    v.iter().map(|n| md_code(n)).collect::<Vec<_>>().join(", ")
                };
                SupportingView {
                    title: md_text(&o.token.name),
                    description: o
                        .description
                        .as_deref()
                        .map(|d| sanitize(d.trim(), ctx.opts.trusted_html))
                        .unwrap_or_default(),
                    is_enum: false,
                    langs: prop_lists(ctx, &o.properties, input, input, sup, &a, Some(&names)),
                    values: Vec::new(),
                    anchor: a,
                }
            }
            Type::Enum(id) => {
                let e = pkg.enum_type(*id);
                let a = sup.enums[id].clone();
                let names = |lang: &dyn LanguageDocs| md_code(&ctx.type_name(lang, t, true));
                SupportingView {
                    title: md_text(&e.token.name),
                    description: e
                        .description
                        .as_deref()
                        .map(|d| sanitize(d.trim(), ctx.opts.trusted_html))
                        .unwrap_or_default(),
                    is_enum: true,
                    langs: prop_lists(ctx, &[], true, false, sup, &a, Some(&names)),
                    values: e
                        .values
                        .iter()
                        .map(|v| {
                            let mut d = v
                                .description
                                .as_deref()
                                .map(|d| sanitize(d.trim(), ctx.opts.trusted_html))
                                .unwrap_or_default();
                            if let Some(m) = &v.deprecation_message {
                                d.push_str(&format!(" *Deprecated: {}*", md_text(m)));
                            }
                            EnumValueView {
                                name: v.name.as_deref().map(md_code).unwrap_or_default(),
                                value: md_code(&v.value.to_string()),
                                description: indent_rest(d.trim(), 2),
                            }
                        })
                        .collect(),
                    anchor: a,
                }
            }
            _ => unreachable!("only objects and enums are collected"),
        })
        .collect()
}

fn common(
    ctx: &Ctx<'_>,
    kind: &'static str,
    token: &bridgegen_model::Token,
    title: &str,
    description: Option<&str>,
    deprecation: Option<&str>,
    path: &str,
    sup: &Supporting,
) -> Common {
    let d = split_description(description.unwrap_or(""));
    let (examples, extra) = examples(ctx, &d.examples);
    let mut chooser_langs = chooser(ctx.langs);
    for e in extra {
        chooser_langs.push(',');
        chooser_langs.push_str(&e);
    }
    let import = d.import.as_deref().map(|section| {
        let (prose, cmds) = import_commands(section, &token.full);
        ImportView {
            prose: sanitize(&prose, ctx.opts.trusted_html),
            block: if cmds.is_empty() { String::new() } else { code_block("sh", &cmds.join("\n")) },
            // `pulumi import` protects what it imports; say how to import without that.
            unprotected: cmds.first().map(|c| code_block("sh", &format!("{c} --protect=false"))).unwrap_or_default(),
        }
    });
    let up = ctx.paths.module_index(&token.module);
    Common {
        title: md_text(title),
        front_title: yaml_str(title),
        kind,
        package: yaml_str(&ctx.pkg.name),
        module: yaml_str(&token.module),
        token: yaml_str(&token.full),
        deprecation: deprecation
            .map(|m| sanitize(m.trim(), ctx.opts.trusted_html).replace('\n', " "))
            .unwrap_or_default(),
        description: sanitize(&d.body, ctx.opts.trusted_html),
        examples,
        chooser: chooser_langs,
        supporting: supporting_views(ctx, sup),
        import,
        details: details(ctx.pkg, ctx.opts),
        up_title: if up == PACKAGE_INDEX {
            md_text(ctx.pkg.display_name.as_deref().unwrap_or(&ctx.pkg.name))
        } else {
            md_text(&token.module)
        },
        up_link: relative(path, &up),
    }
}

fn resource_page(ctx: &Ctx<'_>, r: &Resource, path: &str) -> ResourcePage {
    let mut sup = Supporting::new();
    sup.collect(ctx.pkg, &r.inputs);
    sup.collect(ctx.pkg, &r.properties);
    if let Some(s) = &r.state_inputs {
        sup.collect(ctx.pkg, s);
    }
    let title = if r.is_provider { "Provider".to_string() } else { r.token.name.clone() };
    let kind = if r.is_provider { "provider" } else { "resource" };
    let common =
        common(ctx, kind, &r.token, &title, r.description.as_deref(), r.deprecation_message.as_deref(), path, &sup);
    let constructors =
        ctx.langs.iter().map(|l| lang_code(l.language(), &l.constructor_signature(ctx.pkg, r))).collect();
    let inputs = prop_lists(ctx, &r.inputs, true, true, &sup, "input", None);
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
    let outputs = prop_lists(ctx, &outs, false, false, &sup, "output", None);
    let lookup = if r.is_provider || r.is_component {
        None
    } else {
        let state = r.state_inputs.as_deref().unwrap_or(&[]);
        Some(LookupView {
            signatures: ctx.langs.iter().map(|l| lang_code(l.language(), &l.get_signature(ctx.pkg, r))).collect(),
            has_state: !state.is_empty(),
            state: prop_lists(ctx, state, true, true, &sup, "state", None),
        })
    };
    ResourcePage {
        common,
        is_provider: r.is_provider,
        constructors,
        has_inputs: !r.inputs.is_empty(),
        inputs,
        outputs,
        lookup,
    }
}

fn function_page(ctx: &Ctx<'_>, f: &Function, path: &str) -> FunctionPage {
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
    let common = common(
        ctx,
        "function",
        &f.token,
        &f.token.name,
        f.description.as_deref(),
        f.deprecation_message.as_deref(),
        path,
        &sup,
    );
    FunctionPage {
        common,
        signatures: ctx.langs.iter().map(|l| lang_code(l.language(), &l.function_signature(ctx.pkg, f))).collect(),
        has_arguments: !args.is_empty(),
        arguments: prop_lists(ctx, args, true, true, &sup, "arg", None),
        has_result: !result_props.is_empty(),
        result: prop_lists(ctx, &result_props, false, false, &sup, "result", None),
    }
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

fn package_page(ctx: &Ctx<'_>) -> PackagePage {
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

fn module_page(ctx: &Ctx<'_>, name: &str, path: &str) -> ModulePage {
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
