//! Helpers shared by the Go SDK tests: generating an SDK, and building it with the Go
//! toolchain offline against the module cache prepared by `tests/setup.sh` (tests/setup/go.sh).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use bridgegen_codegen::{GeneratedFile, Generator};
use bridgegen_go::{GoGenerator, PULUMI_SDK_VERSION};
use bridgegen_test_support::run_ok;

pub fn root() -> PathBuf {
    bridgegen_test_support::repo_root()
}

pub fn work() -> PathBuf {
    root().join(".work/go")
}

/// The Go toolchain and the module cache prepared by `tests/setup.sh` (tests/setup/go.sh),
/// or why they are not there.
pub fn go_ready() -> Result<(), String> {
    bridgegen_test_support::go::go_ready(PULUMI_SDK_VERSION)
}

pub fn go(dir: &Path, args: &[&str]) -> Command {
    let mut c = bridgegen_test_support::go::go_offline(dir);
    c.args(args);
    c
}

pub fn generate(schema: &Path) -> Option<Vec<GeneratedFile>> {
    let (pkg, _) = bridgegen_model::load_package(schema).ok()?;
    if pkg.has_external_refs() {
        return None;
    }
    Some(GoGenerator.generate(&pkg).unwrap_or_else(|e| panic!("{}: {e}", schema.display())))
}

/// Writes an SDK into `dir` with the go.sum of the prepared base module (covers the sdk's deps).
pub fn write_sdk(files: &[GeneratedFile], dir: &Path) {
    bridgegen_codegen::write_output(dir, files).unwrap();
    std::fs::copy(work().join("base/go.sum"), dir.join("go.sum")).unwrap();
}

pub fn build_and_vet(schema: &Path) {
    let Some(files) = generate(schema) else {
        println!("not built: {} (unresolved external references)", schema.display());
        return;
    };
    build_and_vet_files(&files, &schema.display().to_string());
}

/// `go build` + `go vet` of the SDK `files` (`name` says which in a failure).
pub fn build_and_vet_files(files: &[GeneratedFile], name: &str) {
    let tmp = tempfile::tempdir().unwrap();
    write_sdk(files, tmp.path());
    run_ok(&mut go(tmp.path(), &["build", "./..."]), &format!("go build ({name})"));
    run_ok(&mut go(tmp.path(), &["vet", "./..."]), &format!("go vet ({name})"));
}
