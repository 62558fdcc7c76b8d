//! Malformed schemas: each produces the expected message at the exact JSON pointer,
//! and one run reports every error.

use bridgegen_model::{bind_str, Diagnostics};
use serde_json::{json, Value};

/// Binds `schema` and returns its errors as (pointer, message) pairs.
fn errors_of(schema: &Value) -> Vec<(String, String)> {
    errors_of_text(&schema.to_string())
}

fn errors_of_text(text: &str) -> Vec<(String, String)> {
    match bind_str(text) {
        Ok(_) => panic!("expected errors, the schema bound cleanly: {text}"),
        Err(Diagnostics(ds)) => ds.into_iter().filter(|d| d.is_error()).map(|d| (d.pointer, d.message)).collect(),
    }
}

/// Asserts exactly one error, at `pointer`, whose message contains `needle`.
fn assert_one(schema: Value, pointer: &str, needle: &str) {
    let errors = errors_of(&schema);
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    assert_eq!(errors[0].0, pointer, "pointer; message was: {}", errors[0].1);
    assert!(errors[0].1.contains(needle), "message `{}` should contain `{needle}`", errors[0].1);
}

fn pkg(resources: Value, types: Value) -> Value {
    json!({ "name": "x", "version": "1.0.0", "resources": resources, "types": types })
}

#[test]
fn malformed_json_reports_line_and_column() {
    let err = bind_str("{\n  \"name\": \"x\",\n  \"resources\": {,}\n}").unwrap_err();
    assert_eq!(err.0.len(), 1);
    let d = &err.0[0];
    assert_eq!(d.pointer, "#");
    assert_eq!(d.position, Some((3, 17)));
    assert!(d.message.starts_with("malformed JSON"), "{}", d.message);
}

#[test]
fn schema_must_be_an_object() {
    let errors = errors_of_text("[1, 2]");
    assert_eq!(errors, vec![("#".to_string(), "expected the schema to be a JSON object, found an array".to_string())]);
}

#[test]
fn unknown_type_ref() {
    assert_one(
        pkg(json!({"x:index:R": {"properties": {"p": {"$ref": "#/types/x:index:Missing"}}}}), json!({})),
        "#/resources/x:index:R/properties/p/$ref",
        "`x:index:Missing`, which is not defined under #/types",
    );
}

#[test]
fn dangling_resource_ref_in_array_items() {
    assert_one(
        pkg(
            json!({"x:index:R": {"inputProperties": {"p": {"type": "array", "items": {"$ref": "#/resources/x:index:Gone"}}}}}),
            json!({}),
        ),
        "#/resources/x:index:R/inputProperties/p/items/$ref",
        "not defined under #/resources",
    );
}

#[test]
fn bad_token_format() {
    assert_one(pkg(json!({"x:Widget": {}}), json!({})), "#/resources/x:Widget", "expected `package:module:Name`");
}

#[test]
fn token_of_another_package() {
    assert_one(pkg(json!({"y:index:Widget": {}}), json!({})), "#/resources/y:index:Widget", "belongs to package `y`");
}

#[test]
fn token_name_must_be_an_identifier() {
    assert_one(
        pkg(json!({"x:index:my-widget": {}}), json!({})),
        "#/resources/x:index:my-widget",
        "expected an identifier",
    );
}

#[test]
fn required_input_not_among_input_properties() {
    let schema = json!({
        "name": "alicloud",
        "resources": {
            "alicloud:ecs/imageSharePermission:ImageSharePermission": {
                "inputProperties": {"accountId": {"type": "string"}, "imageId": {"type": "string"}},
                "requiredInputs": ["accountId", "imageID"]
            }
        }
    });
    assert_one(
        schema,
        "#/resources/alicloud:ecs~1imageSharePermission:ImageSharePermission/requiredInputs/1",
        "requiredInputs names `imageID`, which is not among inputProperties; expected one of: accountId, imageId",
    );
}

#[test]
fn required_not_among_object_properties() {
    assert_one(
        pkg(
            json!({}),
            json!({"x:index:T": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["b"]}}),
        ),
        "#/types/x:index:T/required/0",
        "required names `b`",
    );
}

#[test]
fn required_config_variable_missing() {
    assert_one(
        json!({"name": "x", "config": {"variables": {"region": {"type": "string"}}, "required": ["zone"]}}),
        "#/config/required/0",
        "not among variables",
    );
}

#[test]
fn names_colliding_after_case_conversion() {
    let errors = errors_of(&pkg(
        json!({"x:index:R": {"properties": {"fooBar": {"type": "string"}, "foo_bar": {"type": "string"}}}}),
        json!({}),
    ));
    assert!(!errors.is_empty());
    assert_eq!(errors[0].0, "#/resources/x:index:R/properties/foo_bar");
    assert!(errors[0].1.contains("collides with `fooBar`"), "{}", errors[0].1);
}

