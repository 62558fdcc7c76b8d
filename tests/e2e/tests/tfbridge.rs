//! The Terraform bridge under the real Pulumi engine (issue 14): the Go Terraform provider in
//! tests/tfprovider/kakaocloud, bridged by `bridgegen tf bridge` and run by
//! `pulumi-resource-tfbridge` through the launcher its `install` writes, against the embedded
//! cloud:
//! - a Pulumi YAML program: up, no-change preview, replace, refresh after an out-of-band
//!   delete, secrets in state, destroy;
//! - a TypeScript program using the Node.js SDK generated from the bridged schema
//!   (`bridgegen gen sdk --lang nodejs`), installed with npm as users do: up, no-change
//!   preview, replace, destroy.

use std::path::{Path, PathBuf};
use std::process::Command;

use bridgegen_cloud::Cloud as CloudKind;
use bridgegen_e2e::programs::{install_typescript, Provider};
use bridgegen_e2e::{step, Cloud, Seed, Stack, Tools};
use bridgegen_test_support::go::go_build;
use bridgegen_test_support::{repo_path, require, run_ok};

const TOKEN: &str = "kakaocloud:index/imageMember:ImageMember";

/// The bridged provider installed under `work`, and a seeded cloud.
struct Bridged {
    tools: Tools,
    /// The bridged Pulumi schema (metadata beside it).
    schema: PathBuf,
    /// The `plugins:` section pointing the engine at the launcher `install` wrote.
    plugins: String,
    cloud: Cloud,
    seed: Seed,
    // Last: the cloud lives in this folder.
    work: tempfile::TempDir,
}

impl Bridged {
    /// Bridges the kakaocloud Terraform provider, installs its launcher and starts a cloud
    /// seeded with one image and two member projects; `Err` says why it cannot run here.
    fn setup() -> Result<Bridged, String> {
        let tools = Tools::find()?;
        let tf_provider = go_build("tests/tfprovider/kakaocloud", "terraform-provider-kakaocloud")?;
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
        let plugins = format!("plugins:\n  providers:\n    - name: kakaocloud\n      path: {}\n", plugins.display());
        Ok(Bridged { tools, schema, plugins, cloud, seed, work })
    }

    fn dir(&self) -> &Path {
        self.work.path()
    }

    /// The stack of the program in `dir`, with the provider config and `imageId` set.
    fn stack(&self, dir: &Path, project: &str) -> Stack {
        let stack = Stack::new(&self.tools, self.dir(), dir, project, Vec::new());
        let (plain, (secret_key, secret)) =
            Provider::Kakaocloud.provider_config(&self.cloud.endpoint, &self.seed.key_id, &self.seed.secret);
        for (k, v) in &plain {
            stack.config(k, v);
        }
        stack.config_secret(&secret_key, &secret);
        stack.config("imageId", &self.seed.image);
        stack
    }

    /// The cloud's members of the seeded image, sorted.
    fn shares(&self) -> Vec<String> {
        let mut s = self.cloud.shares(&self.seed.image);
        s.sort();
        s
    }

    fn member_id(&self, member: &str) -> String {
        format!("{}:{member}", self.seed.image)
    }

    fn destroy(&self, stack: &Stack) {
        step("destroy");
        stack.ok(&["destroy", "--yes", "--skip-preview"]);
        assert!(self.shares().is_empty(), "members left in the cloud: {:?}", self.shares());
        assert!(stack.resources(TOKEN).is_empty(), "resources left in the stack");
    }
}

