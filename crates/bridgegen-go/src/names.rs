//! Go naming: keywords, exported/unexported identifiers, package names, enum value names.
//!
//! Rules (kept compatible with Pulumi's Go SDKs so existing programs compile):
//! - Exported names from schema names: the first letter is upper-cased and the rest kept
//!   (`accountId` -> `AccountId`, `imageSharePermission` -> `ImageSharePermission`), as
//!   Pulumi's Go SDKs spell them. Characters that cannot appear in a Go identifier split
//!   words (`x-kubernetes-foo` -> `XKubernetesFoo`, `$ref` -> `Ref`); a leading digit gets
//!   an `X` prefix; leading underscores are dropped (the field must be exported).
//! - Initialisms: names written in the schema with an initialism keep it (`vpcARN` ->
//!   `VpcARN`); `id` stays `Id` exactly as in Pulumi's SDKs (changing it would break
//!   existing programs). Names we *synthesize from words* (enum values without a `name`,
//!   derived from their value) use Go initialisms: `http-url` -> `HTTPURL`, see [`INITIALISMS`].
//! - Unexported names are the exported name with its first letter lowered and always carry
//!   a suffix (`fooArgs`, `fooPtrType`), so they can never be a keyword.
//! - Package names: lower-case letters and digits of the last module segment; a Go keyword or
//!   a name used by the generated code (`pulumi`, `internal`, ...) gets a `pkg` suffix.

/// Go keywords. Source: <https://go.dev/ref/spec#Keywords>.
pub const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Predeclared identifiers (<https://go.dev/ref/spec#Predeclared_identifiers>) plus the
/// package and local names generated code uses; an import alias or package name must avoid them.
pub const RESERVED_LOWER: &[&str] = &[
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "true",
    "false",
    "iota",
    "nil",
    "append",
    "cap",
    "clear",
    "close",
    "complex",
    "copy",
    "delete",
    "imag",
    "len",
    "make",
    "max",
    "min",
    "new",
    "panic",
    "print",
    "println",
    "real",
    "recover",
    // imports of generated files
    "pulumi",
    "context",
    "reflect",
    "errors",
    "fmt",
    "semver",
    "internal",
    "config",
    // package-level and local names of generated files
    "module",
    "pkg",
    "ctx",
    "name",
    "args",
    "opts",
    "err",
    "resource",
    "rv",
    "v",
    "o",
    "i",
    "e",
    "in",
    "d",
    "vs",
    "k",
    "ret",
    "secrets",
    "aliases",
    "options",
    "urn",
    "typ",
    "version",
    "value",
    "key",
    "id",
    "state",
];

/// Common Go initialisms (from the Go wiki "CodeReviewComments" list and golint).
pub const INITIALISMS: &[&str] = &[
    "ACL", "API", "ARN", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON",
    "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID", "UUID",
    "URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS",
];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Lowers the first letter (`ImageSharePermission` -> `imageSharePermission`).
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// An exported Go identifier for a schema name (property, resource, type, function).
pub fn exported(name: &str) -> String {
    let mut out = String::new();
    for word in name.split(|c: char| !is_ident_char(c)).filter(|w| !w.is_empty()) {
        let word = if out.is_empty() { word.trim_start_matches('_') } else { word };
        out.push_str(&upper_first(word));
    }
    if out.is_empty() {
        return "X".to_string();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'X');
    }
    out
}

/// An exported name built from the words of `text` (enum values without names):
/// every word capitalised, Go initialisms upper-cased.
pub fn from_words(text: &str) -> String {
    let mut out = String::new();
    // Split on non-identifier characters and on lower->upper camel boundaries.
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        for part in camel_parts(word) {
            let upper = part.to_ascii_uppercase();
            let all_caps = part.len() > 1 && part.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if INITIALISMS.contains(&upper.as_str()) || all_caps {
                // Known initialisms, and words written in capitals in the schema, stay upper-case.
                out.push_str(&upper);
            } else {
                out.push_str(&upper_first(&part.to_ascii_lowercase()));
            }
        }
    }
    out
}

fn camel_parts(word: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let boundary = i > 0
            && c.is_ascii_uppercase()
            && (chars[i - 1].is_ascii_lowercase()
                || chars[i - 1].is_ascii_digit()
                || (chars[i - 1].is_ascii_uppercase() && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase())));
        if boundary && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

/// The name of an enum member: `<Enum><Name>`, or `<Enum>_<Name>` when the member name
/// starts with a digit (`ContainerPort_80`).
pub fn enum_member(enum_name: &str, given: Option<&str>, value: &serde_json::Value) -> String {
    let base = match given {
        Some(n) => {
            let e = exported(n);
            if n.starts_with(|c: char| c.is_ascii_digit()) {
                e.trim_start_matches('X').to_string()
            } else {
                e
            }
        }
        None => match value {
            serde_json::Value::String(s) => from_words(s),
            serde_json::Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            serde_json::Value::Number(n) => {
                let s = n.to_string();
                let neg = s.starts_with('-');
                let digits: String = s
                    .trim_start_matches('-')
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect();
                if neg {
                    format!("Minus{digits}")
                } else {
                    digits
                }
            }
            _ => String::new(),
        },
    };
    if base.is_empty() {
        return format!("{enum_name}Empty");
    }
    if base.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{enum_name}_{base}")
    } else {
        format!("{enum_name}{base}")
    }
}

