//! The bridge against its references: Pulumi's tfgen output for seed 001, the hand-written
//! `schema/kakaocloud.json` for seed 000, and the tfplugindocs / schema-json conformance corpus.

mod common;

use bridgegen_test_support::{repo_path, require, shared_path};
use bridgegen_tf::meta::FieldMeta;
use indexmap::IndexMap;
use serde_json::Value;

const ALI: &str = "alicloud:ecs/imageSharePermission:ImageSharePermission";
const KAKAO: &str = "kakaocloud:index/imageMember:ImageMember";

#[test]
fn alicloud_matches_tfgen() {
    let tmp = tempfile::tempdir().unwrap();
    let b = require!(common::alicloud(tmp.path()));
    let peer_path = require!(shared_path("peer/tfgen/out/alicloud/schema.json"));
    let peer: Value = serde_json::from_str(&std::fs::read_to_string(peer_path).unwrap()).unwrap();
    let ours = common::json(&b.schema.resources[ALI]);
    let theirs = &peer["resources"][ALI];
    // Properties, required lists, replace flags and every property description: identical.
    for key in ["properties", "required", "inputProperties", "requiredInputs", "stateInputs"] {
        assert_eq!(ours[key], theirs[key], "{key} differs from tfgen");
    }
    let ours_d = ours["description"].as_str().unwrap();
    let theirs_d = theirs["description"].as_str().unwrap();
    // Same intro and NOTE callouts (tfgen: `-> **NOTE:**` -> `> **NOTE:**`).
    let intro = theirs_d.split("## Example Usage").next().unwrap();
    assert!(ours_d.starts_with(intro.trim_end()), "intro differs:\n{ours_d}");
    // Same import section.
    let import = &theirs_d[theirs_d.find("## Import").unwrap()..];
    assert!(ours_d.trim_end().ends_with(import.trim_end()), "import differs:\n{ours_d}");
    // Justified differences:
    // 1. tfgen does not recognise the upstream typo `## Attributes Reference0` and leaks the
    //    section (with the Terraform `id`) into the description; we read it as the attributes
    //    section (its only entry is `id`, which is Pulumi's own).
    assert!(theirs_d.contains("## Attributes Reference0"));
    assert!(!ours_d.contains("Attributes Reference"), "{ours_d}");
    // 2. tfgen with --skip-examples leaves the raw HCL; we convert it to 4 languages in the
    //    examples shortcodes (tfgen's converter needs the Pulumi CLI and fails on this example).
    assert!(theirs_d.contains("```terraform"));
    assert!(!ours_d.contains("```terraform"));
    for lang in ["typescript", "python", "go", "csharp"] {
        assert_eq!(ours_d.matches(&format!("```{lang}\n")).count(), 1, "{lang} example missing:\n{ours_d}");
    }
    assert!(ours_d.contains("{{% examples %}}\n## Example Usage\n{{% example %}}"));
    assert!(ours_d.contains("new alicloud.ecs.ImageSharePermission(\"default\", {"));
    assert!(ours_d.contains("pulumi.interpolate`terraform-example-${defaultInteger.result}`"));
    assert_eq!((b.report.examples_converted, b.report.examples_dropped), (1, 0));
    // Config and provider inputs as tfgen (minus the defaultInfo env vars that tfgen takes from Go code).
    for (name, var) in peer["config"]["variables"].as_object().unwrap() {
        let ours = common::json(&b.schema.config.variables[name]);
        assert_eq!(ours["description"], var["description"], "config {name}");
    }
}

