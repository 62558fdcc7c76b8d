//! The bridge over tfplugin5: the terraform-plugin-sdk/v2 provider in tests/tfprovider/sdkv2
//! (in-memory resources), schema read from the binary and bridged with defaults. Covers a
//! flattened max-items-1 block, a set inside it, a map, a sensitive attribute, ForceNew and a
//! data source called as a function.

mod common;

use std::path::{Path, PathBuf};

use bridgegen_provider::rpc;
use bridgegen_provider::testing::{decode, props, urn, PluginProcess};
use bridgegen_provider::value::PropertyValue as V;
use bridgegen_test_support::go::go_build;
use bridgegen_test_support::require;

const BIN: &str = env!("CARGO_BIN_EXE_pulumi-resource-tfbridge");

struct Setup {
    _dir: tempfile::TempDir,
    provider: PathBuf,
    schema: PathBuf,
    meta: bridgegen_tf::BridgeMetadata,
}

async fn setup() -> Result<Setup, String> {
    let provider = go_build("tests/tfprovider/sdkv2", "terraform-provider-legacy")?;
    let dir = tempfile::tempdir().unwrap();
    let (schema, meta, version) =
        common::bridge_binary(&provider, "registry.terraform.io/hashicorp/legacy", None, dir.path()).await?;
    assert_eq!(version, 5);
    Ok(Setup { _dir: dir, provider, schema, meta })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resource_and_function_over_protocol_5() {
    let s = require!(setup().await);
    let function = s.meta.data_sources["legacy_info"].token.clone();
    let mut p = s.plugin().await;
    let config = props(&[("token", V::secret(V::string("t0k")))]);
    let check = p
        .client
        .check_config(rpc::CheckRequest { news: Some(config.clone()), ..Default::default() })
        .await
        .unwrap()
        .into_inner();
    assert!(check.failures.is_empty(), "{:?}", check.failures);
    p.client.configure(rpc::ConfigureRequest { args: Some(config), ..Default::default() }).await.unwrap();

    let rule = V::Object(
        [("port".to_string(), V::Number(443.0)), ("cidrs".to_string(), V::Array(vec!["10.0.0.0/8".into()]))].into(),
    );
    let news = props(&[
        ("name", V::string("a")),
        ("tags", V::Object([("env".to_string(), V::string("dev"))].into())),
        ("secret", V::string("s3cret")),
        ("rule", rule.clone()),
    ]);
    let t = s.thing("t");
    let c = p.client.check(t.check(&news)).await.unwrap().into_inner();
    assert!(c.failures.is_empty(), "{:?}", c.failures);
    let created = p.client.create(t.create(&news)).await.unwrap().into_inner();
    assert_eq!(created.id, "thing-a");
    let out = decode(&created.properties);
    assert_eq!(out["serial"], V::Number(1.0));
    assert_eq!(out["rule"], rule, "the max-items-1 block comes back flattened");
    assert_eq!(out["secret"], V::secret(V::string("s3cret")), "sensitive attributes are secret");
    assert_eq!(out["tags"], V::Object([("env".to_string(), V::string("dev"))].into()));

    // ForceNew on `name`: replacement; tags only: in place.
    let state = created.properties.unwrap();
    let mut renamed = decode(&Some(news.clone()));
    renamed.insert("name".into(), V::string("b"));
    let d = p
        .client
        .diff(t.diff(&state, &bridgegen_provider::value::map_to_struct(&renamed), &[]))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(d.replaces, vec!["name".to_string()], "{d:?}");
    let same = p.client.diff(t.diff(&state, &news, &[])).await.unwrap().into_inner();
    assert_eq!(same.changes, NO_CHANGES, "{same:?}");

    // ignoreChanges at nested paths (inside the flattened block, a map key): the old values stand.
    let mut changed = decode(&Some(news.clone()));
    let port = V::Number(8443.0);
    let cidrs = V::Array(vec!["10.0.0.0/8".into()]);
    changed.insert("rule".into(), V::Object([("port".to_string(), port), ("cidrs".to_string(), cidrs)].into()));
    changed.insert("tags".into(), V::Object([("env".to_string(), V::string("prod"))].into()));
    let changed = bridgegen_provider::value::map_to_struct(&changed);
    let d = p.client.diff(t.diff(&state, &changed, &["rule.port", r#"tags["env"]"#])).await.unwrap().into_inner();
    assert_eq!(d.changes, NO_CHANGES, "{d:?}");
    let d = p.client.diff(t.diff(&state, &changed, &["rule.port"])).await.unwrap().into_inner();
    assert_eq!(d.diffs, vec!["tags".to_string()], "{d:?}");
    let bad = p.client.diff(t.diff(&state, &changed, &["rule["])).await.unwrap_err();
    assert!(bad.message().contains("rule["), "{bad:?}");

    let r = p.client.read(t.read(&created.id, &state, None)).await.unwrap().into_inner();
    assert_eq!(decode(&r.properties)["rule"], rule);

    // A data source as a function (ReadDataSource).
    let info = p
        .client
        .invoke(rpc::InvokeRequest { tok: function, args: Some(props(&[])), ..Default::default() })
        .await
        .unwrap()
        .into_inner();
    assert!(info.failures.is_empty(), "{:?}", info.failures);
    assert_eq!(decode(&info.r#return)["version"], V::string("0.1.0"));

    p.client.delete(t.delete(&created.id, &state)).await.unwrap();
}

/// `legacy_thing` is at schema version 1; a state the bridge wrote at version 0 (its `__meta`
/// says so) goes through the provider's UpgradeResourceState before Read and Diff use it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn state_from_an_older_schema_version_is_upgraded() {
    let s = require!(setup().await);
    let mut p = s.plugin().await;
    p.client.configure(rpc::ConfigureRequest { args: Some(props(&[])), ..Default::default() }).await.unwrap();
    let t = s.thing("old");
    let news = props(&[("name", V::string("old"))]);
    let created = p.client.create(t.create(&news)).await.unwrap().into_inner();
    let mut state = decode(&created.properties);
    let meta_of = |m: &bridgegen_provider::PropertyMap| -> serde_json::Value {
        serde_json::from_str(m["__meta"].as_str().expect("__meta is a string")).unwrap()
    };
    assert_eq!(meta_of(&state)["schema_version"], "1", "{state:?}");

    // The same state as version 0 wrote it: serials counted from 0 then.
    let mut meta = meta_of(&state);
    meta["schema_version"] = "0".into();
    state.insert("__meta".into(), V::string(meta.to_string()));
    state.insert("serial".into(), V::Number(7.0));
    let old = bridgegen_provider::value::map_to_struct(&state);

    let r = p.client.read(t.read(&created.id, &old, Some(&news))).await.unwrap().into_inner();
    let read = decode(&r.properties);
    assert_eq!(read["serial"], V::Number(8.0), "the version-0 upgrader did not run: {read:?}");
    assert_eq!(meta_of(&read)["schema_version"], "1", "{read:?}");

    // Diff plans against the upgraded state: the serial the upgrade changed is no change.
    let d = p.client.diff(t.diff(&old, &news, &[])).await.unwrap().into_inner();
    assert_eq!(d.changes, NO_CHANGES, "{d:?}");
    p.client.delete(t.delete(&created.id, &old)).await.unwrap();
}

impl Setup {
    /// The bridge plugin running this provider.
    async fn plugin(&self) -> PluginProcess {
        let env = [
            ("BRIDGEGEN_TF_PROVIDER", self.provider.to_str().unwrap()),
            ("BRIDGEGEN_TF_SCHEMA", self.schema.to_str().unwrap()),
        ];
        PluginProcess::start(Path::new(BIN), &[], &env).await.unwrap()
    }

    /// Requests about the `legacy_thing` named `name`.
    fn thing(&self, name: &str) -> Thing {
        let token = self.meta.resources["legacy_thing"].token.clone();
        Thing { urn: urn(&token, name), token }
    }
}

struct Thing {
    token: String,
    urn: String,
}

impl Thing {
    fn check(&self, news: &prost_types::Struct) -> rpc::CheckRequest {
        rpc::CheckRequest {
            urn: self.urn.clone(),
            news: Some(news.clone()),
            r#type: self.token.clone(),
            ..Default::default()
        }
    }

    fn create(&self, news: &prost_types::Struct) -> rpc::CreateRequest {
        rpc::CreateRequest {
            urn: self.urn.clone(),
            properties: Some(news.clone()),
            r#type: self.token.clone(),
            ..Default::default()
        }
    }

    fn diff(
        &self,
        olds: &prost_types::Struct,
        news: &prost_types::Struct,
        ignore_changes: &[&str],
    ) -> rpc::DiffRequest {
        rpc::DiffRequest {
            urn: self.urn.clone(),
            olds: Some(olds.clone()),
            news: Some(news.clone()),
            r#type: self.token.clone(),
            ignore_changes: ignore_changes.iter().map(|p| p.to_string()).collect(),
            ..Default::default()
        }
    }

    fn read(&self, id: &str, state: &prost_types::Struct, inputs: Option<&prost_types::Struct>) -> rpc::ReadRequest {
        rpc::ReadRequest {
            id: id.into(),
            urn: self.urn.clone(),
            properties: Some(state.clone()),
            inputs: inputs.cloned(),
            ..Default::default()
        }
    }

    fn delete(&self, id: &str, state: &prost_types::Struct) -> rpc::DeleteRequest {
        rpc::DeleteRequest {
            id: id.into(),
            urn: self.urn.clone(),
            properties: Some(state.clone()),
            ..Default::default()
        }
    }
}

const NO_CHANGES: i32 = rpc::diff_response::DiffChanges::DiffNone as i32;
