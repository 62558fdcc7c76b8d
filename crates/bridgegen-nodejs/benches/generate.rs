//! `cargo bench -p bridgegen-nodejs`: generation time for a synthetic schema of 2,000
//! resources (20 modules, each resource with 8 inputs incl. an object, an enum, a map,
//! an array; plus 200 functions). Prints min/median/mean over several runs.

use std::time::{Duration, Instant};

use bridgegen_codegen::Generator;
use serde_json::{json, Map, Value};

fn synthetic_schema(resources: usize) -> String {
    let mut res = Map::new();
    let mut types = Map::new();
    let mut funcs = Map::new();
    for m in 0..20 {
        types.insert(
            format!("synth:mod{m}/Settings:Settings"),
            json!({"type": "object", "properties": {
                "level": {"type": "integer", "default": 3},
                "label": {"type": "string", "description": "A label */ with a terminator."},
                "tags": {"type": "array", "items": {"type": "string"}}
            }}),
        );
        types.insert(
            format!("synth:mod{m}/Mode:Mode"),
            json!({"type": "string", "enum": [{"value": "fast"}, {"value": "slow", "name": "Slow"}]}),
        );
    }
    for i in 0..resources {
        let m = i % 20;
        let props = json!({
            "name": {"type": "string", "description": format!("Name of resource {i}.")},
            "size": {"type": "integer"},
            "enabled": {"type": "boolean"},
            "ratio": {"type": "number"},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}},
            "zones": {"type": "array", "items": {"type": "string"}},
            "settings": {"$ref": format!("#/types/synth:mod{m}/Settings:Settings")},
            "mode": {"$ref": format!("#/types/synth:mod{m}/Mode:Mode")},
            "password": {"type": "string", "secret": true}
        });
        let mut outputs = props.clone();
        outputs.as_object_mut().unwrap().insert("arn".into(), json!({"type": "string"}));
        res.insert(
            format!("synth:mod{m}/resource{i}:Resource{i}"),
            json!({
                "description": format!("Resource number {i}."),
                "properties": outputs,
                "required": ["name", "arn"],
                "inputProperties": props,
                "requiredInputs": ["name"],
                "stateInputs": {"properties": props}
            }),
        );
        if i % 10 == 0 {
            funcs.insert(
                format!("synth:mod{m}/getResource{i}:getResource{i}"),
                json!({
                    "inputs": {"properties": {"name": {"type": "string"}}, "required": ["name"]},
                    "outputs": {"properties": {"id": {"type": "string"}, "size": {"type": "integer"}}, "required": ["id"]}
                }),
            );
        }
    }
    let schema = json!({
        "name": "synth",
        "version": "1.0.0",
        "meta": {"moduleFormat": "(.*)(?:/[^/]*)"},
        "config": {"variables": {"region": {"type": "string", "default": "us-east-1"}}},
        "types": Value::Object(types),
        "resources": Value::Object(res),
        "functions": Value::Object(funcs),
    });
    serde_json::to_string(&schema).unwrap()
}

fn main() {
    // `cargo test --benches` passes `--bench`-less flags; keep that fast.
    let quick = std::env::args().any(|a| a == "--test");
    let text = synthetic_schema(2000);
    let (pkg, _) = bridgegen_model::bind_str(&text).expect("synthetic schema binds");
    let gen = bridgegen_nodejs::NodejsGenerator;
    let runs = if quick { 1 } else { 10 };
    let mut times: Vec<Duration> = Vec::new();
    let mut files = 0;
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let out = gen.generate(&pkg).expect("generation succeeds");
        times.push(start.elapsed());
        files = out.len();
        bytes = out.iter().map(|f| f.contents.len()).sum::<usize>();
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / runs as u32;
    println!(
        "nodejs generate, 2000 resources ({files} files, {} KiB): min {:?}, median {:?}, mean {:?} over {runs} runs",
        bytes / 1024,
        times[0],
        times[runs / 2],
        mean
    );
}