#[test]
fn kakaocloud_matches_seed_schema_and_tfgen() {
    let tmp = tempfile::tempdir().unwrap();
    let b = require!(common::kakaocloud(tmp.path()));
    let seed: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_path("schema/kakaocloud.json")).unwrap()).unwrap();
    let mut ours = common::json(&b.schema.resources[KAKAO]);
    let mut want = seed["resources"][KAKAO].clone();
    // Difference 1: like tfgen we end doc-derived descriptions with a newline; the hand-written seed does not.
    common::trim_descriptions(&mut ours);
    common::trim_descriptions(&mut want);
    for key in ["properties", "required", "inputProperties", "requiredInputs"] {
        assert_eq!(ours[key], want[key], "{key} differs from schema/kakaocloud.json");
    }
    // Difference 2: tfgen (and we) mark replacement on stateInputs too; the seed only on inputs.
    let mut state = ours["stateInputs"].clone();
    for p in state["properties"].as_object_mut().unwrap().values_mut() {
        p.as_object_mut().unwrap().remove("willReplaceOnChanges");
    }
    assert_eq!(state, want["stateInputs"]);
    // The timeouts type, every description.
    let mut types = common::json(&b.schema.types);
    let mut want_types = seed["types"].clone();
    common::trim_descriptions(&mut types);
    common::trim_descriptions(&mut want_types);
    assert_eq!(types, want_types);
    // Difference 3: the seed's description adds an id sentence, an example and an import section
    // that seed 000 does not have; the doc's own text is the same.
    let intro = ours["description"].as_str().unwrap();
    assert!(want["description"].as_str().unwrap().starts_with(intro), "{intro}");

    // Against tfgen: same, except its `<br/>` -> literal `\n\n` bug (we keep `<br/>`) and its
    // `<span pulumi-lang-*>` for the resource name (we write the Node.js name, as the seed does).
    let p = require!(shared_path("peer/tfgen/out/kakaocloud/schema.json"));
    let peer: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let mut theirs = peer["resources"][KAKAO].clone();
    let mut ours = common::json(&b.schema.resources[KAKAO]);
    let fix = |v: &mut Value| {
        for section in ["properties"] {
            for p in v[section].as_object_mut().unwrap().values_mut() {
                if let Some(d) = p.get("description").and_then(Value::as_str) {
                    p["description"] = d.replace("\\n\\n", "<br/>").into();
                }
            }
        }
    };
    fix(&mut theirs);
    fix(&mut ours);
    assert_eq!(ours["properties"], theirs["properties"]);
    assert_eq!(ours["required"], theirs["required"]);
    assert_eq!(ours["requiredInputs"], theirs["requiredInputs"]);
    assert_eq!(common::json(&b.schema.types), peer["types"]);
    assert!(theirs["description"].as_str().unwrap().contains("<span pulumi-lang-nodejs"));
}

/// The Pulumi path of a dotted Terraform path, through the bridge metadata.
fn pulumi_path(fields: &IndexMap<String, FieldMeta>, tf: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut fs = fields;
    for part in tf.split('.') {
        let f = fs.get(part)?;
        out.push(f.name.clone());
        fs = &f.fields;
    }
    Some(out)
}

/// Looks a property up by Pulumi path in the schema: top-level in the resource, nested in types.
fn description_at(schema: &Value, token: &str, path: &[String]) -> Option<String> {
    let mut props = &schema["resources"][token]["properties"];
    for (i, name) in path.iter().enumerate() {
        // Write-only attributes are inputs only.
        let p = if i == 0 && props.get(name).is_none() {
            &schema["resources"][token]["inputProperties"][name]
        } else {
            &props[name]
        };
        if i + 1 == path.len() {
            return p["description"].as_str().map(str::to_string);
        }
        let r = p["$ref"]
            .as_str()
            .or_else(|| p["items"]["$ref"].as_str())
            .or_else(|| p["additionalProperties"]["$ref"].as_str())?;
        props = &schema["types"][r.strip_prefix("#/types/")?]["properties"];
    }
    None
}

#[test]
fn tfplugindocs_pairs_attach_every_description() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = require!(common::schemamd_cases());
    assert!(cases.len() >= 3);
    for (case, schema, md) in cases {
        let b = common::bridge_schemamd(tmp.path(), &case, &schema, &md);
        let page = bridgegen_tf::docs::DocPage::load(&md).unwrap();
        let meta = &b.metadata.resources[&format!("t_{case}")];
        let json = common::json(&b.schema);
        let mut checked = 0;
        for (tf_path, doc) in &page.fields {
            if doc.text.is_empty() || tf_path == "id" {
                continue;
            }
            let path = pulumi_path(&meta.fields, tf_path).unwrap_or_else(|| panic!("{case}: `{tf_path}` not bridged"));
            let got = description_at(&json, &meta.token, &path)
                .unwrap_or_else(|| panic!("{case}: no description on {path:?}"));
            assert_eq!(got.trim_end(), doc.text, "{case}: {tf_path}");
            checked += 1;
        }
        assert!(checked > 0 || case == "aws_acm_certificate", "{case}: nothing checked");
        // Every bullet with text became a description: the report agrees.
        let rep = &b.report.items[0];
        eprintln!("{case}: {}/{} properties described; without: {:?}", rep.described, rep.properties, rep.undescribed);
    }
}

