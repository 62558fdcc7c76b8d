//! Drives the `pulumi-resource-alicloud` binary over gRPC as the Pulumi engine does, against
//! the embedded cloud (started in-process on a temporary SQLite database).

use std::path::{Path, PathBuf};
use std::time::Duration;

use bridgegen_cloud::{Account, Cloud, CloudServer, Credential, FaultPlan, Image};
use bridgegen_provider::rpc;
use bridgegen_provider::testing::{decode, props, urn, PluginProcess};
use bridgegen_provider::value::{PropertyValue as V, UNKNOWN};
use tonic::Code;

const BIN: &str = env!("CARGO_BIN_EXE_pulumi-resource-alicloud");
const TOKEN: &str = "alicloud:ecs/imageSharePermission:ImageSharePermission";

struct World {
    dir: tempfile::TempDir,
    cloud: Option<CloudServer>,
    owner: Account,
    cred: Credential,
    image: Image,
    friends: Vec<Account>,
}

impl World {
    async fn new(friends: usize) -> World {
        let dir = tempfile::tempdir().unwrap();
        let cloud = CloudServer::open(dir.path().join("cloud.db"), "127.0.0.1:0").await.unwrap();
        let store = cloud.store().clone();
        let (owner, cred) = store.create_account(Cloud::Alicloud, None, Some("owner")).unwrap();
        let image = store.create_image(Cloud::Alicloud, Some(&owner.id), false, None, Some("golden"), None).unwrap();
        let friends = (0..friends).map(|_| store.create_account(Cloud::Alicloud, None, None).unwrap().0).collect();
        World { dir, cloud: Some(cloud), owner, cred, image, friends }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("cloud.db")
    }

    fn cloud(&self) -> &CloudServer {
        self.cloud.as_ref().expect("cloud is running")
    }

    fn endpoint(&self) -> String {
        self.cloud().endpoint()
    }

    fn shared_with(&self) -> Vec<String> {
        let store = bridgegen_cloud::Store::open(self.db()).unwrap();
        let mut v: Vec<String> = store.shares(&self.image.id).unwrap().into_iter().map(|s| s.member_id).collect();
        v.sort();
        v
    }

    async fn plugin(&self) -> PluginProcess {
        start_configured(&self.endpoint(), &self.cred).await
    }
}

async fn start_configured(endpoint: &str, cred: &Credential) -> PluginProcess {
    let mut p = PluginProcess::start(Path::new(BIN), &[], &[]).await.unwrap();
    let args = props(&[
        ("ecsEndpoint", V::string(endpoint)),
        ("accessKey", V::secret(V::string(&cred.key_id))),
        ("secretKey", V::secret(V::string(&cred.secret))),
        ("region", V::string("cn-beijing")),
    ]);
    let r = p
        .client
        .configure(rpc::ConfigureRequest { args: Some(args), accept_secrets: true, ..Default::default() })
        .await
        .unwrap()
        .into_inner();
    assert!(r.accept_secrets && r.supports_preview);
    p
}

fn inputs(image: &str, account: &str) -> prost_types::Struct {
    props(&[("imageId", V::string(image)), ("accountId", V::string(account))])
}

async fn check(p: &mut PluginProcess, olds: prost_types::Struct, news: prost_types::Struct) -> rpc::CheckResponse {
    p.client
        .check(rpc::CheckRequest {
            urn: urn(TOKEN, "share"),
            olds: Some(olds),
            news: Some(news),
            r#type: TOKEN.into(),
            name: "share".into(),
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
            urn: urn(TOKEN, "share"),
            properties: Some(props),
            preview,
            r#type: TOKEN.into(),
            name: "share".into(),
            ..Default::default()
        })
        .await
        .map(|r| r.into_inner())
}

async fn read(p: &mut PluginProcess, id: &str, state: prost_types::Struct) -> Result<rpc::ReadResponse, tonic::Status> {
    p.client
        .read(rpc::ReadRequest {
            id: id.into(),
            urn: urn(TOKEN, "share"),
            properties: Some(state),
            r#type: TOKEN.into(),
            ..Default::default()
        })
        .await
        .map(|r| r.into_inner())
}

