//! Python generation speed: a synthetic 2,000-resource schema (built here) and
//! azure-native 2.41.0 from the shared conformance set.
//!
//! `cargo bench -p bridgegen-python` prints the best and median of several runs.

use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

/// 2,000 resources in 40 modules, each with 8 inputs (strings, numbers, an array, a map,
/// an object and an enum), plus one object type and one enum per module, and a function
/// per module.
fn synthetic_schema() -> String {
    let mut resources = Map::new();
    let mut types = Map::new();
    let mut functions = Map::new();
    for m in 0..40 {
        let module = format!("mod{m}");
        types.insert(
            format!("synth:{module}/settings:Settings"),
            json!({"type": "object", "properties": {
                "name": {"type": "string", "description": "The name."},
                "size": {"type": "integer"},
                "tags": {"type": "object", "additionalProperties": {"type": "string"}}
            }, "required": ["name"]}),
        );
        types.insert(
            format!("synth:{module}/tier:Tier"),
            json!({"type": "string", "enum": [{"value": "Basic"}, {"value": "Standard"}, {"value": "Premium"}]}),
        );
        functions.insert(
            format!("synth:{module}/getThing:getThing"),
            json!({"inputs": {"properties": {"name": {"type": "string"}}, "required": ["name"]},
                   "outputs": {"properties": {"id": {"type": "string"}, "settings": {"$ref": format!("#/types/synth:{module}/settings:Settings")}}, "required": ["id"]}}),
        );
        for r in 0..50 {
            let props = json!({
                "displayName": {"type": "string", "description": "Display name of the thing."},
                "count": {"type": "integer", "default": 1},
                "ratio": {"type": "number"},
                "enabled": {"type": "boolean"},
                "labels": {"type": "array", "items": {"type": "string"}},
                "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
                "settings": {"$ref": format!("#/types/synth:{module}/settings:Settings")},
                "tier": {"$ref": format!("#/types/synth:{module}/tier:Tier")}
            });
            let mut outputs = props.as_object().cloned().unwrap_or_default();
            outputs.insert("arn".into(), json!({"type": "string"}));
            resources.insert(
                format!("synth:{module}/resource{r}:Resource{r}"),
                json!({"description": "A synthetic resource.", "properties": outputs, "required": ["arn"],
                       "inputProperties": props, "requiredInputs": ["displayName"],
                       "stateInputs": {"properties": props}}),
            );
        }
    }
    let schema = json!({
        "name": "synth", "version": "1.0.0",
        "meta": {"moduleFormat": "(.*)(?:/[^/]*)"},
        "resources": Value::Object(resources),
        "types": Value::Object(types),
        "functions": Value::Object(functions),
    });
    serde_json::to_string(&schema).expect("json")
}

/// CPU time of this thread in ns (Linux `/proc/self/schedstat`), when available: on a
/// loaded machine wall time says little, CPU time stays meaningful.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn measure(label: &str, pkg: &bridgegen_model::Package, runs: usize) {
    let mut times: Vec<Duration> = Vec::new();
    let mut cpu: Vec<u64> = Vec::new();
    let mut files = 0;
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let c = cpu_ns();
        let out = bridgegen_python::generate(pkg).expect("generate");
        times.push(t.elapsed());
        if let (Some(a), Some(b)) = (c, cpu_ns()) {
            cpu.push(b - a);
        }
        files = out.len();
        bytes = out.iter().map(|f| f.contents.len()).sum::<usize>();
    }
    times.sort();
    cpu.sort();
    let cpu_text = match (cpu.first(), cpu.get(cpu.len() / 2)) {
        (Some(b), Some(m)) => format!("; CPU best {:.1} ms, median {:.1} ms", *b as f64 / 1e6, *m as f64 / 1e6),
        _ => String::new(),
    };
    println!(
        "python generate {label}: wall best {:.1} ms, median {:.1} ms{cpu_text} over {runs} runs ({files} files, {:.1} MB)",
        times[0].as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3,
        bytes as f64 / 1e6
    );
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent; keep that cheap.
    let quick = !std::env::args().any(|a| a == "--bench");
    let runs = if quick { 1 } else { 5 };

    let text = synthetic_schema();
    let t = Instant::now();
    let (pkg, _) = bridgegen_model::bind_str(&text).expect("bind synthetic");
    println!("bind synthetic-2000: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    assert_eq!(pkg.resources.len(), 2000);
    measure("synthetic-2000", &pkg, runs);

    if quick {
        return;
    }
    // The external corpus (BRIDGEGEN_CONFORMANCE / BRIDGEGEN_SHARED), when present.
    let azure = match bridgegen_test_support::conformance_dir() {
        Ok(dir) => dir.join("pulumi-schemas/azure-native-2.41.0.json"),
        Err(why) => return println!("azure-native: not measured ({why})"),
    };
    match bridgegen_model::load_package(&azure) {
        Ok((pkg, _)) => measure("azure-native-2.41.0", &pkg, runs),
        Err(e) => println!("azure-native: cannot load {}: {e:?}", azure.display()),
    }
}