/// The Go package name for a module directory's last segment.
pub fn package_name(segment: &str) -> String {
    let mut s: String = segment.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    if s.is_empty() {
        s = "pkg".to_string();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, 'm');
    }
    if is_keyword(&s) || RESERVED_LOWER.contains(&s.as_str()) {
        s.push_str("pkg");
    }
    s
}

/// The directory for a module (`core/v1` -> `core/v1`, `my-mod` -> `mymod`). Segments
/// that Go treats specially (`internal`, `testdata`, leading `_`/`.`) or that clash with
/// generated directories (`config` at the top) get a `pkg` suffix.
pub fn module_dir(module: &str) -> String {
    let segs: Vec<String> = module
        .split('/')
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, seg)| {
            let mut s: String =
                seg.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>().to_ascii_lowercase();
            s = s.trim_start_matches('_').to_string();
            if s.is_empty() {
                s = "pkg".to_string();
            }
            if s == "internal" || s == "testdata" || s == "vendor" || (i == 0 && s == "config") {
                s.push_str("pkg");
            }
            s
        })
        .collect();
    segs.join("/")
}

/// The import alias used for a module package (`core/v1` -> `corev1`).
pub fn import_alias(dir: &str) -> String {
    package_name(&dir.replace('/', ""))
}

/// A Go string literal for `s` (always valid Go; non-ASCII printable kept).
pub fn go_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn exported_names_follow_pulumi_title_case() {
        let table = [
            ("accountId", "AccountId"),
            ("imageSharePermission", "ImageSharePermission"),
            ("id", "Id"),
            ("vpcARN", "VpcARN"),
            ("x-kubernetes-foo", "XKubernetesFoo"),
            ("$ref", "Ref"),
            ("_private", "Private"),
            ("3d", "X3d"),
            ("type", "Type"),
            ("func", "Func"),
            ("", "X"),
            ("a.b c", "ABC"),
            ("snake_case", "Snake_case"),
        ];
        for (input, want) in table {
            assert_eq!(exported(input), want, "{input}");
        }
    }

    #[test]
    fn words_use_initialisms() {
        assert_eq!(from_words("http-url"), "HTTPURL");
        assert_eq!(from_words("Standard_LRS"), "StandardLRS");
        assert_eq!(from_words("instanceId"), "InstanceID");
        assert_eq!(from_words("some value"), "SomeValue");
        assert_eq!(from_words("HTTPServer"), "HTTPServer");
        assert_eq!(from_words("arn"), "ARN");
    }

    #[test]
    fn enum_members() {
        assert_eq!(enum_member("Color", Some("Red"), &json!("red")), "ColorRed");
        assert_eq!(enum_member("Color", None, &json!("dark-blue")), "ColorDarkBlue");
        assert_eq!(enum_member("Port", None, &json!(80)), "Port_80");
        assert_eq!(enum_member("Port", Some("80"), &json!(80)), "Port_80");
        assert_eq!(enum_member("Scale", None, &json!(1.5)), "Scale_1_5");
        assert_eq!(enum_member("Scale", None, &json!(-1)), "ScaleMinus1");
        assert_eq!(enum_member("Flag", None, &json!(true)), "FlagTrue");
        assert_eq!(enum_member("E", None, &json!("")), "EEmpty");
        assert_eq!(enum_member("E", None, &json!("*")), "EEmpty");
        assert_eq!(enum_member("K", Some("type"), &json!("x")), "KType");
    }

    #[test]
    fn package_and_dir_names() {
        assert_eq!(package_name("ecs"), "ecs");
        assert_eq!(package_name("v1"), "v1");
        assert_eq!(package_name("type"), "typepkg");
        assert_eq!(package_name("go"), "gopkg");
        assert_eq!(package_name("my-mod"), "mymod");
        assert_eq!(package_name("2fa"), "m2fa");
        assert_eq!(package_name("pulumi"), "pulumipkg");
        assert_eq!(module_dir("core/v1"), "core/v1");
        assert_eq!(module_dir("my-mod"), "mymod");
        assert_eq!(module_dir("config"), "configpkg");
        assert_eq!(module_dir("a/internal"), "a/internalpkg");
        assert_eq!(module_dir("Apps"), "apps");
        assert_eq!(import_alias("core/v1"), "corev1");
        assert_eq!(import_alias("func"), "funcpkg");
        for k in KEYWORDS {
            assert!(!is_keyword(&package_name(k)), "{k}");
        }
    }

    #[test]
    fn lower_first_never_yields_bare_keywords_with_suffixes() {
        assert_eq!(lower_first("Type") + "Args", "typeArgs");
        assert_eq!(lower_first("URLMap"), "uRLMap");
    }

    #[test]
    fn string_literals_escape() {
        assert_eq!(go_string("a\"b\\c\n*/"), "\"a\\\"b\\\\c\\n*/\"");
        assert_eq!(go_string("\u{1}"), "\"\\x01\"");
    }
}