async fn diff(
    p: &mut PluginProcess,
    id: &str,
    olds: prost_types::Struct,
    news: prost_types::Struct,
) -> rpc::DiffResponse {
    p.client
        .diff(rpc::DiffRequest {
            id: id.into(),
            urn: urn(TOKEN, "share"),
            olds: Some(olds.clone()),
            old_inputs: Some(olds),
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
            urn: urn(TOKEN, "share"),
            properties: Some(state),
            r#type: TOKEN.into(),
            ..Default::default()
        })
        .await
        .map(|_| ())
}

#[tokio::test]
async fn plugin_info_and_schema_are_the_schema_file() {
    let w = World::new(0).await;
    let mut p = w.plugin().await;
    let schema = p.client.get_schema(rpc::GetSchemaRequest::default()).await.unwrap().into_inner().schema;
    let file =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/alicloud.json")).unwrap();
    assert_eq!(schema, file, "GetSchema must return schema/alicloud.json byte for byte");
    let info = p.client.get_plugin_info(()).await.unwrap().into_inner();
    assert_eq!(info.version, "3.108.0");
    // Methods the provider does not offer answer UNIMPLEMENTED.
    let e = p.client.construct(rpc::ConstructRequest::default()).await.unwrap_err();
    assert_eq!(e.code(), Code::Unimplemented);
    let e = p
        .client
        .invoke(rpc::InvokeRequest { tok: "alicloud:ecs/getImages:getImages".into(), ..Default::default() })
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::Unimplemented);
}

#[tokio::test]
async fn lifecycle_check_create_read_diff_delete() {
    let w = World::new(2).await;
    let mut p = w.plugin().await;
    let (img, a, b) = (w.image.id.as_str(), w.friends[0].id.as_str(), w.friends[1].id.as_str());

    let c = check(&mut p, props(&[]), inputs(img, a)).await;
    assert!(c.failures.is_empty(), "{:?}", c.failures);
    let created = create(&mut p, c.inputs.clone().unwrap(), false).await.unwrap();
    assert_eq!(created.id, format!("{img}:{a}"));
    assert_eq!(w.shared_with(), vec![a.to_string()]);
    let state = created.properties.clone().unwrap();
    assert_eq!(decode(&created.properties)["accountId"], V::string(a));

    let r = read(&mut p, &created.id, state.clone()).await.unwrap();
    assert_eq!(r.id, created.id);
    assert_eq!(decode(&r.properties), decode(&created.properties));

    let same = diff(&mut p, &created.id, state.clone(), inputs(img, a)).await;
    assert_eq!(same.changes, rpc::diff_response::DiffChanges::DiffNone as i32);
    assert!(same.replaces.is_empty());

    let changed = diff(&mut p, &created.id, state.clone(), inputs(img, b)).await;
    assert_eq!(changed.changes, rpc::diff_response::DiffChanges::DiffSome as i32);
    assert_eq!(changed.replaces, vec!["accountId".to_string()]);
    assert!(changed.delete_before_replace, "same image: delete first so the quota is not exceeded");
    assert_eq!(changed.detailed_diff["accountId"].kind, rpc::property_diff::Kind::UpdateReplace as i32);

    delete(&mut p, &created.id, state.clone()).await.unwrap();
    assert!(w.shared_with().is_empty());
    let gone = read(&mut p, &created.id, state).await.unwrap();
    assert_eq!(gone.id, "", "a deleted share is dropped from the state");
}

