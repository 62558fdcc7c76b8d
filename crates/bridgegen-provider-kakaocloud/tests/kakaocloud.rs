//! Drives the `pulumi-resource-kakaocloud` binary over gRPC as the Pulumi engine does,
//! against the embedded cloud (started in-process on a temporary SQLite database).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bridgegen_cloud::{Account, Cloud, CloudServer, Credential, FaultPlan, Image};
use bridgegen_provider::rpc;
use bridgegen_provider::testing::{decode, props, urn, PluginProcess};
use bridgegen_provider::value::{PropertyMap, PropertyValue as V};
use tonic::Code;

const BIN: &str = env!("CARGO_BIN_EXE_pulumi-resource-kakaocloud");
const TOKEN: &str = "kakaocloud:index/imageMember:ImageMember";

struct World {
    dir: tempfile::TempDir,
    cloud: Option<CloudServer>,
    owner: Account,
    cred: Credential,
    image: Image,
    members: Vec<Account>,
}

impl World {
    async fn new(members: usize) -> World {
        let dir = tempfile::tempdir().unwrap();
        let cloud = CloudServer::open(dir.path().join("cloud.db"), "127.0.0.1:0").await.unwrap();
        let store = cloud.store().clone();
        let (owner, cred) = store.create_account(Cloud::Kakaocloud, None, Some("owner")).unwrap();
        let image = store.create_image(Cloud::Kakaocloud, Some(&owner.id), false, None, Some("golden"), None).unwrap();
        let members = (0..members).map(|_| store.create_account(Cloud::Kakaocloud, None, None).unwrap().0).collect();
        World { dir, cloud: Some(cloud), owner, cred, image, members }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("cloud.db")
    }

    fn cloud(&self) -> &CloudServer {
        self.cloud.as_ref().expect("cloud is running")
    }

    fn members_of_image(&self) -> Vec<String> {
        let store = bridgegen_cloud::Store::open(self.db()).unwrap();
        let mut v: Vec<String> = store.shares(&self.image.id).unwrap().into_iter().map(|s| s.member_id).collect();
        v.sort();
        v
    }

    async fn plugin(&self) -> PluginProcess {
        let mut p = PluginProcess::start(Path::new(BIN), &[], &[]).await.unwrap();
        let args = props(&[
            ("endpoint", V::string(self.cloud().endpoint())),
            ("applicationCredentialId", V::string(&self.cred.key_id)),
            ("applicationCredentialSecret", V::secret(V::string(&self.cred.secret))),
        ]);
        p.client
            .configure(rpc::ConfigureRequest { args: Some(args), accept_secrets: true, ..Default::default() })
            .await
            .unwrap();
        p
    }

