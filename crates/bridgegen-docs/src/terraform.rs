//! tfplugindocs-style pages (`--style terraform`): `index.md` for the provider,
//! `resources/<name>.md` and `data-sources/<name>.md`, each with a Schema of Required /
//! Optional / Read-Only lists and `nestedatt--<path>` anchors for nested object types.
//!
//! Terraform names are the snake_case of the Pulumi names: `kakaocloud_image_member` for
//! `kakaocloud:index/imageMember:ImageMember`, `image_id` for `imageId`.

use std::collections::HashMap;

use bridgegen_codegen::{render, GenError, GeneratedFile, Package};
use bridgegen_model::description::{Description, Doc};
use bridgegen_model::{FunctionReturn, ObjectId, Property, Type};
use handlebars::Handlebars;
use heck::ToSnakeCase;
use serde::Serialize;

use crate::markdown::{indent_rest, md_code, md_text, sanitize, yaml_str};
use crate::paths::{segment, unique};
use crate::Options;
use bridgegen_codegen::UniqueNames;

#[derive(Serialize)]
struct Group {
    title: &'static str,
    items: Vec<String>,
}

#[derive(Serialize)]
struct Nested {
    anchor: String,
    title: String,
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct TfPage {
    page_title: String,
    subcategory: String,
    description_block: String,
    title: String,
    body: String,
    has_schema: bool,
    groups: Vec<Group>,
    nested: Vec<Nested>,
}

/// The Terraform spelling of a Pulumi name.
pub fn tf_name(s: &str) -> String {
    let snake = s.to_snake_case();
    if snake.is_empty() {
        segment(s)
    } else {
        snake
    }
}

fn type_label(pkg: &Package, ty: &Type) -> String {
    match ty {
        Type::String | Type::Archive | Type::Asset | Type::Resource(_) | Type::Provider => "String".into(),
        Type::Integer | Type::Number => "Number".into(),
        Type::Boolean => "Boolean".into(),
        Type::Any | Type::Json | Type::Union(_) | Type::External(_) | Type::Invalid => "Dynamic".into(),
        Type::Enum(id) => match pkg.enum_type(*id).kind {
            bridgegen_model::EnumKind::String => "String".into(),
            bridgegen_model::EnumKind::Boolean => "Boolean".into(),
            _ => "Number".into(),
        },
        Type::Object(_) => "Attributes".into(),
        Type::Array(t) => match t.as_ref() {
            Type::Object(_) => "Attributes List".into(),
            t => format!("List of {}", type_label(pkg, t)),
        },
        Type::Map(t) => match t.as_ref() {
            Type::Object(_) => "Attributes Map".into(),
            t => format!("Map of {}", type_label(pkg, t)),
        },
    }
}

fn object_of(ty: &Type) -> Option<ObjectId> {
    match ty {
        Type::Object(id) => Some(*id),
        Type::Array(t) | Type::Map(t) => match t.as_ref() {
            Type::Object(id) => Some(*id),
            _ => None,
        },
        _ => None,
    }
}

struct SchemaBuilder<'a> {
    pkg: &'a Package,
    opts: &'a Options,
    nested: Vec<Nested>,
    /// Object (and read-only flag) already rendered on this page, to its anchor.
    done: HashMap<(ObjectId, bool), String>,
    anchors: UniqueNames,
}

impl SchemaBuilder<'_> {
    fn item(&mut self, p: &Property, path: &[String], read_only: bool) -> String {
        let name = tf_name(&p.name);
        let mut label = type_label(self.pkg, &p.ty);
        if p.secret {
            label.push_str(", Sensitive");
        }
        if p.deprecation_message.is_some() {
            label.push_str(", Deprecated");
        }
        let mut line = format!("{} ({})", md_code(&name), md_text(&label));
        if let Some(d) = p.description.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            line.push(' ');
            line.push_str(&sanitize(d, self.opts.trusted_html));
        }
        if let Some(m) = &p.deprecation_message {
            line.push_str(&format!(" *Deprecated:* {}", sanitize(m.trim(), self.opts.trusted_html)));
        }
        if let Some(id) = object_of(&p.ty) {
            let mut sub = path.to_vec();
            sub.push(name);
            let anchor = self.object(id, &sub, read_only);
            line.push_str(&format!(" (see [below for nested schema](#{anchor}))"));
        }
        format!("- {}", indent_rest(&line, 2))
    }

    /// Renders the nested schema of object `id` (once per page) and returns its anchor.
    fn object(&mut self, id: ObjectId, path: &[String], read_only: bool) -> String {
        if let Some(a) = self.done.get(&(id, read_only)) {
            return a.clone();
        }
        let anchor = self
            .anchors
            .take(&format!("nestedatt--{}", path.iter().map(|s| segment(s)).collect::<Vec<_>>().join("--")));
        self.done.insert((id, read_only), anchor.clone());
        let slot = self.nested.len();
        self.nested.push(Nested { anchor: anchor.clone(), title: md_code(&path.join(".")), groups: Vec::new() });
        let props = self.pkg.object(id).properties.clone();
        let groups = if read_only {
            vec![Group { title: "Read-Only:", items: self.items(&props, path, true) }]
        } else {
            let (req, opt): (Vec<Property>, Vec<Property>) = props.into_iter().partition(|p| p.required);
            vec![
                Group { title: "Required:", items: self.items(&req, path, false) },
                Group { title: "Optional:", items: self.items(&opt, path, false) },
            ]
        };
        self.nested[slot].groups = groups.into_iter().filter(|g| !g.items.is_empty()).collect();
        anchor
    }

    fn items(&mut self, props: &[Property], path: &[String], read_only: bool) -> Vec<String> {
        let mut sorted: Vec<&Property> = props.iter().collect();
        sorted.sort_by_key(|p| tf_name(&p.name));
        sorted.into_iter().map(|p| self.item(p, path, read_only)).collect()
    }
}

