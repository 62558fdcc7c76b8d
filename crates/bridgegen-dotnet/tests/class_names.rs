//! Object-type class names as Pulumi's .NET generator chooses them (its `typeName`): the
//! `GetArgs` classes of state inputs, the `compatibility: tfbridge20` names and the class
//! plain properties hold, checked on small schemas by the files, classes and base classes
//! generated, the types members use, and the whole-package C# check.

mod support;

use std::collections::BTreeSet;

use support::{check_package, text_of};
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
    assert!(get.contains("Invoke(GetAmiIdsInvokeArgs args, InvokeOutputOptions options)"), "{get}");
    assert!(get.contains("public readonly ImmutableArray<global::Pulumi.Tf.Outputs.FilterResult> Filters"), "{get}");
    let bucket = text_of(&files, "Bucket.cs");
    assert!(bucket.contains("public Output<global::Pulumi.Tf.Outputs.KeyResult?> Key"), "{bucket}");
    assert!(bucket.contains("public Input<global::Pulumi.Tf.Inputs.KeyArgs>? Key"), "{bucket}");
    assert!(bucket.contains("public Input<global::Pulumi.Tf.Inputs.RuleInputArgs>? Rule"), "{bucket}");

    // `kubernetes20` names the classes the same way (Pulumi's `typeName` shares the branch);
    // only their namespaces differ.
    let (k8s, _) = object_classes(&tfbridge_schema(Some("kubernetes20")));
    assert_eq!(k8s, want);

    // Without the option (and with a value bridgegen does not know) the names are the default ones.
    for compat in [None, Some("kubernetes21")] {
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

/// A plain object property of an args class holds the type's `Args` class, unwrapped (as
/// Pulumi binds plain properties of input shapes, e.g. awsx `VpcArgs.NatGateways`); plain
/// classes (`Inputs/<Name>.cs`, `InvokeArgs`) exist only for types function inputs reach.
#[test]
fn plain_properties_hold_args_classes() {
    let schema = serde_json::json!({
        "name": "pl", "version": "1.0.0",
        "resources": {"pl:index:Vpc": {
            "isComponent": true,
            "inputProperties": {
                "nat": {"$ref": "#/types/pl:index:Nat", "plain": true},
                "specs": {"type": "array", "items": {"$ref": "#/types/pl:index:Spec"}, "plain": true}
            }
        }},
        "functions": {"pl:index:lookup": {
            "inputs": {"properties": {"spec": {"$ref": "#/types/pl:index:Spec"}}},
            "outputs": {"properties": {"id": {"type": "string"}}}
        }},
        "types": {
            "pl:index:Nat": {"type": "object", "properties": {"strategy": {"type": "string"}}},
            "pl:index:Spec": {"type": "object", "properties": {"size": {"type": "integer"}}}
        }
    });
    let (classes, files) = object_classes(&schema);
    let (args, invoke) = ("global::Pulumi.ResourceArgs", "global::Pulumi.InvokeArgs");
    let want = triples(&[
        ("Inputs/NatArgs.cs", "NatArgs", args),
        ("Inputs/Spec.cs", "Spec", invoke),
        ("Inputs/SpecArgs.cs", "SpecArgs", args),
    ]);
    assert_eq!(classes, want);
    let vpc = text_of(&files, "Vpc.cs");
    assert!(vpc.contains("public global::Pulumi.Pl.Inputs.NatArgs? Nat { get; set; }"), "{vpc}");
    assert!(vpc.contains("public List<global::Pulumi.Pl.Inputs.SpecArgs> Specs"), "{vpc}");
    let lookup = text_of(&files, "Lookup.cs");
    assert!(lookup.contains("public global::Pulumi.Pl.Inputs.Spec? Spec { get; set; }"), "{lookup}");
    assert!(lookup.contains("public Input<global::Pulumi.Pl.Inputs.SpecArgs>? Spec { get; set; }"), "{lookup}");
}

/// Overlays (`isOverlay`: code that comes with the provider's SDK) get no classes, as in
/// Pulumi's generator; the rest of the package is generated as usual.
#[test]
fn overlays_are_left_out() {
    let schema = serde_json::json!({
        "name": "ov", "version": "1.0.0",
        "resources": {
            "ov:index:Thing": {"inputProperties": {"a": {"$ref": "#/types/ov:index:Plain"}}, "properties": {"a": {"$ref": "#/types/ov:index:Plain"}}},
            "ov:index:Helper": {"isOverlay": true, "inputProperties": {"o": {"$ref": "#/types/ov:index:Over"}}}
        },
        "functions": {"ov:index:helperFn": {"isOverlay": true, "outputs": {"properties": {"o": {"$ref": "#/types/ov:index:Over"}}}}},
        "types": {
            "ov:index:Plain": {"type": "object", "properties": {"x": {"type": "string"}}},
            "ov:index:Over": {"type": "object", "isOverlay": true, "properties": {"k": {"$ref": "#/types/ov:index:Kind"}}},
            "ov:index:Kind": {"type": "string", "isOverlay": true, "enum": [{"value": "a"}]}
        }
    });
    let (classes, files) = object_classes(&schema);
    let args = "global::Pulumi.ResourceArgs";
    assert_eq!(classes, triples(&[("Inputs/PlainArgs.cs", "PlainArgs", args), ("Outputs/Plain.cs", "Plain", "")]));
    let paths: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert!(paths.contains("Thing.cs"), "{paths:?}");
    for absent in ["Helper.cs", "HelperFn.cs", "Enums.cs"] {
        assert!(!paths.contains(absent), "{absent} generated: {paths:?}");
    }
}

/// A function whose inputs are empty has no `<Fn>InvokeArgs` class: its output form takes
/// only options (`InvokeOptions` or `InvokeOutputOptions`) and sends `InvokeArgs.Empty`
/// (Pulumi's regress-8403 shape).
#[test]
fn empty_inputs_have_no_invoke_args_class() {
    let schema = serde_json::json!({
        "name": "ei", "version": "1.0.0",
        "functions": {"ei:index:getRoles": {"inputs": {}, "outputs": {"properties": {"n": {"type": "integer"}}}}}
    });
    let (_, files) = object_classes(&schema);
    let f = text_of(&files, "GetRoles.cs");
    assert!(!f.contains("GetRolesInvokeArgs"), "{f}");
    assert!(f.contains("public sealed class GetRolesArgs : global::Pulumi.InvokeArgs"), "{f}");
    assert!(f.contains("public static Output<GetRolesResult> Invoke(InvokeOptions? options = null)"), "{f}");
    assert!(f.contains("(\"ei:index:getRoles\", InvokeArgs.Empty, options.WithDefaults())"), "{f}");
    // The `InvokeOutputOptions` overload, as Pulumi's generator writes it.
    assert!(f.contains("public static Output<GetRolesResult> Invoke(InvokeOutputOptions options)"), "{f}");
}

/// Names Pulumi's SDKs use as they are although they look like SDK names: an object type
/// `Config` (`Inputs.ConfigArgs`, `Outputs.Config`: only the root holds the `Config` class)
/// and a resource `Resource` (`Resource`, `ResourceArgs`); the C# still checks.
#[test]
fn config_type_and_resource_resource_keep_their_names() {
    let schema = serde_json::json!({
        "name": "nm", "version": "1.0.0",
        "config": {"variables": {"region": {"type": "string"}}},
        "resources": {"nm::Resource": {
            "inputProperties": {"config": {"$ref": "#/types/nm::Config"}},
            "properties": {"config": {"$ref": "#/types/nm::Config"}}
        }},
        "types": {"nm::Config": {"type": "object", "properties": {"a": {"type": "string"}}}}
    });
    let (classes, files) = object_classes(&schema);
    let want = triples(&[
        ("Inputs/ConfigArgs.cs", "ConfigArgs", "global::Pulumi.ResourceArgs"),
        ("Outputs/Config.cs", "Config", ""),
    ]);
    assert_eq!(classes, want);
    let res = text_of(&files, "Resource.cs");
    assert!(res.contains("public partial class Resource : global::Pulumi.CustomResource"), "{res}");
    assert!(res.contains("public sealed class ResourceArgs : global::Pulumi.ResourceArgs"), "{res}");
    assert!(res.contains("public Input<global::Pulumi.Nm.Inputs.ConfigArgs>? Config"), "{res}");
    assert!(text_of(&files, "Config/Config.cs").contains("public static class Config"));
}

/// Class and namespace names keep the token's spelling past its first letter, as Pulumi's
/// `tokenToName`/`namespaceName` (awsx `EC2Service`, kubernetes `APIService`, legacy-names'
/// `HTTP_module`); a resource `Provider` outside the root keeps its name.
#[test]
fn names_keep_the_tokens_spelling() {
    let schema = serde_json::json!({
        "name": "sp", "version": "1.0.0",
        "resources": {
            "sp:ecs:EC2Service": {"inputProperties": {"spec": {"$ref": "#/types/sp:ecs:APIServiceSpec"}}},
            "sp:HTTP_module:example_resource": {},
            "sp:submod:Provider": {}
        },
        "types": {"sp:ecs:APIServiceSpec": {"type": "object", "properties": {"a": {"type": "string"}}}}
    });
    let (classes, files) = object_classes(&schema);
    assert!(classes.is_empty(), "{classes:?}"); // types live in module folders
    let paths: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    for want in [
        "Ecs/EC2Service.cs",
        "Ecs/Inputs/APIServiceSpecArgs.cs",
        "HTTP_module/Example_resource.cs",
        "Submod/Provider.cs",
    ] {
        assert!(paths.contains(want), "no {want}: {paths:?}");
    }
    let svc = text_of(&files, "Ecs/EC2Service.cs");
    assert!(svc.contains("namespace Pulumi.Sp.Ecs"), "{svc}");
    assert!(svc.contains("public Input<global::Pulumi.Sp.Ecs.Inputs.APIServiceSpecArgs>? Spec"), "{svc}");
    assert!(text_of(&files, "HTTP_module/Example_resource.cs").contains("namespace Pulumi.Sp.HTTP_module"));
    assert!(
        text_of(&files, "Submod/Provider.cs").contains("public partial class Provider : global::Pulumi.CustomResource")
    );
}

/// Member names as Pulumi's `computePropertyNames`: a property's `language.csharp.name`, else
/// its wire name with dashes removed (next letter uppercased) and the first letter
/// uppercased, the rest as written (`sizeGB`, `image_id`); the wire names stay as they are.
#[test]
fn member_names_follow_pulumi() {
    let props = serde_json::json!({
        "sizeGB": {"type": "integer"},
        "image_id": {"type": "string"},
        "x-kube-thing": {"type": "string"},
        "kubeconfig": {"type": "string", "language": {"csharp": {"name": "KubeConfig"}}}
    });
    let schema = serde_json::json!({
        "name": "mb", "version": "1.0.0",
        "config": {"variables": {"kubeconfig": {"type": "string", "language": {"csharp": {"name": "KubeConfig"}}}}},
        "resources": {"mb::Disk": {"inputProperties": props, "properties": props}},
        "types": {"mb::Spec": {"type": "object", "properties": props}},
        "functions": {"mb::getSpec": {"outputs": {"properties": {"spec": {"$ref": "#/types/mb::Spec"}}}}}
    });
    let (_, files) = object_classes(&schema);
    let disk = text_of(&files, "Disk.cs");
    for (wire, name) in
        [("sizeGB", "SizeGB"), ("image_id", "Image_id"), ("x-kube-thing", "XKubeThing"), ("kubeconfig", "KubeConfig")]
    {
        assert!(disk.contains(&format!("[Output(\"{wire}\")]\n        public Output<")), "{wire}: {disk}");
        assert!(disk.contains(&format!("> {name} {{ get; private set; }}")), "{name}: {disk}");
        assert!(disk.contains(&format!("? {name} {{ get; set; }}")), "{name}: {disk}");
        assert!(text_of(&files, "Outputs/Spec.cs").contains(&format!(" {name};")), "{name}");
    }
    assert!(text_of(&files, "Config/Config.cs").contains(" KubeConfig"));
}

/// A resource's `language.csharp.name` names its class (and `Args`), as Pulumi's `resourceName`.
#[test]
fn resource_csharp_name_renames_the_class() {
    let schema = serde_json::json!({
        "name": "rn", "version": "1.0.0",
        "resources": {"rn::trail": {"language": {"csharp": {"name": "awsTrail"}}, "inputProperties": {"a": {"type": "string"}}}}
    });
    let (_, files) = object_classes(&schema);
    let trail = text_of(&files, "AwsTrail.cs");
    assert!(trail.contains("public partial class AwsTrail : global::Pulumi.CustomResource"), "{trail}");
    assert!(trail.contains("public sealed class AwsTrailArgs : global::Pulumi.ResourceArgs"), "{trail}");
    assert!(trail.contains("[RnResourceType(\"rn::trail\")]"), "{trail}");
}

/// Object types config variables reach are classes nested in `Config.Types` with settable,
/// JSON-bound properties (what `Config.GetObject<T>` fills), as Pulumi's genConfig; a type
/// only config reaches gets no `Outputs` class, one a resource also outputs keeps it.
#[test]
fn config_object_types_are_nested_types_classes() {
    let schema = serde_json::json!({
        "name": "cf", "version": "1.0.0",
        "config": {"variables": {
            "proxy": {"$ref": "#/types/cf:index:Proxy"},
            "hosts": {"type": "array", "items": {"$ref": "#/types/cf:index:Host"}}
        }},
        "resources": {"cf::Thing": {"properties": {"host": {"$ref": "#/types/cf:index:Host"}}}},
        "types": {
            "cf:index:Proxy": {"type": "object", "properties": {"url": {"type": "string"}, "port": {"type": "integer"}}, "required": ["url"]},
            "cf:index:Host": {"type": "object", "properties": {"name": {"type": "string"}}}
        }
    });
    let (classes, files) = object_classes(&schema);
    assert_eq!(classes, triples(&[("Outputs/Host.cs", "Host", "")]));
    let cfg = text_of(&files, "Config/Config.cs");
    for want in [
        "__config.GetObject<global::Pulumi.Cf.Config.Types.Proxy>(\"proxy\")",
        "public static global::Pulumi.Cf.Config.Types.Proxy? Proxy",
        "__config.GetObject<ImmutableArray<global::Pulumi.Cf.Config.Types.Host>>(\"hosts\")",
        "public static class Types",
        "public class Proxy",
        "[global::System.Text.Json.Serialization.JsonPropertyName(\"url\")]\n                public string Url { get; set; } = null!;",
        "[global::System.Text.Json.Serialization.JsonPropertyName(\"port\")]\n                public int? Port { get; set; }\n",
        "public class Host",
    ] {
        assert!(cfg.contains(want), "no `{want}` in:\n{cfg}");
    }
}

/// `multiArgumentInputs`: the inputs become parameters in the listed order, gathered into a
/// `DictionaryInvokeArgs`, with no args classes (Pulumi's simplified-invokes shape); a
/// parameter never takes a local's name.
#[test]
fn multi_argument_functions_take_parameters() {
    let schema = serde_json::json!({
        "name": "ma", "version": "1.0.0",
        "functions": {"ma:index:abs": {
            "multiArgumentInputs": ["b", "args"],
            "inputs": {"properties": {"args": {"type": "number"}, "b": {"type": "string"}}, "required": ["b"]},
            "outputs": {"type": "number"}
        }}
    });
    let (_, files) = object_classes(&schema);
    let f = text_of(&files, "Abs.cs");
    for want in [
        "public static async Task<double> InvokeAsync(string b, double? args_ = null, InvokeOptions? invokeOptions = null)",
        "public static Output<double> Invoke(Input<string> b, Input<double?>? args_ = null, InvokeOptions? invokeOptions = null)",
        "builder[\"args\"] = args_;",
        "var args = new global::Pulumi.DictionaryInvokeArgs(builder.ToImmutableDictionary());",
        "return await global::Pulumi.Deployment.Instance.InvokeSingleAsync<double>(\"ma:index:abs\", args, invokeOptions.WithDefaults());",
    ] {
        assert!(f.contains(want), "no `{want}` in:\n{f}");
    }
    assert!(!f.contains("class AbsArgs") && !f.contains("InvokeOutputOptions"), "{f}");
}

/// A method whose single result value is lifted keeps its result class `internal` (callers
/// only see the value), as Pulumi's SDKs.
#[test]
fn lifted_method_result_class_is_internal() {
    let schema = serde_json::json!({
        "name": "lm", "version": "1.0.0",
        "language": {"csharp": {"liftSingleValueMethodReturns": true}},
        "resources": {"lm::Foo": {"isComponent": true, "methods": {"getKubeconfig": "lm::Foo/getKubeconfig"}}},
        "functions": {"lm::Foo/getKubeconfig": {
            "inputs": {"properties": {"__self__": {"$ref": "#/resources/lm::Foo"}}, "required": ["__self__"]},
            "outputs": {"properties": {"kubeconfig": {"type": "string"}}, "required": ["kubeconfig"]}
        }}
    });
    let (_, files) = object_classes(&schema);
    let foo = text_of(&files, "Foo.cs");
    assert!(foo.contains("internal sealed class FooGetKubeconfigResult"), "{foo}");
    assert!(foo.contains("public Output<string> GetKubeconfig("), "{foo}");
}
