//! Our model of the `terraform providers schema -json` format against real samples: each
//! sample read into the model and written back must give the same JSON (so field names,
//! nesting and omission rules match Terraform's).

use bridgegen_test_support::{require, shared_path};
use bridgegen_tfplugin::schema::{ProviderSchema, ProvidersSchema, Schema};
use serde_json::Value;

fn read(rel: &str) -> Option<Value> {
    let path = shared_path(format!("conformance/terraform/{rel}")).ok()?;
    Some(serde_json::from_str(&std::fs::read_to_string(path).ok()?).expect("sample is JSON"))
}

#[test]
fn real_terraform_cli_output_round_trips() {
    let sample = require!(read("schema-json/random-provider.terraform-json-testdata.schemas.json")
        .ok_or("the terraform schema-json samples (shared/conformance/terraform) are absent"));
    let doc: ProvidersSchema = serde_json::from_value(sample.clone()).unwrap();
    assert_eq!(doc.format_version, "1.0");
    let random = &doc.provider_schemas["registry.terraform.io/hashicorp/random"];
    assert!(random.resource_schemas["random_password"].block.as_ref().unwrap().attributes["result"].sensitive);
    assert_eq!(serde_json::to_value(&doc).unwrap(), sample);
    // Terraform writes maps sorted by key, as we do: the bytes agree too (modulo whitespace).
    assert_eq!(serde_json::to_string(&doc).unwrap(), serde_json::to_string(&sample).unwrap());
}

#[test]
fn provider_resource_and_data_source_sections_of_the_tfplugindocs_sample_round_trip() {
    let sample = require!(read("schema-json/null-provider.tfplugindocs-testdata.schema.json")
        .ok_or("the terraform schema-json samples (shared/conformance/terraform) are absent"));
    let null = &sample["provider_schemas"]["registry.terraform.io/hashicorp/null"];
    let ours: ProviderSchema = serde_json::from_value(null.clone()).unwrap();
    let back = serde_json::to_value(&ours).unwrap();
    for section in ["provider", "resource_schemas", "data_source_schemas", "ephemeral_resource_schemas", "functions"] {
        assert_eq!(back[section], null[section], "section {section}");
    }
}

#[test]
fn nested_attributes_blocks_and_write_only_round_trip() {
    let mut seen = 0;
    for case in ["framework_types", "deep_nested_attributes", "aws_acm_certificate"] {
        let Some(sample) = read(&format!("tfplugindocs-schemamd/{case}.schema.json")) else { continue };
        let ours: Schema = serde_json::from_value(sample.clone()).unwrap();
        let mut back = serde_json::to_value(&ours).unwrap();
        if sample.get("version").is_none() {
            back.as_object_mut().unwrap().remove("version"); // these fixtures sometimes omit it
        }
        assert_eq!(back, sample, "{case}");
        seen += 1;
    }
    require!(if seen == 3 { Ok(()) } else { Err("the tfplugindocs-schemamd samples are absent") });
    // The samples cover both shapes: nested attributes (protocol 6) and blocks; an attribute
    // has either a cty type or a nested type, never both.
    let block = |case: &str| {
        let s: Schema =
            serde_json::from_value(read(&format!("tfplugindocs-schemamd/{case}.schema.json")).unwrap()).unwrap();
        s.block.unwrap()
    };
    let nested = block("deep_nested_attributes");
    assert!(nested.attributes.values().any(|a| a.nested_type.is_some()));
    let blocks = block("framework_types");
    assert!(!blocks.block_types.is_empty());
    for b in [nested, blocks] {
        assert!(b.attributes.values().all(|a| a.nested_type.is_some() != a.attribute_type.is_some()));
    }
}
