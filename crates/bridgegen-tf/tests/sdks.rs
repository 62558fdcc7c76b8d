//! Bridged schemas generate SDKs that compile on the real toolchains (tsc strict, go build,
//! python compileall + pyright), and each converted example's TypeScript typechecks against them.
//! Toolchains come from `tests/setup.sh` (`.work/`); without them the tests say `skipped`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use bridgegen_codegen::Generator;
use bridgegen_schema::PackageSpec;
use bridgegen_test_support::{repo_path, require, run_ok, skip};

/// Every bridged schema of the corpus: (case name, schema, TypeScript examples).
fn corpus(tmp: &Path) -> Result<Vec<(String, PackageSpec, Vec<String>)>, String> {
    let mut out = Vec::new();
    let a = common::alicloud(tmp)?;
    out.push(("alicloud".to_string(), a.schema.clone(), ts_examples(&a.schema)));
    out.push(("kakaocloud".to_string(), common::kakaocloud(tmp)?.schema, vec![]));
    for (case, schema, md) in common::schemamd_cases()? {
        out.push((format!("md-{case}"), common::bridge_schemamd(tmp, &case, &schema, &md).schema, vec![]));
    }
    for path in common::schema_json_samples()? {
        let b =
            bridgegen_tf::bridge_files(&bridgegen_tf::BridgeFiles { tf_schema: path.clone(), ..Default::default() })
                .map_err(|e| e.to_string())?;
        let name = path.file_name().unwrap().to_string_lossy().split('.').next().unwrap().to_string();
        out.push((name, b.schema, vec![]));
    }
    Ok(out)
}

/// The ```typescript blocks of every description in the package.
fn ts_examples(spec: &PackageSpec) -> Vec<String> {
    let descs = spec
        .resources
        .values()
        .filter_map(|r| r.object.description.clone())
        .chain(spec.functions.values().filter_map(|f| f.description.clone()));
    let mut out = Vec::new();
    for d in descs {
        let mut rest = d.as_str();
        while let Some(i) = rest.find("```typescript\n") {
            let body = &rest[i + 14..];
            let end = body.find("\n```").unwrap();
            out.push(body[..end].to_string());
            rest = &body[end..];
        }
    }
    out
}

fn bind(spec: &PackageSpec) -> bridgegen_model::Package {
    bridgegen_model::bind_spec(spec).unwrap_or_else(|e| panic!("{}: {e:?}", spec.name)).0
}

#[test]
fn typescript_sdks_and_examples_typecheck() {
    let node = repo_path(".work/nodejs");
    if !node.join("node_modules/typescript/bin/tsc").exists() {
        skip!(".work/nodejs has no typescript: run tests/setup.sh");
    }
    let dir = node.join("test-out/tf-bridge");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let cases = require!(corpus(tmp.path()));
    // The random provider the alicloud example uses, bridged with defaults.
    let random = require!(bridgegen_test_support::shared_path(
        "conformance/terraform/schema-json/random-provider.terraform-json-testdata.schemas.json"
    ));
    let random =
        bridgegen_tf::bridge_files(&bridgegen_tf::BridgeFiles { tf_schema: random, ..Default::default() }).unwrap();
    let mut includes = Vec::new();
    let mut paths = serde_json::Map::new();
    let mut examples = 0;
    for (name, spec, ts) in cases.iter().chain([("example-random".to_string(), random.schema.clone(), vec![])].iter()) {
        let files = bridgegen_nodejs::NodejsGenerator.generate(&bind(spec)).unwrap_or_else(|e| panic!("{name}: {e}"));
        bridgegen_codegen::write_output(&dir.join(name), &files).unwrap();
        includes.push(format!("{name}/**/*.ts"));
        for (i, code) in ts.iter().enumerate() {
            let ex = dir.join(format!("{name}-example-{i}"));
            std::fs::create_dir_all(&ex).unwrap();
            std::fs::write(ex.join("index.ts"), code).unwrap();
            includes.push(format!("{name}-example-{i}/index.ts"));
            examples += 1;
        }
    }
    // Examples import the packages by npm name; map those to the generated folders.
    paths.insert("@pulumi/alicloud".into(), serde_json::json!(["alicloud"]));
    paths.insert("@pulumi/random".into(), serde_json::json!(["example-random"]));
    assert!(examples >= 1, "no converted example to check");
    let config = serde_json::json!({
        "compilerOptions": {
            "target": "es2020", "module": "commonjs", "moduleResolution": "node", "strict": true, "noEmit": true,
            "skipLibCheck": true, "types": ["node"], "baseUrl": ".", "paths": paths
        },
        "include": includes,
    });
    std::fs::write(dir.join("tsconfig.json"), serde_json::to_string_pretty(&config).unwrap()).unwrap();
    run_ok(
        Command::new("node").arg(node.join("node_modules/typescript/bin/tsc")).arg("-p").arg(dir.join("tsconfig.json")),
        "tsc",
    );
}

#[test]
fn go_sdks_build() {
    require!(bridgegen_test_support::go::go_ready(bridgegen_go::PULUMI_SDK_VERSION));
    let base = repo_path(".work/go/base/go.sum");
    let tmp = tempfile::tempdir().unwrap();
    for (name, spec, _) in require!(corpus(tmp.path())) {
        let files = bridgegen_go::GoGenerator.generate(&bind(&spec)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let out: PathBuf = tmp.path().join("go").join(&name);
        bridgegen_codegen::write_output(&out, &files).unwrap();
        std::fs::copy(&base, out.join("go.sum")).unwrap();
        run_ok(bridgegen_test_support::go::go_offline(&out).args(["build", "./..."]), &format!("go build ({name})"));
    }
}

#[test]
fn python_sdks_compile() {
    let py = repo_path(".work/python/venv/bin/python");
    if !py.exists() {
        skip!(".work/python/venv is missing: run tests/setup.sh");
    }
    let pyright_bin = repo_path(".work/python/node_modules/.bin/pyright");
    if !pyright_bin.exists() {
        skip!("{} is missing: run tests/setup.sh", pyright_bin.display());
    }
    let tmp = tempfile::tempdir().unwrap();
    let mut dirs = Vec::new();
    for (name, spec, _) in require!(corpus(tmp.path())) {
        let files = bridgegen_python::generate(&bind(&spec)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let out = tmp.path().join("py").join(&name);
        bridgegen_codegen::write_output(&out, &files).unwrap();
        run_ok(Command::new(&py).args(["-m", "compileall", "-q"]).arg(&out), &format!("python compileall ({name})"));
        dirs.push(out);
    }
    // pyright type-checks every package against the venv's `pulumi` (one run for all of them).
    let mut pyright = Command::new(&pyright_bin);
    pyright.arg("--pythonpath").arg(&py);
    for d in &dirs {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            if e.path().join("pulumi-plugin.json").exists() {
                pyright.arg(e.path());
            }
        }
    }
    run_ok(&mut pyright, "pyright (bridged SDKs)");
}
