//! A real Terraform provider we did not write, from the Go module proxy, bridged end to end at
//! design time: `go install` -> `tf schema` -> `tf bridge` (minimal config, the module's own docs)
//! -> `schema check`. terraform-provider-time is built on terraform-plugin-framework and ships
//! tfplugindocs pages beside CDKTF translations of them.

use std::process::Command;

use bridgegen_test_support::go::go_install;
use bridgegen_test_support::require;

const MODULE: &str = "github.com/hashicorp/terraform-provider-time";
const VERSION: &str = "v0.14.2";

fn bridgegen(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bridgegen")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn terraform_provider_time_bridges_with_a_minimal_config() {
    let (bin, src) = require!(go_install(MODULE, VERSION));
    let dir = tempfile::tempdir().unwrap();
    let tf_schema = dir.path().join("tf-schema.json");
    let (code, stderr) =
        bridgegen(&[os("tf"), os("schema"), os("--provider"), bin.as_os_str(), os("--out"), tf_schema.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("registry.terraform.io/hashicorp/time") && stderr.contains("4 resources"), "{stderr}");
    assert!(stderr.contains("3 functions"), "its provider functions are in the schema: {stderr}");

    let config = dir.path().join("bridge.toml");
    std::fs::write(&config, "name = \"time\"\n").unwrap();
    let schema = dir.path().join("schema.json");
    let docs = src.join("docs");
    let (code, stderr) = bridgegen(&[
        os("tf"),
        os("bridge"),
        os("--tf-schema"),
        tf_schema.as_os_str(),
        os("--docs"),
        docs.as_os_str(),
        os("--config"),
        config.as_os_str(),
        os("--out"),
        schema.as_os_str(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("43/43 properties described"), "every attribute has its doc text: {stderr}");
    // The HCL pages are read, not the CDKTF translations under docs/cdktf/.
    assert!(!stderr.contains("`python` code block"), "{stderr}");
    assert!(!stderr.contains("examples: 0 converted"), "{stderr}");

    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&schema).unwrap()).unwrap();
    let tokens: Vec<&str> = doc["resources"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        tokens,
        [
            "time:index/offset:Offset",
            "time:index/rotating:Rotating",
            "time:index/sleep:Sleep",
            "time:index/static:Static"
        ]
    );
    let stat = &doc["resources"]["time:index/static:Static"];
    assert!(stat["description"].as_str().unwrap().starts_with("Manages a static time resource"), "{stat}");
    assert_eq!(stat["inputProperties"]["triggers"]["type"], "object");
    assert_eq!(stat["inputProperties"]["triggers"]["additionalProperties"]["type"], "string");
    // The JSON schema says only `number` (Int64 in the provider's Go code is lost on the wire).
    assert_eq!(stat["properties"]["unix"]["type"], "number");
    // Provider functions: invokes with named arguments, the docs page's text, object results.
    let parse = &doc["functions"]["time:index/rfc3339Parse:rfc3339Parse"];
    assert!(parse["description"].as_str().unwrap().starts_with("Given an RFC3339 timestamp string"), "{parse}");
    assert_eq!(parse["inputs"]["required"], serde_json::json!(["timestamp"]));
    assert_eq!(parse["outputs"]["properties"]["monthName"]["type"], "string");
    assert_eq!(
        parse["outputs"]["properties"]["isoWeek"]["description"], "The ISO 8601 week number.\n",
        "from the page's Return Type section"
    );
    assert_eq!(doc["functions"].as_object().unwrap().len(), 3);
    let meta_path = dir.path().join("schema.bridge-metadata.json");
    let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(meta_path).unwrap()).unwrap();
    assert_eq!(meta["functions"]["unix_timestamp_parse"]["parameters"], serde_json::json!(["unix_timestamp"]));
    assert_eq!(meta["functions"]["unix_timestamp_parse"]["fields"]["unix_timestamp"]["name"], "unixTimestamp");

    let (code, stderr) = bridgegen(&[os("schema"), os("check"), schema.as_os_str()]);
    assert_eq!(code, 0, "the bridged schema is valid: {stderr}");
}
