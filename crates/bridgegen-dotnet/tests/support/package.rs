//! The whole-package check: generate a package's C#, parse it and run the semantic rules
//! with what the schema says each generated class must hold.

use std::collections::{BTreeSet, HashMap};

use bridgegen_dotnet::Names;
use bridgegen_model::{FunctionReturn, Package, PlainReturn, Property, Type, PLAIN_VALUE_FIELD};

use super::Expect;

pub fn attrs(props: &[Property]) -> Expect {
    Expect::Attributes(props.iter().map(|p| p.name.clone()).collect())
}

pub fn norm(s: &str) -> String {
    s.to_string()
}

/// Pulumi's deserializer matches `[OutputConstructor]` parameters (or their
/// `[OutputConstructorParameter]` overrides) to wire names exactly.
pub fn ctor(props: &[Property]) -> Expect {
    Expect::CtorParams(props.iter().map(|p| p.name.clone()).collect())
}

/// What the schema says each generated class must hold, keyed by full class name.
pub fn expectations(pkg: &Package) -> HashMap<String, Expect> {
    let n = Names::new(pkg);
    let mut e = HashMap::new();
    // Overlays are not generated (their code comes with the provider's SDK).
    for (i, r) in pkg.resources.iter().enumerate().filter(|(_, r)| !r.is_overlay) {
        let base = format!("{}.{}", n.ns_of(&r.token), n.resources[i]);
        e.insert(base.clone(), attrs(&r.properties));
        e.insert(format!("{base}Args"), attrs(&r.inputs));
        if let (Some(s), false) = (&r.state_inputs, r.is_component) {
            e.insert(format!("{base}State"), attrs(s));
        }
        // Methods: `<Res><Method>Args` without `__self__`, `<Res><Method>Result`.
        for m in &r.methods {
            let f = pkg.function(m.function);
            let mbase = format!("{base}{}", bridgegen_dotnet::names::type_name(&m.name));
            let args: Vec<Property> = f.inputs.iter().flatten().filter(|p| p.name != "__self__").cloned().collect();
            if !args.is_empty() {
                e.insert(format!("{mbase}Args"), attrs(&args));
            }
            match (f.plain_return(pkg), &f.outputs) {
                (Some(PlainReturn::Object(o)), _) => {
                    e.insert(format!("{mbase}Result"), ctor(o));
                }
                (None, FunctionReturn::Object(o)) => {
                    e.insert(format!("{mbase}Result"), ctor(o));
                }
                // A non-object plain result travels as the one wire field.
                (Some(PlainReturn::Value(_)), _) => {
                    e.insert(format!("{mbase}Result"), Expect::CtorParams([PLAIN_VALUE_FIELD.to_string()].into()));
                }
                (None, _) => {}
            }
        }
    }
    let strings: Vec<Property> =
        pkg.provider.properties.iter().filter(|p| matches!(p.ty, Type::String)).cloned().collect();
    e.insert(format!("{}.Provider", n.root_ns), attrs(&strings));
    e.insert(format!("{}.ProviderArgs", n.root_ns), attrs(&pkg.provider.inputs));
    for (i, f) in pkg.functions.iter().enumerate() {
        if !bridgegen_dotnet::emit::emits_function(f) {
            continue;
        }
        let base = format!("{}.{}", n.ns_of(&f.token), n.functions[i]);
        // Multi-argument functions take their inputs as parameters: no args classes.
        if let Some(ins) = f.inputs.as_ref().filter(|_| f.multi_argument_inputs.is_empty()) {
            e.insert(format!("{base}Args"), attrs(ins));
            if !matches!(f.outputs, FunctionReturn::None) && !ins.is_empty() {
                e.insert(format!("{base}InvokeArgs"), attrs(ins));
            }
        }
        if let FunctionReturn::Object(o) = &f.outputs {
            e.insert(format!("{base}Result"), ctor(o));
        }
    }
    for (i, o) in pkg.objects.iter().enumerate().filter(|(_, o)| !o.is_overlay) {
        let ns = n.ns_of(&o.token);
        let c = &n.objects[i];
        if n.reach[i].output {
            e.insert(format!("{ns}.Outputs.{}", c.output), ctor(&o.properties));
        }
        if o.usage.input {
            e.insert(format!("{ns}.Inputs.{}", c.input), attrs(&o.properties));
        }
        if n.reach[i].function_input {
            e.insert(format!("{ns}.Inputs.{}", c.plain), attrs(&o.properties));
        }
        if n.reach[i].state {
            e.insert(format!("{ns}.Inputs.{}", c.state), attrs(&o.properties));
        }
    }
    // Normalise constructor expectations the way the checker reads parameters.
    for v in e.values_mut() {
        if let Expect::CtorParams(s) = v {
            *s = s.iter().map(|x| norm(x)).collect::<BTreeSet<_>>();
        }
    }
    e
}

/// Generates, parses and checks one package; returns every problem found.
pub fn check_package(pkg: &Package) -> (usize, Vec<String>) {
    let files = bridgegen_dotnet::generate(pkg).expect("generation succeeds");
    let cs: Vec<(String, String)> = files
        .iter()
        .filter(|f| f.path.ends_with(".cs"))
        .map(|f| (f.path.clone(), String::from_utf8(f.contents.clone()).expect("utf-8")))
        .collect();
    let (parsed, mut errors) = super::parse_all(&cs);
    let n = Names::new(pkg);
    let mut ctor_fixed = expectations(pkg);
    // The checker strips `@`/leading `_` from parameters; compare like for like.
    for v in ctor_fixed.values_mut() {
        if let Expect::CtorParams(s) = v {
            *s = s.iter().map(|x| norm(x)).collect();
        }
    }
    let sem = super::check_semantics(&parsed, &n.root_ns, &ctor_fixed);
    errors.extend(sem);
    // Project files.
    let paths: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for want in ["README.md", "Utilities.cs", "pulumi-plugin.json", "version.txt", "Provider.cs"] {
        if !paths.contains(want) {
            errors.push(format!("missing {want}"));
        }
    }
    // The config class exactly when there are config variables.
    if paths.contains("Config/Config.cs") == pkg.config.is_empty() {
        errors.push(format!(
            "Config/Config.cs present: {}, with {} config variables",
            paths.contains("Config/Config.cs"),
            pkg.config.len()
        ));
    }
    let csproj = format!("{}.csproj", n.root_ns);
    if !paths.contains(csproj.as_str()) {
        errors.push(format!("missing {csproj}"));
    }
    (cs.len(), errors)
}
