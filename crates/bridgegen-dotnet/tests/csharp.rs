//! Generated C# checked with a real C# grammar plus semantic rules (see `support`),
//! over the seed schemas, the adversarial schemas and every conformance schema (external,
//! `BRIDGEGEN_CONFORMANCE`; skipped without it). Where `dotnet` is on PATH the seed
//! projects are also built with `dotnet build`; elsewhere that test is skipped.

mod support;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use support::{check_package, Expect};

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
    // The provider gets one too (Pulumi's generator leaves out only components).
    assert!(text("Provider.cs").contains("new global::Pulumi.DictionaryResourceArgs(dictionary)"));
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
    errs.extend(support::check_semantics(&parsed, "Pulumi.X", &support::Layout::default(), &expect));
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
