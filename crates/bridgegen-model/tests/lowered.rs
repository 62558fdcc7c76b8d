//! Answers the model gives once for every output: the provider token and a resource's
//! replace-on-change set.

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
