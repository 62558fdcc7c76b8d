//! Builds the view model of every Go file and renders it.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use bridgegen_codegen::{new_registry, render, GenError, GeneratedFile, Package, TemplateSet};
use bridgegen_model::{EnumKind, FunctionReturn, Property, Resource, Type};
use handlebars::Handlebars;
use serde_json::{json, Value};

use crate::format::{self, doc_comment, Field};
use crate::names::{self, go_string, lower_first};
use crate::naming::Naming;
use crate::types::{extra_chains, Base, Container, Shape, Speller};

const TEMPLATES: TemplateSet = &[
    ("resource", include_str!("../../../templates/go/resource.go.hbs")),
    ("object", include_str!("../../../templates/go/object.go.hbs")),
    ("enum", include_str!("../../../templates/go/enum.go.hbs")),
    ("container", include_str!("../../../templates/go/container.go.hbs")),
    ("function", include_str!("../../../templates/go/function.go.hbs")),
    ("method", include_str!("../../../templates/go/method.go.hbs")),
    ("init", include_str!("../../../templates/go/init.go.hbs")),
    ("config", include_str!("../../../templates/go/config.go.hbs")),
    ("header", include_str!("../../../templates/go/header.go.hbs")),
    ("utilities", include_str!("../../../templates/go/utilities.go.hbs")),
    ("gomod", include_str!("../../../templates/go/go.mod.hbs")),
];

pub(crate) fn registry() -> Result<Handlebars<'static>, GenError> {
    new_registry(TEMPLATES)
}

/// Imports of one file: standard library and other packages.
#[derive(Default)]
struct Imports {
    std: BTreeSet<&'static str>,
    other: BTreeMap<String, Option<String>>,
}

impl Imports {
    fn render(&self) -> String {
        let mut s = String::new();
        if self.std.is_empty() && self.other.is_empty() {
            return s;
        }
        s.push_str("import (\n");
        for i in &self.std {
            s.push_str(&format!("\t{}\n", go_string(i)));
        }
        if !self.std.is_empty() && !self.other.is_empty() {
            s.push('\n');
        }
        for (path, alias) in &self.other {
            match alias {
                Some(a) => s.push_str(&format!("\t{a} {}\n", go_string(path))),
                None => s.push_str(&format!("\t{}\n", go_string(path))),
            }
        }
        s.push_str(")\n");
        s
    }
}

struct Ctx<'a> {
    pkg: &'a Package,
    naming: Naming,
    hb: Handlebars<'static>,
}

const PULUMI: &str = "github.com/pulumi/pulumi/sdk/v3/go/pulumi";

impl Ctx<'_> {
    fn file(
        &self,
        dir: &str,
        body: &str,
        mut imports: Imports,
        speller_imports: &BTreeSet<String>,
    ) -> Result<String, GenError> {
        for d in speller_imports {
            imports.other.insert(self.naming.import_path(d), Some(self.naming.alias(d)));
        }
        let header = render(
            &self.hb,
            "header",
            &json!({ "package": self.naming.package_of(dir), "imports": imports.render() }),
        )?;
        Ok(format!("{header}{body}"))
    }

    fn internal_path(&self) -> String {
        format!("{}/internal", self.naming.import_base)
    }

    fn std_imports(&self, std: &[&'static str], internal: bool) -> Imports {
        let mut i = Imports::default();
        i.std.extend(std.iter().copied());
        i.other.insert(PULUMI.to_string(), None);
        if internal {
            i.other.insert(self.internal_path(), None);
        }
        i
    }
}

fn path_of(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}/{file}")
    }
}

