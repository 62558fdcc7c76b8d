//! The Terraform bridge under the real Pulumi engine (issue 14): the Go Terraform provider in
//! tests/tfprovider/kakaocloud, bridged by `bridgegen tf bridge` and run by
//! `pulumi-resource-tfbridge` through the launcher its `install` writes, drives a Pulumi YAML
//! program against the embedded cloud: up, no-change preview, replace, refresh after an
//! out-of-band delete, secrets in state, destroy.

use std::process::Command;

use bridgegen_cloud::Cloud as CloudKind;
use bridgegen_e2e::programs::Provider;
use bridgegen_e2e::{step, Cloud, Stack, Tools};
use bridgegen_test_support::go::go_build;
use bridgegen_test_support::{repo_path, require, run_ok};

const TOKEN: &str = "kakaocloud:index/imageMember:ImageMember";

#[test]
fn kakaocloud_terraform_provider_under_the_pulumi_engine() {
    let tools = require!(Tools::find());
    let tf_provider = require!(go_build("tests/tfprovider/kakaocloud", "terraform-provider-kakaocloud"));
    let bridge = tools.target_bin.join("pulumi-resource-tfbridge");
    assert!(bridge.is_file(), "{} is missing: `cargo build --workspace --bins`", bridge.display());
    let work = tempfile::Builder::new().prefix("bridgegen-e2e-tf-").tempdir().unwrap();
    let w = work.path();
    step(&format!("workdir {}", w.display()));

    // Design time: the bridged schema; then the launcher the engine finds by package name.
    let schema = w.join("bridged/schema.json");
    let mut cmd = Command::new(tools.bridgegen());
    cmd.args(["tf", "bridge", "--tf-schema"])
        .arg(repo_path("tests/fixtures/tf/kakaocloud.tf-schema.json"))
        .arg("--config")
        .arg(repo_path("tests/fixtures/tf/kakaocloud/bridge.toml"))
        .arg("--out")
        .arg(&schema);
    run_ok(&mut cmd, "bridgegen tf bridge");
    let plugins = w.join("plugins");
    let mut cmd = Command::new(&bridge);
    cmd.arg("install").arg("--provider").arg(&tf_provider).arg("--schema").arg(&schema).arg("--out").arg(&plugins);
    run_ok(&mut cmd, "pulumi-resource-tfbridge install");
    assert!(plugins.join("pulumi-resource-kakaocloud").is_file());

    let cloud = Cloud::start(&tools, &w.join("cloud"));
    let seed = cloud.seed(CloudKind::Kakaocloud, 2);
    let dir = w.join("program");
    std::fs::create_dir_all(&dir).unwrap();
    let yaml = format!(
        "name: e2e-tfbridge\nruntime: yaml\n\
         plugins:\n  providers:\n    - name: kakaocloud\n      path: {}\n\
         config:\n  imageId:\n    type: string\n  memberId:\n    type: string\n\
         resources:\n  member:\n    type: {TOKEN}\n    properties:\n      imageId: ${{imageId}}\n      \
         memberId: ${{memberId}}\n    options:\n      customTimeouts:\n        create: 5m\n\
         outputs:\n  id: ${{member.id}}\n  status: ${{member.status}}\n  timeouts: ${{member.timeouts}}\n",
        plugins.display()
    );
    std::fs::write(dir.join("Pulumi.yaml"), yaml).unwrap();
    let stack = Stack::new(&tools, w, &dir, "e2e-tfbridge", Vec::new());
    let (plain, (secret_key, secret)) =
        Provider::Kakaocloud.provider_config(&cloud.endpoint, &seed.key_id, &seed.secret);
    for (k, v) in &plain {
        stack.config(k, v);
    }
    stack.config_secret(&secret_key, &secret);
    stack.config("imageId", &seed.image);
    let (m0, m1) = (seed.members[0].clone(), seed.members[1].clone());
    let shares = || {
        let mut s = cloud.shares(&seed.image);
        s.sort();
        s
    };

    step("up");
    stack.config("memberId", &m0);
    stack.up();
    assert_eq!(shares(), vec![m0.clone()]);
    let out = stack.outputs();
    assert_eq!(out["id"], format!("{}:{m0}", seed.image), "{out}");
    assert_eq!(out["status"], "pending", "{out}");
    assert_eq!(out["timeouts"]["create"], "300s", "customTimeouts reach Terraform's timeouts: {out}");
    stack.preview_clean();
    assert!(!stack.state_files_text().contains(&seed.secret), "the credential secret is in the state in plain text");

    step("replace on memberId");
    stack.config("memberId", &m1);
    let text = stack.up();
    assert!(text.contains("replaced"), "{text}");
    assert_eq!(shares(), vec![m1.clone()]);

    step("refresh after an out-of-band delete");
    cloud.remove_share_out_of_band(CloudKind::Kakaocloud, &seed, &m1);
    stack.ok(&["refresh", "--yes", "--skip-preview"]);
    assert!(stack.resources(TOKEN).is_empty(), "refresh keeps a deleted member");
    stack.up();
    assert_eq!(shares(), vec![m1.clone()]);

    step("destroy");
    stack.ok(&["destroy", "--yes", "--skip-preview"]);
    assert!(shares().is_empty());
    assert!(stack.resources(TOKEN).is_empty());
}
