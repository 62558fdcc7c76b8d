//! Generated C# checked with a real C# grammar plus semantic rules (see `support`),
//! over the seed schemas, the adversarial schemas and every conformance schema (external,
//! `BRIDGEGEN_CONFORMANCE`; skipped without it). Where `dotnet` is on PATH the seed
//! projects are also built with `dotnet build`; elsewhere that test is skipped.

mod support;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use bridgegen_dotnet::Names;
use bridgegen_model::{FunctionReturn, Package, Property, Type};
use support::Expect;

fn repo() -> PathBuf {
    bridgegen_test_support::repo_root()
}

/// The seed schemas and the hand-written test schemas (all must bind, except the ones the
/// adversarial fixtures make unbindable on purpose, which are reported by name).
fn repo_schemas() -> Vec<PathBuf> {
    let mut out = vec![repo().join("schema/alicloud.json"), repo().join("schema/kakaocloud.json")];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/schemas"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    fixtures.sort();
    out.extend(fixtures);
    out
}

/// Every conformance schema, or why the external corpus is not available.
fn conformance_schemas() -> Result<Vec<PathBuf>, String> {
    Ok(bridgegen_test_support::conformance_schemas()?.into_iter().map(|(_, p)| p).collect())
}

fn attrs(props: &[Property]) -> Expect {
    Expect::Attributes(props.iter().map(|p| p.name.clone()).collect())
}

fn norm(s: &str) -> String {
    s.to_string()
}

/// Pulumi's deserializer matches `[OutputConstructor]` parameters (or their
/// `[OutputConstructorParameter]` overrides) to wire names exactly.
fn ctor(props: &[Property]) -> Expect {
    Expect::CtorParams(props.iter().map(|p| p.name.clone()).collect())
}