#[test]
fn resources_colliding_after_case_conversion() {
    assert_one(
        pkg(json!({"x:index:Widget": {}, "x:index:WIDGET": {}}), json!({})),
        "#/resources/x:index:WIDGET",
        "collides with `x:index:Widget`",
    );
}

#[test]
fn required_cycle_cannot_be_built() {
    let types = json!({
        "x:index:A": {"type": "object", "properties": {"b": {"$ref": "#/types/x:index:B"}}, "required": ["b"]},
        "x:index:B": {"type": "object", "properties": {"a": {"$ref": "#/types/x:index:A"}}, "required": ["a"]}
    });
    assert_one(
        pkg(json!({}), types),
        "#/types/x:index:B/properties/a",
        "required properties form a cycle (A.b -> B.a -> A)",
    );
}

#[test]
fn optional_and_array_recursion_is_fine() {
    let types = json!({
        "x:index:Node": {"type": "object", "properties": {
            "next": {"$ref": "#/types/x:index:Node"},
            "children": {"type": "array", "items": {"$ref": "#/types/x:index:Node"}}
        }, "required": ["children"]}
    });
    bind_str(&pkg(json!({}), types).to_string()).expect("recursion through optional/array is valid");
}

#[test]
fn default_of_the_wrong_type() {
    assert_one(
        pkg(json!({"x:index:R": {"inputProperties": {"n": {"type": "integer", "default": "three"}}}}), json!({})),
        "#/resources/x:index:R/inputProperties/n/default",
        "does not match the property's type; expected an integer",
    );
}

#[test]
fn default_on_an_array() {
    assert_one(
        pkg(
            json!({"x:index:R": {"inputProperties": {"l": {"type": "array", "items": {"type": "string"}, "default": []}}}}),
            json!({}),
        ),
        "#/resources/x:index:R/inputProperties/l/default",
        "only allowed on boolean, integer, number, string and enum properties",
    );
}

#[test]
fn enum_default_not_among_values() {
    let types = json!({"x:index:Size": {"type": "string", "enum": [{"value": "small"}, {"value": "large"}]}});
    assert_one(
        pkg(
            json!({"x:index:R": {"inputProperties": {"s": {"$ref": "#/types/x:index:Size", "default": "medium"}}}}),
            types,
        ),
        "#/resources/x:index:R/inputProperties/s/default",
        "is not one of the enum's values",
    );
}

#[test]
fn array_without_items() {
    assert_one(
        pkg(json!({"x:index:R": {"properties": {"l": {"type": "array"}}}}), json!({})),
        "#/resources/x:index:R/properties/l",
        "array type has no `items`",
    );
}

#[test]
fn unknown_primitive_type() {
    assert_one(
        pkg(json!({"x:index:R": {"properties": {"s": {"type": "strin"}}}}), json!({})),
        "#/resources/x:index:R/properties/s/type",
        "unknown type `strin`",
    );
}

#[test]
fn property_without_a_type() {
    assert_one(
        pkg(json!({"x:index:R": {"properties": {"s": {"description": "no type"}}}}), json!({})),
        "#/resources/x:index:R/properties/s",
        "property has no type",
    );
}

#[test]
fn wrong_json_kind_in_a_field() {
    assert_one(
        pkg(json!({"x:index:R": {"requiredInputs": "accountId"}}), json!({})),
        "#/resources/x:index:R/requiredInputs",
        "invalid type: string \"accountId\", expected a sequence",
    );
}

#[test]
fn enum_value_of_the_wrong_kind_and_duplicates() {
    let types = json!({"x:index:Level": {"type": "integer", "enum": [{"value": 1}, {"value": "two"}, {"value": 1}]}});
    let errors = errors_of(&pkg(json!({}), types));
    let pointers: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(pointers, vec!["#/types/x:index:Level/enum/1/value", "#/types/x:index:Level/enum/2/value"]);
    assert!(errors[1].1.contains("appears twice"));
}

#[test]
fn bad_module_format_regex() {
    assert_one(json!({"name": "x", "meta": {"moduleFormat": "(.*"}}), "#/meta/moduleFormat", "not a valid regex");
}

#[test]
fn unknown_builtin_and_unparsable_external_ref() {
    let errors = errors_of(&pkg(
        json!({"x:index:R": {"properties": {
            "a": {"$ref": "pulumi.json#/Anything"},
            "b": {"$ref": "https://example.com/foo.json#/types/y:index:T"}
        }}}),
        json!({}),
    ));
    let pointers: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(pointers, vec!["#/resources/x:index:R/properties/a/$ref", "#/resources/x:index:R/properties/b/$ref"]);
    assert!(errors[0].1.contains("unknown built-in type"));
    assert!(errors[1].1.contains("expected `/<package>/v<version>/schema.json"));
}

