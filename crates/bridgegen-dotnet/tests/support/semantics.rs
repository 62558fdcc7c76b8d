//! The semantic rules a parser can't see (see the parent module): declared and known types,
//! `[Input]`/`[Output]` wire names against the schema, members per class.

use super::*;

/// What a package's C# may rely on beyond its own files.
#[derive(Default)]
pub struct Layout {
    /// For namespaces that do not mirror their folder (`kubernetes20`'s `Types`), the
    /// folders their files may be in.
    pub folders: HashMap<String, Vec<String>>,
    /// Classes of other packages' SDKs the package refers to (full names, no `global::`).
    pub external: HashSet<String>,
}

struct Ctx<'a> {
    decls: &'a Decls,
    external: &'a HashSet<String>,
    type_params: HashSet<String>,
    nested: HashSet<String>,
}

impl Ctx<'_> {
    /// Resolves a simple type name used in namespace `ns`, as C# would, and reports
    /// unknown names and generated names that shadow a Pulumi/.NET one.
    fn simple(&self, name: &str, ns: &str, attribute: bool, where_: &str, errors: &mut Vec<String>) {
        if self.type_params.contains(name) || self.nested.contains(name) {
            return;
        }
        let candidates: Vec<String> =
            if attribute { vec![name.to_string(), format!("{name}Attribute")] } else { vec![name.to_string()] };
        let known = candidates.iter().any(|c| KNOWN_SIMPLE.contains(&c.as_str()));
        let parts: Vec<&str> = if ns.is_empty() { vec![] } else { ns.split('.').collect() };
        for i in (0..=parts.len()).rev() {
            let prefix = parts[..i].join(".");
            for c in &candidates {
                let full = fqn(&prefix, c);
                let declared = self.decls.types.contains_key(&full);
                let is_ns = self.decls.namespaces.contains(&full);
                if declared || is_ns {
                    if known {
                        errors.push(format!(
                            "{where_}: `{name}` resolves to generated `{full}`, shadowing the Pulumi/.NET type"
                        ));
                    } else if is_ns && !declared {
                        errors.push(format!("{where_}: `{name}` resolves to namespace `{full}`, not a type"));
                    }
                    return;
                }
            }
        }
        if !known {
            errors.push(format!("{where_}: unknown type `{name}` in namespace `{ns}`"));
        }
    }

    fn qualified(&self, path: &str, where_: &str, errors: &mut Vec<String>) {
        // Accept when the path, or a prefix of it (member access: `E.Member`), is a known type.
        let segs: Vec<&str> = path.split('.').collect();
        for i in (1..=segs.len()).rev() {
            let p = segs[..i].join(".");
            if self.decls.types.contains_key(&p) || KNOWN_QUALIFIED.contains(&p.as_str()) || self.external.contains(&p)
            {
                return;
            }
        }
        errors.push(format!("{where_}: unknown qualified type `global::{path}`"));
    }

    /// Checks a node in a type position.
    fn ty(&self, n: Node<'_>, src: &str, ns: &str, where_: &str, errors: &mut Vec<String>) {
        match n.kind() {
            "predefined_type" | "implicit_type" => {}
            "nullable_type" | "array_type" | "pointer_type" | "ref_type" => {
                if let Some(t) = n.child_by_field_name("type") {
                    self.ty(t, src, ns, where_, errors);
                }
            }
            "identifier" => self.simple(text(n, src), ns, false, where_, errors),
            "generic_name" => {
                let mut c = n.walk();
                for ch in n.named_children(&mut c) {
                    match ch.kind() {
                        "identifier" => self.simple(text(ch, src), ns, false, where_, errors),
                        "type_argument_list" => {
                            let mut c2 = ch.walk();
                            for a in ch.named_children(&mut c2) {
                                self.ty(a, src, ns, where_, errors);
                            }
                        }
                        _ => {}
                    }
                }
            }
            "qualified_name" | "alias_qualified_name" | "member_access_expression" => {
                let (path, args) = qualified_path(n, src);
                for a in args {
                    self.ty(a, src, ns, where_, errors);
                }
                match path.strip_prefix("global::") {
                    Some(p) => self.qualified(p, where_, errors),
                    None => errors.push(format!("{where_}: unqualified dotted type `{path}` (use global::)")),
                }
            }
            "tuple_type" => {
                let mut c = n.walk();
                for ch in n.named_children(&mut c) {
                    if let Some(t) = ch.child_by_field_name("type") {
                        self.ty(t, src, ns, where_, errors);
                    }
                }
            }
            other => errors.push(format!("{where_}: unexpected type syntax `{other}`")),
        }
    }
}

/// The dotted path of a (possibly `global::`) qualified name with generic arguments
/// stripped, and those generic arguments.
fn qualified_path<'t>(n: Node<'t>, src: &str) -> (String, Vec<Node<'t>>) {
    let mut args = Vec::new();
    let path = qpath(n, src, &mut args);
    (path, args)
}

