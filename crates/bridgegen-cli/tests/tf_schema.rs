//! `bridgegen tf schema` on real provider binaries (built from tests/tfprovider/ with go).

use std::path::Path;
use std::process::Command;

use bridgegen_test_support::go::go_build;
use bridgegen_test_support::{repo_path, require};

/// The committed fixture tf-bridge reads; regenerate with the command in [`fixture_is_current`].
const FIXTURE: &str = "tests/fixtures/tf/kakaocloud.tf-schema.json";

fn tf_schema(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_bridgegen")).args(["tf", "schema"]).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn kakaocloud_schema(out: &Path) -> Result<String, String> {
    let bin = go_build("tests/tfprovider/kakaocloud", "terraform-provider-kakaocloud")?;
    let (code, stderr) = tf_schema(&[
        "--provider".as_ref(),
        bin.as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--provider-name".as_ref(),
        "kakaoenterprise/kakaocloud".as_ref(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("protocol 6") && stderr.contains("1 resources"), "progress on stderr: {stderr}");
    Ok(std::fs::read_to_string(out).unwrap())
}

#[test]
fn kakaocloud_provider_schema_json() {
    let dir = tempfile::tempdir().unwrap();
    let text = require!(kakaocloud_schema(&dir.path().join("out/tf-schema.json")));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format_version"], "1.0");
    let p = &doc["provider_schemas"]["registry.terraform.io/kakaoenterprise/kakaocloud"];
    assert_eq!(p["provider"]["block"]["attributes"]["application_credential_secret"]["sensitive"], true);
    let r = &p["resource_schemas"]["kakaocloud_image_member"];
    assert_eq!(r["version"], 0);
    let attrs = &r["block"]["attributes"];
    assert_eq!(
        attrs["image_id"],
        serde_json::json!({
            "type": "string", "description": "Unique ID of the image", "description_kind": "plain", "required": true
        })
    );
    assert_eq!(
        attrs["status"],
        serde_json::json!({
            "type": "string", "description": "Image sharing status", "description_kind": "plain", "computed": true
        })
    );
    let t = &attrs["timeouts"];
    assert_eq!((t["optional"].clone(), t["nested_type"]["nesting_mode"].clone()), (true.into(), "single".into()));
    assert!(t.get("type").is_none(), "nested attributes carry nested_type, not type");
    assert_eq!(t["nested_type"]["attributes"]["read"]["optional"], true);
    assert_eq!(r["block"]["description_kind"], "markdown");
    assert!(p.get("data_source_schemas").is_none(), "empty sections are omitted, as Terraform does");
}

#[test]
fn fixture_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = require!(kakaocloud_schema(&dir.path().join("tf-schema.json")));
    let committed = std::fs::read_to_string(repo_path(FIXTURE)).unwrap_or_default();
    assert!(
        fresh == committed,
        "{FIXTURE} is stale; regenerate it with\n  bridgegen tf schema --provider <go build of tests/tfprovider/kakaocloud> \
         --provider-name kakaoenterprise/kakaocloud --out {FIXTURE}"
    );
}

#[test]
fn protocol_5_provider_named_from_its_file_name() {
    let bin = require!(go_build("tests/tfprovider/sdkv2", "terraform-provider-legacy"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("legacy.json");
    let (code, stderr) = tf_schema(&["--provider".as_ref(), bin.as_os_str(), "--out".as_ref(), out.as_os_str()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("protocol 5"), "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let rule = &doc["provider_schemas"]["registry.terraform.io/hashicorp/legacy"]["resource_schemas"]["legacy_thing"]
        ["block"]["block_types"]["rule"];
    assert_eq!((rule["nesting_mode"].as_str(), rule["max_items"].as_u64()), (Some("list"), Some(1)));
    assert!(rule.get("min_items").is_none());
}

#[test]
fn a_binary_that_is_not_a_plugin_exits_3_and_writes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("terraform-provider-fake");
    std::fs::write(&fake, "#!/bin/sh\necho 'I am not a plugin' >&2\nexit 1\n").unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = dir.path().join("tf-schema.json");
    std::fs::write(&out, "previous").unwrap();
    let (code, stderr) = tf_schema(&["--provider".as_ref(), fake.as_os_str(), "--out".as_ref(), out.as_os_str()]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("is not a Terraform provider plugin") && stderr.contains("I am not a plugin"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous", "the old file is left alone");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temp files left behind");

    let (code, stderr) = tf_schema(&[
        "--provider".as_ref(),
        dir.path().join("nope").as_os_str(),
        "--out".as_ref(),
        out.as_os_str(),
        "--provider-name".as_ref(),
        "x".as_ref(),
    ]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("no such provider binary"), "{stderr}");
}

#[test]
fn usage_errors_and_help() {
    let (code, stderr) = tf_schema(&["--out".as_ref(), "x.json".as_ref()]);
    assert_eq!(code, 2, "{stderr}");
    let out = Command::new(env!("CARGO_BIN_EXE_bridgegen")).args(["tf", "schema", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in ["--provider <PATH>", "--out <FILE>", "--provider-name <NAME>", "terraform providers schema -json"] {
        assert!(help.contains(flag), "--help lacks {flag}:\n{help}");
    }
}
