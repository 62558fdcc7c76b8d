//! Generated Go SDKs against the real toolchain: `go build` + `go vet` with the pinned
//! `github.com/pulumi/pulumi/sdk/v3`, gofmt cleanliness, determinism, and a Go test program
//! running the seed SDKs under Pulumi's mocks.
//!
//! Needs `go` and the module cache prepared by `tests/setup.sh` (tests/setup/go.sh);
//! builds run offline against `.work/go/modcache`.

use std::path::{Path, PathBuf};
use std::process::Command;

use bridgegen_codegen::{GeneratedFile, Generator};
use bridgegen_go::{GoGenerator, PULUMI_SDK_VERSION};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn work() -> PathBuf {
    root().join(".work/go")
}

/// Panics with a pointer to the setup script when the Go toolchain is not prepared.
fn require_go() {
    let ok = Command::new("go").arg("version").output().map(|o| o.status.success()).unwrap_or(false);
    assert!(ok, "`go` is not installed: run tests/setup.sh (tests/setup/go.sh)");
    let ready = work().join("base").join(format!(".ready-{PULUMI_SDK_VERSION}"));
    assert!(
        ready.exists(),
        "{} missing: run tests/setup.sh (tests/setup/go.sh) to prepare the pinned pulumi sdk",
        ready.display()
    );
}

fn go(dir: &Path, args: &[&str]) -> Command {
    let w = work();
    let mut c = Command::new("go");
    c.args(args)
        .current_dir(dir)
        .env("GOMODCACHE", w.join("modcache"))
        .env("GOCACHE", w.join("buildcache"))
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", format!("file://{}", w.join("modcache/cache/download").display()))
        .env("GOSUMDB", "off")
        .env("GOTOOLCHAIN", "local");
    c
}

fn run(mut c: Command, what: &str) {
    let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn generate(schema: &Path) -> Option<Vec<GeneratedFile>> {
    let (pkg, _) = bridgegen_model::load_package(schema).ok()?;
    if pkg.has_external_refs() {
        return None;
    }
    Some(GoGenerator.generate(&pkg).unwrap_or_else(|e| panic!("{}: {e}", schema.display())))
}

/// Writes an SDK into `dir` with the go.sum of the prepared base module (covers the sdk's deps).
fn write_sdk(files: &[GeneratedFile], dir: &Path) {
    bridgegen_codegen::write_output(dir, files).unwrap();
    std::fs::copy(work().join("base/go.sum"), dir.join("go.sum")).unwrap();
}

fn build_and_vet(schema: &Path) {
    let Some(files) = generate(schema) else {
        println!("skip {} (unresolved external references)", schema.display());
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    write_sdk(&files, tmp.path());
    let name = schema.display().to_string();
    run(go(tmp.path(), &["build", "./..."]), &format!("go build ({name})"));
    run(go(tmp.path(), &["vet", "./..."]), &format!("go vet ({name})"));
}

fn conformance() -> Vec<PathBuf> {
    let mut v = Vec::new();
    let shared = Path::new("/work/shared/conformance");
    for entry in std::fs::read_dir(shared.join("pulumi-codegen")).into_iter().flatten().flatten() {
        let p = entry.path().join("schema.json");
        if p.exists() {
            v.push(p);
        }
    }
    for entry in std::fs::read_dir(shared.join("pulumi-schemas")).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "json") {
            v.push(p);
        }
    }
    v.sort();
    v
}

fn is_big(p: &Path) -> bool {
    let s = p.display().to_string();
    s.contains("azure-native") || s.contains("kubernetes")
}

fn seeds() -> Vec<PathBuf> {
    vec![root().join("schema/alicloud.json"), root().join("schema/kakaocloud.json")]
}

#[test]
fn seed_sdks_build_and_vet() {
    require_go();
    for s in seeds() {
        build_and_vet(&s);
    }
}

#[test]
fn adversarial_keywords_schema_builds() {
    require_go();
    build_and_vet(&root().join("tests/schemas/keywords-go.json"));
}

