//! Bridge overhead: the same validation through the bridge (Pulumi `Check` over gRPC ->
//! `ValidateResourceConfig`) and straight to the Terraform provider, and the plugin's start-up
//! time (spawn -> port printed, Terraform provider started). Run by benches/tfbridge-overhead.sh.

use std::path::Path;
use std::time::{Duration, Instant};

use bridgegen_provider::rpc;
use bridgegen_provider::testing::{props, urn, PluginProcess};
use bridgegen_provider::value::PropertyValue as V;
use bridgegen_test_support::go::go_build;
use bridgegen_test_support::repo_path;
use bridgegen_tfbridge::tf::Tf;
use bridgegen_tfplugin::cty::{to_msgpack, CtyType, CtyValue};
use bridgegen_tfplugin::{PluginOptions, ProviderPlugin};

const BIN: &str = env!("CARGO_BIN_EXE_pulumi-resource-tfbridge");
const TOKEN: &str = "kakaocloud:index/imageMember:ImageMember";
const N: usize = 300;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let provider = match go_build("tests/tfprovider/kakaocloud", "terraform-provider-kakaocloud") {
        Ok(p) => p,
        Err(e) => {
            eprintln!("skipped: {e}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let b = bridgegen_tf::bridge_files(&bridgegen_tf::BridgeFiles {
        tf_schema: repo_path("tests/fixtures/tf/kakaocloud.tf-schema.json"),
        config: Some(repo_path("tests/fixtures/tf/kakaocloud/bridge.toml")),
        ..Default::default()
    })
    .unwrap();
    let schema = dir.path().join("schema.json");
    std::fs::write(&schema, bridgegen_tf::to_json_text(&b.schema)).unwrap();
    std::fs::write(bridgegen_tf::metadata_path(&schema), bridgegen_tf::to_json_text(&b.metadata)).unwrap();
    let env =
        [("BRIDGEGEN_TF_PROVIDER", provider.to_str().unwrap()), ("BRIDGEGEN_TF_SCHEMA", schema.to_str().unwrap())];

    // Start-up: spawn until the port is printed (the Terraform provider is running by then).
    let mut starts = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let p = PluginProcess::start(Path::new(BIN), &[], &env).await.unwrap();
        starts.push(t.elapsed());
        p.kill9().await;
    }

    // Through the bridge.
    let mut p = PluginProcess::start(Path::new(BIN), &[], &env).await.unwrap();
    let news = props(&[("imageId", V::string("img")), ("memberId", V::string("m"))]);
    let mut bridged = Vec::new();
    for _ in 0..N {
        let req = rpc::CheckRequest {
            urn: urn(TOKEN, "m"),
            news: Some(news.clone()),
            r#type: TOKEN.into(),
            ..Default::default()
        };
        let t = Instant::now();
        let r = p.client.check(req).await.unwrap().into_inner();
        bridged.push(t.elapsed());
        assert!(r.failures.is_empty());
    }

    // Straight to the provider.
    let plugin = ProviderPlugin::start(PluginOptions::new(&provider)).await.unwrap();
    let tf = Tf { client: plugin.client() };
    let s = plugin.client().get_provider_schema().await.unwrap().schema;
    let ty = CtyType::from(s.resource_schemas["kakaocloud_image_member"].block.as_ref().unwrap());
    let value = CtyValue::Map(
        [
            ("image_id".to_string(), CtyValue::String("img".into())),
            ("member_id".to_string(), CtyValue::String("m".into())),
        ]
        .into(),
    );
    let mut direct = Vec::new();
    for _ in 0..N {
        let t = Instant::now();
        let bytes = to_msgpack(&value, &ty).unwrap();
        let d = tf.validate_resource("kakaocloud_image_member", bytes).await.unwrap();
        direct.push(t.elapsed());
        assert!(d.is_empty());
    }
    let _ = plugin.shutdown(Duration::from_secs(2)).await;

    let (b, d) = (median(bridged), median(direct));
    println!("plugin start-up (median of 10): {:?}", median(starts));
    println!("Check via bridge (median of {N}): {b:?}");
    println!("ValidateResourceConfig direct (median of {N}): {d:?}");
    println!(
        "overhead ratio bridge/direct: {:.2} (+{:?} per call)",
        b.as_secs_f64() / d.as_secs_f64(),
        b.saturating_sub(d)
    );
}
