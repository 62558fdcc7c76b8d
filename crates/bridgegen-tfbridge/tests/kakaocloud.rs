//! The bridge plugin binary driven over gRPC as the Pulumi engine drives it, running the Go
//! Terraform provider in tests/tfprovider/kakaocloud (terraform-plugin-framework, protocol 6)
//! against the embedded cloud: the whole chain Go binary -> bridged schema -> Pulumi calls.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bridgegen_cloud::{Account, Cloud, CloudServer, Credential, Image};
use bridgegen_provider::rpc;
use bridgegen_provider::testing::{decode, props, urn, PluginProcess};
use bridgegen_provider::value::PropertyValue as V;
use bridgegen_test_support::go::go_build;
use bridgegen_test_support::{repo_path, require};

const BIN: &str = env!("CARGO_BIN_EXE_pulumi-resource-tfbridge");
const TOKEN: &str = "kakaocloud:index/imageMember:ImageMember";

/// The provider binary and the bridged schema (+ metadata) written into `dir`.
fn bridged(dir: &Path) -> Result<(PathBuf, PathBuf), String> {
    let provider = go_build("tests/tfprovider/kakaocloud", "terraform-provider-kakaocloud")?;
    let b = bridgegen_tf::bridge_files(&bridgegen_tf::BridgeFiles {
        tf_schema: repo_path("tests/fixtures/tf/kakaocloud.tf-schema.json"),
        docs: None,
        config: Some(repo_path("tests/fixtures/tf/kakaocloud/bridge.toml")),
        example_schemas: vec![],
    })
    .map_err(|e| e.to_string())?;
    let schema = dir.join("schema.json");
    std::fs::write(&schema, bridgegen_tf::to_json_text(&b.schema)).unwrap();
    std::fs::write(bridgegen_tf::metadata_path(&schema), bridgegen_tf::to_json_text(&b.metadata)).unwrap();
    Ok((provider, schema))
}

struct World {
    _dir: tempfile::TempDir,
    cloud: CloudServer,
    owner: Account,
    cred: Credential,
    image: Image,
    members: Vec<Account>,
    provider: PathBuf,
    schema: PathBuf,
}

impl World {
    async fn new(members: usize) -> Result<World, String> {
        let dir = tempfile::tempdir().unwrap();
        let (provider, schema) = bridged(dir.path())?;
        let cloud = CloudServer::open(dir.path().join("cloud.db"), "127.0.0.1:0").await.unwrap();
        let store = cloud.store().clone();
        let (owner, cred) = store.create_account(Cloud::Kakaocloud, None, Some("owner")).unwrap();
        let image = store.create_image(Cloud::Kakaocloud, Some(&owner.id), false, None, Some("golden"), None).unwrap();
        let members = (0..members).map(|_| store.create_account(Cloud::Kakaocloud, None, None).unwrap().0).collect();
        Ok(World { _dir: dir, cloud, owner, cred, image, members, provider, schema })
    }

    async fn plugin(&self) -> PluginProcess {
        let env = [
            ("BRIDGEGEN_TF_PROVIDER", self.provider.to_str().unwrap()),
            ("BRIDGEGEN_TF_SCHEMA", self.schema.to_str().unwrap()),
        ];
        let mut p = PluginProcess::start(Path::new(BIN), &[], &env).await.unwrap();
        let args = props(&[
            ("endpoint", V::string(self.cloud.endpoint())),
            ("applicationCredentialId", V::string(&self.cred.key_id)),
            ("applicationCredentialSecret", V::secret(V::string(&self.cred.secret))),
            ("version", V::string("0.1.0")),
        ]);
        p.client
            .configure(rpc::ConfigureRequest { args: Some(args), accept_secrets: true, ..Default::default() })
            .await
            .unwrap();
        p
    }

    fn members_of_image(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.cloud.store().shares(&self.image.id).unwrap().into_iter().map(|s| s.member_id).collect();
        v.sort();
        v
    }
}

fn inputs(image: &str, member: &str, timeouts: &[(&str, &str)]) -> prost_types::Struct {
    let mut pairs = vec![("imageId", V::string(image)), ("memberId", V::string(member))];
    if !timeouts.is_empty() {
        pairs.push(("timeouts", V::Object(timeouts.iter().map(|(k, v)| (k.to_string(), V::string(*v))).collect())));
    }
    props(&pairs)
}

