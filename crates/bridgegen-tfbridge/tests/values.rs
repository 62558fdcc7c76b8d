//! Pulumi property values -> cty -> msgpack -> cty -> Pulumi property values, through the name
//! tables, for nested objects, lists, sets, maps, flattened max-items-1 blocks, dynamic values,
//! nulls, unknowns and secrets.

use std::collections::BTreeMap;

use bridgegen_provider::{PropertyMap, PropertyValue as P};
use bridgegen_tfbridge::bridge::{apply_custom_timeout, proposed_new, pulumi_path, Meta};
use bridgegen_tfbridge::tf::Step;
use bridgegen_tfbridge::values::{from_cty, keep_secrets, to_cty, Fields};
use bridgegen_tfplugin::cty::{from_msgpack, to_msgpack, CtyType, CtyValue};
use bridgegen_tfplugin::schema::Block;
use proptest::prelude::*;
use serde_json::json;

/// A Terraform block and the tables `bridgegen tf bridge` writes for it.
fn schema() -> (Block, CtyType, Fields) {
    let block: Block = serde_json::from_value(json!({
        "attributes": {
            "id": {"type": "string", "computed": true},
            "instance_name": {"type": "string", "required": true},
            "size": {"type": "number", "optional": true},
            "enabled": {"type": "bool", "optional": true, "computed": true},
            "tags": {"type": ["map", "string"], "optional": true},
            "ids": {"type": ["set", "string"], "optional": true},
            "password": {"type": "string", "optional": true, "sensitive": true},
            "payload": {"type": "dynamic", "optional": true}
        },
        "block_types": {
            "rule": {"nesting_mode": "list", "block": {"attributes": {
                "port": {"type": "number", "optional": true},
                "cidr_block": {"type": "string", "optional": true}
            }}},
            "settings": {"nesting_mode": "list", "max_items": 1, "block": {"attributes": {
                "mode": {"type": "string", "optional": true},
                "extra_opt": {"type": "bool", "optional": true}
            }}}
        }
    }))
    .unwrap();
    let fields: Fields = serde_json::from_value(json!({
        "id": {"name": "id", "shape": "string", "outputRequired": true},
        "instance_name": {"name": "instanceName", "shape": "string", "input": true, "required": true},
        "size": {"name": "size", "shape": "number", "input": true},
        "enabled": {"name": "enabled", "shape": "bool", "input": true},
        "tags": {"name": "tags", "shape": {"map": "string"}, "input": true},
        "ids": {"name": "ids", "shape": {"list": "string"}, "input": true},
        "password": {"name": "password", "shape": "string", "input": true, "secret": true},
        "payload": {"name": "payload", "shape": "any", "input": true},
        "rule": {"name": "rules", "shape": {"list": {"object": "R"}}, "pluralized": true, "block": true, "input": true,
            "fields": {
                "port": {"name": "port", "shape": "number", "input": true},
                "cidr_block": {"name": "cidrBlock", "shape": "string", "input": true}
            }},
        "settings": {"name": "settings", "shape": {"object": "S"}, "maxItemsOne": true, "block": true, "input": true,
            "fields": {
                "mode": {"name": "mode", "shape": "string", "input": true},
                "extra_opt": {"name": "extraOpt", "shape": "bool", "input": true}
            }}
    }))
    .unwrap();
    let ty = CtyType::from(&block);
    (block, ty, fields)
}

fn obj(pairs: Vec<(&str, P)>) -> P {
    P::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn number() -> impl Strategy<Value = P> {
    prop_oneof![
        any::<i32>().prop_map(|i| P::Number(i.into())),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(P::Number)
    ]
}

/// A value, null, or unknown.
fn maybe<S: Strategy<Value = P> + 'static>(s: S) -> impl Strategy<Value = P> {
    prop_oneof![6 => s, 1 => Just(P::Null), 1 => Just(P::Computed)]
}

fn string() -> impl Strategy<Value = P> {
    "[a-z0-9 ./-]{0,8}".prop_map(P::String)
}

fn props() -> impl Strategy<Value = PropertyMap> {
    let rule =
        (maybe(number()), maybe(string())).prop_map(|(port, cidr)| obj(vec![("port", port), ("cidrBlock", cidr)]));
    let settings = (maybe(string()), maybe(any::<bool>().prop_map(P::Bool)))
        .prop_map(|(m, e)| obj(vec![("mode", m), ("extraOpt", e)]));
    let payload = prop_oneof![
        string(),
        number(),
        any::<bool>().prop_map(P::Bool),
        prop::collection::vec(string(), 0..3).prop_map(P::Array),
    ];
    (
        maybe(string()),
        maybe(number()),
        maybe(any::<bool>().prop_map(P::Bool)),
        maybe(prop::collection::btree_map("[a-z]{1,4}", maybe(string()), 0..3).prop_map(P::Object)),
        maybe(prop::collection::vec(string(), 0..3).prop_map(P::Array)),
        maybe(string().prop_map(P::secret)),
        maybe(payload),
        prop_oneof![4 => prop::collection::vec(rule, 0..3).prop_map(P::Array), 1 => Just(P::Computed)],
        maybe(settings),
    )
        .prop_map(|(name, size, enabled, tags, ids, password, payload, rules, settings)| {
            let m = vec![
                ("id", P::Computed),
                ("instanceName", name),
                ("size", size),
                ("enabled", enabled),
                ("tags", tags),
                ("ids", ids),
                ("password", password),
                ("payload", payload),
                ("rules", rules),
                ("settings", settings),
            ];
            m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
        })
}

