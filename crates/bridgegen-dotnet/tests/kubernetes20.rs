//! `compatibility: kubernetes20`, the layout of Pulumi's Kubernetes SDK, checked on a small
//! schema shaped like Pulumi's `kubernetes20` codegen test: the files, namespaces and
//! classes generated are those of pulumi-dotnet's expected output for that test, and the
//! members use the `Types.Inputs`/`Types.Outputs` classes, non-nullable outputs and
//! optional args; the whole package passes the C# checks.

mod support;

use std::collections::BTreeSet;

use support::{check_package, text_of};

fn schema() -> serde_json::Value {
    let config_map_props = serde_json::json!({
        "apiVersion": {"type": "string", "const": "v1"},
        "data": {"type": "object", "additionalProperties": {"type": "string"}},
        "immutable": {"type": "boolean"},
        "kind": {"type": "string", "const": "ConfigMap"},
        "metadata": {"$ref": "#/types/kubernetes:meta/v1:ObjectMeta"}
    });
    let list_props = serde_json::json!({
        "apiVersion": {"type": "string"},
        "items": {"type": "array", "items": {"$ref": "#/types/kubernetes:core/v1:ConfigMap"}},
        "kind": {"type": "string"},
        "metadata": {"$ref": "#/types/kubernetes:meta/v1:ListMeta"}
    });
    serde_json::json!({
        "name": "kubernetes", "version": "1.0.0",
        "language": {"csharp": {
            "compatibility": "kubernetes20",
            "dictionaryConstructors": true,
            "namespaces": {"": "Provider", "core/v1": "Core.V1", "meta/v1": "Meta.V1", "yaml/v2": "Yaml.V2"}
        }},
        "config": {"variables": {"namespace": {"type": "string"}}},
        "provider": {"inputProperties": {
            "kubeClientSettings": {"$ref": "#/types/kubernetes:index:KubeClientSettings"},
            "namespace": {"type": "string"}
        }},
        "resources": {
            "kubernetes:core/v1:ConfigMap": {"properties": config_map_props, "inputProperties": config_map_props},
            "kubernetes:core/v1:ConfigMapList": {
                "properties": list_props, "required": ["items"],
                "inputProperties": list_props, "requiredInputs": ["items"]
            },
            "kubernetes:yaml/v2:ConfigGroup": {
                "isComponent": true,
                "inputProperties": {"files": {"type": "array", "items": {"type": "string"}}},
                "properties": {"resources": {"type": "array", "items": {"$ref": "pulumi.json#/Any"}}}
            }
        },
        "types": {
            "kubernetes:core/v1:ConfigMap": {"type": "object", "properties": config_map_props},
            "kubernetes:index:KubeClientSettings": {"type": "object", "properties": {"timeout": {"type": "integer"}}},
            "kubernetes:meta/v1:ObjectMeta": {"type": "object", "properties": {"name": {"type": "string"}}},
            "kubernetes:meta/v1:ListMeta": {"type": "object", "properties": {"continue": {"type": "string"}}}
        }
    })
}

/// `(file, namespace, class)` of every class declared directly in a namespace.
fn declarations(files: &[(String, String)]) -> BTreeSet<(String, String, String)> {
    let mut out = BTreeSet::new();
    for (path, text) in files.iter().filter(|(p, _)| p.ends_with(".cs")) {
        let mut ns = String::new();
        for line in text.lines() {
            if let Some(n) = line.strip_prefix("namespace ") {
                ns = n.trim().to_string();
            }
            // Top-level classes are indented once; nested ones deeper.
            let Some(decl) = line.strip_prefix("    ").filter(|l| !l.starts_with(' ')) else { continue };
            if let Some((_, rest)) =
                decl.split_once("class ").filter(|(m, _)| m.starts_with("public") || m.starts_with("internal"))
            {
                let class = rest.split([' ', ':']).next().unwrap_or_default();
                out.insert((path.clone(), ns.clone(), class.to_string()));
            }
        }
    }
    out
}

