//! The Go language options (`language.go`) Pulumi's generator honours, one behaviour each:
//! a small schema generated with and without the option, the generated code's shape
//! asserted, and the SDK with the option built and vetted by the real toolchain (skipped
//! without it).

mod support;

use bridgegen_codegen::{GeneratedFile, Generator};
use bridgegen_go::GoGenerator;
use bridgegen_test_support::require;
use serde_json::{json, Value};
use support::{build_and_vet_files, go_ready};

/// A resource (with an input of another module's type), an object type only a function reaches, and functions returning an object
/// and a plain value.
fn schema() -> Value {
    json!({
        "name": "opt", "version": "1.2.3",
        "language": {"go": {"importBasePath": "example.com/opt/sdk/go/opt"}},
        "types": {
            "opt:index:Filter": {"type": "object", "properties": {
                "name": {"type": "string"}, "values": {"type": "array", "items": {"type": "string"}}}},
            "opt:index:Item": {"type": "object", "properties": {
                "id": {"type": "string"}, "size": {"type": "integer", "default": 4}}},
            "opt:net:Rule": {"type": "object", "properties": {"port": {"type": "integer"}}},
            "opt:index:Settings": {"type": "object", "properties": {
                "mode": {"type": "string", "default": "fast"}}}
        },
        "resources": {"opt:index:Box": {
            "inputProperties": {
                "settings": {"$ref": "#/types/opt:index:Settings"},
                "region": {"type": "string", "default": "here"},
                "rule": {"$ref": "#/types/opt:net:Rule"}},
            "properties": {"settings": {"$ref": "#/types/opt:index:Settings"}}
        }},
        "functions": {
            "opt:index:getItems": {
                "inputs": {"properties": {
                    "filters": {"type": "array", "items": {"$ref": "#/types/opt:index:Filter"}},
                    "limit": {"type": "integer", "default": 10}}},
                "outputs": {"properties": {"items": {"type": "array", "items": {"$ref": "#/types/opt:index:Item"}}},
                    "required": ["items"]}
            },
            "opt:index:getName": {"inputs": {"properties": {"id": {"type": "string"}}}, "outputs": {"type": "string"}}
        }
    })
}

/// The SDK of `schema` with `language.go` extended by `opts`.
fn generate(mut schema: Value, opts: Value) -> Vec<GeneratedFile> {
    let go = schema["language"]["go"].as_object_mut().unwrap();
    go.extend(opts.as_object().unwrap().clone());
    let (pkg, _) = bridgegen_model::bind_str(&schema.to_string()).expect("schema binds");
    GoGenerator.generate(&pkg).expect("generates")
}

/// The text of the generated file `path` ("" when absent).
fn text(files: &[GeneratedFile], path: &str) -> String {
    files.iter().find(|f| f.path == path).map(|f| String::from_utf8_lossy(&f.contents).into_owned()).unwrap_or_default()
}

fn build(files: &[GeneratedFile], what: &str) {
    require!(go_ready());
    build_and_vet_files(files, what);
}

/// `disableFunctionOutputVersions`: no `<F>Output` forms, and the input and output types
/// only they reach are left out (Pulumi's generator leaves the types out too); with
/// `generateExtraInputTypes` both are back.
#[test]
fn disable_function_output_versions_drops_output_forms_and_their_types() {
    let on = json!({"disableFunctionOutputVersions": true});
    let base = generate(schema(), json!({}));
    let off = generate(schema(), on.clone());
    let extra = generate(schema(), json!({"disableFunctionOutputVersions": true, "generateExtraInputTypes": true}));
    for (files, outputs) in [(&base, true), (&off, false), (&extra, true)] {
        let items = text(files, "getItems.go");
        assert!(items.contains("func GetItems(ctx *pulumi.Context"), "{items}");
        assert!(items.contains("type GetItemsResult struct"), "{items}");
        assert_eq!(items.contains("func GetItemsOutput("), outputs, "{items}");
        assert_eq!(items.contains("type GetItemsResultOutput struct"), outputs, "{items}");
        assert_eq!(text(files, "getName.go").contains("func GetNameOutput("), outputs);
        let types = text(files, "pulumiTypes.go");
        assert!(types.contains("type Item struct") && types.contains("type Filter struct"), "{types}");
        assert_eq!(types.contains("type ItemArrayOutput struct"), outputs, "{types}");
        assert_eq!(types.contains("type FilterArrayInput interface"), outputs, "{types}");
        // The resource's own types stay.
        assert!(types.contains("type SettingsPtrInput interface"), "{types}");
    }
    build(&off, "disableFunctionOutputVersions");
}