#[tokio::test]
async fn check_rejects_missing_and_malformed_inputs() {
    let w = World::new(0).await;
    let mut p = w.plugin().await;
    // A number where the schema says string is coerced (Pulumi YAML sends digit-only ids as
    // numbers); a list is not.
    let c = check(&mut p, props(&[]), props(&[("imageId", V::Array(vec![]))])).await;
    let mut got: Vec<(String, bool)> =
        c.failures.iter().map(|f| (f.property.clone(), f.reason.contains(&f.property))).collect();
    got.sort();
    assert_eq!(got, vec![("accountId".to_string(), true), ("imageId".to_string(), true)]);
    let c = check(&mut p, props(&[]), inputs("m-1:2", "3")).await;
    assert_eq!(c.failures.len(), 1);
    assert_eq!(c.failures[0].property, "imageId");
    let c = check(
        &mut p,
        props(&[]),
        props(&[("imageId", V::string("m-1")), ("accountId", V::Number(1851487736442068.0))]),
    )
    .await;
    assert!(c.failures.is_empty(), "{:?}", c.failures);
    assert_eq!(
        c.inputs.unwrap().fields["accountId"].kind,
        Some(prost_types::value::Kind::StringValue("1851487736442068".into()))
    );
}

#[tokio::test]
async fn import_by_id_and_bad_ids() {
    let w = World::new(1).await;
    let a = w.friends[0].id.clone();
    w.cloud()
        .store()
        .modify_alicloud_shares(&w.owner.id, &w.image.id, "cn-beijing", std::slice::from_ref(&a), &[])
        .unwrap();
    let mut p = w.plugin().await;
    let id = format!("{}:{a}", w.image.id);
    let r = read(&mut p, &id, props(&[])).await.unwrap();
    assert_eq!(r.id, id);
    let inputs = decode(&r.inputs);
    assert_eq!(inputs["imageId"], V::string(&w.image.id));
    assert_eq!(inputs["accountId"], V::string(&a));

    for bad in ["m-uf66yg1q", "m-1:2:3", ":123", "m-1:"] {
        let e = read(&mut p, bad, props(&[])).await.unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument, "{bad}");
        assert!(e.message().contains("<image_id>:<account_id>"), "{}", e.message());
    }
    // A well-formed id of a share that does not exist imports nothing.
    let none = read(&mut p, &format!("{}:1999999999999999", w.image.id), props(&[])).await.unwrap();
    assert_eq!(none.id, "");
}

#[tokio::test]
async fn read_drops_the_resource_when_image_or_share_is_gone() {
    let w = World::new(2).await;
    let store = w.cloud().store().clone();
    let (a, b) = (w.friends[0].id.clone(), w.friends[1].id.clone());
    store.modify_alicloud_shares(&w.owner.id, &w.image.id, "cn-beijing", &[a.clone(), b.clone()], &[]).unwrap();
    let mut p = w.plugin().await;
    // Share removed behind the provider's back.
    store.modify_alicloud_shares(&w.owner.id, &w.image.id, "cn-beijing", &[], std::slice::from_ref(&a)).unwrap();
    let r = read(&mut p, &format!("{}:{a}", w.image.id), inputs(&w.image.id, &a)).await.unwrap();
    assert_eq!(r.id, "");
    // Image deleted.
    store.delete_image(&w.image.id).unwrap();
    let r = read(&mut p, &format!("{}:{b}", w.image.id), inputs(&w.image.id, &b)).await.unwrap();
    assert_eq!(r.id, "");
    // Deleting a share of a deleted image succeeds (nothing left to delete).
    delete(&mut p, &format!("{}:{b}", w.image.id), inputs(&w.image.id, &b)).await.unwrap();
}

#[tokio::test]
async fn preview_with_unknown_inputs() {
    let w = World::new(1).await;
    let mut p = w.plugin().await;
    let news = props(&[("imageId", V::Computed), ("accountId", V::string(&w.friends[0].id))]);
    let c = check(&mut p, props(&[]), news.clone()).await;
    assert!(c.failures.is_empty(), "unknowns are not failures: {:?}", c.failures);
    assert_eq!(decode(&c.inputs)["imageId"], V::Computed);
    let created = create(&mut p, c.inputs.unwrap(), true).await.unwrap();
    assert_eq!(created.id, "");
    let out = decode(&created.properties);
    assert_eq!(out["imageId"], V::Computed);
    assert_eq!(out["accountId"], V::string(&w.friends[0].id));
    // The wire form of the unknown is the sentinel string.
    let raw = created.properties.unwrap();
    assert_eq!(raw.fields["imageId"].kind, Some(prost_types::value::Kind::StringValue(UNKNOWN.into())));
    assert!(w.shared_with().is_empty(), "a preview changes nothing");
    // An unknown replace-on-change input means a (possible) replacement.
    let state = inputs(&w.image.id, &w.friends[0].id);
    let d = diff(&mut p, "x:y", state, news).await;
    assert_eq!(d.replaces, vec!["imageId".to_string()]);
}