fn qpath<'t>(n: Node<'t>, src: &str, args: &mut Vec<Node<'t>>) -> String {
    match n.kind() {
        "identifier" => text(n, src).to_string(),
        "generic_name" => {
            let mut name = String::new();
            let mut c = n.walk();
            for ch in n.named_children(&mut c) {
                match ch.kind() {
                    "identifier" => name = text(ch, src).to_string(),
                    "type_argument_list" => {
                        let mut c2 = ch.walk();
                        args.extend(ch.named_children(&mut c2));
                    }
                    _ => {}
                }
            }
            name
        }
        "alias_qualified_name" => {
            let alias = n.child_by_field_name("alias").map(|a| text(a, src).to_string()).unwrap_or_default();
            let name = n.child_by_field_name("name").map(|a| qpath(a, src, args)).unwrap_or_default();
            format!("{alias}::{name}")
        }
        "qualified_name" => {
            let q = n.child_by_field_name("qualifier").map(|a| qpath(a, src, args)).unwrap_or_default();
            let name = n.child_by_field_name("name").map(|a| qpath(a, src, args)).unwrap_or_default();
            format!("{q}.{name}")
        }
        "member_access_expression" => {
            let q = n.child_by_field_name("expression").map(|a| qpath(a, src, args)).unwrap_or_default();
            let name = n.child_by_field_name("name").map(|a| qpath(a, src, args)).unwrap_or_default();
            format!("{q}.{name}")
        }
        _ => text(n, src).to_string(),
    }
}

