//! Python naming: casing, keyword/reserved-name escaping, string and docstring literals.
//!
//! Rules (one place, used by the SDK generator and by [`crate::docs::PythonDocs`]):
//! - properties, parameters, functions and file names are `snake_case` (heck);
//! - classes keep the token's member name, first letter upper-cased, non-identifier
//!   characters replaced by `_`;
//! - a name that is a Python keyword, or one of the names generated code itself relies on
//!   in the same scope ([`RESERVED`]), gets a trailing `_` (`from` -> `from_`); the wire
//!   name is kept and emitted beside it (`@pulumi.getter(name="from")`);
//! - `language.python.name` on a property is ignored, as Pulumi's generator ignores it
//!   (`lambda` is `lambda_`, not its alias), so SDKs stay drop-in compatible.

use bridgegen_model::description::{Doc, Language};
use heck::{ToShoutySnakeCase, ToSnakeCase};

/// Python 3 hard keywords: <https://docs.python.org/3/reference/lexical_analysis.html#keywords>.
/// Soft keywords (`match`, `case`, `type`, `_`) are valid identifiers and are not escaped.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Names the generated modules import or call by bare name in class and function scope.
/// A user identifier spelled like one of these would shadow it (a property `Optional`
/// would break every later annotation in its class), so these are escaped like keywords.
/// Python builtins in general are NOT escaped (annotations use `_builtins.str`, as
/// Pulumi's own SDKs do), except the few the generated bodies call by name.
pub const RESERVED: &[&str] = &[
    // modules and names imported by every generated file
    "pulumi",
    "warnings",
    "sys",
    "typing",
    "builtins",
    "types",
    "Any",
    "Mapping",
    "Optional",
    "Sequence",
    "Union",
    "overload",
    "TypedDict",
    "NotRequired",
    "TypeAlias",
    "Enum",
    "Awaitable",
    // builtins the generated code uses by bare name inside bodies and signatures
    "str",
    "dict",
    "super",
    "isinstance",
    "TypeError",
    "staticmethod",
    "self",
];

/// Parameter names of resource constructors and `get`; a property with one of these
/// names is escaped in resource classes only. `args` is not among them: the constructor
/// takes the args object only when it is an instance of the resource's Args class, so a
/// property named `args` passes through as a keyword (as in Pulumi's SDKs).
pub const RESOURCE_RESERVED: &[&str] = &[
    "resource_name",
    "opts",
    "id",
    "urn",
    "kwargs",
    "get",
    "translate_output_property",
    "translate_input_property",
    "register_outputs",
    "get_provider",
];

/// Function parameter names the generated invoke wrappers use.
pub const FUNCTION_RESERVED: &[&str] = &["opts"];

/// Members of `dict` (output types subclass `dict`) that generated code and the
/// copy/pickle/json machinery call on output values (`copy.deepcopy`, `pickle` and
/// `json.dumps` call `items()`, the runtime `keys()`; output classes define `get` for dict-style access); a
/// getter with one of these names would break them, so output classes escape these
/// (`items` -> `items_`). Pulumi's generator does not: a bug we keep out.
pub const DICT_RESERVED: &[&str] = &["get", "items", "keys"];

/// The other `dict` methods: getters may take these names (`timeouts.update`,
/// `requirement.values`, as in Pulumi's SDKs: dict merging and copying take the
/// dict's own storage, not these methods); the type checker is told the override is intended.
pub const DICT_SHADOWED: &[&str] = &["clear", "copy", "fromkeys", "pop", "popitem", "setdefault", "update", "values"];

/// Python 2 keywords that are identifiers in Python 3. Pulumi's generator escapes them
/// too (`exec` -> `exec_`); we follow it so attribute names match its SDKs.
pub const PY2_KEYWORDS: &[&str] = &["exec", "print"];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s) || PY2_KEYWORDS.contains(&s)
}

