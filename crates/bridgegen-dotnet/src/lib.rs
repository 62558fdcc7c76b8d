//! The `dotnet` target: a C# project shaped like the ones Pulumi's .NET codegen emits
//! (`Pulumi.<Name>.csproj`, one folder per module, `Inputs/`, `Outputs/`, `Enums.cs`,
//! `Provider.cs`, `Config/Config.cs`, `Utilities.cs`), for the Pulumi .NET SDK.
//!
//! Naming lives in [`names`] and [`context::Names`] (decided once per package), with
//! Pulumi's spellings of schema names in `spelling` and the classes of each object type
//! (`Args`, `GetArgs`, plain, output; `compatibility: tfbridge20` and `kubernetes20`) in
//! [`shapes`], other packages' classes (external `$ref`s) in [`external`]; the view models in
//! [`emit`], and the text in `templates/dotnet/`.

pub mod context;
pub mod docs;
pub mod emit;
pub mod external;
pub mod names;
mod package;
pub mod shapes;
mod spelling;

use std::collections::BTreeMap;

use bridgegen_codegen::{new_registry, render, GenError, GeneratedFile, Generator, TemplateSet};
use bridgegen_model::Package;

pub use context::Names;
pub use docs::DotnetDocs;
use emit::{Emitter, EnumsFileVm, FileVm};

/// Every template of the target, embedded in the binary.
pub const TEMPLATES: TemplateSet = &[
    ("partials", include_str!("../../../templates/dotnet/partials.hbs")),
    ("input_prop", include_str!("../../../templates/dotnet/input_prop.hbs")),
    ("args_class", include_str!("../../../templates/dotnet/args_class.hbs")),
    ("output_class", include_str!("../../../templates/dotnet/output_class.hbs")),
    ("resource", include_str!("../../../templates/dotnet/resource.cs.hbs")),
    ("object_input", include_str!("../../../templates/dotnet/object_input.cs.hbs")),
    ("object_output", include_str!("../../../templates/dotnet/object_output.cs.hbs")),
    ("function", include_str!("../../../templates/dotnet/function.cs.hbs")),
    ("enums", include_str!("../../../templates/dotnet/enums.cs.hbs")),
    ("config", include_str!("../../../templates/dotnet/config.cs.hbs")),
    ("utilities", include_str!("../../../templates/dotnet/utilities.cs.hbs")),
    ("csproj", include_str!("../../../templates/dotnet/csproj.hbs")),
    ("readme", include_str!("../../../templates/dotnet/readme.md.hbs")),
];

/// The `dotnet` generator.
#[derive(Debug, Default, Clone, Copy)]
pub struct DotnetGenerator;

impl Generator for DotnetGenerator {
    fn name(&self) -> &'static str {
        "dotnet"
    }

    fn generate(&self, pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
        generate(pkg)
    }
}

/// The folder of a namespace relative to the project root (`Pulumi.AliCloud.Ecs` -> `Ecs/`).
fn folder(names: &Names, ns: &str) -> String {
    match ns.strip_prefix(&names.root_ns) {
        Some("") => String::new(),
        Some(rest) => format!("{}/", rest.trim_start_matches('.').replace('.', "/")),
        None => format!("{}/", ns.replace('.', "/")),
    }
}

/// Generates every file of the project, sorted by path; other packages' classes are spelled
/// by Pulumi's defaults (see [`external`]).
pub fn generate(pkg: &Package) -> Result<Vec<GeneratedFile>, GenError> {
    generate_with_externals(pkg, &[])
}

