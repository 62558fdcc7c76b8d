//! References into other packages' schemas are typed with those packages' classes, as
//! Pulumi's generator types them (pulumi-dotnet's external-resource-schema case:
//! `Pulumi.Random.RandomPet`, `Pulumi.Other.Provider`, `ThirdParty.Other.Module.Sub.Inputs.ConfigArgs`):
//! by Pulumi's defaults without the referenced schema, by its `csharp` options with it.

mod support;

use bridgegen_model::Package;
use support::check_package;

fn bind(schema: serde_json::Value) -> Package {
    let (pkg, warnings) = bridgegen_model::bind_str(&schema.to_string()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    pkg
}

fn file(files: &[bridgegen_codegen::GeneratedFile], path: &str) -> String {
    let f = files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}"));
    String::from_utf8(f.contents.clone()).unwrap()
}

fn assert_has(text: &str, lines: &[&str]) {
    for line in lines {
        assert!(text.contains(line), "no `{line}` in:\n{text}");
    }
}

/// A package referring to an AWS resource and type, a Kubernetes provider and another
/// package's type in a module, in outputs, inputs, state and function arguments.
fn referring() -> Package {
    bind(referring_schema())
}

fn referring_schema() -> serde_json::Value {
    let sg = "/aws/v6.0.0/schema.json#/resources/aws:ec2%2FsecurityGroup:SecurityGroup";
    let ingress = "/aws/v6.0.0/schema.json#/types/aws:ec2%2FSecurityGroupIngress:SecurityGroupIngress";
    let config = "/other/v0.1.0/schema.json#/types/other:module/sub:Config";
    serde_json::json!({
        "name": "ext", "version": "1.0.0",
        "language": {"csharp": {"packageReferences": {"Pulumi": "3.*", "Pulumi.Aws": "6.*", "Newtonsoft.Json": "13.*"}}},
        "resources": {"ext:index:Thing": {
            "properties": {
                "group": {"$ref": sg},
                "rules": {"type": "array", "items": {"$ref": ingress}},
                "provider": {"$ref": "/kubernetes/v3.7.0/schema.json#/provider"},
                "config": {"$ref": config}
            },
            "inputProperties": {
                "group": {"$ref": sg},
                "rules": {"type": "array", "items": {"$ref": ingress}},
                "config": {"$ref": config}
            },
            "stateInputs": {"properties": {"rules": {"type": "array", "items": {"$ref": ingress}}}}
        }},
        "functions": {"ext:index:lookup": {
            "inputs": {"properties": {"rule": {"$ref": ingress}}},
            "outputs": {"properties": {"group": {"$ref": sg}}}
        }}
    })
}