#[test]
fn schema_json_samples_bridge_with_minimal_config() {
    for path in require!(common::schema_json_samples()) {
        let b =
            bridgegen_tf::bridge_files(&bridgegen_tf::BridgeFiles { tf_schema: path.clone(), ..Default::default() })
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let tf = bridgegen_tf::ProvidersSchema::load(&path).unwrap();
        let (_, provider) = tf.provider_schemas.first().unwrap();
        let pkg = &b.schema.name;
        // Minimal config: module index, tokens from the type minus the provider prefix.
        for tf_type in provider.resource_schemas.keys() {
            let base = tf_type.strip_prefix(&format!("{pkg}_")).unwrap();
            let token =
                format!("{pkg}:index/{}:{}", bridgegen_tf::names::camel(base), bridgegen_tf::names::pascal(base));
            let r = b.schema.resources.get(&token).unwrap_or_else(|| panic!("{token} missing"));
            for (name, attr) in &provider.resource_schemas[tf_type].block.attributes {
                if name == "id" || attr.description.is_none() {
                    continue;
                }
                let pname = &b.metadata.resources[tf_type].fields[name].name;
                assert!(r.object.properties[pname].description.is_some(), "{token}.{pname} lost its description");
            }
        }
        for tf_type in provider.data_source_schemas.keys() {
            let base = tf_type.strip_prefix(&format!("{pkg}_")).unwrap();
            let token = format!("{pkg}:index/get{0}:get{0}", bridgegen_tf::names::pascal(base));
            assert!(b.schema.functions.contains_key(&token), "{token} missing");
        }
        // And the schema binds.
        bridgegen_model::bind_spec(&b.schema).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        eprint!("{}", b.report.summary());
    }
}

#[test]
fn bridged_seeds_bind() {
    let tmp = tempfile::tempdir().unwrap();
    let a = require!(common::alicloud(tmp.path()));
    let k = require!(common::kakaocloud(tmp.path()));
    for b in [a, k] {
        bridgegen_model::bind_spec(&b.schema).unwrap_or_else(|e| panic!("{}: {e:?}", b.schema.name));
    }
}

#[test]
fn collisions_are_reported_not_merged() {
    let tf = serde_json::json!({"format_version": "1.0", "provider_schemas": {"p/x/t": {"resource_schemas": {
        "t_a": {"block": {"attributes": {"foo_bar": {"type": "string", "optional": true}, "fooBar": {"type": "string", "optional": true}}}}
    }}}});
    let text = tf.to_string();
    let parsed = bridgegen_tf::ProvidersSchema::parse(&text, std::path::Path::new("t.json")).unwrap();
    let cfg = bridgegen_tf::BridgeConfig::minimal("t");
    let err = bridgegen_tf::bridge(&bridgegen_tf::BridgeInput {
        tf_schema: &parsed,
        tf_schema_path: std::path::Path::new("t.json"),
        docs: None,
        config: &cfg,
        extra_packages: &[],
    })
    .err()
    .expect("a collision is an error");
    let msg = err.to_string();
    assert!(msg.contains("both map to the Pulumi name `fooBar`"), "{msg}");
    assert!(msg.contains("t.json #/provider_schemas/p~1x~1t/resource_schemas/t_a/block/attributes/"), "{msg}");
}

#[test]
fn invalid_schema_names_the_pointer() {
    let text = r#"{"format_version":"1.0","provider_schemas":{"p":{"resource_schemas":{"p_a":{"block":{"attributes":{"x":{"type":["lisst","string"]}}}}}}}}"#;
    let err = bridgegen_tf::ProvidersSchema::parse(text, std::path::Path::new("s.json")).err().unwrap();
    let msg = err.to_string();
    assert!(msg.contains("unknown type kind `lisst`"), "{msg}");
    assert!(msg.contains("#/provider_schemas/p/resource_schemas/p_a/block/attributes/x/type"), "{msg}");
}

#[test]
fn unconvertible_examples_are_dropped_with_a_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let b = require!(common::alicloud(tmp.path()));
    let cats = [bridgegen_tf::examples::Catalog::new(&b.metadata, &b.schema)];
    let convert = |hcl: &str| bridgegen_tf::examples::convert(hcl, &cats);
    let cases = [
        ("resource \"alicloud_vpc\" \"a\" {\n  vpc_name = upper(\"x\")\n}\n", "function calls"),
        ("resource \"alicloud_vpc\" \"a\" {\n  count = 2\n}\n", "`count` is not converted"),
        ("resource \"alicloud_nope\" \"a\" {}\n", "`alicloud_nope` is not a resource"),
        ("resource \"alicloud_vpc\" \"a\" {\n  nope = 1\n}\n", "has no argument `nope`"),
        ("output \"x\" {\n  value = 1\n}\n", "`output` blocks are not converted"),
        ("resource \"alicloud_vpc\" \"a\" {\n  vpc_name = \"${\n", "does not parse"),
    ];
    for (hcl, why) in cases {
        let err = convert(hcl).expect_err(hcl);
        assert!(err.contains(why), "{hcl}: {err}");
    }
    // The same subset converts when it stays inside it.
    let ok = convert(
        "variable \"n\" {\n  default = \"x\"\n}\nresource \"alicloud_vpc\" \"a\" {\n  vpc_name = \"net-${var.n}\"\n}\n",
    )
    .unwrap();
    assert!(ok[0].contains("pulumi.interpolate`net-${n}`"), "{}", ok[0]);
    assert!(ok[1].contains("pulumi.Output.format(\"net-{0}\", n)"), "{}", ok[1]);
    assert!(ok[2].contains("pulumi.Sprintf(\"net-%v\", n)"), "{}", ok[2]);
    assert!(ok[3].contains("Output.Format($\"net-{n}\")"), "{}", ok[3]);
}

