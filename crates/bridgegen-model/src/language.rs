//! The package-level language options (`language.nodejs`, `.python`, `.go`, `.csharp`):
//! every option Pulumi's own generators accept for each language (pkg/v3 `codegen/<lang>/
//! importer.go`, and pulumi-dotnet's for C#), its JSON shape, and whether bridgegen's
//! generator for that language honours it.
//!
//! Binding checks each block here once: an unknown option, a known one bridgegen does not
//! honour (set to something other than its default), and a value of the wrong shape each
//! become a warning with the option's JSON pointer. Options of the wrong shape are dropped
//! from the bound package, so a generator decoding the block never loses the whole block to
//! one bad field.

use bridgegen_schema::{Diagnostic, Pointer};
use serde_json::Value;

use crate::model::LanguageMap;

/// The JSON shape an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Str,
    Bool,
    Integer,
    /// An object of strings (`{"pulumi": ">=3"}`).
    StrMap,
    StrList,
    /// Any object (`pyproject: {"enabled": true}`).
    Obj,
}

impl Shape {
    fn accepts(self, v: &Value) -> bool {
        match self {
            Shape::Str => v.is_string(),
            Shape::Bool => v.is_boolean(),
            Shape::Integer => v.is_i64() || v.is_u64(),
            Shape::StrMap => v.as_object().is_some_and(|o| o.values().all(Value::is_string)),
            Shape::StrList => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
            Shape::Obj => v.is_object(),
        }
    }

    fn expected(self) -> &'static str {
        match self {
            Shape::Str => "a string",
            Shape::Bool => "true or false",
            Shape::Integer => "an integer",
            Shape::StrMap => "an object whose values are strings",
            Shape::StrList => "an array of strings",
            Shape::Obj => "an object",
        }
    }
}

/// What bridgegen's generator does with an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// Read and applied (or always in effect, e.g. `respectSchemaVersion`).
    Honoured,
    /// Honoured for these string values only.
    Values(&'static [&'static str]),
    /// Accepted but not applied: what bridgegen does instead.
    Unsupported(&'static str),
}

/// One package-level language option.
#[derive(Debug, Clone, Copy)]
pub struct LanguageOption {
    pub name: &'static str,
    pub shape: Shape,
    pub support: Support,
}

const fn opt(name: &'static str, shape: Shape, support: Support) -> LanguageOption {
    LanguageOption { name, shape, support }
}

use Shape::*;
use Support::*;

const NODEJS: &[LanguageOption] = &[
    opt("packageName", Str, Honoured),
    opt("packageDescription", Str, Honoured),
    opt("readme", Str, Honoured),
    opt("dependencies", StrMap, Honoured),
    opt("devDependencies", StrMap, Honoured),
    opt("peerDependencies", StrMap, Honoured),
    opt("resolutions", StrMap, Honoured),
    opt("typescriptVersion", Str, Honoured),
    opt("moduleToPackage", StrMap, Honoured),
    opt("compatibility", Str, Values(&["kubernetes20", "tfbridge20"])),
    opt("disableUnionOutputTypes", Bool, Honoured),
    // Always in effect: the enums module is always written.
    opt("containsEnums", Bool, Honoured),
    opt("providerNameToModuleName", StrMap, Honoured),
    opt("extraTypeScriptFiles", StrList, Honoured),
    opt("liftSingleValueMethodReturns", Bool, Honoured),
    // Always in effect: package.json carries the schema's version.
    opt("respectSchemaVersion", Bool, Honoured),
    opt("useTypeOnlyReferences", Bool, Honoured),
];

const PYTHON: &[LanguageOption] = &[
    opt("packageName", Str, Honoured),
    opt("pythonRequires", Str, Honoured),
    opt("requires", StrMap, Honoured),
    opt("readme", Str, Honoured),
    opt("moduleNameOverrides", StrMap, Honoured),
    opt("compatibility", Str, Values(&["kubernetes20", "tfbridge20"])),
    // Deprecated by Pulumi; input/output classes are always generated.
    opt("usesIOClasses", Bool, Honoured),
    opt("liftSingleValueMethodReturns", Bool, Honoured),
    // Always in effect: pyproject.toml carries the schema's version.
    opt("respectSchemaVersion", Bool, Honoured),
    // Always in effect: pyproject.toml is always written (never setup.py).
    opt("pyproject", Obj, Honoured),
    // `classes` drops the TypedDicts; the header still imports TypedDict (harmless).
    opt("inputTypes", Str, Values(&["classes-and-dicts", "classes"])),
];