#[test]
fn method_and_multi_argument_inputs_must_resolve() {
    let schema = json!({
        "name": "x",
        "resources": {"x:index:R": {"isComponent": true, "methods": {"run": "x:index:R/missing"}}},
        "functions": {"x:index:f": {"inputs": {"properties": {"a": {"type": "string"}}}, "multiArgumentInputs": ["a", "b"]}}
    });
    let errors = errors_of(&schema);
    let pointers: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(pointers, vec!["#/resources/x:index:R/methods/run", "#/functions/x:index:f/multiArgumentInputs/1"]);
}

#[test]
fn property_name_without_letters() {
    assert_one(
        pkg(json!({"x:index:R": {"properties": {"--": {"type": "string"}}}}), json!({})),
        "#/resources/x:index:R/properties/--",
        "has no letter or digit",
    );
}

#[test]
fn every_error_is_reported_in_one_run() {
    let schema = json!({
        "name": "x",
        "resources": {
            "x:index:A": {"properties": {"p": {"$ref": "#/types/x:index:Nope"}}, "required": ["q"]},
            "x:bad": {},
            "x:index:B": {"inputProperties": {"n": {"type": "number", "default": true}}}
        },
        "types": {"x:index:T": {"type": "object", "properties": {"l": {"type": "array"}}}},
        "functions": {"x:index:f": {"inputs": "not an object"}}
    });
    let errors = errors_of(&schema);
    let mut pointers: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    pointers.sort();
    assert_eq!(
        pointers,
        vec![
            "#/functions/x:index:f/inputs",
            "#/resources/x:bad",
            "#/resources/x:index:A/properties/p/$ref",
            "#/resources/x:index:A/required/0",
            "#/resources/x:index:B/inputProperties/n/default",
            "#/types/x:index:T/properties/l",
        ]
    );
}

#[test]
fn seed_schemas_bind_cleanly() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema");
    for name in ["alicloud.json", "kakaocloud.json"] {
        let (pkg, warnings) = bridgegen_model::load_package(&root.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(warnings.is_empty(), "{name}: {warnings:?}");
        assert_eq!(pkg.resources.len(), 1);
    }
}

#[test]
fn language_options_unknown_unsupported_or_malformed_are_warnings_at_their_pointer() {
    let schema = json!({
        "name": "x",
        "language": {
            "nodejs": {"packageName": "@x/x", "fooBar": 1},
            "python": {"packageName": ["not", "a", "string"], "liftSingleValueMethodReturns": true, "inputTypes": "dicts"},
            "go": {"importBasePath": "example.com/x", "disableObjectDefaults": "yes", "disableInputTypeRegistrations": false},
            "csharp": {"rootNamespace": "X", "dictionaryConstructors": true, "legacy": "y", "compatibility": "kubernetes21"},
            "java": {"whatever": true}
        }
    });
    let (pkg, warnings) = bind_str(&schema.to_string()).expect("warnings only");
    let got: Vec<(&str, &str)> = warnings.iter().map(|d| (d.pointer.as_str(), d.message.as_str())).collect();
    let pointers: Vec<&str> = got.iter().map(|g| g.0).collect();
    assert_eq!(
        pointers,
        vec![
            "#/language/nodejs/fooBar",
            "#/language/python/packageName",
            "#/language/python/inputTypes",
            "#/language/go/disableObjectDefaults",
            "#/language/csharp/legacy",
            "#/language/csharp/compatibility",
        ],
        "{got:#?}"
    );
    assert_eq!(
        got[0].1,
        "unknown nodejs language option `fooBar`; Pulumi's nodejs generator does not define it, it is ignored"
    );
    assert!(got[1].1.contains("should be a string"), "{}", got[1].1);
    assert!(got[2].1.contains("`dicts`") && got[2].1.contains("classes-and-dicts"), "{}", got[2].1);
    assert!(got[3].1.contains("should be true or false"), "{}", got[3].1);
    assert!(got[5].1.contains("not supported by bridgegen"), "{}", got[5].1);
    assert!(warnings.iter().all(|d| !d.is_error()));
    // The malformed option is dropped; the rest of its block still reaches the generators.
    let python = pkg.language_block("python").unwrap();
    assert!(python.get("packageName").is_none());
    assert_eq!(python["liftSingleValueMethodReturns"], json!(true));
    assert_eq!(pkg.language_block("java").unwrap()["whatever"], json!(true));
}
