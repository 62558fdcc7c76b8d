//! Generated Go SDKs against the real toolchain: `go build` + `go vet` with the pinned
//! `github.com/pulumi/pulumi/sdk/v3`, gofmt cleanliness, determinism, and a Go test program
//! running the seed SDKs and the methods fixture (resource methods as `MethodCall`s) under
//! Pulumi's mocks.
//!
//! Needs `go` and the module cache prepared by `tests/setup.sh` (tests/setup/go.sh);
//! builds run offline against `.work/go/modcache`. Without them, or without the external
//! conformance corpus (`BRIDGEGEN_CONFORMANCE`), the tests that need them are skipped.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use bridgegen_codegen::Generator;
use bridgegen_go::{GoGenerator, PULUMI_SDK_VERSION};
use bridgegen_test_support::{require, run_ok};
use support::{build_and_vet, generate, go, go_ready, root, work, write_sdk};

/// The conformance schemas (external corpus), or why they are not available.
fn conformance() -> Result<Vec<PathBuf>, String> {
    Ok(bridgegen_test_support::conformance_schemas()?.into_iter().map(|(_, p)| p).collect())
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
    require!(go_ready());
    for s in seeds() {
        build_and_vet(&s);
    }
}

/// The generated `go` directive is the one the pinned SDK declares and no module in the
/// SDK's build graph asks for more, so `go mod tidy` has nothing to raise (a lower one would
/// be raised; a higher one would shut out Go versions that work).
#[test]
fn go_directive_is_what_the_pinned_sdk_requires() {
    require!(go_ready());
    let sdk_mod =
        work().join(format!("modcache/cache/download/github.com/pulumi/pulumi/sdk/v3/@v/{PULUMI_SDK_VERSION}.mod"));
    let text = std::fs::read_to_string(&sdk_mod).unwrap_or_else(|e| panic!("{}: {e}", sdk_mod.display()));
    assert_eq!(go_line(&text), Some(bridgegen_go::GO_DIRECTIVE), "{}", sdk_mod.display());
    let setup = std::fs::read_to_string(root().join("tests/setup/go.sh")).unwrap();
    let wanted = format!("go_version=\"{}\"", bridgegen_go::GO_DIRECTIVE);
    assert!(setup.contains(&wanted), "tests/setup/go.sh must require the same Go: {wanted}");
    // `go mod tidy` raises the directive to the highest `go` line in the module graph;
    // `go mod graph` prints that graph, `go` lines as `go@<version>` nodes, from go.mod files
    // alone (offline).
    let files = generate(&root().join("schema/alicloud.json")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    write_sdk(&files, tmp.path());
    let out = go(tmp.path(), &["mod", "graph"]).output().unwrap();
    let graph = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "go mod graph failed:\n{graph}{}", String::from_utf8_lossy(&out.stderr));
    let ours = version(bridgegen_go::GO_DIRECTIVE);
    let mut go_lines = 0;
    for (module, target) in graph.lines().filter_map(|l| l.split_once(' ')) {
        if let Some(v) = target.strip_prefix("go@") {
            go_lines += 1;
            assert!(version(v) <= ours, "{module} needs go {v}, above the generated go {}", bridgegen_go::GO_DIRECTIVE);
        }
    }
    // Ours and the SDK's; each module's own `go` line already covers its dependencies'.
    assert!(go_lines >= 2, "go mod graph shows too few go lines:\n{graph}");
}

/// `1.26.6` -> [1, 26, 6], comparable.
fn version(v: &str) -> Vec<u32> {
    v.split('.').map(|n| n.parse().unwrap_or(0)).collect()
}

/// The version of a go.mod's `go` line.
fn go_line(gomod: &str) -> Option<&str> {
    gomod.lines().find_map(|l| l.strip_prefix("go ")).map(str::trim)
}

#[test]
fn adversarial_keywords_schema_builds() {
    require!(go_ready());
    build_and_vet(&root().join("tests/schemas/keywords-go.json"));
}

/// `const` inputs of every kind on one resource; several plain optional enums among them, each
/// set in the constructor through a temporary of its own.
#[test]
fn const_inputs_schema_builds() {
    require!(go_ready());
    build_and_vet(&root().join("tests/schemas/go-const-inputs.json"));
}

#[test]
fn conformance_sdks_build_and_vet() {
    require!(go_ready());
    let all = require!(conformance());
    for s in all.iter().filter(|p| !is_big(p)) {
        build_and_vet(s);
    }
}

/// azure-native and kubernetes: minutes of compile time and GBs of memory each; run with
/// `cargo test -p bridgegen-go --release -- --ignored`.
#[test]
#[ignore]
fn big_conformance_sdks_build_and_vet() {
    require!(go_ready());
    for s in require!(conformance()).iter().filter(|p| is_big(p)) {
        build_and_vet(s);
    }
}

/// Two generations are byte-identical and `gofmt -l` lists none of the files.
fn deterministic_and_gofmt_clean(schemas: &[PathBuf]) {
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
fn output_is_deterministic_and_gofmt_clean() {
    require!(go_ready());
    let mut schemas = seeds();
    schemas.push(root().join("tests/schemas/keywords-go.json"));
    deterministic_and_gofmt_clean(&schemas);
}

#[test]
fn conformance_output_is_deterministic_and_gofmt_clean() {
    require!(go_ready());
    deterministic_and_gofmt_clean(&require!(conformance()));
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
    require!(go_ready());
    let tmp = tempfile::tempdir().unwrap();
    let mut requires = String::new();
    let mut replaces = String::new();
    // The methods fixture runs beside the seeds (tests/go/mocks/methods_test.go).
    for (schema, dir) in [
        ("schema/alicloud.json", "alicloud"),
        ("schema/kakaocloud.json", "kakaocloud"),
        ("tests/schemas/methods.json", "mth"),
        ("tests/schemas/generics.json", "gx"),
    ] {
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
    std::fs::copy(root().join("tests/go/mocks/methods_test.go"), prog.join("methods_test.go")).unwrap();
    std::fs::copy(root().join("tests/go/mocks/generics_test.go"), prog.join("generics_test.go")).unwrap();
    std::fs::copy(work().join("base/go.sum"), prog.join("go.sum")).unwrap();
    std::fs::write(
        prog.join("go.mod"),
        format!(
            "module bridgegen.local/mocks\n\ngo {}\n\nrequire (\n\tgithub.com/pulumi/pulumi/sdk/v3 {PULUMI_SDK_VERSION}\n{requires})\n\n{replaces}",
            bridgegen_go::GO_DIRECTIVE
        ),
    )
    .unwrap();
    run_ok(&mut go(&prog, &["test", "-count=1", "./..."]), "go test (seed SDKs under pulumi mocks)");
}
