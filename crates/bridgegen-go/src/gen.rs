//! Builds the view model of every Go file and renders it: the package layout here, one
//! module per kind of output (resources, types and enums, functions, package files).

mod defaults;
mod function;
mod generic;
mod methods;
mod package;
mod resource;
mod to_output;
mod types;

use std::collections::{BTreeMap, BTreeSet, HashSet};

use bridgegen_codegen::{new_registry, render, GenError, GeneratedFile, Package, TemplateSet};
use bridgegen_model::{EnumKind, Property};
use handlebars::Handlebars;
use serde::Serialize;
use serde_json::Value;

use crate::names::{self, go_string, lower_first};
use crate::naming::{GoOptions, Naming};
use crate::reach::Reach;
use crate::types::{Base, Speller};

const TEMPLATES: TemplateSet = &[
    ("resource", include_str!("../../../templates/go/resource.go.hbs")),
    ("resource_head", include_str!("../../../templates/go/resource_head.go.hbs")),
    ("object", include_str!("../../../templates/go/object.go.hbs")),
    ("enum", include_str!("../../../templates/go/enum.go.hbs")),
    ("container", include_str!("../../../templates/go/container.go.hbs")),
    ("fields", include_str!("../../../templates/go/fields.go.hbs")),
    ("defaults", include_str!("../../../templates/go/defaults.go.hbs")),
    ("default_stmt", include_str!("../../../templates/go/default_stmt.go.hbs")),
    ("env_default", include_str!("../../../templates/go/env_default.go.hbs")),
    ("function", include_str!("../../../templates/go/function.go.hbs")),
    ("function_head", include_str!("../../../templates/go/function_head.go.hbs")),
    ("params", include_str!("../../../templates/go/params.go.hbs")),
    ("args_literal", include_str!("../../../templates/go/args_literal.go.hbs")),
    ("method", include_str!("../../../templates/go/method.go.hbs")),
    ("init", include_str!("../../../templates/go/init.go.hbs")),
    ("registrations", include_str!("../../../templates/go/registrations.go.hbs")),
    ("config", include_str!("../../../templates/go/config.go.hbs")),
    ("header", include_str!("../../../templates/go/header.go.hbs")),
    ("doc", include_str!("../../../templates/go/doc.go.hbs")),
    ("utilities", include_str!("../../../templates/go/utilities.go.hbs")),
    ("gomod", include_str!("../../../templates/go/go.mod.hbs")),
    ("to_output", include_str!("../../../templates/go/to_output.go.hbs")),
    ("x_accessor", include_str!("../../../templates/go/x_accessor.go.hbs")),
    ("x_object", include_str!("../../../templates/go/x_object.go.hbs")),
    ("x_enum", include_str!("../../../templates/go/x_enum.go.hbs")),
    ("x_resource", include_str!("../../../templates/go/x_resource.go.hbs")),
    ("x_function", include_str!("../../../templates/go/x_function.go.hbs")),
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
    fn view(&self) -> ImportsView {
        ImportsView {
            std: self.std.iter().map(|p| go_string(p)).collect(),
            other: self
                .other
                .iter()
                .map(|(p, alias)| ImportView { alias: alias.clone(), path: go_string(p) })
                .collect(),
        }
    }
}

/// The import block of a file (`header.go.hbs`): standard library, then other packages;
/// paths are Go string literals.
#[derive(Serialize)]
struct ImportsView {
    std: Vec<String>,
    other: Vec<ImportView>,
}

#[derive(Serialize)]
struct ImportView {
    alias: Option<String>,
    path: String,
}

struct Ctx<'a> {
    pkg: &'a Package,
    naming: Naming,
    opts: GoOptions,
    /// The forms of every named type to emit (computed once per package).
    reach: Reach,
    /// Per object type: whether it gets a `Defaults()` method.
    has_defaults: Vec<bool>,
    hb: Handlebars<'static>,
    /// Writing the generic copy under `x/` (`generics: "side-by-side"`): `naming` then
    /// imports the `x/` packages, and `internal_base` is the SDK's own import base.
    x: bool,
    internal_base: String,
}

