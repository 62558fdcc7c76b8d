//! The `bridgegen` binary as a user runs it: exit codes, messages on stderr, help.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

fn bridgegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bridgegen")).args(args).current_dir(repo_root()).output().expect("bridgegen runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_passes_on_the_seed_schemas() {
    let out = bridgegen(&["schema", "check", "schema/alicloud.json", "schema/kakaocloud.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("ok: schema/alicloud.json (1 resources"));
}

#[test]
fn check_prints_every_error_with_file_and_pointer_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(
        &file,
        r##"{
  "name": "alicloud",
  "resources": {
    "alicloud:ecs/imageSharePermission:ImageSharePermission": {
      "inputProperties": {"accountId": {"type": "string"}, "imageId": {"$ref": "#/types/alicloud:ecs/Missing:Missing"}},
      "requiredInputs": ["accountId", "imageID"]
    }
  }
}"##,
    )
    .unwrap();
    let out = bridgegen(&["schema", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let at = format!("--> {} #/resources/alicloud:ecs~1imageSharePermission:ImageSharePermission", file.display());
    assert!(err.contains(&format!("{at}/requiredInputs/1")), "{err}");
    assert!(err.contains(&format!("{at}/inputProperties/imageId/$ref")), "{err}");
    assert!(err.contains("2 errors"), "{err}");
    assert!(out.stdout.is_empty(), "diagnostics go to stderr");
}

#[test]
fn malformed_json_is_reported_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(&file, "{\n  \"name\": \"x\"\n  \"version\": \"1\"\n}").unwrap();
    let out = bridgegen(&["schema", "check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("--> {}:3:3\n", file.display())), "{}", stderr(&out));
}

#[test]
fn json_schema_command_prints_the_committed_schema() {
    let out = bridgegen(&["schema", "json-schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read(repo_root().join("schema/pulumi-package.schema.json")).unwrap();
    assert_eq!(out.stdout, committed);
}

#[test]
fn help_on_every_level() {
    for args in [
        vec!["--help"],
        vec!["schema", "--help"],
        vec!["schema", "check", "--help"],
        vec!["gen", "--help"],
        vec!["gen", "sdk", "--help"],
        vec!["gen", "docs", "--help"],
        vec!["site", "build", "--help"],
        vec!["cloud", "--help"],
    ] {
        let out = bridgegen(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = bridgegen(&["schema", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let out = bridgegen(&["gen", "sdk", "--lang", "cobol", "--schema", "x", "--out", "y"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid value 'cobol'"));
}

#[test]
fn invalid_schema_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("s.json");
    std::fs::write(&schema, r#"{"name": "x", "resources": {"x:index:R": {"properties": {"p": {"type": "array"}}}}}"#)
        .unwrap();
    let out_dir = dir.path().join("out");
    let out = bridgegen(&[
        "gen",
        "sdk",
        "--lang",
        "nodejs",
        "--schema",
        schema.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("array type has no `items`"));
    assert!(!out_dir.exists(), "nothing may be written for an invalid schema");
}

#[test]
fn missing_project_file_is_a_clear_error() {
    let out = bridgegen(&["gen", "--project", "/nonexistent/bridgegen.toml"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("cannot read project file /nonexistent/bridgegen.toml"), "{}", stderr(&out));
}

#[test]
fn project_file_with_unknown_target_is_rejected_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bridgegen.toml"),
        format!(
            "[[package]]\nschema = \"{}\"\nout = \"out\"\ntargets = [\"cobol\"]\n",
            repo_root().join("schema/alicloud.json").display()
        ),
    )
    .unwrap();
    let out = bridgegen(&["gen", "--project", dir.path().join("bridgegen.toml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("unknown target `cobol`"), "{}", stderr(&out));
    assert!(!dir.path().join("out").exists());
}
