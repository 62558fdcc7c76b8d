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
//!   existing programs).
//! - Enum members follow Pulumi's rule exactly (see [`enum_member`]): `<Enum><Name>`, or
//!   `<Enum>_<Name>` when the name holds an underscore (`Farm_Plants_R_Us`).
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

/// The name of an enum member, by Pulumi's rule: the member's `name` (else its value as
/// text; `*` and single digits spelled out), first letter upper-cased, `-x` turned into `_X`,
/// characters no Go identifier allows into `_` (a leading digit gets a `_` before it), runs
/// of `_` collapsed; then prefixed with the enum's name, with a `_` between the two when the
/// name holds one (`Port_80`, `Farm_Plants_R_Us`, `ColorRed`). An empty name is `Empty`.
pub fn enum_member(enum_name: &str, given: Option<&str>, value: &serde_json::Value) -> String {
    let raw = match (given, value) {
        (Some(n), _) => n.to_string(),
        (None, serde_json::Value::String(s)) => s.clone(),
        (None, serde_json::Value::Bool(b)) => b.to_string(),
        // Go's `%v` of the value: integral numbers without a fraction.
        (None, serde_json::Value::Number(n)) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        (None, _) => String::new(),
    };
    let raw = match raw.as_str() {
        "*" => "Asterisk",
        "0" => "Zero",
        "1" => "One",
        "2" => "Two",
        "3" => "Three",
        "4" => "Four",
        "5" => "Five",
        "6" => "Six",
        "7" => "Seven",
        "8" => "Eight",
        "9" => "Nine",
        other => other.strip_prefix('$').unwrap_or(other),
    };
    // Title case around `-`: the first letter and every letter after a `-` upper-cased.
    let chars: Vec<char> = raw.chars().collect();
    let mut titled = String::new();
    let mut upper = true;
    for (i, &c) in chars.iter().enumerate() {
        if c == '-' {
            if i + 1 < chars.len() {
                titled.push('_');
                upper = true;
            }
            continue;
        }
        if upper {
            titled.extend(c.to_uppercase());
        } else {
            titled.push(c);
        }
        upper = false;
    }
    let mut name = String::new();
    for (i, c) in titled.chars().enumerate() {
        if !(c == '_' || c.is_alphanumeric()) {
            name.push('_');
        } else {
            if i == 0 && !(c == '_' || c.is_alphabetic()) {
                name.push('_');
            }
            name.push(c);
        }
    }
    let mut collapsed = String::new();
    for c in name.chars() {
        if !(c == '_' && collapsed.ends_with('_')) {
            collapsed.push(c);
        }
    }
    if collapsed.is_empty() {
        return format!("{enum_name}Empty");
    }
    if collapsed.contains('_') && !collapsed.starts_with('_') {
        collapsed.insert(0, '_');
    }
    format!("{enum_name}{collapsed}")
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
        .map(|seg| {
            let mut s: String =
                seg.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>().to_ascii_lowercase();
            s = s.trim_start_matches('_').to_string();
            if s.is_empty() {
                s = "pkg".to_string();
            }
            if s == "internal" || s == "testdata" || s == "vendor" {
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
    fn enum_members() {
        assert_eq!(enum_member("Color", Some("Red"), &json!("red")), "ColorRed");
        assert_eq!(enum_member("Color", None, &json!("dark-blue")), "Color_Dark_Blue");
        assert_eq!(enum_member("L", None, &json!("NO_NAME")), "L_NO_NAME");
        assert_eq!(enum_member("Farm", None, &json!("Plants'R'Us")), "Farm_Plants_R_Us");
        assert_eq!(enum_member("S", Some("ClientCertificateDns"), &json!("x")), "SClientCertificateDns");
        assert_eq!(enum_member("Tls", None, &json!("1.0")), "Tls_1_0");
        assert_eq!(enum_member("Port", None, &json!(80)), "Port_80");
        assert_eq!(enum_member("Port", Some("80"), &json!(80)), "Port_80");
        assert_eq!(enum_member("Scale", None, &json!(1.5)), "Scale_1_5");
        assert_eq!(enum_member("Scale", None, &json!(-1)), "Scale_1");
        assert_eq!(enum_member("Scale", None, &json!(2.0)), "ScaleTwo");
        assert_eq!(enum_member("N", None, &json!(1)), "NOne");
        assert_eq!(enum_member("Flag", None, &json!(true)), "FlagTrue");
        assert_eq!(enum_member("E", None, &json!("")), "EEmpty");
        assert_eq!(enum_member("E", None, &json!("*")), "EAsterisk");
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
        // A types module `config` shares the package of the config getters, as in Pulumi's SDKs.
        assert_eq!(module_dir("config"), "config");
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