#[derive(Serialize)]
struct HeaderView<'a> {
    package: &'a str,
    imports: ImportsView,
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
        let package = self.naming.package_of(dir);
        let header = render(&self.hb, "header", &HeaderView { package: &package, imports: imports.view() })?;
        Ok(format!("{header}{body}"))
    }

    fn internal_path(&self) -> String {
        format!("{}/{}", self.internal_base, self.opts.internal_dir())
    }

    /// A type speller for the package in `dir` (generic in the `x/` copy).
    fn speller(&self, dir: &str) -> Speller<'_> {
        let mut sp = Speller::new(self.pkg, &self.naming, dir);
        sp.generic = self.x.then_some(&self.reach);
        sp
    }

    /// Names a template, or its `x/` variant in the generic copy.
    fn template(&self, name: &'static str, x_name: &'static str) -> &'static str {
        if self.x {
            x_name
        } else {
            name
        }
    }

    /// The import of the helpers package, always under the name `internal`.
    fn import_internal(&self, imports: &mut Imports) {
        let alias = (self.opts.internal_dir() != "internal").then(|| "internal".to_string());
        imports.other.insert(self.internal_path(), alias);
    }

    fn std_imports(&self, std: &[&'static str], internal: bool) -> Imports {
        let mut i = Imports::default();
        i.std.extend(std.iter().copied());
        i.other.insert(PULUMI.to_string(), None);
        if internal {
            self.import_internal(&mut i);
        }
        i
    }

    /// The `init` registrations of one file.
    fn regs(&self) -> Regs {
        Regs { list: Vec::new(), inputs: !self.opts.disable_input_type_registrations, any: false }
    }

    /// `func init() { ... }` registering `regs` (with a leading blank line), or nothing.
    fn init_block(&self, regs: &Regs) -> Result<String, GenError> {
        render(&self.hb, "registrations", regs)
    }

    /// Imports of a types or enums file: `context`, `reflect` and the SDK when any input or
    /// output form was emitted (every form registers an output), else the SDK only when a
    /// plain field spells one of its types.
    fn types_imports(&self, regs: &Regs, plain_uses_sdk: bool) -> Imports {
        if regs.any {
            let mut i = self.std_imports(&["context", "reflect"], false);
            to_output::import_pulumix(&mut i, self.opts.side_by_side());
            return i;
        }
        let mut i = Imports::default();
        if plain_uses_sdk {
            i.other.insert(PULUMI.to_string(), None);
        }
        i
    }
}

/// The type registrations of one file's `init` (`registrations.go.hbs`); input
/// registrations are left out under `disableInputTypeRegistrations`.
#[derive(Serialize)]
struct Regs {
    list: Vec<Reg>,
    #[serde(skip)]
    inputs: bool,
    /// Whether anything was registered (or would be, without input registrations).
    #[serde(skip)]
    any: bool,
}

/// `pulumi.RegisterInputType(reflect.TypeOf((*<iface>)(nil)).Elem(), <value>)`, or without
/// `iface`, `pulumi.RegisterOutputType(<value>{})`.
#[derive(Serialize)]
struct Reg {
    iface: Option<String>,
    value: String,
}

impl Regs {
    fn input(&mut self, iface: &str, value: &str) {
        self.any = true;
        if self.inputs {
            self.list.push(Reg { iface: Some(iface.to_string()), value: value.to_string() });
        }
    }

    fn output(&mut self, ty: &str) {
        self.any = true;
        self.list.push(Reg { iface: None, value: ty.to_string() });
    }
}

fn path_of(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}/{file}")
    }
}

/// The indices of the emitted (not skipped) members per directory.
fn by_dir<'a>(members: impl Iterator<Item = (&'a str, bool)>) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (dir, skipped)) in members.enumerate() {
        if !skipped {
            out.entry(dir.to_string()).or_default().push(i);
        }
    }
    out
}