#[test]
fn kubernetes20_layout_matches_pulumi() {
    let (pkg, warnings) = bridgegen_model::bind_str(&schema().to_string()).unwrap();
    // The option is honoured, so binding does not warn about it.
    assert!(warnings.is_empty(), "{warnings:?}");
    let files: Vec<(String, String)> = bridgegen_dotnet::generate(&pkg)
        .unwrap()
        .into_iter()
        .map(|f| (f.path, String::from_utf8(f.contents).unwrap()))
        .collect();

    // From pulumi-dotnet's testdata/kubernetes20 (its `Core/V1/Inputs/ConfigMapArgs.cs`
    // declares nothing: the resource's file holds that class; bridgegen writes no such file).
    let (root, ins, outs) = ("Pulumi.Kubernetes", "Pulumi.Kubernetes.Types.Inputs", "Pulumi.Kubernetes.Types.Outputs");
    let want: BTreeSet<(String, String, String)> = [
        ("Config/Config.cs", root.to_string(), "Config"),
        ("Core/V1/ConfigMap.cs", format!("{root}.Core.V1"), "ConfigMap"),
        ("Core/V1/ConfigMap.cs", format!("{ins}.Core.V1"), "ConfigMapArgs"),
        ("Core/V1/ConfigMapList.cs", format!("{root}.Core.V1"), "ConfigMapList"),
        ("Core/V1/ConfigMapList.cs", format!("{ins}.Core.V1"), "ConfigMapListArgs"),
        ("Core/V1/Outputs/ConfigMap.cs", format!("{outs}.Core.V1"), "ConfigMap"),
        ("Inputs/KubeClientSettingsArgs.cs", format!("{ins}.Provider"), "KubeClientSettingsArgs"),
        ("Meta/V1/Inputs/ListMetaArgs.cs", format!("{ins}.Meta.V1"), "ListMetaArgs"),
        ("Meta/V1/Inputs/ObjectMetaArgs.cs", format!("{ins}.Meta.V1"), "ObjectMetaArgs"),
        ("Meta/V1/Outputs/ListMeta.cs", format!("{outs}.Meta.V1"), "ListMeta"),
        ("Meta/V1/Outputs/ObjectMeta.cs", format!("{outs}.Meta.V1"), "ObjectMeta"),
        ("Provider.cs", root.to_string(), "Provider"),
        ("Provider.cs", root.to_string(), "ProviderArgs"),
        ("Utilities.cs", root.to_string(), "KubernetesResourceTypeAttribute"),
        ("Yaml/V2/ConfigGroup.cs", format!("{root}.Yaml.V2"), "ConfigGroup"),
        ("Yaml/V2/ConfigGroup.cs", format!("{ins}.Yaml.V2"), "ConfigGroupArgs"),
    ]
    .into_iter()
    .map(|(f, n, c)| (f.to_string(), n, c.to_string()))
    .collect();
    let got = declarations(&files);
    assert_eq!(got.difference(&want).collect::<Vec<_>>(), Vec::<&(String, String, String)>::new(), "extra");
    assert_eq!(want.difference(&got).collect::<Vec<_>>(), Vec::<&(String, String, String)>::new(), "missing");

    let map = text_of(&files, "Core/V1/ConfigMap.cs");
    for line in [
        // Custom resources derive from the SDK's `KubernetesResource`; args are optional.
        "public partial class ConfigMap : global::Pulumi.Kubernetes.KubernetesResource",
        "public ConfigMap(string name, global::Pulumi.Kubernetes.Types.Inputs.Core.V1.ConfigMapArgs? args = null, CustomResourceOptions? options = null)",
        // Outputs are typed as if required.
        "public Output<bool> Immutable { get; private set; } = null!;",
        "public Output<global::Pulumi.Kubernetes.Types.Outputs.Meta.V1.ObjectMeta> Metadata { get; private set; } = null!;",
        // Args classes are not sealed.
        "public class ConfigMapArgs : global::Pulumi.ResourceArgs",
        "public Input<global::Pulumi.Kubernetes.Types.Inputs.Meta.V1.ObjectMetaArgs>? Metadata { get; set; }",
        // Inputs with a `const` are always set (Pulumi's `MakeArgs`).
        ": base(\"kubernetes:core/v1:ConfigMap\", name, MakeArgs(args), MakeResourceOptions(options, \"\"))",
        "args.ApiVersion = \"v1\";\n            args.Kind = \"ConfigMap\";\n            return args;",
    ] {
        assert!(map.contains(line), "no `{line}` in:\n{map}");
    }
    let list = text_of(&files, "Core/V1/ConfigMapList.cs");
    // Required inputs do not make the args required; the object type's input class is the
    // resource's args class.
    assert!(list.contains("ConfigMapListArgs? args = null"), "{list}");
    assert!(
        list.contains("public InputList<global::Pulumi.Kubernetes.Types.Inputs.Core.V1.ConfigMapArgs> Items"),
        "{list}"
    );
    assert!(
        list.contains("public Output<ImmutableArray<global::Pulumi.Kubernetes.Types.Outputs.Core.V1.ConfigMap>> Items"),
        "{list}"
    );
    let output = text_of(&files, "Core/V1/Outputs/ConfigMap.cs");
    assert!(output.contains("public readonly bool Immutable;"), "{output}");
    let group = text_of(&files, "Yaml/V2/ConfigGroup.cs");
    assert!(group.contains("public partial class ConfigGroup : global::Pulumi.ComponentResource"), "{group}");
    // Components get no dictionary constructor; the provider gets one and keeps sealed args.
    assert!(!group.contains("DictionaryResourceArgs"), "{group}");
    let provider = text_of(&files, "Provider.cs");
    assert!(provider.contains("public partial class Provider : global::Pulumi.ProviderResource"), "{provider}");
    assert!(provider.contains("new global::Pulumi.DictionaryResourceArgs(dictionary)"), "{provider}");
    assert!(provider.contains("public sealed class ProviderArgs"), "{provider}");
    assert!(
        provider.contains(
            "public Input<global::Pulumi.Kubernetes.Types.Inputs.Provider.KubeClientSettingsArgs>? KubeClientSettings"
        ),
        "{provider}"
    );

    let (_, errors) = check_package(&pkg);
    assert!(errors.is_empty(), "{errors:?}");
}