fn round_trip(p: &PropertyMap) -> PropertyMap {
    let (_, ty, fields) = schema();
    let cty = to_cty(p, &fields, &ty).unwrap();
    let bytes = to_msgpack(&cty, &ty).unwrap();
    from_cty(&from_msgpack(&bytes, &ty).unwrap(), &fields, &ty).unwrap()
}

proptest! {
    #[test]
    fn properties_survive_terraform(p in props()) {
        prop_assert_eq!(round_trip(&p), p);
    }

    #[test]
    fn secret_inputs_stay_secret(p in props(), pick in 0usize..10) {
        let key = p.keys().nth(pick).unwrap().clone();
        let mut input = p.clone();
        let v = input.remove(&key).unwrap();
        input.insert(key.clone(), P::secret(v.clone()));
        let mut out = round_trip(&input);
        keep_secrets(&mut out, &[&input]);
        let expect_secret = !v.is_null();
        prop_assert_eq!(matches!(out[&key], P::Secret(_)), expect_secret, "{}: {:?}", key, out[&key]);
    }
}

#[test]
fn terraform_shapes_and_names() {
    let (_, ty, fields) = schema();
    let p: PropertyMap = [
        ("instanceName".to_string(), P::string("a")),
        ("settings".to_string(), obj(vec![("extraOpt", P::Bool(true))])),
        ("size".to_string(), P::String("3".into())),
    ]
    .into();
    let CtyValue::Map(m) = to_cty(&p, &fields, &ty).unwrap() else { panic!() };
    assert_eq!(m["instance_name"], CtyValue::String("a".into()));
    assert_eq!(m["size"], CtyValue::Number("3".into()), "numeric strings become numbers");
    // Absent list blocks are empty lists, never null; a flattened block is a 1-list.
    assert_eq!(m["rule"], CtyValue::List(vec![]));
    let CtyValue::List(s) = &m["settings"] else { panic!("{:?}", m["settings"]) };
    assert_eq!(s.len(), 1);
    assert_eq!(m["password"], CtyValue::Null);
    // Errors name the Pulumi path.
    let bad: PropertyMap = [("rules".to_string(), P::Array(vec![obj(vec![("port", P::Bool(true))])]))].into();
    let e = to_cty(&bad, &fields, &ty).unwrap_err();
    assert_eq!((e.path.as_str(), e.message.as_str()), ("rules[0].port", "expected a number, got a boolean"));
    let unknown: PropertyMap = [("nope".to_string(), P::Null), ("__meta".to_string(), P::string("{}"))].into();
    assert_eq!(to_cty(&unknown, &fields, &ty).unwrap_err().path, "nope");
}

#[test]
fn diagnostic_paths_use_pulumi_names() {
    let (_, _, fields) = schema();
    let at = |steps: Vec<Step>| pulumi_path(&fields, &steps);
    assert_eq!(at(vec![Step::Attr("instance_name".into())]), "instanceName");
    assert_eq!(
        at(vec![Step::Attr("rule".into()), Step::Index(2), Step::Attr("cidr_block".into())]),
        "rules[2].cidrBlock"
    );
    assert_eq!(
        at(vec![Step::Attr("settings".into()), Step::Index(0), Step::Attr("extra_opt".into())]),
        "settings.extraOpt"
    );
    assert_eq!(at(vec![Step::Attr("tags".into()), Step::Key("k".into())]), "tags[\"k\"]");
}

#[test]
fn meta_keeps_schema_version_and_private_state() {
    let m = Meta { schema_version: Some(3), private: b"\x00private{}".to_vec() };
    let state: PropertyMap = [("__meta".to_string(), m.to_value())].into();
    assert_eq!(Meta::from_state(&state), m);
    assert_eq!(Meta::from_state(&PropertyMap::new()), Meta::default());
}

#[test]
fn proposed_new_state_keeps_computed_values() {
    let (block, _, _) = schema();
    let s = |x: &str| CtyValue::String(x.into());
    let prior = CtyValue::Map(BTreeMap::from([
        ("id".into(), s("i-1")),
        ("enabled".into(), CtyValue::Bool(true)),
        ("size".into(), CtyValue::Number("2".into())),
    ]));
    let config = CtyValue::Map(BTreeMap::from([
        ("id".into(), CtyValue::Null),
        ("enabled".into(), CtyValue::Null),
        ("size".into(), CtyValue::Null),
    ]));
    let CtyValue::Map(p) = proposed_new(&prior, &config, &block) else { panic!() };
    // Computed attributes left null keep their prior value; optional-only ones follow the config.
    assert_eq!((&p["id"], &p["enabled"], &p["size"]), (&s("i-1"), &CtyValue::Bool(true), &CtyValue::Null));
}

#[test]
fn custom_timeouts_fill_the_timeouts_attribute() {
    let ty = CtyType::from_json(&json!(["object", {"timeouts": ["object", {"create": "string", "delete": "string"}]}]))
        .unwrap();
    let mut v = CtyValue::Map(BTreeMap::from([("timeouts".into(), CtyValue::Null)]));
    apply_custom_timeout(&mut v, &ty, "create", 90.5);
    let expect = CtyValue::Map(BTreeMap::from([(
        "timeouts".into(),
        CtyValue::Map(BTreeMap::from([
            ("create".into(), CtyValue::String("91s".into())),
            ("delete".into(), CtyValue::Null),
        ])),
    )]));
    assert_eq!(v, expect);
    // A value the user set wins; operations the resource has no timeout for are left alone.
    apply_custom_timeout(&mut v, &ty, "create", 5.0);
    apply_custom_timeout(&mut v, &ty, "update", 5.0);
    assert_eq!(v, expect);
}
