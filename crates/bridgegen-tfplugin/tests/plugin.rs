//! Real provider binaries (built from tests/tfprovider/ with `go build`) started, asked for
//! their schema over tfplugin6 and tfplugin5 with AutoMTLS, and stopped without leftovers.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bridgegen_test_support::go::go_build;
use bridgegen_test_support::{require, skip};
use bridgegen_tfplugin::schema::Attribute;
use bridgegen_tfplugin::{Error, PluginOptions, ProviderPlugin};

fn kakaocloud() -> Result<std::path::PathBuf, String> {
    go_build("tests/tfprovider/kakaocloud", "terraform-provider-kakaocloud")
}

fn legacy() -> Result<std::path::PathBuf, String> {
    go_build("tests/tfprovider/sdkv2", "terraform-provider-legacy")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

/// Running = exists and is not a zombie waiting to be reaped.
fn running(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat.rsplit_once(") ").is_some_and(|(_, rest)| rest.starts_with('Z')),
        Err(_) => false,
    }
}

fn wait_gone(pid: u32) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if !running(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

const TIMESTAMP: &str = " <br/> - ISO_8601 format  <br/> - Based on UTC";

#[test]
fn kakaocloud_schema_over_protocol_6_with_mtls() {
    let bin = require!(kakaocloud());
    runtime().block_on(async {
        let plugin = ProviderPlugin::start(PluginOptions::new(&bin)).await.unwrap();
        assert_eq!(plugin.protocol_version(), 6);
        assert!(plugin.handshake().server_cert.is_some(), "AutoMTLS: the plugin must answer with its certificate");
        assert!(plugin.client().v6().is_some() && plugin.client().v5().is_none());
        let pid = plugin.pid().unwrap();
        let resp = plugin.client().get_provider_schema().await.unwrap();
        assert!(resp.warnings.is_empty(), "{:?}", resp.warnings);
        let schema = resp.schema;

        let config = schema.provider.as_ref().unwrap().block.as_ref().unwrap();
        assert!(config.attributes["application_credential_secret"].sensitive);
        assert!(config.attributes["endpoint"].optional);

        let member = &schema.resource_schemas["kakaocloud_image_member"];
        let block = member.block.as_ref().unwrap();
        assert!(block
            .description
            .starts_with("The `kakaocloud_image_member` resource allows you to manage image sharing"));
        assert_eq!(block.description_kind, "markdown");
        let a = |n: &str| -> &Attribute { &block.attributes[n] };
        let string = Some(serde_json::json!("string"));
        for (name, description) in [
            ("image_id", "Unique ID of the image".to_string()),
            ("member_id", "ID of the project with which the image will be shared".to_string()),
        ] {
            assert!(a(name).required && !a(name).optional && !a(name).computed, "{name}");
            assert_eq!((a(name).description.as_str(), &a(name).attribute_type), (description.as_str(), &string));
        }
        for (name, description) in [
            ("id", "ID of the project receiving the shared image".to_string()),
            ("status", "Image sharing status".to_string()),
            ("created_at", format!("Time when the resource was created{TIMESTAMP}")),
            ("updated_at", format!("Time when the resource was last modified{TIMESTAMP}")),
        ] {
            assert!(a(name).computed && !a(name).required && !a(name).optional, "{name}");
            assert_eq!(a(name).description, description, "{name}");
        }
        // `timeouts` is a protocol-6 nested attribute (single), four optional duration strings.
        let timeouts = a("timeouts");
        assert!(timeouts.optional && timeouts.attribute_type.is_none());
        let nested = timeouts.nested_type.as_ref().unwrap();
        assert_eq!(nested.nesting_mode, "single");
        assert_eq!(nested.attributes.keys().collect::<Vec<_>>(), ["create", "delete", "read", "update"]);
        for t in nested.attributes.values() {
            assert!(t.optional && t.attribute_type == string);
            assert!(t.description.starts_with("A string that can be [parsed as a duration]"), "{}", t.description);
        }
        assert!(nested.attributes["delete"].description.ends_with("before the destroy operation occurs."));
        assert_eq!(block.attributes.len(), 7);
        assert!(schema.data_source_schemas.is_empty());

        let status = plugin.shutdown(Duration::from_secs(5)).await.unwrap();
        assert!(status.success(), "GRPCController.Shutdown should end the plugin cleanly: {status}");
        assert!(wait_gone(pid));
    });
}

#[test]
fn legacy_sdk_v2_schema_over_protocol_5() {
    let bin = require!(legacy());
    runtime().block_on(async {
        let plugin = ProviderPlugin::start(PluginOptions::new(&bin)).await.unwrap();
        assert_eq!(plugin.protocol_version(), 5);
        assert!(plugin.client().v5().is_some());
        let schema = plugin.client().get_provider_schema().await.unwrap().schema;
        assert!(schema.provider.as_ref().unwrap().block.as_ref().unwrap().attributes["token"].sensitive);
        let thing = schema.resource_schemas["legacy_thing"].block.as_ref().unwrap();
        assert_eq!(thing.description, "A thing, kept in the provider's memory.");
        assert_eq!(thing.attributes["tags"].attribute_type, Some(serde_json::json!(["map", "string"])));
        assert!(thing.attributes["secret"].sensitive && thing.attributes["old_name"].deprecated);
        assert!(thing.attributes["serial"].computed && thing.attributes["id"].computed);
        assert_eq!(thing.attributes["serial"].attribute_type, Some(serde_json::json!("number")));
        let rule = &thing.block_types["rule"];
        assert_eq!((rule.nesting_mode.as_str(), rule.min_items, rule.max_items), ("list", 0, 1));
        let rule_block = rule.block.as_ref().unwrap();
        assert!(rule_block.attributes["port"].required);
        assert_eq!(rule_block.attributes["cidrs"].attribute_type, Some(serde_json::json!(["set", "string"])));
        let info = schema.data_source_schemas["legacy_info"].block.as_ref().unwrap();
        assert_eq!(info.attributes["version"].description, "Provider version.");
        plugin.shutdown(Duration::from_secs(5)).await.unwrap();
    });
}

fn script(dir: &std::path::Path, name: &str, body: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[test]
fn binaries_that_are_not_plugins_fail_with_a_clear_error() {
    if bridgegen_test_support::tool("sh").is_err() {
        skip!("no /bin/sh to write fake binaries with");
    }
    let dir = tempfile::tempdir().unwrap();
    let exits = script(dir.path(), "exits", "echo 'usage: exits [flags]' >&2; exit 2");
    let chatty = script(dir.path(), "chatty", "echo 'hello, world'; sleep 30");
    let silent = script(dir.path(), "silent", "exec sleep 30");
    runtime().block_on(async {
        let err = ProviderPlugin::start(PluginOptions::new(&exits)).await.unwrap_err().to_string();
        assert!(
            err.contains("is not a Terraform provider plugin")
                && err.contains("without printing the go-plugin handshake"),
            "{err}"
        );
        assert!(err.contains("exit status: 2") && err.contains("usage: exits [flags]"), "{err}");

        let err = ProviderPlugin::start(PluginOptions::new(&chatty)).await.unwrap_err().to_string();
        assert!(err.contains("not a go-plugin handshake") && err.contains("hello, world"), "{err}");

        let mut opts = PluginOptions::new(&silent);
        opts.start_timeout = Duration::from_millis(500);
        let err = ProviderPlugin::start(opts).await.unwrap_err().to_string();
        assert!(err.contains("no go-plugin handshake line within"), "{err}");

        let missing = dir.path().join("missing");
        let err = ProviderPlugin::start(PluginOptions::new(&missing)).await.unwrap_err();
        assert!(matches!(err, Error::Spawn { .. }), "{err}");
    });
}

#[test]
fn dropping_the_plugin_kills_it() {
    let bin = require!(kakaocloud());
    let rt = runtime();
    let pid = rt.block_on(async {
        let plugin = ProviderPlugin::start(PluginOptions::new(&bin)).await.unwrap();
        let pid = plugin.pid().unwrap();
        assert!(running(pid));
        drop(plugin);
        pid
    });
    assert!(wait_gone(pid), "plugin {pid} still running after drop");
}

/// Run by `the_plugin_dies_with_its_parent` in a child process: start the plugin, print its
/// pid, wait to be killed.
#[test]
#[ignore = "helper process of the_plugin_dies_with_its_parent"]
fn helper_start_and_wait_to_be_killed() {
    let bin = kakaocloud().unwrap();
    runtime().block_on(async {
        let plugin = ProviderPlugin::start(PluginOptions::new(&bin)).await.unwrap();
        println!("PLUGIN_PID={}", plugin.pid().unwrap());
        tokio::time::sleep(Duration::from_secs(120)).await;
    });
}

#[test]
fn the_plugin_dies_with_its_parent() {
    if !cfg!(target_os = "linux") {
        skip!("PR_SET_PDEATHSIG is Linux-only");
    }
    let _ = require!(kakaocloud()); // build before the helper's clock starts
    let mut helper = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "helper_start_and_wait_to_be_killed", "--ignored", "--nocapture", "--test-threads=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut pid = None;
    for line in BufReader::new(helper.stdout.take().unwrap()).lines() {
        // libtest prints `test NAME ... ` before the helper's own output, on the same line.
        if let Some((_, p)) = line.unwrap().split_once("PLUGIN_PID=") {
            pid = Some(p.trim().parse::<u32>().unwrap());
            break;
        }
    }
    let pid = pid.expect("the helper printed the plugin's pid");
    assert!(running(pid));
    helper.kill().unwrap(); // SIGKILL: no destructors run in the helper
    helper.wait().unwrap();
    assert!(wait_gone(pid), "plugin {pid} outlived its killed parent");
}
