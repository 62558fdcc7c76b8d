//! The seed SDKs: committed output matches the generator, the packages run under
//! `pulumi.runtime.set_mocks` (pytest, tests/python/test_mocks.py), and the API surface
//! of `ecs/image_share_permission.py` equals the published pulumi-alicloud 3.108.0 wheel
//! (plus `exists`, which Pulumi's generators added later).

mod common;

use std::path::PathBuf;
use std::process::Command;

use bridgegen_test_support::require;
use common::*;

const SEEDS: [&str; 2] = ["alicloud", "kakaocloud"];

#[test]
fn committed_sdks_match_generator() {
    let root = repo_root();
    for s in SEEDS {
        let pkg = load(&root.join(format!("schema/{s}.json")));
        let files = bridgegen_python::generate(&pkg).expect("generate");
        let again = bridgegen_python::generate(&pkg).expect("generate again");
        assert_eq!(files, again, "{s}: generation is not deterministic");
        let out = root.join(format!("sdks/{s}/python"));
        let drift = bridgegen_codegen::check_output(&out, &files).expect("check output");
        assert!(drift.is_clean(), "sdks/{s}/python is stale ({drift:?}); run `bridgegen gen` and commit");
    }
}

#[test]
fn seed_sdks_run_under_mocks() {
    require!(toolchain());
    let root = repo_root();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut dirs: Vec<PathBuf> = Vec::new();
    for s in SEEDS {
        let out = tmp.path().join(s);
        generate_into(&load(&root.join(format!("schema/{s}.json"))), &out);
        dirs.push(out);
    }
    let venv = fresh_venv(&tmp.path().join("venv"));
    pip_install(&venv, &dirs);
    let mut cmd = Command::new(&venv);
    cmd.args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(root.join("tests/python/test_mocks.py"))
        .current_dir(tmp.path())
        .env_remove("PULUMI_CONFIG");
    let out = run(&mut cmd, "pytest tests/python/test_mocks.py");
    eprintln!("{out}");
    assert!(out.contains("passed") && !out.contains("failed"), "{out}");
}

#[test]
fn image_share_permission_surface_equals_published_wheel() {
    require!(toolchain());
    let root = repo_root();
    let wheels = work_dir().join("wheels");
    let wheel = std::fs::read_dir(require!(bridgegen_test_support::work_path("python/wheels")))
        .unwrap_or_else(|e| panic!("{}: {e}", wheels.display()))
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("pulumi_alicloud-3.108.0")))
        .expect("pulumi_alicloud-3.108.0 wheel missing: run tests/setup.sh first");
    let tmp = tempfile::tempdir().expect("tempdir");
    generate_into(&load(&root.join("schema/alicloud.json")), tmp.path());
    let ours = tmp.path().join("pulumi_alicloud/ecs/image_share_permission.py");
    let mut cmd = Command::new(python());
    cmd.arg(root.join("tests/python/api_surface.py"))
        .arg(&ours)
        .arg(&wheel)
        .arg("pulumi_alicloud/ecs/image_share_permission.py")
        // Pulumi's generators added the static `exists` lookup after 3.108 (pkg/v3 3.269).
        .args(["--added", "ImageSharePermission.exists"]);
    let out = run(&mut cmd, "api_surface.py");
    assert!(out.contains("added: ImageSharePermission.exists"), "{out}");
    assert!(out.contains("same surface: 3 classes"), "{out}");
}

#[test]
fn api_surface_script_detects_differences() {
    require!(toolchain());
    // The comparison must be able to fail: a changed annotation is reported.
    let root = repo_root();
    let tmp = tempfile::tempdir().expect("tempdir");
    generate_into(&load(&root.join("schema/alicloud.json")), tmp.path());
    let ours = tmp.path().join("pulumi_alicloud/ecs/image_share_permission.py");
    let text = std::fs::read_to_string(&ours).expect("read");
    let changed = tmp.path().join("changed.py");
    std::fs::write(
        &changed,
        text.replacen("account_id: pulumi.Input[_builtins.str]", "account_id: pulumi.Input[_builtins.int]", 1),
    )
    .expect("write");
    let out = Command::new(python())
        .arg(root.join("tests/python/api_surface.py"))
        .arg(&ours)
        .arg(&changed)
        .output()
        .expect("run");
    assert!(!out.status.success(), "a changed annotation was not detected");
}

/// Generates `schema`, installs it into a fresh venv and runs the pytest file `test` there.
fn runs_under_mocks(schema: &str, test: &str) {
    require!(toolchain());
    let root = repo_root();
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("pkg");
    generate_into(&load(&root.join(schema)), &out);
    let venv = fresh_venv(&tmp.path().join("venv"));
    pip_install(&venv, &[out]);
    let mut cmd = Command::new(&venv);
    cmd.args(["-m", "pytest", "-q", "-p", "no:cacheprovider"]).arg(root.join(test)).current_dir(tmp.path());
    let out = run(&mut cmd, &format!("pytest {test}"));
    // pytest -q's summary: "N passed in ...s", nothing failed or skipped.
    let summary = out.lines().rev().find(|l| l.contains(" passed")).unwrap_or_default();
    assert!(!summary.is_empty() && !summary.contains("failed") && !summary.contains("skipped"), "{out}");
}

#[test]
fn keywords_package_runs_under_mocks() {
    runs_under_mocks("tests/schemas/keywords-python.json", "tests/python/test_keywords_runtime.py");
}

/// Resource methods (calls with `__self__`) and multiArgumentInputs at run time.
#[test]
fn methods_package_runs_under_mocks() {
    runs_under_mocks("tests/schemas/methods.json", "tests/python/test_methods_runtime.py");
}

/// Resource-typed properties name the package's classes: every module imports first (no
/// import cycle in any order) and the runtime resolves the annotations to those classes.
#[test]
fn resource_refs_package_imports_in_any_order() {
    runs_under_mocks("tests/schemas/resource-refs.json", "tests/python/test_resource_refs_runtime.py");
}

#[test]
fn input_types_classes_drops_the_typed_dicts() {
    // `language.python.inputTypes: classes` (tests/schemas/input-classes.json): inputs are typed
    // by their `XArgs` class alone; the same schema without the option gets the TypedDicts.
    let root = repo_root();
    let text = std::fs::read_to_string(root.join("tests/schemas/input-classes.json")).expect("fixture");
    let file = |files: &[bridgegen_codegen::GeneratedFile], path: &str| -> String {
        let f = files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("{path} not generated"));
        String::from_utf8(f.contents.clone()).expect("utf-8")
    };
    let (classes, _) = bridgegen_model::bind_str(&text).expect("binds");
    let files = bridgegen_python::generate(&classes).expect("generate");
    let inputs = file(&files, "pulumi_inputclasses/_inputs.py");
    assert!(!inputs.contains("ArgsDict"), "{inputs}");
    assert!(inputs.contains("class RuleArgs:") && inputs.contains("'RuleArgs',"), "{inputs}");
    let firewall = file(&files, "pulumi_inputclasses/firewall.py");
    assert!(firewall.contains("main: pulumi.Input['_root_inputs.RuleArgs'],"), "{firewall}");

    let (dicts, _) =
        bridgegen_model::bind_str(&text.replace(r#""inputTypes": "classes""#, r#""inputTypes": "classes-and-dicts""#))
            .expect("binds");
    let files = bridgegen_python::generate(&dicts).expect("generate");
    let inputs = file(&files, "pulumi_inputclasses/_inputs.py");
    assert!(inputs.contains("class RuleArgsDict(TypedDict):") && inputs.contains("'RuleArgsDict',"), "{inputs}");
}