/// `disableObjectDefaults`: no `Defaults()` methods anywhere (object types, function args and
/// results), and constructors apply none; a resource's own input defaults are still set.
#[test]
fn disable_object_defaults_drops_defaults_methods() {
    let base = generate(schema(), json!({}));
    let off = generate(schema(), json!({"disableObjectDefaults": true}));
    let defaults =
        |files: &[GeneratedFile]| files.iter().filter(|f| text(files, &f.path).contains("Defaults()")).count();
    assert!(text(&base, "pulumiTypes.go").contains("func (val *Settings) Defaults() *Settings"));
    assert!(text(&base, "box.go").contains("ToSettingsPtrOutput().ApplyT"));
    assert!(text(&base, "getItems.go").contains("args.Defaults()"));
    assert!(defaults(&base) > 0);
    assert_eq!(defaults(&off), 0, "{:?}", off.iter().map(|f| &f.path).collect::<Vec<_>>());
    let boxgo = text(&off, "box.go");
    assert!(boxgo.contains("if args.Region == nil {"), "{boxgo}");
    assert!(text(&off, "getItems.go").contains("ctx.Invoke(\"opt:index:getItems\", args, &rv, opts...)"));
    build(&off, "disableObjectDefaults");
}

/// `omitExtraInputTypes`: always in effect (Pulumi's generator declares it and reads it
/// nowhere): the SDK is the same with it, and has no input forms of the types only outputs
/// reach.
#[test]
fn omit_extra_input_types_is_the_default() {
    let base = generate(schema(), json!({}));
    assert!(generate(schema(), json!({"omitExtraInputTypes": true})) == base);
    let types = text(&base, "pulumiTypes.go");
    assert!(types.contains("type ItemOutput struct") && !types.contains("type ItemInput interface"), "{types}");
    let extra = text(&generate(schema(), json!({"generateExtraInputTypes": true})), "pulumiTypes.go");
    assert!(extra.contains("type ItemInput interface"), "{extra}");
}

/// `packageImportAliases`: a package of the SDK is imported under its alias, and its types
/// are spelled with it.
#[test]
fn package_import_aliases_name_the_imports() {
    let base = text(&generate(schema(), json!({})), "box.go");
    assert!(base.contains("\"example.com/opt/sdk/go/opt/net\"") && base.contains(" net.RulePtrInput"), "{base}");
    let aliases = json!({"packageImportAliases": {"example.com/opt/sdk/go/opt/net": "optnet"}});
    let files = generate(schema(), aliases);
    let boxgo = text(&files, "box.go");
    assert!(boxgo.contains("\toptnet \"example.com/opt/sdk/go/opt/net\"\n"), "{boxgo}");
    assert!(boxgo.contains(" optnet.RulePtrInput") && !boxgo.contains(" net."), "{boxgo}");
    build(&files, "packageImportAliases");
}

/// `internalDependencies`: blank imports in `init.go` (so `go mod tidy` keeps the modules).
#[test]
fn internal_dependencies_are_blank_imports_of_init() {
    assert!(!text(&generate(schema(), json!({})), "init.go").contains("_ \""));
    let files = generate(schema(), json!({"internalDependencies": ["time/tzdata", "github.com/blang/semver"]}));
    let init = text(&files, "init.go");
    assert!(init.contains("\t_ \"time/tzdata\"\n"), "{init}");
    // A path the file imports anyway keeps its named import (a blank one instead would leave
    // `semver` undefined, as Pulumi's generator does).
    assert!(init.contains("\t\"github.com/blang/semver\"\n") && !init.contains("_ \"github.com/blang"), "{init}");
    build(&files, "internalDependencies");
}

/// `modulePath`: go.mod declares that module at the top, and the SDK's packages sit in the
/// folder of the import base path inside it; a module not containing the import base path is
/// an error naming the option.
#[test]
fn module_path_puts_the_sdk_below_its_module() {
    let base = generate(schema(), json!({}));
    assert!(text(&base, "go.mod").starts_with("module example.com/opt/sdk/go/opt\n"));
    let files = generate(schema(), json!({"modulePath": "example.com/opt/sdk"}));
    assert!(text(&files, "go.mod").starts_with("module example.com/opt/sdk\n"));
    let mut paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).filter(|p| *p != "go.mod").collect();
    assert!(paths.iter().all(|p| p.starts_with("go/opt/")), "{paths:?}");
    paths.sort_unstable();
    let mut moved: Vec<String> =
        base.iter().filter(|f| f.path != "go.mod").map(|f| format!("go/opt/{}", f.path)).collect();
    moved.sort_unstable();
    assert_eq!(paths, moved);
    // The code is the same (its import paths were the import base path's already).
    assert_eq!(text(&files, "go/opt/box.go"), text(&base, "box.go"));
    let mut bad = schema();
    bad["language"]["go"]["modulePath"] = json!("example.com/other");
    let (pkg, _) = bridgegen_model::bind_str(&bad.to_string()).unwrap();
    let err = GoGenerator.generate(&pkg).unwrap_err().to_string();
    assert!(err.contains("#/language/go/modulePath") && err.contains("example.com/opt/sdk/go/opt"), "{err}");
    build(&files, "modulePath");
}

/// `importPathPattern`: Pulumi's generators read it for programs only (how a program imports
/// a package's modules); an SDK is the same with it.
#[test]
fn import_path_pattern_leaves_the_sdk_alone() {
    let with = generate(schema(), json!({"importPathPattern": "example.com/opt/sdk/go/opt/{module}/v2"}));
    assert!(with == generate(schema(), json!({})));
}
