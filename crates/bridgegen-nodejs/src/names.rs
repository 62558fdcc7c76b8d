//! Naming for the TypeScript SDK: the reserved words, casing and escaping rules.
//!
//! Keyword list sources: ECMAScript 2023 §12.7.2 "Keywords and Reserved Words"
//! (https://tc39.es/ecma262/#sec-keywords-and-reserved-words), plus the strict-mode
//! reserved words and TypeScript's reserved/contextual type names
//! (https://github.com/microsoft/TypeScript/blob/main/src/compiler/types.ts, `SyntaxKind`
//! keyword range). Wire names are never changed: a property keeps its schema name as the
//! key (`resourceInputs["class"]`); only identifiers we declare (classes, functions,
//! namespaces, module folders, parameters) are escaped.
//!
//! Escape rule: an identifier that is reserved, or that would shadow one of the names a
//! generated file imports (`pulumi`, `utilities`, `inputs`, `outputs`, `enums`), gets a
//! trailing `_` (`delete` -> `delete_`). No legacy overrides exist yet.

use heck::{ToLowerCamelCase, ToUpperCamelCase};

/// Words that cannot be a binding identifier in strict-mode ES modules or TypeScript
/// declarations (class, function, namespace, import alias, parameter names).
pub const RESERVED: &[&str] = &[
    // ECMAScript reserved words.
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    // Strict mode (modules and classes are always strict).
    "implements",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "static",
    // Not assignable / restricted in strict mode.
    "arguments",
    "eval",
    // TypeScript: cannot name a class, interface or type alias.
    "any",
    "boolean",
    "number",
    "string",
    "symbol",
    "never",
    "object",
    "unknown",
    "bigint",
    "undefined",
    "type",
    "global",
    // CommonJS: the compiler reserves these at the top level of a module.
    "module",
    "require",
    "exports",
];

/// Names every generated file may import; a user identifier must not shadow them.
pub const GENERATED_BINDINGS: &[&str] = &["pulumi", "utilities", "inputs", "outputs", "enums"];

/// Class members a resource class inherits or must not declare as a field; an output
/// property with such a name is kept on the wire but not declared as a class field.
pub const RESOURCE_MEMBERS: &[&str] = &[
    "constructor",
    "id",
    "urn",
    "__pulumiType",
    "getProvider",
    "prototype",
    "__pulumiResource",
    "__pulumiCustomResource",
    "__pulumiComponentResource",
    "__pulumiProviderResource",
];

/// A resource method's name: a property name (keywords are fine, `res.delete()`), with a
/// `_` added when it would replace a member every resource has (`getProvider`, `urn`).
pub fn method_name(raw: &str) -> String {
    let c = camel(raw);
    let mut name = if is_identifier_name(&c) { c } else { escape_identifier(&c) };
    if RESOURCE_MEMBERS.contains(&name.as_str()) || ["get", "isInstance"].contains(&name.as_str()) {
        name.push('_');
    }
    name
}

pub fn is_reserved(name: &str) -> bool {
    RESERVED.contains(&name) || GENERATED_BINDINGS.contains(&name)
}

/// Whether `s` is a valid ASCII JavaScript identifier name (any word, keywords included).
pub fn is_identifier_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// Turns arbitrary text into an identifier: non-identifier characters become word
/// breaks, a leading digit gets a `_` prefix, and reserved words a `_` suffix.
pub fn escape_identifier(s: &str) -> String {
    let mut out: String =
        s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '$' { c } else { '_' }).collect();
    if out.is_empty() {
        out.push('_');
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if is_reserved(&out) {
        out.push('_');
    }
    out
}

/// Splits on anything that is not alphanumeric before casing, so `foo-bar` and
/// `foo.bar` become `fooBar`; heck alone would keep some punctuation.
fn words(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect()
}