pub fn generate(pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
    let naming = Naming::new(pkg);
    let opts = GoOptions::from_package(pkg);
    let reach = Reach::compute(pkg, &naming, &opts);
    let has_defaults = defaults::objects_with_defaults(pkg, &opts);
    let internal_base = naming.import_base.clone();
    let mut ctx = Ctx { pkg, naming, opts, reach, has_defaults, hb: registry()?, x: false, internal_base };
    let mut files = ctx.sdk_files()?;
    let config = !pkg.config.is_empty();
    if ctx.opts.side_by_side() {
        let x_naming = generic::x_naming(&ctx.naming);
        let legacy = std::mem::replace(&mut ctx.naming, x_naming);
        ctx.x = true;
        let mut x_files = ctx.sdk_files()?;
        if config {
            x_files.push(GeneratedFile::new("config/config.go", ctx.config_go()?));
        }
        for f in x_files {
            files.push(GeneratedFile::new(format!("x/{}", f.path), f.contents));
        }
        (ctx.naming, ctx.x) = (legacy, false);
    }
    if config {
        files.push(GeneratedFile::new("config/config.go", ctx.config_go()?));
    }
    let utilities = format!("{}/pulumiUtilities.go", ctx.opts.internal_dir());
    files.push(GeneratedFile::new(utilities, ctx.utilities_go()?));
    files.push(GeneratedFile::new("pulumi-plugin.json", ctx.plugin_json()));
    // `modulePath`: go.mod at the top, the root package in its folder below.
    let (module, root_dir) = module_layout(&ctx.opts, &ctx.naming.import_base)?;
    if !root_dir.is_empty() {
        for f in &mut files {
            f.path = format!("{root_dir}/{}", f.path);
        }
    }
    files.push(GeneratedFile::new("go.mod", ctx.go_mod(&module)?));
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

/// The go.mod module path and the folder of the root package inside the module: the import
/// base path and the top, unless `modulePath` names a module above it (`example.com/x/sdk`
/// holding `example.com/x/sdk/go/x` in `go/x/`).
fn module_layout(opts: &GoOptions, import_base: &str) -> Result<(String, String), GenError> {
    let Some(module) = opts.module_path.as_deref().filter(|m| !m.is_empty() && *m != import_base) else {
        return Ok((import_base.to_string(), String::new()));
    };
    match import_base.strip_prefix(module).and_then(|rest| rest.strip_prefix('/')) {
        Some(dir) if !dir.is_empty() => Ok((module.to_string(), dir.to_string())),
        _ => Err(GenError::Unsupported(format!(
            "#/language/go/modulePath: `{module}` does not contain the import base path `{import_base}` \
             (the SDK's packages must be inside its module)"
        ))),
    }
}

impl Ctx<'_> {
    /// The Go packages of the SDK (the legacy ones, or their generic copies under `x/`):
    /// every directory's resources, functions, types and enums, `doc.go` and `init.go`.
    fn sdk_files(&self) -> Result<Vec<GeneratedFile>, GenError> {
        let (ctx, pkg) = (self, self.pkg);
        let mut files: Vec<GeneratedFile> = Vec::new();
        let res_by_dir = by_dir(ctx.naming.resources.iter().map(|m| (m.dir.as_str(), m.skipped)));
        let fn_by_dir = by_dir(ctx.naming.functions.iter().map(|m| (m.dir.as_str(), m.skipped)));
        let obj_by_dir = by_dir(ctx.naming.objects.iter().map(|m| (m.dir.as_str(), m.skipped)));
        let enum_by_dir = by_dir(ctx.naming.enums.iter().map(|m| (m.dir.as_str(), m.skipped)));
        for dir in &ctx.naming.dirs() {
            let empty = Vec::new();
            let resources = res_by_dir.get(dir).unwrap_or(&empty);
            let functions = fn_by_dir.get(dir).unwrap_or(&empty);
            let objects = obj_by_dir.get(dir).unwrap_or(&empty);
            let enums = enum_by_dir.get(dir).unwrap_or(&empty);
            if dir.is_empty() {
                files.push(GeneratedFile::new("doc.go", ctx.doc_go()?));
                files.push(GeneratedFile::new("provider.go", ctx.resource_file(dir, &pkg.provider, None)?));
            }
            if dir.is_empty() || !resources.is_empty() {
                files.push(GeneratedFile::new(path_of(dir, "init.go"), ctx.init_go(dir, resources)?));
            }
            for &r in resources {
                let fname = format!("{}.go", lower_first(&ctx.naming.resources[r].name));
                let file = ctx.resource_file(dir, &pkg.resources[r], Some(r))?;
                files.push(GeneratedFile::new(path_of(dir, &fname), file));
            }
            for &f in functions {
                let fname = format!("{}.go", lower_first(&ctx.naming.functions[f].name));
                files.push(GeneratedFile::new(path_of(dir, &fname), ctx.function_file(dir, f)?));
            }
            for (n, chunk) in objects.chunks(crate::TYPES_PER_FILE).enumerate() {
                let fname = if n == 0 { "pulumiTypes.go".to_string() } else { format!("pulumiTypes{}.go", n) };
                files.push(GeneratedFile::new(path_of(dir, &fname), ctx.types_file(dir, chunk)?));
            }
            if !enums.is_empty() {
                files.push(GeneratedFile::new(path_of(dir, "pulumiEnums.go"), ctx.enums_file(dir, enums)?));
            }
        }
        Ok(files)
    }
}

/// Go names for a property list, escaping names reserved on the enclosing types and
/// keeping names unique.
fn prop_names(props: &[Property], reserved: &[String]) -> Vec<String> {
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

fn tag(wire: &str) -> String {
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

/// gofmt keeps `func(v T) R { return v.F }` on one line only while the signature and the
/// body together stay within 100 bytes.
fn one_line(header: &str, field: &str) -> bool {
    header.len() + "return v.".len() + field.len() <= 100
}

/// The name of an object's `Output` accessor for the field `field` (`ptr`: on the `PtrOutput`):
/// Pulumi's SDKs rename the ones that would shadow `pulumi.Output` methods (`IsSecret` ->
/// `GetIsSecret` / `IsSecretProp`).
fn accessor_name(field: &str, ptr: bool) -> String {
    match (field.to_ascii_lowercase().as_str(), ptr) {
        ("issecret" | "elementtype", false) => format!("Get{field}"),
        ("issecret" | "elementtype", true) => format!("{field}Prop"),
        _ => field.to_string(),
    }
}
