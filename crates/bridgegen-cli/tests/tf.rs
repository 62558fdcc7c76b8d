//! `bridgegen tf bridge`: output files, exit codes (1 invalid input with file + pointer, 3 I/O), help.

use std::path::Path;
use std::process::Command;

fn bridgegen() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bridgegen"))
}

fn fixture(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/tf").join(rel)
}

#[test]
fn bridge_writes_schema_and_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("schema.json");
    let report = tmp.path().join("report.json");
    let o = bridgegen()
        .args(["tf", "bridge", "--tf-schema"])
        .arg(fixture("kakaocloud.tf-schema.json"))
        .arg("--config")
        .arg(fixture("kakaocloud/bridge.toml"))
        .arg("--out")
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("bridged kakaocloud: 1 resources"), "{stderr}");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(schema["resources"]["kakaocloud:index/imageMember:ImageMember"]["inputProperties"]["imageId"]
        ["willReplaceOnChanges"]
        .as_bool()
        .unwrap());
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("schema.bridge-metadata.json")).unwrap())
            .unwrap();
    assert_eq!(meta["resources"]["kakaocloud_image_member"]["fields"]["image_id"]["name"], "imageId");
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(report["resources"], 1);
}

#[test]
fn invalid_input_is_exit_1_with_pointer_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, r#"{"format_version":"1.0","provider_schemas":{"p":{"resource_schemas":{"p_a":{"block":{"attributes":{"x":{"type":7}}}}}}}}"#).unwrap();
    let cfg = tmp.path().join("bridge.toml");
    std::fs::write(&cfg, "name = \"p\"\n").unwrap();
    let out = tmp.path().join("schema.json");
    let o = bridgegen()
        .args(["tf", "bridge", "--tf-schema"])
        .arg(&bad)
        .arg("--config")
        .arg(&cfg)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("bad.json #/provider_schemas/p/resource_schemas/p_a/block/attributes/x/type"), "{stderr}");
    assert!(!out.exists());
    // A config without `name` is invalid input too.
    std::fs::write(&cfg, "display-name = \"P\"\n").unwrap();
    let o = bridgegen()
        .args(["tf", "bridge", "--tf-schema"])
        .arg(fixture("kakaocloud.tf-schema.json"))
        .arg("--config")
        .arg(&cfg)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn missing_file_is_exit_3_and_help_works() {
    let tmp = tempfile::tempdir().unwrap();
    let o = bridgegen()
        .args(["tf", "bridge", "--tf-schema"])
        .arg(tmp.path().join("none.json"))
        .arg("--config")
        .arg(fixture("kakaocloud/bridge.toml"))
        .arg("--out")
        .arg(tmp.path().join("s.json"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(3), "{stderr}");
    // The file is named, the OS error said once.
    assert!(stderr.contains("none.json") && stderr.matches("os error 2").count() == 1, "{stderr}");
    let help = bridgegen().args(["tf", "bridge", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(help.status.success() && text.contains("--tf-schema") && text.contains("--docs"), "{text}");
    let usage = bridgegen().args(["tf", "bridge"]).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn gen_runs_the_bridge_from_package_tf() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("bridgegen.toml");
    let fx = fixture("kakaocloud");
    std::fs::write(
        &project,
        format!(
            "[[package]]\nschema = \"schema/kakaocloud.json\"\nout = \"sdks/kakaocloud\"\ntargets = [\"docs\", \"nodejs\"]\n\n[package.tf]\ntf-schema = {:?}\nconfig = {:?}\n",
            fixture("kakaocloud.tf-schema.json").display().to_string(),
            fx.join("bridge.toml").display().to_string()
        ),
    )
    .unwrap();
    let gen = |check: bool| {
        let mut c = bridgegen();
        c.args(["gen", "--project"]).arg(&project);
        if check {
            c.arg("--check");
        }
        c.output().unwrap()
    };
    let o = gen(false);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(tmp.path().join("schema/kakaocloud.json").is_file());
    assert!(tmp.path().join("schema/kakaocloud.bridge-metadata.json").is_file());
    assert!(tmp.path().join("sdks/kakaocloud/nodejs/imageMember.ts").is_file());
    let o = gen(true);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // A hand edit of the bridged schema is drift.
    std::fs::write(tmp.path().join("schema/kakaocloud.json"), "{}").unwrap();
    assert_eq!(gen(true).status.code(), Some(1));
}