pub fn generate(pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
    let ctx = Ctx { pkg, naming: Naming::new(pkg), hb: registry()? };
    let mut files: Vec<GeneratedFile> = Vec::new();
    let chains = extra_chains(pkg, &ctx.naming);
    let dirs = ctx.naming.dirs();

    // Per-directory members.
    let mut res_by_dir: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in ctx.naming.resources.iter().enumerate() {
        if !m.skipped {
            res_by_dir.entry(m.dir.clone()).or_default().push(i);
        }
    }
    let mut fn_by_dir: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in ctx.naming.functions.iter().enumerate() {
        if !m.skipped {
            fn_by_dir.entry(m.dir.clone()).or_default().push(i);
        }
    }
    let mut obj_by_dir: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in ctx.naming.objects.iter().enumerate() {
        if !m.skipped {
            obj_by_dir.entry(m.dir.clone()).or_default().push(i);
        }
    }
    let mut enum_by_dir: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in ctx.naming.enums.iter().enumerate() {
        if !m.skipped {
            enum_by_dir.entry(m.dir.clone()).or_default().push(i);
        }
    }

    for dir in &dirs {
        let empty = Vec::new();
        let resources = res_by_dir.get(dir).unwrap_or(&empty);
        let functions = fn_by_dir.get(dir).unwrap_or(&empty);
        let objects = obj_by_dir.get(dir).unwrap_or(&empty);
        let enums = enum_by_dir.get(dir).unwrap_or(&empty);
        if dir.is_empty() {
            files.push(GeneratedFile::new("doc.go", ctx.doc_go()?));
            files.push(GeneratedFile::new("provider.go", ctx.resource_file(dir, &pkg.provider, None, &chains)?));
        }
        if dir.is_empty() || !resources.is_empty() {
            files.push(GeneratedFile::new(path_of(dir, "init.go"), ctx.init_go(dir, resources)?));
        }
        for &r in resources {
            let fname = format!("{}.go", lower_first(&ctx.naming.resources[r].name));
            files.push(GeneratedFile::new(
                path_of(dir, &fname),
                ctx.resource_file(dir, &pkg.resources[r], Some(r), &chains)?,
            ));
        }
        for &f in functions {
            let fname = format!("{}.go", lower_first(&ctx.naming.functions[f].name));
            files.push(GeneratedFile::new(path_of(dir, &fname), ctx.function_file(dir, f)?));
        }
        for (n, chunk) in objects.chunks(crate::TYPES_PER_FILE).enumerate() {
            let fname = if n == 0 { "pulumiTypes.go".to_string() } else { format!("pulumiTypes{}.go", n) };
            files.push(GeneratedFile::new(path_of(dir, &fname), ctx.types_file(dir, chunk, &chains)?));
        }
        if !enums.is_empty() {
            files.push(GeneratedFile::new(path_of(dir, "pulumiEnums.go"), ctx.enums_file(dir, enums, &chains)?));
        }
    }
    if !pkg.config.is_empty() {
        files.push(GeneratedFile::new("config/config.go", ctx.config_go()?));
    }
    files.push(GeneratedFile::new("internal/pulumiUtilities.go", ctx.utilities_go()?));
    files.push(GeneratedFile::new("go.mod", ctx.go_mod()?));
    files.push(GeneratedFile::new("pulumi-plugin.json", ctx.plugin_json()));
    // Stable order, whatever the construction order was.
    files.sort_by(|a, b| a.path.cmp(&b.path));
    // Generated file names could collide when two members differ only in case.
    let mut seen = HashSet::new();
    for f in &files {
        if !seen.insert(f.path.to_ascii_lowercase()) {
            return Err(GenError::Unsupported(format!(
                "two generated Go files map to `{}` (names differ only in case)",
                f.path
            )));
        }
    }
    Ok(files)
}

/// Go names for a property list, escaping names reserved on the enclosing types and
/// keeping names unique.
pub(crate) fn prop_names(props: &[Property], reserved: &[String]) -> Vec<String> {
    let mut used: HashSet<String> = reserved.iter().cloned().collect();
    props
        .iter()
        .map(|p| {
            let base = names::exported(&p.name);
            let mut n = base.clone();
            while used.contains(&n) {
                n.push('_');
            }
            used.insert(n.clone());
            n
        })
        .collect()
}

pub(crate) fn tag(wire: &str) -> String {
    // Struct tags are raw strings: a backquote cannot appear; escape `"` and `\` for the
    // tag's quoted value.
    let v: String = wire.replace('`', "").replace('\\', "\\\\").replace('"', "\\\"");
    format!("`pulumi:\"{v}\"`")
}