/// Keeps an existing camelCase spelling (`imageSharePermission`) instead of re-casing
/// acronyms, when the text is already an identifier starting with a letter.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// `camelCase` without escaping: identifiers keep their inner capitals
/// (`getVPCs` -> `getVPCs`); other text is split into words (`foo-bar` -> `fooBar`).
pub fn camel(s: &str) -> String {
    if is_identifier_name(s) && !s.contains('_') && !s.contains('$') {
        lower_first(s)
    } else {
        words(s).to_lower_camel_case()
    }
}

/// `PascalCase` without escaping, same rules as [`camel`].
pub fn pascal(s: &str) -> String {
    if is_identifier_name(s) && !s.contains('_') && !s.contains('$') {
        upper_first(s)
    } else {
        words(s).to_upper_camel_case()
    }
}

/// A declared identifier in camelCase (functions, module namespaces, folders).
pub fn camel_ident(s: &str) -> String {
    escape_identifier(&camel(s))
}

/// A declared identifier in PascalCase (classes, interfaces, enums).
pub fn pascal_ident(s: &str) -> String {
    escape_identifier(&pascal(s))
}

/// A file name (no extension) for a member of a module: the camelCase name, escaped so
/// it is also usable as an identifier in `require("./x")` callers.
pub fn file_name(member: &str) -> String {
    escape_identifier(&lower_leading_capitals(&pascal(member)))
}

/// Lowercases every character before the first lowercase one, as Pulumi names its files
/// (`APIService` -> `apiservice`, `CSIDriverList` -> `csidriverList`).
fn lower_leading_capitals(s: &str) -> String {
    match s.find(|c: char| c.is_ascii_lowercase()) {
        Some(i) => s[..i].to_ascii_lowercase() + &s[i..],
        None => s.to_ascii_lowercase(),
    }
}

/// A module path (`core/v1`, `foo-bar`) as its folder segments, each a valid identifier.
pub fn module_segments(module: &str) -> Vec<String> {
    module.split('/').filter(|s| !s.is_empty()).map(camel_ident).collect()
}

/// A property key as written in an interface or class body: bare when it is an
/// identifier name (keywords are fine as property names), quoted otherwise.
pub fn property_key(wire: &str) -> String {
    if is_identifier_name(wire) {
        wire.to_string()
    } else {
        js_string(wire)
    }
}

/// Reading property `wire` of `obj`: `obj.name` or `obj["x-y"]`.
pub fn property_access(obj: &str, wire: &str) -> String {
    if is_identifier_name(wire) {
        format!("{obj}.{wire}")
    } else {
        // `args?` (optional chaining) needs `args?.["x-y"]`.
        let dot = if obj.ends_with('?') { "." } else { "" };
        format!("{obj}{dot}[{}]", js_string(wire))
    }
}

/// A double-quoted JavaScript string literal (JSON escaping is valid JS, plus U+2028/9).
pub fn js_string(s: &str) -> String {
    let json = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    json.replace('\u{2028}', "\\u2028").replace('\u{2029}', "\\u2029")
}

/// A name for an enum value: the schema name if given, else derived from the value.
pub fn enum_value_name(name: Option<&str>, value: &serde_json::Value) -> String {
    let base = match name {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => match value {
            serde_json::Value::String(s) => {
                let p = pascal(s);
                if p.is_empty() {
                    if s.is_empty() {
                        "Empty".to_string()
                    } else {
                        "Value".to_string()
                    }
                } else {
                    p
                }
            }
            serde_json::Value::Bool(b) => pascal(&b.to_string()),
            other => format!("Value{}", other.to_string().replace(['-', '.', '+'], "_")),
        },
    };
    if is_identifier_name(&base) {
        base
    } else {
        let mut s: String = base.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
        if s.starts_with(|c: char| c.is_ascii_digit()) {
            s.insert(0, '_');
        }
        s
    }
}

/// A scope of TypeScript names (exports, files, members): a taken name gets `2`, `3`, ...;
/// names differing only in case clash (case-insensitive file systems, `index.ts` exports).
pub fn scope() -> bridgegen_codegen::UniqueNames {
    bridgegen_codegen::UniqueNames::new(bridgegen_codegen::Variant::Number { sep: "" }).ignoring_case()
}

