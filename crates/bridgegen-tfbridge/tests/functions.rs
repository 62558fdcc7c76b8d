//! Provider-defined functions over gRPC: terraform-provider-time v0.14.2 (a real provider we
//! did not write, from the Go module proxy) bridged with its own docs; its `rfc3339_parse`
//! invoked as the Pulumi engine invokes it goes to Terraform's `CallFunction`.

mod common;

use std::path::Path;

use bridgegen_provider::rpc;
use bridgegen_provider::testing::{decode, props, PluginProcess};
use bridgegen_provider::value::PropertyValue as V;
use bridgegen_test_support::go::go_install;
use bridgegen_test_support::require;

const BIN: &str = env!("CARGO_BIN_EXE_pulumi-resource-tfbridge");

async fn invoke(p: &mut PluginProcess, tok: &str, args: &[(&str, V)]) -> rpc::InvokeResponse {
    let req = rpc::InvokeRequest { tok: tok.into(), args: Some(props(args)), ..Default::default() };
    p.client.invoke(req).await.unwrap().into_inner()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn time_provider_functions_are_called_with_call_function() {
    let (provider, src) = require!(go_install("github.com/hashicorp/terraform-provider-time", "v0.14.2"));
    let dir = tempfile::tempdir().unwrap();
    let (schema, meta, version) =
        common::bridge_binary(&provider, "registry.terraform.io/hashicorp/time", Some(src.join("docs")), dir.path())
            .await
            .unwrap();
    assert_eq!(version, 5, "terraform-provider-time serves protocol 5");
    let f = &meta.functions["rfc3339_parse"];
    assert_eq!(f.token, "time:index/rfc3339Parse:rfc3339Parse");
    assert_eq!(f.parameters, ["timestamp"]);
    assert!(f.result_object);
    let mut tokens: Vec<&str> = meta.functions.values().map(|f| f.token.as_str()).collect();
    tokens.sort();
    assert_eq!(
        tokens,
        [
            "time:index/durationParse:durationParse",
            "time:index/rfc3339Parse:rfc3339Parse",
            "time:index/unixTimestampParse:unixTimestampParse"
        ]
    );

    let env =
        [("BRIDGEGEN_TF_PROVIDER", provider.to_str().unwrap()), ("BRIDGEGEN_TF_SCHEMA", schema.to_str().unwrap())];
    let mut p = PluginProcess::start(Path::new(BIN), &[], &env).await.unwrap();
    // Functions need no provider configuration.
    let tok = f.token.clone();
    let r = invoke(&mut p, &tok, &[("timestamp", V::string("2023-07-25T23:43:16Z"))]).await;
    assert!(r.failures.is_empty(), "{:?}", r.failures);
    let out = decode(&r.r#return);
    assert_eq!(out["year"], V::Number(2023.0));
    assert_eq!(out["month"], V::Number(7.0));
    assert_eq!(out["day"], V::Number(25.0));
    assert_eq!(out["hour"], V::Number(23.0));
    assert_eq!(out["yearDay"], V::Number(206.0));
    assert_eq!(out["monthName"], V::string("July"));
    assert_eq!(out["weekdayName"], V::string("Tuesday"));
    assert_eq!(out["unix"], V::Number(1_690_328_596.0));
    assert_eq!(out["isoWeek"], V::Number(30.0));

    // A secret argument gives secret outputs.
    let r = invoke(&mut p, &tok, &[("timestamp", V::secret(V::string("2023-07-25T23:43:16Z")))]).await;
    let out = decode(&r.r#return);
    assert_eq!(out["year"], V::secret(V::Number(2023.0)));
    assert_eq!(out["monthName"], V::secret(V::string("July")));

    // An unknown argument (preview): unknown outputs, no call.
    let r = invoke(&mut p, &tok, &[("timestamp", V::Computed)]).await;
    assert!(r.failures.is_empty(), "{:?}", r.failures);
    let out = decode(&r.r#return);
    assert_eq!((out["year"].clone(), out.len()), (V::Computed, 13), "{out:?}");

    // The function's own error, blamed on its argument: an invoke failure on `timestamp`.
    let r = invoke(&mut p, &tok, &[("timestamp", V::string("yesterday"))]).await;
    assert!(r.r#return.is_none());
    assert_eq!(r.failures.len(), 1, "{:?}", r.failures);
    assert_eq!(r.failures[0].property, "timestamp");
    assert!(
        r.failures[0].reason.contains("rfc3339_parse")
            && r.failures[0].reason.contains("\"yesterday\" is not a valid RFC3339"),
        "{}",
        r.failures[0].reason
    );
    // A missing argument is a null, which the parameter does not allow (Terraform checks this
    // before calling; so does the bridge).
    let r = invoke(&mut p, &tok, &[]).await;
    assert_eq!(r.failures.len(), 1, "{:?}", r.failures);
    assert_eq!(r.failures[0].property, "timestamp");
    assert!(r.failures[0].reason.contains("needs a value for `timestamp`"), "{}", r.failures[0].reason);

    // Another function, a number argument with a camelCased name.
    let tok = meta.functions["unix_timestamp_parse"].token.clone();
    let r = invoke(&mut p, &tok, &[("unixTimestamp", V::Number(1_690_328_596.0))]).await;
    assert!(r.failures.is_empty(), "{:?}", r.failures);
    assert_eq!(decode(&r.r#return)["rfc3339"], V::string("2023-07-25T23:43:16Z"));
}
