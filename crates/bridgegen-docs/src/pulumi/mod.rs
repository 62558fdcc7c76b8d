//! Pulumi-registry-style pages: the view model (computed here) and rendering. Split by kind
//! of output: property lists and supporting types ([`props`]), member and index pages ([`pages`]).

mod pages;
mod props;
mod render;

use std::collections::HashMap;

use bridgegen_codegen::{render, GenError, GeneratedFile, LanguageDocs, Package, PackageNaming, UniqueNames};
use bridgegen_model::description::{fence_language, Description, Doc, Example};
use bridgegen_model::{EnumId, Function, FunctionReturn, ObjectId, Property, Resource, Type};
use handlebars::Handlebars;
use serde::Serialize;

use crate::markdown::{code_block, import_commands, indent_rest, md_code, md_text, sanitize, summary, yaml_str};
use crate::paths::{anchor, relative, unique, Paths, PACKAGE_INDEX, PROVIDER_PAGE};
use crate::{language_label, Options};

use pages::{function_page, module_page, package_page, resource_page};
use props::{description_md, prop_lists, supporting_items, Marks, Supporting, SupportingKey};

/// Every docs language's naming of the package being documented, in tab order.
type Langs<'a> = [Box<dyn PackageNaming + 'a>];

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
    /// Printed by the `props` partial, rendered on its own (see [`render`]); for an enum, its
    /// type name per language.
    #[serde(skip)]
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
    /// Rendered on its own by the `examples` partial (see [`render`]).
    #[serde(skip)]
    examples: Vec<ExampleView>,
    chooser: String,
    /// The Supporting Types entries, rendered (see [`supporting_items`]).
    #[serde(skip)]
    supporting: Vec<String>,
    import: Option<ImportView>,
    details: Details,
    up_link: String,
    up_title: String,
}

/// The lists below are rendered on their own by partials (see [`render`]), not as page fields.
#[derive(Serialize)]
struct LookupView {
    #[serde(skip)]
    signatures: Vec<LangCode>,
    #[serde(skip)]
    state: Vec<LangProps>,
    has_state: bool,
}

#[derive(Serialize)]
struct ResourcePage {
    #[serde(flatten)]
    common: Common,
    is_provider: bool,
    #[serde(skip)]
    constructors: Vec<LangCode>,
    #[serde(skip)]
    inputs: Vec<LangProps>,
    has_inputs: bool,
    #[serde(skip)]
    outputs: Vec<LangProps>,
    lookup: Option<LookupView>,
}

#[derive(Serialize)]
struct FunctionPage {
    #[serde(flatten)]
    common: Common,
    #[serde(skip)]
    signatures: Vec<LangCode>,
    #[serde(skip)]
    arguments: Vec<LangProps>,
    has_arguments: bool,
    #[serde(skip)]
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
    hb: &'a Handlebars<'a>,
    pkg: &'a Package,
    langs: &'a Langs<'a>,
    opts: &'a Options,
    paths: Paths,
    /// `type_name` results per (language, type, input): the same types recur on many pages.
    type_names: std::cell::RefCell<HashMap<(&'static str, String, bool), String>>,
    /// Supporting Types entries already rendered, for the pages that show them the same way.
    supporting: std::cell::RefCell<HashMap<SupportingKey, String>>,
}

impl Ctx<'_> {
    fn type_name(&self, lang: &dyn PackageNaming, ty: &Type, input: bool) -> String {
        let key = (lang.language(), format!("{ty:?}"), input);
        if let Some(n) = self.type_names.borrow().get(&key) {
            return n.clone();
        }
        let n = lang.type_name(ty, input);
        self.type_names.borrow_mut().insert(key, n.clone());
        n
    }
}

pub(crate) fn generate(
    hb: &Handlebars<'_>,
    pkg: &Package,
    langs: &[Box<dyn LanguageDocs>],
    opts: &Options,
    tick: &dyn Fn(),
) -> Result<Vec<GeneratedFile>, GenError> {
    // One naming object per language, built once for the whole package.
    let langs: Vec<Box<dyn PackageNaming + '_>> = langs.iter().map(|l| l.naming(pkg)).collect();
    let ctx = Ctx {
        hb,
        pkg,
        langs: &langs,
        opts,
        paths: Paths::new(pkg),
        type_names: Default::default(),
        supporting: Default::default(),
    };
    let mut files = Vec::new();
    files.push(GeneratedFile::new(PACKAGE_INDEX, render(hb, "package", &package_page(&ctx))?));
    let provider = resource_page(&ctx, &pkg.provider, PROVIDER_PAGE)?;
    files.push(GeneratedFile::new(PROVIDER_PAGE, render::resource(hb, &provider)?));
    for m in &pkg.modules {
        if !m.is_root() {
            let path = ctx.paths.module_index(&m.name);
            files.push(GeneratedFile::new(path.clone(), render(hb, "module", &module_page(&ctx, &m.name, &path))?));
        }
    }
    for (i, r) in pkg.resources.iter().enumerate() {
        let path = &ctx.paths.resources[i];
        files.push(GeneratedFile::new(path.clone(), render::resource(hb, &resource_page(&ctx, r, path)?)?));
        tick();
    }
    for (i, f) in pkg.functions.iter().enumerate() {
        if let Some(path) = &ctx.paths.functions[i] {
            files.push(GeneratedFile::new(path.clone(), render::function(hb, &function_page(&ctx, f, path)?)?));
        }
        tick();
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

fn chooser(langs: &Langs<'_>) -> String {
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

fn examples(ctx: &Ctx<'_>, ex: &[Example]) -> (Vec<ExampleView>, Vec<String>) {
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

/// What a page documents: a resource, the provider or a function.
struct Subject<'a> {
    kind: &'static str,
    token: &'a bridgegen_model::Token,
    title: &'a str,
    description: Option<&'a Doc>,
    deprecation: Option<&'a str>,
}

fn common(ctx: &Ctx<'_>, subject: Subject<'_>, path: &str, sup: &Supporting) -> Result<Common, GenError> {
    let Subject { kind, token, title, description, deprecation } = subject;
    let d = description.map_or_else(|| Description::default().sections(), Doc::sections);
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
    Ok(Common {
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
        supporting: supporting_items(ctx, sup)?,
        import,
        details: details(ctx.pkg, ctx.opts),
        up_title: if up == PACKAGE_INDEX {
            md_text(ctx.pkg.display_name.as_deref().unwrap_or(&ctx.pkg.name))
        } else {
            md_text(&token.module)
        },
        up_link: relative(path, &up),
    })
}
