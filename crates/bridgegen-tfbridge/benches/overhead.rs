//! Bridge overhead: the same validation through the bridge (Pulumi `Check` over gRPC ->
//! `ValidateResourceConfig`) and straight to the Terraform provider, and start-up: the plugin
//! (spawn -> port printed, Terraform provider started and its schema read) against the
//! Terraform provider alone (spawn -> go-plugin handshake line printed, as Terraform starts it).
//! Run by benches/tfbridge-overhead.sh.

use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bridgegen_provider::rpc;
use bridgegen_provider::testing::{props, urn, PluginProcess};
use bridgegen_provider::value::PropertyValue as V;
use bridgegen_test_support::go::go_build;
use bridgegen_test_support::repo_path;
use bridgegen_tfbridge::tf::Tf;
use bridgegen_tfplugin::cty::{to_msgpack, CtyType, CtyValue};
use bridgegen_tfplugin::{ClientCert, PluginOptions, ProviderPlugin, MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE};

const BIN: &str = env!("CARGO_BIN_EXE_pulumi-resource-tfbridge");
const TOKEN: &str = "kakaocloud:index/imageMember:ImageMember";
const N: usize = 300;
/// Start-ups measured of each program, alternating.
const STARTS: usize = 20;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Spawns `cmd`; the time until it prints its first stdout line, and the line. Then kills it.
fn first_line(mut cmd: Command) -> (Duration, String) {
    let t = Instant::now();
    let mut child = cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let took = t.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    (took, line)
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

    // Start-up, alternating: the plugin until its port is printed (by then it has started the
    // Terraform provider and read its schema); the Terraform provider alone until its handshake
    // line, started as Terraform starts it (cookie, protocols, AutoMTLS client certificate).
    let cert = ClientCert::generate().unwrap();
    let (mut plugin_starts, mut tf_starts) = (Vec::new(), Vec::new());
    for _ in 0..STARTS {
        let mut cmd = Command::new(BIN);
        cmd.envs(env);
        let (took, port) = first_line(cmd);
        assert!(port.trim().parse::<u16>().is_ok(), "the plugin printed {port:?}, not a port");
        plugin_starts.push(took);
        let mut cmd = Command::new(&provider);
        cmd.env(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE)
            .env("PLUGIN_PROTOCOL_VERSIONS", "6,5")
            .env("PLUGIN_CLIENT_CERT", &cert.pem);
        let (took, handshake) = first_line(cmd);
        assert!(handshake.starts_with("1|6|"), "the provider printed {handshake:?}, not a go-plugin handshake");
        tf_starts.push(took);
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
    let (ps, ts) = (median(plugin_starts), median(tf_starts));
    println!("Terraform provider start-up alone (median of {STARTS}, spawn -> handshake line): {ts:?}");
    println!("plugin start-up (median of {STARTS}, spawn -> port printed): {ps:?}");
    println!(
        "start-up ratio plugin/provider: {:.2} (+{:?})",
        ps.as_secs_f64() / ts.as_secs_f64(),
        ps.saturating_sub(ts)
    );
    println!("Check via bridge (median of {N}): {b:?}");
    println!("ValidateResourceConfig direct (median of {N}): {d:?}");
    println!(
        "overhead ratio bridge/direct: {:.2} (+{:?} per call)",
        b.as_secs_f64() / d.as_secs_f64(),
        b.saturating_sub(d)
    );
}
