//! Property-based tests of the cty msgpack codec (`DynamicValue.msgpack`): random types of
//! bounded depth, random values of those types (nulls and unknowns at every level), and
//! damaged input. The codec must round-trip every value exactly and reject bad bytes with an
//! error naming a path, never by panicking.

use std::collections::BTreeMap;

use bridgegen_tfplugin::cty::{from_msgpack, to_msgpack, CtyType, CtyValue};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,5}"
}

fn arb_type() -> impl Strategy<Value = CtyType> {
    let leaf = prop_oneof![Just(CtyType::Bool), Just(CtyType::Number), Just(CtyType::String), Just(CtyType::Dynamic)];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(|t| CtyType::List(Box::new(t))),
            inner.clone().prop_map(|t| CtyType::Set(Box::new(t))),
            inner.clone().prop_map(|t| CtyType::Map(Box::new(t))),
            vec(inner.clone(), 0..4).prop_map(CtyType::Tuple),
            btree_map(name(), inner, 0..4).prop_map(CtyType::Object),
        ]
    })
}

/// Decimal texts as Terraform sends them, plus the awkward ones: 64-bit edges, integers beyond
/// 64 bits, long fractions, exponents, negative zero, leading zeros.
fn arb_number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|i| i.to_string()),
        any::<u64>().prop_map(|u| u.to_string()),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| f.to_string()),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f:e}")),
        "-?[1-9][0-9]{19,40}",
        "-?[0-9]{1,20}\\.[0-9]{1,25}",
        "-?[1-9](\\.[0-9]{1,5})?[eE][+-]?[0-9]{1,4}",
        Just("-0".to_string()),
        "0[0-9]{1,5}",
    ]
}

fn arb_known(ty: &CtyType) -> BoxedStrategy<CtyValue> {
    match ty {
        CtyType::Bool => any::<bool>().prop_map(CtyValue::Bool).boxed(),
        CtyType::Number => arb_number().prop_map(CtyValue::Number).boxed(),
        CtyType::String => "\\PC{0,8}".prop_map(CtyValue::String).boxed(),
        // A dynamic value is any value of any type; it carries that type on the wire.
        CtyType::Dynamic => arb_type().prop_flat_map(|t| arb_value(&t)).boxed(),
        CtyType::List(e) | CtyType::Set(e) => vec(arb_value(e), 0..4).prop_map(CtyValue::List).boxed(),
        CtyType::Map(e) => btree_map("\\PC{0,4}", arb_value(e), 0..4).prop_map(CtyValue::Map).boxed(),
        CtyType::Tuple(es) => es.iter().map(arb_value).collect::<Vec<_>>().prop_map(CtyValue::List).boxed(),
        CtyType::Object(attrs) => attrs
            .iter()
            .map(|(k, t)| {
                let k = k.clone();
                arb_value(t).prop_map(move |v| (k.clone(), v))
            })
            .collect::<Vec<_>>()
            .prop_map(|kvs| CtyValue::Map(kvs.into_iter().collect()))
            .boxed(),
    }
}

/// A value of `ty`: null or unknown at this level, or a known value (whose parts may again be
/// null or unknown).
fn arb_value(ty: &CtyType) -> BoxedStrategy<CtyValue> {
    prop_oneof![1 => Just(CtyValue::Null), 1 => Just(CtyValue::Unknown), 6 => arb_known(ty)].boxed()
}

fn typed_value() -> impl Strategy<Value = (CtyType, CtyValue)> {
    arb_type().prop_flat_map(|t| (Just(t.clone()), arb_value(&t)))
}

/// Wraps a leaf type and value in a chain of containers, returning the path cty errors name.
fn wrap(ty: CtyType, v: CtyValue, steps: &[(u8, String)]) -> (CtyType, CtyValue, String) {
    let (mut ty, mut v, mut path) = (ty, v, Vec::new());
    for (kind, key) in steps.iter().rev() {
        match kind % 4 {
            0 => {
                ty = CtyType::Object(BTreeMap::from([(key.clone(), ty), ("other_attr".into(), CtyType::String)]));
                v = CtyValue::Map(BTreeMap::from([(key.clone(), v)]));
                path.push(format!(".{key}"));
            }
            1 => {
                ty = CtyType::List(Box::new(ty));
                v = CtyValue::List(vec![CtyValue::Null, v]);
                path.push("[1]".into());
            }
            2 => {
                ty = CtyType::Map(Box::new(ty));
                v = CtyValue::Map(BTreeMap::from([(key.clone(), v)]));
                path.push(format!("[{key:?}]"));
            }
            _ => {
                ty = CtyType::Tuple(vec![CtyType::Bool, ty]);
                v = CtyValue::List(vec![CtyValue::Unknown, v]);
                path.push("[1]".into());
            }
        }
    }
    let path: String = path.into_iter().rev().collect();
    (ty, v, path.strip_prefix('.').unwrap_or(&path).to_string())
}

/// Swaps the leaf type inside a type built by `wrap`.
fn replace_leaf(ty: &CtyType, steps: &[(u8, String)], leaf: &CtyType) -> CtyType {
    let Some(((_, key), rest)) = steps.split_first() else { return leaf.clone() };
    match ty {
        CtyType::Object(attrs) => {
            let mut attrs = attrs.clone();
            let inner = replace_leaf(&attrs[key], rest, leaf);
            attrs.insert(key.clone(), inner);
            CtyType::Object(attrs)
        }
        CtyType::List(e) => CtyType::List(Box::new(replace_leaf(e, rest, leaf))),
        CtyType::Map(e) => CtyType::Map(Box::new(replace_leaf(e, rest, leaf))),
        CtyType::Tuple(es) => CtyType::Tuple(vec![es[0].clone(), replace_leaf(&es[1], rest, leaf)]),
        other => panic!("wrap does not build {other:?}"),
    }
}