    fn id(&self, member: &str) -> String {
        format!("{}:{member}", self.image.id)
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
    p.client
        .check(rpc::CheckRequest {
            urn: urn(TOKEN, "member"),
            olds: Some(props(&[])),
            news: Some(news),
            r#type: TOKEN.into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
}

async fn create(
    p: &mut PluginProcess,
    props: prost_types::Struct,
    preview: bool,
) -> Result<rpc::CreateResponse, tonic::Status> {
    p.client
        .create(rpc::CreateRequest {
            urn: urn(TOKEN, "member"),
            properties: Some(props),
            preview,
            r#type: TOKEN.into(),
            ..Default::default()
        })
        .await
        .map(|r| r.into_inner())
}

async fn read(p: &mut PluginProcess, id: &str, state: prost_types::Struct) -> Result<rpc::ReadResponse, tonic::Status> {
    p.client
        .read(rpc::ReadRequest {
            id: id.into(),
            urn: urn(TOKEN, "member"),
            properties: Some(state),
            ..Default::default()
        })
        .await
        .map(|r| r.into_inner())
}

async fn diff(p: &mut PluginProcess, olds: prost_types::Struct, news: prost_types::Struct) -> rpc::DiffResponse {
    p.client
        .diff(rpc::DiffRequest {
            id: "x:y".into(),
            urn: urn(TOKEN, "member"),
            olds: Some(olds),
            news: Some(news),
            r#type: TOKEN.into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner()
}

async fn delete(p: &mut PluginProcess, id: &str, state: prost_types::Struct) -> Result<(), tonic::Status> {
    p.client
        .delete(rpc::DeleteRequest {
            id: id.into(),
            urn: urn(TOKEN, "member"),
            properties: Some(state),
            ..Default::default()
        })
        .await
        .map(|_| ())
}

fn is_iso8601_utc(v: &V) -> bool {
    v.as_str().is_some_and(bridgegen_cloud::time::is_iso8601_utc)
}

#[tokio::test]
async fn schema_is_the_schema_file() {
    let w = World::new(0).await;
    let mut p = w.plugin().await;
    let schema = p.client.get_schema(rpc::GetSchemaRequest::default()).await.unwrap().into_inner().schema;
    let file =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/kakaocloud.json")).unwrap();
    assert_eq!(schema, file);
    assert_eq!(p.client.get_plugin_info(()).await.unwrap().into_inner().version, "0.1.0");
}

#[tokio::test]
async fn lifecycle_with_cloud_timestamps() {
    let w = World::new(2).await;
    let mut p = w.plugin().await;
    let (m, other) = (w.members[0].id.clone(), w.members[1].id.clone());
    let c = check(&mut p, inputs(&w.image.id, &m, &[("create", "30m"), ("delete", "10m")])).await;
    assert!(c.failures.is_empty(), "{:?}", c.failures);
    let created = create(&mut p, c.inputs.unwrap(), false).await.unwrap();
    assert_eq!(created.id, w.id(&m));
    let out = decode(&created.properties);
    assert_eq!(out["status"], V::string("pending"));
    assert!(is_iso8601_utc(&out["createdAt"]) && is_iso8601_utc(&out["updatedAt"]), "{out:?}");
    assert_eq!(out["timeouts"].as_object().unwrap()["create"], V::string("30m"));
    assert_eq!(w.members_of_image(), vec![m.clone()]);

    // The member project accepts the image: Read reports the cloud's new status.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    w.cloud().store().set_kakao_member_status(&m, &w.image.id, &m, "accepted").unwrap();
    let r = read(&mut p, &created.id, created.properties.clone().unwrap()).await.unwrap();
    let now = decode(&r.properties);
    assert_eq!(now["status"], V::string("accepted"));
    assert_eq!(now["createdAt"], out["createdAt"]);
    assert_ne!(now["updatedAt"], out["updatedAt"]);
    assert_eq!(now["timeouts"], out["timeouts"], "timeouts are kept in the state");

    let state = r.properties.unwrap();
    let same = diff(&mut p, state.clone(), inputs(&w.image.id, &m, &[("create", "30m"), ("delete", "10m")])).await;
    assert_eq!(same.changes, rpc::diff_response::DiffChanges::DiffNone as i32, "{same:?}");
    let replace =
        diff(&mut p, state.clone(), inputs(&w.image.id, &other, &[("create", "30m"), ("delete", "10m")])).await;
    assert_eq!(replace.replaces, vec!["memberId".to_string()]);
    assert!(!replace.delete_before_replace);
    // Changing only a timeout is an in-place update.
    let upd = diff(&mut p, state.clone(), inputs(&w.image.id, &m, &[("create", "45m")])).await;
    assert_eq!(upd.changes, rpc::diff_response::DiffChanges::DiffSome as i32);
    assert!(upd.replaces.is_empty());
    assert_eq!(upd.diffs, vec!["timeouts".to_string()]);
    let updated = p
        .client
        .update(rpc::UpdateRequest {
            id: created.id.clone(),
            urn: urn(TOKEN, "member"),
            olds: Some(state.clone()),
            news: Some(inputs(&w.image.id, &m, &[("create", "45m")])),
            r#type: TOKEN.into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let u = decode(&updated.properties);
    assert_eq!(u["timeouts"].as_object().unwrap()["create"], V::string("45m"));
    assert_eq!(u["status"], V::string("accepted"));

    delete(&mut p, &created.id, updated.properties.clone().unwrap()).await.unwrap();
    assert!(w.members_of_image().is_empty());
    // Deleting again: the 404 counts as deleted.
    delete(&mut p, &created.id, updated.properties.clone().unwrap()).await.unwrap();
    let gone = read(&mut p, &created.id, updated.properties.unwrap()).await.unwrap();
    assert_eq!(gone.id, "");
}

#[tokio::test]
async fn bad_durations_are_rejected_in_check_with_paths() {
    let w = World::new(1).await;
    let mut p = w.plugin().await;
    let m = w.members[0].id.clone();
    for good in ["30s", "2h45m", "1h30m15s", "1.5h", "300ms"] {
        let c = check(&mut p, inputs(&w.image.id, &m, &[("create", good)])).await;
        assert!(c.failures.is_empty(), "{good}: {:?}", c.failures);
    }
    let c = check(&mut p, inputs(&w.image.id, &m, &[("create", "10 minutes"), ("read", "5m"), ("delete", "1d")])).await;
    let mut got: Vec<&str> = c.failures.iter().map(|f| f.property.as_str()).collect();
    got.sort();
    assert_eq!(got, vec!["timeouts.create", "timeouts.delete"]);
    assert!(c.failures.iter().all(|f| f.reason.contains("invalid duration")), "{:?}", c.failures);
    // A non-string timeout is a type error at the same path (schema validation).
    let news = props(&[
        ("imageId", V::string(&w.image.id)),
        ("memberId", V::string(&m)),
        ("timeouts", V::Object(PropertyMap::from([("update".to_string(), V::Number(30.0))]))),
    ]);
    let c = check(&mut p, news).await;
    assert_eq!(c.failures.len(), 1);
    assert_eq!(c.failures[0].property, "timeouts.update");
}

#[tokio::test]
async fn throttling_then_success() {
    let w = World::new(1).await;
    let mut p = w.plugin().await;
    w.cloud().inject_faults(FaultPlan { count: 3, status: 429, path_prefix: Some("/api/".into()) });
    let created = create(&mut p, inputs(&w.image.id, &w.members[0].id, &[]), false).await.unwrap();
    assert_eq!(created.id, w.id(&w.members[0].id));
    assert!(w.cloud().pending_faults().is_none());
    // Delete retries too.
    w.cloud().inject_faults(FaultPlan { count: 2, status: 429, path_prefix: Some("/api/".into()) });
    delete(&mut p, &created.id, created.properties.unwrap()).await.unwrap();
    assert!(w.members_of_image().is_empty());
}

#[tokio::test]
async fn create_timeout_is_enforced_while_throttled() {
    let w = World::new(1).await;
    let mut p = w.plugin().await;
    w.cloud().inject_faults(FaultPlan { count: 1_000_000, status: 429, path_prefix: None });
    let started = Instant::now();
    let e = create(&mut p, inputs(&w.image.id, &w.members[0].id, &[("create", "1500ms")]), false).await.unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.code(), Code::DeadlineExceeded, "{}", e.message());
    assert!(e.message().contains("1.5s") && e.message().contains("429"), "{}", e.message());
    assert!(took >= Duration::from_millis(500) && took < Duration::from_secs(5), "{took:?}");
    w.cloud().inject_faults(FaultPlan { count: 0, status: 429, path_prefix: None });
    assert!(w.members_of_image().is_empty());
}

#[tokio::test]
async fn someone_elses_image_and_quota_are_refused() {
    let w = World::new(51).await;
    let store = w.cloud().store().clone();
    let (stranger, _) = store.create_account(Cloud::Kakaocloud, None, None).unwrap();
    let theirs = store.create_image(Cloud::Kakaocloud, Some(&stranger.id), false, None, None, None).unwrap();
    let mut p = w.plugin().await;
    let e = create(&mut p, inputs(&theirs.id, &w.members[0].id, &[]), false).await.unwrap_err();
    assert_eq!(e.code(), Code::FailedPrecondition);
    assert!(e.message().contains("only your own"), "{}", e.message());

    for m in &w.members[..50] {
        store.add_kakao_member(&w.owner.id, &w.image.id, &m.id).unwrap();
    }
    let e = create(&mut p, inputs(&w.image.id, &w.members[50].id, &[]), false).await.unwrap_err();
    assert!(e.message().contains("maximum of 50 members"), "{}", e.message());
    // Already a member: points at import.
    let e = create(&mut p, inputs(&w.image.id, &w.members[0].id, &[]), false).await.unwrap_err();
    assert!(e.message().contains("import"), "{}", e.message());
}

#[tokio::test]
async fn import_preview_and_secrets() {
    let w = World::new(2).await;
    let m = w.members[0].id.clone();
    w.cloud().store().add_kakao_member(&w.owner.id, &w.image.id, &m).unwrap();
    let mut p = w.plugin().await;

    // Import: Read with only the id.
    let r = read(&mut p, &w.id(&m), props(&[])).await.unwrap();
    assert_eq!(r.id, w.id(&m));
    let imported = decode(&r.inputs);
    assert_eq!(imported["imageId"], V::string(&w.image.id));
    assert_eq!(imported["memberId"], V::string(&m));
    assert!(!imported.contains_key("status"), "outputs are not inputs: {imported:?}");
    let e = read(&mut p, "not-an-id", props(&[])).await.unwrap_err();
    assert_eq!(e.code(), Code::InvalidArgument);
    assert!(e.message().contains("<image_id>:<member_id>"));

    // Preview with an unknown member id: computed outputs are unknown.
    let news = props(&[("imageId", V::string(&w.image.id)), ("memberId", V::Computed)]);
    let c = check(&mut p, news).await;
    assert!(c.failures.is_empty());
    let pv = create(&mut p, c.inputs.unwrap(), true).await.unwrap();
    let out = decode(&pv.properties);
    for k in ["memberId", "status", "createdAt", "updatedAt"] {
        assert_eq!(out[k], V::Computed, "{k}");
    }
    assert!(!out.contains_key("timeouts"));

    // Secrets: a secret member id stays secret in outputs and after Read.
    let other = w.members[1].id.clone();
    let news = props(&[("imageId", V::string(&w.image.id)), ("memberId", V::secret(V::string(&other)))]);
    let created = create(&mut p, news, false).await.unwrap();
    assert_eq!(decode(&created.properties)["memberId"], V::secret(V::string(&other)));
    assert_eq!(decode(&created.properties)["status"], V::string("pending"));
    let r = read(&mut p, &created.id, created.properties.unwrap()).await.unwrap();
    assert_eq!(decode(&r.properties)["memberId"], V::secret(V::string(&other)));
}

#[tokio::test]
async fn cloud_down_then_back() {
    let mut w = World::new(2).await;
    let addr = w.cloud().addr();
    let mut p = w.plugin().await;
    let first = create(&mut p, inputs(&w.image.id, &w.members[0].id, &[]), false).await.unwrap();
    w.cloud.take().unwrap().shutdown().await.unwrap();
    let e = create(&mut p, inputs(&w.image.id, &w.members[1].id, &[]), false).await.unwrap_err();
    assert_eq!(e.code(), Code::Unavailable);
    assert!(e.message().contains("cannot reach"), "{}", e.message());
    w.cloud = Some(CloudServer::open(w.db(), &addr.to_string()).await.unwrap());
    let r = read(&mut p, &first.id, first.properties.unwrap()).await.unwrap();
    assert_eq!(r.id, first.id);
    assert_eq!(w.members_of_image(), vec![w.members[0].id.clone()]);
}

#[tokio::test]
async fn sigkill_and_restart_keeps_committed_members() {
    let w = World::new(1).await;
    let mut p = w.plugin().await;
    let created = create(&mut p, inputs(&w.image.id, &w.members[0].id, &[]), false).await.unwrap();
    p.kill9().await;
    let mut p2 = w.plugin().await;
    let r = read(&mut p2, &created.id, created.properties.unwrap()).await.unwrap();
    assert_eq!(r.id, created.id);
    assert_eq!(decode(&r.properties)["status"], V::string("pending"));
}

#[tokio::test]
async fn endpoint_defaults_to_the_embedded_cloud() {
    let w = World::new(1).await;
    let endpoint = w.cloud().endpoint();
    // No `endpoint` config: the embedded cloud's address ($BRIDGEGEN_CLOUD_ENDPOINT) is used;
    // credentials come from the schema's environment variables.
    let mut p = PluginProcess::start(
        Path::new(BIN),
        &[],
        &[
            (bridgegen_cloud::ENDPOINT_ENV, endpoint.as_str()),
            ("KAKAOCLOUD_APPLICATION_CREDENTIAL_ID", w.cred.key_id.as_str()),
            ("KAKAOCLOUD_APPLICATION_CREDENTIAL_SECRET", w.cred.secret.as_str()),
        ],
    )
    .await
    .unwrap();
    p.client.configure(rpc::ConfigureRequest { args: Some(props(&[])), ..Default::default() }).await.unwrap();
    let created = create(&mut p, inputs(&w.image.id, &w.members[0].id, &[]), false).await.unwrap();
    assert_eq!(created.id, w.id(&w.members[0].id));
    // Wrong credentials: a clear error, nothing created.
    let mut bad =
        PluginProcess::start(Path::new(BIN), &[], &[(bridgegen_cloud::ENDPOINT_ENV, endpoint.as_str())]).await.unwrap();
    let args =
        props(&[("applicationCredentialId", V::string("nope")), ("applicationCredentialSecret", V::string("nope"))]);
    bad.client.configure(rpc::ConfigureRequest { args: Some(args), ..Default::default() }).await.unwrap();
    let e = create(&mut bad, inputs(&w.image.id, &w.members[0].id, &[]), false).await.unwrap_err();
    assert!(e.message().contains("credential"), "{}", e.message());
}