#[tokio::test]
async fn secrets_stay_secret() {
    let w = World::new(1).await;
    let mut p = w.plugin().await;
    let a = w.friends[0].id.clone();
    let news = props(&[("imageId", V::string(&w.image.id)), ("accountId", V::secret(V::string(&a)))]);
    let c = check(&mut p, props(&[]), news).await;
    assert!(c.failures.is_empty());
    assert_eq!(decode(&c.inputs)["accountId"], V::secret(V::string(&a)));
    let created = create(&mut p, c.inputs.unwrap(), false).await.unwrap();
    let out = decode(&created.properties);
    assert_eq!(out["accountId"], V::secret(V::string(&a)));
    assert_eq!(out["imageId"], V::string(&w.image.id));
    let r = read(&mut p, &created.id, created.properties.clone().unwrap()).await.unwrap();
    assert_eq!(decode(&r.properties)["accountId"], V::secret(V::string(&a)));
    assert_eq!(decode(&r.inputs)["accountId"], V::secret(V::string(&a)));
    // A secret with the same plaintext is no change.
    let d = diff(&mut p, &created.id, created.properties.unwrap(), inputs(&w.image.id, &a)).await;
    assert_eq!(d.changes, rpc::diff_response::DiffChanges::DiffNone as i32);
}

#[tokio::test]
async fn the_51st_share_is_refused() {
    let w = World::new(51).await;
    let store = w.cloud().store().clone();
    let first: Vec<String> = w.friends[..50].iter().map(|a| a.id.clone()).collect();
    for chunk in first.chunks(10) {
        store.modify_alicloud_shares(&w.owner.id, &w.image.id, "cn-beijing", chunk, &[]).unwrap();
    }
    assert_eq!(w.shared_with().len(), 50);
    let mut p = w.plugin().await;
    let e = create(&mut p, inputs(&w.image.id, &w.friends[50].id), false).await.unwrap_err();
    assert_eq!(e.code(), Code::FailedPrecondition);
    assert!(e.message().contains("maximum of 50 accounts"), "{}", e.message());
    assert_eq!(w.shared_with().len(), 50);
}

#[tokio::test]
async fn sharing_someone_elses_image_is_refused() {
    let w = World::new(1).await;
    let store = w.cloud().store().clone();
    let (stranger, _) = store.create_account(Cloud::Alicloud, None, Some("stranger")).unwrap();
    let theirs = store.create_image(Cloud::Alicloud, Some(&stranger.id), false, None, None, None).unwrap();
    let system = store.create_image(Cloud::Alicloud, None, true, None, Some("ubuntu_22_04_x64"), None).unwrap();
    let mut p = w.plugin().await;
    let e = create(&mut p, inputs(&theirs.id, &w.friends[0].id), false).await.unwrap_err();
    assert_eq!(e.code(), Code::FailedPrecondition);
    assert!(e.message().contains("only your own custom images"), "{}", e.message());
    let e = create(&mut p, inputs(&system.id, &w.friends[0].id), false).await.unwrap_err();
    assert!(e.message().contains("system image"), "{}", e.message());
    let e = create(&mut p, inputs("m-doesnotexist", &w.friends[0].id), false).await.unwrap_err();
    assert!(e.message().contains("does not exist"), "{}", e.message());
    assert!(store.shares(&theirs.id).unwrap().is_empty());
}

