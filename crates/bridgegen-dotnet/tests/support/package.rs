//! The whole-package check: generate a package's C#, parse it and run the semantic rules
//! with what the schema says each generated class must hold.

use std::collections::{BTreeSet, HashMap, HashSet};

use bridgegen_dotnet::external::ExternalPosition::{Input, Output};
use bridgegen_dotnet::shapes::InputClass;
use bridgegen_dotnet::Names;
use bridgegen_model::{FunctionReturn, Package, Property, Type, PLAIN_VALUE_FIELD};

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
        let args_ns = n.resource_args_ns(r).unwrap_or(n.ns_of(&r.token));
        e.insert(format!("{args_ns}.{}Args", n.resources[i]), attrs(&r.inputs));
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
            // An object result (inline or a named type, plain or not) is read as the class.
            match &f.outputs {
                FunctionReturn::Object(o) => {
                    e.insert(format!("{mbase}Result"), ctor(o));
                }
                FunctionReturn::Type(Type::Object(id)) => {
                    e.insert(format!("{mbase}Result"), ctor(&pkg.object(*id).properties));
                }
                // A non-object plain result travels as the one wire field.
                FunctionReturn::Type(_) if f.plain_result => {
                    e.insert(format!("{mbase}Result"), Expect::CtorParams([PLAIN_VALUE_FIELD.to_string()].into()));
                }
                _ => {}
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
        let (ins, outs) = (n.inputs_ns(&o.token), n.outputs_ns(&o.token));
        let c = &n.objects[i];
        if n.reach[i].output {
            e.insert(format!("{outs}.{}", c.output), ctor(&o.properties));
        }
        // An input class shared with a resource's args holds the resource's inputs.
        if o.usage.input && !n.input_is_resource_args[i] {
            e.insert(format!("{ins}.{}", c.input), attrs(&o.properties));
        }
        if n.reach[i].function_input {
            e.insert(format!("{ins}.{}", c.plain), attrs(&o.properties));
        }
        if n.reach[i].state {
            e.insert(format!("{ins}.{}", c.state), attrs(&o.properties));
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
    let n = Names::new(pkg);
    let mut cs: Vec<(String, String)> = files
        .iter()
        .filter(|f| f.path.ends_with(".cs"))
        .map(|f| (f.path.clone(), String::from_utf8(f.contents.clone()).expect("utf-8")))
        .collect();
    if n.k8s() {
        // The base class `kubernetes20` resources derive from ships with the Kubernetes SDK's
        // own sources (as Pulumi's tests add it from `kubernetes20-extras`); stand it in.
        cs.push(("KubernetesResource.cs".to_string(), kubernetes_resource_stub(&n.root_ns)));
    }
    let (parsed, mut errors) = super::parse_all(&cs);
    let mut ctor_fixed = expectations(pkg);
    // The checker strips `@`/leading `_` from parameters; compare like for like.
    for v in ctor_fixed.values_mut() {
        if let Expect::CtorParams(s) = v {
            *s = s.iter().map(|x| norm(x)).collect();
        }
    }
    let layout = super::Layout { folders: type_folders(&n), external: external_classes(pkg, &n) };
    let sem = super::check_semantics(&parsed, &n.root_ns, &layout, &ctor_fixed);
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

/// The folders the classes of a namespace outside the module layout may be written in
/// (`kubernetes20`: `Types.Inputs.<module>` in `<module>/Inputs/`, and resource args beside
/// their resource in `<module>/`; `Types.Outputs.<module>` in `<module>/Outputs/`).
fn type_folders(n: &Names) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (module, (ins, outs)) in &n.types_ns {
        let ns = &n.module_ns[module];
        let dir = ns.strip_prefix(&n.root_ns).unwrap_or("").trim_start_matches('.').replace('.', "/");
        let sub = |kind: &str| if dir.is_empty() { kind.to_string() } else { format!("{dir}/{kind}") };
        out.entry(ins.clone()).or_default().extend([sub("Inputs"), dir.clone()]);
        out.entry(outs.clone()).or_default().push(sub("Outputs"));
    }
    out
}

/// The classes of other packages' SDKs `pkg` may name: every spelling of each reference it
/// holds (their naming is tested on its own; here they only stand for the referenced SDKs).
fn external_classes(pkg: &Package, n: &Names) -> HashSet<String> {
    let mut out = HashSet::new();
    pkg.walk_types(&mut |t| {
        if let Type::External(x) = t {
            let at = [Output, Input(InputClass::Args), Input(InputClass::State), Input(InputClass::Plain)];
            for p in at {
                let fqn = n.externals.type_of(x, n.opts.compat, p);
                out.insert(fqn.trim_start_matches("global::").to_string());
            }
        }
    });
    out
}

fn kubernetes_resource_stub(root_ns: &str) -> String {
    format!(
        "#nullable enable

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Pulumi;
using Pulumi.Serialization;

namespace {root_ns}
{{
    public abstract class KubernetesResource : global::Pulumi.CustomResource
    {{
        protected KubernetesResource(string type, string name, global::Pulumi.ResourceArgs? args, CustomResourceOptions? options = null)
            : base(type, name, args, options)
        {{
        }}
    }}
}}
"
    )
}