/// A known leaf value, its type, and a different type its encoding must not decode as.
fn mismatched_leaf() -> impl Strategy<Value = (CtyValue, CtyType, CtyType)> {
    prop_oneof![
        any::<bool>().prop_map(|b| (CtyValue::Bool(b), CtyType::Bool, CtyType::Number)),
        any::<bool>().prop_map(|b| (CtyValue::Bool(b), CtyType::Bool, CtyType::String)),
        arb_number().prop_map(|n| (CtyValue::Number(n), CtyType::Number, CtyType::Bool)),
        "\\PC{0,6}".prop_map(|s| (CtyValue::String(s), CtyType::String, CtyType::Bool)),
        // Text that is not a decimal number must not pass as a number.
        "[a-z ]{0,6}".prop_map(|s| (CtyValue::String(s), CtyType::String, CtyType::Number)),
        vec(any::<bool>().prop_map(CtyValue::Bool), 0..3).prop_map(|xs| (
            CtyValue::List(xs),
            CtyType::List(Box::new(CtyType::Bool)),
            CtyType::String
        )),
    ]
}

proptest! {
    // Failures are kept as plain regression tests in src/cty.rs, not as seed files.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_value_round_trips((ty, v) in typed_value()) {
        let bytes = to_msgpack(&v, &ty).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(from_msgpack(&bytes, &ty).map_err(|e| TestCaseError::fail(e.to_string()))?, v);
    }

    #[test]
    fn types_round_trip_through_json(ty in arb_type()) {
        prop_assert_eq!(CtyType::from_json(&ty.to_json()).unwrap(), ty);
    }

    #[test]
    fn numbers_keep_their_exact_text(n in arb_number()) {
        let v = CtyValue::Number(n);
        for ty in [CtyType::Number, CtyType::Dynamic, CtyType::List(Box::new(CtyType::Number))] {
            let v = if matches!(ty, CtyType::List(_)) { CtyValue::List(vec![v.clone()]) } else { v.clone() };
            let bytes = to_msgpack(&v, &ty).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(from_msgpack(&bytes, &ty).unwrap(), v);
        }
    }

    #[test]
    fn mismatched_types_are_errors_at_the_right_path(
        (leaf, enc, dec) in mismatched_leaf(),
        steps in vec((any::<u8>(), name()), 0..4),
    ) {
        let (ty, v, path) = wrap(enc, leaf, &steps);
        let bytes = to_msgpack(&v, &ty).unwrap();
        let wrong = replace_leaf(&ty, &steps, &dec);
        let e = from_msgpack(&bytes, &wrong).expect_err("mismatched leaf decoded");
        let want = if path.is_empty() { "(root)".to_string() } else { path };
        prop_assert_eq!(&e.path, &want, "{}", e);
        let prefix = format!("cty value at `{want}`");
        prop_assert!(e.to_string().starts_with(&prefix), "{}", e);
    }

    #[test]
    fn a_bad_type_in_a_dynamic_value_is_an_error_at_its_path(
        text in "\\PC{0,6}",
        steps in vec((any::<u8>(), name()), 0..4),
    ) {
        let (ty, v, path) = wrap(CtyType::Dynamic, CtyValue::String(text), &steps);
        let mut bytes = to_msgpack(&v, &ty).unwrap();
        // The dynamic value's type JSON is the only quoted `"string"` on the wire.
        let at = bytes.windows(8).position(|w| w == b"\"string\"").expect("type JSON on the wire");
        bytes[at + 6] = b'G';
        let e = from_msgpack(&bytes, &ty).expect_err("unknown type name accepted");
        prop_assert_eq!(e.path, if path.is_empty() { "(root)".to_string() } else { path });
    }

    #[test]
    fn decoding_as_any_other_type_never_panics((ty, v) in typed_value(), other in arb_type()) {
        let bytes = to_msgpack(&v, &ty).unwrap();
        if let Err(e) = from_msgpack(&bytes, &other) {
            prop_assert!(!e.path.is_empty() && !e.message.is_empty());
        }
    }

    #[test]
    fn truncated_or_extended_bytes_are_errors((ty, v) in typed_value(), cut in any::<prop::sample::Index>()) {
        let bytes = to_msgpack(&v, &ty).unwrap();
        let short = &bytes[..cut.index(bytes.len())];
        let e = from_msgpack(short, &ty).expect_err("a strict prefix of msgpack is incomplete");
        prop_assert_eq!(e.path, "(root)");
        let mut long = bytes.clone();
        long.push(0xc0);
        prop_assert!(from_msgpack(&long, &ty).is_err(), "trailing bytes accepted");
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..64), ty in arb_type()) {
        if let Err(e) = from_msgpack(&bytes, &ty) {
            prop_assert!(!e.path.is_empty());
        }
    }

    #[test]
    fn damaged_encodings_never_panic((ty, v) in typed_value(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = to_msgpack(&v, &ty).unwrap();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let _ = from_msgpack(&bytes, &ty);
    }

    #[test]
    fn refined_unknowns_read_as_unknown(ty in arb_type(), refinements in vec(any::<u8>(), 0..16)) {
        // cty sends an unknown with refinements (not null, string prefix, number bounds, ...)
        // as extension type 12; we keep it unknown.
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &rmpv::Value::Ext(12, refinements)).unwrap();
        prop_assert_eq!(from_msgpack(&bytes, &ty).unwrap(), CtyValue::Unknown);
    }
}