/// Text safe inside a `/** ... */` block: the terminator is broken up.
pub fn doc_safe(s: &str) -> String {
    s.replace("*/", "*&#47;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_escaped() {
        for k in ["class", "delete", "default", "function", "import", "enum", "await", "yield", "let"] {
            assert_eq!(camel_ident(k), format!("{k}_"), "{k}");
        }
        assert_eq!(camel_ident("pulumi"), "pulumi_");
        assert_eq!(camel_ident("utilities"), "utilities_");
        assert_eq!(camel_ident("getFoo"), "getFoo");
    }

    #[test]
    fn casing_keeps_identifiers_and_splits_other_text() {
        assert_eq!(camel("ImageSharePermission"), "imageSharePermission");
        assert_eq!(camel("getVPCs"), "getVPCs");
        assert_eq!(camel("foo-bar"), "fooBar");
        assert_eq!(pascal("foo_bar"), "FooBar");
        assert_eq!(pascal("imageMember"), "ImageMember");
        assert_eq!(module_segments("core/v1"), vec!["core", "v1"]);
        assert_eq!(module_segments("my-module/default"), vec!["myModule", "default_"]);
    }

    #[test]
    fn file_names_lowercase_leading_capitals_like_pulumi() {
        assert_eq!(file_name("APIService"), "apiservice");
        assert_eq!(file_name("CSIDriverList"), "csidriverList");
        assert_eq!(file_name("imageSharePermission"), "imageSharePermission");
        assert_eq!(file_name("getVPCs"), "getVPCs");
        assert_eq!(file_name("Default"), "default_");
    }

    #[test]
    fn identifiers_from_arbitrary_text() {
        assert_eq!(escape_identifier("1abc"), "_1abc");
        assert_eq!(escape_identifier(""), "_");
        assert_eq!(escape_identifier("a b"), "a_b");
        assert_eq!(camel_ident("2fa"), "_2fa");
    }

    #[test]
    fn property_keys_and_access() {
        assert_eq!(property_key("accountId"), "accountId");
        assert_eq!(property_key("class"), "class");
        assert_eq!(property_key("$ref"), "$ref");
        assert_eq!(property_key("x-kubernetes-foo"), "\"x-kubernetes-foo\"");
        assert_eq!(property_access("args", "x-kubernetes-foo"), "args[\"x-kubernetes-foo\"]");
        assert_eq!(property_access("args", "default"), "args.default");
        assert_eq!(property_access("args?", "$ref"), "args?.$ref");
        assert_eq!(property_access("args?", "a-b"), "args?.[\"a-b\"]");
    }

    #[test]
    fn strings_and_docs() {
        assert_eq!(js_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(js_string("\u{2028}"), "\"\\u2028\"");
        assert_eq!(doc_safe("a */ b"), "a *&#47; b");
    }

    #[test]
    fn enum_value_names() {
        use serde_json::json;
        assert_eq!(enum_value_name(Some("Red"), &json!("red")), "Red");
        assert_eq!(enum_value_name(None, &json!("t2.micro")), "T2Micro");
        assert_eq!(enum_value_name(None, &json!("")), "Empty");
        assert_eq!(enum_value_name(None, &json!("123abc")), "_123abc");
        assert_eq!(enum_value_name(None, &json!(3)), "Value3");
        assert_eq!(enum_value_name(None, &json!(-1.5)), "Value_1_5");
        assert_eq!(enum_value_name(None, &json!(true)), "True");
    }

    #[test]
    fn method_names() {
        assert_eq!(method_name("delete"), "delete");
        assert_eq!(method_name("getProvider"), "getProvider_");
        assert_eq!(method_name("get-kubeconfig"), "getKubeconfig");
    }

    #[test]
    fn unique_names() {
        let mut taken = scope();
        assert_eq!(taken.take("Foo"), "Foo");
        assert_eq!(taken.take("foo"), "foo2");
        assert_eq!(taken.take("Foo"), "Foo3");
    }
}