async fn check(p: &mut PluginProcess, news: prost_types::Struct) -> rpc::CheckResponse {
    let req = rpc::CheckRequest { urn: urn(TOKEN, "m"), news: Some(news), r#type: TOKEN.into(), ..Default::default() };
    p.client.check(req).await.unwrap().into_inner()
}

async fn create(p: &mut PluginProcess, news: prost_types::Struct, timeout: f64) -> rpc::CreateResponse {
    let req = rpc::CreateRequest {
        urn: urn(TOKEN, "m"),
        properties: Some(news),
        r#type: TOKEN.into(),
        timeout,
        ..Default::default()
    };
    p.client.create(req).await.unwrap().into_inner()
}

async fn read(p: &mut PluginProcess, id: &str, state: prost_types::Struct) -> rpc::ReadResponse {
    let req = rpc::ReadRequest { id: id.into(), urn: urn(TOKEN, "m"), properties: Some(state), ..Default::default() };
    p.client.read(req).await.unwrap().into_inner()
}

async fn diff(p: &mut PluginProcess, olds: prost_types::Struct, news: prost_types::Struct) -> rpc::DiffResponse {
    let req = rpc::DiffRequest {
        urn: urn(TOKEN, "m"),
        olds: Some(olds),
        news: Some(news),
        r#type: TOKEN.into(),
        ..Default::default()
    };
    p.client.diff(req).await.unwrap().into_inner()
}

async fn delete(p: &mut PluginProcess, id: &str, state: prost_types::Struct) {
    let req = rpc::DeleteRequest { id: id.into(), urn: urn(TOKEN, "m"), properties: Some(state), ..Default::default() };
    p.client.delete(req).await.unwrap();
}

/// Processes whose parent is `pid`.
fn children(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else { continue };
        let Some((_, rest)) = stat.rsplit_once(") ") else { continue };
        let f: Vec<&str> = rest.split(' ').collect();
        if f.get(1).and_then(|p| p.parse::<u32>().ok()) == Some(pid) && f[0] != "Z" {
            out.extend(e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()));
        }
    }
    out
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| !s.rsplit_once(") ").is_some_and(|(_, r)| r.starts_with('Z')))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lifecycle_over_protocol_6() {
    let w = require!(World::new(2).await);
    let mut p = w.plugin().await;
    let (m, other) = (w.members[0].id.clone(), w.members[1].id.clone());

    // GetSchema: the bridged schema, byte for byte.
    let schema = p.client.get_schema(rpc::GetSchemaRequest::default()).await.unwrap().into_inner().schema;
    assert_eq!(schema, std::fs::read_to_string(&w.schema).unwrap());

    // Check: the provider's validator, reported at the Pulumi property path.
    let bad = check(&mut p, inputs(&w.image.id, "a:b", &[])).await;
    assert_eq!(bad.failures.len(), 1, "{:?}", bad.failures);
    assert_eq!(bad.failures[0].property, "memberId");
    assert!(bad.failures[0].reason.starts_with("Invalid id"), "{}", bad.failures[0].reason);
    let wrong_type = check(&mut p, props(&[("imageId", V::Array(vec![]))])).await;
    assert_eq!(wrong_type.failures[0].property, "imageId", "{:?}", wrong_type.failures);
    assert_eq!(wrong_type.failures[0].reason, "expected a string, got a list");
    // A missing required input: Terraform's diagnostic, at the Pulumi name.
    let missing = check(&mut p, props(&[("imageId", V::string(&w.image.id))])).await;
    assert_eq!(missing.failures[0].property, "memberId", "{:?}", missing.failures);

    // Create, with Pulumi's customTimeouts landing in Terraform's `timeouts`.
    let c = check(&mut p, inputs(&w.image.id, &m, &[])).await;
    assert!(c.failures.is_empty(), "{:?}", c.failures);
    let created = create(&mut p, c.inputs.unwrap(), 120.0).await;
    assert_eq!(created.id, format!("{}:{m}", w.image.id));
    let out = decode(&created.properties);
    assert_eq!(out["status"], V::string("pending"));
    assert_eq!(out["memberId"], V::string(&m));
    assert_eq!(out["timeouts"].as_object().unwrap()["create"], V::string("120s"), "{out:?}");
    assert!(out["__meta"].as_str().unwrap().contains("\"schema_version\":\"0\""), "{out:?}");
    assert_eq!(w.members_of_image(), vec![m.clone()]);

    // Read sees the cloud's change.
    w.cloud.store().set_kakao_member_status(&m, &w.image.id, &m, "accepted").unwrap();
    let r = read(&mut p, &created.id, created.properties.clone().unwrap()).await;
    assert_eq!(r.id, created.id);
    assert_eq!(decode(&r.properties)["status"], V::string("accepted"));
    let state = r.properties.unwrap();

    // Diff through PlanResourceChange: no change, and a replacement on memberId.
    let timeouts = [("create", "120s")];
    let same = diff(&mut p, state.clone(), inputs(&w.image.id, &m, &timeouts)).await;
    assert_eq!(same.changes, rpc::diff_response::DiffChanges::DiffNone as i32, "{same:?}");
    let replace = diff(&mut p, state.clone(), inputs(&w.image.id, &other, &timeouts)).await;
    assert_eq!(replace.changes, rpc::diff_response::DiffChanges::DiffSome as i32);
    assert_eq!(replace.replaces, vec!["memberId".to_string()], "{replace:?}");
    let kind = replace.detailed_diff["memberId"].kind;
    assert_eq!(kind, rpc::property_diff::Kind::UpdateReplace as i32);

    // Update in place: only the timeouts change.
    let upd = diff(&mut p, state.clone(), inputs(&w.image.id, &m, &[("create", "45m")])).await;
    assert!(upd.replaces.is_empty() && upd.diffs.contains(&"timeouts".to_string()), "{upd:?}");
    let req = rpc::UpdateRequest {
        id: created.id.clone(),
        urn: urn(TOKEN, "m"),
        olds: Some(state.clone()),
        news: Some(inputs(&w.image.id, &m, &[("create", "45m")])),
        r#type: TOKEN.into(),
        ..Default::default()
    };
    let updated = decode(&p.client.update(req).await.unwrap().into_inner().properties);
    assert_eq!(updated["timeouts"].as_object().unwrap()["create"], V::string("45m"));
    assert_eq!(updated["status"], V::string("accepted"));

    // Import: Read with only an id (ImportResourceState + ReadResource).
    let imported = read(&mut p, &created.id, props(&[])).await;
    assert_eq!(imported.id, created.id);
    let inputs_now = decode(&imported.inputs);
    assert_eq!((&inputs_now["imageId"], &inputs_now["memberId"]), (&V::string(&w.image.id), &V::string(&m)));
    assert!(!inputs_now.contains_key("status"), "outputs are not inputs: {inputs_now:?}");

    // Out-of-band delete: refresh says it is gone.
    w.cloud.store().remove_kakao_member(&w.owner.id, &w.image.id, &m).unwrap();
    let gone = read(&mut p, &created.id, state.clone()).await;
    assert_eq!(gone.id, "", "{gone:?}");

    // Create again and delete through the bridge.
    let again = create(&mut p, inputs(&w.image.id, &other, &[]), 0.0).await;
    assert_eq!(w.members_of_image(), vec![other.clone()]);
    delete(&mut p, &again.id, again.properties.unwrap()).await;
    assert!(w.members_of_image().is_empty());

    // SIGTERM: the plugin stops its Terraform provider and exits; no orphan is left.
    let pid = p.pid().unwrap();
    let kids = children(pid);
    assert_eq!(kids.len(), 1, "one Terraform provider child: {kids:?}");
    std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline && (alive(kids[0]) || p.try_wait().is_none()) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(p.try_wait().is_some_and(|s| s.success()), "the plugin exits cleanly on SIGTERM");
    assert!(!alive(kids[0]), "the Terraform provider outlived the plugin");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preview_plans_unknowns_without_touching_the_cloud() {
    let w = require!(World::new(1).await);
    let mut p = w.plugin().await;
    let news = props(&[("imageId", V::string(&w.image.id)), ("memberId", V::Computed)]);
    let c = check(&mut p, news.clone()).await;
    assert!(c.failures.is_empty(), "{:?}", c.failures);
    let req = rpc::CreateRequest {
        urn: urn(TOKEN, "m"),
        properties: Some(news),
        r#type: TOKEN.into(),
        preview: true,
        ..Default::default()
    };
    let planned = p.client.create(req).await.unwrap().into_inner();
    let out = decode(&planned.properties);
    assert_eq!(out["memberId"], V::Computed);
    assert_eq!(out["status"], V::Computed, "{out:?}");
    assert_eq!(out["imageId"], V::string(&w.image.id));
    assert!(w.members_of_image().is_empty());
}