/// What the schema says each generated class must hold, keyed by full class name.
fn expectations(pkg: &Package) -> HashMap<String, Expect> {
    let n = Names::new(pkg);
    let mut e = HashMap::new();
    for (i, r) in pkg.resources.iter().enumerate() {
        let base = format!("{}.{}", n.ns_of(&r.token), n.resources[i]);
        e.insert(base.clone(), attrs(&r.properties));
        e.insert(format!("{base}Args"), attrs(&r.inputs));
        if let (Some(s), false) = (&r.state_inputs, r.is_component) {
            e.insert(format!("{base}State"), attrs(s));
        }
        // Methods: `<Res><Method>Args` without `__self__`, `<Res><Method>Result`.
        for m in &r.methods {
            let f = pkg.function(m.function);
            let mbase = format!("{base}{}", bridgegen_dotnet::names::pascal(&m.name));
            let args: Vec<Property> = f.inputs.iter().flatten().filter(|p| p.name != "__self__").cloned().collect();
            if !args.is_empty() {
                e.insert(format!("{mbase}Args"), attrs(&args));
            }
            if let FunctionReturn::Object(o) = &f.outputs {
                e.insert(format!("{mbase}Result"), ctor(o));
            }
        }
    }
    let strings: Vec<Property> =
        pkg.provider.properties.iter().filter(|p| matches!(p.ty, Type::String)).cloned().collect();
    e.insert(format!("{}.Provider", n.root_ns), attrs(&strings));
    e.insert(format!("{}.ProviderArgs", n.root_ns), attrs(&pkg.provider.inputs));
    for (i, f) in pkg.functions.iter().enumerate() {
        if f.method_of.is_some() {
            continue;
        }
        let base = format!("{}.{}", n.ns_of(&f.token), n.functions[i]);
        if let Some(ins) = &f.inputs {
            e.insert(format!("{base}Args"), attrs(ins));
            if !matches!(f.outputs, FunctionReturn::None) {
                e.insert(format!("{base}InvokeArgs"), attrs(ins));
            }
        }
        if let FunctionReturn::Object(o) = &f.outputs {
            e.insert(format!("{base}Result"), ctor(o));
        }
    }
    for (i, o) in pkg.objects.iter().enumerate() {
        let ns = n.ns_of(&o.token);
        let c = &n.objects[i];
        if o.usage.output {
            e.insert(format!("{ns}.Outputs.{}", c.output), ctor(&o.properties));
        }
        if o.usage.input {
            e.insert(format!("{ns}.Inputs.{}", c.input), attrs(&o.properties));
        }
        if o.usage.plain_input {
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
fn check_package(pkg: &Package) -> (usize, Vec<String>) {
    let files = bridgegen_dotnet::generate(pkg).expect("generation succeeds");
    let cs: Vec<(String, String)> = files
        .iter()
        .filter(|f| f.path.ends_with(".cs"))
        .map(|f| (f.path.clone(), String::from_utf8(f.contents.clone()).expect("utf-8")))
        .collect();
    let (parsed, mut errors) = support::parse_all(&cs);
    let n = Names::new(pkg);
    let mut ctor_fixed = expectations(pkg);
    // The checker strips `@`/leading `_` from parameters; compare like for like.
    for v in ctor_fixed.values_mut() {
        if let Expect::CtorParams(s) = v {
            *s = s.iter().map(|x| norm(x)).collect();
        }
    }
    let sem = support::check_semantics(&parsed, &n.root_ns, &ctor_fixed);
    errors.extend(sem);
    // Project files.
    let paths: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for want in ["README.md", "Utilities.cs", "pulumi-plugin.json", "version.txt", "Provider.cs", "Config/Config.cs"] {
        if !paths.contains(want) {
            errors.push(format!("missing {want}"));
        }
    }
    let csproj = format!("{}.csproj", n.root_ns);
    if !paths.contains(csproj.as_str()) {
        errors.push(format!("missing {csproj}"));
    }
    (cs.len(), errors)
}

/// Parses and checks the C# of every schema; schemas outside the repository may fail to
/// bind (they are listed), the repository's must bind.
fn check_schemas(schemas: &[PathBuf]) -> usize {
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in schemas {
        let must_bind = path.starts_with(repo());
        let pkg = match bridgegen_model::load_package(path) {
            Ok((pkg, _)) => pkg,
            Err(d) if !must_bind => {
                println!(
                    "not checked: {} (does not bind: {})",
                    path.display(),
                    d.0.first().map(|x| x.to_string()).unwrap_or_default()
                );
                continue;
            }
            Err(d) => panic!("{} does not bind: {d:?}", path.display()),
        };
        // Scale the schema's per-file parse check: it normalises constructor names too.
        let (files, errors) = check_package(&pkg);
        println!("{}: {files} C# files, {} problems", path.display(), errors.len());
        checked += 1;
        for e in errors.iter().take(15) {
            failures.push(format!("{}: {e}", path.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(failures.is_empty(), "C# problems:\n{}", failures.join("\n"));
    checked
}

#[test]
fn generated_csharp_parses_and_passes_semantic_checks() {
    let checked = check_schemas(&repo_schemas());
    assert!(checked >= 8, "too few schemas checked: {checked}");
}

#[test]
fn conformance_csharp_parses_and_passes_semantic_checks() {
    let schemas = bridgegen_test_support::require!(conformance_schemas());
    let checked = check_schemas(&schemas);
    assert!(checked >= schemas.len() / 2, "only {checked} of {} conformance schemas bind", schemas.len());
}

#[test]
fn generation_is_deterministic() {
    for path in [
        repo().join("schema/alicloud.json"),
        repo().join("schema/kakaocloud.json"),
        repo().join("tests/schemas/keywords-dotnet.json"),
    ] {
        let (a, _) = bridgegen_model::load_package(&path).unwrap();
        let (b, _) = bridgegen_model::load_package(&path).unwrap();
        let fa = bridgegen_dotnet::generate(&a).unwrap();
        let fb = bridgegen_dotnet::generate(&b).unwrap();
        assert_eq!(fa, fb, "{} differs between runs", path.display());
    }
}

#[test]
fn committed_seed_output_matches_generator() {
    for name in ["alicloud", "kakaocloud"] {
        let dir = repo().join("sdks").join(name).join("dotnet");
        if !dir.exists() {
            panic!("{} missing: run `bridgegen gen`", dir.display());
        }
        let (pkg, _) = bridgegen_model::load_package(&repo().join(format!("schema/{name}.json"))).unwrap();
        for f in bridgegen_dotnet::generate(&pkg).unwrap() {
            let on_disk = std::fs::read(dir.join(&f.path)).unwrap_or_default();
            assert!(on_disk == f.contents, "{}/{} is stale", dir.display(), f.path);
        }
    }
}

/// Writes fresh seed SDKs and the consumer fixture into `dir` with the repo's layout.
fn stage_consumer(dir: &Path) {
    for name in ["alicloud", "kakaocloud"] {
        let (pkg, _) = bridgegen_model::load_package(&repo().join(format!("schema/{name}.json"))).unwrap();
        for f in bridgegen_dotnet::generate(&pkg).unwrap() {
            let p = dir.join("sdks").join(name).join("dotnet").join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, &f.contents).unwrap();
        }
    }
    let consumer = dir.join("tests/dotnet/consumer");
    std::fs::create_dir_all(&consumer).unwrap();
    for f in ["Consumer.csproj", "Program.cs"] {
        std::fs::copy(repo().join("tests/dotnet/consumer").join(f), consumer.join(f)).unwrap();
    }
}

#[test]
fn dotnet_build_when_available() {
    let has_dotnet = std::process::Command::new("dotnet").arg("--version").output().is_ok_and(|o| o.status.success());
    if !has_dotnet {
        bridgegen_test_support::skip!("`dotnet` is not on PATH (no .NET SDK on this machine)");
    }
    // Building the consumer program builds both seed SDKs it references.
    let dir = tempfile::tempdir().unwrap();
    stage_consumer(dir.path());
    let out = std::process::Command::new("dotnet")
        .arg("build")
        .current_dir(dir.path().join("tests/dotnet/consumer"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dotnet build failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `dictionaryConstructors` adds the internal constructor taking raw inputs (resources, not the
/// provider) and `projectReferences` become `<ProjectReference>` items; the C# still checks.
#[test]
fn dictionary_constructors_and_project_references_are_honoured() {
    let schema = serde_json::json!({
        "name": "dc", "version": "1.0.0",
        "language": {"csharp": {"dictionaryConstructors": true, "projectReferences": ["../Pulumi/Pulumi.csproj"]}},
        "resources": {"dc:index:Thing": {"properties": {"a": {"type": "string"}}, "inputProperties": {"a": {"type": "string"}}}}
    });
    let (pkg, warnings) = bridgegen_model::bind_str(&schema.to_string()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let files = bridgegen_dotnet::generate(&pkg).unwrap();
    let text = |path: &str| {
        String::from_utf8(files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}")).contents.clone())
            .unwrap()
    };
    let thing = text("Thing.cs");
    assert!(
        thing.contains("internal Thing(string name, global::System.Collections.Immutable.ImmutableDictionary<string, object?> dictionary, CustomResourceOptions? options = null)"),
        "{thing}"
    );
    assert!(thing.contains("new global::Pulumi.DictionaryResourceArgs(dictionary)"), "{thing}");
    assert!(!text("Provider.cs").contains("DictionaryResourceArgs"));
    assert!(text("Pulumi.Dc.csproj").contains(r#"<ProjectReference Include="../Pulumi/Pulumi.csproj" />"#));
    let (_, errors) = check_package(&pkg);
    assert!(errors.is_empty(), "{errors:?}");
}

/// The methods fixture (tests/schemas/methods.json: resource methods, a lifted single-value
/// result, a method without result) builds with the real .NET SDK. Running the methods under
/// Pulumi's .NET mocks, as the nodejs, python and go crates do, needs a .NET test project too;
/// this machine has no .NET SDK, so the skip is recorded.
#[test]
fn methods_sdk_builds_when_dotnet_available() {
    let has_dotnet = std::process::Command::new("dotnet").arg("--version").output().is_ok_and(|o| o.status.success());
    if !has_dotnet {
        bridgegen_test_support::skip!("`dotnet` is not on PATH (no .NET SDK on this machine) to build and run methods");
    }
    let (pkg, _) = bridgegen_model::load_package(&repo().join("tests/schemas/methods.json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for f in bridgegen_dotnet::generate(&pkg).unwrap() {
        let p = dir.path().join(&f.path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, &f.contents).unwrap();
    }
    let out = std::process::Command::new("dotnet").arg("build").current_dir(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "dotnet build failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The consumer fixture parses, and every SDK type it names (`AliCloud.Ecs.X`,
/// `KakaoCloud.Inputs.Y`) is declared by the generated code.
#[test]
fn consumer_fixture_names_generated_types() {
    let src = std::fs::read_to_string(repo().join("tests/dotnet/consumer/Program.cs")).unwrap();
    let (_, errs) = support::parse_all(&[("Program.cs".into(), src.clone())]);
    assert!(errs.is_empty(), "{errs:?}");
    let mut declared = BTreeSet::new();
    let mut texts = String::new();
    for name in ["alicloud", "kakaocloud"] {
        let (pkg, _) = bridgegen_model::load_package(&repo().join(format!("schema/{name}.json"))).unwrap();
        let files = bridgegen_dotnet::generate(&pkg).unwrap();
        let cs: Vec<(String, String)> = files
            .iter()
            .filter(|f| f.path.ends_with(".cs"))
            .map(|f| (f.path.clone(), String::from_utf8(f.contents.clone()).unwrap()))
            .collect();
        let (parsed, _) = support::parse_all(&cs);
        let mut e = Vec::new();
        declared.extend(support::collect_decls(&parsed, &mut e).types.into_keys());
        texts.extend(cs.into_iter().map(|(_, t)| t));
    }
    let mut used = 0;
    for (alias, root) in [("AliCloud", "Pulumi.AliCloud"), ("KakaoCloud", "Pulumi.KakaoCloud")] {
        let mut rest = src.as_str();
        while let Some(i) = rest.find(&format!("{alias}.")) {
            let after = &rest[i + alias.len() + 1..];
            let path: String =
                after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_').collect();
            let segs: Vec<&str> = path.split('.').filter(|s| !s.is_empty()).collect();
            // The longest prefix that is a type; anything after it is a member of that type.
            let found = (1..=segs.len()).rev().find(|k| declared.contains(&format!("{root}.{}", segs[..*k].join("."))));
            match found {
                Some(k) => {
                    for member in &segs[k..] {
                        assert!(
                            texts.contains(&format!(" {member}")),
                            "member `{member}` of {alias}.{path} not generated"
                        );
                    }
                    used += 1;
                }
                None => panic!("`{alias}.{path}` names no generated type"),
            }
            rest = &after[path.len()..];
        }
    }
    assert!(used >= 6, "fixture uses too few SDK names ({used})");
    // Object-initializer property names used by the fixture exist on the SDK classes.
    for prop in ["AccountId", "ImageId", "MemberId", "Timeouts", "Create", "Region", "AccessKey"] {
        assert!(texts.contains(&format!(" {prop} {{")), "property `{prop}` not generated");
    }
}

// --- The checker itself must be able to fail. ---

fn check_src(src: &str, expect: HashMap<String, Expect>) -> Vec<String> {
    let (parsed, mut errs) = support::parse_all(&[("Foo.cs".to_string(), src.to_string())]);
    errs.extend(support::check_semantics(&parsed, "Pulumi.X", &expect));
    errs
}

const HEADER: &str = "using System;\nusing System.Collections.Generic;\nusing System.Collections.Immutable;\nusing System.Threading.Tasks;\nusing Pulumi;\nusing Pulumi.Serialization;\n";

#[test]
fn checker_rejects_syntax_errors() {
    let p = support::parser();
    let mut p = p;
    for bad in [
        "namespace A { class X { void F( } }",
        "namespace A { class X { void F() { var x = ; } } }",
        "namespace A { /// doc\n */ class X {} }",
        "namespace A { class X { string S = \"unterminated; } }",
    ] {
        let t = p.parse(bad, None).unwrap();
        assert!(!support::syntax_errors(&t).is_empty(), "not flagged: {bad}");
    }
    // tree-sitter accepts a bare keyword as a name; the checker's keyword rule does not.
    let (_, errs) = support::parse_all(&[("K.cs".into(), "namespace A { class X { int class; } }".into())]);
    assert!(errs.iter().any(|e| e.contains("keyword `class`")), "{errs:?}");
    let (_, errs) = support::parse_all(&[("K.cs".into(), "namespace A { class X { int @class; } }".into())]);
    assert!(errs.is_empty(), "{errs:?}");
}

#[test]
fn checker_rejects_semantic_errors() {
    let ok = format!("{HEADER}namespace Pulumi.X\n{{\n    public sealed class FooArgs : global::Pulumi.ResourceArgs\n    {{\n        [Input(\"a\")]\n        public Input<string>? A {{ get; set; }}\n    }}\n}}\n");
    let mut exp = HashMap::new();
    exp.insert("Pulumi.X.FooArgs".to_string(), Expect::Attributes(["a".to_string()].into()));
    assert_eq!(check_src(&ok, exp.clone()), Vec::<String>::new());

    // Wrong wire name.
    let wrong = ok.replace("[Input(\"a\")]", "[Input(\"b\")]");
    assert!(!check_src(&wrong, exp.clone()).is_empty());
    // Unknown type.
    let unknown = ok.replace("Input<string>?", "Input<Nope>?");
    assert!(check_src(&unknown, exp.clone()).iter().any(|e| e.contains("unknown type `Nope`")));
    // Unknown qualified type.
    let unknown_q = ok.replace("global::Pulumi.ResourceArgs", "global::Pulumi.ResourceArg");
    assert!(!check_src(&unknown_q, exp.clone()).is_empty());
    // A generated type shadowing a Pulumi type.
    let shadow = format!("{ok}namespace Pulumi.X {{ public sealed class Input {{ }} }}\n");
    assert!(check_src(&shadow, exp.clone()).iter().any(|e| e.contains("shadowing")));
    // A member named like its class, a duplicate member.
    let same = ok.replace("public Input<string>? A {", "public Input<string>? FooArgs {");
    assert!(check_src(&same, exp.clone()).iter().any(|e| e.contains("named like its class")));
    // An attribute on a declaration kind it does not allow ([EnumType] is struct-only).
    let enum_attr = format!("{ok}namespace Pulumi.X {{ [EnumType] public enum E {{ A = 1 }} }}\n");
    assert!(check_src(&enum_attr, exp.clone()).iter().any(|e| e.contains("AttributeUsage")));
    // A member shadowing a type used in an expression.
    let member = ok.replace(
        "public Input<string>? A { get; set; }",
        "public Input<string>? Output { get; set; }\n        public FooArgs() { var s = Output.CreateSecret(0); }",
    );
    assert!(
        check_src(&member, exp.clone()).iter().any(|e| e.contains("member of the enclosing class")),
        "{:?}",
        check_src(&member, exp.clone())
    );
    // Missing using.
    let no_using = ok.replace("using Pulumi.Serialization;\n", "");
    assert!(check_src(&no_using, exp.clone()).iter().any(|e| e.contains("missing `using")));
    // Expected class absent.
    let mut more = exp.clone();
    more.insert("Pulumi.X.BarArgs".to_string(), Expect::Attributes(BTreeSet::new()));
    assert!(check_src(&ok, more).iter().any(|e| e.contains("was not generated")));
}

/// A generated file's path, the class it declares and that class's base (`""` for none).
type ClassDecl = (String, String, String);

/// Generates `schema` and returns each object-type file (`Inputs/`, `Outputs/`) as a
/// [`ClassDecl`], after checking the whole C#, and every file with its text.
fn object_classes(schema: &serde_json::Value) -> (BTreeSet<ClassDecl>, Vec<(String, String)>) {
    let (pkg, _) = bridgegen_model::bind_str(&schema.to_string()).unwrap();
    let (_, errors) = check_package(&pkg);
    assert!(errors.is_empty(), "{errors:?}");
    let files: Vec<(String, String)> = bridgegen_dotnet::generate(&pkg)
        .unwrap()
        .into_iter()
        .map(|f| (f.path, String::from_utf8(f.contents).unwrap()))
        .collect();
    let mut out = BTreeSet::new();
    for (path, text) in files.iter().filter(|(p, _)| p.starts_with("Inputs/") || p.starts_with("Outputs/")) {
        let decl = text.lines().find_map(|l| l.split_once(" class ")).map(|(_, d)| d).unwrap_or_default();
        let (class, base) = decl.split_once(" : ").unwrap_or((decl, ""));
        out.insert((path.clone(), class.trim().to_string(), base.trim().to_string()));
    }
    (out, files)
}

fn text_of<'f>(files: &'f [(String, String)], path: &str) -> &'f str {
    &files.iter().find(|(p, _)| p == path).unwrap_or_else(|| panic!("no {path}")).1
}

fn triples(list: &[(&str, &str, &str)]) -> BTreeSet<ClassDecl> {
    list.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect()
}

/// Types reached from a resource's `stateInputs` get `<Name>GetArgs` classes (Pulumi's
/// `typeName` with state), which the `<Res>State` class and other `GetArgs` classes use;
/// a type no state input reaches gets none.
#[test]
fn state_inputs_use_get_args_classes() {
    let schema = serde_json::json!({
        "name": "st", "version": "1.0.0",
        "resources": {"st:index:Bucket": {
            "properties": {"rule": {"$ref": "#/types/st:index:Rule"}, "other": {"$ref": "#/types/st:index:Other"}},
            "inputProperties": {"rule": {"$ref": "#/types/st:index:Rule"}, "other": {"$ref": "#/types/st:index:Other"}},
            "stateInputs": {"properties": {"rules": {"type": "array", "items": {"$ref": "#/types/st:index:Rule"}}}}
        }},
        "types": {
            "st:index:Rule": {"type": "object", "properties": {
                "inner": {"$ref": "#/types/st:index:Inner"},
                "byName": {"type": "object", "additionalProperties": {"$ref": "#/types/st:index:Inner"}}}},
            "st:index:Inner": {"type": "object", "properties": {"x": {"type": "string"}}},
            "st:index:Other": {"type": "object", "properties": {"y": {"type": "string"}}}
        }
    });
    let (classes, files) = object_classes(&schema);
    let args = "global::Pulumi.ResourceArgs";
    let want = triples(&[
        ("Inputs/InnerArgs.cs", "InnerArgs", args),
        ("Inputs/InnerGetArgs.cs", "InnerGetArgs", args),
        ("Inputs/OtherArgs.cs", "OtherArgs", args),
        ("Inputs/RuleArgs.cs", "RuleArgs", args),
        ("Inputs/RuleGetArgs.cs", "RuleGetArgs", args),
        ("Outputs/Inner.cs", "Inner", ""),
        ("Outputs/Other.cs", "Other", ""),
        ("Outputs/Rule.cs", "Rule", ""),
    ]);
    assert_eq!(classes, want);
    let bucket = text_of(&files, "Bucket.cs");
    let state = &bucket[bucket.find("class BucketState").unwrap()..];
    assert!(state.contains("public InputList<global::Pulumi.St.Inputs.RuleGetArgs> Rules"), "{state}");
    let rule = text_of(&files, "Inputs/RuleGetArgs.cs");
    assert!(rule.contains("public Input<global::Pulumi.St.Inputs.InnerGetArgs>? Inner"), "{rule}");
    assert!(rule.contains("public InputMap<global::Pulumi.St.Inputs.InnerGetArgs> ByName"), "{rule}");
    // The resource's args keep the `Args` classes.
    assert!(bucket.contains("public Input<global::Pulumi.St.Inputs.RuleArgs>? Rule"), "{bucket}");
}

/// A tfbridge20-shaped package: `getAmiIds` takes `Filter` and returns it, `listKeys`
/// returns `Key`, `Bucket` takes and returns `Rule` and `Key`, `notify` (no result) takes
/// `Rule` plainly.
fn tfbridge_schema(compatibility: Option<&str>) -> serde_json::Value {
    let filter = serde_json::json!({"type": "array", "items": {"$ref": "#/types/tf:index:Filter"}});
    let mut schema = serde_json::json!({
        "name": "tf", "version": "1.0.0",
        "resources": {"tf:index:Bucket": {
            "properties": {"rule": {"$ref": "#/types/tf:index:Rule"}, "key": {"$ref": "#/types/tf:index:Key"}},
            "inputProperties": {"rule": {"$ref": "#/types/tf:index:Rule"}, "key": {"$ref": "#/types/tf:index:Key"}}
        }},
        "functions": {
            "tf:index:getAmiIds": {
                "inputs": {"properties": {"filters": filter}},
                "outputs": {"properties": {"filters": filter, "id": {"type": "string"}}, "required": ["id"]}
            },
            "tf:index:listKeys": {"outputs": {"properties": {"keys": {"type": "array", "items": {"$ref": "#/types/tf:index:Key"}}}}},
            "tf:index:notify": {"inputs": {"properties": {"rule": {"$ref": "#/types/tf:index:Rule"}}}}
        },
        "types": {
            "tf:index:Filter": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
            "tf:index:Key": {"type": "object", "properties": {"value": {"type": "string"}}},
            "tf:index:Rule": {"type": "object", "properties": {"days": {"type": "integer"}}}
        }
    });
    if let Some(c) = compatibility {
        schema["language"] = serde_json::json!({"csharp": {"compatibility": c}});
    }
    schema
}

/// `compatibility: tfbridge20` names object classes as Pulumi's `typeName` does for
/// Terraform-bridged providers (output-funcs-tfbridge20): types functions reach get
/// `<Name>Result` outputs and `<Name>Args` plain classes (file `Inputs/<Name>.cs`); types in a
/// function's output form get `<Name>InputArgs` input classes (file `Inputs/<Name>Args.cs`).
#[test]
fn tfbridge20_names_function_types_like_pulumi() {
    let (classes, files) = object_classes(&tfbridge_schema(Some("tfbridge20")));
    let (args, invoke) = ("global::Pulumi.ResourceArgs", "global::Pulumi.InvokeArgs");
    let want = triples(&[
        ("Inputs/Filter.cs", "FilterArgs", invoke),
        ("Inputs/FilterArgs.cs", "FilterInputArgs", args),
        ("Outputs/FilterResult.cs", "FilterResult", ""),
        // Only resources take `Key`: its input class keeps `Args`; a function returns it.
        ("Inputs/KeyArgs.cs", "KeyArgs", args),
        ("Outputs/KeyResult.cs", "KeyResult", ""),
        // `notify` (no result, so no output form) takes `Rule` plainly and `Bucket` takes it:
        // its plain class is `RuleArgs`, so the input shape takes `RuleInputArgs`.
        ("Inputs/Rule.cs", "RuleArgs", invoke),
        ("Inputs/RuleArgs.cs", "RuleInputArgs", args),
        ("Outputs/RuleResult.cs", "RuleResult", ""),
    ]);
    assert_eq!(classes, want);
    let get = text_of(&files, "GetAmiIds.cs");
    assert!(get.contains("public List<global::Pulumi.Tf.Inputs.FilterArgs> Filters"), "{get}");
    assert!(get.contains("public InputList<global::Pulumi.Tf.Inputs.FilterInputArgs> Filters"), "{get}");
    assert!(get.contains("public readonly ImmutableArray<global::Pulumi.Tf.Outputs.FilterResult> Filters"), "{get}");
    let bucket = text_of(&files, "Bucket.cs");
    assert!(bucket.contains("public Output<global::Pulumi.Tf.Outputs.KeyResult?> Key"), "{bucket}");
    assert!(bucket.contains("public Input<global::Pulumi.Tf.Inputs.KeyArgs>? Key"), "{bucket}");
    assert!(bucket.contains("public Input<global::Pulumi.Tf.Inputs.RuleInputArgs>? Rule"), "{bucket}");

    // Without the option (and with a value bridgegen does not apply) the names are the default ones.
    for compat in [None, Some("kubernetes20")] {
        let (classes, _) = object_classes(&tfbridge_schema(compat));
        let want = triples(&[
            ("Inputs/Filter.cs", "Filter", invoke),
            ("Inputs/FilterArgs.cs", "FilterArgs", args),
            ("Outputs/Filter.cs", "Filter", ""),
            ("Inputs/KeyArgs.cs", "KeyArgs", args),
            ("Outputs/Key.cs", "Key", ""),
            ("Inputs/Rule.cs", "Rule", invoke),
            ("Inputs/RuleArgs.cs", "RuleArgs", args),
            ("Outputs/Rule.cs", "Rule", ""),
        ]);
        assert_eq!(classes, want, "{compat:?}");
    }
}