const GO: &[LanguageOption] = &[
    opt("importBasePath", Str, Honoured),
    opt("modulePath", Str, Honoured),
    opt("rootPackageName", Str, Honoured),
    opt("moduleToPackage", StrMap, Honoured),
    opt("packageImportAliases", StrMap, Honoured),
    // For programs only (how one imports a package's modules): Pulumi's SDK generator does
    // not read it, and neither does bridgegen's.
    opt("importPathPattern", Str, Honoured),
    // Always in effect: resources get their array and map types.
    opt("generateResourceContainerTypes", Bool, Honoured),
    // Pulumi reads it only for its docs' links to the Go SDK's `pulumi` types (its Go SDK is
    // the same with it); bridgegen's docs have no such links yet.
    opt("pulumiSDKVersion", Integer, Unsupported("the docs have no links to the Go SDK's pulumi types")),
    // Also drops the Output forms (Pulumi's generator keeps them, referencing the types it
    // drops, so its SDK does not compile).
    opt("disableFunctionOutputVersions", Bool, Honoured),
    opt("liftSingleValueMethodReturns", Bool, Honoured),
    opt("disableInputTypeRegistrations", Bool, Honoured),
    opt("internalModuleName", Str, Honoured),
    opt("disableObjectDefaults", Bool, Honoured),
    opt("generateExtraInputTypes", Bool, Honoured),
    // Always in effect: input types are emitted only for the types inputs reach (Pulumi's
    // generator declares the option and reads it nowhere; its output is the same either way).
    opt("omitExtraInputTypes", Bool, Honoured),
    // Always in effect: the package version is the schema's.
    opt("respectSchemaVersion", Bool, Honoured),
    opt("internalDependencies", StrList, Honoured),
    opt("generics", Str, Values(&["none", "side-by-side"])),
];

const CSHARP: &[LanguageOption] = &[
    opt("packageReferences", StrMap, Honoured),
    opt("namespaces", StrMap, Honoured),
    opt("compatibility", Str, Values(&["kubernetes20", "tfbridge20"])),
    opt("dictionaryConstructors", Bool, Honoured),
    opt("projectReferences", StrList, Honoured),
    opt("liftSingleValueMethodReturns", Bool, Honoured),
    opt("rootNamespace", Str, Honoured),
    // Always in effect: the project version is the schema's.
    opt("respectSchemaVersion", Bool, Honoured),
    // bridgegen's own: the project's <TargetFramework>.
    opt("targetFramework", Str, Honoured),
];

/// The package-level options of `lang` (`nodejs`, `python`, `go`, `csharp`); `None` for a
/// language bridgegen does not generate (its block is left alone).
pub fn language_options(lang: &str) -> Option<&'static [LanguageOption]> {
    match lang {
        "nodejs" => Some(NODEJS),
        "python" => Some(PYTHON),
        "go" => Some(GO),
        "csharp" => Some(CSHARP),
        _ => None,
    }
}

/// Whether the `lang` SDK of `pkg` has a config module: the package has config variables and
/// the language block's `compatibility` is not `kubernetes20` (Pulumi's generators write no
/// config module for Kubernetes, whose SDK reads none).
pub fn has_config_module(pkg: &crate::Package, lang: &str) -> bool {
    let compat = pkg.language_block(lang).and_then(|b| b.get("compatibility")).and_then(Value::as_str);
    !pkg.config.is_empty() && compat != Some("kubernetes20")
}

/// The default of an option: absent, `null`, `false`, `""`, `{}` or `[]`.
fn is_default(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Number(_) => false,
    }
}

