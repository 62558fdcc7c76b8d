//! Shared by the integration tests: paths, generation, and running node tools installed
//! by `tests/setup/nodejs.sh` into `.work/nodejs/`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use bridgegen_codegen::Generator;

/// Keep in sync with `tests/setup/nodejs.sh`.
pub const PULUMI_VERSION: &str = "3.270.0";
pub const TYPESCRIPT_VERSION: &str = "5.6.3";
pub const TYPES_NODE_VERSION: &str = "20.17.6";

pub fn repo_root() -> PathBuf {
    bridgegen_test_support::repo_root()
}

/// The toolchain of `tests/setup/nodejs.sh` (node, npm, `.work/nodejs/node_modules`), or
/// why it is not there; tests that need it start with `require!(support::toolchain())`.
pub fn toolchain() -> Result<(), String> {
    for needed in ["node_modules/typescript/bin/tsc", "node_modules/@pulumi/pulumi/package.json"] {
        bridgegen_test_support::work_path(Path::new("nodejs").join(needed))?;
    }
    for tool in ["node", "npm"] {
        let ok = Command::new(tool).arg("--version").output().map(|o| o.status.success()).unwrap_or(false);
        if !ok {
            return Err(format!("`{tool}` is not installed: run tests/setup.sh"));
        }
    }
    Ok(())
}

/// `.work/nodejs` (checked by [`toolchain`]).
pub fn work_dir() -> PathBuf {
    repo_root().join(".work/nodejs")
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

/// The seed schemas and the keyword fixture, as (case name, path).
pub fn repo_schemas() -> Vec<(String, PathBuf)> {
    let root = repo_root();
    vec![
        ("alicloud".to_string(), root.join("schema/alicloud.json")),
        ("kakaocloud".to_string(), root.join("schema/kakaocloud.json")),
        ("keywords-nodejs".to_string(), root.join("tests/schemas/keywords-nodejs.json")),
    ]
}

/// Every pulumi-codegen conformance schema, as (case name, path), or why the external
/// corpus is not available.
pub fn conformance_schemas() -> Result<Vec<(String, PathBuf)>, String> {
    let conf = bridgegen_test_support::conformance_dir()?.join("pulumi-codegen");
    let mut cases: Vec<_> = std::fs::read_dir(&conf)
        .map_err(|e| format!("{}: {e}", conf.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("schema.json").exists())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path().join("schema.json")))
        .collect();
    cases.sort();
    assert!(cases.len() >= 8, "expected the conformance schemas in {}", conf.display());
    Ok(cases)
}