fn schema(
    pkg: &Package,
    opts: &Options,
    inputs: &[Property],
    outputs: &[Property],
    with_id: bool,
) -> (Vec<Group>, Vec<Nested>) {
    let mut b = SchemaBuilder { pkg, opts, nested: Vec::new(), done: HashMap::new(), anchors: unique() };
    let (req, opt): (Vec<Property>, Vec<Property>) = inputs.iter().cloned().partition(|p| p.required);
    let mut read_only: Vec<Property> =
        outputs.iter().filter(|o| !inputs.iter().any(|i| i.name == o.name)).cloned().collect();
    if with_id && !read_only.iter().any(|p| p.name == "id") {
        read_only.push(Property {
            plain: true,
            ..Property::required("id", Type::String, Some("The ID of this resource.".into()))
        });
    }
    let groups = vec![
        Group { title: "Required", items: b.items(&req, &[], false) },
        Group { title: "Optional", items: b.items(&opt, &[], false) },
        Group { title: "Read-Only", items: b.items(&read_only, &[], true) },
    ];
    (groups.into_iter().filter(|g| !g.items.is_empty()).collect(), b.nested)
}

/// `description: |-` block content: each line indented by two spaces.
fn yaml_block(text: &str) -> String {
    text.lines().map(|l| if l.is_empty() { String::new() } else { format!("  {l}") }).collect::<Vec<_>>().join("\n")
}

/// Replaces the Pulumi spellings of a resource in prose (`kakaocloud.ImageMember`,
/// `alicloud.ecs.ImageSharePermission`) with the Terraform name.
fn retarget_prose(body: &str, pkg: &Package, token: &bridgegen_model::Token, tf: &str) -> String {
    let mut out = body.to_string();
    if !token.module.is_empty() {
        out = out.replace(&format!("{}.{}.{}", pkg.name, token.module.replace('/', "."), token.name), tf);
    }
    out.replace(&format!("{}.{}", pkg.name, token.name), tf)
}

#[allow(clippy::too_many_arguments)]
fn page(
    hb: &Handlebars<'_>,
    pkg: &Package,
    opts: &Options,
    title: &str,
    kind: &str,
    description: Option<&Doc>,
    token: Option<&bridgegen_model::Token>,
    inputs: &[Property],
    outputs: &[Property],
    with_id: bool,
) -> Result<String, GenError> {
    let d = description.map_or_else(|| Description::default().sections(), Doc::sections);
    let mut body = d.body.clone();
    if let Some(t) = token {
        body = retarget_prose(&body, pkg, t, title);
    }
    let body = sanitize(&body, opts.trusted_html);
    let (groups, nested) = schema(pkg, opts, inputs, outputs, with_id);
    let view = TfPage {
        page_title: yaml_str(&format!("{title} {kind} - {}", pkg.name)),
        subcategory: yaml_str(""),
        description_block: yaml_block(&body),
        title: if kind == "Provider" {
            format!("{} Provider", md_text(title))
        } else {
            format!("{} ({kind})", md_text(title))
        },
        body,
        has_schema: !groups.is_empty(),
        groups,
        nested,
    };
    render(hb, "tf_page", &view)
}

pub(crate) fn generate(hb: &Handlebars<'_>, pkg: &Package, opts: &Options) -> Result<Vec<GeneratedFile>, GenError> {
    let mut files = Vec::new();
    let provider_title = pkg.name.clone();
    let provider = page(
        hb,
        pkg,
        opts,
        &provider_title,
        "Provider",
        pkg.description.as_deref().map(Doc::from).as_ref(),
        None,
        &pkg.provider.inputs,
        &[],
        false,
    )?;
    files.push(GeneratedFile::new("index.md", provider));
    let mut resources = unique();
    for r in &pkg.resources {
        let short = tf_name(&r.token.name);
        let name = format!("{}_{short}", tf_name(&pkg.name));
        let file = resources.take(&segment(&short));
        let text = page(
            hb,
            pkg,
            opts,
            &name,
            "Resource",
            r.description.as_ref(),
            Some(&r.token),
            &r.inputs,
            &r.properties,
            true,
        )?;
        files.push(GeneratedFile::new(format!("resources/{file}.md"), text));
    }
    let mut sources = unique();
    for f in pkg.functions.iter().filter(|f| f.method_of.is_none()) {
        let FunctionReturn::Object(outs) = &f.outputs else { continue };
        let base =
            f.token.name.strip_prefix("get").filter(|r| r.starts_with(char::is_uppercase)).unwrap_or(&f.token.name);
        let short = tf_name(base);
        let name = format!("{}_{short}", tf_name(&pkg.name));
        let file = sources.take(&segment(&short));
        let inputs = f.inputs.as_deref().unwrap_or(&[]);
        let text =
            page(hb, pkg, opts, &name, "Data Source", f.description.as_ref(), Some(&f.token), inputs, outs, false)?;
        files.push(GeneratedFile::new(format!("data-sources/{file}.md"), text));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