fn literal(value: &Value, base: Base) -> Option<String> {
    match (value, base) {
        (Value::String(s), Base::Prim("String") | Base::Enum(_)) => Some(go_string(s)),
        (Value::Bool(b), Base::Prim("Bool") | Base::Enum(_)) => Some(b.to_string()),
        (Value::Number(n), Base::Prim("Int")) => {
            n.as_i64().map(|i| i.to_string()).or_else(|| n.as_f64().map(|f| format!("{}", f as i64)))
        }
        (Value::Number(n), Base::Prim("Float64")) => n.as_f64().map(|f| format!("float64({f:?})")),
        (Value::Number(n), Base::Enum(_)) => Some(n.to_string()),
        _ => None,
    }
}

/// `(parser, assertion type)` for an env default of this shape.
fn env_parser(pkg: &Package, base: Base) -> Option<(&'static str, &'static str)> {
    match base {
        Base::Prim("String") => Some(("nil", "string")),
        Base::Prim("Bool") => Some(("internal.ParseEnvBool", "bool")),
        Base::Prim("Int") => Some(("internal.ParseEnvInt", "int")),
        Base::Prim("Float64") => Some(("internal.ParseEnvFloat", "float64")),
        Base::Enum(i) => Some(match pkg.enums[i].kind {
            EnumKind::String => ("nil", "string"),
            EnumKind::Integer => ("internal.ParseEnvInt", "int"),
            EnumKind::Number => ("internal.ParseEnvFloat", "float64"),
            EnumKind::Boolean => ("internal.ParseEnvBool", "bool"),
        }),
        _ => None,
    }
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

    fn reserved_object(name: &str) -> Vec<String> {
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

    /// Renders the containers (`Array`, `Map` and deeper chains) of a named base.
    fn containers(
        &self,
        sp: &mut Speller,
        base: Base,
        chains: &BTreeMap<Base, BTreeSet<Vec<Container>>>,
        regs: &mut Vec<String>,
    ) -> Result<String, GenError> {
        let mut all: BTreeSet<Vec<Container>> = BTreeSet::new();
        all.insert(vec![Container::Array]);
        all.insert(vec![Container::Map]);
        if let Some(extra) = chains.get(&base) {
            all.extend(extra.iter().cloned());
        }
        let mut all: Vec<Vec<Container>> = all.into_iter().collect();
        all.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
        let mut out = String::new();
        for chain in all {
            let shape = Shape { base, chain: chain.clone() };
            let elem = Shape { base, chain: chain[..chain.len() - 1].to_vec() };
            let name = sp.family(&shape);
            let elem_name = sp.family(&elem);
            let plain = sp.plain(&shape, false);
            let elem_plain = sp.plain(&elem, false);
            let is_map = *chain.last().unwrap() == Container::Map;
            out.push_str(&render(
                &self.hb,
                "container",
                &json!({ "name": name, "elem": elem_name, "plain": plain, "elem_plain": elem_plain, "is_map": is_map }),
            )?);
            regs.push(format!("pulumi.RegisterInputType(reflect.TypeOf((*{name}Input)(nil)).Elem(), {name}{{}})"));
            regs.push(format!("pulumi.RegisterOutputType({name}Output{{}})"));
        }
        Ok(out)
    }

    fn resource_file(
        &self,
        dir: &str,
        r: &Resource,
        idx: Option<usize>,
        chains: &BTreeMap<Base, BTreeSet<Vec<Container>>>,
    ) -> Result<String, GenError> {
        let pkg = self.pkg;
        let name = match idx {
            Some(i) => self.naming.resources[i].name.clone(),
            None => "Provider".to_string(),
        };
        let lname = lower_first(&name);
        let mut sp = Speller::new(pkg, &self.naming, dir);
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
        for p in &outputs {
            let s = sp.shape(&p.ty);
            let ty = sp.output(&s, !p.required);
            output_fields.push(Field {
                doc: doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), "\t"),
                name: go_name(p),
                ty: ty.clone(),
                tag: Some(tag(&p.name)),
            });
            accessors.push(json!({
                "doc": doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), ""),
                "name": go_name(p), "ty": ty,
                "oneline": one_line(&format!("func(v *{name}) {ty}"), &go_name(p)),
            }));
        }
        let input_fields = |sp: &mut Speller, props: &[Property], all_optional: bool| -> (String, String) {
            let mut private = Vec::new();
            let mut public = Vec::new();
            for p in props {
                let s = sp.shape(&p.ty);
                let optional = all_optional || !p.required;
                let plain = sp.plain(&s, optional);
                let doc = doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), "\t");
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
        let mut defaults = String::new();
        let mut secret_inputs = Vec::new();
        for p in &r.inputs {
            let s = sp.shape(&p.ty);
            let gn = go_name(p);
            let nilable = !p.plain || Speller::plain_nilable(&s, !p.required);
            if p.required && nilable && p.default.is_none() && p.const_value.is_none() {
                required.push(gn.clone());
            }
            if !s.chain.is_empty() {
                continue;
            }
            let wrap = |sp: &mut Speller, expr: &str| -> Option<String> {
                match s.base {
                    Base::Prim(prim) if crate::types::has_ptr(prim) => Some(if p.plain {
                        if p.required {
                            return None;
                        } else {
                            format!("pulumi.{prim}Ref({expr})")
                        }
                    } else if p.required {
                        format!("pulumi.{prim}({expr})")
                    } else {
                        format!("pulumi.{prim}Ptr({expr})")
                    }),
                    Base::Enum(_) if !p.plain => {
                        let en = sp.plain(&s, false);
                        Some(format!("{en}({expr})"))
                    }
                    _ => None,
                }
            };
            if let Some(c) = &p.const_value {
                if let Some(lit) = literal(c, s.base) {
                    if let Some(w) = wrap(&mut sp, &lit) {
                        defaults.push_str(&format!("\targs.{gn} = {w}\n"));
                    }
                }
                continue;
            }
            if let Some(d) = &p.default {
                let Some((parser, assert_ty)) = env_parser(pkg, s.base) else { continue };
                let lit = d.value.as_ref().and_then(|v| literal(v, s.base));
                if lit.is_none() && d.environment.is_empty() {
                    continue;
                }
                let lit = match (&lit, s.base) {
                    (Some(l), Base::Enum(i)) if pkg.enums[i].kind == EnumKind::Number => format!("float64({l})"),
                    (Some(l), _) => l.clone(),
                    (None, _) => "nil".to_string(),
                };
                let Some(w) = wrap(&mut sp, &format!("d.({assert_ty})")) else { continue };
                let envs: String = d.environment.iter().map(|e| format!(", {}", go_string(e))).collect();
                defaults.push_str(&format!(
                    "\tif args.{gn} == nil {{\n\t\tif d := internal.GetEnvOrDefault({lit}, {parser}{envs}); d != nil {{\n\t\t\targs.{gn} = {w}\n\t\t}}\n\t}}\n"
                ));
            }
        }
        for p in &r.inputs {
            if p.secret && !p.plain {
                let s = sp.shape(&p.ty);
                secret_inputs.push(json!({ "name": go_name(p), "ty": sp.input(&s, !p.required) }));
            }
        }
        let mut secret_outputs: Vec<String> = r.secret_outputs().iter().map(|s| go_string(s)).collect();
        for p in &r.inputs {
            if p.secret && !r.properties.iter().any(|o| o.name == p.name && o.secret) {
                secret_outputs.push(go_string(&p.name));
            }
        }
        let replace: Vec<String> = r.replace_on_changes(pkg).iter().map(|s| go_string(s)).collect();
        let aliases: Vec<String> = r
            .aliases
            .iter()
            .filter(|a| a.name.is_some() || a.project.is_some() || a.type_.is_some())
            .map(|a| {
                let mut kv: Vec<(&str, String)> = Vec::new();
                if let Some(n) = &a.name {
                    kv.push(("Name", format!("pulumi.String({})", go_string(n))));
                }
                if let Some(n) = &a.project {
                    kv.push(("Project", format!("pulumi.String({})", go_string(n))));
                }
                if let Some(n) = &a.type_ {
                    kv.push(("Type", format!("pulumi.String({})", go_string(n))));
                }
                let w = kv.iter().map(|(k, _)| k.len() + 1).max().unwrap_or(0);
                let body: String =
                    kv.iter().map(|(k, v)| format!("\t\t\t{:<w$} {v},\n", format!("{k}:"), w = w)).collect();
                format!("\t\t{{\n{body}\t\t}},\n")
            })
            .collect();

        let mut regs = Vec::new();
        let base = match idx {
            Some(i) => Base::Resource(i),
            None => Base::Provider,
        };
        let containers = self.containers(&mut sp, base, chains, &mut regs)?;
        let taken: Vec<String> = output_fields.iter().map(|f| f.name.clone()).collect();
        let methods = crate::method::methods(&self.hb, pkg, &mut sp, r, &name, &taken)?;
        let token = if r.is_provider { format!("pulumi:providers:{}", pkg.name) } else { r.token.full.clone() };
        let body = render(
            &self.hb,
            "resource",
            &json!({
                "name": name,
                "lname": lname,
                "token": go_string(&token),
                "doc": doc_comment(r.description.as_deref(), r.deprecation_message.as_deref(), ""),
                "state_type": if r.is_provider { "ProviderResourceState" } else if r.is_component { "ResourceState" } else { "CustomResourceState" },
                "output_fields": format::fields(&output_fields),
                "required": required,
                "defaults": defaults,
                "secret_inputs": secret_inputs,
                "secret_outputs": secret_outputs,
                "replace": replace,
                "aliases": aliases,
                "register": if r.is_component { "RegisterRemoteComponentResource" } else { "RegisterResource" },
                "has_get": !r.is_provider && !r.is_component,
                "args_private": args_private,
                "args_public": args_public,
                "state_private": state_private,
                "state_public": state_public,
                "accessors": accessors,
                "containers": containers,
                "methods": methods,
                "registrations": regs,
            }),
        )?;
        let mut std = vec!["context", "reflect"];
        if !required.is_empty() {
            std.push("errors");
        }
        let imports = self.std_imports(&std, true);
        self.file(dir, &body, imports, &sp.imports)
    }

    fn object_view(
        &self,
        sp: &mut Speller,
        i: usize,
        chains: &BTreeMap<Base, BTreeSet<Vec<Container>>>,
        regs: &mut Vec<String>,
    ) -> Result<String, GenError> {
        let o = &self.pkg.objects[i];
        let name = self.naming.objects[i].name.clone();
        let gonames = prop_names(&o.properties, &Self::reserved_object(&name));
        let mut plain_fields = Vec::new();
        let mut args_fields = Vec::new();
        let mut accessors = Vec::new();
        for (p, gn) in o.properties.iter().zip(&gonames) {
            let s = sp.shape(&p.ty);
            let doc = doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), "\t");
            let optional = !p.required;
            let plain = sp.plain(&s, optional);
            plain_fields.push(Field { doc: doc.clone(), name: gn.clone(), ty: plain.clone(), tag: Some(tag(&p.name)) });
            let input = if p.plain { plain.clone() } else { sp.input(&s, optional) };
            args_fields.push(Field { doc, name: gn.clone(), ty: input, tag: Some(tag(&p.name)) });
            let out = sp.output(&s, optional);
            // From a Ptr output: the optional form.
            let ptr_out = sp.output(&s, true);
            let ptr_plain = sp.plain(&s, true);
            let needs_addr = !Speller::plain_nilable(&s, optional);
            accessors.push(json!({
                "doc": doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), ""),
                "name": gn, "out": out, "plain": plain, "ptr_out": ptr_out, "ptr_plain": ptr_plain,
                "addr": if needs_addr { "&" } else { "" },
                "oneline": one_line(&format!("func(v {name}) {plain}"), gn),
            }));
        }
        let lname = lower_first(&name);
        let containers = self.containers(sp, Base::Object(i), chains, regs)?;
        regs.insert(0, format!("pulumi.RegisterOutputType({name}PtrOutput{{}})"));
        regs.insert(0, format!("pulumi.RegisterOutputType({name}Output{{}})"));
        regs.insert(
            0,
            format!("pulumi.RegisterInputType(reflect.TypeOf((*{name}PtrInput)(nil)).Elem(), {name}Args{{}})"),
        );
        regs.insert(0, format!("pulumi.RegisterInputType(reflect.TypeOf((*{name}Input)(nil)).Elem(), {name}Args{{}})"));
        render(
            &self.hb,
            "object",
            &json!({
                "name": name, "lname": lname,
                "doc": doc_comment(o.description.as_deref(), None, ""),
                "plain_fields": format::fields(&plain_fields),
                "args_fields": format::fields(&args_fields),
                "accessors": accessors,
                "containers": containers,
            }),
        )
    }

    fn types_file(
        &self,
        dir: &str,
        objects: &[usize],
        chains: &BTreeMap<Base, BTreeSet<Vec<Container>>>,
    ) -> Result<String, GenError> {
        let mut sp = Speller::new(self.pkg, &self.naming, dir);
        let mut body = String::new();
        let mut regs = Vec::new();
        for &i in objects {
            let mut r = Vec::new();
            body.push_str(&self.object_view(&mut sp, i, chains, &mut r)?);
            regs.extend(r);
        }
        body.push_str(&init_block(&regs));
        let imports = self.std_imports(&["context", "reflect"], false);
        self.file(dir, &body, imports, &sp.imports)
    }

    fn enums_file(
        &self,
        dir: &str,
        enums: &[usize],
        chains: &BTreeMap<Base, BTreeSet<Vec<Container>>>,
    ) -> Result<String, GenError> {
        let mut sp = Speller::new(self.pkg, &self.naming, dir);
        let mut body = String::new();
        let mut regs = Vec::new();
        for &i in enums {
            let e = &self.pkg.enums[i];
            let n = &self.naming.enums[i];
            let (underlying, prim) = match e.kind {
                EnumKind::String => ("string", "String"),
                EnumKind::Integer => ("int", "Int"),
                EnumKind::Number => ("float64", "Float64"),
                EnumKind::Boolean => ("bool", "Bool"),
            };
            let width = n.members.iter().map(|m| m.len()).max().unwrap_or(0);
            let mut consts = String::new();
            // gofmt aligns `=` across consecutive specs; a comment line ends a run.
            let mut run: Vec<(String, String)> = Vec::new();
            let flush = |run: &mut Vec<(String, String)>, consts: &mut String| {
                let w = run.iter().map(|(m, _)| m.len()).max().unwrap_or(0);
                for (m, v) in run.drain(..) {
                    consts.push_str(&format!("\t{:<w$} = {}({v})\n", m, n.name, w = w));
                }
            };
            let _ = width;
            for (v, m) in e.values.iter().zip(&n.members) {
                let doc = doc_comment(v.description.as_deref(), v.deprecation_message.as_deref(), "\t");
                if !doc.is_empty() {
                    flush(&mut run, &mut consts);
                    consts.push_str(&doc);
                }
                let lit = match &v.value {
                    Value::String(s) => go_string(s),
                    other => other.to_string(),
                };
                run.push((m.clone(), lit));
            }
            flush(&mut run, &mut consts);
            let mut r = Vec::new();
            let containers = self.containers(&mut sp, Base::Enum(i), chains, &mut r)?;
            let name = &n.name;
            regs.push(format!(
                "pulumi.RegisterInputType(reflect.TypeOf((*{name}Input)(nil)).Elem(), {name}({}))",
                zero(e.kind, &e.values)
            ));
            regs.push(format!(
                "pulumi.RegisterInputType(reflect.TypeOf((*{name}PtrInput)(nil)).Elem(), {name}({}))",
                zero(e.kind, &e.values)
            ));
            regs.push(format!("pulumi.RegisterOutputType({name}Output{{}})"));
            regs.push(format!("pulumi.RegisterOutputType({name}PtrOutput{{}})"));
            regs.extend(r);
            body.push_str(&render(
                &self.hb,
                "enum",
                &json!({
                    "name": name, "lname": lower_first(name),
                    "doc": doc_comment(e.description.as_deref(), None, ""),
                    "underlying": underlying, "prim": prim,
                    "consts": consts,
                    "containers": containers,
                }),
            )?);
        }
        body.push_str(&init_block(&regs));
        let imports = self.std_imports(&["context", "reflect"], false);
        self.file(dir, &body, imports, &sp.imports)
    }

    fn function_file(&self, dir: &str, fi: usize) -> Result<String, GenError> {
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
                    accessors.push(json!({
                        "doc": doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), ""),
                        "oneline": one_line(&format!("func(v {name}Result) {plain}"), gn),
                        "name": gn, "out": sp.output(&s, !p.required), "plain": plain,
                    }));
                }
                ("object", String::new())
            }
        };
        let body = render(
            &self.hb,
            "function",
            &json!({
                "name": name,
                "token": go_string(&f.token.full),
                "doc": doc_comment(f.description.as_deref(), f.deprecation_message.as_deref(), ""),
                "has_args": has_args,
                "args_fields": format::fields(&args_fields),
                "out_args_fields": format::fields(&out_args_fields),
                "is_object": kind == "object",
                "is_value": kind == "value",
                "is_none": kind == "none",
                "value_plain": value_plain,
                "result_fields": format::fields(&result_fields),
                "accessors": accessors,
            }),
        )?;
        let std: Vec<&'static str> = match kind {
            "object" if has_args => vec!["context", "reflect"],
            "object" => vec!["context", "reflect"],
            _ => vec![],
        };
        let imports = self.std_imports(&std, true);
        self.file(dir, &body, imports, &sp.imports)
    }

    fn init_go(&self, dir: &str, resources: &[usize]) -> Result<String, GenError> {
        let pkg = self.pkg;
        let mut cases = Vec::new();
        let mut modules: BTreeSet<String> = BTreeSet::new();
        for &r in resources {
            cases.push(
                json!({ "token": go_string(&pkg.resources[r].token.full), "name": self.naming.resources[r].name }),
            );
            modules.insert(pkg.resources[r].token.raw_module.clone());
        }
        let body = render(
            &self.hb,
            "init",
            &json!({
                "pkg": go_string(&pkg.name),
                "provider_token": go_string(&format!("pulumi:providers:{}", pkg.name)),
                "is_root": dir.is_empty(),
                "cases": cases,
                "modules": modules.iter().map(|m| go_string(m)).collect::<Vec<_>>(),
            }),
        )?;
        let mut imports = self.std_imports(&["fmt"], true);
        imports.other.insert("github.com/blang/semver".to_string(), None);
        if resources.is_empty() {
            // Only the provider package registration: no `fmt` needed beyond it.
        }
        self.file(dir, &body, imports, &BTreeSet::new())
    }

    fn config_go(&self) -> Result<String, GenError> {
        let pkg = self.pkg;
        let names = prop_names(&pkg.config, &[]);
        let mut vars = Vec::new();
        for (p, gn) in pkg.config.iter().zip(&names) {
            let (ty, kind, base) = match &p.ty {
                Type::Boolean => ("bool", "Bool", Base::Prim("Bool")),
                Type::Integer => ("int", "Int", Base::Prim("Int")),
                Type::Number => ("float64", "Float64", Base::Prim("Float64")),
                _ => ("string", "", Base::Prim("String")),
            };
            let mut default = None;
            if let Some(d) = &p.default {
                let lit = d.value.as_ref().and_then(|v| literal(v, base));
                if lit.is_some() || !d.environment.is_empty() {
                    let (parser, _) = env_parser(pkg, base).unwrap_or(("nil", "string"));
                    let envs: String = d.environment.iter().map(|e| format!(", {}", go_string(e))).collect();
                    default = Some(format!("{}, {parser}{envs}", lit.unwrap_or_else(|| "nil".to_string())));
                }
            }
            vars.push(json!({
                "doc": doc_comment(p.description.as_deref(), p.deprecation_message.as_deref(), ""),
                "name": gn, "ty": ty, "kind": kind,
                "key": go_string(&format!("{}:{}", pkg.name, p.name)),
                "default": default,
            }));
        }
        let body = render(&self.hb, "config", &json!({ "vars": vars }))?;
        let mut imports = Imports::default();
        imports.other.insert(PULUMI.to_string(), None);
        imports.other.insert(format!("{PULUMI}/config"), None);
        imports.other.insert(self.internal_path(), None);
        let header = render(&self.hb, "header", &json!({ "package": "config", "imports": imports.render() }))?;
        Ok(format!("{header}{body}"))
    }

    fn doc_go(&self) -> Result<String, GenError> {
        let pkg = self.pkg;
        let text = pkg.description.clone().unwrap_or_else(|| {
            format!(
                "Package {} exports types, functions and resources of the {} Pulumi package.",
                self.naming.root_package, pkg.name
            )
        });
        Ok(format!("{}package {}\n", format::comment(&text, ""), self.naming.root_package))
    }

    fn utilities_go(&self) -> Result<String, GenError> {
        let version = self.pkg.version.clone().unwrap_or_default();
        let version = version.trim_start_matches('v').to_string();
        render(
            &self.hb,
            "utilities",
            &json!({
                "version": if is_semver(&version) { Some(go_string(&version)) } else { None },
                "download_url": self.pkg.plugin_download_url.as_deref().map(go_string),
            }),
        )
    }

    fn go_mod(&self) -> Result<String, GenError> {
        render(
            &self.hb,
            "gomod",
            &json!({
                "module": self.naming.import_base,
                "go": crate::GO_DIRECTIVE,
                "sdk": crate::PULUMI_SDK_VERSION,
                "semver": crate::SEMVER_VERSION,
            }),
        )
    }

    fn plugin_json(&self) -> String {
        let mut m = serde_json::Map::new();
        m.insert("resource".into(), Value::Bool(true));
        m.insert("name".into(), Value::String(self.pkg.name.clone()));
        if let Some(v) = &self.pkg.version {
            m.insert("version".into(), Value::String(v.clone()));
        }
        if let Some(u) = &self.pkg.plugin_download_url {
            m.insert("server".into(), Value::String(u.clone()));
        }
        let mut s = serde_json::to_string_pretty(&Value::Object(m)).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// gofmt keeps `func(v T) R { return v.F }` on one line only while the signature and the
/// body together stay within 100 bytes.
pub(crate) fn one_line(header: &str, field: &str) -> bool {
    header.len() + "return v.".len() + field.len() <= 100
}

/// Strict semver as `github.com/blang/semver.MustParse` accepts it (otherwise the SDK
/// would panic at init); anything else leaves the version unknown.
fn is_semver(v: &str) -> bool {
    let (v, build) = match v.split_once('+') {
        Some((a, b)) => (a, Some(b)),
        None => (v, None),
    };
    let (core, pre) = match v.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (v, None),
    };
    let numeric = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) && (s == "0" || !s.starts_with('0'));
    let ident = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| numeric(p))
        && pre.is_none_or(|p| p.split('.').all(|x| ident(x) && (!x.chars().all(|c| c.is_ascii_digit()) || numeric(x))))
        && build.is_none_or(|b| b.split('.').all(ident))
}

fn zero(kind: EnumKind, values: &[bridgegen_model::EnumValue]) -> String {
    let _ = values;
    match kind {
        EnumKind::String => "\"\"".to_string(),
        EnumKind::Integer => "0".to_string(),
        EnumKind::Number => "0.0".to_string(),
        EnumKind::Boolean => "false".to_string(),
    }
}

fn init_block(regs: &[String]) -> String {
    if regs.is_empty() {
        return String::new();
    }
    let mut s = String::from("\nfunc init() {\n");
    for r in regs {
        s.push('\t');
        s.push_str(r);
        s.push('\n');
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn semver_validation() {
        for ok in ["1.0.0", "0.1.0", "3.108.0-alpha.1+dev", "1.2.3-rc.0"] {
            assert!(super::is_semver(ok), "{ok}");
        }
        for bad in ["", "1.0", "v1.0.0", "01.0.0", "1.0.0-01", "1.0.0-", "x"] {
            assert!(!super::is_semver(bad), "{bad}");
        }
    }
}
