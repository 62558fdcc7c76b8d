//! The Go test provider (tests/tfprovider/kakaocloud) driven over raw tfplugin6 against the
//! embedded cloud: configure, plan, create, read, replace-on-change plan, import, delete, and
//! read after delete. Values go through bridgegen-tfplugin's cty msgpack codec.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bridgegen_test_support::go::go_build;
use bridgegen_test_support::require;
use bridgegen_tfplugin::cty::{from_msgpack, to_msgpack, CtyType, CtyValue};
use bridgegen_tfplugin::proto::tfplugin6 as v6;
use bridgegen_tfplugin::{PluginOptions, ProviderPlugin};

fn cloud(db: &Path, args: &[&str]) -> serde_json::Value {
    let out =
        Command::new(env!("CARGO_BIN_EXE_bridgegen")).arg("cloud").arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "bridgegen cloud {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn s(x: &str) -> CtyValue {
    CtyValue::String(x.into())
}

fn obj(pairs: &[(&str, CtyValue)]) -> CtyValue {
    CtyValue::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

fn dv(v: &CtyValue, ty: &CtyType) -> Option<v6::DynamicValue> {
    Some(v6::DynamicValue { msgpack: to_msgpack(v, ty).unwrap(), json: Vec::new() })
}

fn val(d: &Option<v6::DynamicValue>, ty: &CtyType) -> CtyValue {
    from_msgpack(&d.as_ref().expect("a value").msgpack, ty).unwrap()
}

fn attrs(v: &CtyValue) -> &BTreeMap<String, CtyValue> {
    match v {
        CtyValue::Map(m) => m,
        other => panic!("not an object: {other:?}"),
    }
}

fn no_errors(diags: &[v6::Diagnostic], what: &str) {
    let errors: Vec<_> = diags.iter().filter(|d| d.severity == v6::diagnostic::Severity::Error as i32).collect();
    assert!(errors.is_empty(), "{what}: {errors:?}");
}

#[test]
fn image_member_lifecycle_on_the_embedded_cloud() {
    let bin = require!(go_build("tests/tfprovider/kakaocloud", "terraform-provider-kakaocloud"));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cloud.db");
    let owner = cloud(&db, &["account", "create", "--cloud", "kakaocloud", "--json"]);
    let member = cloud(&db, &["account", "create", "--cloud", "kakaocloud", "--json"]);
    let owner_id = owner["account"]["id"].as_str().unwrap();
    let member_id = member["account"]["id"].as_str().unwrap().to_string();
    let image = cloud(&db, &["image", "create", "--cloud", "kakaocloud", "--owner", owner_id, "--json"]);
    let image_id = image["id"].as_str().unwrap().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bridgegen"))
        .args(["cloud", "serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut endpoint = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut endpoint).unwrap();
    let _server = Server(child);
    let endpoint = endpoint.trim().to_string();

    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async {
        let plugin = ProviderPlugin::start(PluginOptions::new(&bin)).await.unwrap();
        let schema = plugin.client().get_provider_schema().await.unwrap().schema;
        let pty = CtyType::from(schema.provider.as_ref().unwrap().block.as_ref().unwrap());
        let rty = CtyType::from(schema.resource_schemas["kakaocloud_image_member"].block.as_ref().unwrap());
        let mut c = plugin.client().v6().unwrap();
        let ty = "kakaocloud_image_member".to_string();

        let config = obj(&[
            ("endpoint", s(&endpoint)),
            ("application_credential_id", s(owner["credential"]["key_id"].as_str().unwrap())),
            ("application_credential_secret", s(owner["credential"]["secret"].as_str().unwrap())),
        ]);
        let r = c
            .configure_provider(v6::configure_provider::Request {
                terraform_version: "1.9.0".into(),
                config: dv(&config, &pty),
                client_capabilities: None,
            })
            .await
            .unwrap()
            .into_inner();
        no_errors(&r.diagnostics, "ConfigureProvider");

        let plan = |prior: CtyValue, config: CtyValue| {
            let mut c = c.clone();
            let (ty, rty) = (ty.clone(), rty.clone());
            async move {
                let r = c
                    .plan_resource_change(v6::plan_resource_change::Request {
                        type_name: ty,
                        prior_state: dv(&prior, &rty),
                        proposed_new_state: dv(&config, &rty),
                        config: dv(&config, &rty),
                        prior_private: Vec::new(),
                        provider_meta: None,
                        client_capabilities: None,
                        prior_identity: None,
                    })
                    .await
                    .unwrap()
                    .into_inner();
                no_errors(&r.diagnostics, "PlanResourceChange");
                r
            }
        };
        let apply = |prior: CtyValue, planned: CtyValue, config: CtyValue, private: Vec<u8>| {
            let mut c = c.clone();
            let (ty, rty) = (ty.clone(), rty.clone());
            async move {
                let r = c
                    .apply_resource_change(v6::apply_resource_change::Request {
                        type_name: ty,
                        prior_state: dv(&prior, &rty),
                        planned_state: dv(&planned, &rty),
                        config: dv(&config, &rty),
                        planned_private: private,
                        provider_meta: None,
                        planned_identity: None,
                    })
                    .await
                    .unwrap()
                    .into_inner();
                no_errors(&r.diagnostics, "ApplyResourceChange");
                val(&r.new_state, &rty)
            }
        };
        let read = |state: CtyValue| {
            let mut c = c.clone();
            let (ty, rty) = (ty.clone(), rty.clone());
            async move {
                let r = c
                    .read_resource(v6::read_resource::Request {
                        type_name: ty,
                        current_state: dv(&state, &rty),
                        private: Vec::new(),
                        provider_meta: None,
                        client_capabilities: None,
                        current_identity: None,
                    })
                    .await
                    .unwrap()
                    .into_inner();
                no_errors(&r.diagnostics, "ReadResource");
                val(&r.new_state, &rty)
            }
        };

        // Plan a create: the ids are known, the cloud's fields are unknown until apply.
        let timeouts = obj(&[("create", s("2m")), ("delete", s("1m"))]);
        let config = obj(&[("image_id", s(&image_id)), ("member_id", s(&member_id)), ("timeouts", timeouts.clone())]);
        let planned = plan(CtyValue::Null, config.clone()).await;
        let planned_state = val(&planned.planned_state, &rty);
        let p = attrs(&planned_state);
        assert_eq!((&p["image_id"], &p["id"], &p["status"]), (&s(&image_id), &CtyValue::Unknown, &CtyValue::Unknown));

        // Create.
        let state = apply(CtyValue::Null, planned_state, config.clone(), planned.planned_private).await;
        let st = attrs(&state).clone();
        assert_eq!(st["id"], s(&format!("{image_id}:{member_id}")));
        assert_eq!(st["status"], s("pending"));
        // Objects come back with every attribute; unset timeouts are null.
        let full_timeouts =
            obj(&[("create", s("2m")), ("delete", s("1m")), ("read", CtyValue::Null), ("update", CtyValue::Null)]);
        assert_eq!(st["timeouts"], full_timeouts);
        let CtyValue::String(created) = &st["created_at"] else { panic!("created_at: {:?}", st["created_at"]) };
        assert!(created.ends_with('Z') && created.contains('T'), "ISO 8601 UTC: {created}");

        // Read gives the same state.
        assert_eq!(read(state.clone()).await, state);

        // Changing member_id forces replacement.
        let other = obj(&[("image_id", s(&image_id)), ("member_id", s("someoneelse")), ("timeouts", timeouts.clone())]);
        let replan = plan(state.clone(), other).await;
        let replace: Vec<String> = replan
            .requires_replace
            .iter()
            .flat_map(|p| p.steps.iter())
            .filter_map(|s| match &s.selector {
                Some(v6::attribute_path::step::Selector::AttributeName(n)) => Some(n.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(replace, ["member_id"]);

        // Import by `<image_id>:<member_id>`, then read fills in the cloud's fields.
        let imported = c
            .clone()
            .import_resource_state(v6::import_resource_state::Request {
                type_name: ty.clone(),
                id: format!("{image_id}:{member_id}"),
                client_capabilities: None,
                identity: None,
            })
            .await
            .unwrap()
            .into_inner();
        no_errors(&imported.diagnostics, "ImportResourceState");
        let istate = val(&imported.imported_resources[0].state, &rty);
        let full = read(istate).await;
        assert_eq!(attrs(&full)["status"], s("pending"));
        assert_eq!(attrs(&full)["created_at"], st["created_at"]);

        // Delete, then the resource reads as gone.
        let gone = apply(state.clone(), CtyValue::Null, CtyValue::Null, Vec::new()).await;
        assert_eq!(gone, CtyValue::Null);
        assert_eq!(read(state).await, CtyValue::Null);
        plugin.shutdown(Duration::from_secs(5)).await.unwrap();
    });
}