/// As [`generate`], with the bound schemas of referenced packages, whose own `csharp`
/// options then spell their classes.
pub fn generate_with_externals(pkg: &Package, schemas: &[&Package]) -> Result<Vec<GeneratedFile>, GenError> {
    let hb = new_registry(TEMPLATES)?;
    // Partials are the registered templates themselves (`{{> header}}` is an inline
    // partial from `partials`, prepended to each file template).
    let mut hb = hb;
    let partials = include_str!("../../../templates/dotnet/partials.hbs");
    for (name, src) in TEMPLATES.iter().filter(|(n, _)| {
        matches!(*n, "resource" | "object_input" | "object_output" | "function" | "enums" | "config" | "utilities")
    }) {
        hb.register_template_string(name, format!("{partials}{src}"))
            .map_err(|e| GenError::Template { template: (*name).to_string(), message: e.to_string() })?;
    }
    let names = Names::with_externals(pkg, schemas);
    let em = Emitter { pkg, names: &names };
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let mut put = |path: String, text: String| -> Result<(), GenError> {
        if files.insert(path.clone(), text).is_some() {
            return Err(GenError::Other(format!("two generated files share the path `{path}`")));
        }
        Ok(())
    };

    // Resources and the provider.
    // Overlays (resources, functions, types and enums whose code comes with the provider's
    // SDK) are left out, as Pulumi's generator does.
    for (i, r) in pkg.resources.iter().enumerate() {
        if r.is_overlay {
            continue;
        }
        let ns = names.ns_of(&r.token).to_string();
        let class = &names.resources[i];
        let body = em.resource(r, class);
        put(format!("{}{class}.cs", folder(&names, &ns)), render(&hb, "resource", &FileVm { ns, body })?)?;
    }
    {
        let body = em.resource(&pkg.provider, "Provider");
        put("Provider.cs".into(), render(&hb, "resource", &FileVm { ns: names.root_ns.clone(), body })?)?;
    }

    // Functions (resource methods are not top-level functions).
    for (i, f) in pkg.functions.iter().enumerate() {
        if !emit::emits_function(f) {
            continue;
        }
        let ns = names.ns_of(&f.token).to_string();
        let class = &names.functions[i];
        let body = em.function(f, class);
        put(format!("{}{class}.cs", folder(&names, &ns)), render(&hb, "function", &FileVm { ns, body })?)?;
    }

    // Object types: output classes, input `Args` classes, plain classes and state classes
    // (file and class names in `shapes`).
    for (i, o) in pkg.objects.iter().enumerate() {
        if o.is_overlay {
            continue;
        }
        // Files go in the module's folder, whatever the classes' namespace (`kubernetes20`).
        let dir = folder(&names, names.ns_of(&o.token));
        let c = &names.objects[i];
        let desc = o.description.as_ref();
        if names.reach[i].output {
            let body = em.output_class(&c.output, desc, &o.properties);
            let vm = FileVm { ns: names.outputs_ns(&o.token).to_string(), body };
            put(format!("{dir}Outputs/{}.cs", c.output), render(&hb, "object_output", &vm)?)?;
        }
        // An input class that is a resource's args class is written with the resource.
        let input = o.usage.input && !names.input_is_resource_args[i];
        let inputs = [
            (input, &c.input, "Args", "global::Pulumi.ResourceArgs", emit::InMode::Input),
            (names.reach[i].function_input, &c.plain, "", "global::Pulumi.InvokeArgs", emit::InMode::Plain),
            (names.reach[i].state, &c.state, "GetArgs", "global::Pulumi.ResourceArgs", emit::InMode::State),
        ];
        for (emitted, class, stem, base, mode) in inputs {
            if emitted {
                let body = em.args_class(class, base, desc, &o.properties, mode, false);
                let vm = FileVm { ns: names.inputs_ns(&o.token).to_string(), body };
                put(format!("{dir}Inputs/{}{stem}.cs", c.base), render(&hb, "object_input", &vm)?)?;
            }
        }
    }

    // Enums, one `Enums.cs` per namespace.
    let mut by_ns: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in pkg.enums.iter().enumerate().filter(|(_, e)| !e.is_overlay) {
        by_ns.entry(names.ns_of(&e.token).to_string()).or_default().push(i);
    }
    for (ns, ids) in by_ns {
        let enums: Vec<_> = ids.iter().filter_map(|i| em.enum_vm(*i)).collect();
        if enums.is_empty() {
            continue;
        }
        let dir = folder(&names, &ns);
        put(format!("{dir}Enums.cs"), render(&hb, "enums", &FileVm { ns, body: EnumsFileVm { enums } })?)?;
    }

    // Package files.
    // The config class, when there are config variables (as Pulumi's generator).
    if !pkg.config.is_empty() {
        let cfg = em.config();
        put("Config/Config.cs".into(), render(&hb, "config", &FileVm { ns: names.root_ns.clone(), body: cfg })?)?;
    }
    let assembly = names.root_ns.clone();
    let version = pkg.version.clone().unwrap_or_else(|| "0.0.0".to_string());
    put("Utilities.cs".into(), render(&hb, "utilities", &package::UtilitiesVm::new(pkg, &names))?)?;
    put(format!("{assembly}.csproj"), render(&hb, "csproj", &package::CsprojVm::new(pkg, &names, &version))?)?;
    put("README.md".into(), render(&hb, "readme", &package::ReadmeVm::new(pkg, &names))?)?;
    let mut plugin_text = serde_json::to_string_pretty(&package::PluginVm::new(pkg, &version))
        .map_err(|e| GenError::Other(e.to_string()))?;
    plugin_text.push('\n');
    put("pulumi-plugin.json".into(), plugin_text)?;
    put("version.txt".into(), format!("{version}\n"))?;

    Ok(files.into_iter().map(|(p, t)| GeneratedFile::new(p, t)).collect())
}
