//! Property lists per language and the Supporting Types section of a page.

use super::*;

/// Object and enum types reachable from some property lists, in discovery order, with
/// their page anchors.
pub(super) struct Supporting {
    order: Vec<Type>,
    objects: HashMap<ObjectId, String>,
    enums: HashMap<EnumId, String>,
    anchors: UniqueNames,
}

impl Supporting {
    pub(super) fn new() -> Supporting {
        let mut s = Supporting { order: Vec::new(), objects: HashMap::new(), enums: HashMap::new(), anchors: unique() };
        // Headings the page itself uses get these ids from the site engine; keep clear.
        for reserved in ["inputs", "outputs", "import", "supporting-types", "package-details", "example-usage"] {
            s.anchors.reserve(reserved);
        }
        s
    }

    pub(super) fn collect(&mut self, pkg: &Package, props: &[Property]) {
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

    pub(super) fn anchor_of(&self, ty: &Type) -> Option<&str> {
        match ty {
            Type::Array(t) | Type::Map(t) => self.anchor_of(t),
            Type::Object(id) => self.objects.get(id).map(String::as_str),
            Type::Enum(id) => self.enums.get(id).map(String::as_str),
            _ => None,
        }
    }
}

pub(super) fn type_md(ctx: &Ctx<'_>, lang: &dyn PackageNaming, ty: &Type, input: bool, sup: &Supporting) -> String {
    let name = ctx.type_name(lang, ty, input);
    match sup.anchor_of(ty) {
        Some(a) => format!("[{}](#{a})", md_code(&name)),
        None => md_code(&name),
    }
}

pub(super) fn description_md(ctx: &Ctx<'_>, p: &Property) -> String {
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

/// Spells a property list's type names in one language.
type TypeNamesOf<'a> = &'a dyn Fn(&dyn PackageNaming) -> String;

/// Which marks a property list shows.
#[derive(Clone, Copy)]
pub(super) struct Marks<'a> {
    /// Required / Optional.
    pub required: bool,
    /// A resource's replace-on-change set (the model's, as the SDKs send it); `None` for
    /// other lists, which mark a property by its own flag.
    pub replaces: Option<&'a [String]>,
}

impl Marks<'_> {
    pub const REQUIRED: Marks<'static> = Marks { required: true, replaces: None };
    pub const NONE: Marks<'static> = Marks { required: false, replaces: None };
}

/// Property lists, one per language.
pub(super) fn prop_lists(
    ctx: &Ctx<'_>,
    props: &[Property],
    input: bool,
    marks_of: Marks<'_>,
    sup: &Supporting,
    id_prefix: &str,
    type_names: Option<TypeNamesOf<'_>>,
) -> Vec<LangProps> {
    // The same in every language.
    let descriptions: Vec<String> = props.iter().map(|p| description_md(ctx, p)).collect();
    ctx.langs
        .iter()
        .map(|lang| {
            let lang = lang.as_ref();
            let items = props
                .iter()
                .zip(&descriptions)
                .map(|(p, description)| {
                    let mut marks = Vec::new();
                    if marks_of.required {
                        marks.push(if p.required { "Required" } else { "Optional" });
                    }
                    if p.secret {
                        marks.push("Secret");
                    }
                    let replaces = match marks_of.replaces {
                        Some(set) => set.contains(&p.name),
                        None => p.replace_on_changes,
                    };
                    if replaces {
                        marks.push("Replaces on change");
                    }
                    if p.deprecation_message.is_some() {
                        marks.push("Deprecated");
                    }
                    PropItem {
                        id: format!("{id_prefix}-{}-{}", anchor(&p.name), lang.language()),
                        name: md_code(&lang.property_name(p)),
                        ty: type_md(ctx, lang, &p.ty, input, sup),
                        marks: marks.join(", "),
                        description: description.clone(),
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

/// What a supporting type's section depends on besides the type: its anchor and the anchors
/// its property types link to (both chosen per page, the same on most pages).
#[derive(PartialEq, Eq, Hash)]
pub(super) struct SupportingKey {
    ty: (bool, usize),
    anchor: String,
    links: Vec<Option<String>>,
}

/// The Supporting Types section's entries, rendered (see [`render::supporting_item`]). An
/// entry is rendered once per package and reused on every page it appears the same way:
/// these entries are most of the docs (kubernetes-3.7.0: 95% of 45 MB).
pub(super) fn supporting_items(ctx: &Ctx<'_>, sup: &Supporting) -> Result<Vec<String>, GenError> {
    let pkg = ctx.pkg;
    sup.order
        .iter()
        .map(|t| {
            let key = match t {
                Type::Object(id) => SupportingKey {
                    ty: (false, id.0),
                    anchor: sup.objects[id].clone(),
                    links: pkg.object(*id).properties.iter().map(|p| sup.anchor_of(&p.ty).map(str::to_owned)).collect(),
                },
                Type::Enum(id) => SupportingKey { ty: (true, id.0), anchor: sup.enums[id].clone(), links: Vec::new() },
                _ => unreachable!("only objects and enums are collected"),
            };
            if let Some(item) = ctx.supporting.borrow().get(&key) {
                return Ok(item.clone());
            }
            let item = render::supporting_item(ctx.hb, &supporting_view(ctx, sup, t))?;
            ctx.supporting.borrow_mut().insert(key, item.clone());
            Ok(item)
        })
        .collect()
}

fn supporting_view(ctx: &Ctx<'_>, sup: &Supporting, t: &Type) -> SupportingView {
    let pkg = ctx.pkg;
    {
        match t {
            Type::Object(id) => {
                let o = pkg.object(*id);
                let a = sup.objects[id].clone();
                let input = o.usage.input || o.usage.plain_input || !o.usage.output;
                let names = |lang: &dyn PackageNaming| {
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
                    langs: prop_lists(
                        ctx,
                        &o.properties,
                        input,
                        Marks { required: input, replaces: None },
                        sup,
                        &a,
                        Some(&names),
                    ),
                    values: Vec::new(),
                    anchor: a,
                }
            }
            Type::Enum(id) => {
                let e = pkg.enum_type(*id);
                let a = sup.enums[id].clone();
                let names = |lang: &dyn PackageNaming| md_code(&ctx.type_name(lang, t, true));
                SupportingView {
                    title: md_text(&e.token.name),
                    description: e
                        .description
                        .as_deref()
                        .map(|d| sanitize(d.trim(), ctx.opts.trusted_html))
                        .unwrap_or_default(),
                    is_enum: true,
                    langs: prop_lists(ctx, &[], true, Marks::NONE, sup, &a, Some(&names)),
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
        }
    }
}
