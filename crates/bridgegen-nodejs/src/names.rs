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

/// The member name of an enum value, by Pulumi's rule: the schema `name`, else the value as
/// text; a lone digit or `*` spelled out (`One`, `Asterisk`); first letter upper-cased; every
/// character that cannot be in an identifier replaced by `_` (a leading digit gets a `_` before
/// it); runs of `_` collapsed; a leading `_` prefixed with the enum's name (`TlsVersion_1_0`).
pub fn enum_value_name(enum_name: &str, name: Option<&str>, value: &serde_json::Value) -> String {
    let raw = match name {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => value_text(value),
    };
    if raw.is_empty() {
        return "Empty".to_string();
    }
    let expanded = match raw.as_str() {
        "*" => "Asterisk".to_string(),
        d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => {
            ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]
                [usize::from(d.as_bytes()[0] - b'0')]
            .to_string()
        }
        _ => raw,
    };
    let mut ident = String::new();
    for (i, c) in upper_first_char(&expanded).chars().enumerate() {
        if !is_identifier_part(c) {
            ident.push('_');
        } else {
            if i == 0 && !is_identifier_start(c) {
                ident.push('_');
            }
            ident.push(c);
        }
    }
    let mut collapsed = String::with_capacity(ident.len());
    for c in ident.chars() {
        if !(c == '_' && collapsed.ends_with('_')) {
            collapsed.push(c);
        }
    }
    if collapsed.starts_with('_') {
        collapsed.insert_str(0, enum_name);
    }
    collapsed
}

/// An enum value as Go's `%v` prints it (Pulumi's generator names members after it):
/// integral numbers without a fraction, strings bare.
fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e21 => format!("{f:.0}"),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// Upper-cases the first character (Unicode-aware, as Pulumi's `UppercaseFirst`).
fn upper_first_char(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// May start a JavaScript identifier. Letters beyond ASCII count (ECMA-262 `ID_Start`,
/// approximated by Unicode alphabetic).
fn is_identifier_start(c: char) -> bool {
    c == '$' || c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// May continue a JavaScript identifier (digits beyond ASCII are replaced, to stay valid).
fn is_identifier_part(c: char) -> bool {
    is_identifier_start(c) || c.is_ascii_digit()
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
        // Pulumi's names for the corpus' enums (simple-enum-schema, azure-native).
        let n = |name: Option<&str>, v: serde_json::Value| enum_value_name("Kind", name, &v);
        assert_eq!(n(Some("red"), json!("red")), "Red");
        assert_eq!(n(None, json!("Pulumi Planters Inc.")), "Pulumi_Planters_Inc_");
        assert_eq!(n(None, json!("Plants'R'Us")), "Plants_R_Us");
        assert_eq!(n(None, json!("CloudEventSchemaV1_0")), "CloudEventSchemaV1_0");
        assert_eq!(n(None, json!("SystemAssigned, UserAssigned")), "SystemAssigned_UserAssigned");
        assert_eq!(n(None, json!("1.0")), "Kind_1_0");
        assert_eq!(n(None, json!("NO_NAME")), "NO_NAME");
        assert_eq!(n(None, json!("t2.micro")), "T2_micro");
        assert_eq!(n(None, json!("*")), "Asterisk");
        assert_eq!(n(None, json!(3)), "Three");
        assert_eq!(n(None, json!(6.0)), "Six");
        assert_eq!(n(None, json!(16.0)), "Kind_16");
        assert_eq!(n(None, json!(-1.5)), "Kind_1_5");
        assert_eq!(n(None, json!(true)), "True");
        assert_eq!(n(None, json!("")), "Empty");
        assert_eq!(n(None, json!("ünïcode")), "Ünïcode");
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
