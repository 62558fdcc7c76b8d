//! Shared by the integration tests: paths, generation, and running node tools installed
//! by `tests/setup/nodejs.sh` into `.work/nodejs/`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use bridgegen_codegen::Generator;

/// Keep in sync with `tests/setup/nodejs.sh`.
pub const PULUMI_VERSION: &str = "3.142.0";
pub const TYPESCRIPT_VERSION: &str = "5.6.3";
pub const TYPES_NODE_VERSION: &str = "20.17.6";

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// `.work/nodejs`, with its node_modules checked; fails with a hint when setup has not run.
pub fn work_dir() -> PathBuf {
    let dir = repo_root().join(".work/nodejs");
    for needed in ["node_modules/typescript/bin/tsc", "node_modules/@pulumi/pulumi/package.json"] {
        assert!(
            dir.join(needed).exists(),
            "{} is missing: run tests/setup.sh (or tests/setup/nodejs.sh) first",
            dir.join(needed).display()
        );
    }
    for tool in ["node", "npm"] {
        let ok = Command::new(tool).arg("--version").output().map(|o| o.status.success()).unwrap_or(false);
        assert!(ok, "`{tool}` is not installed: run tests/setup.sh");
    }
    dir
}

/// A fresh directory under `.work/nodejs/test-out/<name>` (inside `.work/nodejs`, so node
/// resolution finds the shared node_modules by walking up).
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = work_dir().join("test-out").join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn tsc() -> PathBuf {
    work_dir().join("node_modules/typescript/bin/tsc")
}

/// Generates the package of `schema` into `out` (written the way the CLI writes it).
pub fn generate(schema: &Path, out: &Path) {
    let (pkg, _) = bridgegen_model::load_package(schema).unwrap_or_else(|e| panic!("{}: {e:?}", schema.display()));
    let files =
        bridgegen_nodejs::NodejsGenerator.generate(&pkg).unwrap_or_else(|e| panic!("{}: {e}", schema.display()));
    bridgegen_codegen::write_output(out, &files).unwrap();
}

/// Runs a command, panicking with its output when it fails.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{cmd:?} failed:\n{text}");
    text
}

/// The seed schemas and every pulumi-codegen conformance schema, as (case name, path).
pub fn all_schemas() -> Vec<(String, PathBuf)> {
    let root = repo_root();
    let mut out = vec![
        ("alicloud".to_string(), root.join("schema/alicloud.json")),
        ("kakaocloud".to_string(), root.join("schema/kakaocloud.json")),
        ("keywords-nodejs".to_string(), root.join("tests/schemas/keywords-nodejs.json")),
    ];
    let conf = root.join("../shared/conformance/pulumi-codegen");
    let mut cases: Vec<_> = std::fs::read_dir(&conf)
        .unwrap_or_else(|e| panic!("{}: {e}", conf.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("schema.json").exists())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().join("schema.json")))
        .collect();
    cases.sort();
    assert!(cases.len() >= 8, "expected the conformance schemas in {}", conf.display());
    out.extend(cases);
    out
}