#[test]
fn kakaocloud_terraform_provider_under_the_pulumi_engine() {
    let b = require!(Bridged::setup());
    let dir = b.dir().join("program");
    std::fs::create_dir_all(&dir).unwrap();
    let yaml = format!(
        "name: e2e-tfbridge\nruntime: yaml\n{}\
         config:\n  imageId:\n    type: string\n  memberId:\n    type: string\n\
         resources:\n  member:\n    type: {TOKEN}\n    properties:\n      imageId: ${{imageId}}\n      \
         memberId: ${{memberId}}\n    options:\n      customTimeouts:\n        create: 5m\n\
         outputs:\n  id: ${{member.id}}\n  status: ${{member.status}}\n  timeouts: ${{member.timeouts}}\n",
        b.plugins
    );
    std::fs::write(dir.join("Pulumi.yaml"), yaml).unwrap();
    let stack = b.stack(&dir, "e2e-tfbridge");
    let (m0, m1) = (b.seed.members[0].clone(), b.seed.members[1].clone());

    step("up");
    stack.config("memberId", &m0);
    stack.up();
    assert_eq!(b.shares(), vec![m0.clone()]);
    let out = stack.outputs();
    assert_eq!(out["id"], b.member_id(&m0), "{out}");
    assert_eq!(out["status"], "pending", "{out}");
    assert_eq!(out["timeouts"]["create"], "300s", "customTimeouts reach Terraform's timeouts: {out}");
    stack.preview_clean();
    assert!(!stack.state_files_text().contains(&b.seed.secret), "the credential secret is in the state in plain text");

    step("replace on memberId");
    stack.config("memberId", &m1);
    let text = stack.up();
    assert!(text.contains("replaced"), "{text}");
    assert_eq!(b.shares(), vec![m1.clone()]);

    step("refresh after an out-of-band delete");
    b.cloud.remove_share_out_of_band(CloudKind::Kakaocloud, &b.seed, &m1);
    stack.ok(&["refresh", "--yes", "--skip-preview"]);
    assert!(stack.resources(TOKEN).is_empty(), "refresh keeps a deleted member");
    stack.up();
    assert_eq!(b.shares(), vec![m1.clone()]);

    b.destroy(&stack);
}

/// The TypeScript program: one member from stack config, its id and status exported.
const INDEX_TS: &str = r#"import * as pulumi from "@pulumi/pulumi";
import * as kakaocloud from "@bridgegen/kakaocloud";

const config = new pulumi.Config();
const member = new kakaocloud.ImageMember("member", {
    imageId: config.require("imageId"),
    memberId: config.require("memberId"),
});
export const id = member.id;
export const status = member.status;
"#;

#[test]
fn typescript_with_the_sdk_generated_from_the_bridged_schema() {
    let b = require!(Bridged::setup());
    step("bridgegen gen sdk --lang nodejs (bridged schema)");
    let sdk = b.dir().join("sdk/nodejs");
    let mut cmd = Command::new(b.tools.bridgegen());
    cmd.args(["gen", "sdk", "--lang", "nodejs", "--no-fsync", "--schema"]).arg(&b.schema).arg("--out").arg(&sdk);
    run_ok(&mut cmd, "bridgegen gen sdk --lang nodejs");
    let dir = b.dir().join("program");
    install_typescript(&dir, "e2e-tfbridge-ts", &b.plugins, INDEX_TS, &sdk);
    let stack = b.stack(&dir, "e2e-tfbridge-ts");
    let (m0, m1) = (b.seed.members[0].clone(), b.seed.members[1].clone());

    step("up creates the member");
    stack.config("memberId", &m0);
    let text = stack.up();
    assert!(text.contains("created"), "{text}");
    assert_eq!(b.shares(), vec![m0.clone()]);
    let out = stack.outputs();
    assert_eq!(out["id"], b.member_id(&m0), "{out}");
    assert_eq!(out["status"], "pending", "{out}");
    stack.preview_clean();

    step("a new memberId replaces the member");
    stack.config("memberId", &m1);
    let text = stack.up();
    assert!(text.contains("replaced"), "the engine did not replace:\n{text}");
    assert_eq!(b.shares(), vec![m1.clone()]);
    assert_eq!(stack.outputs()["id"], b.member_id(&m1));
    stack.preview_clean();

    b.destroy(&stack);
}