#[test]
fn registry_docs_of_the_corpus_parse() {
    let dir = require!(shared_path("conformance/terraform/alicloud/website/docs/r"));
    let page = |name: &str| bridgegen_tf::docs::DocPage::load(&dir.join(name)).unwrap();
    let sgr = page("security_group_rule.html.markdown");
    let force_new = sgr.fields.values().filter(|f| f.force_new).count();
    assert!(force_new >= 12, "security_group_rule: {force_new} ForceNew markers read");
    let import = page("image_import.html.markdown");
    let nested: Vec<_> = import.fields.keys().filter(|k| k.starts_with("disk_device_mapping.")).collect();
    assert!(nested.len() >= 3, "image_import nested block fields: {:?}", import.fields.keys().collect::<Vec<_>>());
    assert!(import.fields["disk_device_mapping"].force_new);
    assert!(import.fields.contains_key("timeouts.create"), "{:?}", import.fields.keys().collect::<Vec<_>>());
    let copy = page("image_copy.html.markdown");
    assert!(copy.import.is_some() && !copy.examples.is_empty());
    assert!(!copy.other.contains("Attributes Reference"), "{}", copy.other);
    let share = page("image_share_permission.html.markdown");
    assert!(share.fields["image_id"].force_new && share.fields["account_id"].force_new);
    assert!(!share.intro.contains("Open in"), "{}", share.intro);
}

#[test]
fn provider_functions_become_invokes_with_named_arguments() {
    // The tfplugindocs sample's `null` function: a string parameter, a variadic one, a string result.
    let path =
        require!(shared_path("conformance/terraform/schema-json/null-provider.tfplugindocs-testdata.schema.json"));
    let b = bridgegen_tf::bridge_files(&bridgegen_tf::BridgeFiles { tf_schema: path.clone(), ..Default::default() })
        .unwrap();
    let f = common::json(&b.schema.functions["null:index/null:null"]);
    assert_eq!(f["description"], "Given a string value, returns the same value.\n");
    assert_eq!(f["inputs"]["properties"]["input"]["type"], "string");
    assert_eq!(f["inputs"]["properties"]["input"]["description"], "Value to echo.");
    assert_eq!(f["inputs"]["required"], serde_json::json!(["input"]));
    let variadic = &f["inputs"]["properties"]["variadicInputs"];
    assert_eq!((&variadic["type"], &variadic["items"]["type"]), (&"array".into(), &"string".into()), "{f}");
    // A non-object result is the function's return type.
    assert_eq!(f["outputs"], serde_json::json!({"type": "string"}));
    let m = &b.metadata.functions["null"];
    assert_eq!(m.token, "null:index/null:null");
    assert_eq!(m.parameters, ["input"]);
    assert_eq!(m.variadic.as_deref(), Some("variadicInput"));
    assert!(!m.result_object);
    assert_eq!(m.result["result"].name, "result");
    assert!(b.report.summary().contains("1 data sources, 1 functions;"), "{}", b.report.summary());

    // bridge.toml overrides the token and names.
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("bridge.toml");
    std::fs::write(
        &config,
        "name = \"null\"\n[functions.null]\ntoken = \"null:index/echo:echo\"\nfields = { input = \"value\" }\n",
    )
    .unwrap();
    let b = bridgegen_tf::bridge_files(&bridgegen_tf::BridgeFiles {
        tf_schema: path,
        config: Some(config),
        ..Default::default()
    })
    .unwrap();
    let f = common::json(&b.schema.functions["null:index/echo:echo"]);
    assert_eq!(f["inputs"]["required"], serde_json::json!(["value"]), "{f}");
    assert_eq!(b.metadata.functions["null"].fields["input"].name, "value");
}
