//! Shared by the bridge tests: the fixtures, docs folders built from the seeds, bridging.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use bridgegen_test_support::{repo_path, shared_path};
use bridgegen_tf::{bridge_files, BridgeFiles, Bridged};

pub fn fixture(rel: &str) -> PathBuf {
    repo_path("tests/fixtures/tf").join(rel)
}

/// A docs folder holding one page at `rel` (e.g. `website/docs/r/x.html.markdown`).
pub fn docs_dir(tmp: &Path, rel: &str, source: &Path) -> PathBuf {
    let dir = tmp.join("docs");
    let target = dir.join(rel);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::copy(source, &target).unwrap();
    dir
}

/// Seed 001 bridged with the alicloud fixture (and the random provider for the example).
pub fn alicloud(tmp: &Path) -> Result<Bridged, String> {
    let seed = shared_path("seeds/001_996959d8fe098eed.txt")?;
    let random = shared_path("conformance/terraform/schema-json/random-provider.terraform-json-testdata.schemas.json")?;
    let docs = docs_dir(tmp, "website/docs/r/image_share_permission.html.markdown", &seed);
    Ok(bridge_files(&BridgeFiles {
        tf_schema: fixture("alicloud/schema.json"),
        docs: Some(docs),
        config: Some(fixture("alicloud/bridge.toml")),
        example_schemas: vec![random],
    })
    .expect("alicloud bridges"))
}

/// Seed 000 bridged with the kakaocloud fixture.
/// kakaocloud bridged from the schema our Go provider (tests/tfprovider/kakaocloud) reports over
/// tfplugin6 (`bridgegen tf schema`; bridgegen-cli's tf_schema test keeps the fixture current) and
/// seed 000's doc: the whole design-time chain.
pub fn kakaocloud(tmp: &Path) -> Result<Bridged, String> {
    let seed = shared_path("seeds/000_26095e2e697b41d1.txt")?;
    let docs = docs_dir(tmp, "docs/resources/image_member.md", &seed);
    Ok(bridge_files(&BridgeFiles {
        tf_schema: fixture("kakaocloud.tf-schema.json"),
        docs: Some(docs),
        config: Some(fixture("kakaocloud/bridge.toml")),
        example_schemas: vec![],
    })
    .expect("kakaocloud bridges"))
}

pub fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap()
}

/// Removes one trailing newline from every `description` (tfgen appends one to doc text).
pub fn trim_descriptions(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "description" {
                    if let Some(s) = x.as_str() {
                        *x = s.trim_end_matches('\n').into();
                    }
                } else {
                    trim_descriptions(x);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(trim_descriptions),
        _ => {}
    }
}

/// The conformance tfplugindocs pairs: (case, schema.json, md).
pub fn schemamd_cases() -> Result<Vec<(String, PathBuf, PathBuf)>, String> {
    let dir = shared_path("conformance/terraform/tfplugindocs-schemamd")?;
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).map_err(|e| e.to_string())?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(case) = name.strip_suffix(".schema.json") {
            out.push((case.to_string(), e.path(), dir.join(format!("{case}.md"))));
        }
    }
    out.sort();
    Ok(out)
}

/// A tfplugindocs pair as a one-resource provider `t` with resource `t_<case>` and its docs page.
pub fn bridge_schemamd(tmp: &Path, case: &str, schema: &Path, md: &Path) -> Bridged {
    let one: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(schema).unwrap()).unwrap();
    let doc = serde_json::json!({
        "format_version": "1.0",
        "provider_schemas": { "registry.terraform.io/test/t": { "resource_schemas": { format!("t_{case}"): one } } }
    });
    let dir = tmp.join(case);
    std::fs::create_dir_all(&dir).unwrap();
    let tf = dir.join("schema.json");
    std::fs::write(&tf, serde_json::to_string(&doc).unwrap()).unwrap();
    let docs = docs_dir(&dir, &format!("docs/resources/{case}.md"), md);
    bridge_files(&BridgeFiles { tf_schema: tf, docs: Some(docs), config: None, example_schemas: vec![] })
        .unwrap_or_else(|e| panic!("{case}: {e}"))
}

/// The conformance `terraform providers schema -json` samples.
pub fn schema_json_samples() -> Result<Vec<PathBuf>, String> {
    let dir = shared_path("conformance/terraform/schema-json")?;
    let mut out: Vec<PathBuf> =
        std::fs::read_dir(&dir).map_err(|e| e.to_string())?.flatten().map(|e| e.path()).collect();
    out.sort();
    Ok(out)
}