#[test]
fn external_references_use_pulumi_default_names_without_the_schema() {
    let pkg = referring();
    let files = bridgegen_dotnet::generate(&pkg).unwrap();
    let thing = file(&files, "Thing.cs");
    assert_has(
        &thing,
        &[
            "public Output<global::Pulumi.Aws.Ec2.SecurityGroup?> Group",
            "public Output<ImmutableArray<global::Pulumi.Aws.Ec2.Outputs.SecurityGroupIngress>> Rules",
            "public Output<global::Pulumi.Kubernetes.Provider?> Provider",
            "public Output<global::Pulumi.Other.Module.Sub.Outputs.Config?> Config",
            "public Input<global::Pulumi.Aws.Ec2.SecurityGroup>? Group",
            "public InputList<global::Pulumi.Aws.Ec2.Inputs.SecurityGroupIngressArgs> Rules",
            "public Input<global::Pulumi.Other.Module.Sub.Inputs.ConfigArgs>? Config",
            // State classes name other packages' types as `GetArgs` too.
            "public InputList<global::Pulumi.Aws.Ec2.Inputs.SecurityGroupIngressGetArgs> Rules",
        ],
    );
    let lookup = file(&files, "Lookup.cs");
    assert_has(
        &lookup,
        &[
            // The promise form takes the plain class, the output form the input class.
            "public global::Pulumi.Aws.Ec2.Inputs.SecurityGroupIngress? Rule { get; set; }",
            "public Input<global::Pulumi.Aws.Ec2.Inputs.SecurityGroupIngressArgs>? Rule { get; set; }",
            "public readonly global::Pulumi.Aws.Ec2.SecurityGroup? Group;",
        ],
    );
    // The referenced SDKs come from `packageReferences`; Pulumi SDKs keep their content out.
    let csproj = file(&files, "Pulumi.Ext.csproj");
    assert_has(
        &csproj,
        &[
            r#"<PackageReference Include="Pulumi.Aws" Version="6.*" ExcludeAssets="contentFiles" />"#,
            r#"<PackageReference Include="Pulumi" Version="3.*" />"#,
            r#"<PackageReference Include="Newtonsoft.Json" Version="13.*" />"#,
        ],
    );
    let (_, errors) = check_package(&pkg);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn external_references_follow_the_referenced_schema_when_given() {
    let other = bind(serde_json::json!({
        "name": "other", "version": "0.1.0",
        "language": {"csharp": {"rootNamespace": "ThirdParty", "namespaces": {"module/sub": "Module.Sub"}}},
        "types": {"other:module/sub:Config": {"type": "object", "properties": {"x": {"type": "string"}}}}
    }));
    let aws = bind(serde_json::json!({
        "name": "aws", "version": "6.0.0",
        "meta": {"moduleFormat": "(.*)(?:/[^/]*)"},
        "language": {"csharp": {"namespaces": {"aws": "Aws", "ec2": "Ec2"}}},
        "resources": {"aws:ec2/securityGroup:SecurityGroup": {
            "language": {"csharp": {"name": "Group"}},
            "properties": {"name": {"type": "string"}}
        }},
        "types": {
            "aws:ec2/SecurityGroupIngress:SecurityGroupIngress": {"type": "object", "properties": {"port": {"type": "integer"}}},
            "aws:ec2/InstanceType:InstanceType": {"type": "string", "enum": [{"value": "t2.micro"}]}
        }
    }));
    let kube = bind(serde_json::json!({
        "name": "kubernetes", "version": "3.7.0",
        "language": {"csharp": {"compatibility": "kubernetes20"}}
    }));
    let mut schema = referring_schema();
    let size = serde_json::json!({"$ref": "/aws/v6.0.0/schema.json#/types/aws:ec2%2FInstanceType:InstanceType"});
    schema["resources"]["ext:index:Thing"]["properties"]["size"] = size.clone();
    let lookup = &mut schema["functions"]["ext:index:lookup"]["inputs"];
    lookup["properties"]["size"] = size;
    lookup["required"] = serde_json::json!(["size"]);
    let pkg = bind(schema);
    let files = bridgegen_dotnet::generate_with_externals(&pkg, &[&other, &aws, &kube]).unwrap();
    let thing = file(&files, "Thing.cs");
    assert_has(
        &thing,
        &[
            // `rootNamespace` and `namespaces` of the referenced package.
            "public Output<global::ThirdParty.Other.Module.Sub.Outputs.Config?> Config",
            "public Input<global::ThirdParty.Other.Module.Sub.Inputs.ConfigArgs>? Config",
            // A resource its schema renames keeps that name.
            "public Output<global::Pulumi.Aws.Ec2.Group?> Group",
            "public InputList<global::Pulumi.Aws.Ec2.Inputs.SecurityGroupIngressArgs> Rules",
            "public Output<global::Pulumi.Kubernetes.Provider?> Provider",
            // Its schema tells an enum from an object type.
            "public Output<global::Pulumi.Aws.Ec2.InstanceType?> Size",
        ],
    );
    // A struct: a required plain enum argument has no `null!` initializer.
    let lookup = file(&files, "Lookup.cs");
    assert_has(&lookup, &["public global::Pulumi.Aws.Ec2.InstanceType Size { get; set; }\n"]);
}

/// pulumi-codegen's external-resource-schema against the Kubernetes 3.7.0 schema: its
/// `kubernetes20` layout and `namespaces` spell the Kubernetes classes as the Kubernetes SDK
/// declares them.
#[test]
fn corpus_kubernetes_references_use_the_kubernetes_sdk_names() {
    let dir = bridgegen_test_support::require!(bridgegen_test_support::conformance_dir());
    let load = |rel: &str| bridgegen_model::load_package(&dir.join(rel)).map(|(p, _)| p).unwrap();
    let pkg = load("pulumi-codegen/external-resource-schema/schema.json");
    let kube = load("pulumi-schemas/kubernetes-3.7.0.json");
    let files = bridgegen_dotnet::generate_with_externals(&pkg, &[&kube]).unwrap();
    let all: String = files.iter().map(|f| String::from_utf8_lossy(&f.contents).into_owned()).collect();
    for name in [
        "global::Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs",
        "global::Pulumi.Kubernetes.Types.Outputs.Core.V1.Pod",
        "global::Pulumi.Kubernetes.Storage.V1.StorageClass",
        "global::Pulumi.Kubernetes.Provider",
    ] {
        assert!(all.contains(name), "no {name}");
    }
    // Without the schema the default names stand in (Pulumi's generator would need it).
    let files = bridgegen_dotnet::generate(&pkg).unwrap();
    let all: String = files.iter().map(|f| String::from_utf8_lossy(&f.contents).into_owned()).collect();
    assert!(all.contains("global::Pulumi.Kubernetes.Meta.V1.Inputs.ObjectMetaArgs"));
}