#[test]
fn conformance_sdks_build_and_vet() {
    require_go();
    let all = conformance();
    assert!(!all.is_empty(), "no conformance schemas found under /work/shared/conformance");
    for s in all.iter().filter(|p| !is_big(p)) {
        build_and_vet(s);
    }
}

/// azure-native and kubernetes: minutes of compile time and GBs of memory each; run with
/// `cargo test -p bridgegen-go --release -- --ignored`.
#[test]
#[ignore]
fn big_conformance_sdks_build_and_vet() {
    require_go();
    for s in conformance().iter().filter(|p| is_big(p)) {
        build_and_vet(s);
    }
}

#[test]
fn output_is_deterministic_and_gofmt_clean() {
    require_go();
    let mut schemas = seeds();
    schemas.extend(conformance());
    schemas.push(root().join("tests/schemas/keywords-go.json"));
    let tmp = tempfile::tempdir().unwrap();
    for (i, s) in schemas.iter().enumerate() {
        let Ok((pkg, _)) = bridgegen_model::load_package(s) else { continue };
        let a = GoGenerator.generate(&pkg).unwrap();
        let b = GoGenerator.generate(&pkg).unwrap();
        assert!(a == b, "{}: two runs differ", s.display());
        let dir = tmp.path().join(i.to_string());
        bridgegen_codegen::write_output(&dir, &a).unwrap();
    }
    let out = Command::new("gofmt").arg("-l").arg(tmp.path()).output().expect("gofmt runs");
    assert!(out.status.success(), "gofmt failed: {}", String::from_utf8_lossy(&out.stderr));
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.trim().is_empty(), "gofmt -l lists generated files:\n{listed}");
}

#[test]
fn committed_seed_sdks_are_current() {
    for (schema, out) in
        [("schema/alicloud.json", "sdks/alicloud/go"), ("schema/kakaocloud.json", "sdks/kakaocloud/go")]
    {
        let files = generate(&root().join(schema)).unwrap();
        let drift = bridgegen_codegen::check_output(&root().join(out), &files).unwrap();
        assert!(drift.is_clean(), "{out} differs from the generator: {drift:?}; run `bridgegen gen`");
    }
}

#[test]
fn seed_sdks_run_under_pulumi_mocks() {
    require_go();
    let tmp = tempfile::tempdir().unwrap();
    let mut requires = String::new();
    let mut replaces = String::new();
    for (schema, dir) in [("schema/alicloud.json", "alicloud"), ("schema/kakaocloud.json", "kakaocloud")] {
        let files = generate(&root().join(schema)).unwrap();
        write_sdk(&files, &tmp.path().join(dir));
        let gomod = files.iter().find(|f| f.path == "go.mod").unwrap();
        let module =
            String::from_utf8_lossy(&gomod.contents).lines().next().unwrap().trim_start_matches("module ").to_string();
        requires.push_str(&format!("\t{module} v0.0.0-00010101000000-000000000000\n"));
        replaces.push_str(&format!("replace {module} => ../{dir}\n"));
    }
    let prog = tmp.path().join("mocks");
    std::fs::create_dir_all(&prog).unwrap();
    std::fs::copy(root().join("tests/go/mocks/sdk_test.go"), prog.join("sdk_test.go")).unwrap();
    std::fs::copy(work().join("base/go.sum"), prog.join("go.sum")).unwrap();
    std::fs::write(
        prog.join("go.mod"),
        format!(
            "module bridgegen.local/mocks\n\ngo {}\n\nrequire (\n\tgithub.com/pulumi/pulumi/sdk/v3 {PULUMI_SDK_VERSION}\n{requires})\n\n{replaces}",
            bridgegen_go::GO_DIRECTIVE
        ),
    )
    .unwrap();
    run(go(&prog, &["test", "-count=1", "./..."]), "go test (seed SDKs under pulumi mocks)");
}
