//! C# generation time: `cargo bench -p bridgegen-dotnet`.
//!
//! Measures `bridgegen_dotnet::generate` (the bound model in, every file's bytes out; no
//! disk I/O) for a synthetic 2,000-resource schema built here and for
//! `azure-native-2.41.0.json` from the shared conformance set. Prints min and median.

use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

/// 2,000 resources over 20 modules; each has a mix of scalar, array, map, object, enum
/// and secret properties; 200 object types, 20 enums, 200 functions.
fn synthetic_schema() -> String {
    let mut resources = Map::new();
    let mut types = Map::new();
    let mut functions = Map::new();
    for m in 0..20 {
        let module = format!("mod{m}");
        types.insert(
            format!("synth:{module}:Kind"),
            json!({"type": "string", "enum": [{"value": "a"}, {"value": "b-c"}, {"value": "class"}]}),
        );
        for t in 0..10 {
            types.insert(
                format!("synth:{module}:Obj{t}"),
                json!({"type": "object", "description": "An object <with> & markup */",
                    "properties": {
                        "name": {"type": "string"},
                        "size": {"type": "integer"},
                        "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                        "kind": {"$ref": format!("#/types/synth:{module}:Kind")},
                        "next": {"$ref": format!("#/types/synth:{module}:Obj{}", (t + 1) % 10)}
                    },
                    "required": ["name"]}),
            );
        }
        for f in 0..10 {
            functions.insert(
                format!("synth:{module}:getThing{f}"),
                json!({"inputs": {"properties": {"id": {"type": "string"}, "filters": {"type": "array", "items": {"$ref": format!("#/types/synth:{module}:Obj{f}")}}}, "required": ["id"]},
                       "outputs": {"properties": {"id": {"type": "string"}, "items": {"type": "array", "items": {"$ref": format!("#/types/synth:{module}:Obj{f}")}}}, "required": ["id"]}}),
            );
        }
    }
    for r in 0..2000 {
        let module = format!("mod{}", r % 20);
        let obj = format!("#/types/synth:{module}:Obj{}", r % 10);
        let props = json!({
            "name": {"type": "string", "description": "The name. Escapes: <b> & */"},
            "count": {"type": "integer"},
            "ratio": {"type": "number"},
            "enabled": {"type": "boolean"},
            "password": {"type": "string", "secret": true},
            "tags": {"type": "object", "additionalProperties": {"type": "string"}},
            "zones": {"type": "array", "items": {"type": "string"}},
            "config": {"$ref": obj},
            "items": {"type": "array", "items": {"$ref": obj}},
            "kind": {"$ref": format!("#/types/synth:{module}:Kind")}
        });
        resources.insert(
            format!("synth:{module}:Res{r}"),
            json!({"description": format!("Resource {r}."), "properties": props.clone(),
                   "required": ["name"], "inputProperties": props, "requiredInputs": ["name"],
                   "stateInputs": {"properties": {"name": {"type": "string"}}}}),
        );
    }
    let schema = json!({
        "name": "synth", "version": "1.0.0",
        "meta": {"moduleFormat": "(.*)"},
        "config": {"variables": {"region": {"type": "string"}}},
        "types": Value::Object(types), "resources": Value::Object(resources),
        "functions": Value::Object(functions)
    });
    serde_json::to_string(&schema).unwrap()
}

fn measure(label: &str, pkg: &bridgegen_model::Package, runs: usize) {
    let files = bridgegen_dotnet::generate(pkg).expect("generates");
    let bytes: usize = files.iter().map(|f| f.contents.len()).sum();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let out = bridgegen_dotnet::generate(pkg).expect("generates");
            std::hint::black_box(out);
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{label}: {} files, {:.1} MB; min {:.1} ms, median {:.1} ms over {runs} runs",
        files.len(),
        bytes as f64 / 1e6,
        times[0].as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3
    );
}

fn main() {
    // `cargo test --benches` runs this with `--bench`-less args; keep it quick there.
    let quick = !std::env::args().any(|a| a == "--bench");
    let runs = if quick { 1 } else { 10 };

    let text = synthetic_schema();
    let (pkg, _) = bridgegen_model::bind_str(&text).expect("synthetic schema binds");
    assert_eq!(pkg.resources.len(), 2000);
    measure("synthetic 2,000 resources", &pkg, runs);

    // The external corpus (BRIDGEGEN_CONFORMANCE / BRIDGEGEN_SHARED), when present.
    let azure = match bridgegen_test_support::conformance_dir() {
        Ok(dir) => dir.join("pulumi-schemas/azure-native-2.41.0.json"),
        Err(why) => return println!("azure-native-2.41.0: not measured ({why})"),
    };
    match bridgegen_model::load_package(&azure) {
        Ok((pkg, _)) => measure("azure-native-2.41.0", &pkg, runs),
        Err(e) => println!("azure-native-2.41.0: not measured ({} does not load: {e})", azure.display()),
    }
}
