//! Answers the model gives once for every output: the provider token and a resource's
//! replace-on-change set, and whether a method result is plain.

use bridgegen_model::bind_str;
use serde_json::json;

#[test]
fn provider_token_and_replace_paths() {
    let schema = json!({
        "name": "x",
        "version": "1.0.0",
        "resources": {
            "x:index:R": {
                "properties": {
                    "zone": { "type": "string", "replaceOnChanges": true },
                    "spec": { "$ref": "#/types/x:index:Spec" },
                    "plain": { "type": "string" }
                },
                "inputProperties": {
                    "zone": { "type": "string" },
                    "spec": { "$ref": "#/types/x:index:Spec" },
                    "name": { "type": "string", "willReplaceOnChanges": true },
                    "plain": { "type": "string" }
                }
            }
        },
        "types": {
            "x:index:Spec": {
                "type": "object",
                "properties": {
                    "size": { "type": "integer", "replaceOnChanges": true },
                    "tags": { "type": "array", "items": { "$ref": "#/types/x:index:Spec" } }
                }
            }
        }
    });
    let (pkg, _) = bind_str(&schema.to_string()).unwrap();
    assert_eq!(pkg.provider_token(), "pulumi:providers:x");
    assert_eq!(pkg.provider.token.full, pkg.provider_token());
    // The flag on the output spelling (`zone`) counts for the input too; nested flags are
    // paths; a recursive type is followed once.
    assert_eq!(pkg.resources[0].replace_on_changes(&pkg), vec!["name", "spec.size", "zone"]);
}

#[test]
fn provider_only_outputs_and_the_config_types_module() {
    let schema = json!({
        "name": "x",
        "version": "1.0.0",
        "meta": { "moduleFormat": "(.*)(?:/[^/]*)" },
        "config": { "variables": { "proxy": { "$ref": "#/types/x:config/proxy:proxy" } } },
        "provider": {
            "properties": { "auth": { "$ref": "#/types/x:index/providerAuth:ProviderAuth" } },
            "inputProperties": { "auth": { "$ref": "#/types/x:index/providerAuth:ProviderAuth" } }
        },
        "resources": {
            "x:index/r:R": {
                "properties": { "auth": { "$ref": "#/types/x:index/shared:Shared" } },
                "inputProperties": { "auth": { "$ref": "#/types/x:index/providerAuth:ProviderAuth" } }
            },
            "x:other/r:R": { "properties": {} }
        },
        "types": {
            "x:index/providerAuth:ProviderAuth": { "type": "object", "properties": { "user": { "type": "string" } } },
            "x:index/shared:Shared": { "type": "object", "properties": { "user": { "type": "string" } } },
            "x:config/proxy:proxy": { "type": "object", "properties": { "url": { "type": "string" } } },
            "x:other/t:T": { "type": "object", "properties": { "url": { "type": "string" } } }
        }
    });
    let (pkg, _) = bind_str(&schema.to_string()).unwrap();
    let usage = |name: &str| pkg.objects.iter().find(|o| o.token.name == name).unwrap().usage;
    // Only the provider outputs ProviderAuth: an output, but none an SDK declares.
    let auth = usage("ProviderAuth");
    assert!(auth.input && auth.output && !auth.sdk_output);
    assert!(usage("Shared").output && usage("Shared").sdk_output);
    assert!(usage("proxy").sdk_output, "config variables are outputs");
    let module = |name: &str| pkg.modules.iter().find(|m| m.name == name).unwrap();
    assert!(module("config").merges_with_config());
    assert!(!module("other").merges_with_config());
    assert!(!module("").merges_with_config());
}

/// `"plain": true` on an outputs object or on a return type marks the result plain (Pulumi's
/// `ReturnTypePlain`); the legacy `"plain": [names]` list marks properties only.
#[test]
fn plain_results() {
    let self_ref = json!({ "properties": { "__self__": { "$ref": "#/resources/x:index:R" } } });
    let schema = json!({
        "name": "x",
        "version": "1.0.0",
        "resources": { "x:index:R": { "methods": {
            "a": "x:index:R/a", "b": "x:index:R/b", "c": "x:index:R/c", "d": "x:index:R/d"
        } } },
        "functions": {
            "x:index:R/a": { "inputs": self_ref, "outputs": { "plain": true, "properties": { "n": { "type": "integer" } } } },
            "x:index:R/b": { "inputs": self_ref, "outputs": { "type": "integer", "plain": true } },
            "x:index:R/c": { "inputs": self_ref, "outputs": { "plain": ["n"], "properties": { "n": { "type": "integer" } } } },
            "x:index:R/d": { "inputs": self_ref, "outputs": { "$ref": "#/provider" } }
        }
    });
    let (pkg, _) = bind_str(&schema.to_string()).unwrap();
    let plain: Vec<(String, bool)> = pkg.functions.iter().map(|f| (f.token.full.clone(), f.plain_result)).collect();
    assert_eq!(
        plain,
        [("x:index:R/a", true), ("x:index:R/b", true), ("x:index:R/c", false), ("x:index:R/d", false)]
            .map(|(t, p)| (t.to_string(), p))
    );
    let c = pkg.functions.iter().find(|f| f.token.full == "x:index:R/c").unwrap();
    let bridgegen_model::FunctionReturn::Object(props) = &c.outputs else { panic!("c returns an object") };
    assert!(props[0].plain, "the legacy list still marks the property");
}