/// Leftmost operand of a member-access chain.
fn access_root(n: Node<'_>) -> Node<'_> {
    let mut cur = n;
    while cur.kind() == "member_access_expression" {
        match cur.child_by_field_name("expression") {
            Some(e) => cur = e,
            None => break,
        }
    }
    cur
}

/// Names of the properties, fields and methods of the type declaration enclosing `n`.
fn enclosing_members(n: Node<'_>, src: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut cur = n.parent();
    while let Some(c) = cur {
        if is_type_decl(c.kind()) {
            if let Some(body) = c.child_by_field_name("body") {
                let mut w = body.walk();
                for m in body.named_children(&mut w) {
                    match m.kind() {
                        "property_declaration" | "method_declaration" => {
                            if let Some(name) = m.child_by_field_name("name") {
                                out.insert(text(name, src).to_string());
                            }
                        }
                        "field_declaration" => walk(m, &mut |d| {
                            if d.kind() == "variable_declarator" {
                                if let Some(name) = d.child_by_field_name("name") {
                                    out.insert(text(name, src).to_string());
                                }
                            }
                        }),
                        _ => {}
                    }
                }
            }
            break;
        }
        cur = c.parent();
    }
    out
}

/// Runs every semantic check over the parsed project.
pub fn check_semantics(
    files: &[Parsed],
    root_ns: &str,
    layout: &Layout,
    expect: &HashMap<String, Expect>,
) -> Vec<String> {
    let mut errors = Vec::new();
    let decls = collect_decls(files, &mut errors);
    let mut seen_expect: HashSet<&str> = HashSet::new();

    for f in files {
        let src = f.src.as_str();
        let root = f.tree.root_node();
        // usings
        let mut usings = Vec::new();
        let mut c = root.walk();
        for ch in root.named_children(&mut c) {
            if ch.kind() == "using_directive" {
                let t = text(ch, src);
                usings.push(t.trim_start_matches("using").trim().trim_end_matches(';').trim().to_string());
            }
        }
        for u in EXPECTED_USINGS {
            if !usings.iter().any(|x| x == u) {
                errors.push(format!("{}: missing `using {u};`", f.path));
            }
        }
        for u in &usings {
            if !EXPECTED_USINGS.contains(&u.as_str()) && !OPTIONAL_USINGS.contains(&u.as_str()) {
                errors.push(format!("{}: unexpected `using {u};`", f.path));
            }
        }

        let mut type_params = HashSet::new();
        let mut nested = HashSet::new();
        walk(root, &mut |n| {
            if n.kind() == "type_parameter" {
                if let Some(name) = n.child_by_field_name("name").or_else(|| n.named_child(0)) {
                    type_params.insert(text(name, src).to_string());
                }
            }
            if is_type_decl(n.kind()) && type_path(n, src).contains('.') {
                if let Some(name) = n.child_by_field_name("name") {
                    nested.insert(text(name, src).to_string());
                }
            }
        });
        let ctx = Ctx { decls: &decls, external: &layout.external, type_params, nested };

        walk(root, &mut |n| {
            let row = n.start_position().row + 1;
            let where_ = format!("{}:{row}", f.path);
            match n.kind() {
                "namespace_declaration" => {
                    let ns = namespace_of(n, src);
                    if ns != root_ns && !ns.starts_with(&format!("{root_ns}.")) {
                        errors.push(format!("{where_}: namespace `{ns}` outside root `{root_ns}`"));
                    }
                    // Folder layout mirrors namespaces below the root.
                    let rel = ns.strip_prefix(root_ns).unwrap_or("").trim_start_matches('.');
                    let dir = match f.path.rsplit_once('/') {
                        Some((d, _)) => d.to_string(),
                        None => String::new(),
                    };
                    let want = rel.replace('.', "/");
                    let ok = match layout.folders.get(&ns) {
                        Some(dirs) => dirs.contains(&dir),
                        None => dir == want || (dir == "Config" && rel.is_empty()),
                    };
                    if !ok {
                        errors.push(format!("{where_}: namespace `{ns}` in folder `{dir}`"));
                    }
                }
                k if is_type_decl(k) => {
                    let ns = namespace_of(n, src);
                    let class = n.child_by_field_name("name").map(|x| text(x, src).to_string()).unwrap_or_default();
                    let full = fqn(&ns, &type_path(n, src));
                    check_class(n, src, &ns, &class, &full, &where_, expect, &mut seen_expect, &ctx, &mut errors);
                }
                "base_list" | "type_argument_list" => {
                    let ns = namespace_of(n, src);
                    let mut c = n.walk();
                    for ch in n.named_children(&mut c) {
                        ctx.ty(ch, src, &ns, &where_, &mut errors);
                    }
                }
                "attribute" => {
                    if let Some(name) = n.child_by_field_name("name") {
                        let name = text(name, src);
                        let target = n.parent().and_then(|l| l.parent()).map(|t| t.kind()).unwrap_or("");
                        let allowed: &[&str] = match name {
                            "EnumType" => &["struct_declaration"],
                            "OutputType" => &["class_declaration"],
                            "OutputConstructor" => &["constructor_declaration"],
                            "OutputConstructorParameter" => &["parameter"],
                            "Input" => &["property_declaration", "field_declaration"],
                            "Output" => &["property_declaration"],
                            _ => &[],
                        };
                        if !allowed.is_empty() && !allowed.contains(&target) {
                            errors.push(format!("{where_}: [{name}] is not valid on `{target}` (AttributeUsage)"));
                        }
                    }
                    let ns = namespace_of(n, src);
                    if let Some(name) = n.child_by_field_name("name") {
                        match name.kind() {
                            "identifier" => ctx.simple(text(name, src), &ns, true, &where_, &mut errors),
                            _ => {
                                let (p, _) = qualified_path(name, src);
                                let p = p.trim_start_matches("global::");
                                if !KNOWN_QUALIFIED.contains(&p)
                                    && !KNOWN_QUALIFIED.contains(&format!("{p}Attribute").as_str())
                                {
                                    errors.push(format!("{where_}: unknown attribute `{p}`"));
                                }
                            }
                        }
                    }
                }
                "member_access_expression" => {
                    // Only whole chains (not the inner parts of a longer chain).
                    if n.parent().is_some_and(|p| {
                        p.kind() == "member_access_expression" && p.child_by_field_name("expression") == Some(n)
                    }) {
                        return;
                    }
                    let ns = namespace_of(n, src);
                    let root = access_root(n);
                    match root.kind() {
                        "alias_qualified_name" => {
                            let (p, _) = qualified_path(n, src);
                            ctx.qualified(p.trim_start_matches("global::"), &where_, &mut errors);
                        }
                        "identifier" => {
                            let t = text(root, src);
                            if t.starts_with(|c: char| c.is_ascii_uppercase()) {
                                if enclosing_members(n, src).contains(t) {
                                    errors.push(format!(
                                        "{where_}: `{t}` in `{}` resolves to a member of the enclosing class, not the type",
                                        text(n, src)
                                    ));
                                } else {
                                    ctx.simple(t, &ns, false, &where_, &mut errors);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            // Type positions reached through a `type`/`returns` field.
            if matches!(
                n.kind(),
                "property_declaration"
                    | "parameter"
                    | "variable_declaration"
                    | "object_creation_expression"
                    | "method_declaration"
                    | "conversion_operator_declaration"
                    | "operator_declaration"
                    | "cast_expression"
            ) {
                let ns = namespace_of(n, src);
                for field in ["type", "returns"] {
                    if let Some(t) = n.child_by_field_name(field) {
                        ctx.ty(t, src, &ns, &where_, &mut errors);
                    }
                }
            }
        });
    }
    for k in expect.keys() {
        if !seen_expect.contains(k.as_str()) {
            errors.push(format!("expected class `{k}` was not generated"));
        }
    }
    errors
}

#[allow(clippy::too_many_arguments)]
fn check_class<'e>(
    n: Node<'_>,
    src: &str,
    _ns: &str,
    class: &str,
    full: &str,
    where_: &str,
    expect: &'e HashMap<String, Expect>,
    seen: &mut HashSet<&'e str>,
    _ctx: &Ctx<'_>,
    errors: &mut Vec<String>,
) {
    let Some(body) = n.child_by_field_name("body") else { return };
    let mut members: Vec<String> = Vec::new();
    let mut attrs: Vec<String> = Vec::new();
    let mut ctor_params: Option<Vec<String>> = None;
    let mut c = body.walk();
    for m in body.named_children(&mut c) {
        // member names
        match m.kind() {
            "property_declaration" | "enum_member_declaration" => {
                if let Some(name) = m.child_by_field_name("name") {
                    members.push(text(name, src).trim_start_matches('@').to_string());
                }
            }
            "field_declaration" => {
                let mut c2 = m.walk();
                for ch in m.named_children(&mut c2) {
                    if ch.kind() == "variable_declaration" {
                        let mut c3 = ch.walk();
                        for d in ch.named_children(&mut c3) {
                            if d.kind() == "variable_declarator" {
                                if let Some(name) = d.child_by_field_name("name") {
                                    members.push(text(name, src).trim_start_matches('@').to_string());
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        // attributes on members
        let mut c2 = m.walk();
        let mut is_output_ctor = false;
        for ch in m.named_children(&mut c2) {
            if ch.kind() != "attribute_list" {
                continue;
            }
            let mut c3 = ch.walk();
            for a in ch.named_children(&mut c3) {
                let Some(name) = a.child_by_field_name("name") else { continue };
                let name = text(name, src);
                if name == "OutputConstructor" {
                    is_output_ctor = true;
                }
                if name == "Input" || name == "Output" {
                    let lit = first_string_arg(a, src);
                    match lit {
                        Some(l) => attrs.push(unescape(&l)),
                        None => errors.push(format!("{where_}: [{name}] without a string name")),
                    }
                }
            }
        }
        if is_output_ctor && m.kind() == "constructor_declaration" {
            let mut ps = Vec::new();
            if let Some(pl) = m.child_by_field_name("parameters") {
                let mut c4 = pl.walk();
                for p in pl.named_children(&mut c4) {
                    // `[OutputConstructorParameter("wire")]` overrides the parameter name.
                    let mut over = None;
                    walk(p, &mut |a| {
                        if a.kind() == "attribute"
                            && a.child_by_field_name("name")
                                .is_some_and(|n| text(n, src) == "OutputConstructorParameter")
                        {
                            over = first_string_arg(a, src).map(|l| unescape(&l));
                        }
                    });
                    if let Some(o) = over {
                        ps.push(o);
                    } else if let Some(name) = p.child_by_field_name("name") {
                        ps.push(text(name, src).trim_start_matches('@').to_string());
                    }
                }
            }
            ctor_params = Some(ps);
        }
    }
    let mut uniq = HashSet::new();
    for m in &members {
        if m == class {
            errors.push(format!("{where_}: member `{m}` is named like its class"));
        }
        if !uniq.insert(m) {
            errors.push(format!("{where_}: duplicate member `{m}` in `{class}`"));
        }
    }
    let mut attr_set = BTreeSet::new();
    for a in &attrs {
        if !attr_set.insert(a.clone()) {
            errors.push(format!("{where_}: duplicate [Input/Output(\"{a}\")] in `{class}`"));
        }
    }
    let g = full.to_string();
    match expect.get_key_value(&g) {
        Some((k, Expect::Attributes(want))) => {
            seen.insert(k.as_str());
            if &attr_set != want {
                errors.push(format!(
                    "{where_}: `{full}` attributes {:?} do not match schema properties {:?}",
                    attr_set, want
                ));
            }
        }
        Some((k, Expect::CtorParams(want))) => {
            seen.insert(k.as_str());
            let got: BTreeSet<String> = ctor_params.clone().unwrap_or_default().into_iter().collect();
            if &got != want {
                errors.push(format!(
                    "{where_}: `{full}` [OutputConstructor] parameters {got:?} do not match schema properties {want:?}"
                ));
            }
        }
        None => {
            if !attr_set.is_empty() {
                errors.push(format!("{where_}: `{full}` has [Input]/[Output] attributes but no schema counterpart"));
            }
            if ctor_params.is_some() {
                errors.push(format!("{where_}: `{full}` has an [OutputConstructor] but no schema counterpart"));
            }
        }
    }
}

fn first_string_arg(attr: Node<'_>, src: &str) -> Option<String> {
    let mut found = None;
    walk(attr, &mut |n| {
        if found.is_none() && n.kind() == "string_literal" {
            found = Some(text(n, src).to_string());
        }
    });
    found
}