/// Checks every language block of `language` (the schema's top-level `language`), pushing
/// warnings, and returns the blocks with the options of the wrong shape removed.
pub(crate) fn check_language_options(language: &LanguageMap, diags: &mut Vec<Diagnostic>) -> LanguageMap {
    let root = Pointer::root().key("language");
    let mut out = language.clone();
    for (lang, block) in language {
        let Some(known) = language_options(lang) else { continue };
        let ptr = root.key(lang);
        let Some(fields) = block.as_object() else {
            diags.push(Diagnostic::warning(
                &ptr,
                format!(
                    "the {lang} language block is not an object; expected an object of {lang} options, it is ignored"
                ),
            ));
            out.shift_remove(lang);
            continue;
        };
        let mut kept = fields.clone();
        for (name, value) in fields {
            let at = ptr.key(name);
            let Some(o) = known.iter().find(|o| o.name == name) else {
                diags.push(Diagnostic::warning(
                    &at,
                    format!("unknown {lang} language option `{name}`; Pulumi's {lang} generator does not define it, it is ignored"),
                ));
                continue;
            };
            if value.is_null() {
                continue;
            }
            if !o.shape.accepts(value) {
                diags.push(Diagnostic::warning(
                    &at,
                    format!("{lang} language option `{name}` should be {}; it is ignored", o.shape.expected()),
                ));
                kept.remove(name);
                continue;
            }
            match o.support {
                Honoured => {}
                Values(ok) => {
                    let s = value.as_str().unwrap_or_default();
                    if !s.is_empty() && !ok.contains(&s) {
                        diags.push(Diagnostic::warning(
                            &at,
                            format!(
                                "{lang} language option `{name}` = `{s}` is not supported by bridgegen (supported: {}); it is ignored",
                                ok.join(", ")
                            ),
                        ));
                    }
                }
                Unsupported(instead) if !is_default(value) => diags.push(Diagnostic::warning(
                    &at,
                    format!("{lang} language option `{name}` is not supported by bridgegen and is ignored: {instead}"),
                )),
                Unsupported(_) => {}
            }
        }
        out.insert(lang.clone(), Value::Object(kept));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(language: Value) -> (Vec<(String, String)>, LanguageMap) {
        let map: LanguageMap = serde_json::from_value(language).unwrap();
        let mut diags = Vec::new();
        let out = check_language_options(&map, &mut diags);
        assert!(diags.iter().all(|d| !d.is_error()));
        (diags.into_iter().map(|d| (d.pointer, d.message)).collect(), out)
    }

    #[test]
    fn every_language_lists_each_option_once() {
        for lang in ["nodejs", "python", "go", "csharp"] {
            let opts = language_options(lang).unwrap();
            let mut names: Vec<_> = opts.iter().map(|o| o.name).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), opts.len(), "{lang}");
        }
        assert!(language_options("java").is_none());
    }

    #[test]
    fn defaults_of_unsupported_options_and_other_languages_are_quiet() {
        let (diags, out) = run(json!({
            "go": {"disableObjectDefaults": false, "importBasePath": "x"},
            "java": {"anything": 1},
            "csharp": {"compatibility": ""}
        }));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(out["java"], json!({"anything": 1}));
    }

    #[test]
    fn a_malformed_option_is_dropped_and_the_rest_kept() {
        let (diags, out) = run(json!({"python": {"packageName": 3, "requires": {"pulumi": ">=3"}}}));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].0, "#/language/python/packageName");
        assert!(diags[0].1.contains("should be a string"), "{}", diags[0].1);
        assert_eq!(out["python"], json!({"requires": {"pulumi": ">=3"}}));
    }

    #[test]
    fn unsupported_values_are_named() {
        let (diags, _) = run(json!({
            "python": {"inputTypes": "dicts"},
            "nodejs": {"compatibility": "tfbridge20"},
            "csharp": {"compatibility": "tfbridge20"}
        }));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].0, "#/language/python/inputTypes");
        assert!(diags[0].1.contains("`dicts`"), "{}", diags[0].1);
        let (diags, _) = run(json!({"go": {"generics": "only"}}));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].1.contains("`only`") && diags[0].1.contains("supported: none, side-by-side"),
            "{}",
            diags[0].1
        );
        // Every language honours both compatibility modes.
        let (diags, _) = run(json!({
            "nodejs": {"compatibility": "kubernetes20"},
            "python": {"compatibility": "kubernetes20"},
            "csharp": {"compatibility": "kubernetes20"}
        }));
        assert!(diags.is_empty(), "{diags:?}");
    }
}
