//! Generation is a pure function of the schema (byte-identical runs), output writing
//! replaces stale generated files and keeps foreign ones, and the committed
//! `sdks/<pkg>/nodejs/` trees are exactly what the generator produces now.

mod support;

use bridgegen_codegen::{check_output, write_output, Generator};
use bridgegen_nodejs::NodejsGenerator;

#[test]
fn generating_twice_is_byte_identical() {
    byte_identical(support::repo_schemas());
}

#[test]
fn generating_conformance_schemas_twice_is_byte_identical() {
    byte_identical(bridgegen_test_support::require!(support::conformance_schemas()));
}

fn byte_identical(schemas: Vec<(String, std::path::PathBuf)>) {
    for (name, schema) in schemas {
        let (pkg, _) = bridgegen_model::load_package(&schema).unwrap();
        let a = NodejsGenerator.generate(&pkg).unwrap();
        let (pkg2, _) = bridgegen_model::load_package(&schema).unwrap();
        let b = NodejsGenerator.generate(&pkg2).unwrap();
        assert!(!a.is_empty(), "{name}");
        assert_eq!(a, b, "{name}: two runs differ");
        let mut paths: Vec<&str> = a.iter().map(|f| f.path.as_str()).collect();
        let len = paths.len();
        paths.dedup();
        assert_eq!(paths.len(), len, "{name}: a path is generated twice");
    }
}

#[test]
fn rewriting_an_output_dir_replaces_stale_files_and_keeps_foreign_ones() {
    let root = support::repo_root();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    // First the keyword fixture (many files), then alicloud into the same directory.
    support::generate(&root.join("tests/schemas/keywords-nodejs.json"), out);
    assert!(out.join("myModule/import_.ts").exists());
    std::fs::write(out.join("NOTES.md"), "mine").unwrap();
    support::generate(&root.join("schema/alicloud.json"), out);
    assert!(!out.join("myModule/import_.ts").exists(), "stale generated file kept");
    assert!(out.join("ecs/imageSharePermission.ts").exists());
    assert_eq!(std::fs::read_to_string(out.join("NOTES.md")).unwrap(), "mine", "foreign file touched");
    let (pkg, _) = bridgegen_model::load_package(&root.join("schema/alicloud.json")).unwrap();
    let files = NodejsGenerator.generate(&pkg).unwrap();
    assert!(check_output(out, &files).unwrap().is_clean());
    write_output(out, &files).unwrap();
    assert!(check_output(out, &files).unwrap().is_clean());
}

#[test]
fn committed_seed_sdks_match_the_generator() {
    let root = support::repo_root();
    for name in ["alicloud", "kakaocloud"] {
        let (pkg, _) = bridgegen_model::load_package(&root.join(format!("schema/{name}.json"))).unwrap();
        let files = NodejsGenerator.generate(&pkg).unwrap();
        let dir = root.join(format!("sdks/{name}/nodejs"));
        let drift = check_output(&dir, &files).unwrap();
        assert!(drift.is_clean(), "sdks/{name}/nodejs is out of date (run `bridgegen gen`): {drift:?}");
    }
}