#[tokio::test]
async fn throttling_is_retried() {
    let w = World::new(1).await;
    let mut p = w.plugin().await;
    w.cloud().inject_faults(FaultPlan { count: 3, status: 429, path_prefix: None });
    let created = create(&mut p, inputs(&w.image.id, &w.friends[0].id), false).await.unwrap();
    assert_eq!(created.id, format!("{}:{}", w.image.id, w.friends[0].id));
    assert!(w.cloud().pending_faults().is_none(), "all three 429s were consumed");
    assert_eq!(w.shared_with(), vec![w.friends[0].id.clone()]);
}

#[tokio::test]
async fn cloud_down_gives_a_clear_error_and_loses_nothing() {
    let mut w = World::new(2).await;
    let addr = w.cloud().addr();
    let mut p = w.plugin().await;
    let (a, b) = (w.friends[0].id.clone(), w.friends[1].id.clone());
    let first = create(&mut p, inputs(&w.image.id, &a), false).await.unwrap();
    w.cloud.take().unwrap().shutdown().await.unwrap();

    let e = create(&mut p, inputs(&w.image.id, &b), false).await.unwrap_err();
    assert_eq!(e.code(), Code::Unavailable, "{}", e.message());
    assert!(e.message().contains("cannot reach") && e.message().contains("Nothing was changed"), "{}", e.message());
    let e = read(&mut p, &first.id, first.properties.clone().unwrap()).await.unwrap_err();
    assert_eq!(e.code(), Code::Unavailable);

    // The cloud comes back on the same database and address: the committed share is there.
    w.cloud = Some(CloudServer::open(w.db(), &addr.to_string()).await.unwrap());
    let r = read(&mut p, &first.id, first.properties.unwrap()).await.unwrap();
    assert_eq!(r.id, first.id);
    assert_eq!(w.shared_with(), vec![a]);
}

