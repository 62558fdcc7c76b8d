//! Go generation time: a synthetic 2,000-resource schema (built here) and the
//! azure-native 2.41.0 conformance schema. `cargo bench -p bridgegen-go`.
//! (A plain timing harness: criterion is not vendored in this workspace.)

use std::time::{Duration, Instant};

use bridgegen_codegen::Generator;
use bridgegen_go::GoGenerator;

fn synthetic(resources: usize) -> String {
    let mut types = Vec::new();
    let mut res = Vec::new();
    for i in 0..resources {
        let module = format!("mod{}", i % 40);
        types.push(format!(
            r##""synth:{module}/Spec{i}:Spec{i}": {{"type": "object", "description": "Spec {i}.", "properties": {{"name": {{"type": "string"}}, "size": {{"type": "integer"}}, "tags": {{"type": "object", "additionalProperties": {{"type": "string"}}}}, "rules": {{"type": "array", "items": {{"type": "string"}}}}}}, "required": ["name"]}}"##
        ));
        res.push(format!(
            r##""synth:{module}/thing{i}:Thing{i}": {{"description": "Thing {i}.", "properties": {{"arn": {{"type": "string"}}, "name": {{"type": "string"}}, "spec": {{"$ref": "#/types/synth:{module}/Spec{i}:Spec{i}"}}, "secret": {{"type": "string", "secret": true}}}}, "required": ["arn", "name"], "inputProperties": {{"name": {{"type": "string", "willReplaceOnChanges": true}}, "spec": {{"$ref": "#/types/synth:{module}/Spec{i}:Spec{i}"}}, "secret": {{"type": "string", "secret": true}}, "count": {{"type": "integer", "default": 1}}}}, "requiredInputs": ["name"]}}"##
        ));
    }
    format!(
        r##"{{"name": "synth", "version": "1.0.0", "meta": {{"moduleFormat": "(.*)(?:/[^/]*)"}}, "types": {{{}}}, "resources": {{{}}}}}"##,
        types.join(","),
        res.join(",")
    )
}

fn time<F: FnMut()>(label: &str, iters: u32, mut f: F) {
    f(); // warm-up
    let mut best = Duration::MAX;
    let start = Instant::now();
    for _ in 0..iters {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    let mean = start.elapsed() / iters;
    println!("{label}: mean {mean:?}, best {best:?} over {iters} runs");
}

fn main() {
    // `cargo test --benches` runs this with `--test`-less args too; keep it quick then.
    let quick = std::env::args().any(|a| a == "--test");
    let iters = if quick { 1 } else { 5 };
    let text = synthetic(2000);
    let (pkg, _) = bridgegen_model::bind_str(&text).expect("synthetic schema binds");
    time("go generate: synthetic 2,000 resources", iters, || {
        let files = GoGenerator.generate(&pkg).unwrap();
        assert!(files.len() > 2000);
    });
    // The external corpus (BRIDGEGEN_CONFORMANCE / BRIDGEGEN_SHARED), when present.
    let azure = bridgegen_test_support::conformance_dir().map(|d| d.join("pulumi-schemas/azure-native-2.41.0.json"));
    match azure {
        Ok(azure) if azure.exists() => {
            let t = Instant::now();
            let (pkg, _) = bridgegen_model::load_package(&azure).expect("azure-native binds");
            println!("load+bind azure-native-2.41.0: {:?}", t.elapsed());
            time("go generate: azure-native-2.41.0", iters, || {
                let files = GoGenerator.generate(&pkg).unwrap();
                assert!(!files.is_empty());
            });
        }
        Ok(azure) => println!("skip azure-native: {} not found", azure.display()),
        Err(why) => println!("skip azure-native: {why}"),
    }
}
