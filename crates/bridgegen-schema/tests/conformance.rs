//! Every schema loads, and load -> serialize -> load gives the same model. The repository's
//! own schemas always run; the conformance corpus is external (`BRIDGEGEN_CONFORMANCE`), and
//! without it those tests skip. The committed JSON Schema of the format matches what
//! schemars generates.

use std::path::PathBuf;

use bridgegen_test_support::{repo_root, require};

/// Every conformance schema file, or why the corpus is not available.
fn conformance_schemas() -> Result<Vec<PathBuf>, String> {
    Ok(bridgegen_test_support::conformance_schemas()?.into_iter().map(|(_, p)| p).collect())
}

/// The schemas in this repository: the seeds and the hand-written test schemas.
fn repo_schemas() -> Vec<PathBuf> {
    let mut files = vec![repo_root().join("schema/alicloud.json"), repo_root().join("schema/kakaocloud.json")];
    for entry in std::fs::read_dir(repo_root().join("tests/schemas")).unwrap() {
        files.push(entry.unwrap().path());
    }
    files.sort();
    files
}

/// load -> serialize -> load gives the same model.
fn assert_round_trips(files: &[PathBuf]) {
    for file in files {
        let spec = bridgegen_schema::load_file(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let text = serde_json::to_string(&spec).unwrap();
        let again = bridgegen_schema::load_str(&text).unwrap_or_else(|e| panic!("{} (reloaded): {e}", file.display()));
        assert_eq!(spec, again, "{} does not round-trip", file.display());
    }
}

/// Stronger than model equality: the re-serialized document equals the original JSON,
/// except for `false`/empty defaults the format treats as absent.
fn assert_keeps_every_json_value(files: &[PathBuf]) {
    for file in files {
        let original: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let spec = bridgegen_schema::load_file(file).unwrap();
        let reserialized = serde_json::to_value(&spec).unwrap();
        let (a, b) = (strip_defaults(original), strip_defaults(reserialized));
        if let Some(path) = first_difference(&a, &b, String::from("#")) {
            panic!("{}: re-serialized schema differs at {path}", file.display());
        }
    }
}

#[test]
fn repo_schemas_round_trip_keeping_every_json_value() {
    let files = repo_schemas();
    assert!(files.len() >= 8, "{files:?}");
    assert_round_trips(&files);
    assert_keeps_every_json_value(&files);
}

#[test]
fn every_conformance_schema_loads_and_round_trips() {
    let files = require!(conformance_schemas());
    assert!(files.len() >= 20, "expected the 8 codegen and 12 real schemas, found {}", files.len());
    assert_round_trips(&files);
}

#[test]
fn round_trip_keeps_every_json_value() {
    assert_keeps_every_json_value(&require!(conformance_schemas()));
}

fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: String) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let p = format!("{at}/{k}");
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = first_difference(u, v, p) {
                            return Some(d);
                        }
                    }
                    _ => return Some(p),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (u, v))| first_difference(u, v, format!("{at}/{i}")))
        }
        // Numbers: 1.0 and 1 are the same value.
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        _ if a == b => None,
        _ => Some(at),
    }
}

/// Drops `false`, `[]`, `{}` and null members, which serialize as absent.
fn strip_defaults(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, strip_defaults(v)))
                .filter(|(_, v)| {
                    !matches!(v, Value::Bool(false) | Value::Null)
                        && v != &Value::Array(vec![])
                        && v != &Value::Object(Default::default())
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_defaults).collect()),
        other => other,
    }
}

#[test]
fn committed_json_schema_matches_the_rust_types() {
    let path = repo_root().join("schema/pulumi-package.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = bridgegen_schema::json_schema_text();
    if std::env::var_os("BRIDGEGEN_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    assert!(
        committed == generated,
        "{} is out of date; regenerate with `bridgegen schema json-schema > schema/pulumi-package.schema.json` (or BRIDGEGEN_BLESS=1 cargo test)",
        path.display()
    );
}

#[test]
fn json_schema_describes_the_format() {
    let schema = bridgegen_schema::json_schema();
    let props = schema["properties"].as_object().expect("root properties");
    for key in
        ["name", "resources", "types", "functions", "config", "provider", "language", "pluginDownloadURL", "meta"]
    {
        assert!(props.contains_key(key), "missing root property {key}");
    }
    let defs = schema["$defs"].as_object().expect("$defs");
    for def in ["ResourceSpec", "PropertySpec", "ObjectTypeSpec", "FunctionSpec", "EnumValueSpec"] {
        assert!(defs.contains_key(def), "missing definition {def}");
    }
}