/// True when `s` is a valid Python identifier (ASCII subset plus any alphanumerics).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Replaces every character that cannot appear in an identifier by `_` and makes sure
/// the result does not start with a digit. Never returns an empty string.
pub fn sanitize(s: &str) -> String {
    let mut out: String = s.chars().map(|c| if c == '_' || c.is_alphanumeric() { c } else { '_' }).collect();
    if out.is_empty() {
        out.push('_');
    }
    if out.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// Appends `_` while `name` is a keyword or in one of `reserved`.
pub fn escape(name: String, reserved: &[&[&str]]) -> String {
    let mut name = name;
    while is_keyword(&name) || RESERVED.contains(&name.as_str()) || reserved.iter().any(|r| r.contains(&name.as_str()))
    {
        name.push('_');
    }
    name
}

/// `snake_case` for a wire name: `accountId` -> `account_id`, `x-kubernetes-foo` ->
/// `x_kubernetes_foo`, `$ref` -> `ref`. Never empty, never starts with a digit.
pub fn snake(name: &str) -> String {
    let s = plural_acronyms(name).to_snake_case();
    let s = if s.is_empty() { sanitize(name) } else { s };
    let s = sanitize(&s);
    // heck drops leading underscores; keep identifiers from starting with `__` (mangling).
    if s.trim_start_matches('_').is_empty() {
        "_".to_string()
    } else if s.starts_with("__") {
        s.trim_start_matches('_').to_string()
    } else {
        s
    }
}

/// Lowercases a plural acronym (`podCIDRs` -> `podCidrs`, `nonResourceURLs` -> `nonResourceUrls`)
/// so that snake case keeps it one word (`pod_cidrs`), as Pulumi's names do; `IPsec` stays.
fn plural_acronyms(name: &str) -> String {
    let b = name.as_bytes();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i].is_ascii_uppercase() {
            i += 1;
        }
        let run = i - start;
        let plural = run >= 2 && b.get(i) == Some(&b's') && !b.get(i + 1).is_some_and(|c| c.is_ascii_lowercase());
        if plural {
            out.push_str(&name[start..start + 1]);
            out.push_str(&name[start + 1..i].to_ascii_lowercase());
        } else if run > 0 {
            out.push_str(&name[start..i]);
        } else {
            let c = name[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// A property name in a context with extra reserved names (already escaped).
pub fn property_name(name: &str, reserved: &[&[&str]]) -> String {
    escape(snake(name), reserved)
}

/// Names for a whole property list: escaped, then made unique in order (`ref`, `ref_`).
pub fn unique_names(bases: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = bridgegen_codegen::UniqueNames::new(bridgegen_codegen::Variant::Underscore);
    bases.into_iter().map(|n| seen.take(&n)).collect()
}

/// A class name from a token member name: `imageSharePermission` -> `ImageSharePermission`.
pub fn class_name(name: &str) -> String {
    let s = sanitize(name);
    let mut chars = s.chars();
    let first = chars.next().unwrap_or('_');
    let s: String = first.to_uppercase().chain(chars).collect();
    escape(s, &[])
}

/// A module file stem or function name: `getImages` -> `get_images`.
pub fn function_name(name: &str) -> String {
    escape(snake(name), &[])
}

/// One path component of a Python package (`ecs`, `core`, `v1`, `my_mod` for `my-mod`).
pub fn module_component(name: &str) -> String {
    let s = sanitize(&name.to_lowercase());
    escape(s, &[])
}

/// An enum member name: `SystemAssigned` -> `SYSTEM_ASSIGNED`; values that give no
/// letters get `VALUE_` in front (`1.5` -> `VALUE_1_5`); empty -> `EMPTY`.
pub fn enum_member(name: &str) -> String {
    let shouty = name.to_shouty_snake_case();
    let base = if shouty.is_empty() {
        let cleaned: String = sanitize(name).trim_matches('_').to_uppercase();
        if cleaned.is_empty() {
            "EMPTY".to_string()
        } else {
            cleaned
        }
    } else {
        sanitize(&shouty).trim_matches('_').to_string()
    };
    let base = if base.is_empty() { "EMPTY".to_string() } else { base };
    let base = if base.chars().next().is_some_and(|c| c.is_ascii_digit()) { format!("VALUE_{base}") } else { base };
    escape(base, &[&["MRO"]])
}

/// A double-quoted Python string literal with every special character escaped.
pub fn str_lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text made safe for the inside of a `"""` docstring: backslashes doubled, every `"`
/// that could close the string escaped, control characters written as escapes.
pub fn doc_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => {
                // A run of three or more quotes could close the docstring: escape it; a
                // quote at the very end would merge with the closing `"""`.
                let mut run = 1;
                while i < chars.len() && chars[i] == '"' {
                    run += 1;
                    i += 1;
                }
                if run >= 3 || i == chars.len() {
                    out.push_str(&"\\\"".repeat(run));
                } else {
                    out.push_str(&"\"".repeat(run));
                }
            }
            '\r' => {}
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            // Line separators would end a physical line in some tools; keep them escaped.
            c if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0c}' | '\u{0b}') => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// A whole docstring block at `indent`: opening `"""`, the escaped lines, closing `"""`,
/// each line ending with `\n`. Empty when `text` is blank.
pub fn docstring(text: &str, indent: &str) -> String {
    let text = text.trim_end();
    if text.trim().is_empty() {
        return String::new();
    }
    let mut out = format!("{indent}\"\"\"\n");
    for line in doc_text(text).lines() {
        let line = line.trim_end();
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str(indent);
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(indent);
    out.push_str("\"\"\"\n");
    out
}

/// A description as a Python docstring shows it: prose and Python examples, without
/// shortcodes or other languages' code (from the model's parse of the element).
pub fn clean_description(doc: &Doc) -> String {
    doc.for_language(Language::Python).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_cases() {
        assert_eq!(snake("podCIDRs"), "pod_cidrs");
        assert_eq!(snake("nonResourceURLs"), "non_resource_urls");
        assert_eq!(snake("externalIPs"), "external_ips");
        assert_eq!(snake("IPsecPolicy"), "i_psec_policy");
        assert_eq!(snake("HTTPServer"), "http_server");
        assert_eq!(snake("accountId"), "account_id");
        assert_eq!(snake("imageSharePermission"), "image_share_permission");
        assert_eq!(snake("x-kubernetes-foo"), "x_kubernetes_foo");
        assert_eq!(snake("$ref"), "ref");
        assert_eq!(snake("ipv6CidrBlock"), "ipv6_cidr_block");
        assert_eq!(snake("1st"), "_1st");
        assert_eq!(snake("$"), "_");
        assert_eq!(snake("__private"), "private");
    }

    #[test]
    fn keywords_and_reserved_escape() {
        assert_eq!(property_name("from", &[]), "from_");
        assert_eq!(property_name("lambda", &[]), "lambda_");
        assert_eq!(property_name("None", &[]), "none"); // snake-cased first, then fine
        assert_eq!(property_name("pulumi", &[]), "pulumi_");
        assert_eq!(property_name("Optional", &[]), "optional");
        assert_eq!(property_name("id", &[RESOURCE_RESERVED]), "id_");
        assert_eq!(property_name("id", &[]), "id");
        assert_eq!(property_name("items", &[DICT_RESERVED]), "items_");
        // builtins other than the few used by generated code stay as they are
        assert_eq!(property_name("type", &[]), "type");
        assert_eq!(property_name("format", &[]), "format");
        assert_eq!(property_name("str", &[]), "str_");
        assert_eq!(property_name("exec", &[]), "exec_"); // a Python 2 keyword, as Pulumi escapes it
        assert_eq!(property_name("args", &[RESOURCE_RESERVED]), "args");
        assert_eq!(property_name("values", &[DICT_RESERVED]), "values");
        for k in KEYWORDS {
            let n = property_name(k, &[]);
            assert!(!is_keyword(&n) && is_identifier(&n), "{k} -> {n}");
        }
    }

    #[test]
    fn classes_and_modules() {
        assert_eq!(class_name("ImageSharePermission"), "ImageSharePermission");
        assert_eq!(class_name("imageMember"), "ImageMember");
        assert_eq!(class_name("None"), "None_");
        assert_eq!(class_name("Optional"), "Optional_");
        assert_eq!(class_name("my-type"), "My_type");
        assert_eq!(module_component("my-mod"), "my_mod");
        assert_eq!(module_component("import"), "import_");
        assert_eq!(module_component("V1"), "v1");
        assert_eq!(module_component("1x"), "_1x");
        assert_eq!(function_name("getImages"), "get_images");
        assert_eq!(function_name("import"), "import_");
    }

    #[test]
    fn unique() {
        assert_eq!(
            unique_names(vec!["ref".to_string(), "ref".to_string(), "ref_".to_string()]),
            vec!["ref", "ref_", "ref__"]
        );
    }

    #[test]
    fn enum_members() {
        assert_eq!(enum_member("SystemAssigned"), "SYSTEM_ASSIGNED");
        assert_eq!(enum_member("1.5"), "VALUE_1_5");
        assert_eq!(enum_member(""), "EMPTY");
        assert_eq!(enum_member("*"), "EMPTY");
        assert_eq!(enum_member("None"), "NONE");
        assert_eq!(enum_member("mro"), "MRO_");
    }

    #[test]
    fn literals() {
        assert_eq!(str_lit("a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(str_lit("\u{0}"), r#""\x00""#);
    }

    #[test]
    fn docstrings_survive_quotes_and_backslashes() {
        let d = docstring("ends with \"\"\" and \\ back\\slash\"", "    ");
        assert_eq!(d, "    \"\"\"\n    ends with \\\"\\\"\\\" and \\\\ back\\\\slash\\\"\n    \"\"\"\n");
        assert_eq!(docstring("  \n", "  "), "");
    }

    #[test]
    fn descriptions_keep_python_examples() {
        let d = "Intro\n{{% examples %}}\n```typescript\nconst x = 1;\n```\n```python\nx = 1\n```\n{{% /examples %}}";
        assert_eq!(clean_description(&Doc::new(d)), "Intro\n```python\nx = 1\n```");
    }
}