#[tokio::test]
async fn sigkill_mid_run_loses_no_committed_share() {
    let w = World::new(2).await;
    let (a, b) = (w.friends[0].id.clone(), w.friends[1].id.clone());
    let mut p = w.plugin().await;
    let committed = create(&mut p, inputs(&w.image.id, &a), false).await.unwrap();

    // Next create is stuck retrying throttled requests when the plugin is killed.
    w.cloud().inject_faults(FaultPlan { count: 1_000_000, status: 429, path_prefix: None });
    let mut client = p.client.clone();
    let image = w.image.id.clone();
    let b2 = b.clone();
    let in_flight = tokio::spawn(async move {
        client
            .create(rpc::CreateRequest {
                urn: urn(TOKEN, "second"),
                properties: Some(inputs(&image, &b2)),
                r#type: TOKEN.into(),
                ..Default::default()
            })
            .await
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    p.kill9().await;
    let r = in_flight.await.unwrap();
    assert!(r.is_err(), "the in-flight create cannot have succeeded");
    w.cloud().inject_faults(FaultPlan { count: 0, status: 429, path_prefix: None });

    let mut p2 = w.plugin().await;
    let r = read(&mut p2, &committed.id, committed.properties.unwrap()).await.unwrap();
    assert_eq!(r.id, committed.id, "the committed share survived the kill");
    assert_eq!(w.shared_with(), vec![a]);
    // The interrupted create can simply run again.
    let again = create(&mut p2, inputs(&w.image.id, &b), false).await.unwrap();
    assert_eq!(again.id, format!("{}:{b}", w.image.id));
}

#[tokio::test]
async fn config_from_environment_and_engine_address() {
    let w = World::new(1).await;
    let endpoint = w.endpoint();
    // The engine passes its address as the argument; config comes from the schema's env vars.
    let mut p = PluginProcess::start(
        Path::new(BIN),
        &["--logtostderr", "-v=9", "127.0.0.1:1"],
        &[
            ("ALICLOUD_ECS_ENDPOINT", endpoint.as_str()),
            ("ALICLOUD_ACCESS_KEY", w.cred.key_id.as_str()),
            ("ALICLOUD_SECRET_KEY", w.cred.secret.as_str()),
        ],
    )
    .await
    .unwrap();
    p.client.configure(rpc::ConfigureRequest { args: Some(props(&[])), ..Default::default() }).await.unwrap();
    let created = create(&mut p, inputs(&w.image.id, &w.friends[0].id), false).await.unwrap();
    assert!(!created.id.is_empty());

    // Without credentials, Configure fails and says what to set.
    let mut bare = PluginProcess::start(Path::new(BIN), &[], &[]).await.unwrap();
    let e = bare
        .client
        .configure(rpc::ConfigureRequest { args: Some(props(&[])), ..Default::default() })
        .await
        .unwrap_err();
    assert!(e.message().contains("ALICLOUD_ACCESS_KEY"), "{}", e.message());
}

#[tokio::test]
async fn diagnostics_go_to_the_engine_address() {
    let w = World::new(1).await;
    let (engine, rec) = bridgegen_provider::testing::fake_engine::start().await;
    let mut p = PluginProcess::start(Path::new(BIN), &[&engine.to_string()], &[]).await.unwrap();
    let args = props(&[
        ("ecsEndpoint", V::string(w.endpoint())),
        ("accessKey", V::string(&w.cred.key_id)),
        ("secretKey", V::string(&w.cred.secret)),
    ]);
    p.client.configure(rpc::ConfigureRequest { args: Some(args), ..Default::default() }).await.unwrap();
    w.cloud().inject_faults(FaultPlan { count: 2, status: 429, path_prefix: None });
    create(&mut p, inputs(&w.image.id, &w.friends[0].id), false).await.unwrap();
    let logs = rec.logs.lock().unwrap().clone();
    assert_eq!(logs.len(), 2, "{logs:?}");
    assert!(logs.iter().all(|l| l.urn == urn(TOKEN, "share") && l.message.contains("retrying")), "{logs:?}");
}

#[tokio::test]
async fn cancel_stops_an_operation_in_flight() {
    let w = World::new(1).await;
    let mut p = w.plugin().await;
    w.cloud().inject_faults(FaultPlan { count: 1_000_000, status: 429, path_prefix: None });
    let mut client = p.client.clone();
    let (image, account) = (w.image.id.clone(), w.friends[0].id.clone());
    let started = std::time::Instant::now();
    let op = tokio::spawn(async move {
        client
            .create(rpc::CreateRequest {
                urn: urn(TOKEN, "share"),
                properties: Some(inputs(&image, &account)),
                r#type: TOKEN.into(),
                ..Default::default()
            })
            .await
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    p.client.cancel(()).await.unwrap();
    let e = op.await.unwrap().unwrap_err();
    assert_eq!(e.code(), Code::Cancelled, "{}", e.message());
    assert!(started.elapsed() < Duration::from_secs(5));
    w.cloud().inject_faults(FaultPlan { count: 0, status: 429, path_prefix: None });
    assert!(w.shared_with().is_empty());
}

#[tokio::test]
async fn config_checks_diffs_and_legacy_variables() {
    let w = World::new(1).await;
    let mut p = PluginProcess::start(Path::new(BIN), &[], &[]).await.unwrap();
    let c = p
        .client
        .check_config(rpc::CheckRequest {
            urn: urn("pulumi:providers:alicloud", "default"),
            news: Some(props(&[("region", V::Array(vec![])), ("ecsEndpoint", V::string("http://x"))])),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(c.failures.len(), 1);
    assert_eq!(c.failures[0].property, "region");
    let d = p
        .client
        .diff_config(rpc::DiffRequest {
            olds: Some(props(&[("region", V::string("cn-beijing"))])),
            news: Some(props(&[("region", V::string("cn-hangzhou"))])),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(d.diffs, vec!["region".to_string()]);
    assert!(d.replaces.is_empty());
    // Older engines send `<pkg>:config:<key>` variables instead of `args`.
    let vars = [
        ("alicloud:config:ecsEndpoint", w.endpoint()),
        ("alicloud:config:accessKey", w.cred.key_id.clone()),
        ("alicloud:config:secretKey", w.cred.secret.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    p.client.configure(rpc::ConfigureRequest { variables: vars, ..Default::default() }).await.unwrap();
    let created = create(&mut p, inputs(&w.image.id, &w.friends[0].id), false).await.unwrap();
    assert!(!created.id.is_empty());
}
